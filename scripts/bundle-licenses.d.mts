// Types of bundle-licenses.mjs, for the tests that import it.
/** Why the build refuses its bundles: a package without a licence text, a stale fallback text, an import left to run time. */
export declare class BundleError extends Error {}

/** A bundled npm package. */
export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly dir: string;
  readonly bundles: Set<string>;
}

/** A bundled package with its licence texts. */
export interface LicensedPackage extends BundledPackage {
  readonly texts: ReadonlyArray<{ readonly source: string; readonly text: string }>;
}

/** The third-party packages in the given bundles, sorted by name then version. */
export declare function findBundledPackages(bundles: ReadonlyArray<{ file: string; metafile: { readonly inputs: Readonly<Record<string, unknown>> } }>, cwd: string): BundledPackage[];

/** The licence texts of each package, from its own files or a fallback text; throws a BundleError naming a package with neither. */
export declare function readLicenseTexts(packages: ReadonlyArray<BundledPackage>, fallbackDir: string, root: string): LicensedPackage[];

/** Third-party data in our own bundled sources (JSON with `source` and `license`), with its licence text. */
export interface LicensedData {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly bundles: Set<string>;
  readonly texts: ReadonlyArray<{ readonly source: string; readonly text: string }>;
}

/** The third-party data the bundles carry; throws a BundleError when its licence has no text in `dataTextDir`. */
export declare function findBundledData(bundles: ReadonlyArray<{ file: string; metafile: { readonly inputs: Readonly<Record<string, unknown>> } }>, cwd: string, dataTextDir: string): LicensedData[];

/** The text of dist/licenses.txt. */
export declare function formatLicenses(packages: ReadonlyArray<Omit<LicensedPackage, 'dir'>>): string;
