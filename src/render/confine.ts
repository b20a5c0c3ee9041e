/**
 * Confined reads: what a build may read is the tree under review and nothing else.
 * kustomize-controller builds from the source artifact through a file system that refuses
 * every path outside it; the kustomize CLI has no such mode that keeps `../` references
 * working (LoadRestrictionsRootOnly refuses `../base/app.yaml`, which Flux builds happily),
 * so every path a kustomization can name is resolved here, symlinks included, before
 * kustomize or prune-guard itself reads anything.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';

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
  let current = resolve(path);
  const rest: string[] = [];
  for (;;) {
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return false;
      rest.unshift(basename(current));
      current = parent;
      continue;
    }
    const full = rest.length > 0 ? join(real, ...rest) : real;
    if (confinement.outsideLinks && confinement.outsideLinks.size > 0) {
      for (let path = full; path !== dirname(path); path = dirname(path)) if (confinement.outsideLinks.has(path)) return false;
    }
    const root = [confinement.root, ...(confinement.also ?? [])].find((candidate) => full === candidate || full.startsWith(`${candidate}${sep}`));
    // Git's own files are no part of the tree: `.git/config` holds the token actions/checkout
    // persists, and source-controller's artifact never has them.
    return root !== undefined && !full.slice(root.length).split(sep).includes('.git');
  }
}

/** A path-bearing entry of a kustomization, with the node it was read from. */
export interface PathEntry {
  /** Where in the file, e.g. `patches[2].path`. */
  readonly field: string;
  /** The path as written (for generator files, without the `key=`). */
  readonly value: string;
  /** The scalar holding it, for its line. */
  readonly node: Node;
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
 * Lists every local path a kustomization names: the fields kustomize reads files or
 * directories from. Remote references are left to the network policy.
 */
export function listPathEntries(root: YAMLMap, isRemote: (value: string) => boolean): PathEntry[] {
  const entries: PathEntry[] = [];
  const add = (field: string, node: unknown, stripKey = false): void => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return;
    // Inline patches and inline plugin configurations are YAML text, not paths.
    if (node.value.includes('\n') || isRemote(node.value)) return;
    const value = stripKey && node.value.includes('=') ? node.value.slice(node.value.indexOf('=') + 1) : node.value;
    if (value !== '') entries.push({ field, value, node });
  };
  const addAll = (field: string, node: unknown, stripKey = false): void => {
    if (isSeq(node)) node.items.forEach((item) => add(field, item, stripKey));
    else add(field, node, stripKey);
  };
  for (const field of PATH_LISTS) addAll(field, root.get(field, true));
  for (const [field, keys] of Object.entries(PATH_MAPPINGS)) {
    const list = root.get(field, true);
    if (!isSeq(list)) continue;
    list.items.forEach((item, index) => {
      if (!isMap(item)) return;
      for (const key of keys) addAll(`${field}[${index}].${key}`, item.get(key, true), key === 'files');
    });
  }
  for (const [field, keys] of Object.entries(PATH_OBJECTS)) {
    const object = root.get(field, true);
    if (isMap(object)) for (const key of keys) addAll(`${field}.${key}`, object.get(key, true));
  }
  return entries;
}

/** Lists the paths a builtin plugin's configuration (one YAML document) names. */
export function listPluginPathEntries(config: YAMLMap, isRemote: (value: string) => boolean): PathEntry[] {
  const entries: PathEntry[] = [];
  for (const key of PLUGIN_PATH_KEYS) {
    const node = config.get(key, true);
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value === '' || item.value.includes('\n') || isRemote(item.value)) continue;
      const value = key === 'files' && item.value.includes('=') ? item.value.slice(item.value.indexOf('=') + 1) : item.value;
      entries.push({ field: key, value, node: item });
    }
  }
  const replacements = config.get('replacements', true);
  if (isSeq(replacements)) {
    replacements.items.forEach((item, index) => {
      const path = isMap(item) ? item.get('path', true) : undefined;
      if (isScalar(path) && typeof path.value === 'string' && path.value !== '') entries.push({ field: `replacements[${index}].path`, value: path.value, node: path });
    });
  }
  return entries;
}
