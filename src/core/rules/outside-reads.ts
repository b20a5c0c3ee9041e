/**
 * Findings about a unit that reads files outside the repository: a finding about the change
 * itself rather than an object it prunes. It comes from a pull request trying (or happening)
 * to step around the check, so after the change it blocks.
 */
import { Rules, type Finding, type ObjectRef } from './findings.ts';

/** A path a unit's build would read outside the repository, as the report names it. */
export interface OutsideRead {
  /** The kustomization (or plugin configuration) naming it, relative to the tree. */
  readonly file: string;
  /** 1-based line of the entry. */
  readonly line: number;
  /** The field, e.g. `configMapGenerator[0].files`. */
  readonly field: string;
  /** The path as written. */
  readonly value: string;
}

/** How many outside reads a unit reports one by one; the rest are counted in the last. */
const OUTSIDE_READS_LISTED = 10;

/**
 * One finding per path a unit would read outside the repository. After the change it is an
 * error: the unit is not rendered (so nothing in it is judged) and kustomize-controller,
 * whose file system ends at the artifact, fails to build it. Before the change it is a
 * notice: the unit is not judged, and the change does not bring the read in.
 */
export function describeOutsideReads(unit: string, object: ObjectRef, side: 'before' | 'after', reads: readonly OutsideRead[]): Finding[] {
  const shown = reads.slice(0, OUTSIDE_READS_LISTED);
  return shown.map((read, index) => {
    const more = index === shown.length - 1 && reads.length > shown.length ? ` (and ${reads.length - shown.length} more such paths)` : '';
    const message =
      side === 'after'
        ? `${unit} reads a file outside the repository: ${read.value} (${read.field})${more}; prune-guard does not render it, so nothing in it is judged, and kustomize-controller fails to build it`
        : `${unit} reads a file outside the repository before this change: ${read.value} (${read.field})${more}; prune-guard does not render it, so nothing in it is judged`;
    return {
      rule: Rules.readsOutsideRepository,
      severity: side === 'after' ? 'error' : 'notice',
      message,
      object,
      unit,
      provenance: { kustomization: read.file, line: read.line },
    };
  });
}

/** The object a kustomization root's findings name: its kustomization file. */
export function describeKustomizationObject(file: string): ObjectRef {
  return { group: 'kustomize.config.k8s.io', kind: 'Kustomization', namespace: '', name: file, apiVersion: 'kustomize.config.k8s.io/v1beta1' };
}
