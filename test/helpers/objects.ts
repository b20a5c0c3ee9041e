/**
 * Inline YAML -> object sets, unit diffs and reports, built the way src/app/analyze-units.ts
 * builds them, so unit tests exercise the same pipeline as the CLI without kustomize.
 */
import { diffObjectSets } from '../../src/core/diff/diff-object-sets.ts';
import type { FailLevel } from '../../src/core/rules/findings.ts';
import {
  buildObjectSet,
  collectCrdScopes,
  parseManifests,
  type ManifestDoc,
  type Provenance,
  type ResourceObject,
} from '../../src/core/objects/kube-objects.ts';
import { buildReport, type Report, type ReportInput } from '../../src/core/report/report-model.ts';
import type { UnitDiff } from '../../src/core/rules/removal-rules.ts';
import { createScopeResolver, type ScopeResolver } from '../../src/core/objects/scope.ts';

/** A render as inline YAML, or documents when a test needs provenance. */
export type Render = string | readonly ManifestDoc[];

/** Parses inline YAML into documents, all with the same provenance when given. */
export function toDocs(render: Render, provenance?: Provenance): ManifestDoc[] {
  if (typeof render !== 'string') return [...render];
  return parseManifests(render, 'test.yaml').map((body) => (provenance ? { body, provenance } : { body }));
}

/** A scope resolver that knows the CRDs of every given render, as analyze-units.ts gives one for all renders. */
export function scopeOf(...renders: Render[]): ScopeResolver {
  return createScopeResolver(collectCrdScopes(renders.flatMap((render) => toDocs(render))));
}

/** The object set of one render; CRDs of `alsoSeen` count for scope (the other side of a diff). */
export function toObjectSet(render: Render, ...alsoSeen: Render[]): Map<string, ResourceObject> {
  return buildObjectSet(toDocs(render), scopeOf(render, ...alsoSeen));
}

/** The one object of a render that holds exactly one. */
export function toObject(render: Render): ResourceObject {
  const objects = [...toObjectSet(render).values()];
  if (objects.length !== 1) throw new Error(`expected one object, got ${objects.length}`);
  return objects[0] as ResourceObject;
}

/** A unit's renders; a missing side means the unit does not exist there. */
export interface UnitRenders {
  readonly before?: Render;
  readonly after?: Render;
}

/** A unit as buildReport takes it. */
export type ReportUnit = UnitDiff & { readonly existsBefore: boolean; readonly existsAfter: boolean };

/** Diffs every unit with one scope resolver built from all renders of all units. */
export function toUnits(units: Readonly<Record<string, UnitRenders>>): ReportUnit[] {
  const renders = Object.values(units).flatMap(({ before, after }) => [before ?? '', after ?? '']);
  const scope = scopeOf(...renders);
  return Object.entries(units).map(([unit, { before, after }]) => {
    const beforeSet = buildObjectSet(toDocs(before ?? ''), scope);
    const afterSet = buildObjectSet(toDocs(after ?? ''), scope);
    return {
      unit,
      before: beforeSet,
      after: afterSet,
      diff: diffObjectSets(beforeSet, afterSet),
      existsBefore: before !== undefined,
      existsAfter: after !== undefined,
    };
  });
}

/** Builds a report from units given as inline YAML. */
export function toReport(
  units: Readonly<Record<string, UnitRenders>>,
  options: Partial<Omit<ReportInput, 'units'>> = {},
): Report {
  const failOn: FailLevel = options.failOn ?? 'error';
  return buildReport({
    version: options.version ?? '1.2.3',
    before: options.before ?? { label: 'main (merge base 1a2b3c4)' },
    after: options.after ?? { label: 'working tree' },
    failOn,
    units: toUnits(units),
  });
}

/** A CustomResourceDefinition document. */
export function crdYaml(plural: string, group: string, kind: string, scope: 'Namespaced' | 'Cluster' = 'Namespaced'): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  names:
    kind: ${kind}
    plural: ${plural}
  scope: ${scope}
`;
}

/** Joins documents into one multi-document YAML stream. */
export function yamlDocs(...docs: string[]): string {
  return docs.join('---\n');
}
