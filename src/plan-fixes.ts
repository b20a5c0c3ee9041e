/**
 * Fix planning: for the cluster-scoped objects a change drops (CRDs above all), find where
 * they went, write the `resources:` edit that keeps them, and build the head side again with
 * the edit to prove it. In order: a file next to the remote manifest that used to carry
 * them (listed through the GitHub contents API, or probed by conventional names on other
 * hosts), a file of the tree no kustomization lists any more, and last the objects as they
 * rendered before, vendored into a new file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { dropIgnoredObjects, type Config } from './core/config.ts';
import { PruneGuardError, getErrorMessage } from './core/errors.ts';
import { FixSources, Rules, type Finding, type Fix, type FixFile, type FixSource } from './core/findings.ts';
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
import { describeLineChange, listResourceEntries, planResourceInsertion, type ResourceEntry } from './core/kustomization-edit.ts';
import { buildObjectSet, collectCrdScopes, formatObjectKey, identifyObject, parseManifests, readCrdNames, type KubeObject, type ManifestDoc, type ResourceObject } from './core/objects.ts';
import { REMOVAL_RULE_IDS, type UnitDiff } from './core/rules.ts';
import { createScopeResolver, type ScopeResolver } from './core/scope.ts';
import type { DirectoryEntry, RepositoryContents } from './github/contents.ts';
import { KUSTOMIZATION_FILE_NAMES, isRemoteReference, toPosix, type KustomizationGraph, type PathDisplay } from './render/kustomization.ts';
import type { KustomizeRunner } from './render/kustomize.ts';
import { isRemoteFileUrl, type RemoteAccess } from './render/overlay.ts';
import { mapInPool } from './render/pool.ts';
import { FetchError, isMissingFile } from './render/remote-fetch.ts';
import { renderRoot } from './render/render-root.ts';
import { indexTree, type TreeIndex } from './render/tree-index.ts';

/** Directory entries read as remote fix candidates, at most; CRD-like names come first. */
const REMOTE_CANDIDATE_CAP = 12;
/** Listed files larger than this are not read (Calico's 2.6 MB CRD file is well below). */
const CANDIDATE_SIZE_LIMIT = 32 * 1024 * 1024;

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

/** The fixes, and which finding each resolves. */
export interface FixPlan {
  /** One fix per kustomization file, sorted by its path. */
  readonly fixes: readonly Fix[];
  /** `unit\0group/Kind/namespace/name` of each finding's object -> index in `fixes`. */
  readonly targets: ReadonlyMap<string, number>;
}

/** The removed objects of one unit that a group covers. */
interface Member {
  readonly unit: FixableUnit;
  readonly objects: ResourceObject[];
}

/**
 * Objects one kustomization entry brought in and the change drops, across every unit that
 * builds that kustomization (a base shared by two overlays is one group, fixed once).
 */
interface RemovalGroup {
  /** The kustomization file, relative to the tree roots. */
  readonly kustomization: string;
  /** The entry's line in the before side's file. */
  readonly line: number;
  /** The URL or file the objects came from, relative to the tree root for a file. */
  readonly source: string;
  /** True when `source` is a file of the tree. */
  readonly sourceIsFile: boolean;
  /** By unit name. */
  readonly members: Map<string, Member>;
  /** Every dropped object once, by key. */
  readonly objects: Map<string, ResourceObject>;
}

/** A way to bring the objects back, before it is verified. */
interface Candidate {
  readonly source: FixSource;
  readonly entries: readonly string[];
  readonly files: readonly FixFile[];
  readonly description: string;
}

/** A group's fix, with what merging fixes of one file needs. */
interface GroupFix {
  readonly group: RemovalGroup;
  readonly candidate: Candidate;
  /** The entry the new ones go before. */
  readonly anchor?: string;
  readonly verified: boolean;
}

/**
 * Plans a fix for every group of dropped cluster-scoped objects in `findings` (the caller
 * passes the findings worth fixing), one per kustomization file. A group whose every
 * candidate fails verification gets none.
 */
