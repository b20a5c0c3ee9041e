/**
 * Report -> terminal text. Findings first, then the changes of each unit, each changed object
 * with its diff as a terraform plan shows it; with `quiet`, the findings and the verdict only.
 */
import type { Severity } from '../core/rules/findings.ts';
import { formatObjectRef, type ObjectId } from '../core/objects/kube-objects.ts';
import { escapeControlCharacters as show, protectLines } from '../core/text/plain-text.ts';
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
import { createPainter, type Painter, type Style } from './paint.ts';

/** How to print text. */
export interface TextOptions {
  /** Use ANSI colours; the adapter decides (flags, NO_COLOR, FORCE_COLOR, TERM, a terminal). */
  readonly color: boolean;
  /** The command that shows the fixes of this very run; default `prune-guard fix`. */
  readonly fixCommand?: FixCommand;
  /** Only the findings, a line about the fixes and the verdict: no plan, tree or object lists. */
  readonly quiet?: boolean;
  /** Show each changed object's diff under it; default true. */
  readonly diff?: boolean;
}

/** Lines of one object's diff shown before the rest is only counted: a long diff must not bury the next object. */
export const DIFF_LINE_LIMIT = 40;

/** Where a diff's lines start: below the `~` of the object line, as terraform indents attribute changes. */
const DIFF_INDENT = '      ';

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };

/** An object's `Kind/namespace/name`, its control characters shown as escapes. */
function showRef(id: ObjectId): string {
  return show(formatObjectRef(id));
}

/**
 * Renders a report as plain text, coloured when asked. Every value from the repository goes
 * through `show` (control characters as visible escapes), and no line of the result reads as a
 * GitHub workflow command: CI logs print it.
 */
export function formatText(report: Report, options: TextOptions): string {
  const paint = createPainter(options.color);
  const verdict = `${formatFindingCounts(report)}. ${formatVerdict(report)}`;
  const sections = options.quiet
    ? [formatFindings(report, paint), formatFixesLine(report, options), [verdict]]
    : [
        [`prune-guard ${report.tool.version}: ${show(report.before.label)} -> ${show(report.after.label)}`, paint('bold', formatPlanLine(report)), ...report.notes.map((note) => `note: ${show(note)}`)],
        formatFindings(report, paint),
        formatFixes(report, options, paint),
        formatFluxTree(report, paint),
        ...formatUnitChanges(report, paint, options.diff !== false),
        [verdict],
      ];
  const text = sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  return `${protectLines(text)}\n`;
}

function formatFindings(report: Report, paint: Painter): string[] {
  if (report.findings.length === 0) return [];
  // With a single unit, naming it on every finding says nothing.
  const showUnits = report.units.length > 1;
  const lines = [paint('bold', 'Findings:')];
  for (const finding of report.findings) {
    const label = finding.severity.padEnd(7);
    lines.push(`  ${paint(SEVERITY_STYLE[finding.severity], label)} ${finding.rule}  ${showRef(finding.object)}`);
    lines.push(`          ${show(finding.message)}`);
    const where = [showUnits ? `in ${show(finding.unit)}` : undefined, formatProvenance(finding.provenance, show)].filter(Boolean);
    if (where.length > 0) lines.push(`          ${where.join('; ')}`);
  }
  return lines;
}

/** What applying the fixes does, and the command that shows them. */
function describeFixes(report: Report, options: TextOptions): { readonly how: string; readonly command: string; readonly checkout: string } {
  const { fixes } = report;
  const how = fixes.every((fix) => fix.verified) ? (fixes.length === 1 ? 'applies it' : 'applies them') : 'applies the verified ones';
  const { command, checkout } = options.fixCommand ?? { command: 'prune-guard fix' };
  return { how, command: show(command), checkout: checkout ? `on a checkout of ${show(checkout)}, ` : '' };
}

function formatFixes(report: Report, options: TextOptions, paint: Painter): string[] {
  const { fixes } = report;
  if (fixes.length === 0) return [];
  const { how, command, checkout } = describeFixes(report, options);
  const lines = [paint('bold', `${fixes.length === 1 ? 'Fix' : 'Fixes'} (${checkout}${command} shows the patch; with --write it ${how}):`)];
  for (const fix of fixes) {
    const where = fix.edits.map((edit) => `${show(edit.path)}:${edit.startLine}`).join(', ');
    lines.push(`  ${paint(fix.verified ? 'green' : 'yellow', fix.verified ? 'verified' : 'unverified')}  ${where}`);
    lines.push(`          ${show(fix.description)}`);
    for (const entry of fix.entries) lines.push(`          ${paint('green', '+')} ${show(entry)}`);
  }
  return lines;
}

