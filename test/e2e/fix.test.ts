/**
 * The fix engine end to end: where the dropped CRDs went, the edit, its verification, and
 * `prune-guard fix [--write]`, with the real kustomize, real git, remote manifests served on
 * 127.0.0.1 behind --mirror, and the GitHub contents API of the request-validating server.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../github/fake-github.ts';
import {
  PROJECT_ROOT,
  commitAll,
  crd,
  git,
  fixOf,
  hasKustomize,
  kustomization,
  makeRepo,
  parseReport,
  runCli,
  serveFiles,
  writeTree,
  type FileServer,
} from './helpers.ts';

const CALICO = resolve(PROJECT_ROOT, '../shared/fixtures/calico');
const hasCalico = existsSync(join(CALICO, 'v3.30.0/operator-crds.yaml'));
const RAW = 'https://raw.githubusercontent.com/projectcalico/calico';
/** The upstream server on 127.0.0.1 that some kustomizations name directly: allowed by the operator, as --allow-remote does. */
const ALLOW_LOCAL = ['--allow-remote', '127.0.0.1'];
const KUSTOMIZATION = 'infrastructure/calico/kustomization.yaml';

const widget = (name: string): string => `apiVersion: example.io/v1\nkind: Widget\nmetadata:\n  name: ${name}\n  namespace: apps\n`;

