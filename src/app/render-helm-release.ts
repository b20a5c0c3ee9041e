/**
 * One HelmRelease rendered as helm-controller would install or upgrade it: its chart found
 * in the checkout or fetched, its values composed from the objects the cluster's renders hold, and the
 * chart templated with the release name and namespace the controller uses. A release that
 * cannot be rendered says why; it is never taken for an empty one.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PruneGuardError } from '../core/errors.ts';
import { findKeepValue, parseHelmOutput, type HelmDocument } from '../core/helm/helm-output.ts';
import { composeReleaseValues, type FindValuesObject } from '../core/helm/release-values.ts';
import { formatNamespacedName, readHelmReleaseIdentity } from '../core/objects/flux-objects.ts';
import { getMetadata, readNamespace, type KubeObject } from '../core/objects/kube-objects.ts';
import { hashFolder, resolveChartRequest, type ChartTree, type FindSource } from '../flux/helm-chart-source.ts';
import type { SourceCheck } from '../flux/sources.ts';
import { registerTempTree } from '../render/cleanup.ts';
import { mentionsVolatileFunction } from '../core/helm/volatile-output.ts';
import type { ChartFetcher } from '../render/helm/chart-fetch.ts';
import { hashBytes } from '../render/helm/chart-store.ts';
import { readChartText } from '../render/helm/chart-text.ts';
import type { KustomizeRunner } from '../render/kustomize/kustomize-runner.ts';
import { isRecord } from '../core/objects/kube-objects.ts';
import { applyValuesFiles } from './chart-values-files.ts';
import { postRenderRelease, readPostRenderStrategy } from './post-render-release.ts';
import type { HelmRunner, HelmTemplateRequest } from '../render/helm/helm-runner.ts';
import type { RenderCache } from '../render/render-cache.ts';

/**
 * The Kubernetes version charts are rendered for unless the configuration names one: a
 * chart's `kubeVersion` and its `.Capabilities` checks see this.
 */
export const DEFAULT_KUBERNETES_VERSION = '1.34.0';

/** What rendering a release needs of its side and cluster. */
export interface HelmReleaseContext {
  /** Templates charts. */
  readonly helm: HelmRunner;
  /** Decides which sources are this checkout (the one Flux Kustomizations use). */
  readonly check: SourceCheck;
  /** The side's artifact. */
  readonly tree: ChartTree;
  /** The ConfigMaps and Secrets of the release's cluster on this side, as rendered. */
  readonly find: FindValuesObject;
  /** The Flux sources of the release's cluster on this side, as rendered. */
  readonly findSource: FindSource;
  /** Fetches charts of HelmRepositories and OCI registries. */
  readonly charts: ChartFetcher;
  /** Builds `spec.postRenderers`' kustomizations. */
  readonly kustomize: KustomizeRunner;
  /** Earlier runs' `helm template` output, by everything it reads; none: always templated. */
  readonly renders?: RenderCache;
  /** The Kubernetes version to render for. */
  readonly kubeVersion: string;
  /** The cluster, when the repository has several. */
  readonly cluster?: string;
}

/**
 * A release's objects, or why it was not rendered; with the texts its values took from
 * Secrets, which the caller keeps out of every output (a failing template may quote them too).
 */
export type RenderedRelease =
  | {
      readonly documents: readonly HelmDocument[];
      readonly secretTexts: readonly string[];
      readonly missing?: readonly string[];
      /** The chart or its values call a template function whose output differs on every render (random, time, certificates). */
      readonly mayVary: boolean;
      /** The chart's own name, as helm names its files; undefined when it rendered nothing. */
      readonly chartName?: string;
      /** The value the chart offers for `helm.sh/resource-policy: keep`, when it offers one. */
      readonly keepValue?: string;
    }
  | {
      readonly problem: string;
      readonly secretTexts?: readonly string[];
      readonly missing?: readonly string[];
      /** The chart's `kubeVersion` refuses the Kubernetes version rendered for: what it requires. */
      readonly kubeVersionRequired?: string;
    };

/** helm's words when a chart's kubeVersion refuses `--kube-version` (Helm 3 and 4 alike). */
const KUBE_VERSION_REFUSAL = /chart requires kubeVersion: (.+?) which is incompatible with Kubernetes v?\S+/;

/** The cache entry's one document: helm's output as it printed it. */
const OUTPUT_KIND = 'PruneGuardHelmOutput';

/**
 * Templates through the render cache, keyed by all helm reads: its binary, the chart's files,
 * the values, the release, the namespace and the Kubernetes version. Output that differs on
 * every render is never kept: a second render must really be a second one.
 */
