/**
 * What the bench scenarios share: running programs without a shell, git in a generated
 * repository, bare kustomize builds in a pool, timing, and the median of repeated runs.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One render is well under a megabyte; prune-guard's JSON report can be large. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** An error the user can act on; printed as one line. */
export class BenchError extends Error {}

/** Children still running, so a signal can end them instead of leaving them orphaned. */
export const runningChildren = new Set();

/** Runs a program without a shell; resolves with its exit code, rejects only when it cannot run. */
export function runCommand(file, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, ...options }, (error, stdout, stderr) => {
      runningChildren.delete(child);
      if (!error) resolvePromise({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolvePromise({ code: error.code, stdout, stderr });
      else if (error.code === 'ENOENT') reject(new BenchError(`${file} is not installed or not on PATH`));
      else reject(new BenchError(`${basename(file)} ${args.join(' ')}: ${error.signal ? `killed by ${error.signal}` : firstLine(error.message)}`));
    });
    runningChildren.add(child);
  });
}

/** The first non-empty line of a message. */
export function firstLine(text) {
  return (
    String(text)
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/** Runs git in a generated repository, independent of the user's git config and hooks. */
export async function runGit(cwd, args) {
  const config = ['-c', 'user.name=prune-guard bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];
  const { code, stdout, stderr } = await runCommand('git', [...config, ...args], { cwd });
  if (code !== 0) throw new BenchError(`git ${args.join(' ')} failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return stdout;
}

/**
 * Creates a repository: `main` as `writeMain` leaves the folder, then one branch per change,
 * each made from main by its function. Returns with main checked out.
 */
export async function createRepository(dir, writeMain, changes) {
  mkdirSync(dir, { recursive: true });
  await runGit(dir, ['init', '--quiet', '--initial-branch=main']);
  writeMain(dir);
  await runGit(dir, ['add', '--all']);
  await runGit(dir, ['commit', '--quiet', '--message', 'Generated repository']);
  for (const [branch, change] of Object.entries(changes)) {
    await runGit(dir, ['checkout', '--quiet', '-b', branch, 'main']);
    change(dir);
    await runGit(dir, ['add', '--all']);
    await runGit(dir, ['commit', '--quiet', '--message', `Change: ${branch}`]);
  }
  await runGit(dir, ['checkout', '--quiet', 'main']);
}

/** The paths a branch changes against main. */
export async function listChangedPaths(dir, branch) {
  return (await runGit(dir, ['diff', '--name-only', 'main', branch])).split('\n').filter(Boolean);
}

/**
 * Finds kustomize as prune-guard does (PRUNE_GUARD_KUSTOMIZE, then kustomize, then kubectl
 * on PATH); the bench hands the same binary to prune-guard so both sides time one tool.
 */
export function findKustomize(env) {
  const explicit = env.PRUNE_GUARD_KUSTOMIZE || undefined;
  const bin = explicit ? findExecutable(explicit, env.PATH) : (findExecutable('kustomize', env.PATH) ?? findExecutable('kubectl', env.PATH));
  if (!bin) {
    throw new BenchError(
      explicit ? `kustomize binary not found or not executable: ${explicit} (from PRUNE_GUARD_KUSTOMIZE)` : 'neither kustomize nor kubectl is on PATH: install kubectl or kustomize',
    );
  }
  const prefix = basename(bin).startsWith('kubectl') ? ['kustomize'] : ['build'];
  return { bin, prefix, command: `${basename(bin)} ${prefix.join(' ')}` };
}

/** The executable `name` (a path, or a name looked up in `pathList`), or undefined when there is none. */
export function findExecutable(name, pathList) {
  const candidates = name.includes('/') || isAbsolute(name) ? [resolve(name)] : (pathList ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Builds one directory with bare kustomize, as kustomize-controller loads it; returns milliseconds. */
export async function buildKustomization(kustomize, dir) {
  const start = performance.now();
  const { code, stderr } = await runCommand(kustomize.bin, [...kustomize.prefix, '--load-restrictor', 'LoadRestrictionsNone', dir]);
  const elapsed = performance.now() - start;
  if (code !== 0) throw new BenchError(`${kustomize.command} ${dir} failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return elapsed;
}

/** Builds the directories with `width` at once, as prune-guard does; returns the wall time. */
export async function timeBuildsInPool(kustomize, dirs, width) {
  const start = performance.now();
  await mapInPool(dirs, width, (dir) => buildKustomization(kustomize, dir));
  return performance.now() - start;
}

/** Runs `task` over `items` with at most `width` at once; the first failure rejects. */
async function mapInPool(items, width, task) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
}

/** Times `run` (which resolves with extra facts) and returns those facts with `ms`. */
export async function timeRun(run) {
  const start = performance.now();
  const facts = await run();
  return { ...facts, ms: performance.now() - start };
}

/** Runs `sample` `count` times one after another; returns the samples and the one with the median time. */
export async function sampleMedian(count, sample) {
  const samples = [];
  for (let index = 0; index < count; index++) samples.push(await sample(index));
  return pickMedian(samples);
}

/**
 * Runs each of the named `samplers` `count` times, taking turns (a, b, c, a, b, c, ...), so
 * that a machine whose speed drifts during the bench slows every figure of a ratio alike.
 * Returns, by name, the samples and the one with the median time. A sampler that is
 * undefined is left out.
 */
export async function sampleInTurns(count, samplers) {
  const named = Object.entries(samplers).filter(([, sample]) => sample !== undefined);
  const samples = new Map(named.map(([name]) => [name, []]));
  for (let index = 0; index < count; index++) {
    for (const [name, sample] of named) samples.get(name).push(await sample(index));
  }
  return Object.fromEntries(named.map(([name]) => [name, pickMedian(samples.get(name))]));
}

function pickMedian(samples) {
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], samples };
}
