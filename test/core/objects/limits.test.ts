/** The run's bounds on units and rendered objects. */
import { describe, expect, it } from 'vitest';
import { checkUnitCount, createObjectBudget, MAX_UNITS } from '../../../src/core/objects/limits.ts';

describe('limits', () => {
  it('stops a run past its object budget and a side past its unit count, naming them', () => {
    const budget = createObjectBudget(10);
    budget.spend(6, 'apps');
    expect(() => budget.spend(5, 'infra')).toThrow('more than 10 objects rendered in one run (the last 5 from infra): check a narrower path');
    expect(() => checkUnitCount(MAX_UNITS, 'Flux Kustomizations')).not.toThrow();
    expect(() => checkUnitCount(MAX_UNITS + 1, 'Flux Kustomizations')).toThrow('more than 5,000 Flux Kustomizations on one side');
  });
});
