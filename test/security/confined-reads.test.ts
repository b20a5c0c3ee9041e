/**
 * A pull request must not read the runner's files into the report: every path a
 * kustomization names is resolved (symlinks too) before anything is built, a path outside
 * the repository is a blocking finding that names it, and nothing of the file shows up in
 * any format.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, configMap, hasKustomize, kustomization, makeRepo, makeTempDir, parseReport, runCli, writeTree } from '../e2e/helpers.ts';
import { kustomizationYaml } from '../helpers/flux.ts';
import { expectAbsent, expectExitCode, runEveryFormat } from './helpers.ts';

const PLANTED = 'PLANTED-OUTSIDE-7f3a9c';

/** A file outside any repository holding the planted value, as a manifest and as plain text. */
function plantOutside(): { dir: string; text: string; manifest: string } {
  const dir = makeTempDir('prune-guard-outside-');
  writeFileSync(join(dir, 'secret.txt'), `token=${PLANTED}\n`);
  writeFileSync(join(dir, 'secret.yaml'), configMap(PLANTED.toLowerCase(), 'default', { token: PLANTED }));
  return { dir, text: join(dir, 'secret.txt'), manifest: join(dir, 'secret.yaml') };
}

/** A repository whose `app` root renders one ConfigMap on main; the working tree is the change. */
function makeAppRepo(): string {
  return makeRepo({ 'app/kustomization.yaml': kustomization('cm.yaml'), 'app/cm.yaml': configMap('app', 'default') });
}

/** Runs the check in every format and asserts the documented outcome: exit 1, one finding per path, nothing planted shown. */
async function expectOutsideRead(repo: string, written: string): Promise<void> {
  const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
  expectExitCode(runs, 1);
  expectAbsent(runs, [PLANTED, PLANTED.toLowerCase()]);
  const json = runs.find((run) => run.format === 'json');
  const report = parseReport(json ?? runs[0]!);
  const finding = report.findings.find((candidate) => candidate.rule === 'reads-outside-repository');
  expect(finding?.severity).toBe('error');
  expect(finding?.message).toContain(`reads a file outside the repository: ${written}`);
  // The unit is not judged: nothing of it reads as removed.
  expect(report.summary.prune).toBe(0);
}

