/**
 * Which chart version Flux's source-controller takes from a Helm repository index for a
 * HelmRelease's `spec.chart.spec.version`. It rests on github.com/Masterminds/semver v3
 * (checked against v3.4/v3.5): its lenient version parser, its precedence, and its range
 * language with the rule that a prerelease only satisfies an AND group that names one. The
 * quirks of that library are kept on purpose (`<=*` matching only 0.0.x, `^*` only 0.0.0):
 * a preview that disagrees with the controller is worse than one that looks odd.
 */

/** A version as Masterminds' `NewVersion` reads it; numbers are bigints because Go's are uint64. */
export interface SemVersion {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  /** Dot-separated identifiers after `-`, empty when none. */
  readonly prerelease: string;
  /** After `+`; never part of precedence. */
  readonly build: string;
  readonly original: string;
}

/** A constraint's operator once aliases (`=>`, `=<`, `~>`, none) are folded in. */
export type ConstraintOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | '~' | '^';

/** One comparison, e.g. `>=1.2.x`. */
export interface Comparison {
  readonly operator: ConstraintOperator;
  /** The version with wildcards and missing parts as zeros; a prerelease is kept. */
  readonly version: SemVersion;
  /** The first part that was a wildcard or missing: `1.x` is `minor`, `*` is `major`. */
  readonly wildcard: 'none' | 'major' | 'minor' | 'patch';
}

/** Comparisons that must all hold; `includesPrerelease` when any of them names a prerelease. */
export interface ComparisonGroup {
  readonly comparisons: readonly Comparison[];
  readonly includesPrerelease: boolean;
}

/** A parsed constraint: any one group (`||`) satisfied is enough. */
export interface VersionConstraint {
  readonly text: string;
  readonly groups: readonly ComparisonGroup[];
}

/** What selection needs of an index entry; Helm's index carries more, and it passes through. */
export interface ChartIndexEntry {
  readonly version: string;
  /** RFC 3339; js-yaml may already have made a Date of it. */
  readonly created?: string | Date | undefined;
}

const MAX_UINT64 = (1n << 64n) - 1n;
// Masterminds sets no limit; the hyphen-range pattern is quadratic in the worst case, and no real range comes near this.
const MAX_CONSTRAINT_LENGTH = 4096;
// Go's `\s`, narrower than JavaScript's.
const WS = '[\\t\\n\\f\\r ]';
const IDENT = '[0-9A-Za-z-]+';
const DOTTED = `${IDENT}(?:\\.${IDENT})*`;
// Masterminds' class admits `|` too; its version parser refuses most of what that lets in.
const PART = '[0-9|xX*]+';
const RANGE_VERSION = `v?${PART}(?:\\.${PART})?(?:\\.${PART})?(?:-${DOTTED})?(?:\\+${DOTTED})?`;
// Longest first, so `>=` is never read as `>` before `=1`.
const OPERATOR = '!=|>=|=>|<=|=<|~>|=|>|<|~|\\^';
const VERSION_TEXT = new RegExp(`^v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${DOTTED}))?(?:\\+(${DOTTED}))?$`);
const HYPHEN_RANGE = new RegExp(`${WS}*(${RANGE_VERSION})${WS}+-${WS}+(${RANGE_VERSION})${WS}*`, 'g');
// One comparison at a given offset. Groups are read by scanning instead of one validating
// pattern as Masterminds does: the same language, without a backtracking blow-up on long blanks.
const TOKEN = new RegExp(`(?:(${OPERATOR})${WS}*)?(v?(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?(?:-(${DOTTED}))?(?:\\+${DOTTED})?)`, 'y');
const BLANK = new RegExp(`${WS}*`, 'y');
const OPERATOR_ALIASES: Readonly<Record<string, ConstraintOperator>> = { '': '=', '=': '=', '!=': '!=', '>': '>', '<': '<', '>=': '>=', '=>': '>=', '<=': '<=', '=<': '<=', '~': '~', '~>': '~', '^': '^' };
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Reads a version as Masterminds' `NewVersion` does (`v` prefix, `1` and `1.2` filled with zeros, leading zeros coerced); undefined when it refuses. */
export function parseVersion(text: string): SemVersion | undefined {
  const match = VERSION_TEXT.exec(text);
  if (!match) return undefined;
  const [, majorText = '', minorText = '0', patchText = '0', prerelease = '', build = ''] = match;
  const [major, minor, patch] = [BigInt(majorText), BigInt(minorText), BigInt(patchText)];
  // Go reads each number as a uint64 and fails past it.
  if (major > MAX_UINT64 || minor > MAX_UINT64 || patch > MAX_UINT64) return undefined;
  // Build metadata may have leading zeros; a numeric prerelease identifier may not.
  if (prerelease.split('.').some((identifier) => /^0[0-9]+$/.test(identifier))) return undefined;
  return { major, minor, patch, prerelease, build, original: text };
}

