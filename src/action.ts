/**
 * The GitHub Action adapter: inputs and event -> run -> job summary, annotations, sticky
 * comment, review suggestions, outputs, and the gate.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { UsageError, getErrorMessage } from './core/errors.ts';
import { isAtOrAbove, type Finding, type Fix, type Severity } from './core/rules/findings.ts';
import { createLineMap, mapFixLines, type LineMap, type MappedFixes } from './core/fix/line-map.ts';
import { formatObjectRef } from './core/objects/kube-objects.ts';
import type { Report } from './core/report/report-model.ts';
import { createOctokit, createPullRequestGateway, type PullRequestGateway } from './github/gateway.ts';
import { deriveCommentKey, formatCommentMarker, upsertStickyComment, type CommentScope } from './github/sticky-comment.ts';
import { postSuggestions } from './github/suggestions.ts';
import { readActionOptions, type ActionOptions } from './github/action-inputs.ts';
import { fetchCommitIfMissing, findMergeBase, openRepository, readFileAtCommit, readParents, resolveCommit } from './render/git.ts';
import { formatJson } from './report/json.ts';
import { formatMarkdownWithin } from './report/markdown.ts';
import { escapeControlCharacters, formatLogLine } from './core/text/plain-text.ts';
import { exitWhenFlushed } from './render/cleanup.ts';
import { describeRunError } from './app/describe-error.ts';
import { runWithTree } from './app/run.ts';
import { createPhaseLogger } from './app/render-progress.ts';
import { openActionsCache, type ActionsCacheSession } from './app/run-cache.ts';
import { createCacheService } from './github/actions-cache.ts';

/** Output names, as in action.yml. */
const Outputs = {
  blocking: 'blocking',
  acknowledged: 'acknowledged',
  findings: 'findings',
  pruned: 'pruned',
  reportJson: 'report-json',
  summaryMarkdown: 'summary-markdown',
} as const;

/** GitHub rejects comment and review bodies longer than this. */
const COMMENT_LIMIT = 65_536;
/** The job summary of one step may hold at most 1 MiB (bytes). */
const SUMMARY_LIMIT = 1024 * 1024;
/** GitHub shows at most 10 annotations of each level per step. */
const ANNOTATIONS_PER_LEVEL = 10;

/** The pull request of a `pull_request` event. */
interface PullRequestEvent {
  readonly number: number;
  readonly baseSha: string;
  readonly baseRef: string;
  readonly headSha: string;
  readonly owner: string;
  readonly repo: string;
  readonly labels: readonly string[];
}

function readPullRequestEvent(): PullRequestEvent | undefined {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  const payload = JSON.parse(readFileSync(path, 'utf8')) as {
    pull_request?: { number: number; base: { sha: string; ref: string }; head: { sha: string }; labels?: Array<{ name: string }> };
    repository?: { name: string; owner: { login: string } };
  };
  const pr = payload.pull_request;
  if (!pr) return undefined;
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  return {
    number: pr.number,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    headSha: pr.head.sha,
    owner: payload.repository?.owner.login ?? owner ?? '',
    repo: payload.repository?.name ?? repo ?? '',
    labels: (pr.labels ?? []).map((label) => label.name),
  };
}

/** The before side, and what the workspace holds. */
interface BeforeSide {
  /** The commit to compare with. */
  readonly base: string;
  /** True when `base` is the commit itself, not a ref whose merge base is wanted. */
  readonly exact: boolean;
  /** How reports name it. */
  readonly label: string;
  /** The pull request head, when the workspace is the merge commit of it and the base. */
  readonly mergeOf?: string;
  /** The commit whose configuration is the policy, when not `base` itself (the base branch's tip). */
  readonly policy?: string;
}

const FETCH_ADVICE = 'set fetch-depth: 0 on actions/checkout (or fetch-depth: 2 for the default merge commit)';

/**
 * The before side. For a pull request: the first parent of the merge commit actions/checkout
 * checks out, or, when the workspace is the head itself, the merge base of base and head;
 * never the base branch tip, whose newer commits would look like removals.
 */
