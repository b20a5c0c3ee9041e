import { describe, expect, it } from 'vitest';
import type { Fix, FixEdit } from '../../../src/core/rules/findings.ts';
import { createLineMap, mapFixLines } from '../../../src/core/fix/line-map.ts';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// The pull request's head; the merge commit adds two comment lines that main gained meanwhile.
const head = lines('apiVersion: v1beta1', 'kind: Kustomization', 'resources:', '  - cm.yaml', '  - web.yaml');
const merged = lines('# owned by platform', '# see docs', 'apiVersion: v1beta1', 'kind: Kustomization', 'resources:', '  - cm.yaml', '  - web.yaml');

function fixOf(...edits: FixEdit[]): Fix {
  return { source: 'local', description: 'Keep it.', entries: ['crd.yaml'], edits, files: [], restores: [], verified: true };
}

function edit(path: string, startLine: number, endLine: number): FixEdit {
  return { path, startLine, endLine, replacement: '  - crd.yaml\n  - cm.yaml', description: 'd' };
}

describe('createLineMap', () => {
  it.each([
    ['a line below the lines main added', 6, 4],
    ['the first line both have', 3, 1],
    ['a line only the merge commit has', 1, undefined],
    ['a line past the end', 40, undefined],
  ])('maps %s', (_name, line, expected) => {
    expect(createLineMap(merged, head)(line)).toBe(expected);
  });

  it('maps nothing that changed on the way, and every line of an identical file to itself', () => {
    const changed = createLineMap(lines('a', 'b', 'c'), lines('a', 'B', 'c'));
    expect([1, 2, 3].map(changed)).toEqual([1, undefined, 3]);
    expect([1, 2, 3].map(createLineMap(head, head))).toEqual([1, 2, 3]);
  });
});

describe('mapFixLines', () => {
  it('renumbers an edit onto the lines the other version has, keeping the fix otherwise as it was', () => {
    const fix = fixOf(edit('app/kustomization.yaml', 6, 6));
    const { fixes, unmapped } = mapFixLines([fix], new Map([['app/kustomization.yaml', createLineMap(merged, head)]]));
    expect(unmapped).toEqual([]);
    expect(fixes).toEqual([{ ...fix, edits: [{ ...fix.edits[0], startLine: 4, endLine: 4 }] }]);
  });

  it('keeps a fix on a path without a map as it is, the same object', () => {
    const fix = fixOf(edit('other/kustomization.yaml', 6, 7));
    const { fixes, unmapped } = mapFixLines([fix], new Map([['app/kustomization.yaml', createLineMap(merged, head)]]));
    expect(fixes[0]).toBe(fix);
    expect(unmapped).toEqual([]);
  });

  it.each([
    ['an edit on a line the other version lacks', lines('a', 'b', 'c'), lines('a', 'c'), 2, 2],
    ['an edit over lines the other version splits apart', lines('a', 'b', 'c'), lines('a', 'x', 'b', 'c'), 1, 2],
  ])('leaves %s unmapped, with its own numbers', (_name, from, to, startLine, endLine) => {
    const fix = fixOf(edit('k.yaml', startLine, endLine));
    const { fixes, unmapped } = mapFixLines([fix], new Map([['k.yaml', createLineMap(from, to)]]));
    expect(unmapped).toEqual([fix]);
    expect(fixes).toEqual([fix]);
  });
});
