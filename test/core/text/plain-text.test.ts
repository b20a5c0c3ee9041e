import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, formatLogLine, formatLogLines, protectJson, protectLine, protectLines, protectPatch } from '../../../src/core/text/plain-text.ts';

describe('escapeControlCharacters', () => {
  it.each([
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['\u001b]8;;http://evil\u0007x', '\\x1b]8;;http://evil\\x07x'],
    ['\u001b[31mred', '\\x1b[31mred'],
    ['del\u007f c1\u0085\u009b', 'del\\x7f c1\\x85\\x9b'],
    ['\u2028\u2029', '\\u2028\\u2029'],
    ['abc\u202edef\u2066\u2069\u200f\u061c', 'abc\\u202edef\\u2066\\u2069\\u200f\\u061c'],
    ['plain réseau ✓', 'plain réseau ✓'],
  ])('shows %j as %j', (input, shown) => {
    expect(escapeControlCharacters(input)).toBe(shown);
  });

  it('keeps what it is told to keep', () => {
    expect(escapeControlCharacters('a\tb\n', '\t')).toBe('a\tb\\n');
  });
});

describe('protectLine', () => {
  it.each([
    ['::error::owned', '\\::error::owned'],
    ['   \t::add-mask::x', '   \t\\::add-mask::x'],
    ['\u00a0\u0085::stop-commands::x', '\u00a0\u0085\\::stop-commands::x'],
    ['\u001b[1m::error::x\u001b[22m', '\u001b[1m\\::error::x\u001b[22m'],
    ['text ##[error]x and ###[y]', 'text ##\\[error]x and ###\\[y]'],
    ['a :: b', 'a :: b'],
    [':: at the start', '\\:: at the start'],
  ])('makes %j %j', (line, safe) => {
    expect(protectLine(line)).toBe(safe);
  });

  it('reads every line ending the runner reads', () => {
    expect(protectLines('a\r::error::x\r\n::warning::y\nz')).toBe('a\r\\::error::x\r\n\\::warning::y\nz');
  });
});

describe('log lines', () => {
  it('makes one line of anything', () => {
    expect(formatLogLine('::error::a\n::add-mask::b')).toBe('\\::error::a\\n::add-mask::b');
  });

  it('keeps the lines of a tool output, each safe', () => {
    expect(formatLogLines('first\r\n\t::error::x\u001b[31m\n##[warning]y')).toBe('first\n\t\\::error::x\\x1b[31m\n##\\[warning]y');
  });
});

describe('protectPatch', () => {
  it('leaves an ordinary patch alone, CRLF lines included', () => {
    const patch = 'diff --git a/k.yaml b/k.yaml\n--- a/k.yaml\n+++ b/k.yaml\n@@ -1,2 +1,3 @@\n resources:\r\n+  - crds.yaml\r\n   - app.yaml\t# tab\r\n';
    expect(protectPatch(patch)).toEqual({ text: patch, altered: 0 });
  });

  it('escapes context lines that would act, and counts them', () => {
    const { text, altered } = protectPatch('@@ -1,2 +1,3 @@\n     ::error::owned\n # ##[error]x\n+  - crds.yaml\n');
    expect(text).toBe('@@ -1,2 +1,3 @@\n     \\::error::owned\n # ##\\[error]x\n+  - crds.yaml\n');
    expect(altered).toBe(2);
  });
});

describe('protectJson', () => {
  it('keeps the value and hides what would act', () => {
    const value = { name: '##[error]x \u009b31m \u202e \u2028', ok: 'a' };
    const json = protectJson(`${JSON.stringify(value, null, 2)}\n`);
    expect(json).not.toContain('##[');
    expect(json).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
