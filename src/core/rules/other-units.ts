/**
 * Which units a verdict can depend on besides the ones a change touches. A unit whose inputs
 * are identical on both sides renders the same objects on both: its own diff is empty, so it
 * matters only through rules that look across units. Those are few: a removal's cascade (the
 * objects of a pruned CRD's kind, everything in a pruned Namespace), a removal that is really
 * a move to another unit, a CRD that stays because another unit still renders it, the
 * objects still written at a CRD version a change drops (or a scope change deletes), and the
 * scope of a custom kind, which a CRD in any render decides. This says which of them a
 * change needs, so that units nothing needs are never rendered.
 */
import { readsOtherUnits } from './control-plane.ts';
import { reachesOtherUnits } from './crd-versions.ts';
import type { UnitDiff } from './removal-rules.ts';

/**
 * What the rules need of the units that were not rendered: nothing; only the ones that may
 * hold CRDs (to know a custom kind's scope); or all of them (a removal's cascade and moves).
 */
export type OtherUnitsNeed = 'none' | 'crds' | 'all';

/** The word whose presence in a unit's inputs says it may render a CRD (and so decide a kind's scope). */
export const CRD_MARKER = 'CustomResourceDefinition';

/** What is known of an unrendered unit's inputs without building it. */
export interface InputSummary {
  /** Marker words its input files hold. */
  readonly markers: ReadonlySet<string>;
  /** Whether its build fetches remote content, which no marker search sees. */
  readonly remote: boolean;
}

/**
 * Decides what the rules over `units` (the rendered units of one cluster) need of the units
 * of that cluster that were not rendered. Any removal needs them all: what a pruned CRD or
 * Namespace takes with it, and whether a pruned object lives on in another unit, can be in
 * any of them. An added, changed or removed object of a kind no render gives a scope for
 * needs the units that may hold its CRD.
 */
export function decideOtherUnitsNeed(units: readonly UnitDiff[]): OtherUnitsNeed {
  let need: OtherUnitsNeed = 'none';
  for (const { diff } of units) {
    if (diff.removed.length > 0) return 'all';
    // A CRD version that goes or stops being served fails its objects wherever they are.
    if (diff.changed.some((change) => reachesOtherUnits(change.before.body, change.after.body))) return 'all';
    // An APIService or webhook is judged by its backend and the RBAC bound to it, wherever they are rendered.
    if (readsOtherUnits(diff)) return 'all';
    const touched = [...diff.added, ...diff.changed.map((change) => change.after), ...diff.replaced.map((replacement) => replacement.after)];
    if (touched.some((object) => object.scope === 'unknown')) need = 'crds';
  }
  return need;
}

/**
 * The unrendered units a need asks for: all of them, or those whose inputs may hold a CRD
 * (they mention one, or fetch remote content); a unit whose inputs are unknown counts as one.
 */
export function selectNeededUnits<T>(need: OtherUnitsNeed, units: readonly T[], inputsOf: (unit: T) => InputSummary | undefined): T[] {
  if (need === 'none') return [];
  if (need === 'all') return [...units];
  return units.filter((unit) => {
    const inputs = inputsOf(unit);
    return !inputs || inputs.remote || inputs.markers.has(CRD_MARKER);
  });
}
