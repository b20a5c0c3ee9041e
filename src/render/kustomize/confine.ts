/**
 * Confined reads: what a build may read is the tree under review and nothing else.
 * kustomize-controller builds from the source artifact through a file system that refuses
 * every path outside it; the kustomize CLI has no such mode that keeps `../` references
 * working (LoadRestrictionsRootOnly refuses `../base/app.yaml`, which Flux builds happily),
 * so every path a kustomization can name is resolved here, symlinks included, before
 * kustomize or prune-guard itself reads anything.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { ManifestError } from '../../core/errors.ts';
import { MAX_ALIAS_EXPANSION } from '../../core/objects/yaml-bomb.ts';
import { locate } from './tree-reads.ts';

/** The one directory reads must stay in. */
export interface Confinement {
  /** The tree's real path (symlinks resolved). */
  readonly root: string;
  /** prune-guard's own build directories beside it (real paths), whose files it wrote itself. */
  readonly also?: readonly string[];
  /**
   * Paths inside the root where the source had a symlink out of the repository, left out of
   * a copy (Flux's artifact holds no symlinks): naming one is reading outside, not a typo.
   */
  readonly outsideLinks?: ReadonlySet<string>;
}

/** A path a kustomization names that leads outside the tree. */
export interface OutsideReference {
  /** The kustomization (or plugin configuration) file that names it, absolute. */
  readonly file: string;
  /** 1-based line of the entry. */
  readonly line: number;
  /** The field, e.g. `configMapGenerator[0].files`. */
  readonly field: string;
  /** The path as written. */
  readonly value: string;
}

/** Confines reads to `treeRoot`. */
export function createConfinement(treeRoot: string): Confinement {
  return { root: realpathSync(treeRoot) };
}

/** Directory-name prefix of prune-guard's own build directories inside a tree; never source. */
export const BUILD_DIR_PREFIX = '.prune-guard-build-';

/** The same confinement, also admitting one of prune-guard's own build directories. */
export function admitBuildDirectory(confinement: Confinement, dir: string): Confinement {
  return { ...confinement, also: [...(confinement.also ?? []), realpathSync(dir)] };
}

/**
 * True when `path` lies inside the confinement once every symlink on the way is resolved.
 * A path that does not exist is judged by its deepest existing ancestor: kustomize would
 * fail on it, but a symlinked directory on the way must not lead out all the same.
 */
export function isInside(confinement: Confinement, path: string): boolean {
  const full = resolveRealPath(path);
  if (full === undefined) return false;
  if (confinement.outsideLinks && confinement.outsideLinks.size > 0) {
    for (let path = full; path !== dirname(path); path = dirname(path)) if (confinement.outsideLinks.has(path)) return false;
  }
  const root = [confinement.root, ...(confinement.also ?? [])].find((candidate) => full === candidate || full.startsWith(`${candidate}${sep}`));
  // Git's own files are no part of the tree: `.git/config` holds the token actions/checkout
  // persists, and source-controller's artifact never has them.
  return root !== undefined && !full.slice(root.length).split(sep).includes('.git');
}

/**
 * The real path of `path`, every symlink on the way resolved; for a path that does not exist
 * (or is not written yet, see tree-reads.ts), its deepest existing ancestor's real path with
 * the rest appended. Undefined when not even the file system root resolves.
 */
export function resolveRealPath(path: string): string | undefined {
  let current = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      // One realpath(3) call instead of an lstat per path component: this runs for every path a kustomization names.
      const real = realpathSync.native(current);
      return rest.length > 0 ? join(real, ...rest) : real;
    } catch {
      const parent = dirname(current);
      if (parent === current) return undefined;
      rest.unshift(basename(current));
      current = parent;
    }
  }
}

/** Lists whose string entries are paths (or, for a few, inline YAML, told apart by a newline). */
const PATH_LISTS = [
  'resources',
  'bases',
  'components',
  'crds',
  'configurations',
  'generators',
  'transformers',
  'validators',
  'patchesStrategicMerge',
] as const;

/** Lists of mappings, and the keys of each mapping that name files. */
const PATH_MAPPINGS: Readonly<Record<string, readonly string[]>> = {
  patches: ['path'],
  patchesJson6902: ['path'],
  replacements: ['path'],
  configMapGenerator: ['files', 'envs', 'env'],
  secretGenerator: ['files', 'envs', 'env'],
  helmCharts: ['valuesFile', 'additionalValuesFiles'],
  helmChartInflationGenerator: ['chartHome', 'values'],
};

/** Single mappings, and their keys that name files or directories. */
const PATH_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  openapi: ['path'],
  helmGlobals: ['chartHome', 'configHome'],
};

/**
 * Keys of a builtin plugin's configuration that name files (`generators:`/`transformers:`
 * entries are such configurations: PatchTransformer `path`, ConfigMapGenerator `files`...).
 */
