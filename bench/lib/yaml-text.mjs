/** Text helpers for the generated repositories: YAML documents as arrays of lines, and the CRD both kinds of repository hold. */

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

/** A namespaced CustomResourceDefinition of `kind` in `group`, served at v1. */
export function renderCrd(group, kind) {
  const singular = kind.toLowerCase();
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata:',
    `  name: ${singular}s.${group}`,
    'spec:',
    `  group: ${group}`,
    '  names:',
    `    kind: ${kind}`,
    `    listKind: ${kind}List`,
    `    plural: ${singular}s`,
    `    singular: ${singular}`,
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
    '                size:',
    '                  type: integer',
    '                color:',
    '                  type: string',
  ];
}
