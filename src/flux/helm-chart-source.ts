/**
 * Where a HelmRelease's chart is: a folder of this repository when `spec.chart.spec` names a
 * path in a GitRepository (or Bucket) that is this checkout, as source-controller packages it
 * from the artifact; else why it cannot be had from the checkout. Charts of HelmRepositories,
 * OCI registries, HelmCharts and ExternalArtifacts are fetched elsewhere.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isRecord, readNamespace, type KubeObject } from '../core/objects/kube-objects.ts';
import { BUILD_DIR_PREFIX, isInside, type Confinement } from '../render/kustomize/confine.ts';
import type { SourceCheck } from './sources.ts';

/** A chart folder in the checkout, or why the chart is not one. */
export type ChartLocation = { readonly dir: string } | { readonly problem: string };

/** The checkout a chart is looked for in. */
export interface ChartTree {
  /** The artifact's root. */
  readonly root: string;
  /** Reads stay inside it. */
  readonly confinement: Confinement;
}

/** Files a chart may hold before it is taken for something else. */
const MAX_CHART_FILES = 5_000;

/**
 * Locates the chart of `release` in `tree`, its source decided by `check` (the one Flux
 * Kustomizations use). A chart folder holding a symlink that leads out of the tree is
 * refused: helm follows it, and `.Files.Get` would read the machine's files into the report.
 */
export function locateChart(release: KubeObject, check: SourceCheck, tree: ChartTree, cluster?: string): ChartLocation {
  const spec = isRecord(release.spec) ? release.spec : {};
  const namespace = readNamespace(release, 'default');
  if (isRecord(spec.chartRef)) return { problem: `its chart comes from ${String(spec.chartRef.kind)}/${String(spec.chartRef.name)}, which prune-guard does not fetch yet` };
  const template = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : undefined;
  if (!template) return { problem: 'it names no chart (spec.chart.spec or spec.chartRef)' };
  const ref = isRecord(template.sourceRef) ? template.sourceRef : {};
  const kind = String(ref.kind ?? '');
  const sourceName = `${kind}/${typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespace}/${String(ref.name ?? '')}`;
  if (kind !== 'GitRepository' && kind !== 'Bucket') return { problem: `its chart comes from ${sourceName}, which prune-guard does not fetch yet` };
  if (Array.isArray(template.valuesFiles) && template.valuesFiles.length > 0) return { problem: 'its chart names valuesFiles, which prune-guard does not read yet' };
  const chart = typeof template.chart === 'string' ? template.chart : '';
  if (chart === '') return { problem: `its chart path in ${sourceName} is empty` };
  if (kind === 'Bucket') return { problem: `its chart comes from ${sourceName}: a Bucket is not this repository` };
  const source = check({ kind, name: String(ref.name ?? ''), namespace: typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespace }, chart, undefined, cluster);
  if ('problem' in source) return { problem: source.problem.replace(/^its source/, 'its chart source') };
  const dir = resolve(tree.root, source.root, chart);
  if (!isInside(tree.confinement, dir)) return { problem: `its chart path ${chart} leads out of the repository` };
  if (!statSync(join(dir, 'Chart.yaml'), { throwIfNoEntry: false })?.isFile()) return { problem: `${relative(tree.root, dir) || '.'} holds no Chart.yaml` };
  const outside = findLinkOutside(dir, tree.confinement);
  if (outside) return { problem: `its chart holds ${relative(tree.root, outside.path)}: ${outside.why}` };
  return { dir };
}

/** The first symlink under `dir` whose target is outside the confinement, or the folder where a chart too large (or a circle of links) was given up on. */
function findLinkOutside(dir: string, confinement: Confinement): { readonly path: string; readonly why: string } | undefined {
  let seen = 0;
  const walk = (current: string): { readonly path: string; readonly why: string } | undefined => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (++seen > MAX_CHART_FILES) return { path: current, why: `more than ${MAX_CHART_FILES} files, or links in a circle` };
      const path = join(current, entry.name);
      if (entry.isSymbolicLink()) {
        if (!isInside(confinement, path)) return { path, why: 'a symlink that leads out of the repository' };
        // helm follows a link to a folder: what lies below it counts too.
        if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
          const found = walk(path);
          if (found) return found;
        }
      } else if (entry.isDirectory()) {
        const found = walk(path);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(dir);
}

/** A hash of every file under `dir` (links to folders followed, as helm does), by relative path. */
export function hashFolder(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string, depth: number): void => {
    // locateChart refused a chart whose links lead out; the depth bounds links in a circle.
    if (depth > 32) return;
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(current, entry.name);
      const isDirectory = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false })?.isDirectory() === true : entry.isDirectory();
      if (isDirectory) walk(path, depth + 1);
      else if (entry.isFile() || entry.isSymbolicLink()) hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(dir, 0);
  return hash.digest('hex');
}

/** The hash of a chart folder that cannot be read: it differs from anything, itself included. */
const UNREADABLE = '';

/** Whether a chart folder differs between the trees: one on one side only, other files, or one that cannot be read. */
export function chartsDiffer(before: ChartTree, after: ChartTree): boolean {
  const old = hashChartFolders(before);
  const current = hashChartFolders(after);
  if (old.size !== current.size) return true;
  return [...current].some(([path, hash]) => hash === UNREADABLE || old.get(path) !== hash);
}

/**
 * Every chart folder of a tree (a folder holding Chart.yaml), relative, with the hash of its
 * files: where two trees differ, a HelmRelease of an unchanged Kustomization may render
 * differently. Symlinked folders are not searched; `.git` and build folders are left out.
 */
export function hashChartFolders(tree: ChartTree): Map<string, string> {
  const charts = new Map<string, string>();
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((entry) => entry.name === 'Chart.yaml' && entry.isFile())) {
      let hash: string;
      try {
        hash = findLinkOutside(dir, tree.confinement) ? UNREADABLE : hashFolder(dir);
      } catch {
        hash = UNREADABLE;
      }
      charts.set(relative(tree.root, dir), hash);
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && entry.name !== '.git' && !entry.name.startsWith(BUILD_DIR_PREFIX)) walk(join(dir, entry.name));
    }
  };
  walk(tree.root);
  return charts;
}
