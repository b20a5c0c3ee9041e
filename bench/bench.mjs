/**
 * Benchmark: prune-guard's wall time next to the bare kustomize builds it cannot avoid.
 *
 * prune-guard's cost is kustomize's cost plus ours. The builds it cannot avoid are one per
 * root whose inputs differ between the sides, on each side, and one per root whose inputs
 * are byte-identical (it renders those once). So the bench generates a synthetic Flux-style
 * repository, changes about 10% of its roots on a branch, and measures in the same run:
 *
 *   1. prune-guard end to end (`node dist/cli.js --base main --format json`): node start-up,
 *      the base worktree, reading and hashing the kustomization graphs, the builds (through
 *      its wrapper kustomization with origin annotations), parsing, diffing and the report.
 *   2. exactly the renders it needed (changed roots x 2 + unchanged roots x 1), run as bare
 *      `kustomize build` / `kubectl kustomize` in a pool as wide as prune-guard's default
 *      (os.availableParallelism()), and one after another to show what the pool buys.
 *   3. the naive cost, every root rendered on both sides in the same pool, to show what
 *      rendering identical roots once saves (skip it with --no-naive).
 *
 * The gap between 1 and 2 is prune-guard's overhead: the number to watch when its own code
 * changes. Each figure is one sample on a machine doing nothing else; compare runs on the
 * same machine, never across machines. Nothing here asserts a timing. What it does check is
 * the scenario itself: prune-guard must exit 1, since the removed CRDs must block.
 *
 * Usage: npm run bench [-- --roots N] [-- --objects-per-root M] [-- --no-naive]
 *        (or BENCH_ROOTS / BENCH_OBJECTS_PER_ROOT in the environment)
 * Needs git and kustomize or kubectl on PATH (PRUNE_GUARD_KUSTOMIZE picks another binary),
 * and dist/cli.js (`npm run bench` builds it first).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `Usage: node bench/bench.mjs [--roots N] [--objects-per-root M] [--no-naive]
  --roots N              kustomization roots to generate (default 200, env BENCH_ROOTS)
  --objects-per-root M   objects each root renders (default 100, env BENCH_OBJECTS_PER_ROOT)
  --no-naive             skip rendering every root on both sides
`;

const DEFAULT_ROOTS = 200;
const DEFAULT_OBJECTS_PER_ROOT = 100;
/** Share of roots the branch changes: a large pull request in a large repository. */
const CHANGED_SHARE = 0.1;
/** Of the changed roots, this share drops a CRD (the blocking kind); the rest bump an image. */
const CRD_REMOVAL_SHARE = 0.25;
/** Objects the shared base adds to each root that includes it. */
const BASE_OBJECTS = 3;
/** Objects of a root with CRDs: two CRDs, four Widgets, two Gadgets. */
const CRD_ROOT_OBJECTS = 8;
/** Namespace + base + CRDs + one Deployment: the smallest root that has every feature. */
const MIN_OBJECTS_PER_ROOT = 1 + BASE_OBJECTS + CRD_ROOT_OBJECTS + 1;
const BRANCH = 'change';
/** One root's render is well under a megabyte; prune-guard's JSON report can be large. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** An error the user can act on; printed as one line. */
class BenchError extends Error {}

/** Children still running, so a signal can end them instead of leaving them orphaned. */
const runningChildren = new Set();

/** Parses argv and the environment into bench options; throws BenchError on bad input. */
function parseOptions(argv, env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        roots: { type: 'string' },
        'objects-per-root': { type: 'string' },
        'no-naive': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new BenchError(`${error.message.split('. ')[0]} (see --help)`);
  }
  const { values } = parsed;
  const roots = readPositiveInteger('--roots', values.roots ?? env.BENCH_ROOTS, DEFAULT_ROOTS);
  const objectsPerRoot = readPositiveInteger(
    '--objects-per-root',
    values['objects-per-root'] ?? env.BENCH_OBJECTS_PER_ROOT,
    DEFAULT_OBJECTS_PER_ROOT,
  );
  if (objectsPerRoot < MIN_OBJECTS_PER_ROOT) {
    throw new BenchError(
      `--objects-per-root must be at least ${MIN_OBJECTS_PER_ROOT} (a Namespace, the shared base, CRDs and a Deployment)`,
    );
  }
  return { help: values.help, roots, objectsPerRoot, naive: !values['no-naive'] };
}

