/**
 * The two sides of a run: git revisions checked out into temporary worktrees (or the working
 * tree), or two plain directories; with the paths to check and, in git mode, the policy files
 * as the base branch has them now.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import type { SideInfo } from '../core/report/report-model.ts';
import {
  addTemporaryWorktree,
  findDefaultBase,
  findMergeBase,
  getOriginUrl,
  listChangedPaths,
  listFilesContaining,
  listCommitFiles,
  listIgnoredPaths,
  listWorkingTree,
  openRepository,
  readFileAtCommit,
  resolveCommit,
  resolveCommits,
  type TemporaryCheckout,
} from '../render/git.ts';
import { openPartialCheckout, type PartialCheckout } from '../render/partial-checkout.ts';
import { collectAncestors } from '../render/kustomize/twin-trees.ts';
import { createConfinement, type Confinement } from '../render/kustomize/confine.ts';
import { findKustomizationRoots, toPosix, type PathDisplay } from '../render/kustomize/read-kustomization.ts';
import { FLUX_KUSTOMIZATION_GROUP, holdsFluxKustomization } from '../flux/discover-units.ts';
import { CONFIG_FILE_NAMES } from './read-config-file.ts';
import type { RunOptions, RunSource } from './run-options.ts';

/** One side of the comparison. */
export interface Side {
  /** How reports name it. */
  readonly info: SideInfo;
  /** Directory of the tree (checkout or plain directory). */
  readonly root: string;
  /** How messages name a path of this side. */
  readonly show: PathDisplay;
  /** The files git would commit, for a working tree (gitignored files never reach Flux). */
  readonly files?: readonly string[];
  /** Builds of this side read nothing outside its root. */
  readonly confinement: Confinement;
  /** A temporary checkout prune-guard made and removes: it may change files in it. */
  readonly owned?: boolean;
  /**
   * Git mode, the side before: a checkout written only where it differs from the side after
   * and where builds read (see render/partial-checkout.ts); every other path is read on the
   * side after. Undefined for a tree that is on disk whole.
   */
  readonly partial?: PartialCheckout;
}

/** Both sides, with where they come from. */
export interface PreparedSides {
  /** The side before the change. */
  readonly before: Side;
  /** The side after the change. */
  readonly after: Side;
  /** Paths to check, relative to both roots. */
  readonly paths: string[];
  /** Git mode: reads the repository's origin URL, to tell which Flux GitRepository is this repository (Flux mode asks). */
  readonly readRepoUrl?: () => Promise<string | undefined>;
  /** Git mode: the configuration files as the base branch itself has them now (its tip, not the merge base). */
  readonly policyFiles?: ReadonlyMap<string, string>;
  /** Git mode: the branch the change merges into, when a branch name is known. */
  readonly branch?: string;
  /** Git mode: the paths (relative to both roots) whose content differs between the sides, as git sees them. */
  readonly changed?: ReadonlySet<string>;
  /** Git mode with the working tree: what git ignores there (folders end in `/`), which no commit holds. */
  readonly ignored?: readonly string[];
  /** Git mode: the symlinks of the side before (relative to its root); an unchanged one is on both sides. */
  readonly symlinks?: readonly string[];
  /** Git mode with the working tree: whether it declares a Flux Kustomization under the paths (found while git checked out). */
  readonly fluxDeclaredAfter?: boolean;
  /** Diff mode: how reports name a kustomization root at the top of both directories (see {@link nameDirectoryRoot}). */
  readonly rootName?: string;
}

/** Prepares both sides; the temporary checkouts it makes are added to `checkouts`, for the caller to dispose of. */
export async function prepareSides(options: RunOptions, checkouts: TemporaryCheckout[]): Promise<PreparedSides> {
  return options.source.kind === 'git'
    ? await prepareGitSides(options.source, options.cwd, checkouts, options.repoConfigPath)
    : prepareDirectorySides(options.source, options.cwd);
}

/** Names paths as `PREFIX` + the path relative to `root` (`main:apps/web`, `before/apps/web`). */
function createPathDisplay(root: string, prefix: (rel: string) => string): PathDisplay {
  return (absolute) => prefix(toPosix(relative(root, absolute)) || '.');
}

