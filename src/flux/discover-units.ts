/**
 * Finds the Flux Kustomizations of one side and renders each as kustomize-controller would:
 * entry points are the YAML files that declare one; every Kustomization found in the render
 * of another is its child. Each is rendered once, parents before children, so that
 * post-build variables from a parent's ConfigMaps are there when a child needs them. Also
 * says whether a directory declares any Flux Kustomization at all (Flux mode or plain roots).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { isFluxKustomization, readFluxKustomization, type FluxKustomization } from '../core/objects/flux-objects.ts';
import type { SourceCheck } from './sources.ts';
import { getMetadata, isRecord, type KubeObject, type ManifestDoc } from '../core/objects/kube-objects.ts';
import type { ClusterRoot } from './find-roots.ts';
import { isUnderPath, type DeclaredKustomization } from './scan-source.ts';
import { substituteObject } from '../core/objects/substitute.ts';
import { RemoteDeniedError } from '../core/config/network-policy.ts';
import { RenderError } from '../core/errors.ts';
import { FetchError } from '../render/remote-fetch.ts';
import type { Artifact } from './artifact.ts';
import { planFluxBuild, type FluxBuildPlan } from './plan-build.ts';
import { createUnalias } from '../render/kustomize/render-root.ts';
import type { OutsideRead } from '../core/rules/outside-reads.ts';
import { checkUnitCount, type ObjectBudget } from '../core/objects/limits.ts';
import type { GraphInputs } from '../render/kustomize/graph-inputs.ts';
import { toPosix, type PathDisplay } from '../render/kustomize/read-kustomization.ts';
import { expandNewResourceSets, type ResourceSetHost, type ResourceSetUnit } from './resourceset-units.ts';

/** A Flux Kustomization of one side, rendered or not. */
export interface FluxUnit {
  /** The Kustomization as applied (after its parent's substitution). */
  readonly ks: FluxKustomization;
  /** `namespace/name` of the Kustomization whose render holds it; undefined for an entry point. */
  readonly parent?: string;
  /** The file that declares it, for entry points. */
  readonly declaredIn?: string;
  /** Why it was not rendered (another source, unresolved variables); undefined when rendered. */
  readonly skipped?: string;
  /** Its objects after post-build substitution and commonMetadata. */
  readonly docs: readonly ManifestDoc[];
  /** Variables with no value and no default (left as a visible placeholder). */
  readonly missingVariables: readonly string[];
  /** Paths its build would read outside the artifact; it is not rendered when there are any. */
  readonly outside?: readonly OutsideRead[];
  /** Why its build failed (kustomize's one-line cause, a missing path); it is not rendered then. */
  readonly failure?: string;
  /** The cluster whose root reached it; undefined for a Kustomization outside every cluster. */
  readonly cluster?: string;
  /**
   * What it renders, as a hash of its spec, its build's inputs and its variables: two units
   * with the same key render the same objects. Undefined when it was not planned (skipped).
   */
  readonly key?: string;
  /** Its build's inputs (which markers they hold); set when it was planned. */
  readonly inputs?: GraphInputs;
  /** Renders it, when discovery left that for later (see {@link FluxDiscoveryOptions.mustRender}); `docs` is empty until then. */
  readonly pending?: () => Promise<FluxUnit>;
  /** `namespace/name` of the ResourceSet that generates it (in the render of `parent`), when one does. */
  readonly generatedBy?: string;
}

