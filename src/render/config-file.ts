/**
 * Finds and reads the configuration file; parsing and validation are src/core/config.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_CONFIG, parseConfig, type Config } from '../core/config.ts';
import { ConfigError, getErrorMessage } from '../core/errors.ts';

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
