import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCommandHelp, formatOverviewHelp } from '../../../src/app/cli/cli-help.ts';
import { Commands, OPTIONS, listOptions } from '../../../src/app/cli/cli-options.ts';
import { PROJECT_ROOT } from '../../e2e/helpers.ts';

/** The example lines of a help text, without their comments. */
function listExamples(help: string): string[] {
  const block = help.slice(help.indexOf('\nExamples'));
  return block
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('  '))
    .map((line) => (line.split('  # ')[0] ?? '').trim());
}

describe('help', () => {
  it.each(Commands)('of %s lists every option that applies to it, and no other', (command) => {
    const help = formatCommandHelp(command);
    for (const [name] of listOptions(command)) expect(help).toMatch(new RegExp(`^ {2}(-\\w, )?--${name}\\b`, 'm'));
    for (const name of Object.keys(OPTIONS).filter((option) => !listOptions(command).some(([listed]) => listed === option))) {
      expect(help).not.toMatch(new RegExp(`^ {2}(-\\w, )?--${name}\\b`, 'm'));
    }
  });

  it.each(Commands)('of %s starts with its usage and ends with examples of it', (command) => {
    const help = formatCommandHelp(command);
    expect(help).toMatch(new RegExp(`^Usage: prune-guard ${command === 'check' ? '\\[check\\] \\[PATH' : command}`));
    expect(listExamples(help).length).toBeGreaterThan(0);
  });

  it('lists every command in the overview', () => {
    const overview = formatOverviewHelp();
    for (const command of ['[check] [PATH...]', 'diff BEFORE_DIR AFTER_DIR', 'fix [PATH...]', 'fix diff BEFORE_DIR AFTER_DIR', 'version', 'help [COMMAND]']) {
      expect(overview).toContain(`\n  prune-guard ${command} `);
    }
  });

  // The package ships examples/operator-crds; an example naming anything else of it would not run.
  it.each([['overview', formatOverviewHelp()], ...Commands.map((command) => [command, formatCommandHelp(command)])])('%s: every example names only files the package has', (_name, help) => {
    const paths = listExamples(help).flatMap((example) => example.split(/\s+/).filter((word) => word.startsWith('examples/')));
    for (const path of paths) expect(existsSync(join(PROJECT_ROOT, path)), path).toBe(true);
    if (/package folder/.test(help)) expect(paths.length).toBeGreaterThan(0);
  });
});
