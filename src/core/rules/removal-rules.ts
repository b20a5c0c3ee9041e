/**
 * The rules: from per-unit diffs to findings. Until the Flux model decides otherwise,
 * every removal is taken to be pruned.
 */
import type { SetDiff } from '../diff/diff-object-sets.ts';
import { Rules, compareFindings, type Finding, type ObjectRef, type RuleId, type Severity } from './findings.ts';
import { formatObjectRef, readCrdNames, type ObjectSet, type ResourceObject } from '../objects/kube-objects.ts';
import { formatGroupKind } from '../objects/scope.ts';
import { describeVolumeFate, indexStorage, type StorageIndex } from './reclaim-policy.ts';

/** One unit (a kustomization root, later a Flux Kustomization): its object sets and their diff. */
export interface UnitDiff {
  /** The unit's name, e.g. the root's path. */
  readonly unit: string;
  /** The cluster it belongs to (Flux mode, several clusters): rules look across one cluster's units only. */
  readonly cluster?: string;
  /** Its objects before the change (empty when it did not exist). */
  readonly before: ObjectSet;
  /** Its objects after the change (empty when it no longer exists). */
  readonly after: ObjectSet;
  /** The diff of the two. */
  readonly diff: SetDiff;
  /** For a Helm release's unit: the HelmRelease behind it. */
  readonly helm?: ReleaseOrigin;
  /** For a ResourceSet's unit: the ResourceSet behind it. */
  readonly resourceSet?: ResourceSetOrigin;
  /** Why it was not rendered, when it was not. */
  readonly skipped?: string;
}

/** The HelmRelease behind a release's unit (Flux mode, with helm). */
export interface ReleaseOrigin {
  /** The unit whose render holds the HelmRelease. */
  readonly parent: string;
  /** `namespace/name` of the HelmRelease. */
  readonly release: string;
  /** What helm-controller does with it. */
  readonly action: 'upgrade' | 'install' | 'uninstall';
  /** The chart's own name (Chart.yaml) on each side it was rendered on: a change of it reinstalls. */
  readonly chart?: { readonly before?: string; readonly after?: string };
  /** The value the release's chart (before the change) offers for `helm.sh/resource-policy: keep`. */
  readonly keepValue?: string;
}

/** The ResourceSet behind a unit: what the Flux Operator generates from it. */
export interface ResourceSetOrigin {
  /** The unit whose render holds the ResourceSet (after the change; before, when it is gone). */
  readonly parent: string;
  /** `namespace/name` of the ResourceSet. */
  readonly set: string;
  /** What the operator does: applies what it generates (and garbage-collects the rest), creates it, or deletes its inventory (the ResourceSet is gone). */
  readonly action: 'apply' | 'create' | 'delete';
}

/** Everything the rules look at. */
export interface RuleInput {
  /** Every unit of the change. */
  readonly units: readonly UnitDiff[];
}

interface OwnedObject {
  readonly unit: string;
  readonly object: ResourceObject;
}

interface RemovalClass {
  readonly rule: RuleId;
  readonly severity: Severity;
}

/**
 * Severity of a removal by group/kind (`Kind` for the core group, `Kind.group` otherwise).
 * Kinds not listed fall back to {@link CLUSTER_SCOPED_REMOVAL} or {@link NAMESPACED_REMOVAL}.
 */
export const REMOVAL_SEVERITY: Readonly<Record<string, RemovalClass>> = {
  'CustomResourceDefinition.apiextensions.k8s.io': { rule: Rules.crdRemoved, severity: 'error' },
  Namespace: { rule: Rules.namespaceRemoved, severity: 'error' },
  PersistentVolumeClaim: { rule: Rules.dataRemoved, severity: 'warning' },
  PersistentVolume: { rule: Rules.dataRemoved, severity: 'warning' },
  'StatefulSet.apps': { rule: Rules.dataRemoved, severity: 'warning' },
};

/** Any other cluster-scoped kind: RBAC, webhooks, APIService, StorageClass, PriorityClass, IngressClass... */
export const CLUSTER_SCOPED_REMOVAL: RemovalClass = { rule: Rules.clusterScopedRemoved, severity: 'warning' };

