/**
 * Fix planning: for the cluster-scoped objects a change drops (CRDs above all), find where
 * they went, write the `resources:` edit that keeps them, and build the head side again with
 * the edit to prove it. In order: files next to the remote manifest that used to carry
 * them (listed through the GitHub contents API, or probed by conventional names on other
 * hosts), a directory or file of the tree no kustomization lists any more, and last the
 * objects as their source had them before, vendored into a new file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import type { Config } from '../../core/config/parse-config.ts';
import { dropIgnoredObjects } from '../../core/config/object-patterns.ts';
import { PruneGuardError, getErrorMessage } from '../../core/errors.ts';
import { FixSources, Rules, type Finding, type Fix, type FixFile, type FixSource } from '../../core/rules/findings.ts';
import {
  chooseCoveringSet,
  chooseVendorFileName,
  formatVendoredManifests,
  isSameDirectoryAnyRef,
  applyNameAffix,
  learnNameAffixes,
  listConventionalSiblings,
  matchesIgnoringRef,
  type NameAffix,
  parseGitHubFileUrl,
  rankCandidateFiles,
  replaceFileName,
} from '../../core/fix/fix-plan.ts';
import { describeLineChange, listResourceEntries, planResourceInsertion, type ResourceEntry } from '../../core/fix/kustomization-edit.ts';
import {
  buildObjectSet,
  collectCrdScopes,
  formatObjectKey,
  formatObjectRef,
  identifyObject,
  isSecret,
  parseManifests,
  readCrdNames,
  type KubeObject,
  type ManifestDoc,
  type ResourceObject,
} from '../../core/objects/kube-objects.ts';
import { redactCredentials } from '../../core/text/redact.ts';
import { REMOVAL_RULE_IDS, type UnitDiff } from '../../core/rules/removal-rules.ts';
import { createScopeResolver, type ScopeResolver } from '../../core/objects/scope.ts';
import type { DirectoryEntry, RepositoryContents } from '../../github/contents.ts';
import { createConfinement, isInside } from '../../render/kustomize/confine.ts';
import { KUSTOMIZATION_FILE_NAMES, isRemoteReference, toPosix, type KustomizationGraph, type PathDisplay } from '../../render/kustomize/read-kustomization.ts';
import type { KustomizeRunner } from '../../render/kustomize/kustomize-runner.ts';
import { isRemoteFileUrl, type RemoteAccess } from '../../render/kustomize/overlay.ts';
import { mapInPool } from '../../render/pool.ts';
import { FetchError, describeNetworkError, isMissingFile } from '../../render/remote-fetch.ts';
import { renderRoot } from '../../render/kustomize/render-root.ts';
import { indexTree, type TreeIndex } from '../../render/kustomize/tree-index.ts';

/**
 * Directory entries read as remote fix candidates, at most: CRD-like names first (a `crds/`
 * directory may hold one file per CRD), then a few others.
 */
const REMOTE_CANDIDATE_CAPS = { crds: 64, others: 12 } as const;
/** Listed files larger than this are not read (Calico's 2.6 MB CRD file is well below). */
const CANDIDATE_SIZE_LIMIT = 32 * 1024 * 1024;
/** Objects a fix brings in beyond what it restores, named in its description; the rest are counted. */
const NAMED_EXTRAS = 3;

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

