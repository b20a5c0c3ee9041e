import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describeLineChange, listResourceEntries, planResourceInsertion } from '../../../src/core/fix/kustomization-edit.ts';

const CALICO = 'https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests';

describe('planResourceInsertion', () => {
  it('puts the Calico CRDs right before the operator, as a suggestion on the changed line', () => {
    const text = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      '# Calico, pinned',
      'resources:',
      `  - ${CALICO}/tigera-operator.yaml  # the operator`,
      '  - custom-resources.yaml',
      '',
    ].join('\n');
    const planned = planResourceInsertion('infra/calico/kustomization.yaml', text, {
      entries: [`${CALICO}/operator-crds.yaml`],
      before: `${CALICO}/tigera-operator.yaml`,
      description: 'List operator-crds.yaml before tigera-operator.yaml.',
    });
    expect(planned?.fix).toEqual({
      path: 'infra/calico/kustomization.yaml',
      startLine: 5,
      endLine: 5,
      replacement: `  - ${CALICO}/operator-crds.yaml\n  - ${CALICO}/tigera-operator.yaml  # the operator`,
      description: 'List operator-crds.yaml before tigera-operator.yaml.',
    });
    // Everything else, comments included, stays as written.
    expect(planned?.text).toBe(text.replace(`  - ${CALICO}/tigera-operator.yaml`, `  - ${CALICO}/operator-crds.yaml\n  - ${CALICO}/tigera-operator.yaml`));
    expect((parse(planned?.text ?? '') as { resources: string[] }).resources).toEqual([`${CALICO}/operator-crds.yaml`, `${CALICO}/tigera-operator.yaml`, 'custom-resources.yaml']);
  });

  it.each([
    ['double-quoted, unindented dashes', 'resources:\n- "operator.yaml"\n', '- "crds.yaml"\n- "operator.yaml"'],
    ["single-quoted", "resources:\n    - 'operator.yaml'\n", "    - 'crds.yaml'\n    - 'operator.yaml'"],
  ])('keeps the quoting and indentation of its neighbour: %s', (_name, text, replacement) => {
    const planned = planResourceInsertion('k.yaml', text, { entries: ['crds.yaml'], before: 'operator.yaml', description: 'd' });
    expect(planned?.fix.replacement).toBe(replacement);
    expect((parse(planned?.text ?? '') as { resources: string[] }).resources).toEqual(['crds.yaml', 'operator.yaml']);
  });

  it('appends after the last entry when no position is asked for', () => {
    const planned = planResourceInsertion('k.yaml', 'resources:\n  - a.yaml\n  - b.yaml\nnamespace: x\n', { entries: ['crds.yaml'], description: 'd' });
    expect(planned?.fix).toMatchObject({ startLine: 3, endLine: 3, replacement: '  - b.yaml\n  - crds.yaml' });
    expect(parse(planned?.text ?? '')).toEqual({ resources: ['a.yaml', 'b.yaml', 'crds.yaml'], namespace: 'x' });
  });

  it('adds a resources list to a kustomization that has none', () => {
    const planned = planResourceInsertion('k.yaml', 'namespace: x\n\n', { entries: ['crds.yaml'], description: 'd' });
    expect(parse(planned?.text ?? '')).toEqual({ namespace: 'x', resources: ['crds.yaml'] });
    expect(planned?.fix).toMatchObject({ startLine: 1, endLine: 1 });
  });

  it.each([
    ['a flow-style list', 'resources: [a.yaml, b.yaml]\n', undefined],
    ['an entry that is not there', 'resources:\n  - a.yaml\n', 'missing.yaml'],
    ['malformed YAML', 'resources:\n  - a.yaml\n  x: [\n', undefined],
  ])('declines to guess for %s', (_name, text, before) => {
    expect(planResourceInsertion('k.yaml', text, { entries: ['crds.yaml'], ...(before ? { before } : {}), description: 'd' })).toBeUndefined();
  });

  it.each([
    ['before an entry', 'resources:\r\n  - a.yaml\r\n', { before: 'a.yaml' }, 'resources:\r\n  - crds.yaml\r\n  - a.yaml\r\n'],
    ['into a file without a list', 'namespace: x\r\n', {}, 'namespace: x\r\nresources:\r\n  - crds.yaml\r\n'],
    ['into a file without a list or a final newline', 'namespace: x', {}, 'namespace: x\nresources:\n  - crds.yaml'],
    ['after the last entry of a file without a final newline', 'resources:\r\n  - a.yaml', {}, 'resources:\r\n  - a.yaml\r\n  - crds.yaml'],
    ['into a CRLF file without a list or a final newline', 'namespace: x\r\nkind: Kustomization', {}, 'namespace: x\r\nkind: Kustomization\r\nresources:\r\n  - crds.yaml'],
  ])('keeps the line endings of the file: %s', (_name, text, where, expected) => {
    expect(planResourceInsertion('k.yaml', text, { entries: ['crds.yaml'], ...where, description: 'd' })?.text).toBe(expected);
  });

  it('fills an empty resources: key in place, keeping its comment', () => {
    const planned = planResourceInsertion('k.yaml', 'resources: # none yet\nnamespace: x\n', { entries: ['crds.yaml'], description: 'd' });
    expect(planned?.text).toBe('resources:\n  - crds.yaml\nnamespace: x\n');
    expect(planned?.fix).toMatchObject({ startLine: 1, endLine: 1, replacement: 'resources:\n  - crds.yaml' });
  });

  it.each(['#weird.yaml', '~', 'null', 'true', 'yes', 'foo:', '@x.yaml', 'a.yaml #b', '0123', ' spaced.yaml'])('quotes an entry YAML would misread: %j', (entry) => {
    const planned = planResourceInsertion('k.yaml', 'resources:\n  - a.yaml\n', { entries: [entry], description: 'd' });
    expect((parse(planned?.text ?? '') as { resources: string[] }).resources).toEqual(['a.yaml', entry]);
    expect((parse(planned?.text ?? '', { version: '1.1' }) as { resources: string[] }).resources).toEqual(['a.yaml', entry]);
  });
});

