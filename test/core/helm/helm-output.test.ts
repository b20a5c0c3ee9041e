import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../../src/core/errors.ts';
import { classifyPart, findKeepValue, parseHelmOutput } from '../../../src/core/helm/helm-output.ts';

const configMap = (name: string, annotations = ''): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotations}data:\n  text: |\n    a line\n    ---\n    still the same value\n`;

describe('parseHelmOutput', () => {
  it('keeps each document with the file helm names, a block scalar holding a --- line whole', () => {
    const output = `---\n# Source: app/crds/a.yaml\n${configMap('a')}---\n# Source: app/templates/b.yaml\n${configMap('b')}\n---\n# Source: app/templates/empty.yaml\n\n`;
    const documents = parseHelmOutput(output, 'HelmRelease apps/app');
    expect(documents.map(({ source, part, body }) => [source, part, (body.metadata as { name: string }).name])).toEqual([
      ['app/crds/a.yaml', 'crds', 'a'],
      ['app/templates/b.yaml', 'templates', 'b'],
    ]);
    expect((documents[1]?.body.data as { text: string }).text).toBe('a line\n---\nstill the same value\n');
  });

  it('names the release and the file of a document that does not parse', () => {
    expect(() => parseHelmOutput('---\n# Source: app/templates/bad.yaml\nkind: [\n', 'HelmRelease apps/app')).toThrow(ManifestError);
    expect(() => parseHelmOutput('---\n# Source: app/templates/bad.yaml\nkind: [\n', 'HelmRelease apps/app')).toThrow('helm template output of HelmRelease apps/app (app/templates/bad.yaml)');
  });
});

describe('classifyPart', () => {
  const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
  it.each([
    ['app/crds/a.yaml', 'crds'],
    ['app/charts/sub/crds/a.yaml', 'crds'],
    ['app/charts/sub/charts/deeper/crds/a.yaml', 'crds'],
    ['app/templates/crds/a.yaml', 'templates'],
    ['app/templates/a.yaml', 'templates'],
    ['', 'templates'],
  ])('%s is %s', (source, part) => {
    expect(classifyPart(source, body)).toBe(part);
  });

  it('sets a hook aside wherever it lies, a test among them', () => {
    expect(classifyPart('app/templates/tests/t.yaml', { ...body, metadata: { name: 't', annotations: { 'helm.sh/hook': 'test' } } })).toBe('hook');
  });
});

describe('findKeepValue', () => {
  it('finds the value a chart offers for helm.sh/resource-policy: keep, in the ways charts write it', () => {
    expect(findKeepValue('metadata:\n  {{- if .Values.crds.keep }}\n  annotations:\n    helm.sh/resource-policy: keep\n  {{- end }}\n')).toBe('crds.keep');
    expect(findKeepValue('{{- if .Values.keepCRDs }}\n  annotations: {"helm.sh/resource-policy": "keep"}\n{{- end }}')).toBe('keepCRDs');
  });

  it('finds none where the annotation does not hang on a value, or another action comes between', () => {
    expect(findKeepValue('annotations:\n  helm.sh/resource-policy: keep\n')).toBeUndefined();
    expect(findKeepValue('{{- if .Values.enabled }}\nkind: X\n{{ include "labels" . }}\n  helm.sh/resource-policy: keep\n')).toBeUndefined();
  });
});
