/**
 * slim-sprig's numeric, conversion, default and reflection functions (numeric.go,
 * defaults.go, reflect.go): conversions that never fail (a string that is not a number is
 * 0), int64 arithmetic, sequences bounded here at 10,000 elements, sprig's `empty`, and the
 * type names of fmt's %T.
 */
import { parseGoFloat, parseGoInteger } from './go-literals.ts';
import { goFunction, type TemplateFunction } from './go-signature.ts';
import {
  checkDepth,
  formatValue,
  goFloat,
  GoCallError,
  goInt,
  goInt64,
  goKindName,
  goTypeName,
  isGoMap,
  isNil,
  numberType,
  numberValue,
  tagList,
  TemplateError,
} from './go-values.ts';

/** The most elements until, untilStep and seq build here. */
export const MAX_SEQUENCE = 10_000;

/** strconv.ParseInt(text, 10, 64), or undefined. */
function parseDecimal(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = parseGoInteger(text.replace(/^([+-]?)0+(?=[0-9])/, '$1'));
  if (value === undefined || value > 2n ** 63n - 1n || value < -(2n ** 63n)) return undefined;
  return Number(value);
}

// strconv.ParseInt(text, 8, 64), 0 when it fails (as toDecimal treats errors).
function parseOctal(text: string): number {
  const match = /^([+-]?)([0-7]+)$/.exec(text);
  if (!match) return 0;
  const value = BigInt(`0o${match[2] ?? '0'}`) * (match[1] === '-' ? -1n : 1n);
  return value > 2n ** 63n - 1n || value < -(2n ** 63n) ? 0 : Number(value);
}

/** sprig's toInt64: strings parsed in base 10 (0 when they are not integers), floats truncated, bools 1 or 0, anything else 0. */
export function toInt64(value: unknown): number {
  if (typeof value === 'string') return parseDecimal(value) ?? 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const type = numberType(value);
  if (type === undefined) return 0;
  const n = numberValue(value);
  return type === 'float64' ? (Number.isFinite(n) ? Math.trunc(n) : 0) : n;
}

/** sprig's toFloat64: strings parsed as floats (0 when they are not numbers), numbers as they are, bools 1 or 0, anything else 0. */
export function toFloat64(value: unknown): number {
  if (typeof value === 'string') return parseGoFloat(value) ?? 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return numberType(value) === undefined ? 0 : numberValue(value);
}

/** sprig's empty: nil, false, 0 and empty strings, lists and maps. */
export function isEmpty(value: unknown): boolean {
  if (isNil(value)) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value === 'boolean') return !value;
  if (numberType(value) !== undefined) return numberValue(value) === 0;
  if (isGoMap(value)) return Object.keys(value).length === 0;
  return false;
}

/** The most values one call of deepEqual, uniq, has or without visits here. */
export const MAX_COMPARISON_STEPS = 10_000_000;

/** reflect.DeepEqual for template values. */
export function deepEqualGo(a: unknown, b: unknown, budget: { steps: number } = { steps: 0 }): boolean {
  const equal = (x: unknown, y: unknown, depth: number): boolean => {
    checkDepth(depth);
    // Lists that share their elements can be exponentially larger than the memory they use.
    if (++budget.steps > MAX_COMPARISON_STEPS) throw new TemplateError(`a comparison visits more than ${MAX_COMPARISON_STEPS} values, more than prune-guard renders`);
    if (goTypeName(x) !== goTypeName(y)) return false;
    // reflect.DeepEqual also takes a slice or map as equal to itself without looking inside.
    if (x === y || isNil(x)) return true;
    if (numberType(x) !== undefined) return numberValue(x) === numberValue(y);
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((item, i) => equal(item, y[i], depth + 1));
    if (isGoMap(x) && isGoMap(y)) {
      const keys = Object.keys(x);
      return keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && equal(x[key], y[key], depth + 1));
    }
    return x === y;
  };
  return equal(a, b, 0);
}

/** sprig's untilStep: start, start+step, ... up to stop (exclusive), as []int. */
export function untilStep(start: number, stop: number, step: number): unknown[] {
  let count: number;
  if (stop < start) count = step >= 0 ? 0 : Math.ceil((start - stop) / -step);
  else count = step <= 0 ? 0 : Math.ceil((stop - start) / step);
  if (count > MAX_SEQUENCE) throw new TemplateError(`a sequence of ${count} elements is longer than the ${MAX_SEQUENCE} prune-guard builds`);
  return tagList(
    Array.from({ length: count }, (_, i) => goInt(start + i * step)),
    '[]int',
  );
}

function seq(...params: unknown[]): string {
  const [a = 0, b = 0, c = 0] = params.map((param) => numberValue(param));
  let list: unknown[];
  switch (params.length) {
    case 1:
      list = untilStep(1, a + (a < 1 ? -1 : 1), a < 1 ? -1 : 1);
      break;
    case 2:
      list = untilStep(a, b + (b < a ? -1 : 1), b < a ? -1 : 1);
      break;
    case 3:
      if (c < a && b > 0) return '';
      list = untilStep(a, c + (c < a ? -1 : 1), b);
      break;
    default:
      return '';
  }
  return list.map((item) => formatValue(item)).join(' ');
}

