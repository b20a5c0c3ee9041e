/**
 * Flux rules at the level of a Kustomization: who owns a unit before and after, the opt-outs
 * Flux reads from the live object, what a Kustomization that leaves the source deletes with
 * its inventory, and spec changes that make Flux recreate what it applied.
 */
import { deletesInventoryOnDeletion, isFluxKustomization, isHelmRelease, type FluxKustomization } from '../objects/flux-objects.ts';
import { Rules, type Finding, type ObjectRef } from './findings.ts';
import { formatObjectRef, getMetadata, isRecord, type KubeObject, type ResourceObject } from '../objects/kube-objects.ts';
import type { UnitDiff } from './removal-rules.ts';
import { findOperatorPruneOptOut } from '../resourceset/resourceset-model.ts';

/** The Flux side of a unit: the Kustomization that owns its objects, before and after. */
export interface FluxOwner {
  /** The Kustomization before the change; undefined when it is new. */
  readonly before?: FluxKustomization;
  /** The Kustomization after the change; undefined when it is gone. */
  readonly after?: FluxKustomization;
  /** Key of the Kustomization whose render held it before (undefined: an entry point). */
  readonly parentBefore?: string;
  /** Key of the Kustomization whose render holds it after. */
  readonly parentAfter?: string;
  /** The file that declared it, when it was an entry point before. */
  readonly declaredInBefore?: string;
  /** Why it was not rendered before / after (another source, unresolved variables). */
  readonly skippedBefore?: string;
  readonly skippedAfter?: string;
  /** Why its build failed before / after the change (then it is also skipped). */
  readonly failedBefore?: string;
  readonly failedAfter?: string;
  /** Post-build variables with no value after the change. */
  readonly missingVariables: readonly string[];
}

/** Labels and annotations that keep Flux from deleting an object (values compared case-insensitively). */
export const PRUNE_OPT_OUTS: Readonly<Record<string, string>> = {
  'kustomize.toolkit.fluxcd.io/prune': 'disabled',
  'kustomize.toolkit.fluxcd.io/reconcile': 'disabled',
  'kustomize.toolkit.fluxcd.io/ssa': 'ignore',
};

/** What the Flux rules look things up in, built once per report. */
export interface FluxRuleContext {
  readonly units: ReadonlyMap<string, UnitDiff>;
  readonly owners: ReadonlyMap<string, FluxOwner>;
  /** Units whose after render has a custom resource the API server rejects. */
  readonly failingApply: ReadonlySet<string>;
  /** Units of ResourceSets whose garbage collection (or finalizer) deletes what leaves them. */
  readonly resourceSetsDeleting: ReadonlySet<string>;
  /** Added objects by identity key, with their unit, in unit order: where a removal may have moved to. */
  readonly addedByKey: ReadonlyMap<string, ReadonlyArray<{ readonly unit: string; readonly object: ResourceObject }>>;
}

/** Returns the opt-out `key: value` an object carries, if any. */
export function findPruneOptOut(body: KubeObject): string | undefined {
  const metadata = getMetadata(body);
  for (const field of ['labels', 'annotations'] as const) {
    const values = metadata[field];
    if (!isRecord(values)) continue;
    for (const [key, expected] of Object.entries(PRUNE_OPT_OUTS)) {
      const value = values[key];
      if (typeof value === 'string' && value.toLowerCase() === expected) return `${key}: ${value}`;
    }
  }
  return undefined;
}

/** The opt-out that keeps `owner` from deleting an object: the Flux Operator's own for a ResourceSet, Flux's for a Kustomization. */
function findOptOutOf(owner: string, object: ResourceObject, context: FluxRuleContext): string | undefined {
  return context.units.get(owner)?.resourceSet ? findOperatorPruneOptOut(object.body) : findPruneOptOut(object.body);
}

/** The Kustomization object as its parent rendered it before: what the change removed. */
function findRemovedKustomizationObject(parent: string, ks: FluxKustomization, context: FluxRuleContext): ResourceObject | undefined {
  return context.units
    .get(parent)
    ?.diff.removed.find((candidate) => isFluxKustomization(candidate.body) && candidate.id.namespace === ks.namespace && candidate.id.name === ks.name);
}

/**
 * True when a Kustomization that leaves the source is deleted from the cluster and its
 * finalizer deletes what it applied: its parent must prune it (a parent that is itself
 * removed must delete its own inventory), no opt-out may protect it, and its own
 * deletion policy must delete.
 */
