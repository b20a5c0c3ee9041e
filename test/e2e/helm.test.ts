/**
 * HelmReleases in Flux mode, end to end with real Helm 3 and Helm 4: a release is a unit of
 * its own, and what an upgrade or an uninstall deletes is judged like any prune.
 */
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, hasKustomize, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';
import { findHelmBinaries } from '../helpers/helm-binaries.ts';

const { binaries } = findHelmBinaries();

const crd = (annotations = ''): string =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.io\n${annotations}spec: {group: example.io, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: [{name: v1, served: true, storage: true}]}\n`;

const release = (values: string, extra = ''): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: widgets, namespace: apps}\nspec:\n  interval: 10m\n  chart: {spec: {chart: ./charts/widgets, sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}}}\n  values: ${values}\n${extra}`;

/** A Flux repository whose `apps` Kustomization applies one HelmRelease of a chart in the repository. */
const BASE: Tree = {
  'clusters/prod/flux-system/gotk-sync.yaml':
    'apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata: {name: flux-system, namespace: flux-system}\nspec: {interval: 1m, url: https://github.com/example/fleet, ref: {branch: main}}\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: flux-system, namespace: flux-system}\nspec: {interval: 10m, path: ./clusters/prod, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n',
  'clusters/prod/apps.yaml': 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec: {interval: 10m, path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n',
  'apps/kustomization.yaml': 'resources: [release.yaml]\nsecretGenerator:\n  - name: widgets-auth\n    namespace: apps\n    literals: [token=tok-4c1d9e-secret]\n    options: {disableNameSuffixHash: true}\n',
  'apps/release.yaml': release('{installCRDs: true}', '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n'),
  'charts/widgets/Chart.yaml': 'apiVersion: v2\nname: widgets\nversion: 1.0.0\n',
  'charts/widgets/values.yaml': 'installCRDs: false\nkeepCRDs: false\ntoken: ""\n',
  'charts/widgets/templates/crd.yaml': `{{- if .Values.installCRDs }}\n${crd('{{- if .Values.keepCRDs }}\n  annotations: {helm.sh/resource-policy: keep}\n{{- end }}\n')}{{- end }}\n`,
  'charts/widgets/templates/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: {{ .Release.Name }}-config}\ndata: {token: {{ .Values.token | quote }}, replicas: "{{ .Values.replicas | default 1 }}"}\n',
};

function helmRepo(change: Tree, base: Tree = {}): string {
  const dir = makeTempDir('prune-guard-helm-');
  writeTree(dir, { ...BASE, ...base });
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  writeTree(dir, change);
  return dir;
}

async function check(dir: string, ...args: string[]) {
  const result = await runCli(['--format', 'json', ...args], { cwd: dir });
  return { code: result.code, report: parseReport(result), stdout: result.stdout, stderr: result.stderr };
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] => findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);

