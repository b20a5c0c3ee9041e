/**
 * What the change rules read, for one cluster: its units, diffed, and the settings they are
 * judged under. A module of its own, so each rule family and the module that runs them all
 * can both name it.
 */
import type { UnitDiff } from './removal-rules.ts';

/** What the change rules read, for one cluster. */
export interface ChangeRuleInput {
  /** The cluster's units, diffed. */
  readonly units: readonly UnitDiff[];
  /** Whether the Flux Kustomization behind a unit applies with `spec.force` (never in plain kustomize mode). */
  readonly force: (unit: string) => boolean;
  /** Whether a Flux Kustomization applies the unit (Flux mode); absent or false: plain kustomize mode, applied as `kubectl apply` would. */
  readonly fluxOwned?: (unit: string) => boolean;
  /** The Kubernetes version the clusters run (`1.31.0`), when the configuration names one. */
  readonly kubernetesVersion?: string;
  /** The configuration's `requires:` entries. */
  readonly requirements?: readonly Requirement[];
}

/** One `requires:` entry: what it matches (an image glob, or a chart and its versions) and the Kubernetes range it needs. */
export interface Requirement {
  /** Container images, `*` matching any run of characters (slashes included), `?` one. */
  readonly image?: string;
  /** A HelmRelease's chart by name (`spec.chart.spec.chart`), and optionally a semver range its pinned version must fall in. */
  readonly chart?: { readonly name: string; readonly version?: string };
  /** The Kubernetes versions it works with, a semver range (`>=1.25`). */
  readonly kubernetes: string;
  /** Why, quoted in the finding. */
  readonly why: string;
}
