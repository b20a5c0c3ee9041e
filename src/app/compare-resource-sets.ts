/**
 * Pairs the ResourceSets of both sides: each is a unit of its own, keyed by cluster and
 * `namespace/name` (one that moves to another Kustomization is the same ResourceSet), whose
 * objects are what the Flux Operator generates from it. A side that cannot be known (a
 * dynamic input provider, a template function prune-guard does not run, a Kustomization
 * not rendered) leaves the unit not judged, never empty.
 */
import { getApiGroup, type ManifestDoc } from '../core/objects/kube-objects.ts';
import { Rules, type Finding } from '../core/rules/findings.ts';
import type { ResourceSetOrigin } from '../core/rules/removal-rules.ts';
import type { ResourceSetUnit } from '../flux/resourceset-units.ts';
import type { UnitRenders } from './analyze-units.ts';

/** What the pairing gives the comparison. */
export interface ComparedResourceSets {
  /** One unit per ResourceSet on either side. */
  readonly units: readonly UnitRenders[];
  /** ResourceSets not rendered. */
  readonly findings: readonly Finding[];
  /** Each side's ResourceSets as hosts of what they generate (HelmReleases among them), named. */
  readonly hosts: { readonly before: readonly NamedResourceSet[]; readonly after: readonly NamedResourceSet[] };
  /** The unit name of each ResourceSet, by cluster and `namespace/name` (see {@link keyResourceSet}). */
  readonly names: ReadonlyMap<string, string>;
}

/** A ResourceSet with its unit's name. */
export interface NamedResourceSet extends ResourceSetUnit {
  readonly name: string;
}

/** What the pairing needs to know of the Kustomization units. */
export interface ResourceSetHosts {
  /** The report's name for a Kustomization of a cluster. */
  readonly nameHost: (cluster: string | undefined, host: string) => string;
  /** Why a Kustomization is not rendered on a side (its ResourceSets are unknown there), or undefined. */
  readonly hostSkipped: (side: 'before' | 'after', cluster: string | undefined, host: string) => string | undefined;
}

/** The key of a ResourceSet across sides: its cluster and `namespace/name`. */
export function keyResourceSet(cluster: string | undefined, set: string): string {
  return `${cluster ?? ''}\0${set}`;
}

/** Pairs the ResourceSets of both sides (see the module comment). */
export function compareResourceSets(before: readonly ResourceSetUnit[], after: readonly ResourceSetUnit[], hosts: ResourceSetHosts): ComparedResourceSets {
  const index = (sets: readonly ResourceSetUnit[]): Map<string, ResourceSetUnit> => new Map(sets.map((set) => [keyResourceSet(set.cluster, set.set), set]));
  const was = index(before);
  const is = index(after);
  const names = new Map<string, string>();
  for (const key of new Set([...was.keys(), ...is.keys()])) {
    const found = (is.get(key) ?? was.get(key)) as ResourceSetUnit;
    names.set(key, `${hosts.nameHost(found.cluster, found.host)} / ResourceSet ${found.set}`);
  }
  const units: UnitRenders[] = [];
  const findings: Finding[] = [];
  for (const [key, name] of [...names].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))) {
    const old = was.get(key);
    const current = is.get(key);
    const acting = (current ?? old) as ResourceSetUnit;
    const origin: ResourceSetOrigin = { parent: hosts.nameHost(acting.cluster, acting.host), set: acting.set, action: !old ? 'create' : !current ? 'delete' : 'apply' };
    const [namespace = ''] = acting.set.split('/');
    const base = { name, ...(acting.cluster !== undefined ? { cluster: acting.cluster } : {}), defaultNamespace: namespace, resourceSet: origin };
    // Missing on a side whose Kustomization was not rendered there: unknown, not created or deleted.
    const unknown = !old ? hosts.hostSkipped('before', acting.cluster, acting.host) : !current ? hosts.hostSkipped('after', acting.cluster, acting.host) : undefined;
    if (unknown !== undefined) {
      units.push({ ...base, before: undefined, after: undefined, skipped: `its Kustomization is not rendered ${!old ? 'before' : 'after'} the change: ${unknown}` });
      continue;
    }
    // The live ResourceSet decides: a paused one changes nothing, and its deletion deletes nothing.
    if (old?.disabled || (!old && current?.disabled)) {
      units.push({ ...base, before: undefined, after: undefined, skipped: 'it has fluxcd.controlplane.io/reconcile: disabled: the operator changes and deletes nothing it generated' });
      continue;
    }
    const problem = current?.problem ?? old?.problem;
    if (problem !== undefined) {
      const caused = old !== undefined && old.problem === undefined && current?.problem !== undefined;
      findings.push(describeNotRendered(name, acting, problem, caused));
      units.push({ ...base, before: undefined, after: undefined, skipped: problem });
      continue;
    }
    units.push({ ...base, before: old?.docs, after: current?.docs });
  }
  const named = (sets: readonly ResourceSetUnit[]): NamedResourceSet[] => sets.map((set) => ({ ...set, name: names.get(keyResourceSet(set.cluster, set.set)) as string }));
  return { units, findings, hosts: { before: named(before), after: named(after) }, names };
}

function describeNotRendered(unit: string, set: ResourceSetUnit, problem: string, causedByChange: boolean): Finding {
  const [namespace = '', name = ''] = set.set.split('/');
  return {
    rule: Rules.resourceSetNotRendered,
    severity: causedByChange ? 'warning' : 'notice',
    unit,
    object: { group: getApiGroup(String(set.body.apiVersion)), kind: 'ResourceSet', namespace, name, apiVersion: String(set.body.apiVersion) },
    ...(set.provenance ? { provenance: set.provenance } : {}),
    message: `ResourceSet/${set.set} is not rendered${causedByChange ? ' after the change' : ''}: ${problem}; what the Flux Operator generates from it, and what its garbage collection deletes, is not judged`,
  };
}

/** The docs a ResourceSet's unit hosts, for the HelmRelease comparison. */
export function listHostedDocs(set: ResourceSetUnit): readonly ManifestDoc[] {
  return set.problem === undefined && !set.disabled ? set.docs : [];
}
