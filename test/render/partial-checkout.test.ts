import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTemporaryWorktree, listCommitFiles, openRepository, resolveCommit } from '../../src/render/git.ts';
import { openPartialCheckout } from '../../src/render/partial-checkout.ts';
import { makeRepo } from '../e2e/helpers.ts';

async function openEmptyWorktree() {
  const repo = makeRepo({
    'README.md': 'readme\n',
    'apps/web/kustomization.yaml': 'resources: [deploy.yaml, crds]\n',
    'apps/web/deploy.yaml': 'web\n',
    'apps/web/crds/kustomization.yaml': 'resources: [widgets.yaml]\n',
    'apps/web/crds/widgets.yaml': 'widgets\n',
    'apps/api/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'apps/api/deploy.yaml': 'api\n',
    'bases/common/settings.yaml': 'common\n',
  });
  const git = await openRepository(repo);
  const commit = await resolveCommit(git, 'main');
  const checkout = await addTemporaryWorktree(git, commit, { files: 'none' });
  const files = await listCommitFiles(git, commit);
  return { dir: checkout.dir, commit, files, dispose: () => checkout.dispose() };
}

/** Files under `dir`, relative, git's own pointer file left out. */
function listWritten(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub))
    .filter((name) => name !== '.git')
    .flatMap((name) => {
      const path = sub ? `${sub}/${name}` : name;
      return statSync(join(dir, path)).isDirectory() ? [`${path}/`, ...listWritten(dir, path)] : [path];
    })
    .sort();
}

describe('openPartialCheckout', () => {
  it('writes the files of the folders on the way to a change, and their subfolders empty', async () => {
    const { dir, commit, files, dispose } = await openEmptyWorktree();
    try {
      expect(listWritten(dir)).toEqual([]);
      await openPartialCheckout(dir, commit, files, ['', 'apps', 'apps/web']);
      expect(listWritten(dir)).toEqual(['README.md', 'apps/', 'apps/api/', 'apps/web/', 'apps/web/crds/', 'apps/web/deploy.yaml', 'apps/web/kustomization.yaml', 'bases/']);
      expect(readFileSync(join(dir, 'apps/web/deploy.yaml'), 'utf8')).toBe('web\n');
    } finally {
      dispose();
    }
  });

  it('writes what a build reads on demand, each file once, and passes over paths the commit lacks', async () => {
    const { dir, commit, files, dispose } = await openEmptyWorktree();
    try {
      const partial = await openPartialCheckout(dir, commit, files, ['']);
      await Promise.all([partial.write(['apps/web', 'no/such/path']), partial.write(['apps/web/crds/widgets.yaml', 'bases/common/settings.yaml'])]);
      expect(listWritten(dir)).toContain('apps/web/crds/widgets.yaml');
      expect(listWritten(dir)).toContain('bases/common/settings.yaml');
      expect(existsSync(join(dir, 'apps/api/deploy.yaml'))).toBe(false);
      // Written again, a file a build may be reading would be replaced under it.
      const written = statSync(join(dir, 'apps/web/deploy.yaml'), { bigint: true }).mtimeNs;
      await partial.write(['apps']);
      expect(statSync(join(dir, 'apps/web/deploy.yaml'), { bigint: true }).mtimeNs).toBe(written);
      expect(readFileSync(join(dir, 'apps/api/deploy.yaml'), 'utf8')).toBe('api\n');
    } finally {
      dispose();
    }
  });

  it('writes the whole tree in one go', async () => {
    const { dir, commit, files, dispose } = await openEmptyWorktree();
    try {
      const partial = await openPartialCheckout(dir, commit, files, []);
      await partial.writeAll();
      expect(listWritten(dir).filter((path) => !path.endsWith('/'))).toEqual(files.map((file) => file.path).sort());
    } finally {
      dispose();
    }
  });
});
