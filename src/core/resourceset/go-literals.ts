/**
 * Go's literal syntax as text/template reads it: numbers (strconv.ParseInt with base 0,
 * ParseFloat, character constants) and strings (strconv.Unquote for "..." and `...`).
 */
import type { Token } from './go-template-lex.ts';
import { goFloat, goInt, type GoNumber } from './go-values.ts';

/** A number literal, as parse.NumberNode holds it. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly pos: number;
  readonly text: string;
  readonly isInt: boolean;
  readonly isFloat: boolean;
  readonly value: number;
  /** A character constant such as 'a' (an int when used as a value). */
  readonly isChar: boolean;
}

/** A number token as parse.NumberNode reads it: as int and/or float, or a syntax error through `fail`. */
export function parseNumber(token: Token, fail: (pos: number, message: string) => never): NumberLiteral {
  const text = token.value;
  const base = { kind: 'number', pos: token.pos, text } as const;
  if (token.type === 'charConstant') {
    const body = text.slice(1, -1);
    let rune: string;
    try {
      // A character constant escapes ' but not ", unlike a string.
      if (body === "\\'") rune = "'";
      else if (body === '"') rune = '"';
      else if (body.includes('"')) throw new Error('bad character');
      else rune = unquoteGo(`"${body}"`);
    } catch {
      return fail(token.pos, `malformed character constant: ${text}`);
    }
    if ([...rune].length !== 1) fail(token.pos, `malformed character constant: ${text}`);
    return { ...base, isInt: true, isFloat: true, value: rune.codePointAt(0) ?? 0, isChar: true };
  }
  const integer = parseGoInteger(text);
  if (integer !== undefined) {
    if (integer > 2n ** 63n - 1n || integer < -(2n ** 63n)) fail(token.pos, `${text} overflows int`);
    return { ...base, isInt: true, isFloat: true, value: Number(integer), isChar: false };
  }
  const float = parseGoFloat(text);
  if (float === undefined) return fail(token.pos, `illegal number syntax: ${JSON.stringify(text)}`);
  if (!/[.eEpP]/.test(text)) fail(token.pos, `integer overflow: ${JSON.stringify(text)}`);
  const isInt = Number.isInteger(float) && Math.abs(float) < 2 ** 63;
  return { ...base, isInt, isFloat: true, value: float, isChar: false };
}

/** strconv.ParseInt(text, 0, 64)'s syntax (sign, 0x/0o/0b/0 prefixes, underscores between digits), as a bigint. */
export function parseGoInteger(text: string): bigint | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!match || !isUnderscoreOk(text)) return undefined;
  const [, sign = '', body = ''] = match;
  let digits = body.replace(/_/g, '');
  if (/^0[xXoObB]$/.test(digits)) return undefined;
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  const value = BigInt(digits);
  return sign === '-' ? -value : value;
}

// strconv's rule: an underscore must sit between digits (a base prefix counts as a digit).
function isUnderscoreOk(text: string): boolean {
  const body = text.replace(/^[+-]/, '');
  let saw = '^';
  let i = 0;
  const hex = /^0[xX]/.test(body);
  if (/^0[xXoObB]/.test(body)) {
    i = 2;
    saw = '0';
  }
  for (; i < body.length; i++) {
    const char = body[i] ?? '';
    if (/[0-9]/.test(char) || (hex && /[a-fA-F]/.test(char))) saw = '0';
    else if (char === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseFloat's decimal syntax (and Inf/NaN), or undefined. */
export function parseGoFloat(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (!/^[+-]?([0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?|\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?$/.test(text)) return undefined;
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** strconv.Unquote for "..." and `...` literals; throws on bad syntax. */
export function unquoteGo(literal: string): string {
  if (literal.startsWith('`')) {
    if (!literal.endsWith('`') || literal.length < 2) throw new Error('bad raw string');
    return literal.slice(1, -1).replace(/\r/g, '');
  }
  if (!literal.startsWith('"') || !literal.endsWith('"') || literal.length < 2) throw new Error('bad string');
  const body = literal.slice(1, -1);
  let out = '';
  const bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char === '"' || char === '\n') throw new Error('bad string');
    if (char !== '\\') {
      flush();
      out += char;
      continue;
    }
    const kind = body[++i] ?? '';
    if (kind in SIMPLE_ESCAPES && kind !== "'") {
      flush();
      out += SIMPLE_ESCAPES[kind];
    } else if (kind === 'x' || /[0-7]/.test(kind)) {
      const digits = kind === 'x' ? body.slice(i + 1, i + 3) : body.slice(i, i + 3);
      if (!(kind === 'x' ? /^[0-9a-fA-F]{2}$/ : /^[0-7]{3}$/).test(digits)) throw new Error('bad escape');
      const byte = parseInt(digits, kind === 'x' ? 16 : 8);
      if (byte > 255) throw new Error('bad escape');
      bytes.push(byte);
      i += kind === 'x' ? 2 : 2;
    } else if (kind === 'u' || kind === 'U') {
      const size = kind === 'u' ? 4 : 8;
      const digits = body.slice(i + 1, i + 1 + size);
      if (!new RegExp(`^[0-9a-fA-F]{${size}}$`).test(digits)) throw new Error('bad escape');
      const code = parseInt(digits, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new Error('bad escape');
      flush();
      out += String.fromCodePoint(code);
      i += size;
    } else throw new Error('bad escape');
  }
  flush();
  return out;
}

/** The value of a number constant where no type is expected (Go's idealConstant): int, or float64 when written with . e or p; undefined when it overflows int. */
export function constantValue(number: NumberLiteral): GoNumber | undefined {
  const isHexInt = /^0[xX]/.test(number.text) && !/[pP]/.test(number.text);
  if (!number.isChar && !isHexInt && /[.eEpP]/.test(number.text)) return goFloat(number.value);
  return number.isInt ? goInt(number.value) : undefined;
}
