/**
 * Flux mode on the layouts real repositories use (../shared/docs/flux-layouts.md): small
 * fixture repositories of our own, one change each, and the verdict Flux would reach.
 */
import { describe, expect, it } from 'vitest';
import { kustomizationYaml } from '../helpers/flux.ts';
import { configMap, crd, hasKustomize, kustomization, makeRepo, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

/** A bootstrap sync Kustomization for `clusters/<cluster>`. */
function syncYaml(cluster: string): string {
  return kustomizationYaml('flux-system', { path: `./clusters/${cluster}` });
}

/** An app `ks.yaml` as many repositories write it: no namespace, its source named in full. */
function appKsYaml(name: string, path: string): string {
  return [
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  interval: 10m',
    `  path: ${path}`,
    '  prune: true',
    '  sourceRef:',
    '    kind: GitRepository',
    '    name: flux-system',
    '    namespace: flux-system',
    '',
  ].join('\n');
}

/** One cluster whose `apps` Kustomization lists per-app folders; each app folder sets its namespace. */
const appsRepo: Tree = {
  'clusters/prod/flux-system/gotk-sync.yaml': syncYaml('prod'),
  'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }),
  'apps/kustomization.yaml': kustomization('web', 'shop'),
  'apps/web/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: web\nresources:\n  - ks.yaml\n`,
  'apps/web/ks.yaml': appKsYaml('web', './apps/web/app'),
  'apps/web/app/kustomization.yaml': kustomization('config.yaml'),
  'apps/web/app/config.yaml': `${configMap('web-config', 'web')}---\n${configMap('web-extra', 'web')}`,
  'apps/shop/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n  - ks.yaml\n`,
  'apps/shop/ks.yaml': appKsYaml('shop', './apps/shop/app'),
  'apps/shop/app/kustomization.yaml': kustomization('config.yaml'),
  'apps/shop/app/config.yaml': configMap('shop-config', 'shop'),
};

/** Runs the CLI in JSON on the uncommitted change of `dir` against main. */
async function check(dir: string, ...args: string[]) {
  const result = await runCli(['--format', 'json', ...args], { cwd: dir });
  return { code: result.code, report: parseReport(result), stderr: result.stderr, stdout: result.stdout };
}

/** A repository holding `base` on main, with `head` written over it and left uncommitted. */
function change(base: Tree, head: Tree): string {
  const dir = makeRepo(base);
  writeTree(dir, head);
  return dir;
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);

describe.skipIf(!hasKustomize)('Flux layouts of real repositories', () => {
  describe('app ks.yaml files without a namespace, listed from a namespaced folder', () => {
    it('are one unit each, named by the namespace their parent renders', async () => {
      const { code, report, stdout } = await check(change(appsRepo, {}), '--render', 'all');
      expect(code).toBe(0);
      expect(report.units.map((unit) => unit.name)).toEqual(['flux-system/apps', 'flux-system/flux-system', 'shop/shop', 'web/web']);
      expect(report.findings).toEqual([]);
      // One build per Kustomization, shared by both sides when its inputs are the same.
      expect(JSON.parse(stdout).stats).toEqual({ builds: 4, cached: 0, identical: 0 });
    });

    it('are not rendered when nothing they read changes, and counted as identical', async () => {
      const { code, report, stdout } = await check(change(appsRepo, {}));
      expect(code).toBe(0);
      // The two that list Kustomizations are rendered to find the apps; the apps are not.
      expect(report.units.map((unit) => unit.name)).toEqual(['flux-system/apps', 'flux-system/flux-system']);
      expect(JSON.parse(stdout).stats).toEqual({ builds: 2, cached: 0, identical: 2 });
    });

    it('a removal inside one app is reported once, for that app', async () => {
      const { code, report } = await check(change(appsRepo, { 'apps/web/app/config.yaml': configMap('web-config', 'web') }));
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice object-removed web/web ConfigMap/web-extra']);
    });
  });

  describe('a ks.yaml no kustomization lists', () => {
    const unlisted: Tree = { 'apps/old/ks.yaml': appKsYaml('old', './apps/old/app') };

    it('is not applied: never built, even with its path missing, and the rest is judged', async () => {
      const dir = change({ ...appsRepo, ...unlisted }, { 'apps/shop/app/config.yaml': configMap('shop-settings', 'shop') });
      const { code, report, stderr } = await check(dir, '--verbose');
      expect(code).toBe(0);
      expect(report.units.map((unit) => unit.name)).not.toContain('flux-system/old');
      expect(summarize(report.findings)).toEqual(['notice object-removed shop/shop ConfigMap/shop-config']);
      // Said once, with --verbose only.
      expect(stderr).toBe('prune-guard: 5 kustomize builds\nprune-guard: not applied, no kustomization lists it: apps/old/ks.yaml\n');
    });

    it('is not applied when the change comments it out of its list either', async () => {
      const dir = change(appsRepo, { 'apps/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - web\n  # - shop\n' });
      const { code, report } = await check(dir);
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['warning kustomization-removed shop/shop Kustomization/shop']);
      expect(report.units.map((unit) => unit.name)).not.toContain('flux-system/shop');
    });
  });

  describe('one unit that does not build', () => {
    const generator = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - config.yaml\nconfigMapGenerator:\n  - name: settings\n    namespace: shop\n    files:\n      - settings.properties\n';

    it('after the change is an error for that unit, and the others are still judged', async () => {
      const dir = change(appsRepo, { 'apps/shop/app/kustomization.yaml': generator, 'apps/web/app/config.yaml': configMap('web-config', 'web') });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error build-failed shop/shop Kustomization/shop', 'notice object-removed web/web ConfigMap/web-extra']);
      expect(report.findings[0]?.message).toMatch(/^Kustomization\/shop\/shop does not build after this change: Flux fails to reconcile it, and nothing in it is judged here: kustomize failed on apps\/shop\/app: .*settings\.properties/);
      expect(report.units.find((unit) => unit.name === 'shop/shop')?.flux?.skipped).toMatch(/^it does not build: /);
    });

    it('before the change only (the change fixes it) is a notice, and the run passes', async () => {
      const dir = change({ ...appsRepo, 'apps/shop/app/kustomization.yaml': generator }, { 'apps/shop/app/settings.properties': 'mode=fast\n' });
      const { code, report } = await check(dir);
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice build-failed shop/shop Kustomization/shop']);
      expect(report.findings[0]?.message).toContain('does not build before this change, which fixes it');
    });
  });

  describe('older API versions', () => {
    const v1beta1 = 'kustomize.toolkit.fluxcd.io/v1beta1';
    const labelPatch = '  patchesStrategicMerge:\n    - apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: web-config\n        namespace: web\n        labels:\n          tier: front\n';
    const v1Patch = '  patches:\n    - patch: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata:\n          name: web-config\n          namespace: web\n          labels:\n            tier: front\n';
    const base: Tree = {
      'clusters/prod/flux-system/gotk-sync.yaml': kustomizationYaml('flux-system', { path: './clusters/prod', apiVersion: v1beta1 }),
      'clusters/prod/infra.yaml': kustomizationYaml('infra', { path: './infra', apiVersion: v1beta1 }),
      'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps', apiVersion: 'kustomize.toolkit.fluxcd.io/v1beta2', spec: labelPatch }),
      'infra/kustomization.yaml': kustomization('crd.yaml', 'namespace.yaml'),
      'infra/crd.yaml': crd('Widget', 'example.io'),
      'infra/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: widget-system\n',
      'apps/kustomization.yaml': kustomization('config.yaml'),
      'apps/config.yaml': `${configMap('web-config', 'web')}---\n${configMap('web-extra', 'web')}`,
    };

    it('a v1beta1 Kustomization the change removes, while moving the rest to v1, deletes its inventory', async () => {
      const dir = change(base, {
        'clusters/prod/flux-system/gotk-sync.yaml': syncYaml('prod'),
        'clusters/prod/infra.yaml': null,
        'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps', spec: v1Patch }),
      });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error kustomization-removed flux-system/infra Kustomization/infra']);
      expect(report.findings[0]?.cascade).toEqual(['CustomResourceDefinition/widgets.example.io', 'Namespace/widget-system']);
      // The label patch applies on both sides, the old field and the new one alike: nothing changes.
      expect(report.units.map((unit) => [unit.name, unit.before, unit.after])).toEqual([
        ['flux-system/apps', 2, 2],
        ['flux-system/flux-system', 3, 2],
        ['flux-system/infra', 2, null],
      ]);
      expect(report.changes.changed?.map((entry) => entry.unit)).toEqual(['flux-system/flux-system', 'flux-system/flux-system']);
    });

    it('v1beta1 on both sides is still Flux mode', async () => {
      const { code, report } = await check(change(base, { 'apps/config.yaml': configMap('web-config', 'web') }));
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice object-removed flux-system/apps ConfigMap/web-extra']);
    });
  });

  describe('several clusters in one repository', () => {
    const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;
    const clusterApps = (cluster: string): Tree => ({
      [`clusters/${cluster}/flux-system/gotk-sync.yaml`]: syncYaml(cluster),
      [`clusters/${cluster}/apps.yaml`]: kustomizationYaml('apps', { path: `./apps/${cluster}` }),
      [`clusters/${cluster}/infra.yaml`]: kustomizationYaml('infra', { path: `./infra/${cluster}` }),
      [`apps/${cluster}/kustomization.yaml`]: kustomization('namespace.yaml', 'config.yaml'),
      [`apps/${cluster}/namespace.yaml`]: namespace('web'),
      [`apps/${cluster}/config.yaml`]: configMap('web-config', 'web'),
      [`infra/${cluster}/kustomization.yaml`]: kustomization('config.yaml'),
      [`infra/${cluster}/config.yaml`]: configMap('infra-config', 'default'),
    });
    const fleet: Tree = { ...clusterApps('production'), ...clusterApps('staging') };

    it('checks every cluster, naming each unit by its cluster', async () => {
      const { code, report } = await check(change(fleet, {}), '--render', 'all');
      expect(code).toBe(0);
      expect(report.units.map((unit) => unit.name)).toEqual([
        'production: flux-system/apps',
        'production: flux-system/flux-system',
        'production: flux-system/infra',
        'staging: flux-system/apps',
        'staging: flux-system/flux-system',
        'staging: flux-system/infra',
      ]);
    });

    it('a removal in one cluster is flagged for that cluster only', async () => {
      const dir = change(fleet, { 'apps/staging/kustomization.yaml': kustomization('config.yaml') });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed staging: flux-system/apps Namespace/web']);
    });

    it('an object cannot move from one cluster to another: the one it leaves deletes it', async () => {
      const dir = change(fleet, {
        'apps/staging/kustomization.yaml': kustomization('config.yaml'),
        'infra/production/kustomization.yaml': kustomization('config.yaml', 'namespace.yaml'),
        'infra/production/namespace.yaml': namespace('web'),
      });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error namespace-removed staging: flux-system/apps Namespace/web']);
    });
  });

  describe('a clusters folder without a committed sync Kustomization', () => {
    const repo: Tree = {
      'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }),
      'clusters/prod/infra.yaml': kustomizationYaml('infra', { path: './infra' }),
      'apps/kustomization.yaml': kustomization('config.yaml'),
      'apps/config.yaml': configMap('web-config', 'web'),
      'infra/kustomization.yaml': kustomization('crd.yaml'),
      'infra/crd.yaml': crd('Widget', 'example.io'),
    };

    it('is taken to be applied as bootstrap would, and the report says so', async () => {
      const { code, report, stdout } = await check(change(repo, { 'clusters/prod/infra.yaml': null }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error kustomization-removed flux-system/infra Kustomization/infra']);
      expect(report.findings[0]?.message).toContain('its finalizer deletes everything it applied: 1 object, including CustomResourceDefinition/widgets.example.io');
      expect(JSON.parse(stdout).notes).toEqual([
        'clusters/prod has no committed flux-system sync Kustomization or FluxInstance, so it is taken to be applied as bootstrap --path=clusters/prod does (declare it under clusters in .prune-guard.yaml if it is not)',
      ]);
      const text = await runCli([], { cwd: change(repo, { 'clusters/prod/infra.yaml': null }) });
      expect(text.stdout).toContain('note: clusters/prod has no committed flux-system sync Kustomization or FluxInstance');
    });

    it('is the cluster the configuration declares, with nothing assumed', async () => {
      const dir = change({ ...repo, '.prune-guard.yaml': 'clusters:\n  - name: prod\n    path: clusters/prod\n' }, { 'clusters/prod/infra.yaml': null });
      const { code, report, stdout } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error kustomization-removed flux-system/infra Kustomization/infra']);
      expect(JSON.parse(stdout).notes).toEqual([]);
    });
  });

  describe('an app removed with its ks.yaml line', () => {
    it('names the HelmReleases its Kustomization uninstalls and the Namespace it deletes', async () => {
      const release = (name: string): string =>
        `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: web\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: ${name}\n      sourceRef:\n        kind: HelmRepository\n        name: charts\n`;
      const base: Tree = {
        ...appsRepo,
        'apps/web/app/kustomization.yaml': kustomization('namespace.yaml', 'config.yaml', 'releases.yaml'),
        'apps/web/app/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n',
        'apps/web/app/releases.yaml': `${release('frontend')}---\n${release('redis')}`,
      };
      const { code, report } = await check(change(base, { 'apps/kustomization.yaml': kustomization('shop') }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error kustomization-removed web/web Kustomization/web']);
      expect(report.findings[0]?.message).toBe(
        'Kustomization/web/web is pruned, and with prune: true its finalizer deletes everything it applied: 5 objects, including Namespace/web, and with them everything in that Namespace. helm-controller uninstalls HelmRelease/web/frontend, HelmRelease/web/redis: everything each installed goes too.',
      );
    });
  });
});
