/**
 * Benchmark: prune-guard's wall time as a ratio of the kustomize builds it cannot avoid,
 * each ratio measured in the same run. Five scenarios on generated repositories:
 *
 *   a. one changed root of 200 (20,000 objects), plain kustomize mode, against the floor:
 *      the CLI's start (`--version`) plus the two bare builds of that root.
 *   b. every root of 60 changed (a quarter drop a CRD, the rest bump an image), against the
 *      120 bare builds in a pool as wide as prune-guard's.
 *   c. a Flux repository shaped like the home-lab repositories many users copy (100 apps
 *      under kubernetes/apps/<ns>/<app>/ks.yaml) with one app's image bumped: builds run and
 *      wall time against one bare build of that app, with an empty render cache (cold) and
 *      with the cache an earlier run left (warm); and the same run with --render all.
 *   d. the same repository with a whole namespace removed, which needs every unit rendered,
 *      against (c) with --render all.
 *   e. a Flux repository of 50 HelmReleases in 5 Flux Kustomizations, all of one chart kept in
 *      the repository, with one release's values changed (replicas and image tag): the
 *      `helm template` runs prune-guard made (counted by a wrapper around helm) and its wall
 *      time against one bare `helm template` of that release. Skipped, with one line, when
 *      no helm is found.
 *
 * Each figure is the median of --runs runs (default 3); the runs behind one ratio take turns
 * (prune-guard, the bare builds, prune-guard, ...), so that a machine whose speed drifts
 * slows both sides of it alike. Every prune-guard run but the warm ones gets an empty cache
 * directory. Compare runs on the same machine, never across
 * machines. Nothing here asserts a timing; it checks each scenario's verdict, so that a fast
 * run cannot be a wrong one.
 *
 * Usage: npm run bench [-- --runs N] [-- --only a,c]
 * Needs git and kustomize or kubectl on PATH (PRUNE_GUARD_KUSTOMIZE picks another binary),
 * and dist/cli.js (`npm run bench` builds it first). (e) takes helm from PRUNE_GUARD_HELM, else
 * `helm` on PATH, else the binaries `npx vitest run test/e2e/helm.test.ts` extracts into
 * PRUNE_GUARD_TEST_CACHE or ~/.cache/prune-guard-test.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bumpImage, getAppPath, planFluxRepository, removeNamespace, writeFluxRepository } from './lib/flux-repo.mjs';
import { findHelm, readHelmVersion, readTestCacheDir, templateChart, writeCountingHelm } from './lib/helm.mjs';
import { CHART_PATH, changeReleaseValues, getParentUnit, getReleaseUnit, planHelmRepository, renderChangedValuesFile, writeHelmRepository } from './lib/helm-repo.mjs';
import { BenchError, buildKustomization, createRepository, findKustomize, firstLine, listChangedPaths, runCommand, runGit, runningChildren, sampleInTurns, sampleMedian, timeBuildsInPool, timeRun } from './lib/process.mjs';
import { changeRootsRepository, planRootsRepository, writeRootsRepository } from './lib/roots-repo.mjs';

const USAGE = `Usage: node bench/bench.mjs [--runs N] [--only LIST]
  --runs N      runs per figure; the median is printed (default 3)
  --only LIST   scenarios to run, comma-separated from a,b,c,d,e (default all; d needs c)
`;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SCENARIOS = ['a', 'b', 'c', 'd', 'e'];

/** Parses argv into bench options; throws BenchError on bad input. */
function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { runs: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    throw new BenchError(`${error.message.split('. ')[0]} (see --help)`);
  }
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new BenchError(`--runs must be a whole number from 1 to 50, got '${values.runs}'`);
  const only = values.only === undefined ? SCENARIOS : values.only.split(',').map((name) => name.trim());
  const unknown = only.find((name) => !SCENARIOS.includes(name));
  if (unknown !== undefined) throw new BenchError(`--only takes a, b, c, d or e, got '${unknown}'`);
  if (only.includes('d') && !only.includes('c')) only.push('c');
  return { help: values.help, runs, only: new Set(only) };
}

/**
 * Runs the CLI in `repo` with an empty cache unless `cacheDir` is given; returns the wall
 * time, exit code and JSON report. Exit 2 (an error) always stops the bench.
 */
