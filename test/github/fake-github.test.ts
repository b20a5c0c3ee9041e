import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GITHUB_BODY_LIMIT, loadGitHubSpec, startFakeGitHub, type FakeGitHub, type RecordedRequest } from './fake-github.ts';

const REPO = { owner: 'octo-org', repo: 'fleet-infra' };
const PR = { ...REPO, issue_number: 7 };

// Calico's change in miniature: LEFT line 4 is removed, RIGHT lines 4 and 5 are added.
const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: kustomize.config.k8s.io/v1beta1',
  ' kind: Kustomization',
  ' resources:',
  '-  - crds.yaml',
  '+  - operator.yaml',
  '+  - operator-crds.yaml',
].join('\n');

// A Flux repository in miniature; 'réseau' makes a size in bytes differ from one in characters.
const FILES: Record<string, string> = {
  'README.md': '# fleet-infra\n',
  'clusters/prod/kustomization.yaml': 'resources:\n  - ../../manifests\n',
  'manifests.yaml': 'kind: Kustomization\n',
  'manifests/kustomization.yaml': 'resources:\n  - crds\n  - namespace.yaml\n',
  'manifests/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: calico-system\n',
  'manifests/crds/kustomization.yaml': 'resources:\n  - ippools.yaml\n',
  'manifests/crds/ippools.yaml':
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ippools.crd.projectcalico.org\n  annotations:\n    note: réseau\n',
};

let github: FakeGitHub;
let octokit: Octokit;

/** The rejection of `promise`, which must be Octokit's RequestError. */
async function requestError(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RequestError);
  return error as RequestError;
}

/** An Octokit for `server` that does not log every 4xx on stderr. */
function client(server: FakeGitHub, auth?: string): Octokit {
  const quiet = (): void => {};
  return new Octokit({ auth, baseUrl: server.url, log: { debug: quiet, info: quiet, warn: console.warn, error: quiet } });
}

/** A request Octokit's route types would refuse to compile, as a buggy caller might send it. */
function untyped(route: string, parameters: Record<string, unknown>): Promise<unknown> {
  return octokit.request(route, parameters);
}

function last(): RecordedRequest {
  const request = github.requests.at(-1);
  if (request === undefined) throw new Error('no request recorded');
  return request;
}

beforeAll(async () => {
  // The spec is parsed once per process; later servers reuse it.
  const spec = await loadGitHubSpec();
  expect(spec.operations).toBeGreaterThan(1000);
}, 120_000);

beforeEach(async () => {
  github = await startFakeGitHub({
    pullRequests: [{ number: 7, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40), labels: ['infra', 'prune-guard/allow'], files: [{ filename: 'infrastructure/calico/kustomization.yaml', patch: PATCH }] }],
  });
  octokit = client(github, 'test-token');
});

afterEach(() => github.close());

