/**
 * Remote charts through a fake network: the version a HelmRepository index gives for a range,
 * archives checked against the index's digest and kept by it, and an OCI registry that asks
 * for an anonymous bearer token before it answers.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveChartUrl } from '../../../src/core/helm/chart-index.ts';
import { createChartFetcher } from '../../../src/render/helm/chart-fetch.ts';
import { createChartStore } from '../../../src/render/helm/chart-store.ts';
import { FetchError, type BytesRequest, type RemoteFetcher } from '../../../src/render/remote-fetch.ts';
import { makeTempDir } from '../../e2e/helpers.ts';

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A fetcher answering from `routes` (URL -> bytes, or a function of the request); records each request. */
function fakeFetcher(routes: Record<string, Buffer | ((request: BytesRequest) => Buffer)>): RemoteFetcher & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetchText: () => Promise.reject(new Error('not used')),
    checkReference: () => Promise.resolve(),
    close: () => undefined,
    fetchBytes: async (url, request = {}) => {
      asked.push(url);
      const route = routes[url];
      if (route === undefined) throw new FetchError(`could not fetch ${url}: HTTP 404`, 404);
      return typeof route === 'function' ? route(request) : route;
    },
  };
}

const archive = (version: string): Buffer => Buffer.from(`chart ${version}`);
const index = (digests: boolean, wrong = false): Buffer =>
  Buffer.from(
    `apiVersion: v1\nentries:\n  app:\n${['1.2.0', '1.10.1', '2.0.0-rc.1', '1.10.0']
      .map((version) => `  - version: ${version}\n    urls: [app-${version}.tgz]\n${digests ? `    digest: ${wrong ? sha(archive('other')) : sha(archive(version))}\n` : ''}`)
      .join('')}`,
  );
const repository = 'https://charts.example.com/stable';
const routes = (digests: boolean, wrong = false): Record<string, Buffer> => ({
  [`${repository}/index.yaml`]: index(digests, wrong),
  ...Object.fromEntries(['1.2.0', '1.10.1', '2.0.0-rc.1', '1.10.0'].map((version) => [`${repository}/app-${version}.tgz`, archive(version)])),
});
const request = (version: string) => ({ kind: 'index', repository, chart: 'app', version, shown: `app ${version}` }) as const;

describe('charts of a HelmRepository index', () => {
  it('takes the highest version the range allows, relative to the repository URL, and keeps it by digest for the next run', async () => {
    const cache = makeTempDir();
    const first = fakeFetcher(routes(true));
    const fetched = await createChartFetcher(first, createChartStore(cache, makeTempDir)).fetchChart(request('^1.2'));
    expect(fetched).toMatchObject({ version: '1.10.1', digest: sha(archive('1.10.1')) });
    expect(readFileSync((fetched as { file: string }).file, 'utf8')).toBe('chart 1.10.1');
    const second = fakeFetcher(routes(true));
    expect(await createChartFetcher(second, createChartStore(cache, makeTempDir)).fetchChart(request('^1.2'))).toMatchObject({ version: '1.10.1' });
    expect(second.asked).toEqual([`${repository}/index.yaml`]);
  });

  it('fetches a damaged cached archive again, and refuses one whose digest is not the index’s', async () => {
    const cache = makeTempDir();
    const fetched = await createChartFetcher(fakeFetcher(routes(true)), createChartStore(cache, makeTempDir)).fetchChart(request('1.2.0'));
    writeFileSync((fetched as { file: string }).file, 'damaged');
    const again = fakeFetcher(routes(true));
    await createChartFetcher(again, createChartStore(cache, makeTempDir)).fetchChart(request('1.2.0'));
    expect(again.asked).toContain(`${repository}/app-1.2.0.tgz`);
    expect(await createChartFetcher(fakeFetcher(routes(true, true)), createChartStore(makeTempDir(), makeTempDir)).fetchChart(request('1.2.0'))).toEqual({
      problem: "its chart app 1.2.0 version 1.2.0: the archive's digest is not the one the index gives",
    });
  });

  it('names what went wrong: no matching version, no such chart, a server that refuses', async () => {
    const fetcher = createChartFetcher(fakeFetcher(routes(false)), createChartStore(makeTempDir(), makeTempDir));
    expect(await fetcher.fetchChart(request('>=3'))).toEqual({ problem: "its chart app >=3 cannot be had: no version matching '>=3' (newest: 2.0.0-rc.1)" });
    expect(await fetcher.fetchChart({ ...request('*'), chart: 'other' })).toEqual({ problem: 'its chart app * cannot be had: its index.yaml has no chart named other' });
    const missing = createChartFetcher(fakeFetcher({}), createChartStore(makeTempDir(), makeTempDir));
    expect(await missing.fetchChart(request('*'))).toEqual({ problem: `its chart app * cannot be fetched: could not fetch ${repository}/index.yaml: HTTP 404` });
  });
});

