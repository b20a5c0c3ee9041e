/**
 * Runs the bundled Action the way the runner runs it: INPUT_* variables, an event payload
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and a workspace holding the merge commit
 * actions/checkout makes.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeGitHub } from '../github/fake-github.ts';
import { PROJECT_ROOT, commitAll, git, makeTempDir, writeTree, type Tree } from './helpers.ts';

/** The bundled Action. */
export const ACTION = join(PROJECT_ROOT, 'dist/action.js');

/** The repository the runs pretend to be in. */
export const REPOSITORY = 'octo-org/fleet-infra';

/**
 * A workspace as actions/checkout leaves it for a pull request: the merge commit, detached.
 * `baseMoves` is committed on the base branch after the pull request branched off.
 */
export function makePullRequestWorkspace(
  base: Tree,
  head: Tree,
  copy?: (dir: string, side: 'base' | 'head') => void,
  baseMoves?: Tree,
): { dir: string; baseSha: string; headSha: string; mergeBaseSha: string } {
  const dir = makeTempDir('prune-guard-action-');
  git(dir, 'init', '-q', '-b', 'main');
  writeTree(dir, base);
  copy?.(dir, 'base');
  commitAll(dir, 'base');
  const mergeBaseSha = git(dir, 'rev-parse', 'HEAD').trim();
  git(dir, 'checkout', '-q', '-b', 'change');
  writeTree(dir, head);
  copy?.(dir, 'head');
  commitAll(dir, 'the change');
  const headSha = git(dir, 'rev-parse', 'HEAD').trim();
  if (baseMoves) {
    git(dir, 'checkout', '-q', 'main');
    writeTree(dir, baseMoves);
    commitAll(dir, 'meanwhile on main');
  }
  const baseSha = git(dir, 'rev-parse', 'main').trim();
  git(dir, 'checkout', '-q', '--detach', baseSha);
  git(dir, '-c', 'user.name=GitHub', '-c', 'user.email=noreply@github.com', 'merge', '-q', '--no-ff', '-m', `Merge ${headSha} into ${baseSha}`, headSha);
  return { dir, baseSha, headSha, mergeBaseSha };
}

/** What a run of the Action left behind. */
export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/**
 * Runs dist/action.js as the runner does. Async: the fake server lives in this process.
 * `env` adds variables the runner sets (e.g. GITHUB_JOB).
 */
export async function runAction(
  workspace: { dir: string; baseSha: string; headSha: string },
  server: FakeGitHub,
  number: number,
  inputs: Record<string, string> = {},
  eventName = 'pull_request',
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ActionRun> {
  const temp = makeTempDir('prune-guard-runner-');
  const event = join(temp, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number,
      pull_request: { number, base: { sha: workspace.baseSha, ref: 'main' }, head: { sha: workspace.headSha, ref: 'change' }, labels: [] },
      repository: { name: 'fleet-infra', owner: { login: 'octo-org' } },
    }),
  );
  const outputFile = join(temp, 'output');
  const summaryFile = join(temp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace.dir,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: server.url,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    'INPUT_CACHE-DIR': join(temp, 'cache'),
    'INPUT_GITHUB-TOKEN': 'ghs_testtoken0123456789',
    INPUT_PATH: '.',
    INPUT_COMMENT: 'summary',
    INPUT_SUGGESTIONS: 'true',
    'INPUT_ACK-LABEL': 'prune-guard/acknowledged',
  };
  Object.assign(env, extraEnv);
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done, fail) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace.dir, env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', fail);
    child.on('close', (exit) => done({ code: exit, stdout: out }));
  });
  return { code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

/** Reads the `name<<delimiter` blocks @actions/core writes. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match?.[1] || !match[2]) continue;
    const end = lines.indexOf(match[2], index + 1);
    outputs[match[1]] = lines.slice(index + 1, end).join('\n');
    index = end;
  }
  return outputs;
}

