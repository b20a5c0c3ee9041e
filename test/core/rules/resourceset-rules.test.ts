import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/report/report-model.ts';
import type { ResourceSetOrigin } from '../../../src/core/rules/removal-rules.ts';
import type { FluxOwner } from '../../../src/core/rules/kustomization-rules.ts';
import { toUnits, type UnitRenders } from '../../helpers/objects.ts';
import { ks, owner, stable, summarize } from '../../helpers/flux.ts';

const APPS = 'flux-system/apps';
const SET = `${APPS} / ResourceSet flux-system/tenants`;
const rset = (metadata = ''): string => `apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\nmetadata: {name: tenants, namespace: flux-system${metadata ? `, ${metadata}` : ''}}\nspec: {}\n`;
const generated = `apiVersion: v1\nkind: Namespace\nmetadata: {name: team1}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: team1}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: team1}\n`;

/** Findings of a report with Kustomization units (owned) and ResourceSet units (by origin). */
function findingsOf(units: Readonly<Record<string, UnitRenders>>, owners: Readonly<Record<string, FluxOwner>>, sets: Readonly<Record<string, ResourceSetOrigin>>) {
  const diffs = toUnits(units).map((unit) => (sets[unit.unit] ? { ...unit, resourceSet: sets[unit.unit] } : unit));
  return buildReport({ version: '1.2.3', before: { label: 'main' }, after: { label: 'working tree' }, failOn: 'error', units: diffs, owners: new Map(Object.entries(owners)) }).findings;
}

const deleted: ResourceSetOrigin = { parent: APPS, set: 'flux-system/tenants', action: 'delete' };

describe('ResourceSet rules', () => {
  it('a ResourceSet its Kustomization prunes deletes its whole inventory: one error naming the PVC and Namespace', () => {
    const findings = findingsOf({ [APPS]: { before: rset(), after: '' }, [SET]: { before: generated } }, { [APPS]: stable(ks('apps')) }, { [SET]: deleted });
    expect(summarize(findings)).toEqual(['error resourceset-removed ResourceSet/flux-system/tenants']);
    expect(findings[0]?.message).toContain('3 objects, including Namespace/team1, PersistentVolumeClaim/team1/data');
    expect(findings[0]?.cascade).toEqual(['ConfigMap/team1/settings', 'Namespace/team1', 'PersistentVolumeClaim/team1/data']);
  });

  it('with prune: false on its Kustomization the ResourceSet stays, and so does everything it generated', () => {
    const findings = findingsOf({ [APPS]: { before: rset(), after: '' }, [SET]: { before: generated } }, { [APPS]: stable(ks('apps', { prune: false })) }, { [SET]: deleted });
    expect(summarize(findings)).toEqual(['warning object-orphaned ResourceSet/flux-system/tenants']);
  });

  it("Flux's opt-out on the ResourceSet object keeps it, and its inventory", () => {
    const findings = findingsOf(
      { [APPS]: { before: rset('annotations: {kustomize.toolkit.fluxcd.io/prune: disabled}'), after: '' }, [SET]: { before: generated } },
      { [APPS]: stable(ks('apps')) },
      { [SET]: deleted },
    );
    expect(summarize(findings)).toEqual(['notice prune-protected ResourceSet/flux-system/tenants']);
  });

  it('a Kustomization deleted with its inventory takes its ResourceSet and what that generated', () => {
    const root = 'flux-system/flux-system';
    const apps = ks('apps');
    const findings = findingsOf(
      { [root]: { before: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec: {path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n', after: '' }, [APPS]: { before: rset() }, [SET]: { before: generated } },
      { [root]: stable(ks('flux-system')), [APPS]: owner({ before: apps, parentBefore: root }) },
      { [SET]: deleted },
    );
    // The Kustomization's own inventory is the ResourceSet alone; what that generated is the error.
    expect(summarize(findings)).toEqual(['error resourceset-removed ResourceSet/flux-system/tenants', 'warning kustomization-removed Kustomization/flux-system/apps']);
  });

  it("what a ResourceSet stops generating is deleted by its garbage collection; only the operator's opt-out protects", () => {
    const applying: ResourceSetOrigin = { parent: APPS, set: 'flux-system/tenants', action: 'apply' };
    const protectedMap = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept, namespace: team1, annotations: {fluxcd.controlplane.io/prune: disabled}}\n`;
    const fluxOnly = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: flux, namespace: team1, labels: {kustomize.toolkit.fluxcd.io/prune: disabled}}\n`;
    const findings = findingsOf({ [APPS]: { before: rset(), after: rset() }, [SET]: { before: `${generated}---\n${protectedMap}---\n${fluxOnly}`, after: '' } }, { [APPS]: stable(ks('apps')) }, { [SET]: applying });
    expect(summarize(findings)).toEqual([
      'error namespace-removed Namespace/team1',
      'warning data-removed PersistentVolumeClaim/team1/data',
      'notice object-removed ConfigMap/team1/flux',
      'notice object-removed ConfigMap/team1/settings',
      'notice prune-protected ConfigMap/team1/kept',
    ]);
    expect(findings.find((finding) => finding.object.name === 'flux')?.message).toContain('means nothing to the Flux Operator');
    expect(findings[1]?.message).toContain("is deleted by ResourceSet/flux-system/tenants's garbage collection");
  });
  it('with several clusters, a Kustomization the ResourceSet stops generating is said once, as kustomization-removed', () => {
    const set = `prod: ${SET}`;
    const tenant = 'prod: team1/apps';
    const generatedKs = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: team1}\nspec: {path: ./x, prune: true, sourceRef: {kind: OCIRepository, name: apps}}\n';
    const units = toUnits({ [`prod: ${APPS}`]: { before: rset(), after: rset() }, [set]: { before: generatedKs, after: '' }, [tenant]: { before: '' } }).map((unit) => ({
      ...unit,
      cluster: 'prod',
      ...(unit.unit === set ? { resourceSet: { parent: `prod: ${APPS}`, set: 'flux-system/tenants', action: 'apply' as const } } : {}),
    }));
    const owners = new Map<string, FluxOwner>([
      [`prod: ${APPS}`, stable(ks('apps'))],
      [tenant, owner({ before: ks('apps', { namespace: 'team1' }), parentBefore: set, skippedBefore: 'its source is OCIRepository/team1/apps, not this repository' })],
    ]);
    const findings = buildReport({ version: '1.2.3', before: { label: 'main' }, after: { label: 'working tree' }, failOn: 'error', units, owners }).findings;
    expect(summarize(findings)).toEqual(['warning kustomization-removed Kustomization/team1/apps']);
  });
});
