/**
 * The gate's policy comes from the trusted side: a pull request that drops a CRD and, in the
 * same change, adds a configuration that ignores everything or never fails, still fails,
 * and the configuration edit is a blocking finding of its own that says what it changes.
 */
import { describe, expect, it } from 'vitest';
import { commitAll, crd, git, hasKustomize, kustomization, makeRepo, parseReport, runCli, writeTree } from '../e2e/helpers.ts';
import { expectExitCode, runEveryFormat } from './helpers.ts';

/** main renders a CRD; the working tree drops it and edits the configuration as given. */
function makeSilencingChange(config: Record<string, string | null>, baseConfig: Record<string, string> = {}): string {
  const repo = makeRepo({ 'infra/kustomization.yaml': kustomization('crds.yaml'), 'infra/crds.yaml': crd('Widget', 'example.com', 'Cluster'), ...baseConfig });
  writeTree(repo, { 'infra/kustomization.yaml': kustomization('ns.yaml'), 'infra/crds.yaml': null, 'infra/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n', ...config });
  return repo;
}

describe.skipIf(!hasKustomize)('the configuration comes from the base side', () => {
  it('a change that adds ignore "**" and failOn never still fails, and the edit itself is a blocking finding', async () => {
    const repo = makeSilencingChange({ '.prune-guard.yaml': 'failOn: never\nignore:\n  - "**"\n' });
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
    expectExitCode(runs, 1);
    const report = parseReport(runs.find((run) => run.format === 'json')!);
    expect(report.findings.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual(['error config-changed', 'error crd-removed']);
    const message = report.findings[0]?.message ?? '';
    expect(message).toContain('This change edits .prune-guard.yaml, the configuration of this check: failOn (unset) -> "never"; ignore adds "**"');
    expect(report.failOn).toBe('error');
    // The text report says the same for a reader of the job log.
    expect(runs.find((run) => run.format === 'text')?.stdout).toContain('config-changed');
  });

  it('the base side sets the policy: its failOn and ignore apply, and an unchanged file raises nothing', async () => {
    const repo = makeSilencingChange({}, { '.prune-guard.yaml': 'failOn: never\n' });
    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(0);
    const report = parseReport(result);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['crd-removed']);
    expect(report.failOn).toBe('never');
  });

  it('loosening a severity override or changing a substitute value is listed key by key', async () => {
    const base = 'severity:\n  - match: "*/Namespace/*/*"\n    severity: error\nsubstitute:\n  cluster: prod\n';
    const repo = makeSilencingChange({ '.prune-guard.yaml': 'severity:\n  - match: "*/Namespace/*/*"\n    severity: notice\nsubstitute:\n  cluster: dev\n' }, { '.prune-guard.yaml': base });
    const report = parseReport(await runCli(['--base', 'main', '--format', 'json'], { cwd: repo }));
    const message = report.findings.find((finding) => finding.rule === 'config-changed')?.message ?? '';
    expect(message).toContain('severity adds {"match":"*/Namespace/*/*","severity":"notice"}');
    expect(message).toContain('severity drops {"match":"*/Namespace/*/*","severity":"error"}');
    expect(message).toContain('substitute.cluster "prod" -> "dev"');
  });

  it('a configuration the change breaks is named, and the run still judges with the base side one', async () => {
    const repo = makeSilencingChange({ '.prune-guard.yaml': 'failOn: sometimes\n' });
    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const finding = parseReport(result).findings.find((candidate) => candidate.rule === 'config-changed');
    expect(finding?.message).toContain("into one that does not load (.prune-guard.yaml:1: failOn is set to invalid value 'sometimes'");
  });

  it('the policy is the base branch as it stands, not the merge base a branch was cut from', async () => {
    const repo = makeRepo({ 'rbac/kustomization.yaml': kustomization('role.yaml'), 'rbac/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n' });
    git(repo, 'checkout', '-q', '-b', 'change');
    git(repo, 'checkout', '-q', 'main');
    writeTree(repo, { '.prune-guard.yaml': 'failOn: warning\n' });
    commitAll(repo, 'tighten the policy');
    git(repo, 'checkout', '-q', 'change');
    writeTree(repo, { 'rbac/kustomization.yaml': kustomization(), 'rbac/role.yaml': null, 'rbac/ns.yaml': null });
    writeTree(repo, { 'rbac/kustomization.yaml': kustomization('cm.yaml'), 'rbac/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\n' });
    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const report = parseReport(result);
    expect(report.failOn).toBe('warning');
    expect(report.findings.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual(['warning cluster-scoped-removed']);
  });

  it('a configuration file the change turns into a directory is a finding, not a crash', async () => {
    const repo = makeSilencingChange({ '.prune-guard.yaml/x': 'failOn: never\n' });
    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    expect(parseReport(result).findings.find((finding) => finding.rule === 'config-changed')?.message).toContain('(.prune-guard.yaml: is not a file)');
  });

  it('--config is the operator\'s choice and wins, with no finding about the repository file', async () => {
    const repo = makeSilencingChange({ '.prune-guard.yaml': 'failOn: never\n' });
    const result = await runCli(['--base', 'main', '--format', 'json', '--config', '.prune-guard.yaml'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(parseReport(result).findings.map((finding) => finding.rule)).toEqual(['crd-removed']);
  });
});
