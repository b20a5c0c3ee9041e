/**
 * One summary comment per pull request (and per path set), found again by a hidden marker
 * and edited in place, so re-runs never pile up comments.
 */
import type { PullRequestGateway } from './gateway.ts';

/** Returns the hidden marker that identifies prune-guard's comment for one path set. */
export function formatCommentMarker(key: string): string {
  return `<!-- prune-guard:summary:${key} -->`;
}

/** What {@link upsertStickyComment} did. */
export interface StickyResult {
  /** `created` on the first run, `updated` afterwards. */
  readonly action: 'created' | 'updated';
  /** The comment's id. */
  readonly id: number;
}

/**
 * Creates the comment, or updates the one that carries `marker`. Every page is searched:
 * on a busy pull request the first page may not hold it.
 */
export async function upsertStickyComment(gateway: PullRequestGateway, marker: string, body: string): Promise<StickyResult> {
  const fullBody = `${marker}\n${body}`;
  const existing = (await gateway.listComments()).find((comment) => comment.body.includes(marker));
  if (existing) {
    await gateway.updateComment(existing.id, fullBody);
    return { action: 'updated', id: existing.id };
  }
  const created = await gateway.createComment(fullBody);
  return { action: 'created', id: created.id };
}
