/**
 * Reads of a tree that is written to disk only where it differs from its twin: the side
 * before a change, in git mode, holds the folders that lead to a changed path and whatever a
 * build of it reads; every other path reads exactly as its twin after the change (git says
 * so), and is read there. Each read of a tree's files goes through {@link locate}.
 */
import { sep } from 'node:path';

/** Partly written trees, by root: each maps a path in it to its twin, when the two read alike. */
const partial = new Map<string, (path: string) => string | undefined>();

/**
 * Marks the tree at `root` as partly written: from now on, {@link locate} reads a path under
 * it from `findSame(path)` when that answers. Registering a root again replaces its entry.
 */
export function registerPartialTree(root: string, findSame: (path: string) => string | undefined): void {
  partial.set(root, findSame);
}

/**
 * The path to read for `path`: its twin when it lies in a partly written tree and reads
 * alike there, else itself. A path the twin does not answer for is on disk, or in neither
 * tree.
 */
export function locate(path: string): string {
  for (const [root, findSame] of partial) {
    if (path === root || path.startsWith(`${root}${sep}`)) return findSame(path) ?? path;
  }
  return path;
}