/** What discovery needs from the outside. */
export interface FluxDiscoveryOptions {
  /** The side's artifact. */
  readonly artifact: Artifact;
  /** Names the side's paths in messages. */
  readonly show: PathDisplay;
  /** Reads what a prepared plan's build reads (hashing and searching the files, building nothing). */
  readonly inspect: (plan: FluxBuildPlan) => GraphInputs;
  /** Builds a prepared plan (kustomize, with caching across sides). */
  readonly build: (plan: FluxBuildPlan, ks: FluxKustomization, inputs: GraphInputs) => Promise<ManifestDoc[]>;
  /**
   * Whether a unit must be rendered during discovery: when its render may hold what discovery
   * reads (Flux Kustomizations, ArtifactGenerators, substituteFrom sources). The others are
   * left `pending`, for the caller to render when the comparison needs them.
   */
  readonly mustRender: (inputs: GraphInputs, ks: FluxKustomization) => boolean;
  /** Where a source's root lies in the checkout, or why it is not this checkout. */
  readonly checkSource: SourceCheck;
  /** Values for variables only the cluster knows (the config file's `substitute`). */
  readonly clusterVariables: Readonly<Record<string, string>>;
  /** Receives what was assumed to find a source (a folder an OCI artifact is pushed from), for the report. */
  readonly notes?: Set<string>;
  /** Receives every value a Kustomization takes from a Secret (substituteFrom), for masking in output. */
  readonly secretValues?: Set<string>;
  /** How many builds run at once. */
  readonly concurrency: number;
  /** The run's object budget: what ResourceSets generate counts as rendered. */
  readonly budget?: ObjectBudget;
  /** Runs tasks in a bounded pool. */
  readonly mapInPool: <T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>) => Promise<R[]>;
}

/** The Flux Kustomizations of one side, and the files that declare one Flux never applies. */
export interface FluxDiscovery {
  /** Every Kustomization reached, rendered or not, sorted by cluster, then key. */
  readonly units: readonly FluxUnit[];
  /** Files (relative to the source root) declaring a Kustomization that no kustomization lists, sorted. */
  readonly unlisted: readonly string[];
  /** The ResourceSets of every rendered unit, with what each generates, sorted by cluster, then host, then name. */
  readonly resourceSets: readonly ResourceSetUnit[];
}

/** A Kustomization to render, with where it was found. */
interface Seed {
  readonly ks: FluxKustomization;
  readonly parent?: string;
  readonly declaredIn?: string;
  readonly generatedBy?: string;
}

/**
 * Discovers and renders the Flux Kustomizations of one side: each cluster from its root,
 * then the Kustomizations declared outside every cluster, each applied by someone the source
 * does not show. Every cluster has its own Kustomizations and its own post-build variables.
 */
