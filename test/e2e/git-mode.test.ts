/**
 * Git mode end to end: real repositories, real worktrees, real kustomize.
 */
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, configMap, crd, fixOf, git, hasKustomize, kustomization, makeRepo, makeTempDir, parseReport, runCli, writeTree } from './helpers.ts';

const widget = `apiVersion: example.io/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: apps\n`;

function operatorRepo(): string {
  return makeRepo({
    'operator/kustomization.yaml': kustomization('crds.yaml', 'widget.yaml'),
    'operator/crds.yaml': crd('Widget', 'example.io'),
    'operator/widget.yaml': widget,
  });
}

/** A `kubectl` stand-in that logs each build, then runs the real one (or sleeps first). */
function countingKubectl(sleepSeconds = 0): { bin: string; log: string } {
  const dir = makeTempDir('prune-guard-bin-');
  const log = join(dir, 'builds.log');
  const real = ['/usr/local/bin/kubectl', '/usr/bin/kubectl'].find((path) => existsSync(path)) ?? 'kubectl';
  const bin = join(dir, 'kubectl');
  writeTree(dir, {
    kubectl: `#!/bin/sh\necho "$@" >> "${log}"\n${sleepSeconds > 0 ? `sleep ${sleepSeconds}\n` : ''}exec ${real} "$@"\n`,
  });
  chmodSync(bin, 0o755);
  return { bin, log };
}

/** What a run leaves in its own temp directory (TMPDIR), so runs of other test files do not interfere. */
function leftovers(temp: string): string[] {
  return readdirSync(temp);
}

