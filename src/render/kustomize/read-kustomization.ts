/**
 * Reads kustomization files: which directories and files each one pulls in, and on which
 * line. kustomize still does every build; this only maps its output back to its sources,
 * finds build roots, and decides when two sides have identical inputs.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { ManifestError } from '../../core/errors.ts';
import { describeYamlError } from '../../core/objects/kube-objects.ts';
import { GO_YAML_OPTIONS, inspectPluginConfig, isInside, listPathEntries, resolveRealPath, resolveYamlDocument, type Confinement, type OutsideReference } from './confine.ts';
import { locate } from './tree-reads.ts';
import { getTwinTrees, relativeInside, type TwinTrees } from './twin-trees.ts';

/** The file names kustomize accepts, in its order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Fields whose entries are resources, bases or components: the edges of the build graph. */
const RESOURCE_FIELDS = ['resources', 'bases', 'components', 'crds'] as const;
const GENERATOR_FIELDS = { configMapGenerator: 'ConfigMapGenerator', secretGenerator: 'SecretGenerator' } as const;

/** Directories never searched for kustomizations. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Turns an absolute path into the form messages show (`main:apps/kustomization.yaml`). */
export type PathDisplay = (absolutePath: string) => string;

/** A reference in a kustomization file, with its line. */
export interface EntryOrigin {
  /** The kustomization file, absolute. */
  readonly kustomization: string;
  /** 1-based line of the entry. */
  readonly line: number;
}

/** One parsed kustomization file. */
export interface Kustomization {
  /** Absolute directory. */
  readonly dir: string;
  /** Absolute path of the kustomization file. */
  readonly file: string;
  /** True for `kind: Component`, which is never built on its own. */
  readonly isComponent: boolean;
  /** Local directories it includes (resources, bases, components, plugin directories), absolute. */
  readonly includes: readonly string[];
  /** The directories among `includes` that hold plugin configurations (generators, transformers, validators). */
  readonly pluginDirs: readonly string[];
  /** Local files it lists as resources, absolute, with their entry. */
  readonly files: ReadonlyMap<string, EntryOrigin>;
  /** Remote resources (URLs, git bases), with their entry. */
  readonly remotes: ReadonlyMap<string, EntryOrigin>;
  /** Generators by name, e.g. `ConfigMapGenerator/app-config`, with their entry. */
  readonly generators: ReadonlyMap<string, EntryOrigin>;
  /** Every local path any string in the file points at, absolute (patches, generator files, ...). */
  readonly referencedPaths: readonly string[];
  /** Paths it names that lead out of the confinement it was read under; never read, never followed. */
  readonly outside: readonly OutsideReference[];
  /**
   * Every path and URL its plugin configurations name (files, inline ones, and, for a
   * kustomization of plugin configurations, its resources), for the network policy.
   */
  readonly pluginValues: readonly string[];
  /** Every path and URL its fields name, as kustomize reads the file (for the network policy). */
  readonly pathEntries: ReadonlyArray<{ readonly field: string; readonly value: string }>;
}

/** Returns the kustomization file of a directory, or undefined. */
export function findKustomizationFile(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = join(dir, name);
    const read = locate(file);
    if (existsSync(read) && statSync(read).isFile()) return file;
  }
  return undefined;
}

/** Returns true for a resource entry kustomize fetches over the network. */
export function isRemoteReference(value: string): boolean {
  return /^(https?|ssh|git|file):\/\//.test(value) || /^git@/.test(value) || /^(github|gitlab|bitbucket)\.(com|org)\//.test(value);
}

/** Fields whose directory entries kustomize builds as kustomizations of plugin configurations. */
const PLUGIN_FIELDS = new Set(['generators', 'transformers', 'validators']);

/**
 * Reads the kustomization in `dir`; `show` names files in error messages. With a
 * confinement, nothing outside it is read or followed: a kustomization file that is a
 * symlink out of the tree is not read at all, and every path that leads out is listed in
 * `outside` instead of `includes`, `files` and `referencedPaths`. The file is read twice
 * over: as written (lines for provenance), and as kustomize's Go parser reads it (the last
 * of duplicate keys, aliases, merge keys, `!!binary`), so no entry only kustomize sees
 * escapes the check.
 */
