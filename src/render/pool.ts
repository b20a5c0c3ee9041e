/**
 * A bounded pool for async work: kustomize builds are CPU-bound child processes.
 */

/**
 * Maps `items` through `task` with at most `width` running at once, keeping the input
 * order in the result. The first failure rejects, and no new task starts after it.
 */
export async function mapInPool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}

/**
 * A pool fed one task at a time, for work that is found while other work runs: `run` starts
 * the task when fewer than `width` run, else queues it; its promise settles with the task.
 */
export function createPool(width: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = (): void => {
    running--;
    queue.shift()?.();
  };
  return (task) =>
    new Promise((resolvePromise, reject) => {
      const start = (): void => {
        running++;
        // Released before the caller's continuation runs: the next task starts first, and
        // whatever the caller does with this one's result overlaps it.
        task().then(
          (value) => {
            release();
            resolvePromise(value);
          },
          (error: unknown) => {
            release();
            reject(error);
          },
        );
      };
      if (running < Math.max(1, width)) start();
      else queue.push(start);
    });
}
