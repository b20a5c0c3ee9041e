/**
 * The step both modes end with: identities for every render under one scope (a CRD in any
 * render decides its kind's scope everywhere), object sets without ignored objects, one diff
 * per unit, and the report.
 */
import { dropIgnoredObjects } from '../core/config/object-patterns.ts';
import { diffObjectSets } from '../core/diff/diff-object-sets.ts';
import type { Finding } from '../core/rules/findings.ts';
import type { FluxOwner } from '../core/rules/kustomization-rules.ts';
import { buildObjectSet, collectCrdScopes, type ManifestDoc, type ObjectSet } from '../core/objects/kube-objects.ts';
import { buildReport, type Report, type SideInfo } from '../core/report/report-model.ts';
import type { ReleaseOrigin, ResourceSetOrigin } from '../core/rules/removal-rules.ts';
import type { CrdPolicyFix } from '../core/fix/crd-policy-edit.ts';
import { createScopeResolver, type ScopeResolver } from '../core/objects/scope.ts';
import type { UnitDiff } from '../core/rules/removal-rules.ts';
import type { FixableUnit } from './fixes/fix-model.ts';
import type { Settings } from './load-settings.ts';

/** One unit's renders; a side that is undefined means the unit does not exist there. */
export interface UnitRenders {
  /** The unit's name: a root path, or a Flux Kustomization's `namespace/name` (after `cluster: ` with several clusters). */
  readonly name: string;
  /** The cluster it belongs to, in Flux mode; rules look across the units of one cluster only. */
  readonly cluster?: string;
  /** Its objects before the change. */
  readonly before: readonly ManifestDoc[] | undefined;
  /** Its objects after the change. */
  readonly after: readonly ManifestDoc[] | undefined;
  /**
   * Why one of its sides was not rendered. Such a unit is not judged: a side that was not
   * rendered is unknown, never empty, so nothing may read as removed (or added).
   */
  readonly skipped?: string;
  /**
   * Its inputs are identical on both sides and it was not rendered: it exists on both, its
   * objects are unknown and the same on both, so nothing in it is added, changed or removed.
   */
  readonly identical?: boolean;
  /** Where its namespaced objects without a namespace go (a Helm release's target namespace); `default` unless set. */
  readonly defaultNamespace?: string;
  /** ... on the side before, when it differs (a release whose target namespace changes). */
  readonly defaultNamespaceBefore?: string;
  /** The HelmRelease behind it, for a release's unit. */
  readonly helm?: ReleaseOrigin;
  /** The ResourceSet behind it, for a ResourceSet's unit. */
  readonly resourceSet?: ResourceSetOrigin;
}

/** The report, with the object sets and scope behind it (what fix planning starts from). */
export interface Analysis {
  /** The report. */
  readonly report: Report;
  /** Each unit's object sets and diff, in the order of the input. */
  readonly units: readonly UnitDiff[];
  /** The scope every object was identified under. */
  readonly scope: ScopeResolver;
  /**
   * Values that came from Secrets through Flux substitution, sorted; the report still holds
   * them, and is masked (`maskReport`) once its fixes are attached. Never printed.
   */
  readonly secretValues?: readonly string[];
  /** Files declaring a Flux Kustomization that no kustomization lists (never applied), as shown, sorted. */
  readonly unlisted?: readonly string[];
  /** HelmReleases whose crds/ findings a CRD policy edit fixes (Flux mode, with helm). */
  readonly crdPolicyFixes?: readonly CrdPolicyFix[];
}

/** A finished comparison, with what fix planning needs of each unit. */
export interface Compared {
  /** The report and the object sets behind it. */
  readonly analysis: Analysis;
  /** Each unit by name, as fix planning needs it. */
  readonly units: ReadonlyMap<string, FixableUnit>;
  /** The name of the unit at the top of diff's directories, when it is named after them rather than `.`. */
  readonly rootUnit?: string;
}

/** How a run came by its renders: kustomize builds, and renders the render cache answered. */
export interface RenderCounts {
  /** Kustomize builds run. */
  readonly builds: number;
  /** Renders read from the render cache. */
  readonly cached: number;
}

/** What a mode adds to the analysis besides the renders. */
export interface AnalysisExtras extends Partial<RenderCounts> {
  /** Flux mode: the Kustomization behind each unit, by unit name. */
  readonly owners?: ReadonlyMap<string, FluxOwner>;
  /** Findings about the change itself (reads outside the repository, configuration edits). */
  readonly extraFindings?: readonly Finding[];
  /** What the run assumed, for the report (a cluster root taken to be applied). */
  readonly notes?: readonly string[];
  /** Findings that need the diffs (the Flux controllers a cluster's FluxInstance runs). */
  readonly deriveFindings?: (units: readonly UnitDiff[]) => readonly Finding[];
}

/**
 * Diffs every unit and builds the report. A render shared by both sides (the same array)
 * becomes one object set, so an unchanged root costs no second identification.
 */
export function analyzeUnitsInDetail(sides: { readonly before: SideInfo; readonly after: SideInfo }, units: readonly UnitRenders[], settings: Settings, extra: AnalysisExtras = {}): Analysis {
  const { owners, extraFindings = [], notes = [], builds = 0, cached = 0, deriveFindings } = extra;
  const renders = units.flatMap((unit) => [unit.before, unit.after]).filter((docs): docs is readonly ManifestDoc[] => docs !== undefined);
  const scope = createScopeResolver(collectCrdScopes([...new Set(renders)].flat()), settings.config.clusterScoped);
  const sets = new Map<readonly ManifestDoc[], ObjectSet>();
  const setOf = (docs: readonly ManifestDoc[] | undefined, defaultNamespace: string | undefined): ObjectSet => {
    if (!docs) return new Map();
    let set = sets.get(docs);
    if (!set) {
      set = dropIgnoredObjects(buildObjectSet(docs, scope, defaultNamespace), settings.config);
      sets.set(docs, set);
    }
    return set;
  };
  const diffs = units.map(({ name, cluster, before, after, skipped, identical, defaultNamespace, defaultNamespaceBefore, helm, resourceSet }) => {
    const beforeSet = skipped ? new Map() : setOf(before, defaultNamespaceBefore ?? defaultNamespace);
    const afterSet = skipped ? new Map() : setOf(after, defaultNamespace);
    return {
      unit: name,
      ...(cluster !== undefined ? { cluster } : {}),
      before: beforeSet,
      after: afterSet,
      diff: diffObjectSets(beforeSet, afterSet),
      existsBefore: before !== undefined || identical === true,
      existsAfter: after !== undefined || identical === true,
      ...(skipped ? { skipped } : {}),
      ...(identical ? { identical } : {}),
      ...(helm ? { helm } : {}),
      ...(resourceSet ? { resourceSet } : {}),
    };
  });
  const report = buildReport({
    version: __PRUNE_GUARD_VERSION__,
    before: sides.before,
    after: sides.after,
    units: diffs,
    failOn: settings.failOn,
    config: settings.config,
    ...(owners ? { owners } : {}),
    extraFindings: deriveFindings ? [...extraFindings, ...deriveFindings(diffs)] : extraFindings,
    notes,
    builds,
    cached,
  });
  return { report, units: diffs, scope };
}
