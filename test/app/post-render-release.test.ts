/**
 * A HelmRelease's postRenderers applied with the real kustomize, as helm-controller applies
 * them: in order, to the documents Helm 4 hands its post-renderer under each strategy, with
 * only the inline fields the HelmRelease API declares.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHelmOutput, type HelmDocument } from '../../src/core/helm/helm-output.ts';
import {
  DEFAULT_POST_RENDER_STRATEGY,
  POST_RENDER_FILENAME_ANNOTATION,
  postRenderRelease,
  readPostRenderStrategy,
  type PostRenderStrategy,
  type PostRenderedRelease,
} from '../../src/app/post-render-release.ts';
import { createKustomizeRunner, type KustomizeRunner } from '../../src/render/kustomize/kustomize-runner.ts';
import { hasKustomize } from '../e2e/helpers.ts';

/** `helm template --include-crds` output of a small chart: a CRD, a Deployment and ConfigMap without namespace, a hook. */
const HELM_OUTPUT = `---
# Source: app/crds/widgets.yaml
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true}]
---
# Source: app/templates/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  enabled: "on"
---
# Source: app/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
---
# Source: app/templates/tests/probe.yaml
apiVersion: v1
kind: Pod
metadata:
  name: web-probe
  annotations:
    helm.sh/hook: test
spec:
  containers:
    - name: probe
      image: busybox:1.36
`;

const documents = (text = HELM_OUTPUT): HelmDocument[] => parseHelmOutput(text, 'HelmRelease apps/web');

function rendered(result: PostRenderedRelease): readonly HelmDocument[] {
  if ('problem' in result) throw new Error(result.problem);
  return result.documents;
}

