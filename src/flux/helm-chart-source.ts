/**
 * Where a HelmRelease's chart comes from: a folder of this repository when its source is this
 * checkout (a GitRepository path, an ExternalArtifact rebuilt from it), as source-controller
 * packages it from the artifact; a HelmRepository's index or an OCI registry otherwise, which
 * src/render/helm/ fetches. Pure reading of the checkout: nothing here touches the network.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { isRecord, readNamespace, type KubeObject } from '../core/objects/kube-objects.ts';
import { BUILD_DIR_PREFIX, isInside, type Confinement } from '../render/kustomize/confine.ts';
import { HELM_CHART_LAYER, type ChartRequest, type OciSelect, type ValuesFiles } from '../core/helm/chart-request.ts';
import type { SourceCheck } from './sources.ts';

/** A chart folder in the checkout with its source's root, or why the chart is not one. */
export type ChartLocation = { readonly dir: string; readonly root: string } | { readonly problem: string };

/** The checkout a chart is looked for in. */
export interface ChartTree {
  /** The artifact's root. */
  readonly root: string;
  /** Reads stay inside it. */
  readonly confinement: Confinement;
}

/** Finds a Flux source object (`source.toolkit.fluxcd.io`) among the cluster's renders. */
export type FindSource = (kind: string, namespace: string, name: string) => KubeObject | undefined;

/** What resolving a chart needs of its side. */
export interface ChartContext {
  /** Decides which sources are this checkout (the one Flux Kustomizations use). */
  readonly check: SourceCheck;
  /** The side's artifact. */
  readonly tree: ChartTree;
  /** HelmRepositories, OCIRepositories and HelmCharts of the release's cluster. */
  readonly findSource: FindSource;
  /** The cluster, with several. */
  readonly cluster?: string;
}

/** Files a chart may hold before it is taken for something else. */
const MAX_CHART_FILES = 5_000;

/**
 * Decides where the chart of `release` comes from, as helm-controller and source-controller
 * would: `spec.chartRef` (OCIRepository, HelmChart, ExternalArtifact) or the HelmChart
 * template `spec.chart.spec` (HelmRepository, GitRepository, Bucket).
 */
export function resolveChartRequest(release: KubeObject, context: ChartContext): ChartRequest {
  const spec = isRecord(release.spec) ? release.spec : {};
  const namespace = readNamespace(release, 'default');
  if (isRecord(spec.chartRef)) {
    const kind = String(spec.chartRef.kind ?? '');
    const name = String(spec.chartRef.name ?? '');
    const refNamespace = typeof spec.chartRef.namespace === 'string' && spec.chartRef.namespace !== '' ? spec.chartRef.namespace : namespace;
    const shown = `${kind}/${refNamespace}/${name}`;
    if (kind === 'ExternalArtifact') {
      // source-watcher packs the generated tree; a chart generated for a release sits at its root.
      const located = locateFolder({ kind, name, namespace: refNamespace }, '.', shown, context);
      return 'problem' in located ? located : { kind: 'folder', dir: located.dir };
    }
    if (kind !== 'OCIRepository' && kind !== 'HelmChart') return { problem: `its chartRef names ${shown}, which is no chart source helm-controller takes` };
    const source = context.findSource(kind, refNamespace, name);
    if (!source) return { problem: `its chart source ${shown} is not in the renders of its cluster`, missing: kind };
    const sourceSpec = isRecord(source.spec) ? source.spec : {};
    if (kind === 'HelmChart') return resolveTemplate(sourceSpec, refNamespace, context);
    return resolveOciRepository(sourceSpec, shown);
  }
  const template = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : undefined;
  if (!template) return { problem: 'it names no chart (spec.chart.spec or spec.chartRef)' };
  // helm-controller creates the HelmChart in the source's namespace, which defaults to the release's.
  return resolveTemplate(template, namespace, context);
}

