/**
 * The artifact kustomize-controller builds from: a copy of the source with the files
 * source-controller leaves out already gone (`.sourceignore`, GitRepository `spec.ignore`,
 * or its default exclusions). Builds may write into the copy; the user's tree stays untouched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { registerCleanup } from './cleanup.ts';
import { toPosix } from './kustomization.ts';

/** Patterns source-controller always applies. */
const VCS_PATTERNS = ['.git/', '.gitignore', '.gitmodules', '.gitattributes'];

/** Patterns source-controller applies only when no `.sourceignore` and no `spec.ignore` exist. */
const DEFAULT_PATTERNS = [
  '*.jpg', '*.jpeg', '*.gif', '*.png', '*.wmv', '*.flv', '*.tar.gz', '*.zip',
  '.github/', '.circleci/', '.travis.yml', '.gitlab-ci.yml', 'appveyor.yml', '.drone.yml', 'cloudbuild.yaml',
  'codeship-services.yml', 'codeship-steps.yml',
  '**/.goreleaser.yml', '**/.sops.yaml', '**/.flux.yaml',
];

/** Directory-name prefix of prune-guard's own build directories inside an artifact; never source. */
export const BUILD_DIR_PREFIX = '.prune-guard-build-';

/** A filtered copy of a source tree. */
export interface Artifact {
  /** The copy's root: what `spec.path` is relative to. */
  readonly root: string;
  /** The tree it was copied from, for naming paths. */
  readonly source: string;
  /** Removes the copy; safe to call twice. */
  dispose(): void;
}

/** Options for {@link createArtifact}. */
export interface ArtifactOptions {
  /** `spec.ignore` of the GitRepository, gitignore syntax, anchored at the root. */
  readonly ignore?: string;
  /**
   * The files that exist in the source, relative and posix (e.g. `git ls-files` of a working
   * tree, so gitignored files, which never reach the cluster, stay out). Default: every file.
   */
  readonly files?: readonly string[];
}

/**
 * Copies `source` into a temp directory, leaving out what source-controller would.
 * The copy sits one level down (`<temp>/source`) so that a build directory next to the
 * root still lies inside the temp directory.
 */
export function createArtifact(source: string, options: ArtifactOptions = {}): Artifact {
  const base = mkdtempSync(join(tmpdir(), 'prune-guard-artifact-'));
  const dispose = registerCleanup(() => rmSync(base, { recursive: true, force: true }));
  const root = join(base, 'source');
  try {
    const matchers = collectIgnoreMatchers(source, options.ignore);
    if (options.files) copyFiles(source, root, options.files, matchers);
    else copyTree(source, root, (path, isDirectory) => isIgnored(matchers, toPosix(relative(source, path)), isDirectory));
  } catch (error) {
    dispose();
    throw error;
  }
  return { root, source, dispose };
}

interface ScopedMatcher {
  /** Directory the patterns are relative to, posix, `''` for the root. */
  readonly dir: string;
  readonly matcher: Ignore;
}

function collectIgnoreMatchers(source: string, specIgnore: string | undefined): ScopedMatcher[] {
  const scoped: ScopedMatcher[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === '.sourceignore') {
        scoped.push({ dir: toPosix(relative(source, dir)), matcher: ignore().add(readFileSync(path, 'utf8')) });
      }
    }
  };
  walk(source);
  const root = ignore().add(VCS_PATTERNS);
  if (specIgnore && specIgnore.trim() !== '') root.add(specIgnore);
  // Any user pattern replaces the default list (source-controller's documented behaviour).
  else if (scoped.length === 0) root.add(DEFAULT_PATTERNS);
  return [{ dir: '', matcher: root }, ...scoped];
}

function isIgnored(matchers: readonly ScopedMatcher[], path: string, isDirectory: boolean): boolean {
  if (path === '') return false;
  for (const { dir, matcher } of matchers) {
    if (dir !== '' && !path.startsWith(`${dir}/`)) continue;
    const inner = dir === '' ? path : path.slice(dir.length + 1);
    if (matcher.ignores(isDirectory ? `${inner}/` : inner)) return true;
  }
  return false;
}

function copyFiles(from: string, to: string, files: readonly string[], matchers: readonly ScopedMatcher[]): void {
  mkdirSync(to, { recursive: true });
  for (const file of files) {
    const parts = file.split('/');
    const ignoredDir = parts.slice(0, -1).some((_part, index) => isIgnored(matchers, parts.slice(0, index + 1).join('/'), true));
    if (ignoredDir || isIgnored(matchers, file, false)) continue;
    const stat = statSync(join(from, file), { throwIfNoEntry: false });
    // Listed but deleted in the working tree: it is not there after the change.
    if (!stat?.isFile()) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(from, file), join(to, file));
  }
}

function copyTree(from: string, to: string, skip: (path: string, isDirectory: boolean) => boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    // Follow symlinks as a git checkout would present them to the controller.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (skip(path, stat.isDirectory())) continue;
    if (stat.isDirectory()) copyTree(path, join(to, entry.name), skip);
    else if (stat.isFile()) copyFileSync(path, join(to, entry.name));
  }
}
