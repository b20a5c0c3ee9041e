/**
 * What manifests cannot say: the operator's own table of which images and charts need which
 * Kubernetes versions (`requires:` in the configuration). Calico's operator images from
 * v3.28.4 on need Kubernetes 1.25 or later, and nothing in their manifests says so. A
 * workload or HelmRelease this change adds or changes that matches an entry while the
 * configured Kubernetes version is outside the entry's range is an error quoting its `why`.
 */
import { isRecord, formatObjectRef, type KubeObject, type ResourceObject } from '../objects/kube-objects.ts';
import { isHelmRelease } from '../objects/flux-objects.ts';
import { matchesConstraint, parseConstraint, parseVersion } from '../helm/semver-range.ts';
import type { ChangeRuleInput, Requirement } from './change-rule-input.ts';
import { Rules, type Finding } from './findings.ts';

/** Kinds whose pod templates hold containers, and where. */
const POD_SPECS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The images of an object's containers, init and ephemeral ones included. */
export function listImages(body: KubeObject): string[] {
  const path = POD_SPECS[String(body.kind)];
  if (!path) return [];
  let spec: unknown = body;
  for (const key of path) spec = isRecord(spec) ? spec[key] : undefined;
  if (!isRecord(spec)) return [];
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((field) => {
    const containers = spec[field];
    return Array.isArray(containers) ? containers.flatMap((container) => (isRecord(container) && typeof container.image === 'string' ? [container.image] : [])) : [];
  });
}

/** Image references longer than this are no image a registry serves: never matched. */
const MAX_IMAGE_LENGTH = 512;

/**
 * Whether `text` matches the glob (`*` any run of characters, `?` one), in linear time: the
 * image comes from the change, so no pattern may backtrack on it.
 */
export function matchesImageGlob(glob: string, text: string): boolean {
  if (text.length > MAX_IMAGE_LENGTH) return false;
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || glob[g] === text[t])) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

/** What of `object` an entry matches, in words; undefined when it matches nothing. */
function describeMatch(requirement: Requirement, object: ResourceObject): string | undefined {
  if (requirement.image) {
    const image = listImages(object.body).find((candidate) => matchesImageGlob(requirement.image as string, candidate));
    if (image) return `runs ${image}`;
  }
  if (requirement.chart && isHelmRelease(object.body)) {
    const spec = isRecord(object.body.spec) && isRecord(object.body.spec.chart) && isRecord(object.body.spec.chart.spec) ? object.body.spec.chart.spec : {};
    const chart = typeof spec.chart === 'string' ? spec.chart : '';
    // A chart path names its folder: the last part is the chart's name by convention.
    if (chart.split('/').filter(Boolean).at(-1) !== requirement.chart.name) return undefined;
    if (!requirement.chart.version) return `installs the chart ${requirement.chart.name}`;
    // Only a pinned version says which chart runs; a range could resolve either way.
    const version = typeof spec.version === 'string' ? parseVersion(spec.version) : undefined;
    const range = parseConstraint(requirement.chart.version);
    if (!version || 'problem' in range || !/^v?\d+(\.\d+){0,2}([-+].*)?$/.test(String(spec.version))) return undefined;
    return matchesConstraint(range.constraint, version) ? `installs the chart ${requirement.chart.name} ${String(spec.version)}` : undefined;
  }
  return undefined;
}

/** The errors for what this change adds or changes that a `requires:` entry rules out at the configured Kubernetes version. */
export function describeUnmetRequirements(input: ChangeRuleInput): Finding[] {
  const requirements = input.requirements ?? [];
  const version = input.kubernetesVersion ? parseVersion(input.kubernetesVersion) : undefined;
  if (requirements.length === 0 || !version) return [];
  const findings: Finding[] = [];
  for (const unit of input.units) {
    const touched = [...unit.diff.added, ...unit.diff.changed.map((change) => change.after), ...unit.diff.replaced.map((replacement) => replacement.after)];
    for (const object of touched) {
      for (const requirement of requirements) {
        const range = parseConstraint(requirement.kubernetes);
        if ('problem' in range || matchesConstraint(range.constraint, version)) continue;
        const match = describeMatch(requirement, object);
        if (!match) continue;
        findings.push({
          rule: Rules.requirementUnmet,
          severity: 'error',
          unit: unit.unit,
          object: { ...object.id, apiVersion: object.apiVersion },
          ...(object.provenance ? { provenance: object.provenance } : {}),
          message: `${formatObjectRef(object.id)} ${match}, which needs Kubernetes ${requirement.kubernetes}, and the clusters run ${input.kubernetesVersion}: "${requirement.why}"`,
        });
        break;
      }
    }
  }
  return findings;
}
