import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RenderError, UsageError } from '../../../src/core/errors.ts';
import { createKustomizeRunner, DEFAULT_MEMORY_LIMIT, formatBytes, limitBuilds, readMemoryLimit, summarizeKustomizeError, type KustomizeRunner } from '../../../src/render/kustomize/kustomize-runner.ts';

describe('summarizeKustomizeError', () => {
  it.each([
    [
      'kubectl, quoted klog error, file retried as a directory',
      `E1122 03:37:59.641923    4913 run.go:72] "command failed" err="accumulating resources: accumulation err='accumulating resources from 'gone.yaml': open gone.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on 'gone.yaml' : lstat gone.yaml: no such file or directory"\n`,
      "accumulating resources: accumulating resources from 'gone.yaml': open gone.yaml: no such file or directory",
    ],
    [
      'kubectl, multi-line klog error, URL retried as a git repo',
      `E1122 03:37:59.596724    4901 run.go:72] "command failed" err=<\n\taccumulating resources: accumulation err='accumulating resources from 'http://127.0.0.1:9/x/y/z.yaml': Get "http://127.0.0.1:9/x/y/z.yaml": dial tcp 127.0.0.1:9: connect: connection refused': failed to run '/usr/bin/git fetch --depth=1 http://127.0.0.1:9/x/y HEAD': fatal: unable to access 'http://127.0.0.1:9/x/y/': Failed to connect\n\t: exit status 128\n >\n`,
      `accumulating resources: accumulating resources from 'http://127.0.0.1:9/x/y/z.yaml': Get "http://127.0.0.1:9/x/y/z.yaml": dial tcp 127.0.0.1:9: connect: connection refused`,
    ],
    [
      'kustomize CLI error',
      "Error: accumulating resources: accumulating resources from 'cm.yaml': MalformedYAMLError: yaml: line 5: mapping values are not allowed in this context in File: cm.yaml\n",
      "accumulating resources: accumulating resources from 'cm.yaml': MalformedYAMLError: yaml: line 5: mapping values are not allowed in this context in File: cm.yaml",
    ],
    ['an unknown tool', 'something odd happened\nsecond line\n', 'something odd happened'],
  ])('%s', (_name, stderr, expected) => {
    expect(summarizeKustomizeError(stderr)).toBe(expected);
  });
});

