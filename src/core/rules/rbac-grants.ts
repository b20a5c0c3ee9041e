/**
 * RBAC policy rules as the control-plane rules read them: what a rule grants, and how a
 * message names it. Rules come from the change's manifests, so nothing here multiplies their
 * lists out without a bound.
 */
import { isRecord } from '../objects/kube-objects.ts';

/** One rule of a ClusterRole, its lists read as strings. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** Reads a role's `rules`, keeping only string entries. */
export function readPolicyRules(value: unknown): PolicyRule[] {
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  return (Array.isArray(value) ? value.filter(isRecord) : []).map((rule) => ({ apiGroups: strings(rule.apiGroups), resources: strings(rule.resources), verbs: strings(rule.verbs) }));
}

/** True when `rule` grants `verb` on `resource` of `group`. A rule limited to resourceNames counts: it was written for this. */
export function grantsRule(rule: PolicyRule, { group, resource, verb }: { group: string; resource: string; verb: string }): boolean {
  const has = (list: readonly string[], value: string): boolean => list.includes('*') || list.includes(value);
  return has(rule.apiGroups, group) && has(rule.resources, resource) && has(rule.verbs, verb);
}

/** Whether `test` holds for some grant of `rule`, visited one by one: groups times resources times verbs can be millions. */
export function someGrant(rule: PolicyRule, test: (grant: { group: string; resource: string; verb: string }) => boolean): boolean {
  // Past this many, a rule is taken to hold some such grant rather than be walked for minutes.
  if (rule.apiGroups.length * rule.resources.length * rule.verbs.length > 100_000) return true;
  for (const group of rule.apiGroups) for (const resource of rule.resources) for (const verb of rule.verbs) if (test({ group, resource, verb })) return true;
  return false;
}

/** Resources a message names of one rule, at most: a manifest may list thousands. */
const RULE_RESOURCES_SHOWN = 8;

/** Names what a rule grants, its resources cut short. */
export function formatRule(rule: PolicyRule, formatList: (items: readonly string[]) => string, every = 'every verb'): string {
  const resources: string[] = [];
  // Built lazily and cut short: groups times resources can be millions for a hostile rule.
  outer: for (const group of rule.apiGroups) {
    for (const resource of rule.resources) {
      if (resources.length === RULE_RESOURCES_SHOWN) break outer;
      resources.push(resource === '*' && group === '*' ? 'every resource' : group === '' ? resource : `${resource}.${group}`);
    }
  }
  const total = rule.apiGroups.length * rule.resources.length;
  const more = total > resources.length ? ` and ${total - resources.length} more` : '';
  const verbs = rule.verbs.includes('*') ? every : rule.verbs.slice(0, RULE_RESOURCES_SHOWN).join('/');
  return `${verbs} on ${formatList(resources)}${more}`;
}
