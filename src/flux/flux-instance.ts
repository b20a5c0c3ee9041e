/**
 * A FluxInstance (`fluxcd.controlplane.io/v1`) as the Flux Operator reads it: the controllers
 * it installs, the distribution version it pins, and the sync it generates. Defaults are the
 * operator's own (its API types and controller), so what the model says is what the cluster
 * runs, not what the YAML happens to spell out.
 */
import { getApiGroup, getMetadata, isRecord, readNamespace, type KubeObject } from '../core/objects/kube-objects.ts';

/** What a FluxInstance says about the Flux it runs. */
export interface FluxInstanceModel {
  readonly namespace: string;
  readonly name: string;
  /** The controllers it installs, as the operator defaults them when spec.components is empty. */
  readonly components: readonly string[];
  /** spec.distribution.version as written (e.g. "2.x"), when set. */
  readonly version?: string;
  /** spec.sync as the operator reads it (with its defaults: name, interval), when set. */
  readonly sync?: FluxInstanceSync;
}

/** spec.sync with the operator's defaults applied. */
export interface FluxInstanceSync {
  /** The source kind: GitRepository, OCIRepository or Bucket. */
  readonly kind: string;
  readonly url?: string;
  readonly ref?: string;
  /** The path as written: the operator copies it into the Kustomization unchanged. */
  readonly path: string;
  /** The name of the generated source and Kustomization. */
  readonly name: string;
  /** How often the generated objects reconcile. */
  readonly interval: string;
}

/** The Flux Operator's API group. */
const FLUX_OPERATOR_GROUP = 'fluxcd.controlplane.io';

/**
 * The operator's own namespace default (`DefaultNamespace`); a rendered FluxInstance with no
 * namespace is read there, as the rest of the Flux model reads it.
 */
const DEFAULT_NAMESPACE = 'flux-system';

/** What `GetComponents` installs when spec.components is empty or absent. */
const DEFAULT_COMPONENTS: readonly string[] = ['source-controller', 'kustomize-controller', 'helm-controller', 'notification-controller'];

/** The CRD's enum for spec.sync.kind; the API server rejects anything else. */
const SYNC_KINDS: ReadonlySet<string> = new Set(['OCIRepository', 'GitRepository', 'Bucket']);

/** The CRD's default for spec.sync.interval. */
const DEFAULT_SYNC_INTERVAL = '1m';

/** Reads a FluxInstance object; undefined for anything else. */
export function readFluxInstance(body: KubeObject): FluxInstanceModel | undefined {
  if (body.kind !== 'FluxInstance' || getApiGroup(String(body.apiVersion)) !== FLUX_OPERATOR_GROUP) return undefined;
  const spec = isRecord(body.spec) ? body.spec : {};
  const namespace = readNamespace(body, DEFAULT_NAMESPACE);
  const name = getMetadata(body).name;
  const distribution = isRecord(spec.distribution) ? spec.distribution : {};
  const version = readText(distribution.version);
  const sync = readSync(spec.sync, namespace);
  return {
    namespace,
    name: typeof name === 'string' ? name : '',
    components: readComponents(spec.components),
    ...(version !== undefined ? { version } : {}),
    ...(sync ? { sync } : {}),
  };
}

/** The listed components in their order; the default set when none is listed, as `GetComponents` decides. */
function readComponents(value: unknown): string[] {
  const listed = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
  return listed.length > 0 ? listed : [...DEFAULT_COMPONENTS];
}

/**
 * spec.sync as the operator's controller turns it into its build options. Kind and path have
 * no default (the CRD requires them and the API server rejects a FluxInstance without them),
 * so a sync lacking either is no sync the operator ever sees.
 */
function readSync(value: unknown, namespace: string): FluxInstanceSync | undefined {
  if (!isRecord(value)) return undefined;
  const kind = readText(value.kind);
  const path = typeof value.path === 'string' ? value.path : undefined;
  if (kind === undefined || !SYNC_KINDS.has(kind) || path === undefined) return undefined;
  const url = readText(value.url);
  const ref = readText(value.ref);
  return {
    kind,
    ...(url !== undefined ? { url } : {}),
    ...(ref !== undefined ? { ref } : {}),
    path,
    // The controller names the generated objects after the FluxInstance's namespace unless told otherwise.
    name: readText(value.name) ?? namespace,
    interval: readText(value.interval) ?? DEFAULT_SYNC_INTERVAL,
  };
}

/** A non-empty string, else undefined: an empty field is an unset one to the operator. */
function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The sync sources the FluxInstances among `objects` make, as the operator writes them
 * (GitRepository `ref.name`, OCIRepository `ref.tag`), for those the objects do not declare
 * themselves, and the `Kind/namespace/name` of every sync source: these stand where
 * bootstrap's `flux-system` does when deciding whether a source is this repository.
 */
export function listSyncSources(objects: readonly KubeObject[]): { readonly objects: KubeObject[]; readonly names: ReadonlySet<string> } {
  const declared = new Set(objects.map((body) => `${String(body.kind)}/${readNamespace(body, DEFAULT_NAMESPACE)}/${String(getMetadata(body).name)}`));
  const made: KubeObject[] = [];
  const names = new Set<string>();
  for (const body of objects) {
    const sync = readFluxInstance(body)?.sync;
    if (!sync) continue;
    const namespace = readNamespace(body, DEFAULT_NAMESPACE);
    const key = `${sync.kind}/${namespace}/${sync.name}`;
    names.add(key);
    if (declared.has(key) || sync.kind === 'Bucket') continue;
    declared.add(key);
    const ref = sync.ref === undefined ? {} : sync.kind === 'GitRepository' ? { name: sync.ref } : { tag: sync.ref };
    made.push({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: sync.kind, metadata: { name: sync.name, namespace }, spec: { url: sync.url ?? '', ref } });
  }
  return { objects: made, names };
}
