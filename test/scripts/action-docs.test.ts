import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/action-docs.mjs');
const MARKERS = [
  '# Action',
  '<!-- action-inputs:start -->',
  '<!-- action-inputs:end -->',
  'Between the tables.',
  '<!-- action-outputs:start -->',
  '<!-- action-outputs:end -->',
  '',
].join('\n');
const ACTION = [
  'name: demo',
  'description: Demonstrates.',
  'inputs:',
  '  mode:',
  "    description: 'a | b, one per line'",
  "    default: 'a|b'",
  '  paths:',
  '    description: |-',
  '      First line.',
  '      Second line.',
  "    default: ''",
  'outputs:',
  '  result:',
  '    description: What came out.',
  '',
].join('\n');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding action.yml and docs/action.md with the given texts. */
function makeFiles(action: string, docs: string): { action: string; docs: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-action-docs-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'action.yml'), action);
  writeFileSync(join(dir, 'action.md'), docs);
  return { action: join(dir, 'action.yml'), docs: join(dir, 'action.md') };
}

function runScript(files: { action: string; docs: string }, ...flags: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--action', files.action, '--docs', files.docs, ...flags], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/action-docs.mjs', () => {
  it('--check fails with one line on stale docs, and passes once they are written', () => {
    const files = makeFiles(ACTION, MARKERS);
    const stale = runScript(files, '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr.trim().split('\n')).toHaveLength(1);
    expect(stale.stderr).toContain("run 'npm run docs:action'");
    expect(readFileSync(files.docs, 'utf8')).toBe(MARKERS);

    expect(runScript(files).status).toBe(0);
    expect(runScript(files, '--check').status).toBe(0);
  });

  it('writes tables whose rows hold: pipes escaped, lines joined, text outside the markers kept', () => {
    const files = makeFiles(ACTION, MARKERS);
    runScript(files);
    const docs = readFileSync(files.docs, 'utf8');
    expect(docs).toContain('| `mode` | a \\| b, one per line | `a\\|b` |');
    expect(docs).toContain('| `paths` | First line.<br>Second line. |  |');
    expect(docs).toContain('| `result` | What came out. |');
    expect(docs.startsWith('# Action\n')).toBe(true);
    expect(docs).toContain('<!-- action-inputs:end -->\nBetween the tables.\n<!-- action-outputs:start -->');
  });

  it('refuses docs without their markers and a description the Marketplace refuses, exit 2', () => {
    const missing = runScript(makeFiles(ACTION, '# Action\n'), '--check');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("needs '<!-- action-inputs:start -->'");

    const long = runScript(makeFiles(ACTION.replace('Demonstrates.', 'x'.repeat(125)), MARKERS), '--check');
    expect(long.status).toBe(2);
    expect(long.stderr).toContain('description has 125 characters');
  });
});
