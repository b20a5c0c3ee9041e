/**
 * Two checkouts of one repository, before and after a change, and what git says differs
 * between them. Wherever nothing differs, a file or kustomization of the tree before reads
 * exactly as its twin after the change: reading kustomizations and hashing inputs can take
 * the twin's result instead of parsing and hashing the same bytes again. A small change in a
 * large repository then reads the repository once, not twice.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { BUILD_DIR_PREFIX, type Confinement } from './confine.ts';
import { registerPartialTree } from './tree-reads.ts';

/** Absolute path -> the form messages show. */
type PathDisplay = (absolutePath: string) => string;

/** One side of a pair of trees. */
export interface TwinSide {
  /** The checkout's root. */
  readonly root: string;
  /** Reads of this side are confined here (and registered by this object). */
  readonly confinement: Confinement;
  /** How messages name its paths. */
  readonly show: PathDisplay;
}

/** The trees before and after a change, with what differs between them. */
export interface TwinTrees {
  readonly before: TwinSide;
  readonly after: TwinSide;
  /**
   * The twin after the change of a path before it, when the two read alike, a folder with
   * everything under it: the path is not one git lists as changed, lies under none, and holds
   * none; nor does it hold, or lie under, a symlink (git lists a change to a link's target
   * under the target's path, not the link's) or, for a working tree, a path git ignores (an
   * ignored file is in no commit, so the tree before cannot have it).
   */
  readonly findSame: (beforePath: string) => string | undefined;
}

/** What git says of the two trees, as paths relative to their roots (posix). */
export interface TreeDifferences {
  /** Paths whose content differs: added, changed or deleted. */
  readonly changed: ReadonlySet<string>;
  /** For a working tree after the change: the files and folders (ending in `/`) git ignores there. */
  readonly ignored?: readonly string[];
  /** Symlinks of the tree before the change; an unchanged one is in both trees. */
  readonly symlinks?: readonly string[];
  /**
   * The tree before the change is written to disk only where it differs (see tree-reads.ts):
   * every read of a path that reads alike goes to its twin.
   */
  readonly partial?: boolean;
}

const registry = new WeakMap<Confinement, TwinTrees>();

/**
 * Links the two sides: from now on, reads under `before.confinement` may take their twin's
 * result wherever `differences` say the trees read alike.
 */
export function linkTwinTrees(before: TwinSide, after: TwinSide, differences: TreeDifferences): TwinTrees {
  const { ignored = [] } = differences;
  // A path under a symlink reads its target, wherever that is: read it in its own tree.
  const unsure = new Set([...differences.changed, ...(differences.symlinks ?? [])]);
  const ignoredFiles = new Set(ignored.filter((path) => !path.endsWith('/')));
  const ignoredDirs = ignored.filter((path) => path.endsWith('/'));
  const holders = collectAncestors(new Set([...unsure, ...ignored.map((path) => path.replace(/\/$/, ''))]));
  const findSame = (beforePath: string): string | undefined => {
    const rel = relativeInside(before.root, beforePath);
    if (rel === undefined) return undefined;
    const posix = sep === '/' ? rel : rel.split(sep).join('/');
    if (unsure.has(posix) || holders.has(posix) || ignoredFiles.has(posix)) return undefined;
    for (let index = posix.indexOf('/'); index !== -1; index = posix.indexOf('/', index + 1)) if (unsure.has(posix.slice(0, index))) return undefined;
    if (ignoredDirs.some((dir) => `${posix}/`.startsWith(dir))) return undefined;
    // A build directory (Flux mode) is written on one side when its unit is built there: its
    // twin may not exist yet.
    if (posix.startsWith(BUILD_DIR_PREFIX) || posix.includes(`/${BUILD_DIR_PREFIX}`)) return undefined;
    return rel === '' ? after.root : `${after.root}${sep}${rel}`;
  };
  const twins: TwinTrees = { before, after, findSame };
  registry.set(before.confinement, twins);
  if (differences.partial) registerPartialTree(before.root, findSame);
  return twins;
}

/** A normalized path's tail: no `.` or `..` segment, no empty one. */
const NORMALIZED_TAIL = sep === '/' ? /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/ : undefined;

/**
 * `path` relative to `root` when it lies inside it (`''` for the root itself), else
 * undefined. Every read of the side before asks this: a normalized path is cut by its
 * prefix, anything else goes through path.relative.
 */
export function relativeInside(root: string, path: string): string | undefined {
  if (path === root) return '';
  if (NORMALIZED_TAIL && path.startsWith(root) && NORMALIZED_TAIL.test(path.slice(root.length))) return path.slice(root.length + 1);
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

/** The twin trees whose side before the change reads under `confinement`, if any. */
export function getTwinTrees(confinement: Confinement | undefined): TwinTrees | undefined {
  return confinement ? registry.get(confinement) : undefined;
}

/** Every proper ancestor folder of the paths (relative, posix), the root (`''`) included. */
export function collectAncestors(paths: ReadonlySet<string>): Set<string> {
  const ancestors = new Set<string>();
  for (const path of paths) {
    ancestors.add('');
    for (let index = path.indexOf('/'); index !== -1; index = path.indexOf('/', index + 1)) ancestors.add(path.slice(0, index));
  }
  return ancestors;
}
