/**
 * The pure half of planning a fix for objects a change would prune: where to look for the
 * file that holds them now, which files to pick, and what to write when they have to be
 * vendored. Fetching, listing and re-rendering happen elsewhere; everything here only
 * decides, so the same inputs always give the same plan.
 */
import { stringify } from 'yaml';

/** A file in a GitHub repository at a ref, as named by a raw-file URL. */
export interface GitHubFile {
  /** Repository owner (user or organisation), as written in the URL. */
  readonly owner: string;
  /** Repository name, as written in the URL. */
  readonly repo: string;
  /** Tag, branch, commit, or a full `refs/heads/<branch>` / `refs/tags/<tag>`. */
  readonly ref: string;
  /** Posix path of the file inside the repository, no leading slash. */
  readonly path: string;
}

const RAW_HOST = 'raw.githubusercontent.com';
const WEB_HOST = 'github.com';
const YAML_EXTENSION = /\.ya?ml$/i;
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;
const KUSTOMIZATION_FILE = /^kustomization\.ya?ml$/i;
// Beyond this many candidates per set, trying every combination costs more than it is worth.
const EXACT_SET_SIZE = 3;

/**
 * Reads a GitHub raw-file URL: `https://raw.githubusercontent.com/<owner>/<repo>/<ref>/<path>`
 * or `https://github.com/<owner>/<repo>/raw/<ref>/<path>`, where ref may also be spelled
 * `refs/heads/<branch>` or `refs/tags/<tag>`. Query and fragment are ignored. Returns
 * undefined for anything else, git bases (`github.com/o/r//dir?ref=`) included, since those
 * name a directory to clone rather than a file.
 */
export function parseGitHubFileUrl(url: string): GitHubFile | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const segments = decodeSegments(parsed.pathname);
  // An empty segment is a `//` git-base separator or a typo; neither names a file.
  if (segments === undefined || segments.some((segment) => segment === '')) return undefined;

  let rest: string[];
  if (parsed.hostname === RAW_HOST) rest = segments;
  else if (parsed.hostname === WEB_HOST && segments[2] === 'raw') rest = [segments[0] ?? '', segments[1] ?? '', ...segments.slice(3)];
  else return undefined;

  const [owner, repo, ...tail] = rest;
  // A full ref takes three segments; anything else is a single-segment tag, branch or commit.
  const refLength = tail[0] === 'refs' && (tail[1] === 'heads' || tail[1] === 'tags') ? 3 : 1;
  if (owner === undefined || repo === undefined || tail.length <= refLength) return undefined;
  return { owner, repo, ref: tail.slice(0, refLength).join('/'), path: tail.slice(refLength).join('/') };
}

/**
 * Returns `url` with its last path segment replaced by `name` (which may hold a `/`, as in
 * `crds/kustomization.yaml`), query and fragment kept, so a proposed entry is written in
 * exactly the form the user already uses for its neighbour.
 */
