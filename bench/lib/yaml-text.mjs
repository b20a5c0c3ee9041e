/** Text helpers for the generated repositories: YAML documents as arrays of lines. */

/** One YAML document from its lines. */
export function joinLines(lines) {
  return `${lines.join('\n')}\n`;
}

/** A multi-document YAML file from documents given as arrays of lines. */
export function joinDocuments(documents) {
  return documents.map(joinLines).join('---\n');
}

/** 0, 1, ... count - 1. */
export function range(count) {
  return Array.from({ length: count }, (_, index) => index);
}

/** A zero-padded three-digit index, so names sort as they count. */
export function pad(index) {
  return String(index).padStart(3, '0');
}
