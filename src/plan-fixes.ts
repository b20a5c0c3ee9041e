/**
 * Fix planning: for the cluster-scoped objects a change drops (CRDs above all), find where
 * they went, write the `resources:` edit that keeps them, and build the head side again with
 * the edit to prove it. In order: a file next to the remote manifest that used to carry
 * them (listed through the GitHub contents API, or probed by conventional names on other
 * hosts), a file of the tree no kustomization lists any more, and last the objects as they
 * rendered before, vendored into a new file.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { dropIgnoredObjects, type Config } from './core/config.ts';
import { PruneGuardError, getErrorMessage } from './core/errors.ts';
import { FixSources, type Finding, type Fix, type FixFile, type FixSource } from './core/findings.ts';
import {
  chooseCoveringSet,
  chooseVendorFileName,
  formatVendoredManifests,
  listConventionalSiblings,
  matchesIgnoringRef,
  parseGitHubFileUrl,
  rankCandidateFiles,
  replaceFileName,
} from './core/fix-plan.ts';
import { listResourceEntries, planResourceInsertion, type PlannedEdit, type ResourceEntry } from './core/kustomization-edit.ts';
import { buildObjectSet, collectCrdScopes, formatObjectKey, identifyObject, parseManifests, readCrdNames, type ManifestDoc, type ResourceObject } from './core/objects.ts';
import { REMOVAL_RULE_IDS, type UnitDiff } from './core/rules.ts';
import { createScopeResolver, type ScopeResolver } from './core/scope.ts';
import type { DirectoryEntry, RepositoryContents } from './github/contents.ts';
import { BUILD_DIR_PREFIX } from './render/artifact.ts';
import { KUSTOMIZATION_FILE_NAMES, isRemoteReference, readKustomization, toPosix, type KustomizationGraph, type PathDisplay } from './render/kustomization.ts';
import type { KustomizeRunner } from './render/kustomize.ts';
import { isRemoteFileUrl, type RemoteAccess } from './render/overlay.ts';
import { mapInPool } from './render/pool.ts';
import { renderRoot } from './render/render-root.ts';

/** Directory entries read as remote fix candidates, at most; CRD-like names come first. */
const REMOTE_CANDIDATE_CAP = 12;
/** Files larger than this are not read as candidates (Calico's 2.6 MB CRD file is well below). */
const CANDIDATE_SIZE_LIMIT = 32 * 1024 * 1024;
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** The side after the change, as fix planning needs it. */
export interface HeadTree {
  /** Root of the tree (repository root or AFTER_DIR); fix paths are relative to it. */
  readonly root: string;
  /** Names paths in messages. */
  readonly show: PathDisplay;
  /** The files git would commit, when the tree is a working tree. */
  readonly files?: readonly string[];
}

/** A unit as fix planning needs it. */
export interface FixableUnit {
  /** Object sets and diff. */
  readonly diff: UnitDiff;
  /** True when the unit still exists after the change (a fix needs somewhere to go). */
  readonly exists: boolean;
  /** The unit's kustomization graph on the head side, to verify a fix; without it a fix is proposed unverified. */
  readonly headGraph?: KustomizationGraph;
}

/** What fix planning works with. */
export interface FixPlanningContext {
  /** The tree before the change (for the kustomization as it was). */
  readonly beforeRoot: string;
  /** The tree after the change. */
  readonly head: HeadTree;
  /** How the before side is named in vendored files. */
  readonly beforeLabel: string;
  /** Builds for verification. */
  readonly runner: KustomizeRunner;
  /** Fetches remote candidates and remote resources of verification builds. */
  readonly remote: RemoteAccess;
  /** Lists GitHub directories; without it, GitHub URLs are probed like other hosts. */
  readonly contents?: RepositoryContents;
  /** The scope the report was built under. */
  readonly scope: ScopeResolver;
  /** Ignore patterns apply to verification renders too. */
  readonly config: Config;
  /** How many groups are planned (and verification builds run) at once. */
  readonly concurrency: number;
}

/** Key of a finding's object within its unit: what fixes are attached by (see attachFixes). */
function formatFixTarget(unit: string, objectKey: string): string {
  return `${unit}\0${objectKey}`;
}

