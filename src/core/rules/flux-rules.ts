/**
 * What Flux's garbage collection really does with the removals the generic rules found:
 * per owning Kustomization, `spec.prune`, the opt-outs Flux reads from the live object,
 * moves between owners, Kustomizations that disappear with their whole inventory, and
 * HelmReleases whose removal or rename uninstalls a release.
 */
import {
  deletesInventoryOnDeletion,
  isFluxKustomization,
  isHelmRelease,
  readHelmReleaseIdentity,
  type FluxKustomization,
} from '../objects/flux-objects.ts';
import { Rules, type Finding, type ObjectRef, type RuleId, type Severity } from './findings.ts';
import { formatObjectKey, formatObjectRef, getMetadata, isRecord, readCrdNames, type KubeObject, type ResourceObject } from '../objects/kube-objects.ts';
import { REMOVAL_RULE_IDS, type UnitDiff } from './removal-rules.ts';

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
  /** Post-build variables with no value after the change. */
  readonly missingVariables: readonly string[];
}

/** Labels and annotations that keep Flux from deleting an object (values compared case-insensitively). */
export const PRUNE_OPT_OUTS: Readonly<Record<string, string>> = {
  'kustomize.toolkit.fluxcd.io/prune': 'disabled',
  'kustomize.toolkit.fluxcd.io/reconcile': 'disabled',
  'kustomize.toolkit.fluxcd.io/ssa': 'ignore',
};

/** Kinds whose loss in a move is unrecoverable: their contents go with them. */
const MOVE_ERROR_KINDS = new Set(['CustomResourceDefinition', 'Namespace', 'PersistentVolumeClaim']);

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

interface Context {
  readonly units: ReadonlyMap<string, UnitDiff>;
  readonly owners: ReadonlyMap<string, FluxOwner>;
  /** Units whose after render has a custom resource the API server rejects. */
  readonly failingApply: ReadonlySet<string>;
  /** Added objects by identity key, with their unit, in unit order: where a removal may have moved to. */
  readonly addedByKey: ReadonlyMap<string, ReadonlyArray<{ readonly unit: string; readonly object: ResourceObject }>>;
}

/**
 * Rewrites the generic findings with Flux's semantics and adds the Flux-level ones.
 * `owners` is keyed by unit name (`namespace/name` of the Kustomization).
 */
export function applyFluxSemantics(findings: readonly Finding[], units: readonly UnitDiff[], owners: ReadonlyMap<string, FluxOwner>): Finding[] {
  const context: Context = {
    units: new Map(units.map((unit) => [unit.unit, unit])),
    owners,
    failingApply: new Set(findings.filter((finding) => finding.rule === Rules.crdMissing).map((finding) => finding.unit)),
    addedByKey: indexAddedObjects(units),
  };
  const removedKustomizations = new Set<string>();
  for (const [unit, owner] of owners) if (owner.before && !owner.after) removedKustomizations.add(unit);

  const result: Finding[] = [];
  for (const finding of findings) {
    if (!REMOVAL_RULE_IDS.has(finding.rule)) {
      result.push(finding);
      continue;
    }
    // A Kustomization that goes takes its inventory with it: one finding says it all.
    if (removedKustomizations.has(finding.unit)) continue;
    if (finding.object.group === 'kustomize.toolkit.fluxcd.io' && finding.object.kind === 'Kustomization' && removedKustomizations.has(`${finding.object.namespace}/${finding.object.name}`)) continue;
    const rewritten = rewriteRemoval(finding, context);
    if (rewritten) result.push(rewritten);
  }
  for (const unit of removedKustomizations) {
    const finding = describeRemovedKustomization(unit, context);
    if (finding) result.push(finding);
  }
  result.push(...describeKustomizationChanges(context), ...describeReinstalledHelmReleases(units));
  return escalateReleasesInDeletedNamespaces(dropCrdMissingWhereCrdStays(result, units), context);
}

/**
 * Names of the objects of one kind Flux really deletes, read from the final findings: pruned
 * on their own (`rule`), or in the inventory of a Kustomization whose deletion deletes it.
 */
