/**
 * The configuration file `.prune-guard.yaml`: parsing and strict validation into the shape of
 * config-model.ts. Pure: reading the file is src/app/read-config-file.ts, applying its
 * patterns object-patterns.ts.
 *
 * Validation is strict because a config mistake fails silently otherwise: a misspelt key or a
 * pattern that can never match looks exactly like a config that found nothing to do.
 */
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { ConfigError } from '../errors.ts';
import { ConfigReader, describeNode, type MappingEntry } from './config-reader.ts';
import { readRequires } from './parse-requires.ts';
import { FailLevels, Rules, Severities, type FailLevel } from '../rules/findings.ts';
import { EMPTY_CONFIG, type ClusterSetting, type Config, type Mirror, type RemoteSettings, type SeverityOverride, type SourceSetting } from './config-model.ts';
import { describeYamlError } from '../objects/kube-objects.ts';
import { findAllowEntryProblem } from './network-policy.ts';
import { hideUserInfo } from '../text/redact.ts';
import type { GroupKind } from '../objects/scope.ts';
import { VARIABLE_NAME_PATTERN } from '../objects/substitute.ts';

/** The top-level keys, in the order docs/configuration.md documents them. */
const CONFIG_KEYS = ['failOn', 'kubernetesVersion', 'requires', 'severity', 'ignore', 'clusterScoped', 'sources', 'clusters', 'substitute', 'mirrors', 'remote'] as const;

const CLUSTER_KEYS = ['name', 'path', 'sources'] as const;

const SOURCE_KEYS = ['kind', 'name', 'path'] as const;

const REMOTE_KEYS = ['allow'] as const;

const OVERRIDE_KEYS = ['match', 'severity', 'rules'] as const;

const PATTERN_HINT = 'An object pattern: group/Kind/namespace/name';

/** Flux's rule for post-build variable names (kustomize-controller `varsubRegex`). */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Parses and validates the configuration file. `source` names the file in errors, which are
 * one line: `source:line: key.path ...`. Empty text (or only comments) is the empty config.
 */
export function parseConfig(text: string, source: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    // The library's own message for this one recommends one of its functions.
    const reason = yamlError.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document' : describeYamlError(yamlError.message);
    throw new ConfigError(`${source}${line ? `:${line}` : ''}: malformed YAML: ${reason}`);
  }
  const reader = new ConfigReader(source, lineCounter, doc);
  const root = reader.resolve(doc.contents);
  if (root === null) return EMPTY_CONFIG;
  const entries = reader.readMapping(root, '', CONFIG_KEYS, 'a mapping of keys');

  let failOn: FailLevel | undefined;
  const failOnEntry = entries.get('failOn');
  if (failOnEntry) {
    const valid = Object.values(FailLevels);
    failOn = reader.readChoice(reader.requireValue(failOnEntry, 'failOn', `Valid values: ${valid.join(', ')}`), 'failOn', valid);
  }

  let kubernetesVersion: string | undefined;
  const versionEntry = entries.get('kubernetesVersion');
  if (versionEntry) {
    const node = reader.requireValue(versionEntry, 'kubernetesVersion', 'A Kubernetes version such as 1.31 or 1.31.4');
    // YAML reads 1.30 as the number 1.3: the text as written is the version.
    const written = isScalar(node) && typeof node.source === 'string' ? node.source : reader.readString(node, 'kubernetesVersion');
    const version = parseKubernetesVersion(written);
    if (!version) reader.fail(node, `kubernetesVersion must be a Kubernetes version such as 1.31 or 1.31.4, not ${JSON.stringify(written)}`);
    kubernetesVersion = version;
  }

  return {
    ...(failOn ? { failOn } : {}),
    ...(kubernetesVersion ? { kubernetesVersion } : {}),
    severity: reader.readList(entries.get('severity'), 'severity', (node, path) => readOverride(reader, node, path)),
    ignore: reader.readList(entries.get('ignore'), 'ignore', (node, path) => reader.readPattern(node, path)),
    clusterScoped: reader.readList(entries.get('clusterScoped'), 'clusterScoped', (node, path) => readGroupKind(reader, node, path)),
    sources: reader.readList(entries.get('sources'), 'sources', (node, path) => readSourceRef(reader, node, path)),
    clusters: readClusters(reader, entries.get('clusters')),
    substitute: readSubstitute(reader, entries.get('substitute')),
    mirrors: readMirrors(reader, entries.get('mirrors')),
    remote: readRemote(reader, entries.get('remote')),
    requires: readRequires(reader, entries.get('requires')),
  };
}

