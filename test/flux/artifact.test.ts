import { existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArtifact } from '../../src/flux/artifact.ts';
import { isInside } from '../../src/render/kustomize/confine.ts';
import { makeTempDir } from '../e2e/helpers.ts';

/**
 * A checkout with what source-controller leaves out: a folder its .sourceignore names (which
 * replaces the default exclusions, so .github stays), symlinks in and out.
 */
function makeCheckout(): { dir: string; outside: string } {
  const dir = join(makeTempDir('artifact-test-'), 'checkout');
  const outside = join(dirname(dir), 'secret.yaml');
  const files: Record<string, string> = {
    '.git': 'gitdir: /elsewhere/.git/worktrees/checkout\n',
    '.github/workflows/ci.yaml': 'on: push\n',
    '.sourceignore': 'drafts/\n',
    'drafts/wip.yaml': 'kind: ConfigMap\n',
    'apps/web/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'apps/web/deploy.yaml': 'kind: Deployment\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  writeFileSync(outside, 'kind: Secret\n');
  symlinkSync(outside, join(dir, 'apps/web/stolen.yaml'));
  symlinkSync('deploy.yaml', join(dir, 'apps/web/alias.yaml'));
  return { dir, outside };
}

/** Every path under `dir`, relative, sorted. */
function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTree(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const KEPT = ['.git', '.github/workflows/ci.yaml', '.sourceignore', 'apps/web/deploy.yaml', 'apps/web/kustomization.yaml'];

describe('createArtifact', () => {
  it('copies what source-controller keeps and leaves the source as it was', () => {
    const { dir } = makeCheckout();
    const before = listTree(dir);
    const artifact = createArtifact(dir);
    try {
      expect(listTree(artifact.root)).toEqual(KEPT);
      expect(listTree(dir)).toEqual(before);
      // A symlink out of the repository is remembered: naming it is reading outside.
      expect(isInside(artifact.confinement, join(artifact.root, 'apps/web/stolen.yaml'))).toBe(false);
    } finally {
      artifact.dispose();
    }
    expect(existsSync(artifact.root)).toBe(false);
  });

  it('trims a checkout of its own in place to the same tree, keeping the worktree link', () => {
    const { dir, outside } = makeCheckout();
    const artifact = createArtifact(dir, { inPlace: true });
    expect(artifact.root).toBe(dir);
    expect(listTree(dir)).toEqual(KEPT);
    expect(isInside(artifact.confinement, join(dir, 'apps/web/stolen.yaml'))).toBe(false);
    expect(isInside(artifact.confinement, join(realpathSync(dir), 'apps/web/deploy.yaml'))).toBe(true);
    // What the link pointed at is not the checkout's: it stays.
    expect(existsSync(outside)).toBe(true);
    artifact.release();
    expect(existsSync(dir)).toBe(true);
  });
});