/** Any other namespaced kind. */
export const NAMESPACED_REMOVAL: RemovalClass = { rule: Rules.objectRemoved, severity: 'notice' };

/** Every rule a removal can be reported under: the severity table's, and a group change's. */
export const REMOVAL_RULE_IDS: ReadonlySet<RuleId> = new Set([
  ...[...Object.values(REMOVAL_SEVERITY), CLUSTER_SCOPED_REMOVAL, NAMESPACED_REMOVAL].map((removal) => removal.rule),
  Rules.apiGroupChanged,
]);

/** How many cascade entries a message names before it says "and N more". */
const MESSAGE_LIST_LIMIT = 5;

/** Returns the rule and severity that a removal of this object gets. */
export function classifyRemoval(object: Pick<ResourceObject, 'id' | 'scope'>): RemovalClass {
  return (
    REMOVAL_SEVERITY[formatGroupKind(object.id)] ??
    (object.scope === 'cluster' ? CLUSTER_SCOPED_REMOVAL : NAMESPACED_REMOVAL)
  );
}

/** Returns the findings of a change, sorted most serious first. */
export function evaluateRules(input: RuleInput): Finding[] {
  const context = createContext(input);
  const findings: Finding[] = [];
  for (const { unit, diff } of input.units) {
    const regrouped = pairGroupChanges(diff);
    for (const object of diff.removed) {
      const successor = regrouped.get(object);
      findings.push(successor ? describeGroupChange(unit, object, successor) : describeRemoval(unit, object, context));
    }
  }
  findings.push(...findMissingCrds(context));
  return findings.sort(compareFindings);
}

interface RuleContext {
  /** Every object of every unit before the change: cascades reach across units. */
  readonly before: readonly OwnedObject[];
  /** Every object of every unit after the change. */
  readonly after: readonly OwnedObject[];
  /** CRDs by the `Kind.group` they define, before and after. */
  readonly crdsBefore: Map<string, ResourceObject>;
  readonly crdsAfter: Map<string, ResourceObject>;
  /** Rendered volumes and classes: what decides whether a pruned volume keeps its data. */
  readonly storage: StorageIndex;
}

function createContext(input: RuleInput): RuleContext {
  const collect = (side: 'before' | 'after'): OwnedObject[] =>
    input.units.flatMap((unit) => [...unit[side].values()].map((object) => ({ unit: unit.unit, object })));
  const index = (objects: readonly OwnedObject[]): Map<string, ResourceObject> => {
    const crds = new Map<string, ResourceObject>();
    for (const { object } of objects) {
      const names = readCrdNames(object.body);
      if (names) crds.set(formatGroupKind(names), object);
    }
    return crds;
  };
  const before = collect('before');
  const after = collect('after');
  const storage = indexStorage(
    before.map(({ object }) => object),
    after.map(({ object }) => object),
  );
  return { before, after, crdsBefore: index(before), crdsAfter: index(after), storage };
}

function toRef(object: ResourceObject): ObjectRef {
  return { ...object.id, apiVersion: object.apiVersion };
}

