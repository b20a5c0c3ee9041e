import { describe, expect, it } from 'vitest';
import { createPainter } from '../../src/report/paint.ts';

describe('createPainter', () => {
  it('wraps text in the style codes, turning off only that style', () => {
    const paint = createPainter(true);
    expect(paint('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(paint('bold', paint('green', 'x'))).toBe('\u001b[1m\u001b[32mx\u001b[39m\u001b[22m');
  });

  it('leaves an empty text empty, so no line is codes alone', () => {
    expect(createPainter(true)('dim', '')).toBe('');
  });

  it('leaves every text as it is without colour', () => {
    expect(createPainter(false)('red', 'x')).toBe('x');
  });
});
