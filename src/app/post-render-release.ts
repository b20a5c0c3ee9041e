/**
 * A HelmRelease's `spec.postRenderers` applied to its rendered chart as helm-controller
 * applies them (internal/postrender), with the real kustomize: each `kustomize` entry, in
 * order, builds a kustomization holding the previous entry's output as its one resource,
 * the entry's inline `patches` and its `images`. What helm hands the post-renderer follows
 * Helm 4 and `spec.postRenderStrategy`: never the chart's crds/ (helm-controller applies them
 * itself), hooks together with the templates (`combined`, the default), on their own
 * (`separate`), or not at all (`nohooks`, Helm 3's behaviour). Each document carries helm's
 * file-name annotation through the chain, so its chart path survives kustomize.
 *
 * `postRenderers` comes from a pull request. Only what the HelmRelease v2 API declares is
 * written, and anything else is refused as the API server refuses it: the HelmRelease would
 * never reach the cluster. A patch is only ever inline text, so no build reads a file beyond
 * the one this module writes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PruneGuardError } from '../core/errors.ts';
import { classifyPart, type HelmDocument } from '../core/helm/helm-output.ts';
import { getMetadata, isRecord, parseManifests, type KubeObject } from '../core/objects/kube-objects.ts';
import { registerTempTree } from '../render/cleanup.ts';
import type { KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';

/** `spec.postRenderStrategy`: which of helm's documents the post-renderers see. */
export type PostRenderStrategy = 'nohooks' | 'combined' | 'separate';

/** The values the HelmRelease API accepts for `spec.postRenderStrategy`. */
export const POST_RENDER_STRATEGIES: readonly PostRenderStrategy[] = ['nohooks', 'combined', 'separate'];

/**
 * What helm-controller uses when `spec.postRenderStrategy` is unset (Helm 4's default); a
 * controller run with its UseHelm3Defaults feature gate uses `nohooks` instead.
 */
export const DEFAULT_POST_RENDER_STRATEGY: PostRenderStrategy = 'combined';

/**
 * The annotation Helm 4 puts on every document it hands a post-renderer and takes off the
 * result: the name of the chart file the document came from.
 */
export const POST_RENDER_FILENAME_ANNOTATION = 'postrenderer.helm.sh/postrender-filename';

/** What post-rendering a release needs. */
export interface PostRenderContext {
  /** Builds each post-renderer's kustomization. */
  readonly kustomize: KustomizeRunner;
  /** The release's strategy; {@link DEFAULT_POST_RENDER_STRATEGY} when unset. */
  readonly strategy?: PostRenderStrategy;
  /** Names the release where kustomize's output cannot be read (`HelmRelease apps/web`). */
  readonly shown?: string;
}

/** The release's documents after its post-renderers, or why helm-controller would fail it. */
export type PostRenderedRelease = { readonly documents: readonly HelmDocument[] } | { readonly problem: string };

/** Reads `spec.postRenderStrategy`: unset is the default, anything but the API's values a problem. */
export function readPostRenderStrategy(value: unknown): PostRenderStrategy | { readonly problem: string } {
  if (value === undefined || value === null || value === '') return DEFAULT_POST_RENDER_STRATEGY;
  const known = POST_RENDER_STRATEGIES.find((strategy) => strategy === value);
  return known ?? { problem: `postRenderStrategy must be one of ${POST_RENDER_STRATEGIES.join(', ')}, not ${JSON.stringify(value)}` };
}

/**
 * Applies `postRenderers` (`spec.postRenderers` as written) to `documents` (a release's
 * render). Documents helm does not hand the post-renderers come back as they were, first;
 * the others follow as kustomize printed them, their `part` decided again by their hook
 * annotation as helm sorts a post-rendered stream. A release without a `kustomize` entry
 * comes back unchanged, with no build.
 */
export async function postRenderRelease(documents: readonly HelmDocument[], postRenderers: unknown, context: PostRenderContext): Promise<PostRenderedRelease> {
  const entries = readPostRenderers(postRenderers);
  if (isProblem(entries)) return entries;
  if (entries.length === 0) return { documents };
  const strategy = context.strategy ?? DEFAULT_POST_RENDER_STRATEGY;
  const kept = documents.filter((document) => document.part === 'crds' || (strategy === 'nohooks' && document.part === 'hook'));
  const hooks = documents.filter((document) => document.part === 'hook');
  const templates = documents.filter((document) => document.part === 'templates');
  // Helm runs the post-renderer on the combined stream even when it is empty, and skips an
  // empty group of the other two strategies.
  const groups: ReadonlyArray<{ readonly label: string; readonly documents: readonly HelmDocument[] }> =
    strategy === 'combined'
      ? [{ label: '', documents: [...templates, ...hooks] }]
      : [...(strategy === 'separate' ? [{ label: ' (hooks)', documents: hooks }] : []), { label: '', documents: templates }].filter((group) => group.documents.length > 0);
  const rendered: HelmDocument[] = [];
  for (const group of groups) {
    const result = await runChain(group.documents, entries, context, group.label);
    if ('problem' in result) return result;
    rendered.push(...result.documents);
  }
  return { documents: [...kept, ...rendered] };
}

