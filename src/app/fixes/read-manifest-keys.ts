/**
 * Reading candidate files as the kustomization would render them: their identity keys, with
 * a namePrefix or nameSuffix put back on, under the report's scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyNameAffix, type NameAffix } from '../../core/fix/fix-plan.ts';
import { collectCrdScopes, identifyObject, parseManifests, type KubeObject, type ManifestDoc } from '../../core/objects/kube-objects.ts';
import { createScopeResolver, type ScopeResolver } from '../../core/objects/scope.ts';
import { createConfinement, isInside } from '../../render/kustomize/confine.ts';
import type { Planning, RemovalGroup } from './fix-model.ts';

/**
 * Reads a candidate file's identity keys, as the kustomization would render them (`affixes`
 * puts a namePrefix back on); undefined when it is not a manifest file.
 */
export function readKeys(text: string, source: string, scope: ScopeResolver, affixes: ReadonlyMap<string, NameAffix>): Set<string> | undefined {
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

/** True when a file holds every required key, as the kustomization would render it. */
export function holdsAll(text: string | undefined, source: string, required: readonly string[], scope: ScopeResolver, affixes: ReadonlyMap<string, NameAffix>): boolean {
  const keys = text === undefined ? undefined : readKeys(text, source, scope, affixes);
  return keys !== undefined && required.every((key) => keys.has(key));
}

/** Adds the scopes of CRDs among `docs` to `scope`. */
export function extendScope(scope: ScopeResolver, docs: readonly ManifestDoc[]): ScopeResolver {
  const own = createScopeResolver(collectCrdScopes(docs));
  return { getScope: (groupKind) => (scope.getScope(groupKind) === 'unknown' ? own.getScope(groupKind) : scope.getScope(groupKind)) };
}

/**
 * The group's source (the file in the before tree, or the old URL, fetched once already for
 * the render) as it was before the change: its objects by identity key as written, before a
 * namePrefix or nameSuffix; undefined when it cannot be read back.
 */
export async function readBeforeSource(group: RemovalGroup, planning: Planning): Promise<Map<string, KubeObject> | undefined> {
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
