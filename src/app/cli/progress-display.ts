/**
 * Rendering progress on stderr, in the style terminal-choices.ts decides: one live line on a
 * terminal, one line per phase in CI logs, or nothing.
 */
import { formatLogLine } from '../../core/text/plain-text.ts';
import { createPhaseLogger, describeProgress, type RenderProgress } from '../render-progress.ts';
import type { ProgressStyle } from './terminal-choices.ts';

/** A progress display: the listener a run reports to, and what to call once it ends. */
export interface ProgressDisplay {
  /** Called as rendering moves on; absent when nothing is shown. */
  readonly onProgress?: (progress: RenderProgress) => void;
  /** Clears the live line, so that what follows starts at the beginning of a line. */
  readonly end: () => void;
}

/** The least time between two redraws of the live line. */
const REDRAW_MS = 100;

/** Creates the display; `write` prints to stderr, `now` reads a clock in milliseconds. */
export function createProgressDisplay(style: ProgressStyle, write: (text: string) => void, now: () => number): ProgressDisplay {
  if (style === 'none') return { end: () => {} };
  if (style === 'phases') return { onProgress: createPhaseLogger((line) => write(`${formatLogLine(`prune-guard: ${line}`)}\n`), now), end: () => {} };
  const started = now();
  let shown = false;
  let last = started;
  const onProgress = (progress: RenderProgress): void => {
    const at = now();
    // A run that ends at once draws nothing it would erase at once.
    if (progress.phase !== 'done' && at - last < REDRAW_MS) return;
    last = at;
    shown = true;
    write(`\r\u001b[K${describeProgress(progress, at - started)}`);
  };
  return {
    onProgress,
    // An error line must not start in the middle of the progress line.
    end: () => {
      if (shown) write('\r\u001b[K');
    },
  };
}
