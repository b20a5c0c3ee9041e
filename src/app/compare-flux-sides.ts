/**
 * Flux mode of the orchestration: artifacts for both sides, Flux Kustomizations discovered
 * and built as kustomize-controller does, one unit per Kustomization (its inventory), and
 * the prune prediction on top.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { FluxKustomization, SourceRef } from '../core/objects/flux-objects.ts';
import type { FluxOwner } from '../core/rules/flux-rules.ts';
import { PruneGuardError } from '../core/errors.ts';
import { createSecretMask, type SecretMask } from '../core/report/mask-secrets.ts';
import { getApiGroup, getMetadata, isRecord, type KubeObject, type ManifestDoc } from '../core/objects/kube-objects.ts';
import { createArtifact, type Artifact } from '../flux/artifact.ts';
import type { FluxBuildPlan } from '../flux/plan-build.ts';
import { discoverFluxUnits, findDeclaredKustomizations, scanSourceObjects, type FluxUnit } from '../flux/discover-units.ts';
import type { KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import { hashGraphInputs, toPosix } from '../render/kustomize/read-kustomization.ts';
import { mapInPool } from '../render/pool.ts';
import type { RemoteAccess } from '../render/kustomize/overlay.ts';
import { createUnalias, renderRoot } from '../render/kustomize/render-root.ts';
import { analyzeUnitsInDetail, type Analysis, type UnitRenders } from './analyze-units.ts';
import type { Finding } from '../core/rules/findings.ts';
import { describeOutsideReads } from '../core/rules/outside-reads.ts';
import type { RunOptions, Settings, Side } from './run.ts';

/** The sides of a Flux comparison. */
export interface FluxSides {
  /** The side before the change. */
  readonly before: Side;
  /** The side after the change. */
  readonly after: Side;
  /** The repository's origin URL, when known. */
  readonly repoUrl?: string;
}

/** True when a YAML file under `dir` declares a Flux Kustomization (cheap text check first). */
export function declaresFluxKustomizations(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  const walk = (current: string): boolean => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) return true;
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        // Symlinks are passed over (Dirent does not follow them): they never reach Flux's artifact.
        const text = readFileSync(path, 'utf8');
        if (/apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\/v1(beta2)?\b/.test(text) && /kind:\s*["']?Kustomization\b/.test(text)) return true;
      }
    }
    return false;
  };
  return walk(dir);
}

/** Compares the Flux Kustomizations of both sides; units are Kustomizations (`namespace/name`). */
export async function compareFluxSides(sides: FluxSides, runner: KustomizeRunner, options: RunOptions, settings: Settings, remote?: RemoteAccess): Promise<Analysis> {
  const artifacts: Artifact[] = [];
  // Values taken from Secrets on either side: the before value must not leak through a diff either.
  const secretValues = new Set<string>();
  try {
    const width = options.concurrency ?? availableParallelism();
    const cache = new Map<string, Promise<ManifestDoc[]>>();
    let builds = 0;
    const discover = async (side: Side): Promise<FluxUnit[]> => {
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
          pending = renderRoot(runner, { treeRoot: artifact.root, graph: plan.graph, show, provenance: true, aliases: plan.aliases, budget: settings.budget, ...(remote ? { remote } : {}) }).then((docs) => {
            options.onProgress?.(++builds, undefined);
            return docs;
          });
          cache.set(key, pending);
        }
        return pending;
      };
      return discoverFluxUnits(findDeclaredKustomizations(objects), {
        artifact,
        show,
        build,
        checkSource: createSourceCheck(objects.map(({ body }) => body), sides.repoUrl, settings.config.sources),
        clusterVariables: settings.config.substitute,
        secretValues,
        concurrency: width,
        mapInPool,
      });
    };
    const beforeUnits = await discover(sides.before);
    const afterUnits = await discover(sides.after);
    return { ...analyzeFluxUnits(sides, beforeUnits, afterUnits, settings), secretValues: [...secretValues].sort() };
  } catch (error) {
    // A build of a Kustomization whose spec took a Secret value can fail with that value in its message.
    throw maskError(error, createSecretMask(secretValues));
  } finally {
    for (const artifact of artifacts) artifact.dispose();
  }
}

