import { describe, expect, it } from 'vitest';
import {
  deletesInventoryOnDeletion,
  readFluxKustomization,
  readHelmReleaseIdentity,
  shortenReleaseName,
  type DeletionPolicy,
} from '../../../src/core/objects/flux-objects.ts';
import { kustomizationYaml, parseOne, readKs } from '../../helpers/flux.ts';

describe('readFluxKustomization', () => {
  it('reads a v1 Kustomization with every field it models', () => {
    const ks = readKs(`apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps/production
  prune: true
  suspend: true
  force: true
  deletionPolicy: Delete
  sourceRef:
    kind: GitRepository
    name: fleet
    namespace: sources
  targetNamespace: shop
  namePrefix: prod-
  nameSuffix: -eu
  patches:
    - patch: '[{"op": "remove", "path": "/spec/replicas"}]'
      target: {kind: Deployment}
  images:
    - name: nginx
      newTag: "1.27"
  components:
    - ../components/monitoring
  dependsOn:
    - name: infrastructure
    - name: cert-manager
      namespace: cert-manager
  commonMetadata:
    labels:
      team: web
    annotations:
      kustomize.toolkit.fluxcd.io/prune: disabled
  postBuild:
    substitute:
      cluster_env: production
      replicas: "3"
    substituteFrom:
      - kind: ConfigMap
        name: cluster-settings
      - kind: Secret
        name: cluster-secrets
        optional: true
      - name: defaults
`);
    expect(ks).toEqual({
      key: 'flux-system/apps',
      name: 'apps',
      namespace: 'flux-system',
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      path: 'apps/production',
      prune: true,
      deletionPolicy: 'Delete',
      suspend: true,
      force: true,
      sourceRef: { kind: 'GitRepository', name: 'fleet', namespace: 'sources' },
      targetNamespace: 'shop',
      namePrefix: 'prod-',
      nameSuffix: '-eu',
      patches: [{ patch: '[{"op": "remove", "path": "/spec/replicas"}]', target: { kind: 'Deployment' } }],
      patchesStrategicMerge: [],
      patchesJson6902: [],
      images: [{ name: 'nginx', newTag: '1.27' }],
      components: ['../components/monitoring'],
      commonMetadata: { labels: { team: 'web' }, annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' } },
      substitute: { cluster_env: 'production', replicas: '3' },
      substituteFrom: [
        { kind: 'ConfigMap', name: 'cluster-settings', optional: false },
        { kind: 'Secret', name: 'cluster-secrets', optional: true },
        { kind: 'ConfigMap', name: 'defaults', optional: false },
      ],
      dependsOn: [
        { name: 'infrastructure', namespace: 'flux-system' },
        { name: 'cert-manager', namespace: 'cert-manager' },
      ],
    });
  });

  it('reads a v1beta2 Kustomization the same way', () => {
    const ks = readKs(kustomizationYaml('infra', { apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2', path: './infrastructure', prune: false }));
    expect(ks).toMatchObject({ key: 'flux-system/infra', apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2', path: 'infrastructure', prune: false });
  });

  it.each([
    ['an unknown future version', 'apiVersion: kustomize.toolkit.fluxcd.io/v2\nkind: Kustomization\nmetadata: {name: next}\nspec: {path: ./next, prune: true}\n'],
    ["kustomize's own kustomization file", 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nmetadata: {name: local}\nresources: [app.yaml]\n'],
    ['another group', 'apiVersion: example.com/v1\nkind: Kustomization\nmetadata: {name: lookalike}\nspec: {path: ./x, prune: true}\n'],
    ['another kind of the Flux group', 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Bucket\nmetadata: {name: b}\nspec: {path: ./x}\n'],
    ['a HelmRelease', 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: web}\nspec: {}\n'],
  ])('ignores %s', (_description, yaml) => {
    expect(readFluxKustomization(parseOne(yaml))).toBeUndefined();
  });

  it('reads v1beta1 and v1beta2 with their patch fields, which v1 no longer has', () => {
    const spec = '  patchesStrategicMerge:\n    - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n  patchesJson6902:\n    - target: {kind: Deployment, name: web}\n      patch: [{op: remove, path: /spec/replicas}]\n';
    for (const version of ['v1beta1', 'v1beta2']) {
      const old = readKs(kustomizationYaml('old', { apiVersion: `kustomize.toolkit.fluxcd.io/${version}`, spec }));
      expect([old.key, old.prune, old.patchesStrategicMerge, old.patchesJson6902]).toEqual([
        'flux-system/old',
        true,
        [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }],
        [{ target: { kind: 'Deployment', name: 'web' }, patch: [{ op: 'remove', path: '/spec/replicas' }] }],
      ]);
    }
    const current = readKs(kustomizationYaml('new', { spec }));
    expect([current.patchesStrategicMerge, current.patchesJson6902]).toEqual([[], []]);
  });

  it('puts a Kustomization without a namespace in flux-system, and its key with it', () => {
    const ks = readKs(kustomizationYaml('apps', { namespace: null }));
    expect([ks.namespace, ks.key]).toEqual(['flux-system', 'flux-system/apps']);
  });

  it('keeps a namespace other than flux-system in its key', () => {
    expect(readKs(kustomizationYaml('web', { namespace: 'team-a' })).key).toBe('team-a/web');
  });

  it.each([
    ['./apps/production/', 'apps/production'],
    ['./apps/production', 'apps/production'],
    ['apps/production', 'apps/production'],
    ['apps//production/', 'apps/production'],
    ['./apps/./production', 'apps/production'],
    ['./', ''],
    ['.', ''],
    ['""', ''],
  ])('normalises spec.path %s to %j', (path, expected) => {
    expect(readKs(kustomizationYaml('apps', { path })).path).toBe(expected);
  });

  it('takes a missing spec.path as the source root', () => {
    const body = parseOne('apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: root, namespace: flux-system}\nspec: {prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n');
    expect(readFluxKustomization(body)?.path).toBe('');
  });

  it.each<[string, string, boolean]>([
    ['prune: true', '  prune: true', true],
    ['prune: false', '  prune: false', false],
    ['the string "true"', '  prune: "true"', false],
    ['no prune field', '', false],
  ])('reads %s as prune %s', (_description, line, expected) => {
    const yaml = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nspec:\n  path: ./apps\n${line}\n  sourceRef: {kind: GitRepository, name: flux-system}\n`;
    expect(readKs(yaml).prune).toBe(expected);
  });

  it.each<[string, DeletionPolicy]>([
    ['', 'MirrorPrune'],
    ['  deletionPolicy: MirrorPrune', 'MirrorPrune'],
    ['  deletionPolicy: Delete', 'Delete'],
    ['  deletionPolicy: WaitForTermination', 'WaitForTermination'],
    ['  deletionPolicy: Orphan', 'Orphan'],
    ['  deletionPolicy: orphan', 'MirrorPrune'],
    ['  deletionPolicy: Keep', 'MirrorPrune'],
  ])('reads deletionPolicy line %j as %s', (spec, expected) => {
    expect(readKs(kustomizationYaml('apps', { spec })).deletionPolicy).toBe(expected);
  });

  it('defaults the sourceRef namespace to the Kustomization namespace', () => {
    const ks = readKs(kustomizationYaml('web', { namespace: 'team-a', source: 'team-repo' }));
    expect(ks.sourceRef).toEqual({ kind: 'GitRepository', name: 'team-repo', namespace: 'team-a' });
  });

  it('keeps the sourceRef kind, e.g. an OCIRepository', () => {
    const yaml = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: podinfo, namespace: apps}\nspec:\n  path: ./kustomize\n  prune: true\n  sourceRef: {kind: OCIRepository, name: podinfo, namespace: flux-system}\n';
    expect(readKs(yaml).sourceRef).toEqual({ kind: 'OCIRepository', name: 'podinfo', namespace: 'flux-system' });
  });

  it('defaults each dependsOn namespace to the Kustomization namespace', () => {
    const ks = readKs(kustomizationYaml('web', { namespace: 'team-a', spec: '  dependsOn:\n    - name: db\n    - name: infra\n      namespace: flux-system\n    - name: cache\n      namespace: ""\n' }));
    expect(ks.dependsOn).toEqual([
      { name: 'db', namespace: 'team-a' },
      { name: 'infra', namespace: 'flux-system' },
      { name: 'cache', namespace: 'team-a' },
    ]);
  });

  it('reads commonMetadata values as strings without newlines', () => {
    const ks = readKs(kustomizationYaml('web', { spec: '  commonMetadata:\n    labels:\n      tier: "1"\n    annotations:\n      note: "line one\\nline two"\n' }));
    expect(ks.commonMetadata).toEqual({ labels: { tier: '1' }, annotations: { note: 'line oneline two' } });
  });

  it('reads an absent commonMetadata and postBuild as empty', () => {
    const ks = readKs(kustomizationYaml('web'));
    expect({ commonMetadata: ks.commonMetadata, substitute: ks.substitute, substituteFrom: ks.substituteFrom, dependsOn: ks.dependsOn }).toEqual({
      commonMetadata: { labels: {}, annotations: {} },
      substitute: {},
      substituteFrom: [],
      dependsOn: [],
    });
    expect(ks).not.toHaveProperty('targetNamespace');
    expect(ks).not.toHaveProperty('namePrefix');
    expect(ks).not.toHaveProperty('nameSuffix');
  });

  it('reads postBuild.substitute values as strings', () => {
    const ks = readKs(kustomizationYaml('web', { spec: '  postBuild:\n    substitute:\n      cluster_name: production\n      replicas: "2"\n' }));
    expect(ks.substitute).toEqual({ cluster_name: 'production', replicas: '2' });
  });

  it('drops empty targetNamespace, namePrefix and nameSuffix', () => {
    const ks = readKs(kustomizationYaml('web', { spec: '  targetNamespace: ""\n  namePrefix: ""\n  nameSuffix: ""\n' }));
    expect(ks).not.toHaveProperty('targetNamespace');
    expect(ks).not.toHaveProperty('namePrefix');
    expect(ks).not.toHaveProperty('nameSuffix');
  });
});

describe('deletesInventoryOnDeletion', () => {
  it.each<[DeletionPolicy, boolean, boolean, boolean]>([
    ['MirrorPrune', true, false, true],
    ['MirrorPrune', false, false, false],
    ['Delete', true, false, true],
    ['Delete', false, false, true],
    ['WaitForTermination', false, false, true],
    ['WaitForTermination', true, false, true],
    ['Orphan', true, false, false],
    ['Orphan', false, false, false],
    ['MirrorPrune', true, true, false],
    ['Delete', true, true, false],
    ['WaitForTermination', false, true, false],
  ])('deletionPolicy %s, prune %s, suspend %s: deletes %s', (deletionPolicy, prune, suspend, expected) => {
    expect(deletesInventoryOnDeletion({ deletionPolicy, prune, suspend })).toBe(expected);
  });

  it('follows what readFluxKustomization read', () => {
    expect(deletesInventoryOnDeletion(readKs(kustomizationYaml('a', { prune: false, spec: '  deletionPolicy: Delete\n' })))).toBe(true);
    expect(deletesInventoryOnDeletion(readKs(kustomizationYaml('a', { prune: true, spec: '  deletionPolicy: Orphan\n' })))).toBe(false);
    expect(deletesInventoryOnDeletion(readKs(kustomizationYaml('a', { prune: true, spec: '  suspend: true\n' })))).toBe(false);
    expect(deletesInventoryOnDeletion(readKs(kustomizationYaml('a', { prune: true })))).toBe(true);
  });
});

describe('readHelmReleaseIdentity', () => {
  const helmRelease = (metadata: string, spec: string): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n${metadata}spec:\n  interval: 1h\n${spec}`;
  const chart = '  chart:\n    spec:\n      chart: grafana\n      version: 8.x\n      sourceRef: {kind: HelmRepository, name: grafana}\n';

  it('names the release after the HelmRelease, in its own namespace, by default', () => {
    expect(readHelmReleaseIdentity(parseOne(helmRelease('  name: grafana\n  namespace: observability\n', chart)))).toEqual({
      releaseName: 'grafana',
      targetNamespace: 'observability',
      storageNamespace: 'observability',
      chart: 'grafana',
    });
  });

  it('prefixes the default release name with the target namespace', () => {
    const identity = readHelmReleaseIdentity(parseOne(helmRelease('  name: grafana\n  namespace: flux-system\n', `  targetNamespace: monitoring\n${chart}`)));
    expect(identity).toEqual({ releaseName: 'monitoring-grafana', targetNamespace: 'monitoring', storageNamespace: 'flux-system', chart: 'grafana' });
  });

  it('takes releaseName and storageNamespace as written', () => {
    const identity = readHelmReleaseIdentity(
      parseOne(helmRelease('  name: grafana\n  namespace: flux-system\n', `  releaseName: dashboards\n  targetNamespace: monitoring\n  storageNamespace: helm-state\n${chart}`)),
    );
    expect(identity).toEqual({ releaseName: 'dashboards', targetNamespace: 'monitoring', storageNamespace: 'helm-state', chart: 'grafana' });
  });

  it('puts a HelmRelease without a namespace in default', () => {
    expect(readHelmReleaseIdentity(parseOne(helmRelease('  name: web\n', chart)))).toMatchObject({ releaseName: 'web', targetNamespace: 'default', storageNamespace: 'default' });
  });

  it('treats empty releaseName, targetNamespace and storageNamespace as unset', () => {
    const identity = readHelmReleaseIdentity(parseOne(helmRelease('  name: web\n  namespace: shop\n', `  releaseName: ""\n  targetNamespace: ""\n  storageNamespace: ""\n${chart}`)));
    expect(identity).toEqual({ releaseName: 'web', targetNamespace: 'shop', storageNamespace: 'shop', chart: 'grafana' });
  });

  it('names a chartRef chart by its kind and name', () => {
    const identity = readHelmReleaseIdentity(parseOne(helmRelease('  name: podinfo\n  namespace: apps\n', '  chartRef:\n    kind: OCIRepository\n    name: podinfo-chart\n')));
    expect(identity.chart).toBe('OCIRepository/podinfo-chart');
  });

  it('prefers chart.spec.chart over a chartRef', () => {
    const identity = readHelmReleaseIdentity(parseOne(helmRelease('  name: podinfo\n  namespace: apps\n', `${chart}  chartRef:\n    kind: OCIRepository\n    name: podinfo-chart\n`)));
    expect(identity.chart).toBe('grafana');
  });

  it('gives an empty chart when neither is set', () => {
    expect(readHelmReleaseIdentity(parseOne(helmRelease('  name: web\n  namespace: shop\n', '  values: {}\n'))).chart).toBe('');
  });
});

describe('shortenReleaseName', () => {
  it.each([
    ['release-name', 'release-name'],
    // The values helm-controller's own tests expect of its ShortenName.
    ['release-name-with-very-long-name-which-is-longer-than-53-characters', 'release-name-with-very-long-name-which-i-788ca0d0d7b0'],
    ['another-release-name-with-very-long-name-which-is-longer-than-53-characters', 'another-release-name-with-very-long-name-7e72150d5a36'],
    ['a'.repeat(53), 'a'.repeat(53)],
  ])('%s -> %s', (name, expected) => {
    expect(shortenReleaseName(name)).toBe(expected);
    expect(shortenReleaseName(name).length).toBeLessThanOrEqual(53);
  });

  it('names a release with a long default name as helm-controller does, so a rename is told from a reinstall', () => {
    const release = {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'with-very-long-name-which-is-longer-than-53-characters', namespace: 'flux-system' },
      spec: { targetNamespace: 'release-name' },
    };
    expect(readHelmReleaseIdentity(release).releaseName).toBe('release-name-with-very-long-name-which-i-788ca0d0d7b0');
  });
});
