/**
 * Where a HelmRelease's chart is in the checkout: a path in this repository's GitRepository,
 * kept inside the repository, symlinks included; every other source is named, not fetched.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/objects/kube-objects.ts';
import { locateChart } from '../../src/flux/helm-chart-source.ts';
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

function prepare(): { root: string; locate: (body: KubeObject) => ReturnType<typeof locateChart> } {
  const root = makeTempDir();
  writeTree(root, { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'charts/app/templates/cm.yaml': 'kind: ConfigMap\n', 'shared/crds/a.yaml': 'kind: x\n' });
  const objects = [gitRepository('flux-system', 'https://github.com/example/fleet'), gitRepository('other', 'https://github.com/example/elsewhere')];
  const check = createSourceCheck(objects, { repoUrl: 'https://github.com/example/fleet.git', branch: 'main', configured: [], isDirectory: () => true, listFolders: () => [] });
  const tree = { root, confinement: createConfinement(root) };
  return { root, locate: (body) => locateChart(body, check, tree) };
}

const ours = { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' };

describe('locateChart', () => {
  it('finds a chart folder of this repository, a symlinked folder inside it included', () => {
    const { root, locate } = prepare();
    symlinkSync('../../shared/crds', join(root, 'charts/app/crds'));
    expect(locate(release({ chart: './charts/app', sourceRef: ours }))).toEqual({ dir: join(root, 'charts/app') });
  });

  it('refuses a chart that holds a symlink out of the repository, however deep', () => {
    const { root, locate } = prepare();
    mkdirSync(join(root, 'charts/app/files/deeper'), { recursive: true });
    symlinkSync('/etc', join(root, 'charts/app/files/deeper/etc'));
    expect(locate(release({ chart: './charts/app', sourceRef: ours }))).toEqual({ problem: 'its chart holds charts/app/files/deeper/etc: a symlink that leads out of the repository' });
  });

  it('refuses a chart path that leads out of the repository, and a folder without Chart.yaml', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: '../../etc', sourceRef: ours }))).toEqual({ problem: 'its chart path ../../etc leads out of the repository' });
    expect(locate(release({ chart: './shared', sourceRef: ours }))).toEqual({ problem: 'shared holds no Chart.yaml' });
  });

  it('names every source it does not fetch, and a GitRepository that is another repository', () => {
    const { locate } = prepare();
    expect(locate(release({ chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } }))).toEqual({ problem: 'its chart comes from HelmRepository/apps/podinfo, which prune-guard does not fetch yet' });
    expect(locate(release(undefined, { chartRef: { kind: 'OCIRepository', name: 'podinfo' } }))).toEqual({ problem: 'its chart comes from OCIRepository/podinfo, which prune-guard does not fetch yet' });
    expect(locate(release({ chart: './charts/app', sourceRef: { kind: 'GitRepository', name: 'other', namespace: 'flux-system' } }))).toEqual({
      problem: 'its chart source GitRepository/flux-system/other points at https://github.com/example/elsewhere, not this repository (list it under sources in .prune-guard.yaml if it is)',
    });
    expect(locate(release(undefined))).toEqual({ problem: 'it names no chart (spec.chart.spec or spec.chartRef)' });
  });
});
