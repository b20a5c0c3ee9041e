/**
 * Report -> GitHub-flavoured markdown. One builder serves the PR comment and the job summary.
 */
import type { Fix, Severity } from '../core/rules/findings.ts';
import { formatObjectRef } from '../core/objects/kube-objects.ts';
import type { ChangeEntry, ObjectEntry, Report } from '../core/report/report-model.ts';
import {
  formatFindingCounts,
  formatPlanCounts,
  formatPlanLine,
  formatProvenance,
  formatUnitFindings,
  formatUnitVerdict,
  formatVerdict,
  orderUnitsAsTree,
  type FixCommand,
} from './format.ts';
import { formatCellCode, formatCellProse, formatCode as code, formatFence, formatHtmlCode, formatProse } from './markdown-escape.ts';

/** How much of the report a markdown rendering holds, from most to least. */
export const MarkdownDetail = {
  full: 'full',
  noDiffs: 'no-diffs',
  findingsOnly: 'findings-only',
} as const;

/** One of {@link MarkdownDetail}. */
export type MarkdownDetailLevel = (typeof MarkdownDetail)[keyof typeof MarkdownDetail];

/** How to build markdown. */
export interface MarkdownOptions {
  /** Leave out per-object diffs (to fit size limits); the findings and plan stay. */
  readonly omitDiffs?: boolean;
  /** Leave out everything but the verdict and the findings, and point to the job summary. */
  readonly findingsOnly?: boolean;
  /** Show at most this many findings (the most serious), and say how many more the job summary has. */
  readonly maxFindings?: number;
  /** The label that acknowledged the blocking findings, when one did. */
  readonly acknowledgedBy?: string;
  /** Fixes already posted as review suggestions: named in one line instead of shown in full. */
  readonly suggestedFixes?: readonly Fix[];
  /** The command that shows the fixes locally; default `prune-guard fix` (on a checkout of the change). */
  readonly fixCommand?: FixCommand;
  /** Where the whole report is when this one is cut down; default the job summary of this run. */
  readonly fullReport?: string;
  /** Fixes whose line numbers are the merge commit's: the base branch changed their lines since. */
  readonly mergeLineFixes?: readonly Fix[];
}

/**
 * Renders the most detailed markdown that fits in `limit` (characters, or what `measure`
 * counts: the job summary's limit is in bytes): full, then without per-object diffs, then
 * findings only. A report too large even then is cut, with a note.
 */
export function formatMarkdownWithin(
  report: Report,
  limit: number,
  options: MarkdownOptions = {},
  measure: (text: string) => number = (text) => text.length,
): { markdown: string; detail: MarkdownDetailLevel } {
  const tiers: Array<[MarkdownDetailLevel, MarkdownOptions]> = [
    [MarkdownDetail.full, options],
    [MarkdownDetail.noDiffs, { ...options, omitDiffs: true }],
    [MarkdownDetail.findingsOnly, { ...options, omitDiffs: true, findingsOnly: true }],
  ];
  for (const [detail, tierOptions] of tiers) {
    const markdown = formatMarkdown(report, tierOptions);
    if (measure(markdown) <= limit) return { markdown, detail };
  }
  // Fewer findings rows, so the verdict and the fixes (the suggestion to commit) stay whole.
  const findingsOnly: MarkdownOptions = { ...options, omitDiffs: true, findingsOnly: true };
  const fits = (count: number): boolean => measure(formatMarkdown(report, { ...findingsOnly, maxFindings: count })) <= limit;
  if (fits(0)) {
    let low = 0;
    let high = report.findings.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle - 1;
    }
    return { markdown: formatMarkdown(report, { ...findingsOnly, maxFindings: low }), detail: MarkdownDetail.findingsOnly };
  }
  const note = `\n\n_The report is too long to show here; the full report is in ${options.fullReport ?? DEFAULT_FULL_REPORT}._\n`;
  const markdown = formatMarkdown(report, findingsOnly);
  const cut = (keep: number): string => `${cutAtLine(markdown, keep)}${note}`;
  // Cut until the measure fits (bytes may exceed characters).
  let keep = Math.max(0, limit - measure(note));
  while (keep > 0 && measure(cut(keep)) > limit) keep = Math.floor(keep * 0.9);
  return { markdown: cut(keep), detail: MarkdownDetail.findingsOnly };
}

/**
 * The whole lines of `markdown` within `keep` characters, with a fence left open closed: a
 * line cut in the middle could leave half a code span, and its other half live markdown.
 */
