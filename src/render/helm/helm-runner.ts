/**
 * The helm port: the real `helm` CLI (Helm 3 or 4), run with execFile to template a chart
 * that is already on disk, the way helm-controller renders a release. helm runs in an
 * allow-listed environment with a HOME of its own (see createHelmEnv): the chart and its
 * values may come from a hostile pull request.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { RenderError } from '../../core/errors.ts';
import { createHelmEnv, type Environment } from '../child-env.ts';
import { registerCleanup, registerTempTree } from '../cleanup.ts';
import { findExecutable } from '../find-executable.ts';

/** What to template. */
export interface HelmTemplateRequest {
  /** The chart's folder (its Chart.yaml inside), or a packaged chart (.tgz). */
  readonly chart: string;
  /** The release name helm-controller uses (see readHelmReleaseIdentity). */
  readonly releaseName: string;
  /** The namespace the release's objects go to. */
  readonly namespace: string;
  /** The Kubernetes version to render for (`1.33.0`): Helm 3 and 4 default to different ones. */
  readonly kubeVersion: string;
  /** A values file, already merged (chart defaults are helm's own). */
  readonly valuesFile?: string;
  /** Names the chart in messages, e.g. `HelmRelease apps/podinfo`. */
  readonly shown: string;
}

/** Templates charts. */
export interface HelmRunner {
  /** The binary, for messages (`helm`). */
  readonly command: string;
  /** Names the binary for cache keys: its real path, size and modification time. */
  readonly identity: string;
  /** Returns what `helm template` prints: every document with its `# Source:` line. */
  template(request: HelmTemplateRequest): Promise<string>;
}

/** How to find and run helm. */
export interface HelmOptions {
  /** Explicit binary (`--helm-bin`). */
  readonly bin?: string;
  /** The environment: PATH to search, PRUNE_GUARD_HELM, and what helm may see. */
  readonly env: Environment;
  /** Kill a render that takes longer than this. */
  readonly timeoutMs?: number;
  /** Fail a render that prints more than this. */
  readonly maxOutputBytes?: number;
}

/** Helm's own rule for release names (and 53 characters at most). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Kubernetes namespace: a DNS label. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Finds helm: `--helm-bin`, then `PRUNE_GUARD_HELM`, then `helm` on PATH. Undefined when none
 * is there (HelmReleases are then not rendered, which the report says); a RenderError when
 * the one named explicitly is missing.
 */
export function findHelm(options: HelmOptions): string | undefined {
  const explicit = options.bin ?? (options.env.PRUNE_GUARD_HELM || undefined);
  if (!explicit) return findExecutable('helm', options.env.PATH);
  const bin = findExecutable(explicit, options.env.PATH);
  if (!bin) throw new RenderError(`helm binary not found or not executable: ${explicit} (from ${options.bin ? '--helm-bin' : 'PRUNE_GUARD_HELM'})`);
  return bin;
}

/** A runner for the helm binary `bin` (see findHelm). */
export function createHelmRunner(bin: string, options: HelmOptions): HelmRunner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const stat = statSync(bin);
  return {
    command: basename(bin),
    identity: `${realpathSync(bin)}\0${stat.size}\0${stat.mtimeMs}`,
    template: (request) =>
      new Promise((resolvePromise, reject) => {
        // Names from a pull request reach helm's command line: each must be a name, never a flag.
        if (!RELEASE_NAME.test(request.releaseName) || request.releaseName.length > 53) {
          reject(new RenderError(`helm template refused on ${request.shown}: ${JSON.stringify(request.releaseName)} is not a release name helm takes`));
          return;
        }
        if (!NAMESPACE.test(request.namespace)) {
          reject(new RenderError(`helm template refused on ${request.shown}: ${JSON.stringify(request.namespace)} is not a namespace`));
          return;
        }
        if (!/^\d+\.\d+(\.\d+)?$/.test(request.kubeVersion)) {
          reject(new RenderError(`helm template refused on ${request.shown}: ${JSON.stringify(request.kubeVersion)} is not a Kubernetes version`));
          return;
        }
        const home = mkdtempSync(join(tmpdir(), 'prune-guard-helm-home-'));
        const tree = registerTempTree(home);
        const args = [
          'template',
          '--namespace',
          request.namespace,
          // crds/ is printed too: helm-controller installs it by the HelmRelease's CRD policy.
          '--include-crds',
          '--kube-version',
          request.kubeVersion,
          ...(request.valuesFile ? ['--values', request.valuesFile] : []),
          '--',
          request.releaseName,
          request.chart,
        ];
        let stop = (): void => {};
        const child = execFile(bin, args, { maxBuffer: maxOutputBytes, timeout: timeoutMs, encoding: 'utf8', env: createHelmEnv(options.env, home) }, (error, stdout, stderr) => {
          stop();
          tree.release();
          if (!error) {
            resolvePromise(stdout);
            return;
          }
          const cause = error.killed ? `took longer than ${timeoutMs / 1000} s` : summarizeHelmError(stderr) || error.message.split('\n')[0] || 'failed';
          reject(new RenderError(`helm template failed on ${request.shown}: ${cause}`, stderr));
        });
        stop = registerCleanup(() => {
          if (child.exitCode === null) child.kill();
        });
      }),
  };
}

/** helm's own error line, without its `Error: ` prefix; the rest of stderr (warnings, usage) is left for --verbose. */
export function summarizeHelmError(stderr: string): string {
  const line = stderr.split('\n').find((text) => text.startsWith('Error: ')) ?? '';
  return line.slice('Error: '.length).trim();
}
