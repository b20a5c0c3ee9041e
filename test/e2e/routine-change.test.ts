/**
 * A routine change in a Flux repository shaped like the home-lab repositories many users
 * copy (the one `npm run bench` times, smaller): an image bump renders a handful of units,
 * not the repository; a namespace removal renders everything it needs. Either way the
 * verdict is the one `--render all` reaches.
 */
import { describe, expect, it } from 'vitest';
import { bumpImage, planFluxRepository, removeNamespace, writeFluxRepository } from '../../bench/lib/flux-repo.mjs';
import { commitAll, git, hasKustomize, makeTempDir, runCli } from './helpers.ts';

const plan = planFluxRepository({ namespaceCount: 4, appsPerNamespace: 5 });

function repoWith(change: (dir: string) => void): string {
  const dir = makeTempDir('prune-guard-routine-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFluxRepository(dir, plan);
  commitAll(dir, 'base');
  change(dir);
  return dir;
}

async function check(dir: string, render: 'all' | 'changed') {
  const result = await runCli(['--format', 'json', '--render', render], { cwd: dir });
  const report = JSON.parse(result.stdout || '{}');
  // Objects of units that were not rendered are not counted as unchanged: the rest of the plan must agree.
  const { unchanged: _unchanged, ...plan } = report.summary ?? {};
  return { code: result.code, stderr: result.stderr, report, plan };
}

describe.skipIf(!hasKustomize)('a routine change in a home-lab-shaped Flux repository', () => {
  it('an image bump renders the unit that changed and the ones that list units, nothing else', async () => {
    const dir = repoWith((root) => bumpImage(root, plan));
    const [changed, all] = await Promise.all([check(dir, 'changed'), check(dir, 'all')]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.report.summary).toMatchObject({ add: 0, change: 1, prune: 0 });
    expect(changed.report.changes.changed.map((entry: { object: { kind: string; name: string } }) => `${entry.object.kind}/${entry.object.name}`)).toEqual([`HelmRelease/${plan.bumped.name}`]);
    // The app on both sides and the Kustomization that lists every app; every other unit waits.
    expect(changed.report.stats.builds).toBeLessThanOrEqual(4);
    expect(changed.report.units.length).toBeLessThanOrEqual(12);
    expect(changed.report.stats.identical).toBe(all.report.units.length - changed.report.units.length);
    expect(changed.report.findings).toEqual(all.report.findings);
    expect(changed.plan).toEqual(all.plan);
  });

  it('a namespace removed renders what its cascade needs and blocks as --render all does', async () => {
    const dir = repoWith((root) => removeNamespace(root, plan));
    const [changed, all] = await Promise.all([check(dir, 'changed'), check(dir, 'all')]);
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.report.findings.map((finding: { rule: string; object: { kind: string; name: string } }) => `${finding.rule} ${finding.object.kind}/${finding.object.name}`)).toContain(
      `namespace-removed Namespace/${plan.removedNamespace}`,
    );
    expect(changed.report.findings).toEqual(all.report.findings);
    expect(changed.plan).toEqual(all.plan);
    expect(changed.code).toBe(all.code);
  });
});
