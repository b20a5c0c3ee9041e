import { randomBytes } from 'node:crypto';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRenderCache, renderThroughCache } from '../../src/render/render-cache.ts';
import type { ManifestDoc } from '../../src/core/objects/kube-objects.ts';
import { makeTempDir } from '../e2e/helpers.ts';

const docs = (name: string): ManifestDoc[] => [{ body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }, provenance: { file: `${name}.yaml` } }];

/** Every entry file of the cache, temporary files included. */
function listEntries(dir: string): string[] {
  const root = join(dir, 'renders');
  return readdirSync(root).flatMap((bucket) => readdirSync(join(root, bucket)).map((name) => join(root, bucket, name)));
}

describe('render cache', () => {
  it('answers a later run for the same key, and only for it', async () => {
    const dir = makeTempDir();
    const first = createRenderCache({ dir });
    first.put('key-a', docs('a'));
    await first.close();
    const second = createRenderCache({ dir });
    expect(second.get('key-a')).toEqual(docs('a'));
    expect(second.get('key-b')).toBeUndefined();
    expect(second.hits()).toBe(1);
  });

  it('renders once through the cache: the second run builds nothing', async () => {
    const dir = makeTempDir();
    let builds = 0;
    const render = async (): Promise<ManifestDoc[]> => {
      builds++;
      return docs('a');
    };
    const cold = createRenderCache({ dir });
    expect(await renderThroughCache(cold, 'key', render)).toEqual({ docs: docs('a'), cached: false });
    await cold.close();
    expect(await renderThroughCache(createRenderCache({ dir }), 'key', render)).toEqual({ docs: docs('a'), cached: true });
    // No key (remote content): never stored, always built.
    expect((await renderThroughCache(createRenderCache({ dir }), undefined, render)).cached).toBe(false);
    expect(builds).toBe(2);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, 10)],
    ['not gzip', () => Buffer.from('garbage')],
    ['empty', () => Buffer.alloc(0)],
  ])('takes a %s entry for a miss, and the next write replaces it', async (_name, damage) => {
    const dir = makeTempDir();
    const cache = createRenderCache({ dir });
    cache.put('key', docs('a'));
    await cache.close();
    const [entry] = listEntries(dir);
    writeFileSync(entry as string, damage(Buffer.from(await import('node:fs').then((fs) => fs.readFileSync(entry as string)))));
    const damaged = createRenderCache({ dir });
    expect(damaged.get('key')).toBeUndefined();
    damaged.put('key', docs('a'));
    await damaged.close();
    expect(createRenderCache({ dir }).get('key')).toEqual(docs('a'));
  });

  it('keeps whole entries when runs write the same keys at once', async () => {
    const dir = makeTempDir();
    const runs = Array.from({ length: 8 }, () => createRenderCache({ dir }));
    for (const [index, run] of runs.entries()) for (const key of ['x', 'y', 'z']) run.put(key, docs(`${key}${index % 2}`));
    await Promise.all(runs.map((run) => run.close()));
    const reader = createRenderCache({ dir });
    for (const key of ['x', 'y', 'z']) expect([docs(`${key}0`), docs(`${key}1`)]).toContainEqual(reader.get(key));
    // No temporary file is left behind.
    expect(listEntries(dir).filter((path) => path.endsWith('.tmp'))).toEqual([]);
  });

  it('drops the least recently used entries when the folder outgrows its bound', async () => {
    const dir = makeTempDir();
    // Random bytes compress alike: every entry is about the same size, whatever its name.
    const big = (name: string): ManifestDoc[] => [{ body: { kind: 'ConfigMap', metadata: { name }, data: { blob: randomBytes(16_000).toString('hex') } } }];
    const filler = createRenderCache({ dir });
    for (const key of ['old', 'used', 'new']) filler.put(key, big(key));
    await filler.close();
    const sizes = listEntries(dir).map((path) => statSync(path).size);
    // Ages: `old` and `used` an hour old, then `used` read again now.
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const path of listEntries(dir)) utimesSync(path, hourAgo, hourAgo);
    const reader = createRenderCache({ dir, maxBytes: Math.ceil(Math.max(...sizes) * 2.6) });
    expect(reader.get('used')).toBeDefined();
    reader.put('new', big('new'));
    await reader.close();
    const after = createRenderCache({ dir });
    expect(after.get('used')).toBeDefined();
    expect(after.get('new')).toBeDefined();
    expect(after.get('old')).toBeUndefined();
  });
});
