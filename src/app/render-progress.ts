/**
 * Counts what rendering does, phase by phase, for a progress display: which phase the run is
 * in, the units known, the builds run, the renders the cache answered and the units left
 * unrendered because their inputs are identical on both sides.
 */

/** The phases of rendering, in order. */
export type RenderPhase = 'discover' | 'changed' | 'needed' | 'sources' | 'done';

/** Where rendering stands. */
export interface RenderProgress {
  /**
   * `discover`: the units that list others or supply variables (Flux); `changed`: the units
   * whose inputs differ; `needed`: identical units a finding needs; `sources`: sides built again
   * to say which file each added or pruned object comes from; `done`: rendering ended.
   */
  readonly phase: RenderPhase;
  /** Units planned so far. */
  readonly units: number;
  /** Kustomize builds run so far. */
  readonly builds: number;
  /** Renders the cache answered so far. */
  readonly cached: number;
  /** Units not rendered: their inputs are identical on both sides (final once `done`). */
  readonly identical: number;
}

/** Updates the counts and tells the listener of every change. */
export interface ProgressTracker {
  /** Enters a phase. */
  phase(phase: RenderPhase): void;
  /** Counts units planned. */
  planned(count: number): void;
  /** Counts one finished render, built or from the cache. */
  rendered(cached: boolean): void;
  /** Sets how many units are left unrendered. */
  identical(count: number): void;
  /** The counts now. */
  readonly current: () => RenderProgress;
}

/** A tracker that calls `listener` (when given) after every change. */
export function createProgressTracker(listener?: (progress: RenderProgress) => void): ProgressTracker {
  let state: RenderProgress = { phase: 'discover', units: 0, builds: 0, cached: 0, identical: 0 };
  const update = (next: Partial<RenderProgress>): void => {
    state = { ...state, ...next };
    listener?.(state);
  };
  return {
    phase: (phase) => update({ phase }),
    planned: (count) => update({ units: state.units + count }),
    rendered: (cached) => update(cached ? { cached: state.cached + 1 } : { builds: state.builds + 1 }),
    identical: (count) => update({ identical: count }),
    current: () => state,
  };
}

const PHASE_LABELS: Readonly<Record<RenderPhase, string>> = {
  discover: 'units that list others',
  changed: 'changed units',
  needed: 'units a finding needs',
  sources: 'sources of added and pruned objects',
  done: 'rendering done',
};

/** One line for a progress display, counts so far: `changed units: 40 units, 12 builds, 3 from the cache, 1.2s`. */
export function describeProgress(progress: RenderProgress, elapsedMs: number): string {
  const parts = [`${progress.units} ${progress.units === 1 ? 'unit' : 'units'}`, `${progress.builds} ${progress.builds === 1 ? 'build' : 'builds'}`];
  if (progress.cached > 0) parts.push(`${progress.cached} from the cache`);
  if (progress.phase === 'done' && progress.identical > 0) parts.push(`${progress.identical} identical, not rendered`);
  return `${PHASE_LABELS[progress.phase]}: ${parts.join(', ')}, ${(elapsedMs / 1000).toFixed(1)}s`;
}

/**
 * A listener that writes one line per phase, for logs (CI, the Action) where a live line would
 * be a log line per update: a phase's line when the next starts, with the counts so far (a
 * phase that rendered nothing has none), and the totals when rendering is done.
 */
export function createPhaseLogger(write: (line: string) => void, now: () => number): (progress: RenderProgress) => void {
  const started = now();
  let previous: RenderProgress | undefined;
  let renderedBefore = 0;
  return (progress) => {
    if (previous && progress.phase !== previous.phase) {
      const rendered = progress.builds + progress.cached;
      if (rendered > renderedBefore) write(describeProgress({ ...progress, phase: previous.phase }, now() - started));
      if (progress.phase === 'done') write(describeProgress(progress, now() - started));
      renderedBefore = rendered;
    }
    previous = progress;
  };
}
