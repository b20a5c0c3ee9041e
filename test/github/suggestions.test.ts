import { describe, expect, it } from 'vitest';
import type { Fix, FixEdit, FixFile } from '../../src/core/rules/findings.ts';
import { GITHUB_ACTIONS_BOT, type ChangedFile, type PostedComment, type PullRequestGateway, type ReviewLineComment } from '../../src/github/gateway.ts';
import { collectCommentableLines, planSuggestions, postSuggestions } from '../../src/github/suggestions.ts';

const patch = ['@@ -1,4 +1,5 @@', ' apiVersion: kustomize.config.k8s.io/v1beta1', ' kind: Kustomization', ' resources:', '-  - https://example.com/v1/operator.yaml', '+  - https://example.com/v2/operator.yaml', '+  - custom.yaml', '@@ -20,2 +21,2 @@', ' images:', '-  - name: a', '+  - name: b'].join('\n');
const files: ChangedFile[] = [{ filename: 'infra/kustomization.yaml', patch }, { filename: 'big.bin' }];

function fixOf(edit: FixEdit, files: FixFile[] = []): Fix {
  return { source: 'remote', description: edit.description, entries: ['crds.yaml'], edits: [edit], files, restores: ['apiextensions.k8s.io/CustomResourceDefinition//x.example.io'], verified: true };
}
const fix = (path: string, startLine: number, endLine = startLine): FixEdit => ({ path, startLine, endLine, replacement: '  - crds.yaml\n  - https://example.com/v2/operator.yaml', description: 'List the CRDs first.' });

describe('collectCommentableLines', () => {
  it('covers context and added lines on the head side, not removed ones', () => {
    const lines = collectCommentableLines(files);
    expect([...(lines.get('infra/kustomization.yaml') ?? [])]).toEqual([1, 2, 3, 4, 5, 21, 22]);
    expect(lines.get('big.bin')?.size).toBe(0);
  });
});

describe('planSuggestions', () => {
  const commentable = collectCommentableLines(files);
  it.each([
    ['inside the diff', fix('infra/kustomization.yaml', 4), 1, 0],
    ['a range inside one hunk', fix('infra/kustomization.yaml', 4, 5), 1, 0],
    ['a range across a gap between hunks', fix('infra/kustomization.yaml', 5, 21), 0, 1],
    ['outside any hunk', fix('infra/kustomization.yaml', 10), 0, 1],
    ['a file the pull request does not change', fix('apps/kustomization.yaml', 1), 0, 1],
  ])('%s', (_name, edit, comments, outside) => {
    const plan = planSuggestions([fixOf(edit)], commentable, new Set());
    expect(plan.comments).toHaveLength(comments);
    expect(plan.outsideDiff).toHaveLength(outside);
  });

  it('never suggests the entry of a fix that also creates a file: committing it alone would break the build', () => {
    const vendored = fixOf(fix('infra/kustomization.yaml', 4), [{ path: 'infra/crds.yaml', content: 'kind: CustomResourceDefinition\n' }]);
    const plan = planSuggestions([vendored], commentable, new Set());
    expect(plan.comments).toEqual([]);
    expect(plan.outsideDiff).toEqual([vendored]);
  });

  it('says whether the fix was verified', () => {
    const [verified] = planSuggestions([fixOf(fix('infra/kustomization.yaml', 4))], commentable, new Set()).comments;
    const [unverified] = planSuggestions([{ ...fixOf(fix('infra/kustomization.yaml', 5)), verified: false }], commentable, new Set()).comments;
    expect(verified?.body).toContain('Verified:');
    expect(unverified?.body).toContain('Not verified.');
  });

  it('writes a suggestion block on the last line, with the first line for a range', () => {
    const [comment] = planSuggestions([fixOf(fix('infra/kustomization.yaml', 4, 5))], commentable, new Set()).comments;
    expect(comment).toMatchObject({ path: 'infra/kustomization.yaml', line: 5, startLine: 4 });
    expect(comment?.body).toContain('```suggestion\n  - crds.yaml\n  - https://example.com/v2/operator.yaml\n```');
  });

  it('posts each edit once, even when two fixes carry it or a run already posted it', () => {
    const edit = fix('infra/kustomization.yaml', 4);
    const first = planSuggestions([fixOf(edit), fixOf(edit)], commentable, new Set());
    expect(first.comments).toHaveLength(1);
    const fingerprint = /prune-guard:fix:([0-9a-f]{16})/.exec(first.comments[0]?.body ?? '')?.[1] ?? '';
    const again = planSuggestions([fixOf(edit)], commentable, new Set([fingerprint]));
    expect(again.comments).toEqual([]);
    expect(again.suggested).toHaveLength(1);
  });
});

describe('postSuggestions', () => {
  function fakeGateway(existing: PostedComment[] = []): PullRequestGateway & { reviews: Array<{ comments: readonly ReviewLineComment[] }> } {
    const reviews: Array<{ comments: readonly ReviewLineComment[] }> = [];
    return {
      reviews,
      getIdentity: async () => GITHUB_ACTIONS_BOT,
      listComments: async () => [],
      createComment: async () => ({ id: 1, body: '' }),
      updateComment: async () => {},
      listLabels: async () => [],
      listReviewComments: async () => existing,
      listFiles: async () => files,
      createReview: async (review) => {
        reviews.push(review);
        existing.push(...review.comments.map((comment, index) => ({ id: 100 + index, body: comment.body, author: GITHUB_ACTIONS_BOT })));
      },
    };
  }

  it('submits one review, and nothing on a re-run', async () => {
    const gateway = fakeGateway();
    const fixes = [fixOf(fix('infra/kustomization.yaml', 4)), fixOf(fix('apps/kustomization.yaml', 1))];
    const first = await postSuggestions(gateway, fixes, 'abc');
    expect(first.posted).toBe(1);
    expect(first.outsideDiff.map((item) => item.edits[0]?.path)).toEqual(['apps/kustomization.yaml']);
    const second = await postSuggestions(gateway, fixes, 'abc');
    expect(second.posted).toBe(0);
    expect(gateway.reviews).toHaveLength(1);
  });

  it('calls GitHub not at all when there is no fix', async () => {
    const gateway = fakeGateway();
    expect(await postSuggestions(gateway, [], 'abc')).toEqual({ posted: 0, suggested: [], outsideDiff: [] });
    expect(gateway.reviews).toEqual([]);
  });
});
