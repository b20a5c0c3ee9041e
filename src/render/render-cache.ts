/**
 * Renders remembered across runs, by content: the key names everything a build reads (the
 * kustomize binary, the flags, the unit's merged kustomization, a hash of every input file),
 * so an entry can only ever answer for the same inputs. A pull request's content gets
 * entries of its own and can never answer a query for other content.
 *
 * Entries are gzipped JSON under `<cache dir>/renders/`, written to a temporary name and
 * renamed (two runs sharing the cache never see half a file), read back only when whole and
 * holding the key asked for (anything else is a miss, and the next write replaces it). The
 * folder is kept under a size bound by dropping the least recently used entries.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import { isRecord, type ManifestDoc } from '../core/objects/kube-objects.ts';

const gzipAsync = promisify(gzip);

/** Bumped whenever what an entry holds changes shape: older entries then never match. */
const FORMAT = 'prune-guard-render/1';

/** Size the folder is kept under unless told otherwise. */
export const DEFAULT_RENDER_CACHE_BYTES = 512 * 1024 ** 2;

/** Renders by content key; a cache that cannot be read or written only costs builds. */
export interface RenderCache {
  /** The render stored under `key`, or undefined (never stored, evicted, damaged). */
  get(key: string): ManifestDoc[] | undefined;
  /** Stores a render; written in the background, see {@link RenderCache.close}. */
  put(key: string, docs: readonly ManifestDoc[]): void;
  /** Waits for pending writes, then drops the oldest entries while the folder is over its bound. */
  close(): Promise<void>;
  /** How many `get` calls found an entry. */
  readonly hits: () => number;
}

/** Where the cache lives and how large it may grow. */
export interface RenderCacheOptions {
  /** The run's cache directory; renders go to its `renders` folder. */
  readonly dir: string;
  /** Bound on the folder's size in bytes; default {@link DEFAULT_RENDER_CACHE_BYTES}. */
  readonly maxBytes?: number;
}

/** Opens the render cache in `options.dir` (created on the first write). */
export function createRenderCache(options: RenderCacheOptions): RenderCache {
  const root = join(options.dir, 'renders');
  const maxBytes = options.maxBytes ?? DEFAULT_RENDER_CACHE_BYTES;
  const writes: Array<Promise<void>> = [];
  let hits = 0;
  const pathOf = (key: string): string => {
    const digest = createHash('sha256').update(FORMAT).update('\0').update(key).digest('hex');
    return join(root, digest.slice(0, 2), `${digest}.json.gz`);
  };
  return {
    get: (key) => {
      const path = pathOf(key);
      try {
        const entry: unknown = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
        if (!isRecord(entry) || entry.format !== FORMAT || entry.key !== key || !Array.isArray(entry.docs) || !entry.docs.every(isDoc)) return undefined;
        // Its time of use, for eviction: recently used entries stay.
        const now = new Date();
        utimesSync(path, now, now);
        hits++;
        return entry.docs as ManifestDoc[];
      } catch {
        return undefined;
      }
    },
    put: (key, docs) => {
      const path = pathOf(key);
      writes.push(
        (async () => {
          const bytes = await gzipAsync(JSON.stringify({ format: FORMAT, key, docs }), { level: 1 });
          mkdirSync(join(path, '..'), { recursive: true });
          // A name of its own per writer: two runs sharing a cache must not rename each other's file.
          const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
          try {
            await writeFile(temporary, bytes);
            renameSync(temporary, path);
          } finally {
            rmSync(temporary, { force: true });
          }
        })().catch(() => undefined),
      );
    },
    close: async () => {
      await Promise.all(writes);
      try {
        evictOldest(root, maxBytes);
      } catch {
        // Another run evicting at the same time, or a read-only cache: the next run tries again.
      }
    },
    hits: () => hits,
  };
}

function isDoc(value: unknown): value is ManifestDoc {
  return isRecord(value) && isRecord(value.body) && (value.provenance === undefined || isRecord(value.provenance));
}

/** Drops the least recently used entries (and stray temporary files) until the folder is at 80% of `maxBytes`. */
function evictOldest(root: string, maxBytes: number): void {
  const entries: Array<{ path: string; size: number; used: number }> = [];
  let total = 0;
  for (const bucket of readdirSync(root)) {
    const dir = join(root, bucket);
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      // A temporary file an hour old belongs to a run that died mid-write.
      if (name.endsWith('.tmp') && Date.now() - stat.mtimeMs > 3600_000) {
        rmSync(path, { force: true });
        continue;
      }
      entries.push({ path, size: stat.size, used: stat.mtimeMs });
      total += stat.size;
    }
  }
  if (total <= maxBytes) return;
  entries.sort((a, b) => a.used - b.used);
  for (const entry of entries) {
    if (total <= maxBytes * 0.8) break;
    rmSync(entry.path, { force: true });
    total -= entry.size;
  }
}

/**
 * Renders through the cache: the stored render when there is one, else `render()`, stored.
 * Without a cache or a key (a build that fetches remote content, a runner that cannot name
 * its binary) it only renders. Says whether the cache answered.
 */
export async function renderThroughCache(
  cache: RenderCache | undefined,
  key: string | undefined,
  render: () => Promise<ManifestDoc[]>,
): Promise<{ readonly docs: ManifestDoc[]; readonly cached: boolean }> {
  if (!cache || key === undefined) return { docs: await render(), cached: false };
  const stored = cache.get(key);
  if (stored) return { docs: stored, cached: true };
  const docs = await render();
  cache.put(key, docs);
  return { docs, cached: false };
}
