/**
 * What users of mature command lines expect, end to end on the built CLI: help per command
 * whose examples run, a version command, colour only where it is wanted, --quiet, the diffs
 * of changed objects, and a directory comparison whose top unit has a name.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteShellWord } from '../../src/core/text/shell-word.ts';
import { CLI, PROJECT_ROOT, hasKustomize, hasScript, parseReport, runCli } from './helpers.ts';

const EXAMPLE = ['diff', 'examples/operator-crds/before', 'examples/operator-crds/after'];

/**
 * Runs the CLI on a pseudo-terminal (`script`) and returns what the terminal got: stdout, or
 * with `show: 'stderr'` the progress on stderr.
 */
function runOnTerminal(args: readonly string[], env: Readonly<Record<string, string | undefined>>, show: 'stdout' | 'stderr' = 'stdout'): string {
  // script takes one command line for sh.
  const command = `${[process.execPath, CLI, ...args].map(quoteShellWord).join(' ')} ${show === 'stdout' ? '2>' : '>'}/dev/null`;
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, GITHUB_ACTIONS: undefined, ...env })) if (value !== undefined) merged[key] = value;
  try {
    return execFileSync('script', ['-qec', command, '/dev/null'], { cwd: PROJECT_ROOT, encoding: 'utf8', env: merged });
  } catch (error) {
    // Exit 1: blocking findings; the output is what counts.
    return String((error as { stdout?: unknown }).stdout ?? '');
  }
}

/** The commands of a help text's examples that name the package's files and change nothing. */
function listRunnableExamples(help: string): string[][] {
  return help
    .slice(help.indexOf('\nExamples'))
    .split('\n')
    .filter((line) => line.startsWith('  prune-guard ') && line.includes('examples/') && !line.includes('--write'))
    .map((line) => (line.split('  # ')[0] ?? '').trim().split(/\s+/).slice(1));
}

describe('help', () => {
  it('prints the overview with every command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\n  prune-guard fix diff BEFORE_DIR AFTER_DIR  ');
    expect(result.stdout).toContain('\n  prune-guard version  ');
  });

  it.each([
    [['diff', '--help'], 'Usage: prune-guard diff BEFORE_DIR AFTER_DIR'],
    [['help', 'diff'], 'Usage: prune-guard diff BEFORE_DIR AFTER_DIR'],
    [['fix', 'diff', '-h'], 'Usage: prune-guard fix diff BEFORE_DIR AFTER_DIR'],
    [['help', 'version'], 'Usage: prune-guard version'],
    [['clusters', '--help'], 'Usage: prune-guard [check] [PATH...]'],
    [['check', '--help'], 'Usage: prune-guard [check] [PATH...]'],
  ])('%j prints that command’s own help', async (args, usage) => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(usage)).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('exits 2 with one line for a command it does not know', async () => {
    const result = await runCli(['help', 'nosuch']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("prune-guard: no command 'nosuch': the commands are check, diff, fix, fix diff, version, help\n");
  });

  it.skipIf(!hasKustomize)('has examples that run as written from the package folder', async () => {
    const helps = await Promise.all([['--help'], ['help', 'diff'], ['help', 'fix', 'diff']].map((args) => runCli(args)));
    const examples = helps.flatMap((help) => listRunnableExamples(help.stdout));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const args of examples) {
      const result = await runCli(args);
      expect([0, 1], `${args.join(' ')}: ${result.stderr}`).toContain(result.code);
    }
  });
});

describe('version', () => {
  it('--version prints the version alone, for scripts', async () => {
    const result = await runCli(['--version']);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  it('version names Node and the kustomize and helm a run would use', async () => {
    const [plain, json, bare] = await Promise.all([runCli(['version']), runCli(['version', '--format', 'json']), runCli(['--version'])]);
    const lines = plain.stdout.split('\n');
    expect(lines[0]).toBe(`prune-guard ${bare.stdout.trim()}`);
    expect(lines[1]).toBe(`node ${process.version}`);
    expect(lines[2]).toMatch(/^kustomize /);
    expect(lines[3]).toMatch(/^helm[ :]/);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ version: bare.stdout.trim(), node: process.version });
    expect(Object.keys(parsed)).toEqual(['version', 'node', 'kustomize', 'helm']);
    if (hasKustomize) expect(parsed.kustomize).toMatchObject({ command: expect.stringMatching(/^(kubectl kustomize|kustomize build)$/), path: expect.any(String) });
  });
});

