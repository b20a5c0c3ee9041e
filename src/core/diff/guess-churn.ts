/**
 * A guess, from the text of an input file before and after a change, of whether a build gains
 * or loses objects. It only decides how a side is first built (with kustomize's origin
 * annotations, which cost a third of a build again, or without): a wrong guess costs time,
 * never a verdict, since a side the report needs sources for is built again.
 */

/** Whether the objects a build makes may go (`removes`) or come (`adds`). */
export interface Churn {
  /** The side before may hold objects the side after lacks. */
  readonly removes: boolean;
  /** The side after may hold objects the side before lacks. */
  readonly adds: boolean;
}

/** Both ways: what a guess says when it cannot tell. */
export const ANY_CHURN: Churn = { removes: true, adds: true };

/** No objects come or go. */
export const NO_CHURN: Churn = { removes: false, adds: false };

/**
 * Lines that name an object or split documents: an object whose identity lines change, or a
 * document that comes or goes, is an addition and a removal. YAML and JSON spellings alike.
 */
const IDENTITY_LINE = /^---|^\s*(?:-\s+)?["']?(?:apiVersion|kind|name|namespace|generateName|items)["']?\s*:/;

/** A strategic-merge directive: `$patch: delete` removes an object from a build. */
const PATCH_DIRECTIVE = /\$patch/;

/**
 * Compares the identity lines of the two texts as multisets: one only before hints at a
 * removal, one only after at an addition. A changed `$patch` directive may do either.
 */
export function guessChurn(before: string, after: string): Churn {
  const counts = new Map<string, number>();
  for (const line of before.split('\n')) {
    if (IDENTITY_LINE.test(line) || PATCH_DIRECTIVE.test(line)) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  let adds = false;
  for (const line of after.split('\n')) {
    if (!IDENTITY_LINE.test(line) && !PATCH_DIRECTIVE.test(line)) continue;
    const count = counts.get(line) ?? 0;
    if (count > 0) counts.set(line, count - 1);
    else if (PATCH_DIRECTIVE.test(line)) return ANY_CHURN;
    else adds = true;
  }
  let removes = false;
  for (const [line, count] of counts) {
    if (count === 0) continue;
    if (PATCH_DIRECTIVE.test(line)) return ANY_CHURN;
    removes = true;
  }
  return { removes, adds };
}

/** Either guess's churn. */
export function mergeChurn(a: Churn, b: Churn): Churn {
  return { removes: a.removes || b.removes, adds: a.adds || b.adds };
}