function readPositiveInteger(name, value, fallback) {
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new BenchError(`${name} must be a positive integer, got '${value}'`);
  return Number(value);
}

/**
 * Finds kustomize as prune-guard does (PRUNE_GUARD_KUSTOMIZE, then kustomize, then kubectl
 * on PATH); the bench hands the same binary to prune-guard so both sides time one tool.
 */
function findKustomize(env) {
  const explicit = env.PRUNE_GUARD_KUSTOMIZE || undefined;
  const bin = explicit
    ? findExecutable(explicit, env.PATH)
    : (findExecutable('kustomize', env.PATH) ?? findExecutable('kubectl', env.PATH));
  if (!bin) {
    throw new BenchError(
      explicit
        ? `kustomize binary not found or not executable: ${explicit} (from PRUNE_GUARD_KUSTOMIZE)`
        : 'neither kustomize nor kubectl is on PATH: install kubectl or kustomize',
    );
  }
  const prefix = basename(bin).startsWith('kubectl') ? ['kustomize'] : ['build'];
  return { bin, prefix, command: `${basename(bin)} ${prefix.join(' ')}` };
}

function findExecutable(name, pathList) {
  const candidates =
    name.includes('/') || isAbsolute(name)
      ? [resolve(name)]
      : (pathList ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs a program without a shell; resolves with its exit code, rejects only when it cannot run. */
function runCommand(file, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, ...options }, (error, stdout, stderr) => {
      runningChildren.delete(child);
      if (!error) resolvePromise({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolvePromise({ code: error.code, stdout, stderr });
      else if (error.code === 'ENOENT') reject(new BenchError(`${file} is not installed or not on PATH`));
      else reject(new BenchError(`${basename(file)} ${args.join(' ')}: ${error.signal ? `killed by ${error.signal}` : firstLine(error.message)}`));
    });
    runningChildren.add(child);
  });
}

