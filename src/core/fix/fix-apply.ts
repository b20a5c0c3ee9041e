/**
 * Applying fixes: the file changes a set of fixes makes, and the same as a patch that
 * `git apply` takes. Pure: the caller reads and writes the files.
 */
import { createTwoFilesPatch } from 'diff';
import type { Fix, FixEdit } from '../rules/findings.ts';

/** One file a set of fixes changes or creates. */
export interface FileChange {
  /** Path relative to the tree root. */
  readonly path: string;
  /** Contents before; undefined for a new file. */
  readonly before: string | undefined;
  /** Contents after. */
  readonly after: string;
}

/** The file changes, and the fixes left out because they collide with an earlier one. */
export interface FixApplication {
  /** Changes, sorted by path. */
  readonly changes: readonly FileChange[];
  /** Fixes that are part of the changes. */
  readonly applied: readonly Fix[];
  /** Fixes left out: an edit overlapping another fix's edit, a missing file, or a new file that already exists. */
  readonly skipped: readonly Fix[];
}

/**
 * Works out what the fixes change. Each fix's line numbers refer to the files as they are, so
 * edits are applied bottom-up; a fix whose lines overlap an earlier fix's is skipped whole
 * rather than applied on shifted lines.
 */
export function applyFixes(fixes: readonly Fix[], read: (path: string) => string | undefined): FixApplication {
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const taken = new Map<string, Array<[number, number]>>();
  const created = new Set<string>();
  for (const fix of fixes) {
    const collides =
      fix.edits.some((edit) => read(edit.path) === undefined || (taken.get(edit.path) ?? []).some(([start, end]) => edit.startLine <= end && start <= edit.endLine)) ||
      fix.files.some((file) => created.has(file.path) || read(file.path) !== undefined);
    if (collides) {
      skipped.push(fix);
      continue;
    }
    applied.push(fix);
    for (const edit of fix.edits) taken.set(edit.path, [...(taken.get(edit.path) ?? []), [edit.startLine, edit.endLine]]);
    for (const file of fix.files) created.add(file.path);
  }

  const changes: FileChange[] = [];
  const editsByPath = new Map<string, FixEdit[]>();
  for (const edit of applied.flatMap((fix) => fix.edits)) editsByPath.set(edit.path, [...(editsByPath.get(edit.path) ?? []), edit]);
  for (const [path, edits] of editsByPath) {
    const before = read(path) as string;
    const lines = before.split('\n');
    for (const edit of [...edits].sort((a, b) => b.startLine - a.startLine)) {
      lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement.split('\n'));
    }
    changes.push({ path, before, after: lines.join('\n') });
  }
  for (const file of applied.flatMap((fix) => fix.files)) changes.push({ path: file.path, before: undefined, after: file.content });
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, applied, skipped };
}

/** Formats file changes as a git-style unified diff (`a/` and `b/` prefixes, /dev/null for new files). */
export function formatFileChanges(changes: readonly FileChange[]): string {
  return changes
    .map(({ path, before, after }) => {
      const patch = createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, `b/${path}`, before ?? '', after, undefined, undefined, { context: 3 });
      // The `Index:` and `====` lines are not part of a git patch.
      const body = patch.slice(patch.indexOf('--- '));
      return before === undefined ? `diff --git a/${path} b/${path}\nnew file mode 100644\n${body}` : `diff --git a/${path} b/${path}\n${body}`;
    })
    .join('');
}