async function resolveBefore(workspace: string, options: ActionOptions, pr: PullRequestEvent | undefined): Promise<BeforeSide> {
  const git = await openRepository(workspace);
  if (options.base) return { base: options.base, exact: false, label: `${options.base} (merge base)` };
  const head = await resolveCommit(git, 'HEAD');
  const parents = await readParents(git, head);
  if (pr) {
    if (parents.length === 2 && parents[1] === pr.headSha && parents[0]) {
      await fetchCommitIfMissing(git, parents[0], options.token, FETCH_ADVICE);
      return { base: parents[0], exact: true, label: `${pr.baseRef} (${parents[0].slice(0, 7)})`, mergeOf: pr.headSha };
    }
    await fetchCommitIfMissing(git, pr.baseSha, options.token, FETCH_ADVICE);
    const mergeBase = await findMergeBase(git, pr.baseSha, head, pr.baseRef).catch(() => {
      throw new UsageError(`no merge base of ${pr.baseRef} (${pr.baseSha.slice(0, 7)}) and the head in this shallow clone: ${FETCH_ADVICE}`);
    });
    // The policy is the base branch's as it stands, not the merge base's.
    return { base: mergeBase, exact: true, label: `${pr.baseRef} (merge base ${mergeBase.slice(0, 7)})`, policy: pr.baseSha };
  }
  const previous = parents[0];
  if (!previous) throw new UsageError('HEAD has no parent commit to compare with: set the base input');
  await fetchCommitIfMissing(git, previous, options.token, FETCH_ADVICE);
  return { base: previous, exact: true, label: `HEAD^ (${previous.slice(0, 7)})` };
}

/**
 * Renumbers fix edits from the merge commit to the pull request head, where GitHub places
 * suggestions. A shallow clone lacks the head commit: it is fetched like the base. When it
 * cannot be read, every fix stays in the comment, numbered as merged.
 */
async function mapFixesToHead(workspace: string, head: string, fixes: readonly Fix[], token: string | undefined): Promise<MappedFixes> {
  const git = await openRepository(workspace);
  try {
    await fetchCommitIfMissing(git, head, token, FETCH_ADVICE);
  } catch (error) {
    core.warning(formatLogLine(`prune-guard could not read the pull request head, so its fixes are not suggested on lines: ${getErrorMessage(error)}`));
    return { fixes, unmapped: [...fixes] };
  }
  const maps = new Map<string, LineMap>();
  for (const path of new Set(fixes.flatMap((fix) => fix.edits.map((edit) => edit.path)))) {
    const merged = readFileSync(join(git.root, path), 'utf8');
    const atHead = await readFileAtCommit(git, head, path);
    maps.set(path, atHead === undefined ? () => undefined : createLineMap(merged, atHead));
  }
  return mapFixLines(fixes, maps);
}

/** Annotates the kustomization line behind each finding: the worst first, at most 10 per level. */
function annotateFindings(findings: readonly Finding[]): void {
  const emit: Record<Severity, (message: string, properties: core.AnnotationProperties) => void> = {
    error: core.error,
    warning: core.warning,
    notice: core.notice,
  };
  // Messages quote the repository; a workflow command escapes only %, CR and LF in them.
  for (const severity of ['error', 'warning', 'notice'] as const) {
    const ofLevel = findings.filter((finding) => finding.severity === severity);
    for (const finding of ofLevel.slice(0, ANNOTATIONS_PER_LEVEL)) {
      const where = finding.provenance?.kustomization
        ? { file: escapeControlCharacters(finding.provenance.kustomization), ...(finding.provenance.line ? { startLine: finding.provenance.line } : {}) }
        : {};
      emit[severity](formatLogLine(finding.message), { title: formatLogLine(`prune-guard ${finding.rule}: ${formatObjectRef(finding.object)}`), ...where });
    }
    if (ofLevel.length > ANNOTATIONS_PER_LEVEL) {
      core.notice(`...and ${ofLevel.length - ANNOTATIONS_PER_LEVEL} more ${severity} findings; see the job summary`, { title: 'prune-guard' });
    }
  }
}

