/**
 * Flux objects whose controller the cluster's FluxInstance does not run. What the rules rest on
 * (Flux Operator, api/v1 and internal/builder):
 * - A FluxInstance installs the controllers of `spec.components`, the four core ones when the
 *   list is empty (`GetComponents`). Each controller comes with the CRDs of its kinds: the
 *   operator's kustomization lists one `<component>.yaml` per component, and each holds them.
 * - A kind whose controller is absent is applied (when its CRD exists) and then never acts:
 *   no release installs, no source fetches, no ArtifactGenerator produces an ExternalArtifact,
 *   so whatever reads one stalls.
 * - A component taken out of the list leaves the operator's inventory, and the operator
 *   garbage-collects the controller with its CRDs (only its Namespace is exempt), so the API
 *   server deletes every object of those kinds.
 * - source-watcher ships from Flux 2.7.0 on, and the operator refuses to build an instance that
 *   lists it for an older version. `spec.distribution.version` is a semver range (Masterminds,
 *   as the operator matches it); a component counts as ruled out only when no version the range
 *   admits has it.
 */
import { formatObjectRef, readCrdNames, type Provenance, type ResourceObject } from '../objects/kube-objects.ts';
import { formatGroupKind } from '../objects/scope.ts';
import { compareVersions, matchesConstraint, parseConstraint, parseVersion, type SemVersion } from '../helm/semver-range.ts';
import { Rules, compareFindings, type Finding, type ObjectRef } from './findings.ts';
import type { UnitDiff } from './removal-rules.ts';

/** What one side of a FluxInstance says about the controllers it runs. */
export interface InstanceComponents {
  /** The components with the operator's defaults applied. */
  readonly components: readonly string[];
  /** spec.distribution.version as written, when set. */
  readonly version?: string;
}

/** The cluster's FluxInstance on both sides of the change. */
export interface FluxInstanceChange {
  /** Before the change; undefined when the change adds the FluxInstance. */
  readonly before?: InstanceComponents;
  /** After the change; undefined when the change removes it (then nothing is said here). */
  readonly after?: InstanceComponents;
  /** The unit whose render holds the FluxInstance. */
  readonly unit: string;
  /** The FluxInstance itself. */
  readonly object: ObjectRef;
  /** Where it is declared, after the change. */
  readonly provenance?: Provenance;
}

/** What {@link describeMissingComponents} looks at: one cluster's units and its FluxInstance. */
export interface MissingComponentsInput {
  readonly units: readonly UnitDiff[];
  readonly instance: FluxInstanceChange;
}

interface KindNeed {
  readonly component: string;
  /** The CRD's plural, for naming the CRD the component installs. */
  readonly plural: string;
}

/** By `Kind.group`: the controller that reconciles the kind (the operator's `ControllerCRDKinds`). */
const KIND_NEEDS: Readonly<Record<string, KindNeed>> = {
  'GitRepository.source.toolkit.fluxcd.io': { component: 'source-controller', plural: 'gitrepositories' },
  'OCIRepository.source.toolkit.fluxcd.io': { component: 'source-controller', plural: 'ocirepositories' },
  'Bucket.source.toolkit.fluxcd.io': { component: 'source-controller', plural: 'buckets' },
  'HelmRepository.source.toolkit.fluxcd.io': { component: 'source-controller', plural: 'helmrepositories' },
  'HelmChart.source.toolkit.fluxcd.io': { component: 'source-controller', plural: 'helmcharts' },
  'Kustomization.kustomize.toolkit.fluxcd.io': { component: 'kustomize-controller', plural: 'kustomizations' },
  'HelmRelease.helm.toolkit.fluxcd.io': { component: 'helm-controller', plural: 'helmreleases' },
  'Alert.notification.toolkit.fluxcd.io': { component: 'notification-controller', plural: 'alerts' },
  'Provider.notification.toolkit.fluxcd.io': { component: 'notification-controller', plural: 'providers' },
  'Receiver.notification.toolkit.fluxcd.io': { component: 'notification-controller', plural: 'receivers' },
  'ImageRepository.image.toolkit.fluxcd.io': { component: 'image-reflector-controller', plural: 'imagerepositories' },
  'ImagePolicy.image.toolkit.fluxcd.io': { component: 'image-reflector-controller', plural: 'imagepolicies' },
  'ImageUpdateAutomation.image.toolkit.fluxcd.io': { component: 'image-automation-controller', plural: 'imageupdateautomations' },
  'ArtifactGenerator.source.extensions.fluxcd.io': { component: 'source-watcher', plural: 'artifactgenerators' },
};

