/**
 * The network policy for remote resources. Every URL in a kustomization comes from the change
 * under review, so which hosts a run may reach is the operator's decision (the configuration,
 * the command line), never the change's. Pure: resolving names and fetching are
 * src/render/remote-fetch.ts.
 */
import type { Mirror } from './config-model.ts';
import { RenderError, UsageError } from '../errors.ts';
import { hideUserInfo, redactCredentials } from '../text/redact.ts';

/**
 * The hosts remote resources may come from when the configuration names none: the public code
 * hosts Flux repositories fetch from, and the hosts GitHub redirects raw files, release assets
 * and archives to.
 */
export const DEFAULT_ALLOWED_HOSTS = [
  'github.com',
  'raw.githubusercontent.com',
  'gist.githubusercontent.com',
  'objects.githubusercontent.com',
  'release-assets.githubusercontent.com',
  'codeload.github.com',
  'gitlab.com',
  'bitbucket.org',
] as const;

/** What a denial tells the operator to change. */
export const ALLOW_HINT = 'allow it with remote.allow in .prune-guard.yaml';

/** A remote resource the network policy refuses (or an offline run cannot fetch): exit 2, nothing judged. */
export class RemoteDeniedError extends RenderError {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteDeniedError';
  }
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { http: '80', https: '443', ssh: '22', git: '9418' };

/** Where a remote reference leads. */
export interface RemoteTarget {
  /** `http`, `https`, `ssh` or `git`. */
  readonly scheme: string;
  /** The host as a URL parser normalizes it (`127.1` is `127.0.0.1`, IPv6 in brackets), lower case, no trailing dot. */
  readonly host: string;
  /** The port, the scheme's default when none is written. */
  readonly port: string;
  /** The URL without credentials or fragment, for URL prefix entries. */
  readonly canonical: string;
}

/** How kustomize reads an entry: a local path, a remote target, or something refused outright. */
export type ReferenceReading =
  | { readonly kind: 'local' }
  | { readonly kind: 'remote'; readonly target: RemoteTarget }
  | { readonly kind: 'refused'; readonly reason: string; readonly hint: string };

/** Whitespace, backslashes and control characters: parsers disagree on them, so no fetched URL may hold one. */
const UNSAFE_CHARACTERS = /[\s\\\u0000-\u001f\u007f-\u009f]/;
/** A host is a plain name or address: no percent-encoding or Unicode that parsers map differently. */
const HOST_PORT = /^(?<host>[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{0,5}))?$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
/** kustomize's username before an scp-like host (`git@github.com:org/repo`). */
const SCP_USER = /^[A-Za-z][A-Za-z0-9-]*@/;
/** kustomize's own GitHub shorthand, with neither scheme nor user. */
const GITHUB_SHORTHAND = /^github\.com[/:]/i;

/**
 * Reads an entry the way kustomize decides what to fetch: a `git::` prefix is dropped, then
 * `http(s)://`, `ssh://`, `file://` (any case), `user@host:path` and `github.com/...` are remote;
 * anything else is a local path. Hosts are checked as written, never guessed.
 */
export function readReference(value: string): ReferenceReading {
  const rest = value.replace(/^git::/i, '');
  const scheme = SCHEME.exec(rest)?.[1]?.toLowerCase();
  if (scheme === undefined && !SCP_USER.test(rest) && !GITHUB_SHORTHAND.test(rest)) return { kind: 'local' };
  if (UNSAFE_CHARACTERS.test(value)) return refuse('it is no plain URL (it holds whitespace, a backslash or a control character)');
  if (scheme === 'file') return refuse("file:// reads the runner's disk", 'list a path inside the repository instead');
  if (scheme !== undefined) return readUrl(rest, scheme);
  if (GITHUB_SHORTHAND.test(rest)) return remote({ scheme: 'https', host: 'github.com', port: '443', canonical: `https://github.com/${rest.slice('github.com/'.length)}` });
  const afterUser = rest.slice(rest.indexOf('@') + 1);
  const end = afterUser.search(/[:/]/);
  const rawHost = end < 0 ? afterUser : afterUser.slice(0, end);
  const host = /^[A-Za-z0-9._-]+$/.test(rawHost) ? normalizeHost(rawHost) : undefined;
  if (host === undefined) return refuse(`its host '${rawHost}' is no plain host name or address`);
  return remote({ scheme: 'ssh', host, port: DEFAULT_PORTS.ssh as string, canonical: `ssh://${host}/${end < 0 ? '' : afterUser.slice(end + 1)}` });
}