/** Objects of one unit that one kustomization entry brought in and the change drops. */
interface RemovalGroup {
  readonly unit: FixableUnit;
  /** The kustomization file, relative to the tree roots. */
  readonly kustomization: string;
  /** The entry's line in the before side's file. */
  readonly line: number;
  /** The URL or file the objects came from. */
  readonly source: string;
  readonly objects: ResourceObject[];
}

/** A way to bring the objects back, before it is verified. */
interface Candidate {
  readonly source: FixSource;
  readonly entries: readonly string[];
  readonly files: readonly FixFile[];
  readonly description: string;
}

/**
 * Plans a verified fix for every group of dropped cluster-scoped objects; returns the fixes by
 * {@link formatFixTarget}. A group whose every candidate fails verification gets none.
 */
export async function planFixes(
  findings: readonly Finding[],
  units: ReadonlyMap<string, FixableUnit>,
  context: FixPlanningContext,
): Promise<Map<string, Fix>> {
  const groups = collectGroups(findings, units);
  if (groups.length === 0) return new Map();
  // The tree is the same for every group: read which files the kustomizations list once.
  let index: TreeIndex | undefined;
  const readIndex = (): TreeIndex => (index ??= indexTree(context.head));
  const planned = await mapInPool(groups, context.concurrency, (group) => planGroupFix(group, context, readIndex));
  const fixes = new Map<string, Fix>();
  groups.forEach((group, position) => {
    const fix = planned[position];
    if (fix) for (const object of group.objects) fixes.set(formatFixTarget(group.unit.diff.unit, object.key), fix);
  });
  return fixes;
}

/** The head tree's files, and the ones some kustomization lists. */
interface TreeIndex {
  /** Every file, relative to the root, sorted. */
  readonly files: readonly string[];
  /** Absolute paths of the files kustomizations name. */
  readonly referenced: ReadonlySet<string>;
}

function indexTree(head: HeadTree): TreeIndex {
  return { files: head.files ?? walkFiles(head.root), referenced: collectReferencedFiles(head.root, head.show) };
}

