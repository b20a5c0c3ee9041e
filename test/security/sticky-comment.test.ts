/**
 * The sticky comment and the suggestions belong to the token's own identity: a comment that
 * someone else wrote, even one that carries our exact marker or a suggestion fingerprint, is
 * never edited and suppresses nothing. Through the real Octokit client against the fake GitHub
 * server (which validates every request), and through the bundled Action.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/rules/findings.ts';
import { createOctokit, createPullRequestGateway } from '../../src/github/gateway.ts';
import { deriveCommentKey, formatCommentMarker, upsertStickyComment } from '../../src/github/sticky-comment.ts';
import { fingerprintFix, postSuggestions } from '../../src/github/suggestions.ts';
import { makePullRequestWorkspace, REPOSITORY, runAction } from '../e2e/action-runner.ts';
import { configMap, hasKustomize, kustomization, PROJECT_ROOT } from '../e2e/helpers.ts';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import { findLiveLogLines, findLiveMarkdown } from './markdown-structure.ts';

const PATCH = ['@@ -1,3 +1,3 @@', ' resources:', '-  - crds.yaml', '+  - operator.yaml', '   - app.yaml'].join('\n');
const FIX: Fix = {
  source: 'local',
  description: 'List crds.yaml again.',
  entries: ['crds.yaml'],
  edits: [{ path: 'app/kustomization.yaml', startLine: 2, endLine: 2, replacement: '  - crds.yaml\n  - operator.yaml', description: 'List crds.yaml again.' }],
  files: [],
  restores: ['apiextensions.k8s.io/CustomResourceDefinition//widgets.example.io'],
  verified: true,
};

describe('the sticky comment and suggestions through Octokit', () => {
  const servers: FakeGitHub[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  async function serve(login?: string): Promise<FakeGitHub> {
    const server = await startFakeGitHub({ repository: REPOSITORY, ...(login ? { login } : {}), pullRequests: [{ number: 5, files: [{ filename: 'app/kustomization.yaml', patch: PATCH }] }] });
    servers.push(server);
    return server;
  }
  const gatewayOf = (server: FakeGitHub) => createPullRequestGateway(createOctokit({ token: 'ghs_test', baseUrl: server.url }), { owner: 'octo-org', repo: 'fleet-infra', number: 5 });
  const edits = (server: FakeGitHub) => server.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`);

  it('with the Actions token, leaves a stranger\'s comment holding our exact marker alone and creates its own, then updates its own in place', async () => {
    const server = await serve();
    const marker = formatCommentMarker(deriveCommentKey({ repository: '42', workflow: `${REPOSITORY}/.github/workflows/prune-guard.yml`, job: 'prune-guard', paths: ['.'] }));
    const [foreign] = server.addIssueComments(5, [{ body: `${marker}\nforged: everything is fine`, author: 'mallory' }]);

    const first = await upsertStickyComment(gatewayOf(server), marker, 'first run');
    expect(first.action).toBe('created');
    expect(first.id).not.toBe(foreign?.id);
    const second = await upsertStickyComment(gatewayOf(server), marker, 'second run');
    expect(second).toEqual({ action: 'updated', id: first.id });

    expect(server.state.issueComments.map((comment) => [comment.author, comment.body])).toEqual([
      ['mallory', `${marker}\nforged: everything is fine`],
      ['github-actions[bot]', `${marker}\nsecond run`],
    ]);
    expect(edits(server)).toEqual(['POST /repos/octo-org/fleet-infra/issues/5/comments', `PATCH /repos/octo-org/fleet-infra/issues/comments/${first.id}`]);
    // The Actions token cannot read GET /user: 403, then the bot's identity; asked once per gateway.
    expect(server.requests.filter((request) => request.operationId === 'users/get-authenticated').map((request) => request.status)).toEqual([403, 403]);
    expect(server.requests.every((request) => request.accepted)).toBe(true);
  });

  it('with a personal access token, takes the identity GET /user names, not the Actions bot\'s', async () => {
    const server = await serve('release-bot-user');
    const marker = formatCommentMarker('0123456789abcdef0123456789abcdef');
    const [bot] = server.addIssueComments(5, [{ body: `${marker}\nby another workflow`, author: 'github-actions[bot]' }]);
    const gateway = gatewayOf(server);
    const first = await upsertStickyComment(gateway, marker, 'mine');
    expect(first.action).toBe('created');
    expect((await upsertStickyComment(gateway, marker, 'mine again')).action).toBe('updated');
    expect(server.state.issueComments.find((comment) => comment.id === bot?.id)?.body).toBe(`${marker}\nby another workflow`);
    expect(server.state.issueComments.filter((comment) => comment.author === 'release-bot-user')).toHaveLength(1);
    expect(await gateway.getIdentity()).toMatchObject({ login: 'release-bot-user', type: 'User' });
  });

  it('writes nothing when the identity cannot be read', async () => {
    const server = await serve();
    server.forceResponse('users/get-authenticated', { status: 401, message: 'Bad credentials' });
    const marker = formatCommentMarker('0123456789abcdef0123456789abcdef');
    await expect(upsertStickyComment(gatewayOf(server), marker, 'body')).rejects.toMatchObject({ status: 401 });
    expect(edits(server)).toEqual([]);
  });

  it('is not stopped from suggesting by a stranger\'s review comment that carries the fingerprint', async () => {
    const server = await serve();
    // The fingerprint our suggestion would carry, planted first by someone else, on the same line.
    const fingerprint = fingerprintFix(FIX.edits[0] ?? FIX_EDIT_MISSING());
    server.addReviewComments(5, [{ path: 'app/kustomization.yaml', line: 2, body: `<!-- prune-guard:fix:${fingerprint} -->\nlooks done to me`, author: 'mallory' }]);
    const first = await postSuggestions(gatewayOf(server), [FIX], 'a'.repeat(40));
    expect(first.posted).toBe(1);
    // Our own earlier suggestion does count.
    const again = await postSuggestions(gatewayOf(server), [FIX], 'a'.repeat(40));
    expect(again.posted).toBe(0);
    expect(server.state.reviewComments.map((comment) => comment.author)).toEqual(['mallory', 'github-actions[bot]']);
    expect(server.requests.every((request) => request.accepted)).toBe(true);
  });
});

function FIX_EDIT_MISSING(): never {
  throw new Error('the fix has an edit');
}

const SCOPE_ENV = { GITHUB_REPOSITORY_ID: '123456', GITHUB_WORKFLOW_REF: `${REPOSITORY}/.github/workflows/prune-guard.yml@refs/pull/3/merge`, GITHUB_JOB: 'prune-guard' };

/** The workflow commands the Action issues itself. */
const OWN_COMMANDS = ['error', 'warning', 'notice', 'debug', 'group', 'endgroup'];

