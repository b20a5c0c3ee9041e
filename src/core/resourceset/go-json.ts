/**
 * Go's encoding/json for template values: map keys sorted, `<`, `>` and `&` escaped unless
 * asked not to, U+2028/U+2029 always escaped, floats formatted as Go does, NaN and infinities
 * refused; and decoding, where every JSON number becomes a float64 as Go's Unmarshal makes it.
 */
import { checkDepth, checkLength, goFloat, GoCallError, isGoMap, isNil, newMap, numberType, numberValue, setEntry, sortedKeys, TemplateError } from './go-values.ts';

/** How to encode. */
export interface JsonStyle {
  readonly escapeHtml: boolean;
  /** Two-space indentation as json.MarshalIndent(v, "", "  "). */
  readonly indent: boolean;
}

const HEX = '0123456789abcdef';

/** A string as Go's JSON encoder writes it. */
export function encodeJsonString(text: string, escapeHtml: boolean): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20 || (escapeHtml && (char === '<' || char === '>' || char === '&'))) out += `\\u00${HEX[code >> 4]}${HEX[code & 15]}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += char;
  }
  return `${out}"`;
}

/** A float64 as Go's JSON encoder writes it (fixed notation from 1e-6 up to 1e21, exponent outside). */
export function encodeJsonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new GoCallError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
  // JavaScript switches notation at the same thresholds and prints the same shortest digits.
  return Object.is(value, -0) ? '-0' : String(value);
}

/** json.Marshal (or MarshalIndent, or an Encoder without HTML escaping). */
export function encodeJson(value: unknown, style: JsonStyle): string {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string): void => {
    length += text.length;
    checkLength(length, 'JSON output');
    parts.push(text);
  };
  const newline = (depth: number): void => {
    if (style.indent) emit(`\n${'  '.repeat(depth)}`);
  };
  const write = (item: unknown, depth: number): void => {
    checkDepth(depth);
    if (isNil(item)) emit('null');
    else if (typeof item === 'string') emit(encodeJsonString(item, style.escapeHtml));
    else if (typeof item === 'boolean') emit(item ? 'true' : 'false');
    else if (numberType(item) === 'float64') emit(encodeJsonFloat(numberValue(item)));
    else if (numberType(item) !== undefined) emit(String(numberValue(item)));
    else if (Array.isArray(item)) {
      if (item.length === 0) return emit('[]');
      emit('[');
      item.forEach((element, i) => {
        if (i > 0) emit(',');
        newline(depth + 1);
        write(element, depth + 1);
      });
      newline(depth);
      emit(']');
    } else if (isGoMap(item)) {
      const keys = sortedKeys(item);
      if (keys.length === 0) return emit('{}');
      emit('{');
      keys.forEach((key, i) => {
        if (i > 0) emit(',');
        newline(depth + 1);
        emit(encodeJsonString(key, style.escapeHtml));
        emit(style.indent ? ': ' : ':');
        write(item[key], depth + 1);
      });
      newline(depth);
      emit('}');
    } else throw new GoCallError(`json: unsupported type: ${typeof item}`);
  };
  write(value, 0);
  return parts.join('');
}

/** json.Unmarshal into interface{}: objects become maps, every number a float64. */
export function decodeJson(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new TemplateError('fromJson: the JSON nests deeper than prune-guard decodes');
    throw new GoCallError(error instanceof Error ? error.message : 'invalid JSON');
  }
  const convert = (item: unknown, depth: number): unknown => {
    checkDepth(depth);
    if (typeof item === 'number') return goFloat(item);
    if (Array.isArray(item)) return item.map((element) => convert(element, depth + 1));
    if (isGoMap(item)) {
      const map = newMap();
      for (const key of Object.keys(item)) setEntry(map, key, convert(item[key], depth + 1));
      return map;
    }
    return item;
  };
  return convert(parsed, 0);
}