function readUrl(rest: string, scheme: string): ReferenceReading {
  if (DEFAULT_PORTS[scheme] === undefined) return refuse(`prune-guard fetches no ${scheme}:// URLs`);
  const authority = rest.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const match = HOST_PORT.exec(hostPort);
  const host = match?.groups?.host === undefined ? undefined : normalizeHost(match.groups.host);
  if (!match || host === undefined) return refuse(`its host '${hostPort}' is no plain host name or address`);
  const written = match.groups?.port ?? '';
  if (written !== '' && (Number(written) < 1 || Number(written) > 65535)) return refuse(`its port ${written} is out of range`);
  const port = written === '' ? (DEFAULT_PORTS[scheme] as string) : String(Number(written));
  if (!URL.canParse(rest)) return refuse('it is no valid URL');
  const url = new URL(rest);
  // A URL parser that read another host than the one checked here would make the check moot.
  if ((scheme === 'http' || scheme === 'https') && url.hostname.replace(/\.$/, '') !== host) return refuse('its host reads differently to different URL parsers');
  url.username = '';
  url.password = '';
  url.hash = '';
  return remote({ scheme, host, port, canonical: url.href });
}

function refuse(reason: string, hint = ALLOW_HINT): ReferenceReading {
  return { kind: 'refused', reason, hint };
}

function remote(target: RemoteTarget): ReferenceReading {
  return { kind: 'remote', target };
}

/** The host as a URL parser connects to it: lower case, IPv4 in dotted decimal, IPv6 compressed in brackets. */
function normalizeHost(raw: string): string | undefined {
  if (!URL.canParse(`http://${raw}/`)) return undefined;
  const host = new URL(`http://${raw}/`).hostname.replace(/\.$/, '');
  return host === '' ? undefined : host;
}

/** An allow-list entry, parsed. */
type AllowEntry =
  | { readonly kind: 'host'; readonly host: string; readonly wildcard: boolean; readonly port?: string }
  | { readonly kind: 'prefix'; readonly prefix: string };

const ENTRY_FORMS = 'write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)';

/** Parses an allow-list entry; a string says what is wrong with it (the end of a sentence). */
function parseAllowEntry(value: string): AllowEntry | string {
  if (value.trim() === '' || UNSAFE_CHARACTERS.test(value)) return `it is empty or holds whitespace: ${ENTRY_FORMS}`;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (scheme !== 'http' && scheme !== 'https') return `a URL prefix must be http(s) (a host entry also covers ssh and git URLs): ${ENTRY_FORMS}`;
    const reading = readUrl(value, scheme);
    if (reading.kind !== 'remote') return `${reading.kind === 'refused' ? reading.reason : 'it is no URL'}: ${ENTRY_FORMS}`;
    const url = new URL(value);
    if (url.username !== '' || url.password !== '') return 'a URL prefix must not carry credentials';
    if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return 'a URL prefix ends with its path (no ? or #)';
    return { kind: 'prefix', prefix: reading.target.canonical };
  }
  const wildcard = value.startsWith('*.');
  let rest = wildcard ? value.slice(2) : value;
  // A bare IPv6 address has colons of its own; brackets say where the port starts.
  if (!rest.startsWith('[') && (rest.match(/:/g) ?? []).length > 1) rest = `[${rest}]`;
  const match = HOST_PORT.exec(rest);
  const host = match?.groups?.host === undefined ? undefined : normalizeHost(match.groups.host);
  if (!match || host === undefined) return ENTRY_FORMS;
  const port = match.groups?.port;
  if (port !== undefined && (port === '' || Number(port) < 1 || Number(port) > 65535)) return `the port must be 1 to 65535: ${ENTRY_FORMS}`;
  if (wildcard && (isAddress(host) || !host.includes('.'))) return 'a wildcard needs a domain of two labels or more after *., e.g. *.example.com';
  return { kind: 'host', host, wildcard, ...(port !== undefined ? { port: String(Number(port)) } : {}) };
}

