/**
 * The git port: refs, merge bases and throwaway worktrees for the base side. git sees the
 * user's own configuration and credentials but none of the tokens prune-guard was handed
 * (see child-env.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError } from '../core/errors.ts';
import { quoteShellWord } from '../core/text/shell-word.ts';
import { createGitEnv } from './child-env.ts';
import { registerCleanup, releaseInBackground } from './cleanup.ts';

/** Runs git in one repository. */
export interface GitClient {
  /** The repository's top-level directory. */
  readonly root: string;
  /** Runs `git ARGS` and returns stdout; rejects with a GitError carrying stderr. */
  run(args: readonly string[]): Promise<string>;
}

/** Opens the repository that contains `cwd`. */
export async function openRepository(cwd: string): Promise<GitClient> {
  let root: string;
  try {
    root = (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    if (error instanceof GitError && /ENOENT/.test(error.details ?? '')) throw error;
    // git refuses a repository another user owns (a container, a CI job): it is one all the same.
    const safe = error instanceof GitError ? /safe\.directory\s+'?([^'\n]+?)'?\s*$/m.exec(error.details ?? '') : null;
    if (safe) throw new GitError(`git refuses the repository at ${safe[1]}: another user owns it; if you trust it, git config --global --add safe.directory ${quoteShellWord(safe[1] ?? '')}`);
    throw new GitError(`not inside a git repository: ${cwd} (run prune-guard in a git checkout, or compare two directories with prune-guard diff BEFORE_DIR AFTER_DIR)`);
  }
  return { root, run: (args) => runGit(root, args) };
}

function runGit(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', env: createGitEnv(process.env) }, (error, stdout, stderr) => {
      if (!error) resolvePromise(stdout);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new GitError('git is not installed or not on PATH', 'ENOENT'));
      else reject(new GitError(`git ${args.join(' ')} failed: ${stderr.trim().split('\n')[0] ?? ''}`, stderr));
    });
  });
}

/** Resolves a ref to a commit SHA, or throws a GitError naming the ref and what to do. */
export async function resolveCommit(git: GitClient, ref: string): Promise<string> {
  const commit = await findCommit(git, ref);
  if (commit === undefined) throw new GitError(await describeUnknownRef(git, ref));
  return commit;
}

/** The commit SHA a ref names; undefined when it names none. */
function findCommit(git: GitClient, ref: string): Promise<string | undefined> {
  return git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).then(
    (output) => output.trim(),
    () => undefined,
  );
}

/**
 * Why a ref names no commit, in one line that says what to do: a repository without commits,
 * a branch without commits yet, a range, a remote branch not fetched, a commit a shallow clone
 * lacks, or a branch that only a remote has.
 */
