/**
 * Kubernetes objects as prune-guard sees them: parsed from kustomize output and keyed by
 * the identity Flux's inventory uses (group, kind, namespace, name; never the version).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { CORE_SCHEMA, YAMLException, loadAll } from 'js-yaml';
import { ManifestError } from '../errors.ts';
import type { Scope, ScopeResolver } from './scope.ts';

/** A JSON-compatible Kubernetes object as rendered. */
export type KubeObject = Record<string, unknown>;

/** Flux's inventory identity of an object. */
export interface ObjectId {
  /** API group, `""` for the core group. */
  readonly group: string;
  /** Kind, e.g. `CustomResourceDefinition`. */
  readonly kind: string;
  /** Namespace, `""` for cluster-scoped objects. */
  readonly namespace: string;
  /** metadata.name */
  readonly name: string;
}

/** Where an object came from in the tree that was rendered. Paths are relative to that tree's root. */
export interface Provenance {
  /** The manifest file that holds the object. */
  readonly file?: string;
  /** The remote URL the object was fetched from. */
  readonly url?: string;
  /** A remote git base (`repo?ref=`) the object was cloned from. */
  readonly repo?: string;
  /** The generator (e.g. `ConfigMapGenerator`) that made the object. */
  readonly generator?: string;
  /** The kustomization file whose entry brought the object in. */
  readonly kustomization?: string;
  /** 1-based line of that entry in the kustomization file. */
  readonly line?: number;
}

/** One object from a render, before identity is assigned (scope needs every render first). */
export interface ManifestDoc {
  /** The object, with prune-guard's own annotations already removed. */
  readonly body: KubeObject;
  /** Where it came from, when known. */
  readonly provenance?: Provenance;
}

/** A rendered object with its identity. */
export interface ResourceObject {
  /** Flux identity. */
  readonly id: ObjectId;
  /** {@link formatObjectKey} of `id`, the map key in object sets. */
  readonly key: string;
  /** apiVersion as rendered (group/version). */
  readonly apiVersion: string;
  /** Scope of its kind, as far as the built-in table and the rendered CRDs tell. */
  readonly scope: Scope;
  /** The object; Secret values are already replaced, see {@link redactSecret}. */
  readonly body: KubeObject;
  /** Where it came from, when known. */
  readonly provenance?: Provenance;
  /**
   * Keyed digests of Secret values, so a changed value can be told apart from an unchanged
   * one without keeping the value. Never printed.
   */
  readonly secretDigests?: Readonly<Record<string, string>>;
}

/** Objects of one render, keyed by {@link formatObjectKey}. */
export type ObjectSet = ReadonlyMap<string, ResourceObject>;

/** The placeholder that stands wherever a Secret value was. */
export const REDACTED = '(redacted)';

/** Returns the stable key `group/Kind/namespace/name` of an identity. */
export function formatObjectKey(id: ObjectId): string {
  return `${id.group}/${id.kind}/${id.namespace}/${id.name}`;
}

/** True for a core Secret, whose values never leave the process. */
export function isSecret(id: Pick<ObjectId, 'group' | 'kind'>): boolean {
  return id.group === '' && id.kind === 'Secret';
}

/** Returns the short display form `Kind/name` or `Kind/namespace/name`, as Flux prints objects. */
export function formatObjectRef(id: ObjectId): string {
  return id.namespace === '' ? `${id.kind}/${id.name}` : `${id.kind}/${id.namespace}/${id.name}`;
}

/** Returns the API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> `""`). */
export function getApiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Returns true for a plain (non-array) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns `metadata` of an object, or an empty record. */
export function getMetadata(body: KubeObject): Record<string, unknown> {
  return isRecord(body.metadata) ? body.metadata : {};
}

/** Returns the namespace an object names, or `fallback` when it names none (or an empty one). */
export function readNamespace(body: KubeObject, fallback: string): string {
  const { namespace } = getMetadata(body);
  return typeof namespace === 'string' && namespace !== '' ? namespace : fallback;
}

/**
 * Documents parsed so far in a run, by their text. Two renders of one root mostly print the
 * same documents, so each text is parsed once; the objects are shared and never modified.
 */
export type ParsedDocuments = Map<string, readonly KubeObject[]>;

/** A line holding only a document marker: YAML ends a document there, inside a scalar too. */
const DOCUMENT_MARKER = /^---[ \t]*$/gm;

/**
 * Parses multi-document YAML (kustomize output) into plain objects.
 * `source` names the kustomization or file in error messages. With `parsed`, the text is cut
 * at its document markers and a document seen before is not parsed again.
 */