describe('issue comments', () => {
  it('creates, lists and updates a comment, and records each request', async () => {
    const created = await octokit.rest.issues.createComment({ ...PR, body: '<!-- prune-guard -->\nfirst' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ body: '<!-- prune-guard -->\nfirst', user: { login: 'github-actions[bot]', type: 'Bot' } });

    const listed = await octokit.rest.issues.listComments(PR);
    expect(listed.data.map((comment) => comment.id)).toEqual([created.data.id]);

    const updated = await octokit.rest.issues.updateComment({ ...REPO, comment_id: created.data.id, body: '<!-- prune-guard -->\nsecond' });
    expect(updated.data.body).toBe('<!-- prune-guard -->\nsecond');
    expect(github.state.issueComments).toMatchObject([{ id: created.data.id, issueNumber: 7, body: '<!-- prune-guard -->\nsecond' }]);

    expect(github.requests.map(({ method, path, operationId, accepted, status }) => ({ method, path, operationId, accepted, status }))).toEqual([
      { method: 'POST', path: '/repos/octo-org/fleet-infra/issues/7/comments', operationId: 'issues/create-comment', accepted: true, status: 201 },
      { method: 'GET', path: '/repos/octo-org/fleet-infra/issues/7/comments', operationId: 'issues/list-comments', accepted: true, status: 200 },
      { method: 'PATCH', path: `/repos/octo-org/fleet-infra/issues/comments/${created.data.id}`, operationId: 'issues/update-comment', accepted: true, status: 200 },
    ]);
    expect(github.requests[0]).toMatchObject({ body: { body: '<!-- prune-guard -->\nfirst' }, params: { owner: 'octo-org', repo: 'fleet-infra', issue_number: 7 } });
    expect(github.requests[0]?.headers.authorization).toBe('token test-token');
  });

  it('pages 45 comments with a Link header that octokit.paginate follows', async () => {
    github.addIssueComments(7, Array.from({ length: 40 }, (_, index) => `unrelated ${index}`));
    github.addIssueComments(7, Array.from({ length: 5 }, (_, index) => ({ body: `bot ${index}`, author: 'github-actions[bot]' })));

    const all = await octokit.paginate(octokit.rest.issues.listComments, PR);
    expect(all).toHaveLength(45);
    expect(all.at(-1)?.body).toBe('bot 4');
    expect(github.requests.map((request) => request.query)).toEqual([{}, { page: '2' }]);

    const small = await octokit.paginate(octokit.rest.issues.listComments, { ...PR, per_page: 10 });
    expect(small.map((comment) => comment.body)).toEqual(all.map((comment) => comment.body));
    expect(github.requests.slice(2).map((request) => request.query.page ?? '1')).toEqual(['1', '2', '3', '4', '5']);

    const first = await octokit.rest.issues.listComments({ ...PR, per_page: 10, page: 2 });
    expect(first.headers.link).toBe(
      [
        `<${github.url}/repos/octo-org/fleet-infra/issues/7/comments?per_page=10&page=1>; rel="prev"`,
        `<${github.url}/repos/octo-org/fleet-infra/issues/7/comments?per_page=10&page=3>; rel="next"`,
        `<${github.url}/repos/octo-org/fleet-infra/issues/7/comments?per_page=10&page=5>; rel="last"`,
        `<${github.url}/repos/octo-org/fleet-infra/issues/7/comments?per_page=10&page=1>; rel="first"`,
      ].join(', '),
    );
  });

  it('answers 404 for a comment or pull request that does not exist', async () => {
    expect((await requestError(octokit.rest.issues.createComment({ ...REPO, issue_number: 8, body: 'x' }))).status).toBe(404);
    expect((await requestError(octokit.rest.issues.updateComment({ ...REPO, comment_id: 99, body: 'x' }))).status).toBe(404);
    expect(github.requests.every((request) => request.accepted)).toBe(true);
  });

  it('rejects a body longer than 65,536 characters with 422', async () => {
    const error = await requestError(octokit.rest.issues.createComment({ ...PR, body: 'x'.repeat(70_000) }));
    expect(error.status).toBe(422);
    expect(error.message).toContain('Body is too long (maximum is 65536 characters)');
    expect(error.response?.data).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'IssueComment', field: 'data' }] });
    expect(github.state.issueComments).toEqual([]);

    const fits = await octokit.rest.issues.createComment({ ...PR, body: 'x'.repeat(GITHUB_BODY_LIMIT) });
    const update = octokit.rest.issues.updateComment({ ...REPO, comment_id: fits.data.id, body: 'x'.repeat(GITHUB_BODY_LIMIT + 1) });
    expect((await requestError(update)).status).toBe(422);
    const review = octokit.rest.pulls.createReview({ ...REPO, pull_number: 7, event: 'COMMENT', body: 'x'.repeat(70_000) });
    expect((await requestError(review)).message).toContain('Body is too long');
  });

  it('needs a token to write', async () => {
    const anonymous = client(github);
    expect((await requestError(anonymous.rest.issues.createComment({ ...PR, body: 'x' }))).status).toBe(401);
    expect((await anonymous.rest.issues.listComments(PR)).status).toBe(200);
  });
});

