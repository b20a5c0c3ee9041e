import { describe, expect, it } from 'vitest';
import { createPhaseLogger, createProgressTracker } from '../../src/app/render-progress.ts';

/** A clock the test sets. */
function createClock(): { readonly read: () => number; set: (ms: number) => void } {
  let now = 0;
  return { read: () => now, set: (ms) => (now = ms) };
}

describe('createPhaseLogger', () => {
  it('writes one line per phase that rendered something, and the totals when rendering is done', () => {
    const lines: string[] = [];
    const clock = createClock();
    const tracker = createProgressTracker(createPhaseLogger((line) => lines.push(line), clock.read));
    tracker.rendered(false);
    tracker.planned(12);
    clock.set(300);
    tracker.phase('changed');
    tracker.rendered(false);
    tracker.rendered(true);
    clock.set(800);
    // Nothing a finding needed: the phase renders nothing and gets no line.
    tracker.phase('needed');
    tracker.identical(9);
    clock.set(1000);
    tracker.phase('done');
    expect(lines).toEqual([
      'units that list others: 12 units, 1 build, 0.3s',
      'changed units: 12 units, 2 builds, 1 from the cache, 0.8s',
      'rendering done: 12 units, 2 builds, 1 from the cache, 9 identical, not rendered, 1.0s',
    ]);
  });

  it('writes only the totals when nothing was rendered', () => {
    const lines: string[] = [];
    const clock = createClock();
    const tracker = createProgressTracker(createPhaseLogger((line) => lines.push(line), clock.read));
    tracker.planned(3);
    tracker.phase('changed');
    tracker.identical(3);
    clock.set(500);
    tracker.phase('done');
    expect(lines).toEqual(['rendering done: 3 units, 0 builds, 3 identical, not rendered, 0.5s']);
  });
});