function collectGroups(findings: readonly Finding[], units: ReadonlyMap<string, FixableUnit>): RemovalGroup[] {
  const groups = new Map<string, RemovalGroup>();
  for (const finding of findings) {
    if (!REMOVAL_RULE_IDS.has(finding.rule) || finding.object.namespace !== '') continue;
    const unit = units.get(finding.unit);
    if (!unit?.exists) continue;
    const object = unit.diff.diff.removed.find((removed) => removed.key === formatObjectKey(finding.object));
    const provenance = object?.provenance;
    const source = provenance?.url ?? provenance?.file;
    if (!object || !provenance?.kustomization || !provenance.line || !source || provenance.generator) continue;
    const key = [finding.unit, provenance.kustomization, provenance.line, source].join('\0');
    const group = groups.get(key) ?? { unit, kustomization: provenance.kustomization, line: provenance.line, source, objects: [] };
    if (!group.objects.includes(object)) group.objects.push(object);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function planGroupFix(group: RemovalGroup, context: FixPlanningContext, readIndex: () => TreeIndex): Promise<Fix | undefined> {
  const headFile = join(context.head.root, group.kustomization);
  if (!existsSync(headFile)) return undefined;
  const headText = readFileSync(headFile, 'utf8');
  const beforeFile = join(context.beforeRoot, group.kustomization);
  const beforeEntry = existsSync(beforeFile) ? listResourceEntries(readFileSync(beforeFile, 'utf8')).find((entry) => entry.line === group.line)?.value : undefined;
  const headEntries = listResourceEntries(headText);
  // CRDs and Namespaces belong ahead of what uses them; with no better place, at the top.
  const anchor = findAnchor(headEntries, beforeEntry) ?? findDependentEntry(group, headEntries) ?? headEntries[0];
  const required = group.objects.map((object) => object.key).sort();
  const what = describeObjects(group.objects);
  const notes: string[] = [];

  const attempts: Array<() => Promise<Candidate | undefined>> = [
    () => findRemoteCandidate(group, anchor, required, what, context, notes),
    async () => findLocalCandidate(group, required, what, context, readIndex()),
    async () => vendorObjects(group, what, context),
  ];
  for (const attempt of attempts) {
    const candidate = await attempt();
    if (!candidate) continue;
    const edit = planResourceInsertion(group.kustomization, headText, {
      entries: candidate.entries,
      ...(anchor ? { before: anchor.value } : {}),
      description: candidate.description,
    });
    // A kustomization without a block-style resources list is not edited by guesswork.
    if (!edit) return undefined;
    const verified = group.unit.headGraph !== undefined;
    if (verified && !(await verify(group, group.unit.headGraph as KustomizationGraph, headFile, edit, candidate.files, context))) continue;
    return {
      source: candidate.source,
      description: notes.length > 0 && candidate.source !== FixSources.remote ? `${candidate.description} (${notes.join('; ')})` : candidate.description,
      entries: candidate.entries,
      edits: [edit.fix],
      files: candidate.files,
      restores: required,
      verified,
    };
  }
  return undefined;
}

/**
 * The head entry the objects belong before: the before side's entry itself, or the same
 * remote file at another ref (`.../v3.29.3/.../tigera-operator.yaml` became `.../v3.30.0/...`).
 */
function findAnchor(entries: readonly ResourceEntry[], beforeEntry: string | undefined): ResourceEntry | undefined {
  if (beforeEntry === undefined) return undefined;
  return (
    entries.find((entry) => entry.value === beforeEntry) ??
    (isRemoteFileUrl(beforeEntry) ? entries.find((entry) => isRemoteFileUrl(entry.value) && matchesIgnoringRef(entry.value, beforeEntry)) : undefined)
  );
}

/**
 * Without the old entry, CRDs go before the first entry that brings in resources of their
 * kinds, so a reader sees them ahead of what needs them.
 */
function findDependentEntry(group: RemovalGroup, entries: readonly ResourceEntry[]): ResourceEntry | undefined {
  const kinds = new Set(group.objects.flatMap((object) => {
    const crd = readCrdNames(object.body);
    return crd ? [`${crd.group}/${crd.kind}`] : [];
  }));
  if (kinds.size === 0) return undefined;
  const lines = [...group.unit.diff.after.values()]
    .filter((object) => kinds.has(`${object.id.group}/${object.id.kind}`) && object.provenance?.kustomization === group.kustomization)
    .map((object) => object.provenance?.line ?? Number.POSITIVE_INFINITY);
  const first = Math.min(...lines);
  return entries.find((entry) => entry.line === first);
}

/** `the 24 CRDs`, `the Namespace payments`, `the 3 cluster-scoped objects`. */
function describeObjects(objects: readonly ResourceObject[]): string {
  const [first] = objects;
  if (objects.length === 1 && first) return `the ${first.id.kind} ${first.id.name}`;
  const kinds = new Set(objects.map((object) => object.id.kind));
  if (kinds.size === 1 && kinds.has('CustomResourceDefinition')) return `the ${objects.length} CRDs`;
  if (kinds.size === 1) return `the ${objects.length} ${first?.id.kind ?? ''} objects`;
  return `the ${objects.length} cluster-scoped objects`;
}

/** Reads a candidate file's identity keys; undefined when it is not a manifest file. */
function readKeys(text: string, source: string, scope: ScopeResolver): Set<string> | undefined {
  try {
    const docs: ManifestDoc[] = parseManifests(text, source).map((body) => ({ body }));
    const local = extendScope(scope, docs);
    return new Set(docs.map((doc) => identifyObject(doc, local).key));
  } catch {
    return undefined;
  }
}

/** Adds the scopes of CRDs among `docs` to `scope`. */
function extendScope(scope: ScopeResolver, docs: readonly ManifestDoc[]): ScopeResolver {
  const own = createScopeResolver(collectCrdScopes(docs));
  return { getScope: (groupKind) => (scope.getScope(groupKind) === 'unknown' ? own.getScope(groupKind) : scope.getScope(groupKind)) };
}

async function findRemoteCandidate(
  group: RemovalGroup,
  anchor: ResourceEntry | undefined,
  required: readonly string[],
  what: string,
  context: FixPlanningContext,
  notes: string[],
): Promise<Candidate | undefined> {
  // Look where the head side points now (the new release), else where the objects came from.
  const url = anchor && isRemoteFileUrl(anchor.value) ? anchor.value : isRemoteFileUrl(group.source) ? group.source : undefined;
  if (!url) return undefined;
  const fileName = posix.basename(new URL(url).pathname);
  const github = parseGitHubFileUrl(url);
  // Without a listing (another host, or GitHub unreachable), probe the names projects use.
  let names = listConventionalSiblings(fileName);
  const { contents } = context;
  if (github && contents) {
    const directory = posix.dirname(github.path) === '.' ? '' : posix.dirname(github.path);
    try {
      const list = (path: string): Promise<DirectoryEntry[]> => contents.listDirectory(github.owner, github.repo, github.ref, path);
      const listing = await list(directory);
      const isFile = (entry: DirectoryEntry): boolean => entry.type === 'file' && entry.size <= CANDIDATE_SIZE_LIMIT;
      const files = listing.filter(isFile).map((entry) => entry.name);
      // CRDs often sit one level down, in crds/ or crd/.
      for (const sub of listing.filter((entry) => entry.type === 'dir' && /crd/i.test(entry.name))) {
        files.push(...(await list(posix.join(directory, sub.name))).filter(isFile).map((entry) => `${sub.name}/${entry.name}`));
      }
      names = rankCandidateFiles(files, fileName, REMOTE_CANDIDATE_CAP);
    } catch (error) {
      notes.push(`could not list ${github.owner}/${github.repo}/${directory} at ${github.ref}: ${describeGitHubError(error)}`);
    }
  }
  const candidates: RemoteCandidate[] = [];
  for (const name of names) {
    const candidate = await readRemoteCandidate(url, name, context);
    if (!candidate) continue;
    candidates.push(candidate);
    // One candidate that holds everything cannot be beaten: fetch no further.
    if (required.every((key) => candidate.keys.has(key))) break;
  }
  const chosen = chooseCoveringSet(required, candidates);
  if (!chosen || chosen.length === 0) return undefined;
  const listed = chosen.map((candidate) => candidate.name).join(' and ');
  return {
    source: FixSources.remote,
    entries: chosen.flatMap((candidate) => candidate.urls),
    files: [],
    description: `Keep ${what} that ${fileName} no longer carries: list ${listed} from the same place${anchor ? `, before ${fileName}` : ''}.`,
  };
}

/** A remote file (or a remote kustomization's files) that may hold the dropped objects. */
interface RemoteCandidate {
  /** Its name relative to the directory of the old file, e.g. `operator-crds.yaml`. */
  readonly name: string;
  /** The entries that list it. */
  readonly urls: readonly string[];
  /** Identity keys of the objects it defines. */
  readonly keys: ReadonlySet<string>;
}

/**
 * Fetches a candidate next to `url`; undefined when it is missing or no manifest file. A
 * kustomization (`crds/kustomization.yaml`) stands for the files it lists: kustomize cannot
 * build a plain HTTP directory, so those files become the entries.
 */
async function readRemoteCandidate(url: string, name: string, context: FixPlanningContext): Promise<RemoteCandidate | undefined> {
  const fetchKeys = async (target: string): Promise<ReadonlySet<string> | undefined> => {
    try {
      return readKeys(await context.remote.fetcher.fetchText(target), target, context.scope);
    } catch {
      return undefined;
    }
  };
  const sibling = replaceFileName(url, name);
  if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(name))) {
    const keys = await fetchKeys(sibling);
    return keys ? { name, urls: [sibling], keys } : undefined;
  }
  let text: string;
  try {
    text = await context.remote.fetcher.fetchText(sibling);
  } catch {
    return undefined;
  }
  const files = listResourceEntries(text).map((entry) => entry.value).filter((value) => !isRemoteReference(value) && /\.(ya?ml|json)$/i.test(value));
  if (files.length === 0) return undefined;
  const urls = files.map((file) => replaceFileName(url, posix.join(posix.dirname(name), file)));
  const keys = new Set<string>();
  for (const target of urls) {
    const found = await fetchKeys(target);
    if (!found) return undefined;
    for (const key of found) keys.add(key);
  }
  return { name, urls, keys };
}