/** A HelmChart's spec (or a HelmRelease's template of one), its sources' namespace defaulting to `namespace`. */
function resolveTemplate(template: Record<string, unknown>, namespace: string, context: ChartContext): ChartRequest {
  const ref = isRecord(template.sourceRef) ? template.sourceRef : {};
  const kind = String(ref.kind ?? '');
  const name = String(ref.name ?? '');
  const refNamespace = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : namespace;
  const shown = `${kind}/${refNamespace}/${name}`;
  const paths = [template.valuesFile, ...(Array.isArray(template.valuesFiles) ? template.valuesFiles : [])].filter((path): path is string => typeof path === 'string' && path !== '');
  // source-controller: values.yaml alone is the chart's own values, nothing to merge.
  const merged = paths.length === 0 || (paths.length === 1 && posix.normalize(paths[0] ?? '') === 'values.yaml') ? undefined : paths;
  const ignoreMissing = template.ignoreMissingValuesFiles === true;
  const chart = typeof template.chart === 'string' ? template.chart : '';
  if (chart === '') return { problem: `its chart in ${shown} is empty` };
  if (kind === 'GitRepository') {
    const located = locateFolder({ kind, name, namespace: refNamespace }, chart, shown, context);
    if ('problem' in located) return located;
    return { kind: 'folder', dir: located.dir, ...(merged ? { valuesFiles: { paths: merged, ignoreMissing, root: located.root } } : {}) };
  }
  if (kind === 'Bucket') return { problem: `its chart comes from ${shown}: a Bucket is not this repository` };
  if (kind !== 'HelmRepository') return { problem: `its chart source ${shown} is no kind a HelmChart takes` };
  const repository = context.findSource(kind, refNamespace, name);
  if (!repository) return { problem: `its chart source ${shown} is not in the renders of its cluster`, missing: kind };
  const repoSpec = isRecord(repository.spec) ? repository.spec : {};
  const values: { valuesFiles?: ValuesFiles } = merged ? { valuesFiles: { paths: merged, ignoreMissing } } : {};
  const url = typeof repoSpec.url === 'string' ? repoSpec.url.trim() : '';
  // source-controller: an empty version or `*` means the latest stable one.
  const version = typeof template.version === 'string' && template.version.trim() !== '' ? template.version.trim() : '*';
  if (repoSpec.type === 'oci' || url.startsWith('oci://')) {
    if (!url.startsWith('oci://')) return { problem: `its chart source ${shown} is of type oci but its url is not oci://` };
    const select: OciSelect = isExactVersion(version) ? { tag: version.replace(/\+/g, '_') } : { semver: version };
    // helm reads only its own chart layer from a registry.
    return { kind: 'oci', url: `${url.replace(/\/+$/, '')}/${chart}`, select, insecure: repoSpec.insecure === true, shown: `${chart} ${version} from ${shown}`, layer: HELM_CHART_LAYER, ...values };
  }
  if (!/^https?:\/\//.test(url)) return { problem: `its chart source ${shown} has no http(s) url` };
  return { kind: 'index', repository: url, chart, version, shown: `${chart} ${version} from ${shown}`, ...values };
}

/** An OCIRepository's artifact: `spec.ref` digest, then semver, then tag, then `latest`, as source-controller picks. */
function resolveOciRepository(spec: Record<string, unknown>, shown: string): ChartRequest {
  const url = typeof spec.url === 'string' ? spec.url.trim() : '';
  if (!url.startsWith('oci://')) return { problem: `its chart source ${shown} has no oci:// url` };
  const ref = isRecord(spec.ref) ? spec.ref : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const digest = text(ref.digest);
  const semver = text(ref.semver);
  const select: OciSelect = digest ? { digest } : semver ? { semver } : { tag: text(ref.tag) ?? 'latest' };
  const layer = isRecord(spec.layerSelector) ? text(spec.layerSelector.mediaType) : undefined;
  return { kind: 'oci', url, select, insecure: spec.insecure === true, shown, ...(layer ? { layer } : {}) };
}

/** A version with no range in it: source-controller fetches such a tag without listing the others. */
function isExactVersion(version: string): boolean {
  return /^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version);
}

/**
 * Locates the chart folder `path` of a source that is this checkout. A chart folder holding a
 * symlink that leads out of the tree is refused: helm follows it, and `.Files.Get` would read
 * the machine's files into the report.
 */
function locateFolder(ref: { kind: string; name: string; namespace: string }, path: string, shown: string, context: ChartContext): ChartLocation {
  const { tree } = context;
  const source = context.check(ref, path, undefined, context.cluster);
  if ('problem' in source) return { problem: source.problem.replace(/^its source/, 'its chart source') };
  const root = resolve(tree.root, source.root);
  const dir = resolve(root, path);
  if (!isInside(tree.confinement, dir)) return { problem: `its chart path ${path} in ${shown} leads out of the repository` };
  if (!statSync(join(dir, 'Chart.yaml'), { throwIfNoEntry: false })?.isFile()) return { problem: `${relative(tree.root, dir) || '.'} holds no Chart.yaml` };
  const outside = findLinkOutside(dir, tree.confinement);
  if (outside) return { problem: `its chart holds ${relative(tree.root, outside.path)}: ${outside.why}` };
  return { dir, root };
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