export function isDeletedWithItsInventory(unitName: string, context: FluxRuleContext, visiting: Set<string>): boolean {
  const owner = context.owners.get(unitName);
  const ks = owner?.before;
  if (!owner || !ks || owner.after || !owner.parentBefore || visiting.has(unitName)) return false;
  visiting.add(unitName);
  const parent = context.owners.get(owner.parentBefore);
  const declared = findRemovedKustomizationObject(owner.parentBefore, ks, context);
  if (declared && findOptOutOf(owner.parentBefore, declared, context)) return false;
  const parentDeletes = parent?.after ? parent.after.prune : context.resourceSetsDeleting.has(owner.parentBefore) || isDeletedWithItsInventory(owner.parentBefore, context, visiting);
  return parentDeletes && deletesInventoryOnDeletion(ks);
}

/** A Kustomization gone from the source: what its deletion takes with it. */
export function describeRemovedKustomization(unitName: string, context: FluxRuleContext): Finding | undefined {
  const owner = context.owners.get(unitName);
  const ks = owner?.before;
  if (!owner || !ks) return undefined;
  const unit = context.units.get(unitName);
  const object: ObjectRef = { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion };
  const ref = `Kustomization/${ks.key}`;
  // The Kustomization object itself, as its parent rendered it: that file is what the change removed.
  const declared = owner.parentBefore ? findRemovedKustomizationObject(owner.parentBefore, ks, context) : undefined;
  const base = { unit: unitName, object, ...(declared?.provenance ? { provenance: declared.provenance } : {}) };
  const renamedTo = [...context.owners.entries()].find(([name, other]) => name !== unitName && !other.before && other.after?.path === ks.path)?.[0];
  const rename = renamedTo ? ` It comes back as ${renamedTo}, which applies everything again, empty.` : '';

  if (owner.parentBefore) {
    const parent = context.owners.get(owner.parentBefore);
    // The Kustomization object keeps running in the cluster: nothing changes there.
    if (parent?.after && !parent.after.prune) {
      return { ...base, rule: Rules.kustomizationRemoved, severity: 'notice', message: `${ref} leaves the render of ${owner.parentBefore}, which has prune: false: Flux leaves it in the cluster, where it goes on applying its path` };
    }
    const optOut = declared ? findOptOutOf(owner.parentBefore, declared, context) : undefined;
    if (optOut) {
      return { ...base, rule: Rules.pruneProtected, severity: 'notice', message: `${ref} leaves the render of ${owner.parentBefore}, but Flux keeps it in the cluster (${optOut}), with everything it applied` };
    }
    if (!parent?.after && !context.resourceSetsDeleting.has(owner.parentBefore) && !isDeletedWithItsInventory(owner.parentBefore, context, new Set([unitName]))) {
      return { ...base, rule: Rules.kustomizationRemoved, severity: 'notice', message: `${ref} goes with ${owner.parentBefore}, which is removed without deleting what it applied: it stays in the cluster, with everything it applied` };
    }
  } else {
    const where = owner.declaredInBefore ? ` (declared in ${owner.declaredInBefore})` : '';
    return { ...base, rule: Rules.kustomizationRemoved, severity: 'notice', message: `${ref}${where} is not applied by any Kustomization in this source, so removing it deletes nothing in the cluster; deleting it there by hand deletes what it applied when its deletionPolicy says so` };
  }

  if (ks.suspend) {
    return { ...base, rule: Rules.kustomizationRemoved, severity: 'notice', message: `${ref} is deleted, but it is suspended: Flux deletes nothing it applied` };
  }
  if (!deletesInventoryOnDeletion(ks)) {
    const why = ks.deletionPolicy === 'Orphan' ? 'deletionPolicy: Orphan' : 'prune: false';
    return { ...base, rule: Rules.kustomizationRemoved, severity: 'notice', message: `${ref} is deleted; with ${why}, Flux leaves everything it applied in the cluster, unmanaged` };
  }
  if (owner.skippedBefore) {
    return { ...base, rule: Rules.kustomizationRemoved, severity: 'warning', message: `${ref} is deleted and Flux deletes everything it applied, which prune-guard cannot list: ${owner.skippedBefore}` };
  }

  const inventory = [...(unit?.before.values() ?? [])].filter((candidate) => !findPruneOptOut(candidate.body));
  const crds = inventory.filter((candidate) => candidate.id.kind === 'CustomResourceDefinition');
  const namespaces = inventory.filter((candidate) => candidate.id.group === '' && candidate.id.kind === 'Namespace');
  const refs = inventory.map((candidate) => formatObjectRef(candidate.id)).sort();
  const severe = [...crds, ...namespaces].map((candidate) => formatObjectRef(candidate.id)).sort();
  const counts = `${inventory.length} ${inventory.length === 1 ? 'object' : 'objects'}`;
  const policy = ks.deletionPolicy === 'MirrorPrune' ? 'prune: true' : `deletionPolicy: ${ks.deletionPolicy}`;
  return {
    ...base,
    rule: Rules.kustomizationRemoved,
    severity: severe.length > 0 ? 'error' : 'warning',
    cascade: refs,
    message:
      `${ref} is pruned, and with ${policy} its finalizer deletes everything it applied: ${counts}` +
      (severe.length > 0
        ? `, including ${severe.slice(0, 5).join(', ')}${severe.length > 5 ? ` and ${severe.length - 5} more` : ''}, and with them ${describeCascadeScope(crds.length, namespaces.length)}`
        : '') +
      `.${describeUninstalls(inventory)}${rename}`,
  };
}

