/**
 * Shared e2e plumbing: temp trees, real git repositories, and the built CLI run the way a
 * user runs it.
 */
import type { Fix } from '../../src/core/rules/findings.ts';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { crdYaml } from '../helpers/objects.ts';

/** The project root. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled CLI, as `npx prune-guard` runs it. */
export const CLI = join(PROJECT_ROOT, 'dist/cli.js');

/** Our own fixture trees. */
export const FIXTURES = join(PROJECT_ROOT, 'test/fixtures');

function isOnPath(name: string): boolean {
  try {
    execFileSync(name, ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    try {
      execFileSync(name, ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * True when kustomize or kubectl is installed. CI must have one: there a missing binary
 * fails the suite instead of skipping it.
 */
export const hasKustomize = isOnPath('kustomize') || isOnPath('kubectl');
if (!hasKustomize && process.env.CI) throw new Error('CI needs kubectl or kustomize on PATH for the e2e tests');

/** True when util-linux `script` can run the CLI on a pseudo-terminal. */
export const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Creates a temp directory removed after the current test. */
export function makeTempDir(prefix = 'prune-guard-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A tree as `relative path -> content`; `null` deletes the file. */
export type Tree = Readonly<Record<string, string | null>>;

/** Writes (or deletes) files under `root`. */
export function writeTree(root: string, tree: Tree): void {
  for (const [path, content] of Object.entries(tree)) {
    const file = join(root, path);
    if (content === null) {
      rmSync(file, { force: true, recursive: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Runs git in `cwd` and returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid' },
  });
}

/** Creates a git repository whose `main` branch holds `tree` in one commit. */
export function makeRepo(tree: Tree): string {
  const dir = makeTempDir('prune-guard-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeTree(dir, tree);
  commitAll(dir, 'base');
  return dir;
}

/** Commits everything in the work tree. */
export function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

/**
 * A git repository holding test/fixtures/NAME (plus the `base` edits) committed on main, with
 * the `head` edits left in the work tree.
 */
export function makeFixtureRepo(name: string, head: Tree, base: Tree = {}, prefix = 'prune-guard-repo-'): string {
  const dir = makeTempDir(prefix);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  writeTree(dir, base);
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir, 'base');
  writeTree(dir, head);
  return dir;
}

/** What a CLI run printed and returned. */
export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link runCli}. */
export interface RunCliOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Called once the process has started, e.g. to interrupt it. */
  readonly onSpawn?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs the built CLI with NO_COLOR, as a user would, and collects its output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string> = {};
    // Hermetic: a cache of its own per run, and no GitHub API but the one a test starts.
    const isolation = { PRUNE_GUARD_CACHE_DIR: makeTempDir('prune-guard-cache-'), GITHUB_API_URL: 'http://127.0.0.1:2', GITHUB_TOKEN: undefined, GH_TOKEN: undefined, CI: undefined, GITHUB_ACTIONS: undefined };
    for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...isolation, ...options.env })) {
      if (value !== undefined) env[key] = value;
    }
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    options.onSpawn?.(child);
  });
}

/** The fix a finding of a parsed report points at. */
export function fixOf(report: ReturnType<typeof parseReport>, finding: { fixIndex?: number } | undefined): Fix | undefined {
  return finding?.fixIndex === undefined ? undefined : report.fixes[finding.fixIndex];
}

/** Parses the JSON report of a run. */
export function parseReport(result: CliResult): {
  summary: Record<string, unknown> & { prune: number; add: number; change: number; replace: number; findings: Record<string, number> };
  findings: Array<{ rule: string; severity: string; message: string; unit: string; object: { kind: string; name: string; namespace: string; group: string }; provenance?: Record<string, unknown>; cascade?: string[]; fixIndex?: number }>;
  fixes: Fix[];
  units: Array<{ name: string; before: number | null; after: number | null; skipped?: string; flux?: { path: string; prune: boolean; verdict: string; parent: string | null; skipped: string | null } }>;
  blocking: boolean;
  failOn: string;
  before: { label: string };
  after: { label: string };
  changes: Record<string, Array<Record<string, unknown>>>;
  stats: { builds: number; cached: number; identical: number };
} {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A kustomization.yaml listing `resources`. */
export function kustomization(...resources: string[]): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources.map((resource) => `  - ${resource}`).join('\n')}\n`;
}

/** A CRD manifest whose plural is the lower-cased kind plus `s`. */
export function crd(kind: string, group: string, scope: 'Namespaced' | 'Cluster' = 'Namespaced'): string {
  return crdYaml(`${kind.toLowerCase()}s`, group, kind, scope);
}

/** A ConfigMap manifest. */
export function configMap(name: string, namespace: string, data: Record<string, string> = { key: 'value' }): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
}

/** A local HTTP server for remote manifests. */
export interface FileServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Paths requested so far. */
  readonly requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` over HTTP on 127.0.0.1: `GET /a/b.yaml` returns `root/a/b.yaml`,
 * anything else 404. `rewrite` maps a request path to a file path first.
 */
export async function serveFiles(root: string, rewrite: (path: string) => string = (path) => path): Promise<FileServer> {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    const file = resolve(root, `.${rewrite(path)}`);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': 'text/plain' }).end(body),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
