/**
 * The repository-contents port: lists a directory of a public (or token-readable) GitHub
 * repository at a ref, to see which files sit next to a remote manifest.
 */
import type { Octokit } from '@octokit/rest';
import { isRecord } from '../core/objects/kube-objects.ts';

/** One entry of a directory listing. */
export interface DirectoryEntry {
  /** File or directory name. */
  readonly name: string;
  /** `file`, `dir`, `symlink` or `submodule`. */
  readonly type: string;
  /** Size in bytes (0 for directories). */
  readonly size: number;
}

/** Reads repository directories. */
export interface RepositoryContents {
  /** Lists `path` of `owner/repo` at `ref`; an empty list when GitHub has no such directory. */
  listDirectory(owner: string, repo: string, ref: string, path: string): Promise<DirectoryEntry[]>;
}

/** A listing that takes longer is given up on: the fix falls back to probing names. */
const LISTING_TIMEOUT_MS = 15_000;

/**
 * Implements the port over Octokit (`GET /repos/{owner}/{repo}/contents/{path}`). Each
 * directory is asked for once per run, however many fixes look at it.
 */
export function createRepositoryContents(octokit: Octokit, timeoutMs = LISTING_TIMEOUT_MS): RepositoryContents {
  const memo = new Map<string, Promise<DirectoryEntry[]>>();
  const list = async (owner: string, repo: string, ref: string, path: string): Promise<DirectoryEntry[]> => {
    try {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, ref, path, request: { signal: AbortSignal.timeout(timeoutMs) } });
      const answer: unknown = data;
      // A file path answers with one object, not a listing.
      if (isRecord(answer) && typeof answer.type === 'string') return [];
      // A proxy's page or a stranger API is no listing, and must not read as an empty directory.
      if (!Array.isArray(answer)) throw new Error('the answer is not a directory listing');
      return answer.flatMap((entry: unknown) =>
        isRecord(entry) && typeof entry.name === 'string' && typeof entry.type === 'string' ? [{ name: entry.name, type: entry.type, size: typeof entry.size === 'number' ? entry.size : 0 }] : [],
      );
    } catch (error) {
      if ((error as { status?: number }).status === 404) return [];
      throw error;
    }
  };
  return {
    listDirectory: (owner, repo, ref, path) => {
      const key = JSON.stringify([owner.toLowerCase(), repo.toLowerCase(), ref, path]);
      let pending = memo.get(key);
      if (!pending) {
        pending = list(owner, repo, ref, path);
        memo.set(key, pending);
      }
      return pending;
    },
  };
}
