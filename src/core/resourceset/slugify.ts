/**
 * github.com/gosimple/slug's Make as the operator configures it (MaxLength 63,
 * EnableSmartTruncate): the "en" substitutions (& -> and, @ -> at, quotes dropped, dashes),
 * unidecode's transliteration, lower case, every run of other characters as one `-`,
 * `-` and `_` trimmed from the ends, then a cut at the last `-` within 63 characters.
 * Transliteration covers the blocks in slug-transliterations.ts; a rune of another block
 * (CJK, Arabic, ...) is refused rather than guessed.
 */
import { TRANSLITERATION_BLOCKS } from './slug-transliterations.ts';
import { TemplateError } from './go-values.ts';
import { trimSpace } from './sprig-strings.ts';

/** The operator's slug.MaxLength. */
export const SLUG_MAX_LENGTH = 63;

const EN_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  '&': 'and',
  '@': 'at',
  '"': '',
  "'": '',
  '\u2019': '',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
};

const TABLE: ReadonlyMap<number, string> = new Map(TRANSLITERATION_BLOCKS.flatMap(([first, entries]) => entries.split('|').map((entry, i) => [first + i, entry] as const)));

function transliterate(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char;
  // unidecode knows only the Basic Multilingual Plane and drops everything above it.
  if (code > 0xffff) return '';
  const entry = TABLE.get(code);
  if (entry === undefined) {
    throw new TemplateError(`slugify cannot transliterate ${JSON.stringify(char)} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) as the operator's unidecode table does; prune-guard knows Latin, Greek, Cyrillic and symbols`, 'slugify of this script');
  }
  return entry;
}

function smartTruncate(text: string): string {
  if (text.length <= SLUG_MAX_LENGTH) return text;
  for (let i = SLUG_MAX_LENGTH; i >= 0; i--) if (text[i] === '-') return text.slice(0, i);
  return text.slice(0, SLUG_MAX_LENGTH);
}

/** slug.Make(text) with MaxLength 63 and smart truncation. */
export function slugify(text: string): string {
  const substituted = [...trimSpace(text)].map((char) => EN_SUBSTITUTIONS[char] ?? char);
  const ascii = substituted.map((part) => [...part].map(transliterate).join('')).join('');
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return smartTruncate(slug);
}