async function runPruneGuard(repo, kustomize, { cacheDir, args = [] }) {
  const argv = [CLI, '--base', 'main', '--format', 'json', '--quiet', '--kustomize-bin', kustomize.bin, '--cache-dir', cacheDir, ...args];
  const env = { ...process.env, CI: '', GITHUB_ACTIONS: '' };
  const start = performance.now();
  const { code, stdout, stderr } = await runCommand(process.execPath, argv, { cwd: repo, env });
  const ms = performance.now() - start;
  if (code !== 0 && code !== 1) throw new BenchError(`prune-guard exited ${code} in ${repo}: ${firstLine(stderr) || 'no message'}`);
  try {
    return { ms, code, report: JSON.parse(stdout) };
  } catch (error) {
    throw new BenchError(`prune-guard's JSON report does not parse: ${firstLine(error.message)}`);
  }
}

/** Stops the bench when a run's verdict is not the one its scenario implies. */
function checkVerdict(name, run, expected) {
  const { summary } = run.report;
  const actual = { code: run.code, prune: summary.prune, change: summary.change };
  const wrong = Object.entries(expected).filter(([key, value]) => actual[key] !== value);
  if (wrong.length > 0) {
    throw new BenchError(`(${name}) prune-guard's verdict is off: ${wrong.map(([key, value]) => `${key} ${actual[key]}, expected ${value}`).join('; ')}`);
  }
}

/**
 * A fresh cache directory per run: a cold run reads nothing an earlier one wrote. Each
 * scenario numbers its own under its name, so no scenario gets another's.
 */
function createCacheDirs(temp, name) {
  let count = 0;
  return () => join(temp, 'caches', name, String(++count));
}

/** (a) and (b): a repository of plain kustomization roots. */
async function benchRoots(temp, kustomize, options, { name, roots, change }) {
  const plan = planRootsRepository({ roots, objectsPerRoot: 100, change });
  const repo = join(temp, name);
  logProgress(`(${name}) generating ${plan.roots.length} roots, ${plan.objects.toLocaleString('en-US')} objects`);
  await createRepository(repo, (dir) => writeRootsRepository(dir, plan), { change: (dir) => changeRootsRepository(dir, plan) });
  await runGit(repo, ['checkout', '--quiet', 'change']);
  const changed = [...plan.removeCrd, ...plan.editImage];
  const touched = new Set((await listChangedPaths(repo, 'change')).map((path) => path.split('/').slice(0, 2).join('/')));
  if (touched.size !== changed.length) throw new BenchError(`(${name}) the branch changes ${touched.size} roots, not the ${changed.length} planned`);
  const base = join(temp, `${name}-main`);
  await runGit(repo, ['worktree', 'add', '--quiet', '--detach', base, 'main']);
  const dirs = changed.flatMap((root) => [join(base, 'apps', root.name), join(repo, 'apps', root.name)]);
  // Untimed: the first build pays for loading the binary from disk.
  await buildKustomization(kustomize, dirs[0]);
  const expected = { code: plan.removeCrd.length > 0 ? 1 : 0, prune: plan.removeCrd.length * 3, change: plan.editImage.length };
  const cacheDir = createCacheDirs(temp, name);
  logProgress(`(${name}) timing prune-guard and ${dirs.length} bare builds, ${options.runs} runs each, taking turns`);
  const width = availableParallelism();
  const { pruneGuard, noFix, bare, start } = await sampleInTurns(options.runs, {
    pruneGuard: () => runPruneGuard(repo, kustomize, { cacheDir: cacheDir() }),
    // Fixes for removed CRDs are built again to verify them: builds of their own, beyond the renders.
    noFix: plan.removeCrd.length > 0 ? () => runPruneGuard(repo, kustomize, { cacheDir: cacheDir(), args: ['--no-fix'] }) : undefined,
    bare: () => timeRun(async () => ({ pool: await timeBuildsInPool(kustomize, dirs, width) })),
    start: change === 'one' ? () => timeRun(() => runCommand(process.execPath, [CLI, '--version'])) : undefined,
  });
  for (const run of [...pruneGuard.samples, ...(noFix?.samples ?? [])]) checkVerdict(name, run, expected);
  return { plan, pruneGuard, noFix, bare, start, builds: dirs.length };
}