describe.skipIf(!hasKustomize || binaries.length === 0)('HelmReleases, rendered', () => {
  it.each(binaries)('$name: a values change that drops a CRD from templates/ blocks: the upgrade deletes it', async ({ bin }) => {
    const dir = helmRepo({
      'apps/release.yaml': release('{installCRDs: false}', '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n'),
      'apps/kustomization.yaml': `${BASE['apps/kustomization.yaml']}`.replace('tok-4c1d9e-secret', 'tok-77aa02-secret'),
    });
    const { code, report, stdout } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toEqual(['error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io']);
    // Helm deletes it, not Flux; and the chart offers a value for helm's keep annotation: the message names it.
    expect(report.findings[0]?.message).toMatch(/^CustomResourceDefinition\/widgets\.example\.io is deleted by helm-controller's upgrade: the API server deletes every Widget with it/);
    expect(report.findings[0]?.message).toContain("To keep it: first set keepCRDs: true in the HelmRelease's values in a change of its own and let helm-controller apply it, then make this change");
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')).toMatchObject({ before: 2, after: 1, helm: { parent: 'flux-system/apps', release: 'apps/widgets', action: 'upgrade' } });
    // The token reaches the chart's ConfigMap through valuesFrom: the change shows, the values never do.
    const changed = (report.changes.changed ?? []).map((change) => `${String(change.unit)} ${(change.object as { kind: string; name: string }).kind}/${(change.object as { name: string }).name}`);
    expect(changed).toContain('flux-system/apps / HelmRelease apps/widgets ConfigMap/widgets-config');
    expect(stdout).not.toContain('tok-4c1d9e-secret');
    expect(stdout).not.toContain('tok-77aa02-secret');
  });

  it.each(binaries)('$name: a CRD the chart marks keep stays when the chart stops rendering it', async ({ bin }) => {
    const extra = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: false, keepCRDs: true}', extra) }, { 'apps/release.yaml': release('{installCRDs: true, keepCRDs: true}', extra) });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it.each(binaries)('$name: a HelmRelease removed uninstalls its CRD with it', async ({ bin }) => {
    const dir = helmRepo({ 'apps/kustomization.yaml': 'resources: []\n' });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')).toMatchObject({ before: 2, after: null, helm: { action: 'uninstall' } });
    // The HelmRelease's own finding names what cannot come back.
    const removed = report.findings.find((finding) => finding.rule === 'helmrelease-removed');
    expect(removed?.severity).toBe('error');
    expect(removed?.message).toBe(
      "HelmRelease/apps/widgets is pruned: helm-controller uninstalls release widgets, deleting everything it installed in apps, among them CustomResourceDefinition/widgets.example.io (every object of its kind); the CRDs of its chart's crds/ stay",
    );
  });

  it.each(binaries)('$name: a HelmRelease renamed moves its CRD between releases: the old uninstall deletes it, with the recipe that keeps it', async ({ bin }) => {
    const extra = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: true}', extra).replace('name: widgets, namespace: apps', 'name: widgets-v2, namespace: apps') });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toContain('error object-moved flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
    expect(report.findings.find((finding) => finding.rule === 'object-moved')?.message).toContain(
      "helm-controller's uninstall of the old release deletes it whoever applies it meanwhile (and a new release cannot take over an object another release owns), so it is deleted and recreated empty (every custom resource of it is lost). Safe: first set keepCRDs: true in the old HelmRelease's values in its own change",
    );
  });

  it.each(binaries)('$name: a Kustomization deleted with its HelmRelease uninstalls the release: its CRD goes', async ({ bin }) => {
    const dir = helmRepo({ 'clusters/prod/apps.yaml': null });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
    expect(report.findings.find((finding) => finding.rule === 'kustomization-removed')?.message).toContain('helm-controller uninstalls HelmRelease/apps/widgets: everything it installed goes too');
  });

  it.each(binaries)('$name: a HelmRelease moved to another Kustomization is upgraded, not reinstalled; one resumed is judged', async ({ bin }) => {
    const extra = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';
    const moved = helmRepo({
      'clusters/prod/more.yaml': `${BASE['clusters/prod/apps.yaml']}`.replace('name: apps,', 'name: more,').replace('path: ./apps', 'path: ./more'),
      'more/kustomization.yaml': 'resources: [release.yaml]\n',
      'more/release.yaml': release('{installCRDs: true}'),
      'apps/kustomization.yaml': `${BASE['apps/kustomization.yaml']}`.replace('resources: [release.yaml]', 'resources: []'),
    });
    const { report } = await check(moved, '--helm-bin', bin);
    expect(report.units.find((unit) => unit.name === 'flux-system/more / HelmRelease apps/widgets')).toMatchObject({ helm: { action: 'upgrade' } });
    expect(summarize(report.findings).filter((finding) => finding.includes('CustomResourceDefinition'))).toEqual([]);
    const resumed = helmRepo({ 'apps/release.yaml': release('{installCRDs: false}', extra) }, { 'apps/release.yaml': release('{installCRDs: true}', `${extra}  suspend: true\n`) });
    const judged = await check(resumed, '--helm-bin', bin);
    expect(summarize(judged.report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
  });

  it.each(binaries)('$name: a suspended HelmRelease removed is orphaned: nothing it installed is deleted', async ({ bin }) => {
    const suspended = release('{installCRDs: true}', '  suspend: true\n  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n');
    const dir = helmRepo({ 'apps/kustomization.yaml': 'resources: []\n' }, { 'apps/release.yaml': suspended });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(summarize(report.findings).filter((finding) => !finding.includes('Secret/widgets-auth'))).toEqual(['warning helmrelease-removed flux-system/apps HelmRelease/widgets']);
    expect(report.findings.find((finding) => finding.rule === 'helmrelease-removed')?.message).toContain('is pruned while suspended: helm-controller lets it go without uninstalling');
  });

  it.each(binaries)('$name: a targetNamespace change reinstalls the release: its PVC and CRD are deleted and created again', async ({ bin }) => {
    const pvc = { 'charts/widgets/templates/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: {{ .Release.Name }}-data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n' };
    const extra = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: true}', `${extra}  targetNamespace: widgets\n`) }, pvc);
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    const reinstalled = report.findings.find((finding) => finding.rule === 'helmrelease-reinstalled');
    expect(reinstalled?.severity).toBe('error');
    expect(reinstalled?.message).toBe(
      'HelmRelease/apps/widgets changes releaseName widgets -> widgets-widgets, targetNamespace apps -> widgets: helm-controller uninstalls release widgets and installs it again, deleting everything the old release installed, among them CustomResourceDefinition/widgets.example.io (every object of its kind), PersistentVolumeClaim/apps/widgets-data (its data)',
    );
  });

  it.each(binaries)("$name: the chart's own name changing reinstalls, unless chartNameChangeStrategy is InPlaceUpdate", async ({ bin }) => {
    const renamed = { 'charts/widgets/Chart.yaml': 'apiVersion: v2\nname: gizmos\nversion: 1.0.0\n' };
    const reinstall = await check(helmRepo(renamed), '--helm-bin', bin);
    expect(reinstall.report.findings.find((finding) => finding.rule === 'helmrelease-reinstalled')?.message).toContain("changes the chart's name widgets -> gizmos: helm-controller uninstalls release widgets");
    const inPlace = release('{installCRDs: true}', '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n  upgrade: {chartNameChangeStrategy: InPlaceUpdate}\n');
    const upgrade = await check(helmRepo({ ...renamed, 'apps/release.yaml': inPlace }, { 'apps/release.yaml': inPlace }), '--helm-bin', bin);
    expect(upgrade.report.findings.filter((finding) => finding.rule === 'helmrelease-reinstalled')).toEqual([]);
  });

  it.each(binaries)('$name: a HelmRelease that leaves a Kustomization without prune stays, and so does its release', async ({ bin }) => {
    const keep = { 'clusters/prod/apps.yaml': `${BASE['clusters/prod/apps.yaml']}`.replace('prune: true', 'prune: false') };
    const dir = helmRepo({ ...keep, 'apps/kustomization.yaml': 'resources: []\n' }, keep);
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(summarize(report.findings).filter((finding) => finding.includes('HelmRelease apps/widgets CustomResourceDefinition'))).toEqual([]);
    expect(code).toBe(0);
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')?.skipped).toBe(
      'it leaves the render but stays in the cluster (flux-system/apps does not prune): helm-controller keeps the release as it is',
    );
  });

  it.each(binaries)('$name: a second run with the same cache templates nothing and says the same; a chart whose output varies is always templated', async ({ bin }) => {
    // A wrapper that counts helm's runs, then runs it.
    const wrapperDir = makeTempDir();
    const log = join(wrapperDir, 'runs.log');
    const wrapper = join(wrapperDir, 'helm');
    writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${log}'\nexec '${bin}' "$@"\n`, { mode: 0o755 });
    const runs = (): number => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line === 'template').length : 0);
    const cache = makeTempDir('prune-guard-cache-');
    const extra = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: false}', extra) });
    const first = await runCli(['--format', 'json', '--helm-bin', wrapper], { cwd: dir, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    expect(runs()).toBe(2);
    const second = await runCli(['--format', 'json', '--helm-bin', wrapper], { cwd: dir, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    expect(runs()).toBe(2);
    expect(summarize(parseReport(second).findings)).toEqual(summarize(parseReport(first).findings));
    const varying = helmRepo({ 'apps/release.yaml': release('{installCRDs: false}', extra) }, { 'charts/widgets/templates/password.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: generated}\nstringData: {password: {{ randAlphaNum 12 | quote }}}\n' });
    await runCli(['--helm-bin', wrapper], { cwd: varying, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    await runCli(['--helm-bin', wrapper], { cwd: varying, env: { PRUNE_GUARD_CACHE_DIR: cache } });
    // Each side twice, to find what varies on each: every run.
    expect(runs()).toBe(2 + 4 + 4);
  });

  it.each(binaries)('$name: a release that reads alike on both sides is not rendered', async ({ bin }) => {
    const dir = helmRepo({ 'apps/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: apps}\n', 'apps/kustomization.yaml': `${BASE['apps/kustomization.yaml']}`.replace('resources: [release.yaml]', 'resources: [release.yaml, extra.yaml]') });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(report.units.map((unit) => unit.name)).not.toContain('flux-system/apps / HelmRelease apps/widgets');
  });

  it.each(binaries)('$name: a release whose chart source is in no render of its cluster is not judged, and says why', async ({ bin }) => {
    const remote = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: podinfo, namespace: apps}\nspec:\n  interval: 10m\n  chart: {spec: {chart: podinfo, version: 6.x, sourceRef: {kind: HelmRepository, name: podinfo}}}\n  values: {replicaCount: 2}\n';
    const dir = helmRepo({ 'apps/podinfo.yaml': remote.replace('replicaCount: 2', 'replicaCount: 3') }, { 'apps/podinfo.yaml': remote, 'apps/kustomization.yaml': `${BASE['apps/kustomization.yaml']}`.replace('resources: [release.yaml]', 'resources: [release.yaml, podinfo.yaml]') });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/podinfo')?.skipped).toBe('its chart source HelmRepository/apps/podinfo is not in the renders of its cluster');
    // In the tree, under its Kustomization, said once.
    const text = await runCli(['--helm-bin', bin], { cwd: dir });
    expect(text.stdout).toContain('      flux-system/apps / HelmRelease apps/podinfo    not rendered: its chart source HelmRepository/apps/podinfo is not in the renders of its cluster; ');
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0)("HelmReleases: valuesFiles replace the chart's values.yaml", () => {
  const withFiles = (files: string, extra = ''): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: widgets, namespace: apps}\nspec:\n  interval: 10m\n  chart:\n    spec:\n      chart: ./charts/widgets\n      sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}\n      valuesFiles: ${files}\n${extra}`;
  const envs = { 'envs/prod.yaml': 'installCRDs: true\n', 'envs/off.yaml': 'installCRDs: false\n' };

  it.each(binaries)('$name: files of this repository merged in order, the later winning: one that turns the CRD off deletes it', async ({ bin }) => {
    const dir = helmRepo({ 'apps/release.yaml': withFiles('[envs/prod.yaml, envs/off.yaml]') }, { ...envs, 'apps/release.yaml': withFiles('[envs/prod.yaml]') });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
  });

  it.each(binaries)('$name: a values file that is not there fails the chart, unless ignoreMissingValuesFiles; a path that climbs out is held at the root', async ({ bin }) => {
    const missing = helmRepo({ 'apps/release.yaml': withFiles('[envs/prod.yaml, envs/gone.yaml]') }, { ...envs, 'apps/release.yaml': withFiles('[envs/prod.yaml]') });
    const failed = await check(missing, '--helm-bin', bin);
    expect(failed.report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')?.skipped).toBe('its valuesFiles name envs/gone.yaml, and no such file is there');
    const ignored = helmRepo(
      { 'apps/release.yaml': withFiles('[envs/prod.yaml, envs/gone.yaml, envs/off.yaml]').replace('      valuesFiles:', '      ignoreMissingValuesFiles: true\n      valuesFiles:') },
      { ...envs, 'apps/release.yaml': withFiles('[envs/prod.yaml]') },
    );
    // Rendered without the missing file: the one after it still turns the CRD off.
    const passed = await check(ignored, '--helm-bin', bin);
    expect(summarize(passed.report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
    // ../../../etc/passwd is <source root>/etc/passwd, which this repository does not have.
    const climbing = helmRepo({ 'apps/release.yaml': withFiles('[envs/prod.yaml, ../../../../etc/hostname]') }, { ...envs, 'apps/release.yaml': withFiles('[envs/prod.yaml]') });
    const held = await check(climbing, '--helm-bin', bin);
    expect(held.report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')?.skipped).toBe('its valuesFiles name ../../../../etc/hostname, and no such file is there');
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0)('HelmReleases: the Kubernetes version charts are rendered for', () => {
  const requiring = { 'charts/widgets/Chart.yaml': 'apiVersion: v2\nname: widgets\nversion: 1.1.0\nkubeVersion: ">=1.25.0-0"\n' };

  it.each(binaries)('$name: a chart whose kubeVersion refuses the configured version blocks, naming both', async ({ bin }) => {
    const dir = helmRepo(requiring, { '.prune-guard.yaml': 'kubernetesVersion: 1.24\n' });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toEqual(['error helm-kube-version flux-system/apps / HelmRelease apps/widgets HelmRelease/widgets']);
    expect(report.findings[0]?.message).toBe(
      'HelmRelease/apps/widgets: its chart requires kubeVersion >=1.25.0-0, which the configured Kubernetes 1.24.0 does not meet: helm-controller fails the install or upgrade, the release stays as it was, and objects that depend on the new version do not appear',
    );
    // The command line names another version: the chart renders.
    const newer = await check(dir, '--helm-bin', bin, '--kubernetes-version', 'v1.30');
    expect(newer.report.findings.filter((finding) => finding.rule === 'helm-kube-version')).toEqual([]);
  });

  it('a kubernetesVersion that is no version, in the file or on the command line, exits 2 with one line', async () => {
    const dir = helmRepo({}, { '.prune-guard.yaml': 'kubernetesVersion: latest\n' });
    const file = await runCli([], { cwd: dir });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('prune-guard: .prune-guard.yaml:1: kubernetesVersion must be a Kubernetes version such as 1.31 or 1.31.4, not "latest"\n');
    const flag = await runCli(['--kubernetes-version', '1.x'], { cwd: helmRepo({}) });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("prune-guard: --kubernetes-version is set to invalid value '1.x': a Kubernetes version such as 1.31 or 1.31.4\n");
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0)('HelmReleases: post-renderers and output that differs on every render', () => {
  const valuesFrom = '  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n';

  it.each(binaries)('$name: a post-renderer that patches the CRD out of the release deletes it on upgrade', async ({ bin }) => {
    const patch = '  postRenderers:\n    - kustomize:\n        patches:\n          - patch: |\n              $patch: delete\n              apiVersion: apiextensions.k8s.io/v1\n              kind: CustomResourceDefinition\n              metadata: {name: widgets.example.io}\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: true}', `${valuesFrom}${patch}`) });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toEqual(['error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io']);
  });

  it.each(binaries)('$name: a post-renderer kustomize refuses leaves the release not rendered, with the reason', async ({ bin }) => {
    const broken = '  postRenderers:\n    - kustomize:\n        images: [{name: nginx, newTag: "1.27"}]\n        patches: [{patch: "not: [a patch", target: {kind: ConfigMap}}]\n';
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: true}', `${valuesFrom}${broken}`) });
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease apps/widgets')?.skipped).toMatch(/^postRenderers\[0\]: /);
    // Rendered before, not after: what the upgrade does is unknown, and the report says so.
    expect(summarize(report.findings)).toEqual(['warning helmrelease-not-rendered flux-system/apps / HelmRelease apps/widgets HelmRelease/widgets']);
    expect(report.findings[0]?.message).toMatch(/^HelmRelease\/apps\/widgets is not rendered after the change \(postRenderers\[0\]: .*\): what helm-controller's upgrade installs or deletes is not judged$/);
  });

  it.each(binaries)('$name: a chart after the change cannot hide an object of the chart before it behind a generated name', async ({ bin }) => {
    const pvc = (name: string): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
    const dir = helmRepo({ 'charts/widgets/templates/data.yaml': pvc('data-{{ randAlpha 4 | lower }}') }, { 'charts/widgets/templates/data.yaml': pvc('data-prod') });
    const { report } = await check(dir, '--helm-bin', bin);
    expect(summarize(report.findings)).toEqual(['warning data-removed flux-system/apps / HelmRelease apps/widgets PersistentVolumeClaim/data-prod']);
  });

  it.each(binaries)('$name: a random password and a timestamp the chart generates never show as a change; a real change beside them does', async ({ bin }) => {
    const generated = { 'charts/widgets/templates/generated.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: {{ .Release.Name }}-generated, annotations: {rendered-at: {{ now | date "2006-01-02T15:04:05.000000000" | quote }}}}\nstringData: {password: {{ randAlphaNum 24 | quote }}, user: {{ .Values.user | default "admin" | quote }}}\n' };
    const same = helmRepo({ 'apps/release.yaml': release('{installCRDs: true, replicas: 2}', valuesFrom) }, generated);
    const quiet = await check(same, '--helm-bin', bin);
    const changedIn = (report: typeof quiet.report): string[] => (report.changes.changed ?? []).map((change) => `${(change.object as { kind: string }).kind}/${(change.object as { name: string }).name}`);
    expect(changedIn(quiet.report)).toEqual(['HelmRelease/widgets', 'ConfigMap/widgets-config']);
    const real = helmRepo({ 'apps/release.yaml': release('{installCRDs: true, user: operator}', valuesFrom) }, generated);
    const loud = await check(real, '--helm-bin', bin);
    expect(changedIn(loud.report)).toEqual(['HelmRelease/widgets', 'Secret/widgets-generated']);
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0)("HelmReleases: the chart's crds/ under the release's CRD policy", () => {
  const gadgets = (version = 'v1'): string =>
    `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: gadgets.example.io}\nspec: {group: example.io, names: {kind: Gadget, plural: gadgets}, scope: Namespaced, versions: [{name: ${version}, served: true, storage: true}]}\n`;
  const skip = '  upgrade: {crds: Skip}\n';
  const withSkip = release('{installCRDs: true}', `  valuesFrom: [{kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n${skip}`);

  it.each(binaries)('$name: a CRD new in crds/ under upgrade.crds Skip never appears: its objects in the renders fail to apply (error), none there (warning)', async ({ bin }) => {
    const gadget = 'apiVersion: example.io/v1\nkind: Gadget\nmetadata: {name: first, namespace: apps}\n';
    const used = helmRepo(
      { 'charts/widgets/crds/gadgets.yaml': gadgets(), 'apps/gadget.yaml': gadget, 'apps/kustomization.yaml': `${BASE['apps/kustomization.yaml']}`.replace('resources: [release.yaml]', 'resources: [release.yaml, gadget.yaml]') },
      { 'apps/release.yaml': withSkip },
    );
    const first = await check(used, '--helm-bin', bin);
    expect(first.code).toBe(1);
    expect(summarize(first.report.findings)).toContain('error helm-crd-skipped flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/gadgets.example.io');
    expect(first.report.findings.find((finding) => finding.rule === 'helm-crd-skipped')?.message).toBe(
      "CustomResourceDefinition/gadgets.example.io is new in the chart's crds/, and spec.upgrade.crds is Skip: helm-controller never creates it, so the Gadget object in the renders fails to apply; set spec.upgrade.crds: CreateReplace",
    );
    // The fix is the policy, written into the HelmRelease as a review suggestion; `fix --write` applies it.
    const fix = first.report.fixes[first.report.findings.find((finding) => finding.rule === 'helm-crd-skipped')?.fixIndex ?? -1];
    expect(fix).toMatchObject({ source: 'policy', verified: true, edits: [{ path: 'apps/release.yaml', startLine: 9, endLine: 9, replacement: '  upgrade:\n    crds: CreateReplace' }] });
    const written = await runCli(['fix', '--write', '--helm-bin', bin], { cwd: used });
    expect(written.code).toBe(0);
    const again = await check(used, '--helm-bin', bin);
    expect(summarize(again.report.findings).filter((finding) => finding.includes('helm-crd'))).toEqual([]);
    const unused = helmRepo({ 'charts/widgets/crds/gadgets.yaml': gadgets() }, { 'apps/release.yaml': withSkip });
    const second = await check(unused, '--helm-bin', bin);
    expect(second.code).toBe(0);
    expect(summarize(second.report.findings)).toEqual(['warning helm-crd-skipped flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/gadgets.example.io']);
  });

  it.each(binaries)('$name: a crds/ CRD that changes under the default policy goes stale, and one that leaves crds/ stays unmanaged', async ({ bin }) => {
    const stale = helmRepo({ 'charts/widgets/crds/gadgets.yaml': gadgets('v2') }, { 'charts/widgets/crds/gadgets.yaml': gadgets() });
    const changed = await check(stale, '--helm-bin', bin);
    expect(summarize(changed.report.findings)).toEqual(['warning helm-crd-stale flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/gadgets.example.io']);
    const left = helmRepo({ 'charts/widgets/crds/gadgets.yaml': null }, { 'charts/widgets/crds/gadgets.yaml': gadgets() });
    const gone = await check(left, '--helm-bin', bin);
    expect(gone.code).toBe(0);
    expect(summarize(gone.report.findings)).toEqual(['notice helm-crd-unmanaged flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/gadgets.example.io']);
  });
});

describe.skipIf(!hasKustomize || binaries.length === 0)('HelmReleases: Calico-like chart moves, and values from a configMapGenerator', () => {
  const ippools = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: ippools.crd.projectcalico.org}\nspec: {group: crd.projectcalico.org, names: {kind: IPPool, plural: ippools}, scope: Cluster, versions: [{name: v1, served: true, storage: true}]}\n';
  const hr = (name: string, chart: string): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: ${name}, namespace: tigera-operator}\nspec:\n  interval: 10m\n  chart: {spec: {chart: ${chart}, sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}}}\n`;

  it.each(binaries)("$name: CRDs that leave the operator chart's crds/ for the templates/ of a chart of their own stay in the cluster, and the new release installs them", async ({ bin }) => {
    const base: Tree = {
      'apps/kustomization.yaml': 'resources: [operator.yaml]\n',
      'apps/operator.yaml': hr('tigera-operator', './charts/tigera-operator'),
      'charts/tigera-operator/Chart.yaml': 'apiVersion: v2\nname: tigera-operator\nversion: v3.31.0\n',
      'charts/tigera-operator/crds/ippools.yaml': ippools,
      'charts/tigera-operator/templates/operator.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: tigera-operator}\n',
    };
    const dir = helmRepo(
      {
        'apps/kustomization.yaml': 'resources: [operator.yaml, crds.yaml]\n',
        'apps/crds.yaml': hr('calico-crds', './charts/crd.projectcalico.org.v1'),
        'charts/tigera-operator/Chart.yaml': 'apiVersion: v2\nname: tigera-operator\nversion: v3.32.0\n',
        'charts/tigera-operator/crds/ippools.yaml': null,
        'charts/crd.projectcalico.org.v1/Chart.yaml': 'apiVersion: v2\nname: crd.projectcalico.org.v1\nversion: v3.32.0\n',
        'charts/crd.projectcalico.org.v1/templates/ippools.yaml': ippools,
      },
      base,
    );
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(0);
    expect(summarize(report.findings)).toEqual(['notice helm-crd-unmanaged flux-system/apps / HelmRelease tigera-operator/tigera-operator CustomResourceDefinition/ippools.crd.projectcalico.org']);
    expect(report.units.find((unit) => unit.name === 'flux-system/apps / HelmRelease tigera-operator/calico-crds')).toMatchObject({ before: null, after: 1, helm: { action: 'install' } });
  });

  it.each(binaries)('$name: valuesFrom a configMapGenerator, its hash suffix written into the HelmRelease by kustomize', async ({ bin }) => {
    const kustomization = (setting: string): string =>
      `resources: [release.yaml]\nconfigurations: [kustomizeconfig.yaml]\nconfigMapGenerator:\n  - name: widgets-values\n    namespace: apps\n    literals: ["values.yaml=installCRDs: ${setting}"]\nsecretGenerator:\n  - name: widgets-auth\n    namespace: apps\n    literals: [token=t]\n    options: {disableNameSuffixHash: true}\n`;
    const base: Tree = {
      'apps/kustomizeconfig.yaml': 'nameReference:\n  - kind: ConfigMap\n    version: v1\n    fieldSpecs:\n      - path: spec/valuesFrom/name\n        kind: HelmRelease\n',
      'apps/kustomization.yaml': kustomization('true'),
      'apps/release.yaml': release('{}', '  valuesFrom: [{kind: ConfigMap, name: widgets-values}, {kind: Secret, name: widgets-auth, valuesKey: token, targetPath: token}]\n'),
    };
    const dir = helmRepo({ 'apps/kustomization.yaml': kustomization('false') }, base);
    const { code, report } = await check(dir, '--helm-bin', bin);
    expect(code).toBe(1);
    expect(summarize(report.findings)).toContain('error crd-removed flux-system/apps / HelmRelease apps/widgets CustomResourceDefinition/widgets.example.io');
  });
});

describe.skipIf(!hasKustomize)('HelmReleases without helm', () => {
  it('are judged as single objects, and the report says why', async () => {
    const dir = helmRepo({ 'apps/release.yaml': release('{installCRDs: false}') });
    // A PATH with kustomize, kubectl and git, and no helm, whatever this machine has.
    const bin = makeTempDir();
    for (const name of ['kustomize', 'kubectl', 'git']) {
      const found = (process.env.PATH ?? '').split(delimiter).map((folder) => join(folder, name)).find((path) => existsSync(path));
      if (found) symlinkSync(found, join(bin, name));
    }
    const result = await runCli(['--format', 'json'], { cwd: dir, env: { PATH: bin, PRUNE_GUARD_HELM: '' } });
    expect(result.stderr).toBe('');
    const plain = JSON.parse(result.stdout) as { notes: string[]; findings: unknown[] };
    expect(plain.notes).toContain('a HelmRelease is judged as a single object, not by what its chart installs: install helm, or pass --helm-bin');
    expect(plain.findings).toEqual([]);
  });

  it('exits 2 with one line when --helm-bin names no helm', async () => {
    const result = await runCli(['--helm-bin', '/nonexistent/helm'], { cwd: helmRepo({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: helm binary not found or not executable: /nonexistent/helm (from --helm-bin)\n');
  });
});
