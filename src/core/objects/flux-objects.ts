/**
 * Flux objects as kustomize-controller and helm-controller read them: the fields of a
 * Kustomization that decide how it builds and what it prunes, and the HelmRelease fields
 * whose change reinstalls a release.
 */
import { createHash } from 'node:crypto';
import { getApiGroup, getMetadata, isRecord, readNamespace, type KubeObject } from './kube-objects.ts';

/** API group of Flux Kustomizations. */
export const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';

/** API group of Flux HelmReleases. */
export const FLUX_HELM_GROUP = 'helm.toolkit.fluxcd.io';

/** Kustomization API versions whose spec this model reads (v1beta2 fields are a subset of v1). */
const SUPPORTED_VERSIONS = new Set(['v1', 'v1beta2', 'v1beta1']);

/** `spec.deletionPolicy` values. */
export const DeletionPolicies = {
  mirrorPrune: 'MirrorPrune',
  delete: 'Delete',
  waitForTermination: 'WaitForTermination',
  orphan: 'Orphan',
} as const;

/** One of {@link DeletionPolicies}. */
export type DeletionPolicy = (typeof DeletionPolicies)[keyof typeof DeletionPolicies];

/** A namespaced reference. */
export interface NamespacedName {
  /** metadata.namespace */
  readonly namespace: string;
  /** metadata.name */
  readonly name: string;
}

/** `spec.sourceRef`. */
export interface SourceRef extends NamespacedName {
  /** GitRepository, OCIRepository or Bucket. */
  readonly kind: string;
}

/** `spec.postBuild.substituteFrom[]`. */
export interface SubstituteFrom {
  /** ConfigMap or Secret. */
  readonly kind: string;
  /** Its name, in the Kustomization's namespace. */
  readonly name: string;
  /** Tolerate its absence. */
  readonly optional: boolean;
}

/** The fields of a Flux Kustomization that decide how it builds and what it prunes. */
export interface FluxKustomization extends NamespacedName {
  /** `namespace/name`, the owner key of everything it applies. */
  readonly key: string;
  /** apiVersion as written. */
  readonly apiVersion: string;
  /** `spec.path` relative to the source root, without `./` or a trailing slash; `''` is the root. */
  readonly path: string;
  /** `spec.prune`. */
  readonly prune: boolean;
  /** `spec.deletionPolicy`, `MirrorPrune` when unset. */
  readonly deletionPolicy: DeletionPolicy;
  /** `spec.suspend`. */
  readonly suspend: boolean;
  /** `spec.force`: an apply the API server rejects (an immutable field) deletes and recreates the object instead. */
  readonly force: boolean;
  /** `spec.sourceRef`, namespace defaulted to the Kustomization's. */
  readonly sourceRef: SourceRef;
  /** `spec.targetNamespace`. */
  readonly targetNamespace?: string;
  /** `spec.namePrefix`. */
  readonly namePrefix?: string;
  /** `spec.nameSuffix`. */
  readonly nameSuffix?: string;
  /** `spec.patches`, as written. */
  readonly patches: readonly unknown[];
  /** `spec.patchesStrategicMerge` of v1beta1 and v1beta2, as written (gone in v1). */
  readonly patchesStrategicMerge: readonly unknown[];
  /** `spec.patchesJson6902` of v1beta1 and v1beta2: `{target, patch}` with the operations as written (gone in v1). */
  readonly patchesJson6902: readonly Record<string, unknown>[];
  /** `spec.images`, as written. */
  readonly images: readonly Record<string, unknown>[];
  /** `spec.components`. */
  readonly components: readonly string[];
  /** `spec.commonMetadata`, applied by the controller to every object before apply. */
  readonly commonMetadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations: Readonly<Record<string, string>> };
  /** `spec.postBuild.substitute`. */
  readonly substitute: Readonly<Record<string, string>>;
  /** `spec.postBuild.substituteFrom`. */
  readonly substituteFrom: readonly SubstituteFrom[];
  /** `spec.dependsOn`, namespaces defaulted. */
  readonly dependsOn: readonly NamespacedName[];
}

/** Returns `namespace/name`. */
export function formatNamespacedName({ namespace, name }: NamespacedName): string {
  return `${namespace}/${name}`;
}

/** Returns true for a Flux Kustomization object (any API version). */
export function isFluxKustomization(body: KubeObject): boolean {
  return body.kind === 'Kustomization' && getApiGroup(String(body.apiVersion)) === FLUX_KUSTOMIZE_GROUP;
}

/** Returns true for a Flux HelmRelease object. */
export function isHelmRelease(body: KubeObject): boolean {
  return body.kind === 'HelmRelease' && getApiGroup(String(body.apiVersion)) === FLUX_HELM_GROUP;
}

/**
 * Reads a Flux Kustomization. Returns undefined for other objects and for API versions
 * whose spec this model does not know (v1beta1 predates prune semantics used here).
 */
