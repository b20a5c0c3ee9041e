/**
 * argv -> what the command line asks for. Throws a UsageError, one line, for anything it
 * cannot take: an unknown option, a missing value, an option that does not apply to the
 * command (the table in cli-options.ts says which do).
 */
import { parseArgs } from 'node:util';
import { UsageError, getErrorMessage } from '../../core/errors.ts';
import { findAllowEntryProblem } from '../../core/config/network-policy.ts';
import { parseKubernetesVersion } from '../../core/config/parse-config.ts';
import { FailLevels, type FailLevel } from '../../core/rules/findings.ts';
import { hideUserInfo } from '../../core/text/redact.ts';
import type { RunOptions, RunSource } from '../run-options.ts';
import { Commands, Formats, OPTIONS, type Command, type Format, type OptionName } from './cli-options.ts';

/** An environment as `process.env` has it. */
type Environment = Readonly<Record<string, string | undefined>>;

/** Print help: the overview, or one command's. */
export interface HelpRequest {
  readonly action: 'help';
  /** The command whose help to print; undefined for the overview. */
  readonly topic?: Command;
}

/** `--version`: the version string alone. */
export interface VersionStringRequest {
  readonly action: 'version-string';
}

/** `prune-guard version`: the version, Node's, and the tools a run would use. */
export interface VersionRequest {
  readonly action: 'version';
  /** `text` or `json`. */
  readonly format: 'text' | 'json';
  /** `--kustomize-bin`, when given. */
  readonly kustomizeBin?: string;
  /** `--helm-bin`, when given. */
  readonly helmBin?: string;
}

/** A check (`check`, `diff`) or fixes (`fix`, `fix diff`). */
export interface RunRequest {
  readonly action: 'check' | 'fix';
  /** The command as typed, for messages. */
  readonly command: Command;
  /** Options for the run. */
  readonly options: RunOptions;
  /** Output format (the check; fix prints a patch). */
  readonly format: Format;
  /** Apply the fixes (fix only). */
  readonly write: boolean;
  /** Print error details and what was passed over. */
  readonly verbose: boolean;
  /** No progress; text shows the findings and the verdict only. */
  readonly quiet: boolean;
  /** `--no-color`. */
  readonly noColor: boolean;
  /** Show each changed object's diff (text and markdown); false with `--no-diff`. */
  readonly diff: boolean;
}

/** What the command line asks for. */
export type CliRequest = HelpRequest | VersionStringRequest | VersionRequest | RunRequest;

/** Parses argv (without node and script) into a request; throws UsageError on bad input. */
export function parseCommandLine(argv: readonly string[], cwd: string, env: Environment): CliRequest {
  const { values, positionals, given } = readArguments(argv);
  const { command, operands } = findCommand(positionals);
  if (values.help) return { action: 'help', ...(command === 'check' && positionals.length === 0 ? {} : { topic: command }) };
  if (values.version) return { action: 'version-string' };
  if (command === 'help') return { action: 'help', ...(operands.length > 0 ? { topic: findHelpTopic(operands) } : {}) };
  checkApplies(command, given);
  if (command === 'version') {
    if (operands.length > 0) throw new UsageError(`version takes no arguments, got '${operands[0]}' (see prune-guard help version)`);
    return {
      action: 'version',
      format: checkChoice('--format', values.format ?? 'text', ['text', 'json']),
      ...(values['kustomize-bin'] !== undefined ? { kustomizeBin: values['kustomize-bin'] } : {}),
      ...(values['helm-bin'] !== undefined ? { helmBin: values['helm-bin'] } : {}),
    };
  }
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose ask for opposite things: pass one of them');
  const format = checkChoice('--format', values.format ?? Formats.text, Object.values(Formats));
  const failOn = values['fail-on'] === undefined ? undefined : (checkChoice('--fail-on', values['fail-on'], Object.values(FailLevels)) as FailLevel);
  const render = values.render === undefined ? undefined : checkChoice('--render', values.render, ['changed', 'all']);
  return {
    action: command === 'fix' || command === 'fix diff' ? 'fix' : 'check',
    command,
    format,
    write: values.write === true,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    noColor: values['no-color'] === true,
    diff: values['no-diff'] !== true,
    options: {
      source: readSource(command, operands, values),
      cwd,
      ...(failOn ? { failOn } : {}),
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      env,
      ...(values['kustomize-bin'] !== undefined ? { kustomizeBin: values['kustomize-bin'] } : {}),
      ...(values['helm-bin'] !== undefined ? { helmBin: values['helm-bin'] } : {}),
      ...(values['kubernetes-version'] !== undefined ? { kubernetesVersion: checkKubernetesVersion(values['kubernetes-version']) } : {}),
      mirrors: values.mirror ?? [],
      ...(values['cache-dir'] !== undefined ? { cacheDir: values['cache-dir'] } : {}),
      ...(values['allow-remote'] ? { allowRemote: values['allow-remote'].map(checkAllowRemote) } : {}),
      ...(values.offline ? { offline: true } : {}),
      ...(values['github-api-url'] !== undefined ? { githubApiUrl: values['github-api-url'] } : {}),
      ...(values['no-fix'] ? { fixes: false } : {}),
      ...(render ? { render } : {}),
    },
  };
}

