/**
 * A HelmRelease's values as helm-controller composes them (its ChartValuesFromReferences):
 * each `spec.valuesFrom` entry in order, a ConfigMap's or Secret's key read as a YAML
 * document and merged in, or, with `targetPath`, set at that path as `--set` would; then
 * `spec.values` on top. The chart's own defaults are helm's to add. The objects come from the
 * renders (a configMapGenerator's output, hash suffix and all), not from a cluster.
 */
import { parse } from 'yaml';
import { isRecord, readNamespace, type KubeObject } from '../objects/kube-objects.ts';

/** Values, as helm sees them after parsing. */
export type Values = Record<string, unknown>;

/** Finds the ConfigMap or Secret a valuesFrom entry names, in the release's namespace. */
export type FindValuesObject = (kind: 'ConfigMap' | 'Secret', namespace: string, name: string) => KubeObject | undefined;

/** The values, or why there are none (the release is then not rendered). */
export type ComposedValues =
  | { readonly values: Values; readonly secretTexts: readonly string[]; readonly missing?: readonly ('ConfigMap' | 'Secret')[] }
  | { readonly problem: string; readonly missing?: 'ConfigMap' | 'Secret' };

const DEFAULT_VALUES_KEY = 'values.yaml';

/**
 * Composes the values of `release` (a HelmRelease), looking objects up with `find`.
 * `secretTexts` are the texts taken from Secrets, whole and each value in them: the caller
 * keeps them out of every output.
 */
export function composeReleaseValues(release: KubeObject, find: FindValuesObject): ComposedValues {
  const spec = isRecord(release.spec) ? release.spec : {};
  const namespace = readNamespace(release, 'default');
  let result: Values = {};
  const secretTexts: string[] = [];
  // Kinds of optional objects not found: the renders may not hold every unit yet.
  const missing = new Set<'ConfigMap' | 'Secret'>();
  for (const [index, entry] of (Array.isArray(spec.valuesFrom) ? spec.valuesFrom : []).entries()) {
    if (!isRecord(entry)) return { problem: `valuesFrom[${index}] is not a mapping` };
    const { kind, name } = entry;
    const optional = entry.optional === true;
    const key = typeof entry.valuesKey === 'string' && entry.valuesKey !== '' ? entry.valuesKey : DEFAULT_VALUES_KEY;
    if ((kind !== 'ConfigMap' && kind !== 'Secret') || typeof name !== 'string') return { problem: `valuesFrom[${index}]: unsupported kind ${JSON.stringify(kind)}` };
    const object = find(kind, namespace, name);
    const text = object ? readKey(object, kind, key) : undefined;
    if (text === undefined) {
      if (!object) missing.add(kind);
      if (optional) continue;
      return object ? { problem: `valuesFrom[${index}]: ${kind} ${namespace}/${name} has no key ${key}` } : { problem: `valuesFrom[${index}]: no ${kind} ${namespace}/${name} in the renders`, missing: kind };
    }
    if (kind === 'Secret') secretTexts.push(text);
    const target = typeof entry.targetPath === 'string' ? entry.targetPath : '';
    if (target !== '') {
      const problem = setPathValue(result, target, text);
      if (problem) return { problem: `valuesFrom[${index}] targetPath ${target}: ${problem}` };
      continue;
    }
    let parsed: unknown;
    try {
      // Helm reads values as YAML 1.1 (sigs.k8s.io/yaml): `yes` and `on` are booleans there.
      parsed = parse(text, { version: '1.1', maxAliasCount: 100 });
    } catch (error) {
      return { problem: `valuesFrom[${index}]: ${kind} ${namespace}/${name} key ${key} is not YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''}` };
    }
    if (parsed !== null && parsed !== undefined && !isRecord(parsed)) return { problem: `valuesFrom[${index}]: ${kind} ${namespace}/${name} key ${key} is not a mapping` };
    // A chart prints single values, not the document they came in: each is kept out of the output.
    if (kind === 'Secret') secretTexts.push(...collectLeaves(parsed));
    result = mergeValues(result, parsed ?? {});
  }
  return { values: mergeValues(result, isRecord(spec.values) ? spec.values : {}), secretTexts, ...(missing.size > 0 ? { missing: [...missing].sort() } : {}) };
}

/** Every scalar of a parsed document, as text. */
function collectLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(collectLeaves);
  if (isRecord(value)) return Object.values(value).flatMap(collectLeaves);
  return [];
}

