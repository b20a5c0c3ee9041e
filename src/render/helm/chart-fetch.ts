/**
 * Remote charts: a HelmRepository's index read for the version source-controller picks, or an
 * OCI registry's chart layer, downloaded through the run's remote fetcher (network policy,
 * mirrors, offline runs) into a store keyed by digest. Each chart is fetched once per run; a
 * chart that cannot be had is a problem for its release, never an empty chart.
 */
import { RenderError } from '../../core/errors.ts';
import { readChartIndex, resolveChartUrl } from '../../core/helm/chart-index.ts';
import { selectChartVersion } from '../../core/helm/semver-range.ts';
import type { ChartRequest } from '../../core/helm/chart-request.ts';
import { RemoteDeniedError } from '../../core/config/network-policy.ts';
import type { RemoteFetcher } from '../remote-fetch.ts';
import { hashBytes, type ChartStore } from './chart-store.ts';
import { findOciChart } from './oci-registry.ts';

/** Chart archives larger than this are refused (the largest public charts are a few hundred KiB). */
export const MAX_CHART_BYTES = 32 * 1024 * 1024;

/** A remote chart request. */
export type RemoteChartRequest = Extract<ChartRequest, { kind: 'index' | 'oci' }>;

/** A chart archive on disk, with the version and digest it was chosen as. */
export type FetchedChart = { readonly file: string; readonly version: string; readonly digest: string } | { readonly problem: string };

/** Fetches remote charts. */
export interface ChartFetcher {
  /** The archive of `request`, or why it cannot be had. */
  fetchChart(request: RemoteChartRequest): Promise<FetchedChart>;
}

/** Creates a fetcher that asks `fetcher` and keeps archives in `store`. */
export function createChartFetcher(fetcher: RemoteFetcher, store: ChartStore): ChartFetcher {
  const memo = new Map<string, Promise<FetchedChart>>();
  const fetchOnce = async (request: RemoteChartRequest): Promise<FetchedChart> => {
    try {
      return request.kind === 'index' ? await fetchFromIndex(fetcher, store, request) : await fetchFromRegistry(fetcher, store, request);
    } catch (error) {
      // A refused host is the operator's decision to make: said with the hint, for this release only.
      if (error instanceof RemoteDeniedError || error instanceof RenderError) return { problem: `its chart ${request.shown} cannot be fetched: ${error.message}` };
      throw error;
    }
  };
  return {
    fetchChart: (request) => {
      const key = JSON.stringify(request.kind === 'index' ? [request.repository, request.chart, request.version] : [request.url, request.select, request.insecure, request.layer]);
      let pending = memo.get(key);
      if (!pending) {
        pending = fetchOnce(request);
        memo.set(key, pending);
      }
      return pending;
    },
  };
}

async function fetchFromIndex(fetcher: RemoteFetcher, store: ChartStore, request: Extract<RemoteChartRequest, { kind: 'index' }>): Promise<FetchedChart> {
  const indexUrl = resolveChartUrl(request.repository, 'index.yaml');
  if (!indexUrl) return { problem: `its chart source has an unreadable url ${request.repository}` };
  const index = readChartIndex((await fetcher.fetchBytes(indexUrl)).toString('utf8'), request.chart);
  if ('problem' in index) return { problem: `its chart ${request.shown} cannot be had: ${index.problem}` };
  const chosen = selectChartVersion(index.entries, request.version);
  if ('problem' in chosen) return { problem: `its chart ${request.shown} cannot be had: ${chosen.problem}` };
  const { entry } = chosen;
  const url = entry.urls[0] !== undefined ? resolveChartUrl(request.repository, entry.urls[0]) : undefined;
  if (!url || !/^https?:/.test(url)) return { problem: `its chart ${request.shown} version ${entry.version} has no http(s) download URL in the index` };
  const cached = entry.digest ? store.find(entry.digest, url) : undefined;
  if (cached && entry.digest) return { file: cached, version: entry.version, digest: entry.digest };
  // The store keeps it; the fetcher need not hold it for the rest of the run.
  const bytes = await fetcher.fetchBytes(url, { maxBytes: MAX_CHART_BYTES, remember: false });
  const digest = hashBytes(bytes);
  if (entry.digest && entry.digest !== digest) return { problem: `its chart ${request.shown} version ${entry.version}: the archive's digest is not the one the index gives` };
  return { file: store.keep(digest, url, bytes), version: entry.version, digest };
}

async function fetchFromRegistry(fetcher: RemoteFetcher, store: ChartStore, request: Extract<RemoteChartRequest, { kind: 'oci' }>): Promise<FetchedChart> {
  const layer = await findOciChart(fetcher, request.url, request.select, request.insecure, request.layer);
  const hex = layer.digest.slice('sha256:'.length);
  const cached = store.find(hex, request.url);
  if (cached) return { file: cached, version: layer.version, digest: hex };
  const bytes = await layer.download(MAX_CHART_BYTES);
  if (hashBytes(bytes) !== hex) return { problem: `its chart ${request.shown}: the registry's layer does not match its digest` };
  return { file: store.keep(hex, request.url, bytes), version: layer.version, digest: hex };
}
