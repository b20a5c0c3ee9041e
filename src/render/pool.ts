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
