/**
 * Output a chart renders differently every time from identical inputs: random passwords,
 * UUIDs, fresh certificates, timestamps. helm-controller replaces such values on every upgrade
 * whatever the change, so a difference there is none of the change's doing and must never
 * show. The side after is rendered twice; what differs between those two renders is volatile
 * and is masked on both sides before they are compared.
 */
import { formatObjectKey, getApiGroup, getMetadata, isRecord, type KubeObject, type ManifestDoc, type ObjectId } from '../objects/kube-objects.ts';

/**
 * Template functions (sprig's, as helm ships them) whose result changes from one render to
 * the next with the same inputs. Sprig's own non-hermetic list, plus what it leaves out: the
 * random ones (`randInt`, `shuffle`), those drawing a salt, key, IV or serial number
 * (`bcrypt`, `htpasswd`, `encryptAES`, `gen*`) and those reading the clock (`ago`,
 * `durationRound`; `date` formats the current time when given no time). Left out: `env` and
 * `expandenv`, which helm removes; `derivePassword` and `buildCustomCert`, which are
 * deterministic. `getHostByName` stays: helm before 3.11.1 resolves it, and round-robin DNS
 * answers differently.
 */
export const VOLATILE_FUNCTIONS: readonly string[] = [
  'ago',
  'bcrypt',
  'date',
  'dateInZone',
  'dateModify',
  'date_in_zone',
  'date_modify',
  'durationRound',
  'encryptAES',
  'genCA',
  'genCAWithKey',
  'genPrivateKey',
  'genSelfSignedCert',
  'genSelfSignedCertWithKey',
  'genSignedCert',
  'genSignedCertWithKey',
  'getHostByName',
  'htmlDate',
  'htmlDateInZone',
  'htpasswd',
  'mustDateModify',
  'must_date_modify',
  'now',
  'randAlpha',
  'randAlphaNum',
  'randAscii',
  'randBytes',
  'randInt',
  'randNumeric',
  'shuffle',
  'uuidv4',
];

/** The string that stands wherever a value was generated at render; also the generated part of a name. */
export const VOLATILE_PLACEHOLDER = '(generated at render)';

// A name preceded by `.` is a field (`.Values.now`), by `$` a variable: neither calls anything.
const FUNCTION_CALL = new RegExp(`(?<![\\p{L}\\p{N}_.$])(?:${VOLATILE_FUNCTIONS.join('|')})(?![\\p{L}\\p{N}_])`, 'u');

/**
 * True when a template action (`{{ … }}`) in `text` calls one of {@link VOLATILE_FUNCTIONS}.
 * Only code inside actions counts, outside string literals and comments: a README saying
 * "the date" or `include "app.now"` is no call. Reads any text, a whole unpacked chart
 * archive too, in one pass: a false hit only costs one more render, a miss shows noise.
 */
export function mentionsVolatileFunction(text: string): boolean {
  const unclosed = new Set<string>();
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open === -1) return false;
    const action = readAction(text, open + 2, unclosed);
    if (FUNCTION_CALL.test(action.code)) return true;
    if (action.end === -1) return false;
    from = action.end;
  }
}

/**
 * The code of the action that starts at `start`, its literals and comments left out, and the
 * index after its closing `}}` (-1 when none closes it). Every step moves forward, and a
 * closing mark once missing is not looked for again (`unclosed`), so binary junk full of
 * `{{`, quotes or backquotes is still read in linear time.
 */
function readAction(text: string, start: number, unclosed: Set<string>): { code: string; end: number } {
  let code = '';
  let kept = start;
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '}' && text[index + 1] === '}') return { code: code + text.slice(kept, index), end: index + 2 };
    // No template holds a NUL; a tar pads every header and file with them, so a `{{` in one
    // file that never closes (or in a binary one) does not swallow the files after it.
    if (char === '\0') return { code: '', end: index + 1 };
    const skip =
      char === '"' || char === "'"
        ? endQuoted(text, index, char)
        : char === '`'
          ? endAfter(text, '`', index + 1, unclosed)
          : char === '/' && text[index + 1] === '*'
            ? endAfter(text, '*/', index + 2, unclosed)
            : -1;
    if (skip === -1) {
      index++;
      continue;
    }
    code += `${text.slice(kept, index)} `;
    index = kept = skip;
  }
  return { code: code + text.slice(kept), end: -1 };
}

