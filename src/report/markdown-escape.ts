/**
 * The one way values from the repository (names, namespaces, kinds, unit names, paths, URLs,
 * labels, and messages that embed them) enter GitHub-flavoured markdown. A pull request from a
 * fork controls all of them; none may start a heading, close a `<details>`, forge a hidden
 * marker (`<!--`), mention someone, reference an issue, link, embed an image or HTML, or
 * carry a control character into the comment, the job summary or a review comment.
 */
import { escapeControlCharacters } from '../core/text/plain-text.ts';

/** What an empty value shows: an empty code span would read as two backticks. */
const EMPTY_VALUE = '*(empty)*';

/**
 * Breaks every `<!--` visibly (`<\!--`): an HTML comment opener in a value could forge the
 * hidden markers by which comments and suggestions are found again.
 */
export function breakCommentOpeners(text: string): string {
  return text.replace(/<!--/g, '<\\!--');
}

/** The length of the longest run of backticks in a text (0 without any). */
function findLongestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
}

/**
 * A value as an inline code span, which shows its text literally: fenced by one backtick
 * more than its longest backtick run, padded with a space where CommonMark would otherwise
 * strip or merge one. `inTable` escapes `|`, which GitHub's table splitting reads before code
 * spans (`\|` shows as `|` in the cell).
 */
function formatCodeSpan(value: string, inTable: boolean): string {
  if (value === '') return EMPTY_VALUE;
  let text = breakCommentOpeners(escapeControlCharacters(value));
  if (inTable) text = text.replace(/\|/g, '\\|');
  const ticks = '`'.repeat(findLongestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '');
  return pad ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

/** A value as inline code, outside tables. */
export function formatCode(value: string): string {
  return formatCodeSpan(value, false);
}

/** A value as inline code in a table cell. */
export function formatCellCode(value: string): string {
  return formatCodeSpan(value, true);
}

/**
 * Characters that can make a token live in GitHub markdown: mentions and references (`@`,
 * `#`), HTML and entities (`<`, `>`, `&`), code, emphasis, strikethrough, links, images,
 * escapes, table cells and math.
 */
const LIVE_CHARACTERS = /[@#<>&`*_[\]\\|~$!]/;
/** Autolinks GitHub makes without any markup, and its `GH-1` issue references. */
const AUTOLINK = /https?:\/\/|www\.|\bGH-\d/i;
/** Anything but printable ASCII: controls, and look-alikes of the characters above. */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
/** A token that alone would start a list, a setext underline or a thematic break. */
const BLOCK_MARKER = /^(?:[-+*=]+|\d{1,9}[.)])$/;
/** Punctuation around a word that stays outside its code span, so sentences read as before. */
const WORD_EDGES = /^([("']*)(.*?)([)"',.;:?]*)$/s;

/** True when a token could be read as anything but plain words. */
function isLiveToken(token: string): boolean {
  return LIVE_CHARACTERS.test(token) || AUTOLINK.test(token) || NOT_PRINTABLE_ASCII.test(token);
}

function formatProseToken(token: string, inTable: boolean): string {
  if (token === '') return token;
  if (BLOCK_MARKER.test(token)) return formatCodeSpan(token, inTable);
  const [, lead = '', word = '', edge = ''] = WORD_EDGES.exec(token) ?? [];
  let core = word;
  let trail = edge;
  // A closing parenthesis that closes one of the word's own stays with it: `f(x)`, `[a](b)`.
  while (trail.startsWith(')') && core.split('(').length > core.split(')').length) {
    core += ')';
    trail = trail.slice(1);
  }
  if (!isLiveToken(core)) return token;
  return `${lead}${formatCodeSpan(core, inTable)}${trail}`;
}

/**
 * Prose that embeds values (finding messages, skip reasons, fix descriptions): its words stay
 * readable, and every space-separated token that could be live (a mention, reference,
 * autolink, emphasis, link, image, HTML, entity, math, or anything not printable ASCII) is
 * shown as inline code.
 */
export function formatProse(text: string): string {
  return text.split(' ').map((token) => formatProseToken(token, false)).join(' ');
}

/** {@link formatProse} for a table cell. */
export function formatCellProse(text: string): string {
  return text.split(' ').map((token) => formatProseToken(token, true)).join(' ');
}

/** Escapes the characters HTML reads as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A value inside raw HTML (a `<summary>`): `<code>` with escaped text, where GitHub links no
 * mention or reference.
 */
export function formatHtmlCode(value: string): string {
  if (value === '') return '<em>(empty)</em>';
  return `<code>${escapeHtml(escapeControlCharacters(value))}</code>`;
}

/**
 * Text as a fenced code block, one backtick longer than any run inside it (at least three),
 * so no line of the text closes it. Control characters are escaped (tabs kept: diffs and
 * YAML hold them as content; CRLF line ends read as line ends) and `<!--` is broken.
 */
export function formatFence(text: string, language: string): string {
  const body = breakCommentOpeners(
    text
      .split(/\r?\n/)
      .map((line) => escapeControlCharacters(line, '\t'))
      .join('\n'),
  );
  const ticks = '`'.repeat(Math.max(3, findLongestBacktickRun(body) + 1));
  return `${ticks}${language}\n${body}\n${ticks}`;
}