describe('validation against the OpenAPI description', () => {
  it('rejects a body that breaks the requestBody schema and records it as rejected', async () => {
    const wrongType = await requestError(untyped('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...PR, body: 42 }));
    expect(wrongType.status).toBe(422);
    expect(wrongType.message).toContain('body must be string (got 42)');
    expect(last()).toMatchObject({ operationId: 'issues/create-comment', accepted: false, status: 422, body: { body: 42 } });
    expect(last().rejection).toContain('issues/create-comment');

    const missing = await requestError(untyped('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...PR, data: { text: 'hi' } }));
    expect(missing.message).toContain("the body is missing required property 'body'");
    expect(missing.message).toContain("the body has unknown property 'text'");

    const review = untyped('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...REPO, pull_number: 7, event: 'COMMENT', comments: [{ body: 'no path', line: 5 }] });
    expect((await requestError(review)).message).toContain("comments[0] is missing required property 'path'");

    expect(github.requests.map((request) => request.accepted)).toEqual([false, false, false]);
    expect(github.state.issueComments).toEqual([]);
    expect(github.state.reviews).toEqual([]);
  });

  it('rejects a path that matches no operation, and a method the path does not have', async () => {
    const unknown = await requestError(octokit.request('GET /repos/{owner}/{repo}/prune-plans', REPO));
    expect(unknown.status).toBe(404);
    expect(last()).toMatchObject({ operationId: null, route: null, accepted: false, status: 404 });
    expect(last().rejection).toContain('no operation');

    const wrongMethod = await requestError(octokit.request('PUT /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...PR, data: { body: 'x' } }));
    expect(wrongMethod.status).toBe(404);
    expect(wrongMethod.message).toContain('has no PUT /repos/{owner}/{repo}/issues/{issue_number}/comments (only GET, POST)');
  });

  it('checks path parameter types and rejects unknown query parameters', async () => {
    const notANumber = await requestError(untyped('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...REPO, issue_number: 'seven' }));
    expect(notANumber.status).toBe(400);
    expect(notANumber.message).toContain(`path parameter 'issue_number' must be integer (got "seven")`);

    const unknownQuery = await requestError(octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...PR, direction: 'desc' }));
    expect(unknownQuery.status).toBe(400);
    expect(unknownQuery.message).toContain("unknown property 'direction'");
    expect(last()).toMatchObject({ accepted: false, query: { direction: 'desc' } });

    const badDate = await requestError(octokit.rest.issues.listComments({ ...PR, since: 'yesterday' }));
    expect(badDate.message).toContain('must match format "date-time"');
  });

  it('accepts null where the description says nullable, also on enums and oneOf', async () => {
    // issues/update is not modelled (501), but the request conforms: state_reason's enum
    // lacks null and milestone is nullable without a type.
    const update = await requestError(octokit.rest.issues.update({ ...PR, milestone: null, state_reason: null, assignee: null }));
    expect(update.status).toBe(501);
    expect(last()).toMatchObject({ operationId: 'issues/update', accepted: true });

    const badEnum = await requestError(octokit.rest.issues.update({ ...PR, state_reason: 'abandoned' as 'completed' }));
    expect(badEnum.status).toBe(422);
    expect(badEnum.message).toContain('state_reason must be one of');
  });

  it('lets unknown body fields through on request', async () => {
    const lenient = await startFakeGitHub({ unknownBodyFields: 'allow', pullRequests: [{ number: 7 }] });
    try {
      await client(lenient, 'test-token').request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...PR, body: 'x', extra: true });
      expect(lenient.requests[0]?.accepted).toBe(true);
    } finally {
      await lenient.close();
    }
  });
});

describe('forced responses', () => {
  it('answers a forced 403 as a fork token would, until removed', async () => {
    const remove = github.forceResponse('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { status: 403, message: 'Resource not accessible by integration' });
    const error = await requestError(octokit.rest.issues.createComment({ ...PR, body: 'report' }));
    expect(error.status).toBe(403);
    expect(error.message).toContain('Resource not accessible by integration');
    expect(last()).toMatchObject({ accepted: true, forced: true, status: 403 });
    expect((await octokit.rest.issues.listComments(PR)).status).toBe(200);

    remove();
    expect((await octokit.rest.issues.createComment({ ...PR, body: 'report' })).status).toBe(201);
  });

  it('matches operationIds and concrete paths, a number of times', async () => {
    github.forceResponse('issues/list-comments', { status: 502, times: 1 });
    expect((await requestError(octokit.rest.issues.listComments(PR))).status).toBe(502);
    expect((await octokit.rest.issues.listComments(PR)).status).toBe(200);

    github.addPullRequest({ number: 8 });
    github.forceResponse('GET /repos/octo-org/fleet-infra/pulls/8', { status: 500, body: { message: 'boom' } });
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: 7 })).status).toBe(200);
    expect((await requestError(octokit.rest.pulls.get({ ...REPO, pull_number: 8 }))).message).toBe('boom');

    expect(() => github.forceResponse('issues/create-coment', { status: 403 })).toThrow('no operationId');
    expect(() => github.forceResponse('POST /repos/{owner}/{repo}/issues/{number}/comments', { status: 403 })).toThrow('no operation');
  });
});

describe('pull requests', () => {
  it('serves the pull request, its labels and its files from state', async () => {
    github.addPullRequest({ number: 9, headRepository: 'contributor/fleet-infra', files: Array.from({ length: 35 }, (_, index) => ({ filename: `apps/app-${index}.yaml`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+kind: ConfigMap' })) });

    const pull = await octokit.rest.pulls.get({ ...REPO, pull_number: 7 });
    expect(pull.data).toMatchObject({ number: 7, head: { sha: 'a'.repeat(40), repo: { full_name: 'octo-org/fleet-infra', fork: false } }, base: { sha: 'b'.repeat(40), ref: 'main' } });
    expect(pull.data.labels.map((label) => label.name)).toEqual(['infra', 'prune-guard/allow']);
    const fork = await octokit.rest.pulls.get({ ...REPO, pull_number: 9 });
    expect(fork.data.head.repo).toMatchObject({ full_name: 'contributor/fleet-infra', fork: true });

    const labels = await octokit.rest.issues.listLabelsOnIssue(PR);
    expect(labels.data.map((label) => label.name)).toEqual(['infra', 'prune-guard/allow']);

    const files = await octokit.rest.pulls.listFiles({ ...REPO, pull_number: 7 });
    expect(files.data).toMatchObject([{ filename: 'infrastructure/calico/kustomization.yaml', status: 'modified', additions: 2, deletions: 1, changes: 3, patch: PATCH }]);
    const many = await octokit.paginate(octokit.rest.pulls.listFiles, { ...REPO, pull_number: 9 });
    expect(many).toHaveLength(35);

    const diff = await octokit.rest.pulls.get({ ...REPO, pull_number: 7, mediaType: { format: 'diff' } });
    expect(String(diff.data)).toContain(`--- a/infrastructure/calico/kustomization.yaml\n+++ b/infrastructure/calico/kustomization.yaml\n${PATCH}`);
    expect(github.requests.every((request) => request.accepted)).toBe(true);
  });

  it('creates a review with inline comments and lists them', async () => {
    const review = await octokit.rest.pulls.createReview({
      ...REPO,
      pull_number: 7,
      event: 'COMMENT',
      body: 'prune-guard found 1 error',
      comments: [
        { path: 'infrastructure/calico/kustomization.yaml', line: 5, side: 'RIGHT', body: 'CRDs come back here' },
        { path: 'infrastructure/calico/kustomization.yaml', line: 4, side: 'LEFT', body: 'removing this prunes 24 CRDs' },
      ],
    });
    expect(review.data).toMatchObject({ state: 'COMMENTED', body: 'prune-guard found 1 error', commit_id: 'a'.repeat(40) });
    expect(last()).toMatchObject({ operationId: 'pulls/create-review', accepted: true, body: { comments: [{ line: 5, side: 'RIGHT' }, { line: 4, side: 'LEFT' }] } });

    const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...REPO, pull_number: 7 });
    expect(comments).toMatchObject([
      { pull_request_review_id: review.data.id, path: 'infrastructure/calico/kustomization.yaml', line: 5, side: 'RIGHT', position: 6, body: 'CRDs come back here' },
      { line: 4, side: 'LEFT', position: 4, diff_hunk: PATCH.split('\n').slice(0, 5).join('\n') },
    ]);
    expect((await octokit.rest.pulls.listReviews({ ...REPO, pull_number: 7 })).data).toHaveLength(1);
  });

  it('refuses inline comments outside the diff, as GitHub does, and stores nothing', async () => {
    const outside = octokit.rest.pulls.createReview({
      ...REPO,
      pull_number: 7,
      event: 'COMMENT',
      comments: [
        { path: 'infrastructure/calico/kustomization.yaml', line: 5, body: 'fine' },
        { path: 'infrastructure/calico/kustomization.yaml', line: 4, side: 'LEFT', start_line: 1, start_side: 'LEFT', body: 'fine too' },
        { path: 'infrastructure/calico/kustomization.yaml', line: 9, body: 'not in the diff' },
      ],
    });
    const error = await requestError(outside);
    expect(error.status).toBe(422);
    expect(error.message).toContain('Pull request review thread line must be part of the diff');

    const elsewhere = octokit.rest.pulls.createReview({ ...REPO, pull_number: 7, event: 'COMMENT', comments: [{ path: 'README.md', line: 1, body: 'x' }] });
    expect((await requestError(elsewhere)).message).toContain('Pull request review thread path is invalid');
    expect(github.state.reviews).toEqual([]);
    expect(github.state.reviewComments).toEqual([]);
  });
});

describe('repository contents', () => {
  const API = (path: string, ref = 'main') => `${github.url}/repos/octo-org/fleet-infra/contents/${path}?ref=${ref}`;

  /** The entries of a directory listing, which Octokit types as one of four shapes. */
  async function listing(path: string, ref?: string): Promise<Array<{ name: string; path: string; type: string; size: number; sha: string; download_url: string | null }>> {
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path, ...(ref === undefined ? {} : { ref }) });
    if (!Array.isArray(data)) throw new Error(`${path} is no directory`);
    return data;
  }

  beforeEach(() => {
    github.addRepositoryFiles({ ref: 'main', files: FILES });
  });

  it('lists a directory as GitHub does, in git tree order with git object ids', async () => {
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path: '' });
    // Ids and order as `git ls-tree` prints them: a directory sorts as if its name ended in '/'.
    expect(data).toEqual([
      {
        name: 'README.md',
        path: 'README.md',
        sha: 'd7ea66e3c6326af920be7d3bd5e2bd171298519b',
        size: 14,
        url: API('README.md'),
        html_url: 'https://github.com/octo-org/fleet-infra/blob/main/README.md',
        git_url: `${github.url}/repos/octo-org/fleet-infra/git/blobs/d7ea66e3c6326af920be7d3bd5e2bd171298519b`,
        download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/main/README.md',
        type: 'file',
        _links: {
          self: API('README.md'),
          git: `${github.url}/repos/octo-org/fleet-infra/git/blobs/d7ea66e3c6326af920be7d3bd5e2bd171298519b`,
          html: 'https://github.com/octo-org/fleet-infra/blob/main/README.md',
        },
      },
      expect.objectContaining({ name: 'clusters', type: 'dir', size: 0, sha: 'e4537730c5b77e844ecf0d6da861ae96ee7d0daf', download_url: null }),
      expect.objectContaining({ name: 'manifests.yaml', type: 'file', size: 20, sha: '89431037165848da4eed6e3f1923289b0ec5868c' }),
      expect.objectContaining({
        name: 'manifests',
        type: 'dir',
        sha: '1c2c90363974bba9a2503cd6cc7ca0e47d94da80',
        html_url: 'https://github.com/octo-org/fleet-infra/tree/main/manifests',
        git_url: `${github.url}/repos/octo-org/fleet-infra/git/trees/1c2c90363974bba9a2503cd6cc7ca0e47d94da80`,
        download_url: null,
      }),
    ]);

    expect((await listing('manifests')).map(({ name, path, type, size }) => ({ name, path, type, size }))).toEqual([
      { name: 'crds', path: 'manifests/crds', type: 'dir', size: 0 },
      { name: 'kustomization.yaml', path: 'manifests/kustomization.yaml', type: 'file', size: 39 },
      { name: 'namespace.yaml', path: 'manifests/namespace.yaml', type: 'file', size: 63 },
    ]);
    const crds = await listing('manifests/crds');
    expect(crds.map(({ name, sha, size, download_url }) => ({ name, sha, size, download_url }))).toEqual([
      { name: 'ippools.yaml', sha: '75ee8f96830873d6be73a1adf314a5c952ced558', size: 148, download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/main/manifests/crds/ippools.yaml' },
      { name: 'kustomization.yaml', sha: 'c7f55886418c7558a2328eeb123ccc3f6c5d1178', size: 28, download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/main/manifests/crds/kustomization.yaml' },
    ]);

    // Octokit encodes the slash; a hand-written URL may not, or may end in one.
    expect(await octokit.request('GET /repos/{owner}/{repo}/contents/manifests/crds', REPO).then((response) => response.data)).toEqual(crds);
    expect(await fetch(`${github.url}/repos/octo-org/fleet-infra/contents/manifests/crds/`).then((response) => response.json())).toEqual(crds);
    expect(github.requests.map(({ path, params, operationId, accepted, status }) => ({ path, params, operationId, accepted, status }))).toEqual([
      { path: '/repos/octo-org/fleet-infra/contents', params: { owner: 'octo-org', repo: 'fleet-infra', path: '' }, operationId: 'repos/get-content', accepted: true, status: 200 },
      { path: '/repos/octo-org/fleet-infra/contents/manifests', params: { owner: 'octo-org', repo: 'fleet-infra', path: 'manifests' }, operationId: 'repos/get-content', accepted: true, status: 200 },
      { path: '/repos/octo-org/fleet-infra/contents/manifests%2Fcrds', params: { owner: 'octo-org', repo: 'fleet-infra', path: 'manifests/crds' }, operationId: 'repos/get-content', accepted: true, status: 200 },
      { path: '/repos/octo-org/fleet-infra/contents/manifests/crds', params: { owner: 'octo-org', repo: 'fleet-infra', path: 'manifests/crds' }, operationId: 'repos/get-content', accepted: true, status: 200 },
      { path: '/repos/octo-org/fleet-infra/contents/manifests/crds/', params: { owner: 'octo-org', repo: 'fleet-infra', path: 'manifests/crds/' }, operationId: 'repos/get-content', accepted: true, status: 200 },
    ]);
  });

  it('serves a file base64-encoded, raw, and a directory as an object on request', async () => {
    const path = 'manifests/crds/ippools.yaml';
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path });
    expect(data).toMatchObject({ type: 'file', encoding: 'base64', name: 'ippools.yaml', path, size: 148, sha: '75ee8f96830873d6be73a1adf314a5c952ced558', url: API(path) });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('not a file');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe(FILES[path]);
    // Ruby's Base64.encode64, as GitHub sends it: lines of 60 characters.
    expect(data.content.split('\n').map((line) => line.length)).toEqual([60, 60, 60, 20, 0]);

    const raw = await octokit.rest.repos.getContent({ ...REPO, path, mediaType: { format: 'raw' } });
    expect(raw.data).toBe(FILES[path]);
    expect(raw.headers['content-type']).toBe('application/vnd.github.v3.raw; charset=utf-8');
    expect(last().headers.accept).toBe('application/vnd.github.v3.raw');
    // A directory has no raw form: GitHub lists it as JSON.
    expect(await octokit.rest.repos.getContent({ ...REPO, path: 'manifests/crds', mediaType: { format: 'raw' } }).then((response) => response.data)).toEqual(await listing('manifests/crds'));

    const object = await octokit.rest.repos.getContent({ ...REPO, path: 'manifests', mediaType: { format: 'object' } });
    expect(object.data).toMatchObject({ type: 'dir', name: 'manifests', path: 'manifests', sha: '1c2c90363974bba9a2503cd6cc7ca0e47d94da80', entries: [{ name: 'crds' }, { name: 'kustomization.yaml' }, { name: 'namespace.yaml' }] });
    expect(github.requests.every((request) => request.accepted && request.status === 200)).toBe(true);
  });

  it('serves each ref from its own seed, the first seeded when the request names none', async () => {
    github.addRepositoryFiles({ ref: 'change-7', files: { ...FILES, 'manifests/crds/ippools.yaml': 'kind: ConfigMap\n' } });
    github.addRepositoryFiles({ ref: 'change-7', files: { 'manifests/crds/bgppeers.yaml': 'kind: CustomResourceDefinition\n' } });
    expect((await listing('manifests/crds', 'change-7')).map(({ name, size, download_url }) => ({ name, size, download_url }))).toEqual([
      { name: 'bgppeers.yaml', size: 31, download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/change-7/manifests/crds/bgppeers.yaml' },
      { name: 'ippools.yaml', size: 16, download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/change-7/manifests/crds/ippools.yaml' },
      { name: 'kustomization.yaml', size: 28, download_url: 'https://raw.githubusercontent.com/octo-org/fleet-infra/change-7/manifests/crds/kustomization.yaml' },
    ]);
    expect((await listing('manifests/crds')).map((entry) => entry.name)).toEqual(['ippools.yaml', 'kustomization.yaml']);
    expect((await listing('manifests/crds', 'refs/heads/main')).map((entry) => entry.name)).toEqual(['ippools.yaml', 'kustomization.yaml']);

    const other = await startFakeGitHub({ repositoryFiles: [{ repository: 'octo-org/apps', ref: 'v1.2.0', files: { 'apps/podinfo.yaml': 'kind: HelmRelease\n' } }] });
    try {
      other.addRepositoryFiles({ repository: 'octo-org/apps', ref: 'main', files: {} });
      const { data } = await client(other).rest.repos.getContent({ owner: 'octo-org', repo: 'apps', path: 'apps' });
      expect(data).toMatchObject([{ name: 'podinfo.yaml', url: `${other.url}/repos/octo-org/apps/contents/apps/podinfo.yaml?ref=v1.2.0` }]);
      expect(await client(other).rest.repos.getContent({ owner: 'octo-org', repo: 'apps', path: '', ref: 'main' }).then((response) => response.data)).toEqual([]);
      expect(other.state.repositoryFiles.map(({ repository, ref }) => `${repository}@${ref}`)).toEqual(['octo-org/apps@v1.2.0', 'octo-org/apps@main']);
    } finally {
      await other.close();
    }

    expect(() => github.addRepositoryFiles({ ref: 'main', files: { '/etc/passwd': '' } })).toThrow('is not posix and relative');
    expect(() => github.addRepositoryFiles({ ref: 'main', files: { 'manifests/../x.yaml': '' } })).toThrow('is not posix and relative');
    expect(() => github.addRepositoryFiles({ ref: 'main', files: { 'README.md/x.yaml': '' } })).toThrow("'README.md' of octo-org/fleet-infra@main cannot also be the directory");
    expect(github.state.repositoryFiles.find((tree) => tree.ref === 'main')?.files.has('README.md/x.yaml')).toBe(false);
  });

  it('answers 404 for an unknown repository, ref or path, as GitHub does', async () => {
    const ref = await requestError(octokit.rest.repos.getContent({ ...REPO, path: 'manifests', ref: 'no-such-branch' }));
    expect(ref.status).toBe(404);
    expect(ref.response?.data).toMatchObject({ message: 'No commit found for the ref no-such-branch', documentation_url: expect.stringContaining('docs.github.com') });

    for (const path of ['manifests/crd', 'manifests/crds/missing.yaml', 'README.md/x']) {
      const error = await requestError(octokit.rest.repos.getContent({ ...REPO, path }));
      expect([error.status, error.response?.data]).toMatchObject([404, { message: 'Not Found' }]);
    }
    const repository = await requestError(octokit.rest.repos.getContent({ owner: 'octo-org', repo: 'apps', path: '' }));
    expect([repository.status, repository.response?.data]).toMatchObject([404, { message: 'Not Found' }]);
    expect(github.requests.map(({ accepted, status }) => ({ accepted, status }))).toEqual(Array.from({ length: 5 }, () => ({ accepted: true, status: 404 })));
  });
});

describe('users and authors', () => {
  /** The 200 response schema of an operation in GitHub's description, for checking the fake's answers. */
  async function responseSchema(path: string, method: string): Promise<object> {
    const { readFile } = await import('node:fs/promises');
    const { createRequire } = await import('node:module');
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.deref.json');
    const spec = JSON.parse(await readFile(file, 'utf8')) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>> };
    const schema = spec.paths[path]?.[method]?.responses['200']?.content['application/json']?.schema;
    if (schema === undefined) throw new Error(`no 200 schema for ${method} ${path}`);
    return schema;
  }

  it('answers GET /user with 403 for an installation token, as GitHub does', async () => {
    const error = await requestError(octokit.rest.users.getAuthenticated());
    expect([error.status, error.response?.data]).toMatchObject([403, { message: 'Resource not accessible by integration' }]);
    expect(last()).toMatchObject({ operationId: 'users/get-authenticated', accepted: true, status: 403 });
  });

  it('answers GET /user with the user of a personal access token, in the private-user shape', async () => {
    const server = await startFakeGitHub({ login: 'release-bot-user' });
    try {
      const { data } = await client(server, 'ghp_test').rest.users.getAuthenticated();
      expect(data).toMatchObject({ login: 'release-bot-user', type: 'User' });
      const { Ajv } = await import('ajv');
      const validate = new Ajv({ strict: false, allErrors: true }).compile(await responseSchema('/user', 'get'));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('gives every comment a user with the fields simple-user requires, and seeds review comments by their author', async () => {
    github.addIssueComments(7, [{ body: 'planted', author: 'mallory' }]);
    await octokit.rest.issues.createComment({ ...PR, body: 'ours' });
    const { data } = await octokit.rest.issues.listComments(PR);
    expect(data.map((comment) => [comment.user?.login, comment.user?.type])).toEqual([['mallory', 'User'], ['github-actions[bot]', 'Bot']]);
    const { Ajv } = await import('ajv');
    const schema = (await responseSchema('/repos/{owner}/{repo}/issues/{issue_number}/comments', 'get')) as { items: { properties: { user: object } } };
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema.items.properties.user);
    for (const comment of data) expect(validate(comment.user), JSON.stringify(validate.errors)).toBe(true);

    const [planted] = github.addReviewComments(7, [{ path: 'infrastructure/calico/kustomization.yaml', line: 5, body: 'looks fine', author: 'mallory' }]);
    expect(planted).toMatchObject({ line: 5, side: 'RIGHT', author: 'mallory' });
    const reviewComments = await octokit.rest.pulls.listReviewComments({ ...REPO, pull_number: 7 });
    expect(reviewComments.data.map((comment) => [comment.user.login, comment.body, comment.line])).toEqual([['mallory', 'looks fine', 5]]);
    expect(() => github.addReviewComments(7, [{ path: 'infrastructure/calico/kustomization.yaml', line: 40, body: 'x' }])).toThrow('must be part of the diff');
  });
});
