/**
 * API versions against the configured Kubernetes version: removed at or before it is an
 * error naming the replacement, deprecated a notice; without a configured version a removed
 * API is a notice asking for one. Only what the change adds or changes is judged.
 */
import { describe, expect, it } from 'vitest';
import { API_TABLE_CURRENT_TO, describeApiVersionProblems, findApiLifecycle } from '../../../src/core/rules/api-versions.ts';
import { toUnits, yamlDocs } from '../../helpers/objects.ts';

const schema = (apiVersion: string, name: string, extra = ''): string => `apiVersion: ${apiVersion}\nkind: FlowSchema\nmetadata: {name: ${name}}\nspec: {priorityLevelConfiguration: {name: global-default}${extra}}\n`;

function judge(before: string, after: string, kubernetesVersion?: string): string[] {
  const units = toUnits({ apps: { before, after } });
  return describeApiVersionProblems({ units, force: () => false, ...(kubernetesVersion ? { kubernetesVersion } : {}) }).map((finding) => `${finding.severity} ${finding.rule} ${finding.object.name}: ${finding.message}`);
}

describe('describeApiVersionProblems', () => {
  it("knows the table it ships and where it is current to, with the upstream guide's releases where pluto differs", () => {
    expect(findApiLifecycle('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema')).toMatchObject({ removedIn: '1.26' });
    expect(findApiLifecycle('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema')).toMatchObject({ removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' });
    expect(findApiLifecycle('apps/v1', 'Deployment')).toBeUndefined();
    expect(Number(API_TABLE_CURRENT_TO.split('.')[1])).toBeGreaterThanOrEqual(34);
  });

  it('is an error exactly at the removal release, naming the replacement; a notice one release before, while deprecated', () => {
    const added = schema('flowcontrol.apiserver.k8s.io/v1beta2', 'new');
    expect(judge('', added, '1.29.0')).toEqual([
      'error api-removed new: FlowSchema/new is written as flowcontrol.apiserver.k8s.io/v1beta2, which Kubernetes 1.29.0 no longer serves (removed in 1.29): the API server refuses it, and the apply of apps fails; write flowcontrol.apiserver.k8s.io/v1 instead',
    ]);
    expect(judge('', added, '1.28.4')).toEqual(['notice api-deprecated new: FlowSchema/new is written as flowcontrol.apiserver.k8s.io/v1beta2, deprecated since Kubernetes 1.26 and removed in 1.29; write flowcontrol.apiserver.k8s.io/v1 instead']);
    expect(judge('', added, '1.23.0')).toEqual([]);
  });

  it('judges what the change adds or changes, not what renders alike on both sides', () => {
    const old = schema('flowcontrol.apiserver.k8s.io/v1beta2', 'old');
    expect(judge(old, old, '1.30')).toEqual([]);
    expect(judge(old, schema('flowcontrol.apiserver.k8s.io/v1beta2', 'old', ', matchingPrecedence: 500'), '1.30').map((line) => line.split(':')[0])).toEqual(['error api-removed old']);
    expect(judge(yamlDocs(old), schema('flowcontrol.apiserver.k8s.io/v1', 'old'), '1.30')).toEqual([]);
  });

  it('without a configured version, a removed API is a notice that asks for one', () => {
    expect(judge('', schema('flowcontrol.apiserver.k8s.io/v1beta2', 'new'))).toEqual([
      "notice api-removed new: FlowSchema/new is written as flowcontrol.apiserver.k8s.io/v1beta2, which Kubernetes 1.29 and later no longer serve; write flowcontrol.apiserver.k8s.io/v1 instead; set kubernetesVersion in .prune-guard.yaml to check it against the clusters' version",
    ]);
  });
});
