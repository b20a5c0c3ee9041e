/**
 * Flux mode, Helm: each HelmRelease a rendered Kustomization holds becomes a unit of its own,
 * `<unit> / HelmRelease <namespace>/<name>`, whose objects are what its chart renders into
 * `templates/`. An upgrade deletes what the chart no longer renders, an uninstall (the
 * HelmRelease gone) everything it installed, unless an object carries
 * `helm.sh/resource-policy: keep`; `crds/` is never deleted by Helm and hooks are no part of
 * the release, so neither is in a release's objects. A release whose inputs read alike on
 * both sides (its spec, its values, its chart's files) is not rendered.
 */
import { formatNamespacedName, isHelmRelease, readHelmReleaseIdentity } from '../core/objects/flux-objects.ts';
import { getApiGroup, getMetadata, isRecord, readNamespace, type KubeObject, type ManifestDoc } from '../core/objects/kube-objects.ts';
import type { HelmDocument } from '../core/helm/helm-output.ts';
import { describeChartCrdChanges, readCrdPolicy, type ReleaseCrds } from '../core/rules/helm-crd-rules.ts';
import { Rules, type Finding } from '../core/rules/findings.ts';
import type { CrdPolicyFix } from '../core/fix/crd-policy-edit.ts';
import { findPruneOptOut } from '../core/rules/kustomization-rules.ts';
import { composeReleaseValues, type FindValuesObject } from '../core/helm/release-values.ts';
import type { ChartRequest } from '../core/helm/chart-request.ts';
import { hashFolder, resolveChartRequest, type ChartTree, type FindSource } from '../flux/helm-chart-source.ts';
import type { SourceCheck } from '../flux/sources.ts';
import type { ChartFetcher } from '../render/helm/chart-fetch.ts';
import type { HelmRunner } from '../render/helm/helm-runner.ts';
import type { KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import type { RenderCache } from '../render/render-cache.ts';
import { findVolatilePaths, maskVolatilePaths } from '../core/helm/volatile-output.ts';
import { mapInPool } from '../render/pool.ts';
import type { UnitRenders } from './analyze-units.ts';
import { renderHelmRelease, type RenderedRelease } from './render-helm-release.ts';

/** A rendered unit that may hold HelmReleases. */
export interface ReleaseHost {
  /** The unit's name. */
  readonly name: string;
  /** Its cluster, with several. */
  readonly cluster?: string;
  /** Its objects, as rendered. */
  readonly docs: readonly ManifestDoc[];
  /** Whether Flux deletes an object that leaves this unit's render (its Kustomization prunes); only read on the side before. */
  readonly prunes: boolean;
}

/** What rendering one side's releases needs. */
export interface HelmSide {
  /** The units of the side that were rendered. */
  readonly hosts: readonly ReleaseHost[];
  /** Decides which sources are this checkout. */
  readonly check: SourceCheck;
  /** The side's artifact. */
  readonly tree: ChartTree;
}

/** How releases are rendered. */
export interface ReleaseOptions {
  /** Templates charts; undefined when no helm was found. */
  readonly helm: HelmRunner | undefined;
  /** Fetches charts of HelmRepositories and OCI registries. */
  readonly charts: ChartFetcher;
  /** Builds post-renderers' kustomizations. */
  readonly kustomize: KustomizeRunner;
  /** Keeps `helm template` output across runs. */
  readonly renders?: RenderCache;
  /** The Kubernetes version charts are rendered for. */
  readonly kubeVersion: string;
  /** How many releases are rendered at once. */
  readonly concurrency: number;
}

/**
 * The release units, the findings of their charts' crds/, the texts their values took from
 * Secrets, and what the report should say; `missing` names the kinds of objects releases
 * asked for that the renders do not hold (rendering more units may find them).
 */
export interface ComparedReleases {
  readonly units: readonly UnitRenders[];
  readonly findings: readonly Finding[];
  readonly secretTexts: readonly string[];
  readonly notes: readonly string[];
  readonly missing: readonly string[];
  /** Releases whose crds/ findings `spec.<action>.crds: CreateReplace` fixes. */
  readonly policyFixes: readonly CrdPolicyFix[];
}

interface Found {
  readonly host: ReleaseHost;
  readonly body: KubeObject;
  /** The file that declares it, relative to the repository root, when known. */
  readonly file?: string;
  /** The HelmRelease as `namespace/name`. */
  readonly release: string;
}

/** Renders and pairs the HelmReleases of both sides (see the module comment). */
export async function compareHelmReleases(before: HelmSide, after: HelmSide, options: ReleaseOptions): Promise<ComparedReleases> {
  const releases = { before: findReleases(before.hosts), after: findReleases(after.hosts) };
  // A release is its cluster's HelmRelease: one that moves to another Kustomization is upgraded, not reinstalled.
  const keys = [...new Set([...releases.before.keys(), ...releases.after.keys()])].sort();
  const names = keys.map((key) => {
    const found = (releases.after.get(key) ?? releases.before.get(key)) as Found;
    return `${found.host.name} / HelmRelease ${found.release}`;
  });
  if (names.length === 0) return { units: [], findings: [], secretTexts: [], notes: [], missing: [], policyFixes: [] };
  if (!options.helm) return { units: [], findings: [], secretTexts: [], missing: [], policyFixes: [], notes: [`${names.length === 1 ? 'a HelmRelease is judged as a single object, not by what its chart installs' : `${names.length} HelmReleases are judged as single objects, not by what their charts install`}: install helm, or pass --helm-bin`] };
  const helm = options.helm;
  const secretTexts = new Set<string>();
  const missing = new Set<string>();
  const finders = { before: createFinder(before.hosts), after: createFinder(after.hosts) };
  const render = (side: 'before' | 'after', found: Found): Promise<RenderedRelease> => {
    const own = side === 'before' ? before : after;
    return renderHelmRelease(found.body, {
      helm,
      check: own.check,
      tree: own.tree,
      ...finders[side](found.host.cluster),
      charts: options.charts,
      kustomize: options.kustomize,
      ...(options.renders ? { renders: options.renders } : {}),
      kubeVersion: options.kubeVersion,
      ...(found.host.cluster !== undefined ? { cluster: found.host.cluster } : {}),
    }).then((rendered) => {
      for (const text of rendered.secretTexts ?? []) secretTexts.add(text);
      for (const kind of rendered.missing ?? []) missing.add(kind);
      return rendered;
    });
  };
  const crds: Array<Omit<ReleaseCrds, 'countObjects'>> = [];
  const refusals: Finding[] = [];
  const files = new Map<string, string>();
  const notRendered: Finding[] = [];
  const units = await mapInPool(keys.map((key, position) => ({ key, name: names[position] as string })), options.concurrency, async ({ key, name }): Promise<UnitRenders | undefined> => {
    const old = releases.before.get(key);
    const current = releases.after.get(key);
    const found = (current ?? old) as Found;
    const cluster = found.host.cluster;
    const origin = {
      parent: found.host.name,
      release: found.release,
      action: !old ? 'install' : !current ? 'uninstall' : 'upgrade',
    } as const;
    const namespaceBefore = old ? readHelmReleaseIdentity(old.body).targetNamespace : undefined;
    const namespace = readHelmReleaseIdentity(found.body).targetNamespace;
    const base = { name, ...(cluster !== undefined ? { cluster } : {}), defaultNamespace: namespace, ...(namespaceBefore && namespaceBefore !== namespace ? { defaultNamespaceBefore: namespaceBefore } : {}), helm: origin };
    // The HelmRelease as helm-controller acts on it: the new one, or the live one that is deleted.
    const acting = current ?? old;
    const suspended = acting !== undefined && isRecord(acting.body.spec) && acting.body.spec.suspend === true;
    if (suspended) return { ...base, before: undefined, after: undefined, skipped: 'it is suspended: helm-controller leaves the release as it is, and deleting it orphans the release' };
    // Only a HelmRelease Flux deletes is uninstalled; one left in the cluster keeps its release.
    const optOut = old && !current ? findPruneOptOut(old.body) : undefined;
    if (old && !current && (!old.host.prunes || optOut)) {
      return { ...base, before: undefined, after: undefined, skipped: `it leaves the render but stays in the cluster (${optOut ?? `${old.host.name} does not prune`}): helm-controller keeps the release as it is` };
    }
    if (old && current && readsAlike(old, current, before, after, finders)) return undefined;
    const [was, is] = await Promise.all([old ? render('before', old) : undefined, current ? render('after', current) : undefined]);
    const problem = [was, is].find((rendered): rendered is { problem: string } => rendered !== undefined && 'problem' in rendered);
    if (current && is && 'problem' in is && is.kubeVersionRequired !== undefined) {
      const already = was !== undefined && 'problem' in was && was.kubeVersionRequired !== undefined;
      refusals.push(describeKubeVersionRefusal(name, current.body, is.kubeVersionRequired, options.kubeVersion, already));
    }
    if (problem) {
      if (!(is && 'problem' in is && is.kubeVersionRequired !== undefined)) notRendered.push(describeNotRendered(name, acting as Found, origin.action, problem.problem, Boolean(was && 'documents' in was && is && 'problem' in is)));
      return { ...base, before: undefined, after: undefined, skipped: problem.problem };
    }
    const masks = was && is && 'documents' in was && 'documents' in is && old && current ? await findMasks(was, is, () => render('before', old), () => render('after', current)) : undefined;
    const afterDocs = is && 'documents' in is ? (masks?.after ?? keepAsIs)(toReleaseDocs(is)) : undefined;
    const beforeDocs = was && 'documents' in was ? dropKept((masks?.before ?? keepAsIs)(toReleaseDocs(was)), afterDocs ?? []) : undefined;
    if (current && is && 'documents' in is) {
      const crdsOf = (rendered: RenderedRelease | undefined): KubeObject[] => (rendered && 'documents' in rendered ? rendered.documents.filter((document) => document.part === 'crds').map((document) => document.body) : []);
      crds.push({ unit: name, action: old ? 'upgrade' : 'install', release: current.body, before: crdsOf(was), after: crdsOf(is) });
      if (current.file) files.set(name, current.file);
    }
    const chartOf = (rendered: RenderedRelease | undefined): string | undefined => (rendered && 'documents' in rendered ? rendered.chartName : undefined);
    const chart = { ...(chartOf(was) ? { before: chartOf(was) } : {}), ...(chartOf(is) ? { after: chartOf(is) } : {}) };
    const keepValue = was && 'documents' in was ? was.keepValue : undefined;
    return { ...base, helm: { ...origin, chart, ...(keepValue ? { keepValue } : {}) }, before: beforeDocs, after: afterDocs };
  });
  const judged = units.filter((unit): unit is UnitRenders => unit !== undefined);
  // Objects of a kind anywhere in the cluster's renders after the change, for a CRD that never appears.
  const counts = new Map<string, number>();
  const count = (cluster: string | undefined, docs: readonly ManifestDoc[]): void => {
    for (const { body } of docs) {
      const key = `${cluster ?? ''}\0${getApiGroup(String(body.apiVersion))}\0${String(body.kind)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  };
  for (const host of after.hosts) count(host.cluster, host.docs);
  for (const unit of judged) count(unit.cluster, unit.after ?? []);
  const findings = crds
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
    .flatMap((release) => {
      const cluster = judged.find((unit) => unit.name === release.unit)?.cluster;
      return describeChartCrdChanges({ ...release, countObjects: (group, kind) => counts.get(`${cluster ?? ''}\0${group}\0${kind}`) ?? 0 });
    });
  // Where `set spec.<action>.crds: CreateReplace` is the fix, the file it goes into.
  const policyFixes = crds.flatMap((release): CrdPolicyFix[] => {
    const file = files.get(release.unit);
    const metadata = getMetadata(release.release);
    const crdNames = findings.filter((finding) => finding.unit === release.unit && (finding.rule === Rules.helmCrdSkipped || finding.rule === Rules.helmCrdStale)).map((finding) => finding.object.name);
    if (!file || crdNames.length === 0) return [];
    return [{ unit: release.unit, crds: crdNames, path: file, name: String(metadata.name), ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}), action: release.action, policy: readCrdPolicy(release.release, release.action) }];
  });
  const byUnit = (a: Finding, b: Finding): number => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);
  return { units: judged, findings: [...refusals.sort(byUnit), ...notRendered.sort(byUnit), ...findings], secretTexts: [...secretTexts].sort(), notes: [], missing: [...missing].sort(), policyFixes };
}

/**
 * A chart whose `kubeVersion` refuses the configured Kubernetes version: helm-controller fails
 * the install or upgrade, and the release stays as it was (an error); a warning when it
 * already failed so before the change.
 */
function describeKubeVersionRefusal(unit: string, release: KubeObject, required: string, kubeVersion: string, already: boolean): Finding {
  const metadata = getMetadata(release);
  const ref = formatNamespacedName({ namespace: readNamespace(release, 'default'), name: String(metadata.name) });
  const effect = already ? 'as it did before this change' : 'the release stays as it was, and objects that depend on the new version do not appear';
  return {
    rule: Rules.helmKubeVersion,
    severity: already ? 'warning' : 'error',
    unit,
    object: { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease', namespace: readNamespace(release, 'default'), name: String(metadata.name), apiVersion: String(release.apiVersion) },
    message: `HelmRelease/${ref}: its chart requires kubeVersion ${required}, which the configured Kubernetes ${kubeVersion} does not meet: helm-controller fails the install or upgrade, ${effect}`,
  };
}

/** Docs left as they are. */
const keepAsIs = (docs: ManifestDoc[]): ManifestDoc[] => docs;

/**
 * Masks for output that differs between two renders of the same inputs, so that it never
 * shows as a change: each side is rendered a second time when its chart may vary. Values
 * that vary on either side are masked on both; generated names and objects that come and go
 * are taken from a side's own renders only, so a chart after the change cannot hide an object
 * the chart before it rendered for sure.
 */
async function findMasks(
  was: Extract<RenderedRelease, { documents: unknown }>,
  is: Extract<RenderedRelease, { documents: unknown }>,
  renderBefore: () => Promise<RenderedRelease>,
  renderAfter: () => Promise<RenderedRelease>,
): Promise<{ readonly before: (docs: ManifestDoc[]) => ManifestDoc[]; readonly after: (docs: ManifestDoc[]) => ManifestDoc[] } | undefined> {
  if (!was.mayVary && !is.mayVary) return undefined;
  const [wasAgain, isAgain] = await Promise.all([renderBefore(), renderAfter()]);
  if (!('documents' in wasAgain) || !('documents' in isAgain)) return undefined;
  const old = findVolatilePaths(was.documents, wasAgain.documents);
  const current = findVolatilePaths(is.documents, isAgain.documents);
  const paths = new Map(old.paths);
  for (const [key, list] of current.paths) {
    const merged = [...(paths.get(key) ?? []), ...list];
    paths.set(key, [...new Map(merged.map((path) => [JSON.stringify(path), path])).values()]);
  }
  return {
    before: (docs) => maskVolatilePaths(docs, { paths, names: old.names, unpaired: old.unpaired }),
    after: (docs) => maskVolatilePaths(docs, { paths, names: current.names, unpaired: current.unpaired }),
  };
}

/**
 * A release that could not be rendered: what its upgrade, install or uninstall does is not
 * judged. A warning when the change made it so (rendered before, not after), else a notice.
 */
function describeNotRendered(unit: string, found: Found, action: string, problem: string, causedByChange: boolean): Finding {
  const namespace = readNamespace(found.body, 'default');
  const name = String(getMetadata(found.body).name);
  return {
    rule: Rules.helmReleaseNotRendered,
    severity: causedByChange ? 'warning' : 'notice',
    unit,
    object: { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease', namespace, name, apiVersion: String(found.body.apiVersion) },
    message: `HelmRelease/${namespace}/${name} is not rendered${causedByChange ? ' after the change' : ''} (${problem}): what helm-controller's ${action} installs or deletes is not judged`,
  };
}

/** Every HelmRelease of the hosts, by cluster and `namespace/name`. */
function findReleases(hosts: readonly ReleaseHost[]): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const host of hosts) {
    for (const { body, provenance } of host.docs) {
      if (!isHelmRelease(body)) continue;
      const release = formatNamespacedName({ namespace: readNamespace(body, 'default'), name: String(getMetadata(body).name) });
      found.set(`${host.cluster ?? ''}\0${release}`, { host, body, release, ...(provenance?.file ? { file: provenance.file } : {}) });
    }
  }
  return found;
}

