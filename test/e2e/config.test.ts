/**
 * `.prune-guard.yaml` end to end: each key changes what a user sees, and a bad file stops
 * the run with one line naming it.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, commitAll, configMap, git, hasKustomize, makeTempDir, parseReport, runCli, writeTree } from './helpers.ts';

/** The removals-by-severity fixture (a ClusterRole and a ConfigMap go) with a config in AFTER. */
function fixtureWithConfig(config: string | null): string {
  const dir = makeTempDir();
  cpSync(join(FIXTURES, 'removals-by-severity'), dir, { recursive: true });
  if (config !== null) writeTree(dir, { 'after/.prune-guard.yaml': config });
  return dir;
}

describe.skipIf(!hasKustomize)('configuration file', () => {
  it('failOn sets the verdict level; --fail-on overrides it', async () => {
    const dir = fixtureWithConfig('failOn: warning\n');
    expect((await runCli(['diff', 'before', 'after'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['diff', 'before', 'after', '--fail-on', 'error'], { cwd: dir })).code).toBe(0);
  });

  it('severity overrides apply per object pattern, first match wins', async () => {
    const dir = fixtureWithConfig('severity:\n  - match: "rbac.authorization.k8s.io/ClusterRole/*/reader"\n    severity: error\n  - match: "**"\n    severity: notice\n');
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(parseReport(result).findings.map((finding) => `${finding.severity} ${finding.object.kind}`)).toEqual(['error ClusterRole', 'notice ConfigMap']);
  });

  it('ignore leaves objects out of the comparison', async () => {
    const dir = fixtureWithConfig('ignore:\n  - "/ConfigMap/web/*"\n');
    const report = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir }));
    expect(report.findings.map((finding) => finding.object.kind)).toEqual(['ClusterRole']);
    expect(report.summary).toMatchObject({ add: 0, prune: 1 });
  });

  it('clusterScoped makes a custom kind lose the namespace kustomize gave it', async () => {
    const tenant = 'apiVersion: example.com/v1\nkind: Tenant\nmetadata:\n  name: acme\n';
    const dir = makeTempDir();
    writeTree(dir, {
      'before/kustomization.yaml': 'namespace: apps\nresources:\n  - tenant.yaml\n',
      'before/tenant.yaml': tenant,
      'after/kustomization.yaml': 'namespace: apps\nresources:\n  - cm.yaml\n',
      'after/cm.yaml': configMap('a', 'apps'),
    });
    const plain = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir }));
    expect(plain.findings.map((finding) => `${finding.rule} ${finding.object.namespace}`)).toEqual(['object-removed apps']);
    writeTree(dir, { 'after/.prune-guard.yaml': 'clusterScoped:\n  - Tenant.example.com\n' });
    const configured = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir }));
    expect(configured.findings.map((finding) => `${finding.rule} ${finding.object.namespace}`)).toEqual(['cluster-scoped-removed ']);
  });

  it('sources maps a GitRepository to this repository; substitute fills cluster-only variables', async () => {
    const dir = makeTempDir('prune-guard-flux-');
    cpSync(join(FIXTURES, 'flux-fleet'), dir, { recursive: true });
    writeTree(dir, {
      'clusters/production/apps.yaml': (await import('node:fs')).readFileSync(join(FIXTURES, 'flux-fleet/clusters/production/apps.yaml'), 'utf8').replace('    name: flux-system\n  postBuild', '    name: fleet-apps\n  postBuild'),
      'apps/base/shop/deployment.yaml': (await import('node:fs')).readFileSync(join(FIXTURES, 'flux-fleet/apps/base/shop/deployment.yaml'), 'utf8').replace('    env: ${cluster_env}\n', '    env: ${cluster_env}\n    region: ${region}\n'),
    });
    git(dir, 'init', '-q', '-b', 'main');
    commitAll(dir, 'base');
    const unmapped = parseReport(await runCli(['--format', 'json'], { cwd: dir }));
    expect(unmapped.units.find((unit) => unit.name === 'flux-system/apps')?.flux?.skipped).toContain('GitRepository/flux-system/fleet-apps is not declared in this repository');

    // The policy is the base side's: committed, it applies to the next change.
    writeTree(dir, { '.prune-guard.yaml': 'sources:\n  - flux-system/fleet-apps\nsubstitute:\n  region: eu-west-1\n' });
    commitAll(dir, 'configure');
    const mapped = parseReport(await runCli(['--format', 'json', '--render', 'all'], { cwd: dir }));
    expect(mapped.units.find((unit) => unit.name === 'flux-system/apps')?.flux?.skipped).toBeNull();
    expect(mapped.findings.filter((finding) => finding.rule === 'variable-missing')).toEqual([]);
  });

  it.each([
    ['failon: warning\n', /^prune-guard: after\/\.prune-guard\.yaml:1: unknown key 'failon' \(did you mean 'failOn'\?\)/],
    ['severity:\n  - match: "**"\n    severity: critical\n', /^prune-guard: after\/\.prune-guard\.yaml:3: severity\[0\]\.severity is set to invalid value 'critical'/],
  ])('a bad configuration exits 2 with one line naming file, line and key: %j', async (config, message) => {
    const result = await runCli(['diff', 'before', 'after'], { cwd: fixtureWithConfig(config) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--config names another file, and a missing one is an error', async () => {
    const dir = fixtureWithConfig(null);
    writeTree(dir, { 'strict.yaml': 'failOn: notice\n' });
    expect((await runCli(['diff', 'before', 'after', '--config', 'strict.yaml'], { cwd: dir })).code).toBe(1);
    const missing = await runCli(['diff', 'before', 'after', '--config', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^prune-guard: .*nope\.yaml/);
  });
});
