/**
 * Report -> GitHub-flavoured markdown. One builder serves the PR comment and the job summary.
 */
import type { Severity } from '../core/findings.ts';
import { formatObjectRef } from '../core/objects.ts';
import type { ChangeEntry, ObjectEntry, Report } from '../core/report.ts';
import {
  formatFindingCounts,
  formatPlanCounts,
  formatPlanLine,
  formatProvenance,
  formatUnitFindings,
  formatUnitVerdict,
  formatVerdict,
  orderUnitsAsTree,
} from './format.ts';

/** How to build markdown. */
export interface MarkdownOptions {
  /** Leave out per-object diffs (to fit size limits); the findings and plan stay. */
  readonly omitDiffs?: boolean;
}

const SEVERITY_BADGE: Record<Severity, string> = {
  error: ':stop_sign: error',
  warning: ':warning: warning',
  notice: ':information_source: notice',
};

/** Renders a report as markdown: plan header, findings table, then collapsed per-unit changes. */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const title = report.blocking ? ':stop_sign: prune-guard: this change prunes what it must not' : 'prune-guard';
  out.push(`### ${title}`, '');
  out.push(`**${formatPlanLine(report)}**`, '');
  out.push(`Comparing ${code(report.before.label)} to ${code(report.after.label)}.`, '');

  const showUnits = report.units.length > 1;
  if (report.findings.length > 0) {
    out.push('| Severity | Rule | Object | What happens | Source |', '| --- | --- | --- | --- | --- |');
    for (const finding of report.findings) {
      const source = [showUnits ? cellCode(finding.unit) : '', cell(formatProvenance(finding.provenance) ?? '')]
        .filter(Boolean)
        .join(': ');
      out.push(
        `| ${SEVERITY_BADGE[finding.severity]} | ${cellCode(finding.rule)} | ${cellCode(formatObjectRef(finding.object))} | ${cell(finding.message)} | ${source} |`,
      );
    }
    out.push('');
  }
  out.push(`${formatFindingCounts(report)}. ${formatVerdict(report)}`, '');

  if (report.units.some((unit) => unit.flux)) {
    out.push('| Flux Kustomization | Path | What Flux does | Plan | Findings |', '| --- | --- | --- | --- | --- |');
    for (const { unit, depth } of orderUnitsAsTree(report.units)) {
      // Non-breaking spaces keep the tree's indentation in a table cell.
      const indent = depth > 0 ? `${'\u00a0\u00a0'.repeat(depth)}└\u00a0` : '';
      out.push(
        `| ${indent}${cellCode(unit.name)} | ${unit.flux ? cellCode(`./${unit.flux.path}`) : ''} | ${cell(formatUnitVerdict(unit))} | ${formatPlanCounts(unit.counts)} | ${formatUnitFindings(report, unit.name)} |`,
      );
    }
    out.push('');
  }

  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    out.push('<details>', `<summary>${escapeHtml(unit.name || '.')}: ${formatPlanCounts(unit.counts)}</summary>`, '');
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

function formatChange(entry: ChangeEntry): string[] {
  const version = entry.previousApiVersion ? ` (${entry.previousApiVersion} -> ${entry.object.apiVersion})` : '';
  const secret = entry.secretKeys
    ? [
        `Secret keys: ${[
          ...entry.secretKeys.added.map((key) => `+${key}`),
          ...entry.secretKeys.removed.map((key) => `-${key}`),
          ...entry.secretKeys.changed.map((key) => `~${key}`),
        ].join(', ') || 'none changed'}`,
        '',
      ]
    : [];
  return [
    '<details>',
    `<summary>:pencil2: ${escapeHtml(formatObjectRef(entry.object))}${escapeHtml(version)}</summary>`,
    '',
    ...secret,
    fence(entry.diff, 'diff'),
    '</details>',
    '',
  ];
}

/** Wraps text in a code fence longer than any backtick run inside it. */
function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${language}\n${text.trimEnd()}\n${marks}`;
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** Inline code in a table cell: GitHub splits cells at `|` before it reads code spans. */
function cellCode(text: string): string {
  return code(text.replace(/\|/g, '\\|'));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
