/**
 * A pull request cannot exhaust the runner: an alias bomb is refused before kustomize
 * expands it (kustomize took 24 GB within seconds), with one line naming the file.
 */
import { describe, expect, it } from 'vitest';
import { configMap, hasKustomize, kustomization, makeRepo, writeTree } from '../e2e/helpers.ts';
import { kustomizationYaml } from '../helpers/flux.ts';
import { expectExitCode, runEveryFormat } from './helpers.ts';

/** Nine levels of nine aliases: about 387 million nodes once expanded, in 12 lines. */
function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: lol', '  namespace: default', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (const name of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) {
    lines.push(`  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasKustomize)('bounded resources', () => {
  it('an alias bomb in a resource ends the run within seconds, naming the file', async () => {
    const repo = makeRepo({ 'app/kustomization.yaml': kustomization('cm.yaml'), 'app/cm.yaml': configMap('app', 'default') });
    writeTree(repo, { 'app/kustomization.yaml': kustomization('cm.yaml', 'lol.yaml'), 'app/lol.yaml': aliasBomb() });
    const started = Date.now();
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
    expect(Date.now() - started).toBeLessThan(30_000);
    expectExitCode(runs, 2);
    for (const run of runs) {
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('prune-guard: app/lol.yaml: its YAML aliases expand beyond 10,000 nodes (an alias bomb); refused before building\n');
    }
  });

  it('the same in Flux mode, where the kustomization is generated for the path', async () => {
    const repo = makeRepo({ 'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }), 'apps/cm.yaml': configMap('app', 'default') });
    writeTree(repo, { 'apps/lol.yaml': aliasBomb() });
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
    expectExitCode(runs, 2);
    for (const run of runs) expect(run.stderr).toMatch(/^prune-guard: apps\/lol\.yaml: its YAML aliases expand beyond 10,000 nodes \(an alias bomb\); refused before building\n$/);
  });
});
