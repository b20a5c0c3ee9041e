/**
 * Rules about changes that break the cluster without removing anything: an apply the API
 * server rejects, an API version the cluster does not serve, an aggregated API or webhook
 * that stalls the control plane. Each family lives in a module of its own; this one calls
 * them for the units of one cluster.
 */
import { describeApiVersionProblems } from './api-versions.ts';
import { describeCrdVersionChanges } from './crd-versions.ts';
import type { Finding } from './findings.ts';
import type { ChangeRuleInput } from './change-rule-input.ts';
import { describeControlPlaneChanges } from './control-plane.ts';
import { describeImmutableChanges } from './immutable-fields.ts';
import { describeUnmetRequirements } from './requirements.ts';

/** Runs every change rule over one cluster's units. */
export function evaluateChangeRules(input: ChangeRuleInput): Finding[] {
  const findings: Finding[] = [];
  // Each family adds its findings here.
  findings.push(...describeControlPlaneChanges(input));
  findings.push(...describeImmutableChanges(input));
  findings.push(...describeCrdVersionChanges(input));
  findings.push(...describeApiVersionProblems(input));
  findings.push(...describeUnmetRequirements(input));
  return findings;
}
