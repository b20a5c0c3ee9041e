/**
 * Errors the user can act on. Each maps to exit code 2 and prints as one line;
 * anything else is a bug and is reported as such.
 */

/** What kind of problem stopped the run. */
export const ErrorKinds = {
  usage: 'usage',
  config: 'config',
  render: 'render',
  manifest: 'manifest',
  git: 'git',
} as const;

/** One of {@link ErrorKinds}. */
export type ErrorKind = (typeof ErrorKinds)[keyof typeof ErrorKinds];

/** Base class of every error prune-guard expects and explains. */
export class PruneGuardError extends Error {
  /** Which kind of problem this is. */
  readonly kind: ErrorKind;
  /** Extra lines (e.g. kustomize's stderr) shown below the one-line cause. */
  readonly details: string | undefined;

  constructor(kind: ErrorKind, message: string, details?: string) {
    super(message);
    this.name = 'PruneGuardError';
    this.kind = kind;
    this.details = details;
  }
}

/** A bad command line or option value. */
export class UsageError extends PruneGuardError {
  constructor(message: string) {
    super(ErrorKinds.usage, message);
    this.name = 'UsageError';
  }
}

/** A bad configuration file or key. */
export class ConfigError extends PruneGuardError {
  constructor(message: string) {
    super(ErrorKinds.config, message);
    this.name = 'ConfigError';
  }
}

/** kustomize failed, could not be found, or timed out. */
export class RenderError extends PruneGuardError {
  constructor(message: string, details?: string) {
    super(ErrorKinds.render, message, details);
    this.name = 'RenderError';
  }
}

/**
 * The change names a place outside the repository where nothing may be read or written
 * (a Flux `spec.path` of `../../tmp`): the run stops before anything is created there.
 */
export class OutsideRepositoryError extends PruneGuardError {
  constructor(message: string) {
    super(ErrorKinds.render, message);
    this.name = 'OutsideRepositoryError';
  }
}

/** A rendered manifest could not be read as Kubernetes objects. */
export class ManifestError extends PruneGuardError {
  constructor(message: string) {
    super(ErrorKinds.manifest, message);
    this.name = 'ManifestError';
  }
}

/** A git operation failed: unknown ref, no merge base, not a repository. */
export class GitError extends PruneGuardError {
  constructor(message: string, details?: string) {
    super(ErrorKinds.git, message, details);
    this.name = 'GitError';
  }
}

/** Returns a message for anything thrown, Error or not. */
export function getErrorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