export function readKustomization(dir: string, show: PathDisplay, confinement?: Confinement): Kustomization | undefined {
  // A run reads a tree's kustomizations more than once (finding roots, then their graphs);
  // under one confinement the tree does not change, so each is parsed once.
  const memo = confinement ? readMemo(confinement) : undefined;
  if (memo?.has(dir)) return memo.get(dir);
  const twins = getTwinTrees(confinement);
  const fromTwin = twins ? readFromTwin(dir, twins) : undefined;
  if (fromTwin) {
    memo?.set(dir, fromTwin);
    return fromTwin;
  }
  const file = findKustomizationFile(dir);
  let kustomization: Kustomization | undefined;
  if (!file) kustomization = undefined;
  else if (confinement && !isInside(confinement, file)) {
    const outside = [{ file, line: 1, field: 'kustomization file', value: toPosix(relative(dir, file)) }];
    kustomization = { dir, file, isComponent: false, includes: [], pluginDirs: [], files: new Map(), remotes: new Map(), generators: new Map(), referencedPaths: [], outside, pluginValues: [], pathEntries: [] };
  } else kustomization = parseKustomization(dir, file, readFileSync(locate(file), 'utf8'), show, confinement);
  memo?.set(dir, kustomization);
  return kustomization;
}

const memos = new WeakMap<Confinement, Map<string, Kustomization | undefined>>();

function readMemo(confinement: Confinement): Map<string, Kustomization | undefined> {
  let memo = memos.get(confinement);
  if (!memo) memos.set(confinement, (memo = new Map()));
  return memo;
}

/**
 * Reads kustomization `text` as if it were `file`, with its entries relative to `dir`: what
 * {@link readKustomization} does once it has the file, and what a build that has not yet
 * written its merged kustomization needs to know of it.
 */
export function parseKustomization(dir: string, file: string, text: string, show: PathDisplay, confinement?: Confinement): Kustomization {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...GO_YAML_OPTIONS });
  const shown = show(file);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ManifestError(`${shown}${line ? `:${line}` : ''}: malformed YAML: ${describeYamlError(error.message)}`);
  }
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new ManifestError(`${shown}: not a kustomization (expected a YAML mapping)`);
  const resolved = root ? resolveYamlDocument(doc, shown) : undefined;
  const lineOfValue = indexScalarLines(doc, lineCounter);
  const lineOf = (node: Node | null | undefined, value: string): number => (node?.range ? lineCounter.linePos(node.range[0]).line : lineOfValue(value));
  // kustomize reads a kustomization from its real directory: `../` under a symlinked
  // directory leads from there, not from the path as written.
  const bases = confinement ? [...new Set([dir, resolveRealPath(dir) ?? dir])] : [dir];
  // Every path the reading looks at, existing or not: what must read alike for a twin's result to serve (see twin-trees.ts).
  const probes = [dir, file];
  // An entry is asked about again when its scalar is visited below: each real-path check once.
  const left = new Map<string, boolean>();
  const leaves = (value: string): boolean => {
    probes.push(resolve(dir, value));
    let answer = left.get(value);
    if (answer === undefined) left.set(value, (answer = confinement !== undefined && bases.some((base) => !isInside(confinement, resolve(base, value)))));
    return answer;
  };

  const includes: string[] = [];
  const pluginDirs: string[] = [];
  const files = new Map<string, EntryOrigin>();
  const remotes = new Map<string, EntryOrigin>();
  const generators = new Map<string, EntryOrigin>();
  const outside: OutsideReference[] = [];
  const pluginConfigs: string[] = [];
  const entries = root ? listPathEntries(root, () => false, resolved) : [];
  for (const entry of entries) {
    const origin = { kustomization: file, line: lineOf(entry.node, entry.value) };
    // No file system takes such a path; it would only stop the run with a stack trace later.
    if (entry.value.includes('\0')) throw new ManifestError(`${shown}:${origin.line}: ${entry.field} holds a NUL character`);
    const resourceField = (RESOURCE_FIELDS as readonly string[]).includes(entry.field);
    if (isRemoteReference(entry.value)) {
      if (resourceField && !remotes.has(entry.value)) remotes.set(entry.value, origin);
      continue;
    }
    if (leaves(entry.value)) {
      outside.push({ file, line: origin.line, field: entry.field, value: entry.value });
      continue;
    }
    const pluginField = PLUGIN_FIELDS.has(entry.field);
    if (!resourceField && !pluginField) continue;
    const target = resolve(dir, entry.value);
    probes.push(target);
    const stat = statSync(locate(target), { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      includes.push(target);
      if (pluginField) pluginDirs.push(target);
    } else if (resourceField) files.set(target, origin);
    else if (stat?.isFile()) pluginConfigs.push(target);
  }
  // A plugin configuration names files of its own (a PatchTransformer's path), read
  // relative to the kustomization that lists it; it may also be written inline, as YAML
  // text in the list (a block, or a one-line flow mapping).
  const pluginValues: string[] = [];
  if (confinement) {
    const add = (found: { outside: OutsideReference[]; values: string[] }): void => {
      outside.push(...found.outside);
      pluginValues.push(...found.values);
    };
    for (const config of pluginConfigs) add(inspectPluginConfig({ config }, [...bases, dirname(config)], confinement, show(dir)));
    for (const field of PLUGIN_FIELDS) {
      for (const entry of [...listInlineEntries(root?.get(field, true)), ...listInlineEntries(isRecordLike(resolved) ? resolved[field] : undefined)]) {
        add(inspectPluginConfig({ inline: entry.text, file, line: lineOf(entry.node, entry.text) }, bases, confinement, show(dir)));
      }
    }
  }
  for (const [field, kind] of Object.entries(GENERATOR_FIELDS)) {
    const list = root?.get(field, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      if (typeof name === 'string') generators.set(`${kind}/${name}`, { kustomization: file, line: lineOf(item, name) });
    }
  }

  const referencedPaths = new Set<string>();
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || node.value === '' || node.value.includes('\n')) return;
      // Generator `files:` entries may be `key=path`.
      const candidates = node.value.includes('=') ? [node.value, node.value.slice(node.value.indexOf('=') + 1)] : [node.value];
      for (const candidate of candidates) {
        if (isRemoteReference(candidate) || candidate.length > 4096) continue;
        const target = resolve(dir, candidate);
        probes.push(target);
        if (target === dir || !existsSync(locate(target))) continue;
        // Never hashed, never read: a value like `/` or `/etc/passwd` in any field stays outside.
        if (leaves(candidate)) continue;
        referencedPaths.add(target);
      }
    },
  });

  const kustomization: Kustomization = {
    dir,
    file,
    isComponent: isComponent(root?.get('kind', true)),
    includes,
    pluginDirs,
    files,
    remotes,
    generators,
    referencedPaths: [...referencedPaths].sort(),
    outside,
    pluginValues,
    pathEntries: entries.map(({ field, value }) => ({ field, value })),
  };
  // Plugin configurations read files of their own: such a kustomization is always read itself.
  const plugins = pluginConfigs.length > 0 || pluginDirs.length > 0 || pluginValues.length > 0 || entries.some((entry) => PLUGIN_FIELDS.has(entry.field));
  if (!plugins) readings.set(kustomization, probes);
  return kustomization;
}