/** Turns a failed GitHub call into a warning that says what to do. */
function warnAboutGitHub(what: string, error: unknown): void {
  const status = (error as { status?: number }).status;
  if (status === 403 || status === 404) {
    core.warning(
      `prune-guard could not ${what} (HTTP ${status}): the workflow needs permissions: pull-requests: write, and a pull request from a fork gets a read-only token (see the README on forks). The gate still decides.`,
    );
  } else {
    core.warning(formatLogLine(`prune-guard could not ${what}: ${getErrorMessage(error)}`));
  }
}

async function readLabels(gateway: PullRequestGateway, pr: PullRequestEvent): Promise<readonly string[]> {
  try {
    return await gateway.listLabels();
  } catch {
    // The event's labels are what the run was triggered with; good enough when the API says no.
    return pr.labels;
  }
}

/** Runs the Action. */
async function runAction(): Promise<void> {
  const outputs: Record<string, string> = {
    [Outputs.blocking]: 'false',
    [Outputs.acknowledged]: 'false',
    [Outputs.findings]: '0',
    [Outputs.pruned]: '0',
    [Outputs.reportJson]: '',
    [Outputs.summaryMarkdown]: '',
  };
  let summaryMarkdown: string | undefined;
  let cache: ActionsCacheSession | undefined;
  try {
    const options = readActionOptions();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const pr = process.env.GITHUB_EVENT_NAME?.startsWith('pull_request') ? readPullRequestEvent() : undefined;
    const where = { cwd: workspace, env: process.env, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), ...(options.kustomizeBin ? { kustomizeBin: options.kustomizeBin } : {}) };
    cache = options.cache ? openActionsCache(createCacheService(), where, core) : undefined;
    if (cache) await core.group('Restore the cache', cache.restore);
    const before = await core.group('Resolve the base commit', () => resolveBefore(workspace, options, pr));
    const { report, fixNotes } = await core.group('Render and compare', () =>
      runWithTree({
        source: {
          kind: 'git',
          paths: options.paths,
          base: before.base,
          exactBase: before.exact,
          ...(before.policy ? { policyRef: before.policy } : {}),
          ...(pr ? { baseBranch: pr.baseRef } : {}),
          baseLabel: before.label,
          headLabel: pr ? `#${pr.number} (${pr.headSha.slice(0, 7)})` : 'HEAD',
        },
        cwd: workspace,
        env: process.env,
        // One log line per rendering phase, inside the group.
        onProgress: createPhaseLogger((line) => core.info(line), () => performance.now()),
        ...(options.failOn ? { failOn: options.failOn } : {}),
        // A path in the repository, read from the base side: the pull request cannot set its own policy.
        ...(options.config ? { repoConfigPath: options.config } : {}),
        ...(options.kustomizeBin ? { kustomizeBin: options.kustomizeBin } : {}),
        ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
        mirrors: options.mirrors,
        fixes: options.fixes,
        ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
        ...(options.offline ? { offline: true } : {}),
        ...(options.token ? { githubToken: options.token } : {}),
      }),
    );

    // A look-up that failed is why a finding has no fix; say so where the run's log is read.
    for (const note of fixNotes) core.warning(formatLogLine(`prune-guard: ${note}`));

    const gateway = pr && options.token ? createPullRequestGateway(createOctokit({ token: options.token, ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}) }), pr) : undefined;
    const acknowledgedBy = report.blocking && gateway && pr && (await readLabels(gateway, pr)).includes(options.ackLabel) ? options.ackLabel : undefined;

    // Suggestions go on the pull request head's lines: renumber edits planned on the merge commit.
    const { fixes, unmapped } = before.mergeOf && report.fixes.length > 0 ? await mapFixesToHead(workspace, before.mergeOf, report.fixes, options.token) : { fixes: report.fixes, unmapped: [] };
    const posted: Report = fixes === report.fixes ? report : { ...report, fixes };
    let suggestedFixes: readonly Fix[] = [];
    if (gateway && pr && options.suggestions && fixes.length > 0) {
      try {
        suggestedFixes = (await postSuggestions(gateway, fixes.filter((fix) => !unmapped.includes(fix)), pr.headSha)).suggested;
      } catch (error) {
        warnAboutGitHub('post the review with suggestions', error);
      }
    }
    const markdownOptions = { ...(acknowledgedBy ? { acknowledgedBy } : {}), suggestedFixes, mergeLineFixes: unmapped };
    // The summary is where the comment points; when it must be cut itself, the JSON report is whole.
    summaryMarkdown = formatMarkdownWithin(posted, SUMMARY_LIMIT, { ...markdownOptions, fullReport: 'the report-json output of this step' }, (text) => Buffer.byteLength(text)).markdown;
    writeReportFiles(posted, summaryMarkdown, outputs);
    annotateFindings(report.findings);

    if (gateway && pr && options.comment === 'summary') {
      const marker = formatCommentMarker(deriveCommentKey(readCommentScope(options.paths), options.commentKey));
      // Leave room for the marker line.
      const { markdown } = formatMarkdownWithin(posted, COMMENT_LIMIT - marker.length - 1, markdownOptions);
      try {
        const result = await upsertStickyComment(gateway, marker, markdown);
        core.info(`prune-guard ${result.action} comment ${result.id}`);
      } catch (error) {
        warnAboutGitHub('post the summary comment', error);
      }
    }

    outputs[Outputs.blocking] = String(report.blocking);
    outputs[Outputs.acknowledged] = String(acknowledgedBy !== undefined);
    outputs[Outputs.findings] = String(report.findings.length);
    outputs[Outputs.pruned] = String(report.summary.prune);
    if (report.blocking && !acknowledgedBy) {
      const blocking = report.findings.filter((finding) => isAtOrAbove(finding.severity, report.failOn));
      core.setFailed(
        formatLogLine(`prune-guard: ${blocking.length} blocking ${blocking.length === 1 ? 'finding' : 'findings'} at or above ${report.failOn}, first: ${blocking[0]?.message ?? ''} (label the pull request ${options.ackLabel} to acknowledge)`),
      );
    } else if (acknowledgedBy) {
      core.notice(formatLogLine(`prune-guard: blocking findings acknowledged by the label ${acknowledgedBy}`));
    }
  } catch (error) {
    core.setFailed(formatLogLine(describeRunError(error)));
  } finally {
    if (cache?.plan.save) await core.group('Save the cache', cache.save);
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    if (summaryMarkdown !== undefined) {
      try {
        await core.summary.addRaw(summaryMarkdown).write();
      } catch (error) {
        core.warning(formatLogLine(`prune-guard could not write the job summary: ${getErrorMessage(error)}`));
      }
    }
  }
}

