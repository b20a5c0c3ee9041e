/**
 * Structural checks of markdown and log output that a hostile repository fed: what GitHub or
 * the runner would act on, read the way they read it (code spans and fences per CommonMark,
 * workflow commands per the runner), rather than searching for one payload's spelling.
 */

/**
 * Removes what GitHub shows literally: fenced code blocks, inline code spans (a backtick run
 * closed by a run of the same length on the same line), and `<code>` elements.
 */
export function stripCode(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const ticks = /^ {0,3}(?: {2})?(`{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (ticks !== undefined && ticks.length >= fence.length && line.trim() === ticks) fence = undefined;
      continue;
    }
    if (ticks !== undefined) {
      fence = ticks;
      continue;
    }
    out.push(stripCodeSpans(line).replace(/<code>.*?<\/code>/g, ''));
  }
  return out.join('\n');
}

function stripCodeSpans(line: string): string {
  let result = '';
  let index = 0;
  while (index < line.length) {
    const open = /`+/.exec(line.slice(index));
    if (open === null) return result + line.slice(index);
    const start = index + open.index;
    const length = open[0].length;
    result += line.slice(index, start);
    // The closing run has exactly the opening's length.
    const closing = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, 'g');
    closing.lastIndex = start + length;
    const close = closing.exec(line);
    if (close === null) {
      result += open[0];
      index = start + length;
    } else {
      index = close.index + length;
    }
  }
  return result;
}

/** Headings prune-guard writes itself. */
const OWN_HEADINGS = /^#{3,4} (?::[a-z_]+: prune-guard: |Fix$|Fixes$)/;

/**
 * Lists what in `markdown` a repository value made live: a heading not ours, a `<!--` other
 * than `allowedMarker` on the first line, a `<details>` or `</details>` line not ours, and
 * outside code a mention, issue reference, HTML tag (but our `<details>` and `<summary>`),
 * autolink, or control character.
 */
export function findLiveMarkdown(markdown: string, allowedMarker?: string): string[] {
  const problems: string[] = [];
  const body = allowedMarker !== undefined && markdown.startsWith(`${allowedMarker}\n`) ? markdown.slice(allowedMarker.length + 1) : markdown;
  for (const line of body.split('\n')) {
    if (line.startsWith('#') && !OWN_HEADINGS.test(line)) problems.push(`heading: ${line}`);
  }
  if (body.includes('<!--')) problems.push(`<!-- not ours: ${body.slice(body.indexOf('<!--'), body.indexOf('<!--') + 60)}`);
  const outside = stripCode(body);
  const lines = outside.split('\n');
  const opened = lines.filter((line) => line === '<details>').length;
  const closed = lines.filter((line) => line === '</details>').length;
  if (opened !== closed) problems.push(`${opened} <details> but ${closed} </details>`);
  for (const [what, pattern] of [
    ['mention', /@[\w-]/],
    ['issue reference', /#\d|GH-\d/],
    ['HTML tag', /<(?!\/?(?:details|summary)>)\/?[a-z!]/i],
    ['autolink', /https?:|www\./i],
    ['control character', /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/],
  ] as const) {
    const found = pattern.exec(outside);
    if (found) problems.push(`${what} outside code: ${outside.slice(Math.max(0, found.index - 30), found.index + 30)}`);
  }
  return problems;
}

/** The runner trims .NET whitespace before it looks for `::`. */
const RUNNER_LEAD = /^[\s\u0085\u180e]*/;

/**
 * Lists the lines of log output the GitHub runner would act on (`::command` after leading
 * whitespace, `##[` anywhere; lines end at LF, CR or CRLF) and any terminal control (ESC, BEL,
 * C1, bidi). `ownCommands` are the commands the program issues itself.
 */
export function findLiveLogLines(output: string, ownCommands: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const text = line.replace(RUNNER_LEAD, '');
    if (text.startsWith('::') && !ownCommands.some((command) => text.startsWith(`::${command}`))) problems.push(`workflow command: ${JSON.stringify(line)}`);
    if (line.includes('##[')) problems.push(`legacy command: ${JSON.stringify(line)}`);
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(line)) problems.push(`control character: ${JSON.stringify(line)}`);
  }
  return problems;
}
