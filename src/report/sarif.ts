/**
 * Report -> SARIF 2.1.0, for GitHub code scanning: one run, the rules the tool knows as
 * reportingDescriptors, one result per finding placed on the kustomization line that lists its
 * object (or the nearest file known), with a fingerprint that keeps an alert across runs.
 * Everything here comes from the checkout, so paths become relative URIs inside the repository
 * or are dropped, and text has its control characters shown as escapes.
 */
import { createHash } from 'node:crypto';
import { formatObjectKey, formatObjectRef, type Provenance } from '../core/objects/kube-objects.ts';
import type { Finding, RuleId, Severity } from '../core/rules/findings.ts';
import type { Report } from '../core/report/report-model.ts';
import { escapeControlCharacters as show, protectJson } from '../core/text/plain-text.ts';
import { UsageError } from '../core/errors.ts';
import { formatProvenance } from './format.ts';
import { RULE_HELP } from './rule-help.ts';

/** How to build SARIF. */
export interface SarifOptions {
  /**
   * The directory, relative to the repository root, that the report's paths are relative to:
   * empty (the default) when the check ran on a checkout of the repository, the AFTER
   * directory for `diff` on two directories of one repository. A path outside the repository
   * is refused.
   */
  readonly root?: string;
  /**
   * The name of the unit at the top of the compared directories, when it is not `.`: `diff`
   * names that unit after its directory, which is no path inside the root.
   */
  readonly rootUnit?: string;
}

/** The schema `$schema` names: the one GitHub's documentation uses for SARIF 2.1.0. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of the fingerprint in each result's `partialFingerprints`; a new version when what it hashes changes. */
export const SARIF_FINGERPRINT_KEY = 'pruneGuardFinding/v1';

/** The base every artifact URI is relative to: the root of the checkout, as code scanning resolves it. */
const SOURCE_ROOT = '%SRCROOT%';

const INFORMATION_URI = 'https://github.com/prune-guard/prune-guard';

/** The reference of every rule; each rule id is a heading there. */
const RULES_URI = `${INFORMATION_URI}/blob/main/docs/rules.md`;

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', notice: 'note' };

/** A place in a file (or a directory) of the repository. */
interface Spot {
  /** Relative URI, percent-encoded. */
  readonly uri: string;
  /** 1-based line, when known. */
  readonly line?: number;
}

/**
 * Renders a report as a SARIF 2.1.0 log, pretty-printed with a trailing newline; the same
 * report gives the same bytes (no time stamps, no absolute paths).
 */
export function formatSarif(report: Report, options: SarifOptions = {}): string {
  const root = parseRoot(options.root);
  // Every rule the tool knows, in its own order: indices stay the same from run to run, and
  // code scanning has the help of a rule before its first alert.
  const rules: RuleId[] = [...new Set([...report.tool.rules, ...report.findings.map((finding) => finding.rule)])];
  const ruleIndex = new Map(rules.map((rule, index) => [rule, index]));
  const fingerprints = new Map<string, number>();
  const results = report.findings.map((finding) => {
    const identity = hashIdentity(finding, options.rootUnit);
    // Two findings of one rule on one object stay two alerts; the order of findings is stable.
    const seen = fingerprints.get(identity) ?? 0;
    fingerprints.set(identity, seen + 1);
    return buildResult(report, finding, ruleIndex.get(finding.rule) ?? 0, seen === 0 ? identity : `${identity}:${seen + 1}`, root, options.rootUnit);
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'prune-guard',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(buildRule),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The root of the repository checkout.' } } },
        results,
        properties: {
          before: show(report.before.label),
          after: show(report.after.label),
          failOn: report.failOn,
          blocking: report.blocking,
        },
      },
    ],
  };
  // Already free of raw controls; protectJson also breaks `##[`, as the JSON report does.
  return protectJson(`${JSON.stringify(log, null, 2)}\n`);
}

function buildRule(rule: RuleId): Record<string, unknown> {
  const help = RULE_HELP[rule];
  return {
    id: rule,
    name: toRuleName(rule),
    shortDescription: { text: help.summary },
    fullDescription: { text: `${help.summary} ${help.help}` },
    help: { text: help.help, markdown: `${help.help} See [${rule}](${RULES_URI}#${rule}).` },
    helpUri: `${RULES_URI}#${rule}`,
    defaultConfiguration: { level: LEVELS[help.severity] },
    // Tags are a set: the schema refuses `flux` twice.
    properties: { tags: [...new Set(['kubernetes', 'flux', help.topic])] },
  };
}

/** `crd-removed` -> `CrdRemoved`: SARIF's name is an identifier a reader can say. */
function toRuleName(rule: RuleId): string {
  return rule
    .split('-')
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join('');
}

function buildResult(report: Report, finding: Finding, ruleIndex: number, fingerprint: string, root: readonly string[], rootUnit: string | undefined): Record<string, unknown> {
  const { primary, related } = locateFinding(report, finding, root, rootUnit);
  const source = formatProvenance(finding.provenance);
  const unit = finding.unit === '' ? '.' : finding.unit;
  const text = `${finding.message} (unit ${unit}${source ? `; ${source}` : ''})`;
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: show(text) },
    locations: [
      {
        physicalLocation: buildPhysicalLocation(primary),
        logicalLocations: [
          { name: show(formatObjectRef(finding.object)), fullyQualifiedName: show(formatObjectKey(finding.object)), kind: 'resource' },
        ],
      },
    ],
    ...(related
      ? { relatedLocations: [{ id: 1, physicalLocation: buildPhysicalLocation(related), message: { text: 'The manifest that holds the object.' } }] }
      : {}),
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint },
    properties: {
      unit: show(finding.unit),
      object: {
        group: show(finding.object.group),
        kind: show(finding.object.kind),
        namespace: show(finding.object.namespace),
        name: show(finding.object.name),
        apiVersion: show(finding.object.apiVersion),
      },
    },
  };
}

