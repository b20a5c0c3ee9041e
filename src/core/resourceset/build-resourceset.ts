/**
 * What a ResourceSet generates, as the Flux Operator builds it: each resource template and
 * the multi-document `resourcesTemplate` executed once per input set (once with no inputs),
 * objects marked `fluxcd.controlplane.io/reconcile: disabled` left out, duplicates (same
 * group, kind, namespace and name) applied once, then the owner labels and
 * `spec.commonMetadata` (which wins) on every object.
 */
import { stringify } from 'yaml';
import { ManifestError } from '../errors.ts';
import { getApiGroup, getMetadata, isRecord, parseManifests, type KubeObject } from '../objects/kube-objects.ts';
import { executeTemplate, TemplateError } from './go-template.ts';
import { createTemplateFunctions, OPERATOR_FUNCTIONS, SUPPORTED_FUNCTIONS } from './template-functions.ts';
import { OPERATOR_RECONCILE_KEY, OWNER_LABELS, type ResourceSetModel, type ResourceStep } from './resourceset-model.ts';

/** A ResourceSet generates at most this many objects here: beyond, it is not rendered. */
export const MAX_GENERATED_OBJECTS = 50_000;

/** The objects a ResourceSet generates, or why they cannot be known here. */
export type GeneratedObjects = { readonly objects: readonly KubeObject[] } | { readonly problem: string };

/** What the operator offers that prune-guard does not run: using it leaves the ResourceSet not rendered, naming it. */
const UNSUPPORTED: ReadonlySet<string> = new Set([...OPERATOR_FUNCTIONS].filter((name) => !SUPPORTED_FUNCTIONS.includes(name)));

class BuildProblem extends Error {}

/** The operator's identity of a generated object: group, kind, namespace, name (the version is not part of it). */
function identify(body: KubeObject): string {
  const metadata = getMetadata(body);
  return [getApiGroup(String(body.apiVersion)), String(body.kind), String(metadata.namespace ?? ''), String(metadata.name)].join('/');
}

function execute(text: string, input: Readonly<Record<string, unknown>> | undefined, what: string): string {
  try {
    return executeTemplate(text, { left: '<<', right: '>>', functions: createTemplateFunctions(input ?? {}), unsupported: UNSUPPORTED });
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new BuildProblem(error.unsupported !== undefined ? `${what} uses ${error.unsupported}, which prune-guard does not render` : `${what} fails: ${error.message}`);
    }
    throw error;
  }
}

function readObjects(text: string, what: string): KubeObject[] {
  try {
    return parseManifests(text, what);
  } catch (error) {
    if (error instanceof ManifestError) throw new BuildProblem(`${what} does not render to objects: ${error.message}`);
    throw error;
  }
}

/** The operator leaves out what a template marks disabled (compared exactly, as it does). */
function isExcluded(body: KubeObject): boolean {
  const annotations = getMetadata(body).annotations;
  return isRecord(annotations) && annotations[OPERATOR_RECONCILE_KEY] === 'disabled';
}

/** One step's objects (BuildResourceSet in the operator). */
function buildStep(step: ResourceStep, inputs: ReadonlyArray<Readonly<Record<string, unknown>>>): KubeObject[] {
  const objects: KubeObject[] = [];
  const seen = new Set<string>();
  const add = (body: KubeObject, dedupe: boolean): void => {
    const key = identify(body);
    if (dedupe && seen.has(key)) return;
    seen.add(key);
    objects.push(body);
    if (objects.length > MAX_GENERATED_OBJECTS) throw new BuildProblem(`it generates more than ${MAX_GENERATED_OBJECTS} objects`);
  };
  step.resources.forEach((resource, index) => {
    const what = `resources[${index}]`;
    // The operator templates each resource as YAML text, so a value like `<< inputs.replicas | int >>` becomes a number.
    const text = stringify(resource, { lineWidth: 0, indentSeq: false, sortMapEntries: true });
    const build = (input: Readonly<Record<string, unknown>> | undefined): KubeObject => {
      const [body, ...rest] = readObjects(execute(text, input, what), what);
      if (!body || rest.length > 0) throw new BuildProblem(`${what} must render to exactly one object`);
      return body;
    };
    // With no inputs at all, the operator applies each resource once, as it is: no exclusion, no deduplication.
    if (inputs.length === 0) add(build(undefined), false);
    for (const input of inputs) {
      const body = build(input);
      if (!isExcluded(body)) add(body, true);
    }
  });
  if (step.resourcesTemplate !== '') {
    const what = 'resourcesTemplate';
    const rendered = inputs.length === 0 ? readObjects(execute(step.resourcesTemplate, undefined, what), what) : inputs.flatMap((input) => readObjects(execute(step.resourcesTemplate, input, what), what));
    for (const body of rendered) if (!isExcluded(body)) add(body, true);
  }
  return objects;
}

function mergeMetadata(body: KubeObject, labels: Readonly<Record<string, string>>, annotations: Readonly<Record<string, string>>): KubeObject {
  const metadata = getMetadata(body);
  const merge = (current: unknown, extra: Readonly<Record<string, string>>): Record<string, unknown> | undefined =>
    Object.keys(extra).length === 0 ? (isRecord(current) ? current : undefined) : { ...(isRecord(current) ? current : {}), ...extra };
  const mergedLabels = merge(metadata.labels, labels);
  const mergedAnnotations = merge(metadata.annotations, annotations);
  return { ...body, metadata: { ...metadata, ...(mergedLabels ? { labels: mergedLabels } : {}), ...(mergedAnnotations ? { annotations: mergedAnnotations } : {}) } };
}

/** Builds what a ResourceSet generates from its combined input sets (see the module comment). */
export function buildResourceSet(set: ResourceSetModel, inputs: ReadonlyArray<Readonly<Record<string, unknown>>>): GeneratedObjects {
  try {
    if (set.stepped && set.steps.some((step) => step.resources.length === 0 && step.resourcesTemplate === '')) {
      throw new BuildProblem('a step sets neither resources nor resourcesTemplate');
    }
    const owner = { [OWNER_LABELS.name]: set.name, [OWNER_LABELS.namespace]: set.namespace };
    const stepOf = new Map<string, string>();
    const objects: KubeObject[] = [];
    for (const step of set.steps) {
      for (const body of buildStep(step, inputs)) {
        const key = identify(body);
        const earlier = stepOf.get(key);
        if (earlier !== undefined && earlier !== step.name) throw new BuildProblem(`steps ${JSON.stringify(earlier)} and ${JSON.stringify(step.name)} both generate ${String(body.kind)}/${String(getMetadata(body).name)}`);
        stepOf.set(key, step.name);
        objects.push(body);
      }
    }
    return { objects: objects.map((body) => mergeMetadata(mergeMetadata(body, owner, {}), set.commonMetadata.labels, set.commonMetadata.annotations)) };
  } catch (error) {
    if (error instanceof BuildProblem) return { problem: error.message };
    throw error;
  }
}
