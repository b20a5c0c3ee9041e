/**
 * In git mode the side before the change reads what git says is unchanged from the side
 * after it. Comparing two plain directories reads both in full. Both must reach the same
 * verdict: every plain fixture, as a pull request over its `before` tree, and cases where git
 * and the file system disagree (an ignored file, a file deleted without git knowing).
 */
import { cpSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, commitAll, git, hasKustomize, makeRepo, makeTempDir, runCli, writeTree } from './helpers.ts';

const PLAIN_FIXTURES = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name, 'before'), { throwIfNoEntry: false })?.isDirectory());

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listFiles(root, join(dir, name)) : [relative(root, join(dir, name))]));
}

/** What both modes must agree on: the exit code, each finding's rule, severity, unit and object, and the plan. */
async function verdict(args: readonly string[], cwd: string, render: 'all' | 'changed' = 'all') {
  const result = await runCli([...args, '--format', 'json', '--render', render], { cwd });
  const report = JSON.parse(result.stdout || '{}');
  const findings = (report.findings ?? []).map((finding: { rule: string; severity: string; unit: string; object: unknown }) => [finding.rule, finding.severity, finding.unit, finding.object]);
  return { code: result.code, stderr: result.stderr, findings, summary: report.summary };
}

/** A repository whose main holds `before`, with `after` in the working tree; and the two as plain directories. */
function prepare(before: string, change: (worktree: string) => void): { repo: string; dirs: string } {
  const repo = makeRepo({});
  cpSync(before, repo, { recursive: true });
  commitAll(repo, 'base');
  change(repo);
  const dirs = makeTempDir('prune-guard-twin-dirs-');
  cpSync(before, join(dirs, 'before'), { recursive: true });
  cpSync(repo, join(dirs, 'after'), { recursive: true, filter: (path) => !path.includes('/.git') });
  return { repo, dirs };
}

async function expectSameVerdict(repo: string, dirs: string, render: 'all' | 'changed' = 'all'): Promise<void> {
  const [inGit, inDirs] = await Promise.all([verdict([], repo, render), verdict(['diff', 'before', 'after'], dirs, render)]);
  expect(inGit.code, inGit.stderr).toBe(inDirs.code);
  // The one difference by design: git mode names the repository's root unit `.`, diff names it
  // after the folder that holds before/ and after/.
  const rootInDirs = basename(dirs);
  expect(inGit.findings).toEqual(inDirs.findings.map(([rule, severity, unit, object]: [string, string, string, unknown]) => [rule, severity, unit === rootInDirs ? '.' : unit, object]));
  expect(inGit.summary).toEqual(inDirs.summary);
}

