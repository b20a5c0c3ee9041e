/**
 * Plain kustomize mode of the orchestration: the kustomization roots under the paths, each
 * rendered once per side (once for both when its inputs are byte-identical), one unit per
 * root; a side whose build would read outside its tree is never built and the root is not
 * judged.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../core/errors.ts';
import type { Finding } from '../core/rules/findings.ts';
import { describeKustomizationObject, describeOutsideReads, type OutsideRead } from '../core/rules/outside-reads.ts';
import { checkUnitCount } from '../core/objects/limits.ts';
import { formatObjectKey, type ManifestDoc } from '../core/objects/kube-objects.ts';
import type { UnitDiff } from '../core/rules/removal-rules.ts';
import { CRD_MARKER, decideOtherUnitsNeed, selectNeededUnits } from '../core/rules/other-units.ts';
import { ANY_CHURN } from '../core/diff/guess-churn.ts';
import { createInputFiles, guessInputChurn, readGraphInputs, type GraphInputs } from '../render/kustomize/graph-inputs.ts';
import { collectAncestors, linkTwinTrees, type TwinTrees } from '../render/kustomize/twin-trees.ts';
import { locate } from '../render/kustomize/tree-reads.ts';
import {
  findKustomizationFile,
  findKustomizationRoots,
  listOutsideReferences,
  readKustomizationGraph,
  toPosix,
  type KustomizationGraph,
} from '../render/kustomize/read-kustomization.ts';
import { createPool, mapInPool } from '../render/pool.ts';
import { renderRoot } from '../render/kustomize/render-root.ts';
import { renderThroughCache } from '../render/render-cache.ts';
import { analyzeUnitsInDetail, type Analysis, type Compared, type RenderCounts } from './analyze-units.ts';
import type { Settings } from './load-settings.ts';
import type { RenderContext } from './plan-run.ts';
import type { Side } from './prepare-sides.ts';

interface RenderTask {
  readonly side: Side;
  readonly graph: KustomizationGraph;
  /** What the build reads, summed up; read on first use. */
  readonly inputs: () => GraphInputs;
  docs?: ManifestDoc[];
  /** Whether `docs` say where each object came from. */
  provenance?: boolean;
}

interface UnitPlan {
  readonly name: string;
  readonly before?: RenderTask;
  readonly after?: RenderTask;
  /** Paths a side's build would read outside the tree: that side is never built. */
  readonly outsideBefore?: readonly OutsideRead[];
  readonly outsideAfter?: readonly OutsideRead[];
}

/** What to compare in plain kustomize mode. */
export interface Comparison {
  readonly before: Side;
  readonly after: Side;
  /** Paths relative to both sides' roots. */
  readonly paths: readonly string[];
  /** Fail when a side has no kustomization under a path (diff mode), instead of treating it as removed. */
  readonly requireBothSides: boolean;
  /** Git mode: the paths whose content differs between the sides; elsewhere the side before reads as the side after. */
  readonly changed?: ReadonlySet<string>;
  /** Git mode with the working tree: what git ignores there, which the side before cannot hold. */
  readonly ignored?: readonly string[];
  /** Git mode: the symlinks of the side before; a path through one is read on each side. */
  readonly symlinks?: readonly string[];
  /** The name of the unit at the top of both roots (diff mode: the directories' name); default `.`. */
  readonly rootName?: string;
}

/**
 * Plain kustomize mode: every kustomization root under the paths, one unit per root. A root
 * whose inputs are identical on both sides is rendered only when a finding elsewhere needs
 * its objects (see core/rules/other-units.ts), or with `renderAll`; the others are rendered
 * on each side.
 */
