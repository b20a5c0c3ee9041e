/**
 * What a HelmRelease's chart is, as the Flux model reads it from the checkout and the render
 * ports fetch it: the shared vocabulary of both, with no behaviour of its own.
 */

/**
 * Where a release's chart comes from: a folder of the checkout, a chart repository's index,
 * or an OCI registry; or why it cannot be had. `missing` names the kind of a source object
 * the cluster's renders do not hold (rendering more of them may find it).
 */
export type ChartRequest =
  | { readonly kind: 'folder'; readonly dir: string; readonly valuesFiles?: ValuesFiles }
  | { readonly kind: 'index'; readonly repository: string; readonly chart: string; readonly version: string; readonly shown: string; readonly valuesFiles?: ValuesFiles }
  | {
      readonly kind: 'oci';
      readonly url: string;
      readonly select: OciSelect;
      readonly insecure: boolean;
      readonly shown: string;
      readonly valuesFiles?: ValuesFiles;
      /** An OCIRepository's `layerSelector.mediaType`: the layer that holds the chart. */
      readonly layer?: string;
    }
  | { readonly problem: string; readonly missing?: string };

/** Which manifest of an OCI repository holds the chart: a digest, the highest tag matching a semver range, or a tag. */
export type OciSelect = { readonly digest: string } | { readonly semver: string } | { readonly tag: string };

/**
 * A HelmChart's `valuesFiles` (after the deprecated `valuesFile`): merged in order, they
 * replace the chart's own values.yaml as source-controller packages it.
 */
export interface ValuesFiles {
  /** The paths as written: below the source's root for a chart of this checkout, below the chart's own folder for a fetched one. */
  readonly paths: readonly string[];
  /** `ignoreMissingValuesFiles`: a file that is not there is passed over instead of failing the chart. */
  readonly ignoreMissing: boolean;
  /** For a chart of this checkout: the source's root folder, absolute. */
  readonly root?: string;
}

/** The layer `helm push` writes a chart to: what helm (and a HelmRepository of type oci) reads. */
export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
