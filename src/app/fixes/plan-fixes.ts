/**
 * Fix planning: for the cluster-scoped objects a change drops (CRDs above all), find where
 * they went, write the `resources:` edit that keeps them, and build the head side again with
 * the edit to prove it. This file groups the dropped objects by the kustomization entry that
 * brought them in (from their provenance) and puts the steps together: each group's fix
 * (plan-group-fix.ts), one edit per kustomization file and the check of all of them together
 * (merge-fixes.ts).
 */
import { Rules, type Finding } from '../../core/rules/findings.ts';
import { formatObjectKey, type ResourceObject } from '../../core/objects/kube-objects.ts';
import { REMOVAL_RULE_IDS } from '../../core/rules/removal-rules.ts';
import { mapInPool } from '../../render/pool.ts';
import { indexTree, type TreeIndex } from '../../render/kustomize/tree-index.ts';
import { compareText } from '../../core/text/compare-text.ts';
import { describeObjects, type FixableUnit, type FixPlan, type FixPlanningContext, type GroupFix, type Member, type Planning, type RemovalGroup } from './fix-model.ts';
import { checkTogether, mergeFileFixes, toFix } from './merge-fixes.ts';
import { planGroupFix } from './plan-group-fix.ts';

/**
 * Plans a fix for every group of dropped cluster-scoped objects in `findings` (the caller
 * passes the findings worth fixing), one per kustomization file. A group whose every
 * candidate fails verification gets none. Fixes of different files that build into one unit
 * are verified together, since `fix --write` applies them together.
 */
export async function planFixes(findings: readonly Finding[], units: ReadonlyMap<string, FixableUnit>, context: FixPlanningContext): Promise<FixPlan> {
  const groups = collectGroups(findings, units);
  if (groups.length === 0) return { fixes: [], targets: new Map(), notes: [] };
  // The tree is the same for every group: index it once, when a group first needs it.
  let index: TreeIndex | undefined;
  const planning: Planning = { ...context, units, readIndex: () => (index ??= indexTree(context.head.root, context.head.show, context.head.files)) };
  const planned = await mapInPool(groups, context.concurrency, (group) => planGroupFix(group, planning));

  const notes = planned.flatMap((result, position) => (result.fix || result.notes.length === 0 ? [] : [describeUnfixed(groups[position] as RemovalGroup, result.notes)]));
  const byFile = new Map<string, GroupFix[]>();
  for (const { fix } of planned) if (fix) byFile.set(fix.group.kustomization, [...(byFile.get(fix.group.kustomization) ?? []), fix]);
  const files = [...byFile.keys()].sort();
  const merged = await mapInPool(files, context.concurrency, (file) => mergeFileFixes(file, byFile.get(file) ?? [], planning));
  const fileFixes = merged.map(({ fix }) => fix);
  const { kept, providers } = await checkTogether(fileFixes, planning);

  const fixes = kept.map((fileFix) => toFix(fileFix, providers, planning));
  const targets = new Map<string, number>();
  for (const [position, fileFix] of kept.entries()) {
    for (const group of fileFix.groups) {
      for (const [unitName, member] of group.members) for (const object of member.objects) targets.set(`${unitName}\0${object.key}`, position);
    }
  }
  // A group whose fix had to go (it collided with another) may still get its objects back
  // through a fix that was kept; otherwise it is said why it has none.
  const leftOut = [...merged.flatMap(({ leftOut: groups }) => groups.map((fix) => fix.group)), ...fileFixes.filter((fix) => !kept.includes(fix)).flatMap((fix) => fix.groups)];
  for (const group of leftOut) {
    let covered = true;
    for (const [unitName, member] of group.members) {
      for (const object of member.objects) {
        const provider = providers.objects.get(`${unitName}\0${object.key}`);
        if (provider) targets.set(`${unitName}\0${object.key}`, kept.indexOf(provider));
        else covered = false;
      }
    }
    if (!covered) notes.push(describeUnfixed(group, ['its fix cannot be applied together with the fixes of the same build']));
  }
  // A custom resource left without its CRD is resolved by the fix that brings the CRD.
  for (const finding of findings) {
    if (finding.rule !== Rules.crdMissing) continue;
    const provider = providers.crdKinds.get(`${finding.object.group}/${finding.object.kind}`);
    const key = `${finding.unit}\0${formatObjectKey(finding.object)}`;
    if (provider && !targets.has(key)) targets.set(key, kept.indexOf(provider));
  }
  return { fixes, targets, notes };
}

function collectGroups(findings: readonly Finding[], units: ReadonlyMap<string, FixableUnit>): RemovalGroup[] {
  const groups = new Map<string, RemovalGroup>();
  for (const finding of findings) {
    // A group change is a migration the author made on purpose, not a loss to undo.
    if (!REMOVAL_RULE_IDS.has(finding.rule) || finding.rule === Rules.apiGroupChanged) continue;
    const unit = units.get(finding.unit);
    if (!unit?.exists) continue;
    const object = unit.diff.diff.removed.find((removed) => removed.key === formatObjectKey(finding.object));
    const provenance = object?.provenance;
    const source = provenance?.url ?? provenance?.file;
    if (!object || object.scope !== 'cluster' || !provenance?.kustomization || !provenance.line || !source || provenance.generator) continue;
    const key = [provenance.kustomization, provenance.line, source].join('\0');
    const group = groups.get(key) ?? {
      kustomization: provenance.kustomization,
      line: provenance.line,
      source,
      sourceIsFile: provenance.url === undefined,
      members: new Map<string, Member>(),
      objects: new Map<string, ResourceObject>(),
    };
    const member = group.members.get(finding.unit) ?? { unit, objects: [] };
    if (!member.objects.includes(object)) member.objects.push(object);
    group.members.set(finding.unit, member);
    if (!group.objects.has(object.key)) group.objects.set(object.key, object);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareText(a.kustomization, b.kustomization) || a.line - b.line || compareText(a.source, b.source));
}

/** Says why a group got no fix: `no fix for the 2 CRDs listed at infra/kustomization.yaml:4: could not reach ...`. */
function describeUnfixed(group: RemovalGroup, notes: readonly string[]): string {
  return `no fix for ${describeObjects([...group.objects.values()])} listed at ${group.kustomization}:${group.line}: ${notes.join('; ')}`;
}
