/**
 * The input sets a ResourceSet renders with, as the Flux Operator combines them: its own
 * `spec.inputs` first, then each provider `spec.inputsFrom` selects (sorted by namespace and
 * name), flattened into one list or permuted into their Cartesian product, with the built-in
 * `provider` and `id` fields the operator adds.
 */
import { matchesSelector, type InputProviderModel, type ResourceSetModel } from './resourceset-model.ts';

/** The operator stalls a ResourceSet whose permutations would exceed this many. */
export const MAX_PERMUTATIONS = 10_000;

/** Input sets, or why they cannot be known here. */
export type CombinedInputs = { readonly inputs: ReadonlyArray<Record<string, unknown>> } | { readonly problem: string };

/** Provider types whose inputs are written in the provider itself; every other type asks an outside service when the operator runs. */
const STATIC_TYPE = 'Static';

/**
 * The id a Static provider exports. The operator hashes the provider's UID, which only the
 * cluster knows; like `flux-operator build rset`, its name stands in. Names built from it are
 * the same on both sides of a change, so what changes is still seen as it is.
 */
function readStaticId(provider: InputProviderModel): string {
  return computeInputId(provider.name);
}

/** The operator's opaque input id: the Adler-32 checksum of the UTF-8 text, in decimal. */
export function computeInputId(text: string): string {
  let a = 1;
  let b = 0;
  for (const byte of new TextEncoder().encode(text)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

/** The key the Permute strategy nests a provider's inputs under: its name, lower case, punctuation and spaces as single `_`, anything else dropped. */
export function normalizeInputKey(name: string): string {
  const mapped = [...name.toLowerCase()]
    .map((char) => (/[\p{White_Space}\p{P}]/u.test(char) ? '_' : /[a-z0-9]/.test(char) ? char : ''))
    .join('');
  return mapped.split('_').filter((word) => word !== '').join('_');
}

/** The providers a ResourceSet selects from those of its cluster, or which one it names that is not there. */
function selectProviders(set: ResourceSetModel, available: readonly InputProviderModel[]): { readonly providers: InputProviderModel[] } | { readonly problem: string } {
  const own = available.filter((provider) => provider.namespace === set.namespace);
  const selected = new Map<string, InputProviderModel>();
  for (const ref of set.inputsFrom) {
    if ('name' in ref) {
      const provider = own.find((candidate) => candidate.name === ref.name);
      if (!provider) return { problem: `its input provider ResourceSetInputProvider/${set.namespace}/${ref.name} is in no rendered unit of this cluster` };
      selected.set(provider.name, provider);
    } else {
      for (const provider of own) if (matchesSelector(ref.selector, provider.labels)) selected.set(provider.name, provider);
    }
  }
  return { providers: [...selected.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** Combines a ResourceSet's inputs with those of the providers of its cluster (see the module comment). */
export function combineInputs(set: ResourceSetModel, available: readonly InputProviderModel[]): CombinedInputs {
  const selection = selectProviders(set, available);
  if ('problem' in selection) return selection;
  const dynamic = selection.providers.find((provider) => provider.type !== STATIC_TYPE);
  if (dynamic) {
    return { problem: `its inputs come from ResourceSetInputProvider/${dynamic.namespace}/${dynamic.name} of type ${dynamic.type || '(none)'}, which only the operator can ask when it runs` };
  }
  const reference = (kind: string, name: string) => ({ apiVersion: 'fluxcd.controlplane.io/v1', kind, name, namespace: set.namespace });
  const sources: Array<{ readonly name: string; readonly inputs: Array<Record<string, unknown>> }> = [
    { name: set.name, inputs: set.inputs.map((input) => ({ ...input, provider: reference('ResourceSet', set.name) })) },
    ...selection.providers.map((provider) => ({
      name: provider.name,
      inputs: [{ ...provider.defaultValues, id: readStaticId(provider), provider: reference('ResourceSetInputProvider', provider.name) }],
    })),
  ];
  if (set.strategy === 'Flatten') return { inputs: sources.flatMap((source) => source.inputs) };
  if (set.strategy !== 'Permute') return { problem: `spec.inputStrategy.name ${set.strategy} is neither Flatten nor Permute` };
  return permuteInputs(sources, set.includeEmptyProviders);
}

/** The Cartesian product of the sources' inputs, each nested under its source's normalized name, with the permutation's id. */
function permuteInputs(sources: ReadonlyArray<{ readonly name: string; readonly inputs: ReadonlyArray<Record<string, unknown>> }>, includeEmpty: boolean): CombinedInputs {
  const scoped: Array<{ readonly key: string; readonly inputs: ReadonlyArray<Record<string, unknown>> }> = [];
  let expected = 0;
  for (const source of sources) {
    if (!includeEmpty && source.inputs.length === 0) continue;
    expected = scoped.length === 0 ? source.inputs.length : expected * source.inputs.length;
    if (expected > MAX_PERMUTATIONS) return { problem: `its inputs permute into more than ${MAX_PERMUTATIONS} sets, which the operator refuses` };
    const key = normalizeInputKey(source.name);
    if (key === '') return { problem: `the name ${JSON.stringify(source.name)} normalizes to nothing, which the Permute strategy refuses` };
    scoped.push({ key, inputs: source.inputs });
  }
  if (scoped.length === 0 || scoped.some((source) => source.inputs.length === 0)) return { inputs: [] };
  const result: Array<Record<string, unknown>> = [];
  const walk = (depth: number, picked: readonly number[]): void => {
    if (depth === scoped.length) {
      const permutation: Record<string, unknown> = {};
      const parts: string[] = [];
      picked.forEach((index, position) => {
        const source = scoped[position] as (typeof scoped)[number];
        permutation[source.key] = source.inputs[index];
        parts.push(`${source.key}=${index}`);
      });
      permutation.id = computeInputId(parts.join('/'));
      result.push(permutation);
      return;
    }
    const source = scoped[depth] as (typeof scoped)[number];
    for (let index = 0; index < source.inputs.length; index++) walk(depth + 1, [...picked, index]);
  };
  walk(0, []);
  return { inputs: result };
}
