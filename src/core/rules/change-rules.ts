/**
 * Rules about changes that break the cluster without removing anything: an apply the API
 * server rejects, an API version the cluster does not serve, an aggregated API or webhook
 * that stalls the control plane. Each family lives in a module of its own; this one calls
 * them for the units of one cluster.
 */
import { describeApiVersionProblems } from './api-versions.ts';
import type { Finding } from './findings.ts';
import type { UnitDiff } from './removal-rules.ts';

/** What the change rules read, for one cluster. */
export interface ChangeRuleInput {
  /** The cluster's units, diffed. */
  readonly units: readonly UnitDiff[];
  /** Whether the Flux Kustomization behind a unit applies with `spec.force` (never in plain kustomize mode). */
  readonly force: (unit: string) => boolean;
  /** The Kubernetes version the clusters run (`1.31.0`), when the configuration names one. */
  readonly kubernetesVersion?: string;
}

/** Runs every change rule over one cluster's units. */
export function evaluateChangeRules(input: ChangeRuleInput): Finding[] {
  const findings: Finding[] = [];
  // Each family adds its findings here.
  findings.push(...describeApiVersionProblems(input));
  void input;
  return findings;
}
