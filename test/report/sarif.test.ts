import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import type { Report } from '../../src/core/report/report-model.ts';
import { Rules, type Finding } from '../../src/core/rules/findings.ts';
import { protectJson } from '../../src/core/text/plain-text.ts';
import { RULE_HELP } from '../../src/report/rule-help.ts';
import { SARIF_FINGERPRINT_KEY, formatSarif } from '../../src/report/sarif.ts';
import { expectCodeScanningShape, validateOfficialSarif as validateOfficial, type SarifLog, type SarifResult } from '../helpers/report-validators.ts';
import { crdYaml, toDocs, toReport, yamlDocs } from '../helpers/objects.ts';

const TIGERA = 'https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests/tigera-operator.yaml';
const CALICO_KUSTOMIZATION = 'infrastructure/calico/kustomization.yaml';
const installation = 'apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata: {name: default}\n';

/** Calico v3.30: the CRDs left tigera-operator.yaml, the Installation stays. */
const calico = toReport({
  'infrastructure/calico': {
    before: [
      ...toDocs(yamlDocs(crdYaml('installations', 'operator.tigera.io', 'Installation', 'Cluster'), crdYaml('tigerastatuses', 'operator.tigera.io', 'TigeraStatus', 'Cluster')), { url: TIGERA, kustomization: CALICO_KUSTOMIZATION, line: 4 }),
      ...toDocs(installation, { file: 'infrastructure/calico/installation.yaml', kustomization: CALICO_KUSTOMIZATION, line: 5 }),
    ],
    after: toDocs(installation, { file: 'infrastructure/calico/installation.yaml', kustomization: CALICO_KUSTOMIZATION, line: 4 }),
  },
  'apps/shop': { before: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: legacy, namespace: shop}\n', after: '' },
});

function parse(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

function resultsOf(report: Report, options?: Parameters<typeof formatSarif>[1]): SarifResult[] {
  return parse(formatSarif(report, options)).runs[0]?.results ?? [];
}

function withFindings(report: Report, findings: readonly Finding[]): Report {
  return { ...report, findings };
}

/** Every string value in a parsed JSON value, keys included. */
function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...collectStrings(inner)]);
  return [];
}

