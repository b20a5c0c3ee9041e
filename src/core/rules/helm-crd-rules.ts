/**
 * What helm-controller does with a chart's `crds/` folder, which Helm itself only ever
 * creates: the HelmRelease's CRD policy decides (`spec.install.crds` for an install,
 * `spec.upgrade.crds` for an upgrade). The API docs give Skip as the upgrade default, but the
 * controller maps an empty policy to Create for both (helm-controller 0.37 to 1.6):
 * - Skip: nothing in `crds/` is touched; a CRD new in the chart never appears, and every
 *   object of its kind fails to apply (Calico's Tier CRD, new in tigera-operator v3.29.0).
 * - Create: new CRDs are created; existing ones are left as they are, stale when they change.
 * - CreateReplace: new ones created, existing ones updated.
 * A CRD that leaves `crds/` is never deleted, under any policy.
 */
import { formatObjectRef, getMetadata, isRecord, readCrdNames, type KubeObject } from '../objects/kube-objects.ts';
import { Rules, type Finding } from './findings.ts';

/** A CRD policy of a HelmRelease. */
export type CrdPolicy = 'Skip' | 'Create' | 'CreateReplace';

/** One release's `crds/` on both sides, and what else the rules look at. */
export interface ReleaseCrds {
  /** The release's unit. */
  readonly unit: string;
  /** `install` for a new release, `upgrade` for one that exists before the change. */
  readonly action: 'install' | 'upgrade';
  /** The HelmRelease after the change: its policy for `action` applies. */
  readonly release: KubeObject;
  /** The CRDs of the chart's `crds/` (subcharts' included) before the change; empty for an install. */
  readonly before: readonly KubeObject[];
  /** ... and after it. */
  readonly after: readonly KubeObject[];
  /** How many objects of a kind the cluster's renders after the change hold. */
  readonly countObjects: (group: string, kind: string) => number;
}

/** Reads the effective CRD policy for `action`: an empty or unknown one is Create, as the controller has it. */
export function readCrdPolicy(release: KubeObject, action: 'install' | 'upgrade'): CrdPolicy {
  const spec = isRecord(release.spec) ? release.spec : {};
  const section = isRecord(spec[action]) ? spec[action] : {};
  const policy = section.crds;
  return policy === 'Skip' || policy === 'CreateReplace' ? policy : 'Create';
}

/** The findings of one release's `crds/`: CRDs that never appear, go stale, or are left behind. */
export function describeChartCrdChanges(input: ReleaseCrds): Finding[] {
  const policy = readCrdPolicy(input.release, input.action);
  const field = `spec.${input.action}.crds`;
  const byName = (crds: readonly KubeObject[]): Map<string, KubeObject> => new Map(crds.map((crd) => [String(getMetadata(crd).name), crd]));
  const before = byName(input.before);
  const after = byName(input.after);
  const findings: Finding[] = [];
  const finding = (crd: KubeObject, rule: Finding['rule'], severity: Finding['severity'], message: string): Finding => {
    const id = { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name: String(getMetadata(crd).name) };
    return { rule, severity, unit: input.unit, object: { ...id, apiVersion: String(crd.apiVersion) }, message: `${formatObjectRef(id)} ${message}` };
  };
  for (const [name, crd] of [...after].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const old = before.get(name);
    if (!old && policy === 'Skip') {
      const names = readCrdNames(crd);
      const count = names ? input.countObjects(names.group, names.kind) : 0;
      const what = names?.kind ?? 'object';
      const effect =
        count > 0
          ? `so ${count === 1 ? `the ${what} object in the renders fails` : `the ${count} ${what} objects in the renders fail`} to apply`
          : `so no ${what} can be applied until it exists`;
      findings.push(
        finding(crd, Rules.helmCrdSkipped, count > 0 ? 'error' : 'warning', `is new in the chart's crds/, and ${field} is Skip: helm-controller never creates it, ${effect}; set ${field}: CreateReplace`),
      );
    } else if (old && policy !== 'CreateReplace' && JSON.stringify(old.spec) !== JSON.stringify(crd.spec)) {
      findings.push(
        finding(crd, Rules.helmCrdStale, 'warning', `changes in the chart's crds/, and ${field} is ${policy}: helm-controller leaves the cluster's copy as it was, with its old schema and versions; set ${field}: CreateReplace`),
      );
    }
  }
  for (const [name, crd] of [...before].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (after.has(name)) continue;
    findings.push(finding(crd, Rules.helmCrdUnmanaged, 'notice', `leaves the chart's crds/: Helm never deletes a crds/ CRD, so it stays in the cluster with its objects, and nothing updates it any more`));
  }
  return findings;
}
