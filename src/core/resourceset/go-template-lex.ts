/**
 * The lexer of Go's text/template (parse/lex.go) with configurable delimiters: text, actions
 * with their trim markers (`<<- ` and ` ->>`, which need the space, as Go), comments, and the
 * tokens inside actions. Newlines may appear inside actions, as Go 1.16+ allows.
 */
import { TemplateError } from './go-values.ts';

/** What a token is. */
export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'keyword'
  | 'bool'
  | 'number'
  | 'complex'
  | 'charConstant'
  | 'string'
  | 'rawString'
  | 'leftParen'
  | 'rightParen'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'char'
  | 'dot'
  | 'nil'
  | 'eof';

/** One token: its type, its text and where it starts. */
export interface Token {
  readonly type: TokenType;
  readonly value: string;
  readonly pos: number;
}

const KEYWORDS: ReadonlySet<string> = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const TRIM_SPACES = ' \t\r\n';
const ALPHANUMERIC = /^[\p{L}\p{Nd}_]$/u;

const isSpace = (char: string | undefined): boolean => char !== undefined && char !== '' && TRIM_SPACES.includes(char);
const isAlphaNumeric = (char: string | undefined): boolean => char !== undefined && ALPHANUMERIC.test(char);

/** The 1-based line of an offset, for messages. */
export function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Splits a template into tokens; a lexical error is a TemplateError as Go's parser reports it. */
export function lexTemplate(text: string, name: string, left: string, right: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (at: number, message: string): never => {
    throw new TemplateError(`template: ${name}:${lineOf(text, at)}: ${message}`);
  };
  const charAt = (at: number): string | undefined => {
    const code = text.codePointAt(at);
    return code === undefined ? undefined : String.fromCodePoint(code);
  };
  const hasLeftTrim = (at: number): boolean => text[at] === '-' && isSpace(text[at + 1]);
  const hasRightTrim = (at: number): boolean => isSpace(text[at]) && text[at + 1] === '-';
  const atRightDelim = (at: number): { delim: boolean; trim: boolean } => {
    if (hasRightTrim(at) && text.startsWith(right, at + 2)) return { delim: true, trim: true };
    return { delim: text.startsWith(right, at), trim: false };
  };
  const skipSpaces = (at: number): number => {
    let p = at;
    while (isSpace(text[p])) p++;
    return p;
  };
  const rightFirst = right === '' ? '' : String.fromCodePoint(right.codePointAt(0) ?? 0);
  // Go ends an identifier at a space, punctuation of the grammar, or the right delimiter's first rune.
  const atTerminator = (at: number): boolean => {
    const char = charAt(at);
    if (char === undefined || isSpace(char) || '.,|:)('.includes(char)) return true;
    return char === rightFirst;
  };
  const scanWhile = (at: number, test: (char: string | undefined) => boolean): number => {
    let p = at;
    for (let char = charAt(p); char !== undefined && test(char); char = charAt(p)) p += char.length;
    return p;
  };

  const scanNumber = (at: number): number => {
    let p = at;
    if (text[p] === '+' || text[p] === '-') p++;
    let digits = '0123456789_';
    let decimal = true;
    if (text[p] === '0' && /[xXoObB]/.test(text[p + 1] ?? '')) {
      const base = (text[p + 1] ?? '').toLowerCase();
      digits = base === 'x' ? '0123456789abcdefABCDEF_' : base === 'o' ? '01234567_' : '01_';
      decimal = false;
      p += 2;
    }
    const run = (set: string): void => {
      while (p < text.length && set.includes(text[p] ?? '')) p++;
    };
    run(digits);
    if (text[p] === '.') {
      p++;
      run(digits);
    }
    if (decimal && (text[p] === 'e' || text[p] === 'E')) {
      p++;
      if (text[p] === '+' || text[p] === '-') p++;
      run('0123456789_');
    }
    if (digits.length === 23 && (text[p] === 'p' || text[p] === 'P')) {
      p++;
      if (text[p] === '+' || text[p] === '-') p++;
      run('0123456789_');
    }
    if (text[p] === 'i') p++;
    if (isAlphaNumeric(charAt(p))) fail(at, `bad number syntax: ${JSON.stringify(text.slice(at, p + 1))}`);
    return p;
  };

  const scanQuoted = (at: number, quote: string, what: string): number => {
    let p = at + 1;
    for (;;) {
      const char = text[p];
      if (char === '\\') {
        const next = text[p + 1];
        if (next === undefined || next === '\n') fail(at, `unterminated ${what}`);
        p += 2;
        continue;
      }
      if (char === undefined || char === '\n') fail(at, `unterminated ${what}`);
      p++;
      if (char === quote) return p;
    }
  };

  const lexAction = (start: number): number => {
    let p = start;
    let parenDepth = 0;
    const push = (type: TokenType, end: number): void => {
      tokens.push({ type, value: text.slice(p, end), pos: p });
      p = end;
    };
    for (;;) {
      const { delim, trim } = atRightDelim(p);
      if (delim) {
        if (parenDepth > 0) fail(p, 'unclosed left paren');
        const end = p + (trim ? 2 : 0) + right.length;
        tokens.push({ type: 'rightDelim', value: right, pos: p + (trim ? 2 : 0) });
        return trim ? skipSpaces(end) : end;
      }
      const char = charAt(p);
      if (char === undefined) return fail(start, 'unclosed action');
      if (isSpace(char)) {
        let end = skipSpaces(p);
        // A space before ` ->>` belongs to the delimiter.
        if (hasRightTrim(end - 1) && text.startsWith(right, end + 1)) {
          end--;
          if (end === p) continue;
        }
        push('space', end);
      } else if (char === '=') push('assign', p + 1);
      else if (char === ':') {
        if (text[p + 1] !== '=') fail(p, 'expected :=');
        push('declare', p + 2);
      } else if (char === '|') push('pipe', p + 1);
      else if (char === '(') {
        parenDepth++;
        push('leftParen', p + 1);
      } else if (char === ')') {
        parenDepth--;
        if (parenDepth < 0) fail(p, 'unexpected right paren');
        push('rightParen', p + 1);
      } else if (char === '"') push('string', scanQuoted(p, '"', 'quoted string'));
      else if (char === '`') {
        const end = text.indexOf('`', p + 1);
        if (end < 0) fail(p, 'unterminated raw quoted string');
        push('rawString', end + 1);
      } else if (char === "'") push('charConstant', scanQuoted(p, "'", 'character constant'));
      else if (char === '$' || (char === '.' && !/[0-9]/.test(text[p + 1] ?? ''))) {
        if (atTerminator(p + 1)) push(char === '$' ? 'variable' : 'dot', p + 1);
        else {
          const end = scanWhile(p + 1, isAlphaNumeric);
          if (!atTerminator(end)) fail(end, `bad character ${describeRune(charAt(end))}`);
          push(char === '$' ? 'variable' : 'field', end);
        }
      } else if (char === '.' || char === '+' || char === '-' || /[0-9]/.test(char)) {
        const end = scanNumber(p);
        if (text[end] === '+' || text[end] === '-') {
          const imaginary = scanNumber(end);
          if (text[imaginary - 1] !== 'i') fail(p, `bad number syntax: ${JSON.stringify(text.slice(p, imaginary))}`);
          push('complex', imaginary);
        } else push('number', end);
      } else if (isAlphaNumeric(char)) {
        const end = scanWhile(p, isAlphaNumeric);
        if (!atTerminator(end)) fail(end, `bad character ${describeRune(charAt(end))}`);
        const word = text.slice(p, end);
        if (KEYWORDS.has(word)) push('keyword', end);
        else if (word === 'nil') push('nil', end);
        else if (word === 'true' || word === 'false') push('bool', end);
        else push('identifier', end);
      } else if (char.charCodeAt(0) < 0x7f && char >= ' ') push('char', p + 1);
      else fail(p, `unrecognized character in action: ${describeRune(char)}`);
    }
  };

  while (pos < text.length) {
    const found = text.indexOf(left, pos);
    if (found < 0) {
      tokens.push({ type: 'text', value: text.slice(pos), pos });
      pos = text.length;
      break;
    }
    const afterLeft = found + left.length;
    const trimLeft = hasLeftTrim(afterLeft);
    let textEnd = found;
    if (trimLeft) while (textEnd > pos && isSpace(text[textEnd - 1])) textEnd--;
    if (textEnd > pos) tokens.push({ type: 'text', value: text.slice(pos, textEnd), pos });
    const inside = afterLeft + (trimLeft ? 2 : 0);
    if (text.startsWith('/*', inside)) {
      const close = text.indexOf('*/', inside + 2);
      if (close < 0) fail(found, 'unclosed comment');
      const { delim, trim } = atRightDelim(close + 2);
      if (!delim) fail(found, 'comment ends before closing delimiter');
      const end = close + 2 + (trim ? 2 : 0) + right.length;
      pos = trim ? skipSpaces(end) : end;
      continue;
    }
    tokens.push({ type: 'leftDelim', value: left, pos: found });
    pos = lexAction(inside);
  }
  tokens.push({ type: 'eof', value: '', pos: text.length });
  return tokens;
}

/** A rune as Go's %#U prints it, e.g. U+0023 '#'. */
export function describeRune(char: string | undefined): string {
  if (char === undefined) return 'EOF';
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${char}'`;
}