const PLUGIN_PATH_KEYS = ['path', 'paths', 'files', 'envs', 'env', 'valuesFile', 'additionalValuesFiles', 'chartHome', 'values'] as const;

/**
 * How the walk below reads a YAML document: through its nodes (each entry keeps its line), or
 * through the value the document resolves to, as kustomize's Go parser reads it (aliases
 * and merge keys resolved, the last of duplicate keys winning, `!!binary` decoded).
 */
interface YamlView {
  get(container: unknown, key: string): unknown;
  items(value: unknown): readonly unknown[] | undefined;
  text(value: unknown): string | undefined;
  node(value: unknown): Node | undefined;
}

const NODE_VIEW: YamlView = {
  get: (container, key) => (isMap(container) ? container.get(key, true) : undefined),
  items: (value) => (isSeq(value) ? value.items : undefined),
  text: (value) => (isScalar(value) && typeof value.value === 'string' ? value.value : undefined),
  node: (value) => (isScalar(value) ? value : undefined),
};

/**
 * A field name as Go's encoding/json matches it (kustomize reads kustomizations through it):
 * case-insensitively, with the Kelvin sign and the long s folding to `k` and `s`.
 */
export function foldFieldName(name: string): string {
  return name.toLowerCase().replace(/\u017f/g, 's');
}

/**
 * The value of `key` as Go decodes it: every key that folds to it counts (`Resources`,
 * `RESOURCES`), the last one winning there; lists of several such keys are joined here, so
 * the check sees the first and the last alike.
 */
function getFolded(container: unknown, key: string): unknown {
  if (typeof container !== 'object' || container === null || Array.isArray(container) || container instanceof Uint8Array) return undefined;
  const wanted = foldFieldName(key);
  const values = Object.entries(container as Record<string, unknown>).filter(([name]) => foldFieldName(name) === wanted).map(([, value]) => value);
  if (values.length > 1 && values.every(Array.isArray)) return values.flat();
  return values.at(-1);
}

const VALUE_VIEW: YamlView = {
  get: getFolded,
  items: (value) => (Array.isArray(value) ? value : undefined),
  text: (value) => (typeof value === 'string' ? value : value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : undefined),
  node: () => undefined,
};

/** A path-bearing entry of a kustomization, with the node it was read from when it has one. */
export interface PathEntry {
  /** Where in the file, e.g. `patches[2].path`. */
  readonly field: string;
  /** The path as written (for generator files, without the `key=`). */
  readonly value: string;
  /** The scalar holding it, for its line; absent for one only the resolved document shows. */
  readonly node?: Node;
}

/**
 * Lists every local path a kustomization names: the fields kustomize reads files or
 * directories from. Remote references are left to the network policy. With `resolved` (the
 * document's value, see {@link resolveYamlDocument}), entries that only kustomize's reading
 * of the file shows (a duplicate key's last value, an alias, a merge key) are listed too.
 */
export function listPathEntries(root: YAMLMap, isRemote: (value: string) => boolean, resolved?: unknown): PathEntry[] {
  return mergeEntries(collectPathEntries(NODE_VIEW, root, isRemote), resolved === undefined ? [] : collectPathEntries(VALUE_VIEW, resolved, isRemote));
}

/** Lists the paths a builtin plugin's configuration (one YAML document) names; `resolved` as for {@link listPathEntries}. */
export function listPluginPathEntries(config: YAMLMap, isRemote: (value: string) => boolean, resolved?: unknown): PathEntry[] {
  return mergeEntries(collectPluginEntries(NODE_VIEW, config, isRemote), resolved === undefined ? [] : collectPluginEntries(VALUE_VIEW, resolved, isRemote));
}

/**
 * The value of a parsed document as kustomize reads it; throws a ManifestError when its
 * aliases would expand past {@link MAX_ALIAS_EXPANSION}. Parse with `merge: true` and
 * `customTags: ['binary']` so that merge keys and `!!binary` mean what they mean to Go.
 */
export function resolveYamlDocument(doc: Document, shown: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    if (error instanceof Error && /alias/i.test(error.message)) throw new ManifestError(`${shown}: its YAML aliases expand beyond ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (an alias bomb); refused before building`);
    // An anchor merged into itself (`a: &a {<<: *a}`) never ends.
    if (error instanceof RangeError) throw new ManifestError(`${shown}: a YAML alias or merge key refers to itself; refused before building`);
    throw error;
  }
}

/** The parse options under which {@link resolveYamlDocument} reads a document as Go does. */
export const GO_YAML_OPTIONS: { readonly uniqueKeys: false; readonly merge: true; readonly customTags: ['binary']; readonly logLevel: 'error' } = {
  uniqueKeys: false,
  merge: true,
  customTags: ['binary'],
  // The library's warnings go to stderr raw, quoting the file (a collection as a key).
  logLevel: 'error',
};

