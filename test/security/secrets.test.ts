/**
 * Secret values never reach a report: neither through Flux substitution (a value taken from a
 * Secret by `postBuild.substituteFrom` and written into a ConfigMap) nor through a Secret whose
 * `data` or `stringData` is not the mapping Kubernetes expects. Planted values are checked
 * against every output format of the built CLI, run on real git repositories with real kustomize.
 */
import { describe, expect, it } from 'vitest';
import { hasKustomize, makeRepo, parseReport, writeTree, type Tree } from '../e2e/helpers.ts';
import { expectAbsent, expectExitCode, runEveryFormat, type FormatRun } from './helpers.ts';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Every spelling of the planted values that must not appear. */
const spellings = (...values: string[]): string[] => values.flatMap((value) => [value, base64(value), base64(value).replace(/=+$/, '')]);

const jsonOf = (runs: readonly FormatRun[]): ReturnType<typeof parseReport> => {
  const run = runs.find((candidate) => candidate.format === 'json');
  if (!run) throw new Error('no json run');
  return parseReport(run);
};
const markdownOf = (runs: readonly FormatRun[]): string => runs.find((run) => run.format === 'markdown')?.stdout ?? '';

/** A repository on main with `base`, and `head` as uncommitted edits: the working tree is the pull request. */
function repoWithChange(base: Tree, head: Tree): string {
  const dir = makeRepo(base);
  writeTree(dir, head);
  return dir;
}