export function parseManifests(text: string, source: string, parsed?: ParsedDocuments): KubeObject[] {
  // A directive (`%YAML`) belongs to the document after it: such a stream is read whole.
  if (!parsed || /^%/m.test(text)) return collectObjects(loadDocuments(text, source, () => 0), source);
  const documents: Array<{ readonly text: string; readonly start: number }> = [];
  let start = 0;
  for (const match of text.matchAll(DOCUMENT_MARKER)) {
    documents.push({ text: text.slice(start, match.index), start });
    // The line break after the marker too: a document reads the same first in a stream or later.
    start = match.index + match[0].length;
    if (text.startsWith('\r\n', start)) start += 2;
    else if (text.startsWith('\n', start)) start += 1;
  }
  documents.push({ text: text.slice(start), start });
  const unseen = [...new Map(documents.filter((document) => !parsed.has(document.text)).map((document) => [document.text, document])).values()];
  if (unseen.length > 0) {
    // One parser call for all of them (a call has a cost of its own); each alone when the
    // count does not add up or one fails, so an error names its own line.
    const joined = unseen.map((document) => `---\n${document.text}${document.text.endsWith('\n') ? '' : '\n'}`).join('');
    let values: unknown[] | undefined;
    try {
      values = loadDocuments(joined, source, () => 0);
    } catch {
      values = undefined;
    }
    unseen.forEach((document, index) => {
      const own = values?.length === unseen.length ? [values[index]] : loadDocuments(document.text, source, () => countLines(text, document.start));
      parsed.set(document.text, collectObjects(own, source));
    });
  }
  return documents.flatMap((document) => parsed.get(document.text) ?? []);
}

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

/** Parses a YAML stream whose first line is line `lineOffset() + 1` of the source (counted only for an error). */
function loadDocuments(text: string, source: string, lineOffset: () => number): unknown[] {
  try {
    // js-yaml rather than the `yaml` package here: kustomize output can be tens of megabytes,
    // and js-yaml reads it about eight times faster. CORE_SCHEMA keeps dates as strings.
    return loadAll(text, null, { schema: CORE_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark ? error.mark.line + 1 + lineOffset() : undefined;
      throw new ManifestError(`${source}${line ? `:${line}` : ''}: malformed YAML: ${error.reason}`);
    }
    throw error;
  }
}

/** The objects of parsed documents: Lists flattened, empty documents skipped, each checked. */
function collectObjects(docs: readonly unknown[], source: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const value of docs) {
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) throw new ManifestError(`${source}: a YAML document is not a Kubernetes object`);
    if (value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) if (isRecord(item)) objects.push(item);
    } else {
      objects.push(value);
    }
  }
  for (const object of objects) checkObjectShape(object, source);
  return objects;
}

function checkObjectShape(object: KubeObject, source: string): void {
  const name = getMetadata(object).name;
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string' || typeof name !== 'string') {
    const what = typeof object.kind === 'string' ? `a ${object.kind}` : 'an object';
    throw new ManifestError(`${source}: ${what} lacks apiVersion, kind or metadata.name`);
  }
}

