/**
 * Source kinds: where in the checkout a Kustomization's source puts its root, or why the
 * source is not this checkout.
 * - GitRepository: this repository when its URL is this repository's (or the configuration
 *   lists it, or it is bootstrap's `flux-system`), and it follows the branch under review; a
 *   tag, semver range, commit or another branch is another source.
 * - OCIRepository: pushed from a folder of this repository, when the configuration says which
 *   (`sources: [{kind: OCIRepository, name, path}]`) or the sync path exists under one folder
 *   only; its root is that folder.
 * - ExternalArtifact: assembled by an ArtifactGenerator from sources of this repository; its
 *   tree is rebuilt from the copy rules (external-artifacts.ts).
 */
import type { SourceSetting } from '../core/config/config-model.ts';
import type { SourceRef } from '../core/objects/flux-objects.ts';
import { getApiGroup, getMetadata, isRecord, readNamespace, type KubeObject, type ManifestDoc } from '../core/objects/kube-objects.ts';

/** Where a source's root lies in the checkout (with what was assumed to find it), or why it is not this checkout. */
export type SourceResolution =
  | {
      readonly root: string;
      /** What was assumed to find it, for the report. */
      readonly note?: string;
      /** For a rebuilt tree: each of its files -> the file of the checkout it copies, both relative to the checkout. */
      readonly origins?: ReadonlyMap<string, string>;
    }
  | { readonly problem: string };

/**
 * Resolves a Kustomization's source; `path` is its `spec.path`, which finds a pushed folder;
 * `rendered` is what its cluster rendered so far, where the generator of an ExternalArtifact is.
 */
export type SourceCheck = (ref: SourceRef, path: string, rendered?: readonly ManifestDoc[], cluster?: string) => SourceResolution;

/** What deciding sources needs to know besides the source's objects. */
export interface SourceContext {
  /** The repository's origin URL, when known. */
  readonly repoUrl?: string;
  /** The branch the change merges into, when known: a GitRepository on another branch is another source. */
  readonly branch?: string;
  /** Sources the configuration maps to this checkout. */
  readonly configured: readonly SourceSetting[];
  /** Sources the configuration maps to this checkout in one cluster only, by cluster name. */
  readonly clusterSources?: ReadonlyMap<string, readonly SourceSetting[]>;
  /** True when `path` (relative to the checkout) is a directory. */
  readonly isDirectory: (path: string) => boolean;
  /** Folders of the checkout, relative, for finding where an OCI artifact was pushed from. */
  readonly listFolders: () => readonly string[];
  /** Sync sources a FluxInstance makes (`Kind/namespace/name`), which stand where bootstrap's `flux-system` does. */
  readonly syncSources?: ReadonlySet<string>;
}

/** A GitRepository or OCIRepository declared in the source, as far as deciding needs. */
interface DeclaredSource {
  readonly url: string;
  /** `spec.ref` as written. */
  readonly ref: Readonly<Record<string, unknown>>;
}

/** Reads the sources the checkout declares, by `Kind/namespace/name`. */
function indexSources(objects: readonly KubeObject[]): Map<string, DeclaredSource> {
  const sources = new Map<string, DeclaredSource>();
  for (const body of objects) {
    if ((body.kind !== 'GitRepository' && body.kind !== 'OCIRepository') || getApiGroup(String(body.apiVersion)) !== 'source.toolkit.fluxcd.io') continue;
    const metadata = getMetadata(body);
    const spec = isRecord(body.spec) ? body.spec : {};
    const namespace = readNamespace(body, 'flux-system');
    sources.set(`${String(body.kind)}/${namespace}/${String(metadata.name)}`, { url: String(spec.url ?? ''), ref: isRecord(spec.ref) ? spec.ref : {} });
  }
  return sources;
}

/**
 * Decides where each GitRepository and OCIRepository source's root lies in the checkout.
 * ExternalArtifacts are resolved on top of this (their generators' sources are these kinds).
 */
