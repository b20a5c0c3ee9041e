/**
 * The units of a Flux comparison, paired by name across the sides: naming (by cluster when
 * there are several; a Kustomization a ResourceSet generates sits below that ResourceSet),
 * lazy rendering of pending units, and the analysis of the pair with the HelmRelease and
 * ResourceSet units on top.
 */
import type { Analysis, RenderCounts, UnitRenders } from './analyze-units.ts';
import { analyzeUnitsInDetail } from './analyze-units.ts';
import type { ComparedReleases } from './compare-helm-releases.ts';
import type { ComparedResourceSets } from './compare-resource-sets.ts';
import { keyResourceSet } from './compare-resource-sets.ts';
import type { Settings } from './load-settings.ts';
import type { SideInfo } from '../core/report/report-model.ts';
import type { Finding } from '../core/rules/findings.ts';
import type { FluxOwner } from '../core/rules/kustomization-rules.ts';
import { describeOutsideReads } from '../core/rules/outside-reads.ts';
import { decideOtherUnitsNeed, selectNeededUnits } from '../core/rules/other-units.ts';
import { loadPendingUnit, settleUnit, type FluxUnit } from '../flux/discover-units.ts';
import { mapInPool } from '../render/pool.ts';
import { describeMissingComponents } from '../core/rules/flux-components.ts';
import type { UnitDiff } from '../core/rules/removal-rules.ts';
import { readFluxInstance } from '../flux/flux-instance.ts';

/** A unit with the name reports give it: `namespace/name`, after `cluster: ` when there are several clusters; its parent named alike. */
export interface NamedUnit extends FluxUnit {
  readonly name: string;
}

/** Names a side's units; a Kustomization a ResourceSet generates has that ResourceSet's unit as its parent. */
export function nameUnits(units: readonly FluxUnit[], byCluster: boolean, resourceSets: ReadonlyMap<string, string> = new Map()): NamedUnit[] {
  return units.map((unit) => {
    const parent = unit.generatedBy !== undefined ? resourceSets.get(keyResourceSet(unit.cluster, unit.generatedBy)) : unit.parent !== undefined ? nameUnit(unit.cluster, unit.parent, byCluster) : undefined;
    return { ...unit, name: nameUnit(unit.cluster, unit.ks.key, byCluster), ...(parent !== undefined ? { parent } : {}) };
  });
}

/** The report's name of a Kustomization: `namespace/name`, after `cluster: ` when there are several clusters. */
export function nameUnit(cluster: string | undefined, key: string, byCluster: boolean): string {
  return byCluster && cluster !== undefined ? `${cluster}: ${key}` : key;
}

/** Both sides' units, named; rendering a pending unit replaces it in place. */
export interface UnitPair {
  before: NamedUnit[];
  after: NamedUnit[];
}

/**
 * Names of the units that render the same objects on both sides: the same spec, the same
 * inputs, the same variables. Nothing in them is this change's doing.
 */
export function findIdenticalUnits(pair: UnitPair): Set<string> {
  const before = new Map(pair.before.map((unit) => [unit.name, unit.key]));
  return new Set(pair.after.filter((unit) => unit.key !== undefined && before.get(unit.name) === unit.key).map((unit) => unit.name));
}

/** Renders the pending units `wanted` picks, on both sides; identical ones once, for both. */
export async function loadUnits(pair: UnitPair, wanted: (unit: NamedUnit) => boolean, width: number): Promise<void> {
  const after = await mapInPool(pair.after, width, (unit) => (unit.pending && wanted(unit) ? loadPendingUnit(unit) : Promise.resolve(unit)));
  const byName = new Map(after.map((unit) => [unit.name, unit]));
  pair.before = await mapInPool(pair.before, width, async (unit) => {
    if (!unit.pending || !wanted(unit)) return unit;
    const twin = byName.get(unit.name);
    // The same key renders the same objects: one array serves both sides (one object set).
    if (twin && twin.key === unit.key && !twin.pending) return settleUnit(unit, twin);
    return loadPendingUnit(unit);
  });
  pair.after = after;
}

