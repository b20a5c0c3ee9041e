/** The finding for a change to the configuration file. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.ts';
import { describeConfigChange, listConfigChanges } from '../../../src/core/config/config-changes.ts';

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
