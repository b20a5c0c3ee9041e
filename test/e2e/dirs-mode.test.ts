/**
 * `prune-guard diff BEFORE AFTER` end to end: verdicts, exit codes, formats and errors,
 * with real kustomize on small trees of our own.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, PROJECT_ROOT, configMap, crd, hasKustomize, hasScript, kustomization, makeTempDir, parseReport, runCli, serveFiles, writeTree, type FileServer, type Tree } from './helpers.ts';

/** Writes `before` and `after` trees into a temp dir and returns it. */
function sides(before: Tree, after: Tree): string {
  const dir = makeTempDir();
  writeTree(join(dir, 'before'), before);
  writeTree(join(dir, 'after'), after);
  return dir;
}

/** Runs `diff before after` on test/fixtures/NAME. */
function runFixture(name: string, ...args: string[]): ReturnType<typeof runCli> {
  return runCli(['diff', 'before', 'after', ...args], { cwd: join(FIXTURES, name) });
}

const ONE_LINE_ERROR = /^prune-guard: [^\n]+\n$/;

describe.skipIf(!hasKustomize)('diff mode', () => {
  // Builds skip kustomize's origin annotations where no object comes or goes; the report must not notice.
  it.each(['api-group-change', 'namespace-removed', 'removals-by-severity', 'secret-change'])(
    '%s: every finding and every added or pruned object names its source',
    async (name) => {
      const report = parseReport(await runFixture(name, '--format', 'json', '--no-fix'));
      const entries = [...(report.changes.added ?? []), ...(report.changes.removed ?? [])];
      expect(entries.length + report.findings.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry.provenance, JSON.stringify(entry.object)).toMatchObject({ kustomization: expect.stringMatching(/kustomization\.yaml$/) });
      for (const finding of report.findings) expect(finding.provenance, finding.message).toMatchObject({ kustomization: expect.stringMatching(/kustomization\.yaml$/) });
    },
  );

  it('runs the README example: CRDs moved to a file the kustomization does not list', async () => {
    const broken = await runCli(['diff', 'examples/operator-crds/before', 'examples/operator-crds/after']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Plan: 1 to add, 2 to change, 2 to prune (2 CRDs)');
    expect(broken.stdout).toContain('CustomResourceDefinition/widgets.example.io is pruned: the API server deletes every Widget with it, including Widget/widget-system/default');
    expect(broken.stdout).toContain('from operator.yaml, listed at kustomization.yaml:4');

    const fixed = await runCli(['diff', 'examples/operator-crds/before', 'examples/operator-crds/fixed']);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('Plan: 2 to add, 2 to change, 0 to prune');
  });

  it('fixes the README example in AFTER_DIR with fix diff: the patch, then --write and a passing check', async () => {
    const dir = makeTempDir();
    cpSync(join(PROJECT_ROOT, 'examples/operator-crds'), dir, { recursive: true });
    const shown = await runCli(['fix', 'diff', 'before', 'after'], { cwd: dir });
    expect(shown.code).toBe(1);
    expect(shown.stdout).toContain(['--- a/kustomization.yaml', '+++ b/kustomization.yaml'].join('\n'));
    expect(shown.stdout).toContain(['+  - crds.yaml', '   - operator.yaml'].join('\n'));
    expect(shown.stderr).toContain('pipe this patch to git -C after apply\n');
    // The report points at the same command.
    expect((await runCli(['diff', 'before', 'after'], { cwd: dir })).stdout).toContain('Fix (prune-guard fix diff before after shows the patch; with --write it applies it):');
    expect(readFileSync(join(dir, 'after/kustomization.yaml'), 'utf8')).toBe(readFileSync(join(PROJECT_ROOT, 'examples/operator-crds/after/kustomization.yaml'), 'utf8'));

    const written = await runCli(['fix', 'diff', 'before', 'after', '--write'], { cwd: dir });
    expect(written.stdout).toBe('updated kustomization.yaml\n');
    expect(written.code).toBe(0);
    expect((await runCli(['diff', 'before', 'after'], { cwd: dir })).code).toBe(0);
  });

  it.each([
    [['fix', 'diff', 'before'], 'prune-guard: fix diff takes exactly two directories: prune-guard fix diff BEFORE_DIR AFTER_DIR\n'],
    [['fix', 'diff', 'before', 'after', '--base', 'main'], 'prune-guard: --base and --head apply to git mode, not to fix diff\n'],
  ])('rejects %j with one line', async (args, line) => {
    const result = await runCli(args);
    expect(result.stderr).toBe(line);
    expect(result.code).toBe(2);
  });

  it('names everything a pruned Namespace takes with it', async () => {
    const report = parseReport(await runFixture('namespace-removed', '--format', 'json'));
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'namespace-removed',
        severity: 'error',
        cascade: ['ConfigMap/shop/settings'],
        message: 'Namespace/shop is pruned: the API server deletes everything in it, including ConfigMap/shop/settings',
        provenance: { file: 'namespace.yaml', kustomization: 'kustomization.yaml', line: 4 },
      }),
    ]);
  });

  it.each([
    ['error', 0],
    ['warning', 1],
    ['notice', 1],
    ['never', 0],
  ])('with --fail-on %s, a pruned ClusterRole and ConfigMap exit %i', async (level, code) => {
    const result = await runFixture('removals-by-severity', '--fail-on', level);
    expect(result.code).toBe(code);
    expect(result.stdout).toContain('warning cluster-scoped-removed  ClusterRole/reader');
    expect(result.stdout).toContain('notice  object-removed  ConfigMap/web/old-settings');
    expect(result.stdout).toContain('0 errors, 1 warning, 1 notice.');
  });

  it('exits 0 with --fail-on never even when CRDs are pruned, and says so', async () => {
    const result = await runCli(['diff', 'examples/operator-crds/before', 'examples/operator-crds/after', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 errors, 0 warnings, 0 notices. Not failing: --fail-on never.');
  });

  it('treats a configMapGenerator hash rename as a replacement, not a removal', async () => {
    const result = await runFixture('generator-rename', '--fail-on', 'notice', '--format', 'json');
    const report = parseReport(result);
    expect(result.code).toBe(0);
    expect(report.summary).toMatchObject({ prune: 0, add: 0, replace: 1, change: 1 });
    expect(report.findings).toEqual([]);
    expect(report.changes.replaced?.[0]).toMatchObject({ from: { kind: 'ConfigMap', namespace: 'web' }, to: { kind: 'ConfigMap', namespace: 'web' } });
  });

  it('warns when an object changes API group: Flux deletes and recreates it', async () => {
    const result = await runFixture('api-group-change', '--format', 'json', '--fail-on', 'warning');
    const report = parseReport(result);
    expect(result.code).toBe(1);
    expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['api-group-changed', 'warning']]);
    expect(report.findings[0]?.message).toContain('moves from API group extensions to networking.k8s.io');
  });

  it('treats an apiVersion change within one group as a change, not a prune', async () => {
    const result = await runFixture('api-version-change');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Plan: 0 to add, 1 to change, 0 to prune');
    expect(result.stdout).toContain('~ HorizontalPodAutoscaler/web/web (autoscaling/v2beta2 -> autoscaling/v2)');
  });

  it('never prints a Secret value in any format, but names the keys that changed', async () => {
    const values = ['hunter2-old-password', 'hunter2-new-password', 'api-token-0451', 'removed-key-value', 'legacy-api-key-7781', 'app-user-9931'];
    for (const format of ['text', 'json', 'markdown']) {
      const result = await runFixture('secret-change', '--format', format, '--fail-on', 'never');
      expect(result.code).toBe(0);
      for (const value of values) {
        expect(result.stdout).not.toContain(value);
        expect(result.stdout).not.toContain(Buffer.from(value).toString('base64'));
      }
      if (format === 'markdown') expect(result.stdout).toContain('Secret keys: `+user`, `-legacy`, `~password`');
      if (format === 'json') {
        const report = parseReport(result);
        expect(report.changes.changed?.[0]?.secretKeys).toEqual({ added: ['user'], removed: ['legacy'], changed: ['password'] });
        expect(report.findings.map((finding) => `${finding.rule} ${finding.object.name}`)).toEqual(['object-removed legacy']);
      }
    }
  });

  it('never vendors a dropped Secret, even one the configuration calls cluster-scoped', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2-plaintext\n';
    const dir = sides(
      { 'kustomization.yaml': kustomization('secret.yaml', 'cm.yaml'), 'secret.yaml': secret, 'cm.yaml': configMap('a', 'x') },
      { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('a', 'x'), '.prune-guard.yaml': 'failOn: warning\nclusterScoped:\n  - Secret\n' },
    );
    const json = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    expect(parseReport(json).findings.map((finding) => finding.rule)).toEqual(['cluster-scoped-removed']);
    expect(parseReport(json).fixes).toEqual([]);
    const fix = await runCli(['fix', 'diff', 'before', 'after'], { cwd: dir });
    for (const output of [json.stdout, fix.stdout, fix.stderr]) expect(output).not.toContain('hunter2');
  });

  it('names the file of a custom resource in an unchanged root whose CRD another root drops', async () => {
    const widget = 'apiVersion: example.io/v1\nkind: Widget\nmetadata:\n  name: w1\n  namespace: apps\n';
    const unchanged = { 'apps/kustomization.yaml': kustomization('widget.yaml'), 'apps/widget.yaml': widget };
    const dir = sides(
      { ...unchanged, 'crds/kustomization.yaml': kustomization('widget-crd.yaml'), 'crds/widget-crd.yaml': crd('Widget', 'example.io') },
      { ...unchanged, 'crds/kustomization.yaml': kustomization('cm.yaml'), 'crds/cm.yaml': configMap('a', 'x') },
    );
    const report = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir }));
    expect(report.findings.map((finding) => [finding.rule, finding.unit, finding.provenance])).toEqual([
      ['crd-removed', 'crds', { file: 'crds/widget-crd.yaml', kustomization: 'crds/kustomization.yaml', line: 4 }],
      ['crd-missing', 'apps', { file: 'apps/widget.yaml', kustomization: 'apps/kustomization.yaml', line: 4 }],
    ]);
  });

  it.skipIf(!hasScript)('shows build progress on a terminal, a line per phase in CI, and nothing on a pipe or with --quiet', async () => {
    const tree: Record<string, string> = {};
    for (const index of [1, 2, 3, 4, 5]) {
      tree[`r${index}/kustomization.yaml`] = kustomization('cm.yaml');
      tree[`r${index}/cm.yaml`] = configMap(`c${index}`, 'x');
    }
    const dir = sides(tree, { ...tree, 'r1/cm.yaml': configMap('c1', 'x', { key: 'changed' }) });
    const piped = await runCli(['diff', 'before', 'after'], { cwd: dir });
    expect(piped.stderr).toBe('');
    // The changed root on both sides; the four identical ones are not rendered.
    const ci = await runCli(['diff', 'before', 'after'], { cwd: dir, env: { CI: 'true' } });
    expect(ci.stderr).toMatch(/^prune-guard: changed units: 5 units, 2 builds, \d+\.\ds\nprune-guard: rendering done: 5 units, 2 builds, 4 identical, not rendered, \d+\.\ds\n$/);
    expect((await runCli(['diff', 'before', 'after', '--quiet'], { cwd: dir, env: { CI: 'true' } })).stderr).toBe('');
    // `script` gives the CLI a pseudo-terminal, as an interactive shell would.
    const terminal = execFileSync('script', ['-qec', `${process.execPath} ${CLI} diff before after > /dev/null`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PRUNE_GUARD_CACHE_DIR: makeTempDir('prune-guard-cache-') },
    });
    expect(terminal).toContain('rendering done: 5 units, 2 builds, 4 identical, not rendered');
  });

  it('prints markdown with the plan line, the findings table and collapsed diffs', async () => {
    const result = await runCli(['diff', 'examples/operator-crds/before', 'examples/operator-crds/after', '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('**Plan: 1 to add, 2 to change, 2 to prune (2 CRDs)**');
    expect(result.stdout).toContain('| :stop_sign: error | `crd-removed` | `CustomResourceDefinition/gadgets.example.io` |');
    expect(result.stdout).toContain('<summary>:pencil2: <code>Deployment/widget-system/widget-operator</code></summary>');
    expect(result.stdout).toMatch(/\n-\s+- image: ghcr\.io\/example\/widget-operator:v1\.4\.0\n\+\s+- image: ghcr\.io\/example\/widget-operator:v2\.0\.0\n/);
  });

  it('colours text only when asked, and never with NO_COLOR', async () => {
    const args = ['diff', 'examples/operator-crds/before', 'examples/operator-crds/after'];
    const plain = await runCli(args);
    const forced = await runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[31m');
  });

  it('prints the same JSON on every run', async () => {
    const args = ['diff', 'examples/operator-crds/before', 'examples/operator-crds/after', '--format', 'json'];
    const [first, second] = await Promise.all([runCli(args), runCli(args)]);
    expect(first.stdout).toBe(second.stdout);
  });

  describe('remote resources', () => {
    /** The server on 127.0.0.1 the kustomizations name directly: allowed by the operator. */
    const ALLOW_LOCAL = ['--allow-remote', '127.0.0.1'];
    let server: FileServer;
    let root: string;
    beforeAll(async () => {
      // Not makeTempDir: that one is gone after the first test, and the server serves it for all.
      root = mkdtempSync(join(tmpdir(), 'prune-guard-remote-'));
      writeTree(root, { 'v1/crds.yaml': crd('Widget', 'example.io'), 'single.yaml': crd('Gadget', 'example.io', 'Cluster') });
      server = await serveFiles(root);
    });
    afterAll(async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('names the URL and kustomization line of a pruned remote object, short URLs too', async () => {
      const dir = sides(
        { 'kustomization.yaml': kustomization(`${server.origin}/v1/crds.yaml`, `${server.origin}/single.yaml`) },
        { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('a', 'x') },
      );
      const report = parseReport(await runCli(['diff', 'before', 'after', '--format', 'json', ...ALLOW_LOCAL], { cwd: dir }));
      expect(report.findings.map((finding) => finding.provenance)).toEqual([
        { url: `${server.origin}/single.yaml`, kustomization: 'kustomization.yaml', line: 5 },
        { url: `${server.origin}/v1/crds.yaml`, kustomization: 'kustomization.yaml', line: 4 },
      ]);
    });

    it('names a URL kustomize fetched through a mirror as written, never with the mirror\'s credentials', async () => {
      writeTree(root, { 'v1/widget-crd': crd('Widget', 'example.io') });
      const dir = sides(
        { 'kustomization.yaml': kustomization('https://upstream.example/v1/widget-crd') },
        { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('a', 'x') },
      );
      const mirror = ['--mirror', `https://upstream.example/=${server.origin.replace('http://', 'http://deploy:s3cr3tTOKEN@')}/`];
      const json = await runCli(['diff', 'before', 'after', '--format', 'json', ...mirror], { cwd: dir });
      expect(parseReport(json).findings.map((finding) => finding.provenance)).toEqual([{ url: 'https://upstream.example/v1/widget-crd', kustomization: 'kustomization.yaml', line: 4 }]);
      for (const format of ['text', 'markdown']) {
        const result = await runCli(['diff', 'before', 'after', '--format', format, ...mirror], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('https://upstream.example/v1/widget-crd');
      }
      expect(json.stdout).not.toContain('s3cr3tTOKEN');
    });

    it.each([
      ['an empty answer', 'empty.yaml', '', 'an empty answer (HTTP 200)'],
      ['an HTML page', 'login.yaml', '<!DOCTYPE html><html><body>Sign in</body></html>', 'an HTML page, not a manifest (a login or error page?)'],
    ])('exits 2 for %s instead of reporting what it no longer renders', async (_name, file, body, problem) => {
      writeTree(root, { [`v2/${file}`]: body });
      const dir = sides({ 'kustomization.yaml': kustomization(`${server.origin}/v1/crds.yaml`) }, { 'kustomization.yaml': kustomization(`${server.origin}/v2/${file}`) });
      const result = await runCli(['diff', 'before', 'after', ...ALLOW_LOCAL], { cwd: dir });
      expect(result.stderr).toBe(`prune-guard: could not fetch ${server.origin}/v2/${file}: ${problem} (a resource of after)\n`);
      expect(result.code).toBe(2);
    });

    it('exits 2 naming the URL when a remote resource cannot be fetched', async () => {
      const dir = sides({ 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('a', 'x') }, { 'kustomization.yaml': kustomization(`${server.origin}/v2/missing.yaml`) });
      const result = await runCli(['diff', 'before', 'after', ...ALLOW_LOCAL], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toBe(`prune-guard: could not fetch ${server.origin}/v2/missing.yaml: HTTP 404 (a resource of after)\n`);
    });
  });

  describe('bad input exits 2 with one line and no report', () => {
    const good = { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': configMap('a', 'x') };
    it.each<[string, Tree, RegExp]>([
      ['malformed YAML in a manifest', { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: [\n' }, /^prune-guard: kustomize failed on after: accumulating resources: accumulating resources from 'cm\.yaml': MalformedYAMLError: .* in File: cm\.yaml\n$/],
      ['malformed kustomization.yaml', { 'kustomization.yaml': 'resources:\n- cm.yaml\n  x: [\n', 'cm.yaml': configMap('a', 'x') }, /^prune-guard: after\/kustomization\.yaml:2: malformed YAML: .+\n$/],
      ['a missing resource file', { 'kustomization.yaml': kustomization('gone.yaml') }, /^prune-guard: kustomize failed on after: .*accumulating resources from 'gone\.yaml': open gone\.yaml: no such file or directory\n$/],
      ['an object without a name', { 'kustomization.yaml': kustomization('cm.yaml'), 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: x\n' }, /^prune-guard: kustomize failed on after: .*missing metadata\.name/],
      ['a directory with no kustomization', { 'cm.yaml': configMap('a', 'x') }, /^prune-guard: no kustomization\.yaml found under after\n$/],
    ])('%s', async (_name, after, message) => {
      const dir = sides(good, after);
      const result = await runCli(['diff', 'before', 'after'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(ONE_LINE_ERROR);
      expect(result.stderr).toMatch(message);
    });

    it.each<[string[], string]>([
      [['diff', 'before', 'nowhere'], 'prune-guard: directory not found: nowhere\n'],
      [['diff', 'before', 'after', '--github-api-url', 'api.github.example'], "prune-guard: --github-api-url must be an http(s) URL, got 'api.github.example'\n"],
      [['diff', 'before', 'after', '--github-api-url', 'https://me:ghp_x@api.github.example'], 'prune-guard: --github-api-url must not carry credentials (https://***@api.github.example): set GITHUB_TOKEN instead\n'],
      [['diff', 'before', 'after', '--mirror', 'https://a.example/=http://m.example'], "prune-guard: a mirror needs http(s) URL prefixes on both sides of FROM=TO: 'https://a.example/' and 'http://m.example' must both end with '/', or neither\n"],
      [['diff', 'before'], 'prune-guard: diff takes exactly two directories: prune-guard diff BEFORE_DIR AFTER_DIR\n'],
      [['diff', 'before', 'after', '--base', 'main'], 'prune-guard: --base and --head apply to git mode, not to diff\n'],
      [['diff', 'before', 'after', '--format', 'yaml'], "prune-guard: --format is set to invalid value 'yaml'. Valid values: text, json, markdown, sarif\n"],
      [['diff', 'before', 'after', '--fail-on', 'critical'], "prune-guard: --fail-on is set to invalid value 'critical'. Valid values: error, warning, notice, never\n"],
      [['diff', 'before', 'after', '--frobnicate'], "prune-guard: Unknown option '--frobnicate' (see --help)\n"],
      [['diff', 'before', 'after', '--github-api-url', '--verbose'], 'prune-guard: option --github-api-url needs a value (one that starts with a dash is written --github-api-url=VALUE; see --help)\n'],
      [['diff', 'before', 'after', '--base'], "prune-guard: Option '--base <value>' argument missing (see --help)\n"],
      [['diff', 'before', 'after', '--kustomize-bin', '/nonexistent/kustomize'], 'prune-guard: kustomize binary not found or not executable: /nonexistent/kustomize (from --kustomize-bin)\n'],
    ])('%j', async (args, stderr) => {
      const dir = sides(good, good);
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(stderr);
    });

    it('when neither kustomize nor kubectl is installed, with an install hint', async () => {
      const dir = sides(good, good);
      const result = await runCli(['diff', 'before', 'after'], { cwd: dir, env: { PATH: makeTempDir(), PRUNE_GUARD_KUSTOMIZE: undefined } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^prune-guard: neither kustomize nor kubectl is on PATH: install kubectl .* or kustomize, or pass --kustomize-bin\n$/);
    });

    it('when kustomize hangs past the timeout or dies', async () => {
      const dir = sides(good, good);
      const bin = join(makeTempDir(), 'kustomize');
      writeTree(dir, {});
      writeTree(join(bin, '..'), { kustomize: '#!/bin/sh\necho "Error: boom: something broke" >&2\nexit 1\n' });
      chmodSync(bin, 0o755);
      // Both sides are the same: only --render all builds them.
      const result = await runCli(['diff', 'before', 'after', '--kustomize-bin', bin, '--render', 'all'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('prune-guard: kustomize failed on before: boom: something broke\n');
    });
  });
});
