/**
 * Candidate search upstream: the files next to the remote manifest that used to carry the
 * objects, listed through the GitHub contents API, or probed by conventional names on other
 * hosts.
 */
import { posix } from 'node:path';
import { getErrorMessage } from '../../core/errors.ts';
import { FixSources } from '../../core/rules/findings.ts';
import { chooseCoveringSet, listConventionalSiblings, parseGitHubFileUrl, rankCandidateFiles, replaceFileName } from '../../core/fix/fix-plan.ts';
import { listResourceEntries, type ResourceEntry } from '../../core/fix/kustomization-edit.ts';
import { redactCredentials } from '../../core/text/redact.ts';
import type { DirectoryEntry } from '../../github/contents.ts';
import { KUSTOMIZATION_FILE_NAMES, isRemoteReference } from '../../render/kustomize/read-kustomization.ts';
import { isRemoteFileUrl } from '../../render/kustomize/overlay.ts';
import { describeNetworkError } from '../../render/fetch-parts.ts';
import { isMissingFile } from '../../render/remote-fetch.ts';
import type { Candidate, CandidateSearch, Planning } from './fix-model.ts';
import { readKeys } from './read-manifest-keys.ts';

/**
 * Directory entries read as remote fix candidates, at most: CRD-like names first (a `crds/`
 * directory may hold one file per CRD), then a few others.
 */
const REMOTE_CANDIDATE_CAPS = { crds: 64, others: 12 } as const;

/** Listed files larger than this are not read (Calico's 2.6 MB CRD file is well below). */
const CANDIDATE_SIZE_LIMIT = 32 * 1024 * 1024;

/** A remote file (or a remote kustomization's files) that may hold the dropped objects. */
interface RemoteCandidate {
  /** Its name relative to the directory of the old file, e.g. `operator-crds.yaml`. */
  readonly name: string;
  /** The entries that list it. */
  readonly urls: readonly string[];
  /** Identity keys of the objects it defines. */
  readonly keys: ReadonlySet<string>;
}

/** What reading one candidate gave: its objects, nothing (not there), or why it could not be read. */
type RemoteRead = { readonly found?: RemoteCandidate; readonly problem?: string };

/**
 * Yields sets of files next to the remote file that held the objects, each holding all of
 * them, smallest first: a file that holds everything as soon as it is read, then the fewest
 * files among all read. The consumer answers each with whether it failed verification; the
 * files of a failed set are not offered again (a file that breaks the build in one set would
 * in most others too). Sets `lookup.failed` when a listing or a download failed for another
 * reason than "not found".
 */
export async function* findRemoteCandidates(
  search: CandidateSearch,
  previous: ResourceEntry | undefined,
  beforePrevious: boolean,
  notes: string[],
  lookup: { failed: boolean },
): AsyncGenerator<Candidate, void, boolean | undefined> {
  const { group, required, what, planning } = search;
  // Look where the head side points now (the new release), else where the objects came from.
  const url = previous && isRemoteFileUrl(previous.value) ? previous.value : isRemoteFileUrl(group.source) ? group.source : undefined;
  if (!url) return;
  const fileName = posix.basename(new URL(url).pathname);
  const oldName = isRemoteFileUrl(group.source) ? posix.basename(new URL(group.source).pathname) : fileName;
  const names = await listRemoteNames(url, fileName, planning, notes, lookup);
  const toCandidate = (chosen: readonly RemoteCandidate[]): Candidate => ({
    source: FixSources.remote,
    entries: chosen.flatMap((candidate) => candidate.urls),
    files: [],
    description: `Keep ${what} that ${oldName} no longer carries: list ${chosen.map((candidate) => candidate.name).join(' and ')} from the same place${beforePrevious ? `, before ${fileName}` : ''}.`,
  });
  const read: RemoteCandidate[] = [];
  const rejected = new Set<string>();
  const offer = function* (chosen: readonly RemoteCandidate[]): Generator<Candidate, boolean, boolean | undefined> {
    const failed = yield toCandidate(chosen);
    if (failed) for (const candidate of chosen) rejected.add(candidate.name);
    return failed === true;
  };
  for (const name of names) {
    const result = await readRemoteCandidate(url, name, search);
    if (result.problem) {
      // The next names would wait on the same dead host, or get the same refusal.
      lookup.failed = true;
      notes.push(result.problem);
      break;
    }
    if (!result.found) continue;
    read.push(result.found);
    const { keys } = result.found;
    // One file that holds everything cannot be beaten; only if it fails is the rest read.
    if (required.every((key) => keys.has(key)) && !(yield* offer([result.found]))) return;
  }
  while (true) {
    const chosen = chooseCoveringSet(required, read.filter((candidate) => !rejected.has(candidate.name)));
    if (!chosen || chosen.length === 0) return;
    if (!(yield* offer(chosen))) return;
  }
}

