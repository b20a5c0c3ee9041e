/**
 * The Action's cache between workflow runs (see github/actions-cache.ts), as a run with given
 * options finds it: the cache directory, the kustomize binary that renders, the workflow run.
 */
import { planRunCache, restoreRunCache, saveRunCache, type CacheLog, type CacheService, type RunCachePlan } from '../github/actions-cache.ts';
import { createKustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import { resolveCacheDir } from './plan-run.ts';
import type { RunOptions } from './run-options.ts';

/** Restoring before a run and saving after it. */
export interface ActionsCacheSession {
  /** The keys and whether the run saves. */
  readonly plan: RunCachePlan;
  /** Restores the newest entry the run may read; never throws. */
  restore(): Promise<void>;
  /** Saves this run's entry when the plan says so; never throws. */
  save(): Promise<void>;
}

/**
 * The cache session of a run with these options (`env` holds the runner's GITHUB_EVENT_NAME,
 * GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT); undefined when kustomize is not found (the run then
 * stops and says so itself) or cannot be named.
 */
export function openActionsCache(service: CacheService, options: Pick<RunOptions, 'cacheDir' | 'cwd' | 'env' | 'kustomizeBin'>, log: CacheLog): ActionsCacheSession | undefined {
  let binary: string | undefined;
  try {
    binary = createKustomizeRunner({ ...(options.kustomizeBin ? { bin: options.kustomizeBin } : {}), env: options.env }).identity;
  } catch {
    return undefined;
  }
  if (binary === undefined) return undefined;
  const { env } = options;
  const plan = planRunCache({
    dir: resolveCacheDir(options),
    binary,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    runId: env.GITHUB_RUN_ID ?? String(Date.now()),
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    platform: process.platform,
    arch: process.arch,
  });
  return { plan, restore: () => restoreRunCache(service, plan, log), save: () => saveRunCache(service, plan, log) };
}
