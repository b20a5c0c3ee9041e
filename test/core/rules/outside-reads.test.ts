/** Findings about a unit that reads outside the repository. */
import { describe, expect, it } from 'vitest';
import { describeKustomizationObject, describeOutsideReads } from '../../../src/core/rules/outside-reads.ts';

describe('describeOutsideReads', () => {
  it('blocks after the change, only notes before it, and lists at most ten paths', () => {
    const reads = Array.from({ length: 12 }, (_, index) => ({ file: 'app/kustomization.yaml', line: index + 2, field: 'resources', value: `/etc/f${index}` }));
    const after = describeOutsideReads('app', describeKustomizationObject('app/kustomization.yaml'), 'after', reads);
    expect(after).toHaveLength(10);
    expect(after[0]).toMatchObject({ rule: 'reads-outside-repository', severity: 'error', provenance: { kustomization: 'app/kustomization.yaml', line: 2 } });
    expect(after[9]?.message).toContain('/etc/f9 (resources) (and 2 more such paths)');
    const before = describeOutsideReads('app', describeKustomizationObject('app/kustomization.yaml'), 'before', reads.slice(0, 1));
    expect(before[0]?.severity).toBe('notice');
  });
});