/** The components in the CRD's enum order: the order findings come in. */
const COMPONENT_ORDER: readonly string[] = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
  'source-watcher',
];

/** What goes undone without each controller, after "nothing reconciles them, so". */
const CONSEQUENCES: Readonly<Record<string, string>> = {
  'source-controller': 'no artifact is fetched and whatever reads these sources stalls',
  'kustomize-controller': 'nothing they point at is applied or pruned',
  'helm-controller': 'no Helm release is installed, upgraded or uninstalled',
  'notification-controller': 'no alert is sent and no webhook is received',
  'image-reflector-controller': 'no image tag is scanned and no policy resolves',
  'image-automation-controller': 'no image update is committed',
  'source-watcher': 'no ExternalArtifact is produced and the Kustomizations and HelmReleases that read one stall',
};

/** The first Flux version that ships a component, for those not in every version. */
const FIRST_VERSIONS: Readonly<Record<string, string>> = { 'source-watcher': '2.7.0' };

/** How many objects a message names before it says "and N more". */
const MESSAGE_LIST_LIMIT = 5;

/** The Flux controller each kind needs (HelmRelease -> helm-controller, ArtifactGenerator -> source-watcher, ...); undefined for kinds no controller reconciles. */
export function findNeededComponent(group: string, kind: string): string | undefined {
  return KIND_NEEDS[formatGroupKind({ group, kind })]?.component;
}

/**
 * Findings for one cluster: objects the change adds or changes (in `units`) whose controller the
 * cluster's FluxInstance (after the change) does not run, and components the change removes
 * from the FluxInstance while objects that need them are still rendered. Sorted.
 */
export function describeMissingComponents(input: MissingComponentsInput): Finding[] {
  const { units, instance } = input;
  const { after, before } = instance;
  if (!after) return [];
  const crdsRendered = new Set(units.flatMap((unit) => [...unit.after.values()].flatMap((object) => findCrdKey(object) ?? [])));
  const findings: Finding[] = [];
  for (const component of COMPONENT_ORDER) {
    const state = readState(after, component);
    const rendered = units.flatMap((unit) => [...unit.after.values()].filter((object) => needs(object, component)).map((object) => ({ unit: unit.unit, object })));
    const context: Context = { instance, after, component, state, crdsRendered };
    if (state !== 'runs' && rendered.length > 0 && before && readState(before, component) === 'runs') {
      findings.push(describeDrop(context, rendered));
      continue;
    }
    let described = false;
    if (state !== 'runs') {
      for (const unit of units) {
        const subjects = (before ? [...unit.diff.added, ...unit.diff.changed.map((change) => change.after)] : [...unit.after.values()]).filter((object) => needs(object, component));
        if (subjects.length === 0) continue;
        findings.push(describeUnrun(context, unit, subjects));
        described = true;
      }
    }
    if (!described && state === 'refused' && (!before || readState(before, component) !== 'refused')) findings.push(describeRefusal(context));
  }
  return findings.sort(compareFindings);
}

/** Whether a side runs a component, leaves it out, or lists it for a version without it (the operator then builds nothing). */
type ComponentState = 'runs' | 'absent' | 'refused';

interface Context {
  readonly instance: FluxInstanceChange;
  readonly after: InstanceComponents;
  readonly component: string;
  readonly state: ComponentState;
  /** `Kind.group` of every CRD the cluster's units render. */
  readonly crdsRendered: ReadonlySet<string>;
}

function readState(side: InstanceComponents, component: string): ComponentState {
  if (!side.components.includes(component)) return 'absent';
  return findBlockingVersion(side, component) ? 'refused' : 'runs';
}

function needs(object: ResourceObject, component: string): boolean {
  return findNeededComponent(object.id.group, object.id.kind) === component;
}

function findCrdKey(object: ResourceObject): string | undefined {
  const names = readCrdNames(object.body);
  return names ? formatGroupKind(names) : undefined;
}