/** Reads `1.31`, `v1.31.4` or `1.31.4` as `1.31.0` / `1.31.4`; undefined for anything else. */
export function parseKubernetesVersion(text: string): string | undefined {
  const match = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?$/.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3] ?? 0)}` : undefined;
}

function readOverride(reader: ConfigReader, node: Node, path: string): SeverityOverride {
  const entries = reader.readMapping(node, path, OVERRIDE_KEYS, 'a mapping with match, severity and optionally rules');
  const match = entries.get('match');
  const severity = entries.get('severity');
  if (!match) reader.fail(node, `${path} lacks match (an object pattern: group/Kind/namespace/name)`);
  const severities = Object.values(Severities);
  if (!severity) reader.fail(node, `${path} lacks severity (${severities.join(', ')})`);
  const rules = entries.get('rules');
  const ruleIds = rules
    ? reader.readList(rules, `${path}.rules`, (item, itemPath) => reader.readChoice(item, itemPath, Object.values(Rules)))
    : undefined;
  // An empty list would silently override nothing; "every rule" is spelt by leaving it out.
  if (rules && ruleIds?.length === 0) reader.fail(rules.value ?? rules.key, `${path}.rules is empty; leave it out to override findings of every rule`);
  return {
    match: reader.readPattern(reader.requireValue(match, `${path}.match`, PATTERN_HINT), `${path}.match`),
    severity: reader.readChoice(reader.requireValue(severity, `${path}.severity`, `Valid values: ${severities.join(', ')}`), `${path}.severity`, severities),
    ...(ruleIds ? { rules: ruleIds } : {}),
  };
}

function readGroupKind(reader: ConfigReader, node: Node, path: string): GroupKind {
  const value = reader.readString(node, path);
  const dot = value.indexOf('.');
  const kind = dot === -1 ? value : value.slice(0, dot);
  const group = dot === -1 ? '' : value.slice(dot + 1);
  if (!KIND.test(kind) || (group !== '' && !DNS_SUBDOMAIN.test(group))) {
    // Common slips: the CRD's name (plural.group) or an apiVersion (group/version/Kind).
    let hint = '';
    if (value.includes('/')) hint = ' (an apiVersion does not belong here)';
    else if (!/^[A-Z]/.test(kind)) hint = " (the Kind as in the CRD's spec.names.kind, not its plural)";
    reader.fail(node, `${path} is set to invalid value '${value}': write Kind.group, e.g. Tenant.example.com, or Kind for the core group${hint}`);
  }
  return { group, kind };
}

/** A `sources:` entry: `namespace/name` of a GitRepository, or `{kind, name, path}`. */
function readSourceRef(reader: ConfigReader, node: Node, path: string): SourceSetting {
  if (!isMap(node)) return { kind: 'GitRepository', name: readSourceName(reader, node, path, 'GitRepository') };
  const entries = reader.readMapping(node, path, SOURCE_KEYS, 'namespace/name of a GitRepository, or a mapping with kind, name and optionally path');
  const kind = entries.get('kind');
  const name = entries.get('name');
  if (!kind) reader.fail(node, `${path} lacks kind (GitRepository or OCIRepository)`);
  if (!name) reader.fail(node, `${path} lacks name (namespace/name of the source)`);
  const kinds = ['GitRepository', 'OCIRepository'] as const;
  const folder = entries.get('path');
  return {
    kind: reader.readChoice(reader.requireValue(kind, `${path}.kind`, `Valid values: ${kinds.join(', ')}`), `${path}.kind`, kinds),
    name: readSourceName(reader, reader.requireValue(name, `${path}.name`, 'namespace/name of the source, e.g. flux-system/flux-system'), `${path}.name`, 'source'),
    ...(folder ? { path: readFolder(reader, reader.requireValue(folder, `${path}.path`, 'A folder of the repository, e.g. kubernetes'), `${path}.path`) } : {}),
  };
}

function readSourceName(reader: ConfigReader, node: Node, path: string, what: string): string {
  const value = reader.readString(node, path);
  const [namespace, name, ...rest] = value.split('/');
  if (rest.length > 0 || !namespace || !name || !DNS_LABEL.test(namespace) || !DNS_SUBDOMAIN.test(name)) {
    reader.fail(node, `${path} is set to invalid value '${value}': write namespace/name of a Flux ${what}, e.g. flux-system/infra`);
  }
  return value;
}

/** A folder inside the repository, as `a/b` (no `./`, no trailing `/`); `..`, absolute paths and control characters are refused. */
function readFolder(reader: ConfigReader, node: Node, path: string): string {
  const value = reader.readString(node, path);
  const parts = value.split('/').filter((part) => part !== '' && part !== '.');
  if (value.startsWith('/') || parts.includes('..') || /[\0\n\\]/.test(value)) {
    reader.fail(node, `${path} is set to invalid value '${JSON.stringify(value).slice(1, -1)}': a folder inside the repository, e.g. clusters/production`);
  }
  return parts.join('/');
}

/** `clusters:` names each cluster's folder; names are unique, and a folder stays inside the repository. */
function readClusters(reader: ConfigReader, entry: MappingEntry | undefined): ClusterSetting[] {
  const clusters = reader.readList(entry, 'clusters', (node, path): ClusterSetting & { node: Node } => {
    const entries = reader.readMapping(node, path, CLUSTER_KEYS, 'a mapping with name, path and optionally sources');
    const name = entries.get('name');
    const folder = entries.get('path');
    if (!name) reader.fail(node, `${path} lacks name (how reports name the cluster, e.g. production)`);
    if (!folder) reader.fail(node, `${path} lacks path (the folder Flux applies for it, e.g. clusters/production)`);
    const nameValue = reader.readString(reader.requireValue(name, `${path}.name`, 'Name the cluster, e.g. production'), `${path}.name`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(nameValue)) reader.fail(name.value, `${path}.name is set to invalid value '${nameValue}': letters, digits, '.', '_' and '-', e.g. production`);
    const pathValue = readFolder(reader, reader.requireValue(folder, `${path}.path`, 'A folder of the repository, e.g. clusters/production'), `${path}.path`);
    const sources = reader.readList(entries.get('sources'), `${path}.sources`, (item, itemPath) => readSourceRef(reader, item, itemPath));
    return { name: nameValue, path: pathValue, sources, node };
  });
  for (const [index, cluster] of clusters.entries()) {
    if (clusters.findIndex((other) => other.name === cluster.name) !== index) reader.fail(cluster.node, `clusters[${index}].name '${cluster.name}' is used twice`);
  }
  return clusters.map(({ name, path, sources }) => ({ name, path, sources }));
}

/**
 * Says what is wrong with a mirror's prefixes, or undefined when nothing is: both must be
 * http(s) URLs (a typo would rewrite nothing useful), and both end in `/` or neither does
 * (else the rest of the URL would run into the host or get a `//`). Never quotes
 * credentials.
 */
