/**
 * Reads kustomization files: which directories and files each one pulls in, and on which
 * line. kustomize still does every build; this only maps its output back to its sources,
 * finds build roots, and decides when two sides have identical inputs.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, visit, type Node } from 'yaml';
import { ManifestError } from '../core/errors.ts';
import { describeYamlError } from '../core/objects.ts';
import { findAliasBomb } from '../core/yaml-bomb.ts';
import { isInside, listPathEntries, listPluginPathEntries, type Confinement, type OutsideReference } from './confine.ts';

/** The file names kustomize accepts, in its order of preference. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Fields whose entries are resources, bases or components: the edges of the build graph. */
const RESOURCE_FIELDS = ['resources', 'bases', 'components', 'crds'] as const;
const GENERATOR_FIELDS = { configMapGenerator: 'ConfigMapGenerator', secretGenerator: 'SecretGenerator' } as const;

/** Directories never searched for kustomizations. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

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
  /** Local directories it includes (resources, bases, components), absolute. */
  readonly includes: readonly string[];
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
}

/** Returns the kustomization file of a directory, or undefined. */
export function findKustomizationFile(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = join(dir, name);
    if (existsSync(file) && statSync(file).isFile()) return file;
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
 * `outside` instead of `includes`, `files` and `referencedPaths`.
 */
export function readKustomization(dir: string, show: PathDisplay, confinement?: Confinement): Kustomization | undefined {
  const file = findKustomizationFile(dir);
  if (!file) return undefined;
  if (confinement && !isInside(confinement, file)) {
    const outside = [{ file, line: 1, field: 'kustomization file', value: toPosix(relative(dir, file)) }];
    return { dir, file, isComponent: false, includes: [], files: new Map(), remotes: new Map(), generators: new Map(), referencedPaths: [], outside };
  }
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const shown = show(file);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ManifestError(`${shown}${line ? `:${line}` : ''}: malformed YAML: ${describeYamlError(error.message)}`);
  }
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;

  const includes: string[] = [];
  const files = new Map<string, EntryOrigin>();
  const remotes = new Map<string, EntryOrigin>();
  const generators = new Map<string, EntryOrigin>();
  const outside: OutsideReference[] = [];
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new ManifestError(`${shown}: not a kustomization (expected a YAML mapping)`);

  for (const field of RESOURCE_FIELDS) {
    const list = root?.get(field, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      if (isRemoteReference(item.value)) remotes.set(item.value, { kustomization: file, line: lineOf(item) });
    }
  }
  const pluginConfigs: string[] = [];
  for (const entry of root ? listPathEntries(root, isRemoteReference) : []) {
    const target = resolve(dir, entry.value);
    const origin = { kustomization: file, line: lineOf(entry.node) };
    if (confinement && !isInside(confinement, target)) {
      outside.push({ file, line: origin.line, field: entry.field, value: entry.value });
      continue;
    }
    const resourceField = (RESOURCE_FIELDS as readonly string[]).includes(entry.field);
    const pluginField = PLUGIN_FIELDS.has(entry.field);
    if (!resourceField && !pluginField) continue;
    const isDirectory = existsSync(target) && statSync(target).isDirectory();
    if (isDirectory) includes.push(target);
    else if (resourceField) files.set(target, origin);
    else pluginConfigs.push(target);
  }
  // A plugin configuration names files of its own (a PatchTransformer's path), read
  // relative to the kustomization that lists it.
  if (confinement) {
    for (const config of pluginConfigs) outside.push(...findOutsidePluginPaths({ config }, dir, confinement, show));
    // kustomize also takes a plugin configuration written inline, as YAML text in the list.
    for (const field of PLUGIN_FIELDS) {
      const list = root?.get(field, true);
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        if (!isScalar(item) || typeof item.value !== 'string' || !item.value.includes('\n')) continue;
        outside.push(...findOutsidePluginPaths({ inline: item.value, file, line: lineOf(item) }, dir, confinement, show));
      }
    }
  }
  for (const [field, kind] of Object.entries(GENERATOR_FIELDS)) {
    const list = root?.get(field, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      if (typeof name === 'string') generators.set(`${kind}/${name}`, { kustomization: file, line: lineOf(item) });
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
        if (target === dir || !existsSync(target)) continue;
        // Never hashed, never read: a value like `/` or `/etc/passwd` in any field stays outside.
        if (confinement && !isInside(confinement, target)) continue;
        referencedPaths.add(target);
      }
    },
  });

  return {
    dir,
    file,
    isComponent: isComponent(root?.get('kind', true)),
    includes,
    files,
    remotes,
    generators,
    referencedPaths: [...referencedPaths].sort(),
    outside,
  };
}