describe('charts of an OCI registry', () => {
  const layer = archive('oci 1.4.0');
  const layerDigest = `sha256:${sha(layer)}`;
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.cncf.helm.config.v1+json' }, layers: [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: layerDigest }] }));
  const registry = 'https://registry.example.com/v2/charts/app';
  /** Answers only with the token the realm hands out, as ghcr.io does for public images. */
  const guarded = (body: Buffer) => (request: BytesRequest) => {
    if (request.headers?.authorization !== 'Bearer anon-token') throw new FetchError('could not fetch: HTTP 401', 401, 'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:charts/app:pull"');
    return body;
  };
  const network = () =>
    fakeFetcher({
      'https://auth.example.com/token?service=registry.example.com&scope=repository%3Acharts%2Fapp%3Apull': Buffer.from('{"token":"anon-token"}'),
      [`${registry}/tags/list`]: guarded(Buffer.from(JSON.stringify({ name: 'charts/app', tags: ['1.3.0', '1.4.0', '1.4.1-rc.1', 'latest', '1.4.0_build.2'] }))),
      [`${registry}/manifests/1.4.0_build.2`]: guarded(manifest),
      [`${registry}/manifests/sha256:${sha(manifest)}`]: guarded(manifest),
      [`${registry}/blobs/${layerDigest}`]: guarded(layer),
    });

  it('asks the realm for an anonymous token, picks the tag a range allows (build metadata written as _), and checks the layer', async () => {
    const fetcher = network();
    const fetched = await createChartFetcher(fetcher, createChartStore(makeTempDir(), makeTempDir)).fetchChart({ kind: 'oci', url: 'oci://registry.example.com/charts/app', select: { semver: '~1.4' }, insecure: false, shown: 'app' });
    expect(fetched).toMatchObject({ version: '1.4.0_build.2', digest: sha(layer) });
    expect(fetcher.asked.filter((url) => url.startsWith('https://auth.'))).toHaveLength(1);
  });

  it("takes the layer an OCIRepository's layerSelector names, and says so when the manifest has none of that type", async () => {
    const request = { kind: 'oci', url: 'oci://registry.example.com/charts/app', select: { tag: '1.4.0_build.2' }, insecure: false, shown: 'app' } as const;
    expect(await createChartFetcher(network(), createChartStore(makeTempDir(), makeTempDir)).fetchChart({ ...request, layer: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip' })).toMatchObject({ digest: sha(layer) });
    expect(await createChartFetcher(network(), createChartStore(makeTempDir(), makeTempDir)).fetchChart({ ...request, layer: 'application/vnd.cncf.flux.content.v1.tar+gzip' })).toEqual({
      problem: 'its chart app cannot be fetched: oci://registry.example.com/charts/app:1.4.0_build.2 holds no chart layer',
    });
  });

  it('refuses a manifest that is not the digest asked for', async () => {
    const fetched = await createChartFetcher(network(), createChartStore(makeTempDir(), makeTempDir)).fetchChart({ kind: 'oci', url: 'oci://registry.example.com/charts/app', select: { digest: `sha256:${'0'.repeat(64)}` }, insecure: false, shown: 'app' });
    expect(fetched).toMatchObject({ problem: expect.stringContaining('cannot be fetched') });
    const pinned = await createChartFetcher(network(), createChartStore(makeTempDir(), makeTempDir)).fetchChart({ kind: 'oci', url: 'oci://registry.example.com/charts/app', select: { digest: `sha256:${sha(manifest)}` }, insecure: false, shown: 'app' });
    expect(pinned).toMatchObject({ digest: sha(layer) });
  });
});

describe('resolveChartUrl', () => {
  it('resolves below the repository as a folder, keeping a signed query for its own host only', () => {
    expect(resolveChartUrl('https://h.example/charts', 'app-1.0.0.tgz')).toBe('https://h.example/charts/app-1.0.0.tgz');
    expect(resolveChartUrl('https://h.example/charts?sig=x', 'index.yaml')).toBe('https://h.example/charts/index.yaml?sig=x');
    expect(resolveChartUrl('https://h.example/charts?sig=x', 'https://cdn.example/app.tgz')).toBe('https://cdn.example/app.tgz');
  });
});
