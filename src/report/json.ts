/**
 * Report -> JSON. The Report type is the schema (docs/json-report.md), and docs/report.schema.json describes it;
 * `schemaVersion` changes on any incompatible change.
 */
import type { Report } from '../core/report/report-model.ts';

/** Renders a report as pretty-printed JSON with a trailing newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
