/**
 * Immutable fields end to end: a Deployment selector change in a plain two-directory diff, and
 * a PVC's storage class in a Flux repository, with and without the Kustomization's force.
 */
import { cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, commitAll, git, hasKustomize, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

/** Writes `before` and `after` trees into a temp dir and returns it. */
function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(join(dir, 'before'), before);
  writeTree(join(dir, 'after'), after);
  return dir;
}

/** A git repo holding test/fixtures/flux-fleet on main (plus `base` edits), with `head` edits uncommitted. */
function fluxRepo(head: Tree, base: Tree = {}): string {
  const dir = makeTempDir('prune-guard-flux-');
  cpSync(join(FIXTURES, 'flux-fleet'), dir, { recursive: true });
  writeTree(dir, base);
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  writeTree(dir, head);
  return dir;
}

const fixture = (path: string): string => readFileSync(join(FIXTURES, 'flux-fleet', path), 'utf8');

const deployment = (selector: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: ${selector}}\n  template:\n    metadata: {labels: ${selector}}\n    spec: {containers: [{name: web, image: "web:1"}]}\n`;
const app = (selector: string): Tree => ({ 'kustomization.yaml': 'resources: [deployment.yaml]\n', 'deployment.yaml': deployment(selector) });

const immutable = (result: Awaited<ReturnType<typeof runCli>>): string[] =>
  parseReport(result)
    .findings.filter((finding) => finding.rule === 'immutable-field-changed')
    .map((finding) => `${finding.severity} ${finding.unit} ${finding.object.kind}/${finding.object.name}: ${finding.message}`);

describe.skipIf(!hasKustomize)('immutable fields', () => {
  it('a Deployment selector change in a plain two-directory diff blocks: kubectl apply is rejected', async () => {
    const dir = sides(app('{app: web}'), app('{app: web, tier: front}'));
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    // diff names the root after the folder that holds before/ and after/.
    expect(immutable(result)).toEqual([
      `error ${basename(dir)} Deployment/web: Deployment/shop/web changes spec.selector, which Kubernetes does not allow: kubectl apply is rejected for it until it is deleted and created again`,
    ]);
    const same = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: sides(app('{app: web}'), app('{app: web}')) });
    expect(immutable(same)).toEqual([]);
  });

  it("Flux: a PVC's new storage class stops the Kustomization, and with force: true its data goes", async () => {
    const head = { 'apps/base/shop/data.yaml': fixture('apps/base/shop/data.yaml').replace('storageClassName: fast', 'storageClassName: slow') };
    const rejected = await runCli(['--format', 'json'], { cwd: fluxRepo(head) });
    expect(rejected.code).toBe(1);
    expect(immutable(rejected)).toEqual([
      'error flux-system/apps PersistentVolumeClaim/orders: PersistentVolumeClaim/shop/orders changes spec.storageClassName, which Kubernetes does not allow: the apply is rejected, and flux-system/apps stops reconciling until fixed (nothing else in it is applied or pruned)',
    ]);

    const forced = { 'clusters/production/apps.yaml': fixture('clusters/production/apps.yaml').replace('  prune: true\n', '  prune: true\n  force: true\n') };
    const recreated = await runCli(['--format', 'json'], { cwd: fluxRepo(head, forced) });
    expect(recreated.code).toBe(1);
    expect(immutable(recreated)).toEqual([
      'error flux-system/apps PersistentVolumeClaim/orders: PersistentVolumeClaim/shop/orders changes spec.storageClassName, which Kubernetes does not allow, so Flux deletes and recreates it (spec.force): the new claim gets a new, empty volume, and the data goes with the old one (kept only under reclaim policy Retain)',
    ]);
  });
});
