/**
 * What happens to the data behind a pruned PersistentVolume or PersistentVolumeClaim, as far
 * as the rendered objects tell. The reclaim policy decides:
 * - a PersistentVolume's own `persistentVolumeReclaimPolicy`; the API server sets Retain on
 *   one created without it (a rendered PV is written by hand, never provisioned);
 * - for a claim, the one of the volume it is bound to (its `spec.volumeName`, or a volume
 *   whose `claimRef` names it), else of the StorageClass that provisions its volume
 *   (`spec.storageClassName`, or the rendered default class when it names none), whose
 *   `reclaimPolicy` defaults to Delete.
 * Retain keeps the data: the volume is released, and no claim binds to it again until
 * someone clears its `claimRef` (or writes a new PersistentVolume for the storage).
 */
import { formatObjectRef, getMetadata, isRecord, type ResourceObject } from '../objects/kube-objects.ts';
import type { Severity } from './findings.ts';

/** The rendered volumes and classes a pruned volume's fate depends on, from one cluster's renders. */
export interface StorageIndex {
  /** PersistentVolumes by name. */
  readonly volumes: ReadonlyMap<string, ResourceObject>;
  /** PersistentVolumes by the `namespace/name` their `claimRef` names. */
  readonly volumesByClaim: ReadonlyMap<string, ResourceObject>;
  /** StorageClasses by name. */
  readonly classes: ReadonlyMap<string, ResourceObject>;
  /** The one class annotated as the default, when exactly one is. */
  readonly defaultClass?: ResourceObject;
  /** Names of the PersistentVolumes that leave the renders (rendered before, in none after): their own findings say what Flux does. */
  readonly prunedVolumes: ReadonlySet<string>;
}

/** A removal's severity and message. */
export interface VolumeFate {
  readonly severity: Severity;
  readonly message: string;
}

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/**
 * Indexes the volumes and classes of one cluster's renders. The before render wins: it is
 * what the cluster runs when the prune happens; the after render fills in the rest.
 */
export function indexStorage(before: Iterable<ResourceObject>, after: Iterable<ResourceObject>): StorageIndex {
  const volumes = new Map<string, ResourceObject>();
  const volumesByClaim = new Map<string, ResourceObject>();
  const classes = new Map<string, ResourceObject>();
  const afterVolumes = new Set<string>();
  const beforeVolumes = new Set<string>();
  const add = (object: ResourceObject, side: Set<string>): void => {
    if (object.id.group === '' && object.id.kind === 'PersistentVolume') {
      side.add(object.id.name);
      if (!volumes.has(object.id.name)) volumes.set(object.id.name, object);
      const claim = readClaimRef(object);
      if (claim && !volumesByClaim.has(claim)) volumesByClaim.set(claim, object);
    } else if (object.id.group === 'storage.k8s.io' && object.id.kind === 'StorageClass' && !classes.has(object.id.name)) {
      classes.set(object.id.name, object);
    }
  };
  for (const object of before) add(object, beforeVolumes);
  for (const object of after) add(object, afterVolumes);
  const defaults = [...classes.values()].filter((storageClass) => {
    const annotations = getMetadata(storageClass.body).annotations;
    return isRecord(annotations) && annotations[DEFAULT_CLASS_ANNOTATION] === 'true';
  });
  return {
    volumes,
    volumesByClaim,
    classes,
    ...(defaults.length === 1 && defaults[0] ? { defaultClass: defaults[0] } : {}),
    prunedVolumes: new Set([...beforeVolumes].filter((name) => !afterVolumes.has(name))),
  };
}

