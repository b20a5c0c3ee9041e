/**
 * A HelmRelease rendered as helm-controller installs it, with real Helm 3 and Helm 4: the
 * chart from this repository, values from the renders' ConfigMaps and Secrets, the release
 * name and namespace the controller uses.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/core/objects/kube-objects.ts';
import { DEFAULT_KUBERNETES_VERSION, renderHelmRelease, type HelmReleaseContext } from '../../src/app/render-helm-release.ts';
import { createSourceCheck } from '../../src/flux/sources.ts';
import { createKustomizeRunner } from '../../src/render/kustomize/kustomize-runner.ts';
import { createHelmRunner } from '../../src/render/helm/helm-runner.ts';
import { createConfinement } from '../../src/render/kustomize/confine.ts';
import { makeTempDir, writeTree } from '../e2e/helpers.ts';
import { findHelmBinaries } from '../helpers/helm-binaries.ts';

const { binaries } = findHelmBinaries();

const release = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'helm.toolkit.fluxcd.io/v2',
  kind: 'HelmRelease',
  metadata: { name: 'app', namespace: 'apps' },
  spec: { chart: { spec: { chart: './charts/app', sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' } } }, ...spec },
});

function prepare(bin: string, objects: KubeObject[]): HelmReleaseContext {
  const root = makeTempDir();
  writeTree(root, {
    'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
    'charts/app/values.yaml': 'replicas: 1\nauth: {password: ""}\nbroken: false\n',
    'charts/app/templates/deployment.yaml':
      '{{- if .Values.broken }}{{ fail "the chart refuses these values" }}{{ end }}\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {{ .Release.Name }}, namespace: {{ .Release.Namespace }}}\nspec: {replicas: {{ .Values.replicas }}}\n',
    'charts/app/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: {{ .Release.Name }}-auth}\nstringData: {password: {{ .Values.auth.password | quote }}}\n',
  });
  const sources = [{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'flux-system', namespace: 'flux-system' }, spec: { url: 'https://github.com/example/fleet' } }];
  return {
    helm: createHelmRunner(bin, { env: process.env }),
    check: createSourceCheck(sources, { repoUrl: 'https://github.com/example/fleet', configured: [], isDirectory: () => true, listFolders: () => [] }),
    tree: { root, confinement: createConfinement(root) },
    find: (kind, namespace, name) => objects.find((object) => object.kind === kind && (object.metadata as { name: string; namespace: string }).name === name && (object.metadata as { namespace: string }).namespace === namespace),
    findSource: () => undefined,
    charts: { fetchChart: () => Promise.reject(new Error('no remote chart in these tests')) },
    kustomize: createKustomizeRunner({ env: process.env }),
    kubeVersion: DEFAULT_KUBERNETES_VERSION,
  };
}

const values = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-values-5f6g7h', namespace: 'apps' }, data: { 'values.yaml': 'replicas: 4\n' } };
const password = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-auth', namespace: 'apps' }, data: { password: Buffer.from('s3cret-value').toString('base64') } };

describe.skipIf(binaries.length === 0)('renderHelmRelease', () => {
  it.each(binaries)('$name: the release helm-controller would install, values from a generated ConfigMap and a Secret', async ({ bin }) => {
    const context = prepare(bin, [values, password]);
    const rendered = await renderHelmRelease(
      release({ targetNamespace: 'shop', valuesFrom: [{ kind: 'ConfigMap', name: 'app-values-5f6g7h' }, { kind: 'Secret', name: 'app-auth', valuesKey: 'password', targetPath: 'auth.password' }] }),
      context,
    );
    if (!('documents' in rendered)) throw new Error(rendered.problem);
    const deployment = rendered.documents.find((document) => document.body.kind === 'Deployment')?.body as { metadata: { name: string; namespace: string }; spec: { replicas: number } };
    // `[targetNamespace-]name`, in the target namespace; the ConfigMap's replicas over the chart's.
    expect(deployment.metadata).toEqual({ name: 'shop-app', namespace: 'shop' });
    expect(deployment.spec.replicas).toBe(4);
    expect(rendered.secretTexts).toEqual(['s3cret-value']);
  });

  it.each(binaries)('$name: a release whose values are missing, or whose chart fails, is not rendered, and says why', async ({ bin }) => {
    const context = prepare(bin, []);
    expect(await renderHelmRelease(release({ valuesFrom: [{ kind: 'ConfigMap', name: 'absent' }] }), context)).toEqual({ problem: 'valuesFrom[0]: no ConfigMap apps/absent in the renders', missing: ['ConfigMap'] });
    const failed = await renderHelmRelease(release({ values: { broken: true } }), context);
    expect(failed).toMatchObject({ problem: expect.stringMatching(/^helm template failed on HelmRelease apps\/app: .*the chart refuses these values[^\n]*$/) });
  });
});