/** After an interpreted string or a rune: Go ends one at a newline (as an error), so the scan does too. */
function endQuoted(text: string, open: number, quote: string): number {
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\0') return index;
    if (char === '\\') index++;
    else if (char === quote || char === '\n') return index + 1;
  }
  return text.length;
}

/** After `close`, or at a NUL before it (the action ends there); -1 when `close` never comes. */
function endAfter(text: string, close: string, from: number, unclosed: Set<string>): number {
  const index = unclosed.has(close) ? -1 : text.indexOf(close, from);
  if (index === -1) {
    unclosed.add(close);
    return -1;
  }
  const nul = text.slice(from, index).indexOf('\0');
  return nul === -1 ? index + close.length : from + nul;
}

/** A key or an index at each step from an object's root down to a volatile value. */
export type VolatilePath = ReadonlyArray<string | number>;

/**
 * A name generated at render (`app-migrate-{{ randAlphaNum 5 | lower }}`): the fixed parts
 * around the generated one, as two renders agree on them.
 */
export interface VolatileName {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  /** Up to a separator (`-`, `.`, `_`): a generated part may begin with the same character twice by chance. */
  readonly prefix: string;
  /** From a separator on, for the same reason. */
  readonly suffix: string;
  /** Length of the generated part, when both renders agree on it (a fixed-length generator). */
  readonly length?: number;
  /** Names of the pattern both renders print alike: real objects, never renamed. */
  readonly except: readonly string[];
}

/** What differs between two renders of the same inputs, see {@link findVolatilePaths}. */
export interface VolatileOutput {
  /** Per object key ({@link formatObjectKey}, after renaming by `names`), the volatile paths; keys and paths sorted. */
  readonly paths: ReadonlyMap<string, readonly VolatilePath[]>;
  /** Names generated at render; an object so named is renamed `<prefix>(generated at render)<suffix>` on both sides. */
  readonly names: readonly VolatileName[];
  /** Keys of objects one render printed and the other did not, with no generated name to explain it; sorted. */
  readonly unpaired: readonly string[];
}

type Rendered = Pick<ManifestDoc, 'body'>;

/**
 * Compares two renders of the same chart with the same inputs. Objects pair by identity
 * (group, kind, namespace, name), not by order. A scalar that differs is volatile; so is a
 * string that differs anywhere (a generated password in the middle of a config file masks
 * the whole file: its lines cannot be told apart reliably); a list whose length differs or
 * a mapping whose keys differ is volatile whole, except the object's root and metadata,
 * whose keys are masked one by one so the identity stays. Secret `data` is compared as
 * rendered, base64 and all.
 *
 * An object only one render prints is paired, where it can be, with one of the same kind
 * and namespace the other render names alike but for a generated part: that name is
 * reported in `names`, and the pair compared under its masked name. An object left over
 * comes and goes at random; it is reported in `unpaired`, and {@link maskVolatilePaths}
 * drops it from both sides.
 */
export function findVolatilePaths(first: readonly Rendered[], second: readonly Rendered[]): VolatileOutput {
  const firstKeys = new Set(first.map(({ body }) => formatObjectKey(readIdentity(body))));
  const secondKeys = new Set(second.map(({ body }) => formatObjectKey(readIdentity(body))));
  const { names, unpaired } = pairGeneratedNames(
    first.map(({ body }) => readIdentity(body)),
    second.map(({ body }) => readIdentity(body)),
    firstKeys,
    secondKeys,
  );
  const volatile: VolatileOutput = { paths: new Map(), names, unpaired };
  const secondByKey = groupByKey(prepareDocs(second, volatile));
  const found = new Map<string, VolatilePath[]>();
  for (const [key, bodies] of groupByKey(prepareDocs(first, volatile))) {
    const others = secondByKey.get(key) ?? [];
    bodies.forEach((body, index) => {
      const other = others[index];
      if (other === undefined) return;
      const differences: VolatilePath[] = [];
      collectDifferences(body, other, [], differences);
      if (differences.length > 0) found.set(key, [...(found.get(key) ?? []), ...differences]);
    });
  }
  const paths = new Map([...found.keys()].sort(compareText).map((key) => [key, sortPaths(found.get(key) ?? [])] as const));
  return { paths, names, unpaired };
}