function isOnPath(name: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasKustomize = isOnPath('kustomize') || isOnPath('kubectl');
const hasPrlimit = isOnPath('prlimit');
const CALICO = resolve(fileURLToPath(import.meta.url), '../../../../../shared/fixtures/calico/v3.30.0');
// The Calico manifests live beside the repository, not in it; a clone without them skips, saying so.
const hasCalico = existsSync(join(CALICO, 'operator-crds.yaml'));

const dirs: string[] = [];
function makeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-kustomize-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A billion laughs: ten levels of nine aliases each, 9^9 scalars once expanded; a few
 * hundred bytes that drove kustomize to tens of GB without a cap.
 */
function writeAliasBomb(dir: string): void {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', `x0: &x0 [${Array(9).fill('lol').join(', ')}]`];
  for (let level = 1; level <= 9; level++) lines.push(`x${level}: &x${level} [${Array(9).fill(`*x${level - 1}`).join(', ')}]`);
  writeFileSync(join(dir, 'bomb.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- bomb.yaml\n');
}

describe('readMemoryLimit', () => {
  it.each([
    [undefined, DEFAULT_MEMORY_LIMIT],
    ['', DEFAULT_MEMORY_LIMIT],
    ['0', 0],
    ['2GiB', 2 * 1024 ** 3],
    ['2G', 2 * 1024 ** 3],
    ['2Gi', 2 * 1024 ** 3],
    ['512MiB', 512 * 1024 ** 2],
    ['512 mb', 512 * 1024 ** 2],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['1048576', 1024 ** 2],
  ])('%j', (value, expected) => {
    expect(readMemoryLimit({ PRUNE_GUARD_MEMORY_LIMIT: value })).toBe(expected);
  });

  it.each(['lots', '2 PiB', '-1G', '1e9'])('refuses %j', (value) => {
    expect(() => readMemoryLimit({ PRUNE_GUARD_MEMORY_LIMIT: value })).toThrow(UsageError);
  });

  it('defaults to 1 GiB', () => {
    expect(formatBytes(DEFAULT_MEMORY_LIMIT)).toBe('1 GiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1536 MiB');
  });
});

describe('kustomize runner limits', () => {
  it('fails a build that prints more than the output cap, in one line', async () => {
    const bin = join(makeDir(), 'kustomize');
    writeFileSync(bin, '#!/bin/sh\nhead -c 100000 /dev/zero | tr "\\0" x\n');
    chmodSync(bin, 0o755);
    const runner = createKustomizeRunner({ bin, env: { PATH: process.env.PATH }, maxOutputBytes: 64 * 1024 });
    await expect(runner.build(makeDir())).rejects.toThrow(new RenderError('kustomize build printed more than 64 KiB, the most prune-guard reads from one build'));
  });

  it.skipIf(!hasKustomize || !hasCalico)(`builds Calico's CRDs under the default cap${hasCalico ? '' : ' (skipped: ../shared/fixtures/calico is absent)'}`, async () => {
    const dir = makeDir();
    for (const file of ['operator-crds.yaml', 'tigera-operator.yaml']) copyFileSync(join(CALICO, file), join(dir, file));
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n- operator-crds.yaml\n- tigera-operator.yaml\n');
    const output = await createKustomizeRunner({ env: process.env }).build(dir);
    expect(output).toContain('name: ippools.crd.projectcalico.org');
  });

  // Without prlimit (macOS) there is no cap, and the bomb would eat the machine.
  it.skipIf(!hasKustomize || !hasPrlimit)('stops an alias bomb at the memory cap within seconds', async () => {
    const dir = makeDir();
    mkdirSync(join(dir, 'app'));
    writeAliasBomb(join(dir, 'app'));
    const runner = createKustomizeRunner({ env: { ...process.env, PRUNE_GUARD_MEMORY_LIMIT: '256MiB' } });
    const started = Date.now();
    const error: unknown = await runner.build(join(dir, 'app')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).message).toBe(
      'ran out of memory (limit 256 MiB; a YAML alias bomb? PRUNE_GUARD_MEMORY_LIMIT raises the limit)',
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it.skipIf(!hasKustomize || !hasPrlimit)('names the cap when it is too small for kustomize to start', async () => {
    const dir = makeDir();
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: []\n');
    const runner = createKustomizeRunner({ env: { ...process.env, PRUNE_GUARD_MEMORY_LIMIT: '1MiB' } });
    await expect(runner.build(dir)).rejects.toThrow('ran out of memory (limit 1 MiB;');
  });
});

describe('limitBuilds', () => {
  it('lets no more builds run than the width, and starts the next one before the caller of a finished build gets its output', async () => {
    const events: string[] = [];
    let running = 0;
    let peak = 0;
    const finish = new Map<string, () => void>();
    const runner: KustomizeRunner = {
      command: 'fake kustomize',
      build: (dir) =>
        new Promise((resolvePromise) => {
          running += 1;
          peak = Math.max(peak, running);
          events.push(`start ${dir}`);
          finish.set(dir, () => {
            running -= 1;
            resolvePromise(`output of ${dir}`);
          });
        }),
    };
    const limited = limitBuilds(runner, 2);
    const renders = ['a', 'b', 'c', 'd'].map(async (dir) => {
      const output = await limited.build(dir);
      // What a render does with its output (parsing it) comes after the next build started.
      events.push(`parse ${output}`);
    });
    await new Promise((done) => setTimeout(done, 1));
    expect(events).toEqual(['start a', 'start b']);
    finish.get('a')?.();
    await new Promise((done) => setTimeout(done, 1));
    expect(events).toEqual(['start a', 'start b', 'start c', 'parse output of a']);
    for (const dir of ['b', 'c']) finish.get(dir)?.();
    await new Promise((done) => setTimeout(done, 1));
    finish.get('d')?.();
    await Promise.all(renders);
    expect(peak).toBe(2);
    expect(events.filter((event) => event.startsWith('parse'))).toHaveLength(4);
  });
});
