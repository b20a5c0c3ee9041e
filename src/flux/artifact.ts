/**
 * The artifact kustomize-controller builds from: a copy of the source with the files
 * source-controller leaves out already gone (`.sourceignore`, GitRepository `spec.ignore`,
 * or its default exclusions). Builds may write into the copy; the user's tree stays untouched.
 */
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { registerTempTree } from '../render/cleanup.ts';
import { createConfinement, isInside, type Confinement } from '../render/kustomize/confine.ts';
import { toPosix } from '../render/kustomize/read-kustomization.ts';

/** Patterns source-controller always applies. */
const VCS_PATTERNS = ['.git/', '.gitignore', '.gitmodules', '.gitattributes'];

/** Patterns source-controller applies only when no `.sourceignore` and no `spec.ignore` exist. */
const DEFAULT_PATTERNS = [
  '*.jpg', '*.jpeg', '*.gif', '*.png', '*.wmv', '*.flv', '*.tar.gz', '*.zip',
  '.github/', '.circleci/', '.travis.yml', '.gitlab-ci.yml', 'appveyor.yml', '.drone.yml', 'cloudbuild.yaml',
  'codeship-services.yml', 'codeship-steps.yml',
  '**/.goreleaser.yml', '**/.sops.yaml', '**/.flux.yaml',
];

/** A filtered copy of a source tree. */
export interface Artifact {
  /** The copy's root: what `spec.path` is relative to. */
  readonly root: string;
  /** The tree it was copied from, for naming paths. */
  readonly source: string;
  /** Builds read nothing outside `root` (kustomize-controller's secure file system). */
  readonly confinement: Confinement;
  /** Removes the copy; safe to call twice. */
  dispose(): void;
  /** Removes the copy in the background (see render/cleanup.ts); safe to call twice. */
  release(): void;
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
  /**
   * The source is a temporary checkout of prune-guard's own: what source-controller leaves
   * out is deleted from it in place instead of copying the rest, and its owner removes it.
   */
  readonly inPlace?: boolean;
}

/**
 * Copies `source` into a temp directory, leaving out what source-controller would.
 * The copy sits one level down (`<temp>/source`) so that a build directory next to the
 * root still lies inside the temp directory.
 */
export function createArtifact(source: string, options: ArtifactOptions = {}): Artifact {
  if (options.inPlace && !options.files) return trimArtifact(source, options);
  const base = mkdtempSync(join(tmpdir(), 'prune-guard-artifact-'));
  const { dispose, release } = registerTempTree(base);
  const root = join(base, 'source');
  // Symlinks are left out; those that lead out of the source are remembered, so that a
  // kustomization naming one is told it reads outside the repository.
  const sourceConfinement = createConfinement(source);
  const outsideLinks = new Set<string>();
  const dropLink = (path: string): void => {
    if (!isInside(sourceConfinement, path)) outsideLinks.add(join(realpathSync(base), 'source', relative(source, path)));
  };
  try {
    const matchers = collectIgnoreMatchers(source, options.ignore);
    if (options.files) copyFiles(source, root, options.files, matchers, dropLink);
    else copyTree(source, root, (path, isDirectory) => isIgnored(matchers, toPosix(relative(source, path)), isDirectory), dropLink);
  } catch (error) {
    dispose();
    throw error;
  }
  return { root, source, confinement: { ...createConfinement(root), outsideLinks }, dispose, release };
}

/** The artifact of a checkout prune-guard owns: symlinks and ignored files deleted where they are. */
function trimArtifact(source: string, options: ArtifactOptions): Artifact {
  const root = source;
  const real = realpathSync(root);
  const matchers = collectIgnoreMatchers(root, options.ignore);
  const sourceConfinement = createConfinement(root);
  const outsideLinks = new Set<string>();
  const trim = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // The worktree's link to its repository: git needs it to remove the worktree, and confinement keeps builds away from it.
      if (dir === root && entry.name === '.git') continue;
      if (entry.isSymbolicLink()) {
        if (!isInside(sourceConfinement, path)) outsideLinks.add(join(real, relative(root, path)));
        unlinkSync(path);
      } else if (!entry.isDirectory() && !entry.isFile()) unlinkSync(path);
      else if (isIgnored(matchers, toPosix(relative(root, path)), entry.isDirectory())) rmSync(path, { recursive: true, force: true });
      else if (entry.isDirectory()) trim(path);
    }
  };
  trim(root);
  return { root, source, confinement: { ...createConfinement(root), outsideLinks }, dispose: () => undefined, release: () => undefined };
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
      else if (entry.name === '.sourceignore' && entry.isFile()) {
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

function copyFiles(from: string, to: string, files: readonly string[], matchers: readonly ScopedMatcher[], dropLink: (path: string) => void): void {
  mkdirSync(to, { recursive: true });
  for (const file of files) {
    const parts = file.split('/');
    const ignoredDir = parts.slice(0, -1).some((_part, index) => isIgnored(matchers, parts.slice(0, index + 1).join('/'), true));
    if (ignoredDir || isIgnored(matchers, file, false)) continue;
    // Listed but deleted in the working tree: it is not there after the change. A symlink
    // never reaches the artifact: source-controller archives regular files only.
    const stat = lstatSync(join(from, file), { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) dropLink(join(from, file));
    if (!stat?.isFile()) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(from, file), join(to, file));
  }
}

function copyTree(from: string, to: string, skip: (path: string, isDirectory: boolean) => boolean, dropLink: (path: string) => void): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    // source-controller archives regular files and directories only: a symlink (and
    // whatever it points at, inside the repository or not) is not in the artifact.
    if (entry.isSymbolicLink()) dropLink(path);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    if (skip(path, entry.isDirectory())) continue;
    if (entry.isDirectory()) copyTree(path, join(to, entry.name), skip, dropLink);
    else copyFileSync(path, join(to, entry.name));
  }
}