function buildPhysicalLocation(spot: Spot): Record<string, unknown> {
  return {
    artifactLocation: { uri: spot.uri, uriBaseId: SOURCE_ROOT },
    ...(spot.line !== undefined ? { region: { startLine: spot.line } } : {}),
  };
}

/**
 * Where a finding shows: the kustomization line that lists its object (the manifest file as a
 * related location), else the manifest file, else those of the same object in the report's
 * changes, else the directory of its unit. Code scanning refuses a whole upload when one
 * result has no location, so the last resort is the directory the report's paths start from.
 */
function locateFinding(report: Report, finding: Finding, root: readonly string[], rootUnit: string | undefined): { primary: Spot; related?: Spot } {
  const own = locateProvenance(finding.provenance, root);
  if (own) return own;
  const key = formatObjectKey(finding.object);
  for (const entry of [...report.changes.removed, ...report.changes.added]) {
    if (entry.unit !== finding.unit || formatObjectKey(entry.object) !== key) continue;
    const found = locateProvenance(entry.provenance, root);
    if (found) return found;
  }
  const directory = finding.unit === rootUnit ? '' : findUnitDirectory(report, finding.unit, rootUnit);
  const segments = directory === undefined ? undefined : toSegments(directory);
  return { primary: { uri: (segments && toUri([...root, ...segments])) ?? toUri(root) ?? '.' } };
}

function locateProvenance(provenance: Provenance | undefined, root: readonly string[]): { primary: Spot; related?: Spot } | undefined {
  if (!provenance) return undefined;
  const listed = toSpot(provenance.kustomization, root, provenance.line);
  // With `repo`, `file` is a path inside that remote repository, not this one.
  const file = provenance.repo === undefined ? toSpot(provenance.file, root) : undefined;
  if (listed) return file && file.uri !== listed.uri ? { primary: listed, related: file } : { primary: listed };
  return file ? { primary: file } : undefined;
}

function toSpot(path: string | undefined, root: readonly string[], line?: number): Spot | undefined {
  if (path === undefined) return undefined;
  const segments = toSegments(path);
  if (!segments || segments.length === 0) return undefined;
  const uri = toUri([...root, ...segments]);
  if (uri === undefined) return undefined;
  const validLine = line !== undefined && Number.isSafeInteger(line) && line >= 1 ? line : undefined;
  return { uri, ...(validLine !== undefined ? { line: validLine } : {}) };
}

/**
 * The directory of a unit in the repository: a Flux Kustomization's `spec.path` when it was
 * rendered from this repository, a HelmRelease's or ResourceSet's through the unit that holds
 * it, and the root itself in plain kustomize mode (where a unit is named by its path).
 */
function findUnitDirectory(report: Report, name: string, rootUnit: string | undefined, visited: ReadonlySet<string> = new Set()): string | undefined {
  if (visited.has(name)) return undefined;
  if (name === rootUnit) return '';
  const unit = report.units.find((candidate) => candidate.name === name);
  const parent = unit?.helm?.parent ?? unit?.resourceSet?.parent;
  if (parent !== undefined) return findUnitDirectory(report, parent, rootUnit, new Set([...visited, name]));
  if (unit?.flux) return unit.flux.skipped === null ? unit.flux.path : undefined;
  const fluxMode = report.units.some((candidate) => candidate.flux);
  return fluxMode ? undefined : name;
}

/**
 * The segments of a relative POSIX path inside the repository, `.` and empty ones left out;
 * undefined for an absolute path, a URL or a drive letter, a backslash, or a `..`: such a path
 * names nothing code scanning may point at.
 */
function toSegments(path: string): string[] | undefined {
  if (path.startsWith('/') || path.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? undefined : segments;
}

/**
 * Percent-encodes each segment (`:`, `?`, `#`, `%`, spaces, controls), so the URI is always a
 * relative path; `.` for the repository root; undefined when a segment holds a lone surrogate.
 */
function toUri(segments: readonly string[]): string | undefined {
  if (segments.length === 0) return '.';
  try {
    return segments.map((segment) => encodeURIComponent(segment)).join('/');
  } catch {
    return undefined;
  }
}

function parseRoot(root: string | undefined): readonly string[] {
  if (root === undefined) return [];
  const segments = toSegments(root);
  if (!segments) throw new UsageError(`the SARIF root must be a relative path inside the repository: ${show(root)}`);
  return segments;
}

/**
 * A hash of what makes a finding the same finding in the next run: its rule, unit and
 * object identity (not its message, which counts things, nor its line, which moves).
 */
function hashIdentity(finding: Finding, rootUnit: string | undefined): string {
  // The root unit hashes as `.`, whatever diff named it after: a renamed folder keeps its alerts.
  const unit = finding.unit === rootUnit ? '.' : finding.unit;
  return createHash('sha256').update([finding.rule, unit, formatObjectKey(finding.object)].join('\u0000')).digest('hex');
}
