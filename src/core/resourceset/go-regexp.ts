/**
 * Go's regexp (RE2 syntax) on JavaScript's engine. A pattern is translated token by token:
 * Go's ASCII \s, its `.` that only excludes \n, leading (?imsU) flags, (?P<name>...), \Q..\E,
 * POSIX classes, \pL; what Go rejects (backreferences, lookaround) fails to compile as in Go;
 * what would behave differently here, or could backtrack without bound (a repeated group
 * that itself repeats), is refused as unsupported. Matching loops follow Go's rules for
 * empty matches, and replacements follow Go's Expand ($1, ${1}, $name, $$).
 */
import { checkLength, GoCallError, TemplateError } from './go-values.ts';

/** The longest text a regular expression is run on here. */
export const MAX_REGEX_SUBJECT = 64 * 1024;

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const PERL_CLASSES: Readonly<Record<string, string>> = { d: '0-9', s: '\\t\\n\\f\\r ', w: '0-9A-Za-z_' };

/** A compiled Go regular expression. */
export interface GoRegexp {
  readonly source: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
}

const literal = (char: string): string => (/[0-9A-Za-z]/.test(char) ? char : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);

/** Compiles a Go pattern; a Go syntax error is a GoCallError with Go's message. */
export function compileGoRegexp(pattern: string): GoRegexp {
  const syntaxError = (message: string): never => {
    throw new GoCallError(`error parsing regexp: ${message}`);
  };
  const refuse = (what: string): never => {
    throw new TemplateError(`regular expression ${JSON.stringify(pattern)}: ${what} is not supported by prune-guard`, `regular expression ${what}`);
  };
  const chars = [...pattern];
  let i = 0;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead) {
    if (lead[1]?.includes('U')) refuse('the U (ungreedy) flag');
    flags = [...new Set(lead[1])].join('');
    i = [...lead[0]].length;
  }
  const dotAll = flags.includes('s');
  const multiline = flags.includes('m');
  const names: string[] = [''];
  let out = '';
  // For each open group: where its text starts and whether it repeats inside.
  const groups: Array<{ start: number; repeats: boolean; alternates?: boolean }> = [];
  let lastAtom: { start: number; repeats: boolean; alternates?: boolean } | undefined;
  let quantified = false;

  const escapeIn = (inClass: boolean): string => {
    const kind = chars[i + 1];
    i += 2;
    if (kind === undefined) return syntaxError('trailing backslash at end of expression: ``');
    if (/[dswDSW]/.test(kind)) {
      const set = PERL_CLASSES[kind.toLowerCase()] ?? '';
      if (inClass) return kind === kind.toLowerCase() ? set : refuse(`\\${kind} inside a class`);
      return kind === kind.toLowerCase() ? `[${set}]` : `[^${set}]`;
    }
    if (kind === 'p' || kind === 'P') {
      let name = chars[i] ?? '';
      if (name === '{') {
        const close = chars.indexOf('}', i);
        if (close < 0) syntaxError(`invalid character class range: \`\\${kind}{\``);
        name = chars.slice(i + 1, close).join('');
        i = close + 1;
      } else i++;
      const negated = (kind === 'P') !== name.startsWith('^');
      const bare = name.replace(/^\^/, '');
      const property = bare === 'Any' ? 'Any' : /^[A-Z][a-z]?$/.test(bare) ? bare : `Script=${bare}`;
      return `\\${negated ? 'P' : 'p'}{${property}}`;
    }
    if (!inClass && (kind === 'b' || kind === 'B')) return `\\${kind}`;
    if (!inClass && kind === 'A') return multiline ? '(?<![\\s\\S])' : '^';
    if (!inClass && kind === 'z') return multiline ? '(?![\\s\\S])' : '$';
    if (kind === 'Q') {
      const end = chars.indexOf('E', i);
      const close = end > 0 && chars[end - 1] === '\\' ? end - 1 : chars.length;
      const text = chars.slice(i, close).map(literal).join('');
      i = close === chars.length ? close : close + 2;
      return inClass ? text : `(?:${text})`;
    }
    const simple: Readonly<Record<string, string>> = { a: '\\x07', f: '\\f', t: '\\t', n: '\\n', r: '\\r', v: '\\v' };
    if (simple[kind] !== undefined) return simple[kind];
    if (kind === 'x') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(chars.slice(i).join(''));
      const short = /^[0-9a-fA-F]{2}/.exec(chars.slice(i).join(''));
      const hex = braced?.[1] ?? short?.[0];
      if (hex === undefined || parseInt(hex, 16) > 0x10ffff) return syntaxError(`invalid escape sequence: \`\\x\``);
      i += braced ? braced[0].length : 2;
      return `\\u{${parseInt(hex, 16).toString(16)}}`;
    }
    if (/[0-7]/.test(kind)) {
      const digits = /^[0-7]{0,2}/.exec(chars.slice(i).join(''))?.[0] ?? '';
      // A lone \1..\7 is a backreference, which RE2 does not have.
      if (kind !== '0' && digits === '') syntaxError(`invalid escape sequence: \`\\${kind}\``);
      i += digits.length;
      return `\\u{${parseInt(kind + digits, 8).toString(16)}}`;
    }
    if (kind.charCodeAt(0) < 0x80 && !/[0-9A-Za-z]/.test(kind)) return literal(kind);
    return syntaxError(`invalid escape sequence: \`\\${kind}\``);
  };

  const parseClass = (): string => {
    i++;
    let body = '';
    if (chars[i] === '^') {
      body += '^';
      i++;
    }
    let first = true;
    while (i < chars.length && (chars[i] !== ']' || first)) {
      first = false;
      if (chars[i] === '[' && chars[i + 1] === ':') {
        const close = chars.indexOf(']', i);
        const name = chars.slice(i + 2, close - 1).join('');
        if (chars[close - 1] === ':' && POSIX_CLASSES[name] !== undefined) {
          body += POSIX_CLASSES[name];
          i = close + 1;
          continue;
        }
        if (chars[close - 1] === ':') refuse(`the class [:${name}:]`);
      }
      if (chars[i] === '\\') body += escapeIn(true);
      else {
        const char = chars[i] ?? '';
        body += char === '-' && chars[i + 1] !== ']' && body !== '' && body !== '^' ? '-' : literal(char);
        i++;
      }
    }
    if (i >= chars.length) syntaxError(`missing closing ]: \`${chars.slice(chars.lastIndexOf('[')).join('')}\``);
    i++;
    return `[${body}]`;
  };

  while (i < chars.length) {
    const char = chars[i] ?? '';
    const start = out.length;
    if (char === '(') {
      const rest = chars.slice(i, i + 4).join('');
      if (rest.startsWith('(?=') || rest.startsWith('(?!') || rest.startsWith('(?<=') || rest.startsWith('(?<!')) syntaxError(`invalid or unsupported Perl syntax: \`${rest.startsWith('(?<') ? rest : rest.slice(0, 3)}\``);
      const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(chars.slice(i).join(''));
      if (named) {
        names.push(named[1] ?? '');
        out += `(?<${named[1]}>`;
        i += named[0].length;
      } else if (rest.startsWith('(?:')) {
        out += '(?:';
        i += 3;
      } else if (rest.startsWith('(?')) refuse('a flag group inside the pattern');
      else {
        names.push('');
        out += '(';
        i++;
      }
      groups.push({ start, repeats: false });
      lastAtom = undefined;
      quantified = false;
      continue;
    }
    if (char === ')') {
      const group = groups.pop();
      if (group === undefined) syntaxError(`unexpected ): \`${pattern}\``);
      out += ')';
      i++;
      lastAtom = group;
      quantified = false;
      if (group?.repeats && groups.length > 0) (groups[groups.length - 1] as { repeats: boolean }).repeats = true;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{([0-9]+)(,([0-9]*))?\})\??/.exec(chars.slice(i).join(''));
    if (quantifier && (char !== '{' || quantifier[0].startsWith('{'))) {
      if (quantified) syntaxError(`invalid nested repetition operator: \`${quantifier[0]}\``);
      if (lastAtom === undefined) syntaxError(`missing argument to repetition operator: \`${quantifier[0]}\``);
      const min = Number(quantifier[1] ?? 0);
      const max = quantifier[3] === undefined ? min : quantifier[3] === '' ? Infinity : Number(quantifier[3]);
      if (min > 1000 || (max !== Infinity && (max > 1000 || max < min))) syntaxError(`invalid repeat count: \`${quantifier[0]}\``);
      const unbounded = max === Infinity || char === '*' || char === '+';
      if (unbounded && lastAtom?.repeats) refuse('a repeated group that itself repeats');
      // (a|aa)* backtracks exponentially in JavaScript's engine, which Go's never does.
      if (unbounded && lastAtom?.alternates) refuse('a repeated group with alternatives');
      out += quantifier[0];
      i += [...quantifier[0]].length;
      quantified = true;
      if (groups.length > 0) (groups[groups.length - 1] as { repeats: boolean }).repeats = true;
      continue;
    }
    quantified = false;
    if (char === '[') out += parseClass();
    else if (char === '\\') out += escapeIn(false);
    else if (char === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n]';
      i++;
    } else if (char === '^' || char === '$') {
      out += multiline ? (char === '^' ? '(?<![^\\n])' : '(?![^\\n])') : char;
      i++;
    } else if (char === '|') {
      out += '|';
      i++;
      const open = groups[groups.length - 1];
      if (open) open.alternates = true;
    } else {
      out += literal(char);
      i++;
    }
    lastAtom = char === '^' || char === '$' || char === '|' ? undefined : { start, repeats: false };
  }
  if (groups.length > 0) syntaxError(`missing closing ): \`${pattern}\``);
  try {
    return { source: pattern, regex: new RegExp(out, `gu${flags.includes('i') ? 'i' : ''}`), names };
  } catch {
    return refuse('this construct');
  }
}

