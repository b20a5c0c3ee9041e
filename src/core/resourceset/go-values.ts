/**
 * The values a Go template sees, modelled in TypeScript. Data is JSON-like: a whole JS number
 * is a Go int64 and any other a float64 (as the operator decodes inputs), arrays are
 * []interface{} and objects map[string]interface{}. Values whose Go type differs from that
 * convention (an `int` literal, a whole float64, a []string from splitList) carry it:
 * numbers as {@link GoNumber}, lists and maps through {@link tagList} and {@link tagMap}.
 */

/** Why a template did not render, as the operator would fail it; `unsupported` names a function or construct the operator has but prune-guard does not implement. */
export class TemplateError extends Error {
  readonly unsupported?: string;

  constructor(message: string, unsupported?: string) {
    super(message);
    this.name = 'TemplateError';
    if (unsupported !== undefined) this.unsupported = unsupported;
  }
}

/** An error a Go template function returns (or a panic it raises); the executor reports it as `error calling <name>: <message>`. */
export class GoCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoCallError';
  }
}

/** How deep values, templates and parentheses may nest here. */
export const MAX_DEPTH = 100;
/** The longest output (and the longest string a function builds), in UTF-16 code units. */
export const MAX_OUTPUT = 16 * 1024 * 1024;

/** The Go number types templates meet. */
export type GoNumberType = 'int' | 'int64' | 'float64';

/** A number whose Go type is explicit (an `int` literal, a whole float64, ...). */
export class GoNumber {
  readonly type: GoNumberType;
  readonly value: number;

  constructor(type: GoNumberType, value: number) {
    this.type = type;
    this.value = value;
  }
}

/** A Go `int`. */
export const goInt = (value: number): GoNumber => new GoNumber('int', value);
/** A Go `int64`. */
export const goInt64 = (value: number): GoNumber => new GoNumber('int64', value);
/** A Go `float64`. */
export const goFloat = (value: number): GoNumber => new GoNumber('float64', value);

/** The Go type of a number, or undefined when the value is no number. */
export function numberType(value: unknown): GoNumberType | undefined {
  if (value instanceof GoNumber) return value.type;
  // A whole number beyond int64's range can only have been decoded as a float64.
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
  return undefined;
}

/** The numeric value of a number (see {@link numberType}). */
export function numberValue(value: unknown): number {
  return value instanceof GoNumber ? value.value : (value as number);
}

/** A Go map: keys are strings, values template values. */
export type GoMap = Record<string, unknown>;

const listTypes = new WeakMap<readonly unknown[], string>();
const mapTypes = new WeakMap<object, string>();

/** Marks a list as a Go slice of another element type than interface{}. */
export function tagList<T extends unknown[]>(list: T, type: '[]string' | '[]int' | '[][]interface {}'): T {
  listTypes.set(list, type);
  return list;
}

/** Marks a map as map[string]string. */
export function tagMap<T extends GoMap>(map: T, type: 'map[string]string'): T {
  mapTypes.set(map, type);
  return map;
}

/** Whether a value is a Go map (a plain or null-prototype object). */
export function isGoMap(value: unknown): value is GoMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** Whether a value is nil. */
export const isNil = (value: unknown): value is null | undefined => value === null || value === undefined;

/** A new empty Go map, safe for any key (no prototype). */
export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** Sets a map entry; a key such as `__proto__` stays an ordinary key. */
export function setEntry(map: GoMap, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Whether a map has a key of its own. */
export const hasEntry = (map: GoMap, key: string): boolean => Object.hasOwn(map, key);

/** Compares strings as Go does (bytewise UTF-8, i.e. by code point). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rankCodeUnit(x) - rankCodeUnit(y);
  }
  return a.length - b.length;
}

// Surrogates encode code points above U+FFFF, so they must sort after U+E000..U+FFFF.
function rankCodeUnit(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** The keys of a map in Go's sorted order. */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareGoStrings);
}

