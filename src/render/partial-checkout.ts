/**
 * The side before a change, written to disk only where it is read. A worktree made with
 * `--no-checkout` gets the folders that lead to a changed path (their own files, and their
 * subfolders as empty folders) at once, and whatever a build reads just before that build
 * runs; every other path reads as its twin after the change (see kustomize/tree-reads.ts).
 * A small change in a large repository then writes a handful of files instead of all of them,
 * and removes as few afterwards.
 *
 * Each file is written once: a build reading a file never races a second write of it.
 */
import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { restorePaths, type CommitFile } from './git.ts';

/** A worktree written on demand. */
export interface PartialCheckout {
  /**
   * Writes the files the commit has at or under `paths` (relative, posix; `''` is the whole
   * tree; a path the commit lacks is passed over) and resolves once they are all on disk,
   * including those an earlier call is still writing.
   */
  readonly write: (paths: readonly string[]) => Promise<void>;
  /**
   * Writes every file not written yet in one git call; files written before are written
   * again, so this is only for before any build runs.
   */
  readonly writeAll: () => Promise<void>;
}

/** A folder's direct entries in the commit. */
interface FolderEntries {
  readonly files: string[];
  readonly folders: Set<string>;
}

/**
 * Opens the worktree at `dir` (made with `files: 'none'`) as a partial checkout of `commit`,
 * whose entries are `files`, and writes the direct entries of each folder in `shallow`
 * (relative, posix; `''` is the root) before it resolves. Symlinks are never written here:
 * a tree that holds one is checked out whole.
 */
export async function openPartialCheckout(dir: string, commit: string, files: readonly CommitFile[], shallow: Iterable<string>): Promise<PartialCheckout> {
  const folders = new Map<string, FolderEntries>();
  const folderOf = (path: string): FolderEntries => {
    let entries = folders.get(path);
    if (!entries) folders.set(path, (entries = { files: [], folders: new Set() }));
    return entries;
  };
  for (const file of files) {
    const parts = file.path.split('/');
    for (let depth = 1; depth < parts.length; depth++) folderOf(parts.slice(0, depth - 1).join('/')).folders.add(parts.slice(0, depth).join('/'));
    // A submodule is an empty folder in a checkout; git restores no file of it.
    if (file.kind === 'submodule') folderOf(parts.slice(0, -1).join('/')).folders.add(file.path);
    else folderOf(parts.slice(0, -1).join('/')).files.push(file.path);
  }
  const isFile = new Set(files.filter((file) => file.kind !== 'submodule').map((file) => file.path));

  const written = new Map<string, Promise<void>>();
  let batch: { readonly paths: string[]; readonly done: Promise<void> } | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  // Requests that arrive while git writes are gathered into the next single git call.
  const enqueue = (paths: readonly string[]): Promise<void>[] => {
    const waits: Promise<void>[] = [];
    for (const path of paths) {
      let done = written.get(path);
      if (done === undefined) {
        if (!batch) {
          const paths: string[] = [];
          const done = tail.then(() => {
            if (batch?.paths === paths) batch = undefined;
            return restorePaths(dir, commit, paths);
          });
          batch = { paths, done };
          tail = done.catch(() => undefined);
        }
        batch.paths.push(path);
        done = batch.done;
        written.set(path, done);
      }
      waits.push(done);
    }
    return waits;
  };
  const listUnder = (path: string, into: string[]): void => {
    if (isFile.has(path)) {
      into.push(path);
      return;
    }
    const entries = folders.get(path);
    if (!entries) return;
    into.push(...entries.files);
    for (const folder of entries.folders) listUnder(folder, into);
  };

  const writeAll = (): Promise<void> => {
    if (isFile.size === 0) return Promise.resolve();
    const done = tail.then(() => restorePaths(dir, commit, ['.']));
    tail = done.catch(() => undefined);
    for (const path of isFile) if (!written.has(path)) written.set(path, done);
    return done;
  };
  const direct: string[] = [];
  const empty: string[] = [];
  for (const folder of shallow) {
    const entries = folders.get(folder);
    if (!entries) continue;
    mkdirSync(join(dir, folder), { recursive: true });
    empty.push(...entries.folders);
    direct.push(...entries.files);
  }
  // A folder of many subfolders takes as many calls: made off the main thread while git
  // writes the files (either may make a folder first; neither minds).
  await Promise.all([...enqueue(direct), ...empty.map((sub) => mkdir(join(dir, sub), { recursive: true }))]);
  return {
    write: async (paths) => {
      const wanted: string[] = [];
      for (const path of paths) listUnder(path, wanted);
      await Promise.all(enqueue(wanted));
    },
    writeAll,
  };
}
