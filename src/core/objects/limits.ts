/**
 * Run-wide bounds: a pull request can declare any number of units and objects, and every
 * one costs memory. Past these, the run stops with one line instead of taking the runner
 * down; real repositories stay far below them.
 */
import { ManifestError } from '../errors.ts';

/** Kustomization roots, or Flux Kustomizations, on one side. */
export const MAX_UNITS = 5_000;

/** Rendered objects over the whole run, both sides. */
export const MAX_OBJECTS = 500_000;

/** Counts rendered objects against {@link MAX_OBJECTS}. */
export interface ObjectBudget {
  /** Counts `count` more objects of `source`; throws a ManifestError naming it past the limit. */
  spend(count: number, source: string): void;
}

/** Creates a budget of `limit` objects. */
export function createObjectBudget(limit = MAX_OBJECTS): ObjectBudget {
  let spent = 0;
  return {
    spend(count, source) {
      spent += count;
      if (spent > limit) {
        throw new ManifestError(`more than ${limit.toLocaleString('en-US')} objects rendered in one run (the last ${count.toLocaleString('en-US')} from ${source}): check a narrower path`);
      }
    },
  };
}

/** Throws a ManifestError when one side has more than {@link MAX_UNITS} units. */
export function checkUnitCount(count: number, what: string): void {
  if (count > MAX_UNITS) throw new ManifestError(`more than ${MAX_UNITS.toLocaleString('en-US')} ${what} on one side (${count.toLocaleString('en-US')}): check a narrower path`);
}
