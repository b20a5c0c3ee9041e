/**
 * Finds and reads the configuration file; parsing and validation are src/core/config.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_CONFIG, parseConfig, type Config } from '../core/config.ts';
import { ConfigError, getErrorMessage } from '../core/errors.ts';
import { createConfinement, isInside } from './confine.ts';

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
   * What the other side's file would make of the gate, when it differs from the trusted one
   * (or the problem that keeps it from loading); undefined when both are the same file.
   */
  readonly proposed?: Config | { readonly problem: string };
}

/**
 * Loads the configuration from the trusted side of a comparison (the base of a pull
 * request), never from the side under review: a change must not be able to switch off its
 * own check. `file` is a path in the repository (default: {@link CONFIG_FILE_NAMES} at the
 * root); a file missing on the trusted side means the defaults. The other side's file is
 * read too, so that a change to it can be shown for what it is; a symlink out of the
 * repository is never followed.
 */
export function loadTrustedConfig(trustedRoot: string, otherRoot: string, file?: string): TrustedConfig {
  const load = (root: string): { config: Config; name: string | undefined; text: string | undefined } => {
    const names = file !== undefined ? [file] : CONFIG_FILE_NAMES.filter((name) => existsSync(join(root, name)));
    if (file === undefined && names.length > 1) throw new ConfigError(`${names[0]} and ${names[1]} both exist at the repository root: keep one`);
    const [name] = names;
    if (name === undefined || !existsSync(join(root, name))) return { config: EMPTY_CONFIG, name, text: undefined };
    if (!isInside(createConfinement(root), join(root, name))) throw new ConfigError(`${name}: leads outside the repository (a symlink?)`);
    const text = readFileSync(join(root, name), 'utf8');
    return { config: parseConfig(text, name), name, text };
  };
  const trusted = load(trustedRoot);
  let other: ReturnType<typeof load> | { problem: string };
  try {
    other = load(otherRoot);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    other = { problem: error.message };
  }
  const shown = file ?? trusted.name ?? ('name' in other ? other.name : undefined) ?? CONFIG_FILE_NAMES[0];
  if ('problem' in other) return { config: trusted.config, file: shown, proposed: other };
  // The same bytes need no comparison; different bytes may still mean the same policy.
  if (other.text === trusted.text && other.name === trusted.name) return { config: trusted.config, file: shown };
  return { config: trusted.config, file: shown, proposed: other.config };
}