describe.skipIf(!hasKustomize)('reads outside the repository', () => {
  it('a generator file given as an absolute path', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    writeTree(repo, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}configMapGenerator:\n  - name: leak\n    namespace: default\n    files:\n      - x=${outside.text}\n`,
    });
    await expectOutsideRead(repo, outside.text);
  });

  it('a resource reached through ../', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    const written = relative(join(repo, 'app'), outside.manifest);
    writeTree(repo, { 'app/kustomization.yaml': kustomization('cm.yaml', written) });
    await expectOutsideRead(repo, written);
  });

  it('.git/config, where actions/checkout keeps the token', async () => {
    const repo = makeAppRepo();
    execFileSync('git', ['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${PLANTED}`], { cwd: repo });
    writeTree(repo, { 'app/kustomization.yaml': `${kustomization('cm.yaml')}configMapGenerator:\n  - name: git\n    namespace: default\n    files: [config=../.git/config]\n` });
    await expectOutsideRead(repo, '../.git/config');
  });

  it('/proc/self/environ, with a token planted in the environment', async () => {
    const repo = makeAppRepo();
    writeTree(repo, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}configMapGenerator:\n  - name: env\n    namespace: default\n    envs:\n      - /proc/self/environ\n`,
    });
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo, env: { GITHUB_TOKEN: `ghs_${PLANTED}`, 'INPUT_GITHUB-TOKEN': `ghs_${PLANTED}` } });
    expectExitCode(runs, 1);
    expectAbsent(runs, [PLANTED]);
    expect(parseReport(runs.find((run) => run.format === 'json')!).findings[0]?.message).toContain('/proc/self/environ (configMapGenerator[0].envs)');
  });

  it('a symlink inside the repository that points outside it', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    symlinkSync(outside.manifest, join(repo, 'app/extra.yaml'));
    writeTree(repo, { 'app/kustomization.yaml': kustomization('cm.yaml', 'extra.yaml') });
    await expectOutsideRead(repo, 'extra.yaml');
  });

  it('a symlinked directory, and a kustomization file that is itself a symlink out', async () => {
    const outside = plantOutside();
    writeFileSync(join(outside.dir, 'kustomization.yaml'), kustomization('secret.yaml'));
    const repo = makeAppRepo();
    symlinkSync(outside.dir, join(repo, 'app/vendor'));
    writeTree(repo, { 'app/kustomization.yaml': kustomization('cm.yaml', 'vendor'), 'other/kustomization.yaml': null });
    await expectOutsideRead(repo, 'vendor');

    const second = makeAppRepo();
    writeTree(second, { 'app/kustomization.yaml': null });
    symlinkSync(join(outside.dir, 'kustomization.yaml'), join(second, 'app/kustomization.yaml'));
    await expectOutsideRead(second, 'kustomization.yaml');
  });

  it('replacements that would copy the file into an object name, and transformer configurations (a file, inline) with a path', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    writeTree(repo, {
      'app/kustomization.yaml': [
        kustomization('cm.yaml'),
        'configMapGenerator:',
        '  - name: leak',
        '    namespace: default',
        `    files: [token=${outside.text}]`,
        '    options: {disableNameSuffixHash: true}',
        'replacements:',
        '  - source: {kind: ConfigMap, name: leak, fieldPath: data.token}',
        '    targets:',
        '      - select: {kind: ConfigMap, name: app}',
        '        fieldPaths: [metadata.name]',
        '',
      ].join('\n'),
    });
    await expectOutsideRead(repo, outside.text);

    const plugin = makeAppRepo();
    writeTree(plugin, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}transformers:\n  - patch.yaml\n`,
      'app/patch.yaml': `apiVersion: builtin\nkind: PatchTransformer\nmetadata:\n  name: p\npath: ${outside.manifest}\ntarget:\n  kind: ConfigMap\n`,
    });
    await expectOutsideRead(plugin, outside.manifest);

    const inline = makeAppRepo();
    writeTree(inline, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}transformers:\n  - |\n    apiVersion: builtin\n    kind: PatchTransformer\n    metadata:\n      name: p\n    path: ${outside.manifest}\n`,
    });
    await expectOutsideRead(inline, outside.manifest);
  });

  it("what only kustomize's reading of the file shows: a duplicate key, an alias, a merge key, !!binary, a field name in another case", async () => {
    const outside = plantOutside();
    const generator = (files: string): string => `  - name: leak\n    namespace: default\n    options: {disableNameSuffixHash: true}\n    files: [${files}]\n`;
    const cases: Array<[string, string]> = [
      [`configMapGenerator:\n${generator('x=cm.yaml')}configMapGenerator:\n${generator(`x=${outside.text}`)}`, outside.text],
      [`commonAnnotations:\n  note: &p x=${outside.text}\nconfigMapGenerator:\n  - name: leak\n    namespace: default\n    files: [*p]\n`, outside.text],
      [`base: &b\n  configMapGenerator:\n    - name: leak\n      namespace: default\n      files: [x=${outside.text}]\n<<: *b\n`, outside.text],
      [`configMapGenerator:\n  - name: leak\n    namespace: default\n    files: [!!binary ${Buffer.from(outside.text).toString('base64')}]\n`, outside.text],
      // Go's JSON decoding matches field names case-insensitively, the long s folding to s.
      [`ConfigMapGenerator:\n  - name: leak\n    namespace: default\n    Files: [x=${outside.text}]\n`, outside.text],
      [`\u017fecretGenerator:\n  - name: leak\n    namespace: default\n    FILES: [x=${outside.text}]\n`, outside.text],
      [`RESOURCES: [${outside.manifest}]\n`, outside.manifest],
      // kustomize cleans paths by their text: `x\n/..` cancels out, newline and all.
      [`configMapGenerator:\n  - name: leak\n    namespace: default\n    files: ["x=y\\n/../../.git/config"]\n`, 'y\n/../../.git/config'],
    ];
    for (const [extra, written] of cases) {
      const repo = makeAppRepo();
      writeTree(repo, { 'app/kustomization.yaml': `${kustomization('cm.yaml')}${extra}` });
      await expectOutsideRead(repo, written);
    }
  });

  it('a path holding a NUL character is one line and exit 2, not a crash', async () => {
    const repo = makeAppRepo();
    writeTree(repo, { 'app/kustomization.yaml': `${kustomization('cm.yaml')}components: ["\\0"]\n` });
    const result = await runCli(['--base', 'main'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: app/kustomization.yaml:5: components holds a NUL character\n');
  });

  it('an anchor merged into itself is one line and exit 2, not a crash', async () => {
    const repo = makeAppRepo();
    writeTree(repo, { 'app/kustomization.yaml': `${kustomization('cm.yaml')}loop: &l\n  <<: *l\n` });
    const result = await runCli(['--base', 'main'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('prune-guard: app/kustomization.yaml: a YAML alias or merge key refers to itself; refused before building\n');
  });

  it('plugin configurations in a directory of their own, and a one-line inline one', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    writeTree(repo, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}generators: [gens]\n`,
      'app/gens/kustomization.yaml': kustomization('gen.yaml'),
      'app/gens/gen.yaml': `apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: leak\n  namespace: default\nenvs: [${outside.text}]\n`,
    });
    await expectOutsideRead(repo, outside.text);

    const oneLine = makeAppRepo();
    writeTree(oneLine, {
      'app/kustomization.yaml': `${kustomization('cm.yaml')}generators:\n  - "{apiVersion: builtin, kind: ConfigMapGenerator, metadata: {name: leak, namespace: default}, envs: [${outside.text}]}"\n`,
    });
    await expectOutsideRead(oneLine, outside.text);
  });

  it('../ under a symlinked directory, which kustomize resolves from the real directory', async () => {
    const outside = plantOutside();
    const repo = makeAppRepo();
    // app/a/b/link -> ../../../vendor/top: inside the repository, but ../../ from there climbs out of it.
    writeTree(repo, {
      'vendor/top/kustomization.yaml': `configMapGenerator:\n  - name: leak\n    namespace: default\n    files: [x=../../../${relative(dirname(repo), outside.text)}]\n`,
      'app/kustomization.yaml': kustomization('cm.yaml', 'a/b/link'),
    });
    mkdirSync(join(repo, 'app/a/b'), { recursive: true });
    symlinkSync('../../../vendor/top', join(repo, 'app/a/b/link'));
    await expectOutsideRead(repo, `../../../${relative(dirname(repo), outside.text)}`);
  });

  it('reports only a notice when the base side already read outside, and judges the other roots', async () => {
    const outside = plantOutside();
    const repo = makeRepo({
      'app/kustomization.yaml': kustomization('cm.yaml', outside.manifest),
      'app/cm.yaml': configMap('app', 'default'),
      'db/kustomization.yaml': kustomization('ns.yaml'),
      'db/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: db\n',
    });
    writeTree(repo, { 'app/kustomization.yaml': kustomization('cm.yaml'), 'db/kustomization.yaml': kustomization('cm.yaml'), 'db/cm.yaml': configMap('db', 'default') });
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
    expectAbsent(runs, [PLANTED]);
    const report = parseReport(runs.find((run) => run.format === 'json')!);
    const rules = report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit}`);
    expect(rules).toEqual(['error namespace-removed db', 'notice reads-outside-repository app']);
    expect(report.units.find((unit) => unit.name === 'app')?.skipped).toContain('reads a file outside the repository before the change');
  });
});

describe.skipIf(!hasKustomize)('Flux paths stay inside', () => {
  it('a spec.path that climbs out of the repository stops the run, and nothing is created out there', async () => {
    const target = makeTempDir('prune-guard-escape-');
    const repo = makeRepo({ 'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }), 'apps/cm.yaml': configMap('app', 'default') });
    // Deep enough to climb out of any temp directory, then down into the target.
    const climb = `${'../'.repeat(12)}${target.replace(/^\//, '')}`;
    writeTree(repo, { 'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: `./${climb}` }) });
    const result = await runCli(['--base', 'main'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`prune-guard: Flux Kustomization flux-system/apps: spec.path ./${climb} leads outside the repository`);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(dirname(target)).filter((entry) => entry.startsWith('.prune-guard-build-'))).toEqual([]);
  });

  it('a unit whose kustomization reads outside is not rendered; the other units are still judged', async () => {
    const outside = plantOutside();
    const repo = makeRepo({
      'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }) + `---\n${kustomizationYaml('infra', { path: './infra' })}`,
      'apps/kustomization.yaml': kustomization('cm.yaml'),
      'apps/cm.yaml': configMap('app', 'default'),
      'infra/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: infra\n',
    });
    writeTree(repo, {
      'apps/kustomization.yaml': `${kustomization()}configMapGenerator:\n  - name: leak\n    namespace: default\n    files: [x=${outside.text}]\n`,
      'infra/ns.yaml': null,
      'infra/keep.yaml': configMap('keep', 'default'),
    });
    const runs = await runEveryFormat(['--base', 'main'], { cwd: repo });
    expectExitCode(runs, 1);
    expectAbsent(runs, [PLANTED]);
    const report = parseReport(runs.find((run) => run.format === 'json')!);
    const rules = report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit}`);
    // The ConfigMap that left apps is not reported as pruned: apps is not judged.
    expect(rules).toEqual(['error reads-outside-repository flux-system/apps', 'error namespace-removed flux-system/infra', 'notice kustomization-not-rendered flux-system/apps']);
  });

  it('the Kustomizations of a parent that is not rendered are unknown, not removed', async () => {
    const outside = plantOutside();
    const repo = makeRepo({
      'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }),
      // The prefix makes the rendered child (prod-web) differ from the one its file declares.
      'apps/kustomization.yaml': `${kustomization('web.yaml')}namePrefix: prod-\n`,
      'apps/web.yaml': kustomizationYaml('web', { path: './web' }),
      'web/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n',
    });
    writeTree(repo, { 'apps/kustomization.yaml': `${kustomization('web.yaml')}namePrefix: prod-\nconfigMapGenerator:\n  - name: leak\n    namespace: default\n    files: [x=${outside.text}]\n` });
    const result = await runCli(['--base', 'main', '--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const report = parseReport(result);
    // web's Namespace is not reported as pruned with a removed Kustomization.
    expect(report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit}`)).toEqual([
      'error reads-outside-repository flux-system/apps',
      'notice kustomization-not-rendered flux-system/apps',
      'notice kustomization-not-rendered flux-system/prod-web',
    ]);
    expect(report.findings.at(-1)?.message).toContain('its parent flux-system/apps is not rendered after the change');
    expect(report.summary.prune).toBe(0);
  });

  it('a symlink out of the repository never reaches the artifact, and naming it is reading outside', async () => {
    const outside = plantOutside();
    const repo = makeRepo({ 'clusters/prod/apps.yaml': kustomizationYaml('apps', { path: './apps' }), 'apps/kustomization.yaml': kustomization('cm.yaml'), 'apps/cm.yaml': configMap('app', 'default') });
    symlinkSync(outside.manifest, join(repo, 'apps/leak.yaml'));
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('cm.yaml', 'leak.yaml') });
    commitAll(repo, 'the change');
    const runs = await runEveryFormat(['--base', 'main~1', '--head', 'main'], { cwd: repo });
    expectExitCode(runs, 1);
    expectAbsent(runs, [PLANTED, PLANTED.toLowerCase()]);
    expect(parseReport(runs.find((run) => run.format === 'json')!).findings[0]?.message).toContain('reads a file outside the repository: leak.yaml');
  });
});
