/**
 * slim-sprig's string functions (strings.go) with Go's semantics: byte-based lengths and
 * slicing, Unicode-aware case mapping rune by rune, strings.Split/SplitN/Trim/TrimSpace,
 * and the argument orders sprig chose for pipelines (`"foo" | repeat 3`, `replace "a" "b"`).
 */
import { goFunction, type TemplateFunction } from './go-signature.ts';
import { checkLength, compareGoStrings, formatValue, fromBytes, GoCallError, isNil, newMap, numberValue, quoteGo, setEntry, tagList, tagMap, toBytes } from './go-values.ts';

/** sprig's strval: a string as is, anything else as %v prints it. */
export const strval = (value: unknown): string => (typeof value === 'string' ? value : formatValue(value));

/** sprig's strslice: a list as strings (nil elements skipped), nil as [], anything else as [strval]. */
export function strslice(value: unknown): string[] {
  if (Array.isArray(value)) return tagList(value.filter((item) => !isNil(item)).map(strval), '[]string');
  if (isNil(value)) return tagList([], '[]string');
  return tagList([strval(value)], '[]string');
}

// unicode.IsSpace: the Latin-1 spaces and the Unicode White_Space property.
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** strings.TrimSpace. */
export function trimSpace(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && GO_SPACE.test(chars[start] ?? '')) start++;
  while (end > start && GO_SPACE.test(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

/** strings.Trim(text, cutset): removes leading and trailing runes in the cutset. */
export function trimCutset(text: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start] ?? '')) start++;
  while (end > start && cut.has(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

// Go maps case rune by rune (simple case mapping); JS may expand one rune into several (ß -> SS).
const LOWER_SPECIAL: Readonly<Record<string, string>> = { İ: 'i' };
const mapRune = (char: string, map: (c: string) => string): string => {
  const mapped = map(char);
  return [...mapped].length === 1 ? mapped : char;
};

/** strings.ToUpper. */
export const toUpperGo = (text: string): string => [...text].map((char) => mapRune(char, (c) => c.toUpperCase())).join('');
/** strings.ToLower. */
export const toLowerGo = (text: string): string => [...text].map((char) => LOWER_SPECIAL[char] ?? mapRune(char, (c) => c.toLowerCase())).join('');

/** strings.Title: upper-cases the first letter of each word (words end at separators Go recognizes). */
export function titleGo(text: string): string {
  let previous = ' ';
  let out = '';
  for (const char of text) {
    out += isTitleSeparator(previous) ? mapRune(char, (c) => c.toUpperCase()) : char;
    previous = char;
  }
  return out;
}

function isTitleSeparator(char: string): boolean {
  if (char.charCodeAt(0) < 0x80) return !/[0-9A-Za-z_]/.test(char);
  if (/[\p{L}\p{Nd}]/u.test(char)) return false;
  return GO_SPACE.test(char);
}

/** strings.Split (an empty separator splits into runes). */
export function splitGo(text: string, sep: string, limit = -1): string[] {
  if (limit === 0) return [];
  if (sep === '') {
    const runes = [...text];
    if (limit < 0 || runes.length <= limit) return runes;
    return [...runes.slice(0, limit - 1), runes.slice(limit - 1).join('')];
  }
  const parts = text.split(sep);
  if (limit < 0 || parts.length <= limit) return parts;
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(sep)];
}

/** strings.Replace(src, old, new, -1) (an empty old matches before every rune and at the end). */
export function replaceAllGo(src: string, old: string, replacement: string): string {
  if (old === '') {
    const runes = [...src];
    checkLength(src.length + (runes.length + 1) * replacement.length, 'replace');
    return replacement + runes.map((rune) => rune + replacement).join('');
  }
  const count = src.split(old).length - 1;
  checkLength(src.length + count * Math.max(0, replacement.length - old.length), 'replace');
  return src.split(old).join(replacement);
}

function repeatGo(count: number, text: string): string {
  if (count < 0) throw new GoCallError('strings: negative Repeat count');
  checkLength(count * text.length, 'repeat');
  return text.repeat(count);
}

function indentGo(spaces: number, text: string): string {
  const pad = repeatGo(spaces, ' ');
  const lines = text.split('\n').length;
  checkLength(text.length + lines * pad.length, 'indent');
  return pad + text.split('\n').join(`\n${pad}`);
}

const sliceBytes = (text: string, from: number, to?: number): string => fromBytes(toBytes(text).slice(from, to));

function truncGo(count: number, text: string): string {
  const size = toBytes(text).length;
  if (count < 0 && size + count > 0) return sliceBytes(text, size + count);
  if (count >= 0 && size > count) return sliceBytes(text, 0, count);
  return text;
}

// Go panics on out-of-range slicing; sprig's substr does not guard every case.
function substrGo(start: number, end: number, text: string): string {
  const size = toBytes(text).length;
  const outOfRange = (detail: string): never => {
    throw new GoCallError(`runtime error: slice bounds out of range ${detail}`);
  };
  if (start < 0) {
    if (end < 0 || end > size) outOfRange(`[:${end}] with length ${size}`);
    return sliceBytes(text, 0, end);
  }
  if (end < 0 || end > size) {
    if (start > size) outOfRange(`[${start}:${size}]`);
    return sliceBytes(text, start);
  }
  if (start > end) outOfRange(`[${start}:${end}]`);
  return sliceBytes(text, start, end);
}

const toMapOfParts = (parts: readonly string[]): Record<string, unknown> => {
  const map = newMap();
  parts.forEach((part, i) => setEntry(map, `_${i}`, part));
  return tagMap(map, 'map[string]string');
};

const int = (value: unknown): number => numberValue(value);

/** The string functions of slim-sprig, by name. */
export const STRING_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  hello: goFunction([], () => 'Hello!'),
  trunc: goFunction(['int', 'string'], (count: unknown, text: string) => truncGo(int(count), text)),
  trim: goFunction(['string'], trimSpace),
  upper: goFunction(['string'], toUpperGo),
  lower: goFunction(['string'], toLowerGo),
  title: goFunction(['string'], titleGo),
  substr: goFunction(['int', 'int', 'string'], (start: unknown, end: unknown, text: string) => substrGo(int(start), int(end), text)),
  repeat: goFunction(['int', 'string'], (count: unknown, text: string) => repeatGo(int(count), text)),
  trimall: goFunction(['string', 'string'], (cutset: string, text: string) => trimCutset(text, cutset)),
  trimAll: goFunction(['string', 'string'], (cutset: string, text: string) => trimCutset(text, cutset)),
  trimSuffix: goFunction(['string', 'string'], (suffix: string, text: string) => (suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text)),
  trimPrefix: goFunction(['string', 'string'], (prefix: string, text: string) => (text.startsWith(prefix) ? text.slice(prefix.length) : text)),
  contains: goFunction(['string', 'string'], (needle: string, text: string) => text.includes(needle)),
  hasPrefix: goFunction(['string', 'string'], (prefix: string, text: string) => text.startsWith(prefix)),
  hasSuffix: goFunction(['string', 'string'], (suffix: string, text: string) => text.endsWith(suffix)),
  quote: goFunction([], (...values: unknown[]) => values.filter((value) => !isNil(value)).map((value) => quoteGo(strval(value))).join(' '), 'any'),
  squote: goFunction([], (...values: unknown[]) => values.filter((value) => !isNil(value)).map((value) => `'${formatValue(value)}'`).join(' '), 'any'),
  cat: goFunction([], (...values: unknown[]) => values.filter((value) => !isNil(value)).map((value) => formatValue(value)).join(' '), 'any'),
  indent: goFunction(['int', 'string'], (spaces: unknown, text: string) => indentGo(int(spaces), text)),
  nindent: goFunction(['int', 'string'], (spaces: unknown, text: string) => `\n${indentGo(int(spaces), text)}`),
  replace: goFunction(['string', 'string', 'string'], (old: string, replacement: string, src: string) => replaceAllGo(src, old, replacement)),
  plural: goFunction(['string', 'string', 'int'], (one: string, many: string, count: unknown) => (int(count) === 1 ? one : many)),
  toString: goFunction(['any'], strval),
  split: goFunction(['string', 'string'], (sep: string, text: string) => toMapOfParts(splitGo(text, sep))),
  splitList: goFunction(['string', 'string'], (sep: string, text: string) => tagList(splitGo(text, sep), '[]string')),
  splitn: goFunction(['string', 'int', 'string'], (sep: string, count: unknown, text: string) => toMapOfParts(splitGo(text, sep, int(count)))),
  toStrings: goFunction(['any'], strslice),
  join: goFunction(['string', 'any'], (sep: string, value: unknown) => {
    const parts = strslice(value);
    checkLength(parts.reduce((sum, part) => sum + part.length + sep.length, 0), 'join');
    return parts.join(sep);
  }),
  sortAlpha: goFunction(['any'], (value: unknown) => (Array.isArray(value) ? tagList(strslice(value).sort(compareGoStrings), '[]string') : tagList([strval(value)], '[]string'))),
};

