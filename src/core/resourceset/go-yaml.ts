/**
 * sigs.k8s.io/yaml's Marshal for template values: the value goes through Go's JSON encoding,
 * then is written as go-yaml v2 writes it: block style, sequences not indented under their
 * key (`a:\n- b`), keys in v2's natural order, strings plain when they can be, single-quoted
 * when YAML syntax forbids plain, double-quoted when they would read as another type (or
 * hold characters YAML cannot print), literal blocks for multi-line strings, and long lines
 * folded at spaces past column 80.
 */
import { encodeJson } from './go-json.ts';
import { checkLength, formatGoFloat, isGoMap, type GoMap } from './go-values.ts';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

/** yaml.Marshal(v) as sigs.k8s.io/yaml does it (JSON first); throws GoCallError when JSON cannot encode v. */
export function marshalYaml(value: unknown): string {
  const data: unknown = JSON.parse(encodeJson(value, { escapeHtml: false, indent: false }));
  const emitter = new Emitter();
  emitter.node(data, { root: true, mapping: false, simpleKey: false });
  emitter.writeIndent();
  return emitter.text();
}

/** go-yaml v2's key order: runs of digits compare as numbers, letters after other characters. */
export function compareYamlKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string): boolean => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{Nd}/u.test(c);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] ?? '';
    const y = br[i] ?? '';
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0);
    if (xl || yl) return yl ? -1 : 1;
    let an = 0n;
    let bn = 0n;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(Number(ar[ai]));
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(Number(br[bi]));
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai - bi;
    return (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0);
  }
  return ar.length - br.length;
}

const BOOLS_AND_NULLS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']);

/** Whether go-yaml v2 would read a plain scalar as something other than a string (so it must be quoted). */
export function resolvesAsNonString(text: string): boolean {
  if (BOOLS_AND_NULLS.has(text)) return true;
  const first = text[0] ?? '';
  if (first === '.') return /^\.[0-9]+([eE][+-]?[0-9]+)?$/.test(text);
  if (!/[0-9+-]/.test(first)) return false;
  if (isTimestamp(text)) return true;
  const plain = text.replace(/_/g, '');
  if (/^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/.test(plain) && !/^[+-]?0[0-9]*[89]/.test(plain)) return true;
  return /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain);
}