/** The matches of a Go regexp, as Go's FindAll walks them: an empty match right after a match is skipped. */
export function findAll(re: GoRegexp, text: string, limit: number): RegExpExecArray[] {
  if (text.length > MAX_REGEX_SUBJECT) throw new TemplateError(`a regular expression runs on ${text.length} characters, more than the ${MAX_REGEX_SUBJECT} prune-guard allows`);
  const matches: RegExpExecArray[] = [];
  let pos = 0;
  let previousEnd = -1;
  while ((limit < 0 || matches.length < limit) && pos <= text.length) {
    re.regex.lastIndex = pos;
    const match = re.regex.exec(text);
    if (match === null) break;
    const end = match.index + match[0].length;
    let accept = true;
    if (match[0].length === 0) {
      if (match.index === previousEnd) accept = false;
      pos = match.index + Math.max(1, String.fromCodePoint(text.codePointAt(match.index) ?? 0).length);
    } else pos = end;
    previousEnd = end;
    if (accept) matches.push(match);
  }
  return matches;
}

/** Regexp.Expand: $1, ${1}, $name and ${name} from the match, $$ as $. */
export function expandTemplate(re: GoRegexp, template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))?/g, (whole, _all: string | undefined, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    if (name === undefined) return '$';
    if (/^[0-9]+$/.test(name)) return match[Number(name)] ?? '';
    const index = re.names.indexOf(name);
    return index > 0 ? (match[index] ?? '') : '';
  });
}

