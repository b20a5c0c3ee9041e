import { describe, expect, it } from 'vitest';
import { diffObjectSets } from '../../../src/core/diff/diff-object-sets.ts';
import { describeControlPlaneChanges, readsOtherUnits } from '../../../src/core/rules/control-plane.ts';
import type { Finding } from '../../../src/core/rules/findings.ts';
import { toObjectSet, toReport, toUnits, yamlDocs, type UnitRenders } from '../../helpers/objects.ts';

const apiService = (name: string, group: string, service = '{namespace: kube-system, name: metrics-server}', extra = ''): string =>
  `apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: ${name}${extra ? `, ${extra}` : ''}}\nspec:\n  group: ${group}\n  version: ${name.split('.')[0]}\n  groupPriorityMinimum: 100\n  versionPriority: 100\n${service ? `  service: ${service}\n` : ''}`;
const metricsApi = (extra = '', spec = ''): string => `${apiService('v1beta1.metrics.k8s.io', 'metrics.k8s.io', '{namespace: kube-system, name: metrics-server}', extra)}${spec}`;
const service = (name: string, namespace: string, selector = `{k8s-app: ${name}}`, extra = ''): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}${extra ? `, ${extra}` : ''}}\nspec:\n  selector: ${selector}\n  ports: [{port: 443, targetPort: 4443}]\n`;
const deployment = (name: string, namespace: string, image = 'example/server:1.0'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {k8s-app: ${name}}}\n  template:\n    metadata: {labels: {k8s-app: ${name}}}\n    spec: {containers: [{name: server, image: ${image}}]}\n`;
const clusterRole = (name: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: ${name}}\nrules: ${rules}\n`;
const binding = (name: string, role: string, subject = '{apiGroup: rbac.authorization.k8s.io, kind: User, name: system:kube-controller-manager}'): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ${name}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}\nsubjects: [${subject}]\n`;
const tierGetter = yamlDocs(clusterRole('calico-tier-getter', "[{apiGroups: ['projectcalico.org'], resources: [tiers], verbs: [get]}]"), binding('calico-tier-getter', 'calico-tier-getter'));
const calicoApi = apiService('v3.projectcalico.org', 'projectcalico.org', '{namespace: calico-apiserver, name: calico-api}');
const calicoBackend = (image = 'calico/apiserver:v3.29.0'): string => yamlDocs(service('calico-api', 'calico-apiserver', '{k8s-app: calico-apiserver}'), deployment('calico-apiserver', 'calico-apiserver', image));
const webhookConfig = (kind: string, webhooks: string, apiVersion = 'admissionregistration.k8s.io/v1'): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: policy}\nwebhooks:\n${webhooks}`;
const webhook = (name: string, clientConfig: string, failurePolicy?: string): string =>
  `- name: ${name}\n  clientConfig: ${clientConfig}\n${failurePolicy ? `  failurePolicy: ${failurePolicy}\n` : ''}  rules: [{apiGroups: [''], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [pods]}, {apiGroups: [apps], apiVersions: [v1], operations: ['*'], resources: [deployments]}]\n  sideEffects: None\n  admissionReviewVersions: [v1]\n`;
const toPolicyService = '{service: {namespace: policy, name: policy-webhook}}';

function judge(units: Readonly<Record<string, UnitRenders>>, kubernetesVersion?: string): Finding[] {
  return describeControlPlaneChanges({ units: toUnits(units), force: () => false, ...(kubernetesVersion ? { kubernetesVersion } : {}) });
}
const summarize = (findings: readonly Finding[]): string[] => findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);

describe('apiservice-changed', () => {
  it('an APIService added with its Service and Deployment: the consequences, and that the backend comes in the same change', () => {
    const findings = judge({ infra: { before: '', after: yamlDocs(metricsApi(), service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system')) } });
    expect(summarize(findings)).toEqual(['warning apiservice-changed infra APIService/v1beta1.metrics.k8s.io']);
    expect(findings[0]?.message).toBe(
      'APIService/v1beta1.metrics.k8s.io is added and served by Service/kube-system/metrics-server: while that backend is unavailable, discovery of metrics.k8s.io/v1beta1 fails and deleted namespaces stay in Terminating, and before Kubernetes 1.32 a backend that answers discovery but fails its lists stalls garbage collection cluster-wide; the Service is added in this change and selects the pods of Deployment/kube-system/metrics-server (added in this change)',
    );
  });

  it('an APIService added whose Service is rendered nowhere, or rendered elsewhere without matching pods', () => {
    const [missing] = judge({ infra: { before: '', after: metricsApi() } });
    expect(missing?.message).toMatch(/; the Service is rendered nowhere in this cluster, so the API stays unavailable unless something outside this repository creates it$/);
    const [idle] = judge({ infra: { before: '', after: metricsApi() }, other: { before: service('metrics-server', 'kube-system'), after: service('metrics-server', 'kube-system') } });
    expect(idle?.message).toMatch(/; the Service is rendered and unchanged, but no workload rendered in this cluster has pods matching its selector k8s-app=metrics-server$/);
    const [selectorless] = judge({ infra: { before: '', after: yamlDocs(metricsApi(), service('metrics-server', 'kube-system', '{}')) } });
    expect(selectorless?.message).toMatch(/; the Service is added in this change and has no selector, so its endpoints come from elsewhere$/);
  });

  it('a backend in another unit that the change does not touch is named as unchanged', () => {
    const backend = yamlDocs(service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system'));
    const [finding] = judge({ api: { before: '', after: metricsApi() }, server: { before: backend, after: backend } });
    expect(finding?.unit).toBe('api');
    expect(finding?.message).toMatch(/; the Service is rendered and unchanged and selects the pods of Deployment\/kube-system\/metrics-server$/);
  });

  it('an APIService served by kube-apiserver itself (no spec.service) says nothing', () => {
    expect(judge({ infra: { before: '', after: apiService('v1.example.com', 'example.com', '') } })).toEqual([]);
  });

  it('an unchanged APIService whose Service spec changes, or leaves the renders', () => {
    const api = metricsApi();
    const changed = judge({ infra: { before: yamlDocs(api, service('metrics-server', 'kube-system')), after: yamlDocs(api, service('metrics-server', 'kube-system', '{k8s-app: metrics}')) } });
    expect(changed[0]?.message).toMatch(/^APIService\/v1beta1\.metrics\.k8s\.io is served by Service\/kube-system\/metrics-server, whose spec changes in this change: .*; the Service changes in this change, but no workload/);
    const removed = judge({ infra: { before: yamlDocs(api, service('metrics-server', 'kube-system')), after: api } });
    expect(removed[0]?.message).toMatch(/^APIService\/v1beta1\.metrics\.k8s\.io is served by Service\/kube-system\/metrics-server, which this change takes out of the renders: .*; the Service is rendered nowhere in this cluster/);
  });

  it('says nothing for metadata churn (a chart version label), and names the reach fields that change', () => {
    const backend = yamlDocs(service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system'));
    const relabeled = yamlDocs(metricsApi('labels: {helm.sh/chart: metrics-server-3.12.2}'), service('metrics-server', 'kube-system', '{k8s-app: metrics-server}', 'labels: {helm.sh/chart: metrics-server-3.12.2}'), deployment('metrics-server', 'kube-system'));
    expect(judge({ infra: { before: yamlDocs(metricsApi('labels: {helm.sh/chart: metrics-server-3.12.1}'), backend), after: relabeled } })).toEqual([]);
    const priority = metricsApi().replace('groupPriorityMinimum: 100', 'groupPriorityMinimum: 200');
    expect(judge({ infra: { before: yamlDocs(metricsApi(), backend), after: yamlDocs(priority, backend) } })).toEqual([]);
    const [finding] = judge({ infra: { before: yamlDocs(metricsApi(), backend), after: yamlDocs(metricsApi('', '  insecureSkipTLSVerify: true\n'), backend) } });
    expect(finding?.message).toMatch(/^APIService\/v1beta1\.metrics\.k8s\.io changes spec\.insecureSkipTLSVerify and is served by Service\/kube-system\/metrics-server: /);
    // An image bump of the backend alone is no warning: the APIService and its Service are as they were.
    expect(judge({ infra: { before: yamlDocs(metricsApi(), backend), after: yamlDocs(metricsApi(), service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system', 'example/server:1.1')) } })).toEqual([]);
  });

  it('words garbage collection by the configured Kubernetes version', () => {
    const units = { infra: { before: '', after: yamlDocs(metricsApi(), service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system')) } };
    expect(judge(units, '1.31.0')[0]?.message).toContain('stay in Terminating, and a backend that answers discovery but fails its lists stalls garbage collection cluster-wide;');
    expect(judge(units, '1.32.0')[0]?.message).toContain('discovery of metrics.k8s.io/v1beta1 fails and deleted namespaces stay in Terminating; the Service');
  });

  it('with a unit that was not rendered, a Service not found is only not found here', () => {
    const units = toUnits({ infra: { before: '', after: metricsApi() }, elsewhere: { before: '', after: '' } }).map((unit) => (unit.unit === 'elsewhere' ? { ...unit, identical: true } : unit));
    const [finding] = describeControlPlaneChanges({ units, force: () => false });
    expect(finding?.message).toMatch(/; the Service is not in the units rendered here \(1 was not rendered\)$/);
  });
});

describe('gc-rbac-missing: the grant Calico tiers need', () => {
  it("Calico's APIService without calico-tier-getter: the garbage collector cannot list tiered policies", () => {
    const findings = judge({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend()) } });
    expect(summarize(findings)).toEqual(['warning apiservice-changed calico APIService/v3.projectcalico.org', 'warning gc-rbac-missing calico APIService/v3.projectcalico.org']);
    expect(findings[1]?.message).toBe(
      "APIService/v3.projectcalico.org: no ClusterRoleBinding rendered in this cluster gives User system:kube-controller-manager get on tiers.projectcalico.org (its built-in role grants list and watch on every API, but no get on tiers), and Calico's API server (3.29 and later) answers a list or watch of tiered policies only for a user with get on their tier; the garbage collector lists and watches every API as that user, so its caches never sync and garbage collection stalls cluster-wide (before Kubernetes 1.32; from 1.32 it goes on without that API after a timeout): add Calico's calico-tier-getter ClusterRole (get on tiers) and its ClusterRoleBinding to User system:kube-controller-manager",
    );
  });

  it('with the binding, in any unit, or a wider grant, says nothing of RBAC', () => {
    const rules = (units: Readonly<Record<string, UnitRenders>>): string[] => summarize(judge(units)).filter((line) => line.includes('gc-rbac'));
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend(), tierGetter) } })).toEqual([]);
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend()) }, rbac: { before: tierGetter, after: tierGetter } })).toEqual([]);
    const wide = yamlDocs(clusterRole('read-all', "[{apiGroups: ['*'], resources: ['*'], verbs: [get, list, watch]}]"), binding('kcm-read-all', 'read-all'));
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend(), wide) } })).toEqual([]);
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend(), binding('kcm-admin', 'cluster-admin')) } })).toEqual([]);
    // A role the renders do not hold may grant it: no warning rests on it.
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend(), binding('kcm-custom', 'made-elsewhere')) } })).toEqual([]);
    // A binding for someone else does not count.
    const other = yamlDocs(clusterRole('calico-tier-getter', "[{apiGroups: ['projectcalico.org'], resources: [tiers], verbs: [get]}]"), binding('calico-tier-getter', 'calico-tier-getter', '{kind: ServiceAccount, namespace: kube-system, name: generic-garbage-collector}'));
    expect(rules({ calico: { before: '', after: yamlDocs(calicoApi, calicoBackend(), other) } })).toEqual(['warning gc-rbac-missing calico APIService/v3.projectcalico.org']);
  });

  it('any other aggregated API needs no RBAC: the built-in role lists and watches everything', () => {
    expect(summarize(judge({ infra: { before: '', after: yamlDocs(metricsApi(), service('metrics-server', 'kube-system'), deployment('metrics-server', 'kube-system')) } }))).toEqual([
      'warning apiservice-changed infra APIService/v1beta1.metrics.k8s.io',
    ]);
  });

  it('the Calico 3.29 upgrade itself: an unchanged APIService whose API server image changes', () => {
    const before = yamlDocs(calicoApi, calicoBackend('calico/apiserver:v3.28.2'));
    expect(summarize(judge({ calico: { before, after: yamlDocs(calicoApi, calicoBackend()) } }))).toEqual(['warning gc-rbac-missing calico APIService/v3.projectcalico.org']);
    expect(judge({ calico: { before: yamlDocs(before, tierGetter), after: yamlDocs(calicoApi, calicoBackend(), tierGetter) } })).toEqual([]);
    // Untouched, it is not this change's doing.
    expect(judge({ calico: { before, after: before } })).toEqual([]);
  });
});

describe('gc-rbac-removed', () => {
  const calico = yamlDocs(calicoApi, calicoBackend());

  it('calico-tier-getter pruned: one finding, on the binding, with the consequence', () => {
    const findings = judge({ calico: { before: yamlDocs(calico, tierGetter), after: calico } }, '1.31.4');
    expect(summarize(findings)).toEqual(['warning gc-rbac-removed calico ClusterRoleBinding/calico-tier-getter']);
    expect(findings[0]?.message).toBe(
      "ClusterRoleBinding/calico-tier-getter leaves the renders of this cluster; it gives User system:kube-controller-manager get on tiers.projectcalico.org: once it is deleted, Calico's API server (3.29 and later) answers a list or watch of tiered policies only for a user with get on their tier, and the garbage collector lists and watches every API as that user, so its caches never sync and garbage collection stalls cluster-wide",
    );
  });

  it('a role pruned while a binding still names it', () => {
    const findings = judge({ calico: { before: yamlDocs(calico, tierGetter), after: yamlDocs(calico, binding('calico-tier-getter', 'calico-tier-getter')) } });
    expect(summarize(findings)).toEqual(['warning gc-rbac-removed calico ClusterRole/calico-tier-getter']);
    expect(findings[0]?.message).toMatch(/^ClusterRole\/calico-tier-getter leaves the renders of this cluster; a binding rendered after the change still gives it to User system:kube-controller-manager, and it grants get on tiers\.projectcalico\.org: once it is deleted, /);
  });

  it('a grant without a known consumer: the general consequence', () => {
    const rbac = yamlDocs(clusterRole('kcm-widgets', "[{apiGroups: [example.com], resources: [widgets], verbs: [get]}]"), binding('kcm-widgets', 'kcm-widgets'));
    const [finding] = judge({ rbac: { before: rbac, after: '' } });
    expect(finding?.message).toBe(
      "ClusterRoleBinding/kcm-widgets leaves the renders of this cluster; it gives User system:kube-controller-manager get on widgets.example.com: once it is deleted, the garbage collector lists and watches every API as that user, and if an aggregated API needs such a grant to answer (Calico's tiered policies need get on tiers), its caches never sync and garbage collection stalls cluster-wide (before Kubernetes 1.32; from 1.32 it goes on without that API after a timeout)",
    );
  });

  it('says nothing when the grant lives on: renamed, built in, or for someone else', () => {
    const renamed = yamlDocs(clusterRole('calico-tier-getter', "[{apiGroups: ['projectcalico.org'], resources: [tiers], verbs: [get]}]"), binding('kcm-tiers', 'calico-tier-getter'));
    expect(judge({ calico: { before: yamlDocs(calico, tierGetter), after: yamlDocs(calico, renamed) } })).toEqual([]);
    const listOnly = yamlDocs(clusterRole('kcm-list', "[{apiGroups: [example.com], resources: [widgets], verbs: [list, watch]}]"), binding('kcm-list', 'kcm-list'));
    expect(judge({ rbac: { before: listOnly, after: '' } })).toEqual([]);
    const forOthers = yamlDocs(clusterRole('reader', "[{apiGroups: [example.com], resources: [widgets], verbs: [get]}]"), binding('reader', 'reader', '{kind: Group, name: readers}'));
    expect(judge({ rbac: { before: forOthers, after: '' } })).toEqual([]);
  });

  it("the controller manager's own bootstrap binding pruned: everything stops", () => {
    const [finding] = judge({ rbac: { before: binding('system:kube-controller-manager', 'system:kube-controller-manager'), after: '' } });
    expect(finding?.message).toBe(
      'ClusterRoleBinding/system:kube-controller-manager leaves the renders of this cluster; it gives User system:kube-controller-manager list/watch on every resource: once it is deleted, the controller manager can no longer list or watch, and its controllers, the garbage collector among them, stop until kube-apiserver restarts and recreates its default bindings',
    );
  });
});

describe('webhook-backend-missing', () => {
  const kinds = ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'];

  it.each(kinds)('a %s added with failurePolicy Fail, explicit or by default, whose Service is rendered nowhere', (kind) => {
    const findings = judge({ policy: { before: '', after: webhookConfig(kind, webhook('check.example.com', toPolicyService, 'Fail') + webhook('default.example.com', '{service: {namespace: policy, name: other}}')) } });
    expect(summarize(findings)).toEqual([`warning webhook-backend-missing policy ${kind}/policy`]);
    expect(findings[0]?.message).toBe(
      `${kind}/policy is added, and its webhooks check.example.com (Service/policy/policy-webhook, failurePolicy Fail) and default.example.com (Service/policy/other, failurePolicy Fail by default) call Services rendered nowhere in this cluster: the API server refuses every call they match (CREATE/UPDATE on pods and every operation on deployments.apps) until those Services exist`,
    );
  });

  it('says nothing for Ignore, for the v1beta1 default, for a URL, or when the Service is rendered in any unit', () => {
    const kind = 'ValidatingWebhookConfiguration';
    expect(judge({ policy: { before: '', after: webhookConfig(kind, webhook('a.example.com', toPolicyService, 'Ignore')) } })).toEqual([]);
    expect(judge({ policy: { before: '', after: webhookConfig(kind, webhook('a.example.com', toPolicyService), 'admissionregistration.k8s.io/v1beta1') } })).toEqual([]);
    expect(judge({ policy: { before: '', after: webhookConfig(kind, webhook('a.example.com', '{url: "https://policy.example.com/validate"}', 'Fail')) } })).toEqual([]);
    const svc = service('policy-webhook', 'policy');
    expect(judge({ policy: { before: '', after: webhookConfig(kind, webhook('a.example.com', toPolicyService, 'Fail')) }, server: { before: svc, after: svc } })).toEqual([]);
  });

  it('a changed configuration: only what the change concerns', () => {
    const kind = 'ValidatingWebhookConfiguration';
    const old = webhookConfig(kind, webhook('a.example.com', toPolicyService, 'Fail'));
    // Already Fail on the same Service from outside the renders: it keeps calling it.
    expect(judge({ policy: { before: old, after: old.replace('CREATE, UPDATE', 'CREATE') } })).toEqual([]);
    // Now Fail, or now another Service, or its Service leaves with the change.
    expect(summarize(judge({ policy: { before: old.replace('Fail', 'Ignore'), after: old } }))).toEqual([`warning webhook-backend-missing policy ${kind}/policy`]);
    const moved = webhookConfig(kind, webhook('a.example.com', '{service: {namespace: policy, name: renamed}}', 'Fail'));
    const svc = service('policy-webhook', 'policy');
    expect(judge({ policy: { before: yamlDocs(old, svc), after: moved } })[0]?.message).toMatch(/^ValidatingWebhookConfiguration\/policy is changed, and its webhook a\.example\.com \(Service\/policy\/renamed, failurePolicy Fail\) calls a Service rendered nowhere in this cluster: .* until that Service exists$/);
    // Unchanged configuration: not this rule's business, whatever happens to the Service.
    expect(judge({ policy: { before: yamlDocs(old, svc), after: old } })).toEqual([]);
  });

  it('with a unit that was not rendered, says nothing', () => {
    const units = toUnits({ policy: { before: '', after: webhookConfig('ValidatingWebhookConfiguration', webhook('a.example.com', toPolicyService, 'Fail')) }, elsewhere: {} }).map((unit) =>
      unit.unit === 'elsewhere' ? { ...unit, identical: true } : unit,
    );
    expect(describeControlPlaneChanges({ units, force: () => false })).toEqual([]);
  });
});

describe('in the report', () => {
  it('runs with the change rules, and a warning does not block at the default fail level', () => {
    const report = toReport({ infra: { before: '', after: yamlDocs(calicoApi, calicoBackend()) } });
    expect(report.findings.map((finding) => finding.rule)).toEqual(['gc-rbac-missing', 'apiservice-changed']);
    expect(report.blocking).toBe(false);
    expect(toReport({ infra: { before: '', after: yamlDocs(calicoApi, calicoBackend()) } }, { failOn: 'warning' }).blocking).toBe(true);
  });
});

describe('readsOtherUnits', () => {
  it('asks for the other units when an APIService or webhook configuration is added or changed, not for a Service', () => {
    const diff = (before: string, after: string) => diffObjectSets(toObjectSet(before), toObjectSet(after));
    expect(readsOtherUnits(diff('', metricsApi()))).toBe(true);
    expect(readsOtherUnits(diff(metricsApi(), metricsApi('', '  insecureSkipTLSVerify: true\n')))).toBe(true);
    expect(readsOtherUnits(diff('', webhookConfig('MutatingWebhookConfiguration', webhook('a.example.com', toPolicyService))))).toBe(true);
    expect(readsOtherUnits(diff('', service('metrics-server', 'kube-system')))).toBe(false);
    expect(readsOtherUnits(diff(metricsApi(), ''))).toBe(false);
  });
});

describe('hostile input', () => {
  it('a mapping where a name belongs, and a rule of thousands of groups and resources, neither stops nor stalls the run', () => {
    const webhook = `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: hostile}\nwebhooks:\n  - name: {toString: 1}\n    clientConfig: {service: {namespace: x, name: gone}}\n    rules: [{apiGroups: [${Array.from({ length: 3000 }, (_, i) => `g${i}`).join(', ')}], apiVersions: [v1], operations: [CREATE], resources: [${Array.from({ length: 3000 }, (_, i) => `r${i}`).join(', ')}]}]\n`;
    const findings = describeControlPlaneChanges({ units: toUnits({ apps: { before: '', after: webhook } }), force: () => false });
    expect(findings.map((finding) => finding.rule)).toEqual(['webhook-backend-missing']);
    expect(findings[0]?.message).toContain('and 8999992 more');
  });
});