/** Objects of one unit, added or changed by this change (every rendered one when the FluxInstance is new), that nothing will reconcile. */
function describeUnrun(context: Context, unit: UnitDiff, subjects: readonly ResourceObject[]): Finding {
  const { instance, after, component, state } = context;
  const objects = sortObjects(subjects);
  const first = objects[0] as ResourceObject;
  const them = objects.length === 1 ? 'it' : 'them';
  const refs = formatList(objects.map((object) => formatObjectRef(object.id)));
  const fi = formatInstance(instance);
  const isNew = !instance.before;
  const lead = isNew
    ? `${refs} ${objects.length === 1 ? 'needs' : 'need'} ${component}, but FluxInstance ${fi}, which this change adds,`
    : `This change ${describeEdit(unit, objects)} ${refs}, which ${objects.length === 1 ? 'needs' : 'need'} ${component}, but FluxInstance ${fi}`;
  const blocking = findBlockingVersion(after, component);
  const why =
    state === 'refused'
      ? `lists ${component} while ${describeVersionLimit(after, blocking)}, which lack it, so the operator refuses to build the FluxInstance`
      : `runs only ${formatList([...new Set(after.components)])}${blocking ? ` (and ${describeVersionLimit(after, blocking)}, which lack ${component})` : ''}`;
  const fix =
    state === 'refused'
      ? `raise spec.distribution.version of FluxInstance ${fi} to ${formatMinor(blocking)} or later`
      : `add ${component} to spec.components of FluxInstance ${fi}${blocking ? ` and raise its spec.distribution.version to ${formatMinor(blocking)} or later` : ''}`;
  return {
    rule: Rules.fluxComponentMissing,
    severity: 'warning',
    unit: unit.unit,
    object: { ...first.id, apiVersion: first.apiVersion },
    ...(first.provenance ? { provenance: first.provenance } : {}),
    message: `${lead} ${why}: nothing reconciles ${them}, so ${CONSEQUENCES[component]}${describeMissingCrds(context, objects, them)}; ${fix}`,
  };
}

/** A component the FluxInstance ran before the change and does not after, while objects still need it. */
function describeDrop(context: Context, rendered: ReadonlyArray<{ unit: string; object: ResourceObject }>): Finding {
  const { instance, after, component, state } = context;
  const objects = sortObjects(rendered.map(({ object }) => object));
  const them = objects.length === 1 ? 'it' : 'them';
  const units = [...new Set(rendered.map(({ unit }) => unit))].sort(compareText);
  const refs = `${formatList(objects.map((object) => formatObjectRef(object.id)))} (in ${formatList(units)})`;
  const need = objects.length === 1 ? 'needs' : 'need';
  const fi = formatInstance(instance);
  const blocking = findBlockingVersion(after, component);
  let message: string;
  if (state === 'refused') {
    message =
      `This change sets spec.distribution.version of FluxInstance ${fi} to ${after.version ?? ''}, which admits only Flux versions before ${blocking ?? ''}, which lack ${component}, ` +
      `while spec.components lists it and ${refs} still ${need} it: the operator refuses to build the FluxInstance, so it stops reconciling and no change to it applies; ` +
      `raise spec.distribution.version to ${formatMinor(blocking)} or later`;
  } else {
    const crds = listCrds(objects);
    const fate = objects.some((object) => !context.crdsRendered.has(formatGroupKind(object.id)))
      ? `the operator garbage-collects ${component} with its CustomResourceDefinition${crds.length === 1 ? '' : 's'} ${formatList(crds)}, so the API server deletes ${them} (or leaves ${them} terminating on finalizers no controller removes any more), applying ${them} fails from then on, and nothing reconciles ${them}`
      : `the operator garbage-collects ${component}, so nothing reconciles ${them} any more and ${CONSEQUENCES[component]}`;
    message =
      `This change makes FluxInstance ${fi} stop running ${component} (spec.components no longer includes it), while ${refs} still ${need} it: ${fate}; ` +
      `keep ${component} in spec.components, or remove ${them} first`;
  }
  return finding(instance, message);
}

/** A component the FluxInstance lists for a version range without it, and nothing rendered needs. */
function describeRefusal(context: Context): Finding {
  const { instance, after, component } = context;
  const fi = formatInstance(instance);
  const blocking = findBlockingVersion(after, component);
  const effect = instance.before ? 'it stops reconciling and no change to it applies' : 'it installs nothing';
  return finding(
    instance,
    `FluxInstance ${fi} lists ${component}, but ${describeVersionLimit(after, blocking)}, which lack it: the operator refuses to build the FluxInstance, so ${effect}; ` +
      `raise spec.distribution.version to ${formatMinor(blocking)} or later, or remove ${component} from spec.components`,
  );
}

