/**
 * ExternalArtifacts that an ArtifactGenerator (`source.extensions.fluxcd.io`) assembles from
 * sources of this checkout: the tree is rebuilt in a build directory of the artifact by the
 * generator's copy rules, in order, a later copy overwriting an earlier one, as
 * source-watcher does:
 * - `@alias/dir` or `@alias/file` (no glob): a directory is copied as `<to>/<dir's name>`; a
 *   file to `<to>/<name>` when `to` ends in `/` or is a directory already, else to `to`.
 * - a glob matches one level per segment (`**` too); `dir/**` copies what is in `dir` into
 *   `to`, other globs keep the matched path below `to`.
 * - `exclude` globs drop matches by their path or, without a `/`, by their name.
 * The Extract and Merge strategies are not modelled: such an artifact is not rendered.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, relative } from 'node:path';
import { minimatch } from 'minimatch';
import type { SourceRef } from '../core/objects/flux-objects.ts';
import { getApiGroup, getMetadata, isRecord, readNamespace, type KubeObject } from '../core/objects/kube-objects.ts';
import { BUILD_DIR_PREFIX } from '../render/kustomize/confine.ts';
import { toPosix } from '../render/kustomize/read-kustomization.ts';
import type { Artifact } from './artifact.ts';
import type { SourceCheck, SourceResolution } from './sources.ts';

/** One output artifact of a generator. */
interface GeneratedArtifact {
  readonly generator: string;
  readonly sources: ReadonlyMap<string, SourceRef>;
  readonly copy: readonly Record<string, unknown>[];
}

/** Files one rebuilt artifact may hold, counting overwrites. */
const MAX_COPIED_FILES = 50_000;

/** A copy rule could not be followed; says why. */
class CopyProblem extends Error {}

/**
 * Adds ExternalArtifacts to a source check: an ExternalArtifact an ArtifactGenerator of this
 * checkout makes from sources of this checkout resolves to its rebuilt tree; anything else
 * goes to `check`. The generator is the one the Kustomization's cluster renders (two
 * clusters often generate `apps` differently), else the one a file declares. Each distinct
 * tree is built once per side.
 */
export function addExternalArtifacts(objects: readonly KubeObject[], artifact: Artifact, check: SourceCheck): SourceCheck {
  const declared = indexGeneratedArtifacts(objects);
  const built = new Map<string, SourceResolution>();
  return (ref, path, rendered = [], cluster) => {
    if (ref.kind !== 'ExternalArtifact') return check(ref, path, rendered, cluster);
    const key = `${ref.namespace}/${ref.name}`;
    const output = indexGeneratedArtifacts(rendered.map((doc) => doc.body)).get(key) ?? declared.get(key);
    if (!output) return { problem: `its source ExternalArtifact/${key} is not made by an ArtifactGenerator of this repository` };
    const identity = JSON.stringify([key, [...output.sources], output.copy]);
    const known = built.get(`${cluster ?? ''}\0${identity}`);
    if (known) return known;
    const resolution = buildTree(key, identity, output, artifact, (source, sourcePath) => check(source, sourcePath, rendered, cluster));
    built.set(`${cluster ?? ''}\0${identity}`, resolution);
    return resolution;
  };
}

function indexGeneratedArtifacts(objects: readonly KubeObject[]): Map<string, GeneratedArtifact> {
  const outputs = new Map<string, GeneratedArtifact>();
  for (const body of objects) {
    if (body.kind !== 'ArtifactGenerator' || getApiGroup(String(body.apiVersion)) !== 'source.extensions.fluxcd.io') continue;
    const metadata = getMetadata(body);
    const namespace = readNamespace(body, 'flux-system');
    const spec = isRecord(body.spec) ? body.spec : {};
    const sources = new Map<string, SourceRef>();
    for (const source of (Array.isArray(spec.sources) ? spec.sources : []).filter(isRecord)) {
      sources.set(String(source.alias), {
        kind: String(source.kind ?? ''),
        name: String(source.name ?? ''),
        namespace: typeof source.namespace === 'string' && source.namespace !== '' ? source.namespace : namespace,
      });
    }
    for (const output of (Array.isArray(spec.artifacts) ? spec.artifacts : []).filter(isRecord)) {
      const key = `${namespace}/${String(output.name)}`;
      if (!outputs.has(key)) outputs.set(key, { generator: `${namespace}/${String(metadata.name)}`, sources, copy: (Array.isArray(output.copy) ? output.copy : []).filter(isRecord) });
    }
  }
  return outputs;
}