function firstLine(text) {
  return (
    String(text)
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/** Runs git in the synthetic repository, independent of the user's git config and hooks. */
async function runGit(cwd, args) {
  const config = ['-c', 'user.name=prune-guard bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null'];
  const { code, stdout, stderr } = await runCommand('git', [...config, ...args], { cwd });
  if (code !== 0) throw new BenchError(`git ${args.join(' ')} failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return stdout;
}

/**
 * Decides the repository's shape: which roots include the shared base, which carry CRDs,
 * how many of each kind they hold, and which the branch changes. Changed roots are spread
 * over the repository rather than bunched at its start.
 */
function planRepository({ roots: rootCount, objectsPerRoot }) {
  const roots = Array.from({ length: rootCount }, (_, index) => {
    const usesBase = index % 3 === 0;
    const hasCrds = index % 4 === 0;
    const rest = objectsPerRoot - 1 - (usesBase ? BASE_OBJECTS : 0) - (hasCrds ? CRD_ROOT_OBJECTS : 0);
    const deployments = Math.max(1, Math.floor(rest / 3));
    const services = Math.floor(rest / 3);
    return {
      name: `app-${String(index + 1).padStart(3, '0')}`,
      usesBase,
      hasCrds,
      deployments,
      services,
      configMaps: rest - deployments - services,
    };
  });
  const changed = Math.max(1, Math.round(rootCount * CHANGED_SHARE));
  const crdRemovals = Math.max(1, Math.round(changed * CRD_REMOVAL_SHARE));
  const removeCrd = pickEvenly(roots.filter((root) => root.hasCrds), crdRemovals);
  const editImage = pickEvenly(roots.filter((root) => !removeCrd.includes(root)), changed - crdRemovals);
  const objects = roots.reduce((sum, root) => sum + countObjects(root, false), 0);
  return { roots, removeCrd, editImage, objects };
}

function pickEvenly(items, count) {
  return Array.from({ length: Math.min(count, items.length) }, (_, index) => items[Math.floor((index * items.length) / count)]);
}

/** Objects a root renders; after the change, a root that drops its Gadget CRD loses it and its two Gadgets. */
function countObjects(root, gadgetsRemoved) {
  const crds = root.hasCrds ? CRD_ROOT_OBJECTS - (gadgetsRemoved ? 3 : 0) : 0;
  return 1 + (root.usesBase ? BASE_OBJECTS : 0) + crds + root.deployments + root.services + root.configMaps;
}

/** Writes the whole repository as on main. */
function writeRepository(dir, plan) {
  writeSharedBase(join(dir, 'bases', 'common'));
  for (const root of plan.roots) writeRoot(join(dir, 'apps', root.name), root);
  writeFileSync(join(dir, 'README.md'), '# Synthetic Flux repository generated by prune-guard/bench/bench.mjs\n');
}

function writeSharedBase(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    joinLines([
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - service-account.yaml',
      '  - network-policy.yaml',
      '  - settings.yaml',
    ]),
  );
  writeFileSync(
    join(dir, 'service-account.yaml'),
    joinLines(['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: workload']),
  );
  writeFileSync(
    join(dir, 'network-policy.yaml'),
    joinLines([
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: default-deny-ingress',
      'spec:',
      '  podSelector: {}',
      '  policyTypes:',
      '    - Ingress',
    ]),
  );
  writeFileSync(
    join(dir, 'settings.yaml'),
    joinLines([
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: common-settings',
      'data:',
      '  LOG_FORMAT: json',
      '  LOG_LEVEL: info',
      '  OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector.observability:4317',
    ]),
  );
}

function writeRoot(dir, root) {
  mkdirSync(dir, { recursive: true });
  const resources = [
    'namespace.yaml',
    ...(root.usesBase ? ['../../bases/common'] : []),
    ...(root.hasCrds ? ['crds.yaml', 'custom-resources.yaml'] : []),
    'configmaps.yaml',
    'services.yaml',
    'deployments.yaml',
  ];
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    joinLines([
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      `namespace: ${root.name}`,
      'labels:',
      '  - pairs:',
      `      app.kubernetes.io/part-of: ${root.name}`,
      'resources:',
      ...resources.map((resource) => `  - ${resource}`),
    ]),
  );
  writeFileSync(join(dir, 'namespace.yaml'), joinLines(['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${root.name}`]));
  writeFileSync(join(dir, 'configmaps.yaml'), joinDocuments(range(root.configMaps).map((index) => renderConfigMap(root, index))));
  writeFileSync(join(dir, 'services.yaml'), joinDocuments(range(root.services).map((index) => renderService(index))));
  writeFileSync(join(dir, 'deployments.yaml'), joinDocuments(range(root.deployments).map((index) => renderDeployment(root, index, '1.0.0'))));
  if (root.hasCrds) writeCustomResources(dir, root, true);
}

/** Writes the root's CRDs and custom resources, with or without the Gadget kind. */
function writeCustomResources(dir, root, withGadgets) {
  const group = `${root.name}.bench.example.com`;
  const kinds = withGadgets ? ['Widget', 'Gadget'] : ['Widget'];
  writeFileSync(join(dir, 'crds.yaml'), joinDocuments(kinds.map((kind) => renderCrd(group, kind))));
  const resources = [
    ...range(4).map((index) => renderCustomResource(group, 'Widget', index)),
    ...(withGadgets ? range(2).map((index) => renderCustomResource(group, 'Gadget', index)) : []),
  ];
  writeFileSync(join(dir, 'custom-resources.yaml'), joinDocuments(resources));
}

/** Applies the branch's change: drop a CRD (and its objects) in some roots, bump an image in others. */
function changeRepository(dir, plan) {
  for (const root of plan.removeCrd) writeCustomResources(join(dir, 'apps', root.name), root, false);
  for (const root of plan.editImage) {
    const deployments = range(root.deployments).map((index) => renderDeployment(root, index, index === 0 ? '1.0.1' : '1.0.0'));
    writeFileSync(join(dir, 'apps', root.name, 'deployments.yaml'), joinDocuments(deployments));
  }
}

