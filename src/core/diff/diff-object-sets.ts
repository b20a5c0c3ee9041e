/**
 * Object-set diff: what a change adds, removes and changes, by Flux identity.
 */
import { compare, type Operation } from 'fast-json-patch';
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import {
  REDACTED,
  compareObjects,
  formatObjectRef,
  formatWholeFieldKey,
  isRecord,
  type KubeObject,
  type ObjectSet,
  type ResourceObject,
} from '../objects/kube-objects.ts';

/** An object present on both sides whose content differs. */
export interface ObjectChange {
  /** The object before the change. */
  readonly before: ResourceObject;
  /** The object after the change. */
  readonly after: ResourceObject;
  /** JSON patch from before to after (RFC 6902), Secret values redacted. */
  readonly patch: readonly Operation[];
  /** Unified diff of the two objects as YAML, Secret values redacted. */
  readonly diff: string;
  /** For Secrets: which keys were added, removed or changed. */
  readonly secretKeys?: SecretKeyChanges;
}

/** Which keys of a Secret changed; values are never kept. */
export interface SecretKeyChanges {
  /** Keys only after. */
  readonly added: readonly string[];
  /** Keys only before. */
  readonly removed: readonly string[];
  /** Keys on both sides whose value differs. */
  readonly changed: readonly string[];
}

/** A removed object whose successor is the same object under a new generated name. */
export interface Replacement {
  /** The object that goes. */
  readonly before: ResourceObject;
  /** The object that takes its place. */
  readonly after: ResourceObject;
  /** Why the pair counts as a replacement. */
  readonly reason: 'generated-name';
}

/** The difference between two object sets. */
export interface SetDiff {
  /** Objects only after, sorted by key. */
  readonly added: readonly ResourceObject[];
  /** Objects only before, sorted by key; replacements are not listed here. */
  readonly removed: readonly ResourceObject[];
  /** Objects on both sides that differ, sorted by key. */
  readonly changed: readonly ObjectChange[];
  /** Generated-name rollovers (kustomize hash suffixes), sorted by the removed key. */
  readonly replaced: readonly Replacement[];
  /** How many objects are identical on both sides. */
  readonly unchanged: number;
}

/** Changed-value marker for a Secret key, so the YAML diff shows the key without its value. */
const REDACTED_CHANGED = '(redacted, changed)';

/**
 * Diffs two object sets. Objects are matched by identity only, so an apiVersion change
 * within one group is a change, while a group change is a removal plus an addition.
 */
export function diffObjectSets(before: ObjectSet, after: ObjectSet): SetDiff {
  const added: ResourceObject[] = [];
  const removed: ResourceObject[] = [];
  const changed: ObjectChange[] = [];
  let unchanged = 0;
  for (const [key, old] of before) {
    const current = after.get(key);
    if (!current) {
      removed.push(old);
      continue;
    }
    const change = compareObject(old, current);
    if (change) changed.push(change);
    else unchanged += 1;
  }
  for (const [key, current] of after) if (!before.has(key)) added.push(current);

  const { replaced, removed: stillRemoved, added: stillAdded } = pairGeneratedNames(removed, added);
  return {
    added: stillAdded.sort(compareObjects),
    removed: stillRemoved.sort(compareObjects),
    changed: changed.sort((a, b) => compareObjects(a.before, b.before)),
    replaced: replaced.sort((a, b) => compareObjects(a.before, b.before)),
    unchanged,
  };
}

function compareObject(before: ResourceObject, after: ResourceObject): ObjectChange | undefined {
  // One parsed document serves every render that printed it (see parseManifests).
  if (before.body === after.body) return undefined;
  const secretKeys = before.secretDigests || after.secretDigests ? compareSecretKeys(before, after) : undefined;
  const secretChanged = secretKeys !== undefined && secretKeys.changed.length > 0;
  const afterBody = secretChanged ? markChangedSecretKeys(after.body, secretKeys.changed) : after.body;
  const patch = compare(before.body, afterBody);
  if (patch.length === 0) return undefined;
  const name = formatObjectRef(before.id);
  const patchText = createTwoFilesPatch(name, name, toYaml(before.body), toYaml(afterBody), 'before', 'after', { context: 3 });
  // Drop the `Index:` and `====` header lines: a reader needs the hunks, not a file name twice.
  const diff = patchText.slice(Math.max(0, patchText.indexOf('--- ')));
  return { before, after, patch, diff, ...(secretKeys ? { secretKeys } : {}) };
}

