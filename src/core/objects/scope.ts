/**
 * Which kinds are cluster-scoped. Flux's inventory records the namespace the API server
 * returns, and the server drops any namespace kustomize put on a cluster-scoped object,
 * so identity must drop it too.
 */

/**
 * Built-in cluster-scoped kinds of Kubernetes 1.30 to 1.36, keyed by API group
 * (`""` is the core group). Scope belongs to group and kind, never to the version.
 */
export const BUILTIN_CLUSTER_SCOPED: Readonly<Record<string, readonly string[]>> = {
  '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'admissionregistration.k8s.io': [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
  ],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'internal.apiserver.k8s.io': ['StorageVersion'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  'node.k8s.io': ['RuntimeClass'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice', 'DeviceTaintRule', 'ResourceClass', 'ResourcePoolStatusRequest'],
  'scheduling.k8s.io': ['PriorityClass'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'storagemigration.k8s.io': ['StorageVersionMigration'],
  'authentication.k8s.io': ['TokenReview', 'SelfSubjectReview'],
  'authorization.k8s.io': ['SubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
  // Removed from the API in 1.25 but still found in old manifests (Calico <= 3.28 ships one).
  policy: ['PodSecurityPolicy'],
};

/** A group and kind, the unit of scope. */
export interface GroupKind {
  /** API group, `""` for the core group. */
  readonly group: string;
  /** Kind, e.g. `ClusterRole`. */
  readonly kind: string;
}

/** Scope of a kind: `unknown` for a custom kind whose CRD is in no render. */
export type Scope = 'cluster' | 'namespaced' | 'unknown';

/**
 * API groups served by Kubernetes itself: a kind of these groups that is not in
 * {@link BUILTIN_CLUSTER_SCOPED} is namespaced.
 */
export const BUILTIN_API_GROUPS: ReadonlySet<string> = new Set([
  ...Object.keys(BUILTIN_CLUSTER_SCOPED),
  'apps',
  'autoscaling',
  'batch',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
]);

/**
 * Flux's own API groups (the toolkit controllers, source-watcher and the Flux Operator):
 * every kind they define is namespaced. Repositories rarely commit these CRDs (bootstrap or
 * the operator installs them), and a pull request touches a HelmRelease or Kustomization
 * more often than anything else, so their scope is known without a render of the CRD. A
 * CRD in a render that says otherwise still wins.
 */
export const FLUX_API_GROUPS: ReadonlySet<string> = new Set([
  'fluxcd.controlplane.io',
  'helm.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
  'kustomize.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'source.extensions.fluxcd.io',
  'source.toolkit.fluxcd.io',
]);

/** Answers the scope of a group/kind. */
export interface ScopeResolver {
  /** Cluster for cluster-scoped kinds, namespaced for namespaced ones, unknown when nothing says. */
  getScope(groupKind: GroupKind): Scope;
}

/** Returns the map key of a group/kind. */
export function formatGroupKind({ group, kind }: GroupKind): string {
  return group === '' ? kind : `${kind}.${group}`;
}

/**
 * Creates a resolver from the built-in table, CRDs seen in any render (their `spec.scope`),
 * kinds the user declares cluster-scoped and Flux's own groups.
 */
export function createScopeResolver(
  crdScopes: Iterable<{ groupKind: GroupKind; clusterScoped: boolean }>,
  extraClusterScoped: Iterable<GroupKind> = [],
): ScopeResolver {
  const cluster = new Set<string>();
  const namespaced = new Set<string>();
  for (const [group, kinds] of Object.entries(BUILTIN_CLUSTER_SCOPED)) {
    for (const kind of kinds) cluster.add(formatGroupKind({ group, kind }));
  }
  for (const groupKind of extraClusterScoped) cluster.add(formatGroupKind(groupKind));
  for (const { groupKind, clusterScoped } of crdScopes) {
    (clusterScoped ? cluster : namespaced).add(formatGroupKind(groupKind));
  }
  return {
    getScope: (groupKind) => {
      const key = formatGroupKind(groupKind);
      if (cluster.has(key)) return 'cluster';
      if (namespaced.has(key) || BUILTIN_API_GROUPS.has(groupKind.group) || FLUX_API_GROUPS.has(groupKind.group)) return 'namespaced';
      return 'unknown';
    },
  };
}
