/**
 * Remote manifests: fetched once per run, kept in a content-addressed cache directory (one
 * that CI can keep between runs), retried on transient failures, and rewritten through
 * mirrors so air-gapped runners can use an internal copy.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RenderError, UsageError } from '../core/errors.ts';

import type { Mirror } from '../core/config.ts';

/** A URL prefix rewrite, `FROM=TO` (defined with the configuration, which also declares them). */
export type { Mirror } from '../core/config.ts';

/** A download that failed; `status` is the last HTTP status, when the server answered. */
export class FetchError extends RenderError {
  readonly status: number | undefined;
  constructor(message: string, status: number | undefined) {
    super(message);
    this.name = 'FetchError';
    this.status = status;
  }
}

/** Returns true when the server said the file is not there (as opposed to not answering). */
export function isMissingFile(error: unknown): boolean {
  return error instanceof FetchError && (error.status === 404 || error.status === 410);
}

/** Hides the user-info part of every URL in a text (`https://user:token@host/`), so credentials never reach a message. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, '$1***@');
}

/** Fetches remote text. */
export interface RemoteFetcher {
  /** Returns the body of `url` (after mirrors); throws a RenderError naming the URL on failure. */
  fetchText(url: string): Promise<string>;
}

/** How to fetch. */
export interface RemoteFetchOptions {
  /** Directory for the on-disk cache; none: memory only. */
  readonly cacheDir?: string;
  /** Per-attempt timeout. */
  readonly timeoutMs?: number;
  /** Attempts after the first, for network errors, 429 and 5xx. */
  readonly retries?: number;
  /** Prefix rewrites, first match wins. */
  readonly mirrors?: readonly Mirror[];
  /** Extra request headers per URL (e.g. a token for one host); never logged. */
  readonly headers?: (url: string) => Readonly<Record<string, string>>;
  /** The fetch implementation (tests); default: the global one. */
  readonly fetch?: typeof fetch;
  /** Waits between attempts (tests make it instant). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Returns `url` with the first matching mirror prefix replaced. */
export function applyMirrors(url: string, mirrors: readonly Mirror[]): string {
  const mirror = mirrors.find(({ from }) => url.startsWith(from));
  return mirror ? `${mirror.to}${url.slice(mirror.from.length)}` : url;
}

/** Parses `FROM=TO`, as given to `--mirror`. */
export function parseMirror(value: string): Mirror {
  const index = value.indexOf('=');
  if (index <= 0 || index === value.length - 1) throw new UsageError(`a mirror needs FROM=TO, got '${redactCredentials(value)}'`);
  const mirror = { from: value.slice(0, index), to: value.slice(index + 1) };
  // The same rule as the config file's mirrors: a prefix that is no URL would rewrite nothing useful.
  for (const url of [mirror.from, mirror.to]) {
    if (!/^https?:\/\/[^/\s]+/.test(url)) throw new UsageError(`a mirror needs http(s) URL prefixes on both sides of FROM=TO, got '${redactCredentials(url)}'`);
  }
  return mirror;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Creates a fetcher. URLs are treated as immutable within the cache: pin refs (tags, SHAs)
 * in kustomizations, as Flux's own docs advise, or clear the cache for moving branches.
 */
export function createRemoteFetcher(options: RemoteFetchOptions = {}): RemoteFetcher {
  const memo = new Map<string, Promise<string>>();
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;

  const readCache = (url: string): string | undefined => {
    if (!options.cacheDir) return undefined;
    const index = join(options.cacheDir, 'urls', sha256(url));
    if (!existsSync(index)) return undefined;
    const object = join(options.cacheDir, 'objects', readFileSync(index, 'utf8').trim());
    if (!existsSync(object)) return undefined;
    const body = readFileSync(object, 'utf8');
    // A damaged object is refetched rather than trusted.
    return sha256(body) === readFileSync(index, 'utf8').trim() ? body : undefined;
  };
  const writeCache = (url: string, body: string): void => {
    if (!options.cacheDir) return;
    const digest = sha256(body);
    for (const dir of ['urls', 'objects']) mkdirSync(join(options.cacheDir, dir), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const object = join(options.cacheDir, 'objects', digest);
    if (!existsSync(object)) {
      writeFileSync(`${object}.tmp`, body);
      renameSync(`${object}.tmp`, object);
    }
    const index = join(options.cacheDir, 'urls', sha256(url));
    writeFileSync(`${index}.tmp`, digest);
    renameSync(`${index}.tmp`, index);
  };

  const download = async (url: string, original: string): Promise<string> => {
    let lastProblem = '';
    let lastStatus: number | undefined;
    // fetch refuses URLs with credentials: a mirror's `user:token@` becomes Basic auth.
    const { target, authorization } = splitCredentials(url);
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(250 * 4 ** (attempt - 1));
      let response: Response;
      try {
        const headers = { ...(authorization ? { authorization } : {}), ...options.headers?.(url) };
        response = await fetchImpl(target, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        lastProblem = timedOut ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1000)}s`}` : describeNetworkError(error);
        continue;
      }
      if (response.ok) return await response.text();
      lastProblem = `HTTP ${response.status}`;
      lastStatus = response.status;
      // 4xx other than 429 will not get better by asking again.
      if (response.status !== 429 && response.status < 500) break;
    }
    // Name the URL as the user wrote it; the mirror is where the request went.
    const through = url === original ? '' : ` (through the mirror ${redactCredentials(url)})`;
    throw new FetchError(`could not fetch ${redactCredentials(original)}${through}: ${lastProblem}`, lastStatus);
  };

  return {
    fetchText: (original) => {
      const url = applyMirrors(original, options.mirrors ?? []);
      let pending = memo.get(url);
      if (!pending) {
        const cached = readCache(url);
        pending = cached !== undefined ? Promise.resolve(cached) : download(url, original).then((body) => (writeCache(url, body), body));
        memo.set(url, pending);
      }
      return pending;
    },
  };
}

function splitCredentials(url: string): { target: string; authorization?: string } {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.username === '' && parsed.password === '')) return { target: url };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { target: parsed.toString(), authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return redactCredentials(cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
}
