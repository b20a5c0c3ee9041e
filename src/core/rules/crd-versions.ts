/**
 * Changes to a CustomResourceDefinition's versions and scope, as the API server judges them
 * (Kubernetes docs, "Versions in CustomResourceDefinitions"; apiextensions-apiserver's
 * validation):
 * - `status.storedVersions` lists every version that was ever the storage version, until
 *   someone removes it through the status subresource after a storage migration. A CRD whose
 *   `spec.versions` lacks one of them is refused (`status.storedVersions[0]: Invalid value:
 *   "v1beta1": must appear in spec.versions`). The renders do not hold the live status, but
 *   the storage version before the change is in it for certain.
 * - A version gone from `spec.versions`, or `served: false`, answers not found: objects
 *   written at it no longer apply.
 * - Exactly one version is `storage: true`, or the CRD is refused. A new storage version
 *   applies to writes only: existing objects stay stored at the old one until rewritten.
 * - `spec.scope` is immutable once the CRD is established: only deleting the CRD (and with
 *   it every object of its kind) and creating it again changes it.
 */
import { formatObjectRef, getMetadata, isRecord, readCrdNames, type CrdNames, type KubeObject, type ResourceObject } from '../objects/kube-objects.ts';
import type { ChangeRuleInput } from './change-rule-input.ts';
import { Rules, type Finding, type RuleId, type Severity } from './findings.ts';

/** One entry of a CRD's `spec.versions`. */
export interface CrdVersion {
  /** `v1beta1` */
  readonly name: string;
  /** Whether the API server serves it; unset counts as served, so nothing is invented. */
  readonly served: boolean;
  /** Whether objects are written at it. */
  readonly storage: boolean;
}

/** A CRD as one side of the change renders it. */
interface RenderedCrd {
  readonly unit: string;
  readonly object: ResourceObject;
  readonly names: CrdNames;
  readonly versions: readonly CrdVersion[];
}

/** How many objects a message names before it says "and N more". */
const MESSAGE_LIST_LIMIT = 5;

/** Reads `spec.versions`; an `apiextensions.k8s.io/v1beta1` CRD with only `spec.version` has that one, served and stored. */
export function readCrdVersions(body: KubeObject): CrdVersion[] {
  const spec = isRecord(body.spec) ? body.spec : {};
  if (Array.isArray(spec.versions)) {
    return spec.versions
      .filter(isRecord)
      .flatMap((version) => (typeof version.name === 'string' ? [{ name: version.name, served: version.served !== false, storage: version.storage === true }] : []));
  }
  return typeof spec.version === 'string' ? [{ name: spec.version, served: true, storage: true }] : [];
}

/**
 * The findings of the CRDs a change edits, across the units of one cluster: a version
 * dropped or no longer served while objects in the renders after the change use it, a
 * version dropped that `status.storedVersions` may hold, a storage version moved or no
 * longer unique, and a scope change.
 */
export function describeCrdVersionChanges(input: ChangeRuleInput): Finding[] {
  const before = collectCrds(input, 'before');
  const after = collectCrds(input, 'after');
  const users = indexUsers(input);
  const findings: Finding[] = [];
  for (const [name, current] of [...after].sort(([a], [b]) => compareText(a, b))) {
    findings.push(...describeCrdChange(before.get(name), current, users, input));
  }
  return findings;
}

/**
 * True when a CRD's change can break objects in any unit: a version leaves `spec.versions` or
 * stops being served (its users can be anywhere), or the scope changes (every object of the
 * kind goes). Units whose inputs did not change must then be rendered too.
 */
export function reachesOtherUnits(before: KubeObject, after: KubeObject): boolean {
  const old = readCrdNames(before);
  const current = readCrdNames(after);
  if (!old || !current) return false;
  if (old.scope !== current.scope) return true;
  const now = new Map(readCrdVersions(after).map((version) => [version.name, version]));
  return readCrdVersions(before).some((version) => {
    const next = now.get(version.name);
    return !next || (version.served && !next.served);
  });
}

/** CRDs by name, the first unit's copy where several units render one (deterministic: units come sorted). */
function collectCrds(input: ChangeRuleInput, side: 'before' | 'after'): Map<string, RenderedCrd> {
  const crds = new Map<string, RenderedCrd>();
  for (const unit of input.units) {
    for (const object of unit[side].values()) {
      const names = readCrdNames(object.body);
      if (!names || crds.has(object.id.name)) continue;
      crds.set(object.id.name, { unit: unit.unit, object, names, versions: readCrdVersions(object.body) });
    }
  }
  return crds;
}

