import { describe, expect, it } from 'vitest';
import { buildResourceSet } from '../../../src/core/resourceset/build-resourceset.ts';
import { combineInputs } from '../../../src/core/resourceset/combine-inputs.ts';
import { expandResourceSets } from '../../../src/core/resourceset/expand-resourcesets.ts';
import { readResourceSet } from '../../../src/core/resourceset/resourceset-model.ts';
import { parseOne } from '../../helpers/flux.ts';

/** Builds a ResourceSet written as YAML with its inline inputs. */
function build(yaml: string) {
  const set = readResourceSet(parseOne(yaml), 'default');
  const combined = combineInputs(set, []);
  if ('problem' in combined) throw new Error(combined.problem);
  return buildResourceSet(set, combined.inputs);
}

const names = (result: ReturnType<typeof build>): string[] => ('objects' in result ? result.objects.map((body) => `${String(body.kind)}/${String((body.metadata as { namespace?: string }).namespace ?? '')}/${String((body.metadata as { name: string }).name)}`) : [result.problem]);

describe('buildResourceSet', () => {
  it('templates each resource per input as YAML text, so `| int` gives a number; shared objects are applied once', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: podinfo, namespace: apps}
spec:
  inputs:
    - {tenant: team1, replicas: "2"}
    - {tenant: team2, replicas: "3"}
  resources:
    - apiVersion: source.toolkit.fluxcd.io/v1
      kind: OCIRepository
      metadata: {name: podinfo, namespace: default}
      spec: {url: oci://ghcr.io/stefanprodan/charts/podinfo}
    - apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: podinfo-<< inputs.tenant >>, namespace: default}
      spec:
        values:
          replicaCount: << inputs.replicas | int >>
`);
    expect(names(result)).toEqual(['OCIRepository/default/podinfo', 'HelmRelease/default/podinfo-team1', 'HelmRelease/default/podinfo-team2']);
    if (!('objects' in result)) return;
    expect((result.objects[2]?.spec as { values: unknown }).values).toEqual({ replicaCount: 3 });
    expect(result.objects[1]?.metadata).toMatchObject({ labels: { 'resourceset.fluxcd.controlplane.io/name': 'podinfo', 'resourceset.fluxcd.controlplane.io/namespace': 'apps' } });
  });

  it('leaves out what a template marks reconcile: disabled, per input', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: tenants, namespace: flux-system}
spec:
  inputs: [{tenant: team1}, {tenant: team2}]
  resources:
    - apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: flux
        namespace: << inputs.tenant >>
        annotations:
          fluxcd.controlplane.io/reconcile: << if eq inputs.tenant "team1" >>enabled<< else >>disabled<< end >>
`);
    expect(names(result)).toEqual(['ServiceAccount/team1/flux']);
  });

  it('a multi-document resourcesTemplate ranges over nested inputs; spec.commonMetadata wins over the owner labels', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: apps, namespace: test}
spec:
  commonMetadata:
    labels: {resourceset.fluxcd.controlplane.io/name: mine, team: a}
  inputs:
    - tenantName: team1
      applications:
        - name: app1
          envs: [{name: staging, version: v1.0.1}, {name: production, version: v1.0.0}]
  resourcesTemplate: |
    <<- $tenant := inputs.tenantName >>
    <<- range $app := inputs.applications >>
    <<- range $env := $app.envs >>
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: << $app.name >>
      namespace: << $tenant >>-<< $env.name >>
    data:
      version: << $env.version >>
    <<- end >>
    <<- end >>
`);
    expect(names(result)).toEqual(['ConfigMap/team1-staging/app1', 'ConfigMap/team1-production/app1']);
    if ('objects' in result) expect(result.objects[0]?.metadata).toMatchObject({ labels: { 'resourceset.fluxcd.controlplane.io/name': 'mine', team: 'a' } });
  });

  it('with no inputs each resource is applied once as written, duplicates and all', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: plain, namespace: default}
spec:
  resources:
    - {apiVersion: v1, kind: ConfigMap, metadata: {name: same, namespace: default}}
    - {apiVersion: v1, kind: ConfigMap, metadata: {name: same, namespace: default}}
`);
    expect(names(result)).toEqual(['ConfigMap/default/same', 'ConfigMap/default/same']);
  });

  it('steps that generate the same object are refused, as the operator refuses them', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: staged, namespace: default}
spec:
  steps:
    - name: first
      resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: cm, namespace: default}}]
    - name: second
      resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: cm, namespace: default}}]
`);
    expect(result).toEqual({ problem: 'steps "first" and "second" both generate ConfigMap/cm' });
  });

  it('a missing input key is a problem naming the resource, never an empty render', () => {
    const result = build(`apiVersion: fluxcd.controlplane.io/v1
kind: ResourceSet
metadata: {name: broken, namespace: default}
spec:
  inputs: [{tenant: team1}]
  resources:
    - {apiVersion: v1, kind: Namespace, metadata: {name: "<< inputs.team >>"}}
`);
    expect('problem' in result && result.problem).toMatch(/^resources\[0\] fails: .*map has no entry for key "team"/);
  });
});

describe('expandResourceSets', () => {
  it('expands each ResourceSet of a render, generated objects pointing at its file', () => {
    const body = parseOne('apiVersion: fluxcd.controlplane.io/v1\nkind: ResourceSet\nmetadata: {name: one}\nspec:\n  inputs: [{n: a}]\n  resources: [{apiVersion: v1, kind: ConfigMap, metadata: {name: "cm-<< inputs.n >>"}}]\n');
    const [expanded] = expandResourceSets([{ body, provenance: { file: 'apps/one.yaml', kustomization: 'apps/kustomization.yaml', line: 2 } }, { body: parseOne('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n') }], [], 'apps');
    expect(expanded).toMatchObject({ set: 'apps/one', disabled: false, docs: [{ body: { metadata: { name: 'cm-a' } }, provenance: { file: 'apps/one.yaml' } }] });
    expect(expanded?.docs[0]?.provenance).toEqual({ file: 'apps/one.yaml' });
  });
});
