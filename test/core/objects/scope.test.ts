import { describe, expect, it } from 'vitest';
import { collectCrdScopes, type ManifestDoc } from '../../../src/core/objects/kube-objects.ts';
import { createScopeResolver, type Scope } from '../../../src/core/objects/scope.ts';
import { crdYaml, toDocs, yamlDocs } from '../../helpers/objects.ts';

describe('createScopeResolver', () => {
  const crds = collectCrdScopes(
    toDocs(
      yamlDocs(
        crdYaml('clusterissuers', 'cert-manager.io', 'ClusterIssuer', 'Cluster'),
        crdYaml('certificates', 'cert-manager.io', 'Certificate'),
      ),
    ),
  );
  const resolver = createScopeResolver(crds, [{ group: 'example.com', kind: 'Tenant' }]);

  it.each<[string, string, Scope]>([
    ['', 'Namespace', 'cluster'],
    ['', 'PersistentVolume', 'cluster'],
    ['', 'ConfigMap', 'namespaced'],
    ['', 'PersistentVolumeClaim', 'namespaced'],
    ['apps', 'Deployment', 'namespaced'],
    ['batch', 'CronJob', 'namespaced'],
    ['extensions', 'Ingress', 'namespaced'],
    ['networking.k8s.io', 'Ingress', 'namespaced'],
    ['networking.k8s.io', 'IngressClass', 'cluster'],
    ['rbac.authorization.k8s.io', 'ClusterRole', 'cluster'],
    ['rbac.authorization.k8s.io', 'RoleBinding', 'namespaced'],
    ['admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', 'cluster'],
    ['apiextensions.k8s.io', 'CustomResourceDefinition', 'cluster'],
    ['storage.k8s.io', 'StorageClass', 'cluster'],
    ['scheduling.k8s.io', 'PriorityClass', 'cluster'],
    ['policy', 'PodSecurityPolicy', 'cluster'],
    ['policy', 'PodDisruptionBudget', 'namespaced'],
    ['cert-manager.io', 'ClusterIssuer', 'cluster'],
    ['cert-manager.io', 'Certificate', 'namespaced'],
    ['cert-manager.io', 'Issuer', 'unknown'],
    ['monitoring.coreos.com', 'ServiceMonitor', 'unknown'],
    ['example.com', 'Tenant', 'cluster'],
    // Flux's own kinds are namespaced without their CRDs in any render.
    ['helm.toolkit.fluxcd.io', 'HelmRelease', 'namespaced'],
    ['source.toolkit.fluxcd.io', 'OCIRepository', 'namespaced'],
    ['fluxcd.controlplane.io', 'ResourceSet', 'namespaced'],
    // Kind alone is not scope: a custom Namespace kind is not the core one.
    ['example.com', 'Namespace', 'unknown'],
  ])('%s %s is %s', (group, kind, scope) => {
    expect(resolver.getScope({ group, kind })).toBe(scope);
  });
});

describe('createScopeResolver with a CRD for a Flux group', () => {
  it('takes the scope the CRD gives over the namespaced default', () => {
    const crds = collectCrdScopes(toDocs(yamlDocs(crdYaml('odds', 'helm.toolkit.fluxcd.io', 'Odd', 'Cluster'))));
    expect(createScopeResolver(crds).getScope({ group: 'helm.toolkit.fluxcd.io', kind: 'Odd' })).toBe('cluster');
  });
});

describe('collectCrdScopes', () => {
  it('reads group, kind and scope of CRDs only', () => {
    const docs: ManifestDoc[] = toDocs(
      yamlDocs(
        crdYaml('widgets', 'example.com', 'Widget', 'Cluster'),
        crdYaml('gadgets', 'example.com', 'Gadget'),
        // Not apiextensions.k8s.io: a look-alike must not change anyone's scope.
        'apiVersion: example.com/v1\nkind: CustomResourceDefinition\nmetadata: {name: fake}\nspec: {group: example.com, names: {kind: Fake}, scope: Cluster}\n',
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: broken}\nspec: {group: example.com, scope: Cluster}\n',
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: noscope.example.com}\nspec: {group: example.com, names: {kind: NoScope}}\n',
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
      ),
    );
    expect(collectCrdScopes(docs)).toEqual([
      { groupKind: { group: 'example.com', kind: 'Widget' }, clusterScoped: true },
      { groupKind: { group: 'example.com', kind: 'Gadget' }, clusterScoped: false },
      { groupKind: { group: 'example.com', kind: 'NoScope' }, clusterScoped: false },
    ]);
  });
});
