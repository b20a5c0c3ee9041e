import { describe, expect, it } from 'vitest';
import { createProgressDisplay } from '../../../src/app/cli/progress-display.ts';
import type { RenderProgress } from '../../../src/app/render-progress.ts';

const at = (phase: RenderProgress['phase'], builds: number): RenderProgress => ({ phase, units: 3, builds, cached: 0, identical: 0 });

/** A display whose output and clock the test holds. */
function display(style: Parameters<typeof createProgressDisplay>[0]): { out: string[]; tick: (ms: number) => void; shown: ReturnType<typeof createProgressDisplay> } {
  const out: string[] = [];
  let now = 0;
  const shown = createProgressDisplay(style, (text) => out.push(text), () => now);
  return { out, tick: (ms) => (now += ms), shown };
}

describe('createProgressDisplay', () => {
  it('redraws one line on a terminal, at most every tenth of a second, and clears it at the end', () => {
    const { out, tick, shown } = display('line');
    shown.onProgress?.(at('changed', 1));
    tick(150);
    shown.onProgress?.(at('changed', 2));
    tick(20);
    shown.onProgress?.(at('changed', 3));
    shown.onProgress?.(at('done', 3));
    shown.end();
    expect(out).toEqual(['\r\u001b[Kchanged units: 3 units, 2 builds, 0.1s', '\r\u001b[Krendering done: 3 units, 3 builds, 0.2s', '\r\u001b[K']);
  });

  it('writes whole lines, without carriage returns or escape codes, one per phase', () => {
    const { out, tick, shown } = display('phases');
    shown.onProgress?.(at('discover', 0));
    shown.onProgress?.(at('changed', 0));
    tick(500);
    shown.onProgress?.(at('changed', 2));
    shown.onProgress?.(at('done', 2));
    shown.end();
    expect(out).toEqual(['prune-guard: changed units: 3 units, 2 builds, 0.5s\n', 'prune-guard: rendering done: 3 units, 2 builds, 0.5s\n']);
  });

  it('shows nothing when there is to be no progress', () => {
    const { out, shown } = display('none');
    expect(shown.onProgress).toBeUndefined();
    shown.end();
    expect(out).toEqual([]);
  });
});