/** The fixes, which finding each resolves, and why some dropped objects got none. */
export interface FixPlan {
  /** One fix per kustomization file, sorted by its path. */
  readonly fixes: readonly Fix[];
  /** `unit\0group/Kind/namespace/name` of each finding's object -> index in `fixes`. */
  readonly targets: ReadonlyMap<string, number>;
  /** One line per group of dropped objects left without a fix for a reason worth telling (a failed look-up). */
  readonly notes: readonly string[];
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

/** Fix planning's own state: the context, every unit, and the tree index. */
interface Planning extends FixPlanningContext {
  readonly units: ReadonlyMap<string, FixableUnit>;
  readonly readIndex: () => TreeIndex;
}

/** A way to bring the objects back, before it is verified. */
interface Candidate {
  readonly source: FixSource;
  readonly entries: readonly string[];
  readonly files: readonly FixFile[];
  readonly description: string;
}

/** Changes a verification build tries out, by absolute path. */
interface TreeChange {
  /** Kustomization files with their new text. */
  readonly overrides: ReadonlyMap<string, string>;
  /** New files with their content. */
  readonly additions: ReadonlyMap<string, string>;
}

/** Unit name -> its objects as a verification build rendered them. */
type Renders = ReadonlyMap<string, ReadonlyMap<string, ResourceObject>>;

/** What building the head side with a change showed. */
type Verification =
  /** Every affected unit built, got its dropped objects back, and lost nothing. */
  | { readonly status: 'verified'; readonly renders: Renders }
  /** No affected unit could be built here (Flux mode). */
  | { readonly status: 'unverified' }
  /** A build failed, or lost or missed an object. */
  | { readonly status: 'failed' }
  /** A download failed: says nothing about the change. */
  | { readonly status: 'unreachable'; readonly problem: string };

/** A group's fix, with what merging fixes of one file needs. */
interface GroupFix {
  readonly group: RemovalGroup;
  readonly candidate: Candidate;
  /** The entry the new ones go before. */
  readonly anchor?: string;
  readonly verification: Verification;
}

/** The fix of one kustomization file, before it is checked with the fixes of other files. */
interface FileFix {
  readonly path: string;
  readonly groups: readonly RemovalGroup[];
  readonly candidates: readonly Candidate[];
  /** The kustomization's text with the fix. */
  readonly text: string;
  readonly change: TreeChange;
  readonly verification: Verification;
}

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

/** A group's fix, or the notes that say why a look-up left it without one. */
interface GroupResult {
  readonly fix?: GroupFix;
  readonly notes: readonly string[];
}

/** Says why a group got no fix: `no fix for the 2 CRDs listed at infra/kustomization.yaml:4: could not reach ...`. */
function describeUnfixed(group: RemovalGroup, notes: readonly string[]): string {
  return `no fix for ${describeObjects([...group.objects.values()])} listed at ${group.kustomization}:${group.line}: ${notes.join('; ')}`;
}

async function planGroupFix(group: RemovalGroup, planning: Planning): Promise<GroupResult> {
  const none: GroupResult = { notes: [] };
  const headFile = join(planning.head.root, group.kustomization);
  // Provenance names files of the trees; one that leads elsewhere is never read.
  if (!existsSync(headFile) || !isInside(createConfinement(planning.head.root), headFile)) return none;
  // When the unit no longer builds this kustomization, a parent dropped it: an edit here would change nothing.
  if ([...group.members.values()].some((member) => member.unit.headGraph && !member.unit.headGraph.kustomizations.some((k) => k.file === headFile))) return none;
  const headText = readFileSync(headFile, 'utf8');
  const beforeFile = join(planning.beforeRoot, group.kustomization);
  const beforeEntries = existsSync(beforeFile) && isInside(createConfinement(planning.beforeRoot), beforeFile) ? listResourceEntries(readFileSync(beforeFile, 'utf8')) : [];
  const beforeEntry = beforeEntries.find((entry) => entry.line === group.line)?.value;
  const headEntries = listResourceEntries(headText);
  const previous = findPreviousEntry(headEntries, beforeEntry, beforeEntries);
  const required = [...group.objects.keys()].sort();
  // The names as the source writes them, and what a namePrefix or nameSuffix made of them.
  const source = await readBeforeSource(group, planning);
  const affixes = learnNameAffixes(required, source ? [...source.keys()] : []);
  // The entry is still listed and its file still holds the objects: the loss is elsewhere.
  if (
    beforeEntry !== undefined &&
    previous?.value === beforeEntry &&
    group.sourceIsFile &&
    holdsAll(planning.readIndex().readText(group.source), group.source, required, planning.scope, affixes)
  ) {
    return none;
  }
  // CRDs and Namespaces belong ahead of what uses them; with no better place, at the top.
  // New entries go into resources:, so an entry of bases: cannot be the place.
  const listed = headEntries.filter((entry) => entry.list === 'resources');
  const anchor = (previous?.list === 'resources' ? previous : undefined) ?? findDependentEntry(group, listed) ?? listed[0];
  const what = describeObjects([...group.objects.values()]);
  const notes: string[] = [];
  // Another root renders the objects now, and did not before: listing or vendoring them here
  // would render them twice. A root that always rendered them (a second cluster) is no move.
  const movedTo = [...planning.units]
    .filter(([name, unit]) => unit.exists && !group.members.has(name) && required.some((key) => unit.diff.after.has(key) && !unit.diff.before.has(key)))
    .map(([name]) => name);
  const lookup = { failed: false };
  const search: CandidateSearch = { group, required, what, affixes, planning };

  const candidates = async function* (): AsyncGenerator<Candidate, void, boolean | undefined> {
    if (movedTo.length === 0) yield* findRemoteCandidates(search, previous, previous !== undefined && previous === anchor, notes, lookup);
    yield* findLocalCandidates(search, movedTo);
    // Vendoring what an upstream might still serve would freeze a copy because of a network hiccup.
    if (movedTo.length === 0 && !lookup.failed) {
      const vendored = vendorObjects(search, source);
      if (vendored) yield vendored;
    }
  };
  const attempts = candidates();
  let tried = 0;
  try {
    let rejected: boolean | undefined;
    while (true) {
      // The generator hears whether its last candidate failed, to look further.
      const next = await attempts.next(rejected);
      if (next.done) break;
      const candidate = next.value;
      const edit = planResourceInsertion(group.kustomization, headText, {
        entries: candidate.entries,
        ...(anchor ? { before: anchor.value } : {}),
        description: candidate.description,
      });
      // A kustomization without a block-style resources list is not edited by guesswork.
      if (!edit) return { notes: [...notes, `its resources: is not a block list prune-guard can add to without rewriting ${group.kustomization}`] };
      const verification = await verify([group], createTreeChange([[headFile, edit.text]], candidate.files, planning), planning);
      // A download that failed says nothing about the fix; trying the next way would vendor a frozen copy.
      if (verification.status === 'unreachable') return { notes: [...notes, `checking a fix, ${verification.problem}`] };
      rejected = verification.status === 'failed';
      tried++;
      if (rejected) continue;
      const described = notes.length > 0 && candidate.source !== FixSources.remote ? { ...candidate, description: `${candidate.description} (${notes.join('; ')})` } : candidate;
      return { fix: { group, candidate: described, ...(anchor ? { anchor: anchor.value } : {}), verification }, notes };
    }
  } finally {
    await attempts.return(undefined);
  }
  if (movedTo.length > 0) notes.push(`${required.length === 1 ? 'it is' : 'they are'} rendered by ${movedTo.join(', ')} now, a move rather than a loss`);
  if (tried > 0) notes.push(`with ${tried === 1 ? 'the one fix' : `each of the ${tried} fixes`} tried, a build failed or lost an object`);
  if ([...group.objects.values()].some((object) => isSecret(object.id))) notes.push('a Secret is never written into a file');
  return { notes };
}

function createTreeChange(overrides: ReadonlyArray<[string, string]>, files: readonly FixFile[], planning: Planning): TreeChange {
  return { overrides: new Map(overrides), additions: new Map(files.map((file) => [join(planning.head.root, file.path), file.content])) };
}

/**
 * Fixes of one kustomization become one edit: suggestions on the same lines could not all
 * be committed, and `fix --write` would have to skip all but one. The combined edit is
 * verified again; when it fails, the groups are added one at a time, each kept only if the
 * edit still verifies with it, and the others are returned as left out.
 */
async function mergeFileFixes(path: string, fixes: readonly GroupFix[], planning: Planning): Promise<{ fix: FileFix; leftOut: readonly GroupFix[] }> {
  const headFile = join(planning.head.root, path);
  const original = readFileSync(headFile, 'utf8');
  const combine = (included: readonly GroupFix[]): { text: string; files: FixFile[] } | undefined => {
    let text = original;
    for (const fix of included) {
      // Two groups may need the same file (one crds.yaml holds both); it is listed once.
      const listed = new Set(listResourceEntries(text).map((entry) => entry.value));
      const entries = fix.candidate.entries.filter((entry) => !listed.has(entry));
      if (entries.length === 0) continue;
      const edit = planResourceInsertion(path, text, { entries, ...(fix.anchor ? { before: fix.anchor } : {}), description: fix.candidate.description });
      if (!edit) return undefined;
      text = edit.text;
    }
    const files = included.flatMap((fix) => fix.candidate.files);
    // Two groups vendoring into one new file name cannot both be written.
    return new Set(files.map((file) => file.path)).size < files.length ? undefined : { text, files };
  };
  const toFileFix = (included: readonly GroupFix[], combined: { text: string; files: FixFile[] }, verification: Verification): FileFix => ({
    path,
    groups: included.map((fix) => fix.group),
    candidates: included.map((fix) => fix.candidate),
    text: combined.text,
    change: createTreeChange([[headFile, combined.text]], combined.files, planning),
    // Verified only when every part was: a part proposed unverified stays so.
    verification: verification.status === 'verified' && included.every((fix) => fix.verification.status === 'verified') ? verification : { status: 'unverified' },
  });
  const check = async (included: readonly GroupFix[]): Promise<FileFix | undefined> => {
    const combined = combine(included);
    if (!combined) return undefined;
    // One group's fix was verified on its own already.
    const verification =
      included.length === 1 ? (included[0] as GroupFix).verification : await verify(included.map((fix) => fix.group), createTreeChange([[headFile, combined.text]], combined.files, planning), planning);
    return verification.status === 'failed' || verification.status === 'unreachable' ? undefined : toFileFix(included, combined, verification);
  };
  const all = fixes.length > 1 ? await check(fixes) : undefined;
  if (all) return { fix: all, leftOut: [] };
  let kept = (await check([fixes[0] as GroupFix])) as FileFix;
  let included: GroupFix[] = [fixes[0] as GroupFix];
  const leftOut: GroupFix[] = [];
  for (const fix of fixes.slice(1)) {
    const next = await check([...included, fix]);
    if (next) {
      kept = next;
      included = [...included, fix];
    } else {
      leftOut.push(fix);
    }
  }
  return { fix: kept, leftOut };
}

/** Which kept fix brings back an object of a unit (`unit\0key`), and which brings the CRD of a kind (`group/Kind`). */
interface Providers {
  readonly objects: Map<string, FileFix>;
  readonly crdKinds: Map<string, FileFix>;
  /** Objects each fix brings in beyond the ones it restores: what a reviewer should know it adds. */
  readonly extras: Map<FileFix, ResourceObject[]>;
}

/**
 * Checks the fixes of different files that build into one unit together, in path order:
 * each is kept only if the unit still builds with it and the fixes kept before it, keeps
 * everything and gets its objects back (two fixes listing one file would collide). Also
 * says which fix brings back what, so a dropped fix's findings point at the one that covers
 * them.
 */
async function checkTogether(fileFixes: readonly FileFix[], planning: Planning): Promise<{ kept: FileFix[]; providers: Providers }> {
  const providers: Providers = { objects: new Map(), crdKinds: new Map(), extras: new Map() };
  // Units as the fixes kept so far render them; a unit not in it renders as the head side does.
  const current = new Map<string, ReadonlyMap<string, ResourceObject>>();
  const kept: FileFix[] = [];
  const claimed = new Map<string, FileFix[]>();
  for (const fix of fileFixes) {
    const names = listAffectedUnits(fix.change, planning).map(([name]) => name);
    const earlier = [...new Set(names.flatMap((name) => claimed.get(name) ?? []))];
    let verification = fix.verification;
    if (earlier.length > 0 && verification.status !== 'unverified') {
      const together = [...earlier, fix];
      verification = await verify(
        together.flatMap((part) => part.groups),
        {
          overrides: new Map(together.flatMap((part) => [...part.change.overrides])),
          additions: new Map(together.flatMap((part) => [...part.change.additions])),
        },
        planning,
      );
      if (verification.status !== 'verified') continue;
    }
    kept.push(fix);
    for (const name of names) claimed.set(name, [...(claimed.get(name) ?? []), fix]);
    recordProviders(fix, verification, current, planning, providers);
  }
  return { kept, providers };
}

function recordProviders(fix: FileFix, verification: Verification, current: Map<string, ReadonlyMap<string, ResourceObject>>, planning: Planning, providers: Providers): void {
  const restores = new Set(fix.groups.flatMap((group) => [...group.objects.keys()]));
  const addCrd = (object: ResourceObject): void => {
    const crd = readCrdNames(object.body);
    if (crd && !providers.crdKinds.has(`${crd.group}/${crd.kind}`)) providers.crdKinds.set(`${crd.group}/${crd.kind}`, fix);
  };
  // Without a build (Flux mode), the CRDs it restores are what it is known to bring.
  for (const group of fix.groups) for (const object of group.objects.values()) addCrd(object);
  if (verification.status !== 'verified') return;
  const extras = new Map<string, ResourceObject>();
  for (const [name, objects] of verification.renders) {
    const before = current.get(name) ?? planning.units.get(name)?.diff.after ?? new Map();
    for (const [key, object] of objects) {
      if (before.has(key)) continue;
      if (!providers.objects.has(`${name}\0${key}`)) providers.objects.set(`${name}\0${key}`, fix);
      addCrd(object);
      if (!restores.has(key)) extras.set(key, object);
    }
    current.set(name, objects);
  }
  providers.extras.set(fix, [...extras.values()].sort((a, b) => compareText(a.key, b.key)));
}

function toFix(fileFix: FileFix, providers: Providers, planning: Planning): Fix {
  const { candidates, path } = fileFix;
  const original = readFileSync(join(planning.head.root, path), 'utf8');
  const extras = providers.extras.get(fileFix) ?? [];
  const named = extras.slice(0, NAMED_EXTRAS).map((object) => formatObjectRef(object.id));
  const more = extras.length - named.length;
  // Objects the change alone does not render (a local file's Namespace, a release's new CRDs): the reviewer should know.
  const adds =
    extras.length === 0
      ? ''
      : ` It also adds ${extras.length === 1 ? 'an object' : `${extras.length} objects`} new to the render: ${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`;
  const description = `${candidates.map((candidate) => candidate.description).join(' ')}${adds}`;
  const sources = new Set(candidates.map((candidate) => candidate.source));
  return {
    // The weakest source says what a reviewer must look at most closely.
    source: sources.has(FixSources.vendored) ? FixSources.vendored : sources.has(FixSources.local) ? FixSources.local : FixSources.remote,
    description,
    entries: [...new Set(candidates.flatMap((candidate) => candidate.entries))],
    edits: [describeLineChange(path, original, fileFix.text, description)],
    files: candidates.flatMap((candidate) => candidate.files),
    restores: [...new Set(fileFix.groups.flatMap((group) => [...group.objects.keys()]))].sort(),
    verified: fileFix.verification.status === 'verified',
  };
}

/**
 * The head entry that replaced the one the objects came from: the entry itself, the same
 * remote file at another ref (`.../v3.29.3/.../tigera-operator.yaml` became `.../v3.30.0/...`),
 * or, failing both, a new remote entry published in the same place under another name.
 */
function findPreviousEntry(entries: readonly ResourceEntry[], beforeEntry: string | undefined, beforeEntries: readonly ResourceEntry[]): ResourceEntry | undefined {
  if (beforeEntry === undefined) return undefined;
  const exact = entries.find((entry) => entry.value === beforeEntry);
  if (exact || !isRemoteFileUrl(beforeEntry)) return exact;
  const remote = entries.filter((entry) => isRemoteFileUrl(entry.value));
  const sameFile = remote.find((entry) => matchesIgnoringRef(entry.value, beforeEntry));
  if (sameFile) return sameFile;
  const before = new Set(beforeEntries.map((entry) => entry.value));
  return remote.find((entry) => !before.has(entry.value) && isSameDirectoryAnyRef(entry.value, beforeEntry));
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

/**
 * Reads a candidate file's identity keys, as the kustomization would render them (`affixes`
 * puts a namePrefix back on); undefined when it is not a manifest file.
 */
function readKeys(text: string, source: string, scope: ScopeResolver, affixes: ReadonlyMap<string, NameAffix>): Set<string> | undefined {
  const objects = readManifestObjects(text, source, scope);
  return objects && new Set([...objects.keys()].map((key) => applyNameAffix(key, affixes)));
}

/** A manifest file's objects by identity key, as written (not redacted: for vendoring); undefined when it is no manifest file. */
function readManifestObjects(text: string, source: string, scope: ScopeResolver): Map<string, KubeObject> | undefined {
  try {
    const docs: ManifestDoc[] = parseManifests(text, source).map((body) => ({ body }));
    const local = extendScope(scope, docs);
    return new Map(docs.map((doc) => [identifyObject(doc, local).key, doc.body]));
  } catch {
    return undefined;
  }
}

function holdsAll(text: string | undefined, source: string, required: readonly string[], scope: ScopeResolver, affixes: ReadonlyMap<string, NameAffix>): boolean {
  const keys = text === undefined ? undefined : readKeys(text, source, scope, affixes);
  return keys !== undefined && required.every((key) => keys.has(key));
}

/** Adds the scopes of CRDs among `docs` to `scope`. */
function extendScope(scope: ScopeResolver, docs: readonly ManifestDoc[]): ScopeResolver {
  const own = createScopeResolver(collectCrdScopes(docs));
  return { getScope: (groupKind) => (scope.getScope(groupKind) === 'unknown' ? own.getScope(groupKind) : scope.getScope(groupKind)) };
}

/**
 * The group's source (the file in the before tree, or the old URL, fetched once already for
 * the render) as it was before the change: its objects by identity key as written, before a
 * namePrefix or nameSuffix; undefined when it cannot be read back.
 */
async function readBeforeSource(group: RemovalGroup, planning: Planning): Promise<Map<string, KubeObject> | undefined> {
  let text: string;
  try {
    const file = join(planning.beforeRoot, group.source);
    if (group.sourceIsFile && !isInside(createConfinement(planning.beforeRoot), file)) return undefined;
    text = group.sourceIsFile ? readFileSync(file, 'utf8') : await planning.remote.fetcher.fetchText(group.source);
  } catch {
    return undefined;
  }
  return readManifestObjects(text, group.source, planning.scope);
}

/** What every way of finding the objects needs. */
interface CandidateSearch {
  readonly group: RemovalGroup;
  /** The keys to bring back, as rendered, sorted. */
  readonly required: readonly string[];
  /** `the 24 CRDs`, for descriptions. */
  readonly what: string;
  /** What a namePrefix or nameSuffix does to the names a file writes. */
  readonly affixes: ReadonlyMap<string, NameAffix>;
  readonly planning: Planning;
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

/** What reading one candidate gave: its objects, nothing (not there), or why it could not be read. */
type RemoteRead = { readonly found?: RemoteCandidate; readonly problem?: string };

/**
 * Yields sets of files next to the remote file that held the objects, each holding all of
 * them, smallest first: a file that holds everything as soon as it is read, then the fewest
 * files among all read. The consumer answers each with whether it failed verification; the
 * files of a failed set are not offered again (a file that breaks the build in one set would
 * in most others too). Sets `lookup.failed` when a listing or a download failed for another
 * reason than "not found".
 */
async function* findRemoteCandidates(
  search: CandidateSearch,
  previous: ResourceEntry | undefined,
  beforePrevious: boolean,
  notes: string[],
  lookup: { failed: boolean },
): AsyncGenerator<Candidate, void, boolean | undefined> {
  const { group, required, what, planning } = search;
  // Look where the head side points now (the new release), else where the objects came from.
  const url = previous && isRemoteFileUrl(previous.value) ? previous.value : isRemoteFileUrl(group.source) ? group.source : undefined;
  if (!url) return;
  const fileName = posix.basename(new URL(url).pathname);
  const oldName = isRemoteFileUrl(group.source) ? posix.basename(new URL(group.source).pathname) : fileName;
  const names = await listRemoteNames(url, fileName, planning, notes, lookup);
  const toCandidate = (chosen: readonly RemoteCandidate[]): Candidate => ({
    source: FixSources.remote,
    entries: chosen.flatMap((candidate) => candidate.urls),
    files: [],
    description: `Keep ${what} that ${oldName} no longer carries: list ${chosen.map((candidate) => candidate.name).join(' and ')} from the same place${beforePrevious ? `, before ${fileName}` : ''}.`,
  });
  const read: RemoteCandidate[] = [];
  const rejected = new Set<string>();
  const offer = function* (chosen: readonly RemoteCandidate[]): Generator<Candidate, boolean, boolean | undefined> {
    const failed = yield toCandidate(chosen);
    if (failed) for (const candidate of chosen) rejected.add(candidate.name);
    return failed === true;
  };
  for (const name of names) {
    const result = await readRemoteCandidate(url, name, search);
    if (result.problem) {
      // The next names would wait on the same dead host, or get the same refusal.
      lookup.failed = true;
      notes.push(result.problem);
      break;
    }
    if (!result.found) continue;
    read.push(result.found);
    const { keys } = result.found;
    // One file that holds everything cannot be beaten; only if it fails is the rest read.
    if (required.every((key) => keys.has(key)) && !(yield* offer([result.found]))) return;
  }
  while (true) {
    const chosen = chooseCoveringSet(required, read.filter((candidate) => !rejected.has(candidate.name)));
    if (!chosen || chosen.length === 0) return;
    if (!(yield* offer(chosen))) return;
  }
}

/**
 * The names to read next to `url`: the GitHub directory listing (with a `crds/`-like
 * subdirectory) when there is one, else the names projects use.
 */
async function listRemoteNames(url: string, fileName: string, planning: Planning, notes: string[], lookup: { failed: boolean }): Promise<string[]> {
  const probes = listConventionalSiblings(fileName);
  const github = parseGitHubFileUrl(url);
  const { contents } = planning;
  if (!github || !contents) return probes;
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
    return files.length > 0 ? rankCandidateFiles(files, fileName, REMOTE_CANDIDATE_CAPS) : probes;
  } catch (error) {
    // Not knowing what is there (a rate limit, an outage) is no reason to vendor: probe, and vendor nothing.
    lookup.failed = true;
    notes.push(`could not list ${github.owner}/${github.repo}/${directory} at ${github.ref}: ${describeGitHubError(error)}`);
    return probes;
  }
}

/**
 * Fetches a candidate next to `url`. A kustomization (`crds/kustomization.yaml`) stands for
 * the files it lists: kustomize cannot build a plain HTTP directory, so those become the entries.
 */
async function readRemoteCandidate(url: string, name: string, search: CandidateSearch): Promise<RemoteRead> {
  const { planning, affixes } = search;
  const fetchText = async (target: string): Promise<{ text?: string; problem?: string }> => {
    try {
      return { text: await planning.remote.fetcher.fetchText(target) };
    } catch (error) {
      // "Not there" is an answer; anything else (no answer, a refusal, a login page) is not.
      return isMissingFile(error) ? {} : { problem: redactCredentials(getErrorMessage(error)) };
    }
  };
  const sibling = replaceFileName(url, name);
  const fetched = await fetchText(sibling);
  if (fetched.text === undefined) return fetched.problem ? { problem: fetched.problem } : {};
  if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(name))) {
    const keys = readKeys(fetched.text, sibling, planning.scope, affixes);
    return keys ? { found: { name, urls: [sibling], keys } } : {};
  }
  const files = listResourceEntries(fetched.text)
    .map((entry) => entry.value)
    .filter((value) => !isRemoteReference(value) && /\.(ya?ml|json)$/i.test(value));
  if (files.length === 0) return {};
  const urls = files.map((file) => replaceFileName(url, posix.join(posix.dirname(name), file)));
  const keys = new Set<string>();
  for (const target of urls) {
    const part = await fetchText(target);
    const found = part.text === undefined ? undefined : readKeys(part.text, target, planning.scope, affixes);
    if (!found) return part.problem ? { problem: part.problem } : {};
    for (const key of found) keys.add(key);
  }
  return { found: { name, urls, keys } };
}

