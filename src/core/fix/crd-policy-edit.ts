/**
 * The one-line fix of a HelmRelease's CRD policy: `spec.<install|upgrade>.crds: CreateReplace`
 * written into the file that declares it, as a line-range edit a review suggestion can carry.
 * The existing `crds:` line is rewritten in place; otherwise the key (or its `install:` /
 * `upgrade:` section) is inserted under the one above it, indented like its siblings. A
 * section written in flow style (`upgrade: {crds: Skip}`) is rewritten as a block of its
 * own keys, so nothing else in it is lost.
 */
import { LineCounter, isMap, isScalar, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FixEdit } from '../rules/findings.ts';
import { MAX_ALIAS_EXPANSION } from '../objects/yaml-bomb.ts';
import type { CrdPolicy } from '../rules/helm-crd-rules.ts';

/** The release a policy edit is for. */
export interface PolicyTarget {
  /** The file, relative to the repository root, as the edit names it. */
  readonly path: string;
  /** The HelmRelease's name and namespace as written (namespace may be absent). */
  readonly name: string;
  readonly namespace?: string;
  /** Which policy: the install's or the upgrade's. */
  readonly action: 'install' | 'upgrade';
}

/** A release whose CRD policy fix is one edit of the file that declares it. */
export interface CrdPolicyFix extends PolicyTarget {
  /** The release's unit, which the findings name. */
  readonly unit: string;
  /** The policy the rendered HelmRelease has: the file must say the same, or something else sets it. */
  readonly policy: CrdPolicy;
  /** The CRDs whose findings it fixes, by name. */
  readonly crds: readonly string[];
}

/** The policy the fix sets. */
export const FIXED_CRD_POLICY = 'CreateReplace';

/** Plans the edit of `text` (the file's content) for `target`; a sentence when none can be made. */
export function planCrdPolicyEdit(text: string, target: PolicyTarget): FixEdit | { readonly problem: string } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false, logLevel: 'silent' });
  if (!Array.isArray(docs)) return { problem: `${target.path} is not YAML` };
  const doc = docs.find((candidate) => {
    let body: unknown;
    try {
      body = candidate.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as unknown;
    } catch {
      // Aliases past the bound, or a document that is not data: not the release to edit.
      return false;
    }
    if (typeof body !== 'object' || body === null) return false;
    const object = body as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    return object.kind === 'HelmRelease' && object.metadata?.name === target.name && (target.namespace === undefined || object.metadata.namespace === undefined || object.metadata.namespace === target.namespace);
  });
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents)) return { problem: `${target.path} holds no HelmRelease ${target.name} prune-guard can edit` };
  const lineOf = (node: Node | Pair['key']): number => lines.linePos((node as Node).range?.[0] ?? 0).line;
  const textLines = text.split('\n');
  const indentOf = (line: number): string => /^\s*/.exec(textLines[line - 1] ?? '')?.[0] ?? '';
  const description = `sets spec.${target.action}.crds: ${FIXED_CRD_POLICY} on HelmRelease ${target.name}, so helm-controller creates and updates the CRDs of its chart's crds/`;
  const edit = (startLine: number, endLine: number, replacement: string): FixEdit => ({ path: target.path, startLine, endLine, replacement, description });

  const spec = findPair(doc.contents, 'spec');
  if (!spec || !isMap(spec.value) || spec.value.flow) return { problem: `HelmRelease ${target.name} in ${target.path} has no block-style spec to add the policy to` };
  const section = findPair(spec.value, target.action);
  if (!section) {
    // A new section under spec:, indented like spec's first key.
    const first = spec.value.items[0];
    if (!first) return { problem: `HelmRelease ${target.name} in ${target.path} has an empty spec` };
    const indent = indentOf(lineOf(first.key as Node));
    const line = lineOf(spec.key as Node);
    return edit(line, line, `${textLines[line - 1] ?? ''}\n${indent}${target.action}:\n${indent}  crds: ${FIXED_CRD_POLICY}`);
  }
  const sectionLine = lineOf(section.key as Node);
  const sectionIndent = indentOf(sectionLine);
  if (isMap(section.value) && !section.value.flow) {
    const crds = findPair(section.value, 'crds');
    if (crds && isScalar(crds.value)) {
      const line = lineOf(crds.key as Node);
      if (lineOf(crds.value as Node) !== line) return { problem: `the crds key of HelmRelease ${target.name} in ${target.path} spans lines` };
      return edit(line, line, `${indentOf(line)}crds: ${FIXED_CRD_POLICY}`);
    }
    const first = section.value.items[0];
    const indent = first ? indentOf(lineOf(first.key as Node)) : `${sectionIndent}  `;
    return edit(sectionLine, sectionLine, `${textLines[sectionLine - 1] ?? ''}\n${indent}crds: ${FIXED_CRD_POLICY}`);
  }
  // A flow mapping, or an empty section: rewritten as a block, on the lines it held.
  const value = section.value;
  if (value !== null && !(isMap(value) && value.flow) && !(isScalar(value) && value.value === null)) return { problem: `spec.${target.action} of HelmRelease ${target.name} in ${target.path} is not a mapping` };
  const endLine = value && (value as Node).range ? lines.linePos(((value as Node).range as [number, number, number])[1]).line : sectionLine;
  if (endLine !== sectionLine) return { problem: `spec.${target.action} of HelmRelease ${target.name} in ${target.path} spans lines in flow style` };
  const entries = isMap(value) ? (value as YAMLMap).items.filter((pair) => !(isScalar(pair.key) && pair.key.value === 'crds')).map((pair) => `${sectionIndent}  ${String(pair.key)}: ${String(pair.value)}`) : [];
  return edit(sectionLine, sectionLine, [`${sectionIndent}${target.action}:`, ...entries, `${sectionIndent}  crds: ${FIXED_CRD_POLICY}`].join('\n'));
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}
