/**
 * API versions against the clusters' Kubernetes version, end to end in diff mode: the
 * version from --kubernetes-version or kubernetesVersion in the configuration.
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKustomize, makeTempDir, parseReport, runCli, writeTree, type Tree } from './helpers.ts';

function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(join(dir, 'before'), before);
  writeTree(join(dir, 'after'), after);
  return dir;
}

const hpa = (apiVersion: string): string =>
  `apiVersion: ${apiVersion}\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 1, maxReplicas: 3}\n`;
const tree = (apiVersion: string, extra: Tree = {}): Tree => ({ 'kustomization.yaml': 'resources: [hpa.yaml]\n', 'hpa.yaml': hpa(apiVersion), ...extra });

describe.skipIf(!hasKustomize)('API versions the clusters no longer serve', () => {
  it('an HPA written as autoscaling/v2beta2 blocks on Kubernetes 1.26 (its removal), not on 1.25 (deprecated: a notice)', async () => {
    const dir = sides({ 'kustomization.yaml': 'resources: []\n' }, tree('autoscaling/v2beta2'));
    const removed = await runCli(['diff', 'before', 'after', '--format', 'json', '--kubernetes-version', '1.26'], { cwd: dir });
    expect(removed.code).toBe(1);
    expect(parseReport(removed).findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.object.kind}/${finding.object.name}`)).toEqual(['error api-removed HorizontalPodAutoscaler/web']);
    // diff names the root after the folder that holds before/ and after/.
    expect(parseReport(removed).findings[0]?.message).toContain(`which Kubernetes 1.26.0 no longer serves (removed in 1.26): the API server refuses it, and the apply of ${basename(dir)} fails; write autoscaling/v2 instead`);
    const deprecated = await runCli(['diff', 'before', 'after', '--format', 'json', '--kubernetes-version', '1.25'], { cwd: dir });
    expect(deprecated.code).toBe(0);
    expect(parseReport(deprecated).findings.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual(['notice api-deprecated']);
  });

  it('reads kubernetesVersion from the configuration, and judges only what the change touches', async () => {
    const config = { '.prune-guard.yaml': 'kubernetesVersion: "1.30"\n' };
    const touched = sides(tree('autoscaling/v2'), tree('autoscaling/v2beta2', config));
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: touched });
    expect(result.code).toBe(1);
    const untouched = sides(tree('autoscaling/v2beta2'), tree('autoscaling/v2beta2', { ...config, 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n', 'kustomization.yaml': 'resources: [hpa.yaml, cm.yaml]\n' }));
    const quiet = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: untouched });
    expect(parseReport(quiet).findings.filter((finding) => finding.rule.startsWith('api-'))).toEqual([]);
  });

  it('a requires: entry rules out an operator image the configured clusters cannot run, quoting why', async () => {
    const deployment = (tag: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tigera-operator, namespace: tigera-operator}\nspec:\n  selector: {matchLabels: {app: op}}\n  template:\n    metadata: {labels: {app: op}}\n    spec: {containers: [{name: op, image: "quay.io/tigera/operator:${tag}"}]}\n`;
    const config = 'kubernetesVersion: "1.24"\nrequires:\n  - image: "quay.io/tigera/operator:v1.34.*"\n    kubernetes: ">=1.25"\n    why: Calico v3.28.4 and later need Kubernetes 1.25 or newer\n';
    const operator = (tag: string): Tree => ({ 'kustomization.yaml': 'resources: [operator.yaml]\n', 'operator.yaml': deployment(tag), '.prune-guard.yaml': config });
    const dir = sides(operator('v1.32.10'), operator('v1.34.4'));
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(parseReport(result).findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message}`)).toEqual([
      'error requirement-unmet: Deployment/tigera-operator/tigera-operator runs quay.io/tigera/operator:v1.34.4, which needs Kubernetes >=1.25, and the clusters run 1.24.0: "Calico v3.28.4 and later need Kubernetes 1.25 or newer"',
    ]);
    const newer = await runCli(['diff', 'before', 'after', '--format', 'json', '--kubernetes-version', '1.25'], { cwd: dir });
    expect(newer.code).toBe(0);
  });
});
