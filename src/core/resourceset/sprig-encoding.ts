/**
 * slim-sprig's encodings, checksums and path functions: base64 and base32 (Go's standard
 * encodings, decoding errors returned as text as sprig does), sha1sum, sha256sum, adler32sum,
 * the JSON family, and path.Base/Dir/Clean/Ext/IsAbs (the os* variants are the same on Linux).
 */
import { createHash } from 'node:crypto';
import { decodeJson, encodeJson } from './go-json.ts';
import { goFunction, type TemplateFunction } from './go-signature.ts';
import { fromBytes, GoCallError, toBytes } from './go-values.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function encodeBase(bytes: Uint8Array, alphabet: string, bitsPerChar: number, quantum: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= bitsPerChar) {
      bits -= bitsPerChar;
      out += alphabet[(buffer >> bits) & ((1 << bitsPerChar) - 1)];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(buffer << (bitsPerChar - bits)) & ((1 << bitsPerChar) - 1)];
  while (out.length % quantum !== 0) out += '=';
  return out;
}

const corrupt = (offset: number): GoCallError => new GoCallError(`illegal base64 data at input byte ${offset}`);

/** base64.StdEncoding.DecodeString, with Go's error offsets (newlines are skipped). */
export function decodeBase64(text: string): Uint8Array {
  const src = toBytes(text);
  const out: number[] = [];
  let si = 0;
  let done = false;
  while (!done && si < src.length) {
    const quad: number[] = [];
    let length = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw corrupt(si - j);
      }
      const byte = src[si++] ?? 0;
      const value = BASE64.indexOf(String.fromCharCode(byte));
      if (value >= 0 && byte < 0x80) {
        quad.push(value);
        continue;
      }
      if (byte === 0x0a || byte === 0x0d) {
        j--;
        continue;
      }
      if (byte !== 0x3d || j < 2) throw corrupt(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) throw corrupt(src.length);
        if (src[si] !== 0x3d) throw corrupt(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < src.length) throw corrupt(si);
      length = j;
      done = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quad;
    const value = (a << 18) | (b << 12) | (c << 6) | d;
    const decoded = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
    out.push(...decoded.slice(0, length - 1));
  }
  return Uint8Array.from(out);
}

/** base32.StdEncoding.DecodeString (newlines removed first, as Go does). */
export function decodeBase32(text: string): Uint8Array {
  const src = toBytes(text.replace(/[\r\n]/g, ''));
  const out: number[] = [];
  const fail = (offset: number): never => {
    throw new GoCallError(`illegal base32 data at input byte ${offset}`);
  };
  let si = 0;
  let end = false;
  while (si < src.length && !end) {
    const group: number[] = [];
    let length = 8;
    for (let j = 0; j < 8; ) {
      if (si === src.length) fail(si - j);
      const byte = src[si++] ?? 0;
      const remaining = src.length - si;
      if (byte === 0x3d && j >= 2 && remaining < 8) {
        if (remaining + j < 7) fail(src.length);
        for (let k = 0; k < 7 - j; k++) if (k < remaining && src[si + k] !== 0x3d) fail(si + k - 1);
        length = j;
        end = true;
        if (length === 1 || length === 3 || length === 6) fail(si - 1);
        break;
      }
      const value = BASE32.indexOf(String.fromCharCode(byte));
      if (value < 0 || byte >= 0x80) fail(si - 1);
      group.push(value);
      j++;
    }
    let buffer = 0n;
    for (let k = 0; k < 8; k++) buffer = (buffer << 5n) | BigInt(group[k] ?? 0);
    const bytes = [4, 3, 2, 1, 0].map((k) => Number((buffer >> BigInt(k * 8)) & 255n));
    const count = [0, 0, 1, 1, 2, 3, 3, 4, 5][length] ?? 5;
    out.push(...bytes.slice(0, count));
  }
  return Uint8Array.from(out);
}

const decodeOrMessage = (decode: (text: string) => Uint8Array) => (text: string): string => {
  try {
    return fromBytes(decode(text));
  } catch (error) {
    if (error instanceof GoCallError) return error.message;
    throw error;
  }
};

function adler32(text: string): string {
  let a = 1;
  let b = 0;
  for (const byte of toBytes(text)) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(b * 65536 + a);
}

const digest = (algorithm: string) => (text: string): string => createHash(algorithm).update(toBytes(text)).digest('hex');

/** path.Clean: the shortest equivalent slash-separated path. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

function basePath(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

const dirPath = (path: string): string => cleanPath(path.slice(0, path.lastIndexOf('/') + 1));

function extPath(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

const json = (escapeHtml: boolean, indent: boolean, must: boolean) =>
  goFunction(['any'], (value: unknown) => {
    try {
      return encodeJson(value, { escapeHtml, indent });
    } catch (error) {
      // toJson and toPrettyJson ignore the error; mustToJson returns it; toRawJson panics with it.
      if (error instanceof GoCallError && !must) return '';
      throw error;
    }
  });

const path = (fn: (path: string) => unknown): TemplateFunction => goFunction(['string'], fn);

/** The encoding, checksum, JSON and path functions of slim-sprig, by name. */
export const ENCODING_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  b64enc: goFunction(['string'], (text: string) => encodeBase(toBytes(text), BASE64, 6, 4)),
  b64dec: goFunction(['string'], decodeOrMessage(decodeBase64)),
  b32enc: goFunction(['string'], (text: string) => encodeBase(toBytes(text), BASE32, 5, 8)),
  b32dec: goFunction(['string'], decodeOrMessage(decodeBase32)),
  sha1sum: goFunction(['string'], digest('sha1')),
  sha256sum: goFunction(['string'], digest('sha256')),
  adler32sum: goFunction(['string'], adler32),
  toJson: json(true, false, false),
  mustToJson: json(true, false, true),
  toPrettyJson: json(true, true, false),
  mustToPrettyJson: json(true, true, true),
  toRawJson: json(false, false, true),
  mustToRawJson: json(false, false, true),
  fromJson: goFunction(['string'], (text: string) => {
    try {
      return decodeJson(text);
    } catch (error) {
      if (error instanceof GoCallError) return null;
      throw error;
    }
  }),
  mustFromJson: goFunction(['string'], decodeJson),
  base: path(basePath),
  dir: path(dirPath),
  clean: path(cleanPath),
  ext: path(extPath),
  isAbs: path((p) => p.startsWith('/')),
  osBase: path(basePath),
  osDir: path(dirPath),
  osClean: path(cleanPath),
  osExt: path(extPath),
  osIsAbs: path((p) => p.startsWith('/')),
};