function collectDeleted(findings: readonly Finding[], rule: RuleId, kind: 'CustomResourceDefinition' | 'Namespace'): Set<string> {
  const deleted = new Set<string>();
  for (const finding of findings) {
    if (finding.rule === rule) deleted.add(finding.object.name);
    if (finding.rule === Rules.kustomizationRemoved) {
      for (const ref of finding.cascade ?? []) if (ref.startsWith(`${kind}/`)) deleted.add(ref.slice(kind.length + 1));
    }
  }
  return deleted;
}

/** A pruned HelmRelease whose namespace Flux deletes as well is an error, not a warning. */
function escalateReleasesInDeletedNamespaces(findings: readonly Finding[], context: Context): Finding[] {
  const deleted = collectDeleted(findings, Rules.namespaceRemoved, 'Namespace');
  return findings.map((finding) => {
    if (finding.rule !== Rules.helmReleaseRemoved) return finding;
    const removed = findRemovedObject(context.units.get(finding.unit), finding.object);
    const namespace = removed ? readHelmReleaseIdentity(removed.body).targetNamespace : undefined;
    if (!namespace || !deleted.has(namespace)) return finding;
    return { ...finding, severity: 'error', message: `${finding.message}; Namespace/${namespace} is pruned as well` };
  });
}

/**
 * The generic crd-missing rule sees a CRD leave the render. Under Flux it may stay in the
 * cluster (protected, orphaned, its Kustomization deleted without garbage collection):
 * then the custom resources still apply, and the finding goes.
 */
function dropCrdMissingWhereCrdStays(findings: readonly Finding[], units: readonly UnitDiff[]): Finding[] {
  const deleted = collectDeleted(findings, Rules.crdRemoved, 'CustomResourceDefinition');
  const crdsBefore = units.flatMap((unit) => [...unit.before.values()]).flatMap((object) => {
    const names = readCrdNames(object.body);
    return names ? [{ name: object.id.name, group: names.group, kind: names.kind }] : [];
  });
  return findings.filter((finding) => {
    if (finding.rule !== Rules.crdMissing) return true;
    const own = crdsBefore.filter((crd) => crd.group === finding.object.group && crd.kind === finding.object.kind);
    const relevant = own.length > 0 ? own : crdsBefore.filter((crd) => crd.group === finding.object.group);
    return relevant.some((crd) => deleted.has(crd.name));
  });
}


function findRemovedObject(unit: UnitDiff | undefined, ref: ObjectRef): ResourceObject | undefined {
  const key = formatObjectKey(ref);
  return unit?.diff.removed.find((object) => object.key === key);
}

/** Where the same identity shows up as added under another owner. */
function findMoveTarget(finding: Finding, context: Context): { unit: string; object: ResourceObject } | undefined {
  return context.addedByKey.get(formatObjectKey(finding.object))?.find((candidate) => candidate.unit !== finding.unit);
}

function indexAddedObjects(units: readonly UnitDiff[]): Map<string, Array<{ unit: string; object: ResourceObject }>> {
  const index = new Map<string, Array<{ unit: string; object: ResourceObject }>>();
  for (const unit of units) {
    for (const object of unit.diff.added) index.set(object.key, [...(index.get(object.key) ?? []), { unit: unit.unit, object }]);
  }
  return index;
}

