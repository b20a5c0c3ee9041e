import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RenderError } from '../../src/core/errors.ts';
import { applyMirrors, createRemoteFetcher, isMissingFile, parseMirror } from '../../src/render/remote-fetch.ts';
import { RemoteDeniedError } from '../../src/core/config/network-policy.ts';
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

/** No waiting between attempts, and the local test servers allowed by name, as an operator would. */
const instant = { sleep: async () => {}, allow: ['127.0.0.1'] };

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

  /** A server with one handler per request, in order (the last repeats); records paths. */
  async function serveWith(...handlers: Array<(response: import('node:http').ServerResponse) => void>): Promise<{ url: string; paths: string[] }> {
    const paths: string[] = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? '');
      (handlers[Math.min(paths.length - 1, handlers.length - 1)] as (response: import('node:http').ServerResponse) => void)(response);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, paths };
  }

  it.each([
    ['an HTML page (a login or error page)', (response: import('node:http').ServerResponse) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>'), 'an HTML page, not a manifest (a login or error page?)'],
    ['a 204', (response: import('node:http').ServerResponse) => response.writeHead(204).end(), 'an empty answer (HTTP 204)'],
    ['an empty 200', (response: import('node:http').ServerResponse) => response.writeHead(200).end(''), 'an empty answer (HTTP 200)'],
  ])('refuses %s as a manifest, and never caches it', async (_name, handler, problem) => {
    const cacheDir = makeTempDir();
    const { url } = await serveWith(handler, (response) => response.writeHead(200).end('kind: Namespace\n'));
    const error = await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/a.yaml`).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(`could not fetch ${url}/a.yaml: ${problem}`);
    // Not "not found": a look-up must not read it as a file that is not there.
    expect(isMissingFile(error)).toBe(false);
    expect(await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/a.yaml`)).toBe('kind: Namespace\n');
  });

  it('retries a body cut off half way, then names the URL in one line', async () => {
    const cut = (response: import('node:http').ServerResponse): void => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('kind: Name');
      response.destroy();
    };
    const { url, paths } = await serveWith(cut);
    const error = await createRemoteFetcher({ ...instant, retries: 1 }).fetchText(`${url}/cut.yaml`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toMatch(new RegExp(`^could not fetch ${url}/cut\\.yaml: [^\n]+$`));
    expect(paths).toHaveLength(2);
  });

  it('refuses a body over the size limit without reading it all', async () => {
    const { url } = await serveWith((response) => response.writeHead(200).end('x'.repeat(5000)));
    const error = await createRemoteFetcher({ ...instant, maxBodyBytes: 1000 }).fetchText(`${url}/big.yaml`).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(`could not fetch ${url}/big.yaml: larger than 1000 bytes`);
  });

  it('repairs a damaged cache object instead of keeping it', async () => {
    const cacheDir = makeTempDir();
    const { url } = await serveWith((response) => response.writeHead(200).end('kind: Namespace\n'));
    await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/ns.yaml`);
    const objects = join(cacheDir, 'objects');
    for (const name of readdirSync(objects)) appendFileSync(join(objects, name), '# damaged\n');
    // Read again (damaged, so fetched), and written back whole.
    await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/ns.yaml`);
    expect(readdirSync(objects).map((name) => readFileSync(join(objects, name), 'utf8'))).toEqual(['kind: Namespace\n']);
  });

  it('passes over a cache it cannot use, but names a cache path that is a file', async () => {
    const file = join(makeTempDir(), 'cache');
    writeFileSync(file, 'not a directory');
    expect(() => createRemoteFetcher({ ...instant, cacheDir: file })).toThrow(`the cache directory is not a directory: ${file}`);
    const cacheDir = makeTempDir();
    mkdirSync(join(cacheDir, 'urls', 'x'), { recursive: true });
    writeFileSync(join(cacheDir, 'objects'), 'a file where a directory belongs');
    const { url } = await serveWith((response) => response.writeHead(200).end('kind: Namespace\n'));
    expect(await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/ns.yaml`)).toBe('kind: Namespace\n');
  });

  it('waits out one timeout per host: no retry after it, and the next file of that host fails at once', async () => {
    const { url, paths } = await serve(['hang']);
    const fetcher = createRemoteFetcher({ ...instant, retries: 2, timeoutMs: 100 });
    await expect(fetcher.fetchText(`${url}/a.yaml`)).rejects.toThrow(`could not fetch ${url}/a.yaml: no answer within 100ms`);
    await expect(fetcher.fetchText(`${url}/b.yaml`)).rejects.toThrow(`could not fetch ${url}/b.yaml: its host left an earlier download of this run unanswered (no answer within 100ms)`);
    expect(paths).toEqual(['/a.yaml']);
  });

  it('reads an empty or HTML body left in the cache as a miss', async () => {
    const cacheDir = makeTempDir();
    const { url } = await serveWith((response) => response.writeHead(200).end('kind: Namespace\n'));
    const name = createHash('sha256').update(`${url}/ns.yaml`).digest('hex');
    const page = '<html>login</html>';
    const digest = createHash('sha256').update(page).digest('hex');
    mkdirSync(join(cacheDir, 'urls'), { recursive: true });
    mkdirSync(join(cacheDir, 'objects'), { recursive: true });
    writeFileSync(join(cacheDir, 'urls', name), digest);
    writeFileSync(join(cacheDir, 'objects', digest), page);
    expect(await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/ns.yaml`)).toBe('kind: Namespace\n');
  });

  it('cancels what is under way when closed', async () => {
    const { url } = await serve(['hang']);
    const fetcher = createRemoteFetcher({ ...instant, timeoutMs: 60_000 });
    const pending = fetcher.fetchText(`${url}/slow.yaml`).catch((caught: unknown) => caught);
    await new Promise((done) => setTimeout(done, 50));
    fetcher.close();
    expect(((await pending) as Error).message).toBe(`could not fetch ${url}/slow.yaml: cancelled`);
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

  it.each([
    ['https://a.example/=http://127.0.0.1:0/', "'http://127.0.0.1:0/' names port 0"],
    ['https://a.example/=http://m.example/%zz/', "the path of 'http://m.example/%zz/' is not percent-encoded right"],
  ])('rejects a mirror no request could reach: %j', (value, message) => {
    expect(() => parseMirror(value)).toThrow(message);
  });

  it.each(['raw.githubusercontent.com/=https://m.example/', 'https://a.example/=/srv/mirror', 'https://a.example/=http://m.example:99999/'])('rejects a side that is no http(s) URL: %j', (value) => {
    expect(() => parseMirror(value)).toThrow('a mirror needs http(s) URL prefixes on both sides of FROM=TO');
  });

  it.each([
    ['https://raw.githubusercontent.com/=deploy:s3cr3tTOKEN@127.0.0.1:8701/', "'***@127.0.0.1:8701/' is no http(s) URL prefix"],
    ['https://raw.githubusercontent.com/=http://deploy:s3cr/3tTOKEN@127.0.0.1:8701/', "'http://***@127.0.0.1:8701/' is no http(s) URL prefix"],
    ['https://raw.githubusercontent.com/=http://deploy:s3cr3t%ZZ@127.0.0.1/', "the user or token of 'http://***@127.0.0.1/' is not percent-encoded right"],
    ['deploy:s3cr3tTOKEN@127.0.0.1', "a mirror needs FROM=TO, got '***@127.0.0.1'"],
  ])('never repeats the credentials of a bad mirror: %j', (value, message) => {
    expect(() => parseMirror(value)).toThrow(message);
    expect(() => parseMirror(value)).not.toThrow(/s3cr/);
  });

  it.each([
    ['https://a.example/=http://m.example', "'https://a.example/' and 'http://m.example' must both end with '/', or neither"],
    ['https://a.example=http://m.example/', "'https://a.example' and 'http://m.example/' must both end with '/', or neither"],
  ])('rejects prefixes that would glue or double a slash: %j', (value, message) => {
    expect(() => parseMirror(value)).toThrow(message);
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

describe('the network policy', () => {
  const HINT = '(allow it with remote.allow in .prune-guard.yaml)';
  /** A fetch that must never be called: the policy refuses before any connection. */
  const noFetch = (): typeof fetch => (() => {
    throw new Error('fetch was called');
  }) as unknown as typeof fetch;
  const failure = (promise: Promise<unknown>): Promise<Error> => promise.then(() => new Error('resolved'), (caught: unknown) => caught as Error);

  it.each([
    ['a private address', 'https://10.0.0.5/x.yaml', '10.0.0.5 is a private address'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/x.yaml', '169.254.169.254 is a link-local address'],
    ['an IPv4-mapped loopback address', 'http://[::ffff:127.0.0.1]:8080/x.yaml', '[::ffff:7f00:1] is a loopback address'],
    ['an IPv4-mapped metadata address, in hex', 'http://[::ffff:a9fe:a9fe]/x.yaml', '[::ffff:a9fe:a9fe] is a link-local address'],
    ['an IPv6 unique local address', 'http://[fd00::1]/x.yaml', '[fd00::1] is a private address'],
    ['a numeric loopback host', 'http://2130706433/x.yaml', '127.0.0.1 is a loopback address'],
    ['localhost', 'http://localhost:8080/x.yaml', 'localhost is a loopback name'],
    ['credentials that hide the host', 'https://github.com@10.0.0.5/x.yaml', '10.0.0.5 is a private address'],
    ['a host on no list', 'https://example.com/x.yaml', 'example.com is not an allowed host'],
  ])('refuses %s before any connection, naming the URL and the key that allows it', async (_name, url, reason) => {
    const error = await failure(createRemoteFetcher({ sleep: async () => {}, fetch: noFetch() }).fetchText(url));
    expect(error).toBeInstanceOf(RemoteDeniedError);
    expect(error).toBeInstanceOf(RenderError);
    expect(error.message).toBe(`remote resource ${url.replace('github.com@', '***@')} is not allowed: ${reason} ${HINT}`);
  });

  it('allows a private address that an entry names, on that port only', async () => {
    const { url, paths } = await serve([200]);
    const port = new URL(url).port;
    const fetcher = createRemoteFetcher({ sleep: async () => {}, allow: [`127.0.0.1:${port}`] });
    expect(await fetcher.fetchText(`${url}/a.yaml`)).toContain('CustomResourceDefinition');
    const other = `http://127.0.0.1:${Number(port) === 65535 ? 1 : Number(port) + 1}/a.yaml`;
    expect((await failure(fetcher.fetchText(other))).message).toBe(`remote resource ${other} is not allowed: 127.0.0.1 is a loopback address ${HINT}`);
    expect(paths).toEqual(['/a.yaml']);
  });

  it('refuses a default-listed host whose name resolves to a private address, and trusts one the operator named', async () => {
    const lookups: string[] = [];
    const lookup = async (host: string): Promise<string[]> => (lookups.push(host), host === 'gitlab.com' ? ['::ffff:169.254.169.254'] : ['10.1.2.3']);
    const byDefault = createRemoteFetcher({ sleep: async () => {}, fetch: noFetch(), lookup });
    expect((await failure(byDefault.fetchText('https://raw.githubusercontent.com/o/r/v1/x.yaml'))).message).toBe(
      `remote resource https://raw.githubusercontent.com/o/r/v1/x.yaml is not allowed: raw.githubusercontent.com resolves to 10.1.2.3, a private address ${HINT}`,
    );
    await expect(byDefault.checkReference('https://gitlab.com/o/r//deploy?ref=v1')).rejects.toThrow('gitlab.com resolves to ::ffff:169.254.169.254, a link-local address');
    expect(lookups).toEqual(['raw.githubusercontent.com', 'gitlab.com']);

    const requested: string[] = [];
    const fakeFetch = (async (url: string) => (requested.push(url), new Response('kind: Namespace\n'))) as unknown as typeof fetch;
    const named = createRemoteFetcher({ sleep: async () => {}, fetch: fakeFetch, lookup, allow: ['internal.example.com'] });
    expect(await named.fetchText('https://internal.example.com/x.yaml')).toBe('kind: Namespace\n');
    expect(requested).toEqual(['https://internal.example.com/x.yaml']);
    expect(lookups).toHaveLength(2);
  });

  it('fetches from a default-listed host whose addresses are public', async () => {
    const fakeFetch = (async () => new Response('kind: Namespace\n')) as unknown as typeof fetch;
    const fetcher = createRemoteFetcher({ sleep: async () => {}, fetch: fakeFetch, lookup: async () => ['185.199.108.133', '2606:50c0:8000::154'] });
    expect(await fetcher.fetchText('https://raw.githubusercontent.com/o/r/v1/x.yaml')).toBe('kind: Namespace\n');
  });

  /** A server answering every request with a redirect to `location(path)`; records paths. */
  async function serveRedirect(location: (path: string) => string, status = 302): Promise<{ url: string; paths: string[]; authorizations: Array<string | undefined> }> {
    const paths: string[] = [];
    const authorizations: Array<string | undefined> = [];
    const server = createServer((request, response) => {
      paths.push(request.url ?? '');
      authorizations.push(request.headers.authorization);
      response.writeHead(status, { location: location(request.url ?? '/') }).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
    return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, paths, authorizations };
  }

  it('judges every redirect hop: an allowed server cannot send the run to a loopback port that is not', async () => {
    const target = await serve([200], 'kind: Secret\n');
    const hop = await serveRedirect((path) => `${target.url}${path}`);
    const fetcher = createRemoteFetcher({ ...instant, allow: [`127.0.0.1:${new URL(hop.url).port}`] });
    const error = await failure(fetcher.fetchText(`${hop.url}/secret.yaml`));
    expect(error).toBeInstanceOf(RemoteDeniedError);
    expect(error.message).toBe(`remote resource ${hop.url}/secret.yaml is not allowed: it redirects to ${target.url}/secret.yaml, and 127.0.0.1 is a loopback address ${HINT}`);
    expect(hop.paths).toEqual(['/secret.yaml']);
    expect(target.paths).toEqual([]);
  });

  it('follows redirects the policy allows, and never sends a mirror\'s credentials to another origin', async () => {
    const target = await serve([200], 'kind: Namespace\n');
    const hop = await serveRedirect((path) => `${target.url}/moved${path}`, 301);
    let authorization: string | undefined = 'unset';
    target.server.on('request', (request: import('node:http').IncomingMessage) => (authorization = request.headers.authorization));
    const withToken = hop.url.replace('http://', 'http://deploy:s3cret@');
    const fetcher = createRemoteFetcher({ ...instant, mirrors: [parseMirror(`https://upstream.example/=${withToken}/`)] });
    expect(await fetcher.fetchText('https://upstream.example/ns.yaml')).toBe('kind: Namespace\n');
    expect(hop.authorizations).toEqual([`Basic ${Buffer.from('deploy:s3cret').toString('base64')}`]);
    expect(target.paths).toEqual(['/moved/ns.yaml']);
    expect(authorization).toBeUndefined();
  });

  it('stops after a few redirects', async () => {
    const loop = await serveRedirect((path) => `${path}x`, 307);
    const error = await failure(createRemoteFetcher(instant).fetchText(`${loop.url}/a.yaml`));
    expect(error.message).toBe(`could not fetch ${loop.url}/a.yaml: more than 5 redirects`);
    expect(loop.paths).toHaveLength(6);
  });

  it('refuses a redirect to a file:// URL or another scheme', async () => {
    const hop = await serveRedirect(() => 'file:///etc/passwd');
    const error = await failure(createRemoteFetcher(instant).fetchText(`${hop.url}/a.yaml`));
    expect(error.message).toBe(`remote resource ${hop.url}/a.yaml is not allowed: it redirects to file:///etc/passwd, and file:// reads the runner's disk (list a path inside the repository instead)`);
  });

  it('refuses a body over 64 MiB by default, from its declared length', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(64 * 1024 * 1024 + 1) });
      response.write('kind: Namespace\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const error = await failure(createRemoteFetcher(instant).fetchText(`${url}/huge.yaml`));
    expect(error.message).toBe(`could not fetch ${url}/huge.yaml: larger than 64 MiB`);
  });

  it('checks references kustomize fetches itself: hosts, ssh and scp forms, file://', async () => {
    const fetcher = createRemoteFetcher({ sleep: async () => {}, fetch: noFetch(), lookup: async () => ['140.82.112.3'] });
    await expect(fetcher.checkReference('https://github.com/o/r//deploy?ref=v1')).resolves.toBeUndefined();
    await expect(fetcher.checkReference('git@github.com:o/r//deploy')).resolves.toBeUndefined();
    await expect(fetcher.checkReference('ssh://git@git.internal.example/o/r')).rejects.toThrow(`remote resource ssh://***@git.internal.example/o/r is not allowed: git.internal.example is not an allowed host ${HINT}`);
    await expect(fetcher.checkReference('deploy@10.0.0.5:o/r')).rejects.toThrow('10.0.0.5 is a private address');
    await expect(fetcher.checkReference('file:///etc')).rejects.toThrow("remote resource file:///etc is not allowed: file:// reads the runner's disk (list a path inside the repository instead)");
    // After mirror rewriting the mirror's target is allowed; the message names the URL as written.
    const mirrored = createRemoteFetcher({ fetch: noFetch(), mirrors: [parseMirror('https://github.com/=http://127.0.0.1:9/github/')] });
    await expect(mirrored.checkReference('http://127.0.0.1:9/github/o/r//deploy', 'https://github.com/o/r//deploy')).resolves.toBeUndefined();
    await expect(mirrored.checkReference('http://127.0.0.1:9/admin/o/r', 'https://github.com/o/r')).rejects.toThrow('remote resource https://github.com/o/r is not allowed: 127.0.0.1 is a loopback address');
  });

  describe('offline', () => {
    it('fetches nothing: a URL the cache does not hold is refused, naming it', async () => {
      const { url, paths } = await serve([200]);
      const error = await failure(createRemoteFetcher({ ...instant, offline: true }).fetchText(`${url}/a.yaml`));
      expect(error).toBeInstanceOf(RemoteDeniedError);
      expect(error.message).toBe(
        `remote resource ${url}/a.yaml is not fetched: the run is offline, and the cache does not hold it (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline)`,
      );
      expect(paths).toEqual([]);
    });

    it('serves what the cache holds, and what a mirror serves', async () => {
      const cacheDir = makeTempDir();
      const { url, paths } = await serve([200]);
      await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/a.yaml`);
      const offline = createRemoteFetcher({ ...instant, cacheDir, offline: true, mirrors: [parseMirror(`https://upstream.example/=${url}/m/`)] });
      expect(await offline.fetchText(`${url}/a.yaml`)).toContain('CustomResourceDefinition');
      expect(await offline.fetchText('https://upstream.example/b.yaml')).toContain('CustomResourceDefinition');
      expect(paths).toEqual(['/a.yaml', '/m/b.yaml']);
    });

    it('still refuses what the policy refuses, cached or not', async () => {
      const cacheDir = makeTempDir();
      const { url } = await serve([200]);
      await createRemoteFetcher({ ...instant, cacheDir }).fetchText(`${url}/a.yaml`);
      const error = await failure(createRemoteFetcher({ sleep: async () => {}, cacheDir, offline: true }).fetchText(`${url}/a.yaml`));
      expect(error.message).toBe(`remote resource ${url}/a.yaml is not allowed: 127.0.0.1 is a loopback address ${HINT}`);
    });

    it('lets kustomize clone nothing but through a mirror', async () => {
      const lookups: string[] = [];
      const fetcher = createRemoteFetcher({ offline: true, lookup: async (host) => (lookups.push(host), []), mirrors: [parseMirror('https://gitlab.com/=https://git.mirror.example/gitlab/')] });
      await expect(fetcher.checkReference('https://github.com/o/r//deploy?ref=v1')).rejects.toThrow(
        'remote resource https://github.com/o/r//deploy?ref=v1 is not fetched: the run is offline (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline)',
      );
      await expect(fetcher.checkReference('https://git.mirror.example/gitlab/o/r//deploy', 'https://gitlab.com/o/r//deploy')).resolves.toBeUndefined();
      expect(lookups).toEqual([]);
    });
  });
});
