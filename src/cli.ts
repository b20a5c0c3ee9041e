/**
 * The command-line adapter: argv -> run -> stdout and an exit code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PruneGuardError, UsageError, getErrorMessage } from './core/errors.ts';
import { applyFixes, formatFileChanges } from './core/fix/fix-apply.ts';
import { FailLevels, isAtOrAbove, type FailLevel } from './core/rules/findings.ts';
import type { Report } from './core/report/report-model.ts';
import { exitWhenFlushed, runPendingCleanups } from './render/cleanup.ts';
import { toPosix } from './render/kustomize/read-kustomization.ts';
import { hideUserInfo, redactCredentials } from './core/text/redact.ts';
import { findAllowEntryProblem } from './core/config/network-policy.ts';
import { parseKubernetesVersion } from './core/config/parse-config.ts';
import { DEFAULT_KUBERNETES_VERSION } from './app/render-helm-release.ts';
import { formatLogLine, formatLogLines, protectJson, protectLines, protectPatch } from './core/text/plain-text.ts';
import { formatFindingCounts, formatPlanLine, formatVerdict, type FixCommand } from './report/format.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdown } from './report/markdown.ts';
import { formatText } from './report/text.ts';
import { describeRunError } from './app/describe-error.ts';
import { runWithTree } from './app/run.ts';
import type { RunOptions, RunResult } from './app/run-options.ts';
import { createPhaseLogger, describeProgress, type RenderProgress } from './app/render-progress.ts';

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
  prune-guard fix [PATH...] [--base REF] [--write]  show (or apply) the fixes
  prune-guard fix diff BEFORE_DIR AFTER_DIR [--write]
                                                    the same, fixing AFTER_DIR

PATH is a kustomization directory or a tree of them (default: the repository
root). Every kustomization root under it is rendered with kustomize on both
sides and the object sets are compared by group, kind, namespace and name.

Git options
  --base REF            compare with the merge base of REF and the head side
                        (default: origin/HEAD, origin/main, main, origin/master, master)
  --head REF            the side after the change (default: the working tree,
                        uncommitted changes included)

Fixes
  For CRDs and other cluster-scoped objects a change drops, prune-guard looks
  for where they went (a file next to the remote manifest, a file of the tree
  no kustomization lists) or vendors them, and builds again to verify the fix.
  fix prints the fixes as a patch on stdout (git apply takes it); --write
  applies them to the working tree (or to AFTER_DIR).
  --write               apply the verified fixes (fix only)
  --no-fix              check only: no look-ups, no verification builds
  --mirror FROM=TO      rewrite remote URLs starting with FROM to start with TO,
                        for rendering and look-ups (repeatable; also mirrors:
                        in the config file)
  --cache-dir DIR       cache of remote manifests and of renders, by content
                        (env PRUNE_GUARD_CACHE_DIR; default: ~/.cache/prune-guard)
  --allow-remote HOST   also allow remote resources from HOST: a host,
                        *.domain, host:port or http(s) URL prefix (repeatable;
                        besides remote.allow in the config file, or the
                        default list of public code hosts)
  --offline             download no remote resource: only the cache and
                        mirrors answer, and nothing asks GitHub
  --github-api-url URL  GitHub API for directory look-ups (env GITHUB_API_URL;
                        token from GITHUB_TOKEN or GH_TOKEN)

Output and verdict
  -f, --format FORMAT   text (default), json or markdown
  --fail-on LEVEL       error (default), warning, notice or never; overrides
                        failOn in the config file
  --config FILE         configuration (default: .prune-guard.yaml at the
                        repository root, or in AFTER_DIR for diff)
  --kustomize-bin PATH  kustomize or kubectl binary (env PRUNE_GUARD_KUSTOMIZE;
                        default: kustomize, else kubectl kustomize, from PATH)
  --helm-bin PATH       helm binary for HelmReleases (env PRUNE_GUARD_HELM;
                        default: helm from PATH; without one they are judged
                        as single objects)
  --kubernetes-version V
                        the Kubernetes version the clusters run, as charts
                        are rendered for it (config kubernetesVersion;
                        default ${DEFAULT_KUBERNETES_VERSION})
  --render WHICH        changed (default): render the units whose inputs differ
                        between the sides, and the others only when a finding
                        needs them; all: render every unit
  -q, --quiet           no progress on stderr
  --verbose             also print how many builds ran and what was passed over;
                        on an error, the tool's full output
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
  prune-guard fix --write                   apply the verified fixes
  prune-guard fix diff examples/operator-crds/before examples/operator-crds/after
`;

/** What the command line asks for. */
interface CliRequest {
  /** Check, show or apply fixes, or print help or version. */
  readonly action: 'run' | 'fix' | 'help' | 'version';
  /** Apply the fixes (action `fix` only). */
  readonly write: boolean;
  /** Options for {@link run} (action `run` only). */
  readonly options?: RunOptions;
  /** Output format. */
  readonly format: Format;
  /** Print error details. */
  readonly verbose: boolean;
  /** Print no progress. */
  readonly quiet?: boolean;
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
        'helm-bin': { type: 'string' },
        'kubernetes-version': { type: 'string' },
        mirror: { type: 'string', multiple: true },
        'cache-dir': { type: 'string' },
        'allow-remote': { type: 'string', multiple: true },
        offline: { type: 'boolean', default: false },
        'github-api-url': { type: 'string' },
        write: { type: 'boolean', default: false },
        'no-fix': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        render: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // parseArgs explains well but over several lines and in its own terms; keep one line.
    const first = (getErrorMessage(error).split('\n')[0] ?? '').split('. ')[0]?.replace(/\.$/, '') ?? '';
    // "argument is ambiguous": the option's value is missing, and the next word is an option.
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous$/.exec(first);
    throw new UsageError(ambiguous ? `option ${ambiguous[1]} needs a value (one that starts with a dash is written ${ambiguous[1]}=VALUE; see --help)` : `${first} (see --help)`);
  }
  const { values, positionals } = parsed;
  const format = checkChoice('--format', values.format, Object.values(Formats));
  const verbose = values.verbose;
  const write = values.write;
  if (values.help) return { action: 'help', format, verbose, write };
  if (values.version) return { action: 'version', format, verbose, write };
  const failOn = values['fail-on'] === undefined ? undefined : (checkChoice('--fail-on', values['fail-on'], Object.values(FailLevels)) as FailLevel);
  const render = values.render === undefined ? undefined : (checkChoice('--render', values.render, ['changed', 'all']) as 'changed' | 'all');

  const fix = positionals[0] === 'fix';
  if (write && !fix) throw new UsageError('--write applies to fix: prune-guard fix --write');
  if (fix && format !== 'text') throw new UsageError('fix prints a patch; --format applies to the check, not to fix');
  if (fix && values['no-fix']) throw new UsageError('--no-fix turns fix planning off, which fix needs');
  let source: RunOptions['source'];
  // `fix` takes the same sources as the check, so `fix diff BEFORE AFTER` fixes AFTER_DIR.
  const sourceArgs = fix ? positionals.slice(1) : positionals;
  if (sourceArgs[0] === 'diff') {
    const command = fix ? 'fix diff' : 'diff';
    if (sourceArgs.length !== 3) throw new UsageError(`${command} takes exactly two directories: prune-guard ${command} BEFORE_DIR AFTER_DIR`);
    if (values.base !== undefined || values.head !== undefined) throw new UsageError(`--base and --head apply to git mode, not to ${command}`);
    source = { kind: 'dirs', before: sourceArgs[1] as string, after: sourceArgs[2] as string };
  } else if (fix) {
    if (values.head !== undefined) throw new UsageError('fix works on the working tree; --head does not apply');
    source = { kind: 'git', paths: sourceArgs, ...(values.base !== undefined ? { base: values.base } : {}) };
  } else {
    source = {
      kind: 'git',
      paths: positionals,
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
    };
  }
  return {
    action: fix ? 'fix' : 'run',
    format,
    verbose,
    write,
    quiet: values.quiet,
    options: {
      source,
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

function checkChoice<T extends string>(name: string, value: string | undefined, valid: readonly T[]): T {
  if (valid.includes(value as T)) return value as T;
  throw new UsageError(`${name} is set to invalid value '${value}'. Valid values: ${valid.join(', ')}`);
}

/**
 * Renders a report in the requested format, safe to print where a CI runner reads stdout:
 * no line reads as a workflow command (text does this itself).
 */
function formatReport(report: Report, format: Format, color: boolean, options: RunOptions): string {
  if (format === 'json') return protectJson(formatJson(report));
  const fixCommand = describeFixCommand(options);
  if (format === 'markdown') return protectLines(formatMarkdown(report, { fixCommand }));
  return formatText(report, { color, fixCommand });
}

/**
 * The `fix` command for the same sides and verdict as this check, for the report to point
 * at: the options that change what is found (not --mirror, whose value may hold a token).
 * `fix` edits the working tree, so a check of `--head REF` points at a checkout of REF.
 */
function describeFixCommand(options: RunOptions): FixCommand {
  const { source } = options;
  const sides = source.kind === 'dirs' ? ['diff', source.before, source.after] : [...source.paths, ...(source.base !== undefined ? ['--base', source.base] : [])];
  const verdict = [
    ...(options.failOn ? ['--fail-on', options.failOn] : []),
    ...(options.configPath ? ['--config', options.configPath] : []),
    ...(options.kustomizeBin ? ['--kustomize-bin', options.kustomizeBin] : []),
    ...(options.helmBin ? ['--helm-bin', options.helmBin] : []),
    ...(options.kubernetesVersion ? ['--kubernetes-version', options.kubernetesVersion] : []),
    ...(options.allowRemote ?? []).flatMap((entry) => ['--allow-remote', entry]),
    ...(options.offline ? ['--offline'] : []),
  ];
  const command = ['prune-guard', 'fix', ...[...sides, ...verdict].map(quoteArgument)].join(' ');
  return source.kind === 'git' && source.head !== undefined ? { command, checkout: source.head } : { command };
}

function quoteArgument(value: string): string {
  return /^[\w./:@=+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Decides colour: never with NO_COLOR, always with FORCE_COLOR=1, otherwise only on a TTY. */
function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '1' || env.FORCE_COLOR === 'true') return true;
  return isTTY;
}

/**
 * `fix`: the patch on stdout (or, with --write, the files written), messages on stderr. The
 * exit code says whether the gate fails: after --write, as a fresh check of the fixed tree says.
 */
async function runFixCommand({ report, headRoot, fixNotes }: RunResult, write: boolean, recheck: () => Promise<Report>): Promise<number> {
  // Notes, descriptions and paths quote the repository: one escaped line each.
  for (const note of fixNotes) process.stderr.write(`${formatLogLine(`prune-guard: ${note}`)}\n`);
  const { fixes } = report;
  if (fixes.length === 0) {
    // Fixes are planned for what fails the gate, and at least for warnings (src/app/run.ts).
    const level = report.failOn === 'never' || report.failOn === 'notice' ? 'warning' : report.failOn;
    const fixable = report.findings.filter((finding) => isAtOrAbove(finding.severity, level)).length;
    const warnings = report.findings.filter((finding) => finding.severity === 'warning').length;
    const below = level === 'error' && warnings > 0 ? `; with --fail-on warning it also looks at the ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '';
    process.stderr.write(
      fixable > 0
        ? `prune-guard: no fix found for the ${fixable} ${fixable === 1 ? 'finding' : 'findings'} at or above ${level}; run prune-guard for the report\n`
        : `prune-guard: nothing to fix: no finding at or above ${level}${below}\n`,
    );
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  }
  const read = (path: string): string | undefined => {
    const absolute = join(headRoot, path);
    return existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
  };
  // An unverified fix (Flux mode) is shown in the patch, but only a person applies it.
  const { changes, applied, skipped } = applyFixes(write ? fixes.filter((fix) => fix.verified) : fixes, read);
  for (const fix of skipped) process.stderr.write(`${formatLogLine(`prune-guard: skipped a fix that collides with another (apply it after this one): ${fix.description}`)}\n`);
  for (const fix of applied) process.stderr.write(`${formatLogLine(`prune-guard: ${fix.verified ? 'verified' : 'unverified'} fix: ${fix.description}`)}\n`);
  if (!write) {
    const patch = protectPatch(formatFileChanges(changes));
    process.stdout.write(patch.text);
    if (patch.altered > 0) {
      process.stderr.write(
        `prune-guard: ${patch.altered} ${patch.altered === 1 ? 'line' : 'lines'} of the patch held control characters or read as a CI log command, and ${patch.altered === 1 ? 'is' : 'are'} printed escaped: git apply rejects ${patch.altered === 1 ? 'it' : 'them'}; --write applies the fixes as planned\n`,
      );
    }
    // The patch's paths are relative to the head side's root (the repository root, or AFTER_DIR);
    // git apply elsewhere skips them without a word.
    const root = toPosix(relative(process.cwd(), headRoot));
    process.stderr.write(`prune-guard: run the same command with --write to apply, or pipe this patch to ${root ? `git -C ${quoteArgument(root)} apply` : 'git apply'}\n`);
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  }
  const unverified = fixes.filter((fix) => !fix.verified);
  if (unverified.length > 0) {
    process.stderr.write(`prune-guard: left ${unverified.length} unverified ${unverified.length === 1 ? 'fix' : 'fixes'} alone: review the patch of prune-guard fix and apply it by hand\n`);
  }
  if (changes.length === 0) return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  for (const change of changes) {
    const absolute = join(headRoot, change.path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, change.after);
    process.stdout.write(`${formatLogLine(`${change.before === undefined ? 'created' : 'updated'} ${change.path}`)}\n`);
  }
  // The fixes were verified one by one; the gate's word on the whole tree is a fresh check.
  const after = await recheck();
  process.stderr.write(`prune-guard: after the ${changes.length === 1 ? 'change' : 'changes'}: ${formatPlanLine(after)}; ${formatFindingCounts(after)}. ${formatVerdict(after)}\n`);
  return after.blocking ? ExitCodes.blocking : ExitCodes.clean;
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
    const progress = createProgressDisplay(request.quiet ? 'none' : process.stderr.isTTY === true ? 'line' : process.env.CI || process.env.GITHUB_ACTIONS ? 'phases' : 'none');
    let result: RunResult;
    try {
      result = await runWithTree({ ...options, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
    } finally {
      progress.end();
    }
    const { report } = result;
    if (verbose) {
      // Paths quote the repository: one escaped line each.
      const { builds, cached } = report.stats;
      process.stderr.write(`prune-guard: ${builds} kustomize ${builds === 1 ? 'build' : 'builds'}${cached > 0 ? `, ${cached} ${cached === 1 ? 'render' : 'renders'} from the cache` : ''}\n`);
      for (const line of result.details) process.stderr.write(`${formatLogLine(`prune-guard: ${line}`)}\n`);
    }
    if (request.action === 'fix') return await runFixCommand(result, request.write, () => runWithTree({ ...options, fixes: false }).then(({ report: fresh }) => fresh));
    process.stdout.write(formatReport(report, request.format, useColor(process.env, process.stdout.isTTY === true), options));
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  } catch (error) {
    // Messages quote file names, refs and kustomize's stderr: escaped, never a workflow command.
    process.stderr.write(`${formatLogLine(describeRunError(error))}\n`);
    if (error instanceof PruneGuardError) {
      if (verbose && error.details) process.stderr.write(`${formatLogLines(redactCredentials(error.details.trimEnd()))}\n`);
    } else if (process.env.PRUNE_GUARD_DEBUG && error instanceof Error) {
      process.stderr.write(`${formatLogLines(error.stack ?? '')}\n`);
    }
    return ExitCodes.error;
  }
}

/**
 * Progress on stderr: one live line on a terminal, one line per phase in CI (where a live
 * line would be a log line per update), nothing otherwise or with --quiet.
 */
function createProgressDisplay(style: 'line' | 'phases' | 'none'): { readonly onProgress?: (progress: RenderProgress) => void; readonly end: () => void } {
  if (style === 'none') return { end: () => {} };
  if (style === 'phases') return { onProgress: createPhaseLogger((line) => process.stderr.write(`${formatLogLine(`prune-guard: ${line}`)}\n`), () => performance.now()), end: () => {} };
  const started = performance.now();
  let shown = false;
  let last = started;
  const onProgress = (progress: RenderProgress): void => {
    const now = performance.now();
    // A tenth of a second between updates: a fast run draws nothing it would erase at once.
    if (progress.phase !== 'done' && now - last < 100) return;
    last = now;
    shown = true;
    process.stderr.write(`\r\x1b[K${describeProgress(progress, now - started)}`);
  };
  return {
    onProgress,
    // An error line must not start in the middle of the progress line.
    end: () => {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

// Remove base worktrees on Ctrl-C, then exit as an interrupted process does.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    runPendingCleanups();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

await exitWhenFlushed(await main(process.argv.slice(2)));
