/**
 * slim-sprig's list and dict functions (list.go, dict.go). Where Go panics (a nil list, a
 * non-list argument, a nil map to `set`), the call fails with the panic's message, as the
 * template engine reports it. Go ranges over maps in random order: `keys` and `values`
 * return them sorted by key here, which is one of the orders the operator may produce.
 */
import { strval } from './sprig-strings.ts';
import { deepEqualGo, isEmpty, toInt64 } from './sprig-numbers.ts';
import { goFunction, type TemplateFunction } from './go-signature.ts';
import { GoCallError, goKindName, goTypeName, hasEntry, isGoMap, isNil, newMap, setEntry, sortedKeys, tagList, type GoMap } from './go-values.ts';

const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

/** The list an argument must be, or the failure sprig's reflection would raise. */
function listOf(value: unknown, failure: (kind: string) => string): unknown[] {
  if (isNil(value)) throw new GoCallError(NIL_DEREFERENCE);
  if (!Array.isArray(value)) throw new GoCallError(failure(goKindName(value)));
  return value;
}

const listFunction = (operation: string, body: (list: unknown[], ...rest: never[]) => unknown, params: Array<'any'> = ['any'], variadic?: 'any'): TemplateFunction =>
  goFunction(params, (list: unknown, ...rest: never[]) => body(listOf(list, (kind) => `Cannot ${operation} on type ${kind}`), ...rest), variadic);

function sameType(source: unknown[], result: unknown[]): unknown[] {
  const type = goTypeName(source);
  return type === '[]string' || type === '[]int' ? tagList(result, type) : result;
}

type Budget = { steps: number };

const contains = (haystack: readonly unknown[], needle: unknown, budget: Budget): boolean => haystack.some((item) => deepEqualGo(needle, item, budget));

function uniq(list: unknown[]): unknown[] {
  const budget = { steps: 0 };
  const out: unknown[] = [];
  for (const item of list) if (!contains(out, item, budget)) out.push(item);
  return out;
}

function without(list: unknown[], ...omitted: unknown[]): unknown[] {
  const budget = { steps: 0 };
  return list.filter((item) => !contains(omitted, item, budget));
}

function has(needle: unknown, haystack: unknown): boolean {
  if (isNil(haystack)) return false;
  return contains(listOf(haystack, (kind) => `Cannot find has on type ${kind}`), needle, { steps: 0 });
}

function sliceList(list: unknown, ...indices: unknown[]): unknown {
  const items = listOf(list, (kind) => `list should be type of slice or array but ${kind}`);
  if (items.length === 0) return null;
  const start = indices.length > 0 ? toInt64(indices[0]) : 0;
  const end = indices.length > 1 ? toInt64(indices[1]) : items.length;
  if (start < 0 || end > items.length || start > end) throw new GoCallError('reflect: slice index out of range');
  return sameType(items, items.slice(start, end));
}

function concat(...lists: unknown[]): unknown[] {
  return lists.flatMap((list) => listOf(list, (kind) => `Cannot concat type ${kind} as list`));
}

function chunk(size: number, list: unknown[]): unknown[] {
  if (size <= 0) throw new GoCallError('runtime error: makeslice: len out of range');
  const chunks: unknown[] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return tagList(chunks, '[][]interface {}');
}

function dig(...args: unknown[]): unknown {
  if (args.length < 3) throw new GoCallError('dig needs at least three arguments');
  const fallback = args[args.length - 2];
  let current: unknown = args[args.length - 1];
  const assertMap = (value: unknown): GoMap => {
    if (isGoMap(value) && goTypeName(value) === 'map[string]interface {}') return value;
    throw new GoCallError(`interface conversion: interface {} is ${goTypeName(value) === '<nil>' ? 'nil' : goTypeName(value)}, not map[string]interface {}`);
  };
  const keys = args.slice(0, -2).map((key) => {
    if (typeof key !== 'string') throw new GoCallError(`interface conversion: interface {} is ${isNil(key) ? 'nil' : goTypeName(key)}, not string`);
    return key;
  });
  for (const key of keys) {
    const map = assertMap(current);
    if (!hasEntry(map, key)) return fallback;
    current = map[key];
  }
  return current;
}

function dict(...pairs: unknown[]): GoMap {
  const map = newMap();
  for (let i = 0; i < pairs.length; i += 2) setEntry(map, strval(pairs[i]), i + 1 < pairs.length ? pairs[i + 1] : '');
  return map;
}

