import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.ts';
import { EMPTY_CONFIG, type Config } from '../../../src/core/config/config-model.ts';

const CONFIG_DOC = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');

/** The YAML block under the "Every key" heading of docs/configuration.md. */
function readEveryKeyExample(text: string): string {
  const section = text.slice(text.indexOf('## Every key'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block?.[1]) throw new Error('docs/configuration.md has no yaml block under "## Every key"');
  return block[1];
}

/** True when a parsed key holds something: a value, a non-empty list, mapping or record. */
function isSet(value: unknown): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.values(value).some(isSet);
  return true;
}

describe('docs/configuration.md', () => {
  const example = readEveryKeyExample(CONFIG_DOC);
  const config = parseConfig(example, 'docs/configuration.md');

  it('shows a file that parses and sets every key the configuration has', () => {
    const keys = [...new Set(['failOn', 'kubernetesVersion', ...Object.keys(EMPTY_CONFIG)])] as Array<keyof Config>;
    expect(keys.filter((key) => !isSet(config[key]))).toEqual([]);
    expect(Object.keys(config).sort()).toEqual([...keys].sort());
  });

  it('documents every top-level key in a section of its own', () => {
    for (const key of Object.keys(config)) expect(CONFIG_DOC).toMatch(new RegExp(`^### ${key}$`, 'm'));
  });
});
