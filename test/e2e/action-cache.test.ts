/**
 * The Action keeps its cache directory in GitHub's Actions cache (a fake of the v2 service and
 * its blob store here): a run on the main branch saves an entry, a pull request's run starts
 * from it and saves none, and a cache service that fails never fails the check.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeActionsCache, type FakeActionsCache } from '../github/fake-actions-cache.ts';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import { makePullRequestWorkspace, REPOSITORY, runAction } from './action-runner.ts';
import { configMap, hasKustomize, kustomization, makeTempDir } from './helpers.ts';

describe.skipIf(!hasKustomize)('the Action and the Actions cache', () => {
  let github: FakeGitHub;
  let cache: FakeActionsCache;
  beforeAll(async () => {
    [github, cache] = await Promise.all([startFakeGitHub({ repository: REPOSITORY }), startFakeActionsCache()]);
  });
  afterAll(() => Promise.all([github.close(), cache.close()]));

  const service = (url: string) => ({ ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: url, ACTIONS_RUNTIME_TOKEN: 'runtime-token', GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1' });
  const stats = (run: { outputs: Record<string, string> }) => (JSON.parse(readFileSync(run.outputs['report-json'] ?? '', 'utf8')) as { stats: { builds: number; cached: number } }).stats;

  it('saves an entry on the main branch; a pull request starts from it and saves none', async () => {
    const workspace = makePullRequestWorkspace(
      { 'apps/web/kustomization.yaml': kustomization('cm.yaml'), 'apps/web/cm.yaml': configMap('web', 'apps', { image: 'web:1.0' }), 'apps/db/kustomization.yaml': kustomization('cm.yaml'), 'apps/db/cm.yaml': configMap('db', 'apps') },
      { 'apps/web/cm.yaml': configMap('web', 'apps', { image: 'web:1.1' }) },
    );
    // The push after the merge: renders everything it compares, and saves the cache directory.
    const cacheDir = join(makeTempDir('prune-guard-cache-'), 'cache');
    const push = await runAction(workspace, github, 0, { 'cache-dir': cacheDir }, 'push', service(cache.url));
    expect(push.code, push.stdout).toBe(0);
    expect(stats(push)).toMatchObject({ cached: 0 });
    expect(push.stdout).toContain('prune-guard: cache saved as prune-guard-v1-');
    expect(cache.entries).toHaveLength(1);
    expect(cache.entries[0]?.key).toMatch(/^prune-guard-v1-[a-z0-9]+-[a-z0-9]+-[0-9a-f]{16}-4242-1$/);

    // A pull request on a fresh runner (nothing in the cache directory): what the push rendered comes from the cache.
    rmSync(cacheDir, { recursive: true, force: true });
    github.addPullRequest({ number: 31, baseSha: workspace.baseSha, headSha: workspace.headSha });
    const pull = await runAction(workspace, github, 31, { 'cache-dir': cacheDir }, 'pull_request', { ...service(cache.url), GITHUB_RUN_ID: '4343' });
    expect(pull.code, pull.stdout).toBe(0);
    expect(pull.stdout).toContain(`prune-guard: cache restored from ${cache.entries[0]?.key}`);
    expect(stats(pull).cached).toBeGreaterThan(0);
    expect(cache.entries).toHaveLength(1);
    expect(cache.calls.filter((call) => call === 'CreateCacheEntry')).toHaveLength(1);
  });

  it('goes on without the cache when the service fails, and skips it when the input says false', async () => {
    const workspace = makePullRequestWorkspace({ 'app/kustomization.yaml': kustomization('cm.yaml'), 'app/cm.yaml': configMap('a', 'x') }, { 'app/cm.yaml': configMap('a', 'y') });
    const broken = await runAction(workspace, github, 0, {}, 'push', { ...service(cache.url), ACTIONS_RUNTIME_TOKEN: 'wrong-token' });
    expect(broken.code, broken.stdout).toBe(0);
    // The toolkit says what failed; nothing claims a cache was restored or saved.
    expect(broken.stdout).toContain('::warning::Failed to restore: Failed to GetCacheEntryDownloadURL');
    expect(broken.stdout).toContain('::warning::Failed to save:');
    expect(broken.stdout).toContain('prune-guard: no cache entry restored; rendering from scratch');
    expect(broken.stdout).not.toContain('prune-guard: cache saved as');
    const calls = cache.calls.length;
    const off = await runAction(workspace, github, 0, { cache: 'false' }, 'push', service(cache.url));
    expect(off.code, off.stdout).toBe(0);
    expect(cache.calls.length).toBe(calls);
    expect(off.stdout).not.toContain('Restore the cache');
  });
});