async function templateThroughCache(context: HelmReleaseContext, request: HelmTemplateRequest, values: unknown, mayVary: boolean): Promise<string> {
  if (!context.renders || mayVary) return context.helm.template(request);
  const key = JSON.stringify(['helm-template', context.helm.identity, hashChart(request.chart), values, request.releaseName, request.namespace, request.kubeVersion]);
  const stored = context.renders.get(key)?.[0]?.body;
  if (stored?.kind === OUTPUT_KIND && typeof stored.text === 'string') return stored.text;
  const output = await context.helm.template(request);
  context.renders.put(key, [{ body: { kind: OUTPUT_KIND, text: output } }]);
  return output;
}

/** A chart folder's files, or an archive's bytes, as one hash. */
function hashChart(path: string): string {
  return statSync(path).isDirectory() ? hashFolder(path) : hashBytes(readFileSync(path));
}

/** Renders `release` (a HelmRelease object of a unit's render). */
export async function renderHelmRelease(release: KubeObject, context: HelmReleaseContext): Promise<RenderedRelease> {
  const shown = `HelmRelease ${formatNamespacedName({ namespace: readNamespace(release, 'default'), name: String(getMetadata(release).name) })}`;
  const request = resolveChartRequest(release, { check: context.check, tree: context.tree, findSource: context.findSource, ...(context.cluster !== undefined ? { cluster: context.cluster } : {}) });
  if ('problem' in request) return { problem: request.problem, ...(request.missing ? { missing: [request.missing] } : {}) };
  const composed = composeReleaseValues(release, context.find);
  if ('problem' in composed) return { problem: composed.problem, ...(composed.missing ? { missing: [composed.missing] } : {}) };
  const missing = composed.missing ? { missing: composed.missing } : {};
  const spec = isRecord(release.spec) ? release.spec : {};
  const strategy = readPostRenderStrategy(spec.postRenderStrategy);
  if (typeof strategy !== 'string') return { problem: strategy.problem, secretTexts: composed.secretTexts };
  const fetched = request.kind === 'folder' ? { file: request.dir } : await context.charts.fetchChart(request);
  if ('problem' in fetched) return fetched;
  const prepared = request.valuesFiles ? applyValuesFiles(fetched.file, request.valuesFiles, context.tree.confinement) : undefined;
  if (prepared && 'problem' in prepared) return { problem: prepared.problem, secretTexts: composed.secretTexts };
  const chartPath = prepared ? prepared.dir : fetched.file;
  const identity = readHelmReleaseIdentity(release);
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-values-'));
  const temp = registerTempTree(dir);
  try {
    const valuesFile = join(dir, 'values.json');
    // JSON is YAML helm reads back with every type as composed: no string turns into a boolean.
    writeFileSync(valuesFile, JSON.stringify(composed.values), { mode: 0o600 });
    const chartText = readChartText(chartPath);
    // Values handed to `tpl` can call them too.
    const mayVary = mentionsVolatileFunction(chartText) || mentionsVolatileFunction(JSON.stringify(composed.values));
    const keepValue = findKeepValue(chartText);
    const template = { chart: chartPath, releaseName: identity.releaseName, namespace: identity.targetNamespace, kubeVersion: context.kubeVersion, valuesFile, shown };
    const output = await templateThroughCache(context, template, composed.values, mayVary);
    // helm-controller hands helm's output to the release's kustomize post-renderers.
    const rendered = await postRenderRelease(parseHelmOutput(output, shown), spec.postRenderers, { kustomize: context.kustomize, strategy, shown });
    if ('problem' in rendered) return { problem: rendered.problem, secretTexts: composed.secretTexts };
    const chartName = rendered.documents.find((document) => document.source.includes('/'))?.source.split('/')[0];
    return { documents: rendered.documents, secretTexts: composed.secretTexts, ...missing, mayVary, ...(chartName ? { chartName } : {}), ...(keepValue ? { keepValue } : {}) };
  } catch (error) {
    // A chart that fails to render is this release's problem, not the run's.
    if (error instanceof PruneGuardError) {
      const refusal = KUBE_VERSION_REFUSAL.exec(error.message);
      return { problem: error.message, secretTexts: composed.secretTexts, ...(refusal?.[1] ? { kubeVersionRequired: refusal[1] } : {}) };
    }
    throw error;
  } finally {
    temp.dispose();
    if (prepared && 'dir' in prepared) prepared.temp.dispose();
  }
}