/**
 * The paths plugin configurations name that lead out of the tree: a configuration file
 * (`config`), or one written inline in the kustomization (`inline`, at `line` of `file`).
 */
function findOutsidePluginPaths(
  source: { readonly config: string } | { readonly inline: string; readonly file: string; readonly line: number },
  dir: string,
  confinement: Confinement,
  show: PathDisplay,
): OutsideReference[] {
  const lineCounter = new LineCounter();
  const text = 'config' in source ? readFileSync(source.config, 'utf8') : source.inline;
  const docs = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(docs)) return [];
  // kustomize resolves them against the listing kustomization; a file's own directory is checked too, to be safe.
  const bases = 'config' in source ? [dir, dirname(source.config)] : [dir];
  const found: OutsideReference[] = [];
  for (const doc of docs) {
    if (!isMap(doc.contents)) continue;
    for (const entry of listPluginPathEntries(doc.contents, isRemoteReference)) {
      if (!bases.some((base) => !isInside(confinement, resolve(base, entry.value)))) continue;
      const line = entry.node.range ? lineCounter.linePos(entry.node.range[0]).line : 1;
      found.push(
        'config' in source
          ? { file: source.config, line, field: `${entry.field} (a plugin configuration of ${show(dir)})`, value: entry.value }
          : { file: source.file, line: source.line, field: `${entry.field} (an inline plugin configuration)`, value: entry.value },
      );
    }
  }
  return found;
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

/** Follows local includes from `root`, reading each kustomization once (never outside the confinement). */
export function readKustomizationGraph(root: string, show: PathDisplay, confinement?: Confinement): KustomizationGraph {
  const seen = new Map<string, Kustomization>();
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    if (seen.has(dir)) continue;
    const kustomization = readKustomization(dir, show, confinement);
    if (!kustomization) continue;
    seen.set(dir, kustomization);
    queue.push(...kustomization.includes);
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
    for (const entry of readdirSync(current, { withFileTypes: true })) {
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

/**
 * Hashes every input a build of the graph can read: each kustomization directory's files
 * (not descending into other kustomizations, which the graph covers when reachable) and every
 * path a kustomization names. Paths enter the hash relative to `treeRoot`, so the same
 * inputs in two checkouts hash the same. Remote references enter as their URL.
 *
 * Every file is vetted as it is read, before kustomize ever sees it: a symlink out of the
 * confinement is passed over (the graph already lists what a build would read through it),
 * and a YAML alias bomb stops the run with a ManifestError naming the file.
 */
export function hashGraphInputs(
  graph: KustomizationGraph,
  treeRoot: string,
  fileHashes: Map<string, string>,
  options: { readonly confinement?: Confinement; readonly show?: PathDisplay } = {},
): string {
  const { confinement } = options;
  const inputs = new Set<string>();
  const addTree = (path: string, isRoot: boolean): void => {
    const link = lstatSync(path, { throwIfNoEntry: false });
    if (!link) return;
    if (link.isSymbolicLink() && confinement && !isInside(confinement, path)) return;
    const stat = link.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : link;
    if (!stat) return;
    if (stat.isFile()) {
      inputs.add(path);
      return;
    }
    if (!stat.isDirectory() || (!isRoot && findKustomizationFile(path))) return;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (!SKIPPED_DIRS.has(entry.name)) addTree(join(path, entry.name), false);
    }
  };
  const hash = createHash('sha256');
  for (const kustomization of graph.kustomizations) {
    addTree(kustomization.dir, true);
    for (const path of kustomization.referencedPaths) addTree(path, true);
    for (const remote of [...kustomization.remotes.keys()].sort()) hash.update(`remote\0${remote}\0`);
  }
  for (const path of [...inputs].sort()) {
    let digest = fileHashes.get(path);
    if (digest === undefined) {
      const bytes = readFileSync(path);
      const bomb = findAliasBomb(bytes.toString('utf8'));
      if (bomb) throw new ManifestError(`${(options.show ?? ((p: string) => p))(path)}: ${bomb}; refused before building`);
      digest = createHash('sha256').update(bytes).digest('hex');
      fileHashes.set(path, digest);
    }
    hash.update(`file\0${toPosix(relative(treeRoot, path))}\0${digest}\0`);
  }
  return hash.digest('hex');
}

/** Returns a path with `/` separators, for output. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
