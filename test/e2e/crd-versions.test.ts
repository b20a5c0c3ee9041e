/**
 * `prune-guard diff BEFORE AFTER` with the built CLI and real kustomize: a CRD version dropped
 * while a root that did not change still writes objects at it, and static NFS volumes with
 * Retain pruned with their claims.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKustomize, kustomization, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

/** Writes `before` and `after` trees into a temp dir and returns it. */
function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(join(dir, 'before'), before);
  writeTree(join(dir, 'after'), after);
  return dir;
}

function widgetCrd(versions: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.io
spec:
  group: example.io
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
${versions}`;
}

const version = (name: string, storage: boolean): string =>
  `  - name: ${name}\n    served: true\n    storage: ${storage}\n    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n`;

const NFS_SHARES = ['books', 'movies', 'music', 'photos'];
const nfsVolume = (share: string): string => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: nfs-${share}
spec:
  capacity: {storage: 1Ti}
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ''
  nfs: {server: nas.home.arpa, path: /export/${share}}
`;
const nfsClaim = (share: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${share}
  namespace: media
spec:
  accessModes: [ReadWriteMany]
  storageClassName: ''
  volumeName: nfs-${share}
  resources: {requests: {storage: 1Ti}}
`;

describe.skipIf(!hasKustomize)('CRD versions and volume reclaim policies, diff mode', () => {
  it('a CRD that drops v1beta1 while an unchanged root still writes a Widget at it: crd-version-removed, exit 1', async () => {
    const apps = { 'apps/kustomization.yaml': kustomization('widget.yaml'), 'apps/widget.yaml': 'apiVersion: example.io/v1beta1\nkind: Widget\nmetadata: {name: w1, namespace: apps}\n' };
    const dir = sides(
      { ...apps, 'crds/kustomization.yaml': kustomization('widgets.yaml'), 'crds/widgets.yaml': widgetCrd(version('v1beta1', false) + version('v1', true)) },
      { ...apps, 'crds/kustomization.yaml': kustomization('widgets.yaml'), 'crds/widgets.yaml': widgetCrd(version('v1', true)) },
    );
    const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--no-fix'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = parseReport(result);
    expect(report.findings.map(({ severity, rule, unit, object }) => `${severity} ${rule} ${unit} ${object.kind}/${object.name}`)).toEqual([
      'error crd-version-removed crds CustomResourceDefinition/widgets.example.io',
    ]);
    expect(report.findings[0]?.message).toContain('drops v1beta1 from spec.versions, but Widget/apps/w1 still uses example.io/v1beta1: the API server no longer serves that version, so applying it fails; write it as example.io/v1 first');
    expect(report.findings[0]?.provenance).toMatchObject({ file: 'crds/widgets.yaml' });
  });

  it('four static NFS volumes with Retain pruned with their claims: eight notices, no warning, exit 0', async () => {
    const dir = sides(
      {
        'storage/kustomization.yaml': kustomization(...NFS_SHARES.map((share) => `${share}.yaml`)),
        ...Object.fromEntries(NFS_SHARES.map((share) => [`storage/${share}.yaml`, `${nfsVolume(share)}---\n${nfsClaim(share)}`])),
        'keep/kustomization.yaml': kustomization('cm.yaml'),
        'keep/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keep, namespace: media}\n',
      },
      {
        'keep/kustomization.yaml': kustomization('cm.yaml'),
        'keep/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keep, namespace: media}\n',
      },
    );
    const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--no-fix'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const report = parseReport(result);
    expect(report.findings.map(({ severity, rule, object }) => `${severity} ${rule} ${object.kind}/${object.name}`).sort()).toEqual(
      [...NFS_SHARES.map((share) => `notice data-removed PersistentVolume/nfs-${share}`), ...NFS_SHARES.map((share) => `notice data-removed PersistentVolumeClaim/${share}`)].sort(),
    );
    for (const finding of report.findings) expect(finding.message).not.toContain('deleted');
    expect(report.findings.find(({ object }) => object.name === 'music')?.message).toBe(
      'PersistentVolumeClaim/media/music is pruned: its volume PersistentVolume/nfs-music has reclaim policy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand; PersistentVolume/nfs-music leaves the renders in this change as well (see its own finding)',
    );
  });
});
