/** Replaced at bundle time with the package version (scripts/build.mjs, vitest.config.ts). */
declare const __PRUNE_GUARD_VERSION__: string;
