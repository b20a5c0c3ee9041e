/**
 * The gateway, sticky comment and suggestions through the real Octokit client, against the
 * fake GitHub server that validates requests with GitHub's OpenAPI description and rejects
 * review comments outside the diff as GitHub does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fix, FixEdit } from '../../src/core/rules/findings.ts';
import { createOctokit, createPullRequestGateway } from '../../src/github/gateway.ts';
import { formatCommentMarker, upsertStickyComment } from '../../src/github/sticky-comment.ts';
import { postSuggestions } from '../../src/github/suggestions.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';

const patch = ['@@ -1,4 +1,5 @@', ' apiVersion: kustomize.config.k8s.io/v1beta1', ' kind: Kustomization', ' resources:', '-  - https://example.com/v1/operator.yaml', '+  - https://example.com/v2/operator.yaml', '+  - custom.yaml'].join('\n');

function fixOf(name: string, edit: FixEdit): Fix {
  return { source: 'remote', description: edit.description, entries: [], edits: [edit], files: [], restores: [`apiextensions.k8s.io/CustomResourceDefinition//${name}`], verified: true };
}

describe('pull request calls against a GitHub REST server', () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({ repository: 'octo-org/fleet-infra', pullRequests: [{ number: 20, headSha: 'a'.repeat(40), files: [{ filename: 'infra/kustomization.yaml', patch }] }] });
  });
  afterAll(() => server.close());
  const gateway = () => createPullRequestGateway(createOctokit({ token: 'test-token', baseUrl: server.url }), { owner: 'octo-org', repo: 'fleet-infra', number: 20 });

  it('posts suggestions only for lines inside the diff, once across re-runs', async () => {
    const inside = fixOf('widgets.example.io', { path: 'infra/kustomization.yaml', startLine: 4, endLine: 5, replacement: '  - https://example.com/v2/crds.yaml\n  - https://example.com/v2/operator.yaml', description: 'List the CRDs before the operator.' });
    const outside = fixOf('gadgets.example.io', { path: 'apps/kustomization.yaml', startLine: 3, endLine: 3, replacement: '  - crds.yaml', description: 'Keep the CRDs.' });
    const first = await postSuggestions(gateway(), [inside, outside], 'a'.repeat(40));
    expect(first.posted).toBe(1);
    expect(first.outsideDiff.map((item) => item.restores[0])).toEqual(['apiextensions.k8s.io/CustomResourceDefinition//gadgets.example.io']);
    expect(server.state.reviewComments.map((comment) => [comment.path, comment.startLine, comment.line, comment.side])).toEqual([['infra/kustomization.yaml', 4, 5, 'RIGHT']]);
    expect(server.state.reviewComments[0]?.body).toContain('```suggestion\n  - https://example.com/v2/crds.yaml\n  - https://example.com/v2/operator.yaml\n```');

    const second = await postSuggestions(gateway(), [inside, outside], 'a'.repeat(40));
    expect(second.posted).toBe(0);
    expect(server.state.reviews).toHaveLength(1);
    expect(server.requests.filter((request) => !request.accepted)).toEqual([]);
  });

  it('finds its comment again behind 45 others and edits it in place', async () => {
    server.addIssueComments(20, Array.from({ length: 45 }, (_, index) => `unrelated comment ${index}`));
    const marker = formatCommentMarker('abc123');
    expect((await upsertStickyComment(gateway(), marker, 'first run')).action).toBe('created');
    server.addIssueComments(20, Array.from({ length: 70 }, (_, index) => `later comment ${index}`));
    const second = await upsertStickyComment(gateway(), marker, 'second run: nothing blocking any more');
    expect(second.action).toBe('updated');
    const mine = server.state.issueComments.filter((comment) => comment.body.includes(marker));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toBe(`${marker}\nsecond run: nothing blocking any more`);
    // One page on the first run; two pages of 100 (116 comments) on the second: every page is read.
    expect(server.requests.filter((request) => request.operationId === 'issues/list-comments')).toHaveLength(3);
  });
});
