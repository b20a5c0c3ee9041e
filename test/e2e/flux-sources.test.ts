/**
 * Flux sources that are this repository under another name: a GitRepository on another
 * branch, ExternalArtifacts an ArtifactGenerator assembles from the repository, and an
 * OCIRepository pushed from a folder of it.
 */
import { describe, expect, it } from 'vitest';
import { kustomizationYaml } from '../helpers/flux.ts';
import { configMap, crd, git, hasKustomize, kustomization, makeRepo, makeTempDir, parseReport, runCli, serveFiles, writeTree, type Tree } from './helpers.ts';

const ORIGIN = 'https://github.com/example/fleet.git';

/** A repository holding `base` on main with an origin, and `head` written over it, uncommitted. */
function change(base: Tree, head: Tree): string {
  const dir = makeRepo(base);
  git(dir, 'remote', 'add', 'origin', ORIGIN);
  writeTree(dir, head);
  return dir;
}

async function check(dir: string, ...args: string[]) {
  const result = await runCli(['--format', 'json', '--base', 'main', ...args], { cwd: dir });
  return { code: result.code, report: parseReport(result), stdout: result.stdout, stderr: result.stderr };
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);

/** A GitRepository of this repository. */
function gitRepositoryYaml(name: string, ref: string): string {
  return `apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  interval: 1m\n  url: ${ORIGIN}\n  ref:\n    ${ref}\n`;
}

/** A Kustomization whose source is `kind/name`. */
function sourcedKsYaml(name: string, path: string, kind: string, source: string): string {
  return kustomizationYaml(name, { path }).replace('    kind: GitRepository\n    name: flux-system\n', `    kind: ${kind}\n    name: ${source}\n`);
}

const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

/** Apps in `apps/staging` over `apps/base`, the layout of Flux's own example repository. */
const apps: Tree = {
  'apps/base/web/kustomization.yaml': kustomization('namespace.yaml', 'config.yaml'),
  'apps/base/web/namespace.yaml': namespace('web'),
  'apps/base/web/config.yaml': configMap('web-config', 'web'),
  'apps/staging/kustomization.yaml': kustomization('../base/web'),
};

const sync: Tree = {
  'clusters/staging/flux-system/gotk-sync.yaml': `${gitRepositoryYaml('flux-system', 'branch: main')}---\n${kustomizationYaml('flux-system', { path: './clusters/staging' })}`,
};

const generator = [
  'apiVersion: source.extensions.fluxcd.io/v1beta1',
  'kind: ArtifactGenerator',
  'metadata:',
  '  name: staging',
  '  namespace: flux-system',
  'spec:',
  '  sources:',
  '    - alias: repo',
  '      kind: GitRepository',
  '      name: flux-system',
  '  artifacts:',
  '    - name: apps',
  '      copy:',
  '        - from: "@repo/apps/**"',
  '          to: "@artifact/"',
  '',
].join('\n');