/** Objects of every unit after the change, by `apiVersion` and kind: what still uses a version. */
function indexUsers(input: ChangeRuleInput): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const unit of input.units) {
    for (const object of unit.after.values()) {
      const key = `${object.apiVersion}\0${object.id.kind}`;
      users.set(key, [...(users.get(key) ?? []), formatObjectRef(object.id)]);
    }
  }
  return users;
}

function describeCrdChange(old: RenderedCrd | undefined, current: RenderedCrd, users: ReadonlyMap<string, readonly string[]>, input: ChangeRuleInput): Finding[] {
  const { group, kind } = current.names;
  const crdName = current.object.id.name;
  const finding = (rule: RuleId, severity: Severity, message: string, cascade?: readonly string[]): Finding => ({
    rule,
    severity,
    unit: current.unit,
    object: { ...current.object.id, apiVersion: current.object.apiVersion },
    ...(current.object.provenance ? { provenance: current.object.provenance } : {}),
    message: `${formatObjectRef(current.object.id)} ${message}`,
    ...(cascade ? { cascade } : {}),
  });
  const findings: Finding[] = [];
  const storage = current.versions.filter((version) => version.storage);
  const oldStorage = old?.versions.filter((version) => version.storage);
  // Only a change that makes the storage marking wrong is judged, not one that inherits it.
  if (storage.length !== 1 && (!oldStorage || oldStorage.length === 1)) {
    const marked = storage.length === 0 ? 'marks no version as the storage version' : `marks ${storage.length} versions as the storage version (${storage.map((version) => version.name).join(', ')})`;
    findings.push(finding(Rules.crdStorageVersionInvalid, 'error', `${marked}: the API server refuses it (spec.versions: must have exactly one version marked as storage version), and the apply of ${current.unit} fails; set storage: true on exactly one version`));
  }
  if (!old || !oldStorage) return findings;

  const storageName = storage.length === 1 ? storage[0]?.name : undefined;
  const oldStorageName = oldStorage.length === 1 ? oldStorage[0]?.name : undefined;
  const recreated = old.names.scope !== current.names.scope;
  if (recreated) findings.push(describeScopeChange(old, current, input, finding));
  const served = current.versions.filter((version) => version.served).map((version) => version.name);
  // Where objects should go: the storage version when it is served, else any served one.
  const target = storageName !== undefined && served.includes(storageName) ? storageName : served[0];
  const usersOf = (version: string): string[] => [...new Set(users.get(`${group}/${version}\0${kind}`) ?? [])].sort(compareText);
  const rewrite = (refs: readonly string[]): string =>
    `write ${refs.length === 1 ? 'it' : 'them'} as ${target !== undefined ? `${group}/${target}` : 'a served version'} first`;
  const stillUse = (refs: readonly string[], version: string): string => `${listRefs(refs)} still ${refs.length === 1 ? 'uses' : 'use'} ${group}/${version}`;

  for (const version of old.versions) {
    const now = current.versions.find((candidate) => candidate.name === version.name);
    const refs = usersOf(version.name);
    const wasStorage = version.name === oldStorageName;
    const migration = describeMigration(crdName, kind, version.name, storageName);
    if (!now) {
      if (refs.length > 0) {
        // A CRD created again starts with a status of its own: only the objects fail then.
        const stored = recreated ? '' : `. The API server also refuses the CRD itself while status.storedVersions lists ${version.name}${wasStorage ? ' (it does: it was the storage version)' : ''}; to migrate, ${migration}`;
        findings.push(finding(Rules.crdVersionRemoved, 'error', `drops ${version.name} from spec.versions, but ${stillUse(refs, version.name)}: the API server no longer serves that version, so applying ${refs.length === 1 ? 'it' : 'them'} fails; ${rewrite(refs)}${stored}`));
      } else if (wasStorage && !recreated) {
        findings.push(finding(Rules.crdVersionRemoved, 'error', `drops ${version.name} from spec.versions, its storage version before this change: status.storedVersions lists it, so the API server refuses the update (status.storedVersions: Invalid value: "${version.name}": must appear in spec.versions) and the apply of ${current.unit} fails. Keep ${version.name} in spec.versions (served: false is enough) until the objects are migrated: ${migration}`));
      } else if (!recreated) {
        findings.push(finding(Rules.crdVersionRemoved, 'warning', `drops ${version.name} from spec.versions: the API server refuses the update if status.storedVersions still lists it (every version that was ever the storage version stays there until removed by hand; kubectl get crd ${crdName} -o jsonpath='{.status.storedVersions}' shows them). If it does, keep ${version.name} (served: false is enough) and migrate: ${migration}`));
      }
    } else if (version.served && !now.served && refs.length > 0) {
      findings.push(finding(Rules.crdVersionUnserved, 'error', `stops serving ${version.name} (served: false), but ${stillUse(refs, version.name)}: the API server answers that version with not found, so applying ${refs.length === 1 ? 'it' : 'them'} fails; ${rewrite(refs)}`));
    }
  }

  // A storage version that leaves spec.versions is one story with its removal, told above.
  const oldStays = oldStorageName !== undefined && current.versions.some((version) => version.name === oldStorageName);
  if (!recreated && oldStays && storageName !== undefined && oldStorageName !== storageName) {
    findings.push(
      finding(Rules.crdStorageVersionChanged, 'notice', `makes ${storageName} its storage version instead of ${oldStorageName}: ${kind} objects are stored at ${storageName} when next written, the existing ones stay stored at ${oldStorageName}, and status.storedVersions keeps ${oldStorageName}. Before ${oldStorageName} can leave spec.versions, migrate: ${describeMigration(crdName, kind, oldStorageName, storageName)}`),
    );
  }
  return findings;
}

