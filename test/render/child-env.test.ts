/**
 * Child environments: a hostile kustomization that reads its own environment finds no
 * token, and git gets the user's configuration but nothing prune-guard was handed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UsageError } from '../../src/core/errors.ts';
import { createGitEnv, createHelmEnv, createKustomizeEnv, readPassEnv } from '../../src/render/child-env.ts';
import { settleBackgroundRemovals } from '../../src/render/cleanup.ts';
import { openRepository } from '../../src/render/git.ts';
import { createKustomizeRunner } from '../../src/render/kustomize/kustomize-runner.ts';

/** Values a run must never hand to kustomize; each one unique so that a leak is unmistakable. */
const SECRETS = {
  GITHUB_TOKEN: 'ghs_planted-github-token',
  'INPUT_GITHUB-TOKEN': 'ghs_planted-input-token',
  GH_TOKEN: 'gho_planted-gh-token',
  SSH_AUTH_SOCK: '/tmp/planted-agent.sock',
  ACTIONS_RUNTIME_TOKEN: 'planted-actions-runtime-token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'planted-oidc-token',
  GITHUB_REPOSITORY: 'planted/repository',
  AWS_SECRET_ACCESS_KEY: 'planted-aws-secret',
  KUBECONFIG: '/tmp/planted-kubeconfig',
} as const;

/** Variables a build needs and must get. */
const NEEDED = {
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  HTTPS_PROXY: 'http://proxy.example.invalid:3128',
  https_proxy: 'http://proxy.example.invalid:3128',
  NO_PROXY: 'localhost,127.0.0.1',
  TMPDIR: tmpdir(),
} as const;

const dirs: string[] = [];
function makeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-child-env-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fake `kustomize` that prints its whole environment (and its HOME's path) as a ConfigMap. */
function writeEnvPrintingKustomize(): string {
  const bin = join(makeDir(), 'kustomize');
  writeFileSync(
    bin,
    [
      '#!/bin/sh',
      'printf "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: environ\\ndata:\\n  environ: |\\n"',
      '/usr/bin/env | while IFS= read -r line; do printf "    %s\\n" "$line"; done',
      '',
    ].join('\n'),
  );
  chmodSync(bin, 0o755);
  return bin;
}

async function buildEnvironment(env: Record<string, string | undefined>): Promise<Record<string, string>> {
  const runner = createKustomizeRunner({ bin: writeEnvPrintingKustomize(), env });
  const output = await runner.build(makeDir());
  const configMap = parse(output) as { data: { environ: string } };
  const seen: Record<string, string> = {};
  for (const line of configMap.data.environ.split('\n').filter(Boolean)) {
    const at = line.indexOf('=');
    seen[line.slice(0, at)] = line.slice(at + 1);
  }
  return seen;
}

describe('kustomize HOME', () => {
  it('is empty for every build: one a build wrote to is never handed on, and all are removed once no build runs', async () => {
    // Prints its HOME and how many entries it holds; a build of a folder named `writes` leaves a file there.
    const bin = join(makeDir(), 'kustomize');
    writeFileSync(
      bin,
      '#!/bin/sh\nfor last; do :; done\nprintf "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: home\\ndata:\\n  home: \\"%s\\"\\n  entries: \\"%s\\"\\n" "$HOME" "$(ls -A "$HOME" | wc -l | tr -d \' \')"\ncase "$last" in *writes) echo "[user]" > "$HOME/.gitconfig" ;; esac\n',
    );
    chmodSync(bin, 0o755);
    const runner = createKustomizeRunner({ bin, env: { PATH: process.env.PATH } });
    const plain = makeDir();
    const writes = join(makeDir(), 'writes');
    const build = async (dir: string): Promise<{ home: string; entries: string }> => (parse(await runner.build(dir)) as { data: { home: string; entries: string } }).data;
    const first = await build(plain);
    const second = await build(plain);
    const writer = await build(writes);
    const after = await build(plain);
    for (const seen of [first, second, writer, after]) expect(seen).toMatchObject({ home: expect.stringMatching(/prune-guard-home-/), entries: '0' });
    // Left empty: handed on. Written to: never again.
    expect(second.home).toBe(first.home);
    expect(after.home).not.toBe(writer.home);
    await new Promise((done) => setImmediate(done));
    await settleBackgroundRemovals();
    for (const seen of [first, writer, after]) expect(existsSync(seen.home)).toBe(false);
  });
});

describe('kustomize environment', () => {
  const base = { PATH: process.env.PATH, HOME: homedir(), ...SECRETS, ...NEEDED };

  it('holds none of the tokens, sockets or credentials of the run', async () => {
    const seen = await buildEnvironment(base);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(seen[name], name).toBeUndefined();
      expect(Object.values(seen).join('\n')).not.toContain(value);
    }
    expect(Object.keys(seen).filter((name) => /^(GITHUB_|INPUT_|ACTIONS_|GH_)/.test(name))).toEqual([]);
  });

  it('passes PATH, locale, proxies and TMPDIR; HOME is a directory of its own', async () => {
    const seen = await buildEnvironment(base);
    expect(seen.PATH).toBe(process.env.PATH);
    for (const [name, value] of Object.entries(NEEDED)) expect(seen[name], name).toBe(value);
    expect(seen.HOME).toMatch(/prune-guard-home-/);
    expect(seen.HOME).not.toBe(homedir());
    expect(seen.GIT_TERMINAL_PROMPT).toBe('0');
    expect(seen.GIT_CONFIG_NOSYSTEM).toBe('1');
  });

  it('keeps the clones of remote bases from following redirects, cloning submodules or reading the disk', async () => {
    const seen = await buildEnvironment(base);
    const settings = Array.from({ length: Number(seen.GIT_CONFIG_COUNT) }, (_, index) => `${seen[`GIT_CONFIG_KEY_${index}`]}=${seen[`GIT_CONFIG_VALUE_${index}`]}`);
    expect(settings).toEqual(['http.followRedirects=false', 'protocol.allow=user', 'protocol.file.allow=never', 'protocol.ext.allow=never']);
  });

  it('gives every build a HOME of its own', async () => {
    const [first, second] = await Promise.all([buildEnvironment(base), buildEnvironment(base)]);
    expect(first?.HOME).not.toBe(second?.HOME);
  });

  it('adds the names in PRUNE_GUARD_PASS_ENV, and only those', async () => {
    const seen = await buildEnvironment({ ...base, PRUNE_GUARD_PASS_ENV: ' SSH_AUTH_SOCK , MISSING_ONE,' });
    expect(seen.SSH_AUTH_SOCK).toBe(SECRETS.SSH_AUTH_SOCK);
    expect(seen.GITHUB_TOKEN).toBeUndefined();
    expect(seen.MISSING_ONE).toBeUndefined();
  });

  it('lets PRUNE_GUARD_PASS_ENV hand over the real HOME', async () => {
    const seen = await buildEnvironment({ ...base, PRUNE_GUARD_PASS_ENV: 'HOME' });
    expect(seen.HOME).toBe(homedir());
  });

  it('refuses a PRUNE_GUARD_PASS_ENV entry that is no name', () => {
    expect(() => readPassEnv({ PRUNE_GUARD_PASS_ENV: 'A,B=c' })).toThrow(UsageError);
    expect(() => createKustomizeRunner({ bin: writeEnvPrintingKustomize(), env: { PRUNE_GUARD_PASS_ENV: 'B=c' } })).toThrow(
      'PRUNE_GUARD_PASS_ENV: expected comma-separated variable names, got "B=c"',
    );
  });

  it('sets GOMEMLIMIT below the memory cap only when there is a cap', () => {
    expect(createKustomizeEnv({}, { home: '/h', goMemLimit: 900 }).GOMEMLIMIT).toBe('900');
    expect(createKustomizeEnv({ GOMEMLIMIT: '5' }, { home: '/h' }).GOMEMLIMIT).toBeUndefined();
  });

  it('finds Windows names whatever their case', () => {
    const env = createKustomizeEnv({ Path: 'C:\\bin', SystemRoot: 'C:\\Windows', GITHUB_TOKEN: 'x' }, { home: 'C:\\h' }, 'win32');
    expect(env).toMatchObject({ PATH: 'C:\\bin', SYSTEMROOT: 'C:\\Windows' });
    expect(env.GITHUB_TOKEN).toBeUndefined();
  });
});

