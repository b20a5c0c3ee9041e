/**
 * The CRD policy fix as a review suggestion: the lines it replaces and what it writes, for
 * each way a HelmRelease may already hold (or lack) the key.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planCrdPolicyEdit } from '../../../src/core/fix/crd-policy-edit.ts';
import type { FixEdit } from '../../../src/core/rules/findings.ts';

const target = { path: 'apps/release.yaml', name: 'widgets', namespace: 'apps', action: 'upgrade' } as const;
const head = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: widgets\n  namespace: apps\nspec:\n';

/** The file with the edit applied, as GitHub applies a suggestion. */
function apply(text: string, edit: FixEdit): string {
  const lines = text.split('\n');
  lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement.split('\n'));
  return lines.join('\n');
}

function fixed(text: string, action: 'install' | 'upgrade' = 'upgrade'): { spec: Record<string, unknown>; edit: FixEdit } {
  const edit = planCrdPolicyEdit(text, { ...target, action });
  if ('problem' in edit) throw new Error(edit.problem);
  const docs = apply(text, edit).split(/^---$/m).map((part) => parse(part) as { kind?: string; spec?: Record<string, unknown> });
  return { spec: docs.find((doc) => doc?.kind === 'HelmRelease')?.spec ?? {}, edit };
}

describe('planCrdPolicyEdit', () => {
  it('rewrites an existing crds: line in place, keeping its indentation', () => {
    const { spec, edit } = fixed(`${head}  interval: 10m\n  upgrade:\n    remediation: {retries: 3}\n    crds: Skip\n`);
    expect(edit).toMatchObject({ startLine: 10, endLine: 10, replacement: '    crds: CreateReplace' });
    expect(spec.upgrade).toEqual({ remediation: { retries: 3 }, crds: 'CreateReplace' });
  });

  it('adds the key to an existing section, or the section to spec, indented like its siblings', () => {
    expect(fixed(`${head}    interval: 10m\n    upgrade:\n        timeout: 5m\n`).spec.upgrade).toEqual({ timeout: '5m', crds: 'CreateReplace' });
    expect(fixed(`${head}  interval: 10m\n  chart: {spec: {chart: widgets}}\n`, 'install').spec).toEqual({ interval: '10m', chart: { spec: { chart: 'widgets' } }, install: { crds: 'CreateReplace' } });
  });

  it('rewrites a flow-style section as a block of its own keys, none lost', () => {
    const { spec, edit } = fixed(`${head}  interval: 10m\n  upgrade: {crds: Skip, timeout: 5m}\n`);
    expect(edit.replacement).toBe('  upgrade:\n    timeout: 5m\n    crds: CreateReplace');
    expect(spec.upgrade).toEqual({ timeout: '5m', crds: 'CreateReplace' });
  });

  it('finds the release among several documents, and says why when it cannot edit', () => {
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: widgets}\n---\n';
    expect(fixed(`${other}${head}  upgrade:\n    crds: Skip\n`).edit.startLine).toBe(12);
    expect(planCrdPolicyEdit(`${head}  interval: 10m\n`, { ...target, name: 'gadgets' })).toEqual({ problem: 'apps/release.yaml holds no HelmRelease gadgets prune-guard can edit' });
    expect(planCrdPolicyEdit('apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: widgets}\nspec: {interval: 10m}\n', target)).toEqual({
      problem: 'HelmRelease widgets in apps/release.yaml has no block-style spec to add the policy to',
    });
  });
});
