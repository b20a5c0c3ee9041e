import { describe, expect, it } from 'vitest';
import { planRunCache, restoreRunCache, saveRunCache, type CacheService } from '../../src/github/actions-cache.ts';

const context = { dir: '/home/runner/.cache/prune-guard', binary: '/usr/local/bin/kustomize\u000012345\u00001700000000000', eventName: 'push', runId: '77', runAttempt: '2', platform: 'linux', arch: 'x64' };

describe('planRunCache', () => {
  it('keys an entry by platform, kustomize binary and run, and starts from any entry of the same binary', () => {
    const plan = planRunCache(context);
    expect(plan.key).toMatch(/^prune-guard-v1-linux-x64-[0-9a-f]{16}-77-2$/);
    expect(plan.restoreKeys).toEqual([plan.key.replace(/77-2$/, '')]);
    expect(planRunCache({ ...context, binary: `${context.binary}1` }).restoreKeys).not.toEqual(plan.restoreKeys);
  });

  it.each([
    ['push', true],
    ['schedule', true],
    ['workflow_dispatch', true],
    ['pull_request', false],
    ['pull_request_target', false],
    ['pull_request_review', false],
  ])('on %s saves: %s', (eventName, save) => {
    expect(planRunCache({ ...context, eventName }).save).toBe(save);
  });
});

describe('restoreRunCache and saveRunCache', () => {
  const logs = () => {
    const lines: string[] = [];
    return { lines, log: { info: (line: string) => lines.push(`info ${line}`), warning: (line: string) => lines.push(`warning ${line}`) } };
  };
  const plan = planRunCache(context);

  it('never throw: a failing service is a warning', async () => {
    const failing: CacheService = { isAvailable: () => true, restore: () => Promise.reject(new Error('tar: not found\nmore')), save: () => Promise.reject(new Error('quota')) };
    const { lines, log } = logs();
    await restoreRunCache(failing, plan, log);
    await saveRunCache(failing, plan, log);
    expect(lines).toEqual(['warning prune-guard could not restore its cache (the run goes on without it): tar: not found', 'warning prune-guard could not save its cache: quota']);
  });

  it('print a restored key as one line that holds no workflow command', async () => {
    const service: CacheService = { isAvailable: () => true, restore: async () => 'prune-guard-v1-x\n::error::forged', save: async () => true };
    const { lines, log } = logs();
    await restoreRunCache(service, plan, log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).not.toMatch(/(^|\s)::error::/);
  });

  it('say what was restored and saved, and touch no service the runner lacks', async () => {
    const calls: string[] = [];
    const service: CacheService = {
      isAvailable: () => true,
      restore: async (paths, key, restoreKeys) => (calls.push(`restore ${paths.join()} ${key} ${restoreKeys.join()}`), 'prune-guard-v1-old'),
      save: async (paths, key) => (calls.push(`save ${paths.join()} ${key}`), true),
    };
    const { lines, log } = logs();
    await restoreRunCache(service, plan, log);
    await saveRunCache(service, plan, log);
    await saveRunCache(service, { ...plan, save: false }, log);
    expect(calls).toEqual([`restore ${context.dir} ${plan.key} ${plan.restoreKeys.join()}`, `save ${context.dir} ${plan.key}`]);
    expect(lines).toEqual(['info prune-guard: cache restored from prune-guard-v1-old', `info prune-guard: cache saved as ${plan.key}`]);
    const absent: CacheService = { ...service, isAvailable: () => false };
    await restoreRunCache(absent, plan, log);
    await saveRunCache(absent, plan, log);
    expect(calls).toHaveLength(2);
  });
});
