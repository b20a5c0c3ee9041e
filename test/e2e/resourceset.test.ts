/**
 * The Flux Operator's ResourceSets end to end: a repository whose Kustomization applies a
 * ResourceSet generating a Namespace, a PVC and a HelmRelease per tenant; one change per
 * scenario, judged as the operator's garbage collection would act.
 */
import { describe, expect, it } from 'vitest';
import { commitAll, git, hasKustomize, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

const gotkSync = `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: flux-system, namespace: flux-system}
spec: {interval: 1m0s, ref: {branch: main}, url: ssh://git@github.com/example/fleet}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: flux-system, namespace: flux-system}
spec: {interval: 10m0s, path: ./clusters/prod, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}
`;
const appsKs = (name = 'apps', path = './apps'): string => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: ${name}, namespace: flux-system}
spec: {interval: 10m, path: ${path}, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}
`;
const tenants = (inputs: string[]): string => inputs.map((input) => `    - ${input}\n`).join('');

/** A ResourceSet with a Namespace, a PVC and a HelmRelease per input. */
function resourceSet(options: { name?: string; inputs?: string[]; extra?: string; pvc?: boolean; head?: string } = {}): string {
  const { name = 'tenants', inputs = ['{tenant: team1, size: 1Gi}', '{tenant: team2, size: 2Gi}'], extra = '', pvc = true, head = '' } = options;
  return `apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata:
  name: ${name}
  namespace: flux-system
spec:
${head}  inputs:
${tenants(inputs)}  resources:
    - apiVersion: v1
      kind: Namespace
      metadata:
        name: << inputs.tenant >>
${pvc ? `    - apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
        namespace: << inputs.tenant >>
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: << inputs.size | quote >>
` : ''}    - apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: podinfo
        namespace: << inputs.tenant >>
      spec:
        interval: 1h
        chartRef: {kind: OCIRepository, name: podinfo, namespace: flux-system}
        values:
          replicaCount: << len inputs.tenant >>
${extra}`;
}

const base = (rset = resourceSet(), more: Tree = {}): Tree => ({
  'clusters/prod/flux-system/gotk-sync.yaml': gotkSync,
  'clusters/prod/flux-system/kustomization.yaml': 'resources: [gotk-sync.yaml]\n',
  'clusters/prod/apps.yaml': appsKs(),
  'apps/kustomization.yaml': 'resources: [tenants.yaml]\n',
  'apps/tenants.yaml': rset,
  ...more,
});

/** A repository with `before` committed on main and `after` written over it, uncommitted. */
function repo(before: Tree, after: Tree): string {
  const dir = makeTempDir('prune-guard-rset-');
  writeTree(dir, before);
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  writeTree(dir, after);
  return dir;
}

async function check(dir: string) {
  const result = await runCli(['--format', 'json'], { cwd: dir });
  return { code: result.code, report: parseReport(result), stderr: result.stderr };
}

const summarize = (findings: ReturnType<typeof parseReport>['findings']): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.object.kind}/${finding.object.namespace ? `${finding.object.namespace}/` : ''}${finding.object.name}`);

const SET_UNIT = 'flux-system/apps / ResourceSet flux-system/tenants';