/** The paths each kustomization's reading looked at; absent for one that cannot be a twin's stand-in. */
const readings = new WeakMap<Kustomization, readonly string[]>();

/**
 * A kustomization of the tree before a change read from its twin after it, when everything
 * its reading looked at reads alike in both trees; undefined when it must be read itself.
 */
function readFromTwin(dir: string, twins: TwinTrees): Kustomization | undefined {
  const twinDir = twins.findSame(dir);
  if (twinDir === undefined) return undefined;
  let twin: Kustomization | undefined;
  try {
    twin = readKustomization(twinDir, twins.after.show, twins.after.confinement);
  } catch {
    // Its own reading reports the error, naming its own file.
    return undefined;
  }
  const probes = twin ? readings.get(twin) : undefined;
  if (!twin || !probes) return undefined;
  const rebase = (path: string): string | undefined => {
    const rel = relativeInside(twins.after.root, path);
    return rel === undefined ? undefined : rel === '' ? twins.before.root : `${twins.before.root}${sep}${rel}`;
  };
  for (const probe of probes) {
    const own = rebase(probe);
    if (own === undefined || twins.findSame(own) === undefined) return undefined;
  }
  const move = (path: string): string => rebase(path) ?? path;
  const moveOrigin = (origin: EntryOrigin): EntryOrigin => ({ ...origin, kustomization: move(origin.kustomization) });
  const moveOrigins = <K>(map: ReadonlyMap<K, EntryOrigin>): Map<K, EntryOrigin> => new Map([...map].map(([key, origin]) => [key, moveOrigin(origin)]));
  const moved: Kustomization = {
    ...twin,
    dir: move(twin.dir),
    file: move(twin.file),
    includes: twin.includes.map(move),
    pluginDirs: twin.pluginDirs.map(move),
    files: new Map([...twin.files].map(([path, origin]) => [move(path), moveOrigin(origin)])),
    remotes: moveOrigins(twin.remotes),
    generators: moveOrigins(twin.generators),
    referencedPaths: twin.referencedPaths.map(move),
    outside: twin.outside.map((reference) => ({ ...reference, file: move(reference.file) })),
  };
  readings.set(moved, probes.map(move));
  return moved;
}

