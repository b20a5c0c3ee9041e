import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rules } from '../../../src/core/rules/findings.ts';

const RULES_DOC = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
const RULE_IDS: readonly string[] = Object.values(Rules);

/** The rule sections of docs/rules.md: the id of each `### \`id\`` heading, with its text up to the next heading. */
function readRuleSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = text.split(/^(?=#{1,3} )/m);
  for (const part of parts) {
    const heading = /^### `([a-z0-9-]+)`\s*$/m.exec(part.split('\n')[0] ?? '');
    if (heading?.[1]) sections.set(heading[1], part);
  }
  return sections;
}

describe('docs/rules.md', () => {
  const sections = readRuleSections(RULES_DOC);

  it('has a section for every rule id prune-guard reports, and none for a rule it does not', () => {
    expect([...sections.keys()].sort()).toEqual([...RULE_IDS].sort());
  });

  it('gives every rule its severities, when it fires, why it matters and how to fix it', () => {
    for (const [id, section] of sections) {
      const missing = ['**Severity:**', '**When:**', '**Why it matters:**', '**Fix:**'].filter((label) => !section.includes(label));
      expect({ id, missing }).toEqual({ id, missing: [] });
      const severity = /\*\*Severity:\*\*([^\n]*(?:\n(?!\n)[^\n]*)*)/.exec(section)?.[1] ?? '';
      expect({ id, names: /\b(error|warning|notice)\b/.test(severity) }).toEqual({ id, names: true });
    }
  });

  it('lists every rule once in its summary table, linked to its section', () => {
    const rows = [...RULES_DOC.matchAll(/^\| \[`([a-z0-9-]+)`\]\(#([a-z0-9-]+)\) \|/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual([...RULE_IDS].sort());
    for (const row of rows) expect(row[2]).toBe(row[1]);
  });
});