/** Returns the yaml library's message without its position suffix and code excerpt (the caller names the line). */
export function describeYamlError(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Per-process key: digests only compare values inside one run and mean nothing outside it. */
const SECRET_DIGEST_KEY = randomBytes(32);

/**
 * The digest key of a `data` or `stringData` field that is not a mapping (a string, a list, a
 * number): the field is redacted whole. Parentheses cannot occur in a Secret key, so it never
 * collides with a real one.
 */
export function formatWholeFieldKey(field: 'data' | 'stringData'): string {
  return `(${field})`;
}

/**
 * Replaces every Secret value with {@link REDACTED} and returns keyed digests of the
 * values, so later steps can say which keys changed without ever holding the values.
 * Whatever the shape: a value that is no string (a number, a map, a list) is redacted like
 * any other, and a `data` or `stringData` that is not a mapping at all (the API server
 * rejects it, but it is in the repository all the same) is redacted whole, with its digest
 * under {@link formatWholeFieldKey}.
 */
export function redactSecret(body: KubeObject): { body: KubeObject; digests: Record<string, string> } {
  const digests = new Map<string, string>();
  const copy: KubeObject = { ...body };
  for (const field of ['data', 'stringData'] as const) {
    const values = body[field];
    if (values === undefined || values === null) continue;
    if (!isRecord(values)) {
      digests.set(formatWholeFieldKey(field), digestSecretValue(field, values));
      copy[field] = REDACTED;
      continue;
    }
    for (const [key, value] of Object.entries(values)) digests.set(key, digestSecretValue(field, value));
    // fromEntries defines own properties, so a `__proto__` key is redacted, not dropped.
    copy[field] = Object.fromEntries(Object.keys(values).map((key) => [key, REDACTED]));
  }
  const metadata = getMetadata(body);
  const annotations = metadata.annotations;
  // kubectl apply stores the whole object, values included, in this annotation.
  if (isRecord(annotations) && 'kubectl.kubernetes.io/last-applied-configuration' in annotations) {
    copy.metadata = {
      ...metadata,
      annotations: { ...annotations, 'kubectl.kubernetes.io/last-applied-configuration': REDACTED },
    };
  }
  return { body: copy, digests: Object.fromEntries(digests) };
}

/**
 * data is base64 and stringData is plain: the decoded bytes are digested, so moving a value
 * from one field to the other does not count as a change. Anything but a string is digested
 * as canonical JSON, so a changed nested value still counts as a change.
 */
function digestSecretValue(field: 'data' | 'stringData', value: unknown): string {
  const bytes =
    typeof value !== 'string'
      ? Buffer.from(`\0json:${canonicalJson(value)}`)
      : field === 'data'
        ? Buffer.from(value, 'base64')
        : Buffer.from(value);
  return createHmac('sha256', SECRET_DIGEST_KEY).update(bytes).digest('hex');
}

/** JSON with sorted keys, so the digest of a map does not depend on key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Gives a document its Flux identity. Cluster-scoped kinds lose any namespace kustomize
 * set; namespaced objects without one get `defaultNamespace`; objects of unknown scope keep
 * what they declare, because inventing a namespace for a cluster-scoped kind would be wrong.
 */
export function identifyObject(doc: ManifestDoc, scope: ScopeResolver, defaultNamespace = 'default'): ResourceObject {
  const { body } = doc;
  const apiVersion = String(body.apiVersion);
  const kind = String(body.kind);
  const group = getApiGroup(apiVersion);
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  const kindScope = scope.getScope({ group, kind });
  const clusterScoped = kindScope === 'cluster';
  const declared = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  const namespace = clusterScoped ? '' : declared || (kindScope === 'namespaced' ? defaultNamespace : '');
  const id: ObjectId = { group, kind, namespace, name };

  let normalized = body;
  if (clusterScoped && declared !== '') {
    const { namespace: _dropped, ...rest } = metadata;
    normalized = { ...body, metadata: rest };
  }
  const base = { id, key: formatObjectKey(id), apiVersion, scope: kindScope, ...(doc.provenance ? { provenance: doc.provenance } : {}) };
  if (isSecret(id)) {
    const { body: redacted, digests } = redactSecret(normalized);
    return { ...base, body: redacted, secretDigests: digests };
  }
  return { ...base, body: normalized };
}

/** Collects the group/kind scope of every CustomResourceDefinition among the documents. */
export function collectCrdScopes(
  docs: Iterable<ManifestDoc>,
): Array<{ groupKind: { group: string; kind: string }; clusterScoped: boolean }> {
  const scopes = [];
  for (const { body } of docs) {
    const crd = readCrdNames(body);
    if (crd) scopes.push({ groupKind: { group: crd.group, kind: crd.kind }, clusterScoped: crd.scope === 'Cluster' });
  }
  return scopes;
}

/** What a CustomResourceDefinition defines. */
export interface CrdNames {
  /** spec.group */
  readonly group: string;
  /** spec.names.kind */
  readonly kind: string;
  /** spec.names.plural */
  readonly plural: string;
  /** spec.scope */
  readonly scope: string;
}

/** Reads group, kind and scope from a CRD; undefined for anything else or a CRD missing them. */
export function readCrdNames(body: KubeObject): CrdNames | undefined {
  if (body.kind !== 'CustomResourceDefinition' || getApiGroup(String(body.apiVersion)) !== 'apiextensions.k8s.io') {
    return undefined;
  }
  const spec = isRecord(body.spec) ? body.spec : {};
  const names = isRecord(spec.names) ? spec.names : {};
  if (typeof spec.group !== 'string' || typeof names.kind !== 'string') return undefined;
  return {
    group: spec.group,
    kind: names.kind,
    plural: typeof names.plural === 'string' ? names.plural : '',
    scope: typeof spec.scope === 'string' ? spec.scope : 'Namespaced',
  };
}

/**
 * Builds the object set of one render. A later duplicate of the same identity replaces the
 * earlier one, as the later apply would.
 */
export function buildObjectSet(
  docs: Iterable<ManifestDoc>,
  scope: ScopeResolver,
  defaultNamespace = 'default',
): Map<string, ResourceObject> {
  const set = new Map<string, ResourceObject>();
  for (const doc of docs) {
    const object = identifyObject(doc, scope, defaultNamespace);
    set.set(object.key, object);
  }
  return set;
}

/** Orders objects as a reader looks for them: by kind, namespace, name, then group. */
export function compareObjects(a: { id: ObjectId }, b: { id: ObjectId }): number {
  const keyOf = ({ id }: { id: ObjectId }): string => [id.kind, id.namespace, id.name, id.group].join('\u0000');
  const [x, y] = [keyOf(a), keyOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}