export async function planFixes(findings: readonly Finding[], units: ReadonlyMap<string, FixableUnit>, context: FixPlanningContext): Promise<FixPlan> {
  const groups = collectGroups(findings, units);
  if (groups.length === 0) return { fixes: [], targets: new Map() };
  // The tree is the same for every group: index it once, when a group first needs it.
  let index: TreeIndex | undefined;
  const readIndex = (): TreeIndex => (index ??= indexTree(context.head.root, context.head.show, context.head.files));
  const planned = await mapInPool(groups, context.concurrency, (group) => planGroupFix(group, context, readIndex));

  const byFile = new Map<string, GroupFix[]>();
  for (const fix of planned) if (fix) byFile.set(fix.group.kustomization, [...(byFile.get(fix.group.kustomization) ?? []), fix]);
  const files = [...byFile.keys()].sort();
  const merged = await mapInPool(files, context.concurrency, (file) => mergeFileFixes(file, byFile.get(file) ?? [], context));
  const fixes: Fix[] = [];
  const targets = new Map<string, number>();
  for (const { fix, groups: covered } of merged) {
    for (const group of covered) {
      for (const [unitName, member] of group.members) {
        for (const object of member.objects) targets.set(`${unitName}\0${object.key}`, fixes.length);
      }
    }
    fixes.push(fix);
  }
  return { fixes, targets };
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

async function planGroupFix(group: RemovalGroup, context: FixPlanningContext, readIndex: () => TreeIndex): Promise<GroupFix | undefined> {
  const headFile = join(context.head.root, group.kustomization);
  if (!existsSync(headFile)) return undefined;
  // When the unit no longer builds this kustomization, a parent dropped it: an edit here would change nothing.
  if ([...group.members.values()].some((member) => member.unit.headGraph && !member.unit.headGraph.kustomizations.some((k) => k.file === headFile))) return undefined;
  const headText = readFileSync(headFile, 'utf8');
  const beforeFile = join(context.beforeRoot, group.kustomization);
  const beforeEntry = existsSync(beforeFile) ? listResourceEntries(readFileSync(beforeFile, 'utf8')).find((entry) => entry.line === group.line)?.value : undefined;
  const headEntries = listResourceEntries(headText);
  const previous = findPreviousEntry(headEntries, beforeEntry);
  const required = [...group.objects.keys()].sort();
  // The entry is still listed and its file still holds the objects: the loss is elsewhere.
  if (beforeEntry !== undefined && previous?.value === beforeEntry && group.sourceIsFile && holdsAll(readIndex().readText(group.source), group.source, required, context.scope)) return undefined;
  // CRDs and Namespaces belong ahead of what uses them; with no better place, at the top.
  // New entries go into resources:, so an entry of bases: cannot be the place.
  const listed = headEntries.filter((entry) => entry.list === 'resources');
  const anchor = (previous?.list === 'resources' ? previous : undefined) ?? findDependentEntry(group, listed) ?? listed[0];
  const what = describeObjects([...group.objects.values()]);
  const notes: string[] = [];
  let unreachable = false;

  const attempts: Array<() => Promise<Candidate | undefined>> = [
    async () => {
      const found = await findRemoteCandidate(group, previous, required, what, context, notes);
      unreachable = found.unreachable;
      return found.candidate;
    },
    async () => findLocalCandidate(group, required, what, readIndex(), context),
    // Vendoring what an upstream might still serve would freeze a copy because of a network hiccup.
    async () => (unreachable ? undefined : vendorObjects(group, what, context)),
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
    const verification = await verify([group], headFile, edit.text, candidate.files, context);
    // A download that failed says nothing about the fix; trying the next way would vendor a frozen copy.
    if (verification === 'unreachable') return undefined;
    if (verification === 'failed') continue;
    const described = notes.length > 0 && candidate.source !== FixSources.remote ? { ...candidate, description: `${candidate.description} (${notes.join('; ')})` } : candidate;
    return { group, candidate: described, ...(anchor ? { anchor: anchor.value } : {}), verified: verification === 'verified' };
  }
  return undefined;
}

/**
 * Fixes of one kustomization become one edit: suggestions on the same lines could not all
 * be committed, and `fix --write` would have to skip all but one. The combined edit is
 * verified again; when it fails, only the first group's fix is kept.
 */
async function mergeFileFixes(path: string, fixes: readonly GroupFix[], context: FixPlanningContext): Promise<{ fix: Fix; groups: RemovalGroup[] }> {
  const headFile = join(context.head.root, path);
  const original = readFileSync(headFile, 'utf8');
  const toFix = (included: readonly GroupFix[], text: string, verified: boolean): Fix => {
    const description = included.map((fix) => fix.candidate.description).join(' ');
    const sources = new Set(included.map((fix) => fix.candidate.source));
    return {
      // The weakest source says what a reviewer must look at most closely.
      source: sources.has(FixSources.vendored) ? FixSources.vendored : sources.has(FixSources.local) ? FixSources.local : FixSources.remote,
      description,
      entries: [...new Set(included.flatMap((fix) => fix.candidate.entries))],
      edits: [describeLineChange(path, original, text, description)],
      files: included.flatMap((fix) => fix.candidate.files),
      restores: [...new Set(included.flatMap((fix) => [...fix.group.objects.keys()]))].sort(),
      verified,
    };
  };
  const first = fixes[0] as GroupFix;
  const single = (): { fix: Fix; groups: RemovalGroup[] } => {
    const edit = planResourceInsertion(path, original, { entries: first.candidate.entries, ...(first.anchor ? { before: first.anchor } : {}), description: first.candidate.description });
    return { fix: toFix([first], edit?.text ?? original, first.verified), groups: [first.group] };
  };
  if (fixes.length === 1) return single();

  let text = original;
  for (const fix of fixes) {
    // Two groups may need the same file (one crds.yaml holds both); it is listed once.
    const listed = new Set(listResourceEntries(text).map((entry) => entry.value));
    const entries = fix.candidate.entries.filter((entry) => !listed.has(entry));
    if (entries.length === 0) continue;
    const edit = planResourceInsertion(path, text, { entries, ...(fix.anchor ? { before: fix.anchor } : {}), description: fix.candidate.description });
    if (!edit) return single();
    text = edit.text;
  }
  const files = fixes.flatMap((fix) => fix.candidate.files);
  // Two groups vendoring into one new file name cannot both be written.
  if (new Set(files.map((file) => file.path)).size < files.length) return single();
  const verification = await verify(fixes.map((fix) => fix.group), headFile, text, files, context);
  if (verification === 'failed' || verification === 'unreachable') return single();
  return { fix: toFix(fixes, text, verification === 'verified' && fixes.every((fix) => fix.verified)), groups: fixes.map((fix) => fix.group) };
}

/**
 * The head entry that replaced the one the objects came from: the entry itself, or the same
 * remote file at another ref (`.../v3.29.3/.../tigera-operator.yaml` became `.../v3.30.0/...`).
 */
function findPreviousEntry(entries: readonly ResourceEntry[], beforeEntry: string | undefined): ResourceEntry | undefined {
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
  const kinds = new Set(
    [...group.objects.values()].flatMap((object) => {
      const crd = readCrdNames(object.body);
      return crd ? [`${crd.group}/${crd.kind}`] : [];
    }),
  );
  if (kinds.size === 0) return undefined;
  const lines = [...group.members.values()]
    .flatMap((member) => [...member.unit.diff.after.values()])
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

function holdsAll(text: string | undefined, source: string, required: readonly string[], scope: ScopeResolver): boolean {
  const keys = text === undefined ? undefined : readKeys(text, source, scope);
  return keys !== undefined && required.every((key) => keys.has(key));
}

/** Adds the scopes of CRDs among `docs` to `scope`. */
function extendScope(scope: ScopeResolver, docs: readonly ManifestDoc[]): ScopeResolver {
  const own = createScopeResolver(collectCrdScopes(docs));
  return { getScope: (groupKind) => (scope.getScope(groupKind) === 'unknown' ? own.getScope(groupKind) : scope.getScope(groupKind)) };
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

/** What reading one candidate gave: its objects, nothing (not there), or a failure to reach it. */
type RemoteRead = { readonly found?: RemoteCandidate; readonly unreachable: boolean };

async function findRemoteCandidate(
  group: RemovalGroup,
  previous: ResourceEntry | undefined,
  required: readonly string[],
  what: string,
  context: FixPlanningContext,
  notes: string[],
): Promise<{ candidate?: Candidate; unreachable: boolean }> {
  // Look where the head side points now (the new release), else where the objects came from.
  const url = previous && isRemoteFileUrl(previous.value) ? previous.value : isRemoteFileUrl(group.source) ? group.source : undefined;
  if (!url) return { unreachable: false };
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
      // An empty answer (a 404: another GitHub, a private repository, a ref read wrongly) is no listing.
      if (files.length > 0) names = rankCandidateFiles(files, fileName, REMOTE_CANDIDATE_CAP);
    } catch (error) {
      notes.push(`could not list ${github.owner}/${github.repo}/${directory} at ${github.ref}: ${describeGitHubError(error)}`);
    }
  }
  const candidates: RemoteCandidate[] = [];
  let unreachable = false;
  for (const name of names) {
    const read = await readRemoteCandidate(url, name, context);
    if (read.unreachable) {
      // The next names would wait on the same dead host.
      unreachable = true;
      notes.push(`could not reach ${replaceFileName(url, name)}`);
      break;
    }
    if (!read.found) continue;
    const { keys } = read.found;
    candidates.push(read.found);
    // One candidate that holds everything cannot be beaten: fetch no further.
    if (required.every((key) => keys.has(key))) break;
  }
  const chosen = chooseCoveringSet(required, candidates);
  if (!chosen || chosen.length === 0) return { unreachable };
  const listed = chosen.map((candidate) => candidate.name).join(' and ');
  return {
    unreachable,
    candidate: {
      source: FixSources.remote,
      entries: chosen.flatMap((candidate) => candidate.urls),
      files: [],
      description: `Keep ${what} that ${fileName} no longer carries: list ${listed} from the same place${previous ? `, before ${fileName}` : ''}.`,
    },
  };
}

/**
 * Fetches a candidate next to `url`. A kustomization (`crds/kustomization.yaml`) stands for
 * the files it lists: kustomize cannot build a plain HTTP directory, so those become the entries.
 */
async function readRemoteCandidate(url: string, name: string, context: FixPlanningContext): Promise<RemoteRead> {
  const fetchText = async (target: string): Promise<{ text?: string; unreachable: boolean }> => {
    try {
      return { text: await context.remote.fetcher.fetchText(target), unreachable: false };
    } catch (error) {
      return { unreachable: !isMissingFile(error) };
    }
  };
  const sibling = replaceFileName(url, name);
  const fetched = await fetchText(sibling);
  if (fetched.text === undefined) return { unreachable: fetched.unreachable };
  if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(name))) {
    const keys = readKeys(fetched.text, sibling, context.scope);
    return { unreachable: false, ...(keys ? { found: { name, urls: [sibling], keys } } : {}) };
  }
  const files = listResourceEntries(fetched.text)
    .map((entry) => entry.value)
    .filter((value) => !isRemoteReference(value) && /\.(ya?ml|json)$/i.test(value));
  if (files.length === 0) return { unreachable: false };
  const urls = files.map((file) => replaceFileName(url, posix.join(posix.dirname(name), file)));
  const keys = new Set<string>();
  for (const target of urls) {
    const part = await fetchText(target);
    const found = part.text === undefined ? undefined : readKeys(part.text, target, context.scope);
    if (!found) return { unreachable: part.unreachable };
    for (const key of found) keys.add(key);
  }
  return { unreachable: false, found: { name, urls, keys } };
}

