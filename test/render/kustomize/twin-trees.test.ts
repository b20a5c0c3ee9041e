import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfinement } from '../../../src/render/kustomize/confine.ts';
import { readKustomization, toPosix } from '../../../src/render/kustomize/read-kustomization.ts';
import { linkTwinTrees, relativeInside, type TwinSide } from '../../../src/render/kustomize/twin-trees.ts';
import { FIXTURES, makeTempDir, writeTree } from '../../e2e/helpers.ts';

function side(root: string): TwinSide {
  return { root, confinement: createConfinement(root), show: (path) => toPosix(relative(root, path)) };
}

function listDirs(root: string, dir = root): string[] {
  return [dir, ...readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listDirs(root, join(dir, name)) : []))];
}

describe('linkTwinTrees: findSame', () => {
  const before = side(makeTempDir('twin-before-'));
  const after = side(makeTempDir('twin-after-'));
  const twins = linkTwinTrees(before, after, {
    changed: new Set(['apps/web/deploy.yaml', 'link']),
    ignored: ['apps/web/generated.yaml', 'build/', 'secrets/app/.env'],
    symlinks: ['tenants/team/base'],
  });
  const same = (path: string): string | undefined => twins.findSame(join(before.root, path));

  it.each([
    ['a file git lists as changed', 'apps/web/deploy.yaml'],
    ['a folder that holds a changed file', 'apps/web'],
    ['the root, when anything changed', ''],
    ['a path under a changed one (a symlink that changed)', 'link/inner.yaml'],
    ['a file git ignores in the working tree', 'apps/web/generated.yaml'],
    ['anything in a folder git ignores', 'build/out/all.yaml'],
    ['an ignored folder itself', 'build'],
    ['a path outside the tree', '../elsewhere.yaml'],
    ['a path under a symlink git lists as unchanged (its target may have changed)', 'tenants/team/base/kustomization.yaml'],
    ['an unchanged symlink itself', 'tenants/team/base'],
    ['a folder that holds a symlink', 'tenants/team'],
    ['a folder that holds an ignored file', 'secrets/app'],
  ])('%s reads differently', (_what, path) => {
    expect(same(path)).toBeUndefined();
  });

  it.each([
    ['a file beside the changed folder', 'apps/api/deploy.yaml'],
    ['a path that exists on neither side', 'apps/web/deploy.yaml.orig/x'],
    ['a folder no change is in', 'bases/common'],
    ['a folder beside one that holds a symlink', 'tenants/other'],
  ])('%s reads as its twin', (_what, path) => {
    expect(same(path)).toBe(join(after.root, path));
  });
});

describe('a kustomization read from its twin', () => {
  it.each(['removals-by-severity', 'namespace-removed', 'generator-rename', 'api-group-change'])('equals the one read in its own tree (%s)', (fixture) => {
    // Two identical copies: everything reads alike, so every kustomization comes from the twin.
    const beforeRoot = makeTempDir('twin-copy-before-');
    const afterRoot = makeTempDir('twin-copy-after-');
    cpSync(join(FIXTURES, fixture, 'before'), beforeRoot, { recursive: true });
    cpSync(join(FIXTURES, fixture, 'before'), afterRoot, { recursive: true });
    const before = side(beforeRoot);
    linkTwinTrees(before, side(afterRoot), { changed: new Set() });
    const own = createConfinement(beforeRoot);
    const dirs = listDirs(beforeRoot);
    const read = dirs.map((dir) => readKustomization(dir, before.show, before.confinement));
    expect(read.filter(Boolean).length).toBeGreaterThan(0);
    expect(read).toEqual(dirs.map((dir) => readKustomization(dir, before.show, own)));
  });

  it('is read itself where the change is', () => {
    const beforeRoot = makeTempDir('twin-changed-before-');
    const afterRoot = makeTempDir('twin-changed-after-');
    writeTree(beforeRoot, { 'app/kustomization.yaml': 'resources: [deploy.yaml, crd.yaml]\n', 'app/deploy.yaml': 'x: 1\n', 'app/crd.yaml': 'x: 1\n' });
    writeTree(afterRoot, { 'app/kustomization.yaml': 'resources: [deploy.yaml, crd.yaml]\n', 'app/deploy.yaml': 'x: 1\n' });
    const before = side(beforeRoot);
    linkTwinTrees(before, side(afterRoot), { changed: new Set(['app/crd.yaml']) });
    const read = readKustomization(join(beforeRoot, 'app'), before.show, before.confinement);
    expect(read?.dir).toBe(join(beforeRoot, 'app'));
    expect([...(read?.files.keys() ?? [])].sort()).toEqual([join(beforeRoot, 'app/crd.yaml'), join(beforeRoot, 'app/deploy.yaml')]);
    expect(read?.referencedPaths).toContain(join(beforeRoot, 'app/crd.yaml'));
  });
});

describe('relativeInside', () => {
  it.each([
    ['/tmp/wt', '/tmp/wt', ''],
    ['/tmp/wt', '/tmp/wt/apps/web', 'apps/web'],
    ['/tmp/wt', '/tmp/wt/.hidden/..x', '.hidden/..x'],
    ['/tmp/wt', '/tmp/wt/../etc/passwd', undefined],
    ['/tmp/wt', '/tmp/wt/apps/../../etc', undefined],
    ['/tmp/wt', '/tmp/wt/apps/./web', 'apps/web'],
    ['/tmp/wt', '/tmp/wtx/apps', undefined],
    ['/tmp/wt', '/etc', undefined],
  ])('under %s, %s is %s', (root, path, expected) => {
    expect(relativeInside(root, path)).toBe(expected);
  });
});
