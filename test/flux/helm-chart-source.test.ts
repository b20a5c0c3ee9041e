/**
 * Where a HelmRelease's chart comes from: a path in this repository's GitRepository, kept
 * inside the repository, symlinks included; a HelmRepository's index or an OCI registry,
 * through the sources its cluster renders, versions and refs as source-controller reads them.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/objects/kube-objects.ts';
import { resolveChartRequest } from '../../src/flux/helm-chart-source.ts';
import { createSourceCheck } from '../../src/flux/sources.ts';
import { createConfinement } from '../../src/render/kustomize/confine.ts';
import { makeTempDir, writeTree } from '../e2e/helpers.ts';

const gitRepository = (name: string, url: string): KubeObject => ({
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'GitRepository',
  metadata: { name, namespace: 'flux-system' },
  spec: { url, ref: { branch: 'main' } },
});

const release = (chart: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'app', namespace: 'apps' },
  spec: { ...(chart ? { chart: { spec: chart } } : {}), ...extra },
});

const source = (kind: string, name: string, spec: Record<string, unknown>, namespace = 'apps'): KubeObject => ({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind, metadata: { name, namespace }, spec });

const sources = [
  source('HelmRepository', 'podinfo', { url: 'https://stefanprodan.github.io/podinfo' }),
  source('HelmRepository', 'ghcr', { type: 'oci', url: 'oci://ghcr.io/stefanprodan/charts/' }),
  source('HelmRepository', 'local', { type: 'oci', url: 'oci://127.0.0.1:5000/charts', insecure: true }, 'flux-system'),
  source('OCIRepository', 'pinned', { url: 'oci://ghcr.io/stefanprodan/charts/podinfo', ref: { digest: 'sha256:abc', semver: '6.x', tag: '6.5.0' } }),
  source('OCIRepository', 'ranged', { url: 'oci://ghcr.io/stefanprodan/charts/podinfo', ref: { semver: '>=6.0.0' } }),
  source('OCIRepository', 'bare', { url: 'oci://ghcr.io/stefanprodan/charts/podinfo' }),
  source('HelmChart', 'shared', { chart: 'podinfo', version: '6.x', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } }),
];

function prepare(): { root: string; locate: (body: KubeObject) => ReturnType<typeof resolveChartRequest> } {
  const root = makeTempDir();
  writeTree(root, { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'charts/app/templates/cm.yaml': 'kind: ConfigMap\n', 'shared/crds/a.yaml': 'kind: x\n' });
  const objects = [gitRepository('flux-system', 'https://github.com/example/fleet'), gitRepository('other', 'https://github.com/example/elsewhere')];
  const check = createSourceCheck(objects, { repoUrl: 'https://github.com/example/fleet.git', branch: 'main', configured: [], isDirectory: () => true, listFolders: () => [] });
  const tree = { root, confinement: createConfinement(root) };
  const findSource = (kind: string, namespace: string, name: string): KubeObject | undefined => sources.find((object) => object.kind === kind && JSON.stringify(object.metadata) === JSON.stringify({ name, namespace }));
  return { root, locate: (body) => resolveChartRequest(body, { check, tree, findSource }) };
}

const ours = { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' };

describe('resolveChartRequest', () => {
  it('finds a chart folder of this repository, a symlinked folder inside it included', () => {
    const { root, locate } = prepare();
    symlinkSync('../../shared/crds', join(root, 'charts/app/crds'));
    expect(locate(release({ chart: './charts/app', sourceRef: ours }))).toEqual({ kind: 'folder', dir: join(root, 'charts/app') });
  });

  it('refuses a chart that holds a symlink out of the repository, however deep', () => {
    const { root, locate } = prepare();
    mkdirSync(join(root, 'charts/app/files/deeper'), { recursive: true });
    symlinkSync('/etc', join(root, 'charts/app/files/deeper/etc'));
    expect(locate(release({ chart: './charts/app', sourceRef: ours }))).toEqual({ problem: 'its chart holds charts/app/files/deeper/etc: a symlink that leads out of the repository' });
  });

  it('refuses a chart path that leads out of the repository, and a folder without Chart.yaml', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: '../../etc', sourceRef: ours }))).toEqual({ problem: 'its chart path ../../etc in GitRepository/flux-system/flux-system leads out of the repository' });
    expect(locate(release({ chart: './shared', sourceRef: ours }))).toEqual({ problem: 'shared holds no Chart.yaml' });
  });

  it('asks a HelmRepository for the version range written, `*` when none, and an OCI one for a tag or a range', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: 'podinfo', version: '6.x', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } }))).toEqual({
      kind: 'index',
      repository: 'https://stefanprodan.github.io/podinfo',
      chart: 'podinfo',
      version: '6.x',
      shown: 'podinfo 6.x from HelmRepository/apps/podinfo',
    });
    expect(locate(release({ chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } }))).toMatchObject({ kind: 'index', version: '*' });
    // An exact version is fetched as its tag (`+` is `_` in OCI tags); a range lists the tags.
    expect(locate(release({ chart: 'podinfo', version: '6.5.0+build.1', sourceRef: { kind: 'HelmRepository', name: 'ghcr' } }))).toMatchObject({ kind: 'oci', url: 'oci://ghcr.io/stefanprodan/charts/podinfo', select: { tag: '6.5.0_build.1' }, insecure: false });
    expect(locate(release({ chart: 'podinfo', version: '>=6', sourceRef: { kind: 'HelmRepository', name: 'local', namespace: 'flux-system' } }))).toMatchObject({ kind: 'oci', url: 'oci://127.0.0.1:5000/charts/podinfo', select: { semver: '>=6' }, insecure: true });
  });

  it('follows chartRef to an OCIRepository (digest, then semver, then tag, then latest) and to a HelmChart', () => {
    const { locate } = prepare();
    const ref = (kind: string, name: string): KubeObject => release(undefined, { chartRef: { kind, name } });
    expect(locate(ref('OCIRepository', 'pinned'))).toMatchObject({ kind: 'oci', select: { digest: 'sha256:abc' } });
    expect(locate(ref('OCIRepository', 'ranged'))).toMatchObject({ kind: 'oci', select: { semver: '>=6.0.0' } });
    expect(locate(ref('OCIRepository', 'bare'))).toMatchObject({ kind: 'oci', select: { tag: 'latest' }, shown: 'OCIRepository/apps/bare' });
    expect(locate(ref('HelmChart', 'shared'))).toMatchObject({ kind: 'index', chart: 'podinfo', version: '6.x' });
  });

  it('says which source its cluster does not render, so more units can be rendered to find it', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'gone' } }))).toEqual({ problem: 'its chart source HelmRepository/apps/gone is not in the renders of its cluster', missing: 'HelmRepository' });
    expect(locate(release(undefined, { chartRef: { kind: 'OCIRepository', name: 'gone', namespace: 'flux-system' } }))).toEqual({ problem: 'its chart source OCIRepository/flux-system/gone is not in the renders of its cluster', missing: 'OCIRepository' });
  });

  it('names what it cannot take: a Bucket, a GitRepository that is another repository, no chart at all', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: './charts/app', sourceRef: { kind: 'Bucket', name: 'b' } }))).toEqual({ problem: 'its chart comes from Bucket/apps/b: a Bucket is not this repository' });
    expect(locate(release(undefined, { chartRef: { kind: 'GitRepository', name: 'x' } }))).toEqual({ problem: 'its chartRef names GitRepository/apps/x, which is no chart source helm-controller takes' });
    expect(locate(release({ chart: './charts/app', sourceRef: { kind: 'GitRepository', name: 'other', namespace: 'flux-system' } }))).toEqual({
      problem: 'its chart source GitRepository/flux-system/other points at https://github.com/example/elsewhere, not this repository (list it under sources in .prune-guard.yaml if it is)',
    });
    expect(locate(release(undefined))).toEqual({ problem: 'it names no chart (spec.chart.spec or spec.chartRef)' });
  });
});
