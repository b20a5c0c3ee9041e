/**
 * The command-line adapter: argv -> run -> stdout and an exit code. The commands, options
 * and help texts live in src/app/cli/; this file does the printing.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { PruneGuardError, UsageError } from './core/errors.ts';
import { applyFixes, formatFileChanges } from './core/fix/fix-apply.ts';
import { isAtOrAbove } from './core/rules/findings.ts';
import type { Report } from './core/report/report-model.ts';
import { exitWhenFlushed, runPendingCleanups } from './render/cleanup.ts';
import { toPosix } from './render/kustomize/read-kustomization.ts';
import { openRepository } from './render/git.ts';
import { lookUpHelm, lookUpKustomize, type ToolLookup } from './render/tool-versions.ts';
import { redactCredentials } from './core/text/redact.ts';
import { quoteShellWord } from './core/text/shell-word.ts';
import { formatLogLine, formatLogLines, protectJson, protectLines, protectPatch } from './core/text/plain-text.ts';
import { formatFindingCounts, formatPlanLine, formatVerdict, type FixCommand } from './report/format.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdown } from './report/markdown.ts';
import { formatSarif } from './report/sarif.ts';
import { formatText } from './report/text.ts';
import { describeRunError } from './app/describe-error.ts';
import { runWithTree } from './app/run.ts';
import type { RunOptions, RunResult } from './app/run-options.ts';
import { formatCommandHelp, formatOverviewHelp } from './app/cli/cli-help.ts';
import { parseCommandLine, type RunRequest, type VersionRequest } from './app/cli/parse-command-line.ts';
import { createProgressDisplay } from './app/cli/progress-display.ts';
import { decideColor, decideProgress } from './app/cli/terminal-choices.ts';

/** Exit codes, kept in sync with the table in docs/cli.md. */
const ExitCodes = {
  /** Nothing at or above --fail-on. */
  clean: 0,
  /** Findings at or above --fail-on. */
  blocking: 1,
  /** Usage, config, git or kustomize error: nothing was judged. */
  error: 2,
} as const;

/**
 * Renders a report in the requested format, safe to print where a CI runner reads stdout:
 * no line reads as a workflow command (text does this itself).
 */
function formatReport(report: Report, request: RunRequest, color: boolean, sarif: { readonly root: string; readonly rootUnit?: string }): string {
  if (request.format === 'json') return protectJson(formatJson(report));
  if (request.format === 'sarif') return formatSarif(report, sarif);
  const fixCommand = describeFixCommand(request.options);
  if (request.format === 'markdown') return protectLines(formatMarkdown(report, { fixCommand, ...(request.diff ? {} : { omitDiffs: true }) }));
  return formatText(report, { color, fixCommand, quiet: request.quiet, diff: request.diff });
}

/**
 * Code scanning resolves SARIF paths against the checkout's root. Git mode reports paths from
 * the repository root already; `diff` reports them from AFTER_DIR, so they are rebased onto the
 * repository that holds the working directory (or onto the working directory outside git).
 */
async function findSarifRoot(options: RunOptions): Promise<string> {
  const { source } = options;
  if (source.kind !== 'dirs') return '';
  const top = await openRepository(options.cwd).then(
    (repository) => repository.root,
    () => options.cwd,
  );
  const root = toPosix(relative(toRealPath(top), toRealPath(resolve(options.cwd, source.after))));
  if (root === '..' || root.startsWith('../') || isAbsolute(root)) {
    throw new UsageError(`--format sarif names files from ${top === options.cwd ? 'the current directory' : 'the repository root'}, which must hold AFTER_DIR`);
  }
  return root;
}

/** git prints its root with symlinks resolved; the working directory may not be. */
function toRealPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
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
  const command = ['prune-guard', 'fix', ...[...sides, ...verdict].map(quoteShellWord)].join(' ');
  return source.kind === 'git' && source.head !== undefined ? { command, checkout: source.head } : { command };
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
    process.stderr.write(`prune-guard: run the same command with --write to apply, or pipe this patch to ${root ? `git -C ${quoteShellWord(root)} apply` : 'git apply'}\n`);
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
    if (request.action === 'help') {
      process.stdout.write(request.topic ? formatCommandHelp(request.topic) : formatOverviewHelp());
      return ExitCodes.clean;
    }
    if (request.action === 'version-string') {
      process.stdout.write(`${__PRUNE_GUARD_VERSION__}\n`);
      return ExitCodes.clean;
    }
    if (request.action === 'version') {
      process.stdout.write(await formatVersion(request));
      return ExitCodes.clean;
    }
    verbose = request.verbose;
    const { options } = request;
    // Before the run, not after it: a refusal should not cost the renders.
    const sarifRoot = request.format === 'sarif' ? await findSarifRoot(options) : '';
    const progress = createProgressDisplay(
      decideProgress({ quiet: request.quiet, env: process.env, isTTY: process.stderr.isTTY === true }),
      (text) => process.stderr.write(text),
      () => performance.now(),
    );
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
    const color = decideColor({ noColor: request.noColor, env: process.env, isTTY: process.stdout.isTTY === true });
    process.stdout.write(formatReport(report, request, color, { root: sarifRoot, ...(result.rootUnit !== undefined ? { rootUnit: result.rootUnit } : {}) }));
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
 * `prune-guard version`: this version, Node's, and the kustomize and helm a run with the same
 * options would use; as JSON, `{ version, node, kustomize, helm }`, a tool not found as null.
 * Paths and versions come from the machine and the binaries: escaped as any other line.
 */
async function formatVersion(request: VersionRequest): Promise<string> {
  const tools = {
    ...(request.kustomizeBin !== undefined ? { kustomizeBin: request.kustomizeBin } : {}),
    ...(request.helmBin !== undefined ? { helmBin: request.helmBin } : {}),
    env: process.env,
  };
  const [kustomize, helm] = await Promise.all([lookUpKustomize(tools), lookUpHelm(tools)]);
  if (request.format === 'json') {
    const found = (lookup: ToolLookup): unknown => ('found' in lookup ? lookup.found : null);
    return `${protectJson(JSON.stringify({ version: __PRUNE_GUARD_VERSION__, node: process.version, kustomize: found(kustomize), helm: found(helm) }, null, 2))}\n`;
  }
  const describe = (name: string, lookup: ToolLookup): string =>
    'found' in lookup ? `${name} ${lookup.found.version ?? '(version unknown)'} (${lookup.found.command}: ${lookup.found.path})` : `${name}: ${lookup.missing}`;
  const lines = [`prune-guard ${__PRUNE_GUARD_VERSION__}`, `node ${process.version}`, describe('kustomize', kustomize), describe('helm', helm)];
  return `${lines.map((line) => formatLogLine(line)).join('\n')}\n`;
}

// Remove base worktrees on Ctrl-C, then exit as an interrupted process does.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    runPendingCleanups();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

await exitWhenFlushed(await main(process.argv.slice(2)));
