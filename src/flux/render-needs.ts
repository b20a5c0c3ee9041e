/**
 * Which Flux Kustomizations discovery must render at once, decided from the text of their
 * inputs before anything is built. Discovery reads four things from renders: the Flux
 * Kustomizations they hold (the tree), ArtifactGenerators (rebuilt sources), the Flux
 * Operator's ResourceSets and their input providers (what they generate joins the tree), and
 * the ConfigMaps and Secrets that `substituteFrom` names (post-build variables). A unit whose
 * input files mention none of them, and that fetches nothing remote, cannot render one:
 * it can wait until the comparison knows whether it needs its objects at all.
 */
import type { FluxKustomization } from '../core/objects/flux-objects.ts';
import type { GraphInputs } from '../render/kustomize/graph-inputs.ts';
import { CRD_MARKER } from '../core/rules/other-units.ts';

/** Words that say a render may hold what discovery reads: every Flux Kustomization API version, rebuilt sources, and the Flux Operator's objects. */
const DISCOVERY_MARKERS = ['kustomize.toolkit.fluxcd.io', 'ArtifactGenerator', 'fluxcd.controlplane.io'];
/** Words that say a render may hold a ConfigMap or Secret, written or generated. */
const SUPPLIER_KIND_MARKERS = ['ConfigMap', 'configMapGenerator', 'Secret', 'secretGenerator'];
/** Words that say a render may hold a HelmRelease or a chart source one reads (looked for only when the comparison of releases needs them). */
const CHART_SOURCE_MARKERS = ['HelmRepository', 'OCIRepository', 'HelmChart', 'HelmRelease'];
/** Words that say names are rewritten, so a substituteFrom name need not be written anywhere whole. */
const NAMING_MARKERS = ['namePrefix', 'nameSuffix'];
/** Beyond this many substituteFrom names, searching every file for each costs more than rendering at once. */
const MAX_NAME_MARKERS = 200;

/** What discovery needs rendered at once, for one run (both sides). */
export interface RenderNeeds {
  /** The words to look for in every input file (see `createInputFiles`). */
  readonly markers: readonly string[];
  /** Whether a unit with these inputs and this spec may render what discovery reads. */
  readonly mustRender: (inputs: GraphInputs, ks: FluxKustomization) => boolean;
}

/**
 * Decides from the Kustomizations declared on either side: the names their `substituteFrom`
 * entries read are words to look for. A name with a variable in it could be anything, so
 * then every unit is rendered at once; so too when there are too many names to look for.
 */
export function createRenderNeeds(declared: readonly FluxKustomization[]): RenderNeeds {
  const names = [...new Set(declared.flatMap((ks) => ks.substituteFrom.map((ref) => ref.name)))].sort();
  const anyName = names.length > MAX_NAME_MARKERS || names.some((name) => name.includes('${') || name === '');
  const markers = [...DISCOVERY_MARKERS, ...SUPPLIER_KIND_MARKERS, ...CHART_SOURCE_MARKERS, ...NAMING_MARKERS, CRD_MARKER, ...(anyName ? [] : names)];
  return {
    markers,
    mustRender: (inputs, ks) => {
      if (anyName || inputs.remote) return true;
      const has = (marker: string): boolean => inputs.markers.has(marker);
      if (DISCOVERY_MARKERS.some(has) || names.some(has)) return true;
      const renamed = ks.namePrefix !== undefined || ks.nameSuffix !== undefined || NAMING_MARKERS.some(has);
      return names.length > 0 && renamed && SUPPLIER_KIND_MARKERS.some(has);
    },
  };
}