export function checkMirror(mirror: Mirror): string | undefined {
  for (const url of [mirror.from, mirror.to]) {
    if (!/^https?:\/\/[^/\s]+/.test(url) || /\s/.test(url) || !URL.canParse(url)) return `'${hideUserInfo(url)}' is no http(s) URL prefix`;
    const parsed = new URL(url);
    try {
      decodeURIComponent(parsed.username);
      decodeURIComponent(parsed.password);
    } catch {
      return `the user or token of '${hideUserInfo(url)}' is not percent-encoded right`;
    }
    try {
      decodeURIComponent(parsed.pathname);
    } catch {
      return `the path of '${hideUserInfo(url)}' is not percent-encoded right`;
    }
    if (parsed.port === '0') return `'${hideUserInfo(url)}' names port 0`;
  }
  if (mirror.from.endsWith('/') !== mirror.to.endsWith('/')) {
    return `'${hideUserInfo(mirror.from)}' and '${hideUserInfo(mirror.to)}' must both end with '/', or neither`;
  }
  return undefined;
}

/** `mirrors:` maps URL prefixes to their replacements; both must be http(s) URLs, or a typo would fetch nothing. */
function readMirrors(reader: ConfigReader, entry: MappingEntry | undefined): Mirror[] {
  if (!entry || entry.value === null) return [];
  const map = entry.value;
  if (!isMap(map)) reader.fail(map, `mirrors must be a mapping of URL prefixes to mirror URL prefixes, not ${describeNode(map)}`);
  return map.items.map((pair) => {
    const key = reader.resolve(pair.key);
    const from = key ? reader.readString(key, 'mirrors') : '';
    const value = reader.resolve(pair.value as Node | null);
    const to = value ? reader.readString(value, `mirrors.${hideUserInfo(from)}`) : '';
    const shownPath = `mirrors.${hideUserInfo(from)}`;
    for (const [node, url, where] of [[key, from, 'mirrors key'], [value ?? key, to, shownPath]] as const) {
      if (!/^https?:\/\/[^/\s]+/.test(url) || /\s/.test(url)) {
        reader.fail(node, `${where} is set to invalid value '${hideUserInfo(JSON.stringify(url).slice(1, -1))}': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`);
      }
    }
    const problem = checkMirror({ from, to });
    if (problem) reader.fail(value ?? key, `${shownPath}: ${problem}`);
    return { from, to };
  });
}

