/**
 * Immutable fields: every entry of the table, changed (a finding naming the field) and
 * unchanged or changed in a way the API server takes (none), in plain kustomize mode, in Flux
 * mode, and with Flux's force; then the opt-outs, helm releases and the report's wiring.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/findings.ts';
import { describeImmutableChanges, parseQuantity } from '../../../src/core/rules/immutable-fields.ts';
import type { UnitDiff } from '../../../src/core/rules/removal-rules.ts';
import { toReport, toUnits, yamlDocs } from '../../helpers/objects.ts';
import { ks, stable, toFluxReport } from '../../helpers/flux.ts';

const APPS = 'flux-system/apps';

/** One object: `body` holds its top-level fields after metadata, as YAML. */
const doc = (apiVersion: string, kind: string, name: string, body: string, namespace: string | null = 'shop', metadata = ''): string =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}${metadata ? `, ${metadata}` : ''}}\n${body}\n`;

const template = (image = 'web:1', labels = '{app: web}', spec = ''): string => `{metadata: {labels: ${labels}}, spec: {containers: [{name: web, image: '${image}'}]${spec}}}`;
const workload = (kind: string, spec: string): string => doc('apps/v1', kind, 'web', `spec: {${spec}}`);
const deployment = (selector: string, image = 'web:1'): string => workload('Deployment', `selector: ${selector}, template: ${template(image)}`);
const statefulSet = (extra: string, selector = '{matchLabels: {app: web}}'): string => workload('StatefulSet', `serviceName: db, selector: ${selector}, template: ${template()}${extra}`);
const claimTemplate = (storage: string, extra = ''): string => `, volumeClaimTemplates: [{metadata: {name: data${extra}}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${storage}}}}}]`;
const job = (spec: string, image = 'migrate:1', podSpec = ''): string =>
  doc('batch/v1', 'Job', 'migrate', `spec: {${spec}template: {spec: {restartPolicy: Never, containers: [{name: migrate, image: '${image}'}]${podSpec}}}}`);
const service = (spec: string): string => doc('v1', 'Service', 'web', `spec: {ports: [{port: 80}]${spec}}`);
const claim = (spec: string, storage = '10Gi'): string => doc('v1', 'PersistentVolumeClaim', 'data', `spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${storage}}}${spec}}`);
const volume = (spec: string): string => doc('v1', 'PersistentVolume', 'pv-data', `spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce]${spec}}`, null);
const roleBinding = (kind: string, role: string, subject = 'web'): string =>
  doc('rbac.authorization.k8s.io/v1', kind, 'web', `roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${role.split('/')[0]}, name: ${role.split('/')[1]}}\nsubjects: [{kind: ServiceAccount, name: ${subject}, namespace: shop}]`, kind === 'RoleBinding' ? 'shop' : null);
const configMap = (body: string): string => doc('v1', 'ConfigMap', 'settings', body);
const secret = (body: string): string => doc('v1', 'Secret', 'credentials', body);

/** A case: what changes, the renders, and the refused field as the message names it (null: none). */
type Case = readonly [description: string, before: string, after: string, field: string | null];

const CASES: readonly Case[] = [
  ['Deployment selector gains a label', deployment('{matchLabels: {app: web}}'), deployment('{matchLabels: {app: web, tier: front}}'), 'spec.selector'],
  ['Deployment selector written differently, same meaning', deployment('{matchLabels: {app: web, tier: front}}'), deployment('{matchExpressions: [], matchLabels: {tier: front, app: web}}'), null],
  ['Deployment template only', deployment('{matchLabels: {app: web}}'), deployment('{matchLabels: {app: web}}', 'web:2'), null],
  ['ReplicaSet selector', workload('ReplicaSet', `selector: {matchLabels: {app: web}}, template: ${template()}`), workload('ReplicaSet', `selector: {matchLabels: {app: api}}, template: ${template()}`), 'spec.selector'],
  ['DaemonSet selector expression', workload('DaemonSet', `selector: {matchExpressions: [{key: app, operator: In, values: [web]}]}, template: ${template()}`), workload('DaemonSet', `selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}, template: ${template()}`), 'spec.selector'],
  ['StatefulSet selector', statefulSet(''), statefulSet('', '{matchLabels: {app: db}}'), 'spec.selector'],
  ['StatefulSet serviceName', statefulSet(''), statefulSet('').replace('serviceName: db', 'serviceName: db-headless'), 'spec.serviceName'],
  ['StatefulSet serviceName unset to empty', statefulSet('').replace('serviceName: db, ', ''), statefulSet('').replace('serviceName: db', "serviceName: ''"), null],
  ['StatefulSet podManagementPolicy to Parallel', statefulSet(''), statefulSet(', podManagementPolicy: Parallel'), 'spec.podManagementPolicy'],
  ['StatefulSet podManagementPolicy written as its default', statefulSet(''), statefulSet(', podManagementPolicy: OrderedReady'), null],
  ['StatefulSet claim template grows', statefulSet(claimTemplate('10Gi')), statefulSet(claimTemplate('20Gi')), 'spec.volumeClaimTemplates'],
  ['StatefulSet claim template gains a label (kustomize labels)', statefulSet(claimTemplate('10Gi')), statefulSet(claimTemplate('10Gi', ', labels: {team: db}')), 'spec.volumeClaimTemplates'],
  [
    'StatefulSet claim template in other words (1024Mi, defaults, apiVersion and kind)',
    statefulSet(claimTemplate('1Gi')),
    statefulSet(', volumeClaimTemplates: [{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: data, creationTimestamp: null}, spec: {volumeMode: Filesystem, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1024Mi}}}, status: {phase: Pending}}]'),
    null,
  ],
  ['StatefulSet replicas, template and updateStrategy', statefulSet(''), statefulSet(', replicas: 3, updateStrategy: {type: OnDelete}, minReadySeconds: 5').replace("'web:1'", "'web:2'"), null],
  ['Job pod template image', job(''), job('', 'migrate:2'), 'spec.template'],
  ['Job selector written where Kubernetes generated one', job(''), job('selector: {matchLabels: {app: migrate}}, '), 'spec.selector'],
  ['Job manual selector changed', job('manualSelector: true, selector: {matchLabels: {app: migrate}}, '), job('manualSelector: true, selector: {matchLabels: {app: other}}, '), 'spec.selector'],
  ['Job manual selector removed (not judged)', job('manualSelector: true, selector: {matchLabels: {app: migrate}}, '), job('manualSelector: true, '), null],
  ['Job with ttlSecondsAfterFinished (may be gone already)', job('ttlSecondsAfterFinished: 600, '), job('ttlSecondsAfterFinished: 600, ', 'migrate:2'), null],
  ['suspended Job, scheduling directives only', job('suspend: true, '), job('suspend: true, ', 'migrate:1', ', nodeSelector: {pool: batch}, tolerations: [{key: batch, operator: Exists}]'), null],
  ['suspended Job, image', job('suspend: true, '), job('suspend: true, ', 'migrate:2'), 'spec.template'],
  ['running Job, node selector', job(''), job('', 'migrate:1', ', nodeSelector: {pool: batch}'), 'spec.template'],
  ['Job parallelism and deadline', job(''), job('parallelism: 2, activeDeadlineSeconds: 600, '), null],
  // The live template holds these defaults already: spelling them out is no change.
  ['Job template spelling out the pod defaults', job(''), job('', 'migrate:1', ', dnsPolicy: ClusterFirst, terminationGracePeriodSeconds: 30').replace("image: 'migrate:1'", "image: 'migrate:1', imagePullPolicy: IfNotPresent, terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File"), null],
  ['Job template pull policy other than the default', job(''), job('').replace("image: 'migrate:1'", "image: 'migrate:1', imagePullPolicy: Always"), 'spec.template'],
  ['Service cluster IP to another', service(', clusterIP: 10.96.0.5'), service(', clusterIP: 10.96.0.6'), 'spec.clusterIP from 10.96.0.5 to 10.96.0.6'],
  ['headless Service given an IP', service(', clusterIP: None'), service(', clusterIP: 10.96.0.6'), 'spec.clusterIP from None to 10.96.0.6'],
  ['Service with an IP made headless', service(', clusterIP: 10.96.0.5'), service(', clusterIP: None'), 'spec.clusterIP from 10.96.0.5 to None'],
  ['Service with an allocated IP made headless', service(''), service(', clusterIP: None'), 'spec.clusterIP from an allocated IP to None'],
  ['Service pins an IP it may already have', service(''), service(', clusterIP: 10.96.0.10'), null],
  ['Service drops its pinned IP (kept)', service(', clusterIP: 10.96.0.5'), service(''), null],
  ['headless Service drops None (stays headless)', service(', clusterIP: None'), service(''), null],
  ['ClusterIP to NodePort keeps the IP', service(', clusterIP: 10.96.0.5'), service(', type: NodePort, clusterIP: 10.96.0.5'), null],
  ['ClusterIP to ExternalName, IP cleared by the server', service(', clusterIP: 10.96.0.5'), service(', type: ExternalName, externalName: db.example.com, clusterIP: 10.96.0.5'), null],
  ['ExternalName to ClusterIP with an IP', service(', type: ExternalName, externalName: db.example.com'), service(', clusterIP: 10.96.0.7'), null],
  ['Service adds a second IP family', service(', clusterIPs: [10.96.0.5]'), service(', clusterIPs: [10.96.0.5, "fd00::5"], ipFamilyPolicy: PreferDualStack'), null],
  ['Service changes its second IP', service(', clusterIPs: [10.96.0.5, "fd00::5"]'), service(', clusterIPs: [10.96.0.5, "fd00::6"]'), 'spec.clusterIPs[1] from fd00::5 to fd00::6'],
  ['Service writes clusterIP as clusterIPs', service(', clusterIP: 10.96.0.5'), service(', clusterIPs: [10.96.0.5]'), null],
  ['PVC storage class', claim(', storageClassName: fast'), claim(', storageClassName: slow'), 'spec.storageClassName'],
  ['PVC storage class from none ("") to one', claim(", storageClassName: ''"), claim(', storageClassName: fast'), 'spec.storageClassName'],
  ['PVC storage class written where the default applied', claim(''), claim(', storageClassName: fast'), null],
  ['PVC access modes', claim(''), claim('').replace('ReadWriteOnce', 'ReadWriteMany'), 'spec.accessModes'],
  ['PVC volume name', claim(', volumeName: pv-a'), claim(', volumeName: pv-b'), 'spec.volumeName'],
  ['PVC volume name written after binding', claim(''), claim(', volumeName: pv-a'), null],
  ['PVC volume mode to Block', claim(''), claim(', volumeMode: Block'), 'spec.volumeMode'],
  ['PVC volume mode written as its default', claim(''), claim(', volumeMode: Filesystem'), null],
  ['PVC grows', claim('', '10Gi'), claim('', '20Gi'), null],
  ['PVC shrinks', claim('', '10Gi'), claim('', '5Gi'), 'spec.resources.requests.storage from 10Gi down to 5Gi (a claim can grow, never shrink)'],
  ['PVC 10Gi written as 10240Mi', claim('', '10Gi'), claim('', '10240Mi'), null],
  ['PVC 1Gi to 1G (decimal, smaller)', claim('', '1Gi'), claim('', '1G'), 'spec.resources.requests.storage from 1Gi down to 1G (a claim can grow, never shrink)'],
  ['PVC 1500M to 1.5G', claim('', '1500M'), claim('', '1.5G'), null],
  ['PVC 2Ti to 2048Gi', claim('', '2Ti'), claim('', '2048Gi'), null],
  ['PVC bytes to k', claim('', '2048'), claim('', '2k'), 'spec.resources.requests.storage from 2048 down to 2k (a claim can grow, never shrink)'],
  ['PV NFS server', volume(', nfs: {server: nfs-a, path: /data}'), volume(', nfs: {server: nfs-b, path: /data}'), 'spec.nfs'],
  ['PV NFS to CSI', volume(', nfs: {server: nfs-a, path: /data}'), volume(', csi: {driver: nfs.csi.k8s.io, volumeHandle: nfs-a/data}'), 'spec.csi and spec.nfs'],
  ['PV source zero values written out', volume(', csi: {driver: d, volumeHandle: h}, hostPath: {path: /x}'), volume(", csi: {driver: d, volumeHandle: h, readOnly: false}, hostPath: {path: /x, type: ''}"), null],
  ['PV reclaim policy and capacity', volume(', persistentVolumeReclaimPolicy: Delete, nfs: {server: a, path: /}'), volume(', persistentVolumeReclaimPolicy: Retain, nfs: {server: a, path: /}').replace('storage: 10Gi', 'storage: 20Gi'), null],
  ['PV volume mode', volume(', local: {path: /mnt}'), volume(', volumeMode: Block, local: {path: /mnt}'), 'spec.volumeMode'],
  ['RoleBinding roleRef', roleBinding('RoleBinding', 'Role/reader'), roleBinding('RoleBinding', 'Role/writer'), 'roleRef'],
  ['RoleBinding subjects', roleBinding('RoleBinding', 'Role/reader'), roleBinding('RoleBinding', 'Role/reader', 'api'), null],
  ['ClusterRoleBinding roleRef kind', roleBinding('ClusterRoleBinding', 'ClusterRole/view'), roleBinding('ClusterRoleBinding', 'Role/view'), 'roleRef'],
  // The API server writes the default apiGroup in: leaving it out is no change.
  ['RoleBinding roleRef apiGroup left to its default', roleBinding('RoleBinding', 'Role/reader').replace('apiGroup: rbac.authorization.k8s.io, ', ''), roleBinding('RoleBinding', 'Role/reader'), null],
  ['immutable ConfigMap data', configMap('immutable: true\ndata: {mode: a}'), configMap('immutable: true\ndata: {mode: b}'), 'data'],
  ['immutable ConfigMap binaryData', configMap('immutable: true\nbinaryData: {blob: YQ==}'), configMap('immutable: true\nbinaryData: {blob: Yg==}'), 'data'],
  ['immutable ConfigMap made mutable', configMap('immutable: true\ndata: {mode: a}'), configMap('data: {mode: a}'), 'immutable'],
  ['immutable ConfigMap made mutable with new data', configMap('immutable: true\ndata: {mode: a}'), configMap('immutable: false\ndata: {mode: b}'), 'immutable and data'],
  ['mutable ConfigMap data', configMap('data: {mode: a}'), configMap('data: {mode: b}'), null],
  ['ConfigMap made immutable with new data', configMap('data: {mode: a}'), configMap('immutable: true\ndata: {mode: b}'), null],
  ['immutable Secret value', secret('immutable: true\ndata: {password: YQ==}'), secret('immutable: true\ndata: {password: Yg==}'), 'data'],
  ['immutable Secret, value moved to stringData', secret('immutable: true\ndata: {password: YQ==}'), secret('immutable: true\nstringData: {password: a}'), null],
  ['Secret type', secret('data: {tls.crt: YQ==, tls.key: YQ==}'), secret('type: kubernetes.io/tls\ndata: {tls.crt: YQ==, tls.key: YQ==}'), 'type'],
  ['Secret type written as its default', secret('data: {a: YQ==}'), secret('type: Opaque\ndata: {a: YQ==}'), null],
];

/** Findings for one unit `flux-system/apps` changing `before` into `after`. */
function judge(before: string, after: string, mode: { flux?: boolean; force?: boolean } = {}): Finding[] {
  return describeImmutableChanges({ units: toUnits({ [APPS]: { before, after } }), force: () => mode.force === true, fluxOwned: () => mode.flux === true });
}

const lines = (findings: readonly Finding[]): string[] => findings.map(({ severity, rule, message }) => `${severity} ${rule}: ${message}`);

/** `Kind/namespace/name` of a case's object, as messages print it. */
function refOf(yaml: string): string {
  const kind = /^kind: (\S+)$/m.exec(yaml)?.[1] ?? '';
  const match = /^metadata: \{name: ([^,}]+)(?:, namespace: ([^,}]+))?/m.exec(yaml);
  return [kind, match?.[2], match?.[1]].filter(Boolean).join('/');
}

describe('describeImmutableChanges: the table', () => {
  it.each(CASES)('%s: plain kustomize', (_description, before, after, field) => {
    const refused = `${refOf(after)} changes ${field}, which Kubernetes does not allow`;
    expect(lines(judge(before, after))).toEqual(field === null ? [] : [`error immutable-field-changed: ${refused}: kubectl apply is rejected for it until it is deleted and created again`]);
  });

  it.each(CASES)('%s: Flux', (_description, before, after, field) => {
    const refused = `${refOf(after)} changes ${field}, which Kubernetes does not allow`;
    expect(lines(judge(before, after, { flux: true }))).toEqual(
      field === null ? [] : [`error immutable-field-changed: ${refused}: the apply is rejected, and ${APPS} stops reconciling until fixed (nothing else in it is applied or pruned)`],
    );
  });

  it.each(CASES)('%s: Flux with spec.force', (_description, before, after, field) => {
    const findings = judge(before, after, { flux: true, force: true });
    if (field === null) return expect(findings).toEqual([]);
    const kind = refOf(after).split('/')[0] ?? '';
    expect(findings.map((finding) => finding.severity)).toEqual([['PersistentVolumeClaim', 'PersistentVolume'].includes(kind) ? 'error' : 'warning']);
    expect(findings[0]?.message).toContain(`${refOf(after)} changes ${field}, which Kubernetes does not allow, so Flux deletes and recreates it (spec.force): `);
  });

  it('names what recreation costs, by kind', () => {
    const effect = (before: string, after: string): string => judge(before, after, { flux: true, force: true }).map((finding) => `${finding.severity}: ${finding.message.split('(spec.force): ')[1] ?? ''}`)[0] ?? '';
    expect(effect(claim(', storageClassName: fast'), claim(', storageClassName: slow'))).toBe('error: the new claim gets a new, empty volume, and the data goes with the old one (kept only under reclaim policy Retain)');
    expect(effect(volume(', nfs: {server: a, path: /}'), volume(', nfs: {server: b, path: /}'))).toBe('error: a claim bound to it loses it, and under reclaim policy Delete its storage and data go with it');
    expect(effect(statefulSet(''), statefulSet(', podManagementPolicy: Parallel'))).toBe('warning: its PersistentVolumeClaims stay, but its pods are deleted with it and start again');
    const deleting = ', persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}';
    expect(effect(statefulSet(deleting), statefulSet(`${deleting}, podManagementPolicy: Parallel`))).toBe(
      'error: its pods are deleted with it, and so are its PersistentVolumeClaims (persistentVolumeClaimRetentionPolicy.whenDeleted: Delete): the data goes',
    );
    expect(effect(deployment('{matchLabels: {app: web}}'), deployment('{matchLabels: {app: api}}'))).toBe('warning: its pods are deleted with it and start again');
    expect(effect(job(''), job('', 'migrate:2'))).toBe('warning: the Job runs again');
    expect(effect(service(', clusterIP: None'), service(', clusterIP: 10.96.0.9'))).toBe('warning: for a moment it does not exist');
  });

  it('lists several refused fields of one object in one finding', () => {
    const after = statefulSet(', podManagementPolicy: Parallel', '{matchLabels: {app: db}}').replace('serviceName: db', 'serviceName: other');
    expect(judge(statefulSet(''), after).map((finding) => finding.message.split(', which')[0])).toEqual(['StatefulSet/shop/web changes spec.selector, spec.serviceName and spec.podManagementPolicy']);
  });

  it('keeps the object, unit and provenance of the side after the change', () => {
    const [finding] = judge(deployment('{matchLabels: {app: web}}'), deployment('{matchLabels: {app: api}}'));
    expect(finding).toMatchObject({ unit: APPS, object: { group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web', apiVersion: 'apps/v1' } });
  });
});

describe('describeImmutableChanges: Flux opt-outs and per-object force', () => {
  const withMetadata = (metadata: string, selector: string): string => doc('apps/v1', 'Deployment', 'web', `spec: {selector: ${selector}, template: ${template()}}`, 'shop', metadata);

  it.each([
    ['reconcile: disabled on the live object', 'annotations: {kustomize.toolkit.fluxcd.io/reconcile: disabled}', ''],
    ['ssa: Ignore on the manifest', '', 'labels: {kustomize.toolkit.fluxcd.io/ssa: Ignore}'],
    ['ssa: IfNotPresent on the manifest', '', 'annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}'],
  ])('Flux does not apply an object with %s', (_description, before, after) => {
    expect(judge(withMetadata(before, '{matchLabels: {app: web}}'), withMetadata(after, '{matchLabels: {app: api}}'), { flux: true })).toEqual([]);
  });

  it('plain kustomize knows no Flux annotations', () => {
    const opted = 'annotations: {kustomize.toolkit.fluxcd.io/reconcile: disabled}';
    expect(judge(withMetadata(opted, '{matchLabels: {app: web}}'), withMetadata(opted, '{matchLabels: {app: api}}')).map((finding) => finding.severity)).toEqual(['error']);
  });

  it.each([
    ['the manifest', '', 'labels: {kustomize.toolkit.fluxcd.io/force: enabled}'],
    ['the live object', 'annotations: {kustomize.toolkit.fluxcd.io/force: Enabled}', ''],
  ])('recreates an object whose force opt-in is on %s, without spec.force', (_description, before, after) => {
    expect(lines(judge(withMetadata(before, '{matchLabels: {app: web}}'), withMetadata(after, '{matchLabels: {app: api}}'), { flux: true }))).toEqual([
      'warning immutable-field-changed: Deployment/shop/web changes spec.selector, which Kubernetes does not allow, so Flux deletes and recreates it (kustomize.toolkit.fluxcd.io/force: enabled): its pods are deleted with it and start again',
    ]);
  });

  it('spec.force alone means Flux mode even without the owner predicate', () => {
    const units = toUnits({ [APPS]: { before: claim(', storageClassName: fast'), after: claim(', storageClassName: slow') } });
    expect(describeImmutableChanges({ units, force: () => true }).map((finding) => finding.severity)).toEqual(['error']);
  });
});

describe('describeImmutableChanges: helm releases', () => {
  const release = (name: string, spec = ''): string => doc('helm.toolkit.fluxcd.io/v2', 'HelmRelease', name, `spec: {chart: {spec: {chart: web}}${spec}}`);

  function helmUnits(releaseBefore: string, releaseAfter: string, chart?: { before: string; after: string }): UnitDiff[] {
    const units = toUnits({ [APPS]: { before: releaseBefore, after: releaseAfter }, 'shop/web': { before: deployment('{matchLabels: {app: web}}'), after: deployment('{matchLabels: {app: api}}') } });
    return units.map((unit) => (unit.unit === 'shop/web' ? { ...unit, helm: { parent: APPS, release: 'shop/web', action: 'upgrade' as const, ...(chart ? { chart } : {}) } } : unit));
  }

  it("says helm-controller's upgrade fails, with or without force on the Kustomization", () => {
    for (const force of [false, true]) {
      expect(lines(describeImmutableChanges({ units: helmUnits(release('web'), release('web')), force: () => force, fluxOwned: () => true }))).toEqual([
        "error immutable-field-changed: Deployment/shop/web changes spec.selector, which Kubernetes does not allow: the API server refuses helm-controller's upgrade of HelmRelease shop/web, which fails until fixed",
      ]);
    }
  });

  it.each([
    ['a new releaseName', release('web', ', releaseName: web-v2'), undefined],
    ["a renamed chart (Chart.yaml's name)", release('web'), { before: 'web', after: 'webapp' }],
  ])('judges nothing when the release is reinstalled: %s', (_description, after, chart) => {
    expect(describeImmutableChanges({ units: helmUnits(release('web'), after, chart), force: () => false })).toEqual([]);
  });

  it('a renamed chart under chartNameChangeStrategy: InPlaceUpdate is an upgrade', () => {
    const inPlace = release('web', ', upgrade: {chartNameChangeStrategy: InPlaceUpdate}');
    expect(describeImmutableChanges({ units: helmUnits(release('web'), inPlace, { before: 'web', after: 'webapp' }), force: () => false }).map((finding) => finding.severity)).toEqual(['error']);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10n * 2n ** 30n * 10n ** 9n],
    ['1.5Gi', 3n * 2n ** 29n * 10n ** 9n],
    ['512Mi', 512n * 2n ** 20n * 10n ** 9n],
    ['2Ki', 2048n * 10n ** 9n],
    ['1Ti', 2n ** 40n * 10n ** 9n],
    ['1G', 10n ** 18n],
    ['1.5G', 15n * 10n ** 17n],
    ['500M', 5n * 10n ** 17n],
    ['3k', 3n * 10n ** 12n],
    ['500m', 5n * 10n ** 8n],
    ['1e3', 10n ** 12n],
    ['1024', 1024n * 10n ** 9n],
    [1024, 1024n * 10n ** 9n],
    ['0.1n', 1n],
    ['-1Ki', -1024n * 10n ** 9n],
  ])('reads %s', (text, nanos) => {
    expect(parseQuantity(text)).toBe(nanos);
  });

  it.each([['10 Gi'], ['10GB'], ['Gi'], ['1e9999'], [''], [null], [true]])('reads no quantity in %s', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe('immutable-field-changed in reports', () => {
  const before = yamlDocs(deployment('{matchLabels: {app: web}}'), claim(', storageClassName: fast'));
  const after = yamlDocs(deployment('{matchLabels: {app: web, tier: front}}'), claim(', storageClassName: slow'));
  const summary = (findings: readonly Finding[]): string[] => findings.filter((finding) => finding.rule === 'immutable-field-changed').map((finding) => `${finding.severity} ${finding.object.kind} ${finding.message.includes('kubectl apply') ? 'kubectl' : finding.message.includes('(spec.force)') ? 'forced' : 'rejected'}`);

  it('plain kustomize mode: kubectl apply is rejected', () => {
    expect(summary(toReport({ apps: { before, after } }).findings)).toEqual(['error Deployment kubectl', 'error PersistentVolumeClaim kubectl']);
  });

  it('Flux mode: the owner decides, and its spec.force recreates', () => {
    expect(summary(toFluxReport({ [APPS]: { before, after } }, { [APPS]: stable(ks('apps')) }).findings)).toEqual(['error Deployment rejected', 'error PersistentVolumeClaim rejected']);
    expect(summary(toFluxReport({ [APPS]: { before, after } }, { [APPS]: stable(ks('apps', { spec: '  force: true' })) }).findings)).toEqual(['error PersistentVolumeClaim forced', 'warning Deployment forced']);
  });
});