export function replaceFileName(url: string, name: string): string {
  const cut = url.search(/[?#]/);
  const head = cut < 0 ? url : url.slice(0, cut);
  const tail = cut < 0 ? '' : url.slice(cut);
  return `${head.slice(0, head.lastIndexOf('/') + 1)}${name}${tail}`;
}

/**
 * Names under which projects commonly publish the CRDs that go with `fileName` (a file name
 * or a path; only its last segment counts), to probe next to it where the host offers no
 * directory listing. Most likely first, without `fileName` itself.
 */
export function listConventionalSiblings(fileName: string): string[] {
  const name = lastSegment(fileName);
  const extension = YAML_EXTENSION.exec(name)?.[0] ?? '.yaml';
  const base = stripExtension(name);
  const names = ['operator-crds.yaml', 'crds.yaml', `${base}-crds${extension}`, `${base}.crds${extension}`, 'crds/kustomization.yaml'];
  return [...new Set(names)].filter((candidate) => candidate !== name && !candidate.startsWith('-') && !candidate.startsWith('.'));
}

/** How many files of each kind {@link rankCandidateFiles} keeps. */
export interface CandidateCaps {
  /** Files whose names mention CRDs (a `crds/` directory may hold one file per CRD). */
  readonly crds: number;
  /** Every other manifest file. */
  readonly others: number;
}

/**
 * Picks the files of a directory listing worth fetching: manifests (`.yaml`, `.yml`, `.json`)
 * other than `exclude` (the file the objects used to come from) and kustomization files;
 * names that mention CRDs first, since dropped objects are mostly CRDs split into their own
 * file; each group by name and cut to its cap.
 */
export function rankCandidateFiles(names: readonly string[], exclude: string, caps: CandidateCaps): string[] {
  const eligible = [...new Set(names)]
    .filter((name) => MANIFEST_EXTENSION.test(name) && name !== exclude && !KUSTOMIZATION_FILE.test(lastSegment(name)))
    .sort();
  const crds = eligible.filter((name) => /crd/i.test(name));
  const others = eligible.filter((name) => !/crd/i.test(name));
  return [...crds.slice(0, Math.max(0, caps.crds)), ...others.slice(0, Math.max(0, caps.others))];
}

/**
 * Returns the fewest `candidates` that together hold every key in `required`, in candidate
 * order, or undefined when even all of them do not. Sets of up to three are searched
 * exhaustively in candidate order, so among equally small sets the best-ranked wins; larger
 * ones are built greedily (most still-missing keys first, rank breaking ties). A candidate
 * that holds none of the required keys is never chosen.
 */
export function chooseCoveringSet<T extends { readonly name: string; readonly keys: ReadonlySet<string> }>(
  required: readonly string[],
  candidates: readonly T[],
): T[] | undefined {
  const wanted = [...new Set(required)];
  if (wanted.length === 0) return [];
  const useful = candidates
    .map((candidate, rank) => ({ candidate, rank, covers: wanted.filter((key) => candidate.keys.has(key)) }))
    .filter((entry) => entry.covers.length > 0);
  const coverable = new Set(useful.flatMap((entry) => entry.covers));
  if (coverable.size < wanted.length) return undefined;

  for (let size = 1; size <= Math.min(EXACT_SET_SIZE, useful.length); size++) {
    for (const combination of listCombinations(useful.length, size)) {
      const chosen = combination.map((index) => useful[index] as (typeof useful)[number]);
      // Cheap bound first: too few keys between them cannot cover.
      if (chosen.reduce((sum, entry) => sum + entry.covers.length, 0) < wanted.length) continue;
      if (new Set(chosen.flatMap((entry) => entry.covers)).size === wanted.length) return chosen.map((entry) => entry.candidate);
    }
  }

  const missing = new Set(wanted);
  const picked = new Set<number>();
  while (missing.size > 0) {
    let best: { index: number; gain: number } | undefined;
    for (const [index, entry] of useful.entries()) {
      if (picked.has(index)) continue;
      const gain = entry.covers.filter((key) => missing.has(key)).length;
      if (gain > (best?.gain ?? 0)) best = { index, gain };
    }
    // Cannot happen after the coverable check, but never loop forever on a bad assumption.
    if (best === undefined) return undefined;
    picked.add(best.index);
    for (const key of (useful[best.index] as (typeof useful)[number]).covers) missing.delete(key);
  }
  return [...picked].sort((a, b) => a - b).map((index) => (useful[index] as (typeof useful)[number]).candidate);
}

/**
 * True when two remote URLs name the same file, possibly at different refs or versions:
 * GitHub raw-file URLs with the same owner, repository (both case-insensitive) and path;
 * other URLs with the same scheme and host, the same file name and the same number of path
 * segments, differing in at most one segment (the version).
 */
export function matchesIgnoringRef(a: string, b: string): boolean {
  return isSamePlace(a, b, true);
}

/**
 * True when `next` is a file published in the same place as `previous` at another ref or
 * version, under any name (`.../v1/operator.yaml` and `.../v2/tigera-operator.yaml`): GitHub
 * raw-file URLs of the same repository and directory; other URLs with the same scheme, host
 * and number of path segments, differing in at most one directory segment, which must look
 * like a version on both sides (hold a digit): `charts/foo/` and `charts/bar/` are two places.
 */
export function isSameDirectoryAnyRef(next: string, previous: string): boolean {
  return isSamePlace(next, previous, false);
}

function isSamePlace(a: string, b: string, sameName: boolean): boolean {
  const directory = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
  const githubA = parseGitHubFileUrl(a);
  const githubB = parseGitHubFileUrl(b);
  if (githubA && githubB) {
    return (
      githubA.owner.toLowerCase() === githubB.owner.toLowerCase() &&
      githubA.repo.toLowerCase() === githubB.repo.toLowerCase() &&
      (sameName ? githubA.path === githubB.path : directory(githubA.path) === directory(githubB.path))
    );
  }
  let urlA: URL;
  let urlB: URL;
  try {
    urlA = new URL(a);
    urlB = new URL(b);
  } catch {
    return false;
  }
  if (urlA.protocol !== urlB.protocol || urlA.host !== urlB.host) return false;
  const segmentsA = urlA.pathname.split('/');
  const segmentsB = urlB.pathname.split('/');
  if (segmentsA.length !== segmentsB.length) return false;
  if (sameName && (segmentsA.at(-1) !== segmentsB.at(-1) || segmentsA.at(-1) === '')) return false;
  // The version is one directory segment; the file name is compared above, or free.
  const differing = segmentsA.slice(0, -1).flatMap((segment, index) => (segment === segmentsB[index] ? [] : [[segment, segmentsB[index] ?? '']]));
  if (differing.length > 1) return false;
  // Under another name, only a version may differ: a different directory name is another project.
  return sameName || differing.every((pair) => pair.every((segment) => /\d/.test(segment)));
}

/** A name prefix and suffix that kustomize put around the names of one kind (`namePrefix: prod-`). */
export interface NameAffix {
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Learns, per `group/Kind`, the prefix and suffix that turn the names a source file writes into
 * the names rendered (`reader` -> `prod-reader`): the one pair every rendered object of that
 * kind fits, with the plainest (no affix at all) first. Keys are `group/Kind/namespace/name`.
 * A kind whose objects fit no single pair is left out, so nothing is matched by guesswork.
 * CRDs and Namespaces keep their names (kustomize exempts them), which this finds by itself.
 */
export function learnNameAffixes(rendered: readonly string[], source: readonly string[]): Map<string, NameAffix> {
  const sourcesByKind = groupKeysByKind(source);
  const affixes = new Map<string, NameAffix>();
  for (const [kind, objects] of groupKeysByKind(rendered)) {
    const sources = sourcesByKind.get(kind) ?? [];
    let common: NameAffix[] | undefined;
    for (const object of objects) {
      const fits = sources
        .filter((candidate) => candidate.namespace === object.namespace && candidate.name !== '' && object.name.includes(candidate.name))
        .flatMap((candidate) => {
          const pairs: NameAffix[] = [];
          for (let at = object.name.indexOf(candidate.name); at >= 0; at = object.name.indexOf(candidate.name, at + 1)) {
            pairs.push({ prefix: object.name.slice(0, at), suffix: object.name.slice(at + candidate.name.length) });
          }
          return pairs;
        });
      common = common === undefined ? fits : common.filter((pair) => fits.some((fit) => fit.prefix === pair.prefix && fit.suffix === pair.suffix));
    }
    const best = (common ?? []).sort((a, b) => a.prefix.length + a.suffix.length - (b.prefix.length + b.suffix.length))[0];
    if (best) affixes.set(kind, best);
  }
  return affixes;
}

/** `group/Kind/namespace/name` keys by `group/Kind`, each as namespace and name. */
function groupKeysByKind(keys: readonly string[]): Map<string, Array<{ namespace: string; name: string }>> {
  const byKind = new Map<string, Array<{ namespace: string; name: string }>>();
  for (const key of keys) {
    const parts = key.split('/');
    const name = parts.pop() ?? '';
    const namespace = parts.pop() ?? '';
    const kind = parts.join('/');
    byKind.set(kind, [...(byKind.get(kind) ?? []), { namespace, name }]);
  }
  return byKind;
}

/** A source key as kustomize renders it under `affixes` (unchanged for a kind without one). */
export function applyNameAffix(key: string, affixes: ReadonlyMap<string, NameAffix>): string {
  const cut = key.lastIndexOf('/');
  const kind = key.slice(0, key.lastIndexOf('/', cut - 1));
  const affix = affixes.get(kind);
  return affix ? `${key.slice(0, cut + 1)}${affix.prefix}${key.slice(cut + 1)}${affix.suffix}` : key;
}

/** What {@link chooseVendorFileName} names a file after. */
export interface VendorFileNameInput {
  /** File name, path or URL the objects came from; its base name leads the new name. */
  readonly source?: string;
  /** Whether every vendored object is a CustomResourceDefinition. */
  readonly allCrds: boolean;
  /** File names already beside the kustomization. */
  readonly taken: ReadonlySet<string>;
}

/**
 * Names the new file beside the kustomization that holds vendored objects, after where they
 * came from so a reader can tell what it replaces: `<base>-crds.yaml` or
 * `<base>-cluster-resources.yaml` (`crds.yaml` / `cluster-resources.yaml` without a source),
 * with `-2`, `-3`, ... before `.yaml` when the name is taken.
 */
export function chooseVendorFileName(input: VendorFileNameInput): string {
  const base = input.source === undefined ? '' : stripExtension(lastSegment(sourcePath(input.source)));
  const suffix = input.allCrds ? 'crds' : 'cluster-resources';
  // A source already named for its contents (crds.yaml, operator-crds.yaml) keeps its name.
  const named = base !== '' && (base === suffix || base.endsWith(`-${suffix}`) || base.endsWith(`.${suffix}`));
  const stem = base === '' || named ? (named ? base : suffix) : `${base}-${suffix}`;
  let name = `${stem}.yaml`;
  for (let n = 2; input.taken.has(name); n++) name = `${stem}-${n}.yaml`;
  return name;
}

/**
 * Writes objects as one multi-document YAML file: `header` lines as `# ` comments on top,
 * then each body in the given order behind a `---`. Long strings are not folded, and strings
 * YAML 1.1 would read as something else (`yes`, `on`, dates) are quoted, because kustomize
 * and kubectl still read manifests with YAML 1.1 rules.
 */
export function formatVendoredManifests(bodies: readonly Record<string, unknown>[], header: readonly string[]): string {
  const comments = header.flatMap((line) => line.split('\n')).map((line) => (line === '' ? '#\n' : `# ${line}\n`));
  // stringify ends each document with its newline; trimming more would cut the kept trailing
  // lines of a `|+` block scalar, which are part of the value.
  const documents = bodies.map((body) => `---\n${stringify(body, { lineWidth: 0, version: '1.1', aliasDuplicateObjects: false })}`);
  return [...comments, ...documents].join('');
}

/** Index combinations of `size` out of `count`, in lexicographic order. */
function* listCombinations(count: number, size: number): Generator<number[]> {
  const indexes = Array.from({ length: size }, (_, i) => i);
  while (true) {
    yield [...indexes];
    let position = size - 1;
    while (position >= 0 && indexes[position] === count - size + position) position--;
    if (position < 0) return;
    indexes[position] = (indexes[position] ?? 0) + 1;
    for (let next = position + 1; next < size; next++) indexes[next] = (indexes[next - 1] ?? 0) + 1;
  }
}

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.replace(/^\//, '').split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** The path part of a URL, or the string itself when it is a plain path. */
function sourcePath(source: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  try {
    return decodeURIComponent(new URL(source).pathname);
  } catch {
    return source.replace(/[?#].*$/, '');
  }
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function stripExtension(name: string): string {
  return name.replace(YAML_EXTENSION, '').replace(/\.json$/i, '');
}
