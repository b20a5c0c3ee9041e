import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import { formatJson } from '../../src/report/json.ts';
import { crdYaml, toReport, yamlDocs } from '../helpers/objects.ts';

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const oldPassword = 'db-pa55word-old';
const newPassword = 'db-pa55word-new';
const goneToken = 'api-token-gone';
const freshValue = 'fresh-secret-value';
const prunedValue = 'pruned-secret-value';
const secretValues = [oldPassword, newPassword, goneToken, freshValue, prunedValue];

const beforeDocs = [
  crdYaml('widgets', 'example.com', 'Widget'),
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {mode: old}\n',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\n',
  `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata: {password: ${base64(oldPassword)}, token: ${base64(goneToken)}}\n`,
  `apiVersion: v1\nkind: Secret\nmetadata: {name: legacy, namespace: shop}\nstringData: {value: ${prunedValue}}\n`,
];
const afterDocs = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {mode: new}\n',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\n',
  `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata: {password: ${base64(newPassword)}}\n`,
  `apiVersion: v1\nkind: Secret\nmetadata: {name: fresh, namespace: shop}\nstringData: {value: ${freshValue}}\n`,
];

function build(before: readonly string[], after: readonly string[]): Report {
  return toReport({ 'apps/shop': { before: yamlDocs(...before), after: yamlDocs(...after) }, 'apps/empty': { before: '', after: '' } });
}

describe('formatJson', () => {
  const json = formatJson(build(beforeDocs, afterDocs));

  it('is parseable JSON of schema version 1 ending in a newline', () => {
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json) as Report;
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.tool.name).toBe('prune-guard');
    // Every rule the tool checks is named, so a reader can tell a rule that found nothing from one that does not exist.
    expect(parsed.tool.rules).toContain('crd-removed');
    expect(parsed.tool.rules).toContain('immutable-field-changed');
    expect(new Set(parsed.tool.rules).size).toBe(parsed.tool.rules.length);
  });

  it('holds the same report the other formats read', () => {
    const parsed = JSON.parse(json) as Report;
    expect(parsed.summary).toMatchObject({ add: 1, change: 2, prune: 3, pruneByKind: { CustomResourceDefinition: 1, Namespace: 1 } });
    expect(parsed.findings.map(({ rule }) => rule)).toEqual(['crd-removed', 'namespace-removed', 'crd-missing', 'object-removed']);
    expect(parsed.changes.changed.find(({ object }) => object.kind === 'Secret')?.secretKeys).toEqual({
      added: [],
      removed: ['token'],
      changed: ['password'],
    });
  });

  it('is byte-identical for two builds of the same input', () => {
    expect(formatJson(build(beforeDocs, afterDocs))).toBe(json);
  });

  it('does not depend on the order kustomize printed the documents in', () => {
    expect(formatJson(build([...beforeDocs].reverse(), [...afterDocs].reverse()))).toBe(json);
  });

  it('contains no Secret value, plain or base64', () => {
    for (const value of secretValues) {
      expect(json).not.toContain(value);
      expect(json).not.toContain(base64(value));
    }
  });
});
