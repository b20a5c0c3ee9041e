/**
 * The kustomize port: the real binary (`kustomize build` or `kubectl kustomize`), run with
 * execFile and the options kustomize-controller uses.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { RenderError } from '../core/errors.ts';
import { registerCleanup } from './cleanup.ts';

/** Builds a kustomization directory. */
export interface KustomizeRunner {
  /** The command line prefix, for messages (`kubectl kustomize`). */
  readonly command: string;
  /** Returns the multi-document YAML that `kustomize build DIR` prints. */
  build(dir: string): Promise<string>;
}

/** How to find and run kustomize. */
export interface KustomizeOptions {
  /** Explicit binary (`--kustomize-bin`); a name ending in `kubectl` is run as `kubectl kustomize`. */
  readonly bin?: string;
  /** Environment: PATH to search and `PRUNE_GUARD_KUSTOMIZE`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Kill a build that takes longer than this. */
  readonly timeoutMs?: number;
}

/** Output of real overlays (Calico's operator-crds.yaml alone is 2.6 MB) far exceeds execFile's 1 MiB default. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Finds kustomize: `--kustomize-bin`, then `PRUNE_GUARD_KUSTOMIZE`, then `kustomize` on PATH,
 * then `kubectl` on PATH. Throws a RenderError with an install hint when none is there.
 */
export function createKustomizeRunner(options: KustomizeOptions): KustomizeRunner {
  const explicit = options.bin ?? (options.env.PRUNE_GUARD_KUSTOMIZE || undefined);
  let bin: string | undefined;
  if (explicit) {
    bin = findExecutable(explicit, options.env.PATH);
    const from = options.bin ? '--kustomize-bin' : 'PRUNE_GUARD_KUSTOMIZE';
    if (!bin) throw new RenderError(`kustomize binary not found or not executable: ${explicit} (from ${from})`);
  } else {
    bin = findExecutable('kustomize', options.env.PATH) ?? findExecutable('kubectl', options.env.PATH);
    if (!bin) {
      throw new RenderError(
        'neither kustomize nor kubectl is on PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize, or pass --kustomize-bin',
      );
    }
  }
  const viaKubectl = basename(bin).startsWith('kubectl');
  const prefix = viaKubectl ? ['kustomize'] : ['build'];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const env = { ...options.env } as NodeJS.ProcessEnv;
  const command = `${basename(bin)} ${prefix.join(' ')}`;
  return {
    command,
    build: (dir) =>
      new Promise((resolvePromise, reject) => {
        // Flux builds with LoadRestrictionsNone: a kustomization may read files outside its directory.
        const args = [...prefix, '--load-restrictor', 'LoadRestrictionsNone', dir];
        // A run that ends early (an error elsewhere, Ctrl-C) must not leave builds behind it.
        let stop = (): void => {};
        const child = execFile(bin, args, { maxBuffer: MAX_OUTPUT_BYTES, timeout: timeoutMs, encoding: 'utf8', env }, (error, stdout, stderr) => {
          stop();
          if (!error) {
            resolvePromise(stdout);
            return;
          }
          if (error.killed || error.signal === 'SIGTERM') {
            reject(new RenderError(`${command} timed out after ${Math.round(timeoutMs / 1000)}s`, stderr));
          } else {
            reject(new RenderError(summarizeKustomizeError(stderr) || error.message.split('\n')[0] || 'failed', stderr));
          }
        });
        stop = registerCleanup(() => {
          if (child.exitCode === null) child.kill();
        });
      }),
  };
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

function findExecutable(name: string, pathList: string | undefined): string | undefined {
  const candidates = name.includes('/') || isAbsolute(name)
    ? [resolve(name)]
    : (pathList ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
