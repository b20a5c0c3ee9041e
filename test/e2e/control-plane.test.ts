/**
 * Aggregated APIs, webhooks and the controller manager's RBAC, end to end: `prune-guard diff
 * BEFORE AFTER` on small trees, with real kustomize, its findings and exit codes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configMap, hasKustomize, kustomization, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

/** Writes `before` and `after` trees into a temp dir and returns it. */
function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(join(dir, 'before'), before);
  writeTree(join(dir, 'after'), after);
  return dir;
}

const metricsApi = `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v1beta1.metrics.k8s.io}
spec:
  group: metrics.k8s.io
  version: v1beta1
  groupPriorityMinimum: 100
  versionPriority: 100
  service: {namespace: kube-system, name: metrics-server}
`;
const metricsServer = `apiVersion: v1
kind: Service
metadata: {name: metrics-server, namespace: kube-system}
spec:
  selector: {k8s-app: metrics-server}
  ports: [{port: 443, targetPort: 10250}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: metrics-server, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: metrics-server}}
  template:
    metadata: {labels: {k8s-app: metrics-server}}
    spec: {containers: [{name: metrics-server, image: registry.k8s.io/metrics-server/metrics-server:v0.7.2}]}
`;
const calicoApi = `apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata: {name: v3.projectcalico.org}
spec:
  group: projectcalico.org
  version: v3
  groupPriorityMinimum: 1500
  versionPriority: 200
  service: {namespace: calico-apiserver, name: calico-api}
`;
const tierGetter = `kind: ClusterRole
apiVersion: rbac.authorization.k8s.io/v1
metadata: {name: calico-tier-getter}
rules:
  - apiGroups: [projectcalico.org]
    resources: [tiers]
    verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: calico-tier-getter}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: calico-tier-getter}
subjects:
  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: system:kube-controller-manager}
`;
const webhookConfig = (clientConfig: string): string => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: policy}
webhooks:
  - name: validate.policy.example.com
    clientConfig: ${clientConfig}
    rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]
    sideEffects: None
    admissionReviewVersions: [v1]
`;
const policyService = `apiVersion: v1
kind: Service
metadata: {name: policy-webhook, namespace: policy}
spec:
  selector: {app: policy}
  ports: [{port: 443}]
`;

async function check(dir: string, ...args: string[]) {
  const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--no-fix', ...args], { cwd: dir });
  return { code: result.code, report: parseReport(result), stderr: result.stderr };
}
const summarize = (report: ReturnType<typeof parseReport>): string[] => report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.object.kind}/${finding.object.name}`);