/** (c) and (d): the home-lab-shaped Flux repository. */
async function benchFlux(temp, kustomize, options) {
  const plan = planFluxRepository();
  const repo = join(temp, 'flux');
  logProgress(`(c) generating a Flux repository of ${plan.apps.length} apps, ${plan.units} Flux Kustomizations`);
  await createRepository(repo, (dir) => writeFluxRepository(dir, plan), { bump: (dir) => bumpImage(dir, plan), 'remove-namespace': (dir) => removeNamespace(dir, plan) });
  const appDir = getAppPath(repo, plan.bumped);
  await buildKustomization(kustomize, appDir);
  const cacheDir = createCacheDirs(temp, 'flux');
  await runGit(repo, ['checkout', '--quiet', 'bump']);
  const bumpExpected = { code: 0, prune: 0, change: 1 };
  logProgress(`(c) timing prune-guard on the image bump, cold, warm and --render all, ${options.runs} runs each, taking turns`);
  const warmDir = cacheDir();
  await runPruneGuard(repo, kustomize, { cacheDir: warmDir });
  const { bare, cold, warm, all } = await sampleInTurns(options.runs, {
    bare: () => timeRun(() => buildKustomization(kustomize, appDir)),
    cold: () => runPruneGuard(repo, kustomize, { cacheDir: cacheDir() }),
    warm: () => runPruneGuard(repo, kustomize, { cacheDir: warmDir }),
    all: () => runPruneGuard(repo, kustomize, { cacheDir: cacheDir(), args: ['--render', 'all'] }),
  });
  for (const run of [...cold.samples, ...warm.samples, ...all.samples]) checkVerdict('c', run, bumpExpected);
  let removal;
  if (options.only.has('d')) {
    await runGit(repo, ['checkout', '--quiet', 'remove-namespace']);
    logProgress(`(d) timing prune-guard on the namespace removal, ${options.runs} runs`);
    removal = await sampleMedian(options.runs, () => runPruneGuard(repo, kustomize, { cacheDir: cacheDir() }));
    for (const run of removal.samples) checkVerdict('d', run, { code: 1 });
  }
  return { plan, bare, cold, warm, all, removal };
}

/**
 * (e): HelmReleases of a chart in the repository. prune-guard gets, as --helm-bin, a wrapper
 * around the same helm that counts the charts it templates; the bare run templates the
 * changed release's chart once, with the real helm and the values prune-guard composes.
 */
async function benchHelm(temp, kustomize, helm, options) {
  const plan = planHelmRepository();
  const repo = join(temp, 'helm');
  logProgress(`(e) generating a Flux repository of ${plan.releases.length} HelmReleases in ${plan.teams.length} Flux Kustomizations, their chart in the repository`);
  await createRepository(repo, (dir) => writeHelmRepository(dir, plan), { 'change-values': (dir) => changeReleaseValues(dir, plan) });
  await runGit(repo, ['checkout', '--quiet', 'change-values']);
  const changedPaths = await listChangedPaths(repo, 'change-values');
  if (changedPaths.length !== 1) throw new BenchError(`(e) the branch changes ${changedPaths.length} files, not the one HelmRelease planned`);
  const counting = writeCountingHelm(join(temp, 'helm-wrapper'), helm);
  const valuesFile = join(temp, 'helm-values.yaml');
  writeFileSync(valuesFile, renderChangedValuesFile(plan));
  const chart = { chart: join(repo, CHART_PATH), releaseName: plan.changed.name, namespace: plan.changed.team, valuesFile };
  // Untimed: the first runs pay for loading the binary from disk.
  const version = await readHelmVersion(helm);
  await templateChart(helm, chart);
  const cacheDir = createCacheDirs(temp, 'helm');
  logProgress(`(e) timing prune-guard on the values change and one bare helm template, ${options.runs} runs each, taking turns`);
  const { pruneGuard, bare } = await sampleInTurns(options.runs, {
    pruneGuard: async () => {
      counting.reset();
      const run = await runPruneGuard(repo, kustomize, { cacheDir: cacheDir(), args: ['--helm-bin', counting.bin] });
      return { ...run, templates: counting.countTemplates() };
    },
    bare: () => timeRun(() => templateChart(helm, chart)),
  });
  for (const run of pruneGuard.samples) checkReleaseVerdict(run, plan);
  return { plan, version, source: helm.source, pruneGuard, bare };
}

