/**
 * Flux mode end to end: fixture Flux repositories of both common layouts, one change per
 * scenario on a branch, and the verdict Flux itself would reach.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixOf, git, hasKustomize, makeFixtureRepo, parseReport, runCli, type Tree } from './helpers.ts';

/** A git repo holding test/fixtures/NAME on main (plus `base` edits), with `head` edits uncommitted. */
function fluxRepo(name: string, head: Tree, base: Tree = {}): string {
  return makeFixtureRepo(name, head, base, 'prune-guard-flux-');
}

/** Reads a fixture file, to edit it for a scenario. */
function fixture(name: string, path: string): string {
  return readFileSync(join(FIXTURES, name, path), 'utf8');
}

async function check(dir: string, ...args: string[]) {
  const result = await runCli(['--format', 'json', ...args], { cwd: dir });
  return { code: result.code, report: parseReport(result), stderr: result.stderr };
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.object.kind}/${finding.object.name}`);

const infrastructure = (extra: string): string => fixture('flux-fleet', 'clusters/production/infrastructure.yaml').replace('  prune: true\n', `  prune: true\n${extra}`);

describe.skipIf(!hasKustomize)('Flux mode', () => {
  describe('flux2 layout: clusters/production entry point, child Kustomizations', () => {
    it('finds the tree of Kustomizations and reports nothing for no change', async () => {
      const { code, report } = await check(fluxRepo('flux-fleet', {}), '--render', 'all');
      expect(code).toBe(0);
      expect(report.units.map((unit) => [unit.name, unit.flux?.parent ?? null, unit.before])).toEqual([
        ['flux-system/apps', 'flux-system/flux-system', 4],
        ['flux-system/flux-system', null, 5],
        ['flux-system/infrastructure', 'flux-system/flux-system', 4],
      ]);
      expect(report.findings).toEqual([]);
    });

    it('a removed child Kustomization takes its whole inventory, CRD and Namespace included', async () => {
      const { code, report } = await check(fluxRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null }));
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error kustomization-removed Kustomization/infrastructure', 'error crd-missing Widget/storefront']);
      const [removed] = report.findings;
      expect(removed?.message).toContain('its finalizer deletes everything it applied: 4 objects, including CustomResourceDefinition/widgets.example.io, Namespace/widget-system');
      expect(removed?.cascade).toEqual(['CustomResourceDefinition/widgets.example.io', 'Deployment/widget-system/widget-operator', 'Namespace/widget-system', 'StorageClass/fast']);
      expect(removed?.provenance).toMatchObject({ file: 'clusters/production/infrastructure.yaml' });

      const text = await runCli([], { cwd: fluxRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null }) });
      expect(text.stdout).toContain(
        [
          'Flux Kustomizations:',
          '  flux-system/flux-system  ./clusters/production  prunes; 0 to add, 0 to change, 1 to prune',
          '    flux-system/apps  ./apps/production  prunes; 0 to add, 0 to change, 0 to prune; 1 error',
          '    flux-system/infrastructure  ./infrastructure  removed; 0 to add, 0 to change, 4 to prune; 1 error',
        ].join('\n'),
      );
    });

    it('proposes the fix for a CRD file dropped from a list, labelled unverified: Flux post-processes its builds', async () => {
      const dir = fluxRepo('flux-fleet', { 'infrastructure/widget-operator/kustomization.yaml': fixture('flux-fleet', 'infrastructure/widget-operator/kustomization.yaml').replace('  - crds.yaml\n', '') });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      const removed = report.findings.find((finding) => finding.rule === 'crd-removed');
      expect(removed?.unit).toBe('flux-system/infrastructure');
      expect(fixOf(report, removed)).toMatchObject({
        source: 'local',
        verified: false,
        entries: ['crds.yaml'],
        edits: [{ path: 'infrastructure/widget-operator/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds.yaml\n  - operator.yaml' }],
      });
      const text = await runCli([], { cwd: dir });
      expect(text.stdout).toContain('unverified  infrastructure/widget-operator/kustomization.yaml:4');
    });

    it('deletionPolicy: Delete deletes the inventory of a removed Kustomization even with prune: false', async () => {
      const withDelete = infrastructure('  deletionPolicy: Delete\n').replace('prune: true', 'prune: false');
      const { code, report } = await check(fluxRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null }, { 'clusters/production/infrastructure.yaml': withDelete }));
      expect(code).toBe(1);
      expect(report.findings[0]?.message).toContain('with deletionPolicy: Delete its finalizer deletes everything it applied');
    });

    it.each([
      ['deletionPolicy: Orphan', '  deletionPolicy: Orphan\n', 'with deletionPolicy: Orphan, Flux leaves everything it applied in the cluster'],
      ['suspend: true', '  suspend: true\n', 'it is suspended: Flux deletes nothing it applied'],
    ])('a removed child Kustomization with %s deletes nothing', async (_name, extra, message) => {
      const dir = fluxRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null }, { 'clusters/production/infrastructure.yaml': infrastructure(extra) });
      const { code, report } = await check(dir);
      // The CRD stays in the cluster, so the Widget still applies: no crd-missing either.
      expect(summarize(report.findings)).toEqual(['notice kustomization-removed Kustomization/infrastructure']);
      expect(report.findings[0]?.message).toContain(message);
      expect(code).toBe(0);
    });

    it('moving a CRD between Kustomizations is an error with the safe recipe', async () => {
      const dir = fluxRepo('flux-fleet', {
        'infrastructure/widget-operator/kustomization.yaml': fixture('flux-fleet', 'infrastructure/widget-operator/kustomization.yaml').replace('  - crds.yaml\n', ''),
        'infrastructure/widget-operator/crds.yaml': null,
        'apps/base/shop/crds.yaml': fixture('flux-fleet', 'infrastructure/widget-operator/crds.yaml'),
        'apps/base/shop/kustomization.yaml': fixture('flux-fleet', 'apps/base/shop/kustomization.yaml').replace('  - namespace.yaml\n', '  - crds.yaml\n  - namespace.yaml\n'),
      });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual(['error object-moved CustomResourceDefinition/widgets.example.io']);
      expect(report.findings[0]?.message).toContain('moves from flux-system/infrastructure to flux-system/apps: whichever reconciles first wins');
      expect(report.findings[0]?.message).toContain('every custom resource of it is lost: Widget/shop/storefront');
      expect(report.findings[0]?.message).toContain('first mark it kustomize.toolkit.fluxcd.io/prune: disabled in its own change');
    });

    it('a move is safe when the old owner depends on the new one', async () => {
      const dir = fluxRepo('flux-fleet', {
        'infrastructure/storage/kustomization.yaml': fixture('flux-fleet', 'infrastructure/storage/kustomization.yaml').replace('  - storage-class.yaml\n', '  []\n').replace('resources:\n  []', 'resources: []'),
        'apps/base/shop/storage-class.yaml': fixture('flux-fleet', 'infrastructure/storage/storage-class.yaml'),
        'apps/base/shop/kustomization.yaml': fixture('flux-fleet', 'apps/base/shop/kustomization.yaml').replace('  - data.yaml\n', '  - data.yaml\n  - storage-class.yaml\n'),
        'clusters/production/infrastructure.yaml': infrastructure('  dependsOn:\n    - name: apps\n'),
        'clusters/production/apps.yaml': fixture('flux-fleet', 'clusters/production/apps.yaml').replace('  dependsOn:\n    - name: infrastructure\n', ''),
      });
      const { code, report } = await check(dir, '--fail-on', 'warning');
      expect(code).toBe(0);
      expect(summarize(report.findings)).toContain('notice object-moved StorageClass/fast');
    });

    it('a move out of a Kustomization with prune: false is a safe hand-over', async () => {
      const noPrune = infrastructure('').replace('prune: true', 'prune: false');
      const dir = fluxRepo(
        'flux-fleet',
        {
          'infrastructure/kustomization.yaml': fixture('flux-fleet', 'infrastructure/kustomization.yaml').replace('  - storage\n', ''),
          'apps/base/shop/storage-class.yaml': fixture('flux-fleet', 'infrastructure/storage/storage-class.yaml'),
          'apps/base/shop/kustomization.yaml': fixture('flux-fleet', 'apps/base/shop/kustomization.yaml').replace('  - data.yaml\n', '  - data.yaml\n  - storage-class.yaml\n'),
        },
        { 'clusters/production/infrastructure.yaml': noPrune },
      );
      const { code, report } = await check(dir, '--fail-on', 'warning');
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice object-moved StorageClass/fast']);
    });

    it('prune: false orphans what leaves the render: a warning, not an error', async () => {
      const dir = fluxRepo(
        'flux-fleet',
        { 'infrastructure/kustomization.yaml': fixture('flux-fleet', 'infrastructure/kustomization.yaml').replace('  - storage\n', ''), 'clusters/production/infrastructure.yaml': infrastructure('').replace('prune: true', 'prune: false') },
        { 'clusters/production/infrastructure.yaml': infrastructure('').replace('prune: true', 'prune: false') },
      );
      const { code, report } = await check(dir);
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['warning object-orphaned StorageClass/fast']);
      expect(report.findings[0]?.message).toContain('which has prune: false: Flux leaves it in the cluster, unmanaged for good');
      expect(report.units.find((unit) => unit.name === 'flux-system/infrastructure')?.flux).toMatchObject({ prune: false, verdict: 'orphaned' });
      expect((await check(dir, '--fail-on', 'warning')).code).toBe(1);
    });

    it.each([
      ['a label', 'metadata:\n  name: fast\n  labels:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n', 'kustomize.toolkit.fluxcd.io/prune: disabled'],
      ['an annotation, any case', 'metadata:\n  name: fast\n  annotations:\n    kustomize.toolkit.fluxcd.io/ssa: ignore\n', 'kustomize.toolkit.fluxcd.io/ssa: ignore'],
      ['reconcile: disabled', 'metadata:\n  name: fast\n  annotations:\n    kustomize.toolkit.fluxcd.io/reconcile: Disabled\n', 'kustomize.toolkit.fluxcd.io/reconcile: Disabled'],
    ])('an opt-out in the base (%s) keeps the object', async (_name, metadata, optOut) => {
      const storageClass = fixture('flux-fleet', 'infrastructure/storage/storage-class.yaml').replace('metadata:\n  name: fast\n', metadata);
      const dir = fluxRepo(
        'flux-fleet',
        { 'infrastructure/kustomization.yaml': fixture('flux-fleet', 'infrastructure/kustomization.yaml').replace('  - storage\n', '') },
        { 'infrastructure/storage/storage-class.yaml': storageClass },
      );
      const { code, report } = await check(dir, '--fail-on', 'warning');
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['notice prune-protected StorageClass/fast']);
      expect(report.findings[0]?.message).toContain(`Flux keeps it in the cluster (${optOut})`);
    });

    it('an opt-out added in the same change protects nothing, and says so', async () => {
      const dir = fluxRepo('flux-fleet', {
        'infrastructure/kustomization.yaml': fixture('flux-fleet', 'infrastructure/kustomization.yaml').replace('  - widget-operator\n', ''),
        'clusters/production/infrastructure.yaml': infrastructure('  commonMetadata:\n    annotations:\n      kustomize.toolkit.fluxcd.io/prune: disabled\n'),
      });
      const { code, report } = await check(dir);
      expect(code).toBe(1);
      const crd = report.findings.find((finding) => finding.rule === 'crd-removed');
      expect(crd?.message).toContain('the kustomize.toolkit.fluxcd.io/prune: disabled added in this change protects nothing: Flux reads it from the object in the cluster');
    });

    it('an opt-out applied to every object through commonMetadata in the base protects them', async () => {
      const withOptOut = infrastructure('  commonMetadata:\n    labels:\n      kustomize.toolkit.fluxcd.io/prune: disabled\n');
      const dir = fluxRepo('flux-fleet', { 'infrastructure/kustomization.yaml': fixture('flux-fleet', 'infrastructure/kustomization.yaml').replace('  - widget-operator\n', '') }, { 'clusters/production/infrastructure.yaml': withOptOut });
      const { code, report } = await check(dir);
      expect(code).toBe(0);
      expect(report.findings.filter((finding) => finding.rule === 'prune-protected')).toHaveLength(3);
      expect(report.findings.some((finding) => finding.rule === 'crd-removed')).toBe(false);
    });

    it('substitutes postBuild variables from substitute and substituteFrom, and flags a missing one', async () => {
      const settings = fixture('flux-fleet', 'clusters/production/cluster-settings.yaml').replace('shop.example.com', 'store.example.com');
      const deployment = fixture('flux-fleet', 'apps/base/shop/deployment.yaml').replace('    env: ${cluster_env}\n', '    env: ${cluster_env}\n    region: ${REGION}\n    tier: ${TIER:=gold}\n');
      const { code, report } = await check(fluxRepo('flux-fleet', { 'clusters/production/cluster-settings.yaml': settings, 'apps/base/shop/deployment.yaml': deployment }), '--fail-on', 'notice');
      expect(code).toBe(1);
      const change = report.changes.changed?.find((entry) => (entry.object as { name: string }).name === 'shop');
      expect(change?.diff).toContain('-              value: shop.example.com');
      expect(change?.diff).toContain('+              value: store.example.com');
      expect(change?.diff).toContain('+    region: <unset:REGION>');
      expect(change?.diff).toContain('+    tier: gold');
      expect(change?.diff).toContain('     env: production');
      expect(summarize(report.findings)).toContain('notice variable-missing Kustomization/apps');
      expect(report.findings.find((finding) => finding.rule === 'variable-missing')?.message).toContain('${REGION}');
    });

    it('lists a Kustomization whose source is not this repository as not rendered', async () => {
      const external = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: podinfo\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: ./kustomize\n  prune: true\n  sourceRef:\n    kind: OCIRepository\n    name: podinfo\n`;
      const { code, report } = await check(fluxRepo('flux-fleet', { 'clusters/production/podinfo.yaml': external }));
      expect(code).toBe(0);
      expect(report.findings.map((finding) => [finding.rule, finding.message])).toContainEqual([
        'kustomization-not-rendered',
        'Kustomization/flux-system/podinfo is not rendered: its source is OCIRepository/flux-system/podinfo, not this repository',
      ]);
    });

    it('compares GitRepository URLs with the origin remote', async () => {
      const dir = fluxRepo('flux-fleet', {});
      git(dir, 'remote', 'add', 'origin', 'https://github.com/example/other-fleet.git');
      git(dir, 'update-ref', 'refs/remotes/origin/main', 'main');
      const { report } = await check(dir, '--base', 'main');
      expect(report.units.find((unit) => unit.name === 'flux-system/flux-system')?.flux?.skipped).toBe(
        'its source GitRepository/flux-system/flux-system points at ssh://git@github.com/example/fleet, not this repository (list it under sources in .prune-guard.yaml if it is)',
      );
      git(dir, 'remote', 'set-url', 'origin', 'git@github.com:example/fleet.git');
      const same = await check(dir, '--base', 'main');
      expect(same.report.units.find((unit) => unit.name === 'flux-system/flux-system')?.flux?.skipped).toBeNull();
    });
  });

  describe('kubernetes/apps/<namespace>/<app>/ks.yaml layout', () => {
    it('builds paths without kustomization.yaml, with targetNamespace and substitution', async () => {
      const { code, report } = await check(fluxRepo('flux-apps', { 'kubernetes/apps/database/postgres/app/pvc.yaml': null }));
      expect(code).toBe(0);
      expect(report.units.map((unit) => [unit.name, unit.flux?.parent ?? null])).toEqual([
        ['flux-system/cluster-apps', null],
        ['flux-system/grafana', 'flux-system/cluster-apps'],
        ['flux-system/postgres', 'flux-system/cluster-apps'],
      ]);
      expect(summarize(report.findings)).toEqual(['warning data-removed PersistentVolumeClaim/postgres-backups']);
      expect(report.findings[0]?.object.namespace).toBe('database');
      expect(report.findings[0]?.provenance).toEqual({ file: 'kubernetes/apps/database/postgres/app/pvc.yaml' });
    });

    it('a removed HelmRelease is uninstalled with everything it installed', async () => {
      const kustomization = fixture('flux-apps', 'kubernetes/apps/observability/grafana/app/kustomization.yaml').replace('  - ./helmrelease.yaml\n', '  []\n').replace('resources:\n  []', 'resources: []');
      const dir = fluxRepo('flux-apps', { 'kubernetes/apps/observability/grafana/app/kustomization.yaml': kustomization });
      const { code, report } = await check(dir);
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['warning helmrelease-removed HelmRelease/grafana']);
      expect(report.findings[0]?.message).toContain('helm-controller uninstalls release grafana, deleting everything it installed in observability');
      expect((await check(dir, '--fail-on', 'warning')).code).toBe(1);
    });

    it('a chart change uninstalls and reinstalls the release', async () => {
      const release = fixture('flux-apps', 'kubernetes/apps/observability/grafana/app/helmrelease.yaml').replace('chart: grafana', 'chart: grafana-operator');
      const { code, report } = await check(fluxRepo('flux-apps', { 'kubernetes/apps/observability/grafana/app/helmrelease.yaml': release }));
      expect(code).toBe(0);
      expect(summarize(report.findings)).toEqual(['warning helmrelease-reinstalled HelmRelease/grafana']);
      expect(report.findings[0]?.message).toContain("changes the chart's name grafana -> grafana-operator: helm-controller uninstalls release grafana and installs it again");
    });

    it('a targetNamespace change is a delete and recreate of everything, and reinstalls the release', async () => {
      const ks = fixture('flux-apps', 'kubernetes/apps/observability/grafana/ks.yaml').replace('targetNamespace: observability', 'targetNamespace: monitoring');
      const { code, report } = await check(fluxRepo('flux-apps', { 'kubernetes/apps/observability/grafana/ks.yaml': ks }), '--fail-on', 'warning');
      expect(code).toBe(1);
      expect(summarize(report.findings)).toEqual([
        'warning helmrelease-removed HelmRelease/grafana',
        'notice object-removed ConfigMap/grafana-dashboards-2c787627c4',
        'notice kustomization-spec-changed Kustomization/grafana',
      ]);
      expect(report.findings[2]?.message).toBe(
        'Kustomization/flux-system/grafana changes targetNamespace "observability" -> "monitoring": Flux creates 2 and then prunes 2 objects, a delete and recreate for each that only changes identity',
      );
    });

    it('a YAML file that is not a manifest in a path without kustomization.yaml fails that unit, and only that one', async () => {
      const { code, report } = await check(fluxRepo('flux-apps', { 'kubernetes/apps/database/postgres/app/values.yaml': 'primary:\n  replicas: 2\n' }));
      expect(code).toBe(1);
      expect(report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit}`)).toEqual(['error build-failed flux-system/postgres']);
      expect(report.findings[0]?.message).toContain(
        'kubernetes/apps/database/postgres/app/values.yaml: not a Kubernetes manifest (missing apiVersion, kind or metadata.name); Flux fails to build a path without kustomization.yaml that holds it (exclude it with .sourceignore)',
      );
    });

    it('honours .sourceignore', async () => {
      const dir = fluxRepo('flux-apps', {
        'kubernetes/apps/database/postgres/app/values.yaml': 'primary:\n  replicas: 2\n',
        '.sourceignore': 'values.yaml\n',
      });
      const { code } = await check(dir);
      expect(code).toBe(0);
    });
  });
});