describe('git environment', () => {
  const operator = {
    HOME: '/home/user',
    XDG_CONFIG_HOME: '/home/user/.config',
    GIT_SSH_COMMAND: 'ssh -i key',
    GIT_CONFIG_COUNT: '1',
    SSH_AUTH_SOCK: '/run/agent.sock',
    PATH: '/usr/bin',
    LC_MESSAGES: 'C',
    https_proxy: 'http://proxy.example.invalid',
  };

  it('keeps the operator’s git setup and drops the tokens prune-guard was handed', () => {
    const env = createGitEnv({ ...SECRETS, ...operator, GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' });
    expect(env).toEqual(operator);
  });

  describe('through the real git', () => {
    const saved = new Map<string, string | undefined>();
    beforeAll(() => {
      for (const [name, value] of Object.entries(SECRETS)) {
        if (name === 'SSH_AUTH_SOCK') continue;
        saved.set(name, process.env[name]);
        process.env[name] = value;
      }
    });
    afterAll(() => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    it('runs with none of the planted tokens', async () => {
      const repo = makeDir();
      execFileSync('git', ['init', '-q', repo]);
      const git = await openRepository(repo);
      // A shell alias runs in git's own environment: what it prints is what git was given.
      const seen = await git.run(['-c', 'alias.show-env=!/usr/bin/env', 'show-env']);
      expect(seen).toContain('PATH=');
      for (const [name, value] of Object.entries(SECRETS)) {
        if (name === 'SSH_AUTH_SOCK') continue;
        expect(seen, name).not.toContain(value);
      }
    });
  });
});

describe('helm environment', () => {
  it('hands helm no token and none of the user\'s helm or cluster configuration: every folder it reads is in its own HOME', () => {
    const env = {
      PATH: '/usr/bin',
      HOME: '/home/user',
      GITHUB_TOKEN: 'ghs_secret',
      KUBECONFIG: '/home/user/.kube/config',
      HELM_REPOSITORY_CONFIG: '/home/user/repositories.yaml',
      HELM_PLUGINS: '/home/user/plugins',
      AWS_SECRET_ACCESS_KEY: 'secret',
      PRUNE_GUARD_PASS_ENV: 'GITHUB_TOKEN',
    };
    const child = createHelmEnv(env, '/tmp/helm-home', 'linux');
    expect(child.PATH).toBe('/usr/bin');
    expect(child.HOME).toBe('/tmp/helm-home');
    expect(child.KUBECONFIG).toBe('/tmp/helm-home/kubeconfig');
    expect(Object.values(child)).not.toContain('ghs_secret');
    expect(Object.values(child)).not.toContain('secret');
    for (const name of ['HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME', 'HELM_PLUGINS', 'HELM_REGISTRY_CONFIG', 'HELM_REPOSITORY_CONFIG', 'HELM_REPOSITORY_CACHE']) {
      expect(child[name], name).toMatch(/^\/tmp\/helm-home\//);
    }
  });
});
