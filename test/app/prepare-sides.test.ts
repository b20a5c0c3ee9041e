import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameDirectoryRoot, prepareSides } from '../../src/app/prepare-sides.ts';
import type { TemporaryCheckout } from '../../src/render/git.ts';
import { makeRepo, makeTempDir, writeTree } from '../e2e/helpers.ts';

describe('prepareSides against the working tree', () => {
  it('writes the side before only on the way to each change, and the configuration file the Action names', async () => {
    const repo = makeRepo({
      'ci/prune-guard.yaml': 'failOn: warning\n',
      'apps/web/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'apps/web/deploy.yaml': 'web\n',
      'apps/api/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'apps/api/deploy.yaml': 'api\n',
    });
    writeTree(repo, { 'apps/web/deploy.yaml': 'web, changed\n' });
    const checkouts: TemporaryCheckout[] = [];
    try {
      const sides = await prepareSides({ source: { kind: 'git', paths: [] }, cwd: repo, env: {}, repoConfigPath: './ci/prune-guard.yaml' }, checkouts);
      const root = sides.before.root;
      expect(sides.before.partial).toBeDefined();
      expect(readFileSync(join(root, 'apps/web/deploy.yaml'), 'utf8')).toBe('web\n');
      expect(readFileSync(join(root, 'ci/prune-guard.yaml'), 'utf8')).toBe('failOn: warning\n');
      // Unchanged: read on the side after until a build needs it here.
      expect(existsSync(join(root, 'apps/api/deploy.yaml'))).toBe(false);
    } finally {
      for (const checkout of checkouts) checkout.dispose();
    }
  });
});

describe('prepareSides for two directories', () => {
  it('names the unit at their top after the folder that holds both', async () => {
    const dir = makeTempDir();
    writeTree(dir, { 'shop/before/kustomization.yaml': 'resources: []\n', 'shop/after/kustomization.yaml': 'resources: []\n' });
    const sides = await prepareSides({ source: { kind: 'dirs', before: 'shop/before', after: 'shop/after/' }, cwd: dir, env: {} }, []);
    expect(sides.rootName).toBe('shop');
  });
});

describe('nameDirectoryRoot', () => {
  it.each([
    ['/main/clusters/prod', '/pr/clusters/prod', 'prod'],
    ['/repo/examples/operator-crds/before', '/repo/examples/operator-crds/after', 'operator-crds'],
    ['/tmp/base-checkout', '/work/head-checkout', 'head-checkout'],
    ['/a', '/b', 'b'],
    ['/', '/', undefined],
  ])('%s and %s: %s', (before, after, name) => {
    expect(nameDirectoryRoot(before, after)).toBe(name);
  });
});
