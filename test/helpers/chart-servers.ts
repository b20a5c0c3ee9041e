/**
 * Chart sources for tests, all on 127.0.0.1: charts packaged with the real helm into an HTTP
 * chart repository (`helm package` + `helm repo index`), and an OCI registry (the Debian
 * `docker-registry` package) that `helm push` fills. Helm runs with a home of its own, so
 * nothing is written to the user's helm configuration.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree, type Tree } from '../e2e/helpers.ts';

/**
 * A temp folder that outlives the current test (the e2e helpers' folders go after each
 * one): for what a suite sets up once. The caller removes it with {@link removeSuiteDir}.
 */
export function makeSuiteDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes a folder made by {@link makeSuiteDir}. */
export function removeSuiteDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** The docker-registry binary, when installed. */
export const REGISTRY_BIN = ['/usr/bin/docker-registry', '/usr/local/bin/docker-registry'].find((path) => {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** Runs helm with a throwaway home. */
export function runHelm(bin: string, args: readonly string[]): string {
  const home = makeSuiteDir('prune-guard-helm-home-');
  const env = { PATH: process.env.PATH ?? '', HOME: home, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') };
  try {
    return execFileSync(bin, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    removeSuiteDir(home);
  }
}

/** Writes each chart (a tree whose Chart.yaml names it) and packages it into `dir`; returns the archives' names. */
export function packageCharts(bin: string, dir: string, charts: readonly Tree[]): string[] {
  mkdirSync(dir, { recursive: true });
  for (const chart of charts) {
    const source = makeSuiteDir('prune-guard-chart-');
    try {
      writeTree(source, chart);
      runHelm(bin, ['package', source, '--destination', dir]);
    } finally {
      removeSuiteDir(source);
    }
  }
  return readdirSync(dir).filter((name) => name.endsWith('.tgz')).sort();
}

/** Writes `index.yaml` for the archives in `dir`, with URLs relative to the repository, as `helm repo index` does without --url. */
export function indexCharts(bin: string, dir: string): void {
  runHelm(bin, ['repo', 'index', dir]);
}

/** A running registry. */
export interface Registry {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  stop(): void;
}

async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts docker-registry on a free port with storage in a temp folder; resolves once it answers. */
export async function startRegistry(): Promise<Registry> {
  if (!REGISTRY_BIN) throw new Error('docker-registry is not installed');
  const root = makeSuiteDir('prune-guard-registry-');
  const port = await findFreePort();
  const config = join(root, 'config.yml');
  writeFileSync(config, `version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: ${join(root, 'data')}}}\nhttp: {addr: 127.0.0.1:${port}}\n`);
  const child: ChildProcess = spawn(REGISTRY_BIN, ['serve', config], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://${host}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return {
        host,
        stop: () => {
          child.kill();
          removeSuiteDir(root);
        },
      };
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  child.kill();
  removeSuiteDir(root);
  throw new Error(`docker-registry did not answer on ${host}`);
}

/** Pushes a packaged chart to `oci://<host>/<path>` over plain HTTP. */
export function pushChart(bin: string, archive: string, host: string, path: string): void {
  runHelm(bin, ['push', archive, `oci://${host}/${path}`, '--plain-http']);
}
