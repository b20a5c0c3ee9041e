/**
 * Flux mode of the orchestration: artifacts for both sides, Flux Kustomizations discovered
 * and built as kustomize-controller does, one unit per Kustomization (its inventory), and
 * the prune prediction on top.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PruneGuardError } from '../core/errors.ts';
import type { FluxKustomization } from '../core/objects/flux-objects.ts';
import type { ManifestDoc } from '../core/objects/kube-objects.ts';
import { createSecretMask, type SecretMask } from '../core/report/mask-secrets.ts';
import type { Finding } from '../core/rules/findings.ts';
import type { FluxOwner } from '../core/rules/kustomization-rules.ts';
import { describeOutsideReads } from '../core/rules/outside-reads.ts';
import { createArtifact, type Artifact } from '../flux/artifact.ts';
import { discoverFluxUnits, type FluxDiscovery, type FluxUnit } from '../flux/discover-units.ts';
import { findClusterRoots, type ClusterRoot } from '../flux/find-roots.ts';
import { findDeclaredKustomizations, scanSourceObjects } from '../flux/scan-source.ts';
import type { FluxBuildPlan } from '../flux/plan-build.ts';
import { addExternalArtifacts } from '../flux/external-artifacts.ts';
import { createSourceCheck, type SourceContext } from '../flux/sources.ts';
import type { Config } from '../core/config/config-model.ts';
import { BUILD_DIR_PREFIX, isInside } from '../render/kustomize/confine.ts';
import { hashGraphInputs, toPosix } from '../render/kustomize/read-kustomization.ts';
import { createUnalias, renderRoot } from '../render/kustomize/render-root.ts';
import { mapInPool } from '../render/pool.ts';
import { analyzeUnitsInDetail, type Analysis, type Compared, type UnitRenders } from './analyze-units.ts';
import type { Settings } from './load-settings.ts';
import type { RenderContext } from './plan-run.ts';
import type { Side } from './prepare-sides.ts';

/** The sides of a Flux comparison. */
export interface FluxSides {
  /** The side before the change. */
  readonly before: Side;
  /** The side after the change. */
  readonly after: Side;
  /** The repository's origin URL, when known. */
  readonly repoUrl?: string;
  /** The branch the change merges into, when known. */
  readonly branch?: string;
}