describe.skipIf(!hasKustomize)('git mode', () => {
  it('compares the working tree, uncommitted changes included, with main by default', async () => {
    const repo = operatorRepo();
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('widget.yaml') });

    const result = await runCli(['--format', 'json'], { cwd: repo });
    const report = parseReport(result);
    expect(result.code).toBe(1);
    expect(report.before.label).toMatch(/^main \(merge base [0-9a-f]{7}\)$/);
    expect(report.after.label).toBe('working tree');
    expect(report.findings.map((finding) => finding.rule)).toEqual(['crd-removed', 'crd-missing']);
    expect(report.findings[0]?.provenance).toEqual({ file: 'operator/crds.yaml', kustomization: 'operator/kustomization.yaml', line: 4 });
  });

  it('prefers origin/HEAD as the default base', async () => {
    const upstream = operatorRepo();
    const clone = makeTempDir('prune-guard-clone-');
    git(clone, 'clone', '-q', upstream, '.');
    writeTree(clone, { 'operator/kustomization.yaml': kustomization('widget.yaml') });

    const report = parseReport(await runCli(['--format', 'json'], { cwd: clone }));
    expect(report.before.label).toMatch(/^origin\/HEAD /);
    expect(report.summary.prune).toBe(1);
  });

  it('ignores what landed on the base branch after the branch point', async () => {
    const repo = operatorRepo();
    git(repo, 'checkout', '-q', '-b', 'feature');
    writeTree(repo, { 'operator/extra.yaml': configMap('feature-config', 'apps') });
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('crds.yaml', 'widget.yaml', 'extra.yaml') });
    commitAll(repo, 'feature adds a ConfigMap');
    git(repo, 'checkout', '-q', 'main');
    writeTree(repo, { 'operator/later.yaml': configMap('main-config', 'apps'), 'operator/kustomization.yaml': kustomization('crds.yaml', 'widget.yaml', 'later.yaml') });
    commitAll(repo, 'main adds another ConfigMap after the branch point');
    git(repo, 'checkout', '-q', 'feature');

    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    const report = parseReport(result);
    expect(result.code).toBe(0);
    expect(report.summary.prune).toBe(0);
    expect(report.summary.add).toBe(1);
  });

  it('compares two refs with --head and leaves the working tree out', async () => {
    const repo = operatorRepo();
    git(repo, 'checkout', '-q', '-b', 'feature');
    writeTree(repo, { 'operator/extra.yaml': configMap('feature-config', 'apps'), 'operator/kustomization.yaml': kustomization('crds.yaml', 'widget.yaml', 'extra.yaml') });
    commitAll(repo, 'add a ConfigMap');
    // Uncommitted: would prune the CRD if the working tree were read.
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('widget.yaml') });

    const result = await runCli(['--base', 'main', '--head', 'feature', '--format', 'json'], { cwd: repo });
    const report = parseReport(result);
    expect(result.code).toBe(0);
    expect(report.after.label).toMatch(/^feature \([0-9a-f]{7}\)$/);
    expect(report.summary).toMatchObject({ add: 1, prune: 0 });
  });

  it('renders every kustomization root under a path, each once per side, and identical roots once', async () => {
    const repo = makeRepo({
      'apps/base/kustomization.yaml': kustomization('config.yaml'),
      'apps/base/config.yaml': configMap('shared', 'apps'),
      'clusters/prod/kustomization.yaml': kustomization('../../apps/base', 'ns.yaml'),
      'clusters/prod/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n',
      'clusters/staging/kustomization.yaml': kustomization('../../apps/base', 'ns.yaml'),
      'clusters/staging/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n',
      'clusters/dev/kustomization.yaml': kustomization('config.yaml'),
      'clusters/dev/config.yaml': configMap('dev', 'dev'),
    });
    writeTree(repo, { 'clusters/staging/kustomization.yaml': kustomization('../../apps/base') });
    const { bin, log } = countingKubectl();

    const result = await runCli(['clusters', '--format', 'json', '--kustomize-bin', bin], { cwd: repo });
    const report = parseReport(result);
    expect(result.code).toBe(1);
    expect(report.units.map((unit) => unit.name)).toEqual(['clusters/dev', 'clusters/prod', 'clusters/staging']);
    expect(report.findings.map((finding) => `${finding.rule} ${finding.unit} ${finding.object.name}`)).toEqual([
      'namespace-removed clusters/staging staging',
    ]);
    // dev and prod are byte-identical on both sides: 1 + 1 builds; staging changed: 2; and one
    // more proves the fix (ns.yaml is still there, just no longer listed).
    expect(report.findings[0]?.provenance).toEqual({ kustomization: 'clusters/staging/kustomization.yaml', line: 5, file: 'clusters/staging/ns.yaml' });
    expect(fixOf(report, report.findings[0])).toMatchObject({ source: 'local', entries: ['ns.yaml'], verified: true });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(5);
  });

  it('names the source of every added and pruned object, building a side a second time only when its edit hid the change', async () => {
    const repo = makeRepo({
      'bump/kustomization.yaml': kustomization('deploy.yaml'),
      'bump/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bump\ndata:\n  image: web:1.0\n',
      'drop/kustomization.yaml': kustomization('config.yaml'),
      'drop/config.yaml': `${configMap('keep', 'apps')}---\n${configMap('gone', 'apps')}`,
      'flow/kustomization.yaml': kustomization('config.yaml'),
      'flow/config.yaml': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "old", "namespace": "apps"}}\n',
    });
    writeTree(repo, {
      'bump/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bump\ndata:\n  image: web:1.1\n',
      'drop/config.yaml': configMap('keep', 'apps'),
      'flow/config.yaml': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "new", "namespace": "apps"}}\n',
    });
    const { bin, log } = countingKubectl();

    const result = await runCli(['--format', 'json', '--kustomize-bin', bin], { cwd: repo });
    const report = parseReport(result);
    expect(result.code, result.stderr).toBe(0);
    const entries = (list: Array<Record<string, unknown>> = []) => list.map(({ unit, object, provenance }) => ({ unit, name: (object as { name: string }).name, provenance }));
    expect(entries(report.changes.removed)).toEqual([
      { unit: 'drop', name: 'gone', provenance: { kustomization: 'drop/kustomization.yaml', line: 4, file: 'drop/config.yaml' } },
      { unit: 'flow', name: 'old', provenance: { kustomization: 'flow/kustomization.yaml', line: 4, file: 'flow/config.yaml' } },
    ]);
    expect(entries(report.changes.added)).toEqual([{ unit: 'flow', name: 'new', provenance: { kustomization: 'flow/kustomization.yaml', line: 4, file: 'flow/config.yaml' } }]);
    // Two builds per root; the one-line JSON of flow hides its rename from the guess, so both
    // of its sides are built once more to name the source.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(8);
    expect(report.stats.builds).toBe(8);
  });

  it('does not report a root that becomes a base of another root as removed', async () => {
    const repo = makeRepo({
      'apps/web/kustomization.yaml': kustomization('config.yaml'),
      'apps/web/config.yaml': configMap('web', 'web'),
      'clusters/prod/kustomization.yaml': kustomization('config.yaml'),
      'clusters/prod/config.yaml': configMap('prod', 'prod'),
    });
    writeTree(repo, { 'clusters/prod/kustomization.yaml': kustomization('config.yaml', '../../apps/web') });

    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.summary).toMatchObject({ prune: 0, add: 1 });
  });

  it('reports a deleted kustomization directory as pruned, not as an error', async () => {
    const repo = operatorRepo();
    writeTree(repo, { 'other/kustomization.yaml': kustomization('c.yaml'), 'other/c.yaml': configMap('c', 'x') });
    commitAll(repo, 'add other');
    writeTree(repo, { operator: null });

    const result = await runCli(['--format', 'json'], { cwd: repo });
    const report = parseReport(result);
    expect(result.code).toBe(1);
    expect(report.units.find((unit) => unit.name === 'operator')).toMatchObject({ before: 2, after: null });
  });

  it('removes its worktree after a run', async () => {
    const repo = operatorRepo();
    // A dropped CRD file: the run also builds a fix in an overlay.
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('widget.yaml') });
    const temp = makeTempDir('prune-guard-tmp-');
    const result = await runCli(['--format', 'json'], { cwd: repo, env: { TMPDIR: temp } });
    expect(result.code).toBe(1);
    const report = parseReport(result);
    expect(fixOf(report, report.findings[0])?.verified).toBe(true);
    expect(git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    // Worktree, build wrappers and overlays are all gone.
    expect(leftovers(temp)).toEqual([]);
  });

  it('removes its worktree when interrupted with Ctrl-C', async () => {
    const repo = operatorRepo();
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('widget.yaml') });
    const { bin, log } = countingKubectl(20);
    const temp = makeTempDir('prune-guard-tmp-');

    const result = await runCli(['--kustomize-bin', bin], {
      cwd: repo,
      env: { TMPDIR: temp },
      onSpawn: (child) => {
        // Interrupt once a build is under way, i.e. after the worktree exists.
        const timer = setInterval(() => {
          if (existsSync(log)) {
            clearInterval(timer);
            child.kill('SIGINT');
          }
        }, 50);
      },
    });
    expect(result.code).toBe(130);
    expect(git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(leftovers(temp)).toEqual([]);
  });

  it.each([
    [['--base', 'no-such-branch'], /^prune-guard: unknown git ref: no-such-branch \(no branch, tag or commit of that name; git branch --all lists the branches\)\n$/],
    [['--head', 'v9.9.9'], /^prune-guard: unknown git ref: v9\.9\.9 \(no branch, tag or commit of that name; git branch --all lists the branches\)\n$/],
    // Both unknown: the head is named, every run alike.
    [['--base', 'no-such-branch', '--head', 'v9.9.9'], /^prune-guard: unknown git ref: v9\.9\.9 /],
    // A range is no commit, though rev-parse reads it as two.
    [['--base', 'main..HEAD'], /^prune-guard: unknown git ref: main\.\.HEAD \(a range; name one branch, tag or commit\)\n$/],
    // A full clone: fetching more would not help, so no such hint.
    [['--base', 'main~5'], /^prune-guard: unknown git ref: main~5 \(the history here does not reach that far\)\n$/],
    [['--base', 'deadbeef42'], /^prune-guard: unknown git ref: deadbeef42 \(no such commit in this clone; a shallow clone needs more history: git fetch --unshallow, or fetch-depth: 0 on actions\/checkout\)\n$/],
    [['missing/dir'], /^prune-guard: path not found: missing\/dir \(in neither main \(merge base [0-9a-f]{7}\) nor working tree\)\n$/],
    [['operator/crds.yaml'], /^prune-guard: not a directory: operator\/crds\.yaml\n$/],
    [['..'], /^prune-guard: path is outside the repository: \.\.\n$/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const repo = operatorRepo();
    const result = await runCli(args, { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 in a shallow clone whose history is too short, and says how to fetch more', async () => {
    const clone = join(makeTempDir('prune-guard-shallow-'), 'clone');
    git(makeTempDir(), 'clone', '-q', '--depth', '1', `file://${operatorRepo()}`, clone);
    const result = await runCli(['--base', 'HEAD~3'], { cwd: clone });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: unknown git ref: HEAD~3 (the history here does not reach that far; this clone is shallow: git fetch --unshallow)\n');
  });

  it('exits 2 outside a git repository and points to diff mode', async () => {
    const result = await runCli([], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^prune-guard: not inside a git repository: .* \(run prune-guard in a git checkout, or compare two directories with prune-guard diff BEFORE_DIR AFTER_DIR\)\n$/);
  });

  it('exits 2 in a repository without commits, and says what to do', async () => {
    const repo = makeTempDir('prune-guard-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    writeTree(repo, { 'operator/kustomization.yaml': kustomization('crds.yaml'), 'operator/crds.yaml': crd('Widget', 'example.io') });
    for (const args of [[], ['--base', 'main'], ['fix']]) {
      const result = await runCli(args, { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('prune-guard: this repository has no commits yet: commit first, or compare two directories with prune-guard diff BEFORE_DIR AFTER_DIR\n');
    }
  });

  it('exits 2 on a branch without commits yet', async () => {
    const repo = operatorRepo();
    git(repo, 'checkout', '-q', '--orphan', 'fresh');
    const result = await runCli(['--base', 'main'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: branch fresh has no commits yet: commit first, or name a commit with --head REF\n');
  });

  it('points at the remote branch, or at git fetch, for a ref this clone lacks', async () => {
    const upstream = operatorRepo();
    git(upstream, 'branch', 'release');
    const clone = makeTempDir('prune-guard-clone-');
    git(clone, 'clone', '-q', upstream, '.');
    const results = await Promise.all([['--base', 'release'], ['--base', 'origin/gone'], ['--base', 'gone']].map((args) => runCli(args, { cwd: clone })));
    expect(results.map((result) => result.code)).toEqual([2, 2, 2]);
    expect(results.map((result) => result.stderr)).toEqual([
      'prune-guard: unknown git ref: release (no local branch of that name; did you mean origin/release?)\n',
      'prune-guard: unknown git ref: origin/gone (no such branch of origin was fetched: git fetch origin gone)\n',
      'prune-guard: unknown git ref: gone (no branch, tag or commit of that name here; if origin has it, git fetch first)\n',
    ]);
  });

  it('exits 2 when no base branch exists', async () => {
    const repo = operatorRepo();
    git(repo, 'branch', '-m', 'main', 'trunk');
    const result = await runCli([], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: no base branch found (tried origin/HEAD, origin/main, main, origin/master, master): pass --base REF\n');
  });
});