// go-yaml v2 reads YYYY-M-D, optionally with a time (with a zone after T, without after a space), as a timestamp.
function isTimestamp(text: string): boolean {
  const time = '(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?';
  const match = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[Tt]${time}(?:Z|[+-]\\d{2}:\\d{2})| ${time})?$`).exec(text);
  if (!match) return false;
  const [, year = '', month = '', day = '', ...clock] = match;
  const [hour = '0', minute = '0', second = '0'] = clock.filter((part) => part !== undefined);
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const isBase60Float = (text: string): boolean => /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(text);
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
function isPrintable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
}

interface Analysis {
  readonly multiline: boolean;
  readonly blockPlain: boolean;
  readonly singleQuoted: boolean;
  readonly block: boolean;
}

/** go-yaml's analysis of which styles can write a scalar. */
function analyze(chars: readonly string[]): Analysis {
  if (chars.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((c === ':' && followedByWhitespace) || (c === '#' && precededByWhitespace)) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    const last = i === chars.length - 1;
    if (c === ' ') {
      leadingSpace ||= i === 0;
      trailingSpace ||= last;
      breakSpace ||= previousBreak;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      leadingBreak ||= i === 0;
      trailingBreak ||= last;
      spaceBreak ||= previousSpace;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c);
  });
  let blockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
  const singleQuoted = !(breakSpace || spaceBreak || special);
  const block = !(trailingSpace || spaceBreak || special);
  if (chars.some((c) => isBreak(c) && c !== '\n')) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, singleQuoted, block };
}

const DOUBLE_ESCAPES: Readonly<Record<string, string>> = { '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P' };

interface Context {
  readonly root: boolean;
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

/** A go-yaml v2 block emitter for JSON-like data (what the JSON round trip leaves). */
class Emitter {
  private readonly parts: string[] = [];
  private length = 0;
  private column = 0;
  private indent = -1;
  private whitespace = true;
  private indention = true;

  text(): string {
    return this.parts.join('');
  }

  private put(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    checkLength(this.length, 'toYaml output');
    this.column += [...text].length;
  }

  private putBreak(): void {
    this.parts.push('\n');
    this.length++;
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private withIndent(next: number, body: () => void): void {
    const saved = this.indent;
    this.indent = next;
    body();
    this.indent = saved;
  }

  node(value: unknown, context: Context): void {
    if (Array.isArray(value) && value.length > 0) this.sequence(value, context);
    else if (isGoMap(value) && Object.keys(value).length > 0) this.mapping(value);
    else if (Array.isArray(value)) this.indicator('[]', true, false, false);
    else if (isGoMap(value)) this.indicator('{}', true, false, false);
    else this.scalar(value, context);
  }

  private sequence(items: readonly unknown[], context: Context): void {
    const indentless = context.mapping && !this.indention;
    this.withIndent(this.indent < 0 ? 0 : indentless ? this.indent : this.indent + BEST_INDENT, () => {
      for (const item of items) {
        this.writeIndent();
        this.indicator('-', true, false, true);
        this.node(item, { root: false, mapping: false, simpleKey: false });
      }
    });
  }

  private mapping(map: GoMap): void {
    this.withIndent(this.indent < 0 ? 0 : this.indent + BEST_INDENT, () => {
      for (const key of Object.keys(map).sort(compareYamlKeys)) {
        this.writeIndent();
        const chars = [...key];
        // A key that is multi-line or longer than 128 bytes is not a simple key.
        if (analyze(chars).multiline || new TextEncoder().encode(key).length > 128) {
          this.indicator('?', true, false, true);
          this.scalar(key, { root: false, mapping: true, simpleKey: false });
          this.writeIndent();
          this.indicator(':', true, false, true);
        } else {
          this.scalar(key, { root: false, mapping: true, simpleKey: true });
          this.indicator(':', false, false, false);
        }
        this.node(map[key], { root: false, mapping: true, simpleKey: false });
      }
    });
  }

  private scalar(value: unknown, context: Context): void {
    let text: string;
    let style: 'plain' | 'single' | 'double' | 'literal' = 'plain';
    if (value === null || value === undefined) text = 'null';
    else if (typeof value === 'boolean') text = value ? 'true' : 'false';
    else if (typeof value === 'number') text = Number.isInteger(value) && Math.abs(value) < 2 ** 64 ? BigInt(value).toString() : formatGoFloat(value);
    else {
      text = String(value);
      if (text.includes('\n')) style = 'literal';
      else if (resolvesAsNonString(text) || isBase60Float(text)) style = 'double';
    }
    const chars = [...text];
    const analysis = analyze(chars);
    if (context.simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain' && (!analysis.blockPlain || (chars.length === 0 && context.simpleKey))) style = 'single';
    if (style === 'single' && !analysis.singleQuoted) style = 'double';
    if (style === 'literal' && (!analysis.block || context.simpleKey)) style = 'double';
    this.withIndent(this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT, () => {
      const allowBreaks = !context.simpleKey;
      if (style === 'plain') this.plain(chars, allowBreaks);
      else if (style === 'single') this.quoted(chars, allowBreaks, "'");
      else if (style === 'double') this.quoted(chars, allowBreaks, '"');
      else this.literal(chars);
    });
  }

  private plain(chars: readonly string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  private quoted(chars: readonly string[], allowBreaks: boolean, quote: "'" | '"'): void {
    this.indicator(quote, true, false, false);
    let spaces = false;
    chars.forEach((c, i) => {
      if (quote === '"' && (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\')) {
        const code = c.codePointAt(0) ?? 0;
        const short = DOUBLE_ESCAPES[c];
        const hex = code.toString(16).toUpperCase();
        this.put(`\\${short ?? (code <= 0xff ? `x${hex.padStart(2, '0')}` : code <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`);
        spaces = false;
      } else if (c === ' ') {
        const inside = i > 0 && i < chars.length - 1;
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inside && (quote === '"' || chars[i + 1] !== ' ')) {
          this.writeIndent();
          if (quote === '"' && chars[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(quote === "'" && c === "'" ? "''" : c);
        this.indention = false;
        spaces = false;
      }
    });
    this.indicator(quote, false, false, false);
  }

  private literal(chars: readonly string[]): void {
    this.indicator('|', true, false, false);
    if (chars[0] === ' ' || isBreak(chars[0])) this.put(String(BEST_INDENT));
    const last = chars[chars.length - 1];
    if (!isBreak(last)) this.put('-');
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) this.put('+');
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}
