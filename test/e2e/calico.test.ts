/**
 * The incident prune-guard exists for: Calico v3.30.0 moved its CRDs out of
 * tigera-operator.yaml, so a one-line URL bump from v3.29.3 pruned all 24 of them.
 * Uses the real Calico manifests from ../shared (never copied into this project).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, commitAll, git, hasKustomize, kustomization, makeRepo, makeTempDir, parseReport, runCli, serveFiles, writeTree, type FileServer } from './helpers.ts';

const CALICO = resolve(PROJECT_ROOT, '../shared/fixtures/calico');
const hasCalico = existsSync(join(CALICO, 'v3.30.0/operator-crds.yaml'));
const reason = !hasKustomize ? 'kubectl/kustomize not installed' : `${CALICO} not found`;

function calicoTree(dir: string, version: string, files: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(CALICO, version, file), join(dir, file));
  writeTree(dir, { 'kustomization.yaml': kustomization(...files) });
}

describe.skipIf(!hasKustomize || !hasCalico)(`Calico v3.29.3 -> v3.30.0 upgrade${hasCalico && hasKustomize ? '' : ` (skipped: ${reason})`}`, () => {
  it('flags all 24 pruned CRDs with their cascade and the CRs left without a CRD, and exits 1', async () => {
    const dir = makeTempDir();
    calicoTree(join(dir, 'before'), 'v3.29.3', ['tigera-operator.yaml', 'custom-resources.yaml']);
    calicoTree(join(dir, 'after'), 'v3.30.0', ['tigera-operator.yaml', 'custom-resources.yaml']);

    const text = await runCli(['diff', 'before', 'after'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Plan: 4 to add, 2 to change, 24 to prune (24 CRDs)');

    const report = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir }));
    const removedCrds = report.findings.filter((finding) => finding.rule === 'crd-removed');
    expect(removedCrds).toHaveLength(24);
    expect(removedCrds.every((finding) => finding.severity === 'error')).toBe(true);
    expect(removedCrds.every((finding) => /deletes every \w+ with it/.test(finding.message))).toBe(true);
    expect(removedCrds.every((finding) => finding.provenance?.file === 'tigera-operator.yaml')).toBe(true);
    expect(removedCrds.every((finding) => finding.provenance?.kustomization === 'kustomization.yaml')).toBe(true);

    const installations = removedCrds.find((finding) => finding.object.name === 'installations.operator.tigera.io');
    expect(installations?.cascade).toEqual(['Installation/default']);
    expect(installations?.message).toContain('Installation/default');
    const ippools = removedCrds.find((finding) => finding.object.name === 'ippools.crd.projectcalico.org');
    expect(ippools?.message).toContain('every IPPool');

    const missing = report.findings
      .filter((finding) => finding.rule === 'crd-missing')
      .map((finding) => `${finding.object.kind}/${finding.object.name}`)
      .sort();
    expect(missing).toEqual(['APIServer/default', 'Goldmane/default', 'Installation/default', 'Whisker/default']);
    expect(report.summary.findings.error).toBe(28);
  });

  it('passes once v3.30.0 operator-crds.yaml is listed', async () => {
    const dir = makeTempDir();
    calicoTree(join(dir, 'before'), 'v3.29.3', ['tigera-operator.yaml', 'custom-resources.yaml']);
    calicoTree(join(dir, 'after'), 'v3.30.0', ['operator-crds.yaml', 'tigera-operator.yaml', 'custom-resources.yaml']);

    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    const report = parseReport(result);
    expect(result.code).toBe(0);
    expect(report.summary.findings.error).toBe(0);
    expect(report.summary.prune).toBe(0);
  });

  describe('as the one-line URL change in a git repository', () => {
    let server: FileServer;
    beforeAll(async () => {
      // raw.githubusercontent.com/projectcalico/calico/<tag>/manifests/<file>, served locally.
      server = await serveFiles(CALICO, (path) => path.replace(/^\/projectcalico\/calico\/([^/]+)\/manifests\//, '/$1/'));
    });
    afterAll(() => server.close());

    const url = (tag: string, file: string): string => `${server.origin}/projectcalico/calico/${tag}/manifests/${file}`;

    it('names the URL and the kustomization line that brought the pruned CRDs in', async () => {
      const repo = makeRepo({
        'infrastructure/calico/kustomization.yaml': kustomization(url('v3.29.3', 'tigera-operator.yaml'), 'custom-resources.yaml'),
        'infrastructure/calico/custom-resources.yaml': '',
      });
      copyFileSync(join(CALICO, 'v3.29.3/custom-resources.yaml'), join(repo, 'infrastructure/calico/custom-resources.yaml'));
      commitAll(repo, 'calico v3.29.3');
      git(repo, 'checkout', '-q', '-b', 'upgrade-calico');
      writeTree(repo, {
        'infrastructure/calico/kustomization.yaml': kustomization(url('v3.30.0', 'tigera-operator.yaml'), 'custom-resources.yaml'),
      });
      copyFileSync(join(CALICO, 'v3.30.0/custom-resources.yaml'), join(repo, 'infrastructure/calico/custom-resources.yaml'));
      commitAll(repo, 'upgrade calico to v3.30.0');

      // The kustomization names the local server directly: the operator allows it.
      const result = await runCli(['--base', 'main', '--format', 'json', '--allow-remote', '127.0.0.1'], { cwd: repo });
      expect(result.code).toBe(1);
      const report = parseReport(result);
      const removed = report.findings.filter((finding) => finding.rule === 'crd-removed');
      expect(removed).toHaveLength(24);
      for (const finding of removed) {
        expect(finding.unit).toBe('infrastructure/calico');
        expect(finding.provenance).toEqual({
          url: url('v3.29.3', 'tigera-operator.yaml'),
          kustomization: 'infrastructure/calico/kustomization.yaml',
          line: 4,
        });
      }
    });
  });
});