/** Semver 2.0 precedence: -1, 0 or 1; build metadata never counts. */
export function compareVersions(a: SemVersion, b: SemVersion): -1 | 0 | 1 {
  const numbers = compareBigints(a.major, b.major) || compareBigints(a.minor, b.minor) || compareBigints(a.patch, b.patch);
  if (numbers !== 0) return numbers;
  if (a.prerelease === b.prerelease) return 0;
  // A release outranks its prereleases.
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  const left = a.prerelease.split('.');
  const right = b.prerelease.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const order = compareIdentifiers(left[index], right[index]);
    if (order !== 0) return order;
  }
  return 0;
}

/** Parses Masterminds' constraint language; a problem in its words instead of a throw. */
export function parseConstraint(text: string): { constraint: VersionConstraint } | { problem: string } {
  if (text.length > MAX_CONSTRAINT_LENGTH) return { problem: `constraint longer than ${MAX_CONSTRAINT_LENGTH} characters` };
  // Hyphen ranges become two comparisons before anything else, as Masterminds rewrites them.
  const rewritten = text.replace(HYPHEN_RANGE, '>= $1, <= $2 ');
  const groups: ComparisonGroup[] = [];
  for (const segment of rewritten.split('||')) {
    const comparisons = readGroup(segment);
    if (typeof comparisons === 'string') return { problem: `improper constraint: ${JSON.stringify(comparisons)}` };
    groups.push({ comparisons, includesPrerelease: comparisons.some((comparison) => comparison.version.prerelease !== '') });
  }
  return { constraint: { text, groups } };
}

/** Whether `version` satisfies `constraint`, prereleases admitted only by a group that names one. */
export function matchesConstraint(constraint: VersionConstraint, version: SemVersion): boolean {
  return constraint.groups.some(
    (group) => (version.prerelease === '' || group.includesPrerelease) && group.comparisons.every((comparison) => satisfiesComparison(comparison, version)),
  );
}

/**
 * Picks the index entry source-controller would fetch for `wanted` (its `getChartVersion`):
 * an entry whose version is `wanted` verbatim first; then, with empty or `*` meaning the latest
 * stable one, the highest version satisfying the constraint, a tie (build metadata apart) going to
 * the newer `created`, then to the later entry. The problem reads after a chart name.
 */
export function selectChartVersion<E extends ChartIndexEntry>(entries: readonly E[], wanted: string | undefined): { entry: E } | { problem: string } {
  if (entries.length === 0) return { problem: 'the index lists no versions' };
  const text = wanted ?? '';
  // Verbatim first, so a tag Masterminds cannot read (`1.2`, `nightly`) can still be pinned.
  const verbatim = text === '' ? undefined : entries.find((entry) => entry.version === text);
  if (verbatim) return { entry: verbatim };
  const latestStable = text === '' || text === '*';
  const parsed = parseConstraint(latestStable ? '*' : text);
  if ('problem' in parsed) return { problem: `invalid version constraint '${text}': ${parsed.problem}` };
  const best = pickHighest(entries, (version) => matchesConstraint(parsed.constraint, version));
  if (best) return { entry: best };
  const newest = pickHighest(entries, () => true);
  const hint = newest ? ` (newest: ${newest.version})` : ' (no entry has a semantic version)';
  return { problem: latestStable ? `no stable version${hint}` : `no version matching '${text}'${hint}` };
}

function pickHighest<E extends ChartIndexEntry>(entries: readonly E[], accept: (version: SemVersion) => boolean): E | undefined {
  let best: { entry: E; version: SemVersion; created: bigint | undefined } | undefined;
  for (const entry of entries) {
    const version = parseIndexVersion(entry.version);
    if (!version || !accept(version)) continue;
    const created = readCreated(entry.created);
    const order = best ? compareVersions(version, best.version) : 1;
    // On a full tie the later entry wins: Go's stable sort with source-controller's reversed "less" moves it forward.
    if (!best || order > 0 || (order === 0 && !isBefore(created, best.created))) best = { entry, version, created };
  }
  return best?.entry;
}

// Flux's `version.ParseVersion` wants three dot-separated parts before Masterminds reads it, so an index's `1.2` is skipped.
function parseIndexVersion(text: string): SemVersion | undefined {
  return text.split('.').length >= 3 ? parseVersion(text) : undefined;
}

// Comparisons separated by blanks or one comma (blanks around it allowed); else the text to quote as improper.
function readGroup(segment: string): Comparison[] | string {
  const comparisons: Comparison[] = [];
  let offset = skipBlanks(segment, 0);
  for (;;) {
    TOKEN.lastIndex = offset;
    const match = TOKEN.exec(segment);
    if (!match) return segment;
    const comparison = readComparison(match);
    if (!comparison) return match[0];
    comparisons.push(comparison);
    const end = TOKEN.lastIndex;
    offset = skipBlanks(segment, end);
    if (offset === segment.length) return comparisons;
    if (segment[offset] === ',') offset = skipBlanks(segment, offset + 1);
    // Two comparisons need a separator; a comma needs a comparison after it.
    else if (offset === end) return segment;
    if (offset === segment.length) return segment;
  }
}

function skipBlanks(text: string, offset: number): number {
  BLANK.lastIndex = offset;
  BLANK.exec(text);
  return BLANK.lastIndex;
}