function renderConfigMap(root, index) {
  // The first ones back the Deployments' envFrom, the rest are plain settings.
  const name = index < root.deployments ? `svc-${pad(index)}-config` : `extra-${pad(index)}`;
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: ${name}`,
    'data:',
    `  SERVICE_NAME: ${name}`,
    '  HTTP_PORT: "8080"',
    `  UPSTREAM_URL: http://svc-${pad((index + 1) % Math.max(1, root.services))}.${root.name}.svc.cluster.local`,
    `  FEATURE_FLAGS: "search,${index % 2 === 0 ? 'beta' : 'stable'},cache"`,
  ];
}

function renderService(index) {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: svc-${pad(index)}`,
    'spec:',
    '  selector:',
    `    app.kubernetes.io/name: svc-${pad(index)}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: http',
  ];
}

function renderDeployment(root, index, tag) {
  const name = `svc-${pad(index)}`;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    'spec:',
    '  replicas: 2',
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '    spec:',
    `      serviceAccountName: ${root.usesBase ? 'workload' : 'default'}`,
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/${root.name}/${name}:${tag}`,
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    '          envFrom:',
    '            - configMapRef:',
    `                name: ${name}-config`,
    '          resources:',
    '            requests:',
    '              cpu: 50m',
    '              memory: 64Mi',
    '            limits:',
    '              memory: 128Mi',
    '          readinessProbe:',
    '            httpGet:',
    '              path: /healthz',
    '              port: http',
  ];
}

function renderCrd(group, kind) {
  const singular = kind.toLowerCase();
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: ${singular}s.${group}`,
    'spec:',
    `  group: ${group}`,
    '  names:',
    `    kind: ${kind}`,
    `    listKind: ${kind}List`,
    `    plural: ${singular}s`,
    `    singular: ${singular}`,
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
    '                size:',
    '                  type: integer',
    '                color:',
    '                  type: string',
  ];
}

function renderCustomResource(group, kind, index) {
  return [
    `apiVersion: ${group}/v1`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${kind.toLowerCase()}-${index}`,
    'spec:',
    `  size: ${index + 1}`,
    `  color: ${['blue', 'green', 'red', 'amber'][index % 4]}`,
  ];
}

function joinLines(lines) {
  return `${lines.join('\n')}\n`;
}

function joinDocuments(documents) {
  return documents.map(joinLines).join('---\n');
}

function range(count) {
  return Array.from({ length: count }, (_, index) => index);
}

function pad(index) {
  return String(index).padStart(3, '0');
}

/** Creates the synthetic repository: main with every root, then the branch with the change, checked out. */
async function createRepository(dir, plan) {
  mkdirSync(dir);
  await runGit(dir, ['init', '--quiet', '--initial-branch=main']);
  writeRepository(dir, plan);
  await runGit(dir, ['add', '--all']);
  await runGit(dir, ['commit', '--quiet', '--message', 'Synthetic Flux repository']);
  await runGit(dir, ['checkout', '--quiet', '-b', BRANCH]);
  changeRepository(dir, plan);
  await runGit(dir, ['commit', '--quiet', '--all', '--message', 'Drop some CRDs, bump some images']);
  await checkChangedRoots(dir, plan);
}

/**
 * Confirms that git sees exactly the planned roots as changed: the render counts below are
 * derived from the plan, so a generator slip would silently make the comparison unfair.
 */
async function checkChangedRoots(dir, plan) {
  const paths = (await runGit(dir, ['diff', '--name-only', 'main', BRANCH])).split('\n').filter(Boolean);
  const touched = new Set(paths.map((path) => path.split('/').slice(0, 2).join('/')));
  const planned = new Set([...plan.removeCrd, ...plan.editImage].map((root) => `apps/${root.name}`));
  const same = touched.size === planned.size && [...touched].every((path) => planned.has(path));
  if (!same) throw new BenchError(`the branch changes ${[...touched].join(', ')}, not the ${planned.size} planned roots`);
}

/** Builds one directory with bare kustomize and returns how long it took in milliseconds. */
async function buildKustomization(kustomize, dir) {
  const start = performance.now();
  // The same load restrictor prune-guard (and kustomize-controller) uses.
  const { code, stderr } = await runCommand(kustomize.bin, [...kustomize.prefix, '--load-restrictor', 'LoadRestrictionsNone', dir]);
  const elapsed = performance.now() - start;
  if (code !== 0) throw new BenchError(`${kustomize.command} ${dir} failed: ${firstLine(stderr) || `exit code ${code}`}`);
  return elapsed;
}

/** Builds the directories one after another; returns the sum of their times. */
async function timeBuildsInSequence(kustomize, dirs) {
  let total = 0;
  for (const dir of dirs) total += await buildKustomization(kustomize, dir);
  return total;
}

/** Builds the directories with `width` at once, as prune-guard does; returns the wall time. */
async function timeBuildsInPool(kustomize, dirs, width) {
  const start = performance.now();
  await mapInPool(dirs, width, (dir) => buildKustomization(kustomize, dir));
  return performance.now() - start;
}

/** Runs `task` over `items` with at most `width` at once; the first failure rejects. */
async function mapInPool(items, width, task) {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
}

/** Runs the bundled CLI on the synthetic repository; returns its wall time and parsed report. */
async function timePruneGuard(repo, kustomize) {
  const args = [CLI, '--base', 'main', '--format', 'json', '--kustomize-bin', kustomize.bin];
  const start = performance.now();
  const { code, stdout, stderr } = await runCommand(process.execPath, args, { cwd: repo });
  const elapsed = performance.now() - start;
  if (code !== 1) {
    const why = code === 0 ? 'nothing blocked, but the removed CRDs must' : firstLine(stderr) || 'no message';
    throw new BenchError(`prune-guard exited ${code}, expected 1: ${why}`);
  }
  let report;
  try {
    report = JSON.parse(stdout);
  } catch (error) {
    throw new BenchError(`prune-guard's JSON report does not parse: ${firstLine(error.message)}`);
  }
  return { elapsed, report };
}