/**
 * (e)'s verdict: exit 0 and nothing pruned, and the change is the changed release's: its
 * HelmRelease in its Kustomization and its Deployment in its release, which was rendered (an
 * upgrade) rather than skipped. A release left unrendered would pass the counts alone.
 */
function checkReleaseVerdict(run, plan) {
  checkVerdict('e', run, { code: 0, prune: 0, change: 2 });
  const unit = getReleaseUnit(plan.changed);
  const release = run.report.units.find((entry) => entry.name === unit);
  if (!release || release.skipped !== undefined || release.helm?.action !== 'upgrade') {
    throw new BenchError(`(e) prune-guard did not render ${unit} as an upgrade: ${release ? (release.skipped ?? `action ${release.helm?.action}`) : 'no such unit in the report'}`);
  }
  const changed = run.report.changes.changed.map((entry) => `${entry.unit}: ${entry.object.kind}/${entry.object.name}`).sort();
  const expected = [`${getParentUnit(plan.changed)}: HelmRelease/${plan.changed.name}`, `${unit}: Deployment/${plan.changed.name}`].sort();
  if (changed.join('\n') !== expected.join('\n')) throw new BenchError(`(e) prune-guard reports changed ${changed.join('; ')}, expected ${expected.join('; ')}`);
  // The release was rendered, so helm ran: none logged means the wrapper was bypassed and the count means nothing.
  if (run.templates === 0) throw new BenchError(`(e) the helm wrapper logged no helm template, yet prune-guard rendered ${unit}`);
}

