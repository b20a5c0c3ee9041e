import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBundledData, findBundledPackages, formatLicenses, readLicenseTexts } from '../../scripts/bundle-licenses.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with packages in node_modules: `{ 'name@version': { file: text } }`. */
function makeProject(packages: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'prune-guard-licenses-'));
  dirs.push(root);
  for (const [id, files] of Object.entries(packages)) {
    const at = id.lastIndexOf('@');
    const [name, version] = [id.slice(0, at), id.slice(at + 1)];
    const dir = join(root, 'node_modules', name);
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, license: 'MIT' }));
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  }
  return root;
}

/** A metafile listing one source file of each named package, plus our own. */
function metafileOf(...names: string[]): { inputs: Record<string, unknown> } {
  return { inputs: Object.fromEntries([['src/cli.ts', {}], ...names.map((name) => [`node_modules/${name}/lib/index.js`, {}])]) };
}

describe('scripts/bundle-licenses.mjs', () => {
  it('lists third-party data of our own sources with its licence text, and refuses data whose licence has no text', () => {
    const root = makeProject({});
    mkdirSync(join(root, 'src/data'), { recursive: true });
    writeFileSync(join(root, 'src/data/table.json'), JSON.stringify({ source: 'https://example.com/table.yaml', commit: 'abc123', license: 'Apache-2.0, Copyright Example', rows: [] }));
    writeFileSync(join(root, 'src/data/own.json'), JSON.stringify({ rows: [] }));
    const bundles = [{ file: 'dist/cli.js', metafile: { inputs: { 'src/data/table.json': {}, 'src/data/own.json': {}, 'src/cli.ts': {} } } }];
    const texts = join(root, 'texts');
    expect(() => findBundledData(bundles, root, texts)).toThrow('src/data/table.json carries data under Apache-2.0, and texts/Apache-2.0.txt holds no text of that licence');

    mkdirSync(texts);
    writeFileSync(join(texts, 'Apache-2.0.txt'), 'Apache License\r\nVersion 2.0  \n');
    const data = findBundledData(bundles, root, texts);
    expect(data.map((entry) => entry.name)).toEqual(['https://example.com/table.yaml (in src/data/table.json)']);
    expect(formatLicenses(data)).toContain('https://example.com/table.yaml (in src/data/table.json) abc123\nLicense: Apache-2.0, Copyright Example\nBundled into: dist/cli.js\n\n--- texts/Apache-2.0.txt\n\nApache License\nVersion 2.0\n');
  });

  it('lists each bundled package once, sorted, with its bundles and licence files', () => {
    const root = makeProject({ 'zeta@1.0.0': { LICENSE: 'Zeta licence\r\n' }, '@scope/alpha@2.0.0': { 'LICENSE.md': 'Alpha', NOTICE: 'Alpha notice' } });
    const found = findBundledPackages(
      [
        { file: 'dist/cli.js', metafile: metafileOf('zeta', '@scope/alpha') },
        { file: 'dist/action.js', metafile: metafileOf('zeta') },
      ],
      root,
    );
    expect(found.map((pkg) => [pkg.name, pkg.version, [...pkg.bundles].sort()])).toEqual([
      ['@scope/alpha', '2.0.0', ['dist/cli.js']],
      ['zeta', '1.0.0', ['dist/action.js', 'dist/cli.js']],
    ]);
    const text = formatLicenses(readLicenseTexts(found, join(root, 'fallbacks'), root));
    expect(text).toContain('@scope/alpha 2.0.0\nLicense: MIT\nBundled into: dist/cli.js\n\n--- LICENSE.md\n\nAlpha\n\n--- NOTICE\n\nAlpha notice\n');
    expect(text).toContain('--- LICENSE\n\nZeta licence\n');
    expect(text).not.toContain(root);
  });

  it('refuses a package without licence text, naming it, unless a fallback text for its exact version exists', () => {
    const root = makeProject({ 'bare@3.1.0': {} });
    const found = findBundledPackages([{ file: 'dist/action.js', metafile: metafileOf('bare') }], root);
    const fallbacks = join(root, 'fallbacks');
    expect(() => readLicenseTexts(found, fallbacks, root)).toThrow(/^bare@3\.1\.0 is bundled but ships no LICENSE, COPYING or NOTICE file .*fallbacks\/bare@3\.1\.0\.txt$/);

    mkdirSync(fallbacks);
    writeFileSync(join(fallbacks, 'bare@3.1.0.txt'), 'MIT, as its package.json says');
    expect(formatLicenses(readLicenseTexts(found, fallbacks, root))).toContain('--- fallbacks/bare@3.1.0.txt (the package ships no licence file)\n\nMIT, as its package.json says\n');
  });

  it('refuses a fallback text no bundled package needs', () => {
    const root = makeProject({ 'licensed@1.0.0': { LICENSE: 'text' } });
    const fallbacks = join(root, 'fallbacks');
    mkdirSync(fallbacks);
    writeFileSync(join(fallbacks, 'licensed@0.9.0.txt'), 'old');
    const found = findBundledPackages([{ file: 'dist/cli.js', metafile: metafileOf('licensed') }], root);
    expect(() => readLicenseTexts(found, fallbacks, root)).toThrow('fallbacks/licensed@0.9.0.txt is the licence text of no bundled package that lacks one: delete it');
  });
});