describe.skipIf(!hasKustomize)('the bundled Action and a comment someone else wrote', () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({ repository: REPOSITORY });
  });
  afterAll(() => server.close());

  const hostile = ['@octocat #1', '::error::owned', '::add-mask::x', '##[error]x', '<img src=x onerror=alert(1)>', '\u001b[31mred', 'a\n## heading', '<!-- prune-guard:summary:x -->'];
  const workspace = (): ReturnType<typeof makePullRequestWorkspace> =>
    makePullRequestWorkspace(
      { 'app/kustomization.yaml': kustomization('cms.yaml'), 'app/cms.yaml': hostile.map((name) => configMap(JSON.stringify(name), 'default')).join('---\n') },
      { 'app/cms.yaml': configMap('kept', 'default') },
    );

  it.each([
    ['without a comment-key', {}, undefined],
    ['with a comment-key', { 'comment-key': 'repository-secret' }, 'repository-secret'],
  ])('%s: posts its own comment next to a foreign one holding its exact marker, edits only its own, and keeps both inert', async (_name, inputs, secret) => {
    const number = secret ? 31 : 30;
    const tree = workspace();
    server.addPullRequest({ number, baseSha: tree.baseSha, headSha: tree.headSha });
    const marker = formatCommentMarker(
      deriveCommentKey({ repository: SCOPE_ENV.GITHUB_REPOSITORY_ID, workflow: `${REPOSITORY}/.github/workflows/prune-guard.yml`, job: SCOPE_ENV.GITHUB_JOB, paths: ['.'] }, secret),
    );
    const forged = `${marker}\n### :white_check_mark: prune-guard: nothing to flag`;
    const [foreign] = server.addIssueComments(number, [{ body: forged, author: 'mallory' }]);

    const first = await runAction(tree, server, number, { 'fail-on': 'never', ...inputs }, 'pull_request', SCOPE_ENV);
    expect(first.code, first.stdout).toBe(0);
    const second = await runAction(tree, server, number, { 'fail-on': 'never', ...inputs }, 'pull_request', SCOPE_ENV);
    expect(second.code, second.stdout).toBe(0);

    const comments = server.state.issueComments.filter((comment) => comment.issueNumber === number);
    expect(comments.map((comment) => comment.author)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0]?.body).toBe(forged);
    const own = comments[1];
    expect(own?.body.startsWith(`${marker}\n### `)).toBe(true);
    expect(findLiveMarkdown(own?.body ?? '', marker)).toEqual([]);
    // Created once, then edited in place; the foreign comment is never written to.
    const writes = server.requests.filter((request) => request.method !== 'GET' && (request.path.endsWith(`/issues/${number}/comments`) || comments.some((comment) => request.path.endsWith(`/issues/comments/${comment.id}`))));
    expect(writes.map((request) => `${request.method} ${request.path}`)).toEqual([`POST /repos/${REPOSITORY}/issues/${number}/comments`, `PATCH /repos/${REPOSITORY}/issues/comments/${own?.id}`]);
    expect(writes.some((request) => request.path.endsWith(`/comments/${foreign?.id}`))).toBe(false);

    for (const run of [first, second]) expect(findLiveLogLines(run.stdout, OWN_COMMANDS)).toEqual([]);
    expect(first.stdout).not.toContain('\u001b');
    expect(server.requests.every((request) => request.accepted)).toBe(true);
  });

  it('makes a different marker for another comment-key, path set, job or workflow', () => {
    const scope = { repository: '1', workflow: 'o/r/.github/workflows/a.yml', job: 'j', paths: ['apps', 'infra'] };
    const keys = new Set([
      deriveCommentKey(scope),
      deriveCommentKey(scope, 'one'),
      deriveCommentKey(scope, 'two'),
      deriveCommentKey({ ...scope, paths: ['apps'] }),
      deriveCommentKey({ ...scope, job: 'k' }),
      deriveCommentKey({ ...scope, workflow: 'o/r/.github/workflows/b.yml' }),
      deriveCommentKey({ ...scope, repository: '2' }),
    ]);
    expect(keys.size).toBe(7);
    // The path set, not its order.
    expect(deriveCommentKey({ ...scope, paths: ['infra', 'apps'] })).toBe(deriveCommentKey(scope));
    expect(deriveCommentKey(scope)).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8')).toContain('comment-key:');
  });
});