describe.skipIf(!hasKustomize || !hasCalico)(
  `fix: Calico v3.29.3 -> v3.30.0 with the real URLs${hasKustomize && hasCalico ? '' : ` (skipped: ${hasKustomize ? `${CALICO} not found` : 'kubectl/kustomize not installed'})`}`,
  () => {
    let raw: FileServer;
    let github: FakeGitHub;
    let flags: string[];
    beforeAll(async () => {
      // raw.githubusercontent.com/projectcalico/calico/<tag>/manifests/<file>, served from ../shared.
      raw = await serveFiles(CALICO, (path) => path.replace(/^\/projectcalico\/calico\/([^/]+)\/manifests\//, '/$1/'));
      github = await startFakeGitHub();
      const files = Object.fromEntries(readdirSync(join(CALICO, 'v3.30.0')).map((name) => [`manifests/${name}`, readFileSync(join(CALICO, 'v3.30.0', name), 'utf8')]));
      github.addRepositoryFiles({ repository: 'projectcalico/calico', ref: 'v3.30.0', files: { ...files, 'manifests/README.md': '# Calico manifests\n' } });
      flags = ['--mirror', `https://raw.githubusercontent.com/=${raw.origin}/`, '--github-api-url', github.url];
    });
    afterAll(async () => {
      await raw.close();
      await github.close();
    });

    /** A repository on the branch that bumps Calico; temp dirs last one test. */
    function makeUpgradeRepo(): string {
      const repo = makeRepo({
        [KUSTOMIZATION]: [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          `  - ${RAW}/v3.29.3/manifests/tigera-operator.yaml # the operator`,
          '  - custom-resources.yaml',
          '',
        ].join('\n'),
      });
      copyFileSync(join(CALICO, 'v3.29.3/custom-resources.yaml'), join(repo, 'infrastructure/calico/custom-resources.yaml'));
      commitAll(repo, 'calico v3.29.3');
      git(repo, 'checkout', '-q', '-b', 'upgrade-calico');
      // The one-line change that pruned every Calico CRD.
      writeTree(repo, { [KUSTOMIZATION]: readFileSync(join(repo, KUSTOMIZATION), 'utf8').replace('v3.29.3', 'v3.30.0') });
      copyFileSync(join(CALICO, 'v3.30.0/custom-resources.yaml'), join(repo, 'infrastructure/calico/custom-resources.yaml'));
      commitAll(repo, 'upgrade calico to v3.30.0');
      return repo;
    }

    it('finds operator-crds.yaml through the contents API, verifies it, and attaches it to every pruned CRD', async () => {
      const repo = makeUpgradeRepo();
      raw.requests.length = 0;
      const result = await runCli(['--base', 'main', '--format', 'json', ...flags], { cwd: repo });
      expect(result.code).toBe(1);
      const report = parseReport(result);
      const pruned = report.findings.filter((finding) => finding.rule === 'crd-removed');
      expect(pruned).toHaveLength(24);
      // One fix, listed once, that every pruned CRD points at.
      expect(report.fixes).toHaveLength(1);
      expect(pruned.every((finding) => finding.fixIndex === 0)).toBe(true);
      const fix = fixOf(report, pruned[0]);
      expect(fix).toMatchObject({
        source: 'remote',
        verified: true,
        entries: [`${RAW}/v3.30.0/manifests/operator-crds.yaml`],
        files: [],
        edits: [
          {
            path: KUSTOMIZATION,
            startLine: 4,
            endLine: 4,
            replacement: `  - ${RAW}/v3.30.0/manifests/operator-crds.yaml\n  - ${RAW}/v3.30.0/manifests/tigera-operator.yaml # the operator`,
          },
        ],
      });
      expect(fix?.restores).toHaveLength(24);

      // The directory was listed once, at the head side's ref, and every request was valid.
      const listings = github.requests.filter((request) => request.operationId === 'repos/get-content');
      expect(listings.map((request) => [request.accepted, request.params.owner, request.params.repo, request.params.path, request.query.ref])).toEqual([
        [true, 'projectcalico', 'calico', 'manifests', 'v3.30.0'],
      ]);
      // Base render, head render and the verification build share one download per file.
      const counts = new Map<string, number>();
      for (const path of raw.requests) counts.set(path, (counts.get(path) ?? 0) + 1);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect([...counts.keys()].sort()).toEqual([
        '/projectcalico/calico/v3.29.3/manifests/tigera-operator.yaml',
        '/projectcalico/calico/v3.30.0/manifests/operator-crds.yaml',
        '/projectcalico/calico/v3.30.0/manifests/tigera-operator.yaml',
      ]);
    });

    it('prints the fix as a patch, and --write applies it so the next run passes', async () => {
      const repo = makeUpgradeRepo();
      const dryRun = await runCli(['fix', '--base', 'main', ...flags], { cwd: repo });
      expect(dryRun.code).toBe(1);
      expect(dryRun.stdout).toBe(
        [
          `diff --git a/${KUSTOMIZATION} b/${KUSTOMIZATION}`,
          `--- a/${KUSTOMIZATION}`,
          `+++ b/${KUSTOMIZATION}`,
          '@@ -1,5 +1,6 @@',
          ' apiVersion: kustomize.config.k8s.io/v1beta1',
          ' kind: Kustomization',
          ' resources:',
          `+  - ${RAW}/v3.30.0/manifests/operator-crds.yaml`,
          `   - ${RAW}/v3.30.0/manifests/tigera-operator.yaml # the operator`,
          '   - custom-resources.yaml',
          '',
        ].join('\n'),
      );
      expect(dryRun.stderr).toContain('prune-guard: verified fix: Keep the 24 CRDs that tigera-operator.yaml no longer carries');
      expect(git(repo, 'status', '--porcelain')).toBe('');

      const write = await runCli(['fix', '--base', 'main', '--write', ...flags], { cwd: repo });
      expect(write.code).toBe(0);
      expect(write.stdout).toBe(`updated ${KUSTOMIZATION}\n`);
      expect(write.stderr).toContain('after the change: Plan: 12 to add, 25 to change, 0 to prune; 0 errors');
      expect(git(repo, 'status', '--porcelain')).toBe(` M ${KUSTOMIZATION}\n`);

      const again = await runCli(['--base', 'main', ...flags], { cwd: repo });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('0 to prune');
      const nothing = await runCli(['fix', '--base', 'main', ...flags], { cwd: repo });
      expect(nothing.code).toBe(0);
      expect(nothing.stdout).toBe('');
      expect(nothing.stderr).toBe('prune-guard: nothing to fix: no finding at or above error\n');
    });

    it('probes conventional names when the GitHub API cannot be reached, and says nothing of it when that works', async () => {
      const result = await runCli(['--base', 'main', '--format', 'json', '--mirror', `https://raw.githubusercontent.com/=${raw.origin}/`], { cwd: makeUpgradeRepo() });
      const parsed = parseReport(result);
      const fix = fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'));
      expect(fix).toMatchObject({ source: 'remote', verified: true, entries: [`${RAW}/v3.30.0/manifests/operator-crds.yaml`] });
      // v3.30.0's CRD file also holds the CRDs new in that release (Goldmane, Whisker, ...): a reviewer is told.
      expect(fix?.description).toBe(
        'Keep the 24 CRDs that tigera-operator.yaml no longer carries: list operator-crds.yaml from the same place, before tigera-operator.yaml. It also adds 8 objects new to the render: CustomResourceDefinition/baselineadminnetworkpolicies.policy.networking.k8s.io, CustomResourceDefinition/gatewayapis.operator.tigera.io, CustomResourceDefinition/goldmanes.operator.tigera.io, and 5 more.',
      );
      // The custom resources of those new CRDs point at the fix too.
      expect(parsed.findings.filter((finding) => finding.rule === 'crd-missing').map((finding) => [finding.object.kind, finding.fixIndex])).toEqual([
        ['APIServer', 0],
        ['Goldmane', 0],
        ['Installation', 0],
        ['Whisker', 0],
      ]);
    });
  },
);

describe.skipIf(!hasKustomize)('fix: other sources', () => {
  let server: FileServer;
  let upstream: string;
  beforeAll(async () => {
    // An upstream that publishes one file per release and nothing next to it.
    upstream = mkdtempSync(join(tmpdir(), 'prune-guard-upstream-'));
    writeTree(upstream, {
      'v1/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
      'v2/operator.yaml': configMapYaml('operator', 'apps', 'v2'),
    });
    server = await serveFiles(upstream);
  });
  afterAll(async () => {
    await server.close();
    rmSync(upstream, { recursive: true, force: true });
  });

  it('finds CRDs a release moved into crds/kustomization.yaml, and lists the files it names', async () => {
    writeTree(upstream, {
      'v3/operator.yaml': configMapYaml('operator', 'apps', 'v3'),
      'v3/crds/kustomization.yaml': kustomization('widgets.yaml'),
      'v3/crds/widgets.yaml': crd('Widget', 'example.io'),
    });
    const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(`${server.origin}/v1/operator.yaml`) });
    writeTree(repo, { 'infra/kustomization.yaml': kustomization(`${server.origin}/v3/operator.yaml`) });
    const parsed = parseReport(await runCli(['--format', 'json', ...ALLOW_LOCAL], { cwd: repo }));
    const fix = fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'));
    expect(fix).toMatchObject({ source: 'remote', verified: true, entries: [`${server.origin}/v3/crds/widgets.yaml`] });
  });

  it('lists a crds/ directory next to a GitHub file through the contents API', async () => {
    const github = await startFakeGitHub();
    try {
      github.addRepositoryFiles({
        repository: 'example/widget-operator',
        ref: 'v3',
        files: {
          'deploy/operator.yaml': configMapYaml('operator', 'apps', 'v3'),
          'deploy/crds/widgets.example.io.yaml': crd('Widget', 'example.io'),
          'deploy/crds/README.md': 'CRDs\n',
        },
      });
      writeTree(upstream, {
        'example/widget-operator/v1/deploy/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
        'example/widget-operator/v3/deploy/operator.yaml': configMapYaml('operator', 'apps', 'v3'),
        'example/widget-operator/v3/deploy/crds/widgets.example.io.yaml': crd('Widget', 'example.io'),
      });
      const raw = (ref: string, path: string): string => `https://raw.githubusercontent.com/example/widget-operator/${ref}/deploy/${path}`;
      const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(raw('v1', 'operator.yaml')) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(raw('v3', 'operator.yaml')) });
      const result = await runCli(['--format', 'json', '--mirror', `https://raw.githubusercontent.com/=${server.origin}/`, '--github-api-url', github.url], { cwd: repo });
      const parsed = parseReport(result);
      const fix = fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'));
      expect(fix).toMatchObject({ source: 'remote', verified: true, entries: [raw('v3', 'crds/widgets.example.io.yaml')] });
      expect(github.requests.filter((request) => request.operationId === 'repos/get-content').map((request) => [request.accepted, request.params.path])).toEqual([
        [true, 'deploy'],
        [true, 'deploy/crds'],
      ]);
    } finally {
      await github.close();
    }
  });

  it('probes the conventional names when GitHub has no such directory (another GitHub, a private repository)', async () => {
    const github = await startFakeGitHub();
    try {
      writeTree(upstream, {
        'example/private-operator/v1/deploy/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
        'example/private-operator/v2/deploy/operator.yaml': configMapYaml('operator', 'apps', 'v2'),
        'example/private-operator/v2/deploy/operator-crds.yaml': crd('Widget', 'example.io'),
      });
      const raw = (ref: string, path: string): string => `https://raw.githubusercontent.com/example/private-operator/${ref}/deploy/${path}`;
      const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(raw('v1', 'operator.yaml')) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(raw('v2', 'operator.yaml')) });
      const result = await runCli(['--format', 'json', '--mirror', `https://raw.githubusercontent.com/=${server.origin}/`, '--github-api-url', github.url], { cwd: repo });
      const parsed = parseReport(result);
      expect(github.requests.map((request) => [request.operationId, request.status])).toEqual([['repos/get-content', 404]]);
      expect(fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'))).toMatchObject({ source: 'remote', verified: true, entries: [raw('v2', 'operator-crds.yaml')] });
    } finally {
      await github.close();
    }
  });

  it('points to the file of the tree that holds the CRDs but no kustomization lists', async () => {
    const repo = makeRepo({
      'apps/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'),
      'apps/crds.yaml': crd('Widget', 'example.io'),
      'apps/widgets.yaml': widget('first'),
    });
    // The CRDs moved into crds/ and the list was not updated.
    writeTree(repo, {
      'apps/kustomization.yaml': kustomization('widgets.yaml'),
      'apps/crds.yaml': null,
      'apps/crds/widgets.example.io.yaml': crd('Widget', 'example.io'),
    });

    const result = await runCli(['--format', 'json'], { cwd: repo });
    expect(result.code).toBe(1);
    const parsed = parseReport(result);
    const fix = fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'));
    // Placed before widgets.yaml, which brings in the Widgets that need the CRD.
    expect(fix).toMatchObject({
      source: 'local',
      verified: true,
      entries: ['crds/widgets.example.io.yaml'],
      files: [],
      edits: [{ path: 'apps/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds/widgets.example.io.yaml\n  - widgets.yaml' }],
    });

    const write = await runCli(['fix', '--write'], { cwd: repo });
    expect(write.code).toBe(0);
    expect(readFileSync(join(repo, 'apps/kustomization.yaml'), 'utf8')).toBe(kustomization('crds/widgets.example.io.yaml', 'widgets.yaml'));
    expect((await runCli([], { cwd: repo })).code).toBe(0);
  });

  it('vendors the CRDs as the old release had them when nothing provides them any more', async () => {
    const url = (version: string): string => `${server.origin}/${version}/operator.yaml`;
    const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(url('v1')) });
    git(repo, 'checkout', '-q', '-b', 'bump');
    writeTree(repo, { 'infra/kustomization.yaml': kustomization(url('v2')) });
    commitAll(repo, 'operator v2');

    const result = await runCli(['--base', 'main', '--format', 'json', ...ALLOW_LOCAL], { cwd: repo });
    expect(result.code).toBe(1);
    const parsed = parseReport(result);
    const fix = fixOf(parsed, parsed.findings.find((finding) => finding.rule === 'crd-removed'));
    expect(fix).toMatchObject({
      source: 'vendored',
      verified: true,
      entries: ['operator-crds.yaml'],
      edits: [{ path: 'infra/kustomization.yaml', startLine: 4, endLine: 4, replacement: `  - operator-crds.yaml\n  - ${url('v2')}` }],
    });
    expect(fix?.files.map((file) => file.path)).toEqual(['infra/operator-crds.yaml']);
    expect(fix?.files[0]?.content).toContain('name: widgets.example.io');
    expect(fix?.files[0]?.content).toContain(`# Vendored by prune-guard: ${url('v1')} no longer provides these objects,`);
    // Every conventional sibling was probed and none exists upstream.
    expect(server.requests).toContain('/v2/operator-crds.yaml');

    const markdown = await runCli(['--base', 'main', '--format', 'markdown', ...ALLOW_LOCAL], { cwd: repo });
    expect(markdown.stdout).toContain('New file `infra/operator-crds.yaml`:');

    const write = await runCli(['fix', '--base', 'main', '--write', ...ALLOW_LOCAL], { cwd: repo });
    expect(write.stdout).toBe('updated infra/kustomization.yaml\ncreated infra/operator-crds.yaml\n');
    expect(write.code).toBe(0);
    expect((await runCli(['--base', 'main', ...ALLOW_LOCAL], { cwd: repo })).code).toBe(0);
  });

  it('makes one fix of everything one kustomization dropped, so it applies in one go', async () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: widgets\n';
    const repo = makeRepo({
      'apps/kustomization.yaml': kustomization('crds.yaml', 'ns.yaml', 'widgets.yaml'),
      'apps/crds.yaml': crd('Widget', 'example.io'),
      'apps/ns.yaml': namespace,
      'apps/widgets.yaml': widget('first'),
    });
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('widgets.yaml') });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toHaveLength(1);
    // Widget/first, whose CRD goes, is resolved by the same fix.
    expect(report.findings.filter((finding) => finding.fixIndex === 0).map((finding) => finding.rule).sort()).toEqual(['crd-missing', 'crd-removed', 'namespace-removed']);
    expect(report.fixes[0]).toMatchObject({
      source: 'local',
      verified: true,
      entries: ['crds.yaml', 'ns.yaml'],
      edits: [{ path: 'apps/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds.yaml\n  - ns.yaml\n  - widgets.yaml' }],
    });
    const write = await runCli(['fix', '--write'], { cwd: repo });
    expect(write.code).toBe(0);
    expect(write.stderr).not.toContain('skipped');
    expect(readFileSync(join(repo, 'apps/kustomization.yaml'), 'utf8')).toBe(kustomization('crds.yaml', 'ns.yaml', 'widgets.yaml'));
  });

  it('fixes a base shared by two overlays once, verified with both', async () => {
    const repo = makeRepo({
      'base/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'),
      'base/crds.yaml': crd('Widget', 'example.io'),
      'base/widgets.yaml': widget('first'),
      'prod/kustomization.yaml': kustomization('../base'),
      'staging/kustomization.yaml': kustomization('../base'),
    });
    writeTree(repo, { 'base/kustomization.yaml': kustomization('widgets.yaml') });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    const pruned = report.findings.filter((finding) => finding.rule === 'crd-removed');
    expect(pruned.map((finding) => [finding.unit, finding.fixIndex])).toEqual([['prod', 0], ['staging', 0]]);
    expect(report.fixes).toHaveLength(1);
    expect(report.fixes[0]).toMatchObject({ verified: true, edits: [{ path: 'base/kustomization.yaml' }] });
  });

  it('proposes no fix for a shared base that another overlay it builds into would then fail', async () => {
    const repo = makeRepo({
      'base/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'),
      'base/crds.yaml': crd('Widget', 'example.io'),
      'base/widgets.yaml': widget('first'),
      'overlays/a/kustomization.yaml': kustomization('../../base'),
      'overlays/b/kustomization.yaml': kustomization('../../base'),
    });
    // The CRD moves into overlay b only: listing it in the base again would give b two of it.
    git(repo, 'mv', 'base/crds.yaml', 'overlays/b/crds.yaml');
    writeTree(repo, { 'base/kustomization.yaml': kustomization('widgets.yaml'), 'overlays/b/kustomization.yaml': kustomization('../../base', 'crds.yaml') });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.findings.map((finding) => [finding.unit, finding.rule])).toContainEqual(['overlays/a', 'crd-removed']);
    expect(report.fixes).toEqual([]);
    expect((await runCli(['fix'], { cwd: repo })).stderr).toContain(
      'prune-guard: no fix for the CustomResourceDefinition widgets.example.io listed at base/kustomization.yaml:4: with the one fix tried, a build failed or lost an object\n',
    );
  });

  it('keeps one of two fixes that collide in a unit, and points the findings of both at it', async () => {
    writeTree(upstream, {
      'pair/v1/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
      'pair/v1/extra.yaml': `${crd('Gadget', 'example.io')}---\n${configMapYaml('extra', 'apps')}`,
      'pair/v2/operator.yaml': configMapYaml('operator', 'apps', 'v2'),
      'pair/v2/extra.yaml': configMapYaml('extra', 'apps', 'v2'),
      // One file with both CRDs: the base's fix and the overlay's fix would each list it.
      'pair/v2/crds.yaml': `${crd('Widget', 'example.io')}---\n${crd('Gadget', 'example.io')}`,
    });
    const at = (version: string, file: string): string => `${server.origin}/pair/${version}/${file}`;
    const repo = makeRepo({ 'base/kustomization.yaml': kustomization(at('v1', 'operator.yaml')), 'overlay/kustomization.yaml': kustomization('../base', at('v1', 'extra.yaml')) });
    writeTree(repo, { 'base/kustomization.yaml': kustomization(at('v2', 'operator.yaml')), 'overlay/kustomization.yaml': kustomization('../base', at('v2', 'extra.yaml')) });
    const report = parseReport(await runCli(['--format', 'json', ...ALLOW_LOCAL], { cwd: repo }));
    expect(report.fixes).toMatchObject([{ verified: true, entries: [at('v2', 'crds.yaml')], edits: [{ path: 'base/kustomization.yaml' }] }]);
    const removed = report.findings.filter((finding) => finding.rule === 'crd-removed');
    // The overlay is the one root; its second fix would list crds.yaml twice.
    expect(removed.map((finding) => [finding.unit, finding.object.name, finding.fixIndex])).toEqual([
      ['overlay', 'gadgets.example.io', 0],
      ['overlay', 'widgets.example.io', 0],
    ]);
    const written = await runCli(['fix', '--write', ...ALLOW_LOCAL], { cwd: repo });
    expect(written.stdout).toBe('updated base/kustomization.yaml\n');
    expect(written.code).toBe(0);
  });

  it('fixes one cluster while another renders the same CRD unchanged: that is no move', async () => {
    const cluster = { 'kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'), 'crds.yaml': crd('Widget', 'example.io'), 'widgets.yaml': widget('first') };
    const repo = makeRepo(Object.fromEntries(['prod', 'staging'].flatMap((name) => Object.entries(cluster).map(([path, text]) => [`clusters/${name}/${path}`, text]))));
    writeTree(repo, { 'clusters/prod/kustomization.yaml': kustomization('widgets.yaml') });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toMatchObject([{ source: 'local', verified: true, entries: ['crds.yaml'], edits: [{ path: 'clusters/prod/kustomization.yaml' }] }]);
  });

  it('vendors what a namePrefix renamed as its source wrote it, so the prefix is not applied twice', async () => {
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n';
    const repo = makeRepo({ 'apps/kustomization.yaml': `namePrefix: prod-\n${kustomization('role.yaml', 'widgets.yaml')}`, 'apps/role.yaml': role, 'apps/widgets.yaml': configMapYaml('w', 'apps') });
    writeTree(repo, { 'apps/kustomization.yaml': `namePrefix: prod-\n${kustomization('widgets.yaml')}`, 'apps/role.yaml': null });
    const report = parseReport(await runCli(['--format', 'json', '--fail-on', 'warning'], { cwd: repo }));
    expect(report.findings.map((finding) => `${finding.rule} ${finding.object.name}`)).toEqual(['cluster-scoped-removed prod-reader']);
    expect(report.fixes).toMatchObject([{ source: 'vendored', verified: true, restores: ['rbac.authorization.k8s.io/ClusterRole//prod-reader'] }]);
    expect(report.fixes[0]?.files[0]?.content).toContain('  name: reader\n');
  });

  it('lists one file once when it holds what two dropped entries held', async () => {
    const repo = makeRepo({
      'apps/kustomization.yaml': kustomization('alpha.yaml', 'beta.yaml', 'widgets.yaml'),
      'apps/alpha.yaml': crd('Alpha', 'example.io', 'Cluster'),
      'apps/beta.yaml': crd('Beta', 'example.io', 'Cluster'),
      'apps/widgets.yaml': widget('first'),
    });
    writeTree(repo, {
      'apps/kustomization.yaml': kustomization('widgets.yaml'),
      'apps/alpha.yaml': null,
      'apps/beta.yaml': null,
      'apps/crds.yaml': `${crd('Alpha', 'example.io', 'Cluster')}---\n${crd('Beta', 'example.io', 'Cluster')}`,
    });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toHaveLength(1);
    expect(report.fixes[0]).toMatchObject({ verified: true, entries: ['crds.yaml'], restores: ['apiextensions.k8s.io/CustomResourceDefinition//alphas.example.io', 'apiextensions.k8s.io/CustomResourceDefinition//betas.example.io'] });
    expect(report.findings.filter((finding) => finding.rule === 'crd-removed').map((finding) => finding.fixIndex)).toEqual([0, 0]);
  });

  it('vendors into a shared base what the base had, not what one overlay made of it', async () => {
    const overlay = (env: string): string => `${kustomization('../base')}commonAnnotations:\n  env: ${env}\n`;
    const repo = makeRepo({
      'base/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'),
      'base/crds.yaml': crd('Widget', 'example.io'),
      'base/widgets.yaml': widget('first'),
      'prod/kustomization.yaml': overlay('prod'),
      'staging/kustomization.yaml': overlay('staging'),
    });
    writeTree(repo, { 'base/kustomization.yaml': kustomization('widgets.yaml'), 'base/crds.yaml': null });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toHaveLength(1);
    const [fix] = report.fixes;
    expect(fix).toMatchObject({ source: 'vendored', verified: true, entries: ['crds.yaml'] });
    expect(fix?.files.map((file) => file.path)).toEqual(['base/crds.yaml']);
    expect(fix?.files[0]?.content).toContain('name: widgets.example.io');
    expect(fix?.files[0]?.content).not.toContain('env:');
  });

  it.each<[string, Record<string, string>, Record<string, string | null>]>([
    [
      'a parent that stops including the directory: the directory itself is unchanged',
      { 'apps/kustomization.yaml': kustomization('crds', 'widgets.yaml'), 'apps/crds/kustomization.yaml': kustomization('widgets.example.io.yaml'), 'apps/crds/widgets.example.io.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') },
      { 'apps/kustomization.yaml': kustomization('widgets.yaml') },
    ],
    [
      'a cluster-scoped object that moves to another API group on purpose',
      {
        'apps/kustomization.yaml': kustomization('crds.yaml', 'tenant.yaml'),
        'apps/crds.yaml': `${crd('Tenant', 'example.io', 'Cluster')}---\n${crd('Tenant', 'example.dev', 'Cluster')}`,
        'apps/tenant.yaml': 'apiVersion: example.io/v1\nkind: Tenant\nmetadata:\n  name: blue\n',
      },
      { 'apps/tenant.yaml': 'apiVersion: example.dev/v1\nkind: Tenant\nmetadata:\n  name: blue\n' },
    ],
  ])('proposes no fix for %s', async (_name, base, head) => {
    const repo = makeRepo(base);
    writeTree(repo, head);
    const result = await runCli(['--format', 'json', '--fail-on', 'warning'], { cwd: repo });
    expect(parseReport(result).findings.length).toBeGreaterThan(0);
    expect(parseReport(result).fixes).toEqual([]);
    const fix = await runCli(['fix', '--fail-on', 'warning'], { cwd: repo });
    expect(fix.stdout).toBe('');
    expect(fix.stderr).toMatch(/^prune-guard: (no fix found for the \d+ findings? at or above warning|nothing to fix)/);
  });

  it('tries the next files upstream when the first that holds everything fails verification', async () => {
    const github = await startFakeGitHub();
    try {
      const operator = (version: string): string => configMapYaml('operator', 'apps', version);
      const release = {
        'deploy/operator.yaml': operator('v2'),
        // Holds both CRDs, but also the operator again: listing it next to operator.yaml cannot build.
        'deploy/bundle-with-crds.yaml': `${crd('Widget', 'example.io')}---\n${crd('Gadget', 'example.io')}---\n${operator('v2')}`,
        'deploy/crds/widgets.yaml': crd('Widget', 'example.io'),
        'deploy/crds/gadgets.yaml': crd('Gadget', 'example.io'),
      };
      github.addRepositoryFiles({ repository: 'example/bundled', ref: 'v2', files: release });
      writeTree(upstream, {
        'example/bundled/v1/deploy/operator.yaml': `${crd('Widget', 'example.io')}---\n${crd('Gadget', 'example.io')}---\n${operator('v1')}`,
        ...Object.fromEntries(Object.entries(release).map(([path, text]) => [`example/bundled/v2/${path}`, text])),
      });
      const raw = (ref: string, path: string): string => `https://raw.githubusercontent.com/example/bundled/${ref}/deploy/${path}`;
      const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(raw('v1', 'operator.yaml')) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(raw('v2', 'operator.yaml')) });
      const parsed = parseReport(await runCli(['--format', 'json', '--mirror', `https://raw.githubusercontent.com/=${server.origin}/`, '--github-api-url', github.url], { cwd: repo }));
      expect(parsed.fixes).toMatchObject([{ source: 'remote', verified: true, entries: [raw('v2', 'crds/gadgets.yaml'), raw('v2', 'crds/widgets.yaml')] }]);
    } finally {
      await github.close();
    }
  });

  it('reads every CRD file of a crds/ directory, however many', async () => {
    const github = await startFakeGitHub();
    try {
      const kinds = Array.from({ length: 15 }, (_, i) => `Thing${String(i + 1).padStart(2, '0')}`);
      const files = Object.fromEntries(kinds.map((kind) => [`deploy/crds/${kind.toLowerCase()}.yaml`, crd(kind, 'example.io')]));
      github.addRepositoryFiles({ repository: 'example/many', ref: 'v2', files: { 'deploy/operator.yaml': configMapYaml('operator', 'apps', 'v2'), ...files } });
      writeTree(upstream, {
        'example/many/v1/deploy/operator.yaml': [...kinds.map((kind) => crd(kind, 'example.io')), configMapYaml('operator', 'apps')].join('---\n'),
        'example/many/v2/deploy/operator.yaml': configMapYaml('operator', 'apps', 'v2'),
        ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`example/many/v2/${path}`, text])),
      });
      const raw = (ref: string, path: string): string => `https://raw.githubusercontent.com/example/many/${ref}/deploy/${path}`;
      const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(raw('v1', 'operator.yaml')) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(raw('v2', 'operator.yaml')) });
      const parsed = parseReport(await runCli(['--format', 'json', '--mirror', `https://raw.githubusercontent.com/=${server.origin}/`, '--github-api-url', github.url], { cwd: repo }));
      expect(parsed.fixes).toHaveLength(1);
      expect(parsed.fixes[0]).toMatchObject({ source: 'remote', verified: true });
      expect(parsed.fixes[0]?.entries).toEqual(kinds.map((kind) => raw('v2', `crds/${kind.toLowerCase()}.yaml`)));
    } finally {
      await github.close();
    }
  });

  it('vendors nothing when GitHub refuses the listing, and says why there is no fix', async () => {
    const github = await startFakeGitHub();
    try {
      github.forceResponse('repos/get-content', { status: 403, message: 'API rate limit exceeded' });
      writeTree(upstream, {
        'example/limited/v1/deploy/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
        'example/limited/v2/deploy/operator.yaml': configMapYaml('operator', 'apps', 'v2'),
        'example/limited/v2/deploy/widget-crd.yaml': crd('Widget', 'example.io'),
      });
      const raw = (ref: string): string => `https://raw.githubusercontent.com/example/limited/${ref}/deploy/operator.yaml`;
      const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(raw('v1')) });
      writeTree(repo, { 'infra/kustomization.yaml': kustomization(raw('v2')) });
      const flags = ['--mirror', `https://raw.githubusercontent.com/=${server.origin}/`, '--github-api-url', github.url];
      expect(parseReport(await runCli(['--format', 'json', ...flags], { cwd: repo })).fixes).toEqual([]);
      const fix = await runCli(['fix', ...flags], { cwd: repo });
      expect(fix.code).toBe(1);
      expect(fix.stderr).toBe(
        [
          'prune-guard: no fix for the CustomResourceDefinition widgets.example.io listed at infra/kustomization.yaml:4: could not list example/limited/deploy at v2: HTTP 403 (API rate limit exceeded)',
          'prune-guard: no fix found for the 1 finding at or above error; run prune-guard for the report',
          '',
        ].join('\n'),
      );
    } finally {
      await github.close();
    }
  });

  it('looks next to the new file when a release renamed it, not at the old ref', async () => {
    writeTree(upstream, {
      'renamed/v1/operator.yaml': `${crd('Widget', 'example.io')}---\n${configMapYaml('operator', 'apps')}`,
      'renamed/v1/crds.yaml': crd('Widget', 'example.io'),
      'renamed/v2/tigera-operator.yaml': configMapYaml('operator', 'apps', 'v2'),
      'renamed/v2/operator-crds.yaml': crd('Widget', 'example.io'),
    });
    const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(`${server.origin}/renamed/v1/operator.yaml`) });
    writeTree(repo, { 'infra/kustomization.yaml': kustomization(`${server.origin}/renamed/v2/tigera-operator.yaml`) });
    const parsed = parseReport(await runCli(['--format', 'json', ...ALLOW_LOCAL], { cwd: repo }));
    expect(parsed.fixes).toMatchObject([{ source: 'remote', verified: true, entries: [`${server.origin}/renamed/v2/operator-crds.yaml`] }]);
    expect(parsed.fixes[0]?.edits[0]?.replacement).toBe(`  - ${server.origin}/renamed/v2/operator-crds.yaml\n  - ${server.origin}/renamed/v2/tigera-operator.yaml`);
  });

  it('lists the directory the CRDs moved to when it renders them but nothing includes it', async () => {
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'), 'apps/crds.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') });
    writeTree(repo, {
      'apps/kustomization.yaml': kustomization('widgets.yaml'),
      'apps/crds.yaml': null,
      'apps/crds/kustomization.yaml': kustomization('widgets.yaml'),
      'apps/crds/widgets.yaml': crd('Widget', 'example.io'),
    });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toMatchObject([{ source: 'local', verified: true, entries: ['crds'], files: [] }]);
    expect((await runCli(['fix', '--write'], { cwd: repo })).code).toBe(0);
  });

  it('says that a local file listed as the fix also adds what else it holds', async () => {
    const extra = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n';
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'), 'apps/crds.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') });
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('widgets.yaml'), 'apps/crds.yaml': null, 'apps/examples/demo.yaml': `${extra}---\n${crd('Widget', 'example.io')}` });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toMatchObject([{ source: 'local', entries: ['examples/demo.yaml'] }]);
    expect(report.fixes[0]?.description).toBe(
      'Keep the CustomResourceDefinition widgets.example.io: list examples/demo.yaml, which holds it but no kustomization lists. It also adds an object new to the render: Namespace/demo.',
    );
  });

  it('fixes an entry dropped from the deprecated bases: list, in resources:', async () => {
    const repo = makeRepo({
      'apps/kustomization.yaml': 'bases:\n  - crds.yaml\n  - widgets.yaml\n',
      'apps/crds.yaml': crd('Widget', 'example.io'),
      'apps/widgets.yaml': widget('first'),
    });
    writeTree(repo, { 'apps/kustomization.yaml': 'bases:\n  - widgets.yaml\n' });
    const report = parseReport(await runCli(['--format', 'json'], { cwd: repo }));
    expect(report.fixes).toMatchObject([{ source: 'local', verified: true, entries: ['crds.yaml'] }]);
    const written = await runCli(['fix', '--write'], { cwd: repo });
    expect(written.code).toBe(0);
    expect(readFileSync(join(repo, 'apps/kustomization.yaml'), 'utf8')).toBe('bases:\n  - widgets.yaml\nresources:\n  - crds.yaml\n');
  });

  it('points the report at the fix command for the same sides', async () => {
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'), 'apps/crds.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') });
    git(repo, 'checkout', '-q', '-b', 'change');
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('widgets.yaml') });
    commitAll(repo, 'drop the CRDs');
    git(repo, 'checkout', '-q', 'main');
    const headed = await runCli(['apps', '--base', 'main', '--head', 'change'], { cwd: repo });
    expect(headed.stdout).toContain('Fix (on a checkout of change, prune-guard fix apps --base main shows the patch; with --write it applies it):');
    const headedMarkdown = await runCli(['--format', 'markdown', '--base', 'main', '--head', 'change', '--fail-on', 'warning'], { cwd: repo });
    expect(headedMarkdown.stdout).toContain('Apply locally, on a checkout of `change`, with `prune-guard fix --base main --fail-on warning --write`.');
    git(repo, 'checkout', '-q', 'change');
    const markdown = await runCli(['--format', 'markdown', '--base', 'main'], { cwd: repo });
    expect(markdown.stdout).toContain('Apply locally with `prune-guard fix --base main --write`.');
  });

  it('says how to apply the patch from a subdirectory, where a plain git apply would skip it', async () => {
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('crds.yaml', 'widgets.yaml'), 'apps/crds.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') });
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('widgets.yaml') });
    const shown = await runCli(['fix', '.'], { cwd: join(repo, 'apps') });
    expect(shown.stdout).toContain('+++ b/apps/kustomization.yaml');
    expect(shown.stderr).toContain('pipe this patch to git -C .. apply\n');
  });

  it('says that no fix was found, not that there is nothing to fix, for errors under --fail-on never', async () => {
    // A flow list is not edited: no fix, and the reason is given.
    const repo = makeRepo({ 'apps/kustomization.yaml': 'resources: [crds.yaml, widgets.yaml]\n', 'apps/crds.yaml': crd('Widget', 'example.io'), 'apps/widgets.yaml': widget('first') });
    writeTree(repo, { 'apps/kustomization.yaml': 'resources: [widgets.yaml]\n' });
    const fix = await runCli(['fix', '--fail-on', 'never'], { cwd: repo });
    expect(fix.stderr).toBe(
      [
        'prune-guard: no fix for the CustomResourceDefinition widgets.example.io listed at apps/kustomization.yaml:1: its resources: is not a block list prune-guard can add to without rewriting apps/kustomization.yaml',
        'prune-guard: no fix found for the 2 findings at or above warning; run prune-guard for the report',
        '',
      ].join('\n'),
    );
    expect(fix.code).toBe(0);
  });

  it('says when warnings below the gate were not looked at', async () => {
    const clusterRole = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n';
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('role.yaml', 'widgets.yaml'), 'apps/role.yaml': clusterRole, 'apps/widgets.yaml': configMapYaml('w', 'apps') });
    writeTree(repo, { 'apps/kustomization.yaml': kustomization('widgets.yaml') });
    const fix = await runCli(['fix'], { cwd: repo });
    expect(fix.code).toBe(0);
    expect(fix.stderr).toBe('prune-guard: nothing to fix: no finding at or above error; with --fail-on warning it also looks at the 1 warning\n');
    expect((await runCli(['fix', '--fail-on', 'warning'], { cwd: repo })).stdout).toContain('+  - role.yaml');
  });

  it('does not look at GITHUB_API_URL with --no-fix, which looks nothing up', async () => {
    const repo = makeRepo({ 'apps/kustomization.yaml': kustomization('widgets.yaml'), 'apps/widgets.yaml': widget('first') });
    expect((await runCli(['--no-fix'], { cwd: repo, env: { GITHUB_API_URL: 'ghe.example.com' } })).code).toBe(0);
    expect((await runCli([], { cwd: repo, env: { GITHUB_API_URL: 'ghe.example.com' } })).stderr).toBe("prune-guard: GITHUB_API_URL must be an http(s) URL, got 'ghe.example.com'\n");
  });

  it('checks only with --no-fix: no look-ups, no fixes', async () => {
    const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(`${server.origin}/v1/operator.yaml`) });
    writeTree(repo, { 'infra/kustomization.yaml': kustomization(`${server.origin}/v2/operator.yaml`) });
    server.requests.length = 0;
    const result = await runCli(['--format', 'json', '--no-fix', ...ALLOW_LOCAL], { cwd: repo });
    expect(result.code).toBe(1);
    expect(parseReport(result).fixes).toEqual([]);
    // The two manifests the builds need, and no probe for a CRD file.
    expect([...server.requests].sort()).toEqual(['/v1/operator.yaml', '/v2/operator.yaml']);
    expect((await runCli(['fix', '--format', 'json'], { cwd: repo })).stderr).toBe('prune-guard: fix prints a patch; --format applies to the check, not to fix\n');
  });

  it('exits 2 naming the URL when the network fails, never reporting the objects as pruned', async () => {
    const repo = makeRepo({ 'infra/kustomization.yaml': kustomization(`${RAW}/v3.29.3/manifests/tigera-operator.yaml`) });
    writeTree(repo, { 'infra/kustomization.yaml': kustomization(`${RAW}/v3.30.0/manifests/tigera-operator.yaml`) });
    const mirror = `http://127.0.0.1:${await findClosedPort()}/calico`;
    for (const args of [[], ['fix'], ['fix', '--write']]) {
      const result = await runCli([...args, '--mirror', `https://raw.githubusercontent.com/projectcalico/calico=${mirror}`], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(`^prune-guard: could not fetch ${RAW}/v3\\.\\d+\\.\\d+/manifests/tigera-operator\\.yaml \\(through the mirror ${mirror}/v3\\.\\d+\\.\\d+/manifests/tigera-operator\\.yaml\\): ECONNREFUSED \\(a resource of (main:)?infra\\); without network access, --mirror FROM=TO fetches it from a copy you host, and --cache-dir reuses earlier downloads\\n$`),
      );
    }
    expect(git(repo, 'status', '--porcelain')).toBe(' M infra/kustomization.yaml\n');
  });
});

/** A port nothing listens on: taken from the OS, then released. */
async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function configMapYaml(name: string, namespace: string, version = 'v1'): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\ndata:\n  version: ${version}\n`;
}
