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
