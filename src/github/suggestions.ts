/**
 * Fixes as review suggestions: only for lines GitHub lets a review comment on (inside the
 * pull request's diff, head side), each posted once across re-runs.
 */
import { createHash } from 'node:crypto';
import type { Fix, FixEdit } from '../core/findings.ts';
import type { ChangedFile, PullRequestGateway, ReviewLineComment } from './gateway.ts';

/** Head-side line numbers each changed file's diff covers (context and added lines). */
export function collectCommentableLines(files: readonly ChangedFile[]): Map<string, Set<number>> {
  const lines = new Map<string, Set<number>>();
  for (const file of files) {
    const covered = new Set<number>();
    let line = 0;
    for (const text of (file.patch ?? '').split('\n')) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
      if (hunk) {
        line = Number(hunk[1]);
        continue;
      }
      if (text.startsWith('-') || text.startsWith('\\')) continue;
      if (line > 0) covered.add(line++);
    }
    lines.set(file.filename, covered);
  }
  return lines;
}

/** Returns a short stable fingerprint of a fix, carried in a hidden marker. */
export function fingerprintFix(fix: FixEdit): string {
  return createHash('sha256').update(JSON.stringify([fix.path, fix.startLine, fix.endLine, fix.replacement])).digest('hex').slice(0, 16);
}

/**
 * Splits fixes into review comments and the rest. A fix becomes suggestions only when every
 * one of its edits lies inside the diff and it creates no file: committing half a fix (an
 * entry for a vendored file that is not there) would break the build.
 */
export function planSuggestions(
  fixes: readonly Fix[],
  commentable: ReadonlyMap<string, ReadonlySet<number>>,
  alreadyPosted: ReadonlySet<string>,
): { comments: ReviewLineComment[]; suggested: Fix[]; outsideDiff: Fix[] } {
  const comments: ReviewLineComment[] = [];
  const suggested: Fix[] = [];
  const outsideDiff: Fix[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const inside = fix.files.length === 0 && fix.edits.length > 0 && fix.edits.every((edit) => isInsideDiff(edit, commentable));
    if (!inside) {
      outsideDiff.push(fix);
      continue;
    }
    suggested.push(fix);
    for (const edit of fix.edits) {
      const fingerprint = fingerprintFix(edit);
      if (seen.has(fingerprint) || alreadyPosted.has(fingerprint)) continue;
      seen.add(fingerprint);
      comments.push({
        path: edit.path,
        line: edit.endLine,
        ...(edit.startLine < edit.endLine ? { startLine: edit.startLine } : {}),
        body: `<!-- prune-guard:fix:${fingerprint} -->\n**prune-guard:** ${edit.description}${fix.verified ? ' Verified: with this change, the build keeps every object listed.' : ' Not verified.'}\n\n${suggestionBlock(edit.replacement)}`,
      });
    }
  }
  return { comments, suggested, outsideDiff };
}

function isInsideDiff(edit: FixEdit, commentable: ReadonlyMap<string, ReadonlySet<number>>): boolean {
  const lines = commentable.get(edit.path);
  if (!lines) return false;
  for (let line = edit.startLine; line <= edit.endLine; line++) if (!lines.has(line)) return false;
  return true;
}

function suggestionBlock(replacement: string): string {
  const longest = Math.max(2, ...[...replacement.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}suggestion\n${replacement}\n${fence}`;
}

/** Reads the fingerprints of suggestions posted by earlier runs. */
export function collectPostedFingerprints(comments: ReadonlyArray<{ body: string }>): Set<string> {
  const posted = new Set<string>();
  for (const { body } of comments) for (const match of body.matchAll(/<!-- prune-guard:fix:([0-9a-f]{16}) -->/g)) if (match[1]) posted.add(match[1]);
  return posted;
}

/** Posts the fixes that fit inside the diff as one review; returns which were suggested and which did not fit. */
export async function postSuggestions(
  gateway: PullRequestGateway,
  fixes: readonly Fix[],
  commitId: string,
): Promise<{ posted: number; suggested: Fix[]; outsideDiff: Fix[] }> {
  if (fixes.length === 0) return { posted: 0, suggested: [], outsideDiff: [] };
  const [files, reviewComments] = await Promise.all([gateway.listFiles(), gateway.listReviewComments()]);
  const { comments, suggested, outsideDiff } = planSuggestions(fixes, collectCommentableLines(files), collectPostedFingerprints(reviewComments));
  if (comments.length > 0) {
    await gateway.createReview({
      commitId,
      body: `prune-guard suggests ${comments.length === 1 ? 'a fix' : `${comments.length} edits`} for what this change would prune.`,
      comments,
    });
  }
  return { posted: comments.length, suggested, outsideDiff };
}
