/**
 * The kustomize port: the real binary (`kustomize build` or `kubectl kustomize`), run with
 * execFile and the options kustomize-controller uses, in an allow-listed environment and
 * under a memory cap: the manifests it builds may come from a hostile pull request.
 */
import { execFile } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RenderError, UsageError } from '../../core/errors.ts';
import { createKustomizeEnv, readPassEnv, type Environment } from '../child-env.ts';
import { registerCleanup, registerTempTree, type TempTree } from '../cleanup.ts';
import { findExecutable } from '../find-executable.ts';
import { createPool } from '../pool.ts';

/** Builds a kustomization directory. */
export interface KustomizeRunner {
  /** The command line prefix, for messages (`kubectl kustomize`). */
  readonly command: string;
  /** Returns the multi-document YAML that `kustomize build DIR` prints. */
  build(dir: string): Promise<string>;
  /**
   * Names the binary for cache keys (its real path, size and modification time): another
   * kustomize may render the same inputs differently. Without it, renders are not cached.
   */
  readonly identity?: string;
}

/** How to find and run kustomize. */
export interface KustomizeOptions {
  /** Explicit binary (`--kustomize-bin`); a name ending in `kubectl` is run as `kubectl kustomize`. */
  readonly bin?: string;
  /**
   * Environment: PATH to search, `PRUNE_GUARD_KUSTOMIZE`, `PRUNE_GUARD_MEMORY_LIMIT`,
   * `PRUNE_GUARD_PASS_ENV`, and the few variables kustomize is given (see child-env.ts).
   */
  readonly env: Environment;
  /** Kill a build that takes longer than this. */
  readonly timeoutMs?: number;
  /** Fail a build that prints more than this (stdout or stderr); 256 MiB unless set. */
  readonly maxOutputBytes?: number;
}

/** Operator variable setting the memory cap of each build. */
export const MEMORY_LIMIT_VARIABLE = 'PRUNE_GUARD_MEMORY_LIMIT';

/**
 * The default cap, as kustomize-controller's own default memory limit: a build that needs
 * more would not reconcile in a default Flux install either. A normal kustomization peaks
 * near 45 MiB, Calico's 2.6 MB of CRDs near 110 MiB, ten times that near 450 MiB.
 */
export const DEFAULT_MEMORY_LIMIT = 1024 ** 3;

/**
 * Output of real overlays (Calico's operator-crds.yaml alone is 2.6 MB) far exceeds
 * execFile's 1 MiB default; a build printing more than this is no manifest set Flux applies.
 */
const MAX_OUTPUT_BYTES = 256 * 1024 ** 2;
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
/** GOMEMLIMIT as a share of the cap: below it the Go runtime collects harder, above it the cap kills. */
const GO_SOFT_LIMIT_SHARE = 0.9;

/**
 * Finds kustomize: `--kustomize-bin`, then `PRUNE_GUARD_KUSTOMIZE`, then `kustomize` on PATH,
 * then `kubectl` on PATH. Throws a RenderError with an install hint when none is there, and
 * a UsageError for a malformed PRUNE_GUARD_MEMORY_LIMIT or PRUNE_GUARD_PASS_ENV.
 *
 * Each build runs with an empty HOME of its own (see createHomePool), an allow-listed environment,
 * and, where `prlimit` is on PATH (util-linux), a cap on its data segment; elsewhere (macOS)
 * it runs uncapped.
 */