/**
 * Returns `docs` with the volatile output masked, so a side rendered before and one rendered
 * after compare equal there: objects in `unpaired` dropped, generated names replaced, then
 * each volatile path of an object of the same key replaced by `placeholder`. A path the
 * object lacks is left alone, never created. The docs given are never modified; a doc with
 * nothing to mask is returned as it is.
 */
export function maskVolatilePaths<T extends Rendered>(docs: readonly T[], volatile: VolatileOutput, placeholder: string = VOLATILE_PLACEHOLDER): T[] {
  return prepareDocs(docs, volatile).map((doc) => {
    const paths = volatile.paths.get(formatObjectKey(readIdentity(doc.body))) ?? [];
    const body = paths.reduce<KubeObject>((current, path) => replaceAt(current, path, placeholder) as KubeObject, doc.body);
    return body === doc.body ? doc : { ...doc, body };
  });
}

function readIdentity(body: KubeObject): ObjectId {
  const metadata = getMetadata(body);
  return {
    group: getApiGroup(String(body.apiVersion)),
    kind: String(body.kind),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
    name: String(metadata.name),
  };
}

/** Drops unpaired objects and gives generated names their masked form, numbered in document order when several share one. */
function prepareDocs<T extends Rendered>(docs: readonly T[], volatile: VolatileOutput): T[] {
  const unpaired = new Set(volatile.unpaired);
  const seen = new Map<string, number>();
  const prepared: T[] = [];
  for (const doc of docs) {
    const id = readIdentity(doc.body);
    if (unpaired.has(formatObjectKey(id))) continue;
    const pattern = volatile.names.find((name) => matchesName(name, id));
    if (!pattern) {
      prepared.push(doc);
      continue;
    }
    const plain = formatObjectKey({ ...id, name: `${pattern.prefix}${VOLATILE_PLACEHOLDER}${pattern.suffix}` });
    const count = (seen.get(plain) ?? 0) + 1;
    seen.set(plain, count);
    const generated = count === 1 ? VOLATILE_PLACEHOLDER : `${VOLATILE_PLACEHOLDER.slice(0, -1)} #${count})`;
    const name = `${pattern.prefix}${generated}${pattern.suffix}`;
    prepared.push({ ...doc, body: { ...doc.body, metadata: { ...getMetadata(doc.body), name } } });
  }
  return prepared;
}

function matchesName(pattern: VolatileName, id: ObjectId): boolean {
  const middle = id.name.length - pattern.prefix.length - pattern.suffix.length;
  return (
    id.group === pattern.group &&
    id.kind === pattern.kind &&
    id.namespace === pattern.namespace &&
    middle > 0 &&
    (pattern.length === undefined || middle === pattern.length) &&
    id.name.startsWith(pattern.prefix) &&
    id.name.endsWith(pattern.suffix) &&
    !pattern.except.includes(id.name)
  );
}

/**
 * Pairs objects each render prints alone, within one group, kind and namespace, by the
 * longest shared start and end of their names. A pair whose names share no fixed part is
 * no pattern at all (it would match every name of the kind), so it stays unpaired.
 */
function pairGeneratedNames(
  first: readonly ObjectId[],
  second: readonly ObjectId[],
  firstKeys: ReadonlySet<string>,
  secondKeys: ReadonlySet<string>,
): { names: VolatileName[]; unpaired: string[] } {
  const alone = (ids: readonly ObjectId[], others: ReadonlySet<string>): ObjectId[] => ids.filter((id) => !others.has(formatObjectKey(id)));
  const remaining = alone(second, firstKeys);
  const stable = first.filter((id) => secondKeys.has(formatObjectKey(id)));
  const names = new Map<string, VolatileName>();
  const unpaired = new Set<string>();
  for (const id of alone(first, secondKeys)) {
    const candidates = remaining.filter((other) => other.group === id.group && other.kind === id.kind && other.namespace === id.namespace);
    const best = candidates.reduce<ObjectId | undefined>((chosen, other) => (chosen === undefined || countShared(id.name, other.name) > countShared(id.name, chosen.name) ? other : chosen), undefined);
    const shape = best ? describeGeneratedName(id.name, best.name) : undefined;
    if (!best || !shape) {
      unpaired.add(formatObjectKey(id));
      continue;
    }
    remaining.splice(remaining.indexOf(best), 1);
    const pattern = { group: id.group, kind: id.kind, namespace: id.namespace, ...shape, except: [] as string[] };
    const except = [...new Set(stable.filter((other) => matchesName(pattern, other)).map((other) => other.name))].sort(compareText);
    const named = { ...pattern, except };
    names.set(JSON.stringify(named), named);
  }
  for (const id of remaining) unpaired.add(formatObjectKey(id));
  const sorted = [...names.keys()].sort(compareText).map((key) => names.get(key) as VolatileName);
  return { names: sorted, unpaired: [...unpaired].sort(compareText) };
}

