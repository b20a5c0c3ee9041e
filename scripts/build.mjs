// Bundles the CLI and the Action into dist/ for Node 20 syntax, so one committed file runs on
// our Node 20 machines and on the runner's node24, and writes dist/licenses.txt, the licences of
// every npm package inside them. Fails when a bundle would still import a package at run time
// (the published package and the Action ship no node_modules) or a package lacks a licence text.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BundleError, findBundledData, findBundledPackages, formatLicenses, readLicenseTexts } from './bundle-licenses.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const entries = [
  { in: 'src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/action.ts', out: 'action', banner: '' },
].filter((entry) => existsSync(resolve(root, entry.in)));

/**
 * debug (under @actions/cache's proxy agents) tries `require('supports-color')` in a try block
 * and does without it. Left alone, esbuild keeps that require, and the bundle would load
 * whatever supports-color a parent folder happens to hold; a module that throws behaves as the
 * package being absent, everywhere.
 */
const absentOptionalPackages = {
  name: 'absent-optional-packages',
  setup(builder) {
    builder.onResolve({ filter: /^supports-color$/ }, (args) =>
      /(?:^|[\\/])node_modules[\\/]debug[\\/]/.test(args.importer) ? { path: args.path, namespace: 'absent-optional' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'absent-optional' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled`)});`,
      loader: 'js',
    }));
  },
};

/** Imports the bundle leaves to run time that are no Node builtin: each one breaks an install. */
function findExternalPackages(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const entry of output.imports) if (entry.external && !isBuiltin(entry.path)) found.add(entry.path);
  }
  return [...found].sort();
}

/** Builds every entry; returns its metafile for the licence notice. */
async function buildEntries() {
  const bundles = [];
  for (const entry of entries) {
    const file = `dist/${entry.out}.js`;
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry.in],
      outfile: file,
      bundle: true,
      // Paths in the bundle read node_modules/... even when node_modules is a symlink (a git
      // worktree sharing one), so every checkout builds the same bytes.
      preserveSymlinks: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Unminified and without source maps: dist/ is committed and reviewed as a diff.
      minify: false,
      // Bundled packages' own notices (/*! ... */, @license) stay, gathered at the end of the file.
      legalComments: 'eof',
      metafile: true,
      plugins: [absentOptionalPackages],
      define: { __PRUNE_GUARD_VERSION__: JSON.stringify(pkg.version) },
      // Bundled CommonJS dependencies call require(); give the ESM bundle one.
      banner: {
        js: [entry.banner, "import { createRequire as __createRequire } from 'node:module';", 'const require = __createRequire(import.meta.url);']
          .filter(Boolean)
          .join('\n'),
      },
      logLevel: 'warning',
    });
    const external = findExternalPackages(result.metafile);
    if (external.length > 0) {
      throw new BundleError(`${file} still imports ${external.join(', ')} at run time: bundle it (installs and the Action have no node_modules)`);
    }
    // npm links the bin as is; the CLI must be executable straight from a clone.
    if (entry.banner) chmodSync(resolve(root, file), 0o755);
    bundles.push({ file, metafile: result.metafile });
  }
  return bundles;
}

rmSync(resolve(root, 'dist'), { recursive: true, force: true });
try {
  const bundles = await buildEntries();
  const packages = [
    ...readLicenseTexts(findBundledPackages(bundles, root), resolve(root, 'scripts/license-texts'), root),
    ...findBundledData(bundles, root, resolve(root, 'scripts/license-texts/data')),
  ];
  writeFileSync(resolve(root, 'dist/licenses.txt'), formatLicenses(packages));
} catch (error) {
  // esbuild has printed its own errors already; ours are one line naming the package.
  if (error instanceof BundleError) console.error(`build: ${error.message}`);
  else if (!(error instanceof Error && 'errors' in error)) console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