function describeRemoval(unit: string, object: ResourceObject, context: RuleContext): Finding {
  const { rule, severity } = classifyRemoval(object);
  const base = { rule, severity, unit, object: toRef(object), ...(object.provenance ? { provenance: object.provenance } : {}) };
  const ref = formatObjectRef(object.id);
  switch (rule) {
    case Rules.crdRemoved: {
      const names = readCrdNames(object.body);
      const kind = names ? names.kind : 'custom resource';
      const cascade = names
        ? context.before.filter(({ object: other }) => other.id.group === names.group && other.id.kind === names.kind)
        : [];
      const refs = uniqueSorted(cascade.map(({ object: other }) => formatObjectRef(other.id)));
      const which =
        refs.length > 0
          ? `, including ${listRefs(refs)}`
          : ' (none is in the rendered manifests; any made in the cluster are lost)';
      return { ...base, cascade: refs, message: `${ref} is pruned: the API server deletes every ${kind} with it${which}` };
    }
    case Rules.namespaceRemoved: {
      const refs = uniqueSorted(
        context.before
          .filter(({ object: other }) => other.id.namespace === object.id.name)
          .map(({ object: other }) => formatObjectRef(other.id)),
      );
      const which = refs.length > 0 ? `, including ${listRefs(refs)}` : ' (nothing else rendered lives in it)';
      return { ...base, cascade: refs, message: `${ref} is pruned: the API server deletes everything in it${which}` };
    }
    case Rules.dataRemoved:
      if (object.id.kind === 'StatefulSet') {
        return { ...base, message: `${ref} is pruned: its pods are deleted, and its volume claims with them when its retention policy says Delete` };
      }
      // The rendered reclaim policy decides: Retain keeps the data, and is only a notice.
      return { ...base, ...describeVolumeFate(object, context.storage) };
    case Rules.clusterScopedRemoved:
      return { ...base, message: `${ref} is pruned (cluster-scoped)` };
    default:
      return { ...base, message: `${ref} is pruned` };
  }
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function listRefs(refs: readonly string[]): string {
  if (refs.length <= MESSAGE_LIST_LIMIT) return refs.join(', ');
  return `${refs.slice(0, MESSAGE_LIST_LIMIT).join(', ')} and ${refs.length - MESSAGE_LIST_LIMIT} more`;
}

/**
 * An object removed under one API group and added under another with the same kind,
 * namespace and name: Flux applies the new one, then prunes the old identity.
 */
function pairGroupChanges(diff: SetDiff): Map<ResourceObject, ResourceObject> {
  const addedByName = new Map<string, ResourceObject[]>();
  for (const object of diff.added) {
    const key = `${object.id.kind}/${object.id.namespace}/${object.id.name}`;
    addedByName.set(key, [...(addedByName.get(key) ?? []), object]);
  }
  const pairs = new Map<ResourceObject, ResourceObject>();
  for (const object of diff.removed) {
    const candidates = addedByName.get(`${object.id.kind}/${object.id.namespace}/${object.id.name}`) ?? [];
    const successor = candidates.find((candidate) => candidate.id.group !== object.id.group);
    if (successor) pairs.set(object, successor);
  }
  return pairs;
}

function describeGroupChange(unit: string, object: ResourceObject, successor: ResourceObject): Finding {
  const removal = classifyRemoval(object);
  const from = object.id.group || 'core';
  const to = successor.id.group || 'core';
  return {
    rule: Rules.apiGroupChanged,
    // A group change never makes a removal less serious than the removal itself.
    severity: removal.severity === 'error' ? 'error' : 'warning',
    unit,
    object: toRef(object),
    ...(object.provenance ? { provenance: object.provenance } : {}),
    message: `${formatObjectRef(object.id)} moves from API group ${from} to ${to}: Flux applies the new object, then prunes the old identity, so it is deleted and recreated`,
  };
}

/**
 * Custom resources rendered after the change whose CRD this change prunes, or whose API
 * group lost CRDs in this change while no CRD for their own kind is rendered.
 */
function findMissingCrds(context: RuleContext): Finding[] {
  const { crdsBefore, crdsAfter } = context;
  const removedCrds = new Map<string, ResourceObject>();
  const groupsLosingCrds = new Set<string>();
  for (const [groupKind, crd] of crdsBefore) {
    if (crdsAfter.has(groupKind)) continue;
    removedCrds.set(groupKind, crd);
    const names = readCrdNames(crd.body);
    if (names) groupsLosingCrds.add(names.group);
  }
  if (removedCrds.size === 0) return [];

  const findings: Finding[] = [];
  for (const { unit, object } of context.after) {
    const groupKind = formatGroupKind(object.id);
    if (crdsAfter.has(groupKind)) continue;
    const removedCrd = removedCrds.get(groupKind);
    const ref = formatObjectRef(object.id);
    let message: string;
    if (removedCrd) {
      message = `${ref} is still rendered, but this change prunes its CustomResourceDefinition ${removedCrd.id.name}: the API server deletes it, and applying it fails`;
    } else if (groupsLosingCrds.has(object.id.group)) {
      message = `${ref} has no CustomResourceDefinition in the render, and this change prunes the CRDs of its API group ${object.id.group}: applying it fails`;
    } else {
      continue;
    }
    findings.push({
      rule: Rules.crdMissing,
      severity: 'error',
      unit,
      object: toRef(object),
      ...(object.provenance ? { provenance: object.provenance } : {}),
      message,
    });
  }
  return findings;
}
