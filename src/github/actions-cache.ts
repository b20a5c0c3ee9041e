/**
 * The Action keeps prune-guard's cache directory (renders and remote manifests, by content)
 * between workflow runs in GitHub's Actions cache. A run restores the newest entry its scope
 * may read (its own ref's, else the base branch's) and, outside pull requests, saves one.
 * A pull request's run never saves: GitHub would scope its entry to the pull request anyway,
 * and a pull request from a fork must not spend the repository's cache. Nothing here fails
 * the check: a cache that cannot be read or written is a warning and a slower run.
 */
import { createHash } from 'node:crypto';
import * as cache from '@actions/cache';
import { formatLogLine } from '../core/text/plain-text.ts';

/** GitHub's Actions cache, as the Action uses it; tests hand in their own. */
export interface CacheService {
  /** Whether the runner offers the cache service at all. */
  isAvailable(): boolean;
  /**
   * Restores `paths` from `key`, else from the newest entry whose key starts with a restore
   * key; returns the key used, undefined when none was (the service warns when it failed).
   */
  restore(paths: string[], key: string, restoreKeys: string[]): Promise<string | undefined>;
  /** Saves `paths` under `key`; false when it did not (the service warns why). */
  save(paths: string[], key: string): Promise<boolean>;
}

/** The toolkit's cache package. */
export function createCacheService(): CacheService {
  return {
    isAvailable: () => cache.isFeatureAvailable(),
    restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
    // The entry's id; -1 when the toolkit gave up (it has said why).
    save: async (paths, key) => (await cache.saveCache(paths, key)) > 0,
  };
}

/** What a run keeps, under which keys, and whether it saves. */
export interface RunCachePlan {
  /** The cache directory. */
  readonly dir: string;
  /** This run's entry: unique per run, since an entry is never overwritten. */
  readonly key: string;
  /** Prefix of the entries it may start from: the same platform and kustomize binary. */
  readonly restoreKeys: readonly string[];
  /** Outside pull requests only. */
  readonly save: boolean;
}

/** Where a run stands, for its cache keys. */
export interface RunCacheContext {
  /** The cache directory. */
  readonly dir: string;
  /** What names the kustomize binary (its path, size and time): renders of another one never match. */
  readonly binary: string;
  /** `GITHUB_EVENT_NAME`. */
  readonly eventName: string;
  /** `GITHUB_RUN_ID` and `GITHUB_RUN_ATTEMPT`. */
  readonly runId: string;
  readonly runAttempt: string;
  /** `process.platform` and `process.arch`: an archive holds paths as this runner writes them. */
  readonly platform: string;
  readonly arch: string;
}

/** Decides the keys of a run's cache entry. */
export function planRunCache(context: RunCacheContext): RunCachePlan {
  const binary = createHash('sha256').update(context.binary).digest('hex').slice(0, 16);
  const prefix = `prune-guard-v1-${context.platform}-${context.arch}-${binary}-`;
  return {
    dir: context.dir,
    key: `${prefix}${context.runId}-${context.runAttempt}`,
    restoreKeys: [prefix],
    save: !context.eventName.startsWith('pull_request'),
  };
}

/** Where the cache steps say what they did. */
export interface CacheLog {
  info(message: string): void;
  warning(message: string): void;
}

/** Restores the newest entry the run may read into the cache directory; never throws. */
export async function restoreRunCache(service: CacheService, plan: RunCachePlan, log: CacheLog): Promise<void> {
  if (!service.isAvailable()) {
    log.info('prune-guard: no Actions cache on this runner; rendering from scratch');
    return;
  }
  try {
    const restored = await service.restore([plan.dir], plan.key, [...plan.restoreKeys]);
    // The key comes back from the service: one escaped line, never a workflow command.
    log.info(restored === undefined ? 'prune-guard: no cache entry restored; rendering from scratch' : formatLogLine(`prune-guard: cache restored from ${restored}`));
  } catch (error) {
    log.warning(`prune-guard could not restore its cache (the run goes on without it): ${describe(error)}`);
  }
}

/** Saves the cache directory as this run's entry, when the plan says so; never throws. */
export async function saveRunCache(service: CacheService, plan: RunCachePlan, log: CacheLog): Promise<void> {
  if (!plan.save || !service.isAvailable()) return;
  try {
    if (await service.save([plan.dir], plan.key)) log.info(`prune-guard: cache saved as ${plan.key}`);
  } catch (error) {
    log.warning(`prune-guard could not save its cache: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return formatLogLine((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
}
