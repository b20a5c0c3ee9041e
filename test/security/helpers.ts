/**
 * Shared plumbing of the adversarial suite: run the CLI once per output format and check
 * that a planted payload shows up in none of them.
 */
import { expect } from 'vitest';
import { runCli, type CliResult, type RunCliOptions } from '../e2e/helpers.ts';

/** The report formats a user can ask for. */
export const FORMATS = ['text', 'json', 'markdown'] as const;

/** One run per format. */
export type FormatRun = CliResult & { readonly format: (typeof FORMATS)[number] };

/** Runs `prune-guard ARGS --format F` for every format, one after the other. */
export async function runEveryFormat(args: readonly string[], options: RunCliOptions = {}): Promise<FormatRun[]> {
  const runs: FormatRun[] = [];
  for (const format of FORMATS) runs.push({ format, ...(await runCli([...args, '--format', format], options)) });
  return runs;
}

/** Asserts that no run printed any of the payloads, on stdout or stderr. */
export function expectAbsent(runs: readonly FormatRun[], payloads: readonly string[]): void {
  for (const run of runs) {
    for (const payload of payloads) {
      expect(run.stdout, `${run.format} stdout`).not.toContain(payload);
      expect(run.stderr, `${run.format} stderr`).not.toContain(payload);
    }
  }
}

/** Asserts that every run exited with `code`. */
export function expectExitCode(runs: readonly FormatRun[], code: number): void {
  for (const run of runs) expect(run.code, `${run.format}: ${run.stderr}`).toBe(code);
}