/** The Go type name of a value, as fmt's %T prints it. */
export function goTypeName(value: unknown): string {
  if (isNil(value)) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  const type = numberType(value);
  if (type !== undefined) return type;
  if (Array.isArray(value)) return listTypes.get(value) ?? '[]interface {}';
  if (isGoMap(value)) return mapTypes.get(value) ?? 'map[string]interface {}';
  throw new TemplateError(`a value of JavaScript type ${typeof value} is not a template value`, 'value type');
}

/** The reflect.Kind name of a value. */
export function goKindName(value: unknown): string {
  if (isNil(value)) return 'invalid';
  if (Array.isArray(value)) return 'slice';
  if (isGoMap(value)) return 'map';
  return goTypeName(value);
}

/** Go's truth: false, 0, nil and empty strings, lists and maps are false. */
export function isTrue(value: unknown): boolean {
  if (isNil(value)) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (numberType(value) !== undefined) return numberValue(value) !== 0;
  if (isGoMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** Throws when a value nests deeper than {@link MAX_DEPTH}. */
export function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) throw new TemplateError(`a value nests deeper than ${MAX_DEPTH} levels`);
}

/** Throws when a string would be longer than {@link MAX_OUTPUT}. */
export function checkLength(length: number, what: string): void {
  if (length > MAX_OUTPUT) throw new TemplateError(`${what} would be longer than ${MAX_OUTPUT} characters, more than prune-guard renders`);
}

/** The most elements a list built by a function may hold here. */
export const MAX_LIST = 1_000_000;

/** A float64 as strconv.FormatFloat(f, 'g', -1, 64) prints it (fmt's %v). */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', exponent = '0'] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  const sign = f < 0 ? '-' : '';
  // Shortest formatting switches to an exponent below 1e-4 and from 1e6 (strconv's eprec of 6).
  if (exp < -4 || exp >= 6) {
    const tail = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${tail}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A number as %v prints it. */
export function formatGoNumber(value: unknown): string {
  const n = numberValue(value);
  return numberType(value) === 'float64' ? formatGoFloat(n) : String(n);
}

/** A value as fmt's %v prints it: nil as <nil>, lists as [a b], maps as map[k:v] with sorted keys. */
export function formatValue(value: unknown, depth = 0): string {
  checkDepth(depth);
  if (isNil(value)) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (numberType(value) !== undefined) return formatGoNumber(value);
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): void => {
    length += part.length + 1;
    checkLength(length, 'a printed value');
    parts.push(part);
  };
  if (Array.isArray(value)) {
    for (const item of value) add(formatValue(item, depth + 1));
    return `[${parts.join(' ')}]`;
  }
  if (isGoMap(value)) {
    for (const key of sortedKeys(value)) add(`${key}:${formatValue(value[key], depth + 1)}`);
    return `map[${parts.join(' ')}]`;
  }
  return goTypeName(value);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Whether Go's unicode.IsPrint holds for a code point. */
export function isGoPrintable(char: string): boolean {
  return char === ' ' || PRINTABLE.test(char);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** A string as strconv.Quote (and fmt's %q) writes it. */
export function quoteGo(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (isGoPrintable(char)) out += char;
    else if (SHORT_ESCAPES[char] !== undefined) out += SHORT_ESCAPES[char];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The UTF-8 bytes of a string (Go strings are bytes). */
export const toBytes = (text: string): Uint8Array => encoder.encode(text);
/** A string from UTF-8 bytes; invalid sequences become U+FFFD. */
export const fromBytes = (bytes: Uint8Array): string => decoder.decode(bytes);
/** The length of a string in UTF-8 bytes, as Go's len. */
export const byteLength = (text: string): number => encoder.encode(text).length;

/** Deep-copies JSON-like data into Go values with null-prototype maps, so that `set` cannot reach a prototype. */
export function copyData(value: unknown, depth = 0): unknown {
  checkDepth(depth);
  if (Array.isArray(value)) return value.map((item) => copyData(item, depth + 1));
  if (isGoMap(value)) {
    const map = newMap();
    for (const key of Object.keys(value)) setEntry(map, key, copyData(value[key], depth + 1));
    return map;
  }
  if (value === undefined) return null;
  return value;
}