function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status;
  return status ? `HTTP ${status}` : getErrorMessage(error);
}

function findLocalCandidate(group: RemovalGroup, required: readonly string[], what: string, context: FixPlanningContext, index: TreeIndex): Candidate | undefined {
  const { root } = context.head;
  const kustomizationDir = dirname(join(root, group.kustomization));
  const { files, referenced } = index;
  const names = required.map((key) => key.slice(key.lastIndexOf('/') + 1));
  const near = (path: string): number => (join(root, path).startsWith(`${kustomizationDir}/`) ? 0 : 1);
  const candidates = files
    .filter((path) => /\.ya?ml$/i.test(path) && !(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(path)))
    .filter((path) => !referenced.has(join(root, path)) && !path.split('/').some((part) => part.startsWith(BUILD_DIR_PREFIX)))
    .sort((a, b) => near(a) - near(b) || (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((path) => {
      const absolute = join(root, path);
      if (!existsSync(absolute) || statSync(absolute).size > CANDIDATE_SIZE_LIMIT) return [];
      const text = readFileSync(absolute, 'utf8');
      // Cheap test first: a file that names none of the objects cannot hold them.
      if (!names.some((name) => text.includes(name))) return [];
      const keys = readKeys(text, path, context.scope);
      return keys ? [{ name: toPosix(relative(kustomizationDir, absolute)), keys }] : [];
    });
  const chosen = chooseCoveringSet(required, candidates);
  if (!chosen || chosen.length === 0) return undefined;
  const listed = chosen.map((candidate) => candidate.name).join(' and ');
  return {
    source: FixSources.local,
    entries: chosen.map((candidate) => candidate.name),
    files: [],
    description: `Keep ${what}: list ${listed}, which ${chosen.length === 1 ? 'holds them but no kustomization lists' : 'hold them but no kustomization lists'}.`,
  };
}

function vendorObjects(group: RemovalGroup, what: string, context: FixPlanningContext): Candidate {
  const headDir = dirname(join(context.head.root, group.kustomization));
  const taken = new Set(existsSync(headDir) ? readdirSync(headDir) : []);
  const objects = [...group.objects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const name = chooseVendorFileName({
    source: group.source,
    allCrds: objects.every((object) => object.id.kind === 'CustomResourceDefinition'),
    taken,
  });
  const content = formatVendoredManifests(
    objects.map((object) => object.body),
    [
      `Vendored by prune-guard: ${group.source} no longer provides these objects,`,
      `so they are kept as rendered at ${context.beforeLabel}.`,
    ],
  );
  return {
    source: FixSources.vendored,
    entries: [name],
    files: [{ path: toPosix(relative(context.head.root, join(headDir, name))), content }],
    description: `Keep ${what}: nothing in the tree or upstream provides them any more, so write them as rendered before the change into ${name} and list it.`,
  };
}

/** Builds the head side with the edit: every object must come back and nothing else may go. */
async function verify(
  group: RemovalGroup,
  graph: KustomizationGraph,
  headFile: string,
  edit: PlannedEdit,
  files: readonly FixFile[],
  context: FixPlanningContext,
): Promise<boolean> {
  let docs: ManifestDoc[];
  try {
    docs = await renderRoot(context.runner, {
      treeRoot: context.head.root,
      graph,
      show: context.head.show,
      provenance: false,
      remote: context.remote,
      edits: {
        overrides: new Map([[headFile, edit.text]]),
        additions: new Map(files.map((file) => [join(context.head.root, file.path), file.content])),
      },
    });
  } catch (error) {
    if (error instanceof PruneGuardError) return false;
    throw error;
  }
  const set = dropIgnoredObjects(buildObjectSet(docs, extendScope(context.scope, docs)), context.config);
  return group.objects.every((object) => set.has(object.key)) && [...group.unit.diff.after.keys()].every((key) => set.has(key));
}

/** Every file some kustomization of the tree names, absolute. */
function collectReferencedFiles(root: string, show: PathDisplay): Set<string> {
  const referenced = new Set<string>();
  const walk = (dir: string): void => {
    let kustomization;
    try {
      kustomization = readKustomization(dir, show);
    } catch {
      // A broken kustomization elsewhere in the tree is not this fix's business.
      kustomization = undefined;
    }
    if (kustomization) {
      for (const file of kustomization.files.keys()) referenced.add(file);
      for (const path of kustomization.referencedPaths) referenced.add(path);
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(BUILD_DIR_PREFIX)) walk(join(dir, entry.name));
    }
  };
  walk(root);
  return referenced;
}

/** Files of a plain directory tree, relative and sorted. */
function walkFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(toPosix(relative(root, path)));
    }
  };
  walk(root);
  return files.sort();
}