describe.skipIf(!hasKustomize)('Flux sources of this repository', () => {
  describe('a GitRepository of this repository on another branch', () => {
    const repo: Tree = {
      ...sync,
      ...apps,
      'clusters/staging/apps.yaml': kustomizationYaml('apps', { path: './apps/staging' }),
      'clusters/staging/tenant.yaml': `${gitRepositoryYaml('tenant', 'branch: dev-team')}---\n${sourcedKsYaml('tenant', './', 'GitRepository', 'tenant')}`,
      'renovate.yaml': 'extends: [config:base]\n',
    };

    it('is another source: Flux builds that branch, so it is not rendered, and the rest is judged', async () => {
      const { code, report } = await check(change(repo, { 'apps/base/web/kustomization.yaml': kustomization('config.yaml') }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed flux-system/apps Namespace/web', 'notice kustomization-not-rendered flux-system/tenant Kustomization/tenant']);
      expect(report.findings[1]?.message).toBe(
        'Kustomization/flux-system/tenant is not rendered: its source GitRepository/flux-system/tenant follows branch dev-team of this repository, not the change under review (list it under sources in .prune-guard.yaml if it is)',
      );
    });

    it('is this checkout when the configuration lists it', async () => {
      const tenant = `${gitRepositoryYaml('tenant', 'branch: dev-team')}---\n${sourcedKsYaml('tenant', './apps/base', 'GitRepository', 'tenant')}`;
      const dir = change({ ...repo, 'clusters/staging/tenant.yaml': tenant, '.prune-guard.yaml': 'sources:\n  - flux-system/tenant\n' }, {});
      const { code, report } = await check(dir, '--render', 'all');
      expect(code).toBe(0);
      expect(report.units.find((unit) => unit.name === 'flux-system/tenant')?.flux?.skipped).toBeNull();
    });
  });

  describe('sources mapped in one cluster only', () => {
    it('render there, and stay another source in the other clusters', async () => {
      const cluster = (name: string): Tree => ({
        [`clusters/${name}/flux-system/gotk-sync.yaml`]: `${gitRepositoryYaml('flux-system', 'branch: main')}---\n${kustomizationYaml('flux-system', { path: `./clusters/${name}` })}`,
        [`clusters/${name}/tenant.yaml`]: `${gitRepositoryYaml('tenant', 'branch: dev-team')}---\n${sourcedKsYaml('tenant', './apps/base', 'GitRepository', 'tenant')}`,
      });
      const config = 'clusters:\n  - name: production\n    path: clusters/production\n  - name: staging\n    path: clusters/staging\n    sources: [flux-system/tenant]\n';
      const { code, report } = await check(change({ ...apps, ...cluster('production'), ...cluster('staging'), '.prune-guard.yaml': config }, {}), '--render', 'all');
      expect(code).toBe(0);
      expect(report.units.map((unit) => [unit.name, unit.flux?.skipped === null])).toEqual([
        ['production: flux-system/flux-system', true],
        ['production: flux-system/tenant', false],
        ['staging: flux-system/flux-system', true],
        ['staging: flux-system/tenant', true],
      ]);
    });
  });

  describe('ExternalArtifacts an ArtifactGenerator assembles from the repository', () => {
    const onGit: Tree = { ...sync, ...apps, 'clusters/staging/apps.yaml': kustomizationYaml('apps', { path: './apps/staging' }) };
    const onArtifact: Tree = {
      'clusters/staging/generator.yaml': generator,
      'clusters/staging/apps.yaml': sourcedKsYaml('apps', './staging', 'ExternalArtifact', 'apps'),
    };

    it('a move onto them that keeps the same objects gives no finding', async () => {
      const { code, report } = await check(change(onGit, onArtifact));
      expect(code).toBe(0);
      expect(report.findings).toEqual([]);
      expect(report.units.find((unit) => unit.name === 'flux-system/apps')).toMatchObject({ before: 2, after: 2 });
    });

    it('removing an app behind one is flagged', async () => {
      const { code, report } = await check(change({ ...onGit, ...onArtifact }, { 'apps/staging/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n' }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed flux-system/apps Namespace/web', 'notice object-removed flux-system/apps ConfigMap/web-config']);
    });

    it('each cluster rebuilds the artifact its own generator describes', async () => {
      const cluster = (name: string): Tree => ({
        [`clusters/${name}/flux-system/gotk-sync.yaml`]: `${gitRepositoryYaml('flux-system', 'branch: main')}---\n${kustomizationYaml('flux-system', { path: `./clusters/${name}` })}`,
        [`clusters/${name}/generator.yaml`]: generator.replace('name: staging\n', `name: ${name}\n`).replace('"@repo/apps/**"', `"@repo/apps/${name}/**"`),
        [`clusters/${name}/apps.yaml`]: sourcedKsYaml('apps', './', 'ExternalArtifact', 'apps'),
        [`apps/${name}/kustomization.yaml`]: kustomization('config.yaml'),
        [`apps/${name}/config.yaml`]: configMap(`${name}-config`, 'web'),
      });
      const { code, report } = await check(change({ ...cluster('production'), ...cluster('staging') }, { 'apps/staging/config.yaml': configMap('staging-settings', 'web') }), '--render', 'all');
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice object-removed staging: flux-system/apps ConfigMap/staging-config']);
      expect(report.findings[0]?.provenance).toMatchObject({ file: 'apps/staging/config.yaml', kustomization: 'apps/staging/kustomization.yaml' });
      expect(report.units.map((unit) => [unit.name, unit.before, unit.after])).toContainEqual(['production: flux-system/apps', 1, 1]);
    });

    it('an ExternalArtifact no generator of this repository makes is not rendered, never empty', async () => {
      const { code, report } = await check(change({ ...onGit, ...onArtifact }, { 'clusters/staging/generator.yaml': null }));
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice object-removed flux-system/flux-system ArtifactGenerator/staging', 'notice kustomization-not-rendered flux-system/apps Kustomization/apps']);
      expect(report.findings[1]?.message).toContain('its source ExternalArtifact/flux-system/apps is not made by an ArtifactGenerator of this repository');
    });
  });

  describe('an OCIRepository pushed from a folder of the repository', () => {
    const fluxInstance = [
      'apiVersion: fluxcd.controlplane.io/v1',
      'kind: FluxInstance',
      'metadata:',
      '  name: flux',
      '  namespace: flux-system',
      'spec:',
      '  sync:',
      '    kind: OCIRepository',
      '    url: oci://ghcr.io/example/fleet',
      '    ref: latest',
      '    path: clusters/prod',
      '',
    ].join('\n');
    const ociGenerator = generator.replace('kind: GitRepository', 'kind: OCIRepository').replace('"@repo/apps/**"', '"@repo/apps/prod/**"');
    const repo: Tree = {
      'flux/instance.yaml': fluxInstance,
      'kubernetes/clusters/prod/generator.yaml': ociGenerator.replace('name: staging\n', 'name: prod\n'),
      'kubernetes/clusters/prod/apps.yaml': sourcedKsYaml('apps', './', 'ExternalArtifact', 'apps'),
      'kubernetes/apps/prod/kustomization.yaml': kustomization('namespace.yaml', 'config.yaml'),
      'kubernetes/apps/prod/namespace.yaml': namespace('shop'),
      'kubernetes/apps/prod/config.yaml': configMap('shop-config', 'shop'),
    };

    it('is found by the sync path, said in a note, and a removal behind it is flagged', async () => {
      const { code, report, stdout } = await check(change(repo, { 'kubernetes/apps/prod/kustomization.yaml': kustomization('config.yaml') }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed flux-system/apps Namespace/shop']);
      expect(JSON.parse(stdout).notes).toContain(
        'OCIRepository/flux-system/flux-system is taken to be pushed from kubernetes/, the one folder holding ./clusters/prod (declare it under sources in .prune-guard.yaml if it is not)',
      );
    });

    it('is the folder the configuration names, with nothing assumed', async () => {
      const config = 'sources:\n  - kind: OCIRepository\n    name: flux-system/flux-system\n    path: kubernetes\n';
      const { code, report, stdout } = await check(change({ ...repo, '.prune-guard.yaml': config }, { 'kubernetes/apps/prod/kustomization.yaml': kustomization('config.yaml') }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed flux-system/apps Namespace/shop']);
      expect(JSON.parse(stdout).notes.filter((note: string) => note.startsWith('OCIRepository'))).toEqual([]);
    });
  });

  describe('remote resources under spec.path ./', () => {
    it('go through the mirror like remote resources anywhere else', async () => {
      const upstream = makeTempDir('prune-guard-upstream-');
      writeTree(upstream, { 'releases/v1/crds.yaml': crd('Widget', 'example.io') });
      const server = await serveFiles(upstream);
      try {
        const repo: Tree = {
          'clusters/prod/flux-system/gotk-sync.yaml': kustomizationYaml('flux-system', { path: './clusters/prod' }),
          'clusters/prod/root.yaml': kustomizationYaml('root', { path: './' }),
          'vendor/kustomization.yaml': kustomization('https://upstream.example/releases/v1/crds.yaml'),
        };
        const dir = change(repo, { 'vendor/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n' });
        const { code, report, stderr } = await check(dir, '--mirror', `https://upstream.example/=${server.origin}/`);
        expect(stderr).toBe('');
        expect(summarize(report.findings)).toEqual(['error crd-removed flux-system/root CustomResourceDefinition/widgets.example.io']);
        expect(code).toBe(1);
        expect(server.requests).toEqual(['/releases/v1/crds.yaml']);
      } finally {
        await server.close();
      }
    });
  });
});