/**
 * The immutable scope: the apply fails, or Flux's force (the Kustomization's `spec.force`, or
 * the CRD's own `kustomize.toolkit.fluxcd.io/force: enabled`, as immutable-fields.ts reads
 * them) deletes the CRD and every object of its kind.
 */
function describeScopeChange(old: RenderedCrd, current: RenderedCrd, input: ChangeRuleInput, finding: (rule: RuleId, severity: Severity, message: string, cascade?: readonly string[]) => Finding): Finding {
  const { group, kind } = old.names;
  const cascade = [
    ...new Set(input.units.flatMap((unit) => [...unit.before.values()].filter((object) => object.id.group === group && object.id.kind === kind).map((object) => formatObjectRef(object.id)))),
  ].sort(compareText);
  const which = cascade.length > 0 ? `, including ${listRefs(cascade)}` : ' (none is in the rendered manifests; any made in the cluster are lost)';
  const refused = `changes spec.scope from ${old.names.scope} to ${current.names.scope}, which the API server refuses for an established CRD (the field is immutable)`;
  const release = input.units.find((unit) => unit.unit === current.unit)?.helm?.release;
  const flux = release === undefined && (input.fluxOwned?.(current.unit) === true || input.force(current.unit));
  const optedIn = [old.object.body, current.object.body].some(carriesForceOptIn);
  const forced = !flux ? undefined : input.force(current.unit) ? 'spec.force' : optedIn ? 'kustomize.toolkit.fluxcd.io/force: enabled' : undefined;
  if (forced) return finding(Rules.crdScopeChanged, 'error', `${refused}, so Flux deletes the CRD and creates it again (${forced}), and the API server deletes every ${kind} with it${which}`, cascade);
  const failing = release !== undefined ? `helm-controller's upgrade of HelmRelease ${release} fails` : `the apply of ${current.unit} fails`;
  return finding(Rules.crdScopeChanged, 'error', `${refused}, so ${failing}. The only way is to delete the CRD and create it again, and deleting it deletes every ${kind}${which}: back them up first`, cascade);
}

/** Flux's per-object opt-in to recreate on an immutable change, as a label or annotation. */
function carriesForceOptIn(body: KubeObject): boolean {
  const metadata = getMetadata(body);
  return [metadata.labels, metadata.annotations].some((values) => {
    const value = isRecord(values) ? values['kustomize.toolkit.fluxcd.io/force'] : undefined;
    return typeof value === 'string' && value.toLowerCase() === 'enabled';
  });
}

/** The documented way out of `status.storedVersions`: rewrite the objects at the storage version, then drop the old one from the status. */
function describeMigration(crdName: string, kind: string, version: string, storage: string | undefined): string {
  const keep = storage ?? '<storage version>';
  return (
    `rewrite every ${kind} at the storage version ${keep} (the storage version migrator, or kubectl get ${crdName} -A -o json | kubectl replace -f -), ` +
    `then remove ${version} from status.storedVersions through the status subresource (kubectl patch crd ${crdName} --subresource=status --type=merge -p '{"status":{"storedVersions":["${keep}"]}}')`
  );
}

function listRefs(refs: readonly string[]): string {
  if (refs.length <= MESSAGE_LIST_LIMIT) return refs.join(', ');
  return `${refs.slice(0, MESSAGE_LIST_LIMIT).join(', ')} and ${refs.length - MESSAGE_LIST_LIMIT} more`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
