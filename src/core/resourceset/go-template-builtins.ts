/**
 * The functions text/template itself defines (funcs.go): comparisons, len, index, slice,
 * not, the print family and the escapers. `and`, `or` and `call` are evaluated by the
 * executor, which short-circuits the first two and refuses the third.
 */
import { sprintf } from './go-printf.ts';
import type { GoSignature, TemplateFunction } from './go-signature.ts';
import {
  byteLength,
  compareGoStrings,
  formatValue,
  fromBytes,
  GoCallError,
  goInt,
  goKindName,
  goTypeName,
  hasEntry,
  isGoMap,
  isGoPrintable,
  isNil,
  isTrue,
  numberType,
  numberValue,
  TemplateError,
  toBytes,
} from './go-values.ts';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'other';

function basicKind(value: unknown): BasicKind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  const type = numberType(value);
  if (type === undefined) return 'other';
  return type === 'float64' ? 'float' : 'int';
}

/** eq: arg1 == arg2 || arg1 == arg3 ..., with Go's rules for kinds and nil. */
export function equals(first: unknown, ...others: unknown[]): boolean {
  if (others.length === 0) throw new GoCallError('missing argument for comparison');
  const k1 = basicKind(first);
  for (const other of others) {
    const k2 = basicKind(other);
    let truth = false;
    if (k1 !== k2) {
      if (!isNil(first) && !isNil(other)) throw new GoCallError(`incompatible types for comparison: ${goTypeName(first)} and ${goTypeName(other)}`);
    } else if (k1 === 'int' || k1 === 'float') truth = numberValue(first) === numberValue(other);
    else if (k1 !== 'other') truth = first === other;
    else {
      if (goKindName(first) !== goKindName(other) && !isNil(first) && !isNil(other)) {
        throw new GoCallError(`non-comparable types ${formatValue(first)}: ${goTypeName(first)}, ${goTypeName(other)}: ${formatValue(other)}`);
      }
      if (!isNil(first) && !isNil(other)) throw new GoCallError(`non-comparable type ${formatValue(other)}: ${goTypeName(other)}`);
      truth = isNil(first) === isNil(other);
    }
    if (truth) return true;
  }
  return false;
}

/** lt: a < b for basic kinds of the same kind (ints with ints, floats with floats, strings with strings). */
export function lessThan(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'other' || k2 === 'other') throw new GoCallError('invalid type for comparison');
  if (k1 !== k2) throw new GoCallError(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
  if (k1 === 'bool') throw new GoCallError('invalid type for comparison');
  if (k1 === 'string') return compareGoStrings(a as string, b as string) < 0;
  return numberValue(a) < numberValue(b);
}

function length(item: unknown): unknown {
  if (isNil(item)) throw new GoCallError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return goInt(byteLength(item));
  if (Array.isArray(item)) return goInt(item.length);
  if (isGoMap(item)) return goInt(Object.keys(item).length);
  throw new GoCallError(`len of type ${goTypeName(item)}`);
}