/** Adds a detached worktree of `ref` at `dir`; the caller removes it. */
async function addWorktree(repo, dir, ref) {
  await runGit(repo, ['worktree', 'add', '--quiet', '--detach', dir, ref]);
}

async function removeWorktree(repo, dir) {
  try {
    await runGit(repo, ['worktree', 'remove', '--force', dir]);
  } catch {
    // The temp directory, repository included, is deleted right after.
  }
}

function formatSeconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function formatCount(count) {
  return count.toLocaleString('en-US');
}

function formatSigned(value, text) {
  return `${value >= 0 ? '+' : '-'}${text}`;
}

/** Reports prune-guard's verdict, and says so when the counts differ from what the change implies. */
function describeVerdict(report, plan) {
  const { summary } = report;
  const sum = (side) => report.units.reduce((total, unit) => total + (unit[side] ?? 0), 0);
  const findings = Object.entries(summary.findings)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const crds = summary.pruneByKind?.CustomResourceDefinition ?? 0;
  const lines = [
    `prune-guard: exit 1, ${formatCount(summary.prune)} to prune (${crds} CRDs), ${formatCount(summary.change)} to change, ` +
      `${report.findings.length} findings (${findings}); ${formatCount(sum('before'))} objects before, ${formatCount(sum('after'))} after`,
  ];
  const expected = {
    prune: plan.removeCrd.length * 3,
    change: plan.editImage.length,
    before: plan.objects,
  };
  if (summary.prune !== expected.prune || summary.change !== expected.change || sum('before') !== expected.before) {
    lines.push(
      `note: the change implies ${expected.prune} to prune, ${expected.change} to change, ${formatCount(expected.before)} objects before`,
    );
  }
  return lines;
}

