import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __PRUNE_GUARD_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // e2e tests spawn kustomize and git; two cores are shared between files.
    testTimeout: 60_000,
    // Most of an e2e test's time is spent waiting on kustomize, helm and git: two files at once
    // even on two cores (vitest's default leaves one core idle).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
  },
});
