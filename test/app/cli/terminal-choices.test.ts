import { describe, expect, it } from 'vitest';
import { decideColor, decideProgress, type ProgressStyle } from '../../../src/app/cli/terminal-choices.ts';

describe('decideColor', () => {
  it.each<[string, { noColor?: boolean; env?: Record<string, string>; isTTY: boolean }, boolean]>([
    ['a terminal', { isTTY: true }, true],
    ['a pipe', { isTTY: false }, false],
    ['--no-color on a terminal', { noColor: true, isTTY: true }, false],
    ['--no-color over FORCE_COLOR=1', { noColor: true, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    ['NO_COLOR=1 on a terminal', { env: { NO_COLOR: '1' }, isTTY: true }, false],
    ['NO_COLOR empty on a terminal (no-color.org: only a value counts)', { env: { NO_COLOR: '' }, isTTY: true }, true],
    ['NO_COLOR=1 over FORCE_COLOR=1', { env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: false }, false],
    ['FORCE_COLOR=0 on a terminal', { env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    ['FORCE_COLOR=false on a terminal', { env: { FORCE_COLOR: 'false' }, isTTY: true }, false],
    ['FORCE_COLOR=1 on a pipe', { env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    ['FORCE_COLOR=2 on a pipe', { env: { FORCE_COLOR: '2' }, isTTY: false }, true],
    ['FORCE_COLOR=3 on a pipe', { env: { FORCE_COLOR: '3' }, isTTY: false }, true],
    ['FORCE_COLOR=true on a pipe', { env: { FORCE_COLOR: 'true' }, isTTY: false }, true],
    ['FORCE_COLOR empty on a pipe', { env: { FORCE_COLOR: '' }, isTTY: false }, false],
    ['FORCE_COLOR=yes on a pipe (not a value it takes)', { env: { FORCE_COLOR: 'yes' }, isTTY: false }, false],
    ['TERM=dumb on a terminal', { env: { TERM: 'dumb' }, isTTY: true }, false],
    ['TERM=dumb with FORCE_COLOR=1', { env: { TERM: 'dumb', FORCE_COLOR: '1' }, isTTY: false }, true],
    ['TERM=xterm-256color on a pipe', { env: { TERM: 'xterm-256color' }, isTTY: false }, false],
  ])('%s: %s', (_case, input, color) => {
    expect(decideColor({ noColor: input.noColor ?? false, env: input.env ?? {}, isTTY: input.isTTY })).toBe(color);
  });
});

describe('decideProgress', () => {
  it.each<[string, { quiet?: boolean; env?: Record<string, string>; isTTY: boolean }, ProgressStyle]>([
    ['a terminal', { isTTY: true }, 'line'],
    ['a terminal in CI', { env: { CI: 'true' }, isTTY: true }, 'line'],
    ['a dumb terminal: codes would print as text', { env: { TERM: 'dumb' }, isTTY: true }, 'phases'],
    ['a pipe in CI', { env: { CI: 'true' }, isTTY: false }, 'phases'],
    ['a pipe in GitHub Actions', { env: { GITHUB_ACTIONS: 'true' }, isTTY: false }, 'phases'],
    ['a pipe with CI=false', { env: { CI: 'false' }, isTTY: false }, 'none'],
    ['a pipe with CI empty', { env: { CI: '' }, isTTY: false }, 'none'],
    ['a pipe outside CI', { isTTY: false }, 'none'],
    ['--quiet on a terminal', { quiet: true, isTTY: true }, 'none'],
    ['--quiet in CI', { quiet: true, env: { CI: 'true' }, isTTY: false }, 'none'],
  ])('%s: %s', (_case, input, style) => {
    expect(decideProgress({ quiet: input.quiet ?? false, env: input.env ?? {}, isTTY: input.isTTY })).toBe(style);
  });
});
