/**
 * Remote manifests: fetched once per run, kept in a content-addressed cache directory (one
 * that CI can keep between runs), retried on transient failures, and rewritten through
 * mirrors so air-gapped runners can use an internal copy. Every request, every redirect hop,
 * and every reference kustomize fetches itself passes the network policy first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMirror } from '../core/config/parse-config.ts';
import type { Mirror } from '../core/config/config-model.ts';
import { RenderError, UsageError } from '../core/errors.ts';
import {
  ALLOW_HINT,
  RemoteDeniedError,
  createNetworkPolicy,
  describeAddress,
  describeDenial,
  describeOfflineDenial,
  showUrl,
  type PolicyVerdict,
} from '../core/config/network-policy.ts';
import { hideUserInfo, redactCredentials } from '../core/text/redact.ts';
import { BodyTooLarge, describeNetworkError, eitherSignal, readBody, splitCredentials } from './fetch-parts.ts';

/** Bodies larger than this are refused: the largest public manifests (CRD bundles) are a few MiB. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Redirect hops followed per request, each judged by the policy again. */
const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Resolves a host name to every address it has, as a connection would (getaddrinfo). */
export type AddressLookup = (host: string) => Promise<readonly string[]>;

const lookupAll: AddressLookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** A download that failed; `status` is the last HTTP status, when the server answered. */
export class FetchError extends RenderError {
  readonly status: number | undefined;
  /** The server's `WWW-Authenticate` header on a 401: how a registry hands out anonymous tokens. */
  readonly challenge: string | undefined;
  constructor(message: string, status: number | undefined, challenge?: string) {
    super(message);
    this.name = 'FetchError';
    this.status = status;
    this.challenge = challenge;
  }
}

/** Returns true when the server said the file is not there (as opposed to not answering). */
export function isMissingFile(error: unknown): boolean {
  return error instanceof FetchError && (error.status === 404 || error.status === 410);
}

/** Fetches remote text. */
export interface RemoteFetcher {
  /**
   * Returns the body of `url` (after mirrors); throws a RenderError naming the URL on failure,
   * a RemoteDeniedError when the network policy (or an offline run) refuses it.
   */
  fetchText(url: string): Promise<string>;
  /**
   * Throws a RemoteDeniedError naming `asWritten` unless kustomize may fetch `url` itself (a
   * git base, a URL that is no manifest file): the policy, the addresses of a default-listed
   * host, and an offline run (where only mirrors answer) all apply.
   */
  checkReference(url: string, asWritten?: string): Promise<void>;
  /**
   * Returns the bytes of `url` (after mirrors), asked once per run and never cached on disk:
   * for answers that change (a chart index, a registry's tag list) or that the caller keeps
   * by digest itself. Failures and refusals as for {@link fetchText}.
   */
  fetchBytes(url: string, request?: BytesRequest): Promise<Buffer>;
  /** Cancels every download still under way (the run ended early); later fetches fail at once. */
  close(): void;
}

/** How one binary download is asked for. */
export interface BytesRequest {
  /** Sent to the URL's own origin only, never to one a redirect leads to (a registry token is for the registry). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent wherever the request leads. */
  readonly accept?: string;
  /** Largest body accepted; default the fetcher's. */
  readonly maxBytes?: number;
  /** False: not kept for the rest of the run (a large archive its caller stores itself). */
  readonly remember?: boolean;
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
  /** The fetch implementation (tests); default: the global one. */
  readonly fetch?: typeof fetch;
  /** Waits between attempts (tests make it instant). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Largest body accepted; default {@link MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
  /** Allow-list entries in force (`remote.allow`); default: the public code hosts (DEFAULT_ALLOWED_HOSTS). */
  readonly allow?: readonly string[];
  /** Entries added to them (`--allow-remote`). */
  readonly alsoAllow?: readonly string[];
  /** Download nothing but through a mirror; cached URLs are still served. */
  readonly offline?: boolean;
  /** Name resolution (tests); default: dns.lookup with every address. */
  readonly lookup?: AddressLookup;
}

