/**
 * Chart archives kept by their sha256 in the render cache directory, so a chart version is
 * downloaded once, not once per run: a digest names one content for ever, so nothing here
 * expires. A store that cannot be read or written is passed over (a help, never a need).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RenderError } from '../../core/errors.ts';

/**
 * Archives by digest and by where they came from: a digest alone would let any index or
 * registry a change names claim an archive an earlier run fetched elsewhere (through a
 * mirror with credentials, say) and have it rendered into the change's report.
 */
export interface ChartStore {
  /** The archive's path when the store holds it intact. */
  find(digest: string, origin: string): string | undefined;
  /** Keeps `bytes` (whose digest the caller checked) and returns where they are. */
  keep(digest: string, origin: string, bytes: Buffer): string;
}

/** Computes the hex sha256 of `bytes`. */
export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Creates a store under `<dir>/charts`; `makeTemp` gives a folder for archives the cache cannot take. */
export function createChartStore(dir: string | undefined, makeTemp: () => string): ChartStore {
  const folder = dir ? join(dir, 'charts') : undefined;
  let temp: string | undefined;
  const name = (digest: string, origin: string): string => `sha256-${digest}-${createHash('sha256').update(origin).digest('hex').slice(0, 16)}.tgz`;
  return {
    find: (digest, origin) => {
      if (!folder || !/^[0-9a-f]{64}$/.test(digest)) return undefined;
      const path = join(folder, name(digest, origin));
      try {
        // A damaged archive is fetched again rather than trusted.
        return hashBytes(readFileSync(path)) === digest ? path : undefined;
      } catch {
        return undefined;
      }
    },
    keep: (digest, origin, bytes) => {
      for (const target of folder ? [folder, undefined] : [undefined]) {
        const path = join(target ?? (temp ??= makeTemp()), name(digest, origin));
        // Two runs sharing the cache must not rename each other's half-written file.
        const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          if (target) mkdirSync(target, { recursive: true });
          writeFileSync(partial, bytes);
          renameSync(partial, path);
          return path;
        } catch {
          rmSync(partial, { force: true });
        }
      }
      throw new RenderError(`cannot write a chart archive under ${temp ?? 'the temporary folder'}`);
    },
  };
}
