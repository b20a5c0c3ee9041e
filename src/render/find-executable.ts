/**
 * Finding the binaries prune-guard runs (kustomize, kubectl, helm, prlimit) the way a shell
 * would, without a shell.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** `name` as a path when it holds a `/`, else the first executable of that name on `pathList`; undefined when none is. */
export function findExecutable(name: string, pathList: string | undefined): string | undefined {
  const candidates = name.includes('/') || isAbsolute(name) ? [resolve(name)] : (pathList ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
