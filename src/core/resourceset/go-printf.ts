/**
 * fmt.Sprintf for the verbs templates use: %v %s %q %d %t %f %e %g %x %X %o %b %c %U %T %%,
 * with the flags - + # 0 and space, width and precision. Lists and maps apply the verb to
 * each element, as fmt does; a verb that does not fit its argument prints %!verb(type=value).
 * Argument indexes (%[1]d) and `*` widths are refused.
 */
import { checkLength, formatGoFloat, formatValue, goTypeName, isGoMap, isNil, numberType, numberValue, quoteGo, sortedKeys, TemplateError, toBytes } from './go-values.ts';

interface Spec {
  readonly minus: boolean;
  readonly plus: boolean;
  readonly sharp: boolean;
  readonly space: boolean;
  readonly zero: boolean;
  readonly width: number | undefined;
  readonly precision: number | undefined;
}

const MAX_WIDTH = 1_000_000;

const refuse = (what: string): never => {
  throw new TemplateError(`printf: ${what} is not supported by prune-guard`, `printf ${what}`);
};

/** fmt.Sprintf(format, args...). */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    i = percent + 1;
    const flags = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < format.length; i++) {
      const char = format[i];
      if (char === '-') flags.minus = true;
      else if (char === '+') flags.plus = true;
      else if (char === '#') flags.sharp = true;
      else if (char === ' ') flags.space = true;
      else if (char === '0') flags.zero = !flags.minus;
      else break;
    }
    const readNumber = (): number | undefined => {
      if (format[i] === '*' || format[i] === '[') refuse(`the ${format[i]} in a format`);
      const match = /^[0-9]+/.exec(format.slice(i));
      if (!match) return undefined;
      i += match[0].length;
      const value = Number(match[0]);
      if (value > MAX_WIDTH) refuse(`a width or precision above ${MAX_WIDTH}`);
      return value;
    };
    const width = readNumber();
    let precision: number | undefined;
    if (format[i] === '.') {
      i++;
      precision = readNumber() ?? 0;
    }
    if (format[i] === '[') refuse('an argument index');
    const code = format.codePointAt(i);
    if (code === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(code);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArgument(args[next++], verb, { ...flags, width, precision });
    checkLength(out.length, 'printf output');
  }
  if (next < args.length) out += `%!(EXTRA ${args.slice(next).map((arg) => (isNil(arg) ? '<nil>' : `${goTypeName(arg)}=${formatValue(arg)}`)).join(', ')})`;
  return out;
}

const badVerb = (verb: string, arg: unknown): string => (isNil(arg) ? `%!${verb}(<nil>)` : `%!${verb}(${goTypeName(arg)}=${formatValue(arg)})`);

function pad(text: string, spec: Spec, zeros = false): string {
  const missing = (spec.width ?? 0) - [...text].length;
  if (missing <= 0) return text;
  if (spec.minus) return text + ' '.repeat(missing);
  if (zeros && spec.zero) {
    const sign = /^[+\- ]/.test(text) ? (text[0] ?? '') : '';
    return sign + '0'.repeat(missing) + text.slice(sign.length);
  }
  return ' '.repeat(missing) + text;
}

function formatArgument(arg: unknown, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(arg), spec);
  if (verb === 'v' && spec.sharp) refuse('%#v');
  if (isNil(arg)) return verb === 'v' ? pad('<nil>', spec) : badVerb(verb, arg);
  if (Array.isArray(arg)) return `[${arg.map((item) => formatArgument(item, verb, spec)).join(' ')}]`;
  if (isGoMap(arg)) return `map[${sortedKeys(arg).map((key) => `${formatArgument(key, verb, spec)}:${formatArgument(arg[key], verb, spec)}`).join(' ')}]`;
  if (typeof arg === 'boolean') return verb === 'v' || verb === 't' ? pad(String(arg), spec) : badVerb(verb, arg);
  if (typeof arg === 'string') return formatString(arg, verb, spec);
  const type = numberType(arg);
  if (type === 'float64') return formatFloat(numberValue(arg), verb, spec) ?? badVerb(verb, arg);
  if (type !== undefined) return formatInteger(numberValue(arg), verb, spec) ?? badVerb(verb, arg);
  return badVerb(verb, arg);
}

