/**
 * What each rule means and what to do about it, in a sentence each: the rule metadata of
 * formats that describe rules apart from findings (SARIF's reportingDescriptor). A finding's
 * own message says what happens to its object; this says what the rule is about.
 */
import type { RuleId, Severity } from '../core/rules/findings.ts';

/** A rule as a reader meets it the first time. */
export interface RuleHelp {
  /** The severity most of its findings have; each finding still carries its own. */
  readonly severity: Severity;
  /** What the rule watches for, one short sentence. */
  readonly summary: string;
  /** What the finding means in the cluster and how to resolve it, one or two sentences. */
  readonly help: string;
  /** What it is about, for grouping: removals, Flux, Helm, CRDs, API versions, the control plane, the check itself. */
  readonly topic: 'prune' | 'flux' | 'helm' | 'crd' | 'api' | 'control-plane' | 'check';
}

/** Help for every rule; typed by rule id, so a new rule without help does not compile. */
export const RULE_HELP: Readonly<Record<RuleId, RuleHelp>> = {
  'config-changed': {
    severity: 'error',
    summary: 'The change edits the configuration of this check.',
    help: 'The check runs with the base branch\'s .prune-guard.yaml, so what the change edits there takes effect only after merge. Review the edit as a change to the check itself.',
    topic: 'check',
  },
  'reads-outside-repository': {
    severity: 'error',
    summary: 'A kustomization names a path outside the repository.',
    help: 'The unit is not rendered (nothing in it is judged) and kustomize-controller fails to build it. Keep every path inside the repository.',
    topic: 'check',
  },
  'build-failed': {
    severity: 'error',
    summary: 'A Flux Kustomization does not build.',
    help: 'Flux stops reconciling it and goes on with the others, so it is not judged. Fix the cause the message quotes.',
    topic: 'flux',
  },
  'kustomization-removed': {
    severity: 'warning',
    summary: 'A Flux Kustomization leaves its parent\'s render and its finalizer deletes what it applied.',
    help: 'Removing, renaming or moving a Kustomization deletes its inventory (deletionPolicy decides). To keep the objects, set deletionPolicy: Orphan on it and let that reach the cluster first, or keep it.',
    topic: 'flux',
  },
  'resourceset-removed': {
    severity: 'warning',
    summary: 'A Flux Operator ResourceSet is deleted and deletes everything it generated.',
    help: 'Its finalizer deletes its inventory. To rename it, follow the recipe in the message; to keep the objects, opt it out of deletion in a change of its own first.',
    topic: 'flux',
  },
  'crd-removed': {
    severity: 'error',
    summary: 'A CustomResourceDefinition is pruned.',
    help: 'The API server deletes every custom resource of its kind with it. Keep the CRD in the render (often a CRD file the change stopped listing), or mark it kustomize.toolkit.fluxcd.io/prune: disabled before it leaves.',
    topic: 'crd',
  },
  'namespace-removed': {
    severity: 'error',
    summary: 'A Namespace is pruned.',
    help: 'Everything in it is deleted with it. Keep it in the render, or mark it kustomize.toolkit.fluxcd.io/prune: disabled before it leaves.',
    topic: 'prune',
  },
  'object-moved': {
    severity: 'warning',
    summary: 'An object leaves one Kustomization and appears in another.',
    help: 'Whichever reconciles first wins; if the old owner prunes first, the object is deleted and created again empty. Follow the safe recipe in the message.',
    topic: 'flux',
  },
  'crd-missing': {
    severity: 'error',
    summary: 'A custom resource stays in the render while its CRD does not.',
    help: 'The apply fails and the Kustomization stops reconciling. Render the CRD too (a CRD file the change dropped).',
    topic: 'crd',
  },
  'helm-crd-skipped': {
    severity: 'warning',
    summary: 'A CRD new in a chart\'s crds/ is never created under a Skip CRD policy.',
    help: 'Objects of its kind fail to apply. Set install.crds and upgrade.crds to CreateReplace.',
    topic: 'helm',
  },
  'helm-crd-stale': {
    severity: 'warning',
    summary: 'A CRD in a chart\'s crds/ changes, and the cluster keeps the old one.',
    help: 'Helm does not update crds/ CRDs under Create or Skip. Set upgrade.crds to CreateReplace.',
    topic: 'helm',
  },
  'helm-kube-version': {
    severity: 'error',
    summary: 'A chart\'s kubeVersion refuses the configured Kubernetes version.',
    help: 'helm-controller fails the install or upgrade. Pick a chart version that supports the cluster\'s version, or correct kubernetesVersion.',
    topic: 'helm',
  },
  'helmrelease-not-rendered': {
    severity: 'notice',
    summary: 'A HelmRelease\'s chart could not be fetched or rendered.',
    help: 'What its upgrade, install or uninstall does is not judged. The message gives the reason (a host not allowed, a failing chart).',
    topic: 'helm',
  },
  'resourceset-not-rendered': {
    severity: 'notice',
    summary: 'A ResourceSet could not be rendered.',
    help: 'Its inputs come from an outside service or it uses a template function the check does not run, so what it generates and deletes is not judged.',
    topic: 'flux',
  },
  'immutable-field-changed': {
    severity: 'error',
    summary: 'A changed object edits a field the API server refuses to update.',
    help: 'The apply is rejected and the Kustomization stops until fixed; with Flux\'s force the object is deleted and created again. Keep the field, or replace the object under a new name.',
    topic: 'api',
  },
  'gc-rbac-removed': {
    severity: 'warning',
    summary: 'RBAC the garbage collector relies on leaves the renders.',
    help: 'Without it the collector\'s caches stop syncing and garbage collection stalls cluster-wide. Keep the binding and its role.',
    topic: 'control-plane',
  },
  'gc-rbac-missing': {
    severity: 'warning',
    summary: 'Calico\'s API server is added or changed without the RBAC the garbage collector needs.',
    help: 'Without get on tiers for system:kube-controller-manager, garbage collection stalls cluster-wide. Render Calico\'s calico-tier-getter ClusterRole and binding.',
    topic: 'control-plane',
  },
  'apiservice-changed': {
    severity: 'warning',
    summary: 'An aggregated APIService or its backend Service changes.',
    help: 'While the backend is unavailable, discovery of its group fails and deleted namespaces stay in Terminating. Roll out the backend before the APIService points at it.',
    topic: 'control-plane',
  },
  'webhook-backend-missing': {
    severity: 'warning',
    summary: 'A webhook with failurePolicy Fail calls a Service rendered nowhere.',
    help: 'The API server refuses every request the webhook matches. Render the Service, or set failurePolicy: Ignore until it exists.',
    topic: 'control-plane',
  },
  'crd-scope-changed': {
    severity: 'error',
    summary: 'A CRD\'s scope changes.',
    help: 'The scope is immutable: the apply fails, and deleting the CRD to change it deletes every object of its kind. Keep the scope, or migrate to a new CRD.',
    topic: 'crd',
  },
  'crd-storage-version-invalid': {
    severity: 'error',
    summary: 'A CRD has no storage version, or more than one.',
    help: 'The API server refuses the CRD. Mark exactly one version storage: true.',
    topic: 'crd',
  },
  'crd-version-removed': {
    severity: 'warning',
    summary: 'A version leaves a CRD\'s spec.versions.',
    help: 'Objects written at it fail to apply, and the API server refuses the CRD while status.storedVersions lists it. Migrate stored objects first, as the message describes.',
    topic: 'crd',
  },
  'crd-version-unserved': {
    severity: 'error',
    summary: 'A CRD version still in use gets served: false.',
    help: 'The API server answers it with not found, so the objects using it fail to apply. Move them to a served version first.',
    topic: 'crd',
  },
  'crd-storage-version-changed': {
    severity: 'notice',
    summary: 'A CRD\'s storage version changes.',
    help: 'Existing objects stay stored at the old version until rewritten. Migrate them before the old version leaves spec.versions.',
    topic: 'crd',
  },
  'api-removed': {
    severity: 'error',
    summary: 'An object uses an apiVersion the configured Kubernetes version no longer serves.',
    help: 'The API server refuses it and the apply fails. Use the replacement API the message names.',
    topic: 'api',
  },
  'api-deprecated': {
    severity: 'notice',
    summary: 'An object uses a deprecated apiVersion.',
    help: 'It still works, and is removed in the release the message names. Move to the replacement API.',
    topic: 'api',
  },
  'requirement-unmet': {
    severity: 'error',
    summary: 'A workload or chart needs a Kubernetes version the cluster does not run.',
    help: 'A requires: entry of the configuration says so, and its why explains. Upgrade the cluster first, or pin a version that supports it.',
    topic: 'api',
  },
  'flux-component-missing': {
    severity: 'warning',
    summary: 'The FluxInstance does not run the controller an object needs.',
    help: 'Nothing reconciles the object, and dropping a component also deletes its CRDs with every object of their kinds. Add the component to the FluxInstance.',
    topic: 'flux',
  },
  'helmrelease-removed': {
    severity: 'warning',
    summary: 'A HelmRelease is pruned and helm-controller uninstalls its release.',
    help: 'Everything the chart installed goes (its crds/ CRDs stay). Keep the HelmRelease, or suspend it first to orphan the release.',
    topic: 'helm',
  },
  'helmrelease-reinstalled': {
    severity: 'warning',
    summary: 'A HelmRelease change makes helm-controller uninstall and install again.',
    help: 'A new releaseName, targetNamespace, storageNamespace or chart name means uninstall then install; what the old release held is deleted meanwhile. Keep them, or plan the move.',
    topic: 'helm',
  },
  'api-group-changed': {
    severity: 'warning',
    summary: 'An object keeps its kind and name under a new API group.',
    help: 'Flux applies the new object, then prunes the old identity. Check that deleting the old one is harmless.',
    topic: 'prune',
  },
  'data-removed': {
    severity: 'warning',
    summary: 'A PersistentVolumeClaim, PersistentVolume or StatefulSet is pruned.',
    help: 'With a Delete reclaim policy the data is deleted. Keep the object, or set a Retain reclaim policy first.',
    topic: 'prune',
  },
  'cluster-scoped-removed': {
    severity: 'warning',
    summary: 'A cluster-scoped object is pruned.',
    help: 'Roles, bindings, webhooks and classes affect the whole cluster. Check that nothing still relies on it.',
    topic: 'prune',
  },
  'object-orphaned': {
    severity: 'warning',
    summary: 'An object leaves a Kustomization with prune: false.',
    help: 'It stays in the cluster, unmanaged for good. Delete it by hand, or keep it in the render.',
    topic: 'flux',
  },
  'object-removed': {
    severity: 'notice',
    summary: 'A namespaced object is pruned.',
    help: 'Flux deletes it. Expected when the change removes it on purpose.',
    topic: 'prune',
  },
  'kustomization-spec-changed': {
    severity: 'notice',
    summary: 'A Flux Kustomization changes path, targetNamespace, namePrefix or nameSuffix.',
    help: 'Objects get new identities: Flux creates the new ones and prunes the old. Check the delete-and-create it causes.',
    topic: 'flux',
  },
  'kustomization-not-rendered': {
    severity: 'notice',
    summary: 'A Flux Kustomization\'s source is not this repository.',
    help: 'What it applies is not judged. The message gives the reason.',
    topic: 'flux',
  },
  'variable-missing': {
    severity: 'notice',
    summary: 'A post-build variable has no value and no default.',
    help: 'Flux fails the build unless the cluster provides it. Add it to the substitution, or give it a default.',
    topic: 'flux',
  },
  'prune-protected': {
    severity: 'notice',
    summary: 'An object leaves the render but is protected from pruning.',
    help: 'Its prune: disabled, reconcile: disabled or ssa: Ignore in the base keeps it in the cluster. Delete it by hand if it should go.',
    topic: 'prune',
  },
  'helm-crd-unmanaged': {
    severity: 'notice',
    summary: 'A CRD leaves a chart\'s crds/.',
    help: 'Helm never deletes crds/ CRDs: it stays in the cluster, unmanaged. Delete it by hand if it should go.',
    topic: 'helm',
  },
};