const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\n`;

describe.skipIf(!hasKustomize)('git mode reads unchanged files once and reaches the verdict of two directories', () => {
  it.each(PLAIN_FIXTURES)('%s as a pull request', async (fixture) => {
    const after = join(FIXTURES, fixture, 'after');
    const { repo, dirs } = prepare(join(FIXTURES, fixture, 'before'), (worktree) => {
      for (const file of listFiles(worktree).filter((path) => !path.startsWith('.git'))) rmSync(join(worktree, file));
      cpSync(after, worktree, { recursive: true });
    });
    await expectSameVerdict(repo, dirs);
  });

  it('a generated file git stops tracking and ignores: the same verdict', async () => {
    const before = makeTempDir('prune-guard-twin-ignored-');
    writeTree(before, {
      'apps/web/kustomization.yaml': 'resources: [deploy.yaml]\nconfigMapGenerator: [{name: web, files: [generated.env]}]\n',
      'apps/web/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: web}\n',
      'apps/web/generated.env': 'MODE=old\n',
    });
    // The generated file was committed once; the change stops tracking it and ignores it, and it is generated anew.
    const { repo, dirs } = prepare(before, (worktree) => {
      git(worktree, 'rm', '-q', '--cached', 'apps/web/generated.env');
      writeTree(worktree, { '.gitignore': 'generated.env\n', 'apps/web/generated.env': 'MODE=new\n' });
    });
    await expectSameVerdict(repo, dirs);
  });
});

// The side before is written to disk only where it differs: each case reads something the
// change did not touch through something it did, or the other way round.
describe.skipIf(!hasKustomize)('git mode writes the side before only where it differs, and reaches the verdict of two directories', () => {
  it.each<{ name: string; before: Record<string, string>; links?: Record<string, string>; change: Record<string, string | null>; expected: number }>([
    {
      name: 'a Namespace dropped from a base reached through a symlinked folder',
      before: {
        'shared/kustomization.yaml': 'resources: [namespace.yaml]\n',
        'shared/namespace.yaml': `${namespace('shop')}---\n${namespace('billing')}`,
        'apps/shop/kustomization.yaml': 'resources: [base]\n',
      },
      links: { 'apps/shop/base': '../../shared' },
      change: { 'shared/namespace.yaml': namespace('shop') },
      expected: 1,
    },
    {
      name: 'an unchanged overlay over a base that drops a Namespace',
      before: {
        'apps/shop/base/kustomization.yaml': 'resources: [namespace.yaml, settings.yaml]\n',
        'apps/shop/base/namespace.yaml': namespace('shop'),
        'apps/shop/base/settings.yaml': configMap('settings'),
        'apps/shop/overlays/prod/kustomization.yaml': 'resources: [../../base]\nnamePrefix: prod-\n',
      },
      change: { 'apps/shop/base/kustomization.yaml': 'resources: [settings.yaml]\n' },
      expected: 1,
    },
    {
      name: 'a changed root whose unchanged subfolder holds the CRDs it drops',
      before: {
        'apps/shop/kustomization.yaml': 'resources: [crds, settings.yaml]\n',
        'apps/shop/settings.yaml': configMap('settings'),
        'apps/shop/crds/kustomization.yaml': 'resources: [widgets.yaml]\n',
        'apps/shop/crds/widgets.yaml':
          'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.io}\nspec: {group: example.io, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: [{name: v1, served: true, storage: true}]}\n',
        'apps/other/kustomization.yaml': 'resources: [settings.yaml]\n',
        'apps/other/settings.yaml': configMap('other'),
      },
      change: { 'apps/shop/kustomization.yaml': 'resources: [settings.yaml]\n', 'apps/other/settings.yaml': configMap('other-renamed') },
      expected: 1,
    },
    {
      name: 'a root deleted whole, beside an unchanged one',
      before: {
        'apps/shop/kustomization.yaml': 'resources: [namespace.yaml]\n',
        'apps/shop/namespace.yaml': namespace('shop'),
        'apps/billing/kustomization.yaml': 'resources: [namespace.yaml]\n',
        'apps/billing/namespace.yaml': namespace('billing'),
      },
      change: { 'apps/shop': null },
      expected: 1,
    },
    {
      // Only `git ls-files --others` names it: git diff does not.
      name: 'a new root git does not track yet, beside an unchanged one',
      before: {
        'apps/shop/kustomization.yaml': 'resources: [namespace.yaml]\n',
        'apps/shop/namespace.yaml': namespace('shop'),
      },
      change: { 'apps/billing/kustomization.yaml': 'resources: [namespace.yaml]\n', 'apps/billing/namespace.yaml': namespace('billing') },
      expected: 0,
    },
  ])('$name', async ({ before, links, change, expected }) => {
    const tree = makeTempDir('prune-guard-partial-');
    writeTree(tree, before);
    for (const [link, target] of Object.entries(links ?? {})) symlinkSync(target, join(tree, link));
    const { repo, dirs } = prepare(tree, (worktree) => writeTree(worktree, change));
    await expectSameVerdict(repo, dirs, 'changed');
    await expectSameVerdict(repo, dirs, 'all');
    expect((await verdict([], repo, 'changed')).code).toBe(expected);
  });
});

describe.skipIf(!hasKustomize)('Flux mode in git mode reads unchanged files once and reaches the verdict of two directories', () => {
  const fleet = join(FIXTURES, 'flux-fleet');
  const apps = join(FIXTURES, 'flux-apps');

  it.each<{ name: string; before: string; change: Record<string, string | null> }>([
    {
      name: 'a CRD file dropped from the operator',
      before: fleet,
      change: { 'infrastructure/widget-operator/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - operator.yaml\n' },
    },
    {
      // The artifact after the change leaves out a file a kustomization lists: its build fails.
      name: 'a new .sourceignore that hides a listed file',
      before: fleet,
      change: { '.sourceignore': 'infrastructure/widget-operator/crds.yaml\n' },
    },
    {
      // A path without kustomization.yaml: the generated one no longer lists the claim.
      name: 'a .sourceignore that hides a claim from a generated kustomization',
      before: apps,
      change: { '.sourceignore': 'kubernetes/apps/database/postgres/app/pvc.yaml\n' },
    },
    {
      name: 'a namespace folder removed',
      before: apps,
      change: { 'kubernetes/apps/observability/kustomization.yaml': null, 'kubernetes/apps/observability/namespace.yaml': null, 'kubernetes/apps/observability/grafana/ks.yaml': null },
    },
  ])('$name', async ({ before, change }) => {
    const { repo, dirs } = prepare(before, (worktree) => writeTree(worktree, change));
    await expectSameVerdict(repo, dirs);
  });
});

describe.skipIf(!hasKustomize)('the mode of a run in git mode', () => {
  it('is Flux when only the side before declares a Flux Kustomization, in a file the change deletes', async () => {
    const ks = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec: {interval: 10m, path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n';
    const repo = makeRepo({
      'clusters/prod/apps.yaml': ks,
      'apps/kustomization.yaml': 'resources: [namespace.yaml]\n',
      'apps/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    });
    writeTree(repo, { 'clusters/prod/apps.yaml': null });
    const result = await runCli(['--format', 'json'], { cwd: repo });
    const report = JSON.parse(result.stdout || '{}');
    // The whole cluster root goes: Flux deletes nothing then, but it is judged as Flux, unit by Kustomization.
    expect(result.code, result.stderr).toBe(0);
    expect(report.units.map((unit: { name: string }) => unit.name)).toEqual(['flux-system/apps', 'flux-system/flux-system']);
    expect(report.summary.pruneByKind).toMatchObject({ Namespace: 1 });
  });

  it('is Flux when a Flux Kustomization is a new file git does not track yet, and not for one git ignores', async () => {
    const ks = (name: string): string =>
      `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: ${name}, namespace: flux-system}\nspec: {interval: 10m, path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n`;
    const tree = { 'apps/kustomization.yaml': 'resources: [namespace.yaml]\n', 'apps/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' };
    const untracked = makeRepo(tree);
    writeTree(untracked, { 'clusters/prod/apps.yaml': ks('apps') });
    const ignored = makeRepo({ ...tree, '.gitignore': 'scratch/\n' });
    writeTree(ignored, { 'scratch/apps.yaml': ks('apps') });
    const [flux, plain] = await Promise.all([runCli(['--format', 'json', '--render', 'all'], { cwd: untracked }), runCli(['--format', 'json', '--render', 'all'], { cwd: ignored })]);
    expect(JSON.parse(flux.stdout).units.map((unit: { name: string }) => unit.name)).toEqual(['flux-system/apps', 'flux-system/flux-system']);
    expect(JSON.parse(plain.stdout).units.map((unit: { name: string }) => unit.name)).toEqual(['apps']);
  });
});
