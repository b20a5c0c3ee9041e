/**
 * Builds a Flux Kustomization the way kustomize-controller does: `spec.path` in the
 * artifact, a generated kustomization.yaml when the path has none, the spec's
 * targetNamespace, namePrefix, nameSuffix, patches, images and components merged into the
 * root kustomization, then the real kustomize.
 *
 * The controller edits the root kustomization.yaml in place. Several Flux Kustomizations may
 * share a path with different specs, so the edited file goes into a build directory next
 * to the path instead, with symlinks to the path's entries: relative references (`../base`,
 * `./app.yaml`) resolve exactly as from the path itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { parse, stringify } from 'yaml';
import { OutsideRepositoryError, RenderError } from '../core/errors.ts';
import type { FluxKustomization } from '../core/objects/flux-objects.ts';
import { isRecord } from '../core/objects/kube-objects.ts';
import type { Artifact } from './artifact.ts';
import { BUILD_DIR_PREFIX, admitBuildDirectory, isInside, type OutsideReference } from '../render/kustomize/confine.ts';
import {
  KUSTOMIZATION_FILE_NAMES,
  findKustomizationFile,
  listOutsideReferences,
  parseKustomization,
  readKustomization,
  readKustomizationGraph,
  toPosix,
  type KustomizationGraph,
  type PathDisplay,
} from '../render/kustomize/read-kustomization.ts';

/** A prepared build: what to hand to kustomize, and how its paths map back to the source. */
export interface FluxBuildPlan {
  /**
   * The graph as planned, for hashing its inputs: its root is the path itself or a build
   * directory next to it, which may not be written yet.
   */
  readonly graph: KustomizationGraph;
  /** Writes the build directory, when there is one and it is not written yet; returns the graph to build. */
  readonly prepare: () => KustomizationGraph;
  /** Build directory -> the path it stands in for, so provenance names the user's files. */
  readonly aliases: ReadonlyMap<string, string>;
  /**
   * The kustomization as the controller would build it, when it differs from the file in the
   * path (generated or merged with the spec); part of any cache key, since the graph names the
   * user's file for provenance.
   */
  readonly kustomization?: string;
  /** Paths the build would read outside the artifact: when any, it must not run. */
  readonly outside: readonly OutsideReference[];
}

/** Flux spec fields that change the root kustomization. */
function hasSpecTransforms(ks: FluxKustomization): boolean {
  return (
    ks.targetNamespace !== undefined ||
    ks.namePrefix !== undefined ||
    ks.nameSuffix !== undefined ||
    ks.patches.length > 0 ||
    ks.patchesStrategicMerge.length > 0 ||
    ks.patchesJson6902.length > 0 ||
    ks.images.length > 0 ||
    ks.components.length > 0
  );
}

/**
 * Prepares the build of `ks` inside `artifact`. Throws a RenderError naming the Kustomization
 * when its path is missing or a file Flux would have to read is not a Kubernetes manifest.
 */
export function planFluxBuild(artifact: Artifact, ks: FluxKustomization, show: PathDisplay): FluxBuildPlan {
  const dir = join(artifact.root, ks.path);
  // Checked before anything is looked at there: a build directory goes next to the path.
  if (!isInside(artifact.confinement, dir)) {
    throw new OutsideRepositoryError(`Flux Kustomization ${ks.key}: spec.path ./${ks.path} leads outside the repository`);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RenderError(`Flux Kustomization ${ks.key}: path not found: ${show(dir)} (spec.path ./${ks.path})`);
  }
  const existing = findKustomizationFile(dir);
  if (existing && !hasSpecTransforms(ks)) {
    const graph = readKustomizationGraph(dir, show, artifact.confinement);
    return { graph, prepare: () => graph, aliases: new Map(), outside: listOutsideReferences(graph) };
  }

  const kustomization = existing ? readRootKustomization(existing, show) : generateKustomization(dir, show);
  mergeSpecIntoKustomization(kustomization, ks);
  const text = stringify(kustomization);
  // Named by owner, path and merged file, so both sides get the same directory and identical
  // inputs hash alike; two clusters whose same-named Kustomizations differ get two.
  // Next to the path, so `../` resolves as from the path itself; for the source root, inside
  // it: next to it would be outside the tree, where no overlay can serve remote resources.
  const parent = ks.path === '' ? dir : dirname(dir);
  const buildDir = join(parent, `${BUILD_DIR_PREFIX}${createHash('sha256').update(`${ks.key}\0${ks.path}\0${text}`).digest('hex').slice(0, 12)}`);
  const merged = join(buildDir, 'kustomization.yaml');
  // Lines of the user's own kustomization.yaml, not of the merged copy.
  const original = existing ? readKustomization(dir, show, artifact.confinement) : undefined;
  // Until it is built, the merged file is read where it will be, its entries resolved from
  // the path itself (where the build directory's links lead): most units are never built.
  const planned = readKustomizationGraph(buildDir, show, artifact.confinement, parseKustomization(dir, merged, text, show, artifact.confinement));
  // Checked on the merged file: the spec's components are entries too.
  const outside = listOutsideReferences(planned);
  const withOriginal = (graph: KustomizationGraph): KustomizationGraph => {
    const [, ...rest] = graph.kustomizations;
    return original ? { root: buildDir, kustomizations: [original, ...rest] } : graph;
  };
  let built: KustomizationGraph | undefined;
  return {
    graph: withOriginal(planned),
    prepare: () => (built ??= withOriginal(writeBuildDirectory(artifact, dir, buildDir, text, show))),
    aliases: new Map([[buildDir, dir]]),
    kustomization: text,
    outside,
  };
}

/**
 * Writes the build directory: the merged kustomization and a link to each entry of the path.
 * The same name means the same content: a directory made already (another cluster's twin)
 * is reused.
 */
