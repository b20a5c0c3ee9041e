/**
 * The command-line adapter: argv -> run -> stdout and an exit code.
 */
import { parseArgs } from 'node:util';
import { PruneGuardError, UsageError, getErrorMessage } from './core/errors.ts';
import { FailLevels, type FailLevel } from './core/findings.ts';
import type { Report } from './core/report.ts';
import { runPendingCleanups } from './render/cleanup.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdown } from './report/markdown.ts';
import { formatText } from './report/text.ts';
import { run, type RunOptions } from './run.ts';

/** Exit codes, kept in sync with the README table. */
const ExitCodes = {
  /** Nothing at or above --fail-on. */
  clean: 0,
  /** Findings at or above --fail-on. */
  blocking: 1,
  /** Usage, config, git or kustomize error: nothing was judged. */
  error: 2,
} as const;

/** Output formats of the CLI. */
const Formats = { text: 'text', json: 'json', markdown: 'markdown' } as const;

type Format = (typeof Formats)[keyof typeof Formats];

const HELP = `prune-guard: see what a change makes Flux prune before it merges

Usage
  prune-guard [PATH...] [--base REF] [--head REF]   compare git revisions
  prune-guard diff BEFORE_DIR AFTER_DIR             compare two directories

PATH is a kustomization directory or a tree of them (default: the repository
root). Every kustomization root under it is rendered with kustomize on both
sides and the object sets are compared by group, kind, namespace and name.

Git options
  --base REF            compare with the merge base of REF and the head side
                        (default: origin/HEAD, origin/main, main, origin/master, master)
  --head REF            the side after the change (default: the working tree,
                        uncommitted changes included)

Output and verdict
  -f, --format FORMAT   text (default), json or markdown
  --fail-on LEVEL       error (default), warning, notice or never; overrides
                        failOn in the config file
  --config FILE         configuration (default: .prune-guard.yaml at the
                        repository root, or in AFTER_DIR for diff)
  --kustomize-bin PATH  kustomize or kubectl binary (env PRUNE_GUARD_KUSTOMIZE;
                        default: kustomize, else kubectl kustomize, from PATH)
  --verbose             on an error, also print the tool's full output
  -h, --help            show this help
  -v, --version         show the version

Exit codes
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, unknown ref, missing path, kustomize failure, malformed YAML

Examples
  prune-guard                               everything in the repo, vs. origin/HEAD
  prune-guard clusters/prod --base main     one tree, vs. main
  prune-guard diff examples/operator-crds/before examples/operator-crds/after
  prune-guard --format markdown > plan.md
`;

/** What the command line asks for. */
interface CliRequest {
  /** Print help or version instead of running. */
  readonly action: 'run' | 'help' | 'version';
  /** Options for {@link run} (action `run` only). */
  readonly options?: RunOptions;
  /** Output format. */
  readonly format: Format;
  /** Print error details. */
  readonly verbose: boolean;
}

/** Parses argv (without node and script) into a request; throws UsageError on bad input. */
function parseCommandLine(
  argv: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        'kustomize-bin': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // parseArgs explains well but mentions its own internals; keep the first sentence.
    throw new UsageError(`${getErrorMessage(error).split('. ')[0]?.replace(/\.$/, '')} (see --help)`);
  }
  const { values, positionals } = parsed;
  const format = checkChoice('--format', values.format, Object.values(Formats));
  const verbose = values.verbose;
  if (values.help) return { action: 'help', format, verbose };
  if (values.version) return { action: 'version', format, verbose };
  const failOn = values['fail-on'] === undefined ? undefined : (checkChoice('--fail-on', values['fail-on'], Object.values(FailLevels)) as FailLevel);

  let source: RunOptions['source'];
  if (positionals[0] === 'diff') {
    if (positionals.length !== 3) throw new UsageError('diff takes exactly two directories: prune-guard diff BEFORE_DIR AFTER_DIR');
    if (values.base !== undefined || values.head !== undefined) throw new UsageError('--base and --head apply to git mode, not to diff');
    source = { kind: 'dirs', before: positionals[1] as string, after: positionals[2] as string };
  } else {
    source = {
      kind: 'git',
      paths: positionals,
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
    };
  }
  return {
    action: 'run',
    format,
    verbose,
    options: {
      source,
      cwd,
      ...(failOn ? { failOn } : {}),
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      env,
      ...(values['kustomize-bin'] !== undefined ? { kustomizeBin: values['kustomize-bin'] } : {}),
    },
  };
}

function checkChoice<T extends string>(name: string, value: string | undefined, valid: readonly T[]): T {
  if (valid.includes(value as T)) return value as T;
  throw new UsageError(`${name} is set to invalid value '${value}'. Valid values: ${valid.join(', ')}`);
}

/** Renders a report in the requested format. */
function formatReport(report: Report, format: Format, color: boolean): string {
  if (format === 'json') return formatJson(report);
  if (format === 'markdown') return formatMarkdown(report);
  return formatText(report, { color });
}

/** Decides colour: never with NO_COLOR, always with FORCE_COLOR=1, otherwise only on a TTY. */
function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '1' || env.FORCE_COLOR === 'true') return true;
  return isTTY;
}

/** Runs the CLI and returns the exit code. */
async function main(argv: readonly string[]): Promise<number> {
  let verbose = false;
  try {
    const request = parseCommandLine(argv, process.cwd(), process.env);
    verbose = request.verbose;
    if (request.action === 'help') {
      process.stdout.write(HELP);
      return ExitCodes.clean;
    }
    if (request.action === 'version') {
      process.stdout.write(`${__PRUNE_GUARD_VERSION__}\n`);
      return ExitCodes.clean;
    }
    const options = request.options as RunOptions;
    const showProgress = process.stderr.isTTY === true;
    let progressShown = false;
    let report: Report;
    try {
      report = await run({
        ...options,
        ...(showProgress
          ? {
              onProgress: (done: number, total: number | undefined) => {
                if (total !== undefined && total < 4) return;
                progressShown = true;
                process.stderr.write(`\rRendering kustomizations: ${done}${total === undefined ? '' : `/${total}`}`);
              },
            }
          : {}),
      });
    } finally {
      // An error line must not start in the middle of the progress line.
      if (progressShown) process.stderr.write('\r\x1b[K');
    }
    process.stdout.write(formatReport(report, request.format, useColor(process.env, process.stdout.isTTY === true)));
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  } catch (error) {
    if (error instanceof PruneGuardError) {
      process.stderr.write(`prune-guard: ${error.message}\n`);
      if (verbose && error.details) process.stderr.write(`${error.details.trimEnd()}\n`);
    } else {
      process.stderr.write(`prune-guard: unexpected error: ${getErrorMessage(error)}\n`);
      if (process.env.PRUNE_GUARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    }
    return ExitCodes.error;
  }
}

// Remove base worktrees on Ctrl-C, then exit as an interrupted process does.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    runPendingCleanups();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

process.exitCode = await main(process.argv.slice(2));
