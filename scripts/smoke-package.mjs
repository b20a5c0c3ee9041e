/**
 * Installs the package as a user would and runs it: `npm pack`, then `npm install` of that
 * tarball into an empty folder with no registry (a dead address, an empty cache of its own,
 * no user .npmrc), so the install proves the package needs nothing but itself; then the
 * installed `prune-guard` answers --version and --help and runs the README's example on the
 * example files it ships. Needs kubectl or kustomize on PATH, as the CLI does. Removes its
 * temp folders, also when interrupted.
 *
 * Usage: node scripts/smoke-package.mjs   (npm run smoke)
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'prune-guard-smoke-'));

/** A failed expectation: reported as one line plus the command's output. */
class SmokeError extends Error {
  constructor(message, result) {
    super(message);
    this.result = result;
  }
}

const removeWork = () => rmSync(work, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    removeWork();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/** Runs a program with arguments (no shell); resolves with its exit code and output, never rejects on a non-zero exit. */
function run(file, args, options) {
  return new Promise((resolvePromise, reject) => {
    execFile(file, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000, ...options }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(new Error(`${file} ${args.join(' ')}: ${error.message.split('\n')[0]}`));
      else resolvePromise({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** Runs a step, prints its name, and checks its exit code. */
async function step(name, file, args, options, expectedCode = 0) {
  console.log(`smoke: ${name}`);
  const result = await run(file, args, options);
  if (result.code !== expectedCode) throw new SmokeError(`${name}: exit ${result.code}, expected ${expectedCode}`, result);
  return result;
}

/**
 * The environment minus what `npm run` hands its scripts: npm_* settings (npm_config_local_prefix
 * would point npm at this repository, not the empty project) and this repository's
 * node_modules/.bin on PATH (a prune-guard there would stand in for the installed one).
 */
function inheritEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = (env[pathKey] ?? '')
    .split(delimiter)
    .filter((entry) => entry && !resolve(entry).startsWith(join(root, 'node_modules')))
    .join(delimiter);
  return env;
}

async function main() {
  const packDir = join(work, 'pack');
  const project = join(work, 'project');
  mkdirSync(packDir);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'prune-guard-smoke', private: true }, null, 2)}\n`);
  writeFileSync(join(work, 'npmrc'), '');

  const packed = await step('npm pack', 'npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root });
  const [{ filename, files }] = JSON.parse(packed.stdout);
  console.log(`smoke: packed ${filename} (${files.length} files)`);
  const paths = new Set(files.map((file) => file.path));
  const missing = ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/licenses.txt', 'docs/report.schema.json'].filter((path) => !paths.has(path));
  if (missing.length > 0) throw new SmokeError(`the package lacks ${missing.join(', ')}: see "files" in package.json`, packed);

  // Every npm call below sees only the tarball: no registry to reach, no shared cache, no user
  // config, and the CLI's own cache in the temp folder too.
  const env = {
    ...inheritEnv(),
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    PRUNE_GUARD_CACHE_DIR: join(work, 'prune-guard-cache'),
    NO_COLOR: '1',
  };
  const inProject = { cwd: project, env };
  await step('npm install of the tarball, offline', 'npm', ['install', '--offline', '--no-audit', '--no-fund', join(packDir, filename)], inProject);
  // Everything the CLI needs is bundled: the install must pull nothing but the package itself.
  const pulled = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.') && name !== 'prune-guard');
  if (pulled.length > 0) throw new SmokeError(`installing the package also installed ${pulled.join(', ')}: move bundled dependencies to devDependencies`, { stdout: '', stderr: '' });
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/prune-guard/package.json'), 'utf8'));
  if (installed.version !== version) throw new SmokeError(`installed prune-guard is ${installed.version}, not ${version}`, { stdout: '', stderr: '' });

  const printed = await step('prune-guard --version', 'npx', ['--no-install', 'prune-guard', '--version'], inProject);
  if (printed.stdout.trim() !== version) throw new SmokeError(`prune-guard --version printed '${printed.stdout.trim()}', package.json says '${version}'`, printed);
  await step('prune-guard --help', 'npx', ['--no-install', 'prune-guard', '--help'], inProject);

  const example = 'node_modules/prune-guard/examples/operator-crds';
  const blocked = await step(`prune-guard diff ${example}/before ${example}/after`, 'npx', ['--no-install', 'prune-guard', 'diff', `${example}/before`, `${example}/after`], inProject, 1);
  if (!/\bcrd-removed\b/.test(blocked.stdout)) throw new SmokeError('the example printed no crd-removed finding', blocked);
  await step(`prune-guard diff ${example}/before ${example}/fixed`, 'npx', ['--no-install', 'prune-guard', 'diff', `${example}/before`, `${example}/fixed`], inProject);
  console.log(`smoke: prune-guard ${version} installs offline and runs`);
}

try {
  await main();
} catch (error) {
  console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof SmokeError) {
    if (error.result.stdout.trim()) console.error(`--- stdout\n${error.result.stdout.trimEnd()}`);
    if (error.result.stderr.trim()) console.error(`--- stderr\n${error.result.stderr.trimEnd()}`);
  }
  process.exitCode = 1;
} finally {
  removeWork();
}
