/**
 * The parts of a download that know nothing of policy or caching: a body read under a size
 * bound, two abort signals joined, credentials in a URL turned into Basic auth, and what the
 * network said in words.
 */
import { redactCredentials } from '../core/text/redact.ts';

/** A signal that fires with either (AbortSignal.any is Node 20.3+; engines says 20). */
export function eitherSignal(a: AbortSignal, b: AbortSignal): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener('abort', abort, { once: true });
  b.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      a.removeEventListener('abort', abort);
      b.removeEventListener('abort', abort);
    },
  };
}

/** Reads a body up to `limit` bytes. */
export async function readBody(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  if (!response.body) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) throw new BodyTooLarge();
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** A body over its bound. */
export class BodyTooLarge extends Error {}

/** `url` without its `user:password@`, and the Basic authorization header they make. */
export function splitCredentials(url: string): { target: string; authorization?: string } {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.username === '' && parsed.password === '')) return { target: url };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  return { target: parsed.toString(), authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** undici's codes, said in words; the system's own (ECONNREFUSED, ENOTFOUND) are known well enough. */
const NETWORK_PROBLEMS: Readonly<Record<string, string>> = {
  UND_ERR_SOCKET: 'the connection closed before the answer was complete',
  UND_ERR_CONNECT_TIMEOUT: 'could not connect in time',
  UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the download stalled',
};

/**
 * What the network said: the innermost cause that has a code (fetch wraps it as "fetch
 * failed"), in words where the code is undici's own. Octokit's errors are read the same way.
 */
export function describeNetworkError(error: unknown): string {
  let innermost: unknown = error;
  let code: string | undefined;
  for (let depth = 0; depth < 5 && innermost instanceof Error; depth++) {
    code = (innermost as { code?: unknown }).code === undefined ? code : String((innermost as { code?: unknown }).code);
    const next = (innermost as { cause?: unknown }).cause;
    if (!(next instanceof Error)) break;
    innermost = next;
  }
  const message = code ? (NETWORK_PROBLEMS[code] ?? code) : innermost instanceof Error ? innermost.message : String(innermost);
  return redactCredentials(message);
}