export async function compareSides(comparison: Comparison, context: RenderContext): Promise<Compared> {
  const { before, after } = comparison;
  const { runner, remote, settings, concurrency: width } = context;
  // What git says is unchanged is read once, on the side after the change.
  const twins = comparison.changed
    ? linkTwinTrees(before, after, {
        changed: comparison.changed,
        ...(comparison.ignored ? { ignored: comparison.ignored } : {}),
        ...(comparison.symlinks ? { symlinks: comparison.symlinks } : {}),
        ...(before.partial ? { partial: true } : {}),
      })
    : undefined;
  const counts = { builds: 0, cached: 0 };
  const render = async (task: RenderTask, provenance: boolean): Promise<void> => {
    const { side, graph } = task;
    // A partial checkout is written where this build reads before it runs.
    await side.partial?.write(listReadPaths(graph, side.root));
    const inputs = task.inputs();
    // Content-addressed: the root's path, its inputs, the binary and the flags; remote content is not in the hash.
    const key = inputs.remote || runner.identity === undefined ? undefined : JSON.stringify(['root', runner.identity, provenance, toPosix(relative(side.root, graph.root)), inputs.hash]);
    const result = await renderThroughCache(context.renders, key, () => renderRoot(runner, { treeRoot: side.root, graph, show: side.show, provenance, remote, budget: settings.budget, documents: context.documents }));
    if (result.cached) settings.budget.spend(result.docs.length, side.show(graph.root));
    counts[result.cached ? 'cached' : 'builds']++;
    task.docs = result.docs;
    task.provenance = provenance;
    context.progress.rendered(result.cached);
  };
  const renderTasks = (list: readonly RenderTask[], provenance: (task: RenderTask) => boolean): Promise<unknown> => mapInPool(list, width, (task) => render(task, provenance(task)));

  // A root that changed is built as soon as it is planned, while the others are read; the
  // roots holding a file git says changed are planned first.
  const rootNames = discoverRootNames(comparison);
  context.progress.planned(rootNames.length);
  context.progress.phase('changed');
  const run = createPool(width);
  const started: Array<Promise<void>> = [];
  // After the first failure no build starts: the run ends with it.
  let failure: { readonly error: unknown } | undefined;
  const order = orderByChange(rootNames, comparison.changed);
  // A root below that already has the name keeps its own; the top one is then `.`.
  const rootName = comparison.rootName !== undefined && !rootNames.includes(comparison.rootName) ? comparison.rootName : '.';
  const planned = await planRenders(before, after, order, rootName, twins, (plan) => {
    // kustomize's origin annotations cost a third of a build again: only a side whose inputs
    // suggest objects come or go is first built with them, and any other side the report
    // needs sources for is built again with them below.
    for (const [task, provenance] of guessAnnotations(plan)) {
      started.push(
        run(() => (failure ? Promise.resolve() : render(task, provenance))).catch((error: unknown) => {
          failure ??= { error };
        }),
      );
    }
  });
  await Promise.all(started);
  if (failure) throw failure.error;
  // Back in name order: units are listed, and their findings ordered, by name.
  const byName = new Map(order.map((name, index) => [name, planned[index] as UnitPlan]));
  const plans = rootNames.map((name) => byName.get(name) as UnitPlan);
  const tasks = [...new Set(plans.flatMap((plan) => [plan.before, plan.after]).filter((task): task is RenderTask => task !== undefined))];
  if (context.renderAll) await renderTasks(tasks.filter((task) => !task.docs), () => false);
  let analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
  const unrendered = tasks.filter((task) => !task.docs);
  if (unrendered.length > 0) {
    const need = decideOtherUnitsNeed(analysis.units.filter((unit) => !('identical' in unit)));
    const wanted = selectNeededUnits(need, unrendered, (task) => task.inputs());
    if (wanted.length > 0) {
      context.progress.phase('needed');
      await renderTasks(wanted, () => false);
      analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
    }
  }
  const revisit = selectProvenanceTasks(plans, analysis);
  if (revisit.length > 0) {
    context.progress.phase('sources');
    await renderTasks(revisit, () => true);
    analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
  }
  context.progress.identical(analysis.report.stats.identical);
  context.progress.phase('done');
  const units = new Map(
    plans.map((plan, index) => [plan.name, { diff: analysis.units[index] as UnitDiff, exists: plan.after !== undefined, ...(plan.after ? { headGraph: plan.after.graph } : {}) }]),
  );
  return { analysis, units, ...(rootName !== '.' && rootNames.includes('') ? { rootUnit: rootName } : {}) };
}