/** The fixes in one line, for `quiet`: that there are some, and how to see them. */
function formatFixesLine(report: Report, options: TextOptions): string[] {
  const count = report.fixes.length;
  if (count === 0) return [];
  const { how, command, checkout } = describeFixes(report, options);
  return [`${count} ${count === 1 ? 'fix' : 'fixes'} found: ${checkout}${command} shows the patch; with --write it ${how}.`];
}

function formatFluxTree(report: Report, paint: Painter): string[] {
  if (!report.units.some((unit) => unit.flux)) return [];
  const lines = [paint('bold', 'Flux Kustomizations:')];
  for (const { unit, depth } of orderUnitsAsTree(report.units)) {
    const findings = formatUnitFindings(report, unit.name);
    const path = unit.flux ? `./${show(unit.flux.path)}` : '';
    lines.push(`  ${'  '.repeat(depth)}${show(unit.name)}  ${path}  ${show(formatUnitVerdict(unit))}; ${formatPlanCounts(unit.counts)}${findings ? `; ${findings}` : ''}`);
  }
  return lines;
}

/** One section per unit with changes: its counts, then each object that goes, comes, changes or is renamed. */
function formatUnitChanges(report: Report, paint: Painter, diffs: boolean): string[][] {
  const sections: string[][] = [];
  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    const sides = `${unit.before ?? 'absent'} before, ${unit.after ?? 'absent'} after`;
    const lines = [paint('bold', `${show(unit.name) || '.'} (${sides}): ${formatPlanCounts(unit.counts)}`)];
    const inUnit = (entries: readonly ObjectEntry[]): ObjectEntry[] => entries.filter((entry) => entry.unit === unit.name);
    for (const entry of inUnit(report.changes.removed)) lines.push(`  ${paint('red', '-')} ${showRef(entry.object)}`);
    for (const entry of inUnit(report.changes.added)) lines.push(`  ${paint('green', '+')} ${showRef(entry.object)}`);
    for (const entry of report.changes.changed.filter((changed) => changed.unit === unit.name)) {
      const version = entry.previousApiVersion ? ` (${show(entry.previousApiVersion)} -> ${show(entry.object.apiVersion)})` : '';
      lines.push(`  ${paint('yellow', '~')} ${showRef(entry.object)}${version}`);
      if (diffs) lines.push(...formatObjectDiff(entry, paint));
    }
    for (const entry of report.changes.replaced.filter((replaced) => replaced.unit === unit.name)) {
      lines.push(`  ${paint('dim', '=')} ${showRef(entry.from)} -> ${show(entry.to.name)} (generated name)`);
    }
    sections.push(lines);
  }
  return sections;
}

/**
 * A changed object's unified diff (Secret values already redacted in the report), from its
 * first hunk: the `---`/`+++` lines name the object the line above names. Added lines are
 * green, removed ones red, hunk headers dim; at most {@link DIFF_LINE_LIMIT} lines, then how
 * many more there are.
 */
function formatObjectDiff(entry: ChangeEntry, paint: Painter): string[] {
  const all = entry.diff.split('\n');
  if (all.at(-1) === '') all.pop();
  const start = all.findIndex((line) => line.startsWith('@@'));
  if (start === -1) return [];
  const body = all.slice(start);
  const shown = body.slice(0, DIFF_LINE_LIMIT).map((line) => `${DIFF_INDENT}${paintDiffLine(show(line), paint)}`);
  const more = body.length - DIFF_LINE_LIMIT;
  if (more > 0) shown.push(`${DIFF_INDENT}${paint('dim', `… ${more} more ${more === 1 ? 'line' : 'lines'}`)}`);
  return shown;
}

function paintDiffLine(line: string, paint: Painter): string {
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  // Hunk headers, and git's "\ No newline at end of file".
  if (line.startsWith('@@') || line.startsWith('\\')) return paint('dim', line);
  return line;
}
