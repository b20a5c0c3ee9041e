/**
 * Immutable fields: a change to a field the API server refuses to update. Flux's apply of the
 * whole Kustomization then fails (kustomize-controller dry-runs every object of a stage before
 * it applies any, and prunes nothing after a failed apply), helm-controller's upgrade fails,
 * and plain `kubectl apply` refuses that object. With the Kustomization's `spec.force`, or
 * `kustomize.toolkit.fluxcd.io/force: enabled` on the object in the repository or in the
 * cluster, Flux deletes the object (background propagation, so what it owns goes too) and
 * creates it again instead (fluxcd/pkg ssa, `shouldForceApply`).
 *
 * {@link IMMUTABLE_FIELDS} is the one place that knows which fields are immutable. Each entry
 * compares the two renders the way the API server compares the live object with the applied
 * one (apimachinery's `Semantic.DeepEqual`: unset, null and empty alike, quantities by value).
 * Where the live value is one the server chose (a Service's allocated IP, a claim's bound
 * volume, a Job's generated selector), an entry flags nothing: a false alarm costs as much
 * trust as a miss. CRDs are left to crd-versions.ts, which judges `spec.scope`.
 */
import type { SecretKeyChanges } from '../diff/diff-object-sets.ts';
import { readHelmReleaseIdentity } from '../objects/flux-objects.ts';
import { formatObjectKey, formatObjectRef, getMetadata, isRecord, type KubeObject, type ResourceObject } from '../objects/kube-objects.ts';
import { formatGroupKind } from '../objects/scope.ts';
import type { ChangeRuleInput } from './change-rule-input.ts';
import { fillPodDefaults } from './pod-defaults.ts';
import { Rules, type Finding, type Severity } from './findings.ts';
import type { UnitDiff } from './removal-rules.ts';

/** Both sides of one changed object, as an entry reads them. */
interface Sides {
  readonly before: KubeObject;
  readonly after: KubeObject;
  /** For a Secret: which keys changed, as the diff tells without values. */
  readonly secretKeys?: SecretKeyChanges;
}

/** One immutable field (or a few that go together) of some kinds. */
interface ImmutableField {
  /** Kinds as formatGroupKind writes them: `Deployment.apps`, `Service`. */
  readonly kinds: readonly string[];
  /** The refused changes as a message names them (`spec.selector`), none when the API server takes the change. */
  readonly refuse: (sides: Sides) => readonly string[];
}

/** Reads a dotted path (`spec.selector`); undefined where any step is missing. */
function readPath(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}

const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d{1,3}))?$/;

/**
 * Parses a Kubernetes quantity (`10Gi`, `1.5G`, `512Mi`, `500m`, `1e3`, a bare number) into
 * nano-units, rounded up as apimachinery's `resource.Quantity` rounds below its nano
 * precision; undefined for anything that is no quantity.
 */
export function parseQuantity(value: unknown): bigint | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign, number = '', binary, decimal, exponent] = match;
  const [whole = '', fraction = ''] = number.split('.');
  let nanos = BigInt(`${whole}${fraction}` || '0') * 2n ** BigInt(binary ? (BINARY_SUFFIXES[binary] ?? 0) : 0);
  const power = 9 - fraction.length + (decimal ? (DECIMAL_SUFFIXES[decimal] ?? 0) : exponent ? Number(exponent) : 0);
  if (power >= 0) nanos *= 10n ** BigInt(power);
  else nanos = (nanos + 10n ** BigInt(-power) - 1n) / 10n ** BigInt(-power);
  return sign === '-' ? -nanos : nanos;
}

/**
 * The value as the API server compares it: null, empty lists and empty maps count as unset,
 * map keys in no order, and the quantities of `resources.requests`/`limits` by value (`1Gi`
 * equals `1024Mi`). Undefined when unset.
 */