/** The parsed options, as parseArgs types them from the table. */
type Values = ReturnType<typeof parseTable>['values'];

function parseTable(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
}

/** Runs parseArgs over the table; returns the values, the positionals and the options given. */
function readArguments(argv: readonly string[]): { values: Values; positionals: string[]; given: OptionName[] } {
  try {
    const { values, positionals, tokens } = parseTable(argv);
    const given = [...new Set(tokens.flatMap((token) => (token.kind === 'option' ? [token.name as OptionName] : [])))];
    return { values, positionals, given };
  } catch (error) {
    // parseArgs explains well but over several lines and in its own terms; keep one line.
    const first = (getErrorMessage(error).split('\n')[0] ?? '').split('. ')[0]?.replace(/\.$/, '') ?? '';
    // "argument is ambiguous": the option's value is missing, and the next word is an option.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous$/.exec(first);
    throw new UsageError(ambiguous ? `option ${ambiguous[1]} needs a value (one that starts with a dash is written ${ambiguous[1]}=VALUE; see --help)` : `${first} (see --help)`);
  }
}

/** The command the first words name, and the words after it; `check` when none does. */
function findCommand(positionals: readonly string[]): { command: Command; operands: string[] } {
  const [first, second] = positionals;
  if (first === 'fix' && second === 'diff') return { command: 'fix diff', operands: positionals.slice(2) };
  // `check` is the default and may be named: `prune-guard check --base main` reads as it says.
  if (first === 'check' || first === 'diff' || first === 'fix' || first === 'version' || first === 'help') return { command: first, operands: positionals.slice(1) };
  return { command: 'check', operands: [...positionals] };
}

/** The command `help WORDS...` asks about. */
function findHelpTopic(words: readonly string[]): Command {
  const topic = words.join(' ');
  const command = Commands.find((name) => name === topic);
  if (!command) throw new UsageError(`no command '${topic}': the commands are ${Commands.join(', ')}`);
  return command;
}

/**
 * Rejects options given to a command they do not apply to: first with the messages that say
 * what to do instead, then with the table's word.
 */
function checkApplies(command: Command, given: readonly OptionName[]): void {
  const has = (name: OptionName): boolean => given.includes(name);
  const fix = command === 'fix' || command === 'fix diff';
  if (has('write') && !fix) throw new UsageError('--write applies to fix: prune-guard fix --write');
  if (fix && has('format')) throw new UsageError('fix prints a patch; --format applies to the check, not to fix');
  if (fix && has('no-fix')) throw new UsageError('--no-fix turns fix planning off, which fix needs');
  if ((command === 'diff' || command === 'fix diff') && (has('base') || has('head'))) throw new UsageError(`--base and --head apply to git mode, not to ${command}`);
  if (command === 'fix' && has('head')) throw new UsageError('fix works on the working tree; --head does not apply');
  for (const name of given) {
    const applies: readonly Command[] = OPTIONS[name].commands;
    if (!applies.includes(command)) throw new UsageError(`--${name} does not apply to ${command} (prune-guard help ${command} lists its options)`);
  }
}

function readSource(command: Command, operands: readonly string[], values: Values): RunSource {
  if (command === 'diff' || command === 'fix diff') {
    if (operands.length !== 2) throw new UsageError(`${command} takes exactly two directories: prune-guard ${command} BEFORE_DIR AFTER_DIR`);
    return { kind: 'dirs', before: operands[0] as string, after: operands[1] as string };
  }
  return {
    kind: 'git',
    paths: [...operands],
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.head !== undefined ? { head: values.head } : {}),
  };
}

function checkKubernetesVersion(value: string): string {
  const version = parseKubernetesVersion(value);
  if (!version) throw new UsageError(`--kubernetes-version is set to invalid value '${value}': a Kubernetes version such as 1.31 or 1.31.4`);
  return version;
}

function checkAllowRemote(value: string): string {
  const problem = findAllowEntryProblem(value);
  if (problem) throw new UsageError(`--allow-remote is set to invalid value '${hideUserInfo(value)}': ${problem}`);
  return value;
}

function checkChoice<T extends string>(name: string, value: string, valid: readonly T[]): T {
  if (valid.includes(value as T)) return value as T;
  throw new UsageError(`${name} is set to invalid value '${value}'. Valid values: ${valid.join(', ')}`);
}
