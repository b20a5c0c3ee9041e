/**
 * Plain text that stays plain. Values from manifests (names, paths, URLs, messages quoting
 * them, a tool's stderr) reach terminals and CI logs; there a control character moves the
 * cursor, recolours, hyperlinks or reorders a line, and a line the GitHub runner reads as a
 * workflow command (`::error::`, `::add-mask::`, `::stop-commands::`, legacy `##[`) acts.
 */

/**
 * C0 (newline, CR and tab included), DEL, C1, the line and paragraph separators and the
 * bidirectional controls (embeddings, overrides, isolates and the implicit marks): each can
 * make what a reader sees differ from what the text says.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Returns the visible escape of one control character: `\n`, `\x1b`, `\u202e`. */
function formatEscape(character: string): string {
  const named = NAMED_ESCAPES[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces every control character of a value with a visible escape (`\n`, `\x1b`, `\u202e`),
 * except those listed in `keep` (e.g. `'\t'` for lines of a file, where a tab is content).
 */
export function escapeControlCharacters(text: string, keep = ''): string {
  return text.replace(CONTROL_CHARACTERS, (character) => (keep.includes(character) ? character : formatEscape(character)));
}

/** True when a text holds a control character that {@link escapeControlCharacters} would replace. */
export function hasControlCharacters(text: string, keep = ''): boolean {
  return [...text.matchAll(CONTROL_CHARACTERS)].some((match) => !keep.includes(match[0]));
}

/**
 * What the runner skips before it looks for `::`: it trims whitespace (.NET's, which also
 * counts NEL and the Mongolian vowel separator). Colour codes are skipped too, so a line that
 * starts with one of ours is judged by its text.
 */
const LINE_LEAD = /^(?:[\s\u0085\u180e]|\u001b\[[0-9;]*m)*/;

/**
 * Makes one line unreadable as a workflow command: a backslash before a leading `::` (after
 * whitespace and colour codes), and `##[` broken as `##\[` wherever it stands.
 */
export function protectLine(line: string): string {
  const broken = line.replace(/##\[/g, '##\\[');
  const lead = LINE_LEAD.exec(broken)?.[0].length ?? 0;
  return broken.startsWith('::', lead) ? `${broken.slice(0, lead)}\\${broken.slice(lead)}` : broken;
}

/**
 * Applies {@link protectLine} to every line of a text, where a line ends at LF, CR or CRLF
 * (the runner reads lines as .NET does); the line breaks themselves are kept.
 */
export function protectLines(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : protectLine(part)))
    .join('');
}

/** One line for a log from any text: every control character escaped, no workflow command. */
export function formatLogLine(text: string): string {
  return protectLine(escapeControlCharacters(text));
}

/**
 * Lines for a log from multi-line text (a tool's stderr): each line's control characters
 * escaped (tabs kept), no workflow command; lines end with LF.
 */
export function formatLogLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => protectLine(escapeControlCharacters(line, '\t')))
    .join('\n');
}

/**
 * A unified patch made safe to print: in every line, control characters escaped (tabs and
 * the CR of a CRLF line kept), and no workflow command. Returns how many lines changed:
 * those no longer apply, and the caller says so.
 */
export function protectPatch(patch: string): { text: string; altered: number } {
  let altered = 0;
  const lines = patch.split('\n').map((line) => {
    const crlf = line.endsWith('\r');
    const body = crlf ? line.slice(0, -1) : line;
    const safe = protectLine(escapeControlCharacters(body, '\t'));
    if (safe !== body) altered += 1;
    return crlf ? `${safe}\r` : safe;
  });
  return { text: lines.join('\n'), altered };
}

/** Characters JSON.stringify leaves raw that a terminal or a reader's eye would act on. */
const JSON_RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON made safe to print, with the same value: DEL, C1 and bidirectional controls become
 * `\uXXXX` escapes (JSON.stringify escapes only C0), and `##[` inside a string is written
 * `#\u0023[`, which parses back to `##[`. Lines cannot start with `::`: every string is quoted.
 */
export function protectJson(json: string): string {
  return json
    .replace(JSON_RAW_CONTROLS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\\u0023[');
}
