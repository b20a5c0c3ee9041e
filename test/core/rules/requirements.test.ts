/**
 * `requires:` entries against the configured Kubernetes version: what manifests cannot say,
 * such as Calico's operator needing Kubernetes 1.25 from v3.28.4 on.
 */
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../../src/core/rules/change-rule-input.ts';
import { describeUnmetRequirements, listImages, matchesImageGlob } from '../../../src/core/rules/requirements.ts';
import { toUnits } from '../../helpers/objects.ts';

const operator = (tag: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tigera-operator, namespace: tigera-operator}\nspec:\n  selector: {matchLabels: {app: op}}\n  template:\n    metadata: {labels: {app: op}}\n    spec:\n      initContainers: [{name: init, image: busybox}]\n      containers: [{name: op, image: "quay.io/tigera/operator:${tag}"}]\n`;
const release = (version: string): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: calico, namespace: tigera-operator}\nspec:\n  chart: {spec: {chart: tigera-operator, version: "${version}", sourceRef: {kind: HelmRepository, name: calico}}}\n`;
const needs125: Requirement[] = [
  { image: 'quay.io/tigera/operator:v1.3[4-9]*', kubernetes: '>=1.25', why: 'this never matches: [ is literal' },
  { image: 'quay.io/tigera/operator:v1.34.*', kubernetes: '>=1.25', why: 'Calico v3.28.4 and later need Kubernetes 1.25' },
  { chart: { name: 'tigera-operator', version: '>=v3.28.4' }, kubernetes: '>=1.25', why: 'Calico v3.28.4 and later need Kubernetes 1.25' },
];

function judge(before: string, after: string, kubernetesVersion?: string, requirements = needs125): string[] {
  return describeUnmetRequirements({ units: toUnits({ cni: { before, after } }), force: () => false, requirements, ...(kubernetesVersion ? { kubernetesVersion } : {}) }).map(
    (finding) => `${finding.severity} ${finding.rule} ${finding.object.kind}/${finding.object.name}: ${finding.message}`,
  );
}

describe('describeUnmetRequirements', () => {
  it('an image that needs a newer Kubernetes than the clusters run is an error quoting why', () => {
    expect(judge(operator('v1.32.10'), operator('v1.34.4'), '1.24.17')).toEqual([
      'error requirement-unmet Deployment/tigera-operator: Deployment/tigera-operator/tigera-operator runs quay.io/tigera/operator:v1.34.4, which needs Kubernetes >=1.25, and the clusters run 1.24.17: "Calico v3.28.4 and later need Kubernetes 1.25"',
    ]);
  });

  it('says nothing inside the range, for another image, for what the change does not touch, or with no version configured', () => {
    expect(judge(operator('v1.32.10'), operator('v1.34.4'), '1.25.0')).toEqual([]);
    expect(judge(operator('v1.32.10'), operator('v1.32.11'), '1.24.17')).toEqual([]);
    expect(judge(operator('v1.34.4'), operator('v1.34.4'), '1.24.17')).toEqual([]);
    expect(judge(operator('v1.32.10'), operator('v1.34.4'))).toEqual([]);
  });

  it('a HelmRelease pinned to a chart version in the range matches; a range written in the HelmRelease does not', () => {
    expect(judge(release('v3.28.3'), release('v3.28.4'), '1.24.0').map((line) => line.split(':')[0])).toEqual(['error requirement-unmet HelmRelease/calico']);
    expect(judge(release('v3.28.3'), release('v3.27.0'), '1.24.0')).toEqual([]);
    expect(judge(release('v3.28.3'), release('>=v3.28.0'), '1.24.0')).toEqual([]);
  });

  it('reads images of every container kind, and globs span slashes', () => {
    expect(listImages(JSON.parse('{"kind":"CronJob","spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"image":"a/b:1"}]}}}}}}'))).toEqual(['a/b:1']);
    expect(matchesImageGlob('quay.io/*:v1.*', 'quay.io/tigera/operator:v1.34.4')).toBe(true);
    expect(matchesImageGlob('quay.io/tigera/operator:v1.3?.*', 'quay.io/tigera/operator:v1.340')).toBe(false);
  });
});
