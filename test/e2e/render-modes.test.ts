/**
 * Rendering only what a change can affect must reach the verdicts rendering everything
 * reaches. Every Flux fixture, every file of it removed in turn (removals are what make
 * the identical units matter), and edits that touch one unit: both modes, the same
 * findings, exit code and plan.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, hasKustomize, makeFixtureRepo, runCli, type Tree } from './helpers.ts';

const FLUX_FIXTURES = ['flux-apps', 'flux-fleet'];

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}

function repoWith(name: string, head: Tree): string {
  return makeFixtureRepo(name, head, {}, 'prune-guard-modes-');
}

/** What a verdict is made of: the exit code, the findings, and the plan's counts. */
async function verdict(dir: string, render: 'all' | 'changed') {
  const result = await runCli(['--format', 'json', '--render', render], { cwd: dir });
  const report = JSON.parse(result.stdout || '{}');
  const { add, change, prune, replace, pruneByKind, findings } = report.summary ?? {};
  return { code: result.code, stderr: result.stderr, findings: report.findings, plan: { add, change, prune, replace, pruneByKind, findings }, identical: report.stats?.identical };
}

const scenarios = FLUX_FIXTURES.flatMap((name) => {
  const files = listFiles(join(FIXTURES, name)).sort();
  const removals = files.map((file) => [`${name}: ${file} removed`, name, { [file]: null }] as const);
  // One unit edited: an image, a value, a label; nothing removed.
  const edits = files
    .filter((file) => /\.ya?ml$/.test(file))
    .flatMap((file) => {
      const text = readFileSync(join(FIXTURES, name, file), 'utf8');
      const edited = text.replace(/(image: \S+?):([\w.-]+)/, '$1:edited').replace(/(\n\s+replicas: )\d+/, '$19');
      return edited === text ? [] : [[`${name}: ${file} edited`, name, { [file]: edited }] as const];
    });
  return [[`${name}: no change`, name, {}] as const, ...removals, ...edits];
});

describe.skipIf(!hasKustomize)('--render changed reaches the verdicts of --render all', () => {
  it.each(scenarios)('%s', async (_title, name, head) => {
    const dir = repoWith(name, head as Tree);
    const [all, changed] = await Promise.all([verdict(dir, 'all'), verdict(dir, 'changed')]);
    expect(changed.code).toBe(all.code);
    expect(changed.stderr).toBe(all.stderr);
    expect(changed.findings).toEqual(all.findings);
    expect(changed.plan).toEqual(all.plan);
    expect(all.identical ?? 0).toBe(0);
  });

  it('leaves units out when nothing needs them', async () => {
    const { identical, code } = await verdict(repoWith('flux-apps', {}), 'changed');
    expect(code).toBe(0);
    expect(identical).toBeGreaterThan(0);
  });
});
