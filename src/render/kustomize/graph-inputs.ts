/**
 * What a build of a kustomization graph reads, summed up without building: a hash of every
 * input file and URL, and which marker words the files hold. Two units whose inputs hash
 * alike render alike, so the comparison decides what is unchanged before kustomize runs.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ManifestError } from '../../core/errors.ts';
import { findAliasBomb } from '../../core/objects/yaml-bomb.ts';
import { ANY_CHURN, NO_CHURN, guessChurn, mergeChurn, type Churn } from '../../core/diff/guess-churn.ts';
import { isInside, type Confinement } from './confine.ts';
import { locate } from './tree-reads.ts';
import { getTwinTrees } from './twin-trees.ts';
import { SKIPPED_DIRS, findKustomizationFile, toPosix, type KustomizationGraph, type PathDisplay } from './read-kustomization.ts';

/** What a build of a graph reads, summed up without building: decides whether a unit is unchanged. */
export interface GraphInputs {
  /** Hash of every input file (by path relative to the tree root) and every remote URL. */
  readonly hash: string;
  /** The markers (see {@link InputFiles}) some input file contains. */
  readonly markers: ReadonlySet<string>;
  /** Whether the build fetches remote resources, whose content no marker search sees. */
  readonly remote: boolean;
  /** Each input file's sha256, by its path relative to the tree root. */
  readonly digests: ReadonlyMap<string, string>;
}

/** One side of a unit, for {@link guessInputChurn}: the tree it is read in, its graph and its inputs. */
export interface ChurnSide {
  readonly treeRoot: string;
  readonly graph: KustomizationGraph;
  readonly inputs: GraphInputs;
}

/**
 * Files read so far in a run, by absolute path: their digest and which of the run's markers
 * each holds. One per run, so a file both sides share or many units include is read once.
 */
export interface InputFiles {
  /** Words whose presence in a unit's inputs the run asks about (fixed for the run). */
  readonly markers: readonly string[];
  /** Per file: its sha256 and the markers it contains. */
  readonly facts: Map<string, FileFacts>;
}

/** What a run knows of one input file. */
interface FileFacts {
  readonly digest: string;
  readonly markers: readonly string[];
}

/** An empty file cache that looks for `markers` in every file it reads. */
export function createInputFiles(markers: readonly string[] = []): InputFiles {
  return { markers, facts: new Map() };
}

/**
 * Hashes every input a build of the graph can read: each kustomization directory's files
 * (not descending into other kustomizations, which the graph covers when reachable) and every
 * path a kustomization names. Paths enter the hash relative to `treeRoot`, so the same
 * inputs in two checkouts hash the same. Remote references enter as their URL.
 *
 * Every file is vetted as it is read, before kustomize ever sees it: a symlink out of the
 * confinement is passed over (the graph already lists what a build would read through it),
 * and a YAML alias bomb stops the run with a ManifestError naming the file.
 */
export function readGraphInputs(
  graph: KustomizationGraph,
  treeRoot: string,
  files: InputFiles,
  options: { readonly confinement?: Confinement; readonly show?: PathDisplay } = {},
): GraphInputs {
  const { confinement } = options;
  const inputs = new Set<string>();
  const addTree = (path: string, isRoot: boolean): void => {
    const read = locate(path);
    const link = lstatSync(read, { throwIfNoEntry: false });
    if (!link) return;
    if (link.isSymbolicLink() && confinement && !isInside(confinement, path)) return;
    const stat = link.isSymbolicLink() ? statSync(read, { throwIfNoEntry: false }) : link;
    if (!stat) return;
    if (stat.isFile()) {
      inputs.add(path);
      return;
    }
    if (!stat.isDirectory() || (!isRoot && findKustomizationFile(path))) return;
    for (const entry of readdirSync(read, { withFileTypes: true })) {
      if (!SKIPPED_DIRS.has(entry.name)) addTree(join(path, entry.name), false);
    }
  };
  const hash = createHash('sha256');
  let remote = false;
  for (const kustomization of graph.kustomizations) {
    addTree(kustomization.dir, true);
    for (const path of kustomization.referencedPaths) addTree(path, true);
    for (const url of [...kustomization.remotes.keys()].sort()) {
      hash.update(`remote\0${url}\0`);
      remote = true;
    }
  }
  const markers = new Set<string>();
  const digests = new Map<string, string>();
  const twins = getTwinTrees(confinement);
  const readFacts = (path: string, source: string): FileFacts => {
    const bytes = readFileSync(source);
    const text = bytes.toString('utf8');
    const bomb = findAliasBomb(text);
    if (bomb) throw new ManifestError(`${(options.show ?? ((p: string) => p))(path)}: ${bomb}; refused before building`);
    return { digest: createHash('sha256').update(bytes).digest('hex'), markers: files.markers.filter((marker) => text.includes(marker)) };
  };
  for (const path of [...inputs].sort()) {
    let facts = files.facts.get(path);
    if (facts === undefined) {
      // A file git says is the same in the tree after the change reads as its twin there, read once for both.
      const twin = twins?.findSame(path);
      facts = twin === undefined ? readFacts(path, locate(path)) : (files.facts.get(twin) ?? readFacts(path, twin));
      files.facts.set(path, facts);
      if (twin !== undefined) files.facts.set(twin, facts);
    }
    for (const marker of facts.markers) markers.add(marker);
    const name = toPosix(relative(treeRoot, path));
    digests.set(name, facts.digest);
    hash.update(`file\0${name}\0${facts.digest}\0`);
  }
  return { hash: hash.digest('hex'), markers, remote, digests };
}

/**
 * Guesses whether a build of `before` can lose objects a build of `after` lacks, and the other
 * way round, from the input files whose digests differ (see core/diff/guess-churn.ts): a file
 * on one side only, or an edited kustomization, can do either; another edited file, what its
 * lines say.
 */
export function guessInputChurn(before: ChurnSide, after: ChurnSide): Churn {
  const kustomizationFiles = new Set([before, after].flatMap(({ treeRoot, graph }) => graph.kustomizations.map((k) => toPosix(relative(treeRoot, k.file)))));
  let churn = NO_CHURN;
  for (const [name, digest] of before.inputs.digests) {
    const other = after.inputs.digests.get(name);
    if (other === digest) continue;
    if (other === undefined) churn = mergeChurn(churn, { removes: true, adds: false });
    else if (kustomizationFiles.has(name)) return ANY_CHURN;
    else churn = mergeChurn(churn, guessChurn(readFileSync(locate(join(before.treeRoot, name)), 'utf8'), readFileSync(join(after.treeRoot, name), 'utf8')));
    if (churn.removes && churn.adds) return churn;
  }
  for (const name of after.inputs.digests.keys()) {
    if (!before.inputs.digests.has(name)) return mergeChurn(churn, { removes: false, adds: true });
  }
  return churn;
}