describe.skipIf(!hasKustomize)('aggregated APIs, webhooks and controller-manager RBAC', () => {
  it('an APIService added with its backend warns, names the backend, and blocks only with --fail-on warning', async () => {
    const dir = sides(
      { 'kustomization.yaml': kustomization('server.yaml'), 'server.yaml': metricsServer },
      { 'kustomization.yaml': kustomization('server.yaml', 'apiservice.yaml'), 'server.yaml': metricsServer, 'apiservice.yaml': metricsApi },
    );
    const run = await check(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(summarize(run.report)).toEqual(['warning apiservice-changed APIService/v1beta1.metrics.k8s.io']);
    const [finding] = run.report.findings;
    expect(finding?.message).toContain('discovery of metrics.k8s.io/v1beta1 fails and deleted namespaces stay in Terminating');
    expect(finding?.message).toMatch(/; the Service is rendered and unchanged and selects the pods of Deployment\/kube-system\/metrics-server$/);
    expect(finding?.provenance).toMatchObject({ file: 'apiservice.yaml', kustomization: 'kustomization.yaml' });
    expect((await check(dir, '--fail-on', 'warning')).code).toBe(1);
    // With the cluster's version known to be 1.32 or later, garbage collection is not said to stall.
    expect((await check(dir, '--kubernetes-version', '1.32')).report.findings[0]?.message).not.toContain('garbage collection');
  });

  it("Calico's APIService: without calico-tier-getter a warning, and pruning calico-tier-getter another", async () => {
    const added = await check(sides({ 'kustomization.yaml': kustomization('server.yaml'), 'server.yaml': metricsServer }, { 'kustomization.yaml': kustomization('server.yaml', 'calico.yaml'), 'server.yaml': metricsServer, 'calico.yaml': calicoApi }));
    expect(added.code, added.stderr).toBe(0);
    expect(summarize(added.report)).toEqual(['warning gc-rbac-missing APIService/v3.projectcalico.org', 'warning apiservice-changed APIService/v3.projectcalico.org']);
    expect(added.report.findings[0]?.message).toContain("add Calico's calico-tier-getter ClusterRole (get on tiers) and its ClusterRoleBinding to User system:kube-controller-manager");

    const withRbac = { 'kustomization.yaml': kustomization('calico.yaml', 'rbac.yaml'), 'calico.yaml': calicoApi, 'rbac.yaml': tierGetter };
    const pruned = await check(sides(withRbac, { 'kustomization.yaml': kustomization('calico.yaml'), 'calico.yaml': calicoApi }), '--fail-on', 'warning');
    expect(pruned.code, pruned.stderr).toBe(1);
    expect(summarize(pruned.report)).toEqual([
      'warning gc-rbac-removed ClusterRoleBinding/calico-tier-getter',
      'warning cluster-scoped-removed ClusterRole/calico-tier-getter',
      'warning cluster-scoped-removed ClusterRoleBinding/calico-tier-getter',
    ]);
    expect(pruned.report.findings[0]?.message).toContain('gives User system:kube-controller-manager get on tiers.projectcalico.org: once it is deleted');
  });

  it('a webhook failing closed on a Service rendered nowhere warns; a URL or a rendered Service does not', async () => {
    const base = { 'kustomization.yaml': kustomization('server.yaml'), 'server.yaml': metricsServer };
    const missing = await check(sides(base, { ...base, 'kustomization.yaml': kustomization('server.yaml', 'webhook.yaml'), 'webhook.yaml': webhookConfig('{service: {namespace: policy, name: policy-webhook}}') }));
    expect(missing.code, missing.stderr).toBe(0);
    expect(summarize(missing.report)).toEqual(['warning webhook-backend-missing ValidatingWebhookConfiguration/policy']);
    expect(missing.report.findings[0]?.message).toBe(
      'ValidatingWebhookConfiguration/policy is added, and its webhook validate.policy.example.com (Service/policy/policy-webhook, failurePolicy Fail by default) calls a Service rendered nowhere in this cluster: the API server refuses every call it matches (CREATE on pods) until that Service exists',
    );
    const served = await check(sides(base, { ...base, 'kustomization.yaml': kustomization('server.yaml', 'webhook.yaml', 'service.yaml'), 'webhook.yaml': webhookConfig('{service: {namespace: policy, name: policy-webhook}}'), 'service.yaml': policyService }));
    expect(served.report.findings).toEqual([]);
    const external = await check(sides(base, { ...base, 'kustomization.yaml': kustomization('server.yaml', 'webhook.yaml'), 'webhook.yaml': webhookConfig('{url: "https://policy.example.com/validate"}') }));
    expect(external.report.findings).toEqual([]);
  });

  it('a webhook added renders the roots the change did not touch, so a Service they hold is found and a missing one is told', async () => {
    const other = { 'other/kustomization.yaml': kustomization('server.yaml'), 'other/server.yaml': metricsServer };
    const dir = sides(
      { ...other, 'policy/kustomization.yaml': kustomization('settings.yaml'), 'policy/settings.yaml': configMap('settings', 'policy') },
      { ...other, 'policy/kustomization.yaml': kustomization('settings.yaml', 'webhook.yaml'), 'policy/settings.yaml': configMap('settings', 'policy'), 'policy/webhook.yaml': webhookConfig('{service: {namespace: policy, name: policy-webhook}}') },
    );
    // The unchanged root is rendered anyway: the Service could be there.
    const changed = await check(dir);
    expect(changed.report.stats.identical).toBe(0);
    expect(summarize(changed.report).filter((line) => line.includes('webhook-backend-missing'))).toEqual(['warning webhook-backend-missing ValidatingWebhookConfiguration/policy']);
    const all = await check(dir, '--render', 'all');
    expect(summarize(all.report).filter((line) => line.includes('webhook-backend-missing'))).toEqual(['warning webhook-backend-missing ValidatingWebhookConfiguration/policy']);
  });
});