export function createSourceCheck(objects: readonly KubeObject[], context: SourceContext): SourceCheck {
  const declared = indexSources(objects);
  const ours = context.repoUrl ? normalizeGitUrl(context.repoUrl) : undefined;
  // A cluster's own list first, then the one for every cluster.
  const configured = (kind: string, name: string, cluster: string | undefined): SourceSetting | undefined =>
    [...((cluster !== undefined ? context.clusterSources?.get(cluster) : undefined) ?? []), ...context.configured].find((entry) => entry.kind === kind && entry.name === name);
  // The folder a sync OCIRepository was pushed from is found once per cluster, by the first path read from it (the root's).
  const pushed = new Map<string, SourceResolution>();
  const isSync = (ref: SourceRef): boolean => ref.name === 'flux-system' || context.syncSources?.has(`${ref.kind}/${ref.namespace}/${ref.name}`) === true;
  return (ref, path, _rendered, cluster) => {
    const name = `${ref.namespace}/${ref.name}`;
    if (ref.kind === 'OCIRepository') {
      const setting = configured('OCIRepository', name, cluster);
      if (setting) return { root: setting.path ?? '' };
      // Only a sync source is looked for in the checkout; any other artifact comes from elsewhere unless configured.
      if (!isSync(ref)) return { problem: `its source is OCIRepository/${name}, not this repository` };
      const key = `${cluster ?? ''}\0${name}`;
      const found = pushed.get(key) ?? resolvePushedFolder(name, path, context);
      pushed.set(key, found);
      return found;
    }
    if (ref.kind !== 'GitRepository') return { problem: `its source is ${ref.kind}/${name}, not this repository` };
    const setting = configured('GitRepository', name, cluster);
    if (setting) return { root: setting.path ?? '' };
    const source = declared.get(`GitRepository/${name}`);
    if (source !== undefined && ours !== undefined && normalizeGitUrl(source.url) !== ours) {
      return { problem: `its source GitRepository/${name} points at ${source.url}, not this repository (list it under sources in .prune-guard.yaml if it is)` };
    }
    if (source !== undefined && (ours !== undefined || isSync(ref))) {
      const other = describeOtherRef(source.ref, context.branch);
      return other ? { problem: `its source GitRepository/${name} follows ${other} of this repository, not the change under review (list it under sources in .prune-guard.yaml if it is)` } : { root: '' };
    }
    if (isSync(ref)) return { root: '' };
    return source !== undefined
      ? { problem: `cannot tell whether GitRepository/${name} (${source.url}) is this repository: list it under sources in .prune-guard.yaml if it is` }
      : { problem: `its source GitRepository/${name} is not declared in this repository: list it under sources in .prune-guard.yaml if it is this one` };
  };
}

/**
 * What a GitRepository's `spec.ref` follows, when it is not the branch under review: a
 * commit, tag or semver range is pinned; another branch is another line of history. No ref,
 * or an unknown branch under review, is taken to be the one under review.
 */
function describeOtherRef(ref: Readonly<Record<string, unknown>>, branch: string | undefined): string | undefined {
  const text = (key: string): string | undefined => (typeof ref[key] === 'string' && ref[key] !== '' ? (ref[key] as string) : undefined);
  const commit = text('commit');
  if (commit) return `commit ${commit}`;
  const tag = text('tag');
  if (tag) return `tag ${tag}`;
  const semver = text('semver');
  if (semver) return `semver ${semver}`;
  const named = text('name');
  if (named && !(branch !== undefined && named === `refs/heads/${branch}`)) return `${named}`;
  const followed = text('branch');
  if (followed && branch !== undefined && followed !== branch) return `branch ${followed}`;
  return undefined;
}

/** Where a sync OCIRepository's artifact comes from: the one folder of the checkout holding the path the root reads. */
function resolvePushedFolder(name: string, path: string, context: SourceContext): SourceResolution {
  const folder = findPushedFolder(path, context);
  if (folder === undefined) {
    return { problem: `its source OCIRepository/${name} is an artifact, and no single folder of this repository holds ./${path} to say it is pushed from there (list it under sources in .prune-guard.yaml with that folder)` };
  }
  return { root: folder, note: `OCIRepository/${name} is taken to be pushed from ${folder || '.'}/, the one folder holding ./${path} (declare it under sources in .prune-guard.yaml if it is not)` };
}

/**
 * For a sync OCIRepository whose Kustomization reads `path`: the one folder of the checkout
 * under which `path` exists (the folder CI pushes), or undefined when there is none or more
 * than one.
 */
function findPushedFolder(path: string, context: Pick<SourceContext, 'isDirectory' | 'listFolders'>): string | undefined {
  const candidates = ['', ...context.listFolders()].filter((folder) => context.isDirectory(folder === '' ? path : path === '' ? folder : `${folder}/${path}`));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Reduces a git URL to host/path, so https, ssh and scp-style forms of one repository compare equal. */
export function normalizeGitUrl(url: string): string {
  let value = url.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  const scp = /^[^@/]+@([^:/]+):(.*)$/.exec(value);
  if (scp) value = `${scp[1]}/${scp[2]}`;
  else value = value.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]+@/, '');
  return value.replace(/:\d+\//, '/').toLowerCase();
}
