/**
 * Renders one kustomization root with the real kustomize and maps every object back to
 * the file or URL it came from and the kustomization entry that brought it in.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { ManifestError, RenderError } from '../../core/errors.ts';
import type { ObjectBudget } from '../../core/objects/limits.ts';
import { findAliasBomb } from '../../core/objects/yaml-bomb.ts';
import { getMetadata, isRecord, parseManifests, type KubeObject, type ManifestDoc, type ParsedDocuments, type Provenance } from '../../core/objects/kube-objects.ts';
import { registerTempTree } from '../cleanup.ts';
import type { KustomizeRunner } from './kustomize-runner.ts';
import { createOverlay, type RemoteAccess, type TreeEdits } from './overlay.ts';
import { redactCredentials } from '../../core/text/redact.ts';
import { FetchError, unapplyMirrors } from '../remote-fetch.ts';
import type { Mirror } from '../../core/config/config-model.ts';
import { toPosix, type EntryOrigin, type KustomizationGraph, type PathDisplay } from './read-kustomization.ts';

const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/** What kustomize says about our wrapper before the real cause; it names a temp dir the user never saw. */
const WRAPPER_ERROR_PREFIX =
  /^accumulating resources: accumulation err='accumulating resources from '[^']*': read [^']*: is a directory': recursed accumulation of path '[^']*': /;

/** What to render. */
export interface RenderRootRequest {
  /** The tree (checkout or directory) the root lives in; provenance paths are relative to it. */
  readonly treeRoot: string;
  /** The root's kustomization graph. */
  readonly graph: KustomizationGraph;
  /** Names paths of this side in messages, e.g. `main:apps/web`. */
  readonly show: PathDisplay;
  /**
   * Record where each object came from. Costs about half a build again, so roots that are
   * identical on both sides (nothing removed, nothing added) are built without it.
   */
  readonly provenance: boolean;
  /** Build directories and the source directories they stand in for (see src/flux/plan-build.ts). */
  readonly aliases?: ReadonlyMap<string, string>;
  /** Fetch remote files through prune-guard (mirrors, cache, retries) instead of kustomize. */
  readonly remote?: RemoteAccess;
  /** Edits to try out (a fix being verified); the tree itself is never written. */
  readonly edits?: TreeEdits;
  /** The run's bound on rendered objects. */
  readonly budget?: ObjectBudget;
  /** Documents the run has parsed already (see parseManifests). */
  readonly documents?: ParsedDocuments;
}

/**
 * Builds the root with kustomize. For provenance, the build goes through a throwaway
 * wrapper kustomization that turns on kustomize's origin annotations (only the top-level
 * kustomization's buildMetadata counts), so the user's files are never touched; the
 * annotation is removed again before anything is diffed.
 */
export async function renderRoot(runner: KustomizeRunner, request: RenderRootRequest): Promise<ManifestDoc[]> {
  const { treeRoot, graph, show } = request;
  const unaliasBuild = createUnalias(request.aliases);
  const shownRoot = show(unaliasBuild(graph.root));
  const overlay = await createOverlay(treeRoot, graph, request.remote, request.edits).catch((error: unknown) => {
    if (error instanceof FetchError) throw new FetchError(`${error.message} (a resource of ${shownRoot})`, error.status);
    throw error instanceof RenderError ? new RenderError(`${error.message} (a resource of ${shownRoot})`, error.details) : error;
  });
  const unalias = overlay ? (path: string) => unaliasBuild(overlay.unalias(path)) : unaliasBuild;
  // Fetched files go to kustomize as they came: vetted like the tree's own files were.
  for (const [local, url] of overlay?.remoteFiles ?? []) {
    const bomb = findAliasBomb(readFileSync(local, 'utf8'));
    if (bomb) {
      overlay?.dispose();
      throw new ManifestError(`${redactCredentials(url)} (a resource of ${shownRoot}): ${bomb}; refused before building`);
    }
  }
  const buildRoot = overlay?.buildRoot ?? graph.root;
  let releaseWrapper: (() => void) | undefined;
  try {
    const wrapper = request.provenance ? mkdtempSync(join(tmpdir(), 'prune-guard-build-')) : undefined;
    if (wrapper) {
      // Registered so that Ctrl-C in the middle of a build removes it too.
      releaseWrapper = registerTempTree(wrapper).release;
      const target = toPosix(relative(wrapper, buildRoot));
      writeFileSync(
        join(wrapper, 'kustomization.yaml'),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`,
      );
    }
    let output: string;
    try {
      output = await runner.build(wrapper ?? buildRoot);
    } catch (error) {
      if (error instanceof RenderError) {
        const prefixes = [buildRoot, graph.root, treeRoot, ...(wrapper ? [wrapper] : [])];
        const named = nameRemoteFiles(error.message, overlay?.remoteFiles);
        const cause = redactObjectData(redactCredentials(stripPaths(named.replace(WRAPPER_ERROR_PREFIX, ''), prefixes)));
        throw new RenderError(`kustomize failed on ${shownRoot}: ${cause}`, error.details === undefined ? undefined : redactObjectData(error.details));
      }
      throw error;
    }
    const objects = parseManifests(output, `kustomize output of ${shownRoot}`, request.documents);
    request.budget?.spend(objects.length, shownRoot);
    if (!wrapper) return objects.map((body) => ({ body }));
    const resolver = createProvenanceResolver(graph, treeRoot, wrapper, unalias, overlay?.remoteFiles ?? new Map(), request.remote?.mirrors ?? []);
    // Objects of one file carry the same annotation text: each text is parsed once.
    const origins = new Map<string, OriginAnnotation | undefined>();
    return objects.map((body) => {
      const { body: clean, origin } = takeOriginAnnotation(body, origins);
      const provenance = origin ? resolver(origin, clean) : undefined;
      return provenance ? { body: clean, provenance } : { body: clean };
    });
  } finally {
    releaseWrapper?.();
    overlay?.dispose();
  }
}

/**
 * Hides the data of objects kustomize quotes in its errors (an ID conflict prints both
 * objects whole, a Secret's values included), in the JSON and Go-map forms it uses.
 */
export function redactObjectData(message: string): string {
  return message
    // Quoted as JSON, or as JSON inside klog's own quotes (`\"data\":{...}`); values may hold braces one level deep.
    .replace(/(\\?")(data|stringData|binaryData)\1:\{(?:[^{}]|\{[^{}]*\})*\}/g, '$1$2$1:$1(redacted)$1')
    .replace(/\b(data|stringData|binaryData):map\[[^\]]*\]/g, '$1:(redacted)');
}

/** Names a fetched file by its URL in kustomize's messages, as the user wrote it. */
function nameRemoteFiles(message: string, remoteFiles: ReadonlyMap<string, string> | undefined): string {
  let result = message;
  for (const [local, url] of remoteFiles ?? []) {
    const tail = local.split('/').slice(-3).join('/');
    result = result.replace(new RegExp(`[^\\s'"]*${escapeRegExp(tail)}`, 'g'), url);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** kustomize's `config.kubernetes.io/origin` value. */
interface OriginAnnotation {
  readonly path?: string;
  readonly repo?: string;
  readonly ref?: string;
  readonly configuredIn?: string;
  readonly configuredBy?: { readonly kind?: string };
}

/** Removes the origin annotation (and an annotations map it leaves empty) and returns it parsed. */
function takeOriginAnnotation(body: KubeObject, parsed: Map<string, OriginAnnotation | undefined>): { body: KubeObject; origin?: OriginAnnotation } {
  const metadata = getMetadata(body);
  const annotations = metadata.annotations;
  if (!isRecord(annotations) || typeof annotations[ORIGIN_ANNOTATION] !== 'string') return { body };
  const { [ORIGIN_ANNOTATION]: raw, ...rest } = annotations;
  const { annotations: _removed, ...otherMetadata } = metadata;
  const cleanMetadata = Object.keys(rest).length > 0 ? { ...otherMetadata, annotations: rest } : otherMetadata;
  const text = String(raw);
  if (!parsed.has(text)) {
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      value = undefined;
    }
    parsed.set(text, isRecord(value) ? (value as OriginAnnotation) : undefined);
  }
  const origin = parsed.get(text);
  return { body: { ...body, metadata: cleanMetadata }, ...(origin ? { origin } : {}) };
}

type ProvenanceResolver = (origin: OriginAnnotation, body: KubeObject) => Provenance | undefined;

/** Maps a path inside a build directory to the same path in the directory it stands in for. */
export function createUnalias(aliases: ReadonlyMap<string, string> | undefined): (path: string) => string {
  if (!aliases || aliases.size === 0) return (path) => path;
  return (path) => {
    for (const [from, to] of aliases) {
      if (path === from) return to;
      if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
    }
    return path;
  };
}

function createProvenanceResolver(
  graph: KustomizationGraph,
  treeRoot: string,
  wrapper: string,
  unalias: (path: string) => string,
  remoteFiles: ReadonlyMap<string, string>,
  mirrors: readonly Mirror[],
): ProvenanceResolver {
  const files = new Map<string, EntryOrigin>();
  const remotes = new Map<string, EntryOrigin>();
  const generators: Array<{ kustomization: string; key: string; origin: EntryOrigin }> = [];
  for (const kustomization of graph.kustomizations) {
    for (const [file, origin] of kustomization.files) if (!files.has(file)) files.set(file, origin);
    for (const [url, origin] of kustomization.remotes) if (!remotes.has(url)) remotes.set(url, origin);
    for (const [key, origin] of kustomization.generators) generators.push({ kustomization: kustomization.file, key, origin });
  }
  const show = (path: string): string => toPosix(relative(treeRoot, path));
  const entry = (origin: EntryOrigin | undefined): Partial<Provenance> =>
    origin ? { kustomization: show(origin.kustomization), line: origin.line } : {};

  return (origin, body) => {
    if (origin.configuredBy?.kind && origin.configuredIn) {
      const kustomization = unalias(resolve(wrapper, origin.configuredIn));
      const name = String(getMetadata(body).name);
      // Names carry prefixes, suffixes and the hash; the longest generator name inside wins.
      const match = generators
        .filter((candidate) => candidate.kustomization === kustomization && candidate.key.startsWith(`${origin.configuredBy?.kind}/`))
        .filter((candidate) => name.includes(candidate.key.slice(candidate.key.indexOf('/') + 1)))
        .sort((a, b) => b.key.length - a.key.length)[0];
      return {
        generator: origin.configuredBy.kind,
        kustomization: show(kustomization),
        ...(match ? { line: match.origin.line } : {}),
      };
    }
    if (origin.repo) {
      // kustomize fetched it from the mirror the overlay pointed it at: name it as the user
      // wrote it, and never with the mirror's credentials.
      const asWritten = unapplyMirrors(origin.repo, mirrors);
      // kustomize mistakes a plain URL for a git repo. With 3+ path segments it splits the
      // URL into repo + path; with 2 it keeps the URL as the repo and says `path: notCloned`.
      const path = (origin.path ?? '').replace(/^notCloned\/?/, '');
      const candidates = [path ? `${asWritten}/${path}` : asWritten, asWritten];
      const url = candidates.find((candidate) => remotes.has(candidate));
      if (url) return { url, ...entry(remotes.get(url)) };
      const repo = redactCredentials(`${asWritten}${origin.ref ? `?ref=${origin.ref}` : ''}`);
      const listed = [...remotes.entries()].find(([candidate]) => candidate.startsWith(asWritten));
      return { repo, ...(path ? { file: path } : {}), ...entry(listed?.[1]) };
    }
    if (origin.path) {
      // A URL with one path segment comes back as a local path: `../root/https:/host/file.yaml`.
      const single = /(?:^|\/)(https?):\/([^/].*)$/.exec(origin.path);
      if (single) {
        const url = `${single[1]}://${single[2]}`;
        return { url, ...entry(remotes.get(url)) };
      }
      const local = resolve(wrapper, origin.path);
      const fetched = remoteFiles.get(local);
      if (fetched) return { url: fetched, ...entry(remotes.get(fetched)) };
      const file = unalias(local);
      return { file: show(file), ...entry(files.get(file)) };
    }
    return undefined;
  };
}

/** Makes absolute paths in kustomize's message relative to the root, as the user wrote them. */
function stripPaths(message: string, prefixes: readonly string[]): string {
  let result = message;
  for (const prefix of prefixes) result = result.split(`${prefix}/`).join('');
  return result;
}
