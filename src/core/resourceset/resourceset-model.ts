/**
 * The Flux Operator's ResourceSet and ResourceSetInputProvider as prune-guard reads them
 * (`fluxcd.controlplane.io/v1`): what a ResourceSet generates from, and what a provider
 * exports. Only what deciding the generated objects needs is read.
 */
import { getApiGroup, getMetadata, isRecord, type KubeObject } from '../objects/kube-objects.ts';

/** The Flux Operator's API group. */
export const FLUX_OPERATOR_GROUP = 'fluxcd.controlplane.io';

/** The annotation (or label) that keeps the operator's garbage collection from deleting an object. */
export const OPERATOR_PRUNE_KEY = 'fluxcd.controlplane.io/prune';

/** The annotation that stops the operator from reconciling an object (a ResourceSet, or a generated object it then leaves out). */
export const OPERATOR_RECONCILE_KEY = 'fluxcd.controlplane.io/reconcile';

/** The labels the operator puts on every object a ResourceSet applies: its owner. */
export const OWNER_LABELS = { name: 'resourceset.fluxcd.controlplane.io/name', namespace: 'resourceset.fluxcd.controlplane.io/namespace' } as const;

/** A reference in `spec.inputsFrom`: a provider by name, or providers by label selector. */
export type InputsFromRef =
  | { readonly name: string }
  | { readonly selector: LabelSelector };

/** A Kubernetes label selector. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values: readonly string[] }>;
}

/** A group of resources rendered together: the spec itself, or one of `spec.steps`. */
export interface ResourceStep {
  /** The step's name; empty for the spec's own resources. */
  readonly name: string;
  /** `resources`: one object template each. */
  readonly resources: readonly unknown[];
  /** `resourcesTemplate`: a multi-document YAML template. */
  readonly resourcesTemplate: string;
}

/** A ResourceSet, read. */
export interface ResourceSetModel {
  readonly namespace: string;
  readonly name: string;
  /** `spec.inputs`, each an input set. */
  readonly inputs: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** `spec.inputsFrom`. */
  readonly inputsFrom: readonly InputsFromRef[];
  /** `spec.inputStrategy.name`: Flatten unless set. */
  readonly strategy: string;
  /** `spec.inputStrategy.includeEmptyProviders` (Permute only). */
  readonly includeEmptyProviders: boolean;
  /** The spec's resources, or its steps. */
  readonly steps: readonly ResourceStep[];
  /** Whether `spec.steps` is used (then `steps` are named). */
  readonly stepped: boolean;
  /** `spec.commonMetadata`. */
  readonly commonMetadata: { readonly labels: Readonly<Record<string, string>>; readonly annotations: Readonly<Record<string, string>> };
  /** The operator does not reconcile it (`fluxcd.controlplane.io/reconcile: disabled`). */
  readonly disabled: boolean;
}

/** A ResourceSetInputProvider, read. */
export interface InputProviderModel {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** `spec.type`: Static, or a provider that asks an outside service. */
  readonly type: string;
  /** `spec.defaultValues`. */
  readonly defaultValues: Readonly<Record<string, unknown>>;
}

/** True for a ResourceSet object. */
export function isResourceSet(body: KubeObject): boolean {
  return body.kind === 'ResourceSet' && getApiGroup(String(body.apiVersion)) === FLUX_OPERATOR_GROUP;
}

/** True for a ResourceSetInputProvider object. */
export function isInputProvider(body: KubeObject): boolean {
  return body.kind === 'ResourceSetInputProvider' && getApiGroup(String(body.apiVersion)) === FLUX_OPERATOR_GROUP;
}

function readStringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function readSelector(value: Record<string, unknown>): LabelSelector {
  const expressions = Array.isArray(value.matchExpressions) ? value.matchExpressions.filter(isRecord) : [];
  return {
    matchLabels: readStringMap(value.matchLabels),
    matchExpressions: expressions.map((expression) => ({
      key: String(expression.key ?? ''),
      operator: String(expression.operator ?? ''),
      values: Array.isArray(expression.values) ? expression.values.map(String) : [],
    })),
  };
}

function readStep(value: Record<string, unknown>, name: string): ResourceStep {
  return {
    name,
    resources: Array.isArray(value.resources) ? value.resources : [],
    resourcesTemplate: typeof value.resourcesTemplate === 'string' ? value.resourcesTemplate : '',
  };
}

/** Reads a ResourceSet; `namespace` stands in when the object names none (its Kustomization's). */
export function readResourceSet(body: KubeObject, namespace: string): ResourceSetModel {
  const metadata = getMetadata(body);
  const spec = isRecord(body.spec) ? body.spec : {};
  const strategy = isRecord(spec.inputStrategy) ? spec.inputStrategy : {};
  const steps = Array.isArray(spec.steps) ? spec.steps.filter(isRecord) : [];
  const common = isRecord(spec.commonMetadata) ? spec.commonMetadata : {};
  const annotations = readStringMap(metadata.annotations);
  return {
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : namespace,
    name: String(metadata.name),
    inputs: Array.isArray(spec.inputs) ? spec.inputs.filter(isRecord) : [],
    inputsFrom: (Array.isArray(spec.inputsFrom) ? spec.inputsFrom.filter(isRecord) : []).flatMap((ref): InputsFromRef[] => {
      if (typeof ref.name === 'string' && ref.name !== '') return [{ name: ref.name }];
      if (isRecord(ref.selector)) return [{ selector: readSelector(ref.selector) }];
      return [];
    }),
    strategy: typeof strategy.name === 'string' && strategy.name !== '' ? strategy.name : 'Flatten',
    includeEmptyProviders: strategy.includeEmptyProviders === true,
    steps: steps.length > 0 ? steps.map((step) => readStep(step, String(step.name ?? ''))) : [readStep(spec, '')],
    stepped: steps.length > 0,
    commonMetadata: { labels: readStringMap(common.labels), annotations: readStringMap(common.annotations) },
    disabled: annotations[OPERATOR_RECONCILE_KEY]?.toLowerCase() === 'disabled',
  };
}

/** Reads a ResourceSetInputProvider; `namespace` stands in when the object names none. */
export function readInputProvider(body: KubeObject, namespace: string): InputProviderModel {
  const metadata = getMetadata(body);
  const spec = isRecord(body.spec) ? body.spec : {};
  return {
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : namespace,
    name: String(metadata.name),
    labels: readStringMap(metadata.labels),
    type: typeof spec.type === 'string' ? spec.type : '',
    defaultValues: isRecord(spec.defaultValues) ? spec.defaultValues : {},
  };
}

/** True when a label selector matches `labels`, as Kubernetes' LabelSelectorAsSelector does (an empty selector matches everything). */
export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.hasOwn(labels, key);
    const value = labels[key];
    if (operator === 'In' && !(has && values.includes(value as string))) return false;
    if (operator === 'NotIn' && has && values.includes(value as string)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) return false;
  }
  return true;
}

/** The opt-out that keeps the operator from deleting an object (`fluxcd.controlplane.io/prune: disabled`), as `key: value`, if it carries one. */
export function findOperatorPruneOptOut(body: KubeObject): string | undefined {
  const metadata = getMetadata(body);
  for (const field of ['labels', 'annotations'] as const) {
    const value = readStringMap(metadata[field])[OPERATOR_PRUNE_KEY];
    if (value !== undefined && value.toLowerCase() === 'disabled') return `${OPERATOR_PRUNE_KEY}: ${value}`;
  }
  return undefined;
}
