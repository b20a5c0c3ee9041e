/**
 * The plan of a run, made once before anything is rendered: the sides, the settings in force,
 * the mode (Flux Kustomizations under the paths, or plain kustomization roots) and the ports
 * the stages use. Each stage is handed what it needs from it; the GitHub client is made only
 * when fix planning asks GitHub something.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import type { ParsedDocuments } from '../core/objects/kube-objects.ts';
import { hideUserInfo } from '../core/text/redact.ts';
import { declaresFluxKustomizations } from '../flux/discover-units.ts';
import type { TemporaryCheckout } from '../render/git.ts';
import { createChartFetcher, type ChartFetcher } from '../render/helm/chart-fetch.ts';
import { createChartStore } from '../render/helm/chart-store.ts';
import { createHelmRunner, findHelm, type HelmRunner } from '../render/helm/helm-runner.ts';
import { registerTempTree } from '../render/cleanup.ts';
import { createKustomizeRunner, limitBuilds, type KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import type { RemoteAccess } from '../render/kustomize/overlay.ts';
import { createRemoteFetcher, parseMirror } from '../render/remote-fetch.ts';
import { createRenderCache, type RenderCache } from '../render/render-cache.ts';
import { loadSettings, type Settings } from './load-settings.ts';
import { createProgressTracker, type ProgressTracker } from './render-progress.ts';
import { prepareSides, type PreparedSides } from './prepare-sides.ts';
import { DEFAULT_KUBERNETES_VERSION } from './render-helm-release.ts';
import type { RunDependencies, RunOptions } from './run-options.ts';

/** What the comparing stages render with: one runner, one remote access and one budget for the whole run. */
export interface RenderContext {
  /** Runs kustomize. */
  readonly runner: KustomizeRunner;
  /** Fetches remote resources, through the mirrors and the cache, under the network policy. */
  readonly remote: RemoteAccess;
  /** The configuration in force. */
  readonly settings: Settings;
  /**
   * How many renders are under way at once: twice the builds the runner lets run at once
   * (see limitBuilds), so that one render is prepared or parsed while the builds run.
   */
  readonly concurrency: number;
  /** Render every unit, also those whose inputs are identical on both sides and that no finding needs. */
  readonly renderAll: boolean;
  /** Renders of earlier runs, by content; undefined when the kustomize binary cannot be named. */
  readonly renders?: RenderCache;
  /** Counts phases, builds and cache hits for the progress display. */
  readonly progress: ProgressTracker;
  /** Documents of kustomize output parsed so far: each text is parsed once per run. */
  readonly documents: ParsedDocuments;
  /** Templates HelmReleases' charts; undefined when no helm was found (they are then judged as single objects). */
  readonly helm: HelmRunner | undefined;
  /** The Kubernetes version charts are rendered for. */
  readonly kubeVersion: string;
  /** Fetches charts of HelmRepositories and OCI registries (through `remote.fetcher`). */
  readonly charts: ChartFetcher;
}

/** Where fix planning may ask GitHub about other repositories, checked before anything runs. */
export interface GitHubAccess {
  /** API token, when one is set. */
  readonly token?: string;
  /** API base URL, when not api.github.com. */
  readonly baseUrl?: string;
}

/** Everything the stages of a run are handed, decided once. */
export interface RunPlan extends PreparedSides {
  /** Flux mode when a Flux Kustomization is declared under the paths on either side; else plain kustomize roots. */
  readonly mode: 'flux' | 'kustomize';
  /** What the comparing stages render with. */
  readonly render: RenderContext;
  /** Where fix planning looks up directories; undefined when fixes look nothing up (off, or offline). */
  readonly github?: GitHubAccess;
}

/**
 * Plans a run: checks the options that can be checked before any work (kustomize found,
 * mirrors and the GitHub API well formed), prepares the sides (temporary checkouts are added
 * to `checkouts`, for the caller to dispose of), loads the settings and decides the mode.
 * The remote fetcher is made last, so a plan that fails leaves nothing open.
 */
