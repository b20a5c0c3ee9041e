/**
 * A chart's text as one string, to look for template functions whose output differs on every
 * render: a folder's files, or a packaged chart's tar stream unpacked (tar stores file
 * contents as they are, so the stream holds every template). Bounded: a chart larger than
 * the limit is read up to it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Text read of one chart, at most: far beyond any real chart's templates. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Returns the text of the chart at `path` (a folder, or a `.tgz`); empty when it cannot be read. */
export function readChartText(path: string): string {
  try {
    if (!statSync(path).isDirectory()) return gunzipSync(readFileSync(path), { maxOutputLength: MAX_TEXT_BYTES }).toString('latin1');
    const parts: string[] = [];
    let size = 0;
    const walk = (dir: string, depth: number): void => {
      // The chart was checked for links that lead out; the depth bounds links in a circle.
      if (depth > 32 || size > MAX_TEXT_BYTES) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const child = join(dir, entry.name);
        const stats = statSync(child, { throwIfNoEntry: false });
        if (stats?.isDirectory()) walk(child, depth + 1);
        else if (stats?.isFile() && size + stats.size <= MAX_TEXT_BYTES) {
          size += stats.size;
          parts.push(readFileSync(child, 'latin1'));
        }
      }
    };
    walk(path, 0);
    return parts.join('\0');
  } catch {
    return '';
  }
}
