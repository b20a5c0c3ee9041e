import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookUpHelm, lookUpKustomize } from '../../src/render/tool-versions.ts';
import { makeTempDir } from '../e2e/helpers.ts';

/** A directory for PATH holding shell scripts by name. */
function binDir(scripts: Record<string, string>): string {
  const dir = makeTempDir('prune-guard-bin-');
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('lookUpKustomize', () => {
  it('asks kustomize itself, in the old format too', async () => {
    for (const output of ['v5.4.2', '{Version:kustomize/v4.5.7 GitCommit:56d82a8 BuildDate:2022-08-02}']) {
      const dir = binDir({ kustomize: `[ "$1" = version ] && echo '${output}'` });
      const lookup = await lookUpKustomize({ env: { PATH: dir } });
      expect(lookup).toEqual({ found: { version: /v[\d.]+/.exec(output)?.[0], command: 'kustomize build', path: join(dir, 'kustomize') } });
    }
  });

  it('asks kubectl which kustomize it carries when there is no kustomize', async () => {
    const dir = binDir({ kubectl: `echo '{"clientVersion": {"gitVersion": "v1.32.4"}, "kustomizeVersion": "v5.5.0"}'` });
    expect(await lookUpKustomize({ env: { PATH: dir } })).toEqual({ found: { version: 'v5.5.0', command: 'kubectl kustomize', path: join(dir, 'kubectl') } });
  });

  it('names a binary that will not say its version, without one', async () => {
    const dir = binDir({ kustomize: 'exit 3' });
    expect(await lookUpKustomize({ env: { PATH: dir } })).toEqual({ found: { version: null, command: 'kustomize build', path: join(dir, 'kustomize') } });
  });

  it('follows --kustomize-bin before PATH, and says why it found none', async () => {
    const dir = binDir({ kustomize: 'echo v5.0.0', other: 'echo v9.9.9' });
    expect(await lookUpKustomize({ kustomizeBin: join(dir, 'other'), env: { PATH: dir } })).toMatchObject({ found: { version: 'v9.9.9' } });
    expect(await lookUpKustomize({ kustomizeBin: '/nonexistent/kustomize', env: { PATH: dir } })).toEqual({ missing: 'kustomize binary not found or not executable: /nonexistent/kustomize (from --kustomize-bin)' });
    expect(await lookUpKustomize({ env: { PATH: makeTempDir() } })).toEqual({ missing: expect.stringMatching(/^neither kustomize nor kubectl is on PATH/) });
  });
});

describe('lookUpHelm', () => {
  it('asks helm for its short version', async () => {
    const dir = binDir({ helm: '[ "$1 $2" = "version --short" ] && echo v3.16.2+g13654a5' });
    expect(await lookUpHelm({ env: { PATH: dir } })).toEqual({ found: { version: 'v3.16.2+g13654a5', command: 'helm template', path: join(dir, 'helm') } });
  });

  it('says what a run without helm does', async () => {
    expect(await lookUpHelm({ env: { PATH: makeTempDir() } })).toEqual({ missing: 'not on PATH (HelmReleases are judged as single objects)' });
  });
});
