/**
 * Cleanups that must also run when the process is interrupted (Ctrl-C), when no
 * `finally` gets the chance. Each one is synchronous for that reason. Temp trees can also be
 * removed in the background, so the verdict does not wait for thousands of unlinks: the
 * synchronous cleanup stays registered until the background removal is done, and the process
 * waits for it before it exits.
 */
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';

const pending = new Set<() => void>();
const background = new Set<Promise<void>>();

/** Registers a synchronous cleanup; returns a function that runs it now and unregisters it. */
export function registerCleanup(cleanup: () => void): () => void {
  pending.add(cleanup);
  return () => {
    if (!pending.delete(cleanup)) return;
    cleanup();
  };
}

/**
 * Runs `release` in the background in place of `cleanup`, a cleanup registered before:
 * `cleanup` stays registered (for Ctrl-C) until `release` is done, and runs after all when
 * `release` fails. Returns at once; {@link exitWhenFlushed} waits for the release.
 */
export function releaseInBackground(cleanup: () => void, release: () => Promise<void>): void {
  if (!pending.has(cleanup)) return;
  const done: Promise<void> = release()
    .then(
      () => void pending.delete(cleanup),
      () => {
        if (!pending.delete(cleanup)) return;
        try {
          cleanup();
        } catch {
          // Best effort, as on Ctrl-C: a temp tree left behind is no reason to fail the run.
        }
      },
    )
    .finally(() => background.delete(done));
  background.add(done);
}

/** A temp tree registered for removal: now (`dispose`), or in the background (`release`); either is safe to call twice. */
export interface TempTree {
  dispose(): void;
  release(): void;
}

/** Registers `dir` (a temp tree the run made) for removal, on Ctrl-C too. */
export function registerTempTree(dir: string): TempTree {
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  const dispose = registerCleanup(cleanup);
  return { dispose, release: () => releaseInBackground(cleanup, () => rm(dir, { recursive: true, force: true })) };
}

/** Resolves once every background removal has ended. */
export async function settleBackgroundRemovals(): Promise<void> {
  while (background.size > 0) await Promise.all([...background]);
}

/** Runs every pending cleanup once (from a signal handler); errors are swallowed so all get their turn. */
export function runPendingCleanups(): void {
  for (const cleanup of [...pending]) {
    pending.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is exiting anyway.
    }
  }
}

/**
 * Ends the process once its output is flushed and every pending cleanup has run: a failure
 * leaves other downloads and builds under way, and they must not hold the process after its
 * verdict. Without a code, the exit code already set (process.exitCode) stands.
 */
export async function exitWhenFlushed(code?: number): Promise<never> {
  for (const stream of [process.stdout, process.stderr]) await new Promise<void>((done) => stream.write('', () => done()));
  await settleBackgroundRemovals();
  runPendingCleanups();
  // process.exit(undefined) would reset process.exitCode: an absent code must stay absent.
  return code === undefined ? process.exit() : process.exit(code);
}