/** One `kustomize` post-renderer, reduced to the fields helm-controller passes kustomize. */
interface KustomizeEntry {
  /** Its index in `spec.postRenderers`, for messages. */
  readonly index: number;
  readonly patches: readonly Record<string, unknown>[];
  readonly images: readonly Record<string, string>[];
}

/** Why a release cannot be post-rendered. */
type Problem = { readonly problem: string };

/** The result of a step: its value, or a problem. */
type Checked<T> = T | Problem;

/** Tells a problem from a value; no value read here has a field named `problem` (none is declared). */
function isProblem(value: unknown): value is Problem {
  return isRecord(value) && typeof value.problem === 'string';
}

const ENTRY_FIELDS = ['kustomize'];
const KUSTOMIZE_FIELDS = ['patches', 'images'];
const PATCH_FIELDS = ['patch', 'target'];
const TARGET_FIELDS = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'];
const IMAGE_FIELDS = ['name', 'newName', 'newTag', 'digest'];
/** Fields of v2beta1 and v2beta2 that v2 dropped and helm-controller v1 no longer applies. */
const REMOVED_FIELDS = ['patchesStrategicMerge', 'patchesJson6902'];

/** Reads `spec.postRenderers`: the `kustomize` entries in order, or the first field the API refuses. */
function readPostRenderers(value: unknown): Checked<KustomizeEntry[]> {
  const items = readList(value, 'postRenderers');
  if (isProblem(items)) return items;
  const entries: KustomizeEntry[] = [];
  for (const [index, item] of items.entries()) {
    const at = `postRenderers[${index}]`;
    const entry = readFields(item, at, ENTRY_FIELDS);
    if (isProblem(entry)) return entry;
    // An entry without `kustomize` is no post-renderer to helm-controller.
    if (entry.kustomize === undefined || entry.kustomize === null) continue;
    const read = readKustomize(entry.kustomize, `${at}.kustomize`, index);
    if (isProblem(read)) return read;
    entries.push(read);
  }
  return entries;
}

function readKustomize(value: unknown, at: string, index: number): Checked<KustomizeEntry> {
  if (isRecord(value)) {
    const removed = REMOVED_FIELDS.find((field) => field in value);
    if (removed) {
      return { problem: `${at}.${removed} is gone from the HelmRelease v2 API and helm-controller v1 no longer applies it: write it as an inline patch under patches` };
    }
  }
  const fields = readFields(value, at, KUSTOMIZE_FIELDS);
  if (isProblem(fields)) return fields;
  const patches: Record<string, unknown>[] = [];
  const patchList = readList(fields.patches, `${at}.patches`);
  if (isProblem(patchList)) return patchList;
  for (const [position, item] of patchList.entries()) {
    const patch = readPatch(item, `${at}.patches[${position}]`);
    if (isProblem(patch)) return patch;
    patches.push(patch);
  }
  const images: Record<string, string>[] = [];
  const imageList = readList(fields.images, `${at}.images`);
  if (isProblem(imageList)) return imageList;
  for (const [position, item] of imageList.entries()) {
    const image = readStrings(item, `${at}.images[${position}]`, IMAGE_FIELDS);
    if (isProblem(image)) return image;
    if (image.name === undefined) return { problem: `${at}.images[${position}] needs a name` };
    images.push(image);
  }
  return { index, patches, images };
}

function readPatch(value: unknown, at: string): Checked<Record<string, unknown>> {
  if (isRecord(value) && 'path' in value) {
    return { problem: `${at} gives a path: helm-controller takes only inline patches (patch), and the HelmRelease API refuses the field` };
  }
  const fields = readFields(value, at, PATCH_FIELDS);
  if (isProblem(fields)) return fields;
  if (fields.patch === undefined || fields.patch === null) return { problem: `${at} needs a patch` };
  if (typeof fields.patch !== 'string') return { problem: `${at}.patch must be a string` };
  const patch: Record<string, unknown> = {};
  // kustomize's fields are `omitempty`: an empty patch reaches kustomize as none, and it says so.
  if (fields.patch !== '') patch.patch = fields.patch;
  if (fields.target !== undefined && fields.target !== null) {
    const target = readStrings(fields.target, `${at}.target`, TARGET_FIELDS);
    if (isProblem(target)) return target;
    // Kept even when empty: kustomize applies a patch with an empty target to every object.
    patch.target = target;
  }
  return patch;
}

