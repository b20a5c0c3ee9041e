/**
 * Clusters: where Flux starts applying a repository. A cluster's root is its sync
 * Kustomization (bootstrap's `clusters/<name>/flux-system/gotk-sync.yaml`, which applies its
 * own folder), or a FluxInstance's `spec.sync`; when neither is committed, each folder under
 * a `clusters/` parent that holds top-level Flux Kustomizations is taken to be one, as
 * bootstrap's `--path` would make it. Every cluster is a world of its own: one repository
 * often holds `flux-system/apps` once per cluster, with different paths.
 */
import { normalizeFluxPath, readFluxKustomization, type FluxKustomization } from '../core/objects/flux-objects.ts';
import type { KubeObject } from '../core/objects/kube-objects.ts';
import type { ClusterSetting } from '../core/config/config-model.ts';
import { isUnderPath, type DeclaredKustomization } from './scan-source.ts';
import { readFluxInstance } from './flux-instance.ts';

/** Where one cluster starts. */
export interface ClusterRoot {
  /** The cluster's name in reports: its folder's name, or the whole path when two clusters share one. */
  readonly name: string;
  /** The root Kustomization, as written or as bootstrap would make it. */
  readonly ks: FluxKustomization;
  /** The file that declares it (the sync Kustomization's, or the FluxInstance's); undefined when assumed. */
  readonly declaredIn?: string;
  /** Why the root was assumed, for the report; undefined for a committed one. */
  readonly note?: string;
}

/**
 * Finds the cluster roots among the declared Kustomizations and the objects of a source:
 * the clusters the configuration declares, when it does; else sync Kustomizations, then
 * FluxInstances, then assumed roots for `clusters/<name>/` folders that have neither.
 * Sorted by name.
 */
export function findClusterRoots(
  declared: readonly DeclaredKustomization[],
  objects: ReadonlyArray<{ file: string; body: KubeObject }>,
  configured: readonly ClusterSetting[] = [],
): ClusterRoot[] {
  if (configured.length > 0) {
    return configured
      .map((cluster) => {
        // The committed sync Kustomization of that folder, when there is one: its spec is the real one.
        const sync = declared.find(({ ks, file }) => ks.path === cluster.path && isUnderPath(file, ks.path));
        return sync ? { name: cluster.name, ks: sync.ks, declaredIn: sync.file } : { name: cluster.name, ks: createSyncKustomization(cluster.path, FLUX_SYSTEM_SOURCE) };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  const roots: Array<Omit<ClusterRoot, 'name'>> = [];
  // A Kustomization declared inside its own path applies itself: bootstrap's sync object.
  for (const { ks, file } of declared) if (isUnderPath(file, ks.path) && ks.path !== '') roots.push({ ks, declaredIn: file });
  for (const { file, body } of objects) {
    const ks = readFluxInstanceSync(body);
    // Committed, so nothing is assumed: no note.
    if (ks && !roots.some((root) => root.ks.path === ks.path)) roots.push({ ks, declaredIn: file });
  }
  // A root read from an artifact pushed from a folder covers that path below any folder.
  const covered = (file: string): boolean =>
    roots.some((root) => isUnderPath(file, root.ks.path) || (root.ks.sourceRef.kind === 'OCIRepository' && file.includes(`/${root.ks.path}/`)));
  const entryPoints = declared.filter(({ ks, file }) => !covered(file) && !declared.some((other) => other.ks.key !== ks.key && isUnderPath(file, other.ks.path)));
  const folders = new Set(entryPoints.flatMap(({ file }) => findClusterFolder(file) ?? []));
  for (const folder of [...folders].sort()) {
    roots.push({
      ks: createSyncKustomization(folder, FLUX_SYSTEM_SOURCE),
      note: `${folder} has no committed flux-system sync Kustomization or FluxInstance, so it is taken to be applied as bootstrap --path=${folder} does (declare it under clusters in .prune-guard.yaml if it is not)`,
    });
  }
  return nameRoots(roots);
}

/** The source bootstrap creates for a cluster: this repository, as GitRepository flux-system/flux-system. */
const FLUX_SYSTEM_SOURCE = { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' } as const;

/** `clusters/staging` for `clusters/staging/apps.yaml` or `kubernetes/clusters/staging/infra/x.yaml`; undefined elsewhere. */
function findClusterFolder(file: string): string | undefined {
  const parts = file.split('/');
  if (parts.length < 3) return undefined;
  const at = parts.lastIndexOf('clusters', parts.length - 3);
  return at >= 0 ? parts.slice(0, at + 2).join('/') : undefined;
}

/** A root's name is its folder's; when two roots share that, their whole paths. */
function nameRoots(roots: ReadonlyArray<Omit<ClusterRoot, 'name'>>): ClusterRoot[] {
  const short = (root: Omit<ClusterRoot, 'name'>): string => root.ks.path.split('/').pop() || '.';
  const counts = new Map<string, number>();
  for (const root of roots) counts.set(short(root), (counts.get(short(root)) ?? 0) + 1);
  return roots
    .map((root) => ({ ...root, name: (counts.get(short(root)) ?? 0) > 1 ? root.ks.path || '.' : short(root) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The Kustomization a FluxInstance's `spec.sync` makes, as the Flux Operator names it (`sync.name`, else the namespace). */
function readFluxInstanceSync(body: KubeObject): FluxKustomization | undefined {
  const instance = readFluxInstance(body);
  if (!instance?.sync) return undefined;
  return createSyncKustomization(normalizeFluxPath(instance.sync.path), { kind: instance.sync.kind, name: instance.sync.name, namespace: instance.namespace });
}

/** The sync Kustomization bootstrap (or the Flux Operator) creates in the cluster for `path`. */
function createSyncKustomization(path: string, sourceRef: { kind: string; name: string; namespace: string }): FluxKustomization {
  const ks = readFluxKustomization({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: sourceRef.name, namespace: sourceRef.namespace },
    spec: { interval: '10m', path: `./${path}`, prune: true, sourceRef },
  });
  if (!ks) throw new Error('a sync Kustomization always reads');
  return ks;
}
