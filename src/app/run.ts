/**
 * The one orchestration the CLI and the Action call: sources -> renders -> object sets ->
 * diff -> rules -> Report.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { hideUserInfo } from '../core/text/redact.ts';
import { EMPTY_CONFIG, type Config } from '../core/config/parse-config.ts';
import { isAtOrAbove, type FailLevel } from '../core/rules/findings.ts';
import { CONFIG_FILE_NAMES, loadConfig, loadTrustedConfig } from './read-config-file.ts';
import type { Report, SideInfo } from '../core/report/report-model.ts';
import {
  addTemporaryWorktree,
  findDefaultBase,
  findMergeBase,
  getOriginUrl,
  listWorkingTreeFiles,
  openRepository,
  readFileAtCommit,
  resolveCommit,
  type TemporaryCheckout,
} from '../render/git.ts';
import { createKustomizeRunner, type KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import { createConfinement, type Confinement } from '../render/kustomize/confine.ts';
import type { Finding } from '../core/rules/findings.ts';
import { describeConfigChange } from '../core/rules/outside-reads.ts';
import { createObjectBudget, type ObjectBudget } from '../core/objects/limits.ts';
import { planFixes } from './fixes/plan-fixes.ts';
import { compareSides, type Compared } from './compare-sides.ts';
import { toPosix, type PathDisplay } from '../render/kustomize/read-kustomization.ts';
import { attachFixes } from '../core/report/report-model.ts';
import { createSecretMask, maskReport } from '../core/report/mask-secrets.ts';
import { createRepositoryContents, type RepositoryContents } from '../github/contents.ts';
import { createOctokit } from '../github/gateway.ts';
import type { RemoteAccess } from '../render/kustomize/overlay.ts';
import { createRemoteFetcher, parseMirror, type RemoteFetcher } from '../render/remote-fetch.ts';
import { compareFluxSides, declaresFluxKustomizations } from './compare-flux-sides.ts';

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
  /** Environment for finding and running kustomize. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How many kustomize builds run at once; default: the CPU count. */
  readonly concurrency?: number;
  /** Called after each finished build, for progress display; the total is unknown in Flux mode, where renders reveal more Kustomizations. */
  readonly onProgress?: (done: number, total: number | undefined) => void;
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
}

/** One side of the comparison. */
export interface Side {
  /** How reports name it. */
  readonly info: SideInfo;
  /** Directory of the tree (checkout or plain directory). */
  readonly root: string;
  /** How messages name a path of this side. */
  readonly show: PathDisplay;
  /** The files git would commit, for a working tree (gitignored files never reach Flux). */
  readonly files?: readonly string[];
  /** Builds of this side read nothing outside its root. */
  readonly confinement: Confinement;
}

/** The configuration in force, with the verdict level resolved. */
export interface Settings {
  /** The configuration file's contents (or the empty default). */
  readonly config: Config;
  /** The level at which findings block: --fail-on, else the config's failOn, else error. */
  readonly failOn: FailLevel;
  /** Findings about the configuration itself: the change edits it. */
  readonly configFindings: readonly Finding[];
  /** The run's bound on rendered objects. */
  readonly budget: ObjectBudget;
}

/** Where the sides come from, beyond the sides themselves. */
interface PreparedSides {
  readonly before: Side;
  readonly after: Side;
  /** Paths to check, relative to both roots. */
  readonly paths: string[];
  /** The repository's origin URL, to tell which Flux GitRepository is this repository. */
  readonly repoUrl?: string;
  /** Git mode: the configuration files as the base branch itself has them now (its tip, not the merge base). */
  readonly policyFiles?: ReadonlyMap<string, string>;
}

/** Names paths as `PREFIX` + the path relative to `root` (`main:apps/web`, `before/apps/web`). */
function createPathDisplay(root: string, prefix: (rel: string) => string): PathDisplay {
  return (absolute) => prefix(toPosix(relative(root, absolute)) || '.');
}

/** Runs prune-guard and returns the report. Throws PruneGuardError subclasses for user errors. */
export async function run(options: RunOptions, dependencies: RunDependencies = {}): Promise<Report> {
  return (await runWithTree(options, dependencies)).report;
}