function compareSecretKeys(before: ResourceObject, after: ResourceObject): SecretKeyChanges {
  const old = before.secretDigests ?? {};
  const current = after.secretDigests ?? {};
  const keys = [...new Set([...Object.keys(old), ...Object.keys(current)])].sort();
  return {
    added: keys.filter((key) => !(key in old)),
    removed: keys.filter((key) => !(key in current)),
    changed: keys.filter((key) => key in old && key in current && old[key] !== current[key]),
  };
}

function markChangedSecretKeys(body: KubeObject, keys: readonly string[]): KubeObject {
  const copy: KubeObject = { ...body };
  for (const field of ['data', 'stringData'] as const) {
    const values = body[field];
    // A field that is not a mapping was redacted whole: it changed as a whole.
    if (values === REDACTED && keys.includes(formatWholeFieldKey(field))) copy[field] = REDACTED_CHANGED;
    if (!isRecord(values)) continue;
    copy[field] = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, keys.includes(key) ? REDACTED_CHANGED : value]),
    );
  }
  return copy;
}

/** Serialises an object as YAML with sorted keys, so diffs do not depend on input key order. */
export function toYaml(body: KubeObject): string {
  return stringify(body, { sortMapEntries: true, lineWidth: 0 });
}

/** kustomize's name hash: 10 characters from hex with 0,1,3,a,e swapped for g,h,k,m,t. */
const KUSTOMIZE_HASH_SUFFIX = /^(.+)-[2456789bcdfghkmt]{10}$/;
const GENERATED_KINDS = new Set(['ConfigMap', 'Secret']);

/**
 * Returns the name without kustomize's generator hash suffix, or undefined when the name has
 * none. Only the hash marks a rename: a generator with `disableNameSuffixHash` keeps its name,
 * and guessing a stem from other names would hide real prunes (foo-backend vs foo-frontend).
 */
export function getGeneratedNameStem(object: ResourceObject): string | undefined {
  if (object.id.group !== '' || !GENERATED_KINDS.has(object.id.kind)) return undefined;
  return KUSTOMIZE_HASH_SUFFIX.exec(object.id.name)?.[1];
}

/**
 * Pairs a removed generated ConfigMap/Secret with an added one of the same kind, namespace
 * and name stem: a configMapGenerator edit renames the object, it does not delete data.
 * Only one-to-one pairs count; anything ambiguous stays a removal.
 */
function pairGeneratedNames(
  removed: readonly ResourceObject[],
  added: readonly ResourceObject[],
): { replaced: Replacement[]; removed: ResourceObject[]; added: ResourceObject[] } {
  const stemKey = (object: ResourceObject): string | undefined => {
    const stem = getGeneratedNameStem(object);
    return stem === undefined ? undefined : `${object.id.kind}/${object.id.namespace}/${stem}`;
  };
  const groupBy = (objects: readonly ResourceObject[]): Map<string, ResourceObject[]> => {
    const groups = new Map<string, ResourceObject[]>();
    for (const object of objects) {
      const key = stemKey(object);
      if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), object]);
    }
    return groups;
  };
  const removedByStem = groupBy(removed);
  const addedByStem = groupBy(added);
  const replaced: Replacement[] = [];
  const paired = new Set<ResourceObject>();
  for (const [key, olds] of removedByStem) {
    const news = addedByStem.get(key);
    const [old] = olds;
    const [current] = news ?? [];
    if (olds.length !== 1 || news?.length !== 1 || !old || !current) continue;
    replaced.push({ before: old, after: current, reason: 'generated-name' });
    paired.add(old).add(current);
  }
  return {
    replaced,
    removed: removed.filter((object) => !paired.has(object)),
    added: added.filter((object) => !paired.has(object)),
  };
}
