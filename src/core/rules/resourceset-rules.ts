/**
 * What the Flux Operator's garbage collection does with what a ResourceSet generates: an
 * object its templates stop generating is deleted unless it carries
 * `fluxcd.controlplane.io/prune: disabled` (Flux's own opt-outs mean nothing to it); a
 * ResourceSet deleted from the cluster deletes its whole inventory through its finalizer; an
 * object that moves to another owner races the old owner's deletion.
 */
import { isHelmRelease } from '../objects/flux-objects.ts';
import { formatObjectRef, type ResourceObject } from '../objects/kube-objects.ts';
import { FLUX_OPERATOR_GROUP, findOperatorPruneOptOut } from '../resourceset/resourceset-model.ts';
import { Rules, type Finding, type Severity } from './findings.ts';
import type { UnitDiff } from './removal-rules.ts';

/** Kinds whose loss with a deleted ResourceSet cannot be undone: their contents go with them. */
const UNRECOVERABLE_KINDS = new Set(['CustomResourceDefinition', 'Namespace', 'PersistentVolumeClaim']);

/** How many objects a message names before it counts the rest. */
const NAMED = 5;

/** What happens to a ResourceSet the change removes from its Kustomization's render. */
export interface ResourceSetFate {
  /** True when the ResourceSet is deleted from the cluster (and its finalizer deletes its inventory). */
  readonly deleted: boolean;
  /** Why it stays, when it does. */
  readonly why?: string;
}

/** What deciding a ResourceSet's fate needs from the Flux rules. */
export interface FateLookup {
  /** Whether the unit `name` deletes `object` leaving its render: a Kustomization that prunes it (or is deleted with its inventory), or a ResourceSet; a reason when it does not. */
  readonly deletesLeaving: (name: string, object: ResourceObject) => { readonly deletes: boolean; readonly why?: string };
}

/** The ResourceSet object as its host rendered it before: what the change removed. */
function findRemovedSetObject(units: ReadonlyMap<string, UnitDiff>, unit: UnitDiff): ResourceObject | undefined {
  const origin = unit.resourceSet;
  if (!origin) return undefined;
  const [namespace, name] = origin.set.split('/');
  return units.get(origin.parent)?.diff.removed.find((object) => object.id.kind === 'ResourceSet' && object.id.group === FLUX_OPERATOR_GROUP && object.id.namespace === namespace && object.id.name === name);
}

/** Decides whether a ResourceSet that is gone after the change is deleted from the cluster. */
export function decideResourceSetFate(unit: UnitDiff, units: ReadonlyMap<string, UnitDiff>, lookup: FateLookup): ResourceSetFate {
  const removed = findRemovedSetObject(units, unit);
  if (!removed || !unit.resourceSet) return { deleted: false, why: 'no Kustomization of this source deletes it' };
  const verdict = lookup.deletesLeaving(unit.resourceSet.parent, removed);
  return verdict.deletes ? { deleted: true } : { deleted: false, ...(verdict.why !== undefined ? { why: verdict.why } : {}) };
}

/** True for a ResourceSet object. */
export function isResourceSetObject(object: Pick<ResourceObject, 'id'>): boolean {
  return object.id.kind === 'ResourceSet' && object.id.group === FLUX_OPERATOR_GROUP;
}

/**
 * A ResourceSet deleted with its inventory: one finding naming what goes (an error when a
 * CRD, Namespace or PVC is among it), and what comes back under another ResourceSet.
 */
