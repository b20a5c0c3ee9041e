/**
 * slim-sprig's regex functions (regex.go). regexMatch answers false for a pattern Go cannot
 * compile; the other plain variants panic (MustCompile), which fails the template; the must*
 * variants return the compile error.
 */
import { compileGoRegexp, findAll, replaceAll, splitBy, type GoRegexp } from './go-regexp.ts';
import { goFunction, type TemplateFunction } from './go-signature.ts';
import { GoCallError, numberValue, tagList } from './go-values.ts';

function compile(pattern: string, must: boolean): GoRegexp {
  try {
    return compileGoRegexp(pattern);
  } catch (error) {
    if (error instanceof GoCallError) throw new GoCallError(must ? error.message : `regexp: Compile(${quoteBacktick(pattern)}): ${error.message}`);
    throw error;
  }
}

// regexp.MustCompile quotes the pattern with strconv.Quote unless it can be backquoted.
const quoteBacktick = (pattern: string): string => (/[`\x00-\x08\x0a-\x1f\x7f]/.test(pattern) ? JSON.stringify(pattern) : `\`${pattern}\``);

function matches(pattern: string, text: string, must: boolean): boolean {
  let re: GoRegexp;
  try {
    re = compileGoRegexp(pattern);
  } catch (error) {
    if (error instanceof GoCallError && !must) return false;
    throw error;
  }
  return findAll(re, text, 1).length > 0;
}

const family = (must: boolean): Readonly<Record<string, TemplateFunction>> => ({
  Match: goFunction(['string', 'string'], (pattern: string, text: string) => matches(pattern, text, must)),
  FindAll: goFunction(['string', 'string', 'int'], (pattern: string, text: string, n: unknown) =>
    tagList(
      findAll(compile(pattern, must), text, numberValue(n)).map((match) => match[0]),
      '[]string',
    ),
  ),
  Find: goFunction(['string', 'string'], (pattern: string, text: string) => findAll(compile(pattern, must), text, 1)[0]?.[0] ?? ''),
  ReplaceAll: goFunction(['string', 'string', 'string'], (pattern: string, text: string, replacement: string) => replaceAll(compile(pattern, must), text, replacement, true)),
  ReplaceAllLiteral: goFunction(['string', 'string', 'string'], (pattern: string, text: string, replacement: string) => replaceAll(compile(pattern, must), text, replacement, false)),
  Split: goFunction(['string', 'string', 'int'], (pattern: string, text: string, n: unknown) => tagList(splitBy(compile(pattern, must), text, numberValue(n)), '[]string')),
});

const plain = family(false);
const strict = family(true);

/** The regex functions of slim-sprig, by name. */
export const REGEX_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  ...Object.fromEntries(Object.entries(plain).map(([suffix, fn]) => [`regex${suffix}`, fn])),
  ...Object.fromEntries(Object.entries(strict).map(([suffix, fn]) => [`mustRegex${suffix}`, fn])),
  regexQuoteMeta: goFunction(['string'], (text: string) => text.replace(/[\\.+*?()|[\]{}^$]/g, (char) => `\\${char}`)),
};

