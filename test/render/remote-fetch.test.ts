import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderError } from '../../src/core/errors.ts';
import { applyMirrors, createRemoteFetcher, isMissingFile, parseMirror } from '../../src/render/remote-fetch.ts';
import { makeTempDir } from '../e2e/helpers.ts';

/** A server answering from a script of statuses; records paths. */
async function serve(script: Array<number | 'hang'>, body = 'kind: CustomResourceDefinition\n'): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = [];
  let index = 0;
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    const step = script[Math.min(index++, script.length - 1)];
    if (step === 'hang') return;
    response.writeHead(step ?? 200).end(step === 200 ? body : 'nope');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  servers.push(server);
  return { url: `http://127.0.0.1:${address.port}`, paths, server };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

const instant = { sleep: async () => {} };

describe('createRemoteFetcher', () => {
  it('fetches each URL once per run', async () => {
    const { url, paths } = await serve([200]);
    const fetcher = createRemoteFetcher(instant);
    const [a, b] = await Promise.all([fetcher.fetchText(`${url}/v1/crds.yaml`), fetcher.fetchText(`${url}/v1/crds.yaml`)]);
    expect(a).toBe('kind: CustomResourceDefinition\n');
    expect(b).toBe(a);
    expect(paths).toEqual(['/v1/crds.yaml']);
  });

  it('serves a later run from the cache directory, even offline', async () => {
    const cacheDir = makeTempDir();
    const { url, server } = await serve([200]);
    await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/v1/crds.yaml`);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    servers.splice(servers.indexOf(server), 1);
    expect(await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/v1/crds.yaml`)).toBe('kind: CustomResourceDefinition\n');
  });

  it('retries 5xx and 429, then succeeds', async () => {
    const { url, paths } = await serve([503, 429, 200]);
    expect(await createRemoteFetcher({ ...instant, retries: 2 }).fetchText(`${url}/a.yaml`)).toContain('CustomResourceDefinition');
    expect(paths).toHaveLength(3);
  });

  it.each([
    ['a 404, without retrying', [404], 'HTTP 404', 1],
    ['a 500 that stays', [500], 'HTTP 500', 3],
  ])('fails with one line naming the URL on %s', async (_name, script, problem, requests) => {
    const { url, paths } = await serve(script as number[]);
    const error = await createRemoteFetcher({ ...instant, retries: 2 }).fetchText(`${url}/gone.yaml`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toBe(`could not fetch ${url}/gone.yaml: ${problem}`);
    expect(paths).toHaveLength(requests);
  });

  it('gives up on a server that never answers', async () => {
    const { url } = await serve(['hang']);
    const error = await createRemoteFetcher({ ...instant, retries: 0, timeoutMs: 200 }).fetchText(`${url}/slow.yaml`).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(`could not fetch ${url}/slow.yaml: no answer within 200ms`);
  });

  it('names the network problem when nothing listens', async () => {
    const { url, server } = await serve([200]);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    servers.splice(servers.indexOf(server), 1);
    const error = await createRemoteFetcher({ ...instant, retries: 0 }).fetchText(`${url}/x.yaml`).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(`could not fetch ${url}/x.yaml: ECONNREFUSED`);
  });

  it('rewrites URLs through mirrors before fetching and caching', async () => {
    const { url, paths } = await serve([200]);
    const fetcher = createRemoteFetcher({ ...instant, mirrors: [parseMirror(`https://raw.githubusercontent.com/=${url}/raw/`)] });
    await fetcher.fetchText('https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests/operator-crds.yaml');
    expect(paths).toEqual(['/raw/projectcalico/calico/v3.30.0/manifests/operator-crds.yaml']);
  });
});

describe('mirrors', () => {
  it.each([
    ['https://a.example/x/y.yaml', 'https://mirror.internal/a/x/y.yaml'],
    ['https://b.example/y.yaml', 'https://b.example/y.yaml'],
  ])('%s -> %s', (url, expected) => {
    expect(applyMirrors(url, [{ from: 'https://a.example/', to: 'https://mirror.internal/a/' }])).toBe(expected);
  });

  it.each(['no-equals', '=https://x', 'https://x='])('rejects %j', (value) => {
    expect(() => parseMirror(value)).toThrow("a mirror needs FROM=TO, got '");
  });

  it.each(['raw.githubusercontent.com/=https://m.example/', 'https://a.example/=/srv/mirror'])('rejects a side that is no http(s) URL: %j', (value) => {
    expect(() => parseMirror(value)).toThrow('a mirror needs http(s) URL prefixes on both sides of FROM=TO');
  });

  it('sends the credentials of a mirror URL as Basic auth and never prints them', async () => {
    const { url } = await serve([404]);
    const withToken = url.replace('http://', 'http://deploy:s3cret-token@');
    const fetcher = createRemoteFetcher({ ...instant, mirrors: [parseMirror(`https://upstream.example/=${withToken}/`)] });
    const error = await fetcher.fetchText('https://upstream.example/crds.yaml').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(`could not fetch https://upstream.example/crds.yaml (through the mirror ${url.replace('http://', 'http://***@')}/crds.yaml): HTTP 404`);
    expect(isMissingFile(error)).toBe(true);
  });

  it('authenticates to a mirror with the user and token of its URL', async () => {
    let authorization: string | undefined;
    const server = createServer((request, response) => {
      authorization = request.headers.authorization;
      response.writeHead(200).end('kind: Namespace\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
    const { port } = server.address() as { port: number };
    const fetcher = createRemoteFetcher({ ...instant, mirrors: [parseMirror(`https://upstream.example/=http://deploy:s3cret@127.0.0.1:${port}/`)] });
    expect(await fetcher.fetchText('https://upstream.example/ns.yaml')).toBe('kind: Namespace\n');
    expect(authorization).toBe(`Basic ${Buffer.from('deploy:s3cret').toString('base64')}`);
  });
});