/**
 * The names to read next to `url`: the GitHub directory listing (with a `crds/`-like
 * subdirectory) when there is one, else the names projects use.
 */
async function listRemoteNames(url: string, fileName: string, planning: Planning, notes: string[], lookup: { failed: boolean }): Promise<string[]> {
  const probes = listConventionalSiblings(fileName);
  const github = parseGitHubFileUrl(url);
  const { contents } = planning;
  if (!github || !contents) return probes;
  const directory = posix.dirname(github.path) === '.' ? '' : posix.dirname(github.path);
  try {
    const list = (path: string): Promise<DirectoryEntry[]> => contents.listDirectory(github.owner, github.repo, github.ref, path);
    const listing = await list(directory);
    const isFile = (entry: DirectoryEntry): boolean => entry.type === 'file' && entry.size <= CANDIDATE_SIZE_LIMIT;
    const files = listing.filter(isFile).map((entry) => entry.name);
    // CRDs often sit one level down, in crds/ or crd/.
    for (const sub of listing.filter((entry) => entry.type === 'dir' && /crd/i.test(entry.name))) {
      files.push(...(await list(posix.join(directory, sub.name))).filter(isFile).map((entry) => `${sub.name}/${entry.name}`));
    }
    // An empty answer (a 404: another GitHub, a private repository, a ref read wrongly) is no listing.
    return files.length > 0 ? rankCandidateFiles(files, fileName, REMOTE_CANDIDATE_CAPS) : probes;
  } catch (error) {
    // Not knowing what is there (a rate limit, an outage) is no reason to vendor: probe, and vendor nothing.
    lookup.failed = true;
    notes.push(`could not list ${github.owner}/${github.repo}/${directory} at ${github.ref}: ${describeGitHubError(error)}`);
    return probes;
  }
}

/**
 * Fetches a candidate next to `url`. A kustomization (`crds/kustomization.yaml`) stands for
 * the files it lists: kustomize cannot build a plain HTTP directory, so those become the entries.
 */
async function readRemoteCandidate(url: string, name: string, search: CandidateSearch): Promise<RemoteRead> {
  const { planning, affixes } = search;
  const fetchText = async (target: string): Promise<{ text?: string; problem?: string }> => {
    try {
      return { text: await planning.remote.fetcher.fetchText(target) };
    } catch (error) {
      // "Not there" is an answer; anything else (no answer, a refusal, a login page) is not.
      return isMissingFile(error) ? {} : { problem: redactCredentials(getErrorMessage(error)) };
    }
  };
  const sibling = replaceFileName(url, name);
  const fetched = await fetchText(sibling);
  if (fetched.text === undefined) return fetched.problem ? { problem: fetched.problem } : {};
  if (!(KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(posix.basename(name))) {
    const keys = readKeys(fetched.text, sibling, planning.scope, affixes);
    return keys ? { found: { name, urls: [sibling], keys } } : {};
  }
  const files = listResourceEntries(fetched.text)
    .map((entry) => entry.value)
    .filter((value) => !isRemoteReference(value) && /\.(ya?ml|json)$/i.test(value));
  if (files.length === 0) return {};
  const urls = files.map((file) => replaceFileName(url, posix.join(posix.dirname(name), file)));
  const keys = new Set<string>();
  for (const target of urls) {
    const part = await fetchText(target);
    const found = part.text === undefined ? undefined : readKeys(part.text, target, planning.scope, affixes);
    if (!found) return part.problem ? { problem: part.problem } : {};
    for (const key of found) keys.add(key);
  }
  return { found: { name, urls, keys } };
}

/**
 * `HTTP 403 (API rate limit exceeded)` for an answer; for no answer at all, what the network
 * said (Octokit gives those status 500 too, which would read as a server error).
 */
function describeGitHubError(error: unknown): string {
  const { status, response } = error as { status?: number; response?: { data?: unknown } };
  if (status && response) {
    const data = response.data as { message?: unknown } | undefined;
    return typeof data?.message === 'string' && data.message !== '' ? `HTTP ${status} (${data.message.split('\n')[0]})` : `HTTP ${status}`;
  }
  return describeNetworkError(error);
}