function mergeEntries(fromNodes: PathEntry[], fromValue: PathEntry[]): PathEntry[] {
  const seen = new Set(fromNodes.map((entry) => `${entry.field}\0${entry.value}`));
  return [...fromNodes, ...fromValue.filter((entry) => !seen.has(`${entry.field}\0${entry.value}`))];
}

/**
 * The entry a value makes, if any. A value with a newline may be an inline patch or plugin
 * configuration, but kustomize falls back to reading it as a path (`x\n/../..` cleans to
 * `..`): it is checked as one. Generator `files` entries drop their `key=`.
 */
function readEntry(view: YamlView, field: string, value: unknown, stripKey: boolean, isRemote: (value: string) => boolean): PathEntry | undefined {
  const text = view.text(value);
  if (text === undefined || text === '' || isRemote(text)) return undefined;
  const path = stripKey && text.includes('=') ? text.slice(text.indexOf('=') + 1) : text;
  const node = view.node(value);
  return path === '' ? undefined : { field, value: path, ...(node ? { node } : {}) };
}

/** The entries of a field: each item of a list, or the value itself. */
function readEntries(view: YamlView, field: string, value: unknown, stripKey: boolean, isRemote: (value: string) => boolean): PathEntry[] {
  return (view.items(value) ?? [value]).flatMap((item) => readEntry(view, field, item, stripKey, isRemote) ?? []);
}

function collectPathEntries(view: YamlView, root: unknown, isRemote: (value: string) => boolean): PathEntry[] {
  const entries: PathEntry[] = [];
  for (const field of PATH_LISTS) entries.push(...readEntries(view, field, view.get(root, field), false, isRemote));
  for (const [field, keys] of Object.entries(PATH_MAPPINGS)) {
    (view.items(view.get(root, field)) ?? []).forEach((item, index) => {
      for (const key of keys) entries.push(...readEntries(view, `${field}[${index}].${key}`, view.get(item, key), key === 'files', isRemote));
    });
  }
  for (const [field, keys] of Object.entries(PATH_OBJECTS)) {
    const object = view.get(root, field);
    for (const key of keys) entries.push(...readEntries(view, `${field}.${key}`, view.get(object, key), false, isRemote));
  }
  return entries;
}

function collectPluginEntries(view: YamlView, config: unknown, isRemote: (value: string) => boolean): PathEntry[] {
  const entries = PLUGIN_PATH_KEYS.flatMap((key) => readEntries(view, key, view.get(config, key), key === 'files', isRemote));
  (view.items(view.get(config, 'replacements')) ?? []).forEach((item, index) => {
    entries.push(...readEntries(view, `replacements[${index}].path`, view.get(item, 'path'), false, isRemote));
  });
  return entries;
}

/** What a plugin configuration names: paths that lead out, and every path and URL it names. */
export interface PluginInspection {
  /** Its paths that lead out of the confinement. */
  readonly outside: OutsideReference[];
  /** Every path and URL it names (for the network policy). */
  readonly values: string[];
}

/**
 * Inspects a plugin configuration: a file (`config`), or one written inline in a
 * kustomization (`inline`, at `line` of `file`; a path parses as no mapping and names
 * nothing). Its paths are resolved against every directory in `bases` (kustomize resolves
 * them against the listing kustomization; a file's own directory is checked too, to be safe).
 */
export function inspectPluginConfig(
  source: { readonly config: string } | { readonly inline: string; readonly file: string; readonly line: number },
  bases: readonly string[],
  confinement: Confinement,
  listedBy: string,
): PluginInspection {
  const lineCounter = new LineCounter();
  const text = 'config' in source ? readFileSync(locate(source.config), 'utf8') : source.inline;
  const found: PluginInspection = { outside: [], values: [] };
  const shown = 'config' in source ? source.config : source.file;
  for (const doc of parseAllDocuments(text, { lineCounter, ...GO_YAML_OPTIONS })) {
    if (!('contents' in doc) || !isMap(doc.contents) || doc.errors.length > 0) continue;
    for (const entry of listPluginPathEntries(doc.contents, () => false, resolveYamlDocument(doc, shown))) {
      found.values.push(entry.value);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.value) || !bases.some((base) => !isInside(confinement, resolve(base, entry.value)))) continue;
      found.outside.push(
        'config' in source
          ? { file: source.config, line: entry.node?.range ? lineCounter.linePos(entry.node.range[0]).line : 1, field: `${entry.field} (a plugin configuration of ${listedBy})`, value: entry.value }
          : { file: source.file, line: source.line, field: `${entry.field} (an inline plugin configuration)`, value: entry.value },
      );
    }
  }
  return found;
}
