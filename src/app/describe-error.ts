/**
 * The one line both adapters print when a run stops: the error's own message, and for a
 * download that got no answer at all, what an air-gapped runner can do about it.
 */
import { PruneGuardError, getErrorMessage } from '../core/errors.ts';
import { FetchError } from '../render/remote-fetch.ts';

/** `prune-guard: <message>`, unescaped: the caller escapes it for its log. */
export function describeRunError(error: unknown): string {
  if (!(error instanceof PruneGuardError)) return `prune-guard: unexpected error: ${getErrorMessage(error)}`;
  // No answer at all (not an HTTP error): the runner may have no way out, which a mirror or a filled cache solves.
  const hint = error instanceof FetchError && error.status === undefined ? '; without network access, --mirror FROM=TO fetches it from a copy you host, and --cache-dir reuses earlier downloads' : '';
  return `prune-guard: ${error.message}${hint}`;
}