/** What a release reads of its cluster's renders: values objects and Flux sources. */
interface ClusterFinder {
  readonly find: FindValuesObject;
  readonly findSource: FindSource;
}

/** Kinds of `source.toolkit.fluxcd.io` a chart may come through. */
const CHART_SOURCE_KINDS = new Set(['HelmRepository', 'OCIRepository', 'HelmChart']);

/** Finds ConfigMaps, Secrets and chart sources among the renders of one cluster. */
function createFinder(hosts: readonly ReleaseHost[]): (cluster: string | undefined) => ClusterFinder {
  const index = new Map<string, KubeObject>();
  for (const host of hosts) {
    for (const { body } of host.docs) {
      const kind = String(body.kind);
      const values = (kind === 'ConfigMap' || kind === 'Secret') && body.apiVersion === 'v1';
      if (!values && !(CHART_SOURCE_KINDS.has(kind) && getApiGroup(String(body.apiVersion)) === 'source.toolkit.fluxcd.io')) continue;
      index.set(`${host.cluster ?? ''}\0${kind}\0${readNamespace(body, 'default')}\0${String(getMetadata(body).name)}`, body);
    }
  }
  return (cluster) => {
    const lookup = (kind: string, namespace: string, name: string): KubeObject | undefined => index.get(`${cluster ?? ''}\0${kind}\0${namespace}\0${name}`);
    return { find: lookup, findSource: lookup };
  };
}