/** Regexp.ReplaceAllString (expand) or ReplaceAllLiteralString. */
export function replaceAll(re: GoRegexp, text: string, replacement: string, expand: boolean): string {
  if (text.length > MAX_REGEX_SUBJECT) throw new TemplateError(`a regular expression runs on ${text.length} characters, more than the ${MAX_REGEX_SUBJECT} prune-guard allows`);
  let out = '';
  let lastEnd = 0;
  let search = 0;
  while (search <= text.length) {
    re.regex.lastIndex = search;
    const match = re.regex.exec(text);
    if (match === null) break;
    const start = match.index;
    const end = start + match[0].length;
    out += text.slice(lastEnd, start);
    // Go does not replace an empty match that abuts the previous match.
    if (end > lastEnd || start === 0) out += expand ? expandTemplate(re, replacement, match) : replacement;
    checkLength(out.length, 'regexReplaceAll output');
    lastEnd = end;
    const width = search < text.length ? String.fromCodePoint(text.codePointAt(search) ?? 0).length : 1;
    search = search + width > end ? search + width : end;
  }
  return out + text.slice(lastEnd);
}

/** Regexp.Split(text, n). */
export function splitBy(re: GoRegexp, text: string, limit: number): string[] {
  if (limit === 0) return [];
  if (re.source.length > 0 && text.length === 0) return [''];
  const parts: string[] = [];
  let begin = 0;
  let end = 0;
  for (const match of findAll(re, text, limit)) {
    if (limit > 0 && parts.length === limit - 1) break;
    end = match.index;
    if (match.index + match[0].length !== 0) parts.push(text.slice(begin, end));
    begin = match.index + match[0].length;
  }
  if (end !== text.length) parts.push(text.slice(begin));
  return parts;
}
