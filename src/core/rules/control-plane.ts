/**
 * Aggregated APIs, admission webhooks and the controller manager's RBAC: changes after which
 * the API server depends on a backend that may not be there. What the rules rest on:
 * - An APIService with `spec.service` is served by that Service; without one, kube-apiserver
 *   serves the group itself. While the backend is unavailable, discovery of its group/version
 *   fails ("unable to retrieve the complete list of server APIs"), and the namespace controller,
 *   which must list every API to empty a namespace, leaves deleted namespaces in Terminating
 *   (NamespaceDeletionDiscoveryFailure).
 * - The garbage collector leaves out a group that discovery cannot reach, but one it discovers
 *   and then cannot list or watch keeps its caches from syncing, and until Kubernetes 1.32
 *   (kubernetes#125796) that stalled garbage collection cluster-wide.
 * - Those caches list and watch as the controller manager's own user,
 *   `system:kube-controller-manager` (its shared and metadata informers use the root client,
 *   also with --use-service-account-credentials; only the collector's own calls run as
 *   kube-system/generic-garbage-collector, whose built-in role may read, update and delete
 *   anything). The built-in ClusterRole of that user grants list and watch on every resource of
 *   every group, so Kubernetes RBAC alone never starves the collector. An aggregated server can
 *   demand more: Calico's API server (tiers came to Calico Open Source in 3.29) lets a user list
 *   or watch tiered policies only with `get` on their tier, so Calico 3.29's manifests stalled
 *   garbage collection cluster-wide until `calico-tier-getter` (ClusterRole and binding) was
 *   added (projectcalico/calico#9527, #9879). That is the one known case, so the only RBAC checked.
 * - A webhook's `failurePolicy` defaults to Fail in admissionregistration.k8s.io/v1 (Ignore in
 *   v1beta1): a call the webhook cannot answer is refused.
 */
import type { SetDiff } from '../diff/diff-object-sets.ts';
import { formatObjectKey, formatObjectRef, isRecord, type KubeObject, type ObjectId, type ResourceObject } from '../objects/kube-objects.ts';
import type { ChangeRuleInput } from './change-rule-input.ts';
import { formatRule, grantsRule, readPolicyRules, someGrant, type PolicyRule } from './rbac-grants.ts';
import { Rules, type Finding, type RuleId } from './findings.ts';

/** The user the controller manager's caches (the garbage collector's among them) list and watch as. */
const CONTROLLER_MANAGER = 'system:kube-controller-manager';
const RBAC_GROUP = 'rbac.authorization.k8s.io';


/** One grant an aggregated API server demands of the controller manager beyond the built-in role: why, and what to add. */
interface ExtraGrant {
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
  readonly why: string;
  readonly fix: string;
}

/** By APIService group: the known servers that refuse the collector's lists with only the built-in role. */
const EXTRA_GC_GRANTS: Readonly<Record<string, ExtraGrant>> = {
  'projectcalico.org': {
    ...{ group: 'projectcalico.org', resource: 'tiers', verb: 'get' },
    why: "Calico's API server (3.29 and later) answers a list or watch of tiered policies only for a user with get on their tier",
    fix: "add Calico's calico-tier-getter ClusterRole (get on tiers) and its ClusterRoleBinding to User system:kube-controller-manager",
  },
};