function countShared(a: string, b: string): number {
  const { start, end } = measureShared(a, b);
  return start + end;
}

/** Lengths of the longest common start of two strings and of their longest common end after it. */
function measureShared(a: string, b: string): { start: number; end: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end };
}

const SEPARATOR = /[-._]/;

function describeGeneratedName(a: string, b: string): Pick<VolatileName, 'prefix' | 'suffix' | 'length'> | undefined {
  const { start, end } = measureShared(a, b);
  let prefix = a.slice(0, start);
  while (prefix !== '' && !SEPARATOR.test(prefix.at(-1) ?? '')) prefix = prefix.slice(0, -1);
  let suffix = a.slice(a.length - end);
  while (suffix !== '' && !SEPARATOR.test(suffix[0] ?? '')) suffix = suffix.slice(1);
  if (prefix === '' && suffix === '') return undefined;
  const [left, right] = [a.length - prefix.length - suffix.length, b.length - prefix.length - suffix.length];
  return { prefix, suffix, ...(left === right ? { length: left } : {}) };
}

function groupByKey(docs: readonly Rendered[]): Map<string, KubeObject[]> {
  const groups = new Map<string, KubeObject[]>();
  for (const { body } of docs) {
    const key = formatObjectKey(readIdentity(body));
    const group = groups.get(key);
    if (group) group.push(body);
    else groups.set(key, [body]);
  }
  return groups;
}

function collectDifferences(a: unknown, b: unknown, path: Array<string | number>, out: VolatilePath[]): void {
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    const sameKeys = keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
    // The root and metadata hold the identity: masked whole, an object would lose it.
    const keyByKey = path.length === 0 || (path.length === 1 && path[0] === 'metadata');
    if (!sameKeys && !keyByKey) {
      out.push(path);
      return;
    }
    for (const key of new Set([...keys, ...Object.keys(b)])) {
      if (Object.hasOwn(a, key) && Object.hasOwn(b, key)) collectDifferences(a[key], b[key], [...path, key], out);
      else out.push([...path, key]);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(path);
    else a.forEach((item, index) => collectDifferences(item, b[index], [...path, index], out));
    return;
  }
  if (a !== b) out.push(path);
}

/** `value` with the value at `path` replaced; `value` itself when the path leads nowhere. */
function replaceAt(value: unknown, path: VolatilePath, placeholder: string): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return placeholder;
  if (typeof step === 'number') {
    if (!Array.isArray(value) || step >= value.length) return value;
    const inner = replaceAt(value[step], rest, placeholder);
    return inner === value[step] ? value : value.map((item, index) => (index === step ? inner : item));
  }
  if (!isRecord(value) || !Object.hasOwn(value, step)) return value;
  const inner = replaceAt(value[step], rest, placeholder);
  // fromEntries defines own properties, so a `__proto__` key is replaced, not turned into a prototype.
  return inner === value[step] ? value : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === step ? inner : item]));
}

function sortPaths(paths: readonly VolatilePath[]): VolatilePath[] {
  const unique = new Map(paths.map((path) => [JSON.stringify(path), path]));
  return [...unique.values()].sort(comparePaths);
}

/** Step by step: indexes in numeric order and before keys, keys by code unit. */
function comparePaths(a: VolatilePath, b: VolatilePath): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const [x, y] = [a[index], b[index]];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return compareText(String(x), String(y));
  }
  return a.length - b.length;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