describe.skipIf(!hasKustomize)('a check in text', () => {
  it('names the unit at the top of two directories after them, in every format, and compares it as one unit', async () => {
    const [text, json, markdown] = await Promise.all([runCli(EXAMPLE), runCli([...EXAMPLE, '--format', 'json']), runCli([...EXAMPLE, '--format', 'markdown'])]);
    expect(text.stdout).toContain('\noperator-crds (9 before, 8 after): 1 to add, 2 to change, 2 to prune\n');
    const report = parseReport(json);
    expect(report.units.map((unit) => unit.name)).toEqual(['operator-crds']);
    expect(new Set(report.findings.map((finding) => finding.unit))).toEqual(new Set(['operator-crds']));
    expect(report.summary).toMatchObject({ add: 1, change: 2, prune: 2 });
    expect(markdown.stdout).toContain('<summary><code>operator-crds</code>: 1 to add, 2 to change, 2 to prune</summary>');
  });

  it('shows the diff of each changed object, and leaves it out with --no-diff, in markdown too', async () => {
    const [shown, hidden, markdown, markdownHidden] = await Promise.all([
      runCli(EXAMPLE),
      runCli([...EXAMPLE, '--no-diff']),
      runCli([...EXAMPLE, '--format', 'markdown']),
      runCli([...EXAMPLE, '--format', 'markdown', '--no-diff']),
    ]);
    expect(markdown.stdout).toContain('```diff');
    expect(markdownHidden.stdout).not.toContain('```diff');
    expect(shown.stdout).toContain(
      ['  ~ Deployment/widget-system/widget-operator', '      @@ -14,6 +14,6 @@', '               app: widget-operator'].join('\n'),
    );
    expect(shown.stdout).toContain('\n      -        - image: ghcr.io/example/widget-operator:v1.4.0\n      +        - image: ghcr.io/example/widget-operator:v2.0.0\n');
    expect(hidden.stdout).toContain('  ~ Deployment/widget-system/widget-operator\n\n');
    expect(hidden.stdout).not.toContain('@@');
    expect(hidden.code).toBe(shown.code);
  });

  it('with --quiet prints the findings and the verdict only, and no progress even in CI', async () => {
    const result = await runCli([...EXAMPLE, '-q'], { env: { CI: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Findings:\n/);
    expect(result.stdout).toContain('\n\n1 fix found: prune-guard fix diff examples/operator-crds/before examples/operator-crds/after shows the patch; with --write it applies it.\n\n');
    expect(result.stdout).toMatch(/\n\n5 errors, 0 warnings, 0 notices\. Blocking: findings at or above error\.\n$/);
    expect(result.stdout).not.toContain('Plan:');
    expect(result.stdout).not.toContain('operator-crds (');
  });

  it('prints one progress line per phase in CI, and none with --quiet', async () => {
    const [ci, actions] = await Promise.all([runCli([...EXAMPLE, '--render', 'all'], { env: { CI: 'true' } }), runCli([...EXAMPLE, '--render', 'all'], { env: { GITHUB_ACTIONS: 'true' } })]);
    for (const result of [ci, actions]) expect(result.stderr).toMatch(/^prune-guard: changed units: 1 unit, .*\nprune-guard: rendering done: 1 unit, .*\n$/);
  });

  it.skipIf(!hasScript)('colours a terminal, and no terminal with FORCE_COLOR=0, TERM=dumb or --no-color', () => {
    expect(runOnTerminal(EXAMPLE, {})).toContain('\u001b[31m');
    for (const [args, env] of [
      [EXAMPLE, { FORCE_COLOR: '0' }],
      [EXAMPLE, { TERM: 'dumb' }],
      [[...EXAMPLE, '--no-color'], { FORCE_COLOR: '1' }],
      [EXAMPLE, { NO_COLOR: '1' }],
    ] as const) {
      const output = runOnTerminal(args, env);
      expect(output, JSON.stringify(env)).toContain('Plan: 1 to add, 2 to change, 2 to prune');
      expect(output, JSON.stringify(env)).not.toContain('\u001b');
    }
  });

  it.skipIf(!hasScript)('draws no live progress line on a dumb terminal: a line per phase instead', () => {
    const terminal = runOnTerminal([...EXAMPLE, '--render', 'all'], { TERM: 'dumb' }, 'stderr');
    expect(terminal).not.toContain('\u001b');
    expect(terminal.replace(/\r/g, '')).toMatch(/^prune-guard: changed units: 1 unit, .*\nprune-guard: rendering done: 1 unit, .*\n$/);
  });
});