function rewriteRemoval(finding: Finding, context: Context): Finding | undefined {
  const owner = context.owners.get(finding.unit);
  const unit = context.units.get(finding.unit);
  const removed = findRemovedObject(unit, finding.object);
  const ref = formatObjectRef(finding.object);
  const ks = owner?.after;

  // Flux reads the opt-out from the live object: what was applied before this change.
  const optOut = removed ? findPruneOptOut(removed.body) : undefined;
  if (optOut) {
    return {
      ...finding,
      rule: Rules.pruneProtected,
      severity: 'notice',
      message: `${ref} leaves the render of ${finding.unit}, but Flux keeps it in the cluster (${optOut}); it is no longer managed`,
      cascade: [],
    };
  }

  const move = findMoveTarget(finding, context);
  const addedOptOut = (move && findPruneOptOut(move.object.body)) ?? (ks ? findPruneOptOut({ metadata: { labels: ks.commonMetadata.labels, annotations: ks.commonMetadata.annotations } }) : undefined);
  const protectsNothing = addedOptOut
    ? `; the ${addedOptOut} added in this change protects nothing: Flux reads it from the object in the cluster, which never got it`
    : '';

  if (move && ks && !ks.prune) {
    return {
      ...finding,
      rule: Rules.objectMoved,
      severity: 'notice',
      message: `${ref} moves from ${finding.unit} to ${move.unit}; ${finding.unit} has prune: false, so it never deletes it and ${move.unit} takes it over`,
      cascade: [],
    };
  }
  if (move) {
    const newOwner = context.owners.get(move.unit);
    const ordered = owner?.after?.dependsOn.some((dependency) => `${dependency.namespace}/${dependency.name}` === move.unit) &&
      owner.after.sourceRef.name === newOwner?.after?.sourceRef.name && owner.after.sourceRef.namespace === newOwner?.after?.sourceRef.namespace;
    if (ordered) {
      return {
        ...finding,
        rule: Rules.objectMoved,
        severity: 'notice',
        message: `${ref} moves from ${finding.unit} to ${move.unit}; ${finding.unit} depends on ${move.unit}, so ${move.unit} takes it over before ${finding.unit} prunes`,
        cascade: [],
      };
    }
    const severity: Severity = MOVE_ERROR_KINDS.has(finding.object.kind) ? 'error' : 'warning';
    const loss = describeLossOnRecreate(finding);
    return {
      ...finding,
      rule: Rules.objectMoved,
      severity,
      message:
        `${ref} moves from ${finding.unit} to ${move.unit}: whichever reconciles first wins, and if ${finding.unit} prunes first, it is deleted and recreated empty${loss}${protectsNothing}. ` +
        `Safe: first mark it kustomize.toolkit.fluxcd.io/prune: disabled in its own change and let Flux apply that, then move it`,
    };
  }

  if (ks && !ks.prune) {
    return {
      ...finding,
      rule: Rules.objectOrphaned,
      severity: 'warning',
      message: `${ref} leaves the render of ${finding.unit}, which has prune: false: Flux leaves it in the cluster, unmanaged for good`,
      cascade: [],
    };
  }

  const applyNote = context.failingApply.has(finding.unit)
    ? `; the apply of ${finding.unit} fails first (see crd-missing), and the prune follows as soon as it succeeds`
    : '';
  if (removed && isHelmRelease(removed.body)) return describeRemovedHelmRelease(finding, removed, `${protectsNothing}${applyNote}`);
  return { ...finding, message: `${finding.message}${protectsNothing}${applyNote}` };
}

/** A pruned HelmRelease: helm-controller uninstalls the release and everything it installed. */
function describeRemovedHelmRelease(finding: Finding, removed: ResourceObject, note: string): Finding {
  const release = readHelmReleaseIdentity(removed.body);
  return {
    ...finding,
    rule: Rules.helmReleaseRemoved,
    severity: 'warning',
    message: `${formatObjectRef(finding.object)} is pruned: helm-controller uninstalls release ${release.releaseName}, deleting everything it installed in ${release.targetNamespace} (CRDs from its templates too)${note}`,
  };
}

/** What recreating an object loses, for the move message. */
function describeLossOnRecreate(finding: Finding): string {
  if (finding.object.kind === 'CustomResourceDefinition') {
    const cascade = finding.cascade ?? [];
    return cascade.length > 0 ? ` (every custom resource of it is lost: ${cascade.join(', ')})` : ' (every custom resource of it is lost)';
  }
  if (finding.object.kind === 'Namespace') return ' (with everything in it)';
  if (finding.object.kind === 'PersistentVolumeClaim') return ' (with its data, when the volume reclaim policy is Delete)';
  return '';
}

