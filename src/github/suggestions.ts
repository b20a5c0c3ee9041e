/**
 * Fixes as review suggestions: only for lines GitHub lets a review comment on (inside the
 * pull request's diff, head side), each posted once across re-runs.
 */
import { createHash } from 'node:crypto';
import type { Finding, FixEdit } from '../core/findings.ts';
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

/** Splits the fixes of findings into review comments (inside the diff) and the rest. */
export function planSuggestions(
  findings: readonly Finding[],
  commentable: ReadonlyMap<string, ReadonlySet<number>>,
  alreadyPosted: ReadonlySet<string>,
): { comments: ReviewLineComment[]; outsideDiff: Finding[] } {
  const comments: ReviewLineComment[] = [];
  const outsideDiff: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const { fix } = finding;
    if (!fix) continue;
    const fingerprint = fingerprintFix(fix);
    if (seen.has(fingerprint) || alreadyPosted.has(fingerprint)) continue;
    seen.add(fingerprint);
    const lines = commentable.get(fix.path);
    let inside = lines !== undefined;
    for (let line = fix.startLine; inside && line <= fix.endLine; line++) inside = lines?.has(line) === true;
    if (!inside) {
      outsideDiff.push(finding);
      continue;
    }
    comments.push({
      path: fix.path,
      line: fix.endLine,
      ...(fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}),
      body: `<!-- prune-guard:fix:${fingerprint} -->\n**prune-guard:** ${fix.description}\n\n${suggestionBlock(fix.replacement)}`,
    });
  }
  return { comments, outsideDiff };
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

/** Posts the fixes that fit inside the diff as one review; returns the ones that did not fit. */
export async function postSuggestions(gateway: PullRequestGateway, findings: readonly Finding[], commitId: string): Promise<{ posted: number; outsideDiff: Finding[] }> {
  if (!findings.some((finding) => finding.fix)) return { posted: 0, outsideDiff: [] };
  const [files, reviewComments] = await Promise.all([gateway.listFiles(), gateway.listReviewComments()]);
  const { comments, outsideDiff } = planSuggestions(findings, collectCommentableLines(files), collectPostedFingerprints(reviewComments));
  if (comments.length > 0) {
    await gateway.createReview({
      commitId,
      body: `prune-guard suggests ${comments.length === 1 ? 'a fix' : `${comments.length} fixes`} for what this change would prune.`,
      comments,
    });
  }
  return { posted: comments.length, outsideDiff };
}