function canonicalize(value: unknown, key = '', parentKey = ''): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalize(item) ?? null);
    return items.length === 0 ? undefined : items;
  }
  if (!isRecord(value)) return value;
  const quantities = parentKey === 'resources' && (key === 'requests' || key === 'limits');
  const entries = Object.keys(value)
    .sort()
    .flatMap((name): Array<[string, unknown]> => {
      const quantity = quantities ? parseQuantity(value[name]) : undefined;
      const item = quantity !== undefined ? `${quantity}n` : canonicalize(value[name], name, key);
      return item === undefined ? [] : [[name, item]];
    });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** True when two values are the same to the API server; unset equals unset. */
function isSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonicalize(a)) === JSON.stringify(canonicalize(b));
}

/**
 * An entry for one field compared as is. `fallback` is the API server's default for an unset
 * field (`podManagementPolicy: OrderedReady`); without one, a field unset on either side is
 * not judged, because the live value is then the server's or the manifest is invalid anyway.
 */
function compareField(kinds: readonly string[], path: string, fallback?: unknown): ImmutableField {
  return {
    kinds,
    refuse: ({ before, after }) => {
      const [old, current] = [readPath(before, path), readPath(after, path)].map((value) => canonicalize(value) ?? fallback);
      return old === undefined || current === undefined || isSame(old, current) ? [] : [path];
    },
  };
}

const [PVC, PV] = [['PersistentVolumeClaim'], ['PersistentVolume']];
const SECRET_TYPE = compareField(['Secret'], 'type', 'Opaque');

/**
 * A StatefulSet's claim templates as compared: the API server defaults `volumeMode` and
 * `status.phase` in them and sets their `apiVersion` and `kind` itself (kubernetes#87706),
 * on both sides alike.
 */
function readClaimTemplates(body: KubeObject): unknown {
  const templates = readPath(body, 'spec.volumeClaimTemplates');
  if (!Array.isArray(templates)) return templates;
  return templates.map((template: unknown) => {
    if (!isRecord(template)) return template;
    const { apiVersion: _apiVersion, kind: _kind, status: _status, ...rest } = template;
    const spec = isRecord(rest.spec) ? rest.spec : {};
    return { ...rest, spec: { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' } };
  });
}

/**
 * A Job that may well be gone from the cluster: `ttlSecondsAfterFinished` deletes it once it
 * finishes, and Flux then creates it anew from the manifest, changed or not. Whether it still
 * exists is unknown, so its changes are not judged.
 */
function mayBeDeletedJob(body: KubeObject): boolean {
  return (readPath(body, 'spec.ttlSecondsAfterFinished') ?? null) !== null;
}

/**
 * A Job's pod template without the scheduling directives Kubernetes lets a suspended Job that
 * never started change (Job docs, "Mutable Scheduling Directives", GA in 1.27: node affinity,
 * node selector, tolerations, labels, annotations, scheduling gates).
 */
function stripSchedulingDirectives(template: unknown): unknown {
  if (!isRecord(template)) return template;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const spec = isRecord(template.spec) ? template.spec : {};
  const { labels: _labels, annotations: _annotations, ...keptMetadata } = metadata;
  const { nodeSelector: _nodeSelector, tolerations: _tolerations, schedulingGates: _gates, ...keptSpec } = spec;
  const affinity = isRecord(spec.affinity) ? { ...spec.affinity, nodeAffinity: undefined } : spec.affinity;
  return { ...template, metadata: keptMetadata, spec: { ...keptSpec, affinity } };
}

/** A Service's cluster IPs, primary first: `clusterIPs` when set, else `clusterIP`. */
function readClusterIPs(body: KubeObject): string[] {
  const ips = readPath(body, 'spec.clusterIPs');
  if (Array.isArray(ips) && ips.length > 0) return ips.map(String);
  const ip = readPath(body, 'spec.clusterIP');
  return typeof ip === 'string' && ip !== '' ? [ip] : [];
}

/** The fields of a PersistentVolume's `spec` that name its storage (core/v1 PersistentVolumeSource). */
const VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs',
  'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
];

/** Drops `""` and `false`: the in-tree volume sources hold plain Go strings and booleans, where unset is the zero value. */
function dropZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropZeroValues);
  if (!isRecord(value)) return value === '' || value === false ? undefined : value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, dropZeroValues(item)]));
}

