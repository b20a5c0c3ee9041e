/**
 * The edit: the fixes of one kustomization become one edit, the fixes of different files that
 * build into one unit are checked together, and each kept fix becomes the Fix a report carries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixSources, type Fix, type FixFile } from '../../core/rules/findings.ts';
import { describeLineChange, listResourceEntries, planResourceInsertion } from '../../core/fix/kustomization-edit.ts';
import { formatObjectRef, readCrdNames, type ResourceObject } from '../../core/objects/kube-objects.ts';
import { compareText } from '../../core/text/compare-text.ts';
import { createTreeChange, type FileFix, type GroupFix, type Planning, type Verification } from './fix-model.ts';
import { listAffectedUnits, verify } from './verify-fix.ts';

/** Objects a fix brings in beyond what it restores, named in its description; the rest are counted. */
const NAMED_EXTRAS = 3;

/**
 * Fixes of one kustomization become one edit: suggestions on the same lines could not all
 * be committed, and `fix --write` would have to skip all but one. The combined edit is
 * verified again; when it fails, the groups are added one at a time, each kept only if the
 * edit still verifies with it, and the others are returned as left out.
 */
export async function mergeFileFixes(path: string, fixes: readonly GroupFix[], planning: Planning): Promise<{ fix: FileFix; leftOut: readonly GroupFix[] }> {
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
export async function checkTogether(fileFixes: readonly FileFix[], planning: Planning): Promise<{ kept: FileFix[]; providers: Providers }> {
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

/** The Fix a report carries for a kept file fix: its description, entries, edit and files. */
export function toFix(fileFix: FileFix, providers: Providers, planning: Planning): Fix {
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
