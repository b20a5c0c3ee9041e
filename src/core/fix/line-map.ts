/**
 * Line numbers of one version of a file carried over to another. The Action renders the merge
 * commit actions/checkout makes, but GitHub places review suggestions on the pull request's
 * head: when the base branch has moved, the same line sits at another number there, or is not
 * there at all.
 */
import { diffArrays } from 'diff';
import type { Fix, FixEdit } from '../rules/findings.ts';

/** Maps a 1-based line of one version to the same line of the other; undefined where the line changed. */
export type LineMap = (line: number) => number | undefined;

/** Builds the map from `from`'s lines to `to`'s: a line maps when the diff keeps it unchanged. */
export function createLineMap(from: string, to: string): LineMap {
  if (from === to) return (line) => line;
  const mapped = new Map<number, number>();
  let fromLine = 1;
  let toLine = 1;
  for (const part of diffArrays(from.split('\n'), to.split('\n'))) {
    const count = part.value.length;
    if (part.added) toLine += count;
    else if (part.removed) fromLine += count;
    else for (let offset = 0; offset < count; offset++) mapped.set(fromLine++, toLine++);
  }
  return (line) => mapped.get(line);
}

/** What {@link mapFixLines} made of the fixes. */
export interface MappedFixes {
  /** The fixes, in the same order, with every edit that maps renumbered. */
  readonly fixes: readonly Fix[];
  /** Fixes with an edit on lines the other version does not have: they keep their own numbers. */
  readonly unmapped: readonly Fix[];
}

/**
 * Renumbers fix edits from the version they were planned on to another, one map per path (a
 * path without a map keeps its numbers). An edit maps only as a whole, onto as many
 * consecutive lines: a suggestion on shifted lines would replace the wrong ones, and since
 * those lines are unchanged, the replacement holds for the other version as it is.
 */
export function mapFixLines(fixes: readonly Fix[], maps: ReadonlyMap<string, LineMap>): MappedFixes {
  const unmapped: Fix[] = [];
  const mapped = fixes.map((fix) => {
    const edits = fix.edits.map((edit) => mapEdit(edit, maps.get(edit.path)));
    if (edits.some((edit) => edit === undefined)) {
      unmapped.push(fix);
      return fix;
    }
    return edits.every((edit, index) => edit === fix.edits[index]) ? fix : { ...fix, edits: edits as FixEdit[] };
  });
  return { fixes: mapped, unmapped };
}

function mapEdit(edit: FixEdit, map: LineMap | undefined): FixEdit | undefined {
  if (!map) return edit;
  const start = map(edit.startLine);
  if (start === undefined) return undefined;
  for (let line = edit.startLine; line <= edit.endLine; line++) {
    if (map(line) !== start + (line - edit.startLine)) return undefined;
  }
  return start === edit.startLine ? edit : { ...edit, startLine: start, endLine: start + (edit.endLine - edit.startLine) };
}