async function describeUnknownRef(git: GitClient, ref: string): Promise<string> {
  const ask = (args: readonly string[]): Promise<string> => git.run(args).then((output) => output.trim(), () => '');
  const [anyCommit, currentBranch, remoteList] = await Promise.all([ask(['rev-list', '-n', '1', '--all']), ask(['symbolic-ref', '-q', '--short', 'HEAD']), ask(['remote'])]);
  if (anyCommit === '') return 'this repository has no commits yet: commit first, or compare two directories with prune-guard diff BEFORE_DIR AFTER_DIR';
  if (ref === 'HEAD') return `${currentBranch ? `branch ${currentBranch}` : 'HEAD'} has no commits yet: commit first, or name a commit with --head REF`;
  const unknown = `unknown git ref: ${ref}`;
  if (ref.includes('..')) return `${unknown} (a range; name one branch, tag or commit)`;
  const stem = ref.replace(/(?:[~^]\d*)+$/, '');
  if (stem !== ref && (await findCommit(git, stem)) !== undefined) {
    const shallow = (await ask(['rev-parse', '--is-shallow-repository'])) === 'true';
    return `${unknown} (the history here does not reach that far${shallow ? '; this clone is shallow: git fetch --unshallow' : ''})`;
  }
  const remotes = remoteList.split('\n').filter(Boolean);
  const remote = remotes.find((name) => ref.startsWith(`${name}/`));
  if (remote) return `${unknown} (no such branch of ${remote} was fetched: git fetch ${remote} ${ref.slice(remote.length + 1)})`;
  if (/^[0-9a-f]{7,64}$/i.test(ref)) return `${unknown} (no such commit in this clone; a shallow clone needs more history: git fetch --unshallow, or fetch-depth: 0 on actions/checkout)`;
  if (remotes.length > 0) {
    // Without patterns for-each-ref lists every ref: asked only with a remote to look in.
    const [tracking] = (await ask(['for-each-ref', '--format=%(refname:short)', ...remotes.map((name) => `refs/remotes/${name}/${ref}`)])).split('\n').filter(Boolean);
    if (tracking) return `${unknown} (no local branch of that name; did you mean ${tracking}?)`;
    return `${unknown} (no branch, tag or commit of that name here; if ${remotes.includes('origin') ? 'origin' : remotes[0]} has it, git fetch first)`;
  }
  return `${unknown} (no branch, tag or commit of that name; git branch --all lists the branches)`;
}

/**
 * Resolves refs to commit SHAs in one git call; when that fails, ref by ref, so that the
 * first unknown ref in order is the one a GitError names.
 */
export async function resolveCommits(git: GitClient, refs: readonly string[]): Promise<string[]> {
  const shas = await git
    .run(['rev-parse', '--end-of-options', ...refs.map((ref) => `${ref}^{commit}`)])
    .then((output) => output.split('\n').filter(Boolean))
    .catch(() => []);
  // A range (`a..b`) or a ref starting with `^` reads as more, or other, than one commit each.
  if (shas.length === refs.length && shas.every((sha) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))) return shas;
  const resolved: string[] = [];
  for (const ref of refs) resolved.push(await resolveCommit(git, ref));
  return resolved;
}

/** Refs tried, in order, when no --base is given. */
export const DEFAULT_BASE_REFS = ['origin/HEAD', 'origin/main', 'main', 'origin/master', 'master'] as const;

/** Returns the first of {@link DEFAULT_BASE_REFS} that exists, or throws. */
export async function findDefaultBase(git: GitClient): Promise<string> {
  for (const ref of DEFAULT_BASE_REFS) if ((await findCommit(git, ref)) !== undefined) return ref;
  throw new GitError(`no base branch found (tried ${DEFAULT_BASE_REFS.join(', ')}): pass --base REF`);
}

/**
 * Returns the merge base of two commits, as `git diff A...B` uses: changes that landed on
 * the base branch after the branch point are not part of the change under review.
 */
export async function findMergeBase(git: GitClient, base: string, head: string, baseRef: string): Promise<string> {
  try {
    return (await git.run(['merge-base', base, head])).trim();
  } catch {
    throw new GitError(
      `no merge base between ${baseRef} and the head commit (a shallow clone? fetch more history, e.g. fetch-depth: 0)`,
    );
  }
}

/** A checkout that deletes itself. */
export interface TemporaryCheckout {
  /** Its directory. */
  readonly dir: string;
  /** Removes the worktree; safe to call twice. */
  dispose(): void;
  /** Removes the worktree in the background (see cleanup.ts); safe to call twice. */
  release(): void;
}

/**
 * Checks `commit` out in a new detached worktree under the temp directory; with `files:
 * 'none'`, only the worktree is made, and {@link restorePaths} writes files into it. The
 * worktree is removed by `dispose()`, or on Ctrl-C through the cleanup registry.
 */
