/**
 * What Flux's garbage collection really does with the removals the generic rules found:
 * per owning Kustomization, `spec.prune`, the opt-outs Flux reads from the live object,
 * moves between owners, Kustomizations that disappear with their whole inventory (their
 * findings are kustomization-rules.ts), and HelmReleases whose removal or rename uninstalls
 * a release.
 */
import { isHelmRelease, readHelmReleaseIdentity } from '../objects/flux-objects.ts';
import { Rules, type Finding, type ObjectRef, type RuleId, type Severity } from './findings.ts';
import { formatObjectKey, formatObjectRef, isRecord, readCrdNames, type ResourceObject } from '../objects/kube-objects.ts';
import { REMOVAL_RULE_IDS, type UnitDiff } from './removal-rules.ts';
import { describeKustomizationChanges, describeRemovedKustomization, findPruneOptOut, isDeletedWithItsInventory, type FluxOwner, type FluxRuleContext } from './kustomization-rules.ts';
import { decideResourceSetFate, describeRemovedResourceSet, isResourceSetObject, rewriteResourceSetRemoval, type ResourceSetFate } from './resourceset-rules.ts';
import { findOperatorPruneOptOut } from '../resourceset/resourceset-model.ts';

/** Kinds whose loss in a move is unrecoverable: their contents go with them. */
const MOVE_ERROR_KINDS = new Set(['CustomResourceDefinition', 'Namespace', 'PersistentVolumeClaim']);

/**
 * Rewrites the generic findings with Flux's semantics and adds the Flux-level ones.
 * `owners` is keyed by unit name (`namespace/name` of the Kustomization).
 */
export function applyFluxSemantics(findings: readonly Finding[], units: readonly UnitDiff[], owners: ReadonlyMap<string, FluxOwner>): Finding[] {
  const byName = new Map(units.map((unit) => [unit.unit, unit]));
  const fates = decideResourceSetFates(units, byName, owners);
  const context: FluxRuleContext = {
    units: byName,
    owners,
    failingApply: new Set(findings.filter((finding) => finding.rule === Rules.crdMissing).map((finding) => finding.unit)),
    addedByKey: indexAddedObjects(units),
    resourceSetsDeleting: new Set(units.filter((unit) => unit.resourceSet && (unit.resourceSet.action !== 'delete' || fates.get(unit.unit)?.deleted)).map((unit) => unit.unit)),
  };
  const removedKustomizations = new Set<string>();
  for (const [unit, owner] of owners) if (owner.before && !owner.after) removedKustomizations.add(unit);
  // A ResourceSet that goes: one finding says what its finalizer deletes; moves are told apart.
  const deletedSets = new Set([...fates].filter(([, fate]) => fate.deleted).map(([name]) => name));
  const goneSets = new Set(units.filter((unit) => unit.resourceSet?.action === 'delete').map((unit) => unit.unit));
  const setObjectGoes = (finding: Finding): boolean =>
    isResourceSetObject({ id: finding.object }) && [...deletedSets].some((name) => byName.get(name)?.resourceSet?.set === `${finding.object.namespace}/${finding.object.name}`);

  const result: Finding[] = [];
  for (const finding of findings) {
    if (!REMOVAL_RULE_IDS.has(finding.rule)) {
      result.push(finding);
      continue;
    }
    // A Kustomization that goes takes its inventory with it: one finding says it all.
    if (removedKustomizations.has(finding.unit)) continue;
    // So does a ResourceSet deleted with its inventory, but for a move of what cannot come back
    // as it was (data, a CRD, a Namespace, a Flux object whose deletion deletes more); one that stays keeps everything.
    if (goneSets.has(finding.unit) && (!deletedSets.has(finding.unit) || !findMoveTarget(finding, context) || !isCostlyToRecreate(finding))) continue;
    if (setObjectGoes(finding)) continue;
    if (finding.object.group === 'kustomize.toolkit.fluxcd.io' && finding.object.kind === 'Kustomization' && isRemovedKustomization(finding, removedKustomizations, byName)) continue;
    const rewritten = rewriteRemoval(finding, context);
    if (rewritten) result.push(rewritten);
  }
  for (const unit of removedKustomizations) {
    const finding = describeRemovedKustomization(unit, context);
    if (finding) result.push(finding);
  }
  for (const name of deletedSets) result.push(describeRemovedResourceSet(byName.get(name) as UnitDiff, units));
  result.push(...describeKustomizationChanges(context), ...describeReinstalledHelmReleases(units));
  return escalateReleasesInDeletedNamespaces(dropCrdMissingWhereCrdStays(result, units), context);
}

