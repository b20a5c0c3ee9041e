/** Types of flux-repo.mjs, for the tests that check the verdicts on the repository the bench times. */

/** One app of the generated repository. */
export interface FluxApp {
  readonly namespace: string;
  readonly name: string;
  readonly volume: boolean;
  readonly generator: boolean;
  readonly crds: boolean;
}

/** The generated repository's shape and the changes the scenarios make. */
export interface FluxRepositoryPlan {
  readonly namespaces: readonly string[];
  readonly apps: readonly FluxApp[];
  readonly bumped: FluxApp;
  readonly removedNamespace: string;
  readonly units: number;
}

/** Plans the repository: 100 apps in 10 namespaces unless told otherwise. */
export function planFluxRepository(options?: { namespaceCount?: number; appsPerNamespace?: number }): FluxRepositoryPlan;
/** The folder of one app's main unit. */
export function getAppPath(dir: string, app: FluxApp): string;
/** Writes the repository as on main. */
export function writeFluxRepository(dir: string, plan: FluxRepositoryPlan): void;
/** Bumps the image of one app. */
export function bumpImage(dir: string, plan: FluxRepositoryPlan): void;
/** Removes a whole namespace folder. */
export function removeNamespace(dir: string, plan: FluxRepositoryPlan): void;