/** Returns the kustomization roots under the paths, by path relative to the side roots, sorted. */
function discoverRootNames({ before, after, paths, requireBothSides }: Comparison): string[] {
  const rootNames = new Set<string>();
  for (const path of paths) {
    const shown = path || '.';
    // A partial checkout before the change reads what it has not written on the side after.
    if (!existsSync(locate(join(before.root, path))) && !existsSync(join(after.root, path))) {
      throw new UsageError(`path not found: ${shown} (in neither ${before.info.label} nor ${after.info.label})`);
    }
    let found = 0;
    for (const side of [before, after]) {
      const dir = join(side.root, path);
      if (!existsSync(locate(dir))) continue;
      if (!statSync(locate(dir)).isDirectory()) throw new UsageError(`not a directory: ${shown}`);
      const roots = findKustomizationRoots(dir, side.show, side.confinement);
      // Two named directories must both build: an empty side would read as "everything removed".
      if (roots.length === 0 && requireBothSides) throw new UsageError(`no kustomization.yaml found under ${side.show(dir)}`);
      for (const root of roots) rootNames.add(toPosix(relative(side.root, root)));
      found += roots.length;
    }
    if (found === 0) throw new UsageError(`no kustomization.yaml found under ${shown}`);
  }
  checkUnitCount(rootNames.size, 'kustomization roots');
  return [...rootNames].sort();
}

/** Root names holding a path git says changed first (each group in its order): their builds start first. */
function orderByChange(rootNames: readonly string[], changed: ReadonlySet<string> | undefined): string[] {
  if (!changed) return [...rootNames];
  const holders = collectAncestors(changed);
  return [...rootNames.filter((name) => holders.has(name)), ...rootNames.filter((name) => !holders.has(name))];
}

/**
 * Plans one render per root and side, in the order given. A root whose inputs are identical
 * on both sides gets a single task that serves both: in git mode, when git says nothing the
 * build reads differs (nothing is read to decide it); elsewhere, when its input files hash
 * alike. `planned` sees each plan as it is made; after a plan whose sides differ, the event
 * loop gets a turn, so that builds it started begin while the rest are planned.
 */
async function planRenders(before: Side, after: Side, rootNames: readonly string[], rootName: string, twins: TwinTrees | undefined, planned: (plan: UnitPlan) => void): Promise<UnitPlan[]> {
  const files = createInputFiles([CRD_MARKER]);
  const createTask = (side: Side, graph: KustomizationGraph): RenderTask => {
    let inputs: GraphInputs | undefined;
    return { side, graph, inputs: () => (inputs ??= readGraphInputs(graph, side.root, files, { confinement: side.confinement, show: side.show })) };
  };
  const plans: UnitPlan[] = [];
  for (const name of rootNames) {
    const plan: { -readonly [K in keyof UnitPlan]: UnitPlan[K] } = { name: name || rootName };
    const graphs: { before?: KustomizationGraph; after?: KustomizationGraph } = {};
    for (const [key, side] of [['before', before], ['after', after]] as const) {
      const dir = join(side.root, name);
      if (!findKustomizationFile(dir)) continue;
      const graph = readKustomizationGraph(dir, side.show, side.confinement);
      if (graph.kustomizations[0]?.isComponent) continue;
      const outside = listOutsideReferences(graph);
      if (outside.length > 0) {
        plan[key === 'before' ? 'outsideBefore' : 'outsideAfter'] = outside.map((ref) => ({ ...ref, file: toPosix(relative(side.root, ref.file)) }));
        continue;
      }
      graphs[key] = graph;
    }
    if (graphs.before && graphs.after && twins && readsAlike(graphs.before, twins)) {
      // Built, if at all, where it is on disk whole.
      plan.before = plan.after = createTask(after, graphs.after);
    } else {
      for (const [key, side] of [['before', before], ['after', after]] as const) {
        const graph = graphs[key];
        if (graph) plan[key] = createTask(side, graph);
      }
      // git writes what the side before's build reads while the rest is planned; the build waits for it.
      if (plan.before) before.partial?.write(listReadPaths(plan.before.graph, before.root)).catch(() => undefined);
      if (plan.before && plan.after && plan.before.inputs().hash === plan.after.inputs().hash) plan.after = plan.before;
    }
    plans.push(plan);
    planned(plan);
    if (plan.before !== plan.after) await new Promise((resolvePromise) => setImmediate(resolvePromise));
  }
  return plans;
}

/** What a build of the graph reads (see readGraphInputs): its kustomization folders and every path they name, absolute. */
function listGraphReads(graph: KustomizationGraph): string[] {
  return graph.kustomizations.flatMap((kustomization) => [kustomization.dir, ...kustomization.referencedPaths]);
}

/** {@link listGraphReads} relative to the tree's root (posix); paths outside it are left out. */
function listReadPaths(graph: KustomizationGraph, root: string): string[] {
  const paths = listGraphReads(graph).map((path) => toPosix(relative(root, path)));
  return [...new Set(paths.filter((path) => !path.startsWith('..') && !isAbsolute(path)))];
}