/** Compares the Flux Kustomizations of both sides; units are Kustomizations (`namespace/name`). A fix for a unit is proposed unverified. */
export async function compareFluxSides(sides: FluxSides, context: RenderContext): Promise<Compared> {
  const { runner, remote, settings, concurrency: width } = context;
  const artifacts: Artifact[] = [];
  // Values taken from Secrets on either side: the before value must not leak through a diff either.
  const secretValues = new Set<string>();
  // What was assumed to find roots and sources, on either side, for the report.
  const notes = new Set<string>();
  try {
    const cache = new Map<string, Promise<ManifestDoc[]>>();
    let builds = 0;
    let started = 0;
    const discover = async (side: Side): Promise<FluxDiscovery & { readonly roots: readonly ClusterRoot[]; readonly show: (file: string) => string }> => {
      const artifact = createArtifact(side.root, side.files ? { files: side.files } : {});
      artifacts.push(artifact);
      const show = (path: string): string => side.show(join(side.root, toPosix(path.slice(artifact.root.length + 1))));
      const objects = scanSourceObjects(artifact.root);
      const fileHashes = new Map<string, string>();
      // Identical inputs on both sides are built once: the key is owner + input hash.
      const build = (plan: FluxBuildPlan, ks: FluxKustomization): Promise<ManifestDoc[]> => {
        const key = `${ks.key}\0${plan.kustomization ?? ''}\0${hashGraphInputs(plan.graph, artifact.root, fileHashes, { confinement: artifact.confinement, show: (path) => show(createUnalias(plan.aliases)(path)) })}`;
        let pending = cache.get(key);
        if (!pending) {
          started++;
          pending = renderRoot(runner, { treeRoot: artifact.root, graph: plan.graph, show, provenance: true, aliases: plan.aliases, budget: settings.budget, remote }).then((docs) => {
            context.onProgress?.(++builds, undefined);
            return docs;
          });
          cache.set(key, pending);
        }
        return pending;
      };
      const bodies = objects.map(({ body }) => body);
      const declared = findDeclaredKustomizations(objects);
      const roots = findClusterRoots(declared, objects, settings.config.clusters);
      const discovery = await discoverFluxUnits(declared, roots, {
        artifact,
        show,
        build,
        checkSource: addExternalArtifacts(bodies, artifact, createSourceCheck(bodies, describeSourceContext(sides, artifact, settings.config))),
        notes,
        clusterVariables: settings.config.substitute,
        secretValues,
        concurrency: width,
        mapInPool,
      });
      return { ...discovery, roots, show: (file: string) => show(join(artifact.root, file)) };
    };
    const before = await discover(sides.before);
    const after = await discover(sides.after);
    // With one cluster, units are named as Flux names Kustomizations; with several, by cluster too.
    const clusters = new Set([...before.units, ...after.units].flatMap((unit) => (unit.cluster !== undefined ? [unit.cluster] : [])));
    for (const root of [...after.roots, ...before.roots]) if (root.note) notes.add(root.note);
    const analysis: Analysis = {
      ...analyzeFluxUnits(sides, nameUnits(before.units, clusters.size > 1), nameUnits(after.units, clusters.size > 1), settings, [...notes].sort(), started),
      secretValues: [...secretValues].sort(),
      // Once per file: as the side after the change names it, when it is unlisted there.
      unlisted: [...new Map([...before.unlisted.map((file) => [file, before.show(file)] as const), ...after.unlisted.map((file) => [file, after.show(file)] as const)]).values()].sort(),
    };
    // Flux builds post-process renders (substitution, spec patches), so a fix is proposed unverified.
    const existing = new Set(analysis.report.units.filter((unit) => unit.after !== null).map((unit) => unit.name));
    return { analysis, units: new Map(analysis.units.map((unit) => [unit.unit, { diff: unit, exists: existing.has(unit.unit) }])) };
  } catch (error) {
    // A build of a Kustomization whose spec took a Secret value can fail with that value in its message.
    throw maskError(error, createSecretMask(secretValues));
  } finally {
    for (const artifact of artifacts) artifact.dispose();
  }
}

/** What deciding a side's sources needs: this repository's URL and branch, the configuration, and the artifact's folders. */
function describeSourceContext(sides: FluxSides, artifact: Artifact, config: Config): SourceContext {
  let folders: string[] | undefined;
  const isDirectory = (path: string): boolean => {
    const full = join(artifact.root, path);
    return isInside(artifact.confinement, full) && existsSync(full) && statSync(full).isDirectory();
  };
  return {
    ...(sides.repoUrl ? { repoUrl: sides.repoUrl } : {}),
    ...(sides.branch ? { branch: sides.branch } : {}),
    configured: config.sources,
    clusterSources: new Map(config.clusters.map((cluster) => [cluster.name, cluster.sources])),
    isDirectory,
    listFolders: () => (folders ??= listFolders(artifact.root)),
  };
}

/** Every folder below `root`, relative, build directories and `.git` left out. */
function listFolders(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === '.git' || entry.name.startsWith(BUILD_DIR_PREFIX)) continue;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      found.push(path);
      walk(join(dir, entry.name), path);
    }
  };
  walk(root, '');
  return found.sort();
}

/** A unit with the name reports give it: `namespace/name`, after `cluster: ` when there are several clusters; its parent named alike. */
interface NamedUnit extends FluxUnit {
  readonly name: string;
}

function nameUnits(units: readonly FluxUnit[], byCluster: boolean): NamedUnit[] {
  const name = (cluster: string | undefined, key: string): string => (byCluster && cluster !== undefined ? `${cluster}: ${key}` : key);
  return units.map((unit) => ({ ...unit, name: name(unit.cluster, unit.ks.key), ...(unit.parent ? { parent: name(unit.cluster, unit.parent) } : {}) }));
}