function find(result: readonly HelmDocument[], kind: string, name: string): HelmDocument {
  const found = result.find((document) => document.body.kind === kind && (document.body.metadata as { name: string }).name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
}

const imageOf = (document: HelmDocument): unknown => (document.body as { spec: { template: { spec: { containers: Array<{ image: string }> } } } }).spec.template.spec.containers[0]?.image;
const labelsOf = (document: HelmDocument): unknown => (document.body.metadata as { labels?: unknown }).labels;

const SCALE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n';

/** A runner that fails the test if a build is attempted. */
const noBuild: KustomizeRunner = {
  command: 'kustomize build',
  build: () => Promise.reject(new Error('kustomize must not run')),
};

/** Labels every object a post-renderer sees: an empty target selects them all. */
const labelAll = [{ kustomize: { patches: [{ patch: 'apiVersion: v1\nkind: Any\nmetadata: {name: any, labels: {patched: "yes"}}\n', target: {} }] } }];

describe('readPostRenderStrategy', () => {
  it('defaults an unset strategy and refuses one the API does not know', () => {
    expect(readPostRenderStrategy(undefined)).toBe(DEFAULT_POST_RENDER_STRATEGY);
    expect(DEFAULT_POST_RENDER_STRATEGY).toBe('combined');
    expect(readPostRenderStrategy('separate')).toBe('separate');
    expect(readPostRenderStrategy('hooks')).toEqual({ problem: 'postRenderStrategy must be one of nohooks, combined, separate, not "hooks"' });
  });
});

describe('postRenderRelease: what the HelmRelease API refuses, before any build', () => {
  const context = { kustomize: noBuild };

  it('leaves a release without kustomize entries as it is', async () => {
    const input = documents();
    expect(rendered(await postRenderRelease(input, undefined, context))).toBe(input);
    expect(rendered(await postRenderRelease(input, [{}], context))).toBe(input);
  });

  it('refuses a patch given as a path: helm-controller takes only inline patches', async () => {
    const result = await postRenderRelease(documents(), [{ kustomize: { patches: [{ path: '/etc/passwd', target: { kind: 'Deployment' } }] } }], context);
    expect(result).toEqual({ problem: 'postRenderers[0].kustomize.patches[0] gives a path: helm-controller takes only inline patches (patch), and the HelmRelease API refuses the field' });
  });

  it.each([
    [{ kustomize: { patchesStrategicMerge: [{ kind: 'Deployment' }] } }, 'postRenderers[0].kustomize.patchesStrategicMerge is gone from the HelmRelease v2 API and helm-controller v1 no longer applies it: write it as an inline patch under patches'],
    [{ kustomize: { patchesJson6902: [] } }, 'postRenderers[0].kustomize.patchesJson6902 is gone from the HelmRelease v2 API and helm-controller v1 no longer applies it: write it as an inline patch under patches'],
    [{ kustomize: { resources: ['../../secrets.yaml'] } }, 'postRenderers[0].kustomize.resources is not a field of the HelmRelease API, which refuses it'],
    [{ kustomize: {}, helm: {} }, 'postRenderers[0].helm is not a field of the HelmRelease API, which refuses it'],
    [{ kustomize: { patches: [{ patch: 'x', target: { kind: 'Deployment', fieldPath: 'spec' } }] } }, 'postRenderers[0].kustomize.patches[0].target.fieldPath is not a field of the HelmRelease API, which refuses it'],
    [{ kustomize: { patches: [{ target: { kind: 'Deployment' } }] } }, 'postRenderers[0].kustomize.patches[0] needs a patch'],
    [{ kustomize: { images: [{ name: 'nginx', newTag: 1.26 }] } }, 'postRenderers[0].kustomize.images[0].newTag must be a string'],
    [{ kustomize: { images: [{ newTag: '1.26' }] } }, 'postRenderers[0].kustomize.images[0] needs a name'],
    [{ kustomize: { images: { name: 'nginx' } } }, 'postRenderers[0].kustomize.images must be a list'],
  ])('refuses %j', async (entry, problem) => {
    expect(await postRenderRelease(documents(), [entry], context)).toEqual({ problem });
  });
});

describe.skipIf(!hasKustomize)('postRenderRelease (real kustomize)', () => {
  const kustomize = createKustomizeRunner({ env: process.env });

  it('applies a strategic-merge patch to its target, keeps chart paths, and adds no namespace', async () => {
    const input = documents();
    const before = JSON.stringify(input);
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: any}\nspec: {replicas: 3}\n';
    const result = rendered(await postRenderRelease(input, [{ kustomize: { patches: [{ patch, target: { kind: 'Deployment', name: 'web' } }] } }], { kustomize }));

    const deployment = find(result, 'Deployment', 'web');
    expect((deployment.body as { spec: { replicas: number } }).spec.replicas).toBe(3);
    expect(deployment).toMatchObject({ source: 'app/templates/deployment.yaml', part: 'templates' });
    // Helm's file-name annotation is taken off again; helm output without one stays without.
    expect(deployment.body.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
    expect(find(result, 'ConfigMap', 'web-config').body).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: { enabled: 'on' } });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('applies a JSON6902 patch', async () => {
    const patch = '- op: add\n  path: /spec/template/spec/containers/0/env\n  value: [{name: MODE, value: strict}]\n';
    const result = rendered(await postRenderRelease(documents(), [{ kustomize: { patches: [{ patch, target: { group: 'apps', version: 'v1', kind: 'Deployment', name: 'web' } }] } }], { kustomize }));
    const containers = (find(result, 'Deployment', 'web').body as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template.spec.containers;
    expect(containers).toEqual([{ name: 'web', image: 'nginx:1.25', env: [{ name: 'MODE', value: 'strict' }] }]);
  });

  it('rewrites a container image with images', async () => {
    const result = rendered(await postRenderRelease(documents(), [{ kustomize: { images: [{ name: 'nginx', newName: 'registry.example.com/nginx', newTag: '1.27' }] } }], { kustomize }));
    expect(imageOf(find(result, 'Deployment', 'web'))).toBe('registry.example.com/nginx:1.27');
  });

  it('applies post-renderers in order, each to the output of the one before', async () => {
    // The second entry's test operation holds only on the image the first one wrote.
    const second = '- {op: test, path: /spec/template/spec/containers/0/image, value: "nginx:2.0"}\n- {op: replace, path: /spec/template/spec/containers/0/image, value: "nginx:2.0-patched"}\n';
    const entries = [{ kustomize: { images: [{ name: 'nginx', newTag: '2.0' }] } }, { kustomize: { patches: [{ patch: second, target: { kind: 'Deployment' } }] } }];
    const result = rendered(await postRenderRelease(documents(), entries, { kustomize }));
    expect(imageOf(find(result, 'Deployment', 'web'))).toBe('nginx:2.0-patched');

    const reversed = await postRenderRelease(documents(), [...entries].reverse(), { kustomize });
    expect(reversed).toEqual({ problem: 'postRenderers[0]: testing value /spec/template/spec/containers/0/image failed: test failed' });
  });

  it('reports a failing patch as the release\'s problem, in kustomize\'s words', async () => {
    const patch = '- {op: add, path: /spec/template/spec/securityContext/fsGroup, value: 1000}\n';
    const entries = [{ kustomize: { images: [{ name: 'nginx', newTag: '2.0' }] } }, { kustomize: { patches: [{ patch, target: { kind: 'Deployment' } }] } }];
    expect(await postRenderRelease(documents(), entries, { kustomize })).toEqual({
      problem: 'postRenderers[1]: add operation does not apply: doc is missing path: "/spec/template/spec/securityContext/fsGroup": missing value',
    });
  });

  it('builds only inline fields, in a temp folder it removes', async () => {
    const seen: Array<{ dir: string; kustomization: string }> = [];
    const recording: KustomizeRunner = {
      command: kustomize.command,
      build: async (dir) => {
        seen.push({ dir, kustomization: readFileSync(join(dir, 'kustomization.yaml'), 'utf8') });
        return kustomize.build(dir);
      },
    };
    const entries = [{ kustomize: { patches: [{ patch: SCALE, target: { kind: 'Deployment', name: '', labelSelector: null } }], images: [{ name: 'nginx', newTag: '2.0', digest: '' }] } }];
    rendered(await postRenderRelease(documents(), entries, { kustomize: recording }));
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]?.kustomization ?? '')).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['helm-output.yaml'],
      patches: [{ patch: SCALE, target: { kind: 'Deployment' } }],
      images: [{ name: 'nginx', newTag: '2.0' }],
    });
    expect(existsSync(seen[0]?.dir ?? '')).toBe(false);
  });

  describe('the documents each strategy hands the post-renderers', () => {
    const run = (strategy: PostRenderStrategy, entries: unknown = labelAll, text = HELM_OUTPUT): Promise<PostRenderedRelease> => postRenderRelease(documents(text), entries, { kustomize, strategy });

    it('never post-renders crds/: helm-controller applies them itself', async () => {
      for (const strategy of ['combined', 'separate', 'nohooks'] as const) {
        const result = rendered(await run(strategy));
        const crd = find(result, 'CustomResourceDefinition', 'widgets.example.com');
        expect(crd).toEqual(documents().find((document) => document.part === 'crds'));
        expect(labelsOf(find(result, 'Deployment', 'web'))).toEqual({ app: 'web', patched: 'yes' });
      }
    });

    it('combined (the default) and separate post-render hooks, which stay hooks; nohooks leaves them as they are', async () => {
      for (const strategy of ['combined', 'separate'] as const) {
        const hook = find(rendered(await run(strategy)), 'Pod', 'web-probe');
        expect(hook).toMatchObject({ part: 'hook', source: 'app/templates/tests/probe.yaml' });
        expect(labelsOf(hook)).toEqual({ patched: 'yes' });
      }
      const untouched = find(rendered(await run('nohooks')), 'Pod', 'web-probe');
      expect(untouched).toEqual(documents().find((document) => document.part === 'hook'));
      expect(rendered(await postRenderRelease(documents(), labelAll, { kustomize })).map((document) => document.part)).toEqual(['crds', 'templates', 'templates', 'hook']);
    });

    it('separate runs every post-renderer on the hooks alone: a patch naming a template fails there', async () => {
      const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n';
      const entries = [{ kustomize: { patches: [{ patch }] } }];
      expect(await run('separate', entries)).toEqual({ problem: expect.stringMatching(/^postRenderers\[0\] \(hooks\): no resource matches strategic merge patch/) });
      for (const strategy of ['combined', 'nohooks'] as const) {
        expect((find(rendered(await run(strategy, entries)), 'Deployment', 'web').body as { spec: { replicas: number } }).spec.replicas).toBe(2);
      }
    });

    it('combined fails on a hook and a template of the same name, which separate keeps apart', async () => {
      const duplicated = `${HELM_OUTPUT}---\n# Source: app/templates/hooks/config.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  annotations: {helm.sh/hook: pre-install}\n`;
      expect(await run('combined', labelAll, duplicated)).toEqual({ problem: expect.stringMatching(/^postRenderers\[0\]: .*already registered id/) });
      const separate = rendered(await run('separate', labelAll, duplicated));
      expect(separate.filter((document) => document.body.kind === 'ConfigMap').map((document) => [document.part, document.source])).toEqual([
        ['hook', 'app/templates/hooks/config.yaml'],
        ['templates', 'app/templates/config.yaml'],
      ]);
    });
  });

  it('never leaves helm\'s file-name annotation on an object', async () => {
    const result = rendered(await postRenderRelease(documents(), labelAll, { kustomize }));
    for (const document of result) expect(JSON.stringify(document.body)).not.toContain(POST_RENDER_FILENAME_ANNOTATION);
  });
});
