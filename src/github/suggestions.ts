/**
 * Fixes as review suggestions: only for lines GitHub lets a review comment on (inside the
 * pull request's diff, head side), each posted once across re-runs.
 */
import { createHash } from 'node:crypto';
import type { Fix, FixEdit } from '../core/rules/findings.ts';
import { formatFence, formatProse } from '../report/markdown-escape.ts';
import { isAuthoredBy, type ChangedFile, type CommentAuthor, type PostedComment, type PullRequestGateway, type ReviewLineComment } from './gateway.ts';

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
        body: `${formatFixMarker(fingerprint)}\n**prune-guard:** ${formatProse(edit.description)}${fix.verified ? ' Verified: with this change, the build keeps every object listed.' : ' Not verified.'}\n\n${formatFence(edit.replacement, 'suggestion')}`,
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

/** The hidden first line of a suggestion, by which later runs know it was posted. */
function formatFixMarker(fingerprint: string): string {
  return `<!-- prune-guard:fix:${fingerprint} -->`;
}

/**
 * Reads the fingerprints of suggestions posted by earlier runs: from the first line of review
 * comments `identity` wrote. Anyone else's comment, whatever it holds, suppresses nothing.
 */
export function collectPostedFingerprints(comments: readonly PostedComment[], identity: CommentAuthor): Set<string> {
  const posted = new Set<string>();
  for (const comment of comments) {
    if (!isAuthoredBy(comment, identity)) continue;
    const fingerprint = /^<!-- prune-guard:fix:([0-9a-f]{16}) -->/.exec(comment.body)?.[1];
    if (fingerprint) posted.add(fingerprint);
  }
  return posted;
}

/** Posts the fixes that fit inside the diff as one review; returns which were suggested and which did not fit. */
export async function postSuggestions(
  gateway: PullRequestGateway,
  fixes: readonly Fix[],
  commitId: string,
): Promise<{ posted: number; suggested: Fix[]; outsideDiff: Fix[] }> {
  if (fixes.length === 0) return { posted: 0, suggested: [], outsideDiff: [] };
  const [files, reviewComments, identity] = await Promise.all([gateway.listFiles(), gateway.listReviewComments(), gateway.getIdentity()]);
  const { comments, suggested, outsideDiff } = planSuggestions(fixes, collectCommentableLines(files), collectPostedFingerprints(reviewComments, identity));
  if (comments.length > 0) {
    await gateway.createReview({
      commitId,
      body: `prune-guard suggests ${comments.length === 1 ? 'a fix' : `${comments.length} edits`} for what this change would prune.`,
      comments,
    });
  }
  return { posted: comments.length, suggested, outsideDiff };
}