async function prepareGitSides(
  source: Extract<RunSource, { kind: 'git' }>,
  cwd: string,
  checkouts: TemporaryCheckout[],
  configPath: string | undefined,
): Promise<PreparedSides> {
  const git = await openRepository(cwd);
  // Independent questions to git are asked at once: each is a process of its own.
  const headRef = source.head ?? 'HEAD';
  let baseRef: string;
  let headCommit: string;
  let baseCommit: string;
  if (source.base) {
    baseRef = source.base;
    [headCommit, baseCommit] = (await resolveCommits(git, [headRef, baseRef])) as [string, string];
  } else {
    // The first failure in this order, whichever git answered first: the same message every run.
    const settled = await Promise.allSettled([resolveCommit(git, headRef), findDefaultBase(git)]);
    for (const result of settled) if (result.status === 'rejected') throw result.reason;
    [headCommit, baseRef] = settled.map((result) => (result as PromiseFulfilledResult<string>).value) as [string, string];
    baseCommit = await resolveCommit(git, baseRef);
  }
  let repoUrl: Promise<string | undefined> | undefined;
  const readRepoUrl = (): Promise<string | undefined> => (repoUrl ??= getOriginUrl(git));
  const mergeBase = source.exactBase ? baseCommit : await findMergeBase(git, baseCommit, headCommit, baseRef);
  const realCwd = realpathSync(cwd);
  const paths = (source.paths.length > 0 ? source.paths : [git.root]).map((path) => {
    const rel = relative(git.root, resolve(realCwd, path));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`path is outside the repository: ${path}`);
    return rel;
  });

  // The policy is the base branch's as it stands, not as it stood where the change branched
  // off: a branch cut before the policy was tightened must not run under the older one.
  const commitFiles = listCommitFiles(git, mergeBase);
  const readPolicyFiles = async (): Promise<Map<string, string>> => {
    const policyCommit = source.policyRef ? await resolveCommit(git, source.policyRef) : baseCommit;
    let names = configPath !== undefined ? [configPath] : CONFIG_FILE_NAMES;
    // Most repositories have no configuration file: where the merge base is the policy commit,
    // its file list says so without asking git for each name.
    if (policyCommit === mergeBase) {
      const present = new Set((await commitFiles).map((file) => file.path));
      names = names.filter((name) => present.has(posix.normalize(toPosix(name))));
    }
    const texts = await Promise.all(names.map((name) => readFileAtCommit(git, policyCommit, name)));
    return new Map(names.flatMap((name, index) => (texts[index] !== undefined ? [[name, texts[index]] as const] : [])));
  };
  const checkOut = (commit: string, files?: 'none'): Promise<TemporaryCheckout> =>
    addTemporaryWorktree(git, commit, files ? { files } : {}).then((checkout) => {
      checkouts.push(checkout);
      return checkout;
    });
  // git finds the candidates faster than reading every file; the few it finds are checked here.
  const fluxAsked = source.head
    ? Promise.resolve(undefined)
    : listFilesContaining(git, FLUX_KUSTOMIZATION_GROUP, paths).then((candidates) => candidates.some((file) => holdsFluxKustomization(readTextIfFile(join(git.root, file)))));
  // Against the working tree, the side before of a plain tree starts as an empty worktree:
  // what differs is written once git has said what that is (see below). Flux mode copies the
  // whole tree into artifacts: it is checked out whole at once.
  const workingTreeListed = source.head ? Promise.resolve({ files: [], untracked: [] }) : listWorkingTree(git);
  const asked = Promise.all([
    source.head ? checkOut(mergeBase) : fluxAsked.then((flux) => checkOut(mergeBase, flux ? undefined : 'none')),
    readPolicyFiles(),
    source.head ? checkOut(headCommit) : workingTreeListed.then((listing) => listing.files),
    listChangedPaths(git, mergeBase, source.head ? headCommit : undefined, workingTreeListed),
    source.head ? [] : listIgnoredPaths(git),
    commitFiles,
  ]);
  // Handled where it is awaited below; until then a failure must not count as unhandled.
  asked.catch(() => undefined);
  const workingTree = { root: git.root, show: createPathDisplay(git.root, (rel) => rel), confinement: createConfinement(git.root) };
  const fluxDeclaredAfter = await fluxAsked;
  // Only Flux mode asks for it: asked now where that mode is likely.
  if (fluxDeclaredAfter !== false) void readRepoUrl();
  if (fluxDeclaredAfter === false) {
    // While git checks the side before out, the working tree's kustomizations are read: the side before reads most of them from there.
    if (!fluxDeclaredAfter) prefetchKustomizations(workingTree, paths);
  }
  const [baseCheckout, policyFiles, head, changedList, ignored, baseFiles] = await asked;
  const changed = new Set(changedList);
  const symlinks = baseFiles.filter((file) => file.kind === 'link').map((file) => file.path);
  let partial: PartialCheckout | undefined;
  if (fluxDeclaredAfter === false) {
    // Written whole where a symlink is (a path through it reads its target, wherever that is);
    // else only the folders on the way to what differs, and the configuration file.
    const whole = symlinks.length > 0;
    const shallow = whole ? [] : [...collectAncestors(new Set([...changed, ...ignored.map((path) => path.replace(/\/$/, '')), ...(configPath ? [posix.normalize(toPosix(configPath))] : [])])), ''];
    const opened = await openPartialCheckout(baseCheckout.dir, mergeBase, baseFiles, shallow);
    if (whole) await opened.writeAll();
    else partial = opened;
  }
  const before: Side = {
    info: { label: source.baseLabel ?? `${baseRef} (merge base ${mergeBase.slice(0, 7)})` },
    root: baseCheckout.dir,
    show: createPathDisplay(baseCheckout.dir, (rel) => `${baseRef}:${rel}`),
    confinement: createConfinement(baseCheckout.dir),
    owned: true,
    ...(partial ? { partial } : {}),
  };
  const branch = source.baseBranch ?? readBranchName(baseRef);
  const common = { paths, policyFiles, changed, ignored, symlinks, ...(fluxDeclaredAfter !== undefined ? { fluxDeclaredAfter } : {}), readRepoUrl, ...(branch ? { branch } : {}) };
  if (Array.isArray(head)) {
    const after: Side = { info: { label: source.headLabel ?? 'working tree' }, ...workingTree, files: head };
    return { ...common, before, after };
  }
  const after: Side = {
    info: { label: `${source.head} (${headCommit.slice(0, 7)})` },
    root: head.dir,
    show: createPathDisplay(head.dir, (rel) => `${source.head}:${rel}`),
    confinement: createConfinement(head.dir),
    owned: true,
  };
  return { ...common, before, after };
}

