import { describe, expect, it } from 'vitest';
import type { Finding, FixEdit } from '../../src/core/findings.ts';
import type { ChangedFile, PostedComment, PullRequestGateway, ReviewLineComment } from '../../src/github/gateway.ts';
import { collectCommentableLines, planSuggestions, postSuggestions } from '../../src/github/suggestions.ts';

const patch = ['@@ -1,4 +1,5 @@', ' apiVersion: kustomize.config.k8s.io/v1beta1', ' kind: Kustomization', ' resources:', '-  - https://example.com/v1/operator.yaml', '+  - https://example.com/v2/operator.yaml', '+  - custom.yaml', '@@ -20,2 +21,2 @@', ' images:', '-  - name: a', '+  - name: b'].join('\n');
const files: ChangedFile[] = [{ filename: 'infra/kustomization.yaml', patch }, { filename: 'big.bin' }];

function finding(fix: FixEdit): Finding {
  return { rule: 'crd-removed', severity: 'error', message: 'm', unit: '.', object: { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name: 'x.example.io', apiVersion: 'apiextensions.k8s.io/v1' }, fix };
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
    const plan = planSuggestions([finding(edit)], commentable, new Set());
    expect(plan.comments).toHaveLength(comments);
    expect(plan.outsideDiff).toHaveLength(outside);
  });

  it('writes a suggestion block on the last line, with the first line for a range', () => {
    const [comment] = planSuggestions([finding(fix('infra/kustomization.yaml', 4, 5))], commentable, new Set()).comments;
    expect(comment).toMatchObject({ path: 'infra/kustomization.yaml', line: 5, startLine: 4 });
    expect(comment?.body).toContain('```suggestion\n  - crds.yaml\n  - https://example.com/v2/operator.yaml\n```');
  });

  it('posts each fix once, even when several findings carry it or a run already posted it', () => {
    const edit = fix('infra/kustomization.yaml', 4);
    const first = planSuggestions([finding(edit), finding(edit)], commentable, new Set());
    expect(first.comments).toHaveLength(1);
    const fingerprint = /prune-guard:fix:([0-9a-f]{16})/.exec(first.comments[0]?.body ?? '')?.[1] ?? '';
    expect(planSuggestions([finding(edit)], commentable, new Set([fingerprint])).comments).toEqual([]);
  });
});

describe('postSuggestions', () => {
  function fakeGateway(existing: PostedComment[] = []): PullRequestGateway & { reviews: Array<{ comments: readonly ReviewLineComment[] }> } {
    const reviews: Array<{ comments: readonly ReviewLineComment[] }> = [];
    return {
      reviews,
      listComments: async () => [],
      createComment: async () => ({ id: 1, body: '' }),
      updateComment: async () => {},
      listLabels: async () => [],
      listReviewComments: async () => existing,
      listFiles: async () => files,
      createReview: async (review) => {
        reviews.push(review);
        existing.push(...review.comments.map((comment, index) => ({ id: 100 + index, body: comment.body })));
      },
    };
  }

  it('submits one review, and nothing on a re-run', async () => {
    const gateway = fakeGateway();
    const findings = [finding(fix('infra/kustomization.yaml', 4)), finding(fix('apps/kustomization.yaml', 1))];
    const first = await postSuggestions(gateway, findings, 'abc');
    expect(first.posted).toBe(1);
    expect(first.outsideDiff.map((item) => item.fix?.path)).toEqual(['apps/kustomization.yaml']);
    const second = await postSuggestions(gateway, findings, 'abc');
    expect(second.posted).toBe(0);
    expect(gateway.reviews).toHaveLength(1);
  });

  it('calls GitHub not at all when no finding has a fix', async () => {
    const gateway = fakeGateway();
    const { fix: _none, ...plain } = finding(fix('a', 1));
    expect(await postSuggestions(gateway, [plain], 'abc')).toEqual({ posted: 0, outsideDiff: [] });
    expect(gateway.reviews).toEqual([]);
  });
});