/**
 * Maps each string scalar of a document to the line it first appears on (1 when it does not).
 * Built on first use: only an entry that the resolved document alone shows needs it.
 */
function indexScalarLines(doc: Document, lineCounter: LineCounter): (value: string) => number {
  let lines: Map<string, number> | undefined;
  return (value) => {
    if (!lines) {
      const index = new Map<string, number>();
      visit(doc, {
        Scalar(_key, node) {
          if (typeof node.value === 'string' && !index.has(node.value) && node.range) index.set(node.value, lineCounter.linePos(node.range[0]).line);
        },
      });
      lines = index;
    }
    return lines.get(value) ?? 1;
  };
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string entries of a plugin list, any of which may be an inline configuration (a path parses as no mapping). */
function listInlineEntries(list: unknown): Array<{ text: string; node?: Node }> {
  const items: readonly unknown[] = isSeq(list) ? list.items : Array.isArray(list) ? list : [];
  const entries: Array<{ text: string; node?: Node }> = [];
  for (const item of items) {
    if (isScalar(item) && typeof item.value === 'string') entries.push({ text: item.value, node: item });
    else if (typeof item === 'string') entries.push({ text: item });
  }
  return entries;
}

function isComponent(kind: unknown): boolean {
  return isScalar(kind) && kind.value === 'Component';
}

/** Everything a build root reaches. */
export interface KustomizationGraph {
  /** The root directory, absolute. */
  readonly root: string;
  /** Every kustomization reachable from the root, the root first. */
  readonly kustomizations: readonly Kustomization[];
}

/**
 * Follows local includes from `root`, reading each kustomization once (never outside the
 * confinement). The resources of a kustomization reached through `generators`,
 * `transformers` or `validators` are plugin configurations, whose own paths are checked too.
 * `rootKustomization`, when given, stands for the root's file (one not written yet).
 */
export function readKustomizationGraph(root: string, show: PathDisplay, confinement?: Confinement, rootKustomization?: Kustomization): KustomizationGraph {
  const seen = new Map<string, Kustomization>();
  const queue: Array<{ readonly dir: string; readonly pluginOf?: readonly string[] }> = [{ dir: root }];
  while (queue.length > 0) {
    const { dir, pluginOf } = queue.shift() as (typeof queue)[number];
    if (seen.has(dir)) continue;
    let kustomization = dir === root && rootKustomization ? rootKustomization : readKustomization(dir, show, confinement);
    if (!kustomization) continue;
    if (pluginOf && confinement) {
      const found = [...kustomization.files.keys()].map((config) => inspectPluginConfig({ config }, [...pluginOf, dir, resolveRealPath(dir) ?? dir, dirname(config)], confinement, show(dir)));
      kustomization = {
        ...kustomization,
        outside: [...kustomization.outside, ...found.flatMap((inspection) => inspection.outside)],
        pluginValues: [...kustomization.pluginValues, ...found.flatMap((inspection) => inspection.values)],
      };
    }
    seen.set(dir, kustomization);
    const { pluginDirs } = kustomization;
    queue.push(...kustomization.includes.map((include) => ({ dir: include, ...(pluginDirs.includes(include) ? { pluginOf: [dir] } : pluginOf ? { pluginOf } : {}) })));
  }
  return { root, kustomizations: [...seen.values()] };
}

/** Every path of the graph that leads out of the confinement it was read under. */
export function listOutsideReferences(graph: KustomizationGraph): OutsideReference[] {
  return graph.kustomizations.flatMap((kustomization) => kustomization.outside);
}

/**
 * Finds the build roots under `dir`: kustomization directories (not components) that no
 * other kustomization under `dir` includes. Returns them sorted. Symlinked directories are
 * not walked: a build only reaches them through an entry, which the confinement checks.
 */
export function findKustomizationRoots(dir: string, show: PathDisplay, confinement?: Confinement): string[] {
  const found: Kustomization[] = [];
  const walk = (current: string): void => {
    const kustomization = readKustomization(current, show, confinement);
    if (kustomization) found.push(kustomization);
    for (const entry of readdirSync(locate(current), { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(join(current, entry.name));
    }
  };
  walk(dir);
  const included = new Set(found.flatMap((kustomization) => kustomization.includes));
  return found
    .filter((kustomization) => !kustomization.isComponent && !included.has(kustomization.dir))
    .map((kustomization) => kustomization.dir)
    .sort();
}

/** Returns a path with `/` separators, for output. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