const RAW_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('formatSarif', () => {
  const sarif = formatSarif(calico);
  const log = parse(sarif);
  const results = log.runs[0]?.results ?? [];

  it('describes every rule the tool knows, with help and a default level', () => {
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'prune-guard', version: '1.2.3', informationUri: 'https://github.com/prune-guard/prune-guard' });
    expect(rules.map((rule) => rule.id)).toEqual(Object.values(Rules));
    const crdRemoved = rules.find((rule) => rule.id === 'crd-removed');
    expect(crdRemoved).toMatchObject({ name: 'CrdRemoved', shortDescription: { text: 'A CustomResourceDefinition is pruned.' }, defaultConfiguration: { level: 'error' } });
    expect(crdRemoved?.help.text).toContain('deletes every custom resource of its kind');
    expect(rules.find((rule) => rule.id === 'object-removed')?.defaultConfiguration.level).toBe('note');
    expect(crdRemoved?.properties.tags).toEqual(['kubernetes', 'flux', 'crd']);
  });

  it('has help for every rule id', () => {
    expect(Object.keys(RULE_HELP).sort()).toEqual(Object.values(Rules).sort());
    for (const help of Object.values(RULE_HELP)) {
      expect(help.summary).toMatch(/^\S.*\.$/);
      expect(help.help).toMatch(/^\S.*\.$/);
    }
  });

  it('puts a pruned CRD on the kustomization line that listed its remote file', () => {
    const removed = results.filter((result) => result.ruleId === 'crd-removed');
    expect(removed).toHaveLength(2);
    const [first] = removed;
    expect(first?.level).toBe('error');
    expect(first?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: CALICO_KUSTOMIZATION, uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    expect(first?.locations[0]?.logicalLocations).toEqual([
      { name: 'CustomResourceDefinition/installations.operator.tigera.io', fullyQualifiedName: 'apiextensions.k8s.io/CustomResourceDefinition//installations.operator.tigera.io', kind: 'resource' },
    ]);
    // The remote file is no file of the repository: no related location for it.
    expect(first?.relatedLocations).toBeUndefined();
    expect(first?.message.text).toContain('CustomResourceDefinition/installations.operator.tigera.io is pruned');
    expect(first?.message.text).toContain(`(unit infrastructure/calico; from ${TIGERA}, listed at ${CALICO_KUSTOMIZATION}:4)`);
  });

  it('maps severities to SARIF levels and keeps the report order', () => {
    expect(results.map((result) => [result.ruleId, result.level])).toEqual(calico.findings.map((finding) => [finding.rule, { error: 'error', warning: 'warning', notice: 'note' }[finding.severity]]));
    expect(results.map((result) => result.level)).toContain('note');
  });

  it('names the manifest file as a related location when the object comes from a file of the repository', () => {
    const missing = results.find((result) => result.ruleId === 'crd-missing');
    expect(missing?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(CALICO_KUSTOMIZATION);
    expect(missing?.relatedLocations?.map((related) => related.physicalLocation.artifactLocation.uri)).toEqual(['infrastructure/calico/installation.yaml']);
  });

  it('is valid for code scanning', () => {
    expectCodeScanningShape(log);
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(validateOfficial(sarif)).toEqual([]);
    // The check can fail: a result without its message is refused.
    const broken = JSON.parse(sarif) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete broken.runs[0]?.results[0]?.message;
    expect(validateOfficial(JSON.stringify(broken)).length).toBeGreaterThan(0);
  });

  it('is byte-identical for two builds and holds no time stamp', () => {
    expect(formatSarif(calico)).toBe(sarif);
    expect(sarif).not.toMatch(/Time(Utc)?"|\d{4}-\d\d-\d\dT\d\d/);
    expect(sarif.endsWith('}\n')).toBe(true);
  });

  it('is already what protectJson prints', () => {
    expect(protectJson(sarif)).toBe(sarif);
  });
});

describe('formatSarif: findings without a file', () => {
  const plain = toReport({ 'apps/shop': { before: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', after: '' } });

  it('falls back to the directory of a kustomize root', () => {
    const [result] = resultsOf(plain);
    expect(plain.findings[0]?.provenance).toBeUndefined();
    expect(result?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'apps/shop', uriBaseId: '%SRCROOT%' } });
    expect(result?.message.text).toMatch(/\(unit apps\/shop\)$/);
  });

  it('falls back to the same object in the changes when only there a source is known', () => {
    const withEntry: Report = {
      ...plain,
      changes: { ...plain.changes, removed: plain.changes.removed.map((entry) => ({ ...entry, provenance: { file: 'apps/shop/namespace.yaml' } })) },
    };
    expect(resultsOf(withEntry)[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('apps/shop/namespace.yaml');
  });

  it('falls back to a Flux Kustomization spec.path, through the parent of a HelmRelease unit', () => {
    const [finding] = plain.findings;
    if (!finding) throw new Error('a finding');
    const counts = { add: 0, change: 0, prune: 1, replace: 0, unchanged: 0 };
    const flux: Report = {
      ...plain,
      findings: [{ ...finding, unit: 'flux-system/podinfo' }],
      changes: { added: [], removed: [], changed: [], replaced: [] },
      units: [
        { name: 'flux-system/apps', flux: { path: './apps/production', prune: true, verdict: 'pruned', parent: null, skipped: null }, before: 1, after: 1, counts },
        { name: 'flux-system/podinfo', helm: { parent: 'flux-system/apps', release: 'podinfo/podinfo', action: 'upgrade' }, before: 1, after: 0, counts },
      ],
    };
    expect(resultsOf(flux)[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('apps/production');
    // A Kustomization whose source is elsewhere has no directory here: the root stands in.
    const elsewhere: Report = { ...flux, units: flux.units.map((unit) => (unit.flux ? { ...unit, flux: { ...unit.flux, skipped: 'source is an OCIRepository' } } : unit)) };
    expect(resultsOf(elsewhere)[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('.');
  });

  it('uses the repository root for the root unit, and every result keeps a location', () => {
    const root = toReport({ '': { before: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', after: '' } });
    const log = parse(formatSarif(root));
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('.');
    expect(log.runs[0]?.results[0]?.message.text).toMatch(/\(unit \.\)$/);
    expectCodeScanningShape(log);
  });
});

describe('formatSarif: hostile input', () => {
  const [base] = calico.findings;
  if (!base) throw new Error('a finding');
  const hostile = (provenance: Finding['provenance'], unit = 'apps/shop'): Finding => ({ ...base, unit, ...(provenance ? { provenance } : { provenance: undefined }) });
  const report: Report = withFindings(
    { ...calico, before: { label: 'main\u001b]8;;https://evil.example\u0007' }, changes: { added: [], removed: [], changed: [], replaced: [] } },
    [
      {
        ...base,
        unit: '::error::unit',
        message: 'pruned\n::warning file=README.md::owned\n##[error]bad \u202egnp.exe',
        object: { ...base.object, name: '\u001b[31mred\u001b[0m', namespace: '::add-mask::x' },
      },
      hostile({ kustomization: '../../etc/passwd', line: 3 }),
      hostile({ file: '/etc/passwd' }),
      hostile({ kustomization: 'https://evil.example/kustomization.yaml', line: 1 }),
      hostile({ file: 'file:///etc/passwd' }),
      hostile({ file: 'apps\\..\\..\\secret.yaml' }),
      hostile({ kustomization: 'apps/shop/../../../x/kustomization.yaml', line: 2 }),
      hostile({ file: 'C:/Windows/system.ini' }),
      hostile({ kustomization: 'apps/./shop//kustomization.yaml', line: 2 }),
      hostile({ kustomization: 'apps/a b#c?d%.yaml', line: 0 }),
      hostile({ file: 'apps/\u001b[2Jx\ud800.yaml' }),
      hostile(undefined, '../../etc'),
    ],
  );
  const text = formatSarif(report);
  const log = parse(text);
  const uris = (log.runs[0]?.results ?? []).map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);

  it('keeps every location a relative path inside the repository', () => {
    expectCodeScanningShape(log);
    expect(uris).toEqual([
      // The first finding keeps Calico's kustomization.
      CALICO_KUSTOMIZATION,
      // Absolute, parent, scheme, backslash and drive-letter paths are dropped: the unit's directory stands in.
      'apps/shop',
      'apps/shop',
      'apps/shop',
      'apps/shop',
      'apps/shop',
      'apps/shop',
      'apps/shop',
      'apps/shop/kustomization.yaml',
      // Reserved characters are percent-encoded; line 0 is no line.
      'apps/a%20b%23c%3Fd%25.yaml',
      // A lone surrogate cannot be encoded: the unit's directory again.
      'apps/shop',
      // A unit outside the repository: the root.
      '.',
    ]);
    expect(log.runs[0]?.results[9]?.locations[0]?.physicalLocation.region).toBeUndefined();
    expect(log.runs[0]?.results[8]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 2 });
  });

  it('shows control characters as escapes and prints no workflow command', () => {
    for (const value of collectStrings(log)) expect(value).not.toMatch(RAW_CONTROLS);
    // The printed text too: JSON's own line breaks are its only control characters.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    for (const line of text.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    expect(text).not.toContain('##[');
    const [first] = log.runs[0]?.results ?? [];
    expect(first?.message.text).toContain('pruned\\n::warning file=README.md::owned\\n##[error]bad \\u202egnp.exe');
    expect(first?.locations[0]?.logicalLocations[0]?.name).toBe('CustomResourceDefinition/::add-mask::x/\\x1b[31mred\\x1b[0m');
    expect(log.runs[0]?.properties.before).toBe('main\\x1b]8;;https://evil.example\\x07');
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(validateOfficial(text)).toEqual([]);
  });
});

describe('formatSarif: fingerprints', () => {
  const fingerprint = (report: Report, index = 0): string | undefined => resultsOf(report)[index]?.partialFingerprints[SARIF_FINGERPRINT_KEY];
  const [finding] = calico.findings;
  if (!finding) throw new Error('a finding');

  it('stay the same when the message or the line changes, and differ by object and unit', () => {
    const original = fingerprint(withFindings(calico, [finding]));
    expect(fingerprint(withFindings(calico, [{ ...finding, message: 'other words, 25 objects', provenance: { kustomization: CALICO_KUSTOMIZATION, line: 9 } }]))).toBe(original);
    expect(fingerprint(withFindings(calico, [{ ...finding, object: { ...finding.object, name: 'other.operator.tigera.io' } }]))).not.toBe(original);
    expect(fingerprint(withFindings(calico, [{ ...finding, unit: 'infrastructure/calico-v2' }]))).not.toBe(original);
    expect(fingerprint(withFindings(calico, [{ ...finding, rule: 'crd-missing' }]))).not.toBe(original);
  });

  it('keep two findings of one rule on one object apart', () => {
    const twice = withFindings(calico, [finding, { ...finding, message: 'again' }]);
    expect(fingerprint(twice, 1)).toBe(`${fingerprint(twice, 0)}:2`);
  });
});

describe('formatSarif: root', () => {
  it('prefixes every path with the directory the report is relative to', () => {
    const [first] = resultsOf(calico, { root: 'examples/./calico/' });
    expect(first?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(`examples/calico/${CALICO_KUSTOMIZATION}`);
  });

  it('places a finding of the unit diff named after its directories on that directory, and fingerprints it as the root', () => {
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';
    const named = toReport({ 'operator-crds': { before: namespace, after: '' } });
    const dotted = toReport({ '.': { before: namespace, after: '' } });
    const [result] = resultsOf(named, { root: 'examples/operator-crds/after', rootUnit: 'operator-crds' });
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('examples/operator-crds/after');
    const [asRoot] = resultsOf(dotted, { root: 'examples/operator-crds/after' });
    expect(result?.partialFingerprints).toEqual(asRoot?.partialFingerprints);
    // Without the name, the unit would read as a folder of the root that does not exist.
    expect(resultsOf(named, { root: 'examples/operator-crds/after' })[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('examples/operator-crds/after/operator-crds');
  });

  it('refuses a root outside the repository', () => {
    expect(() => formatSarif(calico, { root: '../elsewhere' })).toThrow(UsageError);
    expect(() => formatSarif(calico, { root: '/tmp/after' })).toThrow(UsageError);
  });
});
