/**
 * The helm port against real Helm 3 and Helm 4 (see test/helpers/helm-binaries.ts), on a
 * chart of our own with a CRD in crds/, a CRD and a Deployment in templates/, a hook and a
 * test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHelmOutput } from '../../../src/core/helm/helm-output.ts';
import { RenderError } from '../../../src/core/errors.ts';
import { createHelmRunner, findHelm } from '../../../src/render/helm/helm-runner.ts';
import { makeTempDir, writeTree } from '../../e2e/helpers.ts';
import { findHelmBinaries } from '../../helpers/helm-binaries.ts';

const { binaries, problems } = findHelmBinaries();
if (problems.length > 0) console.warn(`helm tests skipped for: ${problems.join('; ')}`);
if (binaries.length === 0 && process.env.CI) throw new Error(`CI needs the helm binaries: ${problems.join('; ')}`);

const crd = (plural: string, kind: string, extra = ''): string =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${plural}.example.io\n${extra}spec:\n  group: example.io\n  names: {kind: ${kind}, plural: ${plural}}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true}]\n`;

function writeChart(root: string, kubeVersion?: string): string {
  const chart = join(root, 'widgets');
  writeTree(chart, {
    'Chart.yaml': `apiVersion: v2\nname: widgets\nversion: 1.2.3\n${kubeVersion ? `kubeVersion: "${kubeVersion}"\n` : ''}`,
    'values.yaml': 'replicas: 1\nimage: example/widgets:1.0\n',
    'crds/widgets.yaml': crd('widgets', 'Widget'),
    'templates/gadgets-crd.yaml': crd('gadgets', 'Gadget'),
    'templates/deployment.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  namespace: {{ .Release.Namespace }}\nspec:\n  replicas: {{ .Values.replicas }}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {{ .Values.image }}\n',
    'templates/hook.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-upgrade\nspec: {}\n',
    'templates/tests/ping.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ping\n  annotations:\n    helm.sh/hook: test\nspec: {containers: [{name: ping, image: busybox}]}\n',
  });
  return chart;
}

describe.skipIf(binaries.length === 0)('helm template through the port', () => {
  it.each(binaries)('$name renders the release as helm-controller names it, crds/ apart from templates/, hooks set aside', async ({ bin }) => {
    const root = makeTempDir();
    const chart = writeChart(root);
    const values = join(root, 'values.yaml');
    writeFileSync(values, 'replicas: 3\n');
    const runner = createHelmRunner(bin, { env: process.env });
    const output = await runner.template({ chart, releaseName: 'shop-widgets', namespace: 'shop', kubeVersion: '1.33.0', valuesFile: values, shown: 'HelmRelease flux-system/widgets' });
    const documents = parseHelmOutput(output, 'HelmRelease flux-system/widgets');
    const summary = documents.map(({ source, part, body }) => [part, source, body.kind, (body.metadata as { name: string }).name]);
    expect(summary.sort()).toEqual([
      ['crds', 'widgets/crds/widgets.yaml', 'CustomResourceDefinition', 'widgets.example.io'],
      ['hook', 'widgets/templates/hook.yaml', 'Job', 'migrate'],
      ['hook', 'widgets/templates/tests/ping.yaml', 'Pod', 'ping'],
      ['templates', 'widgets/templates/deployment.yaml', 'Deployment', 'shop-widgets'],
      ['templates', 'widgets/templates/gadgets-crd.yaml', 'CustomResourceDefinition', 'gadgets.example.io'],
    ]);
    const deployment = documents.find((document) => document.body.kind === 'Deployment')?.body as { metadata: { namespace: string }; spec: { replicas: number } };
    expect(deployment.metadata.namespace).toBe('shop');
    // The values file wins over the chart's defaults.
    expect(deployment.spec.replicas).toBe(3);
  });

  it.each(binaries)('$name: a chart whose kubeVersion rejects the version given fails with one line naming the release', async ({ bin }) => {
    const chart = writeChart(makeTempDir(), '>=1.35.0-0');
    const runner = createHelmRunner(bin, { env: process.env });
    const failure = runner.template({ chart, releaseName: 'widgets', namespace: 'default', kubeVersion: '1.30.0', shown: 'HelmRelease apps/widgets' });
    await expect(failure).rejects.toBeInstanceOf(RenderError);
    await expect(failure).rejects.toThrow(/^helm template failed on HelmRelease apps\/widgets: .*kubeVersion.*1\.30\.0[^\n]*$/);
  });
});

describe('findHelm', () => {
  it('names the flag when the binary it names is missing, and finds none on an empty PATH', () => {
    expect(() => findHelm({ bin: '/nonexistent/helm', env: {} })).toThrow('helm binary not found or not executable: /nonexistent/helm (from --helm-bin)');
    expect(() => findHelm({ env: { PRUNE_GUARD_HELM: '/nonexistent/helm' } })).toThrow('(from PRUNE_GUARD_HELM)');
    expect(findHelm({ env: { PATH: makeTempDir() } })).toBeUndefined();
  });
});

describe.skipIf(binaries.length === 0)('helm template refuses names that are no names', () => {
  it.each(binaries)('$name: a release name or namespace from the manifests never reaches helm as a flag', async ({ bin }) => {
    const chart = writeChart(makeTempDir());
    const runner = createHelmRunner(bin, { env: process.env });
    const request = { chart, namespace: 'default', kubeVersion: '1.33.0', shown: 'HelmRelease apps/evil' };
    await expect(runner.template({ ...request, releaseName: '--post-renderer=./evil.sh' })).rejects.toThrow('helm template refused on HelmRelease apps/evil: "--post-renderer=./evil.sh" is not a release name helm takes');
    await expect(runner.template({ ...request, releaseName: 'ok', namespace: '--kubeconfig=/etc/x' })).rejects.toThrow('is not a namespace');
  });
});
