/**
 * Which units not rendered yet a HelmRelease comparison needs: those that may hold an object
 * a release asked for and did not find (its chart source, a values ConfigMap or Secret), and,
 * when a chart source changed, those that may hold a release reading it. Decided from the
 * words each unit's input files mention, so nothing is built to decide it.
 */
import { getApiGroup, getMetadata, readNamespace, type ManifestDoc } from '../core/objects/kube-objects.ts';
import type { InputSummary } from '../core/rules/other-units.ts';

/** A unit as far as choosing it needs. */
export interface CandidateUnit {
  readonly name: string;
  /** Set while the unit is not rendered yet. */
  readonly pending?: unknown;
  /** What its input files mention; unknown when undefined. */
  readonly inputs?: InputSummary;
}

/** Words in a unit's inputs that say it may render an object of a kind a release asked for. */
const SUPPLIER_MARKERS: Readonly<Record<string, readonly string[]>> = {
  ConfigMap: ['ConfigMap', 'configMapGenerator'],
  Secret: ['Secret', 'secretGenerator'],
  HelmRepository: ['HelmRepository'],
  OCIRepository: ['OCIRepository'],
  HelmChart: ['HelmChart'],
};

/** The word that says a unit may hold a HelmRelease. */
export const RELEASE_MARKER = 'HelmRelease';

/** Kinds of `source.toolkit.fluxcd.io` a release's chart comes through. */
const CHART_SOURCE_KINDS = new Set(['HelmRepository', 'OCIRepository', 'HelmChart']);

/** Selects the pending units whose inputs mention any of `words` (or fetch remote content, or are unknown). */
function selectMentioning(units: readonly CandidateUnit[], words: readonly string[]): Set<string> {
  if (words.length === 0) return new Set();
  return new Set(units.filter((unit) => unit.pending !== undefined && (!unit.inputs || unit.inputs.remote || words.some((word) => unit.inputs?.markers.has(word)))).map((unit) => unit.name));
}

/** The pending units that may hold an object of the `missing` kinds. */
export function selectReleaseSuppliers(missing: readonly string[], units: readonly CandidateUnit[]): Set<string> {
  return selectMentioning(units, missing.flatMap((kind) => SUPPLIER_MARKERS[kind] ?? []));
}

/**
 * The pending units that may hold a HelmRelease, when a chart source differs between the
 * renders before and after: a release of an unchanged unit then installs another chart.
 */
export function selectReleaseReaders(before: readonly ManifestDoc[], after: readonly ManifestDoc[], units: readonly CandidateUnit[]): Set<string> {
  const index = (docs: readonly ManifestDoc[]): Map<string, string> => {
    const sources = new Map<string, string>();
    for (const { body } of docs) {
      if (!CHART_SOURCE_KINDS.has(String(body.kind)) || getApiGroup(String(body.apiVersion)) !== 'source.toolkit.fluxcd.io') continue;
      sources.set(`${String(body.kind)}/${readNamespace(body, 'default')}/${String(getMetadata(body).name)}`, JSON.stringify(body.spec ?? null));
    }
    return sources;
  };
  const old = index(before);
  const current = index(after);
  const changed = [...new Set([...old.keys(), ...current.keys()])].some((key) => old.get(key) !== current.get(key));
  return changed ? selectMentioning(units, [RELEASE_MARKER]) : new Set();
}
