/**
 * Fixes that are one edit of a HelmRelease: `spec.<install|upgrade>.crds: CreateReplace` for
 * the CRDs of its chart's crds/ that its policy never creates or leaves stale. The file is
 * read from the side after the change, inside it only. It is verified by reading the edited
 * file back: the release must then hold the policy (helm-controller, not the render, applies
 * it, so there is nothing to build again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applyFixes } from '../../core/fix/fix-apply.ts';
import { FIXED_CRD_POLICY, planCrdPolicyEdit, type CrdPolicyFix } from '../../core/fix/crd-policy-edit.ts';
import { formatObjectKey, isRecord } from '../../core/objects/kube-objects.ts';
import { MAX_ALIAS_EXPANSION } from '../../core/objects/yaml-bomb.ts';
import { FixSources, type Finding, type Fix, type FixEdit } from '../../core/rules/findings.ts';
import { readCrdPolicy } from '../../core/rules/helm-crd-rules.ts';
import { createConfinement, isInside } from '../../render/kustomize/confine.ts';

/** The fixes, and for each finding they fix (`unit\0object key`) its index among them. */
export interface PolicyFixPlan {
  readonly fixes: readonly Fix[];
  readonly targets: ReadonlyMap<string, number>;
}

/** Plans the edits of `candidates` whose findings are among `findings` (those worth fixing), in `headRoot`. */
export function planPolicyFixes(candidates: readonly CrdPolicyFix[], findings: readonly Finding[], headRoot: string): PolicyFixPlan {
  const wanted = new Set(findings.map((finding) => `${finding.unit}\0${formatObjectKey(finding.object)}`));
  const fixes: Fix[] = [];
  const targets = new Map<string, number>();
  for (const candidate of candidates) {
    const keys = candidate.crds.map((name) => `${candidate.unit}\0${formatObjectKey({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', namespace: '', name })}`).filter((key) => wanted.has(key));
    if (keys.length === 0) continue;
    const text = readInside(headRoot, candidate.path);
    if (text === undefined) continue;
    const edit = planCrdPolicyEdit(text, candidate);
    if ('problem' in edit) continue;
    // Verified when the file holds the policy the render has (no overlay or substitution sets it) and the edit sets the fix.
    const verified = readPolicy(text, candidate) === candidate.policy && readPolicy(applyEdit(text, edit), candidate) === FIXED_CRD_POLICY;
    const same = fixes.findIndex((fix) => fix.edits.some((other) => other.path === edit.path && other.startLine === edit.startLine && other.replacement === edit.replacement));
    const index = same >= 0 ? same : fixes.push({ source: FixSources.policy, description: edit.description, entries: [], edits: [edit], files: [], restores: [], verified }) - 1;
    for (const key of keys) targets.set(key, index);
  }
  return { fixes, targets };
}

/** The CRD policy the file gives the release; undefined when the file does not parse or holds no such release. */
function readPolicy(text: string, target: CrdPolicyFix): string | undefined {
  const docs = parseAllDocuments(text, { logLevel: 'silent' });
  if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length > 0)) return undefined;
  for (const doc of docs) {
    let body: unknown;
    try {
      body = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as unknown;
    } catch {
      continue;
    }
    if (isRecord(body) && body.kind === 'HelmRelease' && isRecord(body.metadata) && body.metadata.name === target.name) return readCrdPolicy(body, target.action);
  }
  return undefined;
}

/** `text` with the edit applied, the way `fix --write` applies it. */
function applyEdit(text: string, edit: FixEdit): string {
  const fix: Fix = { source: FixSources.policy, description: edit.description, entries: [], edits: [edit], files: [], restores: [], verified: false };
  return applyFixes([fix], () => text).changes[0]?.after ?? text;
}

/** The file's text when the checkout's confinement allows reading it (inside it, links resolved, not `.git`). */
function readInside(root: string, path: string): string | undefined {
  try {
    const file = join(root, path);
    return isInside(createConfinement(root), file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