export function createKustomizeRunner(options: KustomizeOptions): KustomizeRunner {
  const kustomize = findKustomize(options);
  readPassEnv(options.env); // a malformed list fails now, not at the first build
  const limit = readMemoryLimit(options.env);
  const prlimit = limit > 0 ? findExecutable('prlimit', options.env.PATH) : undefined;
  const viaKubectl = isKubectl(kustomize);
  const prefix = viaKubectl ? ['kustomize'] : ['build'];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const command = `${basename(kustomize)} ${prefix.join(' ')}`;
  const stat = statSync(kustomize);
  const homes = createHomePool();
  return {
    command,
    identity: `${realpathSync(kustomize)}\0${stat.size}\0${stat.mtimeMs}`,
    build: (dir) =>
      new Promise((resolvePromise, reject) => {
        // Flux builds with LoadRestrictionsNone: a kustomization may read files outside its directory.
        const args = [...prefix, '--load-restrictor', 'LoadRestrictionsNone', dir];
        // An empty HOME for every build: nothing one build writes there (a .gitconfig) reaches the next.
        const home = homes.take();
        const env = createKustomizeEnv(options.env, { home, ...(prlimit ? { goMemLimit: Math.floor(limit * GO_SOFT_LIMIT_SHARE) } : {}) });
        // RLIMIT_DATA, not RLIMIT_AS: the Go runtime reserves close to 1 GiB of address space
        // before it allocates anything, while the data limit counts what the heap really maps.
        // prlimit execs kustomize in its own process, so killing the child kills kustomize.
        const [file, argv] = prlimit ? [prlimit, [`--data=${limit}`, '--', kustomize, ...args]] : [kustomize, args];
        // A run that ends early (an error elsewhere, Ctrl-C) must not leave builds behind it.
        let stop = (): void => {};
        const child = execFile(file, argv, { maxBuffer: maxOutputBytes, timeout: timeoutMs, encoding: 'utf8', env }, (error, stdout, stderr) => {
          stop();
          // Its HOME serves the next build if it is still empty.
          homes.giveBack(home);
          if (!error) {
            resolvePromise(stdout);
            return;
          }
          reject(describeFailure(error, stderr, { command, timeoutMs, maxOutputBytes, limit: prlimit ? limit : 0 }));
        });
        stop = registerCleanup(() => {
          if (child.exitCode === null) child.kill();
        });
      }),
  };
}

/**
 * Finds the kustomize binary a run uses: `--kustomize-bin`, then `PRUNE_GUARD_KUSTOMIZE`,
 * then `kustomize` on PATH, then `kubectl` on PATH (run as `kubectl kustomize`, see
 * {@link isKubectl}). Throws a RenderError with an install hint when none is there.
 */
export function findKustomize(options: Pick<KustomizeOptions, 'bin' | 'env'>): string {
  const explicit = options.bin ?? (options.env.PRUNE_GUARD_KUSTOMIZE || undefined);
  if (explicit) {
    const bin = findExecutable(explicit, options.env.PATH);
    const from = options.bin ? '--kustomize-bin' : 'PRUNE_GUARD_KUSTOMIZE';
    if (!bin) throw new RenderError(`kustomize binary not found or not executable: ${explicit} (from ${from})`);
    return bin;
  }
  const bin = findExecutable('kustomize', options.env.PATH) ?? findExecutable('kubectl', options.env.PATH);
  if (!bin) {
    throw new RenderError('neither kustomize nor kubectl is on PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize, or pass --kustomize-bin');
  }
  return bin;
}

/** True when the binary is kubectl, whose kustomize runs as `kubectl kustomize`. */
export function isKubectl(bin: string): boolean {
  return basename(bin).startsWith('kubectl');
}

/**
 * The runner with at most `width` builds running at once. Callers keep more renders under way
 * than that: each prepares its build, waits here for a slot, and parses its output while the
 * next build already runs, so no CPU waits for JavaScript between two builds.
 */
export function limitBuilds(runner: KustomizeRunner, width: number): KustomizeRunner {
  const run = createPool(width);
  return { ...runner, build: (dir) => run(() => runner.build(dir)) };
}

/**
 * Empty HOME directories for builds: one is handed out again only while it is still an empty
 * directory, else it is removed and a new one made. Builds that follow one another share
 * them; once none runs, the idle ones are removed (in the background: the run waits for that
 * before it exits). Ctrl-C removes every one left.
 */
function createHomePool(): { take(): string; giveBack(home: string): void } {
  const idle: Array<{ readonly dir: string; readonly tree: TempTree }> = [];
  const lent = new Map<string, TempTree>();
  return {
    take: () => {
      const reused = idle.pop();
      const dir = reused?.dir ?? mkdtempSync(join(tmpdir(), 'prune-guard-home-'));
      lent.set(dir, reused?.tree ?? registerTempTree(dir));
      return dir;
    },
    giveBack: (dir) => {
      const tree = lent.get(dir);
      lent.delete(dir);
      if (!tree) return;
      let empty = false;
      try {
        empty = lstatSync(dir).isDirectory() && readdirSync(dir).length === 0;
      } catch {
        empty = false;
      }
      if (!empty) {
        tree.release();
        return;
      }
      idle.push({ dir, tree });
      // The next build of a pool starts before this turn of the event loop ends; after a pause, none is waiting.
      setImmediate(() => {
        if (lent.size === 0) for (const { tree: idleTree } of idle.splice(0)) idleTree.release();
      });
    },
  };
}

/**
 * Reads PRUNE_GUARD_MEMORY_LIMIT: bytes, or a number with a binary unit (`512MiB`, `2GiB`,
 * `2G` and `2Gi` alike); `0` turns the cap off; unset means {@link DEFAULT_MEMORY_LIMIT}.
 * Throws a UsageError for anything else.
 */