/** Rules of built-in ClusterRoles a rendered binding may name (Kubernetes' bootstrap policy). */
const BUILT_IN_ROLES: Readonly<Record<string, readonly PolicyRule[]>> = {
  [CONTROLLER_MANAGER]: [{ apiGroups: ['*'], resources: ['*'], verbs: ['list', 'watch'] }],
  'system:controller:generic-garbage-collector': [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch', 'patch', 'update', 'delete'] }],
  'cluster-admin': [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
};

/** Where each workload kind (`group/Kind`) keeps its pods' labels. */
const TEMPLATE_LABELS = ['spec', 'template', 'metadata', 'labels'];
const POD_LABEL_PATHS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', '/ReplicationController', 'batch/Job'].map((kind) => [kind, TEMPLATE_LABELS])),
  'batch/CronJob': ['spec', 'jobTemplate', ...TEMPLATE_LABELS],
  '/Pod': ['metadata', 'labels'],
};

/** The APIService fields that decide whether the API server reaches the backend. */
const REACH_FIELDS = ['service', 'caBundle', 'insecureSkipTLSVerify', 'group', 'version'] as const;

/** How many items a message names before it says "and N more". */
const LIST_LIMIT = 4;

/** An object and the unit that renders it. */
interface Placed {
  readonly unit: string;
  readonly object: ResourceObject;
}

/** One cluster's objects by key on each side, across its units. */
interface ClusterView {
  readonly before: ReadonlyMap<string, Placed>;
  readonly after: ReadonlyMap<string, Placed>;
  /** Units whose objects are unknown (not rendered: identical on both sides, or not buildable). */
  readonly unknownUnits: number;
  /** The cluster's Kubernetes minor version, when configured. */
  readonly minor?: number;
}

type Side = 'before' | 'after';
type Touch = 'added' | 'changed' | 'removed';

/** The findings of aggregated APIs, webhook configurations and controller-manager RBAC a change touches, for one cluster. */
export function describeControlPlaneChanges(input: ChangeRuleInput): Finding[] {
  const view = buildClusterView(input);
  return [...describeApiServices(view), ...describeRemovedGrants(view), ...describeWebhooks(view)];
}

/**
 * True when a unit's diff adds or changes an APIService or webhook configuration: the Service,
 * workloads and bindings these rules then look for may be in any unit of the cluster, so
 * core/rules/other-units.ts can ask for all of them (until then, what is not rendered is unknown,
 * and no warning rests on its absence).
 */
export function readsOtherUnits(diff: SetDiff): boolean {
  const kinds = new Set(['APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
  return [...diff.added, ...diff.changed.map((change) => change.after)].some((object) => kinds.has(object.id.kind) && /^(apiregistration|admissionregistration)\.k8s\.io$/.test(object.id.group));
}

function buildClusterView(input: ChangeRuleInput): ClusterView {
  const before = new Map<string, Placed>();
  const after = new Map<string, Placed>();
  let unknownUnits = 0;
  for (const unit of input.units) {
    // analyze-units marks a unit it did not render with `identical`; a skipped one is unknown too.
    if (unit.skipped !== undefined || ('identical' in unit && unit.identical === true)) unknownUnits++;
    for (const object of unit.before.values()) if (!before.has(object.key)) before.set(object.key, { unit: unit.unit, object });
    for (const object of unit.after.values()) if (!after.has(object.key)) after.set(object.key, { unit: unit.unit, object });
  }
  // A HelmRelease whose chart was not rendered (it read alike, or no helm) installs objects nobody has seen.
  const expanded = new Set(input.units.flatMap((unit) => (unit.helm ? [`${unit.helm.parent}\0${unit.helm.release}`] : [])));
  for (const unit of input.units) {
    for (const object of unit.after.values()) {
      if (object.id.kind === 'HelmRelease' && object.id.group === 'helm.toolkit.fluxcd.io' && !expanded.has(`${unit.unit}\0${object.id.namespace}/${object.id.name}`)) unknownUnits++;
    }
  }
  const minor = /^1\.(\d+)\./.exec(input.kubernetesVersion ?? '')?.[1];
  return { before, after, unknownUnits, ...(minor ? { minor: Number(minor) } : {}) };
}

function describeApiServices(view: ClusterView): Finding[] {
  const findings: Finding[] = [];
  for (const placed of listKind(view, 'after', 'apiregistration.k8s.io', 'APIService')) {
    const spec = readRecord(placed.object.body, ['spec']);
    const service = readServiceRef(spec.service);
    // No service: kube-apiserver serves the group itself, and nothing can be unavailable.
    if (!service) continue;
    const apiRef = formatObjectRef(placed.object.id);
    const groupVersion = `${readText(spec.group)}/${readText(spec.version)}`;
    const serviceKey = formatObjectKey(service);
    const serviceRef = formatObjectRef(service);
    const reach = findTouch(view, placed.object.key, (body) => Object.fromEntries(REACH_FIELDS.map((field) => [field, readRecord(body, ['spec'])[field]])));
    const serviceTouch = findTouch(view, serviceKey, (body) => body.spec);
    const workloads = findBackingWorkloads(view, service);
    let trigger: string | undefined;
    if (reach === 'added') trigger = `${apiRef} is added and served by ${serviceRef}`;
    else if (reach === 'changed') trigger = `${apiRef} changes ${listChangedFields(view, placed.object.key)} and is served by ${serviceRef}`;
    else if (serviceTouch === 'removed') trigger = `${apiRef} is served by ${serviceRef}, which this change takes out of the renders`;
    else if (serviceTouch) trigger = `${apiRef} is served by ${serviceRef}, whose spec ${serviceTouch === 'added' ? 'is added' : 'changes'} in this change`;
    if (trigger) {
      const stall = view.minor !== undefined && view.minor >= 32 ? '' : `, and ${view.minor === undefined ? 'before Kubernetes 1.32 ' : ''}a backend that answers discovery but fails its lists stalls garbage collection cluster-wide`;
      const message = `${trigger}: while that backend is unavailable, discovery of ${groupVersion} fails and deleted namespaces stay in Terminating${stall}; ${describeBackend(view, serviceKey, serviceTouch, workloads)}`;
      findings.push(makeFinding(Rules.apiServiceChanged, placed, message));
    }
    const extra = Object.hasOwn(EXTRA_GC_GRANTS, readText(spec.group)) ? EXTRA_GC_GRANTS[readText(spec.group)] : undefined;
    const touched = trigger !== undefined || workloads.some((workload) => workload.touch === 'added' || workload.touch === 'changed');
    if (extra && touched && findGrant(view, extra) === 'missing') {
      const message = `${apiRef}: no ClusterRoleBinding rendered in this cluster gives User ${CONTROLLER_MANAGER} ${extra.verb} on ${extra.resource}.${extra.group} (its built-in role grants list and watch on every API, but no ${extra.verb} on ${extra.resource}), and ${extra.why}; the garbage collector lists and watches every API as that user, so ${describeGcStall(view)}: ${extra.fix}`;
      findings.push(makeFinding(Rules.gcRbacMissing, placed, message));
    }
  }
  return findings;
}

/** What the reader should know of the backend: the Service, and the workloads whose pods it selects. */
function describeBackend(view: ClusterView, serviceKey: string, touch: Touch | undefined, workloads: readonly BackingWorkload[]): string {
  const service = view.after.get(serviceKey);
  if (!service) {
    if (view.unknownUnits > 0) return `the Service is not in the units rendered here (${view.unknownUnits} ${view.unknownUnits === 1 ? 'was' : 'were'} not rendered)`;
    return 'the Service is rendered nowhere in this cluster, so the API stays unavailable unless something outside this repository creates it';
  }
  const state = touch === 'added' ? 'is added in this change' : touch === 'changed' ? 'changes in this change' : 'is rendered and unchanged';
  const selector = readRecord(service.object.body, ['spec', 'selector']);
  if (Object.keys(selector).length === 0) return `the Service ${state} and has no selector, so its endpoints come from elsewhere`;
  if (workloads.length === 0) {
    const labels = Object.entries(selector).map(([key, value]) => `${key}=${readText(value)}`).join(',');
    return `the Service ${state}, but no workload rendered${view.unknownUnits > 0 ? ' in the units rendered here' : ' in this cluster'} has pods matching its selector ${labels}`;
  }
  const named = workloads.map((workload) => `${formatObjectRef(workload.placed.object.id)}${workload.touch ? ` (${workload.touch === 'added' ? 'added' : 'changed'} in this change)` : ''}`);
  return `the Service ${state} and selects the pods of ${formatList(named)}`;
}

interface BackingWorkload {
  readonly placed: Placed;
  readonly touch: Touch | undefined;
}

/** The workloads rendered after the change, in the Service's namespace, whose pod labels its selector matches. */
function findBackingWorkloads(view: ClusterView, service: ObjectId): BackingWorkload[] {
  const selector = readRecord(view.after.get(formatObjectKey(service))?.object.body ?? {}, ['spec', 'selector']);
  const wanted = Object.entries(selector);
  if (wanted.length === 0) return [];
  const found: BackingWorkload[] = [];
  for (const key of [...view.after.keys()].sort()) {
    const placed = view.after.get(key) as Placed;
    const { id } = placed.object;
    const path = POD_LABEL_PATHS[`${id.group}/${id.kind}`];
    if (!path || id.namespace !== service.namespace) continue;
    const labels = readRecord(placed.object.body, path);
    if (wanted.every(([label, value]) => labels[label] === value)) found.push({ placed, touch: findTouch(view, key, (body) => body.spec) });
  }
  return found;
}

/**
 * ClusterRoles and ClusterRoleBindings for `system:kube-controller-manager` that leave the
 * renders, when what they granted is not granted by the built-in role or another binding after
 * the change. A binding that leaves speaks for its role too; a role that leaves is reported
 * when a binding rendered after the change still names it.
 */
function describeRemovedGrants(view: ClusterView): Finding[] {
  const findings: Finding[] = [];
  for (const placed of listKind(view, 'before', RBAC_GROUP, 'ClusterRoleBinding')) {
    if (view.after.has(placed.object.key) || !bindsControllerManager(placed.object.body, false)) continue;
    const roleName = readText(readRecord(placed.object.body, ['roleRef']).name);
    const message = describeLostGrants(view, formatObjectRef(placed.object.id), roleName, `it gives User ${CONTROLLER_MANAGER} `);
    if (message) findings.push(makeFinding(Rules.gcRbacRemoved, placed, message));
  }
  const boundAfter = new Set(listKind(view, 'after', RBAC_GROUP, 'ClusterRoleBinding').filter((binding) => bindsControllerManager(binding.object.body, false)).map((binding) => readText(readRecord(binding.object.body, ['roleRef']).name)));
  for (const placed of listKind(view, 'before', RBAC_GROUP, 'ClusterRole')) {
    if (view.after.has(placed.object.key) || !boundAfter.has(placed.object.id.name)) continue;
    const message = describeLostGrants(view, formatObjectRef(placed.object.id), placed.object.id.name, `a binding rendered after the change still gives it to User ${CONTROLLER_MANAGER}, and it grants `);
    if (message) findings.push(makeFinding(Rules.gcRbacRemoved, placed, message));
  }
  return findings;
}

/** The message for a grant that leaves, or undefined when the cluster still grants all of it. */
function describeLostGrants(view: ClusterView, ref: string, roleName: string, lead: string): string | undefined {
  const rules = readRoleRules(view, 'before', roleName);
  const afterRules = collectGrantedRules(view);
  // A role the renders do not hold is unknown on both sides: say what is known.
  const lost = rules === undefined ? undefined : rules.filter((rule) => afterRules !== undefined && someGrant(rule, (grant) => !afterRules.some((other) => grantsRule(other, grant))));
  if (lost !== undefined && lost.length === 0) return undefined;
  const what = lost === undefined ? `ClusterRole/${roleName}, which is not rendered` : formatList(lost.map((rule) => formatRule(rule, formatList)));
  const known = Object.values(EXTRA_GC_GRANTS).find((extra) => rules?.some((rule) => grantsRule(rule, extra)) && findGrant(view, extra) === 'missing');
  // Listing everything goes only when nothing left grants it (the built-in role does, unless its own binding is the one that goes).
  const listAll = { group: '*', resource: '*', verb: 'list' };
  const everything = lost?.some((rule) => grantsRule(rule, listAll)) && !(afterRules ?? []).some((other) => grantsRule(other, listAll));
  const effect = everything
    ? 'the controller manager can no longer list or watch, and its controllers, the garbage collector among them, stop until kube-apiserver restarts and recreates its default bindings'
    : known
    ? `${known.why}, and the garbage collector lists and watches every API as that user, so ${describeGcStall(view)}`
    : `the garbage collector lists and watches every API as that user, and if an aggregated API needs such a grant to answer (Calico's tiered policies need get on tiers), ${describeGcStall(view)}`;
  return `${ref} leaves the renders of this cluster; ${lead}${what}: once it is deleted, ${effect}`;
}

function describeGcStall(view: ClusterView): string {
  if (view.minor !== undefined && view.minor >= 32) return "its caches never sync for that API, whose objects it then cannot collect (since 1.32 it goes on with the others after a timeout)";
  return `its caches never sync and garbage collection stalls cluster-wide${view.minor === undefined ? ' (before Kubernetes 1.32; from 1.32 it goes on without that API after a timeout)' : ''}`;
}

/**
 * Whether the controller manager holds `need` after the change; `unknown` when a binding names
 * a role nobody can read, or some units were not rendered.
 */
function findGrant(view: ClusterView, need: ExtraGrant): 'granted' | 'missing' | 'unknown' {
  const rules = collectGrantedRules(view);
  if (rules === undefined) return 'unknown';
  if (rules.some((rule) => grantsRule(rule, need))) return 'granted';
  return view.unknownUnits > 0 ? 'unknown' : 'missing';
}

/** Every rule the controller manager holds after the change, built-in and bound; undefined when a bound role is unknown. */
function collectGrantedRules(view: ClusterView): PolicyRule[] | undefined {
  // The built-in binding stands, unless the change prunes it (kube-apiserver recreates it only when it restarts).
  const builtIn = formatObjectKey({ group: RBAC_GROUP, kind: 'ClusterRoleBinding', namespace: '', name: CONTROLLER_MANAGER });
  const rules: PolicyRule[] = view.before.has(builtIn) && !view.after.has(builtIn) ? [] : [...(BUILT_IN_ROLES[CONTROLLER_MANAGER] ?? [])];
  for (const binding of listKind(view, 'after', RBAC_GROUP, 'ClusterRoleBinding')) {
    if (!bindsControllerManager(binding.object.body, true)) continue;
    const role = readRoleRules(view, 'after', readText(readRecord(binding.object.body, ['roleRef']).name));
    // Unknown content may grant anything: no warning rests on it.
    if (role === undefined) return undefined;
    rules.push(...role);
  }
  return rules;
}

/** True when a binding's subjects hold the controller manager's user (or, when `anyone`, every authenticated user). */
function bindsControllerManager(body: KubeObject, anyone: boolean): boolean {
  const subjects = Array.isArray(body.subjects) ? body.subjects.filter(isRecord) : [];
  return subjects.some((subject) => (subject.kind === 'User' && subject.name === CONTROLLER_MANAGER) || (anyone && subject.kind === 'Group' && subject.name === 'system:authenticated'));
}

/**
 * A ClusterRole's rules on `side`; undefined when unknown: not rendered and not built in, or
 * aggregated (the controller fills those in from roles anywhere in the cluster).
 */
function readRoleRules(view: ClusterView, side: Side, name: string): PolicyRule[] | undefined {
  const key = formatObjectKey({ group: RBAC_GROUP, kind: 'ClusterRole', namespace: '', name });
  const role = view[side].get(key);
  // Gone in this change: it grants nothing any more.
  if (!role) return side === 'after' && view.before.has(key) ? [] : BUILT_IN_ROLES[name]?.slice();
  return 'aggregationRule' in role.object.body ? undefined : readPolicyRules(role.object.body.rules);
}

interface Webhook {
  readonly name: string;
  readonly service?: ObjectId;
  readonly policy: string;
  /** Whether failurePolicy is written, or the API version's default. */
  readonly explicit: boolean;
  readonly rules: readonly string[];
}

/**
 * Webhook configurations added or changed whose webhooks fail closed and call a Service the
 * cluster's renders no longer hold. A webhook of a changed configuration counts only when the
 * change concerns it (new, another Service, now Fail) or its Service was rendered before: one
 * that already called a Service from outside the renders keeps calling it.
 */
function describeWebhooks(view: ClusterView): Finding[] {
  // A Service in a unit that was not rendered may exist: nothing is said.
  if (view.unknownUnits > 0) return [];
  const findings: Finding[] = [];
  for (const kind of ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']) {
    for (const placed of listKind(view, 'after', 'admissionregistration.k8s.io', kind)) {
      const touch = findTouch(view, placed.object.key, (body) => body.webhooks);
      if (touch !== 'added' && touch !== 'changed') continue;
      const old = new Map(readWebhooks(view.before.get(placed.object.key)?.object).map((webhook) => [webhook.name, webhook]));
      const missing = readWebhooks(placed.object).filter((webhook) => {
        if (webhook.policy !== 'Fail' || !webhook.service || view.after.has(formatObjectKey(webhook.service))) return false;
        const previous = old.get(webhook.name);
        const sameRef = previous?.service !== undefined && formatObjectKey(previous.service) === formatObjectKey(webhook.service);
        return !previous || !sameRef || previous.policy !== 'Fail' || view.before.has(formatObjectKey(webhook.service));
      });
      if (missing.length === 0) continue;
      const named = missing.map((webhook) => `${webhook.name} (${formatObjectRef(webhook.service as ObjectId)}, failurePolicy Fail${webhook.explicit ? '' : ' by default'})`);
      const calls = [...new Set(missing.flatMap((webhook) => webhook.rules))];
      const message = `${formatObjectRef(placed.object.id)} is ${touch === 'added' ? 'added' : 'changed'}, and ${missing.length === 1 ? 'its webhook' : 'its webhooks'} ${formatList(named)} call${missing.length === 1 ? 's a Service' : ' Services'} rendered nowhere in this cluster: the API server refuses every call ${missing.length === 1 ? 'it matches' : 'they match'}${calls.length > 0 ? ` (${formatList(calls)})` : ''} until ${missing.length === 1 ? 'that Service exists' : 'those Services exist'}`;
      findings.push(makeFinding(Rules.webhookBackendMissing, placed, message));
    }
  }
  return findings;
}

function readWebhooks(object: ResourceObject | undefined): Webhook[] {
  if (!object || !Array.isArray(object.body.webhooks)) return [];
  // admissionregistration.k8s.io/v1beta1 defaulted failurePolicy to Ignore, v1 to Fail.
  const fallback = object.apiVersion === 'admissionregistration.k8s.io/v1beta1' ? 'Ignore' : 'Fail';
  return object.body.webhooks.filter(isRecord).map((webhook) => {
    const service = readServiceRef(readRecord(webhook, ['clientConfig']).service);
    const written = typeof webhook.failurePolicy === 'string' ? webhook.failurePolicy : undefined;
    // A webhook rule reads like an RBAC rule, with operations for verbs.
    const rules = readPolicyRules((Array.isArray(webhook.rules) ? webhook.rules.filter(isRecord) : []).map((rule) => ({ ...rule, verbs: rule.operations }))).map((rule) => formatRule(rule, formatList, 'every operation'));
    return { name: readText(webhook.name), ...(service ? { service } : {}), policy: written ?? fallback, explicit: written !== undefined, rules };
  });
}

/** A manifest value as text: a string as it is, anything else (a mapping, a list, a number) empty. */
function readText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A `service: {namespace, name}` reference as a Service identity; undefined without one (a URL, or served locally). */
function readServiceRef(value: unknown): ObjectId | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  return { group: '', kind: 'Service', namespace: typeof value.namespace === 'string' ? value.namespace : 'default', name: value.name };
}

/** How the change touches the object at `key` across the cluster, judged by `project` of its body (metadata churn is no change). */
function findTouch(view: ClusterView, key: string, project: (body: KubeObject) => unknown): Touch | undefined {
  const old = view.before.get(key);
  const current = view.after.get(key);
  if (!current) return old ? 'removed' : undefined;
  if (!old) return 'added';
  return stringifyCanonically(project(old.object.body)) === stringifyCanonically(project(current.object.body)) ? undefined : 'changed';
}

function listChangedFields(view: ClusterView, key: string): string {
  const spec = (side: Side): Record<string, unknown> => readRecord(view[side].get(key)?.object.body ?? {}, ['spec']);
  const fields = REACH_FIELDS.filter((field) => stringifyCanonically(spec('before')[field]) !== stringifyCanonically(spec('after')[field]));
  return formatList(fields.map((field) => `spec.${field}`));
}

function listKind(view: ClusterView, side: Side, group: string, kind: string): Placed[] {
  return [...view[side].values()].filter(({ object }) => object.id.group === group && object.id.kind === kind).sort((a, b) => (a.object.key < b.object.key ? -1 : 1));
}

function makeFinding(rule: RuleId, placed: Placed, message: string): Finding {
  const { object, unit } = placed;
  return { rule, severity: 'warning', unit, object: { ...object.id, apiVersion: object.apiVersion }, message, ...(object.provenance ? { provenance: object.provenance } : {}) };
}

function readRecord(body: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let value: unknown = body;
  for (const step of path) value = isRecord(value) ? value[step] : undefined;
  return isRecord(value) ? value : {};
}

/** Names items, the first few and then how many more. */
function formatList(items: readonly string[]): string {
  const shown = items.slice(0, LIST_LIMIT);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** JSON with sorted keys, so key order in a render is no change. */
function stringifyCanonically(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifyCanonically).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stringifyCanonically(value[key])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
