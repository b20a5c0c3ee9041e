/**
 * Charts from outside the repository, end to end with real Helm 3 and Helm 4: a HelmRepository
 * served over HTTP on 127.0.0.1 (index, semver range, relative archive URLs), and an OCI
 * registry (`docker-registry`) read as a HelmRepository of type oci and through an
 * OCIRepository chartRef. The sources live in a Kustomization the change does not touch.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, hasKustomize, makeTempDir, parseReport, runCli, serveFiles, writeTree, type FileServer, type Tree } from './helpers.ts';
import { findHelmBinaries } from '../helpers/helm-binaries.ts';
import { REGISTRY_BIN, indexCharts, makeSuiteDir, packageCharts, pushChart, removeSuiteDir, startRegistry, type Registry } from '../helpers/chart-servers.ts';

const { binaries } = findHelmBinaries();

const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.io}\nspec: {group: example.io, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: [{name: v1, served: true, storage: true}]}\n';
const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: {{ .Release.Name }}-config}\ndata: {version: {{ .Chart.Version | quote }}}\n';

/** widgets 1.0.0 ships its CRD in templates/; 1.1.0 no longer does (it moved to a chart of its own, as Calico's did). */
const CHARTS: Tree[] = [
  { 'Chart.yaml': 'apiVersion: v2\nname: widgets\nversion: 1.0.0\n', 'templates/crd.yaml': crd, 'templates/config.yaml': config },
  { 'Chart.yaml': 'apiVersion: v2\nname: widgets\nversion: 1.1.0\n', 'templates/config.yaml': config },
  { 'Chart.yaml': 'apiVersion: v2\nname: widgets\nversion: 2.0.0-rc.1\n', 'templates/config.yaml': config },
  // Its CRD only with the values file the chart ships for it.
  { 'Chart.yaml': 'apiVersion: v2\nname: gadgets\nversion: 0.1.0\n', 'values.yaml': 'installCRDs: false\n', 'values-crds.yaml': 'installCRDs: true\n', 'templates/crd.yaml': `{{- if .Values.installCRDs }}\n${crd}{{- end }}\n`, 'templates/config.yaml': config },
];

const kustomization = (name: string, path: string): string =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: ${name}, namespace: flux-system}\nspec: {interval: 10m, path: ${path}, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n`;

const helmRelease = (chart: string): string => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: widgets, namespace: apps}\nspec:\n  interval: 10m\n${chart}`;
const fromRepository = (name: string, version: string): string => helmRelease(`  chart: {spec: {chart: widgets, version: "${version}", sourceRef: {kind: HelmRepository, name: ${name}, namespace: flux-system}}}\n`);
const fromOciRepository = helmRelease('  chartRef: {kind: OCIRepository, name: widgets, namespace: flux-system}\n');

/** A Flux repository: `infra` declares the sources, `apps` the release. */
function fluxRepo(sources: string, before: string, after: string, afterSources = sources): string {
  const dir = makeTempDir('prune-guard-helm-sources-');
  writeTree(dir, {
    'clusters/prod/flux-system/gotk-sync.yaml': `apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata: {name: flux-system, namespace: flux-system}\nspec: {interval: 1m, url: https://github.com/example/fleet, ref: {branch: main}}\n---\n${kustomization('flux-system', './clusters/prod')}`,
    'clusters/prod/infra.yaml': kustomization('infra', './infra'),
    'clusters/prod/apps.yaml': kustomization('apps', './apps'),
    'infra/kustomization.yaml': 'resources: [sources.yaml]\n',
    'infra/sources.yaml': sources,
    'apps/kustomization.yaml': 'resources: [release.yaml]\n',
    'apps/release.yaml': before,
  });
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  writeTree(dir, { 'apps/release.yaml': after, 'infra/sources.yaml': afterSources });
  return dir;
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] => findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);
const UNIT = 'flux-system/apps / HelmRelease apps/widgets';
const CRD_REMOVED = `error crd-removed ${UNIT} CustomResourceDefinition/widgets.example.io`;