/** Compares a ConfigMap's or Secret's data once the live object says `immutable: true`. */
function refuseImmutableData(sides: Sides, dataFields: readonly string[]): string[] {
  if (readPath(sides.before, 'immutable') !== true) return [];
  const refused = readPath(sides.after, 'immutable') === true ? [] : ['immutable'];
  const keys = sides.secretKeys;
  // A Secret's values are redacted in the renders: its key digests tell whether data changed.
  const dataChanged = keys ? keys.added.length + keys.removed.length + keys.changed.length > 0 : dataFields.some((field) => !isSame(sides.before[field], sides.after[field]));
  return dataChanged ? [...refused, 'data'] : refused;
}

/**
 * Every immutable field prune-guard knows, each with the Kubernetes reference that says so.
 * Entries flag nothing where the live value may differ from the manifest before the change.
 */
const IMMUTABLE_FIELDS: readonly ImmutableField[] = [
  // Deployment, ReplicaSet, DaemonSet: spec.selector is immutable from apps/v1beta2 on
  // (kubernetes#50808; the Deployment docs, "Label selector updates"): their registry
  // strategies refuse it for every API group but extensions/v1beta1, which no supported
  // cluster serves. StatefulSet: next entry. kustomize's commonLabels write selectors too.
  compareField(['Deployment.apps', 'ReplicaSet.apps', 'DaemonSet.apps', 'StatefulSet.apps'], 'spec.selector'),
  // StatefulSet: apps validation (ValidateStatefulSetUpdate) forbids "updates to statefulset
  // spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy',
  // 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds'".
  // serviceName may be unset (""), podManagementPolicy defaults to OrderedReady.
  compareField(['StatefulSet.apps'], 'spec.serviceName', ''),
  compareField(['StatefulSet.apps'], 'spec.podManagementPolicy', 'OrderedReady'),
  {
    // Same rule; kustomize's commonLabels/labels also write into these templates' labels.
    kinds: ['StatefulSet.apps'],
    refuse: ({ before, after }) => (isSame(readClaimTemplates(before), readClaimTemplates(after)) ? [] : ['spec.volumeClaimTemplates']),
  },
  {
    // Job: batch validation (ValidateJobSpecUpdate) keeps spec.selector immutable. Unset, the
    // API server generates it from the Job's uid, so a selector written later can never match
    // it. One removed from the manifest is not judged: whether Flux's apply drops it is not
    // certain enough.
    kinds: ['Job.batch'],
    refuse: ({ before, after }) => {
      if (mayBeDeletedJob(before)) return [];
      const [old, current] = [canonicalize(readPath(before, 'spec.selector')), canonicalize(readPath(after, 'spec.selector'))];
      return current !== undefined && (old === undefined || !isSame(old, current)) ? ['spec.selector'] : [];
    },
  },
  {
    // Job: batch validation keeps spec.template immutable (validatePodTemplateUpdate) apart
    // from what Kubernetes relaxed: the scheduling directives of a suspended Job that never
    // ran (KEP-2926, GA in 1.27), and the container resources of a suspended Job (KEP-5440,
    // alpha in 1.35, beta in 1.36; not relied on here). Whether a suspended Job ever ran is
    // not in the renders, so a suspended Job whose change stays within the scheduling
    // directives is not judged; any other template change is flagged.
    kinds: ['Job.batch'],
    refuse: ({ before, after }) => {
      // The live template holds the API server's pod defaults, written or not.
      const [old, current] = [fillPodDefaults(readPath(before, 'spec.template')), fillPodDefaults(readPath(after, 'spec.template'))];
      if (mayBeDeletedJob(before) || isSame(old, current)) return [];
      const suspended = readPath(before, 'spec.suspend') === true && readPath(after, 'spec.suspend') === true;
      return suspended && isSame(stripSchedulingDirectives(old), stripSchedulingDirectives(current)) ? [] : ['spec.template'];
    },
  },
  {
    // Service: API reference, ServiceSpec.clusterIP/clusterIPs: "This field may not be changed
    // through updates unless the type field is also being changed to ExternalName (which
    // requires this field to be blank) or the type field is being changed from ExternalName".
    // core validation (validateUpgradeDowngradeClusterIPs) skips ExternalName on either side,
    // and the registry (dropTypeDependentFields) clears an unchanged IP itself on a switch to
    // ExternalName. An IP left out of the manifest keeps the allocated one (patchAllocatedValues),
    // so ClusterIP to NodePort or LoadBalancer changes nothing. The allocated IP is unknown:
    // pinning one that was not written before may match it, while "None" never can: a Service
    // with an IP cannot become headless, nor a headless one get an IP.
    kinds: ['Service'],
    refuse: ({ before, after }) => {
      if (readPath(before, 'spec.type') === 'ExternalName' || readPath(after, 'spec.type') === 'ExternalName') return [];
      const [old, current] = [readClusterIPs(before), readClusterIPs(after)];
      const [oldPrimary, primary] = [old[0], current[0]];
      if (primary === undefined) return [];
      if (oldPrimary === undefined) return primary === 'None' ? ['spec.clusterIP from an allocated IP to None'] : [];
      if (oldPrimary !== primary) return [`spec.clusterIP from ${oldPrimary} to ${primary}`];
      const [oldSecondary, secondary] = [old[1], current[1]];
      // A second family may be added or dropped (dual-stack); a changed one is refused.
      return oldSecondary !== undefined && secondary !== undefined && oldSecondary !== secondary ? [`spec.clusterIPs[1] from ${oldSecondary} to ${secondary}`] : [];
    },
  },
  // PersistentVolumeClaim: core validation (ValidatePersistentVolumeClaimUpdate): "spec is
  // immutable after creation except resources.requests and volumeAttributesClassName for
  // bound claims". An unset storageClassName may be set once (the default class, assigned
  // retroactively), an unset volumeName is the binder's: only both sides written are judged.
  compareField(PVC, 'spec.storageClassName'),
  compareField(PVC, 'spec.accessModes'),
  compareField(PVC, 'spec.volumeName'),
  compareField(PVC, 'spec.volumeMode', 'Filesystem'),
  {
    // Same validation: the storage request may grow (volume expansion) but "can not be less
    // than previous value" (with RecoverVolumeExpansionFailure: not at or below
    // status.capacity, which a completed expansion brought up to the old request).
    kinds: PVC,
    refuse: ({ before, after }) => {
      const [old, current] = [readPath(before, 'spec.resources.requests.storage'), readPath(after, 'spec.resources.requests.storage')];
      const [oldSize, size] = [parseQuantity(old), parseQuantity(current)];
      return oldSize !== undefined && size !== undefined && size < oldSize ? [`spec.resources.requests.storage from ${String(old)} down to ${String(current)} (a claim can grow, never shrink)`] : [];
    },
  },
  {
    // PersistentVolume: core validation (ValidatePersistentVolumeUpdate):
    // "spec.persistentvolumesource is immutable after creation". Reclaim policy, capacity,
    // claimRef and mount options may change.
    kinds: PV,
    refuse: ({ before, after }) =>
      VOLUME_SOURCES.filter((source) => !isSame(dropZeroValues(readPath(before, `spec.${source}`)), dropZeroValues(readPath(after, `spec.${source}`)))).map((source) => `spec.${source}`),
  },
  // Same validation: ValidateImmutableField on the volume's volumeMode (default Filesystem).
  compareField(PV, 'spec.volumeMode', 'Filesystem'),
  // RoleBinding, ClusterRoleBinding: API reference, roleRef: "This field is immutable."
  // rbac/v1 defaults roleRef.apiGroup to rbac.authorization.k8s.io: written or not, the same.
  {
    kinds: ['RoleBinding.rbac.authorization.k8s.io', 'ClusterRoleBinding.rbac.authorization.k8s.io'],
    refuse: ({ before, after }) => {
      const withDefault = (body: unknown): unknown => {
        const ref = readPath(body, 'roleRef');
        return isRecord(ref) ? { apiGroup: 'rbac.authorization.k8s.io', ...ref } : ref;
      };
      const [old, current] = [withDefault(before), withDefault(after)];
      return old === undefined || current === undefined || isSame(old, current) ? [] : ['roleRef'];
    },
  },
  {
    // ConfigMap: API reference, immutable: "if set to true, ensures that data stored in the
    // ConfigMap cannot be updated (only object metadata can be modified)"; validation also
    // refuses unsetting it. A generated ConfigMap changes its name instead, and is no change.
    kinds: ['ConfigMap'],
    refuse: (sides) => refuseImmutableData(sides, ['data', 'binaryData']),
  },
  {
    // Secret: the same for `immutable: true` (ValidateSecretUpdate), and its type never
    // changes ("ValidateImmutableField(newSecret.Type, oldSecret.Type)"; unset is Opaque).
    kinds: ['Secret'],
    refuse: (sides) => [...refuseImmutableData(sides, ['data']), ...SECRET_TYPE.refuse(sides)],
  },
];

