/**
 * The Report: the one result model every output format and adapter reads. It holds
 * identities, provenance, patches and redacted diffs, never whole objects or Secret values.
 */
import type { Operation } from 'fast-json-patch';
import { compareText } from '../text/compare-text.ts';
import type { SecretKeyChanges } from '../diff/diff-object-sets.ts';
import {
  Rules,
  SEVERITY_ORDER,
  compareFindings,
  isAtOrAbove,
  type FailLevel,
  type Finding,
  type Fix,
  type ObjectRef,
  type RuleId,
  type Severity,
} from '../rules/findings.ts';
import type { Config } from '../config/config-model.ts';
import { applySeverityOverrides } from '../config/object-patterns.ts';
import { applyFluxSemantics } from '../rules/flux-rules.ts';
import type { FluxOwner } from '../rules/kustomization-rules.ts';
import { evaluateRules, type UnitDiff } from '../rules/removal-rules.ts';
import { evaluateChangeRules } from '../rules/change-rules.ts';
import { formatObjectKey, type Provenance, type ResourceObject } from '../objects/kube-objects.ts';

/** Version of the JSON report's shape; raised on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

/** One side of the comparison. */
export interface SideInfo {
  /** What the side is, e.g. `main (merge base 1a2b3c4)`, `working tree`, a directory. */
  readonly label: string;
}

/** The Flux Kustomization behind a unit (Flux mode only). */
export interface FluxUnitReport {
  /** spec.path after the change (before, when it is gone). */
  readonly path: string;
  /** spec.prune after the change (before, when it is gone). */
  readonly prune: boolean;
  /** What Flux does with objects that leave its render: `pruned`, or `orphaned` with prune off. */
  readonly verdict: 'pruned' | 'orphaned';
  /** `namespace/name` of the Kustomization whose render holds it (the tree); null for an entry point. */
  readonly parent: string | null;
  /** Why it was not rendered; null when it was. */
  readonly skipped: string | null;
}

/** The HelmRelease behind a unit: what its chart installs (Flux mode, with helm). */
export interface HelmUnitReport {
  /** The unit whose render holds the HelmRelease (the tree). */
  readonly parent: string;
  /** `namespace/name` of the HelmRelease. */
  readonly release: string;
  /** What helm-controller does with it: `upgrade`, `install`, or `uninstall` (the HelmRelease is gone). */
  readonly action: 'upgrade' | 'install' | 'uninstall';
}

/** The ResourceSet behind a unit: what the Flux Operator generates from it. */
export interface ResourceSetUnitReport {
  /** The unit whose render holds the ResourceSet (the tree). */
  readonly parent: string;
  /** `namespace/name` of the ResourceSet. */
  readonly set: string;
  /** What the operator does: `apply`, `create`, or `delete` (the ResourceSet is gone, and its inventory with it). */
  readonly action: 'apply' | 'create' | 'delete';
}

/** A unit (kustomization root, Flux Kustomization, a HelmRelease's release, or a ResourceSet) as reported. */
export interface UnitReport {
  /** Its name: a root's path relative to the compared directory (`.` for its top, which `diff` names after the directories), or `namespace/name` of the Flux Kustomization. */
  readonly name: string;
  /** The Flux Kustomization behind it, in Flux mode. */
  readonly flux?: FluxUnitReport;
  /** The HelmRelease behind it, for a release's unit. */
  readonly helm?: HelmUnitReport;
  /** The ResourceSet behind it, for a ResourceSet's unit. */
  readonly resourceSet?: ResourceSetUnitReport;
  /** Objects it renders before; null when it did not exist before. */
  readonly before: number | null;
  /** Objects it renders after; null when it no longer exists. */
  readonly after: number | null;
  /** Its share of the plan. */
  readonly counts: PlanCounts;
  /** Why it was not rendered on a side (and so not judged); absent when it was rendered. */
  readonly skipped?: string;
  /** The cluster it belongs to, in Flux mode. */
  readonly cluster?: string;
}

/** The plan's counts, as Terraform-style `N to add, N to change, N to prune`. */
export interface PlanCounts {
  /** Objects only after. */
  readonly add: number;
  /** Objects on both sides that differ. */
  readonly change: number;
  /** Objects only before: what Flux prunes. */
  readonly prune: number;
  /** Generated objects renamed by a content hash change (counted in neither add nor prune). */
  readonly replace: number;
  /** Objects identical on both sides. */
  readonly unchanged: number;
}

/** Summary counts of the whole report. */
export interface Summary extends PlanCounts {
  /** Pruned objects of the kinds a reviewer must not miss, by kind: `CustomResourceDefinition: 24`. */
  readonly pruneByKind: Readonly<Record<string, number>>;
  /** Findings by severity. */
  readonly findings: Readonly<Record<Severity, number>>;
}

/** An added or removed object. */
export interface ObjectEntry {
  /** The unit it belongs to. */
  readonly unit: string;
  /** The object. */
  readonly object: ObjectRef;
  /** Where it came from (the before tree for removals). */
  readonly provenance?: Provenance;
}

