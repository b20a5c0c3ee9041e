import { describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../../src/core/text/shell-word.ts';

describe('quoteShellWord', () => {
  it('leaves plain words as they are', () => {
    expect(quoteShellWord('examples/operator-crds/after')).toBe('examples/operator-crds/after');
    expect(quoteShellWord('--fail-on=warning')).toBe('--fail-on=warning');
  });

  it.each([
    ['/tmp/own b', "'/tmp/own b'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf ~)', "'$(rm -rf ~)'"],
    ['a;b', "'a;b'"],
    ['', "''"],
  ])('quotes %j as one word a shell reads back: %s', (value, quoted) => {
    expect(quoteShellWord(value)).toBe(quoted);
  });
});