/** Runs prune-guard; also says where the head side is, for applying fixes. */
export async function runWithTree(options: RunOptions, dependencies: RunDependencies = {}): Promise<RunResult> {
  const runner = (dependencies.createRunner ?? defaultRunner)(options);
  const cliMirrors = (options.mirrors ?? []).map(parseMirror);
  // Checked before anything is rendered, but only when fixes will look anything up.
  // Offline, nothing asks GitHub about other repositories either.
  const contents = options.fixes === false || options.offline ? undefined : createContents(options);
  const checkouts: TemporaryCheckout[] = [];
  let fetcher: RemoteFetcher | undefined;
  try {
    const sides =
      options.source.kind === 'git'
        ? await prepareGitSides(options.source, options.cwd, checkouts, options.repoConfigPath)
        : prepareDirectorySides(options.source, options.cwd);
    const { before, after, paths } = sides;
    const settings = loadSettings(options, sides);
    const { config } = settings;
    const mirrors = [...cliMirrors, ...config.mirrors];
    fetcher = createRemoteFetcher({
      cacheDir: resolveCacheDir(options),
      mirrors,
      ...(config.remote.allow ? { allow: config.remote.allow } : {}),
      ...(options.allowRemote ? { alsoAllow: options.allowRemote } : {}),
      ...(options.offline ? { offline: true } : {}),
    });
    const remote: RemoteAccess = { mirrors, fetcher };
    // Flux Kustomizations under the paths switch to Flux mode; plain kustomize trees keep theirs.
    let compared: Compared;
    if (paths.some((path) => declaresFluxKustomizations(join(before.root, path)) || declaresFluxKustomizations(join(after.root, path)))) {
      const analysis = await compareFluxSides({ before, after, ...(sides.repoUrl ? { repoUrl: sides.repoUrl } : {}) }, runner, options, settings, remote);
      // Flux builds post-process renders (substitution, spec patches), so a fix is proposed unverified.
      const existing = new Set(analysis.report.units.filter((unit) => unit.after !== null).map((unit) => unit.name));
      compared = { analysis, units: new Map(analysis.units.map((unit) => [unit.unit, { diff: unit, exists: existing.has(unit.unit) }])) };
    } else {
      compared = await compareSides({ before, after, paths, requireBothSides: options.source.kind === 'dirs' }, runner, options, settings, remote);
    }
    const { analysis } = compared;
    // Values from Secrets (Flux substitution) are masked last, once fixes are attached, in every string.
    const mask = createSecretMask(analysis.secretValues ?? []);
    if (options.fixes === false) return { report: maskReport(analysis.report, mask), headRoot: after.root, fixNotes: [] };
    // Fixes for what fails the gate (at least warnings when nothing does): a fix for a
    // notice would undo a removal nobody objects to.
    const fixLevel = settings.failOn === 'never' || settings.failOn === 'notice' ? 'warning' : settings.failOn;
    const plan = await planFixes(
      analysis.report.findings.filter((finding) => isAtOrAbove(finding.severity, fixLevel)),
      compared.units,
      {
        beforeRoot: before.root,
        head: { root: after.root, show: after.show, ...(after.files ? { files: after.files } : {}) },
        beforeLabel: before.info.label,
        runner,
        remote,
        ...(contents ? { contents } : {}),
        scope: analysis.scope,
        config: settings.config,
        concurrency: options.concurrency ?? availableParallelism(),
      },
    );
    return { report: maskReport(attachFixes(analysis.report, plan.fixes, plan.targets), mask), headRoot: after.root, fixNotes: plan.notes.map(mask.text) };
  } finally {
    // A failed build leaves the others' downloads under way; nothing needs them any more.
    fetcher?.close();
    for (const checkout of checkouts) checkout.dispose();
  }
}

function defaultRunner(options: RunOptions): KustomizeRunner {
  return createKustomizeRunner({ ...(options.kustomizeBin ? { bin: options.kustomizeBin } : {}), env: options.env });
}

