/**
 * Source kinds: which Flux sources a Kustomization may name are this repository, so that
 * prune-guard can build it from the checkout. A GitRepository is, by its URL, by a name
 * listed under `sources:` in the configuration, or as bootstrap's `flux-system`; any other
 * kind is another source, and its Kustomizations are not rendered.
 */
import type { SourceRef } from '../core/objects/flux-objects.ts';
import { getApiGroup, getMetadata, isRecord, type KubeObject } from '../core/objects/kube-objects.ts';

/**
 * Decides which sources are this repository. A GitRepository declared here whose URL is
 * this repository's origin is; one with another URL is not. Without a URL to compare (no
 * origin, or not declared here), bootstrap's `flux-system` is taken to be this repository.
 */
export function createSourceCheck(objects: readonly KubeObject[], repoUrl: string | undefined, mapped: readonly string[]): (ref: SourceRef) => string | undefined {
  const repositories = new Map<string, string>();
  for (const body of objects) {
    if (body.kind !== 'GitRepository' || getApiGroup(String(body.apiVersion)) !== 'source.toolkit.fluxcd.io') continue;
    const metadata = getMetadata(body);
    const spec = isRecord(body.spec) ? body.spec : {};
    const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : 'flux-system';
    repositories.set(`${namespace}/${String(metadata.name)}`, String(spec.url ?? ''));
  }
  const ours = repoUrl ? normalizeGitUrl(repoUrl) : undefined;
  return (ref) => {
    const name = `${ref.namespace}/${ref.name}`;
    if (ref.kind !== 'GitRepository') return `its source is ${ref.kind}/${name}, not this repository`;
    if (mapped.includes(name)) return undefined;
    const url = repositories.get(name);
    if (url !== undefined && ours !== undefined) {
      return normalizeGitUrl(url) === ours ? undefined : `its source GitRepository/${name} points at ${url}, not this repository (list it under sources in .prune-guard.yaml if it is)`;
    }
    if (ref.name === 'flux-system') return undefined;
    return url !== undefined
      ? `cannot tell whether GitRepository/${name} (${url}) is this repository: list it under sources in .prune-guard.yaml if it is`
      : `its source GitRepository/${name} is not declared in this repository: list it under sources in .prune-guard.yaml if it is this one`;
  };
}

/** Reduces a git URL to host/path, so https, ssh and scp-style forms of one repository compare equal. */
export function normalizeGitUrl(url: string): string {
  let value = url.trim().replace(/\/+$/, '').replace(/\.git$/, '');
  const scp = /^[^@/]+@([^:/]+):(.*)$/.exec(value);
  if (scp) value = `${scp[1]}/${scp[2]}`;
  else value = value.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]+@/, '');
  return value.replace(/:\d+\//, '/').toLowerCase();
}