/** A mapping's fields, or a problem when it is no mapping or holds one the API does not declare. */
function readFields(value: unknown, at: string, known: readonly string[]): Checked<Record<string, unknown>> {
  if (!isRecord(value)) return { problem: `${at} must be a mapping` };
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) return { problem: `${at}.${unknown} is not a field of the HelmRelease API, which refuses it` };
  return value;
}

/** A mapping of strings, empty ones and nulls left out as the API and kustomize's `omitempty` do. */
function readStrings(value: unknown, at: string, known: readonly string[]): Checked<Record<string, string>> {
  const fields = readFields(value, at, known);
  if (isProblem(fields)) return fields;
  const strings: Record<string, string> = {};
  for (const key of known) {
    const field = fields[key];
    if (field === undefined || field === null || field === '') continue;
    if (typeof field !== 'string') return { problem: `${at}.${key} must be a string` };
    strings[key] = field;
  }
  return strings;
}

function readList(value: unknown, at: string): Checked<readonly unknown[]> {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : { problem: `${at} must be a list` };
}

/** Runs every entry over one stream, each on the previous one's output, as helm-controller chains them. */
async function runChain(documents: readonly HelmDocument[], entries: readonly KustomizeEntry[], context: PostRenderContext, label: string): Promise<Checked<{ documents: HelmDocument[] }>> {
  // Helm merges the files in name order, each file's documents in their own order.
  const ordered = [...documents].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  let stream = ordered.map((document) => toJsonDocument(annotateSource(document))).join('---\n');
  for (const entry of entries) {
    try {
      stream = await buildEntry(stream, entry, context.kustomize);
    } catch (error) {
      // A failing post-renderer fails the release, not the run.
      if (error instanceof PruneGuardError) return { problem: `postRenderers[${entry.index}]${label}: ${error.message}` };
      throw error;
    }
  }
  try {
    const shown = `post-rendered output${context.shown ? ` of ${context.shown}` : ''}`;
    return { documents: parseManifests(stream, shown).map(fromPostRendered) };
  } catch (error) {
    if (error instanceof PruneGuardError) return { problem: error.message };
    throw error;
  }
}

/** Builds one entry's kustomization over `stream` in a temp folder of its own; returns kustomize's output. */
async function buildEntry(stream: string, entry: KustomizeEntry, kustomize: KustomizeRunner): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-post-render-'));
  const temp = registerTempTree(dir);
  try {
    const input = 'helm-output.yaml';
    const kustomization: Record<string, unknown> = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [input] };
    if (entry.patches.length > 0) kustomization.patches = entry.patches;
    if (entry.images.length > 0) kustomization.images = entry.images;
    // Secrets of the release are in the stream: readable by this user only.
    writeFileSync(join(dir, input), stream, { mode: 0o600 });
    writeFileSync(join(dir, 'kustomization.yaml'), toJsonDocument(kustomization), { mode: 0o600 });
    return await kustomize.build(dir);
  } finally {
    temp.dispose();
  }
}

/** The body with helm's file-name annotation, in a copy: the caller's objects are shared. */
function annotateSource(document: HelmDocument): KubeObject {
  if (document.source === '') return document.body;
  const metadata = getMetadata(document.body);
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  return { ...document.body, metadata: { ...metadata, annotations: { ...annotations, [POST_RENDER_FILENAME_ANNOTATION]: document.source } } };
}

/** A post-rendered object as helm reads it back: its file from the annotation, which is removed. */
function fromPostRendered(body: KubeObject): HelmDocument {
  const metadata = getMetadata(body);
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const named = annotations?.[POST_RENDER_FILENAME_ANNOTATION];
  let result = body;
  if (annotations && POST_RENDER_FILENAME_ANNOTATION in annotations) {
    const { [POST_RENDER_FILENAME_ANNOTATION]: _removed, ...rest } = annotations;
    const { annotations: _all, ...others } = metadata;
    result = { ...body, metadata: Object.keys(rest).length > 0 ? { ...others, annotations: rest } : others };
  }
  // The file name no longer decides: helm sorts a post-rendered stream by hook annotation
  // alone, and crds/ never passes through a post-renderer.
  return { source: typeof named === 'string' ? named : '', part: classifyPart('', result), body: result };
}

/**
 * JSON as a YAML document: every string quoted, so none changes type in kustomize's YAML.
 * Characters YAML reads as line breaks or forbids are escaped, which JSON leaves as they are.
 */
function toJsonDocument(value: unknown): string {
  return `${JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
