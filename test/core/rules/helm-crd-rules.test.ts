import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/core/objects/kube-objects.ts';
import { describeChartCrdChanges, readCrdPolicy, type ReleaseCrds } from '../../../src/core/rules/helm-crd-rules.ts';

const crd = (plural: string, kind: string, version = 'v1'): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.projectcalico.org` },
  spec: { group: 'projectcalico.org', names: { kind, plural }, scope: 'Cluster', versions: [{ name: version, served: true, storage: true }] },
});
const release = (spec: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: 'tigera-operator', namespace: 'tigera-operator' }, spec });

function judge(input: Partial<ReleaseCrds>): string[] {
  return describeChartCrdChanges({ unit: 'infra / HelmRelease tigera-operator/tigera-operator', action: 'upgrade', release: release(), before: [], after: [], countObjects: () => 0, ...input }).map(
    (finding) => `${finding.severity} ${finding.rule} ${finding.object.name}`,
  );
}

describe('readCrdPolicy', () => {
  it('takes an empty or unknown policy for Create, as helm-controller does for install and upgrade alike', () => {
    expect(readCrdPolicy(release(), 'upgrade')).toBe('Create');
    expect(readCrdPolicy(release({ upgrade: { crds: 'skip' } }), 'upgrade')).toBe('Create');
    expect(readCrdPolicy(release({ upgrade: { crds: 'Skip' } }), 'upgrade')).toBe('Skip');
    expect(readCrdPolicy(release({ upgrade: { crds: 'Skip' } }), 'install')).toBe('Create');
  });
});

describe('describeChartCrdChanges', () => {
  const tiers = crd('tiers', 'Tier');
  const ippools = crd('ippools', 'IPPool');

  it('the Tier case: a CRD new in crds/ under Skip is an error when its objects are rendered, a warning when none is', () => {
    const input = { release: release({ upgrade: { crds: 'Skip' } }), before: [ippools], after: [ippools, tiers] };
    expect(judge({ ...input, countObjects: (group, kind) => (group === 'projectcalico.org' && kind === 'Tier' ? 2 : 0) })).toEqual(['error helm-crd-skipped tiers.projectcalico.org']);
    expect(judge(input)).toEqual(['warning helm-crd-skipped tiers.projectcalico.org']);
    // Created under Create and CreateReplace.
    expect(judge({ ...input, release: release() })).toEqual([]);
  });

  it('an install under install.crds Skip creates none of crds/', () => {
    expect(judge({ action: 'install', release: release({ install: { crds: 'Skip' } }), after: [ippools, tiers] })).toEqual(['warning helm-crd-skipped ippools.projectcalico.org', 'warning helm-crd-skipped tiers.projectcalico.org']);
  });

  it('a changed crds/ CRD goes stale unless the policy is CreateReplace; one that leaves crds/ stays, unmanaged', () => {
    const changed = { before: [ippools, tiers], after: [crd('ippools', 'IPPool', 'v2')] };
    expect(judge(changed)).toEqual(['warning helm-crd-stale ippools.projectcalico.org', 'notice helm-crd-unmanaged tiers.projectcalico.org']);
    expect(judge({ ...changed, release: release({ upgrade: { crds: 'CreateReplace' } }) })).toEqual(['notice helm-crd-unmanaged tiers.projectcalico.org']);
  });
});
