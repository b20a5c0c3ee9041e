import { describe, expect, it } from 'vitest';
import { combineInputs, computeInputId, normalizeInputKey } from '../../../src/core/resourceset/combine-inputs.ts';
import { readInputProvider, readResourceSet } from '../../../src/core/resourceset/resourceset-model.ts';

const resourceSet = (spec: Record<string, unknown>, name = 'apps') => readResourceSet({ apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSet', metadata: { name, namespace: 'flux-system' }, spec }, 'default');
const provider = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}) =>
  readInputProvider({ apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSetInputProvider', metadata: { name, namespace: 'flux-system', labels }, spec }, 'default');

describe('computeInputId', () => {
  // The operator's own permuter tests name these ids for these permutations.
  it.each([
    ['provider_1=0/provider_2=0', '2075461889'],
    ['provider_1=0/provider_2=1', '2075527426'],
    ['provider_1=1/provider_2=0', '2076379394'],
    ['provider_1=1/provider_2=1', '2076444931'],
    ['', '1'],
  ])('%j is %s', (text, id) => {
    expect(computeInputId(text)).toBe(id);
  });
});

describe('normalizeInputKey', () => {
  it.each([
    ['My_ResourceSet', 'my_resourceset'],
    ['My-ResourceSet', 'my_resourceset'],
    ['My/ResourceSet', 'my_resourceset'],
    ['My.ResourceSet', 'my_resourceset'],
    ['My ResourceSet', 'my_resourceset'],
    ['_a---b_-_', 'a_b'],
    ['A0..B', 'a0_b'],
    ['A@@B', 'a_b'],
    ['__', ''],
    ['git-tag', 'git_tag'],
  ])('%j normalizes to %j', (key, expected) => {
    expect(normalizeInputKey(key)).toBe(expected);
  });
});

describe('combineInputs', () => {
  it('flattens inline inputs first, then each selected Static provider (by name), each with its provider', () => {
    const set = resourceSet({ inputs: [{ tenant: 'team1' }], inputsFrom: [{ name: 'zeta' }, { selector: { matchLabels: { app: 'x' } } }] });
    const result = combineInputs(set, [provider('zeta', { type: 'Static', defaultValues: { tenant: 'z' } }), provider('alpha', { type: 'Static', defaultValues: { tenant: 'a' } }, { app: 'x' }), provider('other', { type: 'Static' }, { app: 'y' })]);
    expect(result).toEqual({
      inputs: [
        { tenant: 'team1', provider: { apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSet', name: 'apps', namespace: 'flux-system' } },
        { tenant: 'a', id: computeInputId('alpha'), provider: { apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSetInputProvider', name: 'alpha', namespace: 'flux-system' } },
        { tenant: 'z', id: computeInputId('zeta'), provider: { apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSetInputProvider', name: 'zeta', namespace: 'flux-system' } },
      ],
    });
  });

  it('a Static provider cannot override its id with defaultValues', () => {
    const result = combineInputs(resourceSet({ inputsFrom: [{ name: 'p' }] }), [provider('p', { type: 'Static', defaultValues: { id: 'mine' } })]);
    expect('inputs' in result && result.inputs[0]?.id).toBe(computeInputId('p'));
  });

  it('permutes the sources, each nested under its normalized name, with the permutation id', () => {
    const set = resourceSet({ inputStrategy: { name: 'Permute' }, inputsFrom: [{ name: 'git-tag' }, { name: 'oci-tag' }] }, 'my-rset');
    const result = combineInputs(set, [provider('git-tag', { type: 'Static', defaultValues: { sha: 'abc' } }), provider('oci-tag', { type: 'Static', defaultValues: { digest: 'sha256:1' } })]);
    if (!('inputs' in result)) throw new Error(result.problem);
    expect(result.inputs).toHaveLength(1);
    expect(result.inputs[0]).toMatchObject({ id: computeInputId('git_tag=0/oci_tag=0'), git_tag: { sha: 'abc' }, oci_tag: { digest: 'sha256:1' } });
    // The ResourceSet has no inline inputs: it is left out of the product rather than emptying it.
    expect(result.inputs[0]).not.toHaveProperty('my_rset');
  });

  it('with inline inputs, the ResourceSet itself is a source of the product', () => {
    const set = resourceSet({ inputStrategy: { name: 'Permute' }, inputs: [{ n: 1 }, { n: 2 }], inputsFrom: [{ name: 'p' }] }, 'my-rset');
    const result = combineInputs(set, [provider('p', { type: 'Static' })]);
    if (!('inputs' in result)) throw new Error(result.problem);
    expect(result.inputs.map((input) => [input.id, (input.my_rset as { n: number }).n])).toEqual([
      [computeInputId('my_rset=0/p=0'), 1],
      [computeInputId('my_rset=1/p=0'), 2],
    ]);
  });

  it('a provider that asks an outside service leaves the inputs unknown, naming it', () => {
    const result = combineInputs(resourceSet({ inputsFrom: [{ name: 'prs' }] }), [provider('prs', { type: 'GitHubPullRequest', url: 'https://github.com/o/r' })]);
    expect(result).toEqual({ problem: 'its inputs come from ResourceSetInputProvider/flux-system/prs of type GitHubPullRequest, which only the operator can ask when it runs' });
  });

  it('a provider named but rendered nowhere is a problem, not an empty list', () => {
    const result = combineInputs(resourceSet({ inputsFrom: [{ name: 'missing' }] }), []);
    expect(result).toEqual({ problem: 'its input provider ResourceSetInputProvider/flux-system/missing is in no rendered unit of this cluster' });
  });

  it('providers of another namespace are not selected', () => {
    const other = readInputProvider({ apiVersion: 'fluxcd.controlplane.io/v1', kind: 'ResourceSetInputProvider', metadata: { name: 'p', namespace: 'elsewhere', labels: { app: 'x' } }, spec: { type: 'Static' } }, 'default');
    const result = combineInputs(resourceSet({ inputsFrom: [{ selector: { matchLabels: { app: 'x' } } }] }), [other]);
    expect(result).toEqual({ inputs: [] });
  });

  it('refuses more than 10000 permutations, as the operator does', () => {
    const many = Array.from({ length: 101 }, (_, n) => ({ n }));
    const result = combineInputs(resourceSet({ inputStrategy: { name: 'Permute' }, inputs: many, inputsFrom: [{ selector: {} }] }), Array.from({ length: 100 }, (_, n) => provider(`p${n}`, { type: 'Static' })).slice(0, 1).concat([]));
    expect('inputs' in result).toBe(true);
    const big = combineInputs(resourceSet({ inputStrategy: { name: 'Permute' }, inputs: Array.from({ length: 10_001 }, (_, n) => ({ n })) }), []);
    expect(big).toEqual({ problem: 'its inputs permute into more than 10000 sets, which the operator refuses' });
  });
});
