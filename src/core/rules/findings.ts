/**
 * Findings: what a reviewer must see about a change, with a rule id and a severity.
 */
import type { ObjectId, Provenance } from '../objects/kube-objects.ts';

/** How serious a finding is. */
export const Severities = {
  error: 'error',
  warning: 'warning',
  notice: 'notice',
} as const;

/** One of {@link Severities}. */
export type Severity = (typeof Severities)[keyof typeof Severities];

/** Severities from most to least serious; the order of every report. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];

/** The `--fail-on` levels: a severity, or `never` to report without failing. */
export const FailLevels = { ...Severities, never: 'never' } as const;

/** One of {@link FailLevels}. */
export type FailLevel = (typeof FailLevels)[keyof typeof FailLevels];

/**
 * Every rule prune-guard reports, with its id as it appears in output. Within one severity,
 * reports list findings in this order: causes (a pruned CRD) before their effects.
 */
export const Rules = {
  configChanged: 'config-changed',
  readsOutsideRepository: 'reads-outside-repository',
  buildFailed: 'build-failed',
  kustomizationRemoved: 'kustomization-removed',
  resourceSetRemoved: 'resourceset-removed',
  crdRemoved: 'crd-removed',
  namespaceRemoved: 'namespace-removed',
  objectMoved: 'object-moved',
  crdMissing: 'crd-missing',
  helmCrdSkipped: 'helm-crd-skipped',
  helmCrdStale: 'helm-crd-stale',
  helmKubeVersion: 'helm-kube-version',
  helmReleaseNotRendered: 'helmrelease-not-rendered',
  resourceSetNotRendered: 'resourceset-not-rendered',
  immutableFieldChanged: 'immutable-field-changed',
  gcRbacRemoved: 'gc-rbac-removed',
  gcRbacMissing: 'gc-rbac-missing',
  apiServiceChanged: 'apiservice-changed',
  webhookBackendMissing: 'webhook-backend-missing',
  crdScopeChanged: 'crd-scope-changed',
  crdStorageVersionInvalid: 'crd-storage-version-invalid',
  crdVersionRemoved: 'crd-version-removed',
  crdVersionUnserved: 'crd-version-unserved',
  crdStorageVersionChanged: 'crd-storage-version-changed',
  apiRemoved: 'api-removed',
  apiDeprecated: 'api-deprecated',
  requirementUnmet: 'requirement-unmet',
  fluxComponentMissing: 'flux-component-missing',
  helmReleaseRemoved: 'helmrelease-removed',
  helmReleaseReinstalled: 'helmrelease-reinstalled',
  apiGroupChanged: 'api-group-changed',
  dataRemoved: 'data-removed',
  clusterScopedRemoved: 'cluster-scoped-removed',
  objectOrphaned: 'object-orphaned',
  objectRemoved: 'object-removed',
  kustomizationSpecChanged: 'kustomization-spec-changed',
  kustomizationNotRendered: 'kustomization-not-rendered',
  variableMissing: 'variable-missing',
  pruneProtected: 'prune-protected',
  helmCrdUnmanaged: 'helm-crd-unmanaged',
} as const;

const RULE_ORDER: readonly string[] = Object.values(Rules);

/** One of {@link Rules}. */
export type RuleId = (typeof Rules)[keyof typeof Rules];

/** An object as findings and reports name it. */
export interface ObjectRef extends ObjectId {
  /** apiVersion as rendered. */
  readonly apiVersion: string;
}

/** A line-range edit of an existing file, shaped so it can be a GitHub review suggestion. */
export interface FixEdit {
  /** The file to edit, relative to the repository root. */
  readonly path: string;
  /** First line replaced (1-based), in the file after the change. */
  readonly startLine: number;
  /** Last line replaced (inclusive); equal to startLine for one line. */
  readonly endLine: number;
  /** The text that replaces those lines, without a trailing newline. */
  readonly replacement: string;
  /** One sentence saying what the edit does. */
  readonly description: string;
}

/** A file a fix creates (vendored manifests). */
export interface FixFile {
  /** Path relative to the repository root. */
  readonly path: string;
  /** The whole file. */
  readonly content: string;
}

/** Where a fix found the objects the change drops. */
export const FixSources = {
  /** Another file next to the remote file that used to hold them (Calico's operator-crds.yaml). */
  remote: 'remote',
  /** A file of the tree that no kustomization lists any more. */
  local: 'local',
  /** Nowhere: the objects as rendered before the change, written into a new file. */
  vendored: 'vendored',
  /** A HelmRelease's own CRD policy, for CRDs its chart's crds/ holds. */
  policy: 'policy',
} as const;

/** One of {@link FixSources}. */
export type FixSource = (typeof FixSources)[keyof typeof FixSources];

/** The change that keeps objects a change would prune: new `resources:` entries, and files for vendoring. */
export interface Fix {
  /** Where the objects were found. */
  readonly source: FixSource;
  /** One sentence saying what the fix does. */
  readonly description: string;
  /** The `resources:` entries it adds, as written into the kustomization. */
  readonly entries: readonly string[];
  /** Edits of existing files (the kustomization). */
  readonly edits: readonly FixEdit[];
  /** Files it creates; empty unless vendoring. */
  readonly files: readonly FixFile[];
  /** Identity keys (`group/Kind/namespace/name`) of the objects it brings back, sorted. */
  readonly restores: readonly string[];
  /**
   * True when the head side was rendered again with the fix applied and every object in
   * `restores` came back with nothing else lost; false when that could not be checked.
   * A fix whose check failed is never proposed.
   */
  readonly verified: boolean;
}

/** One thing a reviewer must see. */
export interface Finding {
  /** Which rule found it. */
  readonly rule: RuleId;
  /** How serious it is. */
  readonly severity: Severity;
  /** One sentence saying what happens in the cluster. */
  readonly message: string;
  /** The object the finding is about. */
  readonly object: ObjectRef;
  /** The kustomization root (or Flux Kustomization) the object belongs to. */
  readonly unit: string;
  /** Where the object came from: the before tree for removals, the after tree otherwise. */
  readonly provenance?: Provenance;
  /** Objects deleted along with this one (`Kind/name` or `Kind/namespace/name`), sorted. */
  readonly cascade?: readonly string[];
  /** Index in the report's `fixes` of the change that keeps the object, when one is known. */
  readonly fixIndex?: number;
}

/** Returns true when `severity` is at or above `failOn`. */
export function isAtOrAbove(severity: Severity, failOn: FailLevel): boolean {
  if (failOn === 'never') return false;
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(failOn);
}

/** Orders findings: most serious first, then by rule, unit and object. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const byRule = RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule);
  if (byRule !== 0) return byRule;
  const keyOf = (finding: Finding): string =>
    [finding.unit, finding.object.kind, finding.object.namespace, finding.object.name, finding.object.group].join('\u0000');
  const [x, y] = [keyOf(a), keyOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
