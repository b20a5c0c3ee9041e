/**
 * The Action's inputs (as in action.yml), read and checked once: a wrong value stops the step
 * in one line naming the input and what it may be.
 */
import * as core from '@actions/core';
import { UsageError } from '../core/errors.ts';
import { FailLevels, type FailLevel } from '../core/rules/findings.ts';
import { redactCredentials } from '../core/text/redact.ts';
import { parseKubernetesVersion } from '../core/config/parse-config.ts';

/** Input names, as in action.yml. */
const Inputs = {
  githubToken: 'github-token',
  path: 'path',
  base: 'base',
  failOn: 'fail-on',
  comment: 'comment',
  suggestions: 'suggestions',
  fixes: 'fixes',
  ackLabel: 'ack-label',
  config: 'config',
  kustomizeBin: 'kustomize-bin',
  kubernetesVersion: 'kubernetes-version',
  mirror: 'mirror',
  cacheDir: 'cache-dir',
  cache: 'cache',
  offline: 'offline',
  commentKey: 'comment-key',
} as const;

/** Every input, parsed once. */
export interface ActionOptions {
  /** Token for the comment, the review and fetching a missing base commit. */
  readonly token: string;
  /** Directories to check, relative to the workspace. */
  readonly paths: readonly string[];
  /** Explicit base ref or SHA; default: from the event. */
  readonly base?: string;
  /** Severity at which findings fail the step; default: the config's failOn, else error. */
  readonly failOn?: FailLevel;
  /** `summary` posts the sticky comment, `none` posts nothing. */
  readonly comment: 'summary' | 'none';
  /** Post fixes as review suggestions. */
  readonly suggestions: boolean;
  /** Look for fixes at all (directory listings, downloads, verification builds). */
  readonly fixes: boolean;
  /** A pull request carrying this label passes the gate. */
  readonly ackLabel: string;
  /** Configuration file, a path in the repository read from the base side. */
  readonly config?: string;
  /** kustomize or kubectl binary. */
  readonly kustomizeBin?: string;
  /** The Kubernetes version the clusters run, over the configuration's kubernetesVersion. */
  readonly kubernetesVersion?: string;
  /** URL prefix rewrites, `FROM=TO`. */
  readonly mirrors: readonly string[];
  /** Cache directory (renders and remote manifests). */
  readonly cacheDir?: string;
  /** Keep the cache directory in GitHub's Actions cache between runs. */
  readonly cache: boolean;
  /** Download no remote resource but through a mirror (or from the cache). */
  readonly offline: boolean;
  /** Secret that keys the sticky comment's marker. */
  readonly commentKey?: string;
}

function getOptionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  // Unset inputs arrive as '', whether omitted or explicitly empty.
  return value === '' ? undefined : value;
}

function readKubernetesVersion(value: string): string {
  const version = parseKubernetesVersion(value);
  if (!version) throw new UsageError(`Input '${Inputs.kubernetesVersion}' is set to invalid value '${value}': a Kubernetes version such as 1.31 or 1.31.4`);
  return version;
}

function getChoice<T extends string>(name: string, valid: readonly T[], fallback: T): T {
  const value = getOptionalInput(name) ?? fallback;
  if (valid.includes(value as T)) return value as T;
  throw new UsageError(`Input '${name}' is set to invalid value '${value}'. Valid values: ${valid.join(', ')}`);
}

/** Reads and checks every input; a UsageError names the input and its valid values. */
export function readActionOptions(): ActionOptions {
  const failOn = getOptionalInput(Inputs.failOn);
  const suggestions = getChoice(Inputs.suggestions, ['true', 'false'], 'true');
  const options: ActionOptions = {
    token: getOptionalInput(Inputs.githubToken) ?? '',
    paths: (getOptionalInput(Inputs.path) ?? '.').split('\n').map((path) => path.trim()).filter(Boolean),
    ...(getOptionalInput(Inputs.base) ? { base: getOptionalInput(Inputs.base) as string } : {}),
    ...(failOn ? { failOn: getChoice(Inputs.failOn, Object.values(FailLevels), 'error') } : {}),
    comment: getChoice(Inputs.comment, ['summary', 'none'], 'summary'),
    suggestions: suggestions === 'true',
    fixes: getChoice(Inputs.fixes, ['true', 'false'], 'true') === 'true',
    ackLabel: getOptionalInput(Inputs.ackLabel) ?? 'prune-guard/acknowledged',
    ...(getOptionalInput(Inputs.config) ? { config: getOptionalInput(Inputs.config) as string } : {}),
    ...(getOptionalInput(Inputs.kustomizeBin) ? { kustomizeBin: getOptionalInput(Inputs.kustomizeBin) as string } : {}),
    ...(getOptionalInput(Inputs.kubernetesVersion) ? { kubernetesVersion: readKubernetesVersion(getOptionalInput(Inputs.kubernetesVersion) as string) } : {}),
    mirrors: (getOptionalInput(Inputs.mirror) ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
    ...(getOptionalInput(Inputs.cacheDir) ? { cacheDir: getOptionalInput(Inputs.cacheDir) as string } : {}),
    cache: getChoice(Inputs.cache, ['true', 'false'], 'true') === 'true',
    offline: getChoice(Inputs.offline, ['true', 'false'], 'false') === 'true',
    ...(getOptionalInput(Inputs.commentKey) ? { commentKey: getOptionalInput(Inputs.commentKey) as string } : {}),
  };
  core.debug(`options: ${redactCredentials(JSON.stringify({ ...options, token: options.token ? '***' : '', ...(options.commentKey ? { commentKey: '***' } : {}) }))}`);
  return options;
}
