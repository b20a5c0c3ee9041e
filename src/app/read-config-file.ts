/**
 * Finds and reads the configuration file; parsing and validation are src/core/config/parse-config.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../core/config/parse-config.ts';
import { EMPTY_CONFIG, type Config } from '../core/config/config-model.ts';
import { ConfigError, getErrorMessage } from '../core/errors.ts';
import { createConfinement, isInside } from '../render/kustomize/confine.ts';

/** The names the configuration file may have at the repository root, in order of preference. */
export const CONFIG_FILE_NAMES = ['.prune-guard.yaml', '.prune-guard.yml'] as const;

/** Where to look for the configuration file. */
export interface LoadConfigOptions {
  /** The repository root, searched for {@link CONFIG_FILE_NAMES} when `path` is not given. */
  readonly repoRoot?: string;
  /** An explicit file (`--config`), relative to the working directory or absolute; it must exist. */
  readonly path?: string;
  /** How messages name the root directory (e.g. `after` in diff mode); default: nothing, the bare file name. */
  readonly rootLabel?: string;
}

/**
 * Loads the configuration: the explicit `path` if given (a missing file is an error, since the
 * user asked for it), else the file at `repoRoot`, else {@link EMPTY_CONFIG}. Having no
 * repoRoot and no path also gives the empty config, as there is nowhere to look.
 */
export function loadConfig(options: LoadConfigOptions): Config {
  if (options.path !== undefined) {
    if (options.path === '') throw new ConfigError('--config: the path is empty');
    return readConfigFile(options.path, options.path);
  }
  const root = options.repoRoot;
  if (root === undefined) return EMPTY_CONFIG;
  const found = CONFIG_FILE_NAMES.filter((name) => existsSync(join(root, name)));
  const [name, other] = found;
  if (name === undefined) return EMPTY_CONFIG;
  // Reading one and not the other would silently ignore whichever the user is editing.
  if (other !== undefined) throw new ConfigError(`${name} and ${other} both exist at the repository root: keep one`);
  // Messages name it as the user sees it in the repository, not by its absolute path.
  return readConfigFile(join(root, name), options.rootLabel ? `${options.rootLabel.replace(/\/$/, '')}/${name}` : name);
}

function readConfigFile(path: string, shown: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigError(`${shown}: config file not found`);
    if (code === 'EISDIR') throw new ConfigError(`${shown}: is a directory, not a config file`);
    throw new ConfigError(`${shown}: cannot read the config file: ${getErrorMessage(error)}`);
  }
  return parseConfig(text, shown);
}

/** The configuration of a comparison, read from its trusted side. */
export interface TrustedConfig {
  /** The configuration in force: the trusted side's file, or the empty default. */
  readonly config: Config;
  /** The file's path in the repository, as messages name it. */
  readonly file: string;
  /**
   * What the file after the change would make of the gate, when the change edits it (or the
   * problem that keeps it from loading); undefined when the change leaves it alone.
   */
  readonly proposed?: Config | { readonly problem: string };
  /** The file before the change, to compare `proposed` with (when it loaded). */
  readonly previous?: Config;
}

/**
 * Loads the configuration from the trusted side of a comparison, never from the side under
 * review: a change must not be able to switch off its own check. `policy` holds the files
 * of the trusted commit by path (the base branch as it stands; see {@link CONFIG_FILE_NAMES});
 * `file` is a path in the repository (default: those names at the root); a file missing
 * there means the defaults. What the change itself does to the file is read from the two
 * trees compared (`beforeRoot`, `afterRoot`), so that an edit shows for what it is and a
 * branch that is merely behind shows nothing; a symlink out of the repository is never
 * followed.
 */
export function loadTrustedConfig(policy: ReadonlyMap<string, string>, beforeRoot: string, afterRoot: string, file?: string): TrustedConfig {
  const candidates = file !== undefined ? [file] : [...CONFIG_FILE_NAMES];
  const pick = (present: readonly string[]): string | undefined => {
    if (file === undefined && present.length > 1) throw new ConfigError(`${present[0]} and ${present[1]} both exist at the repository root: keep one`);
    return present[0];
  };
  const policyName = pick(candidates.filter((name) => policy.has(name)));
  const policyText = policyName === undefined ? undefined : policy.get(policyName);
  const config = policyName === undefined || policyText === undefined ? EMPTY_CONFIG : parseConfig(policyText, policyName);
  const before = readSide(beforeRoot, candidates, pick);
  const after = readSide(afterRoot, candidates, pick);
  const shown = file ?? policyName ?? after.name ?? before.name ?? CONFIG_FILE_NAMES[0];
  if ('problem' in after) return { config, file: shown, proposed: after };
  // The same bytes need no comparison; different bytes may still mean the same policy.
  if (!('problem' in before) && after.text === before.text && after.name === before.name) return { config, file: shown };
  return { config, file: shown, proposed: after.config, ...('problem' in before ? {} : { previous: before.config }) };
}

type SideConfig = { readonly name?: string; readonly text?: string; readonly config: Config } | { readonly name?: string; readonly problem: string };

function readSide(root: string, candidates: readonly string[], pick: (present: readonly string[]) => string | undefined): SideConfig {
  let name: string | undefined;
  try {
    name = pick(candidates.filter((candidate) => existsSync(join(root, candidate))));
    if (name === undefined) return { config: EMPTY_CONFIG };
    const path = join(root, name);
    if (!isInside(createConfinement(root), path)) throw new ConfigError(`${name}: leads outside the repository (a symlink?)`);
    if (!statSync(path).isFile()) throw new ConfigError(`${name}: is not a file`);
    const text = readFileSync(path, 'utf8');
    return { name, text, config: parseConfig(text, name) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ...(name ? { name } : {}), problem: error.message };
  }
}
