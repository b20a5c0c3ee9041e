/**
 * A Helm chart repository's `index.yaml`, read as far as choosing a chart version needs: the
 * entries of one chart, each with its version, creation time, digest and download URLs.
 * Pure; the file comes from a host the network policy allowed, but its content is still the
 * change's choice, so it is read defensively (no alias expansion, no trust in types).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isRecord } from '../objects/kube-objects.ts';
import { findAliasBomb } from '../objects/yaml-bomb.ts';

/** One version of a chart in an index. */
export interface ChartIndexEntry {
  /** The version as written (source-controller matches it exactly before as a range). */
  readonly version: string;
  /** When it was packaged: breaks ties between versions that differ in build metadata only. */
  readonly created?: string;
  /** The archive's sha256 (hex), when the index says. */
  readonly digest?: string;
  /** Where the archive is, absolute or relative to the repository URL. */
  readonly urls: readonly string[];
}

/** Returns the entries of `chart` in the index `text`, or why there are none. */
export function readChartIndex(text: string, chart: string): { readonly entries: readonly ChartIndexEntry[] } | { readonly problem: string } {
  const bomb = findAliasBomb(text);
  if (bomb) return { problem: `its index.yaml is refused: ${bomb}` };
  let index: unknown;
  try {
    // CORE_SCHEMA keeps `created` timestamps as text.
    index = load(text, { schema: CORE_SCHEMA });
  } catch {
    return { problem: 'its index.yaml is not YAML' };
  }
  if (!isRecord(index) || !isRecord(index.entries)) return { problem: 'its index.yaml has no entries' };
  const versions = Object.hasOwn(index.entries, chart) ? index.entries[chart] : undefined;
  if (!Array.isArray(versions) || versions.length === 0) return { problem: `its index.yaml has no chart named ${chart}` };
  const entries: ChartIndexEntry[] = [];
  for (const item of versions) {
    if (!isRecord(item) || (typeof item.version !== 'string' && typeof item.version !== 'number')) continue;
    const urls = Array.isArray(item.urls) ? item.urls.filter((url): url is string => typeof url === 'string' && url !== '') : [];
    entries.push({
      version: String(item.version),
      ...(typeof item.created === 'string' ? { created: item.created } : {}),
      ...(typeof item.digest === 'string' && /^[0-9a-f]{64}$/i.test(item.digest) ? { digest: item.digest.toLowerCase() } : {}),
      urls,
    });
  }
  return { entries };
}

/**
 * Where an entry's archive is: a relative URL is resolved against the repository URL as a
 * folder (helm adds the trailing slash before resolving). A query on the repository URL (a
 * signed URL) is kept for its own origin's files, as source-controller keeps it, and never
 * sent to another host.
 */
export function resolveChartUrl(repository: string, url: string): string | undefined {
  if (!URL.canParse(repository)) return undefined;
  const base = new URL(repository);
  const query = base.search;
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  if (!URL.canParse(url, base.href)) return undefined;
  const resolved = new URL(url, base);
  if (query !== '' && resolved.search === '' && resolved.origin === base.origin) resolved.search = query;
  return resolved.href;
}