/** Whether git says nothing a build of the graph reads differs in the tree after the change. */
function readsAlike(graph: KustomizationGraph, twins: TwinTrees): boolean {
  return listGraphReads(graph).every((path) => twins.findSame(path) !== undefined);
}

/**
 * The renders a root's plan starts with, each with whether it records origins: none for a
 * root identical on both sides; with origins, a root on one side only (all its objects come
 * or go), and the side of a changed root whose differing input files suggest objects leave
 * (before) or arrive (after).
 */
function guessAnnotations({ before, after }: UnitPlan): Array<[RenderTask, boolean]> {
  if (before === after) return [];
  const churn =
    before && after
      ? guessInputChurn({ graph: before.graph, inputs: before.inputs(), treeRoot: before.side.root }, { graph: after.graph, inputs: after.inputs(), treeRoot: after.side.root })
      : ANY_CHURN;
  return [...(before ? [[before, churn.removes] as [RenderTask, boolean]] : []), ...(after ? [[after, churn.adds] as [RenderTask, boolean]] : [])];
}

/**
 * The rendered sides whose report would name an object without saying where it came from:
 * a side before the change that loses objects, a side after that gains some (the report lists
 * both with their source), and the side of any finding's object (the side after, when the
 * object is on both). Changed objects are listed without a source, so a routine edit needs none.
 */
function selectProvenanceTasks(plans: readonly UnitPlan[], analysis: Analysis): RenderTask[] {
  const wanted = new Set<RenderTask>();
  const want = (task: RenderTask | undefined): void => {
    if (task?.docs && !task.provenance) wanted.add(task);
  };
  const findingKeys = new Map<string, Set<string>>();
  for (const finding of analysis.report.findings) {
    if (finding.provenance) continue;
    const keys = findingKeys.get(finding.unit) ?? new Set<string>();
    keys.add(formatObjectKey(finding.object));
    findingKeys.set(finding.unit, keys);
  }
  plans.forEach((plan, index) => {
    const unit = analysis.units[index];
    if (!unit) return;
    if (unit.diff.removed.length > 0) want(plan.before);
    if (unit.diff.added.length > 0) want(plan.after);
    for (const key of findingKeys.get(plan.name) ?? []) {
      if (unit.after.has(key)) want(plan.after);
      else if (unit.before.has(key)) want(plan.before);
    }
  });
  return [...wanted];
}

/** Object sets, diffs and the report, from finished renders. */
function analyze(before: Side, after: Side, plans: readonly UnitPlan[], settings: Settings, extraFindings: readonly Finding[], counts: RenderCounts): Analysis {
  const findings = [...extraFindings];
  const units = plans.map((plan) => {
    const skipped = describeOutsidePlan(plan, findings);
    // A side that was not built is unknown: its existence still counts, its objects do not.
    const docs = (task: RenderTask | undefined, outside: readonly OutsideRead[] | undefined): readonly ManifestDoc[] | undefined => task?.docs ?? (outside ? [] : undefined);
    // A root identical on both sides and not rendered: it exists on both, and is the same on both.
    if (plan.before && plan.before === plan.after && !plan.before.docs) return { name: plan.name, before: undefined, after: undefined, identical: true };
    return { name: plan.name, before: docs(plan.before, plan.outsideBefore), after: docs(plan.after, plan.outsideAfter), ...(skipped ? { skipped } : {}) };
  });
  return analyzeUnitsInDetail({ before: before.info, after: after.info }, units, settings, { extraFindings: findings, ...counts });
}

/** Adds the findings of a root that reads outside the tree; returns why it is not judged. */
function describeOutsidePlan(plan: UnitPlan, findings: Finding[]): string | undefined {
  const [side, reads] = plan.outsideAfter ? (['after', plan.outsideAfter] as const) : plan.outsideBefore ? (['before', plan.outsideBefore] as const) : [];
  if (!side || !reads) return undefined;
  const file = reads[0]?.file ?? plan.name;
  findings.push(...describeOutsideReads(plan.name, describeKustomizationObject(file), side, reads));
  if (side === 'after' && plan.outsideBefore) findings.push(...describeOutsideReads(plan.name, describeKustomizationObject(file), 'before', plan.outsideBefore));
  return `reads a file outside the repository ${side === 'after' ? 'after' : 'before'} the change: ${reads[0]?.value ?? ''}`;
}