function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status;
  return status ? `HTTP ${status}` : getErrorMessage(error);
}

function findLocalCandidate(group: RemovalGroup, required: readonly string[], what: string, index: TreeIndex, context: FixPlanningContext): Candidate | undefined {
  const { root } = context.head;
  const kustomizationDir = dirname(join(root, group.kustomization));
  const names = required.map((key) => key.slice(key.lastIndexOf('/') + 1));
  const near = (path: string): number => (join(root, path).startsWith(`${kustomizationDir}/`) ? 0 : 1);
  const candidates = [...index.unlisted]
    .sort((a, b) => near(a) - near(b) || compareText(a, b))
    .flatMap((path) => {
      const text = index.readText(path);
      // Cheap test first: a file that names none of the objects cannot hold them.
      if (text === undefined || !names.some((name) => text.includes(name))) return [];
      const keys = readKeys(text, path, context.scope);
      return keys ? [{ name: toPosix(relative(kustomizationDir, join(root, path))), keys }] : [];
    });
  const chosen = chooseCoveringSet(required, candidates);
  if (!chosen || chosen.length === 0) return undefined;
  const listed = chosen.map((candidate) => candidate.name).join(' and ');
  const them = required.length === 1 ? 'it' : 'them';
  return {
    source: FixSources.local,
    entries: chosen.map((candidate) => candidate.name),
    files: [],
    description: `Keep ${what}: list ${listed}, which ${chosen.length === 1 ? 'holds' : 'hold'} ${them} but no kustomization lists.`,
  };
}