describe.skipIf(!hasKustomize)('Flux Operator ResourceSets', () => {
  it('renders a ResourceSet as a unit nested under its Kustomization; no change, no finding', async () => {
    const dir = repo(base(), {});
    const { code, report } = await check(dir);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    const text = await runCli(['--render', 'all'], { cwd: dir });
    expect(text.stdout).toMatch(/\n {4}flux-system\/apps +\.\/apps +prunes; 0 to add, 0 to change, 0 to prune\n {6}flux-system\/apps \/ ResourceSet flux-system\/tenants +generates; garbage-collects; 0 to add, 0 to change, 0 to prune\n/);
  });

  it('an input removed: what it generated is deleted by the garbage collection, named', async () => {
    const { code, report } = await check(repo(base(), { 'apps/tenants.yaml': resourceSet({ inputs: ['{tenant: team1, size: 1Gi}'] }) }));
    expect(code).toBe(1);
    // The release is uninstalled in a Namespace that goes too: an error, like one Flux prunes.
    expect(summarize(report.findings)).toEqual(['error namespace-removed Namespace/team2', 'error helmrelease-removed HelmRelease/team2/podinfo', 'warning data-removed PersistentVolumeClaim/team2/data']);
    expect(report.findings[0]?.message).toContain("is deleted by ResourceSet/flux-system/tenants's garbage collection");
    expect(report.findings[1]?.message).toContain("HelmRelease/team2/podinfo is deleted by ResourceSet/flux-system/tenants's garbage collection: helm-controller uninstalls release podinfo");
    const unit = report.units.find((candidate) => candidate.name === SET_UNIT);
    expect(unit).toMatchObject({ before: 6, after: 3, resourceSet: { parent: 'flux-system/apps', set: 'flux-system/tenants', action: 'apply' } });
    const removed = (report.changes.removed ?? []) as Array<{ object: { name: string }; provenance?: unknown }>;
    expect(removed.map((entry) => entry.object.name).sort()).toEqual(['data', 'podinfo', 'team2']);
    expect(removed[0]?.provenance).toMatchObject({ file: 'apps/tenants.yaml' });
  });

  it('an input value changed shows as a change of the object it templates', async () => {
    const { report } = await check(repo(base(), { 'apps/tenants.yaml': resourceSet({ inputs: ['{tenant: team1, size: 1Gi}', '{tenant: team2, size: 5Gi}'] }) }));
    const changed = (report.changes.changed ?? []) as Array<{ unit: string; object: { kind: string; namespace: string; name: string } }>;
    // The ResourceSet object changes in its Kustomization; what it generates changes in its own unit.
    expect(changed.map((entry) => `${entry.unit}: ${entry.object.kind}/${entry.object.namespace}/${entry.object.name}`)).toEqual(['flux-system/apps: ResourceSet/flux-system/tenants', `${SET_UNIT}: PersistentVolumeClaim/team2/data`]);
  });

  it('renaming the ResourceSet deletes its inventory while the new one recreates it: errors naming each PVC', async () => {
    const { code, report } = await check(repo(base(), { 'apps/tenants.yaml': resourceSet({ name: 'teams' }) }));
    expect(code).toBe(1);
    const summary = summarize(report.findings);
    expect(summary).toContain('error resourceset-removed ResourceSet/flux-system/tenants');
    expect(summary).toContain('error object-moved PersistentVolumeClaim/team1/data');
    expect(summary).toContain('error object-moved PersistentVolumeClaim/team2/data');
    const removed = report.findings.find((finding) => finding.rule === 'resourceset-removed');
    expect(removed?.message).toContain('PersistentVolumeClaim/team1/data, PersistentVolumeClaim/team2/data');
    expect(removed?.message).toContain('ResourceSet/flux-system/teams generates them again');
    expect(removed?.cascade).toHaveLength(6);
    const moved = report.findings.find((finding) => finding.rule === 'object-moved' && finding.object.namespace === 'team1' && finding.object.kind === 'PersistentVolumeClaim');
    expect(moved?.message).toContain('moves from ResourceSet/flux-system/tenants to ResourceSet/flux-system/teams');
    expect(moved?.message).toContain('Safe: first add fluxcd.controlplane.io/prune: disabled to it in ResourceSet/flux-system/tenants');
    // Each move that costs more than a moment is its own finding; the rest are named by resourceset-removed.
    expect(summary.filter((line) => line.includes('object-moved')).sort()).toEqual([
      'error object-moved Namespace/team1',
      'error object-moved Namespace/team2',
      'error object-moved PersistentVolumeClaim/team1/data',
      'error object-moved PersistentVolumeClaim/team2/data',
      'warning object-moved HelmRelease/team1/podinfo',
      'warning object-moved HelmRelease/team2/podinfo',
    ]);
    // The ResourceSet object leaving the Kustomization's render is said once, by resourceset-removed.
    expect(summary.filter((line) => line.includes('ResourceSet/flux-system/tenants'))).toEqual(['error resourceset-removed ResourceSet/flux-system/tenants']);
  });

  it('a PVC moved from the ResourceSet into a plain Kustomization gets the operator recipe', async () => {
    const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: team1}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const { report } = await check(repo(base(), { 'apps/tenants.yaml': resourceSet({ pvc: false }), 'apps/kustomization.yaml': 'resources: [tenants.yaml, pvc.yaml]\n', 'apps/pvc.yaml': pvc }));
    const moved = report.findings.find((finding) => finding.rule === 'object-moved');
    expect(moved).toMatchObject({ severity: 'error', object: { kind: 'PersistentVolumeClaim', namespace: 'team1', name: 'data' } });
    expect(moved?.message).toContain(`moves from ResourceSet/flux-system/tenants to flux-system/apps`);
    expect(summarize(report.findings)).toContain('warning data-removed PersistentVolumeClaim/team2/data');
  });

  it('fluxcd.controlplane.io/prune: disabled keeps what leaves; kustomize.toolkit.fluxcd.io/prune does not', async () => {
    const keep = '  commonMetadata:\n    annotations:\n      fluxcd.controlplane.io/prune: disabled\n';
    const { report } = await check(repo(base(resourceSet({ head: keep })), { 'apps/tenants.yaml': resourceSet({ head: keep, inputs: ['{tenant: team1, size: 1Gi}'] }) }));
    expect(new Set(report.findings.map((finding) => finding.rule))).toEqual(new Set(['prune-protected']));
    const fluxOnly = '  commonMetadata:\n    annotations:\n      kustomize.toolkit.fluxcd.io/prune: disabled\n';
    const flux = await check(repo(base(resourceSet({ head: fluxOnly })), { 'apps/tenants.yaml': resourceSet({ head: fluxOnly, inputs: ['{tenant: team1, size: 1Gi}'] }) }));
    const namespace = flux.report.findings.find((finding) => finding.rule === 'namespace-removed');
    expect(namespace?.message).toContain('means nothing to the Flux Operator');
  });

  it('Permute across two Static providers: ids as the operator computes them, a default value change is an object change', async () => {
    const provider = (name: string, values: string): string => `apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSetInputProvider
metadata: {name: ${name}, namespace: flux-system, labels: {set: envs}}
spec:
  type: Static
  defaultValues: ${values}
`;
    const permuted = (): string => `apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: matrix, namespace: flux-system}
spec:
  inputStrategy: {name: Permute}
  inputsFrom:
    - selector: {matchLabels: {set: envs}}
  resources:
    - apiVersion: v1
      kind: ConfigMap
      metadata:
        name: app-<< inputs.id >>
        namespace: default
      data:
        env: << inputs.env.name | quote >>
        version: << inputs.release.version | quote >>
`;
    const files = (version: string): Tree => ({ 'apps/kustomization.yaml': 'resources: [matrix.yaml, env.yaml, release.yaml]\n', 'apps/matrix.yaml': permuted(), 'apps/env.yaml': provider('env', '{name: prod}'), 'apps/release.yaml': provider('release', `{version: "${version}"}`) });
    const { report } = await check(repo({ ...base(), ...files('1.0.0') }, { 'apps/release.yaml': provider('release', '{version: "1.1.0"}') }));
    // adler32("env=0/release=0"): the permutation id the operator gives the only permutation.
    const changed = (report.changes.changed ?? []) as Array<{ unit: string; object: { kind: string; name: string } }>;
    expect(changed.map((entry) => `${entry.unit}: ${entry.object.kind}/${entry.object.name}`)).toEqual(['flux-system/apps: ResourceSetInputProvider/release', 'flux-system/apps / ResourceSet flux-system/matrix: ConfigMap/app-717489460']);
    expect(report.findings).toEqual([]);
  });

  it('a dynamic input provider: the ResourceSet is not rendered, never read as empty', async () => {
    const dynamic = resourceSet({ head: '  inputsFrom:\n    - name: prs\n' });
    const provider = `---
apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSetInputProvider
metadata: {name: prs, namespace: flux-system}
spec: {type: GitHubPullRequest, url: https://github.com/example/app}
`;
    const { code, report } = await check(repo(base(), { 'apps/tenants.yaml': dynamic + provider }));
    // Rendered before, not after: the change hides what the set does, a warning (not blocking by default).
    expect(code).toBe(0);
    expect(summarize(report.findings)).toEqual(['warning resourceset-not-rendered ResourceSet/flux-system/tenants']);
    expect(report.findings[0]?.message).toContain('ResourceSetInputProvider/flux-system/prs of type GitHubPullRequest');
  });

  it('a template function prune-guard does not run: not rendered, naming the function; one the operator lacks fails as it does', async () => {
    const stamp = (call: string): string => resourceSet({ extra: `    - apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: stamp, namespace: default}\n      data: {at: "<< ${call} >>"}\n` });
    const { code, report } = await check(repo(base(), { 'apps/tenants.yaml': stamp('duration 90') }));
    expect(code).toBe(0);
    expect(summarize(report.findings)).toEqual(['warning resourceset-not-rendered ResourceSet/flux-system/tenants']);
    expect(report.findings[0]?.message).toContain('resources[3] uses duration, which prune-guard does not render');
    const missing = await check(repo(base(), { 'apps/tenants.yaml': stamp('now') }));
    expect(missing.report.findings[0]?.message).toContain('function "now" not defined');
  });

  it('a generated Flux Kustomization joins the tree and is rendered; dropping its input deletes what it applied', async () => {
    const generator = `apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: tenants, namespace: flux-system}
spec:
  inputs:
    - {tenant: team1}
    - {tenant: team2}
  resourcesTemplate: |
    apiVersion: kustomize.toolkit.fluxcd.io/v1
    kind: Kustomization
    metadata:
      name: << inputs.tenant >>
      namespace: flux-system
    spec:
      interval: 10m
      path: ./tenants/<< inputs.tenant >>
      prune: true
      sourceRef: {kind: GitRepository, name: flux-system}
`;
    const tenantTree = (name: string): Tree => ({ [`tenants/${name}/kustomization.yaml`]: 'resources: [ns.yaml]\n', [`tenants/${name}/ns.yaml`]: `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n` });
    const before = { ...base(generator), ...tenantTree('team1'), ...tenantTree('team2') };
    const after = generator.replace('    - {tenant: team2}\n', '');
    const { code, report } = await check(repo(before, { 'apps/tenants.yaml': after }));
    expect(code).toBe(1);
    expect(report.units.find((unit) => unit.name === 'flux-system/team1')?.flux?.parent).toBe(SET_UNIT);
    expect(summarize(report.findings)).toEqual(['error kustomization-removed Kustomization/flux-system/team2']);
    expect(report.findings[0]?.message).toContain('Namespace/team2');
  });
  it('a FluxInstance is the root; without helm-controller, the HelmReleases a new input adds have nothing to reconcile them', async () => {
    const instance = `apiVersion: fluxcd.controlplane.io/v1
kind: FluxInstance
metadata: {name: flux, namespace: flux-system}
spec:
  distribution: {version: "2.7.x", registry: ghcr.io/fluxcd}
  components: [source-controller, kustomize-controller, notification-controller]
  sync: {kind: GitRepository, url: "https://github.com/example/fleet.git", ref: refs/heads/main, path: clusters/prod}
`;
    const tree: Tree = { 'clusters/prod/flux-instance.yaml': instance, 'clusters/prod/apps.yaml': appsKs(), 'apps/kustomization.yaml': 'resources: [tenants.yaml]\n', 'apps/tenants.yaml': resourceSet({ inputs: ['{tenant: team1, size: 1Gi}'] }) };
    const { report } = await check(repo(tree, { 'apps/tenants.yaml': resourceSet() }));
    expect(report.units.map((unit) => unit.name)).toContain('flux-system/flux-system');
    const missing = report.findings.filter((finding) => finding.rule === 'flux-component-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', unit: SET_UNIT, object: { kind: 'HelmRelease', namespace: 'team2' } });
    expect(missing[0]?.message).toContain('helm-controller');
  });
  it("a FluxInstance syncing another branch than the change's: its root is not rendered, so nothing reads as removed", async () => {
    const instance = (ref: string): string => `apiVersion: fluxcd.controlplane.io/v1
kind: FluxInstance
metadata: {name: flux, namespace: flux-system}
spec:
  distribution: {version: "2.x"}
  sync: {kind: GitRepository, url: "https://github.com/example/fleet.git", ref: ${ref}, path: clusters/prod}
`;
    const tree = (ref: string): Tree => ({ 'clusters/prod/flux-instance.yaml': instance(ref), 'clusters/prod/apps.yaml': appsKs(), 'apps/kustomization.yaml': 'resources: [tenants.yaml]\n', 'apps/tenants.yaml': resourceSet() });
    const elsewhere = await check(repo(tree('refs/heads/release'), { 'apps/tenants.yaml': resourceSet({ inputs: ['{tenant: team1, size: 1Gi}'] }) }));
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.report.units.find((unit) => unit.name === 'flux-system/flux-system')?.flux?.skipped).toContain('follows refs/heads/release of this repository');
    expect(elsewhere.report.findings.filter((finding) => finding.severity !== 'notice')).toEqual([]);
    const here = await check(repo(tree('refs/heads/main'), { 'apps/tenants.yaml': resourceSet({ inputs: ['{tenant: team1, size: 1Gi}'] }) }));
    expect(here.code).toBe(1);
  });
});
