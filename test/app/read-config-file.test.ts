import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../../src/core/config/config-model.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { loadConfig } from '../../src/app/read-config-file.ts';

describe('loadConfig', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'prune-guard-config-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['.prune-guard.yaml', '.prune-guard.yml'])('reads %s at the repository root', (name) => {
    writeFileSync(join(root, name), 'failOn: warning\nsources: [flux-system/infra]\n');
    expect(loadConfig({ repoRoot: root })).toEqual({ ...EMPTY_CONFIG, failOn: 'warning', sources: [{ kind: 'GitRepository', name: 'flux-system/infra' }] });
  });

  it('gives the empty config when the root has no file', () => {
    writeFileSync(join(root, 'prune-guard.yaml'), 'failOn: never\n');
    expect(loadConfig({ repoRoot: root })).toBe(EMPTY_CONFIG);
  });

  it('gives the empty config with nowhere to look', () => {
    expect(loadConfig({})).toBe(EMPTY_CONFIG);
  });

  it('refuses to choose between .yaml and .yml', () => {
    writeFileSync(join(root, '.prune-guard.yaml'), 'failOn: warning\n');
    writeFileSync(join(root, '.prune-guard.yml'), 'failOn: notice\n');
    expect(() => loadConfig({ repoRoot: root })).toThrow(
      new ConfigError('.prune-guard.yaml and .prune-guard.yml both exist at the repository root: keep one'),
    );
  });

  it('names the root file by its name in errors, with the line', () => {
    writeFileSync(join(root, '.prune-guard.yaml'), '# settings\nfailon: error\n');
    expect(() => loadConfig({ repoRoot: root })).toThrow(new ConfigError(".prune-guard.yaml:2: unknown key 'failon' (did you mean 'failOn'?)"));
  });

  it('reports a directory in place of the file', () => {
    mkdirSync(join(root, '.prune-guard.yaml'));
    expect(() => loadConfig({ repoRoot: root })).toThrow(new ConfigError('.prune-guard.yaml: is a directory, not a config file'));
  });

  it('reads an explicit path instead of the root file', () => {
    writeFileSync(join(root, '.prune-guard.yaml'), 'failOn: warning\n');
    const path = join(root, 'ci.yaml');
    writeFileSync(path, 'failOn: never\n');
    expect(loadConfig({ repoRoot: root, path })).toEqual({ ...EMPTY_CONFIG, failOn: 'never' });
  });

  it('names an explicit path as given in errors', () => {
    const path = join(root, 'ci.yaml');
    writeFileSync(path, 'ignore:\n  - ConfigMap\n');
    expect(() => loadConfig({ path })).toThrow(new RegExp(`^${escapeRegExp(path)}:2: ignore\\[0\\]: pattern 'ConfigMap' has 1 segment`));
  });

  it.each([
    ['a missing file', 'missing.yaml'],
    ['a file under a missing directory', 'nowhere/missing.yaml'],
    ['a file under a file', 'notes.txt/missing.yaml'],
  ])('rejects an explicit path to %s, naming it', (_name, relative) => {
    const path = join(root, relative);
    writeFileSync(join(root, 'notes.txt'), 'not a directory\n');
    // The root file must not stand in for a --config the user got wrong.
    writeFileSync(join(root, '.prune-guard.yaml'), 'failOn: warning\n');
    expect(() => loadConfig({ repoRoot: root, path })).toThrow(new ConfigError(`${path}: config file not found`));
  });

  it('rejects an explicit path that is a directory', () => {
    expect(() => loadConfig({ path: root })).toThrow(new ConfigError(`${root}: is a directory, not a config file`));
  });

  it('rejects an empty explicit path', () => {
    expect(() => loadConfig({ repoRoot: root, path: '' })).toThrow(new ConfigError('--config: the path is empty'));
  });

  it('reads an empty file as the empty config', () => {
    writeFileSync(join(root, '.prune-guard.yaml'), '');
    expect(loadConfig({ repoRoot: root })).toEqual(EMPTY_CONFIG);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