export function readFluxKustomization(body: KubeObject): FluxKustomization | undefined {
  if (!isFluxKustomization(body)) return undefined;
  const apiVersion = String(body.apiVersion);
  if (!SUPPORTED_VERSIONS.has(apiVersion.slice(apiVersion.indexOf('/') + 1))) return undefined;
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  // Flux objects without a namespace land in the namespace of whoever applies them;
  // flux-system is where bootstrap and the Flux CLI put them.
  const namespace = readNamespace(body, 'flux-system');
  const spec = isRecord(body.spec) ? body.spec : {};
  const sourceRef = isRecord(spec.sourceRef) ? spec.sourceRef : {};
  const postBuild = isRecord(spec.postBuild) ? spec.postBuild : {};
  const commonMetadata = isRecord(spec.commonMetadata) ? spec.commonMetadata : {};
  const policy = String(spec.deletionPolicy ?? DeletionPolicies.mirrorPrune);
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    apiVersion,
    path: normalizeFluxPath(typeof spec.path === 'string' ? spec.path : ''),
    prune: spec.prune === true,
    deletionPolicy: (Object.values(DeletionPolicies) as string[]).includes(policy)
      ? (policy as DeletionPolicy)
      : DeletionPolicies.mirrorPrune,
    suspend: spec.suspend === true,
    force: spec.force === true,
    sourceRef: {
      kind: String(sourceRef.kind ?? 'GitRepository'),
      name: String(sourceRef.name ?? ''),
      namespace: typeof sourceRef.namespace === 'string' && sourceRef.namespace !== '' ? sourceRef.namespace : namespace,
    },
    ...(typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '' ? { targetNamespace: spec.targetNamespace } : {}),
    ...(typeof spec.namePrefix === 'string' && spec.namePrefix !== '' ? { namePrefix: spec.namePrefix } : {}),
    ...(typeof spec.nameSuffix === 'string' && spec.nameSuffix !== '' ? { nameSuffix: spec.nameSuffix } : {}),
    patches: Array.isArray(spec.patches) ? spec.patches : [],
    // The older versions' patch fields; v1 dropped them, so a v1 object never carries them into a build.
    patchesStrategicMerge: !apiVersion.endsWith('/v1') && Array.isArray(spec.patchesStrategicMerge) ? spec.patchesStrategicMerge : [],
    patchesJson6902: !apiVersion.endsWith('/v1') && Array.isArray(spec.patchesJson6902) ? spec.patchesJson6902.filter(isRecord) : [],
    images: Array.isArray(spec.images) ? spec.images.filter(isRecord) : [],
    components: Array.isArray(spec.components) ? spec.components.filter((item): item is string => typeof item === 'string') : [],
    commonMetadata: {
      labels: toStringRecord(commonMetadata.labels),
      annotations: toStringRecord(commonMetadata.annotations),
    },
    substitute: toStringRecord(postBuild.substitute),
    substituteFrom: (Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : []).filter(isRecord).map((ref) => ({
      kind: String(ref.kind ?? 'ConfigMap'),
      name: String(ref.name ?? ''),
      optional: ref.optional === true,
    })),
    dependsOn: (Array.isArray(spec.dependsOn) ? spec.dependsOn : []).filter(isRecord).map((ref) => ({
      name: String(ref.name ?? ''),
      namespace: typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespace,
    })),
  };
}

/** Returns `spec.path` as a clean relative path: `./clusters/prod/` -> `clusters/prod`, `./` -> `''`. */
export function normalizeFluxPath(path: string): string {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return parts.join('/');
}

/**
 * True when deleting the Kustomization object deletes what it applied
 * (kustomize-controller `finalizerShouldDeleteResources`).
 */
export function deletesInventoryOnDeletion(ks: Pick<FluxKustomization, 'prune' | 'deletionPolicy' | 'suspend'>): boolean {
  if (ks.suspend) return false;
  switch (ks.deletionPolicy) {
    case DeletionPolicies.delete:
    case DeletionPolicies.waitForTermination:
      return true;
    case DeletionPolicies.orphan:
      return false;
    default:
      return ks.prune;
  }
}

/** The HelmRelease fields whose change uninstalls and reinstalls the release. */
export interface HelmReleaseIdentity {
  /** The Helm release name: `spec.releaseName`, else `[targetNamespace-]name`, shortened past 53 characters. */
  readonly releaseName: string;
  /** Where the release's objects go. */
  readonly targetNamespace: string;
  /** Where Helm keeps the release state. */
  readonly storageNamespace: string;
  /** The chart name (`spec.chart.spec.chart`), or the `chartRef` kind/name. */
  readonly chart: string;
}

/** Reads the fields of a HelmRelease that name its release. */
export function readHelmReleaseIdentity(body: KubeObject): HelmReleaseIdentity {
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  const namespace = readNamespace(body, 'default');
  const spec = isRecord(body.spec) ? body.spec : {};
  const targetNamespace = typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '' ? spec.targetNamespace : namespace;
  const chartTemplate = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const chartRef = isRecord(spec.chartRef) ? spec.chartRef : undefined;
  const defaultRelease = typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '' ? `${spec.targetNamespace}-${name}` : name;
  return {
    releaseName: shortenReleaseName(typeof spec.releaseName === 'string' && spec.releaseName !== '' ? spec.releaseName : defaultRelease),
    targetNamespace,
    storageNamespace: typeof spec.storageNamespace === 'string' && spec.storageNamespace !== '' ? spec.storageNamespace : namespace,
    chart: typeof chartTemplate.chart === 'string' ? chartTemplate.chart : chartRef ? `${String(chartRef.kind)}/${String(chartRef.name)}` : '',
  };
}

/** The longest release name Helm takes. */
const MAX_RELEASE_NAME = 53;

/**
 * The release name as helm-controller shortens it (its `release.ShortenName`): a name past 53
 * characters becomes its first 40, a `-`, and the first 12 hex digits of its SHA-256.
 * Object names and namespaces are ASCII, so characters count as Go's bytes do.
 */
export function shortenReleaseName(name: string): string {
  if (name.length <= MAX_RELEASE_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${name.slice(0, MAX_RELEASE_NAME - hash.length - 1)}-${hash}`;
}

function toStringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  // Flux strips newlines from substitution values; harmless for labels and annotations.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item).replace(/\n/g, '')]));
}
