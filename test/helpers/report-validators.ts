/**
 * Validators of the machine-readable reports: the SARIF log against the official schema and
 * what code scanning needs, the JSON report against the schema the package ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import { formatJson } from '../../src/report/json.ts';
import { SARIF_FINGERPRINT_KEY } from '../../src/report/sarif.ts';

/** The parts of a SARIF log these tests read. */
export interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string }; properties: { tags: string[] } }> } };
    results: SarifResult[];
    properties: Record<string, unknown>;
  }>;
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: string };
  region?: { startLine: number };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: SarifPhysicalLocation; logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }> }>;
  relatedLocations?: Array<{ physicalLocation: SarifPhysicalLocation }>;
  partialFingerprints: Record<string, string>;
}

/** What code scanning needs of every result, checked without the official schema. */
export function expectCodeScanningShape(log: SarifLog): void {
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [run] = log.runs;
  if (!run) throw new Error('one run');
  const ids = run.tool.driver.rules.map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const result of run.results) {
    expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(['error', 'warning', 'note']).toContain(result.level);
    expect(result.message.text).not.toBe('');
    // Code scanning refuses the whole upload when one result has no location.
    expect(result.locations.length).toBeGreaterThan(0);
    for (const { physicalLocation } of [...result.locations, ...(result.relatedLocations ?? [])]) {
      const { uri, uriBaseId } = physicalLocation.artifactLocation;
      expect(uriBaseId).toBe('%SRCROOT%');
      expect(uri).toMatch(/^[A-Za-z0-9._~!$&'()*+,;=@%/-]+$/);
      expect(uri).not.toMatch(/^\/|^[a-z][a-z0-9+.-]*:/i);
      expect(uri.split('/')).not.toContain('..');
      if (physicalLocation.region) expect(Number.isSafeInteger(physicalLocation.region.startLine) && physicalLocation.region.startLine >= 1).toBe(true);
    }
    expect(result.partialFingerprints[SARIF_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}(:\d+)?$/);
  }
}

/**
 * The official SARIF 2.1.0 schema, as @microsoft/jest-sarif ships it (sarif-2.1.0-rtm.5.json,
 * the one GitHub's documentation names). It is written in draft-04: `id` becomes `$id` for
 * ajv 8, and the three formats it names are checked here.
 */
function loadOfficialSarifSchema(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  return { $id: id, ...rest };
}

let officialSarif: ValidateFunction | undefined;

/** The official SARIF 2.1.0 schema's complaints about a log; empty when it is valid. */
export function validateOfficialSarif(text: string): unknown[] {
  if (!officialSarif) {
    // Its patterns are not all valid with the `u` flag ajv 8 sets by default.
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
    ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value));
    ajv.addFormat('uri-reference', (value: string) => /^[^\s\\"<>^`{|}]*$/.test(value) && !/%(?![0-9a-f]{2})/i.test(value));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    officialSarif = ajv.compile(loadOfficialSarifSchema());
  }
  return officialSarif(JSON.parse(text)) ? [] : (officialSarif.errors ?? []);
}

const reportSchemaText = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../docs/report.schema.json'), 'utf8');

/** docs/report.schema.json, as the JSON report's consumers read it. */
export const reportSchema = JSON.parse(reportSchemaText) as {
  $id: string;
  $defs: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }>;
  properties: Record<string, { enum?: string[] }>;
};

const validateReport = new Ajv2020({ allErrors: true }).compile(reportSchema);

/** The schema's complaints about a report, as `formatJson` prints it or as printed JSON; empty when it is valid. */
export function checkReportSchema(report: Report | string): string[] {
  const json = typeof report === 'string' ? report : formatJson(report);
  return validateReport(JSON.parse(json)) ? [] : (validateReport.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