function setKey(map: GoMap | null, key: string, value: unknown): GoMap {
  if (map === null) throw new GoCallError('assignment to entry in nil map');
  setEntry(map, key, value);
  return map;
}

function unsetKey(map: GoMap | null, key: string): GoMap | null {
  if (map !== null && hasEntry(map, key)) delete map[key];
  return map;
}

const entries = (map: GoMap | null): string[] => (map === null ? [] : sortedKeys(map));

function pick(map: GoMap | null, ...keys: string[]): GoMap {
  const out = newMap();
  for (const key of keys) if (map !== null && hasEntry(map, key)) setEntry(out, key, map[key]);
  return out;
}

function omit(map: GoMap | null, ...keys: string[]): GoMap {
  const out = newMap();
  for (const key of entries(map)) if (!keys.includes(key) && map !== null) setEntry(out, key, map[key]);
  return out;
}

/** The list and dict functions of slim-sprig, by name. */
export const LIST_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  list: goFunction([], (...items: unknown[]) => items, 'any'),
  tuple: goFunction([], (...items: unknown[]) => items, 'any'),
  append: listFunction('push', (list, item: unknown) => [...list, item], ['any', 'any']),
  push: listFunction('push', (list, item: unknown) => [...list, item], ['any', 'any']),
  mustAppend: listFunction('push', (list, item: unknown) => [...list, item], ['any', 'any']),
  mustPush: listFunction('push', (list, item: unknown) => [...list, item], ['any', 'any']),
  prepend: listFunction('prepend', (list, item: unknown) => [item, ...list], ['any', 'any']),
  mustPrepend: listFunction('prepend', (list, item: unknown) => [item, ...list], ['any', 'any']),
  first: listFunction('find first', (list) => list[0] ?? null),
  mustFirst: listFunction('find first', (list) => list[0] ?? null),
  last: listFunction('find last', (list) => list[list.length - 1] ?? null),
  mustLast: listFunction('find last', (list) => list[list.length - 1] ?? null),
  rest: listFunction('find rest', (list) => list.slice(1)),
  mustRest: listFunction('find rest', (list) => list.slice(1)),
  initial: listFunction('find initial', (list) => list.slice(0, -1)),
  mustInitial: listFunction('find initial', (list) => list.slice(0, -1)),
  reverse: listFunction('find reverse', (list) => [...list].reverse()),
  mustReverse: listFunction('find reverse', (list) => [...list].reverse()),
  uniq: listFunction('find uniq', uniq),
  mustUniq: listFunction('find uniq', uniq),
  without: listFunction('find without', without, ['any'], 'any'),
  mustWithout: listFunction('find without', without, ['any'], 'any'),
  compact: listFunction('compact', (list) => list.filter((item) => !isEmpty(item))),
  mustCompact: listFunction('compact', (list) => list.filter((item) => !isEmpty(item))),
  has: goFunction(['any', 'any'], has),
  mustHas: goFunction(['any', 'any'], has),
  slice: goFunction(['any'], sliceList, 'any'),
  mustSlice: goFunction(['any'], sliceList, 'any'),
  concat: goFunction([], concat, 'any'),
  chunk: goFunction(['int', 'any'], (size: unknown, list: unknown) => chunk(toInt64(size), listOf(list, (kind) => `Cannot chunk type ${kind}`))),
  mustChunk: goFunction(['int', 'any'], (size: unknown, list: unknown) => chunk(toInt64(size), listOf(list, (kind) => `Cannot chunk type ${kind}`))),
  dig: goFunction([], dig, 'any'),
  dict: goFunction([], dict, 'any'),
  get: goFunction(['map', 'string'], (map: GoMap | null, key: string) => (map !== null && hasEntry(map, key) ? map[key] : '')),
  set: goFunction(['map', 'string', 'any'], setKey),
  unset: goFunction(['map', 'string'], unsetKey),
  hasKey: goFunction(['map', 'string'], (map: GoMap | null, key: string) => map !== null && hasEntry(map, key)),
  pluck: goFunction(['string'], (key: string, ...maps: Array<GoMap | null>) => maps.filter((map) => map !== null && hasEntry(map, key)).map((map) => map?.[key]), 'map'),
  keys: goFunction([], (...maps: Array<GoMap | null>) => tagList(maps.flatMap(entries), '[]string'), 'map'),
  pick: goFunction(['map'], pick, 'string'),
  omit: goFunction(['map'], omit, 'string'),
  values: goFunction(['map'], (map: GoMap | null) => entries(map).map((key) => map?.[key])),
};
