import { describe, expect, it } from 'vitest';
import { compareVersions, matchesConstraint, parseConstraint, parseVersion, selectChartVersion, type SemVersion, type VersionConstraint } from '../../../src/core/helm/semver-range.ts';

function version(text: string): SemVersion {
  const parsed = parseVersion(text);
  if (!parsed) throw new Error(`test version ${text} does not parse`);
  return parsed;
}

function constraint(text: string): VersionConstraint {
  const parsed = parseConstraint(text);
  if ('problem' in parsed) throw new Error(`test constraint ${text}: ${parsed.problem}`);
  return parsed.constraint;
}

const matches = (range: string, candidate: string): boolean => matchesConstraint(constraint(range), version(candidate));

describe('parseVersion', () => {
  it.each([
    ['1.2.3', [1n, 2n, 3n, '', '']],
    ['v1.2.3', [1n, 2n, 3n, '', '']],
    ['1', [1n, 0n, 0n, '', '']],
    ['1.2', [1n, 2n, 0n, '', '']],
    ['1.2-beta.1', [1n, 2n, 0n, 'beta.1', '']],
    ['1.2.3-rc.1+build.007', [1n, 2n, 3n, 'rc.1', 'build.007']],
    ['2025.02.03', [2025n, 2n, 3n, '', '']],
    ['18446744073709551615.0.0', [18446744073709551615n, 0n, 0n, '', '']],
  ] as const)('reads %s leniently, as NewVersion does', (text, [major, minor, patch, prerelease, build]) => {
    expect(parseVersion(text)).toEqual({ major, minor, patch, prerelease, build, original: text });
  });

  it.each(['', 'latest', 'V1.2.3', ' 1.2.3', '1.2.3.4', '1.2.3-', '1.2.3+', '1.2.3-beta..1', '1.2.3-beta.01', '1.2.3_beta', '18446744073709551616.0.0', '1.x'])('refuses %j', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it('orders prereleases as semver.org does: fewer identifiers first, numbers numerically and below text, text in ASCII order', () => {
    const ordered = ['1.0.0-BETA', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0', '10.0.0'];
    for (let index = 1; index < ordered.length; index++) {
      expect(compareVersions(version(ordered[index - 1] ?? ''), version(ordered[index] ?? ''))).toBe(-1);
      expect(compareVersions(version(ordered[index] ?? ''), version(ordered[index - 1] ?? ''))).toBe(1);
    }
  });

  it.each([
    ['1.2+bar', '1.2.0+baz', 0],
    ['v1.2.3', '1.2.3', 0],
    ['1.3', '1.1.4', 1],
    ['4.2-beta', '4.2-beta.foo', -1],
    ['1.0.0-beta.4', '1.0.0-beta.-2', -1], // `-2` is text, not a negative number
    ['1.0.0-beta.-2', '1.0.0-beta.-3', -1],
    ['1.0.0-1', '1.0.0-a', -1],
    ['1.0.0-99999', '1.0.0-18446744073709551616', -1], // past uint64 Go no longer reads a number
    ['1.0.0-18446744073709551615', '1.0.0-18446744073709551616', -1],
  ] as const)('%s against %s is %d', (a, b, expected) => {
    expect(compareVersions(version(a), version(b))).toBe(expected);
  });
});

describe('matchesConstraint', () => {
  it.each([
    // Plain comparisons and equality (no operator is `=`).
    ['=2.0.0', '2.0.0', true],
    ['2.0.0', '2.0.1', false],
    ['!=4.1.0', '4.1.1', true],
    ['!=4.1.0', '4.1.0', false],
    ['>1.1', '1.1.0', false],
    ['>1.1', '1.2.1', true],
    ['>11', '11.9.0', false],
    ['>=1.1', '1.1.0', true],
    ['>=1.1', '0.0.9', false],
    ['<1.1', '1.0.9', true],
    ['<1.1', '1.1.0', false],
    ['=< 1.2', '1.2.0', true],
    ['=> 1.2', '1.2.0', true],
    ['<=1.1', '1.1.9', true], // a short bound covers its whole minor
    ['<=1.1', '1.2.0', false],
    ['<=11', '11.2.3', true],
    // Wildcards: on `=` they read as tilde.
    ['1.2.x', '1.2.9', true],
    ['1.2.x', '1.3.0', false],
    ['1.x', '1.9.9', true],
    ['2', '2.1.1', true],
    ['2', '3.0.0', false],
    ['=2.0', '2.0.1', true],
    ['>= 1.2.x', '1.2.0', true],
    ['>= 1.2.x', '1.1.9', false],
    ['<= 2.x', '2.9.9', true],
    ['<= 2.x', '3.0.0', false],
    ['*', '4.5.6', true],
    ['X', '0.0.0', true],
    ['!=4.x', '4.1.0', false],
    ['!=4.x', '5.1.0', true],
    ['!=4.1-alpha', '4.1.1-alpha', false],
    // Tilde: patch level, or minor level when the minor is missing.
    ['~1.2.3', '1.2.5', true],
    ['~1.2.3', '1.2.2', false],
    ['~1.2.3', '1.3.0', false],
    ['~1.2', '1.2.9', true],
    ['~1.2', '1.3.0', false],
    ['~1', '1.9.0', true],
    ['~1', '2.0.0', false],
    ['~>1.x', '1.3.5', true],
    ['~0.0.0', '1.2.3', true],
    // Caret: same major, or same minor below 1.0.0, or same patch below 0.1.0.
    ['^1.2.3', '1.8.9', true],
    ['^1.2.3', '1.2.2', false],
    ['^1.2.3', '2.0.0', false],
    ['^1.2.x', '1.9.0', true],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.2', '0.2.0', true],
    ['^0.0.3', '0.0.3', true],
    ['^0.0.3', '0.0.4', false],
    ['^0.0', '0.0.9', true],
    ['^0.0', '0.1.0', false],
    ['^0', '0.9.9', true],
    ['^0', '1.0.0', false],
    ['^0.0.0', '1.2.3', false],
    // Hyphen ranges are inclusive, a short upper bound covering its minor; without spaces it is a prerelease.
    ['1.2 - 1.4.5', '1.2.0', true],
    ['1.2 - 1.4.5', '1.4.5', true],
    ['1.2 - 1.4.5', '1.4.6', false],
    ['1.2 - 1.4.5', '1.1.9', false],
    ['2.3.4 - 4.5', '4.5.9', true],
    ['1.0.0 - 2.0.0, <=1.5.0', '1.6.0', false],
    ['1.2-1.4.5', '1.4.5', false],
    ['1.2-1.4.5', '1.2.7', true],
    // AND by comma or space, OR by ||.
    ['>1.1, <2', '1.2.1', true],
    ['>1.1 <2', '2.0.0', false],
    ['>=1.1, <2, !=1.2.3 || > 3', '1.2.3', false],
    ['>=1.1, <2, !=1.2.3 || > 3', '4.1.2', true],
    ['>= 1.1 <2 != 1.2.3 || >= 3', '3.0.0', true],
    ['3 - 4 || => 3.0, < 4', '4.9.0', true],
  ] as const)('%s against %s is %s', (range, candidate, expected) => {
    expect(matches(range, candidate)).toBe(expected);
  });

  it.each([
    // A prerelease only answers a group that names one, whatever the numbers say.
    ['>=1.2', '1.2.3-beta', false],
    ['>=1.2.3-alpha', '1.2.3-beta', true],
    ['*', '1.2.3-alpha.1', false],
    ['*-0', '1.2.3-alpha.1', true],
    ['>=0.0.0-0', '3.4.5-beta.1', true],
    ['>=0.0.0-0', '1.2.3', true],
    ['^1.2.0', '1.2.1-alpha.1', false],
    ['^1.2.0-alpha.0', '1.2.1-alpha.1', true], // not only the same patch, unlike npm
    ['^0.2.3-beta.2', '0.3.4-beta.2', false],
    ['~1.1.1-beta', '1.1.1-alpha', false],
    ['>=1.2.3-BETA', '1.2.3-alpha', true], // ASCII: upper case sorts first
    ['<0-z', '0.0.0-alpha', true],
    ['>0-0', '0.0.0-alpha', false], // `0` reads as 0.x: nothing in 0.x is above it
    // The one comparison with a prerelease opens the whole AND group, but not the other OR branch.
    ['>= 1.0.0-0 <= 2.0.0', '1.0.1-beta', true],
    ['>= 1.0.0 <= 2.0.0-beta', '1.0.1-beta', true],
    ['>= 1.0.0 <= 2.0.0-beta || > 3', '3.0.1-beta', false],
    ['<2.0.0 || >=3.0.0-0', '1.5.0-rc.1', false],
    ['<2.0.0 || >=3.0.0-0', '3.1.0-rc.1', true],
  ] as const)('prerelease: %s against %s is %s', (range, candidate, expected) => {
    expect(matches(range, candidate)).toBe(expected);
  });

  it('keeps the corners of Masterminds wildcards that a reader would not guess', () => {
    expect(matches('<=*', '0.0.5')).toBe(true);
    expect(matches('<=*', '1.0.0')).toBe(false);
    expect(matches('^*', '0.0.0')).toBe(true);
    expect(matches('^*', '0.0.1')).toBe(false);
    expect(matches('>*', '0.0.0')).toBe(false);
    expect(matches('>*', '0.0.1')).toBe(true);
  });
});

describe('parseConstraint', () => {
  it('splits OR groups and AND comparisons, folding operator aliases', () => {
    const parsed = constraint('>= 1.2.3, < 2.0 || ~> 3.x');
    expect(parsed.groups.map((group) => group.comparisons.map((comparison) => [comparison.operator, comparison.wildcard]))).toEqual([
      [['>=', 'none'], ['<', 'patch']],
      [['~', 'minor']],
    ]);
    expect(constraint('1.0.0 - 2.0.0, <=2.0.0').groups[0]?.comparisons).toHaveLength(3);
    expect(constraint('12.3.34 ~1.2.3').groups[0]?.comparisons).toHaveLength(2);
    expect(constraint('v2.3.5-20161202202307-sha.e8fc5e5').groups[0]?.comparisons[0]?.version.prerelease).toBe('20161202202307-sha.e8fc5e5');
  });

  it('rewrites a hyphen range together with the blanks before it, so after a blank-separated comparison it is improper', () => {
    expect(parseConstraint('>=1.0 2 - 3')).toEqual({ problem: 'improper constraint: ">=1.0>= 2, <= 3 "' });
    expect(constraint('>=1.0, 2 - 3').groups[0]?.comparisons).toHaveLength(3);
  });

  it('answers quickly for pathological text, and refuses text past 4096 characters', () => {
    for (const text of [`1${' '.repeat(4000)}!`, `>=${' '.repeat(4000)}1 !`, `${'1'.repeat(4000)} !`, `${'1 '.repeat(2000)}!`, `1${' - '.repeat(1300)}`]) {
      const start = performance.now();
      expect(parseConstraint(text)).toHaveProperty('problem');
      expect(performance.now() - start).toBeLessThan(1000);
    }
    expect(parseConstraint(`${'1.0.0 || '.repeat(455)}1.0.0`)).toEqual({ problem: 'constraint longer than 4096 characters' });
    expect(parseConstraint(`${'1.0.0 || '.repeat(454)}1.0.0`)).toHaveProperty('constraint');
  });

  it.each(['', ' ', 'foo', '>= bar', 'BAR >= 1.2.3', '12.3.4.1234', '12.3.34~ 1.2.3', '> =1', '1.2,', ',1.2', '1.2 ||', '>=1.2 - 2', 'v1.2.3-beta.01', '1.2.3.x', 'xx', '99999999999999999999'])('says %j is improper instead of throwing', (text) => {
    const parsed = parseConstraint(text);
    expect(parsed).toEqual({ problem: expect.stringMatching(/^improper constraint: ".*"$/) });
  });
});

describe('selectChartVersion', () => {
  const entries = (...versions: string[]) => versions.map((text) => ({ version: text, urls: [`app-${text}.tgz`] }));

  it('takes the latest stable version for no version, an empty one, or *', () => {
    const index = entries('1.0.0', '2.0.0-rc.1', '1.5.0', 'nightly');
    for (const wanted of [undefined, '', '*']) expect(selectChartVersion(index, wanted)).toEqual({ entry: { version: '1.5.0', urls: ['app-1.5.0.tgz'] } });
  });

  it('takes the highest version a range allows, passing the entry through untouched', () => {
    const index = entries('1.0.0', '1.9.0', '2.0.0', '1.9.1-rc.1');
    const choice = selectChartVersion(index, '^1.0.0');
    expect(choice).toEqual({ entry: index[1] });
    expect('entry' in choice && choice.entry).toBe(index[1]);
    expect(selectChartVersion(index, '>=1.9.1-0 <2')).toEqual({ entry: index[3] });
  });

  it('prefers an entry named verbatim, even one Masterminds cannot read or ranges would skip', () => {
    expect(selectChartVersion(entries('1.2', '1.2.5'), '1.2')).toEqual({ entry: { version: '1.2', urls: ['app-1.2.tgz'] } });
    expect(selectChartVersion(entries('nightly', '1.0.0'), 'nightly')).toEqual({ entry: { version: 'nightly', urls: ['app-nightly.tgz'] } });
    expect(selectChartVersion(entries('2.0.0-rc.1', '1.0.0'), '2.0.0-rc.1')).toEqual({ entry: { version: '2.0.0-rc.1', urls: ['app-2.0.0-rc.1.tgz'] } });
    // As a range `1.2` is ~1.2, and Flux skips index versions with fewer than three parts.
    expect(selectChartVersion(entries('1.2', '1.2.5'), '~1.2')).toEqual({ entry: { version: '1.2.5', urls: ['app-1.2.5.tgz'] } });
  });

  it('breaks ties (versions equal but for build metadata) by the newer created, then by the later entry', () => {
    const tied = [
      { version: '1.0.0+a', created: '2024-01-01T00:00:00Z' },
      { version: '1.0.0+b', created: '2024-03-01T00:00:00.5+01:00' },
      { version: '1.0.0+c', created: '2024-02-29T23:30:00Z' }, // 30 minutes later than +b in UTC
      { version: '0.9.0', created: '2025-01-01T00:00:00Z' },
    ];
    expect(selectChartVersion(tied, '1.0.0')).toEqual({ entry: tied[2] });
    const nanos = [{ version: '1.0.0+x', created: '2024-01-01T00:00:00.000000002Z' }, { version: '1.0.0+y', created: '2024-01-01T00:00:00.000000001Z' }];
    expect(selectChartVersion(nanos, '*')).toEqual({ entry: nanos[0] });
    const dated = [{ version: '1.0.0+x', created: new Date('2024-01-02T00:00:00Z') }, { version: '1.0.0+y', created: '2024-01-01T00:00:00Z' }, { version: '1.0.0+z' }];
    expect(selectChartVersion(dated, '*')).toEqual({ entry: dated[0] });
    const unstamped = entries('1.0.0+x', '1.0.0+y');
    expect(selectChartVersion(unstamped, '^1')).toEqual({ entry: unstamped[1] });
  });

  it('says what it found when nothing matches, for the caller to put after a chart name', () => {
    expect(selectChartVersion(entries('1.0.0', '1.4.0', '1.3.0'), '>=2')).toEqual({ problem: "no version matching '>=2' (newest: 1.4.0)" });
    expect(selectChartVersion(entries('2.0.0-rc.1', '1.0.0-beta'), undefined)).toEqual({ problem: 'no stable version (newest: 2.0.0-rc.1)' });
    expect(selectChartVersion(entries('latest', '1.2'), '*')).toEqual({ problem: 'no stable version (no entry has a semantic version)' });
    expect(selectChartVersion([], '1.0.0')).toEqual({ problem: 'the index lists no versions' });
    expect(selectChartVersion(entries('1.0.0'), '>= bar')).toEqual({ problem: `invalid version constraint '>= bar': improper constraint: ">= bar"` });
  });
});