export async function discoverFluxUnits(declared: readonly DeclaredKustomization[], roots: readonly ClusterRoot[], options: FluxDiscoveryOptions): Promise<FluxDiscovery> {
  const units: FluxUnit[] = [];
  const held = new Set<string>();
  const reachedPaths: string[] = [];
  const reachedKeys = new Set<string>();
  const resourceSets: ResourceSetUnit[] = [];
  const explore = async (cluster: string | undefined, seeds: readonly Seed[]): Promise<void> => {
    const renderedDocs: ManifestDoc[] = [];
    const reached = new Set(seeds.map(({ ks }) => ks.key));
    const own: FluxUnit[] = [];
    const expanded = new Set<ResourceSetHost>();
    const addChildren = (docs: readonly ManifestDoc[], parent: string, next: Seed[], generatedBy?: string): void => {
      for (const doc of docs) {
        const child = isFluxKustomization(doc.body) ? readFluxKustomization(doc.body) : undefined;
        // A Kustomization that applies itself (bootstrap's flux-system) is not its own child.
        if (!child || reached.has(child.key)) continue;
        reached.add(child.key);
        next.push({ ks: child, parent, ...(generatedBy !== undefined ? { generatedBy } : {}) });
      }
    };
    let level = seeds;
    while (level.length > 0) {
      const results = await options.mapInPool(level, options.concurrency, (item) => renderUnit(item, renderedDocs, options, cluster));
      const next: Seed[] = [];
      for (const unit of results) {
        const placed = cluster === undefined ? unit : { ...unit, cluster };
        units.push(placed);
        own.push(placed);
        checkUnitCount(units.length, 'Flux Kustomizations');
        renderedDocs.push(...unit.docs);
        reachedPaths.push(unit.ks.path);
        reachedKeys.add(unit.ks.key);
        for (const doc of unit.docs) if (doc.provenance?.file) held.add(doc.provenance.file);
        addChildren(unit.docs, unit.ks.key, next);
      }
      // Once a level is done, the ResourceSets rendered so far generate their objects: the
      // Kustomizations among them are the next level's too, and their sources are rendered.
      if (next.length === 0) {
        for (const set of expandNewResourceSets(own, renderedDocs, cluster, expanded)) {
          resourceSets.push(set);
          checkUnitCount(resourceSets.length, 'ResourceSets');
          options.budget?.spend(set.docs.length, `ResourceSet ${set.set}`);
          renderedDocs.push(...set.docs);
          addChildren(set.docs, set.host, next, set.set);
        }
      }
      level = next;
    }
  };
  for (const root of roots) await explore(root.name, [{ ks: root.ks, ...(root.declaredIn ? { declaredIn: root.declaredIn } : {}) }]);

  // A declared file a render holds is that Kustomization under the identity its parent gave
  // it (a ks.yaml without a namespace, listed from a folder that sets one): one object, one
  // unit. A file inside the path of a Kustomization that was reached, but in no render, is
  // listed by no kustomization: Flux never applies it, so it is never built. What is left
  // was applied by someone the source does not show: rendered from its file.
  // Provenance names files relative to the source root, as declarations do.
  const isHeld = (file: string): boolean => held.has(file);
  const unlisted = new Set<string>();
  const left = declared.filter(({ ks, file }) => {
    if (roots.some((root) => root.declaredIn === file && root.ks.key === ks.key) || isHeld(file)) return false;
    if (reachedPaths.some((path) => isUnderPath(file, path))) {
      unlisted.add(file);
      return false;
    }
    return true;
  });
  // Entry points first (files outside every other declared path), their children with them;
  // then whatever is still neither reached nor held.
  const entries = left.filter(({ ks, file }) => !declared.some((other) => other.ks.key !== ks.key && isUnderPath(file, other.ks.path)));
  await explore(undefined, dedupe(entries.map(({ ks, file }) => ({ ks, declaredIn: file }))));
  const rest = left.filter(({ ks, file }) => !reachedKeys.has(ks.key) && !isHeld(file));
  await explore(undefined, dedupe(rest.map(({ ks, file }) => ({ ks, declaredIn: file }))));

  const order = (unit: FluxUnit): string => `${unit.cluster ?? ''}\0${unit.ks.key}`;
  const setOrder = (set: ResourceSetUnit): string => `${set.cluster ?? ''}\0${set.host}\0${set.set}`;
  return {
    units: units.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0)),
    unlisted: [...unlisted].sort(),
    resourceSets: resourceSets.sort((a, b) => (setOrder(a) < setOrder(b) ? -1 : setOrder(a) > setOrder(b) ? 1 : 0)),
  };
}

/**
 * Renders a unit discovery left pending; the unit as it was (its name and cluster kept) with
 * its objects, or with why it does not build. A unit that is not pending comes back as is.
 */
export async function loadPendingUnit<T extends FluxUnit>(unit: T): Promise<T> {
  return unit.pending ? settleUnit(unit, await unit.pending()) : unit;
}

/** A pending unit with the outcome of a render (its own, or its identical twin's on the other side): its objects, or why it does not build. */
export function settleUnit<T extends FluxUnit>(unit: T, rendered: FluxUnit): T {
  const { docs, missingVariables, skipped, failure } = rendered;
  const { pending: _done, ...rest } = unit;
  return { ...rest, docs, missingVariables, ...(skipped !== undefined ? { skipped } : {}), ...(failure !== undefined ? { failure } : {}) } as T;
}

/** One seed per Kustomization: the first file that declares it. */
function dedupe(seeds: readonly Seed[]): Seed[] {
  return seeds.filter((seed, index) => seeds.findIndex((other) => other.ks.key === seed.ks.key) === index);
}

