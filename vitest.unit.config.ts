import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:unit`: the tests that run in-process only, in seconds and without dist/. They
 * start no kustomize, kubectl, helm or git (not even the probe test/e2e/helpers.ts runs when
 * imported) and no server. `npm test` still runs everything.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // Listed, not merged: mergeConfig would add these to the full suite's pattern.
    include: [
      'test/core/**/*.test.ts',
      'test/report/**/*.test.ts',
      'test/scripts/**/*.test.ts',
      'test/app/read-config-file.test.ts',
      'test/app/render-progress.test.ts',
      'test/flux/flux-instance.test.ts',
      'test/flux/sources.test.ts',
      'test/github/actions-cache.test.ts',
      'test/github/suggestions.test.ts',
      'test/render/pool.test.ts',
    ],
    // Checks its patches with `git apply`.
    exclude: [...configDefaults.exclude, 'test/core/fix/fix-apply.test.ts'],
    // Files share one module graph per worker instead of importing src/ afresh each: five times
    // faster. Safe for these: they keep no state between files (text.test.ts unstubs what it stubs).
    isolate: false,
  },
});