function cutAtLine(markdown: string, keep: number): string {
  const lines = markdown.slice(0, keep).split('\n').slice(0, -1);
  let open: string | undefined;
  for (const line of lines) {
    const ticks = /^\s*(`{3,})/.exec(line)?.[1];
    if (!ticks) continue;
    if (open === undefined) open = ticks;
    else if (ticks.length >= open.length && line.trim() === ticks) open = undefined;
  }
  return `${lines.join('\n')}${open === undefined ? '' : `\n${open}`}`;
}

const DEFAULT_FULL_REPORT = 'the job summary of this run';

const SEVERITY_BADGE: Record<Severity, string> = {
  error: ':stop_sign: error',
  warning: ':warning: warning',
  notice: ':information_source: notice',
};

/** Renders a report as markdown: plan header, findings table, then collapsed per-unit changes. */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`### ${formatTitle(report, options.acknowledgedBy)}`, '');
  out.push(`**${formatPlanLine(report)}**`, '');
  out.push(`Comparing ${code(report.before.label)} to ${code(report.after.label)}.`, '');
  for (const note of report.notes) out.push(`_Note: ${formatCellProse(note)}_`, '');

  const showUnits = report.units.length > 1;
  const shown = report.findings.slice(0, options.maxFindings ?? report.findings.length);
  if (shown.length > 0) {
    out.push('| Severity | Rule | Object | What happens | Source |', '| --- | --- | --- | --- | --- |');
    for (const finding of shown) {
      const source = [showUnits ? formatCellCode(finding.unit || '.') : '', formatProvenance(finding.provenance, formatCellCode) ?? '']
        .filter(Boolean)
        .join(': ');
      out.push(
        `| ${SEVERITY_BADGE[finding.severity]} | ${formatCellCode(finding.rule)} | ${formatCellCode(formatObjectRef(finding.object))} | ${formatCellProse(finding.message)} | ${source} |`,
      );
    }
    out.push('');
  }
  const hidden = report.findings.length - shown.length;
  if (hidden > 0) out.push(`_${shown.length > 0 ? `...and ${hidden} more` : `${hidden}`} ${hidden === 1 ? 'finding' : 'findings'}: ${options.fullReport ?? DEFAULT_FULL_REPORT} lists them all._`, '');
  out.push(`${formatFindingCounts(report)}. ${formatVerdict(report)}`, '');
  if (options.acknowledgedBy && report.blocking) {
    out.push(`Acknowledged by the label ${code(options.acknowledgedBy)}: the check passes, and everything above still happens on merge.`, '');
  }
  out.push(...formatFixes(report.fixes, options.suggestedFixes ?? [], options.mergeLineFixes ?? [], options.fixCommand ?? { command: 'prune-guard fix' }));
  if (options.findingsOnly) {
    out.push(`_Per-Kustomization details and object diffs are in ${options.fullReport ?? DEFAULT_FULL_REPORT}._`);
    return `${out.join('\n').trimEnd()}\n`;
  }

  if (report.units.some((unit) => unit.flux)) {
    out.push('| Flux Kustomization | Path | What Flux does | Plan | Findings |', '| --- | --- | --- | --- | --- |');
    for (const { unit, depth } of orderUnitsAsTree(report.units)) {
      // Non-breaking spaces keep the tree's indentation in a table cell.
      const indent = depth > 0 ? `${'\u00a0\u00a0'.repeat(depth)}└\u00a0` : '';
      out.push(
        `| ${indent}${formatCellCode(unit.name || '.')} | ${unit.flux ? formatCellCode(`./${unit.flux.path}`) : ''} | ${formatCellProse(formatUnitVerdict(unit))} | ${formatPlanCounts(unit.counts)} | ${formatUnitFindings(report, unit.name)} |`,
      );
    }
    out.push('');
  }

  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    out.push('<details>', `<summary>${formatHtmlCode(unit.name || '.')}: ${formatPlanCounts(unit.counts)}</summary>`, '');
    const inUnit = (entries: readonly ObjectEntry[]): ObjectEntry[] => entries.filter((entry) => entry.unit === unit.name);
    for (const entry of inUnit(report.changes.removed)) out.push(`- :heavy_minus_sign: ${code(formatObjectRef(entry.object))}`);
    for (const entry of inUnit(report.changes.added)) out.push(`- :heavy_plus_sign: ${code(formatObjectRef(entry.object))}`);
    for (const entry of report.changes.replaced.filter((replace) => replace.unit === unit.name)) {
      out.push(`- :recycle: ${code(formatObjectRef(entry.from))} -> ${code(entry.to.name)} (generated name)`);
    }
    const changes = report.changes.changed.filter((entry) => entry.unit === unit.name);
    for (const entry of changes) {
      if (options.omitDiffs) out.push(`- :pencil2: ${code(formatObjectRef(entry.object))}`);
    }
    out.push('');
    if (!options.omitDiffs) for (const entry of changes) out.push(...formatChange(entry));
    out.push('</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Vendored files longer than this are named, not shown: `prune-guard fix --write` writes them. */
const VENDORED_PREVIEW_LIMIT = 4096;

function formatFixes(fixes: readonly Fix[], suggested: readonly Fix[], mergeLines: readonly Fix[], { command, checkout }: FixCommand): string[] {
  if (fixes.length === 0) return [];
  const out = [`#### ${fixes.length === 1 ? 'Fix' : 'Fixes'}`, ''];
  for (const fix of fixes) {
    const status = fix.verified ? 'verified: a build with it keeps every object' : 'not verified';
    const where = fix.edits.map((edit) => code(`${edit.path}:${edit.startLine}`)).join(', ');
    out.push(`- ${formatProse(fix.description)} (${status}${suggested.includes(fix) ? `; suggested on ${where}` : ''})`);
    if (suggested.includes(fix)) continue;
    out.push('');
    for (const edit of fix.edits) {
      const lines = edit.startLine === edit.endLine ? `line ${edit.startLine} becomes` : `lines ${edit.startLine}-${edit.endLine} become`;
      const file = mergeLines.includes(fix) ? `${code(edit.path)} as merged with the base branch` : code(edit.path);
      out.push(`  In ${file}, ${lines}:`, '', indent(fence(edit.replacement, 'yaml')), '');
    }
    for (const file of fix.files) {
      if (file.content.length > VENDORED_PREVIEW_LIMIT) {
        // A newline ends a line; the one at the end of the file does not start another.
        const lineCount = file.content.replace(/\n$/, '').split('\n').length;
        // --write applies verified fixes only; the patch shows every one.
        const how = fix.verified ? `${code(`${command} --write`)} writes it` : `${code(command)} prints it`;
        out.push(`  New file ${code(file.path)}: ${lineCount} lines; ${how}.`, '');
        continue;
      }
      out.push(`  New file ${code(file.path)}:`, '', indent(fence(file.content, 'yaml')), '');
    }
  }
  // After a one-line list item, a line without a blank one before it would join that item.
  if (out.at(-1) !== '') out.push('');
  const where = checkout ? `, on a checkout of ${code(checkout)},` : '';
  out.push(
    fixes.every((fix) => fix.verified)
      ? `Apply locally${where} with ${code(`${command} --write`)}.`
      : `Apply locally${where} with ${code(`${command} --write`)} (verified fixes; review the others in the patch of ${code(command)}).`,
    '',
  );
  return out;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}

function formatChange(entry: ChangeEntry): string[] {
  const version = entry.previousApiVersion ? ` (${formatHtmlCode(entry.previousApiVersion)} -&gt; ${formatHtmlCode(entry.object.apiVersion)})` : '';
  const secret = entry.secretKeys
    ? [
        `Secret keys: ${[
          ...entry.secretKeys.added.map((key) => code(`+${key}`)),
          ...entry.secretKeys.removed.map((key) => code(`-${key}`)),
          ...entry.secretKeys.changed.map((key) => code(`~${key}`)),
        ].join(', ') || 'none changed'}`,
        '',
      ]
    : [];
  return [
    '<details>',
    `<summary>:pencil2: ${formatHtmlCode(formatObjectRef(entry.object))}${version}</summary>`,
    '',
    ...secret,
    fence(entry.diff, 'diff'),
    '</details>',
    '',
  ];
}

/** A block of text, its trailing blank lines left out. */
function fence(text: string, language: string): string {
  return formatFence(text.trimEnd(), language);
}

function formatTitle(report: Report, acknowledgedBy: string | undefined): string {
  if (report.blocking && acknowledgedBy) return ':ballot_box_with_check: prune-guard: blocking findings, acknowledged';
  if (report.blocking) return ':stop_sign: prune-guard: this change prunes what it must not';
  if (report.findings.length > 0) return ':white_check_mark: prune-guard: nothing blocking';
  return ':white_check_mark: prune-guard: nothing to flag';
}
