import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __PRUNE_GUARD_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // e2e tests spawn kustomize and git; two cores are shared between files.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