export async function addTemporaryWorktree(git: GitClient, commit: string, options: { readonly files?: 'all' | 'none' } = {}): Promise<TemporaryCheckout> {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-worktree-'));
  const remove = (): void => {
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: git.root, stdio: 'ignore', env: createGitEnv(process.env) });
      return;
    } catch {
      // Not registered (add failed) or already gone: the directory goes, and a stale record with it.
    }
    rmSync(dir, { recursive: true, force: true });
    try {
      // Only then: a prune could also drop the half-made worktree of another run in the same repository.
      execFileSync('git', ['worktree', 'prune'], { cwd: git.root, stdio: 'ignore', env: createGitEnv(process.env) });
    } catch {
      // Pruning is housekeeping only.
    }
  };
  const dispose = registerCleanup(remove);
  // Files written by as many processes as there are CPUs (git 2.32 and later; older ones ignore
  // the setting): creating thousands of small files is bound by the file system's latency.
  const add = ['-c', `checkout.workers=${availableParallelism()}`, 'worktree', 'add', '--detach', '--force', ...(options.files === 'none' ? ['--no-checkout'] : []), dir, commit];
  try {
    await git.run(add).catch(
      // Once more: another run's prune in the same repository can take a worktree half made.
      () => git.run(add),
    );
  } catch (error) {
    dispose();
    throw error;
  }
  const release = (): void =>
    releaseInBackground(remove, async () => {
      // As `remove`: no prune after a removal that worked.
      await git.run(['worktree', 'remove', '--force', dir]);
      await rm(dir, { recursive: true, force: true });
    });
  return { dir, dispose, release };
}

/**
 * Lists the paths whose content differs between `base` and `head` (a commit, or the working
 * tree when undefined: staged, unstaged and untracked files that are not ignored), relative
 * to the repository root. A path on the list may be added, changed or deleted. For the
 * working tree, `tree` is its listing (see {@link listWorkingTree}), which names the untracked files.
 */
