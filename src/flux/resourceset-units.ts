/**
 * ResourceSets in the Flux model: each ResourceSet a rendered Kustomization applies is a unit
 * of its own (what it generates is its inventory, not the Kustomization's), and the Flux
 * Kustomizations it generates join the tree below it.
 */
import { getMetadata, type ManifestDoc } from '../core/objects/kube-objects.ts';
import { collectInputProviders, expandResourceSets, type ExpandedResourceSet } from '../core/resourceset/expand-resourcesets.ts';

/** A ResourceSet of one side, with the Kustomization whose render holds it. */
export interface ResourceSetUnit extends ExpandedResourceSet {
  /** `namespace/name` of the Kustomization that applies it. */
  readonly host: string;
  /** The cluster it belongs to. */
  readonly cluster?: string;
}

/** What expansion reads of a rendered Kustomization unit. */
export interface ResourceSetHost {
  readonly ks: { readonly key: string; readonly targetNamespace?: string };
  readonly docs: readonly ManifestDoc[];
  readonly pending?: unknown;
}

/**
 * Expands the ResourceSets of the units not expanded yet (`done` remembers them), with the
 * input providers rendered anywhere in the cluster so far.
 */
export function expandNewResourceSets(units: readonly ResourceSetHost[], renderedDocs: readonly ManifestDoc[], cluster: string | undefined, done: Set<ResourceSetHost>): ResourceSetUnit[] {
  const fresh = units.filter((unit) => !done.has(unit) && !unit.pending);
  if (fresh.length === 0) return [];
  for (const unit of fresh) done.add(unit);
  const providers = collectInputProviders(renderedDocs, (doc) => String(getMetadata(doc.body).namespace ?? 'default'));
  return fresh.flatMap((unit) =>
    expandResourceSets(unit.docs, providers, unit.ks.targetNamespace ?? 'default').map((set) => ({ ...set, host: unit.ks.key, ...(cluster !== undefined ? { cluster } : {}) })),
  );
}