/** A changed object. */
export interface ChangeEntry {
  /** The unit it belongs to. */
  readonly unit: string;
  /** The object after the change. */
  readonly object: ObjectRef;
  /** The apiVersion before, when it differs. */
  readonly previousApiVersion?: string;
  /** JSON patch (RFC 6902) from before to after; Secret values redacted. */
  readonly patch: readonly Operation[];
  /** Unified diff of the object as YAML; Secret values redacted. */
  readonly diff: string;
  /** For Secrets: the keys added, removed or changed. */
  readonly secretKeys?: SecretKeyChanges;
}

/** A generated object renamed by its content hash. */
export interface ReplaceEntry {
  /** The unit it belongs to. */
  readonly unit: string;
  /** The object that goes. */
  readonly from: ObjectRef;
  /** The object that takes its place. */
  readonly to: ObjectRef;
}

/** The result of a run. */
export interface Report {
  /** {@link REPORT_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The tool that made it, with every rule id it knows (a rule with no finding here was still checked). */
  readonly tool: { readonly name: 'prune-guard'; readonly version: string; readonly rules: readonly RuleId[] };
  /** The side before the change. */
  readonly before: SideInfo;
  /** The side after the change. */
  readonly after: SideInfo;
  /** The severity at which findings block. */
  readonly failOn: FailLevel;
  /** True when a finding is at or above `failOn`. */
  readonly blocking: boolean;
  /** Counts. */
  readonly summary: Summary;
  /** Findings, most serious first. */
  readonly findings: readonly Finding[];
  /** Units, sorted by name. */
  readonly units: readonly UnitReport[];
  /** What the run assumed and a reader should know (a cluster root taken to be applied), one sentence each. */
  readonly notes: readonly string[];
  /** How the run went: `builds` is the number of kustomize builds it ran (a build both sides share counts once). */
  readonly stats: {
    /** Kustomize builds the run ran. */
    readonly builds: number;
    /** Renders the render cache answered instead of a build. */
    readonly cached: number;
    /** Units whose inputs are identical on both sides and that no finding needed: never rendered, not in `units`. */
    readonly identical: number;
  };
  /** Changes that keep what the findings say is pruned, one per kustomization file; findings point here by `fixIndex`. */
  readonly fixes: readonly Fix[];
  /** Every change, sorted by unit and identity. */
  readonly changes: {
    readonly added: readonly ObjectEntry[];
    readonly removed: readonly ObjectEntry[];
    readonly changed: readonly ChangeEntry[];
    readonly replaced: readonly ReplaceEntry[];
  };
}

/** What {@link buildReport} needs. */
export interface ReportInput {
  /** Version of prune-guard. */
  readonly version: string;
  /** The side before. */
  readonly before: SideInfo;
  /** The side after. */
  readonly after: SideInfo;
  /** Units with their object sets and diffs; a unit absent on a side has `exists` false there; an `identical` one was not rendered (inputs identical on both sides). */
  readonly units: ReadonlyArray<UnitDiff & { readonly existsBefore: boolean; readonly existsAfter: boolean; readonly skipped?: string; readonly identical?: boolean }>;
  /** The severity at which findings block. */
  readonly failOn: FailLevel;
  /** Flux mode: the Kustomization behind each unit, by unit name. */
  readonly owners?: ReadonlyMap<string, FluxOwner>;
  /** Severity overrides from the configuration file. */
  readonly config?: Config;
  /** Findings about the change itself (reads outside the repository, configuration edits). */
  readonly extraFindings?: readonly Finding[];
  /** What the run assumed, one sentence each. */
  readonly notes?: readonly string[];
  /** Kustomize builds the run ran. */
  readonly builds?: number;
  /** Renders the render cache answered. */
  readonly cached?: number;
}

/** Kinds whose pruned count the plan line spells out. */
const NOTABLE_PRUNED_KINDS = new Set([
  'CustomResourceDefinition',
  'Namespace',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StatefulSet',
]);