async function renderUnit(
  item: Seed,
  renderedDocs: readonly ManifestDoc[],
  options: FluxDiscoveryOptions,
  cluster: string | undefined,
): Promise<FluxUnit> {
  const { ks } = item;
  const base = { ks, ...(item.parent ? { parent: item.parent } : {}), ...(item.declaredIn ? { declaredIn: item.declaredIn } : {}), ...(item.generatedBy !== undefined ? { generatedBy: item.generatedBy } : {}) };
  const source = options.checkSource(ks.sourceRef, ks.path, renderedDocs, cluster);
  if ('problem' in source) return { ...base, skipped: source.problem, docs: [], missingVariables: [] };
  if (source.note) options.notes?.add(source.note);
  if (item.declaredIn && !item.parent && /\$\{/.test(ks.path)) {
    return {
      ...base,
      skipped: `spec.path ${ks.path} holds a variable, and no Kustomization in this source applies ${item.declaredIn} to fill it`,
      docs: [],
      missingVariables: [],
    };
  }
  let plan: FluxBuildPlan;
  let inputs: GraphInputs;
  try {
    // Spec paths are relative to the source's root, which may be a folder of the checkout.
    plan = planFluxBuild(options.artifact, source.root === '' ? ks : { ...ks, path: posix.join(source.root, ks.path) }, options.show);
    if (plan.outside.length > 0) {
      // The merged kustomization stands in for the user's own file in the path.
      const unalias = createUnalias(plan.aliases);
      const outside = plan.outside.map((ref) => ({ ...ref, file: toPosix(relative(options.artifact.root, unalias(ref.file))) }));
      return { ...base, skipped: `it reads a file outside the repository: ${outside[0]?.value ?? ''}`, docs: [], missingVariables: [], outside };
    }
    inputs = options.inspect(plan);
  } catch (error) {
    return describeFailedUnit(base, error);
  }
  const variables = collectVariables(ks, renderedDocs, options.clusterVariables, options.secretValues);
  const key = createHash('sha256')
    .update(JSON.stringify([ks, source.root, plan.kustomization ?? null, inputs.hash, variables ?? null]))
    .digest('hex');
  const planned = { ...base, key, inputs };
  const render = async (): Promise<FluxUnit> => {
    let docs: ManifestDoc[];
    try {
      const built = await options.build(plan, ks, inputs);
      docs = source.origins ? built.map((doc) => traceOrigins(doc, source.origins as ReadonlyMap<string, string>)) : built;
    } catch (error) {
      return { ...describeFailedUnit(base, error), key, inputs };
    }
    const missing = new Set<string>();
    const finished = docs.map((doc) => {
      let body = doc.body;
      if (variables) {
        const result = substituteObject(body, variables);
        body = result.body;
        for (const name of result.missing) missing.add(name);
      }
      body = applyCommonMetadata(body, ks);
      return doc.provenance ? { body, provenance: doc.provenance } : { body };
    });
    return { ...planned, docs: finished, missingVariables: [...missing].sort() };
  };
  if (options.mustRender(inputs, ks)) return render();
  return { ...planned, docs: [], missingVariables: [], pending: render };
}

/** A unit whose build failed because of what it holds; any other failure stops the run. */
function describeFailedUnit(base: Pick<FluxUnit, 'ks' | 'parent' | 'declaredIn' | 'generatedBy'>, error: unknown): FluxUnit {
  // Flux stops this Kustomization and reconciles the others: so is it judged here.
  const failure = describeBuildFailure(error);
  if (failure === undefined) throw error;
  return { ...base, skipped: `it does not build: ${failure}`, failure, docs: [], missingVariables: [] };
}

/** A doc of a rebuilt tree, its provenance naming the checkout's files the tree copies. */
function traceOrigins(doc: ManifestDoc, origins: ReadonlyMap<string, string>): ManifestDoc {
  const { provenance } = doc;
  if (!provenance) return doc;
  const file = provenance.file !== undefined ? origins.get(provenance.file) : undefined;
  const kustomization = provenance.kustomization !== undefined ? origins.get(provenance.kustomization) : undefined;
  if (file === undefined && kustomization === undefined) return doc;
  return { ...doc, provenance: { ...provenance, ...(file !== undefined ? { file } : {}), ...(kustomization !== undefined ? { kustomization } : {}) } };
}

/**
 * The one-line cause of a build that failed because of what the unit holds (kustomize's
 * error, a missing path, a file that is no manifest); undefined for a failure that says
 * nothing about the unit (a download, the network policy), which stops the run.
 */
function describeBuildFailure(error: unknown): string | undefined {
  if (!(error instanceof RenderError) || error instanceof FetchError || error instanceof RemoteDeniedError) return undefined;
  return error.message;
}

/**
 * The variables of a Kustomization, or undefined when it has no postBuild: Flux substitutes
 * only then. Values only the cluster knows come first, then substituteFrom in order (later
 * wins), then inline substitute. Every value read from a Secret goes to `secretValues`, even
 * one a later source overrides: it is secret all the same. The configuration's and the
 * inline values are written in the repository, and are not.
 */
function collectVariables(
  ks: FluxKustomization,
  renderedDocs: readonly ManifestDoc[],
  clusterVariables: Readonly<Record<string, string>>,
  secretValues?: Set<string>,
): Record<string, string> | undefined {
  if (Object.keys(ks.substitute).length === 0 && ks.substituteFrom.length === 0) return undefined;
  const variables: Record<string, string> = { ...clusterVariables };
  for (const ref of ks.substituteFrom) {
    const source = renderedDocs.find(({ body }) => {
      const metadata = getMetadata(body);
      return body.kind === ref.kind && body.apiVersion === 'v1' && metadata.name === ref.name && (metadata.namespace ?? ks.namespace) === ks.namespace;
    });
    if (!source) continue;
    const secret = ref.kind === 'Secret';
    const data = isRecord(source.body.data) ? source.body.data : {};
    for (const [key, value] of Object.entries(data)) {
      const text = secret ? Buffer.from(String(value), 'base64').toString('utf8') : String(value);
      variables[key] = text;
      // The base64 as written too: it can reach output where the decoded value does not.
      if (secret) secretValues?.add(text).add(String(value));
    }
    if (secret && isRecord(source.body.stringData)) {
      for (const [key, value] of Object.entries(source.body.stringData)) {
        variables[key] = String(value);
        secretValues?.add(String(value));
      }
    }
  }
  return { ...variables, ...ks.substitute };
}

/** Adds `spec.commonMetadata` to an object, as the controller does right before apply. */
function applyCommonMetadata(body: KubeObject, ks: FluxKustomization): KubeObject {
  const { labels, annotations } = ks.commonMetadata;
  if (Object.keys(labels).length === 0 && Object.keys(annotations).length === 0) return body;
  const metadata = getMetadata(body);
  const merge = (current: unknown, extra: Readonly<Record<string, string>>): Record<string, unknown> | undefined => {
    if (Object.keys(extra).length === 0) return isRecord(current) ? current : undefined;
    return { ...(isRecord(current) ? current : {}), ...extra };
  };
  const mergedLabels = merge(metadata.labels, labels);
  const mergedAnnotations = merge(metadata.annotations, annotations);
  return {
    ...body,
    metadata: {
      ...metadata,
      ...(mergedLabels ? { labels: mergedLabels } : {}),
      ...(mergedAnnotations ? { annotations: mergedAnnotations } : {}),
    },
  };
}

/**
 * True when a YAML file under `dir` declares a Flux Kustomization (cheap text check first);
 * with `only`, only those files (absolute paths) are read.
 */
export function declaresFluxKustomizations(dir: string, only?: ReadonlySet<string>): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  const walk = (current: string): boolean => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (walk(path)) return true;
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && (!only || only.has(path))) {
        // Symlinks are passed over (Dirent does not follow them): they never reach Flux's artifact.
        if (holdsFluxKustomization(readFileSync(path, 'utf8'))) return true;
      }
    }
    return false;
  };
  return walk(dir);
}

/** The word every Flux Kustomization's apiVersion holds: a file without it declares none. */
export const FLUX_KUSTOMIZATION_GROUP = 'kustomize.toolkit.fluxcd.io';

/** True when YAML text may declare a Flux Kustomization (its apiVersion and kind are there). */
export function holdsFluxKustomization(text: string): boolean {
  return text.includes(FLUX_KUSTOMIZATION_GROUP) && /apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\/v1(beta[12])?\b/.test(text) && /kind:\s*["']?Kustomization\b/.test(text);
}
