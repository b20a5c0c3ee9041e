/**
 * The configuration's shape: what `.prune-guard.yaml` can say, once parsed. Parsing and
 * validation are parse-config.ts; reading the file, src/app/read-config-file.ts.
 */
import type { FailLevel, RuleId, Severity } from '../rules/findings.ts';
import type { GroupKind } from '../objects/scope.ts';
import type { Requirement } from '../rules/change-rule-input.ts';

/** A severity override for the findings about objects that match a pattern. */
export interface SeverityOverride {
  /** Object pattern, see matchesObjectPattern in object-patterns.ts. */
  readonly match: string;
  /** The severity the matching findings get. */
  readonly severity: Severity;
  /** Only findings of these rules; undefined for findings of every rule. */
  readonly rules?: readonly RuleId[];
}

/** The parsed configuration file. Every key is optional; absent keys are empty. */
export interface Config {
  /** Lowest severity that fails the run; undefined when the file does not set it (`--fail-on` overrides it). */
  readonly failOn?: FailLevel;
  /** The Kubernetes version the clusters run (`1.31.0`), as charts are rendered for it; undefined: the documented default. */
  readonly kubernetesVersion?: string;
  /** Severity overrides in file order; the first that matches a finding wins. */
  readonly severity: readonly SeverityOverride[];
  /** Object patterns left out of the comparison entirely. */
  readonly ignore: readonly string[];
  /** Kinds the user declares cluster-scoped, beyond the built-in table and the rendered CRDs. */
  readonly clusterScoped: readonly GroupKind[];
  /** Flux sources that are this checkout (or a folder of it). */
  readonly sources: readonly SourceSetting[];
  /** Cluster roots as the operator declares them; empty: found in the repository (sync Kustomizations, FluxInstances, `clusters/<name>/`). */
  readonly clusters: readonly ClusterSetting[];
  /** Values for Flux post-build variables that only the cluster knows. */
  readonly substitute: Readonly<Record<string, string>>;
  /** URL prefix rewrites for remote resources, in file order (`--mirror` ones come first). */
  readonly mirrors: readonly Mirror[];
  /** Where remote resources may come from. */
  readonly remote: RemoteSettings;
  /** Which images and charts need which Kubernetes versions, for what manifests cannot say. */
  readonly requires: readonly Requirement[];
}

/** A Flux source the operator maps to this checkout: `namespace/name` alone is a GitRepository. */
export interface SourceSetting {
  /** `GitRepository` or `OCIRepository`. */
  readonly kind: 'GitRepository' | 'OCIRepository';
  /** `namespace/name` of the source object. */
  readonly name: string;
  /** The folder of this repository the source's root is (an OCI artifact pushed from it); undefined: the repository root. */
  readonly path?: string;
}

/** A cluster the operator declares: the folder Flux applies for it, as bootstrap's `--path` names it. */
export interface ClusterSetting {
  /** How reports name the cluster. */
  readonly name: string;
  /** The folder, relative to the repository root, without `./` or a trailing `/`. */
  readonly path: string;
  /** Sources that are this checkout in this cluster only, on top of the top-level `sources`. */
  readonly sources: readonly SourceSetting[];
}

/** The `remote` key: the network policy for remote resources. */
export interface RemoteSettings {
  /**
   * Hosts (`example.com`), `*.example.com`, `host:port` or http(s) URL prefixes that remote
   * resources may come from, replacing the default list; undefined: the default list.
   */
  readonly allow?: readonly string[];
}

/** A URL prefix rewrite, so air-gapped runners fetch remote resources from an internal copy. */
export interface Mirror {
  /** Prefix of the original URL. */
  readonly from: string;
  /** Prefix that replaces it. */
  readonly to: string;
}

/** The configuration when there is no file: nothing overridden, ignored or added. */
export const EMPTY_CONFIG: Config = Object.freeze({
  severity: Object.freeze([]),
  ignore: Object.freeze([]),
  clusterScoped: Object.freeze([]),
  sources: Object.freeze([]),
  clusters: Object.freeze([]),
  substitute: Object.freeze({}),
  mirrors: Object.freeze([]),
  remote: Object.freeze({}),
  requires: Object.freeze([]),
});