/** How many HelmReleases a message names before it counts the rest. */
const NAMED_RELEASES = 5;

/** ` helm-controller uninstalls HelmRelease/a/b, ...: everything each installed goes too.` for the releases among `objects`. */
function describeUninstalls(objects: readonly ResourceObject[]): string {
  const releases = objects.filter((object) => isHelmRelease(object.body)).map((object) => formatObjectRef(object.id)).sort();
  if (releases.length === 0) return '';
  const more = releases.length > NAMED_RELEASES ? ` and ${releases.length - NAMED_RELEASES} more` : '';
  return ` helm-controller uninstalls ${releases.slice(0, NAMED_RELEASES).join(', ')}${more}: everything ${releases.length === 1 ? 'it' : 'each'} installed goes too.`;
}

/** Names what a deleted CRD or Namespace takes along, in the Kustomization-removed message. */
function describeCascadeScope(crds: number, namespaces: number): string {
  const parts = [
    crds > 0 ? `every custom resource of ${crds === 1 ? 'that CRD' : 'those CRDs'}` : '',
    namespaces > 0 ? `everything in ${namespaces === 1 ? 'that Namespace' : 'those Namespaces'}` : '',
  ].filter(Boolean);
  return parts.join(' and ');
}

/** Kustomizations not rendered, missing variables, and spec changes that recreate objects. */
export function describeKustomizationChanges(context: FluxRuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const [unit, owner] of context.owners) {
    const ks = owner.after ?? owner.before;
    if (!ks) continue;
    const object: ObjectRef = { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion };
    if (owner.after && owner.failedAfter) {
      findings.push({
        rule: Rules.buildFailed,
        severity: 'error',
        unit,
        object,
        message: `Kustomization/${ks.key} does not build after this change: Flux fails to reconcile it, and nothing in it is judged here: ${owner.failedAfter}`,
      });
    } else if (owner.after && owner.skippedAfter) {
      findings.push({ rule: Rules.kustomizationNotRendered, severity: 'notice', unit, object, message: `Kustomization/${ks.key} is not rendered: ${owner.skippedAfter}` });
    }
    if (owner.after && owner.failedBefore && !owner.failedAfter) {
      findings.push({
        rule: Rules.buildFailed,
        severity: 'notice',
        unit,
        object,
        message: `Kustomization/${ks.key} does not build before this change, which fixes it; nothing in it is judged here: ${owner.failedBefore}`,
      });
    }
    if (owner.missingVariables.length > 0) {
      findings.push({
        rule: Rules.variableMissing,
        severity: 'notice',
        unit,
        object,
        message: `Kustomization/${ks.key} uses ${owner.missingVariables.map((name) => `\${${name}}`).join(', ')} with no value and no default; Flux fails the build unless the cluster provides it (set it under substitute in .prune-guard.yaml)`,
      });
    }
    const { before, after } = owner;
    if (!before || !after) continue;
    const fields = (['path', 'targetNamespace', 'namePrefix', 'nameSuffix'] as const).filter((field) => (before[field] ?? '') !== (after[field] ?? ''));
    const changes = fields
      .map((field) => `${field} ${JSON.stringify(before[field] ?? '')} -> ${JSON.stringify(after[field] ?? '')}`);
    if (changes.length === 0) continue;
    const diff = context.units.get(unit)?.diff;
    // A path change that renders the same objects (a move onto another source) creates and prunes nothing.
    if (!diff || (diff.added.length === 0 && diff.removed.length === 0)) continue;
    findings.push({
      rule: Rules.kustomizationSpecChanged,
      severity: 'notice',
      unit,
      object,
      // Only a namespace, prefix or suffix gives the same objects new identities; a path just renders other objects.
      message: `Kustomization/${ks.key} changes ${changes.join(', ')}: Flux creates ${diff.added.length} and then prunes ${diff.removed.length} objects${
        fields.some((field) => field !== 'path') ? ', a delete and recreate for each that only changes identity' : ' that are new or gone there; what it renders on both paths is updated in place'
      }`,
    });
  }
  return findings;
}