/**
 * Writes the objects as their source had them before the change (the file in the before tree,
 * or the old URL), not as rendered: a render carries every transformation up to the root
 * (an overlay's labels in a shared base), which the kustomization would then apply twice.
 * When the source no longer reads back to exactly these objects, there is nothing faithful to
 * vendor.
 */
async function vendorObjects(group: RemovalGroup, what: string, context: FixPlanningContext): Promise<Candidate | undefined> {
  let text: string;
  try {
    text = group.sourceIsFile ? readFileSync(join(context.beforeRoot, group.source), 'utf8') : await context.remote.fetcher.fetchText(group.source);
  } catch {
    return undefined;
  }
  let bodies: Map<string, KubeObject>;
  try {
    const docs: ManifestDoc[] = parseManifests(text, group.source).map((body) => ({ body }));
    const scope = extendScope(context.scope, docs);
    bodies = new Map(docs.map((doc) => [identifyObject(doc, scope).key, doc.body]));
  } catch {
    return undefined;
  }
  const keys = [...group.objects.keys()].sort(compareText);
  if (!keys.every((key) => bodies.has(key))) return undefined;
  const headDir = dirname(join(context.head.root, group.kustomization));
  const taken = new Set(existsSync(headDir) ? readdirSync(headDir) : []);
  const name = chooseVendorFileName({
    source: group.source,
    allCrds: [...group.objects.values()].every((object) => object.id.kind === 'CustomResourceDefinition'),
    taken,
  });
  const content = formatVendoredManifests(
    keys.map((key) => bodies.get(key) as KubeObject),
    [`Vendored by prune-guard: ${group.source} no longer provides these objects,`, `so they are kept as that source had them at ${context.beforeLabel}.`],
  );
  const them = keys.length === 1 ? 'it' : 'them';
  return {
    source: FixSources.vendored,
    entries: [name],
    files: [{ path: toPosix(relative(context.head.root, join(headDir, name))), content }],
    description: `Keep ${what}: nothing in the tree or upstream provides ${them} any more, so write ${them} as ${keys.length === 1 ? 'it was' : 'they were'} before the change into ${name} and list it.`,
  };
}