function indexArgument(index: unknown, cap: number): number {
  if (isNil(index)) throw new GoCallError('cannot index slice/array with nil');
  const type = numberType(index);
  if (type !== 'int' && type !== 'int64') throw new GoCallError(`cannot index slice/array with type ${goTypeName(index)}`);
  const x = numberValue(index);
  if (x < 0 || x > cap) throw new GoCallError(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (isNil(item)) throw new GoCallError('index of untyped nil');
  let current: unknown = item;
  for (const key of indexes) {
    if (isNil(current)) throw new GoCallError('index of nil pointer');
    if (Array.isArray(current)) {
      const x = indexArgument(key, current.length);
      if (x === current.length) throw new GoCallError('reflect: slice index out of range');
      current = current[x];
    } else if (isGoMap(current)) {
      if (isNil(key)) throw new GoCallError('value is nil; should be of type string');
      if (typeof key !== 'string') throw new GoCallError(`value has type ${goTypeName(key)}; should be string`);
      const zero = goTypeName(current) === 'map[string]string' ? '' : null;
      current = hasEntry(current, key) ? current[key] : zero;
    } else if (typeof current === 'string') throw new TemplateError('index of a string is not supported by prune-guard', 'index of a string');
    else throw new GoCallError(`can't index item of type ${goTypeName(current)}`);
  }
  return current ?? null;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (isNil(item)) throw new GoCallError('slice of untyped nil');
  if (indexes.length > 3) throw new GoCallError(`too many slice indexes: ${indexes.length}`);
  const isString = typeof item === 'string';
  if (!isString && !Array.isArray(item)) throw new GoCallError(`can't slice item of type ${goTypeName(item)}`);
  if (isString && indexes.length === 3) throw new GoCallError('cannot 3-index slice a string');
  const bytes = isString ? toBytes(item) : undefined;
  const size = bytes?.length ?? (item as unknown[]).length;
  const idx = [0, size, size];
  indexes.forEach((key, i) => {
    idx[i] = indexArgument(key, size);
  });
  const [from = 0, to = size, max = size] = idx;
  if (from > to) throw new GoCallError(`invalid slice index: ${from} > ${to}`);
  if (indexes.length === 3 && to > max) throw new GoCallError(`invalid slice index: ${to} > ${max}`);
  return bytes === undefined ? (item as unknown[]).slice(from, to) : fromBytes(bytes.slice(from, to));
}

/** fmt.Sprint: operands separated by a space when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(arg);
  });
  return out;
}

// The escapers print nil as the template does, <no value>.
function evalArgs(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((arg) => (isNil(arg) ? '<no value>' : arg)));
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** template.HTMLEscapeString. */
export const escapeHtml = (text: string): string => text.replace(/[\0"'&<>]/g, (char) => HTML_ESCAPES[char] ?? char);

const JS_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };

/** template.JSEscapeString. */
export function escapeJs(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (JS_ESCAPES[char] !== undefined) out += JS_ESCAPES[char];
    else if (code < 0x20) out += `\\u00${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code < 0x80 || isGoPrintable(char)) out += char;
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** url.QueryEscape. */
export function escapeQuery(text: string): string {
  let out = '';
  for (const byte of toBytes(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const entry = (fn: TemplateFunction, signature: GoSignature): { fn: TemplateFunction; signature: GoSignature } => ({ fn, signature });
const unreachable: TemplateFunction = () => null;
const compare = (test: (a: unknown, b: unknown) => boolean): TemplateFunction => (a, b) => test(a, b);

/** The builtin functions of text/template, with their Go signatures. */
export const BUILTINS: ReadonlyMap<string, { readonly fn: TemplateFunction; readonly signature: GoSignature }> = new Map([
  ['and', entry(unreachable, { params: ['value'], variadic: 'value' })],
  ['or', entry(unreachable, { params: ['value'], variadic: 'value' })],
  ['call', entry(unreachable, { params: ['value'], variadic: 'value' })],
  ['not', entry((arg) => !isTrue(arg), { params: ['value'] })],
  ['eq', entry((first, ...others) => equals(first, ...others), { params: ['value'], variadic: 'value' })],
  ['ne', entry(compare((a, b) => !equals(a, b)), { params: ['value', 'value'] })],
  ['lt', entry(compare(lessThan), { params: ['value', 'value'] })],
  ['le', entry(compare((a, b) => lessThan(a, b) || equals(a, b)), { params: ['value', 'value'] })],
  ['gt', entry(compare((a, b) => !(lessThan(a, b) || equals(a, b))), { params: ['value', 'value'] })],
  ['ge', entry(compare((a, b) => !lessThan(a, b)), { params: ['value', 'value'] })],
  ['len', entry(length, { params: ['value'] })],
  ['index', entry(index, { params: ['value'], variadic: 'value' })],
  ['slice', entry(slice, { params: ['value'], variadic: 'value' })],
  ['print', entry((...args) => sprint(args), { params: [], variadic: 'any' })],
  ['println', entry((...args) => `${args.map((arg) => formatValue(arg)).join(' ')}\n`, { params: [], variadic: 'any' })],
  ['printf', entry((format, ...args) => sprintf(format as string, args), { params: ['string'], variadic: 'any' })],
  ['html', entry((...args) => escapeHtml(evalArgs(args)), { params: [], variadic: 'any' })],
  ['js', entry((...args) => escapeJs(evalArgs(args)), { params: [], variadic: 'any' })],
  ['urlquery', entry((...args) => escapeQuery(evalArgs(args)), { params: [], variadic: 'any' })],
]);
