/**
 * A build overlay: a throwaway shadow of the tree in which some kustomization directories
 * are real copies (everything else is a symlink to the user's file), so a build can see
 * remote files fetched by prune-guard itself (through mirrors and the cache) and edits that
 * are only being tried out, without touching the user's tree.
 *
 * The shadow keeps the tree's layout: a relative reference (`../base`, `./crds`) resolves to
 * the same place as in the source, so only remote entries need rewriting. A directory is a
 * copy when its kustomization changes, or when it includes one that does, so a build never
 * walks from a copy into the original of a changed directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { isMap, parseDocument, visit } from 'yaml';
import { registerTempTree } from '../cleanup.ts';
import { GO_YAML_OPTIONS, listPathEntries, resolveYamlDocument } from './confine.ts';
import { listResourceEntries } from '../../core/fix/kustomization-edit.ts';
import { readReference } from '../../core/config/network-policy.ts';
import { isRemoteReference, toPosix, type Kustomization, type KustomizationGraph } from './read-kustomization.ts';
import { applyMirrors, type RemoteFetcher } from '../remote-fetch.ts';
import type { Mirror } from '../../core/config/config-model.ts';

/** Fields whose entries kustomize may fetch over the network. */
const REMOTE_FIELDS = ['resources', 'bases', 'components', 'crds'] as const;

/** Directory of the overlay where fetched remote files live. */
const REMOTE_DIR = '.prune-guard-remote';

/** How prune-guard reaches remote resources. */
export interface RemoteAccess {
  /** Fetches remote files once per run, through the cache and mirrors; holds the network policy. */
  readonly fetcher: RemoteFetcher;
  /** Prefix rewrites; git bases kustomize clones itself are rewritten with them too. */
  readonly mirrors: readonly Mirror[];
}

/** Changes to try out in a build, by absolute path inside the tree. */
export interface TreeEdits {
  /** New contents for existing files (kustomization files). */
  readonly overrides?: ReadonlyMap<string, string>;
  /** Files that do not exist yet (vendored manifests). */
  readonly additions?: ReadonlyMap<string, string>;
}

/** A prepared overlay. */
export interface Overlay {
  /** The directory to build instead of `graph.root`. */
  readonly buildRoot: string;
  /** Maps a path inside the overlay back to the tree. */
  readonly unalias: (path: string) => string;
  /** Fetched files in the overlay -> the URL they stand in for. */
  readonly remoteFiles: ReadonlyMap<string, string>;
  /** Removes the overlay. */
  readonly dispose: () => void;
}

/**
 * Returns true for a resource entry kustomize reads as one file over HTTP, not a git base:
 * a manifest file name at the end and no git markers (`//` subpath, `?ref=`, `.git`).
 */