function analyzeFluxUnits(sides: FluxSides, beforeUnits: readonly NamedUnit[], afterUnits: readonly NamedUnit[], settings: Settings, notes: readonly string[], builds: number): Analysis {
  const before = new Map(beforeUnits.map((unit) => [unit.name, unit]));
  const after = new Map(afterUnits.map((unit) => [unit.name, unit]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const findings: Finding[] = [...settings.configFindings];
  const owners = new Map<string, FluxOwner>();
  const units: UnitRenders[] = [];
  for (const key of keys) {
    const old = before.get(key);
    const current = after.get(key);
    // Children of a Kustomization that could not be rendered on a side are unknown there, not gone.
    const unknownAfter = old && !current ? findUnrenderedAncestor(old, before, after) : undefined;
    const unknownBefore = current && !old ? findUnrenderedAncestor(current, after, before) : undefined;
    const skippedBefore = old?.skipped ?? (unknownBefore ? `its parent ${unknownBefore} is not rendered before the change` : undefined);
    const skippedAfter = current?.skipped ?? (unknownAfter ? `its parent ${unknownAfter} is not rendered after the change` : undefined);
    const ksBefore = old?.ks ?? (unknownBefore ? current?.ks : undefined);
    const ksAfter = current?.ks ?? (unknownAfter ? old?.ks : undefined);
    owners.set(key, {
      ...(ksBefore ? { before: ksBefore } : {}),
      ...(ksAfter ? { after: ksAfter } : {}),
      ...(old?.parent ? { parentBefore: old.parent } : {}),
      ...(current?.parent ? { parentAfter: current.parent } : {}),
      ...(old?.declaredIn ? { declaredInBefore: old.declaredIn } : {}),
      ...(skippedBefore ? { skippedBefore } : {}),
      ...(skippedAfter ? { skippedAfter } : {}),
      ...(old?.failure ? { failedBefore: old.failure } : {}),
      ...(current?.failure ? { failedAfter: current.failure } : {}),
      missingVariables: current?.missingVariables ?? [],
    });
    const ks = (current ?? old)?.ks;
    const object = ks ? { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion } : undefined;
    if (object && current?.outside) findings.push(...describeOutsideReads(key, object, 'after', current.outside));
    if (object && old?.outside) findings.push(...describeOutsideReads(key, object, 'before', old.outside));
    // A side that was not rendered is unknown, never empty: the unit is not judged.
    const judged = Boolean(skippedBefore) === Boolean(skippedAfter) && !old?.outside && !current?.outside;
    const why = skippedAfter ?? skippedBefore;
    const cluster = (current ?? old)?.cluster;
    units.push({
      name: key,
      ...(cluster !== undefined ? { cluster } : {}),
      before: old?.docs ?? (unknownBefore ? [] : undefined),
      after: current?.docs ?? (unknownAfter ? [] : undefined),
      ...(!judged && why ? { skipped: why } : {}),
    });
  }
  return analyzeUnitsInDetail({ before: sides.before.info, after: sides.after.info }, units, settings, { owners, extraFindings: findings, notes, builds });
}

/**
 * The nearest ancestor of `unit` (by its parents on its own side) that the other side has
 * but could not render; undefined when every ancestor was rendered there or is gone.
 */
function findUnrenderedAncestor(unit: NamedUnit, own: ReadonlyMap<string, NamedUnit>, other: ReadonlyMap<string, NamedUnit>): string | undefined {
  const seen = new Set<string>();
  for (let parent = unit.parent; parent !== undefined && !seen.has(parent); parent = own.get(parent)?.parent) {
    seen.add(parent);
    const there = other.get(parent);
    if (there?.skipped) return parent;
    if (there) return undefined;
  }
  return undefined;
}

/** The error with its message and details masked; the same error object, so its class and exit code stay. */
function maskError(error: unknown, mask: SecretMask): unknown {
  if (mask.forms.length === 0 || !(error instanceof Error)) return error;
  error.message = mask.text(error.message);
  if (error.stack !== undefined) error.stack = mask.text(error.stack);
  if (error instanceof PruneGuardError && error.details !== undefined) {
    Object.defineProperty(error, 'details', { value: mask.text(error.details) });
  }
  return error;
}