export function describeRemovedResourceSet(unit: UnitDiff, units: readonly UnitDiff[]): Finding {
  const origin = unit.resourceSet as NonNullable<UnitDiff['resourceSet']>;
  const [namespace = '', name = ''] = origin.set.split('/');
  const ref = `ResourceSet/${origin.set}`;
  const inventory = [...unit.before.values()].filter((object) => !findOperatorPruneOptOut(object.body));
  const refs = inventory.map((object) => formatObjectRef(object.id)).sort();
  const severe = inventory.filter((object) => UNRECOVERABLE_KINDS.has(object.id.kind)).map((object) => formatObjectRef(object.id)).sort();
  // Another ResourceSet that now generates the same objects: a rename, or a move of them.
  const keys = new Set(inventory.map((object) => object.key));
  const heirs = units.filter((other) => other.unit !== unit.unit && other.resourceSet !== undefined && other.resourceSet.action !== 'delete' && other.diff.added.some((object) => keys.has(object.key)));
  const heir = heirs.map((other) => `ResourceSet/${other.resourceSet?.set ?? ''}`).sort()[0];
  const releases = inventory.filter((object) => isHelmRelease(object.body)).map((object) => formatObjectRef(object.id)).sort();
  const severity: Severity = severe.length > 0 ? 'error' : 'warning';
  const removedObject = [...units].find((other) => other.unit === origin.parent)?.diff.removed.find((object) => isResourceSetObject(object) && object.id.namespace === namespace && object.id.name === name);
  return {
    rule: Rules.resourceSetRemoved,
    severity,
    unit: unit.unit,
    object: { group: FLUX_OPERATOR_GROUP, kind: 'ResourceSet', namespace, name, apiVersion: removedObject?.apiVersion ?? `${FLUX_OPERATOR_GROUP}/v1` },
    ...(removedObject?.provenance ? { provenance: removedObject.provenance } : {}),
    cascade: refs,
    message:
      `${ref} is deleted from the cluster, and the Flux Operator's finalizer deletes everything it generated: ${inventory.length} ${inventory.length === 1 ? 'object' : 'objects'}` +
      (severe.length > 0 ? `, including ${severe.slice(0, NAMED).join(', ')}${severe.length > NAMED ? ` and ${severe.length - NAMED} more` : ''}` : '') +
      '.' +
      (releases.length > 0 ? ` helm-controller uninstalls ${releases.slice(0, NAMED).join(', ')}${releases.length > NAMED ? ` and ${releases.length - NAMED} more` : ''}: everything ${releases.length === 1 ? 'it' : 'each'} installed goes too.` : '') +
      (heir ? ` ${heir} generates them again, and whichever runs first wins: what the finalizer reaches before ${heir} takes it over is deleted and recreated empty. Safe: first add fluxcd.controlplane.io/prune: disabled to ${ref}'s spec.commonMetadata.annotations in its own change and let the operator apply it, then rename it` : ''),
  };
}

/**
 * A removal in a ResourceSet's unit, as the operator's garbage collection does it: protected
 * by its own opt-out, a move to another owner (a race, with the safe recipe), or a deletion.
 * `move` is the unit the object shows up in after the change, if any.
 */
export function rewriteResourceSetRemoval(finding: Finding, unit: UnitDiff, removed: ResourceObject | undefined, move: string | undefined, loss: string): Finding {
  const origin = unit.resourceSet as NonNullable<UnitDiff['resourceSet']>;
  const ref = formatObjectRef(finding.object);
  const set = `ResourceSet/${origin.set}`;
  const optOut = removed ? findOperatorPruneOptOut(removed.body) : undefined;
  if (optOut) {
    return { ...finding, rule: Rules.pruneProtected, severity: 'notice', cascade: [], message: `${ref} is no longer generated by ${set}, but the Flux Operator keeps it in the cluster (${optOut}); it is no longer managed` };
  }
  const deleter = origin.action === 'delete' ? `${set}'s finalizer` : `${set}'s garbage collection`;
  if (move !== undefined) {
    const severity: Severity = UNRECOVERABLE_KINDS.has(finding.object.kind) ? 'error' : 'warning';
    return {
      ...finding,
      rule: Rules.objectMoved,
      severity,
      message:
        `${ref} moves from ${set} to ${move}: whichever runs first wins, and if ${deleter} deletes it first, it is deleted and recreated empty${loss}. ` +
        `Safe: first add fluxcd.controlplane.io/prune: disabled to it in ${set} (in its template, or in spec.commonMetadata.annotations) in its own change and let the operator apply that, then move it`,
    };
  }
  // Flux's own opt-outs protect nothing here: the operator reads only its own.
  const fluxOptOut = removed && /kustomize\.toolkit\.fluxcd\.io\/(?:prune|reconcile)/.test(JSON.stringify(removed.body.metadata ?? {})) ? '; its kustomize.toolkit.fluxcd.io annotation means nothing to the Flux Operator' : '';
  const message = finding.message.startsWith(`${ref} is pruned`) ? `${ref} is deleted by ${deleter}${finding.message.slice(`${ref} is pruned`.length)}` : finding.message;
  return { ...finding, message: `${message}${fluxOptOut}` };
}