function formatString(text: string, verb: string, spec: Spec): string {
  const cut = spec.precision === undefined ? text : [...text].slice(0, spec.precision).join('');
  switch (verb) {
    case 'v':
    case 's':
      return pad(cut, spec);
    case 'q':
      if (spec.plus) refuse('%+q');
      return pad(spec.sharp && !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(cut) ? `\`${cut}\`` : quoteGo(cut), spec);
    case 'x':
    case 'X': {
      const hex = [...toBytes(cut)].map((byte) => byte.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
      return pad(verb === 'X' ? hex.toUpperCase() : hex, spec);
    }
    default:
      return badVerb(verb, text);
  }
}

function withSign(digits: string, negative: boolean, spec: Spec): string {
  if (negative) return `-${digits}`;
  if (spec.plus) return `+${digits}`;
  return spec.space ? ` ${digits}` : digits;
}

function formatInteger(value: number, verb: string, spec: Spec): string | undefined {
  const negative = value < 0;
  const magnitude = BigInt(Math.abs(value));
  let digits: string;
  let prefix = '';
  switch (verb) {
    case 'v':
    case 'd':
      digits = magnitude.toString();
      break;
    case 'x':
    case 'X':
      digits = magnitude.toString(16);
      if (verb === 'X') digits = digits.toUpperCase();
      if (spec.sharp) prefix = verb === 'X' ? '0X' : '0x';
      break;
    case 'o':
    case 'O':
      digits = magnitude.toString(8);
      if (verb === 'O') prefix = '0o';
      else if (spec.sharp) prefix = '0';
      break;
    case 'b':
      digits = magnitude.toString(2);
      break;
    case 'c':
      return pad(value >= 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff) ? String.fromCodePoint(value) : '\uFFFD', spec);
    case 'q': {
      const char = value >= 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff) ? String.fromCodePoint(value) : '\uFFFD';
      const quoted = char === "'" ? "\\'" : char === '"' ? '"' : quoteGo(char).slice(1, -1);
      return pad(`'${quoted}'`, spec);
    }
    case 'U':
      return pad(`U+${magnitude.toString(16).toUpperCase().padStart(4, '0')}`, spec);
    default:
      return undefined;
  }
  if (spec.precision !== undefined) {
    digits = spec.precision === 0 && magnitude === 0n ? '' : digits.padStart(spec.precision, '0');
    return pad(withSign(prefix + digits, negative, spec), spec);
  }
  return pad(withSign(prefix + digits, negative, spec), spec, true);
}

// Go rounds an exact tie to even; toFixed rounds it up.
function toFixedGo(value: number, digits: number): string {
  if (value >= 1e21) return `${BigInt(value).toString()}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  const rounded = value.toFixed(digits);
  const wide = value.toFixed(Math.min(digits + 30, 100));
  const kept = wide.slice(0, wide.length - (Math.min(digits + 30, 100) - digits) - (digits === 0 ? 1 : 0));
  const dropped = wide.slice(wide.length - (Math.min(digits + 30, 100) - digits));
  if (/^50*$/.test(dropped) && /[02468]$/.test(kept)) return kept;
  return rounded;
}

function formatFloat(value: number, verb: string, spec: Spec): string | undefined {
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  let body: string;
  if (!Number.isFinite(value)) body = Number.isNaN(value) ? 'NaN' : 'Inf';
  else
    switch (verb) {
      case 'v':
      case 'g':
      case 'G':
        if (spec.precision !== undefined) refuse(`%.N${verb} of a float`);
        body = formatGoFloat(magnitude);
        if (verb === 'G') body = body.toUpperCase();
        break;
      case 'f':
      case 'F':
        body = toFixedGo(magnitude, spec.precision ?? 6);
        break;
      case 'e':
      case 'E': {
        const [mantissa = '', exponent = '0'] = magnitude.toExponential(spec.precision ?? 6).split('e');
        const exp = Number(exponent);
        body = `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
        if (verb === 'E') body = body.toUpperCase();
        break;
      }
      default:
        return undefined;
    }
  if (Number.isNaN(value)) return pad(spec.plus ? '+NaN' : spec.space ? ' NaN' : 'NaN', spec);
  return pad(withSign(body, negative, spec), spec, Number.isFinite(value));
}

