/**
 * The machine-readable formats of real runs: `--format json` validates against the schema the
 * package ships, and `--format sarif` against the official SARIF 2.1.0 schema, with its paths
 * where code scanning looks for them (the repository root, the directory the workflow runs in).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import { checkReportSchema, expectCodeScanningShape, validateOfficialSarif, type SarifLog } from '../helpers/report-validators.ts';
import { FIXTURES, PROJECT_ROOT, hasKustomize, makeFixtureRepo, makeTempDir, runCli, writeTree, type CliResult } from './helpers.ts';

/** The JSON a CLI run printed, with its exit code for context on failure. */
function printed(result: CliResult): string {
  if (!result.stdout.startsWith('{')) throw new Error(`no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe.skipIf(!hasKustomize)('--format json on real runs matches docs/report.schema.json', () => {
  it.each([
    ['after', 1],
    ['fixed', 0],
  ])('validates the README example, before -> %s', async (side, code) => {
    const result = await runCli(['diff', 'examples/operator-crds/before', `examples/operator-crds/${side}`, '--format', 'json']);
    expect(result.code).toBe(code);
    expect(checkReportSchema(printed(result))).toEqual([]);
  });

  it.each(['api-group-change', 'api-version-change', 'generator-rename', 'namespace-removed', 'removals-by-severity', 'secret-change'])(
    'validates test/fixtures/%s',
    async (name) => {
      const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--no-fix'], { cwd: join(FIXTURES, name) });
      expect(checkReportSchema(printed(result))).toEqual([]);
    },
  );

  it('validates a Flux run that removes a Kustomization', async () => {
    const result = await runCli(['--format', 'json'], { cwd: makeFixtureRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null }) });
    const json = printed(result);
    expect((JSON.parse(json) as Report).units.some((unit) => unit.flux)).toBe(true);
    expect(checkReportSchema(json)).toEqual([]);
  });
});

describe.skipIf(!hasKustomize)('--format sarif on real runs', () => {
  it('places the README example on the kustomization line that listed the CRDs, relative to the working directory', async () => {
    const result = await runCli(['diff', 'examples/operator-crds/before', 'examples/operator-crds/after', '--format', 'sarif', '--no-fix']);
    expect(result.code).toBe(1);
    expect(validateOfficialSarif(result.stdout)).toEqual([]);
    const log = JSON.parse(result.stdout) as SarifLog;
    expectCodeScanningShape(log);
    const removed = log.runs[0]?.results.filter((entry) => entry.ruleId === 'crd-removed') ?? [];
    expect(removed.length).toBe(2);
    for (const entry of removed) {
      expect(entry.level).toBe('error');
      expect(entry.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'examples/operator-crds/after/kustomization.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
      expect(entry.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('examples/operator-crds/after/operator.yaml');
    }
  });

  it('names files from the repository root in a Flux repository', async () => {
    const dir = makeFixtureRepo('flux-fleet', { 'clusters/production/infrastructure.yaml': null });
    const result = await runCli(['--format', 'sarif'], { cwd: dir });
    expect(validateOfficialSarif(result.stdout)).toEqual([]);
    const log = JSON.parse(result.stdout) as SarifLog;
    expectCodeScanningShape(log);
    const uris = (log.runs[0]?.results ?? []).map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    expect(uris.some((uri) => uri?.startsWith('clusters/') || uri?.startsWith('infrastructure/'))).toBe(true);
  });

  it('names files from the repository root when diff runs in a subdirectory of it', async () => {
    const result = await runCli(['diff', 'operator-crds/before', 'operator-crds/after', '--format', 'sarif', '--no-fix'], { cwd: join(PROJECT_ROOT, 'examples') });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as SarifLog;
    const uris = new Set((log.runs[0]?.results ?? []).map((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['examples/operator-crds/after/kustomization.yaml']);
  });

  it('refuses, in one line and before rendering, an AFTER_DIR outside the directory its paths start from', async () => {
    const dir = makeTempDir('prune-guard-formats-');
    writeTree(dir, { 'before/kustomization.yaml': 'resources: []\n', 'after/kustomization.yaml': 'resources: []\n' });
    const result = await runCli(['diff', '.', '../after', '--format', 'sarif'], { cwd: join(dir, 'before') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('prune-guard: --format sarif names files from the current directory, which must hold AFTER_DIR\n');
  });
});
