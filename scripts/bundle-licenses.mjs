/**
 * The licence notice of the bundles: which npm packages esbuild put into dist/, read from its
 * metafiles, and their licence texts from node_modules, as dist/licenses.txt. The bundles ship
 * without node_modules, so this file is the only place those licences travel with the code.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Why the build refuses its bundles: a package without a licence text, a stale fallback text, an import left to run time. */
export class BundleError extends Error {
  name = 'BundleError';
}

/** The files a package ships its licence in: LICENSE, LICENCE, COPYING, NOTICE, with any suffix. */
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:[-._].*)?$/i;

/** The last `node_modules/<name>` of an input path: the package it belongs to, nested or not. */
const PACKAGE_DIR = /^(.*(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+))\//;

/** `1.10.2` after `1.9.0`: numeric parts compared as numbers, the rest as text. */
function compareVersions(a, b) {
  const left = a.split(/[.+-]/);
  const right = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The declared licence: `license`, an old `{ type }` object, or the older `licenses` array. */
function readLicenseId(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === 'string' && license.trim()) return license.trim();
  if (license && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length > 0) return licenses.map((entry) => entry?.type ?? String(entry)).join(' OR ');
  return '(none declared)';
}

/**
 * The third-party packages in the given bundles, sorted by name then version, each with the
 * bundles it is in. A package found at several paths (npm nests the same version) is listed once.
 * @param {ReadonlyArray<{ file: string, metafile: import('esbuild').Metafile }>} bundles
 * @param {string} cwd the directory esbuild ran in (metafile paths are relative to it)
 */
export function findBundledPackages(bundles, cwd) {
  const packages = new Map();
  for (const bundle of bundles) {
    for (const input of Object.keys(bundle.metafile.inputs)) {
      const match = PACKAGE_DIR.exec(input.replaceAll('\\', '/'));
      if (!match) continue;
      const dir = resolve(cwd, match[1]);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const name = manifest.name ?? match[2];
      const key = `${name}@${manifest.version}`;
      const known = packages.get(key);
      if (known) known.bundles.add(bundle.file);
      else packages.set(key, { name, version: String(manifest.version), license: readLicenseId(manifest), dir, bundles: new Set([bundle.file]) });
    }
  }
  return [...packages.values()].sort((a, b) => (a.name === b.name ? compareVersions(a.version, b.version) : a.name < b.name ? -1 : 1));
}

/** The name of a package's fallback text: `@scope+name@1.2.3.txt`, one per exact version. */
function toFallbackName(pkg) {
  return `${pkg.name.replace('/', '+')}@${pkg.version}.txt`;
}

/** Licence text as LF lines without trailing blanks, the same on every checkout. */
function normalizeText(text) {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trimEnd();
}

/**
 * The licence texts of each package: its own LICENSE/COPYING/NOTICE files, or, for a package
 * that publishes none, a reviewed text from `fallbackDir` named after its exact version (so an
 * upgrade is looked at again). Throws a BundleError naming the package that has neither, and
 * for a fallback no bundled package needs any more.
 * @param {ReturnType<typeof findBundledPackages>} packages
 * @param {string} fallbackDir
 * @param {string} root paths in messages and in the notice are relative to it
 */
export function readLicenseTexts(packages, fallbackDir, root) {
  const show = (path) => relative(root, path).replaceAll('\\', '/');
  const unused = new Set(existsSync(fallbackDir) ? readdirSync(fallbackDir).filter((name) => name.endsWith('.txt')) : []);
  const result = packages.map((pkg) => {
    const files = readdirSync(pkg.dir)
      .filter((name) => LICENSE_FILE.test(name) && statSync(join(pkg.dir, name)).isFile())
      .sort();
    const fallback = toFallbackName(pkg);
    if (files.length > 0) {
      return { ...pkg, texts: files.map((file) => ({ source: file, text: normalizeText(readFileSync(join(pkg.dir, file), 'utf8')) })) };
    }
    if (!unused.has(fallback)) {
      throw new BundleError(
        `${pkg.name}@${pkg.version} is bundled but ships no LICENSE, COPYING or NOTICE file (${show(pkg.dir)}); ` +
          `write its licence text to ${show(join(fallbackDir, fallback))}`,
      );
    }
    unused.delete(fallback);
    return { ...pkg, texts: [{ source: `${show(join(fallbackDir, fallback))} (the package ships no licence file)`, text: normalizeText(readFileSync(join(fallbackDir, fallback), 'utf8')) }] };
  });
  const [stale] = [...unused].sort();
  if (stale) throw new BundleError(`${show(join(fallbackDir, stale))} is the licence text of no bundled package that lacks one: delete it`);
  return result;
}

/**
 * Data files of this repository that carry third-party data (a JSON object with `source`,
 * `commit` and `license`, such as the API removal table from pluto): listed like packages, with
 * the licence text `dataTextDir/<SPDX id>.txt`, so the data's licence travels with the bundles.
 * @param {ReadonlyArray<{ file: string, metafile: import('esbuild').Metafile }>} bundles
 * @param {string} cwd the directory esbuild ran in
 * @param {string} dataTextDir
 */
export function findBundledData(bundles, cwd, dataTextDir) {
  const found = new Map();
  for (const bundle of bundles) {
    for (const input of Object.keys(bundle.metafile.inputs)) {
      if (PACKAGE_DIR.test(input.replaceAll('\\', '/')) || !input.endsWith('.json')) continue;
      const data = JSON.parse(readFileSync(resolve(cwd, input), 'utf8'));
      if (typeof data?.source !== 'string' || typeof data.license !== 'string') continue;
      const known = found.get(input);
      if (known) {
        known.bundles.add(bundle.file);
        continue;
      }
      const id = data.license.split(/[\s,]/)[0];
      const textFile = join(dataTextDir, `${id}.txt`);
      if (!existsSync(textFile)) throw new BundleError(`${input} carries data under ${id}, and ${relative(cwd, textFile)} holds no text of that licence`);
      found.set(input, {
        name: `${data.source} (in ${input.replaceAll('\\', '/')})`,
        version: typeof data.commit === 'string' ? data.commit : '',
        license: data.license,
        bundles: new Set([bundle.file]),
        texts: [{ source: relative(cwd, textFile).replaceAll('\\', '/'), text: normalizeText(readFileSync(textFile, 'utf8')) }],
      });
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const RULE = '='.repeat(78);

/**
 * dist/licenses.txt: a header, then per package its name, version, declared licence, the
 * bundles it is in and the full text of each licence file. No paths or dates: the file only
 * changes when what is bundled does.
 * @param {ReturnType<typeof readLicenseTexts>} packages
 */
export function formatLicenses(packages) {
  const bundles = [...new Set(packages.flatMap((pkg) => [...pkg.bundles]))].sort();
  const lines = [
    `Third-party software bundled into ${bundles.join(' and ') || 'dist/'}, with its licences.`,
    'prune-guard itself is under the MIT licence (LICENSE). Generated by scripts/build.mjs: do not edit.',
    '',
    `${packages.length} ${packages.length === 1 ? 'component' : 'components'} (npm packages and data):`,
    ...packages.map((pkg) => `  ${pkg.name} ${pkg.version}: ${pkg.license}`),
  ];
  for (const pkg of packages) {
    lines.push('', RULE, `${pkg.name} ${pkg.version}`, `License: ${pkg.license}`, `Bundled into: ${[...pkg.bundles].sort().join(', ')}`);
    for (const { source, text } of pkg.texts) lines.push('', `--- ${source}`, '', text);
  }
  return `${lines.join('\n')}\n`;
}
