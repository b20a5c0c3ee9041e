/**
 * One summary comment per pull request (and per path set), found again by a hidden marker
 * and its author, and edited in place, so re-runs never pile up comments. A comment someone
 * else wrote is never edited, whatever it holds.
 */
import { createHash, createHmac } from 'node:crypto';
import { isAuthoredBy, type PullRequestGateway } from './gateway.ts';

/** Returns the hidden marker that identifies prune-guard's comment for one path set. */
export function formatCommentMarker(key: string): string {
  return `<!-- prune-guard:summary:${key} -->`;
}

/** Where a summary comment belongs: one per repository, workflow, job and path set. */
export interface CommentScope {
  /** The repository id (GITHUB_REPOSITORY_ID), which a rename keeps. */
  readonly repository: string;
  /** The workflow file, `owner/repo/.github/workflows/x.yml`, without its `@ref`. */
  readonly workflow: string;
  /** The job id (GITHUB_JOB). */
  readonly job: string;
  /** The checked paths; their order does not matter. */
  readonly paths: readonly string[];
}

/**
 * Returns the key of the marker: an HMAC of the scope keyed by `secret` (the `comment-key`
 * input) when one is given, so nobody without the secret can write the marker; else a hash of
 * the scope. 128 bits, in hex.
 */
export function deriveCommentKey(scope: CommentScope, secret?: string): string {
  const message = JSON.stringify([scope.repository, scope.workflow, scope.job, [...scope.paths].sort()]);
  const digest = secret ? createHmac('sha256', secret) : createHash('sha256');
  return digest.update(message).digest('hex').slice(0, 32);
}

/** What {@link upsertStickyComment} did. */
export interface StickyResult {
  /** `created` on the first run, `updated` afterwards. */
  readonly action: 'created' | 'updated';
  /** The comment's id. */
  readonly id: number;
}

/**
 * Creates the comment, or updates the one that starts with `marker` and was written by the
 * token's own identity. Every page is searched: on a busy pull request the first page may not
 * hold it. A marker in anyone else's comment is ignored: copying it there makes no one's
 * comment ours.
 */
export async function upsertStickyComment(gateway: PullRequestGateway, marker: string, body: string): Promise<StickyResult> {
  const fullBody = `${marker}\n${body}`;
  const [comments, identity] = await Promise.all([gateway.listComments(), gateway.getIdentity()]);
  const existing = comments.find((comment) => isAuthoredBy(comment, identity) && comment.body.startsWith(marker));
  if (existing) {
    await gateway.updateComment(existing.id, fullBody);
    return { action: 'updated', id: existing.id };
  }
  const created = await gateway.createComment(fullBody);
  return { action: 'created', id: created.id };
}