/** Says what is wrong with an allow-list entry (the end of a sentence), or undefined when nothing is. */
export function findAllowEntryProblem(value: string): string | undefined {
  const entry = parseAllowEntry(value);
  return typeof entry === 'string' ? entry : undefined;
}

function matchesEntry(entry: AllowEntry, target: RemoteTarget): boolean {
  if (entry.kind === 'prefix') {
    if (!target.canonical.startsWith(entry.prefix)) return false;
    // `https://a.example/k8s` must not admit `https://a.example/k8s-secrets/`.
    const next = target.canonical.charAt(entry.prefix.length);
    return entry.prefix.endsWith('/') || next === '' || next === '/' || next === '?';
  }
  const hostMatches = entry.wildcard ? target.host.endsWith(`.${entry.host}`) : target.host === entry.host;
  return hostMatches && (entry.port === undefined || entry.port === target.port);
}

/** What the policy says about one URL. */
export type PolicyVerdict =
  | {
      readonly allowed: true;
      readonly target: RemoteTarget;
      /**
       * Why: `mirror` (under a mirror's target), `entry` (an entry the operator named: trusted
       * by name), `default` (the default list: its addresses must be public too).
       */
      readonly via: 'mirror' | 'entry' | 'default';
    }
  | { readonly allowed: false; readonly reason: string; readonly hint: string };

/** Decides which URLs a run may fetch, or let kustomize fetch. */
export interface NetworkPolicy {
  /** Judges a URL (or any reference kustomize fetches) by its scheme, host, port and path. */
  judge(url: string): PolicyVerdict;
}

/** What the policy allows. */
export interface NetworkPolicyOptions {
  /** Entries in force (`remote.allow`); undefined: {@link DEFAULT_ALLOWED_HOSTS}. */
  readonly allow?: readonly string[];
  /** Entries added to them (`--allow-remote`). */
  readonly alsoAllow?: readonly string[];
  /** Mirrors: URLs under their targets are allowed, since the operator named them. */
  readonly mirrors?: readonly Mirror[];
}

/** Creates the policy; an entry that does not parse is a UsageError (the configuration checks its own first). */
export function createNetworkPolicy(options: NetworkPolicyOptions = {}): NetworkPolicy {
  const parse = (value: string): AllowEntry => {
    const entry = parseAllowEntry(value);
    if (typeof entry === 'string') throw new UsageError(`the remote allow entry '${hideUserInfo(value)}' is invalid: ${entry}`);
    return entry;
  };
  const explicit = [...(options.allow ?? []), ...(options.alsoAllow ?? [])].map(parse);
  const defaults = options.allow === undefined ? DEFAULT_ALLOWED_HOSTS.map(parse) : [];
  const mirrors = (options.mirrors ?? []).flatMap(({ to }) => {
    if (!URL.canParse(to)) return [];
    const url = new URL(to);
    url.username = '';
    url.password = '';
    // A plain string prefix, as mirrors rewrite: the rest of the URL is glued to it as it is.
    return [url.href];
  });
  return {
    judge: (url) => {
      const reading = readReference(url);
      if (reading.kind === 'local') return { allowed: false, reason: 'it is no URL', hint: ALLOW_HINT };
      if (reading.kind === 'refused') return { allowed: false, reason: reading.reason, hint: reading.hint };
      const { target } = reading;
      if (mirrors.some((prefix) => target.canonical.startsWith(prefix))) return { allowed: true, target, via: 'mirror' };
      if (explicit.some((entry) => matchesEntry(entry, target))) return { allowed: true, target, via: 'entry' };
      const special = describeHost(target.host);
      if (special) return { allowed: false, reason: `${target.host} is ${special}`, hint: ALLOW_HINT };
      // The default list admits the scheme's own port only: nothing public listens elsewhere on those hosts.
      if (target.port === DEFAULT_PORTS[target.scheme] && defaults.some((entry) => matchesEntry(entry, target))) return { allowed: true, target, via: 'default' };
      const shown = target.port === DEFAULT_PORTS[target.scheme] ? target.host : `${target.host}:${target.port}`;
      return { allowed: false, reason: `${shown} is not an allowed host`, hint: ALLOW_HINT };
    },
  };
}