function printTable({ plan, cpus, kustomize, pruneGuard, needed, naive, verdict, setupMs, totalMs }) {
  const changedRoots = plan.removeCrd.length + plan.editImage.length;
  const rows = [
    ['prune-guard (end to end)', formatSeconds(pruneGuard.elapsed)],
    [
      `bare ${kustomize.command}, renders it needed (${formatCount(needed.count)})`,
      `${formatSeconds(needed.pool)} in a pool of ${cpus}   (${formatSeconds(needed.sequence)} one after another)`,
    ],
    ...(naive ? [[`bare ${kustomize.command}, every root twice (${formatCount(naive.count)})`, `${formatSeconds(naive.pool)} in a pool of ${cpus}`]] : []),
  ];
  const overhead = pruneGuard.elapsed - needed.pool;
  rows.push([
    'overhead over the needed bare builds',
    `${formatSigned(overhead, formatSeconds(Math.abs(overhead)))} (${formatSigned(overhead, `${Math.round((Math.abs(overhead) / needed.pool) * 100)}%`)})`,
  ]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 3;
  const lines = [
    `prune-guard bench: ${formatCount(plan.roots.length)} roots, ${formatCount(plan.objects)} objects (${changedRoots} changed roots), ${cpus} CPUs`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`),
    ...verdict.map((line) => `  ${line}`),
    `  bench took ${formatSeconds(totalMs)} in all (${formatSeconds(setupMs)} generating the repository)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function logProgress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs the benchmark; returns the exit code. */
async function main() {
  const benchStart = performance.now();
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(CLI)) throw new BenchError(`${CLI} not found: run npm run build first (npm run bench does)`);
  const kustomize = findKustomize(process.env);
  const cpus = availableParallelism();
  const plan = planRepository(options);

  const temp = mkdtempSync(join(tmpdir(), 'prune-guard-bench-'));
  const repo = join(temp, 'repo');
  const baseSide = join(temp, 'main');
  let worktreeAdded = false;
  const removeTemp = () => rmSync(temp, { recursive: true, force: true });
  // Ctrl-C skips `finally`: end our children and remove the temp directory here.
  const onSignal = (signal) => {
    for (const child of runningChildren) child.kill();
    removeTemp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    logProgress(`generating ${formatCount(plan.roots.length)} roots, ${formatCount(plan.objects)} objects in ${temp}`);
    await createRepository(repo, plan);
    await addWorktree(repo, baseSide, 'main');
    worktreeAdded = true;
    const setupMs = performance.now() - benchStart;

    const changed = new Set([...plan.removeCrd, ...plan.editImage]);
    const headDirs = plan.roots.map((root) => join(repo, 'apps', root.name));
    const baseDirs = plan.roots.map((root) => join(baseSide, 'apps', root.name));
    const neededDirs = [...plan.roots.flatMap((root, index) => (changed.has(root) ? [baseDirs[index]] : [])), ...headDirs];

    // Untimed: the first build pays for loading the binary from disk, whichever line runs first.
    await buildKustomization(kustomize, headDirs[0]);

    logProgress('timing prune-guard');
    const pruneGuard = await timePruneGuard(repo, kustomize);
    logProgress(`timing ${neededDirs.length} bare builds in a pool of ${cpus}`);
    const neededPool = await timeBuildsInPool(kustomize, neededDirs, cpus);
    logProgress(`timing ${neededDirs.length} bare builds one after another`);
    const neededSequence = await timeBuildsInSequence(kustomize, neededDirs);
    let naive;
    if (options.naive) {
      const naiveDirs = [...baseDirs, ...headDirs];
      logProgress(`timing ${naiveDirs.length} bare builds (every root on both sides) in a pool of ${cpus}`);
      naive = { count: naiveDirs.length, pool: await timeBuildsInPool(kustomize, naiveDirs, cpus) };
    }

    printTable({
      plan,
      cpus,
      kustomize,
      pruneGuard,
      needed: { count: neededDirs.length, pool: neededPool, sequence: neededSequence },
      naive,
      verdict: describeVerdict(pruneGuard.report, plan),
      setupMs,
      totalMs: performance.now() - benchStart,
    });
    return 0;
  } finally {
    if (worktreeAdded) await removeWorktree(repo, baseSide);
    removeTemp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof BenchError ? error.message : `unexpected error: ${error?.stack ?? error}`}\n`);
  process.exitCode = 1;
}