/** Runs the rules over the units and assembles the report. */
export function buildReport(input: ReportInput): Report {
  const units = [...input.units].sort((a, b) => compareText(a.unit, b.unit));
  // Each cluster is a world of its own: a CRD one cluster drops is no cascade in another, and
  // an object cannot move between them.
  const clusters = [...new Set(units.map((unit) => unit.cluster))];
  const judged = clusters.flatMap((cluster) => {
    const own = units.filter((unit) => unit.cluster === cluster);
    const generic = evaluateRules({ units: own });
    const changes = evaluateChangeRules({
      units: own,
      force: (unit) => input.owners?.get(unit)?.after?.force === true,
      fluxOwned: (unit) => input.owners?.has(unit) === true,
      ...(input.config?.kubernetesVersion ? { kubernetesVersion: input.config.kubernetesVersion } : {}),
      ...(input.config?.requires.length ? { requirements: input.config.requires } : {}),
    });
    if (!input.owners) return [...generic, ...changes];
    const names = new Set(own.map((unit) => unit.unit));
    return [...applyFluxSemantics(generic, own, new Map([...input.owners].filter(([name]) => names.has(name)))), ...changes];
  });
  const all = [...judged, ...(input.extraFindings ?? [])];
  const findings = (input.config ? applySeverityOverrides(all, input.config) : all).sort(compareFindings);
  const toRef = (object: ResourceObject): ObjectRef => ({ ...object.id, apiVersion: object.apiVersion });
  const entry = (unit: string, object: ResourceObject): ObjectEntry => ({
    unit,
    object: toRef(object),
    ...(object.provenance ? { provenance: object.provenance } : {}),
  });

  const added: ObjectEntry[] = [];
  const removed: ObjectEntry[] = [];
  const changed: ChangeEntry[] = [];
  const replaced: ReplaceEntry[] = [];
  const unitReports: UnitReport[] = [];
  let unchanged = 0;
  let identical = 0;
  for (const { unit, cluster, diff, before, after, existsBefore, existsAfter, skipped, identical: notRendered, helm, resourceSet } of units) {
    // Counted, not listed: its objects are unknown, and the same on both sides.
    if (notRendered) {
      identical++;
      continue;
    }
    added.push(...diff.added.map((object) => entry(unit, object)));
    removed.push(...diff.removed.map((object) => entry(unit, object)));
    for (const change of diff.changed) {
      changed.push({
        unit,
        object: toRef(change.after),
        ...(change.before.apiVersion !== change.after.apiVersion ? { previousApiVersion: change.before.apiVersion } : {}),
        patch: change.patch,
        diff: change.diff,
        ...(change.secretKeys ? { secretKeys: change.secretKeys } : {}),
      });
    }
    replaced.push(...diff.replaced.map(({ before: from, after: to }) => ({ unit, from: toRef(from), to: toRef(to) })));
    unchanged += diff.unchanged;
    const owner = input.owners?.get(unit);
    const ks = owner?.after ?? owner?.before;
    unitReports.push({
      name: unit,
      ...(owner && ks
        ? {
            flux: {
              path: ks.path,
              prune: ks.prune,
              verdict: ks.prune ? 'pruned' : 'orphaned',
              parent: (owner.after ? owner.parentAfter : owner.parentBefore) ?? null,
              skipped: (owner.after ? owner.skippedAfter : owner.skippedBefore) ?? null,
            },
          }
        : {}),
      ...(helm ? { helm: { parent: helm.parent, release: helm.release, action: helm.action } } : {}),
      ...(resourceSet ? { resourceSet: { parent: resourceSet.parent, set: resourceSet.set, action: resourceSet.action } } : {}),
      before: existsBefore ? before.size : null,
      after: existsAfter ? after.size : null,
      counts: {
        add: diff.added.length,
        change: diff.changed.length,
        prune: diff.removed.length,
        replace: diff.replaced.length,
        unchanged: diff.unchanged,
      },
      ...(skipped ? { skipped } : {}),
      ...(cluster !== undefined ? { cluster } : {}),
    });
  }

  const pruneByKind: Record<string, number> = {};
  for (const { object } of removed) {
    if (NOTABLE_PRUNED_KINDS.has(object.kind)) pruneByKind[object.kind] = (pruneByKind[object.kind] ?? 0) + 1;
  }
  const findingCounts = Object.fromEntries(
    SEVERITY_ORDER.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]),
  ) as Record<Severity, number>;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'prune-guard', version: input.version, rules: Object.values(Rules) },
    before: input.before,
    after: input.after,
    failOn: input.failOn,
    blocking: findings.some((finding) => isAtOrAbove(finding.severity, input.failOn)),
    summary: {
      add: added.length,
      change: changed.length,
      prune: removed.length,
      replace: replaced.length,
      unchanged,
      pruneByKind: sortRecord(pruneByKind),
      findings: findingCounts,
    },
    findings,
    fixes: [],
    units: unitReports,
    notes: [...(input.notes ?? [])],
    stats: { builds: input.builds ?? 0, cached: input.cached ?? 0, identical },
    changes: { added, removed, changed, replaced },
  };
}

/**
 * Returns the report with its fixes, each finding pointing at the one that resolves it by
 * `unit\0group/Kind/namespace/name` of its object. Fixes are listed once, not per finding:
 * a vendored file may be megabytes, and 24 CRDs share one fix.
 */
export function attachFixes(report: Report, fixes: readonly Fix[], targets: ReadonlyMap<string, number>): Report {
  if (fixes.length === 0) return report;
  return {
    ...report,
    fixes,
    findings: report.findings.map((finding) => {
      const fixIndex = targets.get(`${finding.unit}\0${formatObjectKey(finding.object)}`);
      return fixIndex === undefined ? finding : { ...finding, fixIndex };
    }),
  };
}

/** The fix of a finding, when it has one. */
export function findFix(report: Report, finding: Finding): Fix | undefined {
  return finding.fixIndex === undefined ? undefined : report.fixes[finding.fixIndex];
}

function sortRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