describe('listResourceEntries', () => {
  it('lists resources, then the deprecated bases, each with its line and list', () => {
    expect(listResourceEntries('bases:\n  - ../base\nresources:\n  - a.yaml\n  - "b.yaml"\n')).toEqual([
      { value: 'a.yaml', line: 4, list: 'resources' },
      { value: 'b.yaml', line: 5, list: 'resources' },
      { value: '../base', line: 2, list: 'bases' },
    ]);
  });
});

describe('describeLineChange', () => {
  const before = ['resources:', '  - a.yaml', '  - b.yaml', '  - c.yaml', ''].join('\n');
  it.each<[string, string, [number, number, string]]>([
    ['an insertion before a line takes that line along', ['resources:', '  - crds.yaml', '  - a.yaml', '  - b.yaml', '  - c.yaml', ''].join('\n'), [2, 2, '  - crds.yaml\n  - a.yaml']],
    ['two insertions become one range from the first to the last changed line', ['resources:', '  - crds.yaml', '  - a.yaml', '  - b.yaml', '  - ns.yaml', '  - c.yaml', ''].join('\n'), [2, 3, '  - crds.yaml\n  - a.yaml\n  - b.yaml\n  - ns.yaml']],
    ['a replaced line', ['resources:', '  - a.yaml', '  - B.yaml', '  - c.yaml', ''].join('\n'), [3, 3, '  - B.yaml']],
    ['text added after the final newline', `${before}  - d.yaml`, [5, 5, '  - d.yaml']],
  ])('%s', (_name, after, [startLine, endLine, replacement]) => {
    const edit = describeLineChange('k.yaml', before, after, 'd');
    expect(edit).toEqual({ path: 'k.yaml', startLine, endLine, replacement, description: 'd' });
    // Applying the range replacement to the old text gives the new text.
    const lines = before.split('\n');
    lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement.split('\n'));
    expect(lines.join('\n')).toBe(after);
  });

  it.each([
    ['without a final newline', 'a\nb', 'a\nb\nc'],
    ['with a final newline', 'a\nb\n', 'a\nb\nc\n'],
  ])('anchors an insertion after the last line of a file %s on that line', (_name, before, after) => {
    expect(describeLineChange('k.yaml', before, after, 'd')).toEqual({ path: 'k.yaml', startLine: 2, endLine: 2, replacement: 'b\nc', description: 'd' });
  });
});
