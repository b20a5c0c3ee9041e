/**
 * Masking of values that came from Secrets through Flux's `postBuild.substituteFrom`. Such a
 * value leaves the Secret (which is redacted) and lands in other objects: a ConfigMap, an
 * environment variable, a URL. It is tracked by value, as GitHub masks secrets in logs: every
 * occurrence in the Report, and in the common encodings the value takes in rendered objects
 * and their YAML, becomes {@link REDACTED}.
 *
 * Masking runs on the finished Report, not on the objects: the diff is computed on the real
 * values, so a changed value still shows as a changed line (`-  password: (redacted)`,
 * `+  password: (redacted)`), and every output format (text, JSON, markdown, the Action's
 * comment and summary) is made from the masked Report.
 */
import { stringify } from 'yaml';
import type { Operation } from 'fast-json-patch';
import { REDACTED, isRecord } from '../objects/kube-objects.ts';
import type { Report } from './report-model.ts';

/**
 * Values (and lines of multi-line values) shorter than this, leading and trailing whitespace
 * not counted, are not masked: a port, `true` or `admin` would otherwise be masked in every
 * name, diff and message of the report, and a value that short protects nothing anyway.
 */
export const MIN_MASKED_LENGTH = 6;

/** Replaces the tracked values in text; built once per run by {@link createSecretMask}. */
export interface SecretMask {
  /** Every form that is masked, longest first (empty: nothing to mask). */
  readonly forms: readonly string[];
  /** Returns the text with every form replaced by {@link REDACTED}. */
  readonly text: (text: string) => string;
}

/**
 * Returns the forms a value can take in rendered objects and in the report: as is, without
 * newlines (Flux strips `\n` from substituted values), trimmed, line by line, base64 (with and
 * without padding), and as YAML double-quoted, YAML single-quoted and JSON-pointer escaped
 * text (how a diff or patch path spells a value with special characters). Sorted longest
 * first, then by code unit, so a value is masked whole before any part of it.
 */
export function listMaskedForms(values: Iterable<string>): string[] {
  const forms = new Set<string>();
  const addText = (text: string): void => {
    for (const candidate of new Set([text, text.trim()])) {
      if (candidate.trim().length < MIN_MASKED_LENGTH) continue;
      forms.add(candidate);
      forms.add(quoteDouble(candidate));
      forms.add(candidate.replaceAll("'", "''"));
      forms.add(JSON.stringify(candidate).slice(1, -1));
      forms.add(candidate.replaceAll('~', '~0').replaceAll('/', '~1'));
    }
  };
  for (const value of values) {
    const stripped = value.replaceAll('\n', '');
    for (const text of new Set([value, stripped])) {
      addText(text);
      if (text.trim().length < MIN_MASKED_LENGTH) continue;
      const base64 = Buffer.from(text, 'utf8').toString('base64');
      forms.add(base64);
      forms.add(base64.replace(/=+$/, ''));
    }
    if (value.includes('\n')) for (const line of value.split('\n')) addText(line);
  }
  forms.delete('');
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** Builds the mask for a run's Secret values (see {@link MIN_MASKED_LENGTH} for what is left alone). */
export function createSecretMask(values: Iterable<string>): SecretMask {
  const forms = listMaskedForms(values);
  if (forms.length === 0) return { forms, text: (text) => text };
  // One pass with the longest alternative first: a replacement is never scanned again, so a
  // value that contains another is masked whole, and the placeholder is never masked itself.
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return { forms, text: (text) => (text.length === 0 ? text : text.replace(pattern, REDACTED)) };
}

/**
 * Returns the report with every tracked value masked in every string it holds: labels, unit
 * and object names, messages, provenance, diffs, JSON patches (keys of patched values too),
 * Secret key names and fixes. What prune-guard itself decides (rule ids, severities, verdicts,
 * fix sources, patch operations, counts) is kept as it was, so the report stays well formed.
 * A report with nothing to mask is returned as is.
 */
export function maskReport(report: Report, mask: SecretMask): Report {
  if (mask.forms.length === 0) return report;
  const strings = <T>(value: T): T => maskStrings(value, mask.text, false);
  const { findings, units, fixes, changes, ...rest } = report;
  const { changed, ...otherChanges } = changes;
  return {
    ...strings(rest),
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    failOn: report.failOn,
    blocking: report.blocking,
    summary: report.summary,
    findings: findings.map((finding) => ({ ...strings(finding), rule: finding.rule, severity: finding.severity })),
    units: units.map((unit) => {
      const masked = strings(unit);
      return unit.flux && masked.flux ? { ...masked, flux: { ...masked.flux, verdict: unit.flux.verdict } } : masked;
    }),
    fixes: fixes.map((fix) => ({ ...strings(fix), source: fix.source })),
    changes: {
      ...strings(otherChanges),
      changed: changed.map(({ patch, ...entry }) => ({ ...strings(entry), patch: patch.map((operation) => maskOperation(operation, mask)) })),
    },
  };
}

/** A patch operation: its value is object content, so keys are masked too; the operation name is kept. */
function maskOperation(operation: Operation, mask: SecretMask): Operation {
  return { ...maskStrings(operation, mask.text, true), op: operation.op } as Operation;
}

/** Deep copy with every string masked; record keys only when `keys` (content, not report structure). */
function maskStrings<T>(value: T, text: (text: string) => string, keys: boolean): T {
  if (typeof value === 'string') return text(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskStrings(item, text, keys)) as T;
  if (isRecord(value)) {
    // fromEntries defines own properties, so a `__proto__` key in patched content stays a key.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [keys ? text(key) : key, maskStrings(item, text, keys)]),
    ) as T;
  }
  return value;
}

/** The text between the quotes of a YAML double-quoted scalar, as the diff's YAML writes it. */
function quoteDouble(text: string): string {
  const quoted = stringify(text, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
  return quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
