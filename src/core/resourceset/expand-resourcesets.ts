/**
 * The ResourceSets of a render, each with what it generates for one cluster: the input
 * providers are those rendered anywhere in that cluster (the operator reads them from the
 * API server, in the ResourceSet's namespace).
 */
import type { KubeObject, ManifestDoc, Provenance } from '../objects/kube-objects.ts';
import { buildResourceSet } from './build-resourceset.ts';
import { combineInputs } from './combine-inputs.ts';
import { isInputProvider, isResourceSet, readInputProvider, readResourceSet, type InputProviderModel } from './resourceset-model.ts';

/** One ResourceSet of a render and what it generates. */
export interface ExpandedResourceSet {
  /** `namespace/name` of the ResourceSet. */
  readonly set: string;
  /** The ResourceSet as rendered. */
  readonly body: KubeObject;
  /** Where the ResourceSet is written; every object it generates points there too. */
  readonly provenance?: Provenance;
  /** The objects it generates; empty when `problem` says why they cannot be known. */
  readonly docs: readonly ManifestDoc[];
  /** Why what it generates cannot be known here (a provider that asks an outside service, a template function prune-guard does not run). */
  readonly problem?: string;
  /** The operator does not reconcile it (`fluxcd.controlplane.io/reconcile: disabled`): nothing it generates changes. */
  readonly disabled: boolean;
}

/** The input providers among rendered objects; `namespace` stands in for objects that name none. */
export function collectInputProviders(docs: Iterable<ManifestDoc>, namespace: (doc: ManifestDoc) => string): InputProviderModel[] {
  const providers: InputProviderModel[] = [];
  for (const doc of docs) if (isInputProvider(doc.body)) providers.push(readInputProvider(doc.body, namespace(doc)));
  return providers;
}

/** Expands every ResourceSet of `docs` (see the module comment); `namespace` is where one without a namespace goes. */
export function expandResourceSets(docs: readonly ManifestDoc[], providers: readonly InputProviderModel[], namespace: string): ExpandedResourceSet[] {
  const expanded: ExpandedResourceSet[] = [];
  for (const doc of docs) {
    if (!isResourceSet(doc.body)) continue;
    const model = readResourceSet(doc.body, namespace);
    const base = { set: `${model.namespace}/${model.name}`, body: doc.body, ...(doc.provenance ? { provenance: doc.provenance } : {}), disabled: model.disabled };
    const combined = combineInputs(model, providers);
    if ('problem' in combined) {
      expanded.push({ ...base, docs: [], problem: combined.problem });
      continue;
    }
    const built = buildResourceSet(model, combined.inputs);
    if ('problem' in built) {
      expanded.push({ ...base, docs: [], problem: built.problem });
      continue;
    }
    // Provenance is a plain record: the file of the ResourceSet, without the entry that listed it.
    const provenance = doc.provenance?.file !== undefined ? { file: doc.provenance.file } : undefined;
    expanded.push({ ...base, docs: built.objects.map((body) => (provenance ? { body, provenance } : { body })) });
  }
  return expanded;
}
