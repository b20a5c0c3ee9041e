/**
 * The head tree as fix planning searches it: which manifest files exist, which ones a
 * kustomization lists, and the objects a file defines, each read at most once per run.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { BUILD_DIR_PREFIX, createConfinement, isInside, type Confinement } from './confine.ts';
import { KUSTOMIZATION_FILE_NAMES, readKustomization, toPosix, type PathDisplay } from './read-kustomization.ts';

/** Files larger than this are never read as candidates. */
const FILE_SIZE_LIMIT = 32 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Manifest files of a tree that no kustomization lists, with their text on demand. */
export interface TreeIndex {
  /** YAML files no kustomization lists (nor names in any field), relative to the root, sorted. */
  readonly unlisted: readonly string[];
  /** The text of a file (relative path), read once; undefined when it is too large or gone. */
  readText(path: string): string | undefined;
}

/**
 * Indexes the tree at `root`. `files` are the files git would commit (a working tree);
 * without them every file below the root counts, except in `.git` and `node_modules`.
 */
export function indexTree(root: string, show: PathDisplay, files?: readonly string[]): TreeIndex {
  const confinement = createConfinement(root);
  const referenced = collectReferencedFiles(root, show, confinement);
  const unlisted = (files ?? walkFiles(root)).filter(
    (path) =>
      /\.ya?ml$/i.test(path) &&
      !(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(path)) &&
      !path.split('/').some((part) => part.startsWith(BUILD_DIR_PREFIX)) &&
      !referenced.has(join(root, path)),
  );
  const texts = new Map<string, string | undefined>();
  return {
    unlisted,
    readText: (path) => {
      if (!texts.has(path)) {
        const absolute = join(root, path);
        // A symlink out of the tree (git lists it like a file) is never read: a candidate's text can end up in a fix.
        const readable = existsSync(absolute) && isInside(confinement, absolute) && statSync(absolute).isFile() && statSync(absolute).size <= FILE_SIZE_LIMIT;
        texts.set(path, readable ? readFileSync(absolute, 'utf8') : undefined);
      }
      return texts.get(path);
    },
  };
}

/** Every file some kustomization of the tree names, absolute. */
function collectReferencedFiles(root: string, show: PathDisplay, confinement: Confinement): Set<string> {
  const referenced = new Set<string>();
  const walk = (dir: string): void => {
    let kustomization;
    try {
      kustomization = readKustomization(dir, show, confinement);
    } catch {
      // A broken kustomization elsewhere in the tree is not this search's business.
      kustomization = undefined;
    }
    if (kustomization) {
      for (const file of kustomization.files.keys()) referenced.add(file);
      for (const path of kustomization.referencedPaths) referenced.add(path);
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(BUILD_DIR_PREFIX)) walk(join(dir, entry.name));
    }
  };
  walk(root);
  return referenced;
}

/** Files of a plain directory tree, relative and sorted. */
function walkFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(toPosix(relative(root, path)));
    }
  };
  walk(root);
  return files.sort();
}