/**
 * The sticky comment's scope from the runner's environment: the repository id (its name on a
 * server that sets none), the workflow file without its `@ref` (which differs per pull
 * request), the job, and the paths.
 */
function readCommentScope(paths: readonly string[]): CommentScope {
  const workflowRef = process.env.GITHUB_WORKFLOW_REF ?? '';
  const at = workflowRef.indexOf('@');
  return {
    repository: process.env.GITHUB_REPOSITORY_ID || process.env.GITHUB_REPOSITORY || '',
    workflow: at < 0 ? workflowRef : workflowRef.slice(0, at),
    job: process.env.GITHUB_JOB ?? '',
    paths,
  };
}

function writeReportFiles(report: Report, markdown: string, outputs: Record<string, string>): void {
  const dir = join(process.env.RUNNER_TEMP ?? tmpdir(), 'prune-guard');
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'report.json');
  const markdownPath = join(dir, 'summary.md');
  writeFileSync(jsonPath, formatJson(report));
  writeFileSync(markdownPath, markdown);
  outputs[Outputs.reportJson] = jsonPath;
  outputs[Outputs.summaryMarkdown] = markdownPath;
}

await runAction();
// The verdict is in (core.setFailed set the exit code): what a failure left running must not hold the step.
await exitWhenFlushed();
