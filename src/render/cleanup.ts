/**
 * Cleanups that must also run when the process is interrupted (Ctrl-C), when no
 * `finally` gets the chance. Each one is synchronous for that reason.
 */

const pending = new Set<() => void>();

/** Registers a synchronous cleanup; returns a function that runs it now and unregisters it. */
export function registerCleanup(cleanup: () => void): () => void {
  pending.add(cleanup);
  return () => {
    if (!pending.delete(cleanup)) return;
    cleanup();
  };
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
  runPendingCleanups();
  // process.exit(undefined) would reset process.exitCode: an absent code must stay absent.
  return code === undefined ? process.exit() : process.exit(code);
}
