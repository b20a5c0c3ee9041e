/**
 * What a run is asked to do: the options both adapters fill (from argv or the Action's
 * inputs), the ports a test may replace, and what a run returns.
 */
import type { FailLevel } from '../core/rules/findings.ts';
import type { Report } from '../core/report/report-model.ts';
import type { KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import type { RenderProgress } from './render-progress.ts';

/** Where before and after come from. */
export type RunSource =
  | {
      /** Compare git revisions of the repository around `cwd`. */
      readonly kind: 'git';
      /** Directories to check, relative to `cwd`; empty means the repository root. */
      readonly paths: readonly string[];
      /** Base ref; the change is compared with its merge base. Default: origin/HEAD, origin/main, main, origin/master, master. */
      readonly base?: string;
      /** Head ref; default: the working tree, uncommitted changes included. */
      readonly head?: string;
      /** Use `base` itself as the before side instead of its merge base with the head (the Action knows it exactly). */
      readonly exactBase?: boolean;
      /** How reports name the before side; default: the ref and its merge base. */
      readonly baseLabel?: string;
      /** How reports name the working tree side; default: `working tree`. */
      readonly headLabel?: string;
      /** The commit whose configuration is the policy; default: the commit `base` names (its tip, not the merge base). */
      readonly policyRef?: string;
      /** The branch the change merges into, for telling which Flux GitRepository refs follow it; default: the branch `base` names. */
      readonly baseBranch?: string;
    }
  | {
      /** Compare two directories, no git. */
      readonly kind: 'dirs';
      /** The directory before the change. */
      readonly before: string;
      /** The directory after the change. */
      readonly after: string;
    };

/** Everything a run needs; the adapters fill it from argv or Action inputs. */
export interface RunOptions {
  /** What to compare. */
  readonly source: RunSource;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Severity at which findings block; default: the config file's failOn, else error. */
  readonly failOn?: FailLevel;
  /**
   * Configuration file on disk, the operator's choice (`--config`), read as it is. Default:
   * `.prune-guard.yaml` at the repository root of the base side (AFTER_DIR in diff mode).
   */
  readonly configPath?: string;
  /** Configuration file as a path in the repository (the Action's `config` input), read from the base side. */
  readonly repoConfigPath?: string;
  /** Explicit kustomize (or kubectl) binary. */
  readonly kustomizeBin?: string;
  /** Explicit helm binary; without one, `PRUNE_GUARD_HELM`, then `helm` on PATH. */
  readonly helmBin?: string;
  /** The Kubernetes version the clusters run (`--kubernetes-version`); over the configuration's `kubernetesVersion`. */
  readonly kubernetesVersion?: string;
  /** Environment for finding and running kustomize. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How many kustomize builds run at once; default: the CPU count. */
  readonly concurrency?: number;
  /**
   * Which units to render: `changed` (default) renders those whose inputs differ between the
   * sides, and the others only when a finding needs them; `all` renders every unit.
   */
  readonly render?: 'all' | 'changed';
  /** Called whenever rendering moves on (a phase, a build, a cache hit), for a progress display. */
  readonly onProgress?: (progress: RenderProgress) => void;
  /** URL prefix rewrites, `FROM=TO`, tried before the config file's `mirrors`. */
  readonly mirrors?: readonly string[];
  /** Directory of the remote-manifest cache; default: PRUNE_GUARD_CACHE_DIR, else ~/.cache/prune-guard. */
  readonly cacheDir?: string;
  /** Remote hosts or URL prefixes allowed besides `remote.allow` (or the default list), `--allow-remote`. */
  readonly allowRemote?: readonly string[];
  /** Fetch no remote resource but from the cache or through a mirror; no GitHub look-ups. */
  readonly offline?: boolean;
  /** GitHub API for looking up where dropped CRDs went; default: GITHUB_API_URL, else api.github.com. */
  readonly githubApiUrl?: string;
  /** Token for the GitHub API; default: GITHUB_TOKEN, else GH_TOKEN. */
  readonly githubToken?: string;
  /** Plan and verify fixes for dropped cluster-scoped objects; default: true. */
  readonly fixes?: boolean;
}

/** Ports a test may replace. */
export interface RunDependencies {
  /** Creates the kustomize runner. */
  readonly createRunner?: (options: RunOptions) => KustomizeRunner;
}

/** What a run found, with where the head side lives (for `fix --write`). */
export interface RunResult {
  /** The report. */
  readonly report: Report;
  /** The directory fix paths are relative to: the repository root, or AFTER_DIR. */
  readonly headRoot: string;
  /** Why some dropped objects got no fix, when a look-up failed: one line each. */
  readonly fixNotes: readonly string[];
  /** What `--verbose` adds: files passed over (a ks.yaml no kustomization lists), one line each. */
  readonly details: readonly string[];
  /** The name of the unit at the top of diff's directories, when it is named after them rather than `.`. */
  readonly rootUnit?: string;
}