export async function planRun(options: RunOptions, dependencies: RunDependencies, checkouts: TemporaryCheckout[]): Promise<RunPlan> {
  // A helm named and not there stops the run now; none at all is said in the report.
  const helmBin = findHelm({ ...(options.helmBin ? { bin: options.helmBin } : {}), env: options.env });
  const builds = Math.max(1, options.concurrency ?? availableParallelism());
  const runner = limitBuilds((dependencies.createRunner ?? createDefaultRunner)(options), builds);
  const cliMirrors = (options.mirrors ?? []).map(parseMirror);
  // Offline, nothing asks GitHub about other repositories either.
  const github = options.fixes === false || options.offline ? undefined : readGitHubAccess(options);
  const sides = await prepareSides(options, checkouts);
  const settings = loadSettings(options, sides);
  const { before, after, paths } = sides;
  const declaresFlux = (root: string, only?: ReadonlySet<string>): boolean => paths.some((path) => declaresFluxKustomizations(join(root, path), only));
  const fluxAfter = sides.fluxDeclaredAfter ?? declaresFlux(after.root);
  // Where git says nothing changed the side before is the side after: only its changed files can declare what the side after does not.
  const onlyChanged = sides.changed && !fluxAfter ? new Set([...sides.changed].map((path) => join(before.root, path))) : undefined;
  const mode = fluxAfter || declaresFlux(before.root, onlyChanged) ? 'flux' : 'kustomize';
  const mirrors = [...cliMirrors, ...settings.config.mirrors];
  const cacheDir = resolveCacheDir(options);
  const fetcher = createRemoteFetcher({
    cacheDir,
    mirrors,
    ...(settings.config.remote.allow ? { allow: settings.config.remote.allow } : {}),
    ...(options.allowRemote ? { alsoAllow: options.allowRemote } : {}),
    ...(options.offline ? { offline: true } : {}),
  });
  const render: RenderContext = {
    runner,
    remote: { mirrors, fetcher },
    settings,
    concurrency: builds * 2,
    renderAll: options.render === 'all',
    ...(runner.identity !== undefined ? { renders: createRenderCache({ dir: cacheDir }) } : {}),
    progress: createProgressTracker(options.onProgress),
    documents: new Map(),
    helm: helmBin ? createHelmRunner(helmBin, { env: options.env }) : undefined,
    kubeVersion: settings.config.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    charts: createChartFetcher(fetcher, createChartStore(cacheDir, makeChartTemp)),
  };
  return { ...sides, mode, render, ...(github ? { github } : {}) };
}

/** A folder for chart archives the cache cannot take, removed when the process ends. */
function makeChartTemp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-charts-'));
  registerTempTree(dir);
  return dir;
}

function createDefaultRunner(options: RunOptions): KustomizeRunner {
  return createKustomizeRunner({ ...(options.kustomizeBin ? { bin: options.kustomizeBin } : {}), env: options.env });
}

/** The GitHub API fix planning may use: --github-api-url or GITHUB_API_URL, which must be plain http(s) URLs. */
function readGitHubAccess(options: RunOptions): GitHubAccess {
  const token = options.githubToken ?? (options.env.GITHUB_TOKEN || options.env.GH_TOKEN || undefined);
  const baseUrl = options.githubApiUrl ?? (options.env.GITHUB_API_URL || undefined);
  if (baseUrl !== undefined) {
    const where = options.githubApiUrl !== undefined ? '--github-api-url' : 'GITHUB_API_URL';
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`${where} must be an http(s) URL, got '${hideUserInfo(baseUrl)}'`);
    const { username, password } = new URL(baseUrl);
    if (username || password) throw new UsageError(`${where} must not carry credentials (${hideUserInfo(baseUrl)}): set GITHUB_TOKEN instead`);
  }
  return { ...(token ? { token } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

/** The cache directory: --cache-dir, PRUNE_GUARD_CACHE_DIR, $XDG_CACHE_HOME/prune-guard, ~/.cache/prune-guard. */
export function resolveCacheDir(options: Pick<RunOptions, 'cacheDir' | 'cwd' | 'env'>): string {
  if (options.cacheDir) return resolve(options.cwd, options.cacheDir);
  const { env } = options;
  if (env.PRUNE_GUARD_CACHE_DIR) return resolve(options.cwd, env.PRUNE_GUARD_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'prune-guard');
}