function writeBuildDirectory(artifact: Artifact, dir: string, buildDir: string, text: string, show: PathDisplay): KustomizationGraph {
  if (!existsSync(join(buildDir, 'kustomization.yaml'))) {
    mkdirSync(buildDir, { recursive: true });
    for (const entry of readdirSync(dir)) {
      if ((KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(entry) || entry.startsWith(BUILD_DIR_PREFIX) || existsSync(join(buildDir, entry))) continue;
      symlinkSync(join(dir, entry), join(buildDir, entry));
    }
    writeFileSync(join(buildDir, 'kustomization.yaml'), text);
  }
  return readKustomizationGraph(buildDir, show, admitBuildDirectory(artifact.confinement, buildDir));
}

function readRootKustomization(file: string, show: PathDisplay): Record<string, unknown> {
  const value: unknown = parse(readFileSync(file, 'utf8'));
  if (value !== null && value !== undefined && !isRecord(value)) {
    throw new RenderError(`${show(file)}: not a kustomization (expected a YAML mapping)`);
  }
  return { ...(value ?? {}) };
}

/**
 * What kustomize-controller generates for a path without a kustomization file: every
 * `.yaml`/`.yml` file below it in lexical order, and every subdirectory that has its own
 * kustomization file as one entry, not descended into.
 */
export function generateKustomization(dir: string, show: PathDisplay): Record<string, unknown> {
  const resources: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory());
      if (isDirectory) {
        if (entry.name.startsWith(BUILD_DIR_PREFIX)) continue;
        if (findKustomizationFile(path)) resources.push(`./${toPosix(relative(dir, path))}`);
        else walk(path);
      } else if (/\.ya?ml$/.test(entry.name)) {
        checkKubernetesManifest(path, show);
        resources.push(`./${toPosix(relative(dir, path))}`);
      }
    }
  };
  walk(dir);
  // The controller writes a placeholder namespace when there is nothing to list, so the
  // build succeeds with zero objects (and everything applied before is pruned).
  if (resources.length === 0) return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: '_placeholder' };
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
}

/** The controller decodes every listed file as Kubernetes YAML and fails the build otherwise. */
function checkKubernetesManifest(file: string, show: PathDisplay): void {
  let docs: unknown[];
  try {
    docs = loadAll(readFileSync(file, 'utf8'), null, { schema: CORE_SCHEMA });
  } catch {
    throw new RenderError(`${show(file)}: malformed YAML; Flux fails to build the kustomization it generates for ${show(dirname(file))}`);
  }
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    const metadata = isRecord(doc) && isRecord(doc.metadata) ? doc.metadata : undefined;
    if (!isRecord(doc) || typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string' || !metadata || typeof metadata.name !== 'string') {
      throw new RenderError(
        `${show(file)}: not a Kubernetes manifest (missing apiVersion, kind or metadata.name); Flux fails to build a path without kustomization.yaml that holds it (exclude it with .sourceignore)`,
      );
    }
  }
}

/** Merges the spec into the root kustomization as `GenerateManifest` does. */
function mergeSpecIntoKustomization(kustomization: Record<string, unknown>, ks: FluxKustomization): void {
  if (ks.targetNamespace !== undefined) kustomization.namespace = ks.targetNamespace;
  // Replace, never concatenate: the controller overwrites the root's own prefix and suffix.
  if (ks.namePrefix !== undefined) kustomization.namePrefix = ks.namePrefix;
  if (ks.nameSuffix !== undefined) kustomization.nameSuffix = ks.nameSuffix;
  if (ks.patches.length > 0) {
    const patches = Array.isArray(kustomization.patches) ? kustomization.patches : [];
    kustomization.patches = [...patches, ...ks.patches.filter(isRecord).map(({ patch, target }) => ({ patch, ...(isRecord(target) ? { target } : {}) }))];
  }
  // The older API versions' fields, as kustomize-controller's generator hands them on:
  // a strategic merge patch as its JSON text, a JSON 6902 patch as its operations' JSON.
  if (ks.patchesStrategicMerge.length > 0) {
    const patches = Array.isArray(kustomization.patchesStrategicMerge) ? kustomization.patchesStrategicMerge : [];
    kustomization.patchesStrategicMerge = [...patches, ...ks.patchesStrategicMerge.map((patch) => JSON.stringify(patch))];
  }
  if (ks.patchesJson6902.length > 0) {
    const patches = Array.isArray(kustomization.patchesJson6902) ? kustomization.patchesJson6902 : [];
    kustomization.patchesJson6902 = [
      ...patches,
      ...ks.patchesJson6902.map(({ patch, target }) => ({ patch: JSON.stringify(patch ?? []), ...(isRecord(target) ? { target } : {}) })),
    ];
  }
  if (ks.components.length > 0) {
    const components = Array.isArray(kustomization.components) ? kustomization.components : [];
    kustomization.components = [...components, ...ks.components];
  }
  if (ks.images.length > 0) {
    const images = (Array.isArray(kustomization.images) ? kustomization.images : []).filter(isRecord).map((image) => ({ ...image }));
    for (const image of ks.images) {
      const existing = images.find((candidate) => candidate.name === image.name);
      if (!existing) {
        images.push({ ...image });
        continue;
      }
      if (image.newName !== undefined) existing.newName = image.newName;
      // newTag and digest travel together: setting either replaces both (kustomize-controller v1.9.4).
      if (image.newTag !== undefined || image.digest !== undefined) {
        delete existing.newTag;
        delete existing.digest;
        if (image.newTag !== undefined) existing.newTag = image.newTag;
        if (image.digest !== undefined) existing.digest = image.digest;
      }
    }
    kustomization.images = images;
  }
}