function round(value: unknown, places: unknown, ...options: unknown[]): unknown {
  const roundOn = options.length > 0 ? numberValue(options[0]) : 0.5;
  const pow = 10 ** numberValue(places);
  const digit = pow * toFloat64(value);
  const fraction = digit % 1;
  return goFloat((fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow);
}

function integerDivision(name: 'div' | 'mod') {
  return goFunction(['any', 'any'], (a: unknown, b: unknown) => {
    const divisor = toInt64(b);
    if (divisor === 0) throw new GoCallError('runtime error: integer divide by zero');
    const dividend = toInt64(a);
    return goInt64(name === 'div' ? Math.trunc(dividend / divisor) : dividend % divisor);
  });
}

const extreme = (pick: (a: number, b: number) => number, convert: (value: unknown) => number, wrap: (n: number) => unknown) =>
  goFunction(['any'], (first: unknown, ...others: unknown[]) => wrap(others.reduce<number>((best, other) => pick(best, convert(other)), convert(first))), 'any');

/** The numeric, conversion, default and reflection functions of slim-sprig, by name. */
export const NUMBER_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  atoi: goFunction(['string'], (text: string) => goInt(parseDecimal(text) ?? 0)),
  int: goFunction(['any'], (value: unknown) => goInt(toInt64(value))),
  int64: goFunction(['any'], (value: unknown) => goInt64(toInt64(value))),
  float64: goFunction(['any'], (value: unknown) => goFloat(toFloat64(value))),
  toDecimal: goFunction(['any'], (value: unknown) => goInt64(parseOctal(formatValue(value)))),
  seq: goFunction([], seq, 'int'),
  until: goFunction(['int'], (count: unknown) => untilStep(0, numberValue(count), numberValue(count) < 0 ? -1 : 1)),
  untilStep: goFunction(['int', 'int', 'int'], (start: unknown, stop: unknown, step: unknown) => untilStep(numberValue(start), numberValue(stop), numberValue(step))),
  add1: goFunction(['any'], (value: unknown) => goInt64(toInt64(value) + 1)),
  add: goFunction([], (...values: unknown[]) => goInt64(values.reduce<number>((sum, value) => sum + toInt64(value), 0)), 'any'),
  sub: goFunction(['any', 'any'], (a: unknown, b: unknown) => goInt64(toInt64(a) - toInt64(b))),
  mul: goFunction(['any'], (first: unknown, ...others: unknown[]) => goInt64(others.reduce<number>((product, value) => product * toInt64(value), toInt64(first))), 'any'),
  div: integerDivision('div'),
  mod: integerDivision('mod'),
  biggest: extreme(Math.max, toInt64, goInt64),
  max: extreme(Math.max, toInt64, goInt64),
  min: extreme(Math.min, toInt64, goInt64),
  maxf: extreme(Math.max, toFloat64, goFloat),
  minf: extreme(Math.min, toFloat64, goFloat),
  ceil: goFunction(['any'], (value: unknown) => goFloat(Math.ceil(toFloat64(value)))),
  floor: goFunction(['any'], (value: unknown) => goFloat(Math.floor(toFloat64(value)))),
  round: goFunction(['any', 'int'], round, 'float64'),
  default: goFunction(['any'], (fallback: unknown, ...given: unknown[]) => (given.length === 0 || isEmpty(given[0]) ? fallback : given[0]), 'any'),
  empty: goFunction(['any'], isEmpty),
  coalesce: goFunction([], (...values: unknown[]) => values.find((value) => !isEmpty(value)) ?? null, 'any'),
  all: goFunction([], (...values: unknown[]) => values.every((value) => !isEmpty(value)), 'any'),
  any: goFunction([], (...values: unknown[]) => values.some((value) => !isEmpty(value)), 'any'),
  ternary: goFunction(['any', 'any', 'bool'], (whenTrue: unknown, whenFalse: unknown, condition: boolean) => (condition ? whenTrue : whenFalse)),
  typeOf: goFunction(['any'], goTypeName),
  typeIs: goFunction(['string', 'any'], (target: string, value: unknown) => target === goTypeName(value)),
  typeIsLike: goFunction(['string', 'any'], (target: string, value: unknown) => target === goTypeName(value) || `*${target}` === goTypeName(value)),
  kindOf: goFunction(['any'], goKindName),
  kindIs: goFunction(['string', 'any'], (target: string, value: unknown) => target === goKindName(value)),
  deepEqual: goFunction(['any', 'any'], (a: unknown, b: unknown) => deepEqualGo(a, b)),
  fail: goFunction(['string'], (message: string) => {
    throw new GoCallError(message);
  }),
};