async function prepareGitSides(
  source: Extract<RunSource, { kind: 'git' }>,
  cwd: string,
  checkouts: TemporaryCheckout[],
  configPath: string | undefined,
): Promise<PreparedSides> {
  const git = await openRepository(cwd);
  const repoUrl = await getOriginUrl(git);
  const headCommit = await resolveCommit(git, source.head ?? 'HEAD');
  const baseRef = source.base ?? (await findDefaultBase(git));
  const baseCommit = await resolveCommit(git, baseRef);
  const mergeBase = source.exactBase ? baseCommit : await findMergeBase(git, baseCommit, headCommit, baseRef);
  // The policy is the base branch's as it stands, not as it stood where the change branched
  // off: a branch cut before the policy was tightened must not run under the older one.
  const policyCommit = source.policyRef ? await resolveCommit(git, source.policyRef) : baseCommit;
  const policyFiles = new Map<string, string>();
  for (const name of configPath !== undefined ? [configPath] : CONFIG_FILE_NAMES) {
    const text = await readFileAtCommit(git, policyCommit, name);
    if (text !== undefined) policyFiles.set(name, text);
  }

  const realCwd = realpathSync(cwd);
  const paths = (source.paths.length > 0 ? source.paths : [git.root]).map((path) => {
    const rel = relative(git.root, resolve(realCwd, path));
    if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`path is outside the repository: ${path}`);
    return rel;
  });

  const baseCheckout = await addTemporaryWorktree(git, mergeBase);
  checkouts.push(baseCheckout);
  const before: Side = {
    info: { label: source.baseLabel ?? `${baseRef} (merge base ${mergeBase.slice(0, 7)})` },
    root: baseCheckout.dir,
    show: createPathDisplay(baseCheckout.dir, (rel) => `${baseRef}:${rel}`),
    confinement: createConfinement(baseCheckout.dir),
  };
  const common = { paths, policyFiles, ...(repoUrl ? { repoUrl } : {}) };
  if (!source.head) {
    const files = await listWorkingTreeFiles(git);
    const after: Side = { info: { label: source.headLabel ?? 'working tree' }, root: git.root, show: createPathDisplay(git.root, (rel) => rel), files, confinement: createConfinement(git.root) };
    return { ...common, before, after };
  }
  const headCheckout = await addTemporaryWorktree(git, headCommit);
  checkouts.push(headCheckout);
  const after: Side = {
    info: { label: `${source.head} (${headCommit.slice(0, 7)})` },
    root: headCheckout.dir,
    show: createPathDisplay(headCheckout.dir, (rel) => `${source.head}:${rel}`),
    confinement: createConfinement(headCheckout.dir),
  };
  return { ...common, before, after };
}

function prepareDirectorySides(
  source: Extract<RunSource, { kind: 'dirs' }>,
  cwd: string,
): PreparedSides {
  const side = (dir: string): Side => {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) throw new UsageError(`directory not found: ${dir}`);
    if (!statSync(root).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
    return { info: { label: dir }, root, show: createPathDisplay(root, (rel) => (rel === '.' ? dir : `${toPosix(dir).replace(/\/$/, '')}/${rel}`)), confinement: createConfinement(root) };
  };
  const after = side(source.after);
  return { before: side(source.before), after, paths: [''] };
}

/** The GitHub contents port, for finding the file a remote manifest's CRDs moved to. */
function createContents(options: RunOptions): RepositoryContents {
  const token = options.githubToken ?? (options.env.GITHUB_TOKEN || options.env.GH_TOKEN || undefined);
  const baseUrl = options.githubApiUrl ?? (options.env.GITHUB_API_URL || undefined);
  if (baseUrl !== undefined) {
    const where = options.githubApiUrl !== undefined ? '--github-api-url' : 'GITHUB_API_URL';
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`${where} must be an http(s) URL, got '${hideUserInfo(baseUrl)}'`);
    const { username, password } = new URL(baseUrl);
    if (username || password) throw new UsageError(`${where} must not carry credentials (${hideUserInfo(baseUrl)}): set GITHUB_TOKEN instead`);
  }
  return createRepositoryContents(createOctokit({ ...(token ? { token } : {}), ...(baseUrl ? { baseUrl } : {}) }));
}

/**
 * The configuration in force. `--config` is the operator's file. In git mode the policy is
 * the base side's file, never the one of the change under review (which could switch its
 * own check off): an edit to it becomes a blocking finding instead. In diff mode, AFTER_DIR.
 */
function loadSettings(options: RunOptions, sides: PreparedSides): Settings {
  const settle = (config: Config, configFindings: readonly Finding[] = []): Settings => ({ config, failOn: options.failOn ?? config.failOn ?? 'error', configFindings, budget: createObjectBudget() });
  if (options.configPath !== undefined) return settle(loadConfig({ path: resolve(options.cwd, options.configPath) }));
  if (options.source.kind === 'dirs') return settle(loadConfig({ repoRoot: sides.after.root, rootLabel: options.source.after }));
  const { config, file, proposed, previous } = loadTrustedConfig(sides.policyFiles ?? new Map(), sides.before.root, sides.after.root, options.repoConfigPath);
  const finding = proposed ? describeConfigChange(file, previous ?? EMPTY_CONFIG, proposed) : undefined;
  return settle(config, finding ? [finding] : []);
}

/** The cache directory: --cache-dir, PRUNE_GUARD_CACHE_DIR, $XDG_CACHE_HOME/prune-guard, ~/.cache/prune-guard. */
function resolveCacheDir(options: RunOptions): string {
  if (options.cacheDir) return resolve(options.cwd, options.cacheDir);
  const { env } = options;
  if (env.PRUNE_GUARD_CACHE_DIR) return resolve(options.cwd, env.PRUNE_GUARD_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'prune-guard');
}

