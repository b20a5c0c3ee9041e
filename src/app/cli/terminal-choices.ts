/**
 * What the command line prints for a terminal, decided once from the flags, the environment
 * and whether the streams are terminals: colour on stdout, and the kind of progress on stderr.
 * The formatters obey the decision; nothing else consults the environment.
 */

/** An environment as `process.env` has it. */
type Environment = Readonly<Record<string, string | undefined>>;

/** What colour depends on. */
export interface ColorInput {
  /** `--no-color`. */
  readonly noColor: boolean;
  /** The environment: NO_COLOR, FORCE_COLOR, TERM. */
  readonly env: Environment;
  /** Whether stdout is a terminal. */
  readonly isTTY: boolean;
}

/**
 * Decides whether stdout gets colour, first rule that speaks wins: `--no-color`; NO_COLOR set
 * and not empty (no-color.org); FORCE_COLOR `0` or `false` (off) or `1`, `2`, `3`, `true`
 * (on, even on a pipe; other values, the empty one included, say nothing); TERM=dumb (off);
 * else only on a terminal.
 */
export function decideColor({ noColor, env, isTTY }: ColorInput): boolean {
  if (noColor) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR?.toLowerCase();
  if (force === '0' || force === 'false') return false;
  if (force === '1' || force === '2' || force === '3' || force === 'true') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** How rendering progress is shown on stderr. */
export type ProgressStyle = 'line' | 'phases' | 'none';

/** What the progress display depends on. */
export interface ProgressInput {
  /** `--quiet`. */
  readonly quiet: boolean;
  /** The environment: CI, GITHUB_ACTIONS, TERM. */
  readonly env: Environment;
  /** Whether stderr is a terminal. */
  readonly isTTY: boolean;
}

/**
 * Decides the progress display: none with --quiet; one live line (redrawn with CR and an
 * erase code) on a terminal that can take it; one line per phase on a dumb terminal, which
 * prints the codes, and in CI (CI or GITHUB_ACTIONS set), whose log keeps every redraw as
 * a line of its own; nothing on any other pipe, where a script reads the output.
 */
export function decideProgress({ quiet, env, isTTY }: ProgressInput): ProgressStyle {
  if (quiet) return 'none';
  if (isTTY && env.TERM !== 'dumb') return 'line';
  if (isTTY || isSet(env.CI) || isSet(env.GITHUB_ACTIONS)) return 'phases';
  return 'none';
}

/** Set to anything but empty, `0` or `false` (some shells export CI=false to say "not CI"). */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