/** True when a label or annotation `key` of the object has `value` (compared case-insensitively). */
function carries(body: KubeObject, key: string, value: string): boolean {
  const metadata = getMetadata(body);
  return [metadata.labels, metadata.annotations].some((values) => isRecord(values) && typeof values[key] === 'string' && values[key].toLowerCase() === value);
}

/**
 * True when Flux does not apply the object: `reconcile: disabled` or `ssa: Ignore` on either
 * side (the live object counts), or `ssa: IfNotPresent` on the manifest of an object that exists.
 */
function isSkippedByFlux(before: KubeObject, after: KubeObject): boolean {
  const excluded = (body: KubeObject): boolean => carries(body, 'kustomize.toolkit.fluxcd.io/reconcile', 'disabled') || carries(body, 'kustomize.toolkit.fluxcd.io/ssa', 'ignore');
  return excluded(before) || excluded(after) || carries(after, 'kustomize.toolkit.fluxcd.io/ssa', 'ifnotpresent');
}

/**
 * True when helm-controller uninstalls and reinstalls the release instead of upgrading it
 * (helmrelease-reinstalled says so): nothing is updated in place then.
 */
function isReinstalledRelease(unit: UnitDiff, units: readonly UnitDiff[]): boolean {
  const origin = unit.helm;
  if (!origin) return false;
  const [namespace = '', name = ''] = origin.release.split('/');
  const key = formatObjectKey({ group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease', namespace, name });
  const parent = units.find((candidate) => candidate.unit === origin.parent);
  const [before, after] = [parent?.before.get(key), parent?.after.get(key)];
  if (!before || !after) return false;
  const [old, current] = [readHelmReleaseIdentity(before.body), readHelmReleaseIdentity(after.body)];
  if (old.releaseName !== current.releaseName || old.targetNamespace !== current.targetNamespace || old.storageNamespace !== current.storageNamespace) return true;
  const renamed = origin.chart?.before !== undefined && origin.chart.after !== undefined && origin.chart.before !== origin.chart.after;
  return renamed && readPath(after.body, 'spec.upgrade.chartNameChangeStrategy') !== 'InPlaceUpdate';
}

/** Joins field descriptions as a sentence does: `a`, `a and b`, `a, b and c`. */
function joinFields(fields: readonly string[]): string {
  return fields.length <= 1 ? (fields[0] ?? '') : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1] ?? ''}`;
}

/** What deleting and recreating the object costs, by kind: the severity and the clause that says it. */
function describeRecreation(object: ResourceObject, before: KubeObject): { severity: Severity; effect: string } {
  switch (formatGroupKind(object.id)) {
    case 'PersistentVolumeClaim':
      return { severity: 'error', effect: 'the new claim gets a new, empty volume, and the data goes with the old one (kept only under reclaim policy Retain)' };
    case 'PersistentVolume':
      return { severity: 'error', effect: 'a claim bound to it loses it, and under reclaim policy Delete its storage and data go with it' };
    case 'StatefulSet.apps':
      // The StatefulSet's own retention policy, on the live object, decides what its deletion takes.
      return readPath(before, 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted') === 'Delete'
        ? { severity: 'error', effect: 'its pods are deleted with it, and so are its PersistentVolumeClaims (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete): the data goes' }
        : { severity: 'warning', effect: 'its PersistentVolumeClaims stay, but its pods are deleted with it and start again' };
    case 'Deployment.apps':
    case 'ReplicaSet.apps':
    case 'DaemonSet.apps':
      return { severity: 'warning', effect: 'its pods are deleted with it and start again' };
    case 'Job.batch':
      return { severity: 'warning', effect: 'the Job runs again' };
    default:
      return { severity: 'warning', effect: 'for a moment it does not exist' };
  }
}

/** The finding for one object whose change the API server refuses. */
function describeRefusal(input: ChangeRuleInput, unit: UnitDiff, before: ResourceObject, after: ResourceObject, fields: readonly string[], flux: boolean): Finding {
  const base = { rule: Rules.immutableFieldChanged, unit: unit.unit, object: { ...after.id, apiVersion: after.apiVersion }, ...(after.provenance ? { provenance: after.provenance } : {}) };
  const refused = `${formatObjectRef(after.id)} changes ${joinFields(fields)}, which Kubernetes does not allow`;
  if (unit.helm) {
    // Helm's own --force replaces (PUT) and is refused alike: no recreation to describe.
    return { ...base, severity: 'error', message: `${refused}: the API server refuses helm-controller's upgrade of HelmRelease ${unit.helm.release}, which fails until fixed` };
  }
  if (!flux) return { ...base, severity: 'error', message: `${refused}: kubectl apply is rejected for it until it is deleted and created again` };
  // Flux recreates on its Kustomization's force, or the object's own opt-in on either side.
  const optedIn = [before.body, after.body].some((body) => carries(body, 'kustomize.toolkit.fluxcd.io/force', 'enabled'));
  const forced = input.force(unit.unit) ? 'spec.force' : optedIn ? 'kustomize.toolkit.fluxcd.io/force: enabled' : undefined;
  if (!forced) {
    return { ...base, severity: 'error', message: `${refused}: the apply is rejected, and ${unit.unit} stops reconciling until fixed (nothing else in it is applied or pruned)` };
  }
  const { severity, effect } = describeRecreation(after, before.body);
  return { ...base, severity, message: `${refused}, so Flux deletes and recreates it (${forced}): ${effect}` };
}

