import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSides } from '../../src/app/prepare-sides.ts';
import type { TemporaryCheckout } from '../../src/render/git.ts';
import { makeRepo, writeTree } from '../e2e/helpers.ts';

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