function analyzeFluxUnits(sides: FluxSides, beforeUnits: readonly FluxUnit[], afterUnits: readonly FluxUnit[], settings: Settings): Analysis {
  const before = new Map(beforeUnits.map((unit) => [unit.ks.key, unit]));
  const after = new Map(afterUnits.map((unit) => [unit.ks.key, unit]));
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
      missingVariables: current?.missingVariables ?? [],
    });
    const ks = (current ?? old)?.ks;
    const object = ks ? { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion } : undefined;
    if (object && current?.outside) findings.push(...describeOutsideReads(key, object, 'after', current.outside));
    if (object && old?.outside) findings.push(...describeOutsideReads(key, object, 'before', old.outside));
    // A side that was not rendered is unknown, never empty: the unit is not judged.
    const judged = Boolean(skippedBefore) === Boolean(skippedAfter) && !old?.outside && !current?.outside;
    const why = skippedAfter ?? skippedBefore;
    units.push({ name: key, before: old?.docs ?? (unknownBefore ? [] : undefined), after: current?.docs ?? (unknownAfter ? [] : undefined), ...(!judged && why ? { skipped: why } : {}) });
  }
  return analyzeUnitsInDetail({ before: sides.before.info, after: sides.after.info }, units, settings, owners, findings);
}

/**
 * The nearest ancestor of `unit` (by its parents on its own side) that the other side has
 * but could not render; undefined when every ancestor was rendered there or is gone.
 */
function findUnrenderedAncestor(unit: FluxUnit, own: ReadonlyMap<string, FluxUnit>, other: ReadonlyMap<string, FluxUnit>): string | undefined {
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

/**
 * Decides which sources are this repository. A GitRepository declared here whose URL is
 * this repository's origin is; one with another URL is not. Without a URL to compare (no
 * origin, or not declared here), bootstrap's `flux-system` is taken to be this repository.
 */
function createSourceCheck(objects: readonly KubeObject[], repoUrl: string | undefined, mapped: readonly string[]): (ref: SourceRef) => string | undefined {
  const repositories = new Map<string, string>();
  for (const body of objects) {
    if (body.kind !== 'GitRepository' || getApiGroup(String(body.apiVersion)) !== 'source.toolkit.fluxcd.io') continue;
    const metadata = getMetadata(body);
    const spec = isRecord(body.spec) ? body.spec : {};
    const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'flux-system';
    repositories.set(`${namespace}/${String(metadata.name)}`, String(spec.url ?? ''));
  }
  const ours = repoUrl ? normalizeGitUrl(repoUrl) : undefined;
  return (ref) => {
    const name = `${ref.namespace}/${ref.name}`;
    if (ref.kind !== 'GitRepository') return `its source is ${ref.kind}/${name}, not this repository`;
    if (mapped.includes(name)) return undefined;
    const url = repositories.get(name);
    if (url !== undefined && ours !== undefined) {
      return normalizeGitUrl(url) === ours ? undefined : `its source GitRepository/${name} points at ${url}, not this repository (list it under sources in .prune-guard.yaml if it is)`;
    }
    if (ref.name === 'flux-system') return undefined;
    return url !== undefined
      ? `cannot tell whether GitRepository/${name} (${url}) is this repository: list it under sources in .prune-guard.yaml if it is`
      : `its source GitRepository/${name} is not declared in this repository: list it under sources in .prune-guard.yaml if it is this one`;
  };
}

/** Reduces a git URL to host/path, so https, ssh and scp-style forms of one repository compare equal. */
export function normalizeGitUrl(url: string): string {
  let value = url.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  const scp = /^[^@/]+@([^:/]+):(.*)$/.exec(value);
  if (scp) value = `${scp[1]}/${scp[2]}`;
  else value = value.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]+@/, '');
  return value.replace(/:\d+\//, '/').toLowerCase();
}