/** The Kustomization object as its parent rendered it before: what the change removed. */
function findRemovedKustomizationObject(parent: string, ks: FluxKustomization, context: Context): ResourceObject | undefined {
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
function isDeletedWithItsInventory(unitName: string, context: Context, visiting: Set<string>): boolean {
  const owner = context.owners.get(unitName);
  const ks = owner?.before;
  if (!owner || !ks || owner.after || !owner.parentBefore || visiting.has(unitName)) return false;
  visiting.add(unitName);
  const parent = context.owners.get(owner.parentBefore);
  const declared = findRemovedKustomizationObject(owner.parentBefore, ks, context);
  if (declared && findPruneOptOut(declared.body)) return false;
  const parentDeletes = parent?.after ? parent.after.prune : isDeletedWithItsInventory(owner.parentBefore, context, visiting);
  return parentDeletes && deletesInventoryOnDeletion(ks);
}

/** A Kustomization gone from the source: what its deletion takes with it. */
function describeRemovedKustomization(unitName: string, context: Context): Finding | undefined {
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
    const optOut = declared ? findPruneOptOut(declared.body) : undefined;
    if (optOut) {
      return { ...base, rule: Rules.pruneProtected, severity: 'notice', message: `${ref} leaves the render of ${owner.parentBefore}, but Flux keeps it in the cluster (${optOut}), with everything it applied` };
    }
    if (!parent?.after && !isDeletedWithItsInventory(owner.parentBefore, context, new Set([unitName]))) {
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
      `.${rename}`,
  };
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
function describeKustomizationChanges(context: Context): Finding[] {
  const findings: Finding[] = [];
  for (const [unit, owner] of context.owners) {
    const ks = owner.after ?? owner.before;
    if (!ks) continue;
    const object: ObjectRef = { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion };
    if (owner.after && owner.skippedAfter) {
      findings.push({ rule: Rules.kustomizationNotRendered, severity: 'notice', unit, object, message: `Kustomization/${ks.key} is not rendered: ${owner.skippedAfter}` });
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
    const changes = (['path', 'targetNamespace', 'namePrefix', 'nameSuffix'] as const)
      .filter((field) => (before[field] ?? '') !== (after[field] ?? ''))
      .map((field) => `${field} ${JSON.stringify(before[field] ?? '')} -> ${JSON.stringify(after[field] ?? '')}`);
    if (changes.length === 0) continue;
    const diff = context.units.get(unit)?.diff;
    findings.push({
      rule: Rules.kustomizationSpecChanged,
      severity: 'notice',
      unit,
      object,
      message: `Kustomization/${ks.key} changes ${changes.join(', ')}: Flux creates ${diff?.added.length ?? 0} and then prunes ${diff?.removed.length ?? 0} objects, a delete and recreate for each that only changes identity`,
    });
  }
  return findings;
}

/** HelmReleases changed in a way that uninstalls and reinstalls them. */
function describeReinstalledHelmReleases(units: readonly UnitDiff[]): Finding[] {
  const findings: Finding[] = [];
  for (const unit of units) {
    for (const change of unit.diff.changed) {
      if (!isHelmRelease(change.after.body)) continue;
      const old = readHelmReleaseIdentity(change.before.body);
      const current = readHelmReleaseIdentity(change.after.body);
      const changed = (['releaseName', 'targetNamespace', 'storageNamespace', 'chart'] as const)
        .filter((field) => old[field] !== current[field])
        .map((field) => `${field} ${old[field]} -> ${current[field]}`);
      if (changed.length === 0) continue;
      findings.push({
        rule: Rules.helmReleaseReinstalled,
        severity: 'warning',
        unit: unit.unit,
        object: { ...change.after.id, apiVersion: change.after.apiVersion },
        ...(change.after.provenance ? { provenance: change.after.provenance } : {}),
        message: `${formatObjectRef(change.after.id)} changes ${changed.join(', ')}: helm-controller uninstalls release ${old.releaseName} and installs it again, deleting everything the old release installed`,
      });
    }
  }
  return findings;
}
