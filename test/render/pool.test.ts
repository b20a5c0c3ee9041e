import { describe, expect, it } from 'vitest';
import { createPool, mapInPool } from '../../src/render/pool.ts';

describe('mapInPool', () => {
  it('keeps input order and never runs more than the width at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapInPool([30, 10, 20, 5, 15], 2, async (ms) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((done) => setTimeout(done, ms));
      running -= 1;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 10, 30]);
    expect(peak).toBe(2);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = mapInPool([1, 2, 3, 4], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('render failed');
      return item;
    });
    await expect(run).rejects.toThrow('render failed');
    expect(started).toEqual([1, 2]);
  });
});

describe('createPool', () => {
  it('runs tasks handed in one at a time, never more than the width at once, each settling with its own result', async () => {
    const run = createPool(2);
    let running = 0;
    let peak = 0;
    const task = (ms: number, fail = false) => async (): Promise<number> => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((done) => setTimeout(done, ms));
      running -= 1;
      if (fail) throw new Error(`failed after ${ms}`);
      return ms;
    };
    const first = run(task(20));
    const second = run(task(5, true));
    // Handed in later, while the first two run: it waits for a free slot.
    await new Promise((done) => setTimeout(done, 1));
    const third = run(task(10));
    expect(running).toBe(2);
    await expect(second).rejects.toThrow('failed after 5');
    expect(await Promise.all([first, third])).toEqual([20, 10]);
    expect(peak).toBe(2);
  });
});