/** True when a finding is about a Kustomization object whose own unit goes (named by cluster too when units are). */
function isRemovedKustomization(finding: Finding, removed: ReadonlySet<string>, units: ReadonlyMap<string, UnitDiff>): boolean {
  const key = `${finding.object.namespace}/${finding.object.name}`;
  const cluster = units.get(finding.unit)?.cluster;
  return removed.has(key) || (cluster !== undefined && removed.has(`${cluster}: ${key}`));
}

/**
 * Whether each ResourceSet the change removes is deleted from the cluster: the unit that
 * rendered it must delete what leaves its render (a Kustomization that prunes, or is deleted
 * with its inventory; a ResourceSet), and no opt-out may protect it.
 */
function decideResourceSetFates(units: readonly UnitDiff[], byName: ReadonlyMap<string, UnitDiff>, owners: ReadonlyMap<string, FluxOwner>): Map<string, ResourceSetFate> {
  const fates = new Map<string, ResourceSetFate>();
  const partial = { units: byName, owners, failingApply: new Set<string>(), addedByKey: new Map(), resourceSetsDeleting: new Set<string>() };
  const decide = (unit: UnitDiff, depth: number): ResourceSetFate => {
    const known = fates.get(unit.unit);
    if (known) return known;
    const fate = decideResourceSetFate(unit, byName, {
      deletesLeaving: (name, object) => {
        const owner = owners.get(name);
        if (owner) {
          const optOut = findPruneOptOut(object.body);
          if (optOut) return { deletes: false, why: optOut };
          if (owner.after) return owner.after.prune ? { deletes: true } : { deletes: false, why: `${name} has prune: false` };
          return isDeletedWithItsInventory(name, partial, new Set()) ? { deletes: true } : { deletes: false, why: `${name} is removed without deleting what it applied` };
        }
        const parent = byName.get(name);
        if (!parent?.resourceSet) return { deletes: false };
        const optOut = findOperatorPruneOptOut(object.body);
        if (optOut) return { deletes: false, why: optOut };
        return parent.resourceSet.action !== 'delete' || (depth < 10 && decide(parent, depth + 1).deleted) ? { deletes: true } : { deletes: false };
      },
    });
    fates.set(unit.unit, fate);
    return fate;
  };
  for (const unit of units) if (unit.resourceSet?.action === 'delete' && !unit.skipped) decide(unit, 0);
  return fates;
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
function escalateReleasesInDeletedNamespaces(findings: readonly Finding[], context: FluxRuleContext): Finding[] {
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
function findMoveTarget(finding: Finding, context: FluxRuleContext): { unit: string; object: ResourceObject } | undefined {
  return context.addedByKey.get(formatObjectKey(finding.object))?.find((candidate) => candidate.unit !== finding.unit);
}

function indexAddedObjects(units: readonly UnitDiff[]): Map<string, Array<{ unit: string; object: ResourceObject }>> {
  const index = new Map<string, Array<{ unit: string; object: ResourceObject }>>();
  for (const unit of units) {
    for (const object of unit.diff.added) index.set(object.key, [...(index.get(object.key) ?? []), { unit: unit.unit, object }]);
  }
  return index;
}

function rewriteRemoval(finding: Finding, context: FluxRuleContext): Finding | undefined {
  const owner = context.owners.get(finding.unit);
  const unit = context.units.get(finding.unit);
  const removed = findRemovedObject(unit, finding.object);
  const ref = formatObjectRef(finding.object);
  const ks = owner?.after;

  // Flux reads the opt-out from the live object: what was applied before this change. Helm
  // reads none of Flux's: a release's objects it keeps were left out of its render already.
  if (unit?.resourceSet) {
    const target = findMoveTarget(finding, context)?.unit;
    const targetSet = target !== undefined ? context.units.get(target)?.resourceSet : undefined;
    const rewritten = rewriteResourceSetRemoval(finding, unit, removed, targetSet ? `ResourceSet/${targetSet.set}` : target, describeLossOnRecreate(finding));
    // A HelmRelease the operator deletes is uninstalled, as one Flux prunes.
    if (rewritten.rule !== finding.rule || !removed || !isHelmRelease(removed.body)) return rewritten;
    const uninstall = describeRemovedHelmRelease(finding, removed, '', context);
    const ref = formatObjectRef(finding.object);
    const deleter = `ResourceSet/${unit.resourceSet.set}'s ${unit.resourceSet.action === 'delete' ? 'finalizer' : 'garbage collection'}`;
    return { ...uninstall, message: uninstall.message.replace(`${ref} is pruned`, `${ref} is deleted by ${deleter}`) };
  }
  const releaseUnit = unit?.helm !== undefined;
  const optOut = removed && !releaseUnit ? findPruneOptOut(removed.body) : undefined;
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
    if (releaseUnit) {
      return {
        ...finding,
        rule: Rules.objectMoved,
        severity,
        message:
          // Helm deletes what its old release holds whoever applied it since, and will not adopt what another release owns.
          `${ref} moves from ${finding.unit} to ${move.unit}: helm-controller's ${unit?.helm?.action === 'uninstall' ? 'uninstall' : 'upgrade'} of the old release deletes it whoever applies it meanwhile (and a new release cannot take over an object another release owns), so it is deleted and recreated empty${loss}. ` +
          `Safe: first ${unit?.helm?.keepValue ? `set ${unit.helm.keepValue}: true in the old HelmRelease's values` : 'add helm.sh/resource-policy: keep to it with a postRenderers patch of the old HelmRelease'} in its own change and let helm-controller apply that, then move it`,
      };
    }
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
  if (removed && isHelmRelease(removed.body)) return describeRemovedHelmRelease(finding, removed, `${protectsNothing}${applyNote}`, context);
  // What keeps a release's object is helm's own annotation, set in a release before the one that lets go of it.
  const keep =
    releaseUnit && MOVE_ERROR_KINDS.has(finding.object.kind)
      ? `. To keep it: first ${unit?.helm?.keepValue ? `set ${unit.helm.keepValue}: true in the HelmRelease's values` : 'add helm.sh/resource-policy: keep to it with a postRenderers patch'} in a change of its own and let helm-controller apply it, then make this change`
      : '';
  // Helm, not Flux's garbage collection, deletes a release's objects.
  const message = releaseUnit && finding.message.startsWith(`${ref} is pruned`) ? `${ref} is deleted by helm-controller's ${unit?.helm?.action ?? 'upgrade'}${finding.message.slice(`${ref} is pruned`.length)}` : finding.message;
  return { ...finding, message: `${message}${protectsNothing}${applyNote}${keep}` };
}

/**
 * A pruned HelmRelease: helm-controller uninstalls the release and everything it installed;
 * one suspended is orphaned instead. When its chart was rendered, the message names what
 * cannot come back (CRDs of templates/ with every object of their kinds, Namespaces, PVCs)
 * and the finding is an error.
 */
function describeRemovedHelmRelease(finding: Finding, removed: ResourceObject, note: string, context: FluxRuleContext): Finding {
  const release = readHelmReleaseIdentity(removed.body);
  const ref = formatObjectRef(finding.object);
  const spec = isRecord(removed.body.spec) ? removed.body.spec : {};
  if (spec.suspend === true) {
    return { ...finding, rule: Rules.helmReleaseRemoved, severity: 'warning', message: `${ref} is pruned while suspended: helm-controller lets it go without uninstalling, so release ${release.releaseName} and everything it installed stay in the cluster, unmanaged${note}` };
  }
  const unit = findReleaseUnit(context.units.values(), finding.unit, finding.object);
  const loss = unit ? listUnrecoverable(unit) : undefined;
  const what =
    loss === undefined
      ? '(CRDs from its templates too)'
      : loss.length > 0
        ? `among them ${loss.join(', ')}; the CRDs of its chart's crds/ stay`
        : `(${unit?.before.size ?? 0} objects, none of them a CRD, Namespace or PVC; the CRDs of its chart's crds/ stay)`;
  return {
    ...finding,
    rule: Rules.helmReleaseRemoved,
    severity: loss && loss.length > 0 ? 'error' : 'warning',
    message: `${ref} is pruned: helm-controller uninstalls release ${release.releaseName}, deleting everything it installed in ${release.targetNamespace}${loss && loss.length > 0 ? ', ' : ' '}${what}${note}`,
  };
}

/** Whether helm leaves the object in place when the release lets go of it (`helm.sh/resource-policy: keep`). */
function isKeptByHelm(object: ResourceObject): boolean {
  const metadata = isRecord(object.body.metadata) ? object.body.metadata : {};
  return isRecord(metadata.annotations) && metadata.annotations['helm.sh/resource-policy'] === 'keep';
}

/** The unit of the release a HelmRelease of `parent` installs, when it was rendered. */
function findReleaseUnit(units: Iterable<UnitDiff>, parent: string, release: { readonly namespace: string; readonly name: string }): UnitDiff | undefined {
  for (const unit of units) {
    if (unit.helm?.parent === parent && unit.helm.release === `${release.namespace}/${release.name}` && !unit.skipped) return unit;
  }
  return undefined;
}

/** What a release's uninstall deletes for good: its CRDs (the chart's templates/ ones; kept ones are not in it), Namespaces and PVCs. */
function listUnrecoverable(unit: UnitDiff): string[] {
  return [...unit.before.values()]
    // helm keeps what is marked so, on uninstall as on upgrade.
    .filter((object) => MOVE_ERROR_KINDS.has(object.id.kind) && !isKeptByHelm(object))
    .map((object) => {
      const cost = object.id.kind === 'CustomResourceDefinition' ? ' (every object of its kind)' : object.id.kind === 'Namespace' ? ' (everything in it)' : ' (its data)';
      return `${formatObjectRef(object.id)}${cost}`;
    })
    .sort();
}

/** True for what a delete and recreate costs more than a moment: contents, data, or what a Flux object manages. */
function isCostlyToRecreate(finding: Finding): boolean {
  return describeLossOnRecreate(finding) !== '';
}

/** What recreating an object loses, for the move message. */
function describeLossOnRecreate(finding: Finding): string {
  if (finding.object.kind === 'CustomResourceDefinition') {
    const cascade = finding.cascade ?? [];
    return cascade.length > 0 ? ` (every custom resource of it is lost: ${cascade.join(', ')})` : ' (every custom resource of it is lost)';
  }
  if (finding.object.kind === 'Namespace') return ' (with everything in it)';
  if (finding.object.kind === 'PersistentVolumeClaim') return ' (with its data, when the volume reclaim policy is Delete)';
  // Deleting these deletes what they manage: the whole app goes and comes back.
  if (finding.object.group === 'kustomize.toolkit.fluxcd.io' && finding.object.kind === 'Kustomization') return ' (and its finalizer deletes what it applied, unless its prune or deletionPolicy says otherwise)';
  if (finding.object.group === 'helm.toolkit.fluxcd.io' && finding.object.kind === 'HelmRelease') return ' (and helm-controller uninstalls its release)';
  return '';
}

/** True for the `Kind/name` a chartRef identity names, which is no chart name. */
function isChartRef(chart: string): boolean {
  return chart.includes('/');
}

/**
 * HelmReleases changed in a way that uninstalls and reinstalls them, as helm-controller
 * decides (its ReleaseTargetChanged): the release name, target namespace or storage
 * namespace, or the chart's own name in Chart.yaml unless `spec.upgrade.chartNameChangeStrategy`
 * is InPlaceUpdate. Where the chart was rendered its names decide; otherwise only a chart
 * name written in `spec.chart.spec.chart` tells (a path or a chartRef says nothing of it).
 */
function describeReinstalledHelmReleases(units: readonly UnitDiff[]): Finding[] {
  const findings: Finding[] = [];
  for (const unit of units) {
    const changed = new Map<string, { readonly before: ResourceObject; readonly after: ResourceObject }>(unit.diff.changed.filter((change) => isHelmRelease(change.after.body)).map((change) => [change.after.key, change] as const));
    // A chart renamed in its Chart.yaml reinstalls a HelmRelease that did not change itself.
    for (const release of units) {
      if (release.helm?.parent !== unit.unit || release.helm.action !== 'upgrade') continue;
      const [namespace = '', name = ''] = release.helm.release.split('/');
      const key = formatObjectKey({ group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease', namespace, name });
      const same = unit.after.get(key);
      if (same && !changed.has(key) && unit.before.has(key)) changed.set(key, { before: unit.before.get(key) ?? same, after: same });
    }
    for (const change of changed.values()) {
      const finding = describeReinstall(change.before, change.after, unit, units);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** The reinstall finding of one HelmRelease of `unit`, or undefined when helm-controller upgrades it in place. */
function describeReinstall(before: ResourceObject, after: ResourceObject, unit: UnitDiff, units: readonly UnitDiff[]): Finding | undefined {
  const old = readHelmReleaseIdentity(before.body);
  const current = readHelmReleaseIdentity(after.body);
  const spec = isRecord(after.body.spec) ? after.body.spec : {};
  const inPlace = isRecord(spec.upgrade) && spec.upgrade.chartNameChangeStrategy === 'InPlaceUpdate';
  const release = findReleaseUnit(units, unit.unit, after.id);
  const rendered = release?.helm?.chart;
  const chart =
    rendered?.before !== undefined && rendered.after !== undefined ? { before: rendered.before, after: rendered.after } : !isChartRef(old.chart) && !isChartRef(current.chart) ? { before: old.chart, after: current.chart } : undefined;
  const changes = (['releaseName', 'targetNamespace', 'storageNamespace'] as const).filter((field) => old[field] !== current[field]).map((field) => `${field} ${old[field]} -> ${current[field]}`);
  if (chart && chart.before !== chart.after && !inPlace) changes.push(`the chart's name ${chart.before} -> ${chart.after}`);
  if (changes.length === 0) return undefined;
  const loss = release ? listUnrecoverable(release) : [];
  return {
    rule: Rules.helmReleaseReinstalled,
    severity: loss.length > 0 ? 'error' : 'warning',
    unit: unit.unit,
    object: { ...after.id, apiVersion: after.apiVersion },
    ...(after.provenance ? { provenance: after.provenance } : {}),
    message:
      `${formatObjectRef(after.id)} changes ${changes.join(', ')}: helm-controller uninstalls release ${old.releaseName} and installs it again, deleting everything the old release installed` +
      (loss.length > 0 ? `, among them ${loss.join(', ')}` : ''),
  };
}