function finding(instance: FluxInstanceChange, message: string): Finding {
  return {
    rule: Rules.fluxComponentMissing,
    severity: 'warning',
    unit: instance.unit,
    object: instance.object,
    ...(instance.provenance ? { provenance: instance.provenance } : {}),
    message,
  };
}

/** `, and the operator installs ... only with ...` when the CRDs of these objects are rendered nowhere in the cluster. */
function describeMissingCrds(context: Context, objects: readonly ResourceObject[], them: string): string {
  const missing = objects.filter((object) => !context.crdsRendered.has(formatGroupKind(object.id)));
  if (missing.length === 0) return '';
  const crds = listCrds(missing);
  const one = crds.length === 1;
  return `, and the operator installs the CustomResourceDefinition${one ? '' : 's'} ${formatList(crds)} only with ${context.component}, so applying ${them} fails unless something else installs ${one ? 'it' : 'them'}`;
}

function listCrds(objects: readonly ResourceObject[]): string[] {
  const names = objects.flatMap((object) => {
    const need = KIND_NEEDS[formatGroupKind(object.id)];
    return need ? [`${need.plural}.${object.id.group}`] : [];
  });
  return [...new Set(names)].sort(compareText);
}

/** `adds`, `changes` or `adds or changes`, by what the change does to these objects of the unit. */
function describeEdit(unit: UnitDiff, objects: readonly ResourceObject[]): string {
  const added = new Set(unit.diff.added.map((object) => object.key));
  const some = objects.some((object) => added.has(object.key));
  const every = objects.every((object) => added.has(object.key));
  return every ? 'adds' : some ? 'adds or changes' : 'changes';
}

/**
 * The first version of a component when a side's version range admits no version from it;
 * undefined when some admitted version has it, or the range cannot be read (conservative).
 */
function findBlockingVersion(side: InstanceComponents, component: string): string | undefined {
  const first = FIRST_VERSIONS[component];
  if (!first || side.version === undefined) return undefined;
  const floor = parseVersion(first);
  return floor && !admitsFrom(side.version, floor) ? first : undefined;
}

/**
 * Whether the range admits some release at or above `floor`. Each comparison changes its answer
 * only at a few versions around its bound (the bound, the next patch, minor and major, and the
 * start of its minor and major), so testing those and `floor` covers every release. A range
 * naming a prerelease is taken to admit one; one that does not parse, to admit anything.
 */
function admitsFrom(range: string, floor: SemVersion): boolean {
  const parsed = parseConstraint(range);
  if ('problem' in parsed) return true;
  const { groups } = parsed.constraint;
  if (groups.some((group) => group.includesPrerelease)) return true;
  const candidates: SemVersion[] = [floor];
  for (const { comparisons } of groups) {
    for (const { version } of comparisons) {
      const { major, minor, patch } = version;
      const points: Array<[bigint, bigint, bigint]> = [
        [major, minor, patch],
        [major, minor, patch + 1n],
        [major, minor, 0n],
        [major, minor + 1n, 0n],
        [major, 0n, 0n],
        [major + 1n, 0n, 0n],
      ];
      for (const point of points) {
        const candidate = parseVersion(point.join('.'));
        if (candidate) candidates.push(candidate);
      }
    }
  }
  return candidates.some((candidate) => compareVersions(candidate, floor) >= 0 && matchesConstraint(parsed.constraint, candidate));
}

function describeVersionLimit(side: InstanceComponents, first: string | undefined): string {
  return `its spec.distribution.version ${side.version ?? ''} admits only Flux versions before ${first ?? ''}`;
}

/** `2.7` of `2.7.0`: the form distribution.version takes. */
function formatMinor(version: string | undefined): string {
  return (version ?? '').split('.').slice(0, 2).join('.');
}

function formatInstance(instance: FluxInstanceChange): string {
  return `${instance.object.namespace}/${instance.object.name}`;
}

/** By kind, then namespace and name: the objects of one kind together. */
function sortObjects(objects: readonly ResourceObject[]): ResourceObject[] {
  const keyOf = (object: ResourceObject): string => [object.id.kind, object.id.namespace, object.id.name, object.id.group].join('\u0000');
  return [...new Map(objects.map((object) => [object.key, object])).values()].sort((a, b) => compareText(keyOf(a), keyOf(b)));
}

/** Names items, the first few and then how many more. */
function formatList(items: readonly string[]): string {
  if (items.length > MESSAGE_LIST_LIMIT) return `${items.slice(0, MESSAGE_LIST_LIMIT).join(', ')} and ${items.length - MESSAGE_LIST_LIMIT} more`;
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
