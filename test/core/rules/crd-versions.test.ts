import { describe, expect, it } from 'vitest';
import { describeCrdVersionChanges, reachesOtherUnits, readCrdVersions } from '../../../src/core/rules/crd-versions.ts';
import type { Finding } from '../../../src/core/rules/findings.ts';
import { decideOtherUnitsNeed } from '../../../src/core/rules/other-units.ts';
import { toObject, toUnits, yamlDocs, type UnitRenders } from '../../helpers/objects.ts';

/** `served`/`storage` per version name, e.g. `{ v1beta1: 'served', v1: 'served,storage' }`. */
type Versions = Readonly<Record<string, string>>;

/** A Widget CRD with the given versions. */
function widgetCrd(versions: Versions, scope: 'Namespaced' | 'Cluster' = 'Namespaced'): string {
  const entries = Object.entries(versions)
    .map(([name, flags]) => `  - name: ${name}\n    served: ${flags.includes('unserved') ? 'false' : 'true'}\n    storage: ${flags.includes('storage') ? 'true' : 'false'}\n`)
    .join('');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: ${scope}
  versions:
${entries}`;
}

const widget = (name: string, version: string, namespace = 'team-a'): string => `apiVersion: example.com/${version}\nkind: Widget\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;

function judge(units: Readonly<Record<string, UnitRenders>>, force = false): Finding[] {
  return describeCrdVersionChanges({ units: toUnits(units), force: () => force });
}

function summarize(findings: readonly Finding[]): string[] {
  return findings.map(({ severity, rule, object, unit }) => `${severity} ${rule} ${object.kind}/${object.name} ${unit}`);
}

const both = { v1beta1: 'served', v1: 'served,storage' };
const v1Only = { v1: 'served,storage' };

describe('readCrdVersions', () => {
  it('reads spec.versions, and the single spec.version of an apiextensions v1beta1 CRD', () => {
    expect(readCrdVersions({ spec: { versions: [{ name: 'v1', served: true, storage: true }, { name: 'v2', served: false }, { served: true }] } })).toEqual([
      { name: 'v1', served: true, storage: true },
      { name: 'v2', served: false, storage: false },
    ]);
    expect(readCrdVersions({ spec: { version: 'v1alpha1' } })).toEqual([{ name: 'v1alpha1', served: true, storage: true }]);
    expect(readCrdVersions({ spec: {} })).toEqual([]);
  });
});

describe('describeCrdVersionChanges', () => {
  it('a version removed while an object in any unit still uses it: an error naming the objects, the fix and the migration', () => {
    const findings = judge({
      crds: { before: widgetCrd(both), after: widgetCrd(v1Only) },
      apps: { before: widget('one', 'v1beta1'), after: yamlDocs(widget('one', 'v1beta1'), widget('two', 'v1')) },
    });
    expect(summarize(findings)).toEqual(['error crd-version-removed CustomResourceDefinition/widgets.example.com crds']);
    expect(findings[0]?.message).toBe(
      'CustomResourceDefinition/widgets.example.com drops v1beta1 from spec.versions, but Widget/team-a/one still uses example.com/v1beta1: the API server no longer serves that version, so applying it fails; write it as example.com/v1 first. ' +
        'The API server also refuses the CRD itself while status.storedVersions lists v1beta1; to migrate, rewrite every Widget at the storage version v1 (the storage version migrator, or kubectl get widgets.example.com -A -o json | kubectl replace -f -), ' +
        `then remove v1beta1 from status.storedVersions through the status subresource (kubectl patch crd widgets.example.com --subresource=status --type=merge -p '{"status":{"storedVersions":["v1"]}}')`,
    );
    expect(findings[0]?.object).toMatchObject({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgets.example.com', apiVersion: 'apiextensions.k8s.io/v1' });
  });

  it('a version removed while nothing rendered uses it: a warning that storedVersions may still hold it, with the way out', () => {
    const findings = judge({ crds: { before: widgetCrd(both), after: widgetCrd(v1Only) }, apps: { before: widget('one', 'v1'), after: widget('one', 'v1') } });
    expect(summarize(findings)).toEqual(['warning crd-version-removed CustomResourceDefinition/widgets.example.com crds']);
    expect(findings[0]?.message).toContain(
      "drops v1beta1 from spec.versions: the API server refuses the update if status.storedVersions still lists it (every version that was ever the storage version stays there until removed by hand; kubectl get crd widgets.example.com -o jsonpath='{.status.storedVersions}' shows them). If it does, keep v1beta1 (served: false is enough) and migrate: rewrite every Widget at the storage version v1",
    );
  });

  it('the storage version before the change removed, unused: an error, since storedVersions holds it for certain; no separate storage notice', () => {
    const findings = judge({ crds: { before: widgetCrd({ v1beta1: 'served,storage', v1: 'served' }), after: widgetCrd(v1Only) } });
    expect(summarize(findings)).toEqual(['error crd-version-removed CustomResourceDefinition/widgets.example.com crds']);
    expect(findings[0]?.message).toContain(
      'drops v1beta1 from spec.versions, its storage version before this change: status.storedVersions lists it, so the API server refuses the update (status.storedVersions: Invalid value: "v1beta1": must appear in spec.versions) and the apply of crds fails. Keep v1beta1 in spec.versions (served: false is enough) until the objects are migrated',
    );
  });

  it('served: false on a version still used: an error; unused: nothing (the documented step before removing it)', () => {
    const unserved = { v1beta1: 'unserved', v1: 'served,storage' };
    const used = judge({ crds: { before: widgetCrd(both), after: widgetCrd(unserved) }, apps: { before: '', after: yamlDocs(widget('a', 'v1beta1'), widget('b', 'v1beta1', 'team-b')) } });
    expect(summarize(used)).toEqual(['error crd-version-unserved CustomResourceDefinition/widgets.example.com crds']);
    expect(used[0]?.message).toBe(
      'CustomResourceDefinition/widgets.example.com stops serving v1beta1 (served: false), but Widget/team-a/a, Widget/team-b/b still use example.com/v1beta1: the API server answers that version with not found, so applying them fails; write them as example.com/v1 first',
    );
    expect(judge({ crds: { before: widgetCrd(both), after: widgetCrd(unserved) }, apps: { before: widget('a', 'v1'), after: widget('a', 'v1') } })).toEqual([]);
  });

  it('a storage version change: a notice with the migration that must come before the old version can go', () => {
    const findings = judge({ crds: { before: widgetCrd({ v1beta1: 'served,storage', v1: 'served' }), after: widgetCrd(both) } });
    expect(summarize(findings)).toEqual(['notice crd-storage-version-changed CustomResourceDefinition/widgets.example.com crds']);
    expect(findings[0]?.message).toContain(
      'makes v1 its storage version instead of v1beta1: Widget objects are stored at v1 when next written, the existing ones stay stored at v1beta1, and status.storedVersions keeps v1beta1. Before v1beta1 can leave spec.versions, migrate: rewrite every Widget at the storage version v1',
    );
  });

  it('no version, or two, marked storage: an error, only when the change makes it so', () => {
    expect(summarize(judge({ crds: { before: widgetCrd(both), after: widgetCrd({ v1beta1: 'served,storage', v1: 'served,storage' }) } }))).toEqual([
      'error crd-storage-version-invalid CustomResourceDefinition/widgets.example.com crds',
    ]);
    const none = judge({ crds: { before: '', after: widgetCrd({ v1: 'served' }) } });
    expect(none[0]?.message).toContain('marks no version as the storage version: the API server refuses it (spec.versions: must have exactly one version marked as storage version)');
    const twice = widgetCrd({ v1beta1: 'served,storage', v1: 'served,storage' });
    expect(judge({ crds: { before: twice, after: twice.replace('kind: Widget', 'kind: Widget, singular: widget') } })).toEqual([]);
  });

  it('a scope change: an error naming what deleting the CRD deletes, and what spec.force does', () => {
    const units = { crds: { before: widgetCrd(v1Only), after: widgetCrd(v1Only, 'Cluster') }, apps: { before: widget('one', 'v1'), after: '' } };
    const [finding, ...rest] = judge(units);
    expect(rest).toEqual([]);
    expect(finding?.rule).toBe('crd-scope-changed');
    expect(finding?.severity).toBe('error');
    // A kind that is Cluster in either render carries no namespace (see docs/rules.md, How objects are matched).
    expect(finding?.cascade).toEqual(['Widget/one']);
    expect(finding?.message).toBe(
      'CustomResourceDefinition/widgets.example.com changes spec.scope from Namespaced to Cluster, which the API server refuses for an established CRD (the field is immutable), so the apply of crds fails. The only way is to delete the CRD and create it again, and deleting it deletes every Widget, including Widget/one: back them up first',
    );
    expect(judge(units, true)[0]?.message).toContain('(the field is immutable), so Flux deletes the CRD and creates it again (spec.force), and the API server deletes every Widget with it, including Widget/one');
    // The CRD's own opt-in counts where Flux applies the unit.
    const optedIn = { ...units, crds: { before: units.crds.before.replace('  name: widgets.example.com\n', '  name: widgets.example.com\n  annotations: {kustomize.toolkit.fluxcd.io/force: Enabled}\n'), after: units.crds.after } };
    const flux = describeCrdVersionChanges({ units: toUnits(optedIn), force: () => false, fluxOwned: () => true });
    expect(flux[0]?.message).toContain('so Flux deletes the CRD and creates it again (kustomize.toolkit.fluxcd.io/force: enabled)');
  });

  it('nothing for an added version, an unchanged CRD or a new one', () => {
    expect(judge({ crds: { before: widgetCrd(v1Only), after: widgetCrd({ v1: 'served,storage', v2: 'served' }) }, apps: { before: widget('a', 'v1'), after: widget('a', 'v2') } })).toEqual([]);
    expect(judge({ crds: { before: widgetCrd(both), after: widgetCrd(both) }, apps: { before: widget('a', 'v1beta1'), after: widget('a', 'v1beta1') } })).toEqual([]);
    expect(judge({ crds: { before: '', after: widgetCrd(both) } })).toEqual([]);
  });

  it('follows a CRD that moves to another unit', () => {
    expect(summarize(judge({ old: { before: widgetCrd(both), after: '' }, new: { before: '', after: widgetCrd(v1Only) }, apps: { before: '', after: widget('a', 'v1beta1') } }))).toEqual([
      'error crd-version-removed CustomResourceDefinition/widgets.example.com new',
    ]);
  });
});

describe('reachesOtherUnits', () => {
  const body = (versions: Versions, scope: 'Namespaced' | 'Cluster' = 'Namespaced') => toObject(widgetCrd(versions, scope)).body;

  it('is true when a version goes or stops being served, or the scope changes: their objects can be in any unit', () => {
    expect(reachesOtherUnits(body(both), body(v1Only))).toBe(true);
    expect(reachesOtherUnits(body(both), body({ v1beta1: 'unserved', v1: 'served,storage' }))).toBe(true);
    expect(reachesOtherUnits(body(v1Only), body(v1Only, 'Cluster'))).toBe(true);
    expect(reachesOtherUnits(body(v1Only), body(both))).toBe(false);
    expect(reachesOtherUnits(body({ v1beta1: 'served,storage', v1: 'served' }), body(both))).toBe(false);
  });

  it('makes decideOtherUnitsNeed ask for every unit, so an unchanged root still writing the version is rendered', () => {
    expect(decideOtherUnitsNeed(toUnits({ crds: { before: widgetCrd(both), after: widgetCrd(v1Only) } }))).toBe('all');
    expect(decideOtherUnitsNeed(toUnits({ crds: { before: widgetCrd(v1Only), after: widgetCrd(both) } }))).toBe('none');
  });
});
