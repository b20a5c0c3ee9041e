/**
 * docs/report.schema.json describes exactly what `--format json` prints: reports of real runs
 * validate, an in-memory report with every optional part validates, and a report with a field
 * the model does not have, or a value outside its enums, does not.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import { FailLevels, FixSources, Rules, SEVERITY_ORDER } from '../../src/core/rules/findings.ts';
import { checkReportSchema, reportSchema } from '../helpers/report-validators.ts';
import { crdYaml, toDocs, toReport, yamlDocs } from '../helpers/objects.ts';

const schema = reportSchema;
const check = (report: unknown): string[] => checkReportSchema(report as Report);

// Every optional part set: Flux, helm and ResourceSet units, a fix with an edit and a file,
// Secret keys, a replaced generated name, a new apiVersion, a cascade, full provenance.
const base = toReport({
  'apps/shop': {
    before: [...toDocs(crdYaml('widgets', 'example.com', 'Widget'), { url: 'https://example.com/crds.yaml', kustomization: 'apps/shop/kustomization.yaml', line: 4 })],
    after: yamlDocs('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\n'),
  },
});
const counts = { add: 1, change: 1, prune: 1, replace: 1, unchanged: 2 };
const ref = (kind: string, name: string, namespace = 'shop') => ({ group: '', kind, namespace, name, apiVersion: 'v1' });
const [crdRemoved] = base.findings;
if (!crdRemoved) throw new Error('a finding');
const full: Report = {
  ...base,
  notes: ['clusters/prod has no committed flux-system sync Kustomization: it is assumed to be the root.'],
  findings: [
    { ...crdRemoved, cascade: ['Widget/shop/w'], fixIndex: 0, provenance: { file: 'crds.yaml', url: 'https://example.com/crds.yaml', repo: 'https://github.com/example/repo?ref=v1', generator: 'ConfigMapGenerator', kustomization: 'apps/shop/kustomization.yaml', line: 4 } },
    ...base.findings.slice(1),
  ],
  fixes: [
    {
      source: 'vendored',
      description: 'Keep the CRD in a file of its own.',
      entries: ['crds.yaml'],
      edits: [{ path: 'apps/shop/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds.yaml\n  - app.yaml', description: 'Lists crds.yaml.' }],
      files: [{ path: 'apps/shop/crds.yaml', content: crdYaml('widgets', 'example.com', 'Widget') }],
      restores: ['apiextensions.k8s.io/CustomResourceDefinition//widgets.example.com'],
      verified: true,
    },
  ],
  units: [
    { name: 'prod: flux-system/apps', flux: { path: 'apps/prod', prune: true, verdict: 'pruned', parent: 'prod: flux-system/flux-system', skipped: null }, before: 3, after: 2, counts, cluster: 'prod' },
    { name: 'prod: flux-system/flux-system', flux: { path: 'clusters/prod', prune: false, verdict: 'orphaned', parent: null, skipped: 'source is an OCIRepository' }, before: 1, after: null, counts, skipped: 'source is an OCIRepository', cluster: 'prod' },
    { name: 'prod: shop/podinfo', helm: { parent: 'prod: flux-system/apps', release: 'shop/podinfo', action: 'uninstall' }, before: null, after: 4, counts, cluster: 'prod' },
    { name: 'prod: shop/tenants', resourceSet: { parent: 'prod: flux-system/apps', set: 'shop/tenants', action: 'delete' }, before: 2, after: null, counts, cluster: 'prod' },
  ],
  stats: { builds: 12, cached: 3, identical: 40 },
  changes: {
    added: [{ unit: 'apps/shop', object: ref('Service', 'web') }],
    removed: base.changes.removed,
    changed: [
      {
        unit: 'apps/shop',
        object: { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'web', apiVersion: 'autoscaling/v2' },
        previousApiVersion: 'autoscaling/v2beta2',
        patch: [
          { op: 'replace', path: '/spec/maxReplicas', value: 5 },
          { op: 'remove', path: '/spec/minReplicas' },
          { op: 'add', path: '/metadata/labels', value: { tier: 'web' } },
        ],
        diff: '--- before\n+++ after\n',
      },
      { unit: 'apps/shop', object: ref('Secret', 'db'), patch: [{ op: 'replace', path: '/data/password', value: '(redacted)' }], diff: '', secretKeys: { added: ['token'], removed: [], changed: ['password'] } },
    ],
    replaced: [{ unit: 'apps/shop', from: ref('ConfigMap', 'settings-abc123'), to: ref('ConfigMap', 'settings-def456') }],
  },
};

describe('docs/report.schema.json', () => {
  it('names itself and the enums the code has', () => {
    expect(schema.$id).toBe('https://github.com/prune-guard/prune-guard/blob/main/docs/report.schema.json');
    expect(schema.$defs.ruleId?.enum).toEqual(Object.values(Rules));
    expect(schema.$defs.severity?.enum).toEqual(SEVERITY_ORDER);
    expect(schema.properties.failOn?.enum).toEqual(Object.values(FailLevels));
    expect(schema.$defs.fix?.properties?.source?.enum).toEqual(Object.values(FixSources));
  });

  it('accepts a report with every optional part set', () => {
    expect(check(full)).toEqual([]);
  });

  it('accepts a report with nothing in it', () => {
    expect(check(toReport({ '': { before: '', after: '' } }))).toEqual([]);
  });

  it('refuses a field the model does not have', () => {
    expect(check({ ...full, generatedAt: '2024-01-01' })).toEqual([' must NOT have additional properties']);
    expect(check({ ...full, findings: [{ ...crdRemoved, value: 'hunter2' }] })).toEqual(['/findings/0 must NOT have additional properties']);
  });

  it('refuses a severity, rule or verdict outside its enum, and a missing required field', () => {
    expect(check({ ...full, findings: [{ ...crdRemoved, severity: 'critical' }] })).toEqual(['/findings/0/severity must be equal to one of the allowed values']);
    expect(check({ ...full, findings: [{ ...crdRemoved, rule: 'crd-deleted' }] })).toEqual(['/findings/0/rule must be equal to one of the allowed values']);
    expect(check({ ...full, failOn: 'fatal' })).toEqual(['/failOn must be equal to one of the allowed values']);
    const { blocking: _blocking, ...unblocked } = full;
    expect(check(unblocked)).toEqual([" must have required property 'blocking'"]);
    expect(check({ ...full, schemaVersion: 2 })).toEqual(['/schemaVersion must be equal to constant']);
  });
});
