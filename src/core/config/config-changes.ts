/**
 * The finding for a change to the gate's own configuration file: the gate runs with the
 * trusted side's file, and a reviewer must see what the change would do to it once merged.
 */
import type { Config } from './config-model.ts';
import { Rules, type Finding, type ObjectRef } from '../rules/findings.ts';
import { redactCredentials } from '../text/redact.ts';

/** How many changed keys or entries the message lists. */
const CHANGES_LISTED = 12;

/**
 * The finding for a change of the configuration file: the gate runs with the trusted side's
 * file, and a reviewer must see, and acknowledge, what the change would do to the gate once
 * merged. `after` is a problem sentence when the new file does not even parse.
 */
export function describeConfigChange(file: string, before: Config, after: Config | { readonly problem: string }): Finding | undefined {
  const object: ObjectRef = { group: '', kind: 'File', namespace: '', name: file, apiVersion: '' };
  const base = { rule: Rules.configChanged, severity: 'error' as const, object, unit: file, provenance: { file } };
  if ('problem' in after) {
    return { ...base, message: `This change rewrites ${file}, the configuration of this check, into one that does not load (${after.problem}); the check runs with the one before the change` };
  }
  const changes = listConfigChanges(before, after);
  if (changes.length === 0) return undefined;
  const listed = changes.slice(0, CHANGES_LISTED).join('; ');
  const more = changes.length > CHANGES_LISTED ? `; and ${changes.length - CHANGES_LISTED} more` : '';
  return {
    ...base,
    message: `This change edits ${file}, the configuration of this check: ${listed}${more}. The check runs with the one before the change; once merged, the new one decides`,
  };
}

/** Lists what differs between two configurations, key by key, values as JSON. */
export function listConfigChanges(before: Config, after: Config): string[] {
  const changes: string[] = [];
  const old = before as unknown as Record<string, unknown>;
  const current = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])].sort();
  for (const key of keys) {
    const a = old[key];
    const b = current[key];
    if (stringify(a) === stringify(b)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      const from = (Array.isArray(a) ? a : []).map(stringify);
      const to = (Array.isArray(b) ? b : []).map(stringify);
      const added = to.filter((entry) => !from.includes(entry));
      const removed = from.filter((entry) => !to.includes(entry));
      if (added.length === 0 && removed.length === 0) changes.push(`${key} reordered`);
      for (const entry of added) changes.push(`${key} adds ${entry}`);
      for (const entry of removed) changes.push(`${key} drops ${entry}`);
    } else if (isPlainObject(a) || isPlainObject(b)) {
      const from = isPlainObject(a) ? a : {};
      const to = isPlainObject(b) ? b : {};
      for (const name of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
        if (stringify(from[name]) === stringify(to[name])) continue;
        changes.push(`${key}.${name} ${describeValue(from[name])} -> ${describeValue(to[name])}`);
      }
    } else {
      changes.push(`${key} ${describeValue(a)} -> ${describeValue(b)}`);
    }
  }
  return changes;
}

function describeValue(value: unknown): string {
  return value === undefined ? '(unset)' : stringify(value);
}

/** JSON with sorted keys, credentials hidden (a mirror URL may carry a token). */
function stringify(value: unknown): string {
  return redactCredentials(JSON.stringify(value, (_key, inner: unknown) => (isPlainObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : inner)) ?? 'null');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
