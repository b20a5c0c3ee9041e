import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerCleanup, releaseInBackground, runPendingCleanups, settleBackgroundRemovals } from '../../src/render/cleanup.ts';
import { makeTempDir } from '../e2e/helpers.ts';

/** A temp tree with a few files, as a build leaves behind. */
function makeTree(): string {
  const dir = join(makeTempDir('cleanup-test-'), 'tree');
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  for (const name of ['one.yaml', 'a/two.yaml', 'a/b/three.yaml']) writeFileSync(join(dir, name), 'x: 1\n');
  return dir;
}

describe('releaseInBackground', () => {
  it('removes the tree in the background; once settled it is gone and Ctrl-C has nothing left to run', async () => {
    const dir = makeTree();
    let syncRuns = 0;
    const cleanup = (): void => {
      syncRuns++;
      rmSync(dir, { recursive: true, force: true });
    };
    registerCleanup(cleanup);
    releaseInBackground(cleanup, () => rm(dir, { recursive: true, force: true }));
    await settleBackgroundRemovals();
    expect(existsSync(dir)).toBe(false);
    runPendingCleanups();
    expect(syncRuns).toBe(0);
  });

  it('falls back to the synchronous cleanup when the background removal fails', async () => {
    const dir = makeTree();
    const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
    registerCleanup(cleanup);
    releaseInBackground(cleanup, () => Promise.reject(new Error('busy')));
    await settleBackgroundRemovals();
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps the cleanup registered while the removal runs, so an interrupt still removes the tree', async () => {
    const dir = makeTree();
    const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
    registerCleanup(cleanup);
    let finish: () => void = () => undefined;
    releaseInBackground(cleanup, () => new Promise<void>((resolve) => (finish = resolve)));
    // What a signal handler does before the background removal is done.
    runPendingCleanups();
    expect(existsSync(dir)).toBe(false);
    finish();
    await settleBackgroundRemovals();
  });

  it('does nothing for a cleanup that already ran', async () => {
    const dir = makeTree();
    const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
    const dispose = registerCleanup(cleanup);
    dispose();
    let released = false;
    releaseInBackground(cleanup, async () => {
      released = true;
    });
    await settleBackgroundRemovals();
    expect(released).toBe(false);
  });
});