/**
 * `HTTP 403 (API rate limit exceeded)` for an answer; for no answer at all, what the network
 * said (Octokit gives those status 500 too, which would read as a server error).
 */
function describeGitHubError(error: unknown): string {
  const { status, response } = error as { status?: number; response?: { data?: unknown } };
  if (status && response) {
    const data = response.data as { message?: unknown } | undefined;
    return typeof data?.message === 'string' && data.message !== '' ? `HTTP ${status} (${data.message.split('\n')[0]})` : `HTTP ${status}`;
  }
  return describeNetworkError(error);
}

/**
 * Yields what the tree itself offers: a kustomization directory below this one that renders
 * the objects but nothing includes (CRDs moved into `crds/` with a kustomization of their
 * own), then the files no kustomization lists. With `movedTo` (another root renders them
 * now), only such a directory of that root: anything else would render them twice.
 */
async function* findLocalCandidates(search: CandidateSearch, movedTo: readonly string[]): AsyncGenerator<Candidate, void, boolean | undefined> {
  const { group, required, what, planning, affixes } = search;
  const { root } = planning.head;
  const kustomizationDir = dirname(join(root, group.kustomization));
  const them = required.length === 1 ? 'it' : 'them';
  const directories = [...planning.units]
    .filter(([name, unit]) => unit.exists && unit.headGraph && !group.members.has(name) && unit.headGraph.root.startsWith(`${kustomizationDir}/`))
    .flatMap(([, unit]) => {
      const keys = new Set(required.filter((key) => unit.diff.after.has(key)));
      return keys.size > 0 ? [{ name: toPosix(relative(kustomizationDir, (unit.headGraph as KustomizationGraph).root)), keys }] : [];
    })
    .sort((a, b) => compareText(a.name, b.name));
  const inDirectories = chooseCoveringSet(required, directories);
  if (inDirectories && inDirectories.length > 0) {
    const listed = inDirectories.map((candidate) => candidate.name).join(' and ');
    yield {
      source: FixSources.local,
      entries: inDirectories.map((candidate) => candidate.name),
      files: [],
      description: `Keep ${what}: list ${listed}, the ${inDirectories.length === 1 ? 'directory that renders' : 'directories that render'} ${them} now but no kustomization includes.`,
    };
  }
  if (movedTo.length > 0) return;

  const index = planning.readIndex();
  // Cheap test first: a file that names none of the objects (as written, before a prefix) cannot hold them.
  const names = [...group.objects.values()].map((object) => object.id.name);
  const written = (name: string): string[] => [...affixes.values()].map((affix) => name.slice(affix.prefix.length, name.length - affix.suffix.length));
  const near = (path: string): number => (join(root, path).startsWith(`${kustomizationDir}/`) ? 0 : 1);
  const files = [...index.unlisted]
    .sort((a, b) => near(a) - near(b) || compareText(a, b))
    .flatMap((path) => {
      const text = index.readText(path);
      if (text === undefined || !names.some((name) => text.includes(name) || written(name).some((short) => short !== '' && text.includes(short)))) return [];
      const keys = readKeys(text, path, planning.scope, affixes);
      return keys ? [{ name: toPosix(relative(kustomizationDir, join(root, path))), keys }] : [];
    });
  const chosen = chooseCoveringSet(required, files);
  if (!chosen || chosen.length === 0) return;
  const listed = chosen.map((candidate) => candidate.name).join(' and ');
  yield {
    source: FixSources.local,
    entries: chosen.map((candidate) => candidate.name),
    files: [],
    description: `Keep ${what}: list ${listed}, which ${chosen.length === 1 ? 'holds' : 'hold'} ${them} but no kustomization lists.`,
  };
}

