/**
 * Candidate search in the tree: a directory or file that holds the objects but no
 * kustomization lists any more; failing that, the objects vendored into a new file as their
 * source had them before the change.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { FixSources } from '../../core/rules/findings.ts';
import { chooseCoveringSet, chooseVendorFileName, formatVendoredManifests, applyNameAffix } from '../../core/fix/fix-plan.ts';
import { isSecret, type KubeObject } from '../../core/objects/kube-objects.ts';
import { redactCredentials } from '../../core/text/redact.ts';
import { toPosix, type KustomizationGraph } from '../../render/kustomize/read-kustomization.ts';
import { compareText } from '../../core/text/compare-text.ts';
import type { Candidate, CandidateSearch } from './fix-model.ts';
import { readKeys } from './read-manifest-keys.ts';

/**
 * Yields what the tree itself offers: a kustomization directory below this one that renders
 * the objects but nothing includes (CRDs moved into `crds/` with a kustomization of their
 * own), then the files no kustomization lists. With `movedTo` (another root renders them
 * now), only such a directory of that root: anything else would render them twice.
 */
export async function* findLocalCandidates(search: CandidateSearch, movedTo: readonly string[]): AsyncGenerator<Candidate, void, boolean | undefined> {
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
export function vendorObjects(search: CandidateSearch, source: ReadonlyMap<string, KubeObject> | undefined): Candidate | undefined {
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
