/**
 * Findings about the change itself: reads outside the repository, configuration edits, the
 * alias-bomb check and the run's bounds.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.ts';
import { describeConfigChange, describeKustomizationObject, describeOutsideReads, listConfigChanges } from '../../../src/core/rules/outside-reads.ts';
import { checkUnitCount, createObjectBudget, MAX_UNITS } from '../../../src/core/objects/limits.ts';
import { findAliasBomb } from '../../../src/core/objects/yaml-bomb.ts';

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

describe('describeConfigChange', () => {
  const parse = (text: string) => parseConfig(text, '.prune-guard.yaml');

  it('lists what changes key by key, and nothing for an equivalent file', () => {
    expect(listConfigChanges(parse('failOn: error\n'), parse('failOn: never\nignore: ["**"]\n'))).toEqual(['failOn "error" -> "never"', 'ignore adds "**"']);
    expect(describeConfigChange('.prune-guard.yaml', parse('failOn: error # strict\n'), parse('failOn: "error"\n'))).toBeUndefined();
  });

  it('never quotes a mirror token', () => {
    const changes = listConfigChanges(parse(''), parse('mirrors:\n  https://raw.githubusercontent.com/: https://user:s3cret@mirror.example.com/\n'));
    expect(changes.join()).not.toContain('s3cret');
    expect(changes.join()).toContain('mirrors adds');
  });

  it('names a file that no longer loads', () => {
    const finding = describeConfigChange('.prune-guard.yaml', parse(''), { problem: '.prune-guard.yaml:1: unknown key' });
    expect(finding).toMatchObject({ rule: 'config-changed', severity: 'error', object: { kind: 'File', name: '.prune-guard.yaml' } });
    expect(finding?.message).toContain('into one that does not load (.prune-guard.yaml:1: unknown key)');
  });
});

describe('findAliasBomb', () => {
  it('passes anchors used a few times and refuses exponential expansion', () => {
    expect(findAliasBomb('a: &x {k: v}\nb: *x\nc: *x\n')).toBeUndefined();
    expect(findAliasBomb('script: "a && b"\n')).toBeUndefined();
    let text = 'a: &a [l, l, l, l, l, l, l, l, l]\n';
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f']) {
      text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
      previous = name;
    }
    expect(findAliasBomb(text)).toBe('its YAML aliases expand beyond 10,000 nodes (an alias bomb)');
  });
});

describe('limits', () => {
  it('stops a run past its object budget and a side past its unit count, naming them', () => {
    const budget = createObjectBudget(10);
    budget.spend(6, 'apps');
    expect(() => budget.spend(5, 'infra')).toThrow('more than 10 objects rendered in one run (the last 5 from infra): check a narrower path');
    expect(() => checkUnitCount(MAX_UNITS, 'Flux Kustomizations')).not.toThrow();
    expect(() => checkUnitCount(MAX_UNITS + 1, 'Flux Kustomizations')).toThrow('more than 5,000 Flux Kustomizations on one side');
  });
});
