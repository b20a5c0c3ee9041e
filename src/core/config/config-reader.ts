/**
 * Reading the configuration file's YAML tree: every value checked where it is read, and
 * every error one line naming the file, the line and the key.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { ConfigError } from '../errors.ts';
import { findPatternProblem } from './object-patterns.ts';

/** A key of a YAML mapping with its value node (null when the key has no value). */
export interface MappingEntry {
  /** The key node, for the line of errors about the key. */
  readonly key: Node;
  /** The value, aliases resolved. */
  readonly value: Node | null;
}

/** Walks the YAML tree with what every error message needs: the file and line. */
export class ConfigReader {
  readonly #source: string;
  readonly #lineCounter: LineCounter;
  readonly #doc: Document;

  constructor(source: string, lineCounter: LineCounter, doc: Document) {
    this.#source = source;
    this.#lineCounter = lineCounter;
    this.#doc = doc;
  }

  /** Throws a ConfigError on the line of `node`. */
  fail(node: Node | null | undefined, message: string): never {
    const line = node?.range ? this.#lineCounter.linePos(node.range[0]).line : undefined;
    throw new ConfigError(`${this.#source}${line ? `:${line}` : ''}: ${message}`);
  }

  /** Returns the node an alias points to; null for an absent or null value. */
  resolve(node: unknown): Node | null {
    const target = isAlias(node) ? node.resolve(this.#doc) : node;
    if (target === undefined || target === null) return null;
    if (isScalar(target) && target.value === null) return null;
    return target as Node;
  }

  /** Reads a mapping with string keys, all of them among `known`. `path` is '' at the top. */
  readMapping(node: Node, path: string, known: readonly string[], what: string): Map<string, MappingEntry> {
    if (!isMap(node)) this.fail(node, `${path || 'the file'} must be ${what}, not ${describeNode(node)}`);
    const entries = new Map<string, MappingEntry>();
    for (const pair of node.items) {
      const key = this.resolve(pair.key);
      const where = path ? ` in ${path}` : '';
      if (!isScalar(key) || key.value === null) this.fail(key ?? node, `a key${where} is ${describeNode(key)} (valid keys: ${known.join(', ')})`);
      const name = typeof key.value === 'string' ? key.value : (key.source ?? String(key.value));
      if (!known.includes(name)) {
        const guess = suggestClosest(name, known);
        this.fail(key, `unknown key '${name}'${where} (${guess ? `did you mean '${guess}'?` : `valid keys: ${known.join(', ')}`})`);
      }
      entries.set(name, { key, value: this.resolve(pair.value) });
    }
    return entries;
  }

  /**
   * Reads an optional list, each item through `readItem`. A key with no value counts as an
   * empty list: that is what is left when every entry is commented out.
   */
  readList<T>(entry: MappingEntry | undefined, path: string, readItem: (node: Node, path: string) => T): readonly T[] {
    if (!entry || entry.value === null) return [];
    const list = entry.value;
    if (!isSeq(list)) this.fail(list, `${path} must be a list, not ${describeNode(list)}`);
    return list.items.map((item, index) => {
      const itemPath = `${path}[${index}]`;
      const node = this.resolve(item);
      if (node === null) this.fail(isScalar(item) ? item : list, `${itemPath} is empty`);
      return readItem(node, itemPath);
    });
  }

  /** Reads a non-empty string scalar. */
  readString(node: Node, path: string): string {
    if (!isScalar(node) || typeof node.value !== 'string') this.fail(node, `${path} must be a string, not ${describeNode(node)}`);
    if (node.value.trim() === '') this.fail(node, `${path} is empty`);
    return node.value;
  }

  /** Returns the value of an entry; a key without one is an error whose message ends in `expected`. */
  requireValue(entry: MappingEntry, path: string, expected: string): Node {
    if (entry.value === null) this.fail(entry.key, `${path} is empty. ${expected}`);
    return entry.value;
  }

  /** Reads one of `valid`, naming the valid values (and the closest one) when it is not. */
  readChoice<T extends string>(node: Node, path: string, valid: readonly T[]): T {
    if (!isScalar(node)) this.fail(node, `${path} must be one of ${valid.join(', ')}, not ${describeNode(node)}`);
    const value = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
    if (typeof node.value === 'string' && (valid as readonly string[]).includes(value)) return value as T;
    const guess = suggestClosest(value, valid);
    this.fail(node, `${path} is set to invalid value '${value}'${guess ? ` (did you mean '${guess}'?)` : ''}. Valid values: ${valid.join(', ')}`);
  }

  /** Reads an object pattern and rejects one that can never match. */
  readPattern(node: Node, path: string): string {
    if (!isScalar(node) || typeof node.value !== 'string') {
      this.fail(node, `${path} must be an object pattern (group/Kind/namespace/name), not ${describeNode(node)}`);
    }
    const problem = findPatternProblem(node.value);
    if (problem) this.fail(node, `${path}: pattern '${node.value.replace(/\n/g, '\\n')}' ${problem}`);
    return node.value;
  }
}

/** How a node reads in an error message: `a mapping`, `a list`, `a string`, `empty`... */
export function describeNode(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    if (typeof node.value === 'boolean') return 'a boolean';
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'a number';
    if (typeof node.value === 'string') return 'a string';
  }
  return 'not a plain value';
}

/**
 * Returns the candidate closest to `word` when it is close enough to be a slip (case
 * ignored, then at most one edit per three letters), else undefined.
 */
function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = measureEditDistance(word.toLowerCase(), candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance. */
function measureEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