export function isRemoteFileUrl(value: string): boolean {
  // An unparsable URL is left to kustomize, which names it in its error.
  if (!/^https?:\/\//.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.searchParams.has('ref') || url.searchParams.has('version') || /\.git(\/|$)/.test(url.pathname) || url.pathname.includes('//')) return false;
  return /\.(ya?ml|json)$/i.test(url.pathname);
}

/**
 * Prepares an overlay for building `graph` when one is needed (remote files to fetch,
 * mirrors that apply, or edits to try); returns undefined when the tree can be built as it is.
 * With `remote`, every reference kustomize would fetch itself is checked against the network
 * policy first, so a refused one stops the run before any build (a RemoteDeniedError).
 */
export async function createOverlay(
  treeRoot: string,
  graph: KustomizationGraph,
  remote: RemoteAccess | undefined,
  edits: TreeEdits = {},
): Promise<Overlay | undefined> {
  const overrides = edits.overrides ?? new Map<string, string>();
  const additions = edits.additions ?? new Map<string, string>();
  const rewritesRemotes = (url: string): boolean =>
    remote !== undefined && (isRemoteFileUrl(url) || applyMirrors(url, remote.mirrors) !== url);
  // An edited kustomization may list remote files the original does not.
  const remotesOf = (k: Kustomization): string[] => {
    const override = overrides.get(k.file);
    const added = override === undefined ? [] : listResourceEntries(override).map((entry) => entry.value).filter(isRemoteReference);
    return [...new Set([...k.remotes.keys(), ...added])];
  };
  const textOf = (k: Kustomization): string => overrides.get(k.file) ?? readFileSync(k.file, 'utf8');
  // The graph read every kustomization already; only an edited one is read again.
  const entriesOf = (k: Kustomization): ReadonlyArray<{ readonly field: string; readonly value: string }> => {
    const override = overrides.get(k.file);
    return override === undefined ? k.pathEntries : listOverrideEntries(override, k.file);
  };
  if (remote) await checkKustomizeFetches(graph, remote, remotesOf, entriesOf);
  const changed = graph.kustomizations.filter(
    (k) => overrides.has(k.file) || [...additions.keys()].some((path) => dirname(path) === k.dir) || remotesOf(k).some(rewritesRemotes),
  );
  if (changed.length === 0) return undefined;

  // Copy every changed directory and every directory that includes one, transitively.
  const includers = new Map<string, string[]>();
  for (const k of graph.kustomizations) for (const dir of k.includes) includers.set(dir, [...(includers.get(dir) ?? []), k.dir]);
  const copied = new Set<string>();
  const queue = changed.map((k) => k.dir);
  while (queue.length > 0) {
    const dir = queue.pop() as string;
    if (copied.has(dir)) continue;
    copied.add(dir);
    queue.push(...(includers.get(dir) ?? []));
  }
  // Edited files live in real directories of the overlay too, even outside the copied ones
  // (a kustomization the root no longer includes): written through a symlink, an edit
  // would land in the user's tree.
  const edited = [...overrides.keys(), ...additions.keys()];
  // A directory outside the tree cannot be shadowed; the build would silently use the original.
  if ([...copied, ...edited].some((path) => isOutside(treeRoot, path))) return undefined;

  const shadow = mkdtempSync(join(tmpdir(), 'prune-guard-overlay-'));
  const { dispose } = registerTempTree(shadow);
  try {
    const toShadow = (path: string): string => join(shadow, relative(treeRoot, path));
    // Every copied directory, every one holding an edit, and their ancestors up to the tree root are real directories.
    const real = new Set<string>();
    for (const dir of [...copied, ...edited.map((path) => dirname(path))]) addWithAncestors(real, dir, treeRoot);
    // Files of the overlay with their own contents: edits, and copied kustomizations whose
    // remote entries point at fetched files. Never symlinked, so no write reaches the tree.
    const written = new Map<string, string>(overrides);
    const remoteFiles = new Map<string, string>();
    if (remote) {
      for (const k of graph.kustomizations.filter((candidate) => copied.has(candidate.dir))) {
        const urls = remotesOf(k).filter(rewritesRemotes);
        if (urls.length === 0) continue;
        const replacements = new Map<string, string>();
        for (const url of urls) {
          if (!isRemoteFileUrl(url)) {
            replacements.set(url, applyMirrors(url, remote.mirrors));
            continue;
          }
          const local = join(shadow, REMOTE_DIR, createHash('sha256').update(url).digest('hex').slice(0, 16), new URL(url).pathname.split('/').pop() as string);
          mkdirSync(dirname(local), { recursive: true });
          writeFileSync(local, await remote.fetcher.fetchText(url));
          remoteFiles.set(local, url);
          replacements.set(url, toPosix(relative(toShadow(k.dir), local)));
        }
        written.set(k.file, replaceEntries(textOf(k), replacements));
      }
    }
    // A kustomization's directory is linked whole (a build reads what it lists from there);
    // a folder on the way to one (`apps/` above `apps/web`) only where the graph leads: its
    // other entries (the other apps) no build of this graph reads.
    const whole = new Set(graph.kustomizations.map((k) => k.dir));
    // Plugin configurations name files of their own, relative to the root: then everything.
    const linkAll = graph.kustomizations.some((k) => k.pluginDirs.length > 0 || k.pluginValues.length > 0);
    const onTheWay = collectGraphPaths(graph, treeRoot);
    for (const dir of [...real].sort()) {
      mkdirSync(toShadow(dir), { recursive: true });
      // A new directory holds nothing but added files.
      if (!existsSync(dir)) continue;
      for (const entry of readdirSync(dir)) {
        const source = join(dir, entry);
        if (real.has(source) || written.has(source) || additions.has(source)) continue;
        if (linkAll || whole.has(dir) || onTheWay.has(source)) symlinkSync(source, toShadow(source));
      }
    }
    for (const [path, text] of [...written, ...additions]) writeFileSync(toShadow(path), text);
    const unalias = (path: string): string => {
      const rel = relative(shadow, path);
      return isOutsideRelative(rel) ? path : join(treeRoot, rel);
    };
    return { buildRoot: toShadow(graph.root), unalias, remoteFiles, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** Every path the graph reads (kustomization folders, files, every path named) and each of their folders up to the tree root. */
function collectGraphPaths(graph: KustomizationGraph, treeRoot: string): Set<string> {
  const paths = new Set<string>();
  for (const k of graph.kustomizations) {
    for (const path of [k.dir, k.file, ...k.includes, ...k.pluginDirs, ...k.files.keys(), ...k.referencedPaths]) addWithAncestors(paths, path, treeRoot);
  }
  return paths;
}

/** Adds `path` and each folder above it up to `treeRoot` (none outside it) to `paths`. */
function addWithAncestors(paths: Set<string>, path: string, treeRoot: string): void {
  for (let current = path; !paths.has(current) && !isOutside(treeRoot, current); current = dirname(current)) {
    paths.add(current);
    if (current === treeRoot) break;
  }
}

/**
 * Checks, against the network policy, every reference of the graph that kustomize fetches
 * itself: git bases and URLs that are no manifest file (after mirrors, as the overlay rewrites
 * them), and URLs in every other field that loads files (patches, generator files, plugin
 * configurations...), which kustomize fetches as written. Manifest URLs of the resource lists
 * are left to the fetcher, which checks them as it fetches them.
 */
async function checkKustomizeFetches(
  graph: KustomizationGraph,
  remote: RemoteAccess,
  remotesOf: (k: Kustomization) => string[],
  entriesOf: (k: Kustomization) => ReadonlyArray<{ readonly field: string; readonly value: string }>,
): Promise<void> {
  const checked = new Set<string>();
  for (const k of graph.kustomizations) {
    const listed = new Set(remotesOf(k));
    const entries = [...entriesOf(k)];
    for (const value of listed) entries.push({ field: 'resources', value });
    // What its plugin configurations name (files, inline ones, and those of plugin directories), gathered as the graph was read.
    for (const value of k.pluginValues) entries.push({ field: 'plugin', value });
    for (const { field, value } of entries) {
      if (readReference(value).kind === 'local') continue;
      const rewritten = (REMOTE_FIELDS as readonly string[]).includes(field) && listed.has(value);
      if (rewritten && isRemoteFileUrl(value)) continue;
      const target = rewritten ? applyMirrors(value, remote.mirrors) : value;
      if (checked.has(`${target}\0${value}`)) continue;
      checked.add(`${target}\0${value}`);
      await remote.fetcher.checkReference(target, value);
    }
  }
}

/** The paths and URLs an edited kustomization names, read as kustomize's Go parser reads it. */
function listOverrideEntries(text: string, file: string): Array<{ field: string; value: string }> {
  const doc = parseDocument(text, GO_YAML_OPTIONS);
  if (!isMap(doc.contents)) return [];
  return listPathEntries(doc.contents, () => false, resolveYamlDocument(doc, file)).map(({ field, value }) => ({ field, value }));
}

/** Rewrites entries of the resource lists; the copy is only ever built, so formatting may change. */
function replaceEntries(text: string, replacements: ReadonlyMap<string, string>): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  // Wherever the URL stands: kustomize reads `Resources:` and a duplicate key's last list as
  // `resources:`, and an anchored list may be merged in elsewhere.
  visit(doc, {
    Scalar(_key, item) {
      if (typeof item.value === 'string' && replacements.has(item.value)) item.value = replacements.get(item.value);
    },
  });
  return doc.toString({ lineWidth: 0 });
}

function isOutside(root: string, path: string): boolean {
  return isOutsideRelative(relative(root, path));
}

function isOutsideRelative(rel: string): boolean {
  return rel.startsWith('..') || isAbsolute(rel);
}
