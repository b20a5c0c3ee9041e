/**
 * Object patterns: minimatch globs over `group/Kind/namespace/name`, as the configuration's
 * `ignore` and `severity` entries use them, and applying them to objects and findings.
 */
import { Minimatch, braceExpand, type MinimatchOptions } from 'minimatch';
import type { Config } from './config-model.ts';
import type { Finding } from '../rules/findings.ts';
import { formatObjectKey, type ObjectId } from '../objects/kube-objects.ts';

/**
 * Minimatch settings for object keys. Empty segments are meaningful (core group, cluster
 * scope), so `//` must not collapse into `/`. `dot` because nothing in a key is hidden; no
 * comments or negation, which make no sense for one key; `linux` so that `\` is an escape
 * and `//` no UNC root on every platform. Braces are expanded by {@link compilePattern}.
 */
const MATCH_OPTIONS: MinimatchOptions = {
  dot: true,
  nocomment: true,
  nonegate: true,
  preserveMultipleSlashes: true,
  platform: 'linux',
};

/** Segments in an object key: group/Kind/namespace/name. */
const KEY_SEGMENTS = 4;

/**
 * Returns why a pattern can never match (the end of a sentence about it), or undefined.
 * Such a pattern would otherwise fail silently: an ignore that ignores nothing looks fine.
 */
export function findPatternProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'is empty';
  // No group, kind, namespace or name contains whitespace, so such a pattern never matches.
  if (/\s/.test(pattern)) return 'contains whitespace, which no object key does';
  if (pattern.startsWith('!')) return "starts with '!': negated patterns are not supported";
  for (const alternative of braceExpand(pattern, MATCH_OPTIONS)) {
    const segments = alternative.split('/');
    const fixed = segments.filter((segment) => segment !== '**').length;
    if (segments.length === fixed && fixed !== KEY_SEGMENTS) {
      return (
        `has ${fixed} segment${fixed === 1 ? '' : 's'}, but an object key has four, group/Kind/namespace/name ` +
        `(the core group and the namespace of cluster-scoped objects are empty, e.g. /Namespace//kube-system; ** matches any number)`
      );
    }
    if (fixed > KEY_SEGMENTS) return 'has more than four segments besides **, but an object key has four: group/Kind/namespace/name';
  }
  return undefined;
}

const compiledPatterns = new Map<string, readonly Minimatch[]>();

/**
 * Compiles a pattern into matchers for every brace alternative and every way of reading its
 * whole-`*` segments as empty. Memoized: the same few patterns are tested against every object.
 */
function compilePattern(pattern: string): readonly Minimatch[] {
  const cached = compiledPatterns.get(pattern);
  if (cached) return cached;
  const matchers: Minimatch[] = [];
  for (const alternative of braceExpand(pattern, MATCH_OPTIONS)) {
    const segments = alternative.split('/');
    // A key has four segments: more fixed ones can never match, and this bounds the variants below.
    if (segments.filter((segment) => segment !== '**').length > KEY_SEGMENTS) continue;
    const stars = segments.flatMap((segment, index) => (segment === '*' ? [index] : []));
    for (let mask = 0; mask < 2 ** stars.length; mask++) {
      const variant = segments.map((segment, index) => {
        const bit = stars.indexOf(index);
        return bit !== -1 && mask & (1 << bit) ? '' : segment;
      });
      matchers.push(new Minimatch(variant.join('/'), { ...MATCH_OPTIONS, nobrace: true }));
    }
  }
  compiledPatterns.set(pattern, matchers);
  return matchers;
}

/**
 * Returns true when the object's key `group/Kind/namespace/name` matches the minimatch pattern.
 * The core group and the namespace of cluster-scoped objects are empty segments
 * (`/Namespace//kube-system`). minimatch's `*` never matches an empty segment, so a `*` for
 * the namespace would miss every cluster-scoped object and a `*` for the group every core
 * object; here a segment that is exactly `*` means "any value of this field", empty included. `**` already spans
 * empty segments, an empty segment (`//`) matches only the empty value, and `//` is never
 * collapsed into `/`, so segments stay in their places.
 */
export function matchesObjectPattern(pattern: string, id: ObjectId): boolean {
  const key = formatObjectKey(id);
  return compilePattern(pattern).some((matcher) => matcher.match(key));
}

/** Returns true when the object matches any `ignore` pattern of the config. */
export function isIgnoredObject(id: ObjectId, config: Config): boolean {
  return config.ignore.some((pattern) => matchesObjectPattern(pattern, id));
}

/**
 * Returns the findings with the severity of the first override (in file order) whose pattern
 * matches the finding's object and whose `rules`, if any, include the finding's rule.
 * Findings no override matches are returned as they are.
 */
export function applySeverityOverrides(findings: readonly Finding[], config: Config): Finding[] {
  return findings.map((finding) => {
    const override = config.severity.find(
      (candidate) =>
        (candidate.rules === undefined || candidate.rules.includes(finding.rule)) &&
        matchesObjectPattern(candidate.match, finding.object),
    );
    return override && override.severity !== finding.severity ? { ...finding, severity: override.severity } : finding;
  });
}

/** Returns the object set without the objects the configuration ignores. */
export function dropIgnoredObjects<T extends { readonly id: ObjectId }>(set: ReadonlyMap<string, T>, config: Config): ReadonlyMap<string, T> {
  if (config.ignore.length === 0) return set;
  return new Map([...set].filter(([, object]) => !isIgnoredObject(object.id, config)));
}