describe.skipIf(!hasKustomize || binaries.length === 0)('charts of a HelmRepository served over HTTP', () => {
  let server: FileServer;
  let sources: string;
  let root: string | undefined;
  beforeAll(async () => {
    root = makeSuiteDir('prune-guard-chart-repo-');
    packageCharts(binaries[0]!.bin, join(root, 'charts'), CHARTS);
    indexCharts(binaries[0]!.bin, join(root, 'charts'));
    server = await serveFiles(root);
    sources = `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: charts, namespace: flux-system}\nspec: {interval: 1h, url: ${server.origin}/charts}\n`;
  });
  afterAll(async () => {
    await server?.close();
    removeSuiteDir(root);
  });

  it.each(binaries)('$name: a version range moved to a chart that no longer renders its CRD blocks, and the archive is fetched once across runs', async ({ bin }) => {
    const dir = fluxRepo(sources, fromRepository('charts', '1.0.x'), fromRepository('charts', '>=1.1.0 <2'));
    const cache = makeTempDir('prune-guard-cache-');
    const seen = server.requests.length;
    const args = ['--format', 'json', '--helm-bin', bin, '--allow-remote', server.origin.replace('http://', '')];
    const first = await runCli(args, { cwd: dir, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    const report = parseReport(first);
    expect(first.code).toBe(1);
    expect(summarize(report.findings)).toEqual([CRD_REMOVED]);
    expect(report.units.find((unit) => unit.name === UNIT)).toMatchObject({ before: 2, after: 1, helm: { action: 'upgrade' } });
    // The prerelease 2.0.0-rc.1 is no match for a range without a prerelease.
    expect(JSON.stringify(report.changes.changed)).toContain('"1.1.0"');
    const archives = (): string[] => server.requests.slice(seen).filter((path) => path.endsWith('.tgz'));
    expect(archives().sort()).toEqual(['/charts/widgets-1.0.0.tgz', '/charts/widgets-1.1.0.tgz']);
    await runCli(args, { cwd: dir, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    expect(archives()).toHaveLength(2);
  });

  it.each(binaries)("$name: valuesFiles of a fetched chart are read from its archive: dropping the one that installs the CRD deletes it", async ({ bin }) => {
    const gadgets = (files: string): string =>
      helmRelease(`  chart: {spec: {chart: gadgets, version: "0.1.0", valuesFiles: ${files}, sourceRef: {kind: HelmRepository, name: charts, namespace: flux-system}}}\n`).replace('name: widgets, namespace: apps', 'name: gadgets, namespace: apps');
    const dir = fluxRepo(sources, gadgets('[values.yaml, values-crds.yaml]'), gadgets('[values.yaml]'));
    const result = await runCli(['--format', 'json', '--helm-bin', bin, '--allow-remote', server.origin.replace('http://', '')], { cwd: dir });
    expect(summarize(parseReport(result).findings)).toEqual(['error crd-removed flux-system/apps / HelmRelease apps/gadgets CustomResourceDefinition/widgets.example.io']);
    expect(result.code).toBe(1);
  });

  it.each(binaries)('$name: a chart version no entry matches, and a host not allowed, leave the release not rendered with the reason', async ({ bin }) => {
    const dir = fluxRepo(sources, fromRepository('charts', '1.0.x'), fromRepository('charts', '~3.0'));
    const allowed = await runCli(['--format', 'json', '--helm-bin', bin, '--allow-remote', server.origin.replace('http://', '')], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(parseReport(allowed).units.find((unit) => unit.name === UNIT)?.skipped).toMatch(/^its chart widgets ~3\.0 from HelmRepository\/flux-system\/charts cannot be had: no version matching '~3\.0'/);
    const refused = await runCli(['--format', 'json', '--helm-bin', bin], { cwd: fluxRepo(sources, fromRepository('charts', '1.0.x'), fromRepository('charts', '1.1.x')) });
    expect(refused.code).toBe(0);
    expect(parseReport(refused).units.find((unit) => unit.name === UNIT)?.skipped).toMatch(/cannot be fetched: .*allow it with remote\.allow in \.prune-guard\.yaml/);
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0 || !REGISTRY_BIN)(`charts of an OCI registry${REGISTRY_BIN ? '' : ' (skipped: docker-registry is not installed; apt-get install docker-registry)'}`, () => {
  let registry: Registry;
  let sources: string;
  beforeAll(async () => {
    registry = await startRegistry();
    const root = makeSuiteDir('prune-guard-oci-charts-');
    try {
      for (const archive of packageCharts(binaries[0]!.bin, root, CHARTS)) pushChart(binaries[0]!.bin, join(root, archive), registry.host, 'charts');
    } finally {
      removeSuiteDir(root);
    }
    sources =
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: oci, namespace: flux-system}\nspec: {interval: 1h, type: oci, insecure: true, url: oci://${registry.host}/charts}\n---\n` +
      `apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: widgets, namespace: flux-system}\nspec: {interval: 1h, insecure: true, url: oci://${registry.host}/charts/widgets, ref: {semver: "1.0.x"}}\n`;
  }, 60_000);
  afterAll(() => registry?.stop());

  it.each(binaries)('$name: a HelmRepository of type oci: a range resolved against the tags, an exact version fetched as its tag', async ({ bin }) => {
    const dir = fluxRepo(sources, fromRepository('oci', '1.0.0'), fromRepository('oci', '^1.1'));
    const result = await runCli(['--format', 'json', '--helm-bin', bin, '--allow-remote', registry.host], { cwd: dir });
    expect(result.code).toBe(1);
    expect(summarize(parseReport(result).findings)).toEqual([CRD_REMOVED]);
  });

  it.each(binaries)('$name: an OCIRepository chartRef whose semver range moves', async ({ bin }) => {
    const dir = fluxRepo(sources, fromOciRepository, fromOciRepository, sources.replace('semver: "1.0.x"', 'semver: "1.1.x"'));
    const result = await runCli(['--format', 'json', '--helm-bin', bin, '--allow-remote', registry.host], { cwd: dir });
    expect(summarize(parseReport(result).findings)).toEqual([CRD_REMOVED]);
    expect(result.code).toBe(1);
  });
});
