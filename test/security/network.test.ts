/**
 * The network policy, attacked through the built CLI: a pull request names every URL its
 * kustomizations fetch, so a loopback, private or metadata address, a redirect from an allowed
 * host, a git base on an unknown host, or an allow-list the change adds itself must never make
 * the runner send a request, and nothing such a request would return may reach any output.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, configMap, git, hasKustomize, kustomization, makeRepo, makeTempDir, parseReport, runCli, serveFiles, writeTree, type FileServer, type Tree } from '../e2e/helpers.ts';
import { expectAbsent, expectExitCode, runEveryFormat } from './helpers.ts';

/** What the server on 127.0.0.1 holds: a request for it is the attack succeeding. */
const PLANTED = 'PLANTED-network-4c1e9b';
const HINT = '(allow it with remote.allow in .prune-guard.yaml)';

/** BEFORE_DIR and AFTER_DIR in a fresh directory; returns it. */
function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(dir, Object.fromEntries(Object.entries(before).map(([path, content]) => [`before/${path}`, content])));
  writeTree(dir, Object.fromEntries(Object.entries(after).map(([path, content]) => [`after/${path}`, content])));
  return dir;
}

const BEFORE: Tree = { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('app', 'apps') };

describe.skipIf(!hasKustomize)('the network policy, end to end', () => {
  let secret: FileServer;
  let root: string;
  let port: string;
  beforeAll(async () => {
    // Not makeTempDir: that one is gone after the first test, and the server serves it for all.
    root = mkdtempSync(join(tmpdir(), 'prune-guard-network-'));
    writeTree(root, { 'secret.yaml': configMap('stolen', 'apps', { token: PLANTED }), 'org/repo/deploy/kustomization.yaml': kustomization('../../../secret.yaml') });
    secret = await serveFiles(root);
    port = new URL(secret.origin).port;
  });
  afterAll(async () => {
    await secret.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a loopback URL in every format, before any request, and prints nothing it holds', async () => {
    const url = `${secret.origin}/secret.yaml`;
    const dir = sides(BEFORE, { 'kustomization.yaml': kustomization('cm.yaml', url), 'cm.yaml': configMap('app', 'apps') });
    const runs = await runEveryFormat(['diff', 'before', 'after'], { cwd: dir });
    expectExitCode(runs, 2);
    expectAbsent(runs, [PLANTED]);
    for (const run of runs) {
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`prune-guard: remote resource ${url} is not allowed: 127.0.0.1 is a loopback address ${HINT} (a resource of after)\n`);
    }
    expect(secret.requests).toEqual([]);
  });

  it.each([
    ['an IPv4-mapped IPv6 address', (p: string) => kustomization(`http://[::ffff:127.0.0.1]:${p}/secret.yaml`)],
    ['a numeric host', (p: string) => kustomization(`http://2130706433:${p}/secret.yaml`)],
    ['localhost', (p: string) => kustomization(`http://localhost:${p}/secret.yaml`)],
    ['an upper-case scheme kustomize fetches itself', (p: string) => kustomization(`HTTP://127.0.0.1:${p}/secret.yaml`)],
    ['a URL with no manifest name, which kustomize fetches itself', (p: string) => kustomization(`http://127.0.0.1:${p}/secret`)],
    ['a git base', (p: string) => kustomization(`http://127.0.0.1:${p}/org/repo//deploy?ref=main`)],
    ['a git:: base', (p: string) => kustomization(`git::http://127.0.0.1:${p}/org/repo//deploy`)],
    ['a generator file kustomize would read into a ConfigMap', (p: string) => `configMapGenerator:\n  - name: loot\n    files:\n      - loot=http://127.0.0.1:${p}/secret.yaml\n`],
    ['a patch path', (p: string) => `resources:\n  - cm.yaml\npatches:\n  - path: http://127.0.0.1:${p}/secret.yaml\n`],
    ['credentials that hide the host', (p: string) => kustomization(`http://github.com@127.0.0.1:${p}/secret.yaml`)],
    ['a duplicate key, whose last value kustomize reads', (p: string) => `resources: [cm.yaml]\nconfigMapGenerator:\n  - name: a\n    literals: [x=y]\nconfigMapGenerator:\n  - name: loot\n    files: [loot=http://127.0.0.1:${p}/secret.yaml]\n`],
    ['a one-line inline plugin configuration', (p: string) => `resources: [cm.yaml]\ngenerators:\n  - "{apiVersion: builtin, kind: ConfigMapGenerator, metadata: {name: loot}, files: [loot=http://127.0.0.1:${p}/secret.yaml]}"\n`],
  ])('refuses %s before any request', async (_name, write) => {
    const dir = sides(BEFORE, { 'kustomization.yaml': write(port), 'cm.yaml': configMap('app', 'apps') });
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^prune-guard: remote resource \S+ is not allowed: \S+ is a loopback (address|name) \(allow it with remote\.allow in \.prune-guard\.yaml\) \(a resource of after\)\n$/);
    expect(result.stderr).not.toContain(PLANTED);
    expect(secret.requests).toEqual([]);
  });

  it('refuses a git base whose path holds a newline, which kustomize would clone all the same', async () => {
    const dir = sides(BEFORE, { 'kustomization.yaml': `resources:\n  - cm.yaml\n  - "http://127.0.0.1:${port}/org/repo.git//sub\\nx?ref=main"\n`, 'cm.yaml': configMap('app', 'apps') });
    const result = await runCli(['diff', 'before', 'after'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('is not allowed: it is no plain URL');
    expect(secret.requests).toEqual([]);
  });

  it('refuses a URL in a plugin configuration of a directory of its own', async () => {
    const dir = sides(BEFORE, {
      'kustomization.yaml': `${kustomization('cm.yaml')}generators: [gens]\n`,
      'cm.yaml': configMap('app', 'apps'),
      'gens/kustomization.yaml': kustomization('gen.yaml'),
      'gens/gen.yaml': `apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: loot\nfiles: [loot=http://127.0.0.1:${port}/secret.yaml]\n`,
    });
    const result = await runCli(['diff', 'before', 'after'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/secret.yaml is not allowed: 127.0.0.1 is a loopback address`);
    expect(secret.requests).toEqual([]);
  });

  it('refuses private and metadata addresses without connecting anywhere', async () => {
    for (const [url, reason] of [
      ['http://169.254.169.254/latest/meta-data/iam/x.yaml', '169.254.169.254 is a link-local address'],
      ['http://10.0.0.5/x.yaml', '10.0.0.5 is a private address'],
      ['http://[fd00:ec2::254]/x.yaml', '[fd00:ec2::254] is a private address'],
    ]) {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(url as string) });
      const result = await runCli(['diff', 'before', 'after'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`prune-guard: remote resource ${url} is not allowed: ${reason} ${HINT} (a resource of after)\n`);
    }
  });

  it('takes --allow-remote entries the remote.allow way, and never repeats credentials of a bad one', async () => {
    const dir = sides(BEFORE, BEFORE);
    const result = await runCli(['diff', 'before', 'after', '--allow-remote', 'https://deploy:s3cr3t@mirror.example/'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("prune-guard: --allow-remote is set to invalid value 'https://***@mirror.example/': a URL prefix must not carry credentials\n");
  });

  describe('in git mode, where the configuration comes from the base side', () => {
    /** A repository whose base commit holds `config`, and whose working tree adds a root listing the secret URL. */
    function makeChange(baseConfig: string | undefined, headConfig?: string): string {
      const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('cm.yaml'), 'apps/cm.yaml': configMap('app', 'apps'), ...(baseConfig ? { '.prune-guard.yaml': baseConfig } : {}) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(`${secret.origin}/secret.yaml`), ...(headConfig ? { '.prune-guard.yaml': headConfig } : {}) });
      return repo;
    }

    it('fetches a host the base side allows by name, port included', async () => {
      const repo = makeChange(`remote:\n  allow:\n    - 127.0.0.1:${port}\n`);
      const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
      expect(result.code, result.stderr).toBe(0);
      expect(parseReport(result).changes.added).toMatchObject([{ unit: 'infra', object: { kind: 'ConfigMap', name: 'stolen' }, provenance: { url: `${secret.origin}/secret.yaml` } }]);
      expect(secret.requests).toEqual(['/secret.yaml']);
      secret.requests.length = 0;
    });

    it('refuses the same host when the change adds the allow entry itself', async () => {
      const repo = makeChange(undefined, `remote:\n  allow:\n    - 127.0.0.1:${port}\n`);
      const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
      expectExitCode(runs, 2);
      expectAbsent(runs, [PLANTED]);
      expect(runs[0]?.stderr).toBe(`prune-guard: remote resource ${secret.origin}/secret.yaml is not allowed: 127.0.0.1 is a loopback address ${HINT} (a resource of infra)\n`);
      expect(secret.requests).toEqual([]);
    });
  });

  describe('redirects', () => {
    let hop: Server;
    let hopOrigin: string;
    const hopRequests: string[] = [];
    beforeAll(async () => {
      // An allowed server that sends every request on to the secret server, another loopback port.
      hop = createServer((request, response) => {
        hopRequests.push(request.url ?? '');
        response.writeHead(302, { location: `${secret.origin}${request.url ?? '/'}` }).end();
      });
      await new Promise<void>((done) => hop.listen(0, '127.0.0.1', done));
      hopOrigin = `http://127.0.0.1:${(hop.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      hop.closeAllConnections();
      await new Promise((done) => hop.close(done));
    });

    it('refuses a redirect from an allowed loopback server to a port that is not allowed; the second server hears nothing', async () => {
      const url = `${hopOrigin}/secret.yaml`;
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(url) });
      const runs = await runEveryFormat(['diff', 'before', 'after', '--allow-remote', `127.0.0.1:${new URL(hopOrigin).port}`], { cwd: dir });
      expectExitCode(runs, 2);
      expectAbsent(runs, [PLANTED]);
      for (const run of runs) {
        expect(run.stderr).toBe(`prune-guard: remote resource ${url} is not allowed: it redirects to ${secret.origin}/secret.yaml, and 127.0.0.1 is a loopback address ${HINT} (a resource of after)\n`);
      }
      expect(hopRequests).toEqual(['/secret.yaml', '/secret.yaml', '/secret.yaml']);
      expect(secret.requests).toEqual([]);
    });

    it('follows it when the operator allows both', async () => {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(`${hopOrigin}/secret.yaml`) });
      const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--allow-remote', '127.0.0.1'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(secret.requests).toEqual(['/secret.yaml']);
      secret.requests.length = 0;
    });
  });

  describe('git bases kustomize clones itself', () => {
    /** A kustomize that records every call, then builds with the real one. */
    function makeRecordingKustomize(): { bin: string; log: string } {
      const dir = makeTempDir();
      const log = join(dir, 'calls.log');
      const bin = join(dir, 'kustomize-recording');
      const build = 'if command -v kustomize >/dev/null; then exec kustomize build "$@"; else exec kubectl kustomize "$@"; fi';
      writeTree(dir, { 'kustomize-recording': `#!/bin/sh\necho "$*" >> '${log}'\nshift\n${build}\n` });
      chmodSync(bin, 0o755);
      return { bin, log };
    }

    it.each([
      ['an https git base', 'https://git.internal.example/org/repo//deploy?ref=v1', 'git.internal.example is not an allowed host'],
      ['an scp-like git base', 'git@git.internal.example:org/repo//deploy', 'git.internal.example is not an allowed host'],
      ['an ssh git base on a private address', 'ssh://git@10.0.0.7/org/repo//deploy', '10.0.0.7 is a private address'],
    ])('refuses %s on a host that is not allowed before kustomize runs', async (_name, base, reason) => {
      const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('cm.yaml'), 'apps/cm.yaml': configMap('app', 'apps') });
      git(repo, 'checkout', '-q', '-b', 'change');
      writeTree(repo, { 'platform/kustomization.yaml': kustomization(base) });
      commitAll(repo, 'add a remote base');
      const { bin, log } = makeRecordingKustomize();
      const result = await runCli(['platform', '--base', 'main', '--kustomize-bin', bin], { cwd: repo });
      expect(result.code).toBe(2);
      // A user name is no secret, but the URL form hides user-info all the same.
      expect(result.stderr).toBe(`prune-guard: remote resource ${base.replace('ssh://git@', 'ssh://***@')} is not allowed: ${reason} ${HINT} (a resource of platform)\n`);
      expect(existsSync(log)).toBe(false);
    });

    it('refuses a file:// base, which reads the runner\'s disk', async () => {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization('file:///etc/kubernetes') });
      const result = await runCli(['diff', 'before', 'after'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe("prune-guard: remote resource file:///etc/kubernetes is not allowed: file:// reads the runner's disk (list a path inside the repository instead) (a resource of after)\n");
    });
  });

  describe('--offline', () => {
    const url = 'https://raw.githubusercontent.com/org/repo/v1/secret.yaml';

    it('downloads nothing: a remote resource stops the run, naming it and saying the run is offline', async () => {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(url) });
      const runs = await runEveryFormat(['diff', 'before', 'after', '--offline'], { cwd: dir });
      expectExitCode(runs, 2);
      for (const run of runs) {
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(
          `prune-guard: remote resource ${url} is not fetched: the run is offline, and the cache does not hold it (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline) (a resource of after)\n`,
        );
      }
    });

    it('clones no git base either', async () => {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization('https://github.com/org/repo//deploy?ref=v1') });
      const result = await runCli(['diff', 'before', 'after', '--offline'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'prune-guard: remote resource https://github.com/org/repo//deploy?ref=v1 is not fetched: the run is offline (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline) (a resource of after)\n',
      );
    });

    it('serves a mirror the operator named', async () => {
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(url) });
      const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--offline', '--mirror', `https://raw.githubusercontent.com/org/repo/v1/=${secret.origin}/`], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(parseReport(result).changes.added).toMatchObject([{ object: { name: 'stolen' }, provenance: { url } }]);
      expect(secret.requests).toEqual(['/secret.yaml']);
      secret.requests.length = 0;
    });

    it('serves what the cache holds from an earlier run, and downloads nothing', async () => {
      const local = `${secret.origin}/secret.yaml`;
      const dir = sides(BEFORE, { 'kustomization.yaml': kustomization(local) });
      const env = { PRUNE_GUARD_CACHE_DIR: makeTempDir('prune-guard-cache-') };
      const online = await runCli(['diff', 'before', 'after', '--format', 'json', '--allow-remote', '127.0.0.1'], { cwd: dir, env });
      expect(online.code, online.stderr).toBe(0);
      const offline = await runCli(['diff', 'before', 'after', '--format', 'json', '--allow-remote', '127.0.0.1', '--offline'], { cwd: dir, env });
      expect(offline.code, offline.stderr).toBe(0);
      // The same report; the side without remote content comes from the render cache this time.
      const withoutStats = (stdout: string): unknown => ({ ...JSON.parse(stdout), stats: undefined });
      expect(withoutStats(offline.stdout)).toEqual(withoutStats(online.stdout));
      expect(JSON.parse(offline.stdout).stats).toEqual({ builds: 1, cached: 1, identical: 0 });
      expect(JSON.parse(online.stdout).stats).toEqual({ builds: 2, cached: 0, identical: 0 });
      expect(secret.requests).toEqual(['/secret.yaml']);
      secret.requests.length = 0;
    });
  });
});