function formatSeconds(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatRatio(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)}x`;
}

/** The time of each sample behind a median, in the order they ran. */
function formatRuns(samples) {
  return samples.map((sample) => formatSeconds(sample.ms)).join(', ');
}

/** One figure with its target and the samples behind the median. */
function describeRatio(ratio, target, samples) {
  const verdict = ratio <= target ? 'meets' : 'misses';
  return `${formatRatio(ratio)} (target <= ${target}x: ${verdict}; runs ${formatRuns(samples)})`;
}

function printResults({ kustomize, runs, a, b, c, e }) {
  const lines = [`prune-guard bench: ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), ${kustomize.command}, median of ${runs} runs`];
  if (a) {
    const floor = a.start.median.ms + a.bare.median.pool;
    lines.push(
      `(a) one changed root of ${a.plan.roots.length} (${a.plan.objects.toLocaleString('en-US')} objects)`,
      `    prune-guard ${formatSeconds(a.pruneGuard.median.ms)}, ${a.pruneGuard.median.report.stats.builds} builds; floor ${formatSeconds(floor)} (start ${formatSeconds(a.start.median.ms)} + 2 bare builds ${formatSeconds(a.bare.median.pool)})`,
      `    ratio ${describeRatio(a.pruneGuard.median.ms / floor, 2.5, a.pruneGuard.samples)}`,
    );
  }
  if (b) {
    lines.push(
      `(b) all ${b.plan.roots.length} roots changed (${b.plan.objects.toLocaleString('en-US')} objects)`,
      `    ${b.builds} bare builds in a pool of ${availableParallelism()} ${formatSeconds(b.bare.median.pool)}`,
      `    prune-guard ${formatSeconds(b.pruneGuard.median.ms)}, ${b.pruneGuard.median.report.stats.builds} builds and ${b.pruneGuard.median.report.fixes.length} fixes verified by building again`,
      `         ratio ${describeRatio(b.pruneGuard.median.ms / b.bare.median.pool, 1.3, b.pruneGuard.samples)}`,
      ...(b.noFix
        ? [
            `    prune-guard --no-fix ${formatSeconds(b.noFix.median.ms)}, ${b.noFix.median.report.stats.builds} builds`,
            `         ratio ${describeRatio(b.noFix.median.ms / b.bare.median.pool, 1.3, b.noFix.samples)}`,
          ]
        : []),
    );
  }
  if (c) {
    const bare = c.bare.median.ms;
    const builds = (run) => `${run.median.report.stats.builds} builds, ${run.median.report.stats.cached} from the cache, ${run.median.report.stats.identical} identical units not rendered`;
    lines.push(
      `(c) Flux repository of ${c.plan.apps.length} apps (${c.plan.units} Flux Kustomizations), one image bump; one bare app build ${formatSeconds(bare)}`,
      `    cold ${formatSeconds(c.cold.median.ms)}: ${builds(c.cold)} (target <= 12 builds: ${c.cold.median.report.stats.builds <= 12 ? 'meets' : 'misses'})`,
      `         ratio ${describeRatio(c.cold.median.ms / bare, 30, c.cold.samples)}`,
      `    warm ${formatSeconds(c.warm.median.ms)}: ${builds(c.warm)}`,
      `         ratio ${formatRatio(c.warm.median.ms / bare)} (lower than cold: ${c.warm.median.ms < c.cold.median.ms ? 'yes' : 'no'}; runs ${formatRuns(c.warm.samples)})`,
      `    --render all ${formatSeconds(c.all.median.ms)}: ${builds(c.all)}`,
    );
    if (c.removal) {
      lines.push(
        `(d) the same repository, namespace ${c.plan.removedNamespace} removed: ${formatSeconds(c.removal.median.ms)}, ${builds(c.removal)}`,
        `    ratio to (c) --render all ${describeRatio(c.removal.median.ms / c.all.median.ms, 2, c.removal.samples)}`,
      );
    }
  }
  if (e?.skipped) lines.push(`(e) skipped: ${e.skipped}`);
  else if (e) {
    const bare = e.bare.median.ms;
    const run = e.pruneGuard.median;
    lines.push(
      `(e) Flux repository of ${e.plan.releases.length} HelmReleases (${e.plan.teams.length} Flux Kustomizations) of a chart in the repository, one release's values changed; helm ${e.version} (from ${e.source}); one bare helm template ${formatSeconds(bare)} (runs ${formatRuns(e.bare.samples)})`,
      `    prune-guard ${formatSeconds(run.ms)}: ${run.templates} helm templates (the changed release before and after needs 2), ${run.report.stats.builds} kustomize builds, ${run.report.stats.identical} identical units not rendered`,
      `         ratio ${formatRatio(run.ms / bare)} (runs ${formatRuns(e.pruneGuard.samples)})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function logProgress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs the benchmark; returns the exit code. */
async function main() {
  const benchStart = performance.now();
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(CLI)) throw new BenchError(`${CLI} not found: run npm run build first (npm run bench does)`);
  const kustomize = findKustomize(process.env);
  // Looked for before anything runs: a PRUNE_GUARD_HELM that names nothing stops the bench at once.
  const helm = options.only.has('e') ? findHelm(process.env) : undefined;
  const temp = mkdtempSync(join(tmpdir(), 'prune-guard-bench-'));
  const removeTemp = () => rmSync(temp, { recursive: true, force: true });
  // Ctrl-C skips `finally`: end our children and remove the temp directory here.
  const onSignal = (signal) => {
    for (const child of runningChildren) child.kill();
    removeTemp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const a = options.only.has('a') ? await benchRoots(temp, kustomize, options, { name: 'a', roots: 200, change: 'one' }) : undefined;
    const b = options.only.has('b') ? await benchRoots(temp, kustomize, options, { name: 'b', roots: 60, change: 'all' }) : undefined;
    const c = options.only.has('c') ? await benchFlux(temp, kustomize, options) : undefined;
    const noHelm = `no helm found: set PRUNE_GUARD_HELM, put helm on PATH, or run npx vitest run test/e2e/helm.test.ts once to extract it into ${readTestCacheDir(process.env)}`;
    const e = options.only.has('e') ? (helm ? await benchHelm(temp, kustomize, helm, options) : { skipped: noHelm }) : undefined;
    printResults({ kustomize, runs: options.runs, a, b, c, e });
    process.stdout.write(`bench took ${formatSeconds(performance.now() - benchStart)}\n`);
    return 0;
  } finally {
    removeTemp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof BenchError ? error.message : `unexpected error: ${error?.stack ?? error}`}\n`);
  process.exitCode = 1;
}