/** A regular file's text; empty for anything else (a symlink never reaches Flux's artifact). */
function readTextIfFile(path: string): string {
  return lstatSync(path, { throwIfNoEntry: false })?.isFile() && /\.ya?ml$/.test(path) ? readFileSync(path, 'utf8') : '';
}

/**
 * Reads the kustomizations under the paths of a tree that declares no Flux Kustomization, so
 * later reads under the same confinement find them parsed. A file that does not read is left
 * for the real read to report.
 */
function prefetchKustomizations(tree: { readonly root: string; readonly show: PathDisplay; readonly confinement: Confinement }, paths: readonly string[]): void {
  for (const dir of paths.map((path) => join(tree.root, path))) {
    try {
      if (existsSync(dir) && statSync(dir).isDirectory()) findKustomizationRoots(dir, tree.show, tree.confinement);
    } catch {
      // The comparison reads it again and says what is wrong, naming the file.
    }
  }
}

/** `main` for `main`, `origin/main`, `refs/heads/main` or `refs/remotes/origin/main`; undefined for a commit or `HEAD`. */
function readBranchName(ref: string): string | undefined {
  const name = ref.replace(/^refs\/heads\//, '').replace(/^refs\/remotes\/[^/]+\//, '').replace(/^origin\//, '');
  return name === '' || name === 'HEAD' || /^[0-9a-f]{7,64}$/i.test(name) || /[~^:@]/.test(name) ? undefined : name;
}

function prepareDirectorySides(source: Extract<RunSource, { kind: 'dirs' }>, cwd: string): PreparedSides {
  const side = (dir: string): Side => {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) throw new UsageError(`directory not found: ${dir}`);
    if (!statSync(root).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
    return { info: { label: dir }, root, show: createPathDisplay(root, (rel) => (rel === '.' ? dir : `${toPosix(dir).replace(/\/$/, '')}/${rel}`)), confinement: createConfinement(root) };
  };
  const before = side(source.before);
  const after = side(source.after);
  const rootName = nameDirectoryRoot(before.root, after.root);
  return { before, after, paths: [''], ...(rootName ? { rootName } : {}) };
}

/**
 * The name of the unit at the top of two directories, which both sides must agree on (a unit
 * is compared by name): their shared name (`main/apps` and `pr/apps`: `apps`); for two
 * folders side by side, the folder that holds them, whose versions they are
 * (`operator-crds/before` and `operator-crds/after`: `operator-crds`); else the name of the
 * directory after the change. Undefined when there is no name to take (the file system root).
 */
export function nameDirectoryRoot(before: string, after: string): string | undefined {
  const name = basename(after);
  if (basename(before) === name) return name || undefined;
  const parent = dirname(after);
  if (dirname(before) === parent && basename(parent) !== '') return basename(parent);
  return name || undefined;
}