/**
 * Writes the objects as their source had them before the change (the file in the before tree,
 * or the old URL), not as rendered: a render carries every transformation up to the root
 * (an overlay's labels in a shared base, a namePrefix), which the kustomization would then
 * apply twice. When the source no longer reads back to exactly these objects, there is
 * nothing faithful to vendor.
 */
function vendorObjects(search: CandidateSearch, source: ReadonlyMap<string, KubeObject> | undefined): Candidate | undefined {
  const { group, what, planning, affixes } = search;
  // Groups hold cluster-scoped objects only, so a Secret gets here only through a configuration
  // that calls it cluster-scoped; its values must not land in a file, the patch or the PR.
  if (!source || [...group.objects.values()].some((object) => isSecret(object.id))) return undefined;
  const bodies = new Map([...source].map(([key, body]) => [applyNameAffix(key, affixes), body]));
  const keys = [...group.objects.keys()].sort(compareText);
  if (!keys.every((key) => bodies.has(key))) return undefined;
  const headDir = dirname(join(planning.head.root, group.kustomization));
  const taken = new Set(existsSync(headDir) ? readdirSync(headDir) : []);
  const name = chooseVendorFileName({
    source: group.source,
    allCrds: [...group.objects.values()].every((object) => object.id.kind === 'CustomResourceDefinition'),
    taken,
  });
  const content = formatVendoredManifests(
    keys.map((key) => bodies.get(key) as KubeObject),
    [`Vendored by prune-guard: ${redactCredentials(group.source)} no longer provides these objects,`, `so they are kept as that source had them at ${planning.beforeLabel}.`],
  );
  const them = keys.length === 1 ? 'it' : 'them';
  return {
    source: FixSources.vendored,
    entries: [name],
    files: [{ path: toPosix(relative(planning.head.root, join(headDir, name))), content }],
    description: `Keep ${what}: nothing in the tree or upstream provides ${them} any more, so write ${them} as ${keys.length === 1 ? 'it was' : 'they were'} before the change into ${name} and list it.`,
  };
}

