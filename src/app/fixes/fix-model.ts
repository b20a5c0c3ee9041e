/**
 * What fix planning works with and passes between its steps: the units and the head tree it
 * is given, the groups of dropped objects, candidates, tree changes and their verification.
 */
import { join } from 'node:path';
import type { Config } from '../../core/config/config-model.ts';
import type { Fix, FixFile, FixSource } from '../../core/rules/findings.ts';
import type { NameAffix } from '../../core/fix/fix-plan.ts';
import type { ParsedDocuments, ResourceObject } from '../../core/objects/kube-objects.ts';
import type { UnitDiff } from '../../core/rules/removal-rules.ts';
import type { ScopeResolver } from '../../core/objects/scope.ts';
import type { RepositoryContents } from '../../github/contents.ts';
import type { KustomizationGraph, PathDisplay } from '../../render/kustomize/read-kustomization.ts';
import type { KustomizeRunner } from '../../render/kustomize/kustomize-runner.ts';
import type { RemoteAccess } from '../../render/kustomize/overlay.ts';
import type { TreeIndex } from '../../render/kustomize/tree-index.ts';

/** The side after the change, as fix planning needs it. */
export interface HeadTree {
  /** Root of the tree (repository root or AFTER_DIR); fix paths are relative to it. */
  readonly root: string;
  /** Names paths in messages. */
  readonly show: PathDisplay;
  /** The files git would commit, when the tree is a working tree. */
  readonly files?: readonly string[];
}

/** A unit as fix planning needs it. */
export interface FixableUnit {
  /** Object sets and diff. */
  readonly diff: UnitDiff;
  /** True when the unit still exists after the change (a fix needs somewhere to go). */
  readonly exists: boolean;
  /** The unit's kustomization graph on the head side, to verify a fix; without it a fix is proposed unverified. */
  readonly headGraph?: KustomizationGraph;
}

/** What fix planning works with. */
export interface FixPlanningContext {
  /** The tree before the change (for the kustomization as it was). */
  readonly beforeRoot: string;
  /** The tree after the change. */
  readonly head: HeadTree;
  /** How the before side is named in vendored files. */
  readonly beforeLabel: string;
  /** Builds for verification. */
  readonly runner: KustomizeRunner;
  /** Fetches remote candidates and remote resources of verification builds. */
  readonly remote: RemoteAccess;
  /** Lists GitHub directories; without it, GitHub URLs are probed like other hosts. */
  readonly contents?: RepositoryContents;
  /** The scope the report was built under. */
  readonly scope: ScopeResolver;
  /** Ignore patterns apply to verification renders too. */
  readonly config: Config;
  /** How many groups are planned (and verification builds run) at once. */
  readonly concurrency: number;
  /** Documents of kustomize output the run parsed already. */
  readonly documents?: ParsedDocuments;
}

/** The fixes, which finding each resolves, and why some dropped objects got none. */
export interface FixPlan {
  /** One fix per kustomization file, sorted by its path. */
  readonly fixes: readonly Fix[];
  /** `unit\0group/Kind/namespace/name` of each finding's object -> index in `fixes`. */
  readonly targets: ReadonlyMap<string, number>;
  /** One line per group of dropped objects left without a fix for a reason worth telling (a failed look-up). */
  readonly notes: readonly string[];
}

/** The removed objects of one unit that a group covers. */
export interface Member {
  readonly unit: FixableUnit;
  readonly objects: ResourceObject[];
}

/**
 * Objects one kustomization entry brought in and the change drops, across every unit that
 * builds that kustomization (a base shared by two overlays is one group, fixed once).
 */
export interface RemovalGroup {
  /** The kustomization file, relative to the tree roots. */
  readonly kustomization: string;
  /** The entry's line in the before side's file. */
  readonly line: number;
  /** The URL or file the objects came from, relative to the tree root for a file. */
  readonly source: string;
  /** True when `source` is a file of the tree. */
  readonly sourceIsFile: boolean;
  /** By unit name. */
  readonly members: Map<string, Member>;
  /** Every dropped object once, by key. */
  readonly objects: Map<string, ResourceObject>;
}

/** Fix planning's own state: the context, every unit, and the tree index. */
export interface Planning extends FixPlanningContext {
  readonly units: ReadonlyMap<string, FixableUnit>;
  readonly readIndex: () => TreeIndex;
}

/** A way to bring the objects back, before it is verified. */
export interface Candidate {
  readonly source: FixSource;
  readonly entries: readonly string[];
  readonly files: readonly FixFile[];
  readonly description: string;
}

/** Changes a verification build tries out, by absolute path. */
export interface TreeChange {
  /** Kustomization files with their new text. */
  readonly overrides: ReadonlyMap<string, string>;
  /** New files with their content. */
  readonly additions: ReadonlyMap<string, string>;
}

/** Unit name -> its objects as a verification build rendered them. */
type Renders = ReadonlyMap<string, ReadonlyMap<string, ResourceObject>>;

/** What building the head side with a change showed. */
export type Verification =
  /** Every affected unit built, got its dropped objects back, and lost nothing. */
  | { readonly status: 'verified'; readonly renders: Renders }
  /** No affected unit could be built here (Flux mode). */
  | { readonly status: 'unverified' }
  /** A build failed, or lost or missed an object. */
  | { readonly status: 'failed' }
  /** A download failed: says nothing about the change. */
  | { readonly status: 'unreachable'; readonly problem: string };

/** A group's fix, with what merging fixes of one file needs. */
export interface GroupFix {
  readonly group: RemovalGroup;
  readonly candidate: Candidate;
  /** The entry the new ones go before. */
  readonly anchor?: string;
  readonly verification: Verification;
}

/** The fix of one kustomization file, before it is checked with the fixes of other files. */
export interface FileFix {
  readonly path: string;
  readonly groups: readonly RemovalGroup[];
  readonly candidates: readonly Candidate[];
  /** The kustomization's text with the fix. */
  readonly text: string;
  readonly change: TreeChange;
  readonly verification: Verification;
}

/** A tree change with its new files placed under the head root. */
export function createTreeChange(overrides: ReadonlyArray<[string, string]>, files: readonly FixFile[], planning: Planning): TreeChange {
  return { overrides: new Map(overrides), additions: new Map(files.map((file) => [join(planning.head.root, file.path), file.content])) };
}

/** `the 24 CRDs`, `the Namespace payments`, `the 3 cluster-scoped objects`. */
export function describeObjects(objects: readonly ResourceObject[]): string {
  const [first] = objects;
  if (objects.length === 1 && first) return `the ${first.id.kind} ${first.id.name}`;
  const kinds = new Set(objects.map((object) => object.id.kind));
  if (kinds.size === 1 && kinds.has('CustomResourceDefinition')) return `the ${objects.length} CRDs`;
  if (kinds.size === 1) return `the ${objects.length} ${first?.id.kind ?? ''} objects`;
  return `the ${objects.length} cluster-scoped objects`;
}

/** What every way of finding the objects needs. */
export interface CandidateSearch {
  readonly group: RemovalGroup;
  /** The keys to bring back, as rendered, sorted. */
  readonly required: readonly string[];
  /** `the 24 CRDs`, for descriptions. */
  readonly what: string;
  /** What a namePrefix or nameSuffix does to the names a file writes. */
  readonly affixes: ReadonlyMap<string, NameAffix>;
  readonly planning: Planning;
}
