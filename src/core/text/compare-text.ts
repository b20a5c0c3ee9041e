/** Ordering of text that output relies on to be deterministic. */

/** Orders strings by code unit, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
