/**
 * The files of a packaged chart (`.tgz`), read without unpacking anything to disk: regular
 * files only (links, devices and folders are skipped, as helm's own loader does), each named
 * by its path below the chart's top folder. Long names (PAX `path`, GNU `L`) and the ustar
 * prefix are honoured; sizes are bounded, so an archive cannot make the run read without end.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Unpacked bytes read of one chart, at most. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const BLOCK = 512;

/** A chart's files by path below its top folder, or why the archive cannot be read. */
export type ChartFiles = { readonly files: ReadonlyMap<string, Buffer> } | { readonly problem: string };

/** Reads the chart archive at `file`. */
export function readChartArchive(file: string): ChartFiles {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file), { maxOutputLength: MAX_UNPACKED_BYTES });
  } catch (error) {
    return { problem: `the chart archive cannot be unpacked: ${error instanceof Error ? error.message : String(error)}` };
  }
  const files = new Map<string, Buffer>();
  let longName: string | undefined;
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(readField(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return { problem: 'the chart archive has a damaged entry' };
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const prefix = readField(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${readField(header, 0, 100)}` : readField(header, 0, 100));
    longName = undefined;
    if (type !== '0' && type !== '\0') continue;
    // Below the top folder, normalized; a path that climbs out names nothing of the chart.
    const inner = posix.normalize(name.split('/').slice(1).join('/'));
    if (inner === '.' || inner.startsWith('..') || posix.isAbsolute(inner)) continue;
    files.set(inner, Buffer.from(body));
  }
  return { files };
}

function readField(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}