/** Whether a release renders alike on both sides: the same object, the same values, the same chart files. */
function readsAlike(old: Found, current: Found, before: HelmSide, after: HelmSide, finders: { before: ReturnType<typeof createFinder>; after: ReturnType<typeof createFinder> }): boolean {
  if (JSON.stringify(old.body) !== JSON.stringify(current.body)) return false;
  const values = (found: Found, finder: ReturnType<typeof createFinder>): string => JSON.stringify(composeReleaseValues(found.body, finder(found.host.cluster).find));
  if (values(old, finders.before) !== values(current, finders.after)) return false;
  const request = (found: Found, side: HelmSide, finder: ReturnType<typeof createFinder>): ChartRequest =>
    resolveChartRequest(found.body, { check: side.check, tree: side.tree, findSource: finder(found.host.cluster).findSource, ...(found.host.cluster !== undefined ? { cluster: found.host.cluster } : {}) });
  const chartBefore = request(old, before, finders.before);
  const chartAfter = request(current, after, finders.after);
  // A remote chart asked for alike is the same chart: both sides would fetch it now.
  if (!('kind' in chartBefore) || !('kind' in chartAfter) || chartBefore.kind !== 'folder' || chartAfter.kind !== 'folder') return JSON.stringify(chartBefore) === JSON.stringify(chartAfter);
  // Values files of this checkout may have changed anywhere in it: such a release is rendered.
  if (chartBefore.valuesFiles || chartAfter.valuesFiles) return false;
  return hashFolder(chartBefore.dir) === hashFolder(chartAfter.dir);
}

/** The release's objects: `templates/` only. */
function toReleaseDocs(rendered: { readonly documents: readonly HelmDocument[] }): ManifestDoc[] {
  return rendered.documents.filter((document) => document.part === 'templates').map((document) => ({ body: document.body }));
}

/** Objects marked `helm.sh/resource-policy: keep` that the side after no longer renders stay in the cluster: not among the side before's. */
function dropKept(docs: ManifestDoc[], after: readonly ManifestDoc[]): ManifestDoc[] {
  const identity = (body: KubeObject): string => {
    const metadata = getMetadata(body);
    return `${getApiGroup(String(body.apiVersion))}\0${String(body.kind)}\0${String(metadata.namespace ?? '')}\0${String(metadata.name)}`;
  };
  const present = new Set(after.map(({ body }) => identity(body)));
  return docs.filter(({ body }) => {
    const annotations = getMetadata(body).annotations;
    const kept = isRecord(annotations) && annotations['helm.sh/resource-policy'] === 'keep';
    return !kept || present.has(identity(body));
  });
}