/**
 * `remote:` holds `allow`, the hosts and URL prefixes remote resources may come from. A
 * present `allow` (even an empty one) replaces the default list, so the file says exactly
 * what a run may reach.
 */
function readRemote(reader: ConfigReader, entry: MappingEntry | undefined): RemoteSettings {
  if (!entry || entry.value === null) return {};
  const entries = reader.readMapping(entry.value, 'remote', REMOTE_KEYS, 'a mapping with allow (a list of hosts or URL prefixes)');
  const allow = entries.get('allow');
  if (!allow) return {};
  return {
    allow: reader.readList(allow, 'remote.allow', (node, path) => {
      const value = reader.readString(node, path);
      const problem = findAllowEntryProblem(value);
      if (problem) reader.fail(node, `${path} is set to invalid value '${hideUserInfo(JSON.stringify(value).slice(1, -1))}': ${problem}`);
      return value;
    }),
  };
}

function readSubstitute(reader: ConfigReader, entry: MappingEntry | undefined): Readonly<Record<string, string>> {
  if (!entry || entry.value === null) return {};
  const map = entry.value;
  if (!isMap(map)) reader.fail(map, `substitute must be a mapping of variable names to values, not ${describeNode(map)}`);
  const values: Array<[string, string]> = [];
  for (const pair of map.items) {
    const key = reader.resolve(pair.key);
    if (!isScalar(key) || typeof key.value !== 'string' || !VARIABLE_NAME_PATTERN.test(key.value)) {
      const shown = isScalar(key) ? `'${String(key.source ?? key.value)}'` : describeNode(key);
      reader.fail(key ?? map, `substitute key ${shown} is not a Flux variable name (letters, digits and _, not starting with a digit)`);
    }
    const path = `substitute.${key.value}`;
    const value = reader.resolve(pair.value);
    if (value === null) reader.fail(key, `${path} has no value; write '' for an empty string`);
    if (!isScalar(value)) reader.fail(value, `${path} must be a string, not ${describeNode(value)}`);
    if (typeof value.value !== 'string') {
      // YAML reads 1.20 as the number 1.2 and true as a boolean: only quoting keeps exactly
      // what was written, which is also why Flux rejects non-string values here.
      reader.fail(value, `${path} is ${describeNode(value)}; quote it ('${value.source ?? String(value.value)}'): Flux takes only string values`);
    }
    values.push([key.value, value.value]);
  }
  // fromEntries defines own properties, so a variable named __proto__ stays a variable.
  return Object.fromEntries(values);
}

/** Describes a node's type for messages: `a string`, `a number`, `a list`, ... */

