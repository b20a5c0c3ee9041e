/**
 * Verification: builds the head side with a change and says whether every affected unit gets
 * its dropped objects back and loses nothing.
 */
import { dropIgnoredObjects } from '../../core/config/object-patterns.ts';
import { PruneGuardError } from '../../core/errors.ts';
import { buildObjectSet, type ManifestDoc, type ResourceObject } from '../../core/objects/kube-objects.ts';
import { redactCredentials } from '../../core/text/redact.ts';
import type { KustomizationGraph } from '../../render/kustomize/read-kustomization.ts';
import { FetchError, isMissingFile } from '../../render/remote-fetch.ts';
import { renderRoot } from '../../render/kustomize/render-root.ts';
import type { FixableUnit, Planning, RemovalGroup, TreeChange, Verification } from './fix-model.ts';
import { extendScope } from './read-manifest-keys.ts';

/**
 * Builds every unit whose head graph includes an edited kustomization (a base's other
 * overlays too): each member unit must get its dropped objects back, and no unit may lose
 * what it renders now or fail to build. Units without a head graph (Flux mode) cannot be
 * built this way: `unverified`, when no unit could be built.
 */
export async function verify(groups: readonly RemovalGroup[], change: TreeChange, planning: Planning): Promise<Verification> {
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
        ...(planning.documents ? { documents: planning.documents } : {}),
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
export function listAffectedUnits(change: TreeChange, planning: Planning): Array<[string, FixableUnit]> {
  return [...planning.units].filter(([, unit]) => unit.headGraph?.kustomizations.some((k) => change.overrides.has(k.file)));
}