function readComparison(match: RegExpExecArray): Comparison | undefined {
  const [, operator = '', whole = '', major = '', minorPart, patchPart, prerelease] = match;
  const suffix = prerelease === undefined ? '' : `-${prerelease}`;
  // Wildcards and missing parts become zeros; the prerelease stays, build metadata goes.
  let wildcard: Comparison['wildcard'] = 'none';
  let text = whole;
  if (isWildcard(major)) [wildcard, text] = ['major', `0.0.0${suffix}`];
  else if (minorPart === undefined || isWildcard(minorPart)) [wildcard, text] = ['minor', `${major}.0.0${suffix}`];
  else if (patchPart === undefined || isWildcard(patchPart)) [wildcard, text] = ['patch', `${major}.${minorPart}.0${suffix}`];
  const version = parseVersion(text);
  const folded = OPERATOR_ALIASES[operator];
  return version && folded ? { operator: folded, version, wildcard } : undefined;
}

function isWildcard(part: string): boolean {
  return part === 'x' || part === 'X' || part === '*';
}

// Each operator's reading of wildcards follows Masterminds' check functions, odd corners included.
function satisfiesComparison(comparison: Comparison, version: SemVersion): boolean {
  const { operator, version: bound, wildcard } = comparison;
  const order = compareVersions(version, bound);
  switch (operator) {
    case '=':
      return wildcard === 'none' ? order === 0 : satisfiesTilde(comparison, version, order);
    case '!=':
      return differs(comparison, version, order);
    case '>':
      if (wildcard === 'none' || wildcard === 'major') return order > 0;
      if (version.major !== bound.major) return version.major > bound.major;
      return wildcard === 'patch' && version.minor > bound.minor;
    case '<':
      return order < 0;
    case '>=':
      return order >= 0;
    case '<=':
      if (wildcard === 'none') return order <= 0;
      if (version.major > bound.major) return false;
      return !(version.major === bound.major && version.minor > bound.minor && wildcard !== 'minor');
    case '~':
      return satisfiesTilde(comparison, version, order);
    case '^':
      return satisfiesCaret(comparison, version, order);
  }
}

function satisfiesTilde({ version: bound, wildcard }: Comparison, version: SemVersion, order: number): boolean {
  if (order < 0) return false;
  // `~0.0.0` and `*` accept everything from zero up.
  if (bound.major === 0n && bound.minor === 0n && bound.patch === 0n && wildcard !== 'minor' && wildcard !== 'patch') return true;
  if (version.major !== bound.major) return false;
  return wildcard === 'minor' || version.minor === bound.minor;
}

function satisfiesCaret({ version: bound, wildcard }: Comparison, version: SemVersion, order: number): boolean {
  if (order < 0) return false;
  if (bound.major > 0n || wildcard === 'minor') return version.major === bound.major;
  // Below 1.0.0 the minor is the compatibility line, and below 0.1.0 the patch is.
  if (version.major > 0n) return false;
  if (bound.minor > 0n || wildcard === 'patch') return version.minor === bound.minor;
  if (version.minor > 0n) return false;
  return version.patch === bound.patch;
}

function differs({ version: bound, wildcard }: Comparison, version: SemVersion, order: number): boolean {
  if (wildcard !== 'none') {
    if (version.major !== bound.major) return true;
    if (wildcard === 'minor') return false;
    if (version.minor !== bound.minor) return true;
    if (wildcard === 'patch') return version.prerelease !== bound.prerelease;
    if (version.patch !== bound.patch) return true;
  }
  return order !== 0;
}

function compareBigints(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// An absent identifier (the shorter list) sorts first; numbers below text; a "number" past uint64 counts as text, as Go's ParseUint fails on it.
function compareIdentifiers(a: string | undefined, b: string | undefined): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const aNumber = readUint64(a);
  const bNumber = readUint64(b);
  if (aNumber !== undefined && bNumber !== undefined) return compareBigints(aNumber, bNumber);
  if (aNumber !== undefined) return -1;
  if (bNumber !== undefined) return 1;
  // Byte order, as Go compares strings: `BETA` before `alpha`.
  return a < b ? -1 : 1;
}

function readUint64(identifier: string): bigint | undefined {
  if (!/^[0-9]+$/.test(identifier)) return undefined;
  const value = BigInt(identifier);
  return value <= MAX_UINT64 ? value : undefined;
}

// Nanoseconds since the epoch; undefined stands for Go's zero time, earlier than any stamp.
function readCreated(value: string | Date | undefined): bigint | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : BigInt(value.getTime()) * 1_000_000n;
  const match = value === undefined ? null : RFC3339.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * (sign === '-' ? -1 : 1);
  const seconds = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute) - offset, Number(second)) / 1000;
  return BigInt(seconds) * 1_000_000_000n + BigInt(fraction.slice(0, 9).padEnd(9, '0'));
}

function isBefore(a: bigint | undefined, b: bigint | undefined): boolean {
  if (b === undefined) return false;
  return a === undefined || a < b;
}