export function readMemoryLimit(env: Environment): number {
  const raw = env[MEMORY_LIMIT_VARIABLE]?.trim();
  if (!raw) return DEFAULT_MEMORY_LIMIT;
  const match = /^(\d+(?:\.\d+)?)\s*(?:([KMGT])(?:i?B|i)?|B)?$/i.exec(raw);
  const power = match?.[2] ? 'KMGT'.indexOf(match[2].toUpperCase()) + 1 : 0;
  const bytes = match ? Math.floor(Number(match[1]) * 1024 ** power) : Number.NaN;
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(`${MEMORY_LIMIT_VARIABLE}: expected a size such as 2GiB or 512MiB, or 0 for no limit, got ${JSON.stringify(raw)}`);
  }
  return bytes;
}

/** Returns a size for messages: `1 GiB`, `384 MiB`, else bytes. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** What a failed build is reported with. */
interface FailureContext {
  readonly command: string;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  /** The cap the build ran under; 0 when none. */
  readonly limit: number;
}

/**
 * The Go runtime's last words when the data limit refuses an allocation: `fatal error:
 * runtime: out of memory`, `fatal error: runtime: cannot allocate memory`, `fatal error: out
 * of memory allocating heap arena map`, and `failed to reserve page summary memory` under
 * an address-space limit set outside prune-guard.
 */
const OUT_OF_MEMORY_PATTERN = /^(fatal error: .*(out of memory|cannot allocate memory|failed to reserve)|runtime: out of memory)/m;

function describeFailure(error: Error & { code?: unknown; killed?: boolean; signal?: NodeJS.Signals | null }, stderr: string, context: FailureContext): RenderError {
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return new RenderError(`${context.command} printed more than ${formatBytes(context.maxOutputBytes)}, the most prune-guard reads from one build`);
  }
  // A cap too small for the runtime to start makes it fault before it can say why.
  const diedUnderCap = context.limit > 0 && (error.signal === 'SIGSEGV' || error.signal === 'SIGKILL');
  if (OUT_OF_MEMORY_PATTERN.test(stderr) || diedUnderCap) {
    // The Go runtime follows the line with every goroutine's stack: nothing a reader needs.
    const cause = context.limit > 0
      ? `ran out of memory (limit ${formatBytes(context.limit)}; a YAML alias bomb? ${MEMORY_LIMIT_VARIABLE} raises the limit)`
      : 'ran out of memory';
    return new RenderError(cause);
  }
  if (error.killed || error.signal === 'SIGTERM') {
    return new RenderError(`${context.command} timed out after ${Math.round(context.timeoutMs / 1000)}s`, stderr);
  }
  if (error.signal === 'SIGKILL') return new RenderError(`${context.command} was killed (SIGKILL; out of memory?)`, stderr);
  return new RenderError(summarizeKustomizeError(stderr) || error.message.split('\n')[0] || 'failed', stderr);
}

/**
 * Returns kustomize's cause as one line: without the `Error:` or klog prefix, and without
 * the directory attempt kustomize adds after a failed file resource.
 */
export function summarizeKustomizeError(stderr: string): string {
  let cause = readKlogError(stderr) ?? stderr.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
  cause = cause.replace(/^(error|Error):\s*/, '');
  // A resource that fails as a file is retried as a directory (or a git repo), and both
  // failures are printed: `accumulation err='<file error>': must build at directory: ...`.
  const retry = /': (must build at directory|failed to run ')/.exec(cause);
  if (retry) {
    const opener = "accumulation err='";
    const start = cause.lastIndexOf(opener, retry.index);
    if (start !== -1) cause = cause.slice(0, start) + cause.slice(start + opener.length, retry.index);
  }
  return cause;
}

/** kubectl logs through klog: `E1122 ... "command failed" err="..."`, or `err=<` then indented lines and ` >`. */
function readKlogError(stderr: string): string | undefined {
  const lines = stderr.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const quoted = /\berr="(.*)"\s*$/.exec(line);
    if (quoted?.[1] !== undefined) return quoted[1].replace(/\\"/g, '"');
    if (/\berr=<\s*$/.test(line)) {
      const body: string[] = [];
      for (const next of lines.slice(i + 1)) {
        if (/^\s*>\s*$/.test(next)) break;
        body.push(next.replace(/^\t/, ''));
      }
      return body.join('').trim();
    }
  }
  return undefined;
}
