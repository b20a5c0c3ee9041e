/**
 * Edits of a kustomization's `resources:` list that keep the file as its author wrote it:
 * the yaml Document only locates the list and its entries; the edit is made in the source
 * text, so comments, quoting and indentation stay untouched.
 */
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, type Scalar } from 'yaml';
import type { FixEdit } from '../rules/findings.ts';

/** What to add to `resources:`. */
export interface ResourceInsertion {
  /** New entries, in order. */
  readonly entries: readonly string[];
  /** Put them right before the entry with this value (e.g. the operator that needs the CRDs); default: at the end. */
  readonly before?: string;
  /** Says what the edit does, for the suggestion. */
  readonly description: string;
}

/** The edited file, and the same edit as a line-range replacement. */
export interface PlannedEdit {
  /** The whole file after the edit. */
  readonly text: string;
  /** The edit as lines of the original file replaced (a suggestion anchored on existing lines). */
  readonly fix: FixEdit;
}

/**
 * Plans the insertion into the kustomization at `path` with contents `text`. Returns
 * undefined when the file has no block-style `resources:` list to edit (a flow list or an
 * unreadable file), rather than guessing.
 */
export function planResourceInsertion(path: string, text: string, insertion: ResourceInsertion): PlannedEdit | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return undefined;
  // Lines keep their `\r` in a CRLF file; new lines get one too, or the file ends up mixed.
  const crlf = text.includes('\r\n');
  const lines = text.split('\n');
  const resources = doc.get('resources', true);
  const newList = ['resources:', ...insertion.entries.map((entry) => `  - ${formatEntry(entry, undefined)}`)];
  // The last line of the replacement ends as the line it replaces did (a file may end without a newline).
  const terminate = (replacement: readonly string[], replaced: string): string[] =>
    crlf ? replacement.map((line, index) => `${line.replace(/\r$/, '')}${index < replacement.length - 1 || replaced.endsWith('\r') ? '\r' : ''}`) : [...replacement];

  if (resources === undefined) {
    // No list yet: append one after the last line that holds content.
    let last = lines.length - 1;
    while (last > 0 && (lines[last] ?? '').trim() === '') last--;
    const anchor = lines[last] ?? '';
    return assemble(path, lines, last, last, terminate([anchor, ...newList], anchor), insertion.description);
  }
  if (isScalar(resources) && resources.value === null) {
    // `resources:` with nothing under it: the key's own line becomes the list.
    const key = isMap(doc.contents) ? doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'resources')?.key : undefined;
    const range = isScalar(key) ? key.range : undefined;
    if (!range) return undefined;
    const line = lineCounter.linePos(range[0]).line - 1;
    const original = lines[line] ?? '';
    // Only a bare `resources:` line (a comment may follow) is replaced; anything else is not guessed at.
    if (!/^resources:\s*(#.*)?\r?$/.test(original)) return undefined;
    return assemble(path, lines, line, line, terminate(newList, original), insertion.description);
  }
  if (!isSeq(resources) || resources.flow) return undefined;

  const items = resources.items.filter((item): item is Scalar => isScalar(item) && item.range !== undefined && item.range !== null);
  if (items.length === 0) return undefined;
  const target = insertion.before !== undefined ? items.find((item) => item.value === insertion.before) : undefined;
  if (insertion.before !== undefined && !target) return undefined;
  const reference = target ?? (items[items.length - 1] as Scalar);
  const line = lineCounter.linePos((reference.range as [number, number, number])[0]).line - 1;
  const original = lines[line] ?? '';
  // `  - value` or `- value`: copy the dash's indentation and the value's quoting style.
  const prefix = /^(\s*-\s+)/.exec(original)?.[1] ?? '- ';
  const added = insertion.entries.map((entry) => `${prefix}${formatEntry(entry, reference.type)}`);
  return assemble(path, lines, line, line, terminate(target ? [...added, original] : [original, ...added], original), insertion.description);
}

function formatEntry(entry: string, style: Scalar['type'] | undefined): string {
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(entry);
  if (style === 'QUOTE_SINGLE') return `'${entry.replace(/'/g, "''")}'`;
  // A plain scalar that YAML would read as something else (`~`, `true`, `a: b`, `@x`, `a #b`) is quoted.
  return readsBackAs(entry) ? entry : JSON.stringify(entry);
}

function readsBackAs(entry: string): boolean {
  try {
    return entry.trim() === entry && parse(entry) === entry && parse(entry, { version: '1.1' }) === entry;
  } catch {
    return false;
  }
}

function assemble(path: string, lines: readonly string[], start: number, end: number, replacement: readonly string[], description: string): PlannedEdit {
  const text = [...lines.slice(0, start), ...replacement, ...lines.slice(end + 1)].join('\n');
  return { text, fix: { path, startLine: start + 1, endLine: end + 1, replacement: replacement.join('\n'), description } };
}

/** A `resources:` (or deprecated `bases:`) entry and its 1-based line. */
export interface ResourceEntry {
  /** The entry as written (a path or URL). */
  readonly value: string;
  /** Its line in the file. */
  readonly line: number;
  /** The list it is in: new entries go into `resources:`, so only those can be anchors. */
  readonly list: 'resources' | 'bases';
}

/**
 * Lists the string entries of a kustomization's `resources:` list, then of `bases:` (which
 * kustomize still reads as resources); empty for an unreadable file.
 */
export function listResourceEntries(text: string): ResourceEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  return (['resources', 'bases'] as const).flatMap((list) => {
    const items = doc.get(list, true);
    if (!isSeq(items)) return [];
    return items.items.flatMap((item) =>
      isScalar(item) && typeof item.value === 'string' && item.range ? [{ value: item.value, line: lineCounter.linePos(item.range[0]).line, list }] : [],
    );
  });
}

/**
 * Expresses the change from `before` to `after` as one line-range replacement of `before`
 * (what a review suggestion can carry): the lines between the unchanged start and end. A pure
 * insertion is anchored on the line after it (or before it, at the end of the file), since a
 * suggestion must replace at least one line.
 */
export function describeLineChange(path: string, before: string, after: string, description: string): FixEdit {
  const old = before.split('\n');
  const next = after.split('\n');
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < next.length - prefix && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  let start = prefix;
  let end = old.length - suffix; // exclusive
  let replacement = next.slice(prefix, next.length - suffix);
  if (start === end) {
    // The empty string after a final newline is no line a reader (or a suggestion) can point at.
    const atEnd = end >= old.length || (end === old.length - 1 && old[end] === '');
    if (!atEnd) {
      replacement = [...replacement, old[end] as string];
      end++;
    } else if (start > 0) {
      start--;
      replacement = [old[start] as string, ...replacement];
    }
  }
  return { path, startLine: start + 1, endLine: Math.max(start + 1, end), replacement: replacement.join('\n'), description };
}
