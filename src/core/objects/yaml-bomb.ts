/**
 * YAML alias bombs: a few lines whose anchors and aliases expand into billions of nodes
 * ("billion laughs"). kustomize expands them while it builds and runs the machine out of
 * memory within seconds, and so would any walk over a parsed document here, so a file is
 * vetted before anyone parses it for real.
 */
import { parseAllDocuments } from 'yaml';

/**
 * How many nodes aliases may add to one document once expanded. Anchors in manifests are
 * rare and small (a shared block of Helm values); a bomb needs millions.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** An anchor definition (`&name`) where YAML allows one; without any, no alias can expand. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s,[\]{}]/m;

/**
 * Returns why `text` is an alias bomb (a sentence naming the limit), or undefined when it is
 * not. Text without anchors costs one regular-expression scan; only text with anchors is
 * parsed, and its aliases are counted as they expand (the yaml library's own measure).
 */
export function findAliasBomb(text: string): string | undefined {
  if (!ANCHOR.test(text)) return undefined;
  let docs;
  try {
    // Warnings would go to stderr raw, quoting the file.
    docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' });
  } catch {
    // Not YAML the library reads; kustomize says what is wrong with it.
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    } catch (error) {
      if (error instanceof Error && /alias/i.test(error.message)) {
        return `its YAML aliases expand beyond ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (an alias bomb)`;
      }
    }
  }
  return undefined;
}
