/**
 * Charts from OCI registries, read through the run's remote fetcher (so the network policy,
 * mirrors, size limits and an offline run all apply): the tag list for a semver range, the
 * manifest, then the chart layer by its digest. Registries that hand out anonymous bearer
 * tokens (ghcr.io, Docker Hub) are asked for one; credentials are never sent, so a private
 * chart is "not rendered" with the registry's answer.
 */
import { RenderError } from '../../core/errors.ts';
import { selectChartVersion } from '../../core/helm/semver-range.ts';
import { isRecord } from '../../core/objects/kube-objects.ts';
import { HELM_CHART_LAYER, type OciSelect } from '../../core/helm/chart-request.ts';
import { FetchError, type RemoteFetcher } from '../remote-fetch.ts';
import { hashBytes } from './chart-store.ts';

const MANIFEST_TYPES = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
/** Manifests and tag lists are small; a larger answer is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** A chart layer found in a registry. */
export interface OciChartLayer {
  /** The layer's digest, `sha256:<hex>`. */
  readonly digest: string;
  /** The tag or digest the chart was found by. */
  readonly version: string;
  /** Downloads the layer (its digest not yet checked). */
  readonly download: (maxBytes: number) => Promise<Buffer>;
}

/** An `oci://` URL split into where the registry answers and the repository's name. */
function splitOciUrl(url: string, insecure: boolean): { readonly base: string; readonly name: string } | undefined {
  const match = /^oci:\/\/([^/?#@\s]+)\/([a-z0-9][a-z0-9._/-]*)$/.exec(url);
  if (!match) return undefined;
  const [, host, name] = match as unknown as [string, string, string];
  // `insecure: true` on the source means plain HTTP, as the controllers read it.
  return { base: `${insecure ? 'http' : 'https'}://${host}`, name: name.replace(/\/+$/, '') };
}

/** Reads a Bearer challenge's realm, service and scope (RFC 6750 auth-params). */
function readChallenge(header: string): { realm: string; params: URLSearchParams } | undefined {
  if (!/^bearer\s/i.test(header)) return undefined;
  const params = new URLSearchParams();
  let realm: string | undefined;
  for (const [, key, value] of header.slice(7).matchAll(/([a-z]+)="([^"]*)"/gi)) {
    if (key === undefined || value === undefined) continue;
    if (key.toLowerCase() === 'realm') realm = value;
    else if (key === 'service' || key === 'scope') params.set(key, value);
  }
  return realm ? { realm, params } : undefined;
}

/**
 * Finds the chart layer of `url` selected by `select`; throws a RenderError naming what the
 * registry said.
 */
export async function findOciChart(fetcher: RemoteFetcher, url: string, select: OciSelect, insecure: boolean, mediaType?: string): Promise<OciChartLayer> {
  const split = splitOciUrl(url, insecure);
  if (!split) throw new RenderError(`${url} is not an oci:// repository reference`);
  const { base, name } = split;
  let token: Promise<string | undefined> | undefined;
  const get = async (path: string, accept: string, maxBytes: number, remember = true): Promise<Buffer> => {
    const headers = token ? await token : undefined;
    const request = { accept, maxBytes, ...(remember ? {} : { remember: false }) };
    try {
      return await fetcher.fetchBytes(`${base}/v2/${name}/${path}`, { ...request, ...(headers ? { headers: { authorization: `Bearer ${headers}` } } : {}) });
    } catch (error) {
      const challenge = error instanceof FetchError && error.status === 401 && !token && error.challenge ? readChallenge(error.challenge) : undefined;
      if (!challenge) throw error;
      token = fetchToken(fetcher, challenge);
      const fresh = await token;
      if (!fresh) throw error;
      return fetcher.fetchBytes(`${base}/v2/${name}/${path}`, { ...request, headers: { authorization: `Bearer ${fresh}` } });
    }
  };
  let reference: string;
  if ('digest' in select) reference = select.digest;
  else if ('tag' in select) reference = select.tag;
  else {
    const listed = parseJson(await get('tags/list', 'application/json', MAX_MANIFEST_BYTES), `${url}'s tag list`);
    const tags = isRecord(listed) && Array.isArray(listed.tags) ? listed.tags.filter((tag): tag is string => typeof tag === 'string') : [];
    // OCI tags cannot hold `+`: helm pushes build metadata as `_`.
    const chosen = selectChartVersion(tags.map((tag) => ({ version: tag.replace(/_/g, '+'), tag })), select.semver);
    if ('problem' in chosen) throw new RenderError(`${url}: ${chosen.problem}`);
    reference = chosen.entry.tag;
  }
  const manifestBytes = await get(`manifests/${reference}`, MANIFEST_TYPES, MAX_MANIFEST_BYTES);
  if ('digest' in select && `sha256:${hashBytes(manifestBytes)}` !== select.digest) throw new RenderError(`${url}@${select.digest}: the registry answered with another manifest`);
  const manifest = parseJson(manifestBytes, `${url}:${reference}'s manifest`);
  const layers = isRecord(manifest) && Array.isArray(manifest.layers) ? manifest.layers.filter(isRecord) : [];
  // The layer the source selects; else helm's own chart layer, else the first, as source-controller takes it.
  const layer = mediaType ? layers.find((candidate) => candidate.mediaType === mediaType) : (layers.find((candidate) => candidate.mediaType === HELM_CHART_LAYER) ?? layers[0]);
  const digest = layer && typeof layer.digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(layer.digest) ? layer.digest : undefined;
  if (!digest) throw new RenderError(`${url}:${reference} holds no chart layer`);
  return { digest, version: reference, download: (maxBytes) => get(`blobs/${digest}`, '*/*', maxBytes, false) };
}

/** Asks the challenge's realm for an anonymous token; undefined when it gives none. */
async function fetchToken(fetcher: RemoteFetcher, challenge: { realm: string; params: URLSearchParams }): Promise<string | undefined> {
  if (!URL.canParse(challenge.realm)) return undefined;
  const url = new URL(challenge.realm);
  for (const [key, value] of challenge.params) url.searchParams.set(key, value);
  try {
    const answer = parseJson(await fetcher.fetchBytes(url.href, { accept: 'application/json', maxBytes: 64 * 1024 }), 'the token');
    const value = isRecord(answer) ? (answer.token ?? answer.access_token) : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch (error) {
    // A refused realm is said as such; a realm that gives no token leaves the 401 to speak.
    if (error instanceof FetchError) return undefined;
    throw error;
  }
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new RenderError(`${what} is not JSON`);
  }
}