/**
 * Builds every unit whose head graph includes an edited kustomization (a base's other
 * overlays too): each member unit must get its dropped objects back, and no unit may lose
 * what it renders now or fail to build. Units without a head graph (Flux mode) cannot be
 * built this way: `unverified`, when no unit could be built.
 */
async function verify(groups: readonly RemovalGroup[], change: TreeChange, planning: Planning): Promise<Verification> {
  const required = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const [name, member] of group.members) {
      const keys = required.get(name) ?? new Set<string>();
      for (const object of member.objects) keys.add(object.key);
      required.set(name, keys);
    }
  }
  const affected = listAffectedUnits(change, planning);
  if (affected.length === 0) return { status: 'unverified' };
  const renders = new Map<string, ReadonlyMap<string, ResourceObject>>();
  for (const [name, unit] of affected) {
    let docs: ManifestDoc[];
    try {
      docs = await renderRoot(planning.runner, {
        treeRoot: planning.head.root,
        graph: unit.headGraph as KustomizationGraph,
        show: planning.head.show,
        provenance: false,
        remote: planning.remote,
        edits: change,
      });
    } catch (error) {
      if (error instanceof FetchError && !isMissingFile(error)) return { status: 'unreachable', problem: redactCredentials(error.message) };
      if (error instanceof PruneGuardError) return { status: 'failed' };
      throw error;
    }
    const set = dropIgnoredObjects(buildObjectSet(docs, extendScope(planning.scope, docs)), planning.config);
    const keeps = [...unit.diff.after.keys()].every((key) => set.has(key));
    const restores = [...(required.get(name) ?? [])].every((key) => set.has(key));
    if (!keeps || !restores) return { status: 'failed' };
    renders.set(name, set);
  }
  return { status: 'verified', renders };
}

/** The units whose head graph includes a kustomization the change edits: the ones a build must check. */
function listAffectedUnits(change: TreeChange, planning: Planning): Array<[string, FixableUnit]> {
  return [...planning.units].filter(([, unit]) => unit.headGraph?.kustomizations.some((k) => change.overrides.has(k.file)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