export async function listChangedPaths(git: GitClient, base: string, head: string | undefined, tree?: Promise<WorkingTree>): Promise<string[]> {
  const diff = git.run(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--end-of-options', base, ...(head ? [head] : []), '--']);
  const untracked = head ? Promise.resolve([]) : (tree ?? listWorkingTree(git)).then((listing) => listing.untracked);
  const [changed, added] = await Promise.all([diff, untracked]);
  return [...changed.split('\0').filter(Boolean), ...added];
}

/** One entry of a commit's tree. */
export interface CommitFile {
  /** Path relative to the repository root (posix). */
  readonly path: string;
  /** `link` for a symlink (whose target git tracks under the target's own path), `submodule` for a gitlink. */
  readonly kind: 'file' | 'link' | 'submodule';
}

/** Lists every file of a commit, recursively, in git's order. */
export async function listCommitFiles(git: GitClient, commit: string): Promise<CommitFile[]> {
  const output = await git.run(['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
  // Each entry: "<mode> <type> <object>\t<path>"; 120000 is a symlink, 160000 a submodule.
  return output
    .split('\0')
    .filter(Boolean)
    .map((entry) => ({
      path: entry.slice(entry.indexOf('\t') + 1),
      kind: entry.startsWith('120000 ') ? 'link' : entry.startsWith('160000 ') ? 'submodule' : 'file',
    }));
}

/** Paths per git command line: well under every platform's limit on its length. */
const MAX_PATHSPEC_CHARS = 24_000;

/**
 * Writes files of `commit` into the worktree at `dir` (see {@link addTemporaryWorktree}),
 * leaving its index alone. Each path must be a file the commit has; it is taken literally.
 */
export async function restorePaths(dir: string, commit: string, paths: readonly string[]): Promise<void> {
  for (let start = 0; start < paths.length; ) {
    let end = start;
    for (let length = 0; end < paths.length && (end === start || length + (paths[end]?.length ?? 0) < MAX_PATHSPEC_CHARS); end++) length += (paths[end]?.length ?? 0) + 1;
    await runGit(dir, ['-c', `checkout.workers=${availableParallelism()}`, '--literal-pathspecs', 'restore', `--source=${commit}`, '--worktree', '--', ...paths.slice(start, end)]);
    start = end;
  }
}

/**
 * Lists the files of the working tree under `paths` (tracked and untracked, not ignored)
 * whose text holds `text`, relative to the repository root; none is an empty list.
 */
export async function listFilesContaining(git: GitClient, text: string, paths: readonly string[]): Promise<string[]> {
  try {
    const output = await git.run(['--literal-pathspecs', 'grep', '-l', '-z', '-F', '--untracked', '--no-color', '-e', text, '--', ...paths.map((path) => path || '.')]);
    return output.split('\0').filter(Boolean);
  } catch (error) {
    // git grep exits 1, saying nothing, when no file holds the text.
    if (error instanceof GitError && (error.details ?? '').trim() === '') return [];
    throw error;
  }
}

/** Lists what git ignores in the working tree: files, and folders ignored whole (ending in `/`). */
export async function listIgnoredPaths(git: GitClient): Promise<string[]> {
  const output = await git.run(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory']);
  return output.split('\0').filter(Boolean);
}

/** The files of the working tree git would commit. */
export interface WorkingTree {
  /** Tracked and untracked files that are not ignored, sorted. */
  readonly files: string[];
  /** The untracked ones among them, in git's order. */
  readonly untracked: string[];
}

/** Lists the files of the working tree git would commit, in one git call. */
export async function listWorkingTree(git: GitClient): Promise<WorkingTree> {
  // -t tags each entry: `? ` for an untracked file; a tracked one has another letter.
  const output = await git.run(['ls-files', '-z', '-t', '--cached', '--others', '--exclude-standard']);
  const entries = output.split('\0').filter(Boolean);
  return {
    files: [...new Set(entries.map((entry) => entry.slice(2)))].sort(),
    untracked: entries.filter((entry) => entry.startsWith('? ')).map((entry) => entry.slice(2)),
  };
}

/** Returns the URL of the `origin` remote, or undefined when there is none. */
export async function getOriginUrl(git: GitClient): Promise<string | undefined> {
  try {
    return (await git.run(['remote', 'get-url', 'origin'])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the parents of a commit from its raw object. Unlike `rev-parse A^1`, this works
 * in a shallow clone, where the commit is present but its parents are not.
 */
export async function readParents(git: GitClient, commit: string): Promise<string[]> {
  const raw = await git.run(['cat-file', '-p', commit]);
  const parents: string[] = [];
  for (const line of raw.split('\n')) {
    if (line === '') break;
    const match = /^parent ([0-9a-f]{40,64})$/.exec(line);
    if (match?.[1]) parents.push(match[1]);
  }
  return parents;
}

/** True when the commit object is in the local repository. */
export async function hasCommit(git: GitClient, commit: string): Promise<boolean> {
  try {
    await git.run(['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches one commit from `origin` when it is missing (a shallow clone). Tries the
 * credentials checkout left behind first, then the token; the token travels in a header
 * set for this one command and never appears in any message.
 */
export async function fetchCommitIfMissing(git: GitClient, commit: string, token: string | undefined, advice: string): Promise<void> {
  if (await hasCommit(git, commit)) return;
  const fetch = ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', commit];
  try {
    await git.run(fetch);
  } catch {
    if (token) {
      const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
      try {
        await git.run(['-c', `http.extraheader=${header}`, ...fetch]);
      } catch {
        // Reported below without the command line, which holds the header.
      }
    }
  }
  if (!(await hasCommit(git, commit))) throw new GitError(`commit ${commit.slice(0, 12)} is not in this clone and could not be fetched: ${advice}`);
}

/** Reads a file as a commit has it; undefined when the commit has no such file. */
export async function readFileAtCommit(git: GitClient, commit: string, path: string): Promise<string | undefined> {
  try {
    return await git.run(['cat-file', 'blob', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}