/** The one-line message of a denial, naming the URL as written (credentials hidden, controls escaped). */
export function describeDenial(asWritten: string, reason: string, hint: string): string {
  return `remote resource ${showUrl(asWritten)} is not allowed: ${reason} (${hint})`;
}

/** The one-line message for a resource an offline run cannot fetch. */
export function describeOfflineDenial(asWritten: string, cacheable: boolean): string {
  const cache = cacheable ? ', and the cache does not hold it' : '';
  return `remote resource ${showUrl(asWritten)} is not fetched: the run is offline${cache} (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline)`;
}

/** A URL for a message: credentials hidden, control and line-breaking characters escaped, so it stays one line. */
export function showUrl(url: string): string {
  return redactCredentials(url).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True for an IP address literal (IPv6 in brackets, as URL hosts write it). */
function isAddress(host: string): boolean {
  return parseIpv4(host) !== undefined || (host.startsWith('[') && parseIpv6(host) !== undefined);
}

/**
 * Says what makes a host unfit to reach from a run without the operator's word: a loopback,
 * private, link-local, shared, multicast or reserved address (IPv4-mapped and other embedded
 * IPv4 forms too), or the name `localhost`. Undefined for a public address or another name.
 */
export function describeHost(host: string): string | undefined {
  const name = host.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return 'a loopback name';
  return describeAddress(host);
}

/** Says what kind of non-public address `address` is (`a private address`), or undefined for a public one or a name. */
export function describeAddress(address: string): string | undefined {
  const v4 = parseIpv4(address);
  if (v4) return describeIpv4(v4);
  const v6 = parseIpv6(address);
  return v6 ? describeIpv6(v6) : undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return undefined;
  const bytes = match.slice(1).map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function describeIpv4([a = 0, b = 0, c = 0]: readonly number[]): string | undefined {
  if (a === 0) return 'an unspecified address';
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a >= 224 && a <= 239) return 'a multicast address';
  if (a >= 240 || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19))) return 'a reserved address';
  return undefined;
}

/** Eight 16-bit groups, or undefined; takes brackets, a zone (`%eth0`) and a dotted IPv4 tail. */
function parseIpv6(text: string): number[] | undefined {
  let input = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '').toLowerCase();
  if (!input.includes(':')) return undefined;
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(input);
  if (dotted?.[1]) {
    const v4 = parseIpv4(dotted[1]);
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    input = `${input.slice(0, input.length - dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = input.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const parts = part.split(':');
    return parts.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? parts.map((group) => parseInt(group, 16)) : undefined;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

function describeIpv6(groups: readonly number[]): string | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = (high: number, low: number): string | undefined => describeIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  if (groups.every((group) => group === 0)) return 'an unspecified address';
  if (groups.slice(0, 7).every((group) => group === 0) && g7 === 1) return 'a loopback address';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 0xffff || g5 === 0)) return embedded(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'a private address';
  // 6to4 carries the IPv4 address in the next two groups.
  if (g0 === 0x2002) return embedded(g1, g2);
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfec0) return 'a private address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'a reserved address';
  return undefined;
}
