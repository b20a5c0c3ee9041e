import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/findings.ts';
import { evaluateRules } from '../../../src/core/rules/removal-rules.ts';
import { crdYaml, toUnits, yamlDocs, type UnitRenders } from '../../helpers/objects.ts';

function findingsOf(units: Readonly<Record<string, UnitRenders>>): Finding[] {
  return evaluateRules({ units: toUnits(units) });
}

/** `rule severity Kind/ns/name`: enough to read a whole finding list in one assertion. */
function summarize(findings: readonly Finding[]): string[] {
  return findings.map(({ rule, severity, object }) =>
    `${severity} ${rule} ${object.namespace ? `${object.kind}/${object.namespace}/${object.name}` : `${object.kind}/${object.name}`}`,
  );
}

const widgetCrd = crdYaml('widgets', 'example.com', 'Widget');
const gadgetCrd = crdYaml('gadgets', 'example.com', 'Gadget');
const widget = (name: string, namespace = 'team-a'): string =>
  `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
const configMap = (name: string, namespace = 'default'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;

describe('removal severity', () => {
  it.each([
    { kind: 'CustomResourceDefinition', yaml: widgetCrd, rule: 'crd-removed', severity: 'error' },
    { kind: 'Namespace', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', rule: 'namespace-removed', severity: 'error' },
    { kind: 'ClusterRole', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n', rule: 'cluster-scoped-removed', severity: 'warning' },
    {
      kind: 'ValidatingWebhookConfiguration',
      yaml: 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: policy}\n',
      rule: 'cluster-scoped-removed',
      severity: 'warning',
    },
    { kind: 'StorageClass', yaml: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\n', rule: 'cluster-scoped-removed', severity: 'warning' },
    {
      kind: 'a custom kind whose CRD says Cluster',
      yaml: yamlDocs(crdYaml('tenants', 'example.com', 'Tenant', 'Cluster'), 'apiVersion: example.com/v1\nkind: Tenant\nmetadata: {name: acme}\n'),
      // The CRD stays, so only the Tenant is removed.
      after: crdYaml('tenants', 'example.com', 'Tenant', 'Cluster'),
      rule: 'cluster-scoped-removed',
      severity: 'warning',
    },
    { kind: 'PersistentVolumeClaim', yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: shop}\n', rule: 'data-removed', severity: 'warning' },
    { kind: 'PersistentVolume', yaml: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv-1}\nspec: {persistentVolumeReclaimPolicy: Delete}\n', rule: 'data-removed', severity: 'warning' },
    { kind: 'StatefulSet', yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n', rule: 'data-removed', severity: 'warning' },
    { kind: 'ConfigMap', yaml: configMap('settings', 'shop'), rule: 'object-removed', severity: 'notice' },
    { kind: 'Deployment', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n', rule: 'object-removed', severity: 'notice' },
    // Unknown scope: nothing says it is cluster-wide, so it is not made to look worse.
    { kind: 'a custom kind of unknown scope', yaml: 'apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: ca, namespace: shop}\n', rule: 'object-removed', severity: 'notice' },
  ])('a removed $kind is $severity $rule', ({ yaml, after, rule, severity }) => {
    const findings = findingsOf({ app: { before: yaml, after: after ?? '' } });
    expect(findings.map(({ rule: id, severity: level }) => ({ rule: id, severity: level }))).toEqual([{ rule, severity }]);
  });

  it.each([
    { kind: 'StatefulSet', yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n', message: 'StatefulSet/shop/db is pruned: its pods are deleted, and its volume claims with them when its retention policy says Delete' },
    { kind: 'PersistentVolumeClaim', yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: shop}\n', message: 'PersistentVolumeClaim/shop/data is pruned: the volume behind it is deleted when its reclaim policy is Delete' },
    { kind: 'ClusterRole', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader, namespace: shop}\n', message: 'ClusterRole/reader is pruned (cluster-scoped)' },
    { kind: 'ConfigMap', yaml: configMap('settings', 'shop'), message: 'ConfigMap/shop/settings is pruned' },
  ])('says what pruning a $kind does', ({ yaml, message }) => {
    const [finding] = findingsOf({ app: { before: yaml, after: '' } });
    expect(finding?.message).toBe(message);
    expect(finding?.unit).toBe('app');
  });

  it('reports nothing for additions, changes and unchanged objects', () => {
    expect(findingsOf({ app: { before: yamlDocs(configMap('a'), widgetCrd), after: yamlDocs(configMap('a').replace('{name: a', '{labels: {x: y}, name: a'), widgetCrd, configMap('b')) } })).toEqual([]);
  });

  it('reports nothing for a generated name replaced by its successor', () => {
    expect(findingsOf({ app: { before: configMap('app-config-6gc9d749f7'), after: configMap('app-config-k2f7m9c8h4') } })).toEqual([]);
  });
});

describe('crd-removed cascade', () => {
  it('lists the custom resources of that kind from the before render of any unit', () => {
    const findings = findingsOf({
      crds: { before: widgetCrd, after: '' },
      'team-a': { before: yamlDocs(widget('one'), widget('two')), after: yamlDocs(widget('one'), widget('two')) },
      'team-b': { before: widget('three', 'team-b'), after: '' },
      other: { before: configMap('unrelated'), after: configMap('unrelated') },
    });
    const crdFinding = findings.find(({ rule }) => rule === 'crd-removed');
    expect(crdFinding?.cascade).toEqual(['Widget/team-a/one', 'Widget/team-a/two', 'Widget/team-b/three']);
    expect(crdFinding?.message).toBe(
      'CustomResourceDefinition/widgets.example.com is pruned: the API server deletes every Widget with it, including Widget/team-a/one, Widget/team-a/two, Widget/team-b/three',
    );
  });

  it('ignores resources of another kind in the same group', () => {
    const findings = findingsOf({ app: { before: yamlDocs(widgetCrd, gadgetCrd, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: x}\n'), after: yamlDocs(gadgetCrd, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: x}\n') } });
    expect(findings.find(({ rule }) => rule === 'crd-removed')?.cascade).toEqual([]);
  });

  it('says that resources made in the cluster are lost when none is rendered', () => {
    const [finding] = findingsOf({ app: { before: widgetCrd, after: '' } });
    expect(finding?.cascade).toEqual([]);
    expect(finding?.message).toContain('deletes every Widget with it (none is in the rendered manifests; any made in the cluster are lost)');
  });

  it('names five resources in the message and counts the rest', () => {
    const widgets = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => widget(name));
    const [finding] = findingsOf({ app: { before: yamlDocs(widgetCrd, ...widgets), after: '' } });
    expect(finding?.cascade).toHaveLength(7);
    expect(finding?.message).toContain('including Widget/team-a/a, Widget/team-a/b, Widget/team-a/c, Widget/team-a/d, Widget/team-a/e and 2 more');
  });
});

describe('namespace-removed cascade', () => {
  it('lists the objects in that namespace from every unit, and nothing outside it', () => {
    const findings = findingsOf({
      namespaces: { before: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', after: '' },
      web: { before: yamlDocs(configMap('settings', 'shop'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n'), after: yamlDocs(configMap('settings', 'shop'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n') },
      billing: { before: configMap('settings', 'billing'), after: configMap('settings', 'billing') },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.cascade).toEqual(['ConfigMap/shop/settings', 'Deployment/shop/web']);
    expect(findings[0]?.message).toBe(
      'Namespace/shop is pruned: the API server deletes everything in it, including ConfigMap/shop/settings, Deployment/shop/web',
    );
  });

  it('says so when nothing rendered lives in it', () => {
    const [finding] = findingsOf({ app: { before: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: empty}\n', after: '' } });
    expect(finding?.message).toBe('Namespace/empty is pruned: the API server deletes everything in it (nothing else rendered lives in it)');
  });
});

describe('crd-missing', () => {
  it('flags a custom resource still rendered whose CRD this change removes', () => {
    const findings = findingsOf({
      crds: { before: widgetCrd, after: '' },
      app: { before: widget('one'), after: widget('one') },
    });
    expect(summarize(findings)).toEqual(['error crd-removed CustomResourceDefinition/widgets.example.com', 'error crd-missing Widget/team-a/one']);
    expect(findings[1]?.unit).toBe('app');
    expect(findings[1]?.message).toBe(
      'Widget/team-a/one is still rendered, but this change prunes its CustomResourceDefinition widgets.example.com: the API server deletes it, and applying it fails',
    );
  });

  it('flags a custom resource of a group that lost CRDs while no CRD for its own kind is rendered', () => {
    const gadget = 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: team-a}\n';
    const findings = findingsOf({ app: { before: yamlDocs(widgetCrd, gadget), after: gadget } });
    expect(summarize(findings)).toEqual(['error crd-removed CustomResourceDefinition/widgets.example.com', 'error crd-missing Gadget/team-a/g']);
    expect(findings[1]?.message).toBe(
      'Gadget/team-a/g has no CustomResourceDefinition in the render, and this change prunes the CRDs of its API group example.com: applying it fails',
    );
  });

  it.each<{ description: string; units: Record<string, UnitRenders>; findings: string[] }>([
    {
      // Its CRDs come from elsewhere (a Helm release, the cluster): nothing here says they go.
      description: 'a CR whose CRD never appeared in either render',
      units: {
        app: {
          before: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n',
          after: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\nspec: {secretName: web-tls}\n',
        },
      },
      findings: [],
    },
    {
      description: 'a CR of another group while some CRD is removed',
      units: {
        crds: { before: widgetCrd, after: '' },
        app: {
          before: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n',
          after: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n',
        },
      },
      findings: ['error crd-removed CustomResourceDefinition/widgets.example.com'],
    },
    {
      description: 'a CR whose own CRD stays while its group loses another',
      units: {
        app: {
          before: yamlDocs(widgetCrd, gadgetCrd, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: team-a}\n'),
          after: yamlDocs(gadgetCrd, 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g, namespace: team-a}\n'),
        },
      },
      findings: ['error crd-removed CustomResourceDefinition/widgets.example.com'],
    },
    {
      description: 'a CR whose CRD moves to another unit',
      units: { old: { before: widgetCrd, after: '' }, new: { before: '', after: widgetCrd }, app: { before: widget('one'), after: widget('one') } },
      findings: ['error crd-removed CustomResourceDefinition/widgets.example.com'],
    },
    {
      description: 'a CR that goes together with its CRD',
      units: { app: { before: yamlDocs(widgetCrd, widget('one')), after: '' } },
      findings: ['error crd-removed CustomResourceDefinition/widgets.example.com', 'notice object-removed Widget/team-a/one'],
    },
  ])('does not flag $description', ({ units, findings }) => {
    expect(summarize(findingsOf(units))).toEqual(findings);
  });
});

describe('api-group-changed', () => {
  it('reports a group move as a warning instead of a plain removal', () => {
    const findings = findingsOf({
      app: {
        before: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
        after: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
      },
    });
    expect(summarize(findings)).toEqual(['warning api-group-changed Ingress/shop/web']);
    expect(findings[0]?.object.apiVersion).toBe('extensions/v1beta1');
    expect(findings[0]?.message).toBe(
      'Ingress/shop/web moves from API group extensions to networking.k8s.io: Flux applies the new object, then prunes the old identity, so it is deleted and recreated',
    );
  });

  it('keeps a plain removal when the name differs', () => {
    const findings = findingsOf({
      app: {
        before: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
        after: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web-v2, namespace: shop}\n',
      },
    });
    expect(summarize(findings)).toEqual(['notice object-removed Ingress/shop/web']);
  });
});

describe('finding order', () => {
  it('lists errors first, crd-removed before crd-missing, then warnings and notices', () => {
    const findings = findingsOf({
      z: { before: yamlDocs(configMap('a', 'shop'), 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: shop}\n'), after: '' },
      a: { before: widget('one'), after: widget('one') },
      m: { before: yamlDocs(widgetCrd, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team-b}\n'), after: '' },
    });
    expect(summarize(findings)).toEqual([
      'error crd-removed CustomResourceDefinition/widgets.example.com',
      'error namespace-removed Namespace/team-b',
      'error crd-missing Widget/team-a/one',
      'warning data-removed StatefulSet/shop/db',
      'notice object-removed ConfigMap/shop/a',
    ]);
  });
});

describe('data-removed reads the rendered reclaim policy', () => {
  const pv = (name: string, policy?: string, claim?: string): string =>
    `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec:\n  capacity: {storage: 1Ti}\n  nfs: {server: nas.example.com, path: /export/${name}}\n` +
    (policy ? `  persistentVolumeReclaimPolicy: ${policy}\n` : '') +
    (claim ? `  claimRef: {namespace: media, name: ${claim}}\n` : '');
  const pvc = (name: string, spec: string): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: media}\nspec: {${spec}}\n`;
  const storageClass = (name: string, policy?: string, isDefault = false): string =>
    `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n${isDefault ? "  annotations: {storageclass.kubernetes.io/is-default-class: 'true'}\n" : ''}provisioner: example.io/ssd\n${policy ? `reclaimPolicy: ${policy}\n` : ''}`;
  const judge = (units: Readonly<Record<string, UnitRenders>>): string[] => findingsOf(units).map(({ severity, message }) => `${severity}: ${message}`);

  it('four static NFS volumes with Retain, pruned with their claims: four PV notices and four PVC notices, no warning', () => {
    const names = ['movies', 'music', 'photos', 'books'];
    const findings = findingsOf({
      storage: { before: yamlDocs(...names.map((name) => pv(`nfs-${name}`, 'Retain'))), after: '' },
      media: { before: yamlDocs(...names.map((name) => pvc(name, `storageClassName: '', volumeName: nfs-${name}`))), after: '' },
    });
    expect(findings.map(({ severity, rule }) => `${severity} ${rule}`)).toEqual(Array(8).fill('notice data-removed'));
    expect(findings.find(({ object }) => object.name === 'nfs-music')?.message).toBe(
      'PersistentVolume/nfs-music is pruned: its reclaim policy is Retain, so the data stays on the storage behind it; using it again takes a new PersistentVolume for that storage, bound to a claim by hand',
    );
    expect(findings.find(({ object }) => object.name === 'music')?.message).toBe(
      'PersistentVolumeClaim/media/music is pruned: its volume PersistentVolume/nfs-music has reclaim policy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand; PersistentVolume/nfs-music leaves the renders in this change as well (see its own finding)',
    );
  });

  it('a claim bound to a rendered volume that stays, found by volumeName or by the volume\'s claimRef', () => {
    expect(judge({ storage: { before: pv('nfs-a', 'Retain'), after: pv('nfs-a', 'Retain') }, media: { before: pvc('a', 'volumeName: nfs-a'), after: '' } })).toEqual([
      'notice: PersistentVolumeClaim/media/a is pruned: its volume PersistentVolume/nfs-a has reclaim policy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand',
    ]);
    expect(judge({ storage: { before: pv('nfs-b', 'Delete', 'b'), after: pv('nfs-b', 'Delete', 'b') }, media: { before: pvc('b', "storageClassName: ''"), after: '' } })).toEqual([
      'warning: PersistentVolumeClaim/media/b is pruned: its volume PersistentVolume/nfs-b has reclaim policy Delete, so it is deleted with its data',
    ]);
  });

  it('a volume without a reclaim policy keeps its data: the API server gives a hand-written PersistentVolume Retain', () => {
    expect(judge({ storage: { before: pv('nfs-c'), after: '' } })).toEqual([
      'notice: PersistentVolume/nfs-c is pruned: it sets no reclaim policy, and the API server gives Retain to a PersistentVolume created without one, so the data stays on the storage behind it; using it again takes a new PersistentVolume for that storage, bound to a claim by hand',
    ]);
    expect(judge({ storage: { before: pv('nfs-d', 'Delete'), after: '' } })).toEqual([
      'warning: PersistentVolume/nfs-d is pruned: its reclaim policy is Delete, so the storage behind it is deleted with its data',
    ]);
  });

  it('a claim provisioned by a rendered StorageClass: Retain is a notice, Delete or unset a warning, the default class when it names none', () => {
    const classes = yamlDocs(storageClass('keep', 'Retain'), storageClass('fast', 'Delete'), storageClass('plain', undefined, true));
    const findings = judge({
      storage: { before: classes, after: classes },
      media: { before: yamlDocs(pvc('kept', 'storageClassName: keep'), pvc('lost', 'storageClassName: fast'), pvc('default', 'resources: {}'), pvc('elsewhere', 'storageClassName: remote')), after: '' },
    });
    expect(findings).toEqual([
      'warning: PersistentVolumeClaim/media/default is pruned: its StorageClass plain (the default class) has reclaimPolicy Delete (unset: Delete is the default), so the volume behind it is deleted with its data',
      // Not rendered: nothing tells, so today's wording stays.
      'warning: PersistentVolumeClaim/media/elsewhere is pruned: the volume behind it is deleted when its reclaim policy is Delete',
      'warning: PersistentVolumeClaim/media/lost is pruned: its StorageClass fast has reclaimPolicy Delete, so the volume behind it is deleted with its data',
      'notice: PersistentVolumeClaim/media/kept is pruned: its StorageClass keep has reclaimPolicy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand',
    ]);
  });

  it("a claim that names no class keeps its warning when today's default class says Retain: the class it was made with may have been another", () => {
    const classes = yamlDocs(storageClass('gp3', 'Retain', true));
    expect(judge({ storage: { before: classes, after: classes }, media: { before: pvc('data', 'resources: {}'), after: '' } })).toEqual([
      'warning: PersistentVolumeClaim/media/data is pruned: it names no StorageClass, so its volume came from the default class when it was made; if that was gp3 (reclaimPolicy Retain today), the data is kept, else the volume may be deleted with its data',
    ]);
  });
});