/**
 * The identical units the findings need, per cluster (core/rules/other-units.ts): all of a
 * cluster's after a removal there, those that may hold CRDs when a kind's scope is unknown.
 */
export function decideWantedUnits(analysis: Analysis, pair: UnitPair): Set<string> {
  const wanted = new Set<string>();
  const waiting = pair.after.filter((unit) => unit.pending);
  for (const cluster of new Set(waiting.map((unit) => unit.cluster))) {
    const need = decideOtherUnitsNeed(analysis.units.filter((unit) => unit.cluster === cluster && !('identical' in unit)));
    const own = waiting.filter((unit) => unit.cluster === cluster);
    for (const unit of selectNeededUnits(need, own, (candidate) => candidate.inputs)) wanted.add(unit.name);
  }
  return wanted;
}

/** The analysis of both sides' units, with the HelmRelease and ResourceSet units and their findings. */
export function analyzeFluxUnits(
  sides: { readonly before: SideInfo; readonly after: SideInfo },
  pair: UnitPair,
  identical: ReadonlySet<string>,
  settings: Settings,
  notes: readonly string[],
  counts: RenderCounts,
  layers: { readonly releases: ComparedReleases; readonly resourceSets: ComparedResourceSets },
): Analysis {
  const { releases, resourceSets } = layers;
  const unknownSets = { before: findUnknownSets(resourceSets, 'before'), after: findUnknownSets(resourceSets, 'after') };
  const before = new Map(pair.before.map((unit) => [unit.name, unit]));
  const after = new Map(pair.after.map((unit) => [unit.name, unit]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const findings: Finding[] = [...settings.configFindings, ...releases.findings, ...resourceSets.findings];
  const owners = new Map<string, FluxOwner>();
  const units: UnitRenders[] = [];
  for (const key of keys) {
    const old = before.get(key);
    const current = after.get(key);
    if (old && current && identical.has(key)) {
      units.push(describeIdenticalUnit(old, current, owners));
      continue;
    }
    // Children of a Kustomization that could not be rendered on a side are unknown there, not gone.
    const unknownAfter = old && !current ? findUnrenderedAncestor(old, before, after, unknownSets.after) : undefined;
    const unknownBefore = current && !old ? findUnrenderedAncestor(current, after, before, unknownSets.before) : undefined;
    const skippedBefore = old?.skipped ?? (unknownBefore ? `its parent ${unknownBefore} is not rendered before the change` : undefined);
    const skippedAfter = current?.skipped ?? (unknownAfter ? `its parent ${unknownAfter} is not rendered after the change` : undefined);
    const ksBefore = old?.ks ?? (unknownBefore ? current?.ks : undefined);
    const ksAfter = current?.ks ?? (unknownAfter ? old?.ks : undefined);
    owners.set(key, {
      ...(ksBefore ? { before: ksBefore } : {}),
      ...(ksAfter ? { after: ksAfter } : {}),
      ...(old?.parent ? { parentBefore: old.parent } : {}),
      ...(current?.parent ? { parentAfter: current.parent } : {}),
      ...(old?.declaredIn ? { declaredInBefore: old.declaredIn } : {}),
      ...(skippedBefore ? { skippedBefore } : {}),
      ...(skippedAfter ? { skippedAfter } : {}),
      ...(old?.failure ? { failedBefore: old.failure } : {}),
      ...(current?.failure ? { failedAfter: current.failure } : {}),
      missingVariables: current?.missingVariables ?? [],
    });
    const ks = (current ?? old)?.ks;
    const object = ks ? { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion } : undefined;
    if (object && current?.outside) findings.push(...describeOutsideReads(key, object, 'after', current.outside));
    if (object && old?.outside) findings.push(...describeOutsideReads(key, object, 'before', old.outside));
    // A side that was not rendered is unknown, never empty: the unit is not judged.
    const judged = Boolean(skippedBefore) === Boolean(skippedAfter) && !old?.outside && !current?.outside;
    const why = skippedAfter ?? skippedBefore;
    const cluster = (current ?? old)?.cluster;
    units.push({
      name: key,
      ...(cluster !== undefined ? { cluster } : {}),
      before: old?.docs ?? (unknownBefore ? [] : undefined),
      after: current?.docs ?? (unknownAfter ? [] : undefined),
      ...(!judged && why ? { skipped: why } : {}),
    });
  }
  return analyzeUnitsInDetail(sides, [...units, ...releases.units, ...resourceSets.units], settings, { owners, extraFindings: findings, notes, ...counts, deriveFindings: describeFluxComponents });
}

/**
 * A unit that renders the same on both sides. Whatever holds for it held before the change
 * too (a build that fails, a variable without a value): none of it is this change's doing, so
 * it is judged only by what other units' findings make of its objects. Not rendered (or not
 * buildable), it is counted as identical; its objects are unknown and the same on both sides.
 */
function describeIdenticalUnit(old: NamedUnit, current: NamedUnit, owners: Map<string, FluxOwner>): UnitRenders {
  owners.set(current.name, {
    before: old.ks,
    after: current.ks,
    ...(old.parent ? { parentBefore: old.parent } : {}),
    ...(current.parent ? { parentAfter: current.parent } : {}),
    ...(old.declaredIn ? { declaredInBefore: old.declaredIn } : {}),
    missingVariables: [],
  });
  const cluster = current.cluster;
  const base = { name: current.name, ...(cluster !== undefined ? { cluster } : {}) };
  if (current.pending || old.pending || current.skipped !== undefined || old.skipped !== undefined) return { ...base, before: undefined, after: undefined, identical: true };
  return { ...base, before: old.docs, after: current.docs };
}

/** The units of the ResourceSets whose objects are unknown on a side (not rendered there). */
function findUnknownSets(resourceSets: ComparedResourceSets, side: 'before' | 'after'): ReadonlySet<string> {
  const skipped = new Set(resourceSets.units.filter((unit) => unit.skipped !== undefined).map((unit) => unit.name));
  return new Set(resourceSets.hosts[side].filter((set) => skipped.has(set.name)).map((set) => set.name));
}

/**
 * The nearest ancestor of `unit` (by its parents on its own side) that the other side has
 * but could not render, a ResourceSet not rendered there included; undefined when every
 * ancestor was rendered there or is gone.
 */
function findUnrenderedAncestor(unit: NamedUnit, own: ReadonlyMap<string, NamedUnit>, other: ReadonlyMap<string, NamedUnit>, unknownSets: ReadonlySet<string>): string | undefined {
  const seen = new Set<string>();
  for (let parent = unit.parent; parent !== undefined && !seen.has(parent); parent = own.get(parent)?.parent) {
    seen.add(parent);
    if (unknownSets.has(parent)) return parent;
    const there = other.get(parent);
    if (there?.skipped) return parent;
    if (there) return undefined;
  }
  return undefined;
}

/**
 * Per cluster, the Flux controllers its FluxInstance runs against what the change applies:
 * objects no controller reconciles, components the change drops while objects still need them.
 */
function describeFluxComponents(units: readonly UnitDiff[]): Finding[] {
  const findings: Finding[] = [];
  for (const cluster of new Set(units.map((unit) => unit.cluster))) {
    const own = units.filter((unit) => unit.cluster === cluster);
    const find = (side: 'before' | 'after') => {
      for (const unit of own) {
        for (const object of unit[side].values()) {
          const instance = object.id.kind === 'FluxInstance' ? readFluxInstance(object.body) : undefined;
          if (instance) return { unit: unit.unit, object, instance };
        }
      }
      return undefined;
    };
    const before = find('before');
    const after = find('after');
    const acting = after ?? before;
    if (!acting) continue;
    findings.push(
      ...describeMissingComponents({
        units: own,
        instance: {
          ...(before ? { before: before.instance } : {}),
          ...(after ? { after: after.instance } : {}),
          unit: acting.unit,
          object: { ...acting.object.id, apiVersion: acting.object.apiVersion },
          ...(acting.object.provenance ? { provenance: acting.object.provenance } : {}),
        },
      }),
    );
  }
  return findings;
}
