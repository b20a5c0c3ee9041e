/**
 * Flux mode of the orchestration: artifacts for both sides, Flux Kustomizations discovered
 * and built as kustomize-controller does, one unit per Kustomization (its inventory), and
 * the prune prediction on top.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PruneGuardError } from '../core/errors.ts';
import type { FluxKustomization } from '../core/objects/flux-objects.ts';
import type { ManifestDoc } from '../core/objects/kube-objects.ts';
import { createSecretMask, type SecretMask } from '../core/report/mask-secrets.ts';
import { createArtifact, type Artifact } from '../flux/artifact.ts';
import { discoverFluxUnits, type FluxDiscovery, type FluxUnit } from '../flux/discover-units.ts';
import { createRenderNeeds } from '../flux/render-needs.ts';
import { findClusterRoots, type ClusterRoot } from '../flux/find-roots.ts';
import { findDeclaredKustomizations, scanSourceObjects, type SourceTwins } from '../flux/scan-source.ts';
import type { FluxBuildPlan } from '../flux/plan-build.ts';
import { addExternalArtifacts } from '../flux/external-artifacts.ts';
import { createSourceCheck, type SourceContext } from '../flux/sources.ts';
import { listSyncSources } from '../flux/flux-instance.ts';
import { chartsDiffer } from '../flux/helm-chart-source.ts';
import type { Config } from '../core/config/config-model.ts';
import { BUILD_DIR_PREFIX, isInside } from '../render/kustomize/confine.ts';
import { createInputFiles, readGraphInputs, type GraphInputs } from '../render/kustomize/graph-inputs.ts';
import { toPosix } from '../render/kustomize/read-kustomization.ts';
import { linkTwinTrees, type TwinTrees } from '../render/kustomize/twin-trees.ts';
import { createUnalias, renderRoot } from '../render/kustomize/render-root.ts';
import { mapInPool } from '../render/pool.ts';
import { renderThroughCache } from '../render/render-cache.ts';
import type { Analysis, Compared } from './analyze-units.ts';
import { compareResourceSets, listHostedDocs } from './compare-resource-sets.ts';
import { analyzeFluxUnits, decideWantedUnits, findIdenticalUnits, loadUnits, nameUnit, nameUnits, type NamedUnit, type UnitPair } from './flux-unit-pair.ts';
import { compareHelmReleases, type ComparedReleases, type HelmSide, type ReleaseHost } from './compare-helm-releases.ts';
import { selectReleaseReaders, selectReleaseSuppliers } from './release-inputs.ts';
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
  /** Git mode: the paths whose content differs between the sides (relative, posix). */
  readonly changed?: ReadonlySet<string>;
  /** Git mode with the working tree: what git ignores there. */
  readonly ignored?: readonly string[];
}

/** Names a path of an artifact as the side it was made from. */
function showInArtifact(side: Side, artifact: Artifact): (path: string) => string {
  return (path) => side.show(join(side.root, toPosix(path.slice(artifact.root.length + 1))));
}

/**
 * Git mode: links the artifacts as twin trees (see render/kustomize/twin-trees.ts), so the
 * side before reads what git says is unchanged from the side after. Both artifacts leave out
 * the same files unless a `.sourceignore` changed; then they are not linked.
 */