/** A key of a ConfigMap's `data`, or of a Secret's `data` (decoded) or `stringData` (the API server folds it into `data`). */
function readKey(object: KubeObject, kind: 'ConfigMap' | 'Secret', key: string): string | undefined {
  const data = isRecord(object.data) ? object.data : {};
  if (kind === 'ConfigMap') return typeof data[key] === 'string' ? data[key] : undefined;
  const stringData = isRecord(object.stringData) ? object.stringData : {};
  if (typeof stringData[key] === 'string') return stringData[key];
  return typeof data[key] === 'string' ? Buffer.from(data[key], 'base64').toString('utf8') : undefined;
}

/** helm-controller's MergeMaps: mappings merge key by key, anything else on top replaces what is below. */
export function mergeValues(base: Values, top: Values): Values {
  const result: Values = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const below = result[key];
    result[key] = isRecord(value) && isRecord(below) ? mergeValues(below, value) : value;
  }
  return result;
}

/**
 * Sets `text` at `path` as helm's `--set path=text` does (strvals): `true`, `false` and
 * `null` and whole numbers typed, anything else a string; a value quoted in `'` or `"`
 * stays a string without its quotes. Paths of keys (`\.` escapes a dot) and list indexes
 * (`a[0].b`) are supported; a value holding `,` or `{`, which strvals reads as more than one
 * value, quoted or not, is refused rather than guessed. Returns why it failed.
 */
export function setPathValue(values: Values, path: string, text: string): string | undefined {
  const quoted = /^(['"]).*\1$/s.test(text) && text.length >= 2;
  const raw = quoted ? text.replace(/^['"]+|['"]+$/g, '') : text;
  if (/[,{]/.test(raw)) return 'a value with "," or "{" is read by helm as several; not supported';
  const steps = parsePath(path);
  if (!steps) return 'not a path prune-guard reads (keys, \\. escapes and [n] indexes only)';
  const value = quoted ? raw : typeValue(raw);
  let node: Values | unknown[] = values;
  for (const [position, step] of steps.entries()) {
    const last = position === steps.length - 1;
    const next = steps[position + 1];
    const empty = (): Values | unknown[] => (typeof next === 'number' ? [] : {});
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return 'an index where the values hold no list';
      while (node.length <= step) node.push(null);
      if (last) node[step] = value;
      else {
        if (!isRecord(node[step]) && !Array.isArray(node[step])) node[step] = empty();
        node = node[step] as Values | unknown[];
      }
    } else {
      if (Array.isArray(node)) return 'a key where the values hold a list';
      if (last) node[step] = value;
      else {
        if (!isRecord(node[step]) && !Array.isArray(node[step])) node[step] = empty();
        node = node[step] as Values | unknown[];
      }
    }
  }
  return undefined;
}

/** `a.b[0].c` -> ['a', 'b', 0, 'c']; undefined for what strvals would read otherwise. */
function parsePath(path: string): Array<string | number> | undefined {
  const steps: Array<string | number> = [];
  let key = '';
  let index = 0;
  const endKey = (): boolean => {
    if (key === '') return false;
    steps.push(key);
    key = '';
    return true;
  };
  while (index < path.length) {
    const char = path[index] as string;
    if (char === '\\' && path[index + 1] === '.') {
      key += '.';
      index += 2;
    } else if (char === '.') {
      if (!endKey() && steps.length === 0) return undefined;
      index++;
    } else if (char === '[') {
      endKey();
      const close = path.indexOf(']', index);
      const number = path.slice(index + 1, close);
      if (close < 0 || !/^\d{1,4}$/.test(number)) return undefined;
      steps.push(Number(number));
      index = close + 1;
    } else if (/[=,{}\]\s]/.test(char)) {
      return undefined;
    } else {
      key += char;
      index++;
    }
  }
  endKey();
  return steps.length > 0 && typeof steps[0] === 'string' ? steps : undefined;
}

/** strvals' typing of an unquoted `--set` value. */
function typeValue(text: string): unknown {
  if (text.toLowerCase() === 'true') return true;
  if (text.toLowerCase() === 'false') return false;
  if (text.toLowerCase() === 'null') return null;
  // A leading zero keeps it a string (a zip code, an octal mode); 0 itself is a number.
  if (text === '0') return 0;
  if (/^[+-]?[1-9]\d*$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  return text;
}
