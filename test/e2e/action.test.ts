/**
 * The bundled Action, run the way the runner runs it: INPUT_* variables, an event payload
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a workspace holding the merge commit
 * actions/checkout makes, and GITHUB_API_URL pointing at a GitHub REST server that checks
 * every request against GitHub's OpenAPI description.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import { makePullRequestWorkspace, REPOSITORY, runAction } from './action-runner.ts';
import { PROJECT_ROOT, configMap, crd, git, hasKustomize, kustomization, makeTempDir, serveFiles, type FileServer } from './helpers.ts';

const CALICO = resolve(PROJECT_ROOT, '../shared/fixtures/calico');
const hasCalico = existsSync(join(CALICO, 'v3.30.0/custom-resources.yaml'));

function calicoTree(version: string, files: readonly string[]) {
  return (dir: string): void => {
    for (const file of files) copyFileSync(join(CALICO, version, file), join(dir, 'calico', file));
  };
}

describe.skipIf(!hasKustomize)('GitHub Action (dist/action.js)', () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub({ repository: REPOSITORY });
  });
  afterAll(() => server.close());

  const comments = (number: number) => server.state.issueComments.filter((comment) => comment.issueNumber === number);
  const writesFor = (number: number) =>
    server.requests
      .filter((request) => request.method !== 'GET' && (request.path.includes(`/issues/${number}/`) || comments(number).some((comment) => request.path.endsWith(`/issues/comments/${comment.id}`))))
      .map((request) => request.route);

  describe.skipIf(!hasCalico)(`Calico v3.29.3 -> v3.30.0${hasCalico ? '' : ' (skipped: ../shared/fixtures/calico not found)'}`, () => {
    it('fails the gate with a clear reason, posts one summary comment, and edits it on a re-run', async () => {
      const files = ['tigera-operator.yaml', 'custom-resources.yaml'];
      const workspace = makePullRequestWorkspace(
        { 'calico/kustomization.yaml': kustomization(...files) },
        {},
        (dir, side) => calicoTree(side === 'base' ? 'v3.29.3' : 'v3.30.0', files)(dir),
      );
      server.addPullRequest({ number: 7, baseSha: workspace.baseSha, headSha: workspace.headSha, files: [{ filename: 'calico/tigera-operator.yaml', patch: '@@ -1,1 +1,1 @@\n-a\n+b' }] });

      const first = await runAction(workspace, server, 7);
      expect(first.code).toBe(1);
      expect(first.stdout).toContain('::error::prune-guard: 28 blocking findings at or above error, first: CustomResourceDefinition/');
      expect(first.outputs).toMatchObject({ blocking: 'true', acknowledged: 'false', findings: '28', pruned: '24' });
      expect(readFileSync(first.outputs['report-json'] ?? '', 'utf8')).toContain('"schemaVersion": 1');
      expect(first.summary).toContain('**Plan: 4 to add, 2 to change, 24 to prune (24 CRDs)**');
      // Annotations point at the kustomization line; GitHub shows 10 per level, the rest are counted.
      const annotations = first.stdout.split('\n').filter((line) => line.startsWith('::error title=prune-guard'));
      expect(annotations).toHaveLength(10);
      expect(annotations[0]).toMatch(/^::error title=prune-guard crd-removed%3A CustomResourceDefinition\/[a-z0-9.]+,file=calico\/kustomization.yaml,line=4::/);
      expect(first.stdout).toContain('::notice title=prune-guard::...and 18 more error findings; see the job summary');

      const [comment] = comments(7);
      expect(comments(7)).toHaveLength(1);
      expect(comment?.body).toMatch(/^<!-- prune-guard:summary:[0-9a-f]{32} -->\n### :stop_sign: prune-guard: this change prunes what it must not\n\n\*\*Plan: 4 to add, 2 to change, 24 to prune \(24 CRDs\)\*\*/);
      expect(comment?.body.length).toBeLessThanOrEqual(65_536);

      const second = await runAction(workspace, server, 7);
      expect(second.code).toBe(1);
      expect(comments(7)).toHaveLength(1);
      expect(writesFor(7)).toEqual([
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
      ]);
      expect(server.requests.every((request) => request.accepted)).toBe(true);
    });
  });

  describe.skipIf(!hasCalico)(`Calico with the real URLs${hasCalico ? '' : ' (skipped: ../shared/fixtures/calico not found)'}`, () => {
    let raw: FileServer;
    beforeAll(async () => {
      raw = await serveFiles(CALICO, (path) => path.replace(/^\/projectcalico\/calico\/([^/]+)\/manifests\//, '/$1/'));
      const files = Object.fromEntries(readdirSync(join(CALICO, 'v3.30.0')).map((name) => [`manifests/${name}`, readFileSync(join(CALICO, 'v3.30.0', name), 'utf8')]));
      server.addRepositoryFiles({ repository: 'projectcalico/calico', ref: 'v3.30.0', files });
    });
    afterAll(() => raw.close());

    it('suggests the operator-crds.yaml line on the changed line, once across re-runs', async () => {
      const url = (tag: string, file: string): string => `https://raw.githubusercontent.com/projectcalico/calico/${tag}/manifests/${file}`;
      const workspace = makePullRequestWorkspace(
        { 'calico/kustomization.yaml': kustomization(url('v3.29.3', 'tigera-operator.yaml'), url('v3.29.3', 'custom-resources.yaml')) },
        { 'calico/kustomization.yaml': kustomization(url('v3.30.0', 'tigera-operator.yaml'), url('v3.30.0', 'custom-resources.yaml')) },
      );
      // The pull request's diff as GitHub lists it: the hunks of `git diff base head`.
      const diff = git(workspace.dir, 'diff', workspace.baseSha, workspace.headSha, '--', 'calico/kustomization.yaml');
      server.addPullRequest({ number: 14, baseSha: workspace.baseSha, headSha: workspace.headSha, files: [{ filename: 'calico/kustomization.yaml', patch: diff.slice(diff.indexOf('@@')).trimEnd() }] });
      const inputs = { mirror: `https://raw.githubusercontent.com/=${raw.origin}/` };

      const first = await runAction(workspace, server, 14, inputs);
      expect(first.code).toBe(1);
      const suggestions = server.state.reviewComments.filter((comment) => comment.pullNumber === 14);
      expect(suggestions.map((comment) => [comment.path, comment.startLine, comment.line, comment.side])).toEqual([['calico/kustomization.yaml', null, 4, 'RIGHT']]);
      expect(suggestions[0]?.body).toContain(`\`\`\`suggestion\n  - ${url('v3.30.0', 'operator-crds.yaml')}\n  - ${url('v3.30.0', 'tigera-operator.yaml')}\n\`\`\``);
      expect(suggestions[0]?.body).toContain('Verified:');
      expect(comments(14)[0]?.body).toContain('suggested on `calico/kustomization.yaml:4`');
      expect(server.requests.filter((request) => request.operationId === 'repos/get-content').map((request) => request.query.ref)).toContain('v3.30.0');

      const second = await runAction(workspace, server, 14, inputs);
      expect(second.code).toBe(1);
      expect(server.state.reviewComments.filter((comment) => comment.pullNumber === 14)).toHaveLength(1);
      expect(server.requests.every((request) => request.accepted)).toBe(true);
    });
  });

  const removedCrd = (): ReturnType<typeof makePullRequestWorkspace> =>
    makePullRequestWorkspace(
      { 'app/kustomization.yaml': kustomization('crd.yaml', 'cm.yaml'), 'app/crd.yaml': (readFileSync(join(PROJECT_ROOT, 'examples/operator-crds/after/crds.yaml'), 'utf8')), 'app/cm.yaml': configMap('a', 'x') },
      { 'app/kustomization.yaml': kustomization('cm.yaml') },
    );

  it('suggests on the pull request head\'s lines when the base branch moved them in the merge commit', async () => {
    const entries = ['crd.yaml', 'cm.yaml', 'cm2.yaml', 'cm3.yaml'];
    const files = { 'app/crd.yaml': crd('Widget', 'example.io'), ...Object.fromEntries(entries.slice(1).map((name, index) => [`app/${name}`, configMap(`c${index}`, 'x')])) };
    const workspace = makePullRequestWorkspace(
      { 'app/kustomization.yaml': kustomization(...entries), ...files },
      { 'app/kustomization.yaml': kustomization(...entries.slice(1)) },
      undefined,
      // Two lines above the list on main: the merge commit numbers every entry two further down.
      { 'app/kustomization.yaml': `# owned by team-platform\n# see docs/apps.md\n${kustomization(...entries)}` },
    );
    const merged = readFileSync(join(workspace.dir, 'app/kustomization.yaml'), 'utf8').split('\n');
    expect(merged.indexOf('  - cm.yaml') + 1).toBe(6);
    const diff = git(workspace.dir, 'diff', workspace.mergeBaseSha, workspace.headSha, '--', 'app/kustomization.yaml');
    server.addPullRequest({ number: 15, baseSha: workspace.baseSha, headSha: workspace.headSha, files: [{ filename: 'app/kustomization.yaml', patch: diff.slice(diff.indexOf('@@')).trimEnd() }] });

    const result = await runAction(workspace, server, 15);
    expect(result.code).toBe(1);
    const suggestions = server.state.reviewComments.filter((comment) => comment.pullNumber === 15);
    // Line 4 of the head is `  - cm.yaml`: the suggestion puts crd.yaml back in front of it.
    expect(git(workspace.dir, 'show', `${workspace.headSha}:app/kustomization.yaml`).split('\n')[3]).toBe('  - cm.yaml');
    expect(suggestions.map((comment) => [comment.path, comment.startLine, comment.line])).toEqual([['app/kustomization.yaml', null, 4]]);
    expect(suggestions[0]?.body).toContain('```suggestion\n  - crd.yaml\n  - cm.yaml\n```');
    expect(comments(15)[0]?.body).toContain('suggested on `app/kustomization.yaml:4`');
    expect(JSON.parse(readFileSync(result.outputs['report-json'] as string, 'utf8')).fixes[0].edits[0]).toMatchObject({ startLine: 4, endLine: 4 });
    expect(server.requests.every((request) => request.accepted)).toBe(true);
  });

  it('lets a pull request with the ack label pass, and says so', async () => {
    const workspace = removedCrd();
    const pr = server.addPullRequest({ number: 8, baseSha: workspace.baseSha, headSha: workspace.headSha });
    expect((await runAction(workspace, server, 8)).code).toBe(1);
    pr.labels.push('prune-guard/acknowledged');
    const acknowledged = await runAction(workspace, server, 8);
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.outputs).toMatchObject({ blocking: 'true', acknowledged: 'true' });
    expect(acknowledged.stdout).toContain('prune-guard: blocking findings acknowledged by the label prune-guard/acknowledged');
    expect(comments(8)).toHaveLength(1);
    expect(comments(8)[0]?.body).toContain('Acknowledged by the label `prune-guard/acknowledged`');
  });

  it('turns a 403 on posting into a warning that names the permission; the gate still decides', async () => {
    const workspace = removedCrd();
    server.addPullRequest({ number: 9, baseSha: workspace.baseSha, headSha: workspace.headSha });
    const restore = server.forceResponse('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { status: 403, message: 'Resource not accessible by integration' });
    try {
      const run = await runAction(workspace, server, 9);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::warning::prune-guard could not post the summary comment (HTTP 403): the workflow needs permissions: pull-requests: write');
      expect(run.stdout).not.toContain('ghs_testtoken0123456789');
      expect(run.outputs.blocking).toBe('true');
      expect(comments(9)).toEqual([]);
    } finally {
      restore();
    }
  });

  it('keeps the comment under 65,536 characters for a 3,000-object change', async () => {
    const many = (value: string): string => Array.from({ length: 3000 }, (_, index) => configMap(`settings-${index}`, 'big', { key: `${value}-${index}`, other: 'x'.repeat(40) })).join('---\n');
    const workspace = makePullRequestWorkspace({ 'big/kustomization.yaml': kustomization('cms.yaml'), 'big/cms.yaml': many('old') }, { 'big/cms.yaml': many('new') });
    server.addPullRequest({ number: 10, baseSha: workspace.baseSha, headSha: workspace.headSha });
    const run = await runAction(workspace, server, 10, { 'fail-on': 'never' });
    expect(run.code).toBe(0);
    const [comment] = comments(10);
    expect(comments(10)).toHaveLength(1);
    expect(comment?.body.length).toBeLessThanOrEqual(65_536);
    expect(comment?.body).toContain('**Plan: 0 to add, 3000 to change, 0 to prune**');
    // The comment fell back to a shorter tier; the job summary kept the diffs.
    expect(run.summary.length).toBeGreaterThan(comment?.body.length ?? 0);
    expect(run.summary).toContain('```diff');
  });

  it('offline: true downloads nothing and fails the step naming the remote resource', async () => {
    const url = 'https://raw.githubusercontent.com/example/operator/v2/crds.yaml';
    const workspace = makePullRequestWorkspace({ 'app/kustomization.yaml': kustomization('cm.yaml'), 'app/cm.yaml': configMap('a', 'x') }, { 'app/kustomization.yaml': kustomization('cm.yaml', url) });
    server.addPullRequest({ number: 16, baseSha: workspace.baseSha, headSha: workspace.headSha });
    const run = await runAction(workspace, server, 16, { offline: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::prune-guard: remote resource ${url} is not fetched: the run is offline, and the cache does not hold it`);
  });

  it('on a push, compares with the previous commit, posts nothing, and still gates', async () => {
    const workspace = removedCrd();
    git(workspace.dir, 'checkout', '-q', workspace.headSha);
    const before = server.requests.length;
    const run = await runAction({ ...workspace, baseSha: workspace.baseSha }, server, 0, {}, 'push');
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ blocking: 'true', pruned: '3' });
    expect(server.requests.length).toBe(before);
    expect(run.summary).toContain('Comparing `HEAD^ (');
  });

  describe('in a shallow clone, as actions/checkout makes with fetch-depth: 1', () => {
    function shallowWorkspace(): { dir: string; baseSha: string; headSha: string; origin: string } {
      const origin = removedCrd();
      git(origin.dir, 'update-ref', 'refs/pull/12/merge', 'HEAD');
      const dir = makeTempDir('prune-guard-shallow-');
      git(dir, 'init', '-q');
      git(dir, 'remote', 'add', 'origin', `file://${origin.dir}`);
      git(dir, 'fetch', '-q', '--depth=1', 'origin', 'refs/pull/12/merge');
      git(dir, 'checkout', '-q', '--detach', 'FETCH_HEAD');
      return { dir, baseSha: origin.baseSha, headSha: origin.headSha, origin: origin.dir };
    }

    it('fetches the missing base commit and compares with it', async () => {
      const workspace = shallowWorkspace();
      server.addPullRequest({ number: 12, baseSha: workspace.baseSha, headSha: workspace.headSha });
      const run = await runAction(workspace, server, 12);
      expect(run.code).toBe(1);
      expect(run.outputs).toMatchObject({ blocking: 'true', pruned: '3' });
    });

    it('says which fetch-depth to set when the base cannot be fetched, and still writes every output', async () => {
      const workspace = shallowWorkspace();
      git(workspace.dir, 'remote', 'set-url', 'origin', `file://${workspace.origin}-gone`);
      server.addPullRequest({ number: 13, baseSha: workspace.baseSha, headSha: workspace.headSha });
      const run = await runAction(workspace, server, 13);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/::error::prune-guard: commit [0-9a-f]{12} is not in this clone and could not be fetched: set fetch-depth: 0 on actions\/checkout \(or fetch-depth: 2 for the default merge commit\)/);
      expect(run.outputs).toEqual({ blocking: 'false', acknowledged: 'false', findings: '0', pruned: '0', 'report-json': '', 'summary-markdown': '' });
      expect(run.stdout).not.toContain('ghs_testtoken0123456789');
    });
  });

  it('reads the configuration from the base side: a pull request that silences the gate in its own config still fails', async () => {
    const workspace = makePullRequestWorkspace(
      { 'app/kustomization.yaml': kustomization('crd.yaml', 'cm.yaml'), 'app/crd.yaml': crd('Widget', 'example.io'), 'app/cm.yaml': configMap('a', 'x'), 'ci/prune-guard.yaml': 'failOn: error\n' },
      { 'app/kustomization.yaml': kustomization('cm.yaml'), 'ci/prune-guard.yaml': 'failOn: never\nignore: ["**"]\n' },
    );
    server.addPullRequest({ number: 21, baseSha: workspace.baseSha, headSha: workspace.headSha });
    const run = await runAction(workspace, server, 21, { config: 'ci/prune-guard.yaml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::prune-guard: 2 blocking findings at or above error, first: This change edits ci/prune-guard.yaml, the configuration of this check: failOn "error" -> "never"; ignore adds "**".');
    const report = JSON.parse(readFileSync(run.outputs['report-json'] ?? '', 'utf8')) as { findings: Array<{ rule: string }> };
    expect(report.findings.map((finding) => finding.rule)).toEqual(['config-changed', 'crd-removed']);
    // The log says what was rendered, phase by phase, inside its group.
    const log = run.stdout.split('\n');
    const rendered = log.findIndex((line) => /^changed units: 1 unit, 2 builds, \d+\.\ds$/.test(line));
    expect(rendered, run.stdout).toBeGreaterThan(log.indexOf('::group::Render and compare'));
    expect(log[rendered + 1]).toMatch(/^rendering done: 1 unit, 2 builds, \d+\.\ds$/);
  });

  it('rejects an invalid input with the list of valid values', async () => {
    const workspace = removedCrd();
    const run = await runAction(workspace, server, 0, { 'fail-on': 'critical' }, 'push');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::prune-guard: Input 'fail-on' is set to invalid value 'critical'. Valid values: error, warning, notice, never");
    const version = await runAction(removedCrd(), server, 0, { 'kubernetes-version': 'latest' }, 'push');
    expect(version.code).toBe(1);
    expect(version.stdout).toContain("::error::prune-guard: Input 'kubernetes-version' is set to invalid value 'latest': a Kubernetes version such as 1.31 or 1.31.4");
  });
});