/**
 * The findings for changed objects whose change touches an immutable field: an error naming
 * the field, or with Flux's force, what deleting and recreating the object costs (an error
 * where data goes). Objects Flux does not apply (`reconcile: disabled`, `ssa: Ignore`,
 * `ssa: IfNotPresent`) and releases helm-controller reinstalls are not judged.
 */
export function describeImmutableChanges(input: ChangeRuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const unit of input.units) {
    if (isReinstalledRelease(unit, input.units)) continue;
    // A helm release's objects are helm-controller's, whatever Kustomization holds the release.
    const flux = !unit.helm && (input.fluxOwned?.(unit.unit) === true || input.force(unit.unit));
    for (const change of unit.diff.changed) {
      const kind = formatGroupKind(change.after.id);
      const entries = IMMUTABLE_FIELDS.filter((entry) => entry.kinds.includes(kind));
      if (entries.length === 0 || (flux && isSkippedByFlux(change.before.body, change.after.body))) continue;
      const sides: Sides = { before: change.before.body, after: change.after.body, ...(change.secretKeys ? { secretKeys: change.secretKeys } : {}) };
      const fields = entries.flatMap((entry) => entry.refuse(sides));
      if (fields.length > 0) findings.push(describeRefusal(input, unit, change.before, change.after, fields, flux));
    }
  }
  return findings;
}
