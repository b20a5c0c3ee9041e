// Bundles the CLI (and, once it exists, the Action) into dist/ for Node 20 syntax,
// so one committed file runs on our Node 20 machines and on the runner's node24.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = [
  { in: 'src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'src/action.ts', out: 'action', banner: '' },
].filter((entry) => existsSync(entry.in));

rmSync('dist', { recursive: true, force: true });
for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: `dist/${entry.out}.js`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Unminified and without source maps: dist/ is committed and reviewed as a diff.
    minify: false,
    legalComments: 'none',
    define: { __PRUNE_GUARD_VERSION__: JSON.stringify(pkg.version) },
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: {
      js: [entry.banner, "import { createRequire as __createRequire } from 'node:module';", 'const require = __createRequire(import.meta.url);']
        .filter(Boolean)
        .join('\n'),
    },
    logLevel: 'warning',
  });
  // npm links the bin as is; the CLI must be executable straight from a clone.
  if (entry.banner) chmodSync(`dist/${entry.out}.js`, 0o755);
}
