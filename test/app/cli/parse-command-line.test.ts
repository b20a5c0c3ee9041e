import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.ts';
import { parseCommandLine, type CliRequest, type RunRequest } from '../../../src/app/cli/parse-command-line.ts';

const parse = (...argv: string[]): CliRequest => parseCommandLine(argv, '/work', {});
const run = (...argv: string[]): RunRequest => {
  const request = parse(...argv);
  if (request.action !== 'check' && request.action !== 'fix') throw new Error(`not a run: ${request.action}`);
  return request;
};
const fails = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it.each<[string[], CliRequest]>([
    [['--help'], { action: 'help' }],
    [['-h'], { action: 'help' }],
    [['help'], { action: 'help' }],
    [['apps', '--help'], { action: 'help', topic: 'check' }],
    [['diff', '--help'], { action: 'help', topic: 'diff' }],
    [['fix', '-h'], { action: 'help', topic: 'fix' }],
    [['fix', 'diff', '--help'], { action: 'help', topic: 'fix diff' }],
    [['version', '--help'], { action: 'help', topic: 'version' }],
    [['help', 'check'], { action: 'help', topic: 'check' }],
    [['help', 'fix', 'diff'], { action: 'help', topic: 'fix diff' }],
    [['help', 'help'], { action: 'help', topic: 'help' }],
    [['--version'], { action: 'version-string' }],
    [['-v'], { action: 'version-string' }],
    [['version'], { action: 'version', format: 'text' }],
    [['version', '--format', 'json', '--kustomize-bin', 'k', '--helm-bin', 'h'], { action: 'version', format: 'json', kustomizeBin: 'k', helmBin: 'h' }],
  ])('%j asks for %j', (argv, request) => {
    expect(parse(...argv)).toEqual(request);
  });

  it('reads the check, its paths and refs', () => {
    const request = run('apps', 'infra', '--base', 'main', '--head', 'feature', '-q', '--no-diff', '--no-color');
    expect(request).toMatchObject({ action: 'check', command: 'check', format: 'text', quiet: true, diff: false, noColor: true, write: false });
    expect(request.options.source).toEqual({ kind: 'git', paths: ['apps', 'infra'], base: 'main', head: 'feature' });
  });

  it('reads check named or not, and ./check as a path', () => {
    expect(run('check', 'apps', '--base', 'main').options.source).toEqual({ kind: 'git', paths: ['apps'], base: 'main' });
    expect(run('check').options.source).toEqual(run().options.source);
    expect(run('./check').options.source).toEqual({ kind: 'git', paths: ['./check'] });
    expect(parse('check', '--help')).toEqual({ action: 'help', topic: 'check' });
  });

  it('reads diff and fix diff as two directories', () => {
    expect(run('diff', 'a', 'b').options.source).toEqual({ kind: 'dirs', before: 'a', after: 'b' });
    expect(run('fix', 'diff', 'a', 'b', '--write')).toMatchObject({ action: 'fix', command: 'fix diff', write: true, options: { source: { kind: 'dirs', before: 'a', after: 'b' } } });
  });

  it('shows diffs and colours unless told otherwise', () => {
    expect(run()).toMatchObject({ diff: true, noColor: false, quiet: false, verbose: false });
  });

  it.each([
    [['help', 'nosuch'], "no command 'nosuch': the commands are check, diff, fix, fix diff, version, help"],
    [['version', 'extra'], "version takes no arguments, got 'extra' (see prune-guard help version)"],
    [['version', '--format', 'markdown'], "--format is set to invalid value 'markdown'. Valid values: text, json"],
    [['version', '--base', 'main'], '--base does not apply to version (prune-guard help version lists its options)'],
    [['diff', 'a', 'b', '--write'], '--write applies to fix: prune-guard fix --write'],
    [['diff', 'a', 'b', '--head', 'x'], '--base and --head apply to git mode, not to diff'],
    [['fix', '--head', 'x'], 'fix works on the working tree; --head does not apply'],
    [['fix', '--format', 'json'], 'fix prints a patch; --format applies to the check, not to fix'],
    [['fix', '--no-fix'], '--no-fix turns fix planning off, which fix needs'],
    [['fix', '--no-diff'], '--no-diff does not apply to fix (prune-guard help fix lists its options)'],
    [['-q', '--verbose'], '--quiet and --verbose ask for opposite things: pass one of them'],
    [['--frobnicate'], "Unknown option '--frobnicate' (see --help)"],
  ])('%j fails: %s', (argv, message) => {
    expect(fails(...argv)).toBe(message);
  });
});