/** Returns `url` with the first matching mirror prefix replaced. */
export function applyMirrors(url: string, mirrors: readonly Mirror[]): string {
  const mirror = mirrors.find(({ from }) => url.startsWith(from));
  return mirror ? `${mirror.to}${url.slice(mirror.from.length)}` : url;
}

/** Undoes {@link applyMirrors}: the URL as the user wrote it, for a URL kustomize reports after fetching it from a mirror. */
export function unapplyMirrors(url: string, mirrors: readonly Mirror[]): string {
  const mirror = mirrors.find(({ to }) => url.startsWith(to));
  return mirror ? `${mirror.from}${url.slice(mirror.to.length)}` : url;
}

/** Parses `FROM=TO`, as given to `--mirror`. */
export function parseMirror(value: string): Mirror {
  const index = value.indexOf('=');
  if (index <= 0 || index === value.length - 1) throw new UsageError(`a mirror needs FROM=TO, got '${hideUserInfo(value)}'`);
  const mirror = { from: value.slice(0, index), to: value.slice(index + 1) };
  const problem = checkMirror(mirror);
  if (problem) throw new UsageError(`a mirror needs http(s) URL prefixes on both sides of FROM=TO: ${problem}`);
  return mirror;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Why an answer cannot be a manifest, although the server said 2xx; undefined when it can
 * be. Also asked of cached bodies, which an older version kept without asking.
 */
function findNonManifest(status: number, contentType: string, body: string): string | undefined {
  if (status === 204 || body.trim() === '') return `an empty answer (HTTP ${status})`;
  if (/text\/html/i.test(contentType) || /^\s*<(!doctype html|html)/i.test(body)) return 'an HTML page, not a manifest (a login or error page?)';
  return undefined;
}

/**
 * Creates a fetcher. URLs are treated as immutable within the cache: pin refs (tags, SHAs)
 * in kustomizations, as Flux's own docs advise, or clear the cache for moving branches.
 * The cache is a help, never a requirement: a cache that cannot be read or written is
 * passed over, except a cache path that is a file (a typo worth an error).
 */
export function createRemoteFetcher(options: RemoteFetchOptions = {}): RemoteFetcher {
  const { cacheDir } = options;
  if (cacheDir && existsSync(cacheDir) && !statSync(cacheDir).isDirectory()) throw new UsageError(`the cache directory is not a directory: ${cacheDir}`);
  const memo = new Map<string, Promise<string>>();
  const bytes = new Map<string, Promise<Buffer>>();
  const fetchImpl = options.fetch ?? fetch;
  const closed = new AbortController();
  const sleep =
    options.sleep ??
    ((ms: number) =>
      new Promise<void>((done) => {
        const stop = (): void => {
          clearTimeout(timer);
          done();
        };
        // Removed again when the timer fires: retries must not pile listeners on one signal.
        const timer = setTimeout(() => {
          closed.signal.removeEventListener('abort', stop);
          done();
        }, ms);
        closed.signal.addEventListener('abort', stop, { once: true });
      }));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const retries = options.retries ?? 2;
  const within = timeoutMs < 1000 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1000)}s`;
  // A host that did not answer, by origin: the next file from it fails at once instead of waiting again.
  const silent = new Map<string, string>();

  const readCache = (url: string): string | undefined => {
    if (!cacheDir) return undefined;
    try {
      const index = join(cacheDir, 'urls', sha256(url));
      if (!existsSync(index)) return undefined;
      const digest = readFileSync(index, 'utf8').trim();
      const object = join(cacheDir, 'objects', digest);
      if (!existsSync(object)) return undefined;
      const body = readFileSync(object, 'utf8');
      // A damaged object is refetched rather than trusted, and so is a body that is no manifest.
      return sha256(body) === digest && findNonManifest(200, '', body) === undefined ? body : undefined;
    } catch {
      return undefined;
    }
  };
  const writeAtomically = (path: string, text: string): void => {
    // A name of its own per writer: two runs sharing a cache must not rename each other's file.
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(temporary, text);
      renameSync(temporary, path);
    } finally {
      rmSync(temporary, { force: true });
    }
  };
  const writeCache = (url: string, body: string): void => {
    if (!cacheDir) return;
    try {
      const digest = sha256(body);
      for (const dir of ['urls', 'objects']) mkdirSync(join(cacheDir, dir), { recursive: true });
      const object = join(cacheDir, 'objects', digest);
      // Rewritten when damaged: the digest is its name, so the content must match it.
      if (!existsSync(object) || sha256(readFileSync(object, 'utf8')) !== digest) writeAtomically(object, body);
      writeAtomically(join(cacheDir, 'urls', sha256(url)), digest);
    } catch {
      // A read-only or full cache only costs the next run a download.
    }
  };

  const mirrors = options.mirrors ?? [];
  const offline = options.offline === true;
  const policy = createNetworkPolicy({ mirrors, ...(options.allow ? { allow: options.allow } : {}), ...(options.alsoAllow ? { alsoAllow: options.alsoAllow } : {}) });
  const lookupHost = options.lookup ?? lookupAll;
  // One resolution per host and run; a name that does not resolve is left to the request, which fails on it.
  const addresses = new Map<string, Promise<readonly string[]>>();

  /** The policy's verdict on `url`; throws naming `asWritten`, with `context` before the reason (a redirect). */
  const judge = (url: string, asWritten: string, context = ''): Extract<PolicyVerdict, { allowed: true }> => {
    const verdict = policy.judge(url);
    if (!verdict.allowed) throw new RemoteDeniedError(describeDenial(asWritten, `${context}${verdict.reason}`, verdict.hint));
    return verdict;
  };
  /** A default-listed host must not resolve to a loopback, private or link-local address. */
  const checkAddresses = async (verdict: Extract<PolicyVerdict, { allowed: true }>, asWritten: string, context = ''): Promise<void> => {
    if (verdict.via !== 'default') return;
    const { host } = verdict.target;
    let pending = addresses.get(host);
    if (!pending) {
      pending = lookupHost(host).catch(() => []);
      addresses.set(host, pending);
    }
    for (const address of await pending) {
      const kind = describeAddress(address);
      if (kind) throw new RemoteDeniedError(describeDenial(asWritten, `${context}${host} resolves to ${address}, ${kind}`, ALLOW_HINT));
    }
  };

  /** Downloads `url`; `accept` says why a 2xx body is unusable (undefined: it is usable). */
  const download = async (url: string, original: string, verdict: Extract<PolicyVerdict, { allowed: true }>, request: BytesRequest, check: (status: number, contentType: string, body: Buffer) => string | undefined): Promise<Buffer> => {
    const through = url === original ? '' : ` (through the mirror ${redactCredentials(url)})`;
    let challenge: string | undefined;
    const fail = (problem: string, status: number | undefined): FetchError => new FetchError(`could not fetch ${redactCredentials(original)}${through}: ${problem}`, status, challenge);
    const origin = URL.canParse(url) ? new URL(url).origin : url;
    // Asked before every attempt: a parallel download may have found the host dead meanwhile.
    const checkHost = (): void => {
      const earlier = silent.get(origin);
      if (earlier) throw fail(`its host left an earlier download of this run unanswered (${earlier})`, undefined);
    };
    await checkAddresses(verdict, original);
    let lastProblem = '';
    let lastStatus: number | undefined;
    // fetch refuses URLs with credentials: a mirror's `user:token@` becomes Basic auth.
    const { target, authorization } = splitCredentials(url);
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(250 * 4 ** (attempt - 1));
      checkHost();
      if (closed.signal.aborted) throw fail('cancelled', undefined);
      let response: Response;
      let phase = 'answer';
      const { signal, release } = eitherSignal(AbortSignal.timeout(timeoutMs), closed.signal);
      try {
        let current = target;
        for (let hops = 0; ; hops++) {
          // The mirror's credentials (and a caller's token) are for its origin: never sent to another origin a redirect names.
          const own = new URL(current).origin === new URL(target).origin;
          const headers: Record<string, string> = {
            ...(request.accept !== undefined ? { accept: request.accept } : {}),
            ...(own ? request.headers : {}),
            ...(authorization && own ? { authorization } : {}),
          };
          response = await fetchImpl(current, { headers, signal, redirect: 'manual' });
          const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
          if (location === null) break;
          await response.body?.cancel().catch(() => undefined);
          if (hops === MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`, response.status);
          const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
          if (!next) throw fail(`HTTP ${response.status} to an unreadable location`, response.status);
          // Each hop passes the same policy: an allowed host must not lead the run anywhere else.
          const context = `it redirects to ${showUrl(next.href)}, and `;
          if (next.username !== '' || next.password !== '') throw new RemoteDeniedError(describeDenial(original, `${context}that URL carries credentials`, 'fetch it from where it leads'));
          const hop = judge(next.href, original, context);
          if (offline && hop.via !== 'mirror') throw new RemoteDeniedError(describeOfflineDenial(original, true));
          await checkAddresses(hop, original, context);
          current = next.href;
        }
        lastStatus = response.status;
        if (!response.ok) {
          lastProblem = `HTTP ${response.status}`;
          if (response.status === 401) challenge = response.headers.get('www-authenticate') ?? undefined;
          await response.body?.cancel().catch(() => undefined);
          // 4xx other than 429 will not get better by asking again.
          if (response.status !== 429 && response.status < 500) break;
          continue;
        }
        phase = 'body';
        const body = await readBody(response, request.maxBytes ?? maxBodyBytes);
        const problem = check(response.status, response.headers.get('content-type') ?? '', body);
        if (problem === undefined) return body;
        lastProblem = problem;
        // The same page comes back on every attempt; and it must never reach the cache.
        break;
      } catch (error) {
        // A refusal or a redirect loop is the answer, not a hiccup to retry.
        if (error instanceof RenderError) throw error;
        if (closed.signal.aborted) throw fail('cancelled', undefined);
        if (error instanceof BodyTooLarge) {
          const limit = request.maxBytes ?? maxBodyBytes;
          lastProblem = limit >= 1024 * 1024 ? `larger than ${Math.round(limit / 1024 / 1024)} MiB` : `larger than ${limit} bytes`;
          break;
        }
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        if (phase === 'answer') lastStatus = undefined;
        lastProblem = timedOut ? (phase === 'answer' ? `no answer within ${within}` : `the download did not finish within ${within}`) : describeNetworkError(error);
        // A host that let a whole timeout pass will let the next one pass too.
        if (timedOut && phase === 'answer') break;
      } finally {
        release();
      }
    }
    if (lastStatus === undefined) silent.set(origin, lastProblem);
    // Name the URL as the user wrote it; the mirror is where the request went.
    throw fail(lastProblem, lastStatus);
  };

  return {
    fetchText: (original) => {
      const url = applyMirrors(original, mirrors);
      let pending = memo.get(url);
      if (!pending) {
        pending = (async () => {
          // The policy comes first: a cache filled under another configuration must not answer for a URL refused now.
          const verdict = judge(url, original);
          const cached = readCache(url);
          if (cached !== undefined) return cached;
          if (offline && verdict.via !== 'mirror') throw new RemoteDeniedError(describeOfflineDenial(original, true));
          const body = new TextDecoder().decode(await download(url, original, verdict, {}, (status, contentType, bytes) => findNonManifest(status, contentType, bytes.toString('utf8'))));
          writeCache(url, body);
          return body;
        })();
        memo.set(url, pending);
      }
      return pending;
    },
    fetchBytes: (original, request = {}) => {
      const url = applyMirrors(original, mirrors);
      const key = JSON.stringify([url, request]);
      let pending = bytes.get(key);
      if (!pending) {
        pending = (async () => {
          const verdict = judge(url, original);
          if (offline && verdict.via !== 'mirror') throw new RemoteDeniedError(describeOfflineDenial(original, true));
          return download(url, original, verdict, request, (status, contentType, body) => (status === 204 || body.length === 0 ? `an empty answer (HTTP ${status})` : /text\/html/i.test(contentType) ? 'an HTML page (a login or error page?)' : undefined));
        })();
        if (request.remember !== false) bytes.set(key, pending);
      }
      return pending;
    },
    checkReference: async (url, asWritten = url) => {
      const verdict = judge(url, asWritten);
      if (offline && verdict.via !== 'mirror') throw new RemoteDeniedError(describeOfflineDenial(asWritten, false));
      await checkAddresses(verdict, asWritten);
    },
    close: () => closed.abort(),
  };
}
