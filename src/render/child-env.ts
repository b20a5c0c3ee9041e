/**
 * The environments of child processes: an allow-list each, never the whole environment.
 * kustomize builds manifests from a pull request, possibly a hostile one, which can read
 * its own environment (`/proc/self/environ` in a configMapGenerator) into the report; git
 * runs only commands prune-guard chooses, on the user's own repository.
 */
import { UsageError } from '../core/errors.ts';

/** An environment as `process.env` has it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Names, each matched exactly, that every child may see. */
const COMMON_NAMES = [
  'PATH',
  'TMPDIR',
  // Locale, so that messages and file names are read as the user's shell reads them.
  'LANG',
  'LANGUAGE',
  // Proxies: remote bases and fetches must go through the same network the user has.
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'all_proxy',
  // Certificate authorities of a TLS-inspecting proxy (Go and OpenSSL read these).
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
] as const;

/** Names Windows programs cannot start without; compared case-insensitively there. */
const WINDOWS_NAMES = ['SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT'] as const;

const LOCALE_PATTERN = /^LC_[A-Z_]+$/;

/**
 * git also gets the user's own configuration and ways to authenticate to the user's own
 * remote: the real HOME (safe.directory, credential helpers), XDG_CONFIG_HOME, the ssh
 * agent, and the session bus and runtime directory through which keyring helpers work.
 */
const GIT_NAMES = ['HOME', 'XDG_CONFIG_HOME', 'SSH_AUTH_SOCK', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'USERPROFILE', 'HOMEDRIVE', 'HOMEPATH'] as const;

/** Operator variable naming extra variables kustomize may see. */
export const PASS_ENV_VARIABLE = 'PRUNE_GUARD_PASS_ENV';

/** How the kustomize environment is completed. */
export interface KustomizeEnvOptions {
  /** A fresh, empty directory for HOME: git and kubectl read their configuration there. */
  readonly home: string;
  /** GOMEMLIMIT in bytes, when the build runs under a memory cap. */
  readonly goMemLimit?: number;
}

/**
 * Returns kustomize's environment: PATH, TMPDIR, locale, proxies and CA bundles from `env`;
 * HOME set to `options.home`; git told to ignore the machine's configuration and never to
 * prompt; then every name listed in PRUNE_GUARD_PASS_ENV, copied from `env` as the
 * operator asked (those win over the values set here).
 */
export function createKustomizeEnv(env: Environment, options: KustomizeEnvOptions, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const child = pickCommon(env, platform);
  // kubectl reads $HOME/.kube/config even for `kustomize`, and git reads $HOME/.gitconfig with
  // its credential helpers: an empty HOME gives a hostile remote base neither.
  child.HOME = options.home;
  // The system gitconfig may name a credential helper too (e.g. a cloud SDK's), which would
  // answer for any URL a pull request names.
  child.GIT_CONFIG_NOSYSTEM = '1';
  // A remote base must not ask the person at the terminal for a password.
  child.GIT_TERMINAL_PROMPT = '0';
  // The host of a remote base was checked against the network policy; what its clone does
  // next was not: no redirect to another host, no submodule (git allows those protocols
  // only when a user named the URL), nothing from the local disk.
  Object.assign(child, formatGitConfigEnv(GIT_CLONE_SETTINGS));
  // A soft limit below the hard cap makes the Go runtime collect garbage harder before the
  // cap kills a real build; live data (an alias bomb) still hits the cap.
  if (options.goMemLimit !== undefined) child.GOMEMLIMIT = String(options.goMemLimit);
  for (const name of readPassEnv(env)) {
    const value = lookUp(env, name, platform);
    if (value !== undefined) child[name] = value;
  }
  return child;
}

/**
 * Returns helm's environment: what every child gets from `env`, with HOME and every folder
 * helm reads its configuration, repositories, cache and plugins from inside `home` (a fresh,
 * empty folder): a chart from a pull request sees none of the user's, and no plugin runs.
 */
export function createHelmEnv(env: Environment, home: string, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const child = pickCommon(env, platform);
  child.HOME = home;
  for (const [name, folder] of [
    ['HELM_CONFIG_HOME', 'config'],
    ['HELM_CACHE_HOME', 'cache'],
    ['HELM_DATA_HOME', 'data'],
    ['HELM_PLUGINS', 'plugins'],
    ['HELM_REGISTRY_CONFIG', 'registry.json'],
    ['HELM_REPOSITORY_CONFIG', 'repositories.yaml'],
    ['HELM_REPOSITORY_CACHE', 'repository-cache'],
  ] as const) {
    child[name] = `${home}/${folder}`;
  }
  // Nothing reaches a cluster: `helm template` asks none, and no kubeconfig is there to find.
  child.KUBECONFIG = `${home}/kubeconfig`;
  return child;
}

/** git settings for the clones kustomize makes of remote bases. */
const GIT_CLONE_SETTINGS: ReadonlyArray<readonly [string, string]> = [
  ['http.followRedirects', 'false'],
  ['protocol.allow', 'user'],
  ['protocol.file.allow', 'never'],
  ['protocol.ext.allow', 'never'],
];

/** git configuration as environment variables (GIT_CONFIG_COUNT, git 2.31+), which beat any file. */
function formatGitConfigEnv(settings: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const entries: Record<string, string> = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], index) => {
    entries[`GIT_CONFIG_KEY_${index}`] = key;
    entries[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return entries;
}

/**
 * Returns git's environment: what kustomize gets from `env` plus the real HOME,
 * XDG_CONFIG_HOME, the ssh agent, keyring access and every GIT_* setting of the operator.
 * Tokens handed to prune-guard (GITHUB_TOKEN, GH_TOKEN, INPUT_*, ACTIONS_*) stay out:
 * git authenticates with the user's own credential setup, or with the header a fetch sets.
 */
export function createGitEnv(env: Environment, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const child = pickCommon(env, platform);
  for (const name of GIT_NAMES) {
    const value = lookUp(env, name, platform);
    if (value !== undefined) child[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && name.startsWith('GIT_')) child[name] = value;
  }
  return child;
}

/**
 * Returns the names in PRUNE_GUARD_PASS_ENV (comma-separated, blanks ignored). Throws a
 * UsageError for an entry that is no variable name, e.g. `NAME=value`.
 */
export function readPassEnv(env: Environment): string[] {
  const names = (env[PASS_ENV_VARIABLE] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name));
  if (bad !== undefined) throw new UsageError(`${PASS_ENV_VARIABLE}: expected comma-separated variable names, got ${JSON.stringify(bad)}`);
  return [...new Set(names)];
}

function pickCommon(env: Environment, platform: NodeJS.Platform): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  const names: readonly string[] = platform === 'win32' ? [...COMMON_NAMES, ...WINDOWS_NAMES] : COMMON_NAMES;
  for (const name of names) {
    const value = lookUp(env, name, platform);
    if (value !== undefined) child[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && LOCALE_PATTERN.test(name)) child[name] = value;
  }
  return child;
}

/** Windows names are case-insensitive (`Path`), and a copy of process.env keeps their case. */
function lookUp(env: Environment, name: string, platform: NodeJS.Platform): string | undefined {
  if (env[name] !== undefined || platform !== 'win32') return env[name];
  const upper = name.toUpperCase();
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === upper);
  return key === undefined ? undefined : env[key];
}
