/**
 * One group's fix: where in the head kustomization the objects belong, and the ways to bring
 * them back tried in order (files next to the remote manifest, the tree itself, and last the
 * objects vendored as their source had them), each verified before it is taken.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixSources } from '../../core/rules/findings.ts';
import { isSameDirectoryAnyRef, learnNameAffixes, matchesIgnoringRef } from '../../core/fix/fix-plan.ts';
import { listResourceEntries, planResourceInsertion, type ResourceEntry } from '../../core/fix/kustomization-edit.ts';
import { isSecret, readCrdNames } from '../../core/objects/kube-objects.ts';
import { createConfinement, isInside } from '../../render/kustomize/confine.ts';
import { isRemoteFileUrl } from '../../render/kustomize/overlay.ts';
import { findLocalCandidates, vendorObjects } from './find-local-candidates.ts';
import { findRemoteCandidates } from './find-remote-candidates.ts';
import { type Candidate, type CandidateSearch, createTreeChange, describeObjects, type GroupFix, type Planning, type RemovalGroup } from './fix-model.ts';
import { holdsAll, readBeforeSource } from './read-manifest-keys.ts';
import { verify } from './verify-fix.ts';

/** A group's fix, or the notes that say why a look-up left it without one. */
interface GroupResult {
  readonly fix?: GroupFix;
  readonly notes: readonly string[];
}

/** Plans one group's fix: the first candidate that verifies (or is proposed unverified), else the notes that say why there is none. */
export async function planGroupFix(group: RemovalGroup, planning: Planning): Promise<GroupResult> {
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