function buildTree(key: string, identity: string, output: GeneratedArtifact, artifact: Artifact, check: SourceCheck): SourceResolution {
  const name = `${BUILD_DIR_PREFIX}artifact-${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
  const tree = join(artifact.root, name);
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree);
  const notes: string[] = [];
  // Tree file -> the file of the checkout it is a copy of (a later copy overwrites): findings name the user's files.
  const origins = new Map<string, string>();
  let copied = 0;
  const copy: CopyFile = (source, destination) => {
    // Copy rules come from the change under review: many rules over a large tree must not fill the disk.
    if (++copied > MAX_COPIED_FILES) throw new CopyProblem(`its copy rules copy more than ${MAX_COPIED_FILES.toLocaleString('en-US')} files`);
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(source, destination);
    origins.set(toPosix(relative(artifact.root, destination)), toPosix(relative(artifact.root, source)));
  };
  try {
    for (const rule of output.copy) {
      const from = String(rule.from ?? '');
      const alias = /^@([^/]+)\/(.*)$/.exec(from);
      if (!alias?.[1] || alias[2] === undefined) throw new CopyProblem(`copy from '${from}' does not start with @alias/`);
      const source = output.sources.get(alias[1]);
      if (!source) throw new CopyProblem(`copy from '${from}' names no source alias of ArtifactGenerator ${output.generator}`);
      const resolved = check(source, '');
      if ('problem' in resolved) throw new CopyProblem(`it copies from ${source.kind}/${source.namespace}/${source.name}, and ${resolved.problem.replace(/^its source /, '')}`);
      if (resolved.note) notes.push(resolved.note);
      if (rule.strategy !== undefined && rule.strategy !== 'Overwrite') throw new CopyProblem(`copy strategy ${String(rule.strategy)} is not modelled`);
      applyCopy(join(artifact.root, resolved.root), alias[2], String(rule.to ?? ''), tree, (Array.isArray(rule.exclude) ? rule.exclude : []).map(String), copy);
    }
  } catch (error) {
    if (!(error instanceof CopyProblem)) throw error;
    return { problem: `its source ExternalArtifact/${key} (ArtifactGenerator ${output.generator}) cannot be rebuilt here: ${error.message}` };
  }
  return { root: name, origins, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

/** Applies one copy rule from `sourceRoot` into `tree`. */
function applyCopy(sourceRoot: string, pattern: string, to: string, tree: string, exclude: readonly string[], copy: CopyFile): void {
  if (!to.startsWith('@artifact/')) throw new CopyProblem(`copy to '${to}' does not start with @artifact/`);
  const target = checkRelative(to.slice('@artifact/'.length), to);
  const toFolder = to.endsWith('/');
  const excluded = (path: string, base: string): boolean => isExcluded(path, exclude) || (base !== '.' && path.startsWith(`${base}/`) && isExcluded(path.slice(base.length + 1), exclude));
  if (!/[*?[\]]/.test(pattern)) {
    const path = checkRelative(pattern, pattern);
    const source = join(sourceRoot, path);
    if (path === '' || !existsSync(source)) throw new CopyProblem(`source '${pattern}' does not exist`);
    if (statSync(source).isDirectory()) return copyTree(source, join(tree, target, basename(path)), path, exclude, copy);
    if (excluded(path, '.')) return;
    const into = toFolder || (existsSync(join(tree, target)) && statSync(join(tree, target)).isDirectory());
    copy(source, join(tree, target, into ? basename(path) : ''));
    return;
  }
  const matches = matchGlob(sourceRoot, pattern);
  if (matches.length === 0) throw new CopyProblem(`no files match pattern '${pattern}'`);
  const base = selectionRoot(pattern);
  const kept = matches.filter((match) => !excluded(match, base));
  if (kept.length === 0) throw new CopyProblem(`every file matching '${pattern}' is excluded`);
  const prefix = pattern.endsWith('/**') ? pattern.slice(0, -3) : undefined;
  for (const match of kept) {
    const below = prefix !== undefined && match.startsWith(`${prefix}/`) ? match.slice(prefix.length + 1) : match;
    const source = join(sourceRoot, match);
    if (statSync(source).isDirectory()) copyTree(source, join(tree, target, below), match, exclude, copy);
    else copy(source, join(tree, target, below));
  }
}

/** A relative path with no way out: `..` and absolute paths are refused, as source-watcher's rooted file system does. */
function checkRelative(path: string, shown: string): string {
  const clean = posix.normalize(path.replace(/\/+$/, '') || '.');
  if (clean.startsWith('/') || clean === '..' || clean.startsWith('../') || clean.includes('\0')) throw new CopyProblem(`'${shown}' leads outside its root`);
  return clean === '.' ? '' : clean;
}

/** Entries matching `pattern` one level per segment, as Go's fs.Glob matches (`**` is `*`). */
function matchGlob(root: string, pattern: string): string[] {
  let current = [''];
  for (const segment of pattern.split('/').filter((part) => part !== '' && part !== '.')) {
    if (segment === '..') throw new CopyProblem(`'${pattern}' leads outside its root`);
    const next: string[] = [];
    for (const dir of current) {
      const full = join(root, dir);
      if (!existsSync(full) || !statSync(full).isDirectory()) continue;
      for (const entry of readdirSync(full).sort()) {
        if (minimatch(entry, segment.replace(/\*\*/g, '*'), { dot: true })) next.push(dir === '' ? entry : `${dir}/${entry}`);
      }
    }
    current = next;
  }
  return current.filter((path) => path !== '');
}

/** The literal directories before the first glob segment, `.` when the pattern starts with one. */
function selectionRoot(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split('/')) {
    if (/[*?[\]]/.test(part)) break;
    parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

function isExcluded(path: string, exclude: readonly string[]): boolean {
  return exclude.some((pattern) => minimatch(path, pattern, { dot: true }) || (!pattern.includes('/') && minimatch(posix.basename(path), pattern, { dot: true })));
}

/** Copies one file into the tree (and remembers where it came from). */
type CopyFile = (source: string, destination: string) => void;

function copyTree(source: string, destination: string, shownPath: string, exclude: readonly string[], copy: CopyFile): void {
  mkdirSync(destination, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const path = `${shownPath}/${entry.name}`;
    if (isExcluded(path, exclude)) continue;
    if (entry.isDirectory()) copyTree(join(source, entry.name), join(destination, entry.name), path, exclude, copy);
    else if (entry.isFile()) copy(join(source, entry.name), join(destination, entry.name));
  }
}
