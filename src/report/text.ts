/**
 * Report -> terminal text. Findings first, then the changes of each unit.
 */
import { styleText } from 'node:util';
import type { Severity } from '../core/rules/findings.ts';
import { formatObjectRef, type ObjectId } from '../core/objects/kube-objects.ts';
import { escapeControlCharacters as show, protectLines } from '../core/text/plain-text.ts';
import type { ObjectEntry, Report } from '../core/report/report-model.ts';
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

/** How to print text. */
export interface TextOptions {
  /** Use ANSI colours (only on a TTY, never with NO_COLOR; the adapter decides). */
  readonly color: boolean;
  /** The command that shows the fixes of this very run; default `prune-guard fix`. */
  readonly fixCommand?: FixCommand;
}

type Style = Parameters<typeof styleText>[0];

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
  // The caller has decided; styleText must not second-guess it from process.stdout.
  const paint = (style: Style, text: string): string =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const lines: string[] = [];
  lines.push(`prune-guard ${report.tool.version}: ${show(report.before.label)} -> ${show(report.after.label)}`);
  lines.push(paint('bold', formatPlanLine(report)));
  for (const note of report.notes) lines.push(`note: ${show(note)}`);

  // With a single unit, naming it on every finding says nothing.
  const showUnits = report.units.length > 1;
  if (report.findings.length > 0) {
    lines.push('', paint('bold', 'Findings:'));
    for (const finding of report.findings) {
      const label = finding.severity.padEnd(7);
      lines.push(`  ${paint(SEVERITY_STYLE[finding.severity], label)} ${finding.rule}  ${showRef(finding.object)}`);
      lines.push(`          ${show(finding.message)}`);
      const where = [showUnits ? `in ${show(finding.unit)}` : undefined, formatProvenance(finding.provenance, show)].filter(Boolean);
      if (where.length > 0) lines.push(`          ${where.join('; ')}`);
    }
  }

  const { fixes } = report;
  if (fixes.length > 0) {
    const how = fixes.every((fix) => fix.verified) ? (fixes.length === 1 ? 'applies it' : 'applies them') : 'applies the verified ones';
    const { command, checkout } = options.fixCommand ?? { command: 'prune-guard fix' };
    lines.push('', paint('bold', `${fixes.length === 1 ? 'Fix' : 'Fixes'} (${checkout ? `on a checkout of ${show(checkout)}, ` : ''}${show(command)} shows the patch; with --write it ${how}):`));
    for (const fix of fixes) {
      const where = fix.edits.map((edit) => `${show(edit.path)}:${edit.startLine}`).join(', ');
      lines.push(`  ${paint(fix.verified ? 'green' : 'yellow', fix.verified ? 'verified' : 'unverified')}  ${where}`);
      lines.push(`          ${show(fix.description)}`);
      for (const entry of fix.entries) lines.push(`          ${paint('green', '+')} ${show(entry)}`);
    }
  }

  if (report.units.some((unit) => unit.flux)) {
    lines.push('', paint('bold', 'Flux Kustomizations:'));
    for (const { unit, depth } of orderUnitsAsTree(report.units)) {
      const findings = formatUnitFindings(report, unit.name);
      const path = unit.flux ? `./${show(unit.flux.path)}` : '';
      lines.push(`  ${'  '.repeat(depth)}${show(unit.name)}  ${path}  ${show(formatUnitVerdict(unit))}; ${formatPlanCounts(unit.counts)}${findings ? `; ${findings}` : ''}`);
    }
  }

  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    const sides = `${unit.before ?? 'absent'} before, ${unit.after ?? 'absent'} after`;
    lines.push('', paint('bold', `${show(unit.name) || '.'} (${sides}): ${formatPlanCounts(unit.counts)}`));
    const inUnit = (entries: readonly ObjectEntry[]): ObjectEntry[] => entries.filter((entry) => entry.unit === unit.name);
    for (const entry of inUnit(report.changes.removed)) lines.push(`  ${paint('red', '-')} ${showRef(entry.object)}`);
    for (const entry of inUnit(report.changes.added)) lines.push(`  ${paint('green', '+')} ${showRef(entry.object)}`);
    for (const entry of report.changes.changed.filter((change) => change.unit === unit.name)) {
      const version = entry.previousApiVersion ? ` (${show(entry.previousApiVersion)} -> ${show(entry.object.apiVersion)})` : '';
      lines.push(`  ${paint('yellow', '~')} ${showRef(entry.object)}${version}`);
    }
    for (const entry of report.changes.replaced.filter((replace) => replace.unit === unit.name)) {
      lines.push(`  ${paint('dim', '=')} ${showRef(entry.from)} -> ${show(entry.to.name)} (generated name)`);
    }
  }

  lines.push('', `${formatFindingCounts(report)}. ${formatVerdict(report)}`);
  return `${protectLines(lines.join('\n'))}\n`;
}