describe.skipIf(!hasKustomize)('Secret values in Flux substitution', () => {
  const before = 'pl4nted-db-pass-before-7f3a';
  const after = 'pl4nted-db-pass-after-91c2';

  const flux = (password: string, configMap: string): Tree => ({
    'clusters/prod/flux-system/gotk-sync.yaml': `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m
  ref:
    branch: main
  url: ssh://git@github.com/example/fleet
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 10m
  path: ./clusters/prod
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
`,
    // Rendered by the parent, flux-system; apps reads it through substituteFrom.
    'clusters/prod/db-credentials.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
  namespace: flux-system
type: Opaque
data:
  db_password: ${base64(password)}
`,
    'clusters/prod/apps.yaml': `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
  postBuild:
    substitute:
      cluster_env: production
    substituteFrom:
      - kind: Secret
        name: db-credentials
`,
    'apps/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - config.yaml\n',
    'apps/config.yaml': configMap,
  });

  const configMap = (port: number, extra = ''): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: shop
data:
  env: \${cluster_env}
  password: \${db_password}
  dsn: postgres://app:\${db_password}@db:${port}/app
${extra}`;

  it('masks the value in a changed ConfigMap, and the changed line still shows as changed', async () => {
    const dir = repoWithChange(flux(before, configMap(5432)), { 'apps/config.yaml': configMap(6432, '  extra: "${db_password}"\n') });
    const runs = await runEveryFormat([], { cwd: dir });
    expectExitCode(runs, 0);
    expectAbsent(runs, spellings(before));
    const change = jsonOf(runs).changes.changed?.find((entry) => (entry.object as { name: string }).name === 'app-config');
    expect(change?.diff).toContain('-  dsn: postgres://app:(redacted)@db:5432/app');
    expect(change?.diff).toContain('+  dsn: postgres://app:(redacted)@db:6432/app');
    expect(change?.diff).toContain('+  extra: (redacted)');
    expect(change?.diff).toContain('   env: production');
    expect(markdownOf(runs)).toContain('+  dsn: postgres://app:(redacted)@db:6432/app');
    // Masking adds nothing random: the same input gives the same bytes.
    const again = await runEveryFormat([], { cwd: dir });
    expect(again.map((run) => run.stdout)).toEqual(runs.map((run) => run.stdout));
  });

  it('masks the before and the after value when the Secret changes, in the Secret and in the ConfigMap', async () => {
    const dir = repoWithChange(flux(before, configMap(5432)), { 'clusters/prod/db-credentials.yaml': flux(after, '')['clusters/prod/db-credentials.yaml'] ?? null });
    const runs = await runEveryFormat([], { cwd: dir });
    expectExitCode(runs, 0);
    expectAbsent(runs, spellings(before, after));
    const report = jsonOf(runs);
    const changes = report.changes.changed ?? [];
    const configChange = changes.find((entry) => (entry.object as { name: string }).name === 'app-config');
    expect(configChange?.diff).toContain('-  password: (redacted)');
    expect(configChange?.diff).toContain('+  password: (redacted)');
    const secretChange = changes.find((entry) => (entry.object as { name: string }).name === 'db-credentials');
    expect(secretChange?.secretKeys).toEqual({ added: [], removed: [], changed: ['db_password'] });
    expect(markdownOf(runs)).toContain('+  password: (redacted)');
  });

  it('masks a value in an object name, in findings and their messages, with --fail-on notice blocking', async () => {
    const lowerCase = 'pl4nted-name-part-5d6e';
    const named = `${configMap(5432)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cache-\${db_password}\n  namespace: shop\ndata:\n  key: value\n`;
    const dir = repoWithChange(flux(lowerCase, named), { 'apps/config.yaml': configMap(5432) });
    const runs = await runEveryFormat(['--fail-on', 'notice'], { cwd: dir });
    expectExitCode(runs, 1);
    expectAbsent(runs, spellings(lowerCase));
    const report = jsonOf(runs);
    expect(report.findings.map((finding) => [finding.rule, finding.object.name])).toEqual([['object-removed', 'cache-(redacted)']]);
  });

  it('leaves values from inline substitute and the configuration alone: they are written in the repository', async () => {
    const base = { ...flux(before, configMap(5432)), '.prune-guard.yaml': 'substitute:\n  cluster_region: eu-central-zone-9\n' };
    const dir = repoWithChange(base, { 'apps/config.yaml': configMap(5432, '  region: ${cluster_region}\n') });
    const runs = await runEveryFormat([], { cwd: dir });
    expectExitCode(runs, 0);
    expectAbsent(runs, spellings(before));
    const [change] = jsonOf(runs).changes.changed ?? [];
    expect(change?.diff).toContain('+  region: eu-central-zone-9');
    expect(change?.diff).toContain('   env: production');
  });
});

describe.skipIf(!hasKustomize)('malformed Secrets', () => {
  /** One Secret per shape and fate; each planted value is unique, so a leak names its case. */
  const shapes = {
    'data-string': (value: string) => `data: "${base64(value)}"`,
    'data-list': (value: string) => `data:\n  - ${base64(value)}\n  - ${value}`,
    'stringdata-list': (value: string) => `stringData:\n  - ${value}`,
    'stringdata-scalar': (value: string) => `stringData: ${value}`,
  } as const;
  const fates = ['added', 'removed', 'changed'] as const;
  const planted = (shape: string, fate: string, side: string): string => `pl4nted-${shape}-${fate}-${side}-c0ffee`;
  const secret = (name: string, fields: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n  namespace: vault\n${fields}\n`;

  const side = (which: 'before' | 'after'): Tree => {
    const files: Record<string, string> = {};
    for (const [shape, fields] of Object.entries(shapes)) {
      for (const fate of fates) {
        const present = fate === 'changed' || (fate === 'added') === (which === 'after');
        if (present) files[`secrets/${shape}-${fate}.yaml`] = secret(`${shape}-${fate}`, fields(planted(shape, fate, which)));
      }
    }
    const list = Object.keys(files).map((file) => `  - ${file.slice('secrets/'.length)}`).sort().join('\n');
    return { ...files, 'secrets/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${list}\n` };
  };
  const everyPlanted = Object.keys(shapes).flatMap((shape) => fates.flatMap((fate) => [planted(shape, fate, 'before'), planted(shape, fate, 'after')]));

  it('redacts them whole when they are added, removed and changed, in every format', async () => {
    const removedFiles = Object.fromEntries(Object.keys(shapes).map((shape) => [`secrets/${shape}-removed.yaml`, null]));
    const dir = repoWithChange(side('before'), { ...removedFiles, ...side('after') });
    const runs = await runEveryFormat([], { cwd: dir });
    expectExitCode(runs, 0);
    expectAbsent(runs, spellings(...everyPlanted));
    const report = jsonOf(runs);
    const names = (entries: Array<Record<string, unknown>> | undefined): string[] => (entries ?? []).map((entry) => (entry.object as { name: string }).name).sort();
    expect(names(report.changes.added)).toEqual(Object.keys(shapes).map((shape) => `${shape}-added`).sort());
    expect(names(report.changes.removed)).toEqual(Object.keys(shapes).map((shape) => `${shape}-removed`).sort());
    // A changed value is a change, shown without the value.
    expect(names(report.changes.changed)).toEqual(Object.keys(shapes).map((shape) => `${shape}-changed`).sort());
    for (const entry of report.changes.changed ?? []) {
      const field = String((entry.object as { name: string }).name).startsWith('data') ? 'data' : 'stringData';
      expect(entry.secretKeys).toEqual({ added: [], removed: [], changed: [`(${field})`] });
      expect(entry.diff).toContain(`-${field}: (redacted)`);
      expect(entry.diff).toContain(`+${field}: (redacted, changed)`);
    }
    expect(report.findings.map((finding) => finding.rule)).toEqual(Array(Object.keys(shapes).length).fill('object-removed'));
  });

  it('blocks on the removals with --fail-on notice, still without a value', async () => {
    const removed = Object.keys(shapes).map((shape) => `secrets/${shape}-removed.yaml`);
    const kustomization = side('before')['secrets/kustomization.yaml'] ?? '';
    const dir = repoWithChange(side('before'), {
      ...Object.fromEntries(removed.map((file) => [file, null])),
      'secrets/kustomization.yaml': kustomization.replace(/^ {2}- .*-removed\.yaml\n/gm, ''),
    });
    const runs = await runEveryFormat(['--fail-on', 'notice'], { cwd: dir });
    expectExitCode(runs, 1);
    expectAbsent(runs, spellings(...everyPlanted));
    expect(jsonOf(runs).findings).toHaveLength(removed.length);
  });
});

describe.skipIf(!hasKustomize)('Secret values in kustomize\'s own errors', () => {
  it('are hidden when kustomize quotes both objects of an ID conflict, --verbose included', async () => {
    const secret = (namespace: string, password: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: ${namespace}\nstringData:\n  password: ${password}\n`;
    const repo = makeRepo({ 'app/kustomization.yaml': 'resources:\n  - s.yaml\n', 'app/s.yaml': secret('a', 'PLANTED-in-error-1') });
    writeTree(repo, { 'app/kustomization.yaml': 'resources:\n  - s.yaml\n  - dup.yaml\nnamespace: c\n', 'app/dup.yaml': secret('b', 'PLANTED-in-error-2') });
    const runs = await runEveryFormat(['--base', 'main', '--verbose'], { cwd: repo });
    expectExitCode(runs, 2);
    expectAbsent(runs, ['PLANTED-in-error']);
    for (const run of runs) expect(run.stderr).toContain('namespace transformation produces ID conflict');
  });
});
