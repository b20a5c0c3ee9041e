/**
 * A fake of GitHub's Actions cache service (v2) for tests: the Twirp JSON methods the toolkit's
 * cache package calls on ACTIONS_RESULTS_URL, and a blob store behind the signed URLs they
 * hand out (a single-shot Azure "Put Blob" to upload, a plain GET to download). Entries are
 * matched as the service does: the exact key first, then the newest entry whose key starts
 * with a restore key, each only at the same version (paths and compression).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from './fake-github.ts';

/** One saved entry. */
export interface CacheEntry {
  readonly key: string;
  readonly version: string;
  readonly size: number;
}

/** The fake and what it saw. */
export interface FakeActionsCache {
  /** `http://127.0.0.1:PORT/`, for ACTIONS_RESULTS_URL. */
  readonly url: string;
  /** Finalized entries, oldest first. */
  readonly entries: CacheEntry[];
  /** Every Twirp method called, in order. */
  readonly calls: string[];
  close(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

/** Starts the fake on 127.0.0.1. */
export async function startFakeActionsCache(): Promise<FakeActionsCache> {
  const blobs = new Map<string, Buffer>();
  const pending = new Map<string, { key: string; version: string; blob: string }>();
  const finalized: Array<CacheEntry & { blob: string }> = [];
  const calls: string[] = [];
  let next = 0;
  let url = '';
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => answer(request, body, response),
      () => response.writeHead(400).end(),
    );
  });
  const answer = (request: IncomingMessage, body: Buffer, response: ServerResponse): void => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith(SERVICE) && request.method === 'POST') {
      const method = path.slice(SERVICE.length);
      calls.push(method);
      if (request.headers.authorization !== 'Bearer runtime-token') return json(response, 401, { code: 'unauthenticated', msg: 'no token' });
      const input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      const version = String(input.version ?? '');
      if (method === 'GetCacheEntryDownloadURL') {
        const key = String(input.key ?? '');
        const restoreKeys = Array.isArray(input.restoreKeys ?? input.restore_keys) ? ((input.restoreKeys ?? input.restore_keys) as string[]) : [];
        const sameVersion = finalized.filter((entry) => entry.version === version);
        const found =
          sameVersion.find((entry) => entry.key === key) ??
          restoreKeys.map((prefix) => [...sameVersion].reverse().find((entry) => entry.key.startsWith(prefix))).find((entry) => entry !== undefined);
        return found ? json(response, 200, { ok: true, signedDownloadUrl: `${url}blobs/${found.blob}?sig=read`, matchedKey: found.key }) : json(response, 200, { ok: false });
      }
      if (method === 'CreateCacheEntry') {
        const blob = `entry-${++next}`;
        pending.set(String(input.key), { key: String(input.key), version, blob });
        return json(response, 200, { ok: true, signedUploadUrl: `${url}devstoreaccount1/caches/${blob}?sig=write` });
      }
      if (method === 'FinalizeCacheEntryUpload') {
        const entry = pending.get(String(input.key));
        const data = entry ? blobs.get(entry.blob) : undefined;
        if (!entry || !data) return json(response, 404, { code: 'not_found', msg: 'no upload' });
        finalized.push({ key: entry.key, version: entry.version, size: data.length, blob: entry.blob });
        return json(response, 200, { ok: true, entryId: String(finalized.length) });
      }
      return json(response, 404, { code: 'bad_route', msg: method });
    }
    const upload = /^\/devstoreaccount1\/caches\/([\w-]+)$/.exec(path);
    if (upload && request.method === 'PUT') {
      blobs.set(upload[1] as string, body);
      response.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-server-encrypted': 'true', 'x-ms-version': '2025-01-05' }).end();
      return;
    }
    const download = /^\/blobs\/([\w-]+)$/.exec(path);
    const data = download ? blobs.get(download[1] as string) : undefined;
    if (download && request.method === 'GET' && data) {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length }).end(data);
      return;
    }
    response.writeHead(404).end();
  };
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return {
    url,
    get entries() {
      return finalized.map(({ key, version, size }) => ({ key, version, size }));
    },
    calls,
    close: () => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())),
  };
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