/** Says what pruning a PersistentVolume or PersistentVolumeClaim does to its data; a warning unless the renders show it is kept. */
export function describeVolumeFate(object: ResourceObject, storage: StorageIndex): VolumeFate {
  const ref = formatObjectRef(object.id);
  if (object.id.kind === 'PersistentVolume') return describePrunedVolume(ref, object);

  const spec = isRecord(object.body.spec) ? object.body.spec : {};
  const volume =
    (typeof spec.volumeName === 'string' && spec.volumeName !== '' ? storage.volumes.get(spec.volumeName) : undefined) ??
    storage.volumesByClaim.get(`${object.id.namespace}/${object.id.name}`);
  if (volume) {
    const policy = readVolumePolicy(volume);
    const volumeRef = formatObjectRef(volume.id);
    if (policy === 'Retain') {
      const alsoPruned = storage.prunedVolumes.has(volume.id.name) ? `; ${volumeRef} leaves the renders in this change as well (see its own finding)` : '';
      return { severity: 'notice', message: `${ref} is pruned: its volume ${volumeRef} has reclaim policy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand${alsoPruned}` };
    }
    if (policy === 'Delete') return { severity: 'warning', message: `${ref} is pruned: its volume ${volumeRef} has reclaim policy Delete, so it is deleted with its data` };
    if (policy === 'Recycle') return { severity: 'warning', message: `${ref} is pruned: its volume ${volumeRef} has reclaim policy Recycle, so the data on it is scrubbed` };
  }

  // A class's policy is what the volumes it provisions get; `""` asks for no class at all.
  const className = typeof spec.storageClassName === 'string' ? spec.storageClassName : undefined;
  const storageClass = className === undefined ? storage.defaultClass : className === '' ? undefined : storage.classes.get(className);
  if (!volume && storageClass) {
    const declared = storageClass.body.reclaimPolicy;
    const which = `its StorageClass ${storageClass.id.name}${className === undefined ? ' (the default class)' : ''}`;
    // The default class when the claim was made may not be today's: only a class the claim names keeps the data for sure.
    if (declared === 'Retain' && className === undefined) {
      return { severity: 'warning', message: `${ref} is pruned: it names no StorageClass, so its volume came from the default class when it was made; if that was ${storageClass.id.name} (reclaimPolicy Retain today), the data is kept, else the volume may be deleted with its data` };
    }
    if (declared === 'Retain') {
      return { severity: 'notice', message: `${ref} is pruned: ${which} has reclaimPolicy Retain, so the data is kept; the volume is released, and no claim binds to it again until its claimRef is cleared by hand` };
    }
    if (declared === undefined || declared === 'Delete') {
      const unset = declared === undefined ? ' (unset: Delete is the default)' : '';
      return { severity: 'warning', message: `${ref} is pruned: ${which} has reclaimPolicy Delete${unset}, so the volume behind it is deleted with its data` };
    }
  }
  return { severity: 'warning', message: `${ref} is pruned: the volume behind it is deleted when its reclaim policy is Delete` };
}

function describePrunedVolume(ref: string, volume: ResourceObject): VolumeFate {
  const spec = isRecord(volume.body.spec) ? volume.body.spec : {};
  const policy = readVolumePolicy(volume);
  if (policy === 'Retain') {
    const why = spec.persistentVolumeReclaimPolicy === undefined ? 'it sets no reclaim policy, and the API server gives Retain to a PersistentVolume created without one' : 'its reclaim policy is Retain';
    return { severity: 'notice', message: `${ref} is pruned: ${why}, so the data stays on the storage behind it; using it again takes a new PersistentVolume for that storage, bound to a claim by hand` };
  }
  if (policy === 'Delete') return { severity: 'warning', message: `${ref} is pruned: its reclaim policy is Delete, so the storage behind it is deleted with its data` };
  if (policy === 'Recycle') return { severity: 'warning', message: `${ref} is pruned: its reclaim policy is Recycle, so the data on it is scrubbed` };
  return { severity: 'warning', message: `${ref} is pruned: the volume behind it is deleted when its reclaim policy is Delete` };
}

/** A volume's reclaim policy: Retain when unset, as the API server defaults it. */
function readVolumePolicy(volume: ResourceObject): string | undefined {
  const spec = isRecord(volume.body.spec) ? volume.body.spec : {};
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy === undefined) return 'Retain';
  return typeof policy === 'string' ? policy : undefined;
}

/** `namespace/name` of the claim a volume's `claimRef` reserves it for. */
function readClaimRef(volume: ResourceObject): string | undefined {
  const spec = isRecord(volume.body.spec) ? volume.body.spec : {};
  const claim = isRecord(spec.claimRef) ? spec.claimRef : undefined;
  if (!claim || typeof claim.name !== 'string') return undefined;
  return `${typeof claim.namespace === 'string' && claim.namespace !== '' ? claim.namespace : 'default'}/${claim.name}`;
}