function linkArtifactTwins(sides: FluxSides, before: Artifact, after: Artifact): TwinTrees | undefined {
  if (!sides.changed) return undefined;
  const ignored = sides.ignored ?? [];
  if ([...sides.changed, ...ignored].some((path) => /(?:^|\/)\.sourceignore\/?$/.test(path))) return undefined;
  return linkTwinTrees(
    { root: before.root, confinement: before.confinement, show: showInArtifact(sides.before, before) },
    { root: after.root, confinement: after.confinement, show: showInArtifact(sides.after, after) },
    { changed: sides.changed, ignored },
  );
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
    const counts = { builds: 0, cached: 0 };
    const createSideArtifact = (side: Side): Artifact => {
      const artifact = createArtifact(side.root, side.files ? { files: side.files } : { inPlace: side.owned === true });
      artifacts.push(artifact);
      return artifact;
    };
    const beforeArtifact = createSideArtifact(sides.before);
    const afterArtifact = createSideArtifact(sides.after);
    const twins = linkArtifactTwins(sides, beforeArtifact, afterArtifact);
    // The side after first: the side before takes its reading of every file that reads alike.
    const scanned = new Map<string, unknown[] | undefined>();
    const scan = (side: Side, artifact: Artifact, sourceTwins: SourceTwins) => {
      const objects = scanSourceObjects(artifact.root, sourceTwins);
      return { side, artifact, objects, declared: findDeclaredKustomizations(objects) };
    };
    const afterScan = scan(sides.after, afterArtifact, { scanned: new Map(), record: scanned });
    const beforeScan = scan(sides.before, beforeArtifact, { scanned, ...(twins ? { findSame: twins.findSame } : {}) });
    // Which units discovery renders at once depends on what either side's Kustomizations read.
    const needs = createRenderNeeds([...beforeScan.declared, ...afterScan.declared].map(({ ks }) => ks));
    const discover = async ({
      side,
      artifact,
      objects,
      declared,
    }: ReturnType<typeof scan>): Promise<FluxDiscovery & { readonly roots: readonly ClusterRoot[]; readonly show: (file: string) => string; readonly helmSide: Omit<HelmSide, 'hosts'> }> => {
      const show = showInArtifact(side, artifact);
      const files = createInputFiles(needs.markers);
      // Identical inputs on both sides are built once: the key is owner + input hash.
      const build = (plan: FluxBuildPlan, ks: FluxKustomization, inputs: GraphInputs): Promise<ManifestDoc[]> => {
        const key = `${ks.key}\0${plan.kustomization ?? ''}\0${inputs.hash}`;
        let pending = cache.get(key);
        if (!pending) {
          // Across runs too, by content (build directories are named by content as well); remote content is not in the hash.
          const stored = inputs.remote || runner.identity === undefined ? undefined : JSON.stringify(['flux', runner.identity, key, [...plan.aliases].map(([from, to]) => [relative(artifact.root, from), relative(artifact.root, to)])]);
          const render = (): Promise<ManifestDoc[]> => renderRoot(runner, { treeRoot: artifact.root, graph: plan.prepare(), show, provenance: true, aliases: plan.aliases, budget: settings.budget, remote, documents: context.documents });
          pending = renderThroughCache(context.renders, stored, render).then(({ docs, cached }) => {
            if (cached) settings.budget.spend(docs.length, show(plan.graph.root));
            counts[cached ? 'cached' : 'builds']++;
            context.progress.rendered(cached);
            return docs;
          });
          cache.set(key, pending);
        }
        return pending;
      };
      // A FluxInstance's sync source is made by the operator, not written: it is read from the FluxInstance.
      const sync = listSyncSources(objects.map(({ body }) => body));
      const bodies = [...objects.map(({ body }) => body), ...sync.objects];
      const roots = findClusterRoots(declared, objects, settings.config.clusters);
      const checkSource = addExternalArtifacts(bodies, artifact, createSourceCheck(bodies, { ...describeSourceContext(sides, artifact, settings.config), syncSources: sync.names }));
      const discovery = await discoverFluxUnits(declared, roots, {
        artifact,
        show,
        inspect: (plan) => readGraphInputs(plan.graph, artifact.root, files, { confinement: artifact.confinement, show: (path) => show(createUnalias(plan.aliases)(path)) }),
        build,
        mustRender: needs.mustRender,
        checkSource,
        notes,
        clusterVariables: settings.config.substitute,
        secretValues,
        concurrency: width,
        budget: settings.budget,
        mapInPool,
      });
      return { ...discovery, roots, show: (file: string) => show(join(artifact.root, file)), helmSide: { check: checkSource, tree: artifact } };
    };
    const before = await discover(beforeScan);
    const after = await discover(afterScan);
    // With one cluster, units are named as Flux names Kustomizations; with several, by cluster too.
    const clusters = new Set([...before.units, ...after.units].flatMap((unit) => (unit.cluster !== undefined ? [unit.cluster] : [])));
    for (const root of [...after.roots, ...before.roots]) if (root.note) notes.add(root.note);
    const byCluster = clusters.size > 1;
    // Each ResourceSet is a unit of its own below the Kustomization that applies it.
    const findHost = (units: readonly FluxUnit[], cluster: string | undefined, host: string): FluxUnit | undefined => units.find((unit) => unit.cluster === cluster && unit.ks.key === host);
    const resourceSets = compareResourceSets(before.resourceSets, after.resourceSets, {
      nameHost: (cluster, host) => nameUnit(cluster, host, byCluster),
      hostSkipped: (side, cluster, host) => findHost((side === 'before' ? before : after).units, cluster, host)?.skipped,
    });
    const pair: UnitPair = { before: nameUnits(before.units, byCluster, resourceSets.names), after: nameUnits(after.units, byCluster, resourceSets.names) };
    context.progress.planned(new Set([...pair.before, ...pair.after].map((unit) => unit.name)).size);
    const identical = findIdenticalUnits(pair);
    let releases: ComparedReleases = { units: [], findings: [], secretTexts: [], notes: [], missing: [], policyFixes: [] };
    const analyze = (): Analysis => ({
      ...analyzeFluxUnits({ before: sides.before.info, after: sides.after.info }, pair, identical, settings, [...notes].sort(), counts, { releases, resourceSets }),
      secretValues: [...secretValues].sort(),
      // Once per file: as the side after the change names it, when it is unlisted there.
      unlisted: [...new Map([...before.unlisted.map((file) => [file, before.show(file)] as const), ...after.unlisted.map((file) => [file, after.show(file)] as const)]).values()].sort(),
    });
    // What differs is rendered on both sides; what is identical waits for a finding that needs it.
    context.progress.phase('changed');
    await loadUnits(pair, (unit) => context.renderAll || !identical.has(unit.name), width);
    // A chart of this repository that changed may change the release of a Kustomization whose
    // own inputs did not: every unit is rendered to find its HelmReleases; so are those that
    // may hold one when a chart source (HelmRepository, OCIRepository, HelmChart) changed.
    if (context.helm && chartsDiffer(before.helmSide.tree, after.helmSide.tree)) await loadUnits(pair, () => true, width);
    else if (context.helm) {
      const docsOf = (units: readonly NamedUnit[]): ManifestDoc[] => units.flatMap((unit) => (unit.pending ? [] : unit.docs));
      const readers = selectReleaseReaders(docsOf(pair.before), docsOf(pair.after), [...pair.before, ...pair.after]);
      if (readers.size > 0) await loadUnits(pair, (unit) => readers.has(unit.name), width);
    }
    // Each HelmRelease of what was rendered is a unit of its own: what its chart installs.
    const rendered = (units: readonly NamedUnit[]): NamedUnit[] => units.filter((unit) => !unit.pending && unit.skipped === undefined);
    // Garbage collection follows the Kustomization as it is after the change; one that is gone deletes by its last spec.
    const pruneAfter = new Map(pair.after.map((unit) => [unit.name, unit.ks.prune]));
    const hosts = (units: readonly NamedUnit[], side: 'before' | 'after'): ReleaseHost[] => [
      ...rendered(units).map((unit) => ({ ...unit, prunes: pruneAfter.get(unit.name) ?? unit.ks.prune })),
      // What a ResourceSet generates, HelmReleases among them, the operator garbage-collects.
      ...resourceSets.hosts[side].map((set) => ({ name: set.name, ...(set.cluster !== undefined ? { cluster: set.cluster } : {}), docs: listHostedDocs(set), prunes: true })),
    ];
    const releaseOptions = { helm: context.helm, charts: context.charts, kustomize: context.runner, ...(context.renders ? { renders: context.renders } : {}), kubeVersion: context.kubeVersion, concurrency: width };
    let compared = await compareHelmReleases({ ...before.helmSide, hosts: hosts(pair.before, 'before') }, { ...after.helmSide, hosts: hosts(pair.after, 'after') }, releaseOptions);
    // A release's chart source or values object may be in a unit not rendered yet: those that may hold one are, and the releases compared again.
    const suppliers = selectReleaseSuppliers(compared.missing, [...pair.before, ...pair.after]);
    if (suppliers.size > 0) {
      await loadUnits(pair, (unit) => suppliers.has(unit.name), width);
      compared = await compareHelmReleases({ ...before.helmSide, hosts: hosts(pair.before, 'before') }, { ...after.helmSide, hosts: hosts(pair.after, 'after') }, releaseOptions);
    }
    releases = compared;
    for (const text of compared.secretTexts) secretValues.add(text);
    for (const note of compared.notes) notes.add(note);
    let analysis = analyze();
    const wanted = decideWantedUnits(analysis, pair);
    if (wanted.size > 0) {
      context.progress.phase('needed');
      await loadUnits(pair, (unit) => wanted.has(unit.name), width);
      analysis = analyze();
    }
    context.progress.identical(analysis.report.stats.identical);
    context.progress.phase('done');
    // Flux builds post-process renders (substitution, spec patches), so a fix is proposed unverified.
    const existing = new Set(analysis.report.units.filter((unit) => unit.after !== null).map((unit) => unit.name));
    return { analysis: { ...analysis, crdPolicyFixes: releases.policyFixes }, units: new Map(analysis.units.map((unit) => [unit.unit, { diff: unit, exists: existing.has(unit.unit) }])) };
  } catch (error) {
    // A build of a Kustomization whose spec took a Secret value can fail with that value in its message.
    throw maskError(error, createSecretMask(secretValues));
  } finally {
    // Nothing reads the copies any more: they go while the report is made.
    for (const artifact of artifacts) artifact.release();
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