/**
 * Builds every unit of the groups with the edited kustomization (and new files): each unit's
 * dropped objects must come back and nothing it renders now may go. Units without a head
 * graph (Flux mode) cannot be built this way: `unverified`, when no unit could be built.
 */
async function verify(
  groups: readonly RemovalGroup[],
  headFile: string,
  text: string,
  files: readonly FixFile[],
  context: FixPlanningContext,
): Promise<'verified' | 'unverified' | 'failed' | 'unreachable'> {
  const byUnit = new Map<string, { unit: FixableUnit; keys: Set<string> }>();
  for (const group of groups) {
    for (const [name, member] of group.members) {
      const entry = byUnit.get(name) ?? { unit: member.unit, keys: new Set<string>() };
      for (const object of member.objects) entry.keys.add(object.key);
      byUnit.set(name, entry);
    }
  }
  const buildable = [...byUnit.values()].filter((entry) => entry.unit.headGraph !== undefined);
  if (buildable.length === 0) return 'unverified';
  for (const { unit, keys } of buildable) {
    let docs: ManifestDoc[];
    try {
      docs = await renderRoot(context.runner, {
        treeRoot: context.head.root,
        graph: unit.headGraph as KustomizationGraph,
        show: context.head.show,
        provenance: false,
        remote: context.remote,
        edits: {
          overrides: new Map([[headFile, text]]),
          additions: new Map(files.map((file) => [join(context.head.root, file.path), file.content])),
        },
      });
    } catch (error) {
      if (error instanceof FetchError && !isMissingFile(error)) return 'unreachable';
      if (error instanceof PruneGuardError) return 'failed';
      throw error;
    }
    const set = dropIgnoredObjects(buildObjectSet(docs, extendScope(context.scope, docs)), context.config);
    if (![...keys].every((key) => set.has(key)) || ![...unit.diff.after.keys()].every((key) => set.has(key))) return 'failed';
  }
  return 'verified';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
