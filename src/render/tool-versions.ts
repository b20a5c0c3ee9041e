/**
 * The kustomize and helm a run would use, with the versions they report: what `prune-guard
 * version` prints for a bug report. Each binary is asked with execFile, its PATH alone, and
 * a short timeout; a binary that does not answer is named without a version.
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { getErrorMessage } from '../core/errors.ts';
import type { Environment } from './child-env.ts';
import { findHelm } from './helm/helm-runner.ts';
import { findKustomize, isKubectl } from './kustomize/kustomize-runner.ts';

/** A binary found, and what it says its version is. */
export interface ToolVersion {
  /** `v5.5.0`; null when it would not say. */
  readonly version: string | null;
  /** How a run calls it: `kubectl kustomize`, `kustomize build`, `helm template`. */
  readonly command: string;
  /** The binary's path. */
  readonly path: string;
}

/** A tool found, or why none was. */
export type ToolLookup = { readonly found: ToolVersion } | { readonly missing: string };

/** What to look for: the flags and environment a run would be given. */
export interface ToolOptions {
  /** `--kustomize-bin`. */
  readonly kustomizeBin?: string;
  /** `--helm-bin`. */
  readonly helmBin?: string;
  /** The environment: PATH, PRUNE_GUARD_KUSTOMIZE, PRUNE_GUARD_HELM. */
  readonly env: Environment;
}

const VERSION_TIMEOUT_MS = 10_000;

/** The first `v1.2.3` (with any suffix) of a text. */
const VERSION_PATTERN = /v?\d+\.\d+\.\d+[\w.+-]*/;

/** Finds the kustomize a run would use and asks it for its version. */
export async function lookUpKustomize(options: ToolOptions): Promise<ToolLookup> {
  let path: string;
  try {
    path = findKustomize({ ...(options.kustomizeBin !== undefined ? { bin: options.kustomizeBin } : {}), env: options.env });
  } catch (error) {
    return { missing: getErrorMessage(error) };
  }
  if (isKubectl(path)) {
    // kubectl says which kustomize it carries in its JSON; older ones do not, and the line says so.
    const output = await ask(path, ['version', '--client', '-o', 'json'], options.env);
    let version: string | null = null;
    try {
      const parsed: unknown = JSON.parse(output ?? '');
      const field = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).kustomizeVersion : undefined;
      version = typeof field === 'string' ? (VERSION_PATTERN.exec(field)?.[0] ?? null) : null;
    } catch {
      // No JSON: no version.
    }
    return { found: { version, command: `${basename(path)} kustomize`, path } };
  }
  // `v5.4.2`, or `{Version:kustomize/v4.5.7 GitCommit:...}` from older releases.
  const output = await ask(path, ['version'], options.env);
  return { found: { version: VERSION_PATTERN.exec(output ?? '')?.[0] ?? null, command: `${basename(path)} build`, path } };
}

/** Finds the helm a run would use and asks it for its version; missing when there is none. */
export async function lookUpHelm(options: ToolOptions): Promise<ToolLookup> {
  let path: string | undefined;
  try {
    path = findHelm({ ...(options.helmBin !== undefined ? { bin: options.helmBin } : {}), env: options.env });
  } catch (error) {
    return { missing: getErrorMessage(error) };
  }
  if (!path) return { missing: 'not on PATH (HelmReleases are judged as single objects)' };
  const output = await ask(path, ['version', '--short'], options.env);
  return { found: { version: VERSION_PATTERN.exec(output ?? '')?.[0] ?? null, command: `${basename(path)} template`, path } };
}

/** Runs a binary with its PATH alone; its stdout, or undefined when it fails. */
function ask(file: string, args: readonly string[], env: Environment): Promise<string | undefined> {
  return new Promise((resolvePromise) => {
    execFile(file, [...args], { timeout: VERSION_TIMEOUT_MS, maxBuffer: 1024 * 1024, encoding: 'utf8', env: { PATH: env.PATH ?? '' } }, (error, stdout) => {
      resolvePromise(error ? undefined : stdout);
    });
  });
}
