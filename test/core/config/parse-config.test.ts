import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.ts';
import { EMPTY_CONFIG, type Config } from '../../../src/core/config/config-model.ts';
import { applySeverityOverrides, isIgnoredObject, matchesObjectPattern } from '../../../src/core/config/object-patterns.ts';
import { ConfigError } from '../../../src/core/errors.ts';
import { Rules, type Finding, type RuleId, type Severity } from '../../../src/core/rules/findings.ts';
import type { ObjectId } from '../../../src/core/objects/kube-objects.ts';

const FILE = '.prune-guard.yaml';

/** An identity from its key `group/Kind/namespace/name`, so tables read like the patterns. */
function toId(key: string): ObjectId {
  const [group, kind, namespace, name, ...rest] = key.split('/');
  if (group === undefined || !kind || namespace === undefined || !name || rest.length > 0) throw new Error(`bad key ${key}`);
  return { group, kind, namespace, name };
}

/** A config with only the given keys set, the rest as in the empty config. */
function configOf(keys: Partial<Config>): Config {
  return { ...EMPTY_CONFIG, ...keys };
}

/** Returns the message parseConfig throws, failing the test when it does not throw a ConfigError. */
function catchConfigError(text: string): string {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('parseConfig did not throw');
}

describe('parseConfig: valid files', () => {
  it.each<[string, string, Config]>([
    ['an empty file', '', EMPTY_CONFIG],
    ['only comments', '# nothing configured yet\n', EMPTY_CONFIG],
    ['an empty document', '---\n', EMPTY_CONFIG],
    ['failOn error', 'failOn: error\n', configOf({ failOn: 'error' })],
    ['failOn warning', 'failOn: warning\n', configOf({ failOn: 'warning' })],
    ['failOn notice', 'failOn: notice\n', configOf({ failOn: 'notice' })],
    ['failOn never', 'failOn: never\n', configOf({ failOn: 'never' })],
    [
      'every key, as docs/configuration.md shows them',
      [
        'failOn: warning',
        'severity:',
        '  - match: "*.projectcalico.org/*/**"',
        '    severity: warning',
        '    rules: [crd-removed]',
        '  - match: apiextensions.k8s.io/CustomResourceDefinition/**',
        '    severity: notice',
        'ignore:',
        '  - "/ConfigMap/kube-system/**"',
        'clusterScoped:',
        '  - Tenant.example.com',
        '  - Node',
        'sources:',
        '  - flux-system/infra',
        '  - kind: OCIRepository',
        '    name: flux-system/flux-system',
        '    path: kubernetes/',
        'clusters:',
        '  - name: production',
        '    path: ./clusters/production/',
        '    sources: [flux-system/production]',
        'substitute:',
        '  cluster_name: production',
        '  _version: "1.20"',
        '  empty: ""',
        'mirrors:',
        '  https://raw.githubusercontent.com/: https://mirror.example.com/raw/',
        '  https://github.com/: https://git.example.com/github/',
        'remote:',
        '  allow:',
        '    - github.com',
        '    - "*.example.com"',
        '    - artifacts.example.com:8443',
        '    - https://artifacts.example.com/k8s/',
        '    - 127.0.0.1',
        '    - "[::1]:8080"',
        '',
      ].join('\n'),
      {
        failOn: 'warning',
        severity: [
          { match: '*.projectcalico.org/*/**', severity: 'warning', rules: ['crd-removed'] },
          { match: 'apiextensions.k8s.io/CustomResourceDefinition/**', severity: 'notice' },
        ],
        ignore: ['/ConfigMap/kube-system/**'],
        clusterScoped: [
          { group: 'example.com', kind: 'Tenant' },
          { group: '', kind: 'Node' },
        ],
        sources: [{ kind: 'GitRepository', name: 'flux-system/infra' }, { kind: 'OCIRepository', name: 'flux-system/flux-system', path: 'kubernetes' }],
        clusters: [{ name: 'production', path: 'clusters/production', sources: [{ kind: 'GitRepository', name: 'flux-system/production' }] }],
        substitute: { cluster_name: 'production', _version: '1.20', empty: '' },
        mirrors: [
          { from: 'https://raw.githubusercontent.com/', to: 'https://mirror.example.com/raw/' },
          { from: 'https://github.com/', to: 'https://git.example.com/github/' },
        ],
        remote: { allow: ['github.com', '*.example.com', 'artifacts.example.com:8443', 'https://artifacts.example.com/k8s/', '127.0.0.1', '[::1]:8080'] },
        requires: [],
      },
    ],
    // An empty allow-list is a list: nothing but mirrors; no allow key keeps the default list.
    ['remote.allow empty', 'remote:\n  allow: []\n', configOf({ remote: { allow: [] } })],
    ['remote.allow with every entry commented out', 'remote:\n  allow:\n  # - example.com\n', configOf({ remote: { allow: [] } })],
    ['remote without allow', 'remote: {}\n', EMPTY_CONFIG],
    ['remote without a value', 'remote:\n', EMPTY_CONFIG],
    // What is left when every entry is commented out.
    ['list and mapping keys without a value', 'severity:\nignore:\nclusterScoped:\nsources:\nsubstitute:\n', EMPTY_CONFIG],
    ['empty flow collections', 'severity: []\nignore: []\nclusterScoped: []\nsources: []\nsubstitute: {}\n', EMPTY_CONFIG],
    [
      'several rules on one override',
      'severity:\n  - {match: "**", severity: notice, rules: [object-removed, data-removed]}\n',
      configOf({ severity: [{ match: '**', severity: 'notice', rules: ['object-removed', 'data-removed'] }] }),
    ],
    [
      'anchors and aliases',
      'ignore:\n  - &kube /ConfigMap/kube-system/*\nseverity:\n  - match: *kube\n    severity: notice\n',
      configOf({ ignore: ['/ConfigMap/kube-system/*'], severity: [{ match: '/ConfigMap/kube-system/*', severity: 'notice' }] }),
    ],
    [
      'brace alternatives of four segments each',
      'ignore:\n  - "{/ConfigMap,/Secret}/kube-system/*"\n',
      configOf({ ignore: ['{/ConfigMap,/Secret}/kube-system/*'] }),
    ],
    ['a dotted GitRepository name', 'sources:\n  - flux-system/infra.prod\n', configOf({ sources: [{ kind: 'GitRepository', name: 'flux-system/infra.prod' }] })],
  ])('%s', (_name, text, expected) => {
    expect(parseConfig(text, FILE)).toEqual(expected);
  });

  it('keeps a variable named __proto__ as a variable', () => {
    const config = parseConfig('substitute:\n  __proto__: x\n', FILE);
    expect(Object.keys(config.substitute)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(config.substitute)).toBe(Object.prototype);
  });

  it('leaves rules out of an override that does not set them', () => {
    const [override] = parseConfig('severity:\n  - {match: "**", severity: notice}\n', FILE).severity;
    expect(override).toBeDefined();
    expect(override && 'rules' in override).toBe(false);
  });

  it('leaves failOn out when the file does not set it', () => {
    expect('failOn' in parseConfig('ignore: []\n', FILE)).toBe(false);
  });
});

describe('EMPTY_CONFIG', () => {
  it('is frozen, lists included', () => {
    expect(Object.isFrozen(EMPTY_CONFIG)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.severity)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.ignore)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.clusterScoped)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.sources)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.substitute)).toBe(true);
    expect(Object.isFrozen(EMPTY_CONFIG.remote)).toBe(true);
  });
});

const SEVERITIES = 'Valid values: error, warning, notice';
const FAIL_LEVELS = 'Valid values: error, warning, notice, never';
const TOP_KEYS = 'failOn, kubernetesVersion, requires, severity, ignore, clusterScoped, sources, clusters, substitute, mirrors, remote';
const SEGMENTS_HINT =
  'but an object key has four, group/Kind/namespace/name (the core group and the namespace of cluster-scoped objects are empty, e.g. /Namespace//kube-system; ** matches any number)';

describe('parseConfig: invalid files', () => {
  it.each<[string, string, string]>([
    ['a cluster without a path', 'clusters:\n  - name: prod\n', '.prune-guard.yaml:2: clusters[0] lacks path (the folder Flux applies for it, e.g. clusters/production)'],
    ['a cluster path that climbs out', 'clusters:\n  - name: prod\n    path: ../elsewhere\n', ".prune-guard.yaml:3: clusters[0].path is set to invalid value '../elsewhere': a folder inside the repository, e.g. clusters/production"],
    ['one cluster name twice', 'clusters:\n  - {name: prod, path: a}\n  - {name: prod, path: b}\n', ".prune-guard.yaml:3: clusters[1].name 'prod' is used twice"],
    // YAML itself
    ['malformed YAML', 'ignore: [\n', `${FILE}:2: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`],
    ['a duplicate key', 'failOn: error\nfailOn: warning\n', `${FILE}:2: malformed YAML: Map keys must be unique`],
    ['two documents', 'failOn: error\n---\nfailOn: warning\n', `${FILE}:2: malformed YAML: the file holds more than one YAML document`],
    ['a list at the top', '- failOn\n', `${FILE}:1: the file must be a mapping of keys, not a list`],
    ['a string at the top', 'failOn\n', `${FILE}:1: the file must be a mapping of keys, not a string`],
    // unknown keys
    ['a miscased key', 'ignore: []\nfailon: error\n', `${FILE}:2: unknown key 'failon' (did you mean 'failOn'?)`],
    ['a misspelt key', '\n\nsorces: []\n', `${FILE}:3: unknown key 'sorces' (did you mean 'sources'?)`],
    ['a kebab-case key', 'cluster-scoped: []\n', `${FILE}:1: unknown key 'cluster-scoped' (did you mean 'clusterScoped'?)`],
    ['an unknown key with nothing close', 'prune: true\n', `${FILE}:1: unknown key 'prune' (valid keys: ${TOP_KEYS})`],
    ['a number key', '1: x\n', `${FILE}:1: unknown key '1' (valid keys: ${TOP_KEYS})`],
    ['a list key', '? [a]\n: x\n', `${FILE}:1: a key is a list (valid keys: ${TOP_KEYS})`],
    // failOn
    ['failOn invalid', 'failOn: critical\n', `${FILE}:1: failOn is set to invalid value 'critical'. ${FAIL_LEVELS}`],
    ['failOn miscased', 'failOn: Warning\n', `${FILE}:1: failOn is set to invalid value 'Warning' (did you mean 'warning'?). ${FAIL_LEVELS}`],
    ['failOn a number', 'failOn: 1\n', `${FILE}:1: failOn is set to invalid value '1'. ${FAIL_LEVELS}`],
    ['failOn a boolean', 'failOn: false\n', `${FILE}:1: failOn is set to invalid value 'false'. ${FAIL_LEVELS}`],
    ['failOn empty', 'failOn:\n', `${FILE}:1: failOn is empty. ${FAIL_LEVELS}`],
    ['failOn a list', 'failOn: [error]\n', `${FILE}:1: failOn must be one of error, warning, notice, never, not a list`],
    // severity
    ['severity a mapping', 'severity:\n  match: "**"\n', `${FILE}:2: severity must be a list, not a mapping`],
    ['severity item a string', 'severity:\n  - "**"\n', `${FILE}:2: severity[0] must be a mapping with match, severity and optionally rules, not a string`],
    ['severity item empty', 'severity:\n  -\n', `${FILE}:2: severity[0] is empty`],
    [
      'severity value invalid in the second item',
      'severity:\n  - match: "**"\n    severity: error\n  - match: "**"\n    severity: critical\n',
      `${FILE}:5: severity[1].severity is set to invalid value 'critical'. ${SEVERITIES}`,
    ],
    ['severity never is not a severity', 'severity:\n  - {match: "**", severity: never}\n', `${FILE}:2: severity[0].severity is set to invalid value 'never'. ${SEVERITIES}`],
    ['severity value empty', 'severity:\n  - match: "**"\n    severity:\n', `${FILE}:3: severity[0].severity is empty. ${SEVERITIES}`],
    ['severity without severity', 'severity:\n  - match: "**"\n', `${FILE}:2: severity[0] lacks severity (error, warning, notice)`],
    ['severity without match', 'severity:\n  - severity: error\n', `${FILE}:2: severity[0] lacks match (an object pattern: group/Kind/namespace/name)`],
    ['severity match empty', 'severity:\n  - match:\n    severity: error\n', `${FILE}:2: severity[0].match is empty. An object pattern: group/Kind/namespace/name`],
    ['severity match a list', 'severity:\n  - match: [a]\n    severity: error\n', `${FILE}:2: severity[0].match must be an object pattern (group/Kind/namespace/name), not a list`],
    ['severity unknown key', 'severity:\n  - match: "**"\n    severity: error\n    rule: [crd-removed]\n', `${FILE}:4: unknown key 'rule' in severity[0] (did you mean 'rules'?)`],
    ['severity rules a string', 'severity:\n  - {match: "**", severity: error, rules: crd-removed}\n', `${FILE}:2: severity[0].rules must be a list, not a string`],
    ['severity rules empty list', 'severity:\n  - {match: "**", severity: error, rules: []}\n', `${FILE}:2: severity[0].rules is empty; leave it out to override findings of every rule`],
    ['severity rules no value', 'severity:\n  - match: "**"\n    severity: error\n    rules:\n', `${FILE}:4: severity[0].rules is empty; leave it out to override findings of every rule`],
    // ignore and patterns
    ['ignore a string', 'ignore: /ConfigMap/kube-system/**\n', `${FILE}:1: ignore must be a list, not a string`],
    ['ignore a number item', 'ignore:\n  - 3\n', `${FILE}:2: ignore[0] must be an object pattern (group/Kind/namespace/name), not a number`],
    ['ignore an empty item', 'ignore:\n  - "**"\n  -\n', `${FILE}:3: ignore[1] is empty`],
    ['a whitespace-only pattern', 'ignore:\n  - "   "\n', `${FILE}:2: ignore[0]: pattern '   ' is empty`],
    ['an empty pattern', 'ignore:\n  - ""\n', `${FILE}:2: ignore[0]: pattern '' is empty`],
    ['a pattern with a newline', 'ignore:\n  - "/ConfigMap/a/b\\n/ConfigMap/a/c"\n', `${FILE}:2: ignore[0]: pattern '/ConfigMap/a/b\\n/ConfigMap/a/c' contains whitespace, which no object key does`],
    ['a pattern with a space', 'ignore:\n  - "/ConfigMap/kube-system/ *"\n', `${FILE}:2: ignore[0]: pattern '/ConfigMap/kube-system/ *' contains whitespace, which no object key does`],
    ['a negated pattern', 'ignore:\n  - "!/ConfigMap/kube-system/*"\n', `${FILE}:2: ignore[0]: pattern '!/ConfigMap/kube-system/*' starts with '!': negated patterns are not supported`],
    ['a pattern of three segments', 'ignore:\n  - /ConfigMap/kube-system\n', `${FILE}:2: ignore[0]: pattern '/ConfigMap/kube-system' has 3 segments, ${SEGMENTS_HINT}`],
    ['a pattern of one segment', 'ignore:\n  - ConfigMap\n', `${FILE}:2: ignore[0]: pattern 'ConfigMap' has 1 segment, ${SEGMENTS_HINT}`],
    ['a brace alternative of five segments', 'ignore:\n  - "{a/B/c/d,a/B/c/d/e}"\n', `${FILE}:2: ignore[0]: pattern '{a/B/c/d,a/B/c/d/e}' has 5 segments, ${SEGMENTS_HINT}`],
    [
      'five segments besides **',
      'ignore:\n  - "a/B/c/d/e/**"\n',
      `${FILE}:2: ignore[0]: pattern 'a/B/c/d/e/**' has more than four segments besides **, but an object key has four: group/Kind/namespace/name`,
    ],
    ['a bad severity match pattern', 'severity:\n  - match: /ConfigMap/x\n    severity: error\n', `${FILE}:2: severity[0].match: pattern '/ConfigMap/x' has 3 segments, ${SEGMENTS_HINT}`],
    // clusterScoped
    ['clusterScoped a string', 'clusterScoped: Tenant.example.com\n', `${FILE}:1: clusterScoped must be a list, not a string`],
    [
      'clusterScoped a CRD name',
      'clusterScoped:\n  - tenants.example.com\n',
      `${FILE}:2: clusterScoped[0] is set to invalid value 'tenants.example.com': write Kind.group, e.g. Tenant.example.com, or Kind for the core group (the Kind as in the CRD's spec.names.kind, not its plural)`,
    ],
    [
      'clusterScoped an apiVersion',
      'clusterScoped:\n  - example.com/v1/Tenant\n',
      `${FILE}:2: clusterScoped[0] is set to invalid value 'example.com/v1/Tenant': write Kind.group, e.g. Tenant.example.com, or Kind for the core group (an apiVersion does not belong here)`,
    ],
    [
      'clusterScoped an uppercase group',
      'clusterScoped:\n  - Tenant.Example.com\n',
      `${FILE}:2: clusterScoped[0] is set to invalid value 'Tenant.Example.com': write Kind.group, e.g. Tenant.example.com, or Kind for the core group`,
    ],
    ['clusterScoped a number', 'clusterScoped:\n  - 42\n', `${FILE}:2: clusterScoped[0] must be a string, not a number`],
    ['clusterScoped an empty string', 'clusterScoped:\n  - ""\n', `${FILE}:2: clusterScoped[0] is empty`],
    // sources
    ['sources a name only', 'sources:\n  - infra\n', `${FILE}:2: sources[0] is set to invalid value 'infra': write namespace/name of a Flux GitRepository, e.g. flux-system/infra`],
    [
      'sources with a kind',
      'sources:\n  - GitRepository/flux-system/infra\n',
      `${FILE}:2: sources[0] is set to invalid value 'GitRepository/flux-system/infra': write namespace/name of a Flux GitRepository, e.g. flux-system/infra`,
    ],
    ['sources with an empty name', 'sources:\n  - flux-system/\n', `${FILE}:2: sources[0] is set to invalid value 'flux-system/': write namespace/name of a Flux GitRepository, e.g. flux-system/infra`],
    ['sources a mapping item of unknown keys', 'sources:\n  - {namespace: flux-system}\n', `${FILE}:2: unknown key 'namespace' in sources[0] (valid keys: kind, name, path)`],
    ['sources an OCIRepository without a name', 'sources:\n  - {kind: OCIRepository, path: kubernetes}\n', `${FILE}:2: sources[0] lacks name (namespace/name of the source)`],
    ['sources a kind not modelled', 'sources:\n  - {kind: Bucket, name: flux-system/b}\n', `${FILE}:2: sources[0].kind is set to invalid value 'Bucket'. Valid values: GitRepository, OCIRepository`],
    // mirrors
    ['mirrors a list', 'mirrors:\n  - https://a.example.com/=https://b.example.com/\n', `${FILE}:2: mirrors must be a mapping of URL prefixes to mirror URL prefixes, not a list`],
    ['a mirror key that is not a URL', 'mirrors:\n  raw.githubusercontent.com/: https://b.example.com/\n', `${FILE}:2: mirrors key is set to invalid value 'raw.githubusercontent.com/': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`],
    ['a mirror target that is not a URL', 'mirrors:\n  https://a.example.com/: /srv/mirror\n', `${FILE}:2: mirrors.https://a.example.com/ is set to invalid value '/srv/mirror': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`],
    [
      'a mirror target with credentials that is no URL, never quoted with them',
      'mirrors:\n  https://a.example.com/: ftp://deploy:s3cr3t@m.example.com/\n',
      `${FILE}:2: mirrors.https://a.example.com/ is set to invalid value 'ftp://***@m.example.com/': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`,
    ],
    ['a mirror target with a newline in it, on one line', 'mirrors:\n  https://a.example.com/: "https://m.example.com/\\nx/"\n', `${FILE}:2: mirrors.https://a.example.com/ is set to invalid value 'https://m.example.com/\\nx/': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`],
    ['mirror prefixes of which one ends in a slash', 'mirrors:\n  https://a.example.com/: https://m.example.com\n', `${FILE}:2: mirrors.https://a.example.com/: 'https://a.example.com/' and 'https://m.example.com' must both end with '/', or neither`],
    // remote
    ['remote a list', 'remote:\n  - github.com\n', `${FILE}:2: remote must be a mapping with allow (a list of hosts or URL prefixes), not a list`],
    ['remote a misspelt key', 'remote:\n  allowed: [github.com]\n', `${FILE}:2: unknown key 'allowed' in remote (did you mean 'allow'?)`],
    ['remote.allow a string', 'remote:\n  allow: github.com\n', `${FILE}:2: remote.allow must be a list, not a string`],
    ['remote.allow a number item', 'remote:\n  allow:\n    - 8080\n', `${FILE}:3: remote.allow[0] must be a string, not a number`],
    [
      'remote.allow a URL of another scheme',
      'remote:\n  allow:\n    - github.com\n    - ssh://git@example.com/\n',
      `${FILE}:4: remote.allow[1] is set to invalid value 'ssh://***@example.com/': a URL prefix must be http(s) (a host entry also covers ssh and git URLs): write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)`,
    ],
    ['remote.allow a prefix with credentials, never quoted with them', 'remote:\n  allow:\n    - https://deploy:s3cr3t@example.com/\n', `${FILE}:3: remote.allow[0] is set to invalid value 'https://***@example.com/': a URL prefix must not carry credentials`],
    ['remote.allow a prefix with a query', 'remote:\n  allow:\n    - https://example.com/k8s/?ref=main\n', `${FILE}:3: remote.allow[0] is set to invalid value 'https://example.com/k8s/?ref=main': a URL prefix ends with its path (no ? or #)`],
    ['remote.allow a host with a path', 'remote:\n  allow:\n    - example.com/k8s\n', `${FILE}:3: remote.allow[0] is set to invalid value 'example.com/k8s': write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)`],
    ['remote.allow a wildcard of one label', 'remote:\n  allow:\n    - "*.com"\n', `${FILE}:3: remote.allow[0] is set to invalid value '*.com': a wildcard needs a domain of two labels or more after *., e.g. *.example.com`],
    ['remote.allow a bare wildcard', 'remote:\n  allow:\n    - "*"\n', `${FILE}:3: remote.allow[0] is set to invalid value '*': write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)`],
    ['remote.allow a port out of range', 'remote:\n  allow:\n    - example.com:70000\n', `${FILE}:3: remote.allow[0] is set to invalid value 'example.com:70000': the port must be 1 to 65535: write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)`],
    ['remote.allow a newline, on one line', 'remote:\n  allow:\n    - "example.com\\nevil.com"\n', `${FILE}:3: remote.allow[0] is set to invalid value 'example.com\\nevil.com': it is empty or holds whitespace: write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)`],
    // substitute
    ['substitute a list', 'substitute:\n  - a\n', `${FILE}:2: substitute must be a mapping of variable names to values, not a list`],
    ['substitute a number', 'substitute:\n  replicas: 3\n', `${FILE}:2: substitute.replicas is a number; quote it ('3'): Flux takes only string values`],
    ['substitute a version read as a number', 'substitute:\n  version: 1.20\n', `${FILE}:2: substitute.version is a number; quote it ('1.20'): Flux takes only string values`],
    ['substitute a boolean', 'substitute:\n  enabled: true\n', `${FILE}:2: substitute.enabled is a boolean; quote it ('true'): Flux takes only string values`],
    ['substitute no value', 'substitute:\n  a: x\n  cluster_name:\n', `${FILE}:3: substitute.cluster_name has no value; write '' for an empty string`],
    ['substitute a list value', 'substitute:\n  a: [x]\n', `${FILE}:2: substitute.a must be a string, not a list`],
    [
      'substitute a dashed name',
      'substitute:\n  cluster-name: production\n',
      `${FILE}:2: substitute key 'cluster-name' is not a Flux variable name (letters, digits and _, not starting with a digit)`,
    ],
    ['substitute a name starting with a digit', 'substitute:\n  1st: a\n', `${FILE}:2: substitute key '1st' is not a Flux variable name (letters, digits and _, not starting with a digit)`],
  ])('%s', (_name, text, message) => {
    expect(catchConfigError(text)).toEqual(message);
  });

  it('suggests the closest rule id and lists the valid ones', () => {
    const message = catchConfigError('severity:\n  - match: "**"\n    severity: error\n    rules:\n      - crd-removed\n      - crd-remove\n');
    expect(message).toMatch(/^\.prune-guard\.yaml:6: severity\[0\]\.rules\[1\] is set to invalid value 'crd-remove' \(did you mean 'crd-removed'\?\)\. Valid values: /);
    // Every rule id of findings.ts is valid, so the list comes from there.
    for (const rule of Object.values(Rules)) expect(message.split('Valid values: ')[1]?.split(', ')).toContain(rule);
  });

  it('accepts every rule id of findings.ts in rules', () => {
    const rules = Object.values(Rules);
    const config = parseConfig(`severity:\n  - match: "**"\n    severity: error\n    rules: [${rules.join(', ')}]\n`, FILE);
    expect(config.severity[0]?.rules).toEqual(rules);
  });

  it('names the file as given', () => {
    expect(() => parseConfig('- a\n', 'conf/custom.yaml')).toThrow(/^conf\/custom\.yaml:1: /);
  });
});

describe('matchesObjectPattern', () => {
  it.each<[string, string, boolean]>([
    // The patterns docs/configuration.md shows.
    ['*.projectcalico.org/*/**', 'crd.projectcalico.org/IPPool/ns/x', true],
    ['*.projectcalico.org/*/**', 'crd.projectcalico.org/IPPool//x', true],
    ['*.projectcalico.org/*/**', 'operator.tigera.io/Installation//default', false],
    ['*.projectcalico.org/*/**', 'projectcalico.org/IPPool//x', false],
    ['apiextensions.k8s.io/CustomResourceDefinition/**', 'apiextensions.k8s.io/CustomResourceDefinition//ippools.crd.projectcalico.org', true],
    ['apiextensions.k8s.io/CustomResourceDefinition/**', 'apiextensions.k8s.io/CustomResourceDefinition//a', true],
    ['apiextensions.k8s.io/CustomResourceDefinition/**', 'crd.projectcalico.org/IPPool//x', false],
    ['/ConfigMap/kube-system/**', '/ConfigMap/kube-system/coredns', true],
    ['/ConfigMap/kube-system/**', '/ConfigMap/default/coredns', false],
    ['/ConfigMap/kube-system/**', '/Secret/kube-system/coredns', false],
    // Core group and cluster scope as empty segments.
    ['/Namespace//kube-system', '/Namespace//kube-system', true],
    ['/Namespace//kube-system', '/Namespace//default', false],
    ['/Namespace/*/kube-system', '/Namespace//kube-system', true],
    ['*/Namespace/*/kube-system', '/Namespace//kube-system', true],
    ['*/Namespace/*/kube-system', 'example.com/Namespace//kube-system', true],
    ['/Namespace/**', '/Namespace//kube-system', true],
    ['/*/**', '/ConfigMap/a/b', true],
    ['/*/**', 'apps/Deployment/a/b', false],
    // A whole `*` segment is any value, empty included; `?*` is any non-empty value.
    ['*/*/*/*', '/Namespace//kube-system', true],
    ['*/*/*/*', 'apps/Deployment/default/web', true],
    ['rbac.authorization.k8s.io/ClusterRole/*/*', 'rbac.authorization.k8s.io/ClusterRole//admin', true],
    ['rbac.authorization.k8s.io/ClusterRole/*/*', 'rbac.authorization.k8s.io/Role/default/admin', false],
    ['*/*/?*/*', 'apps/Deployment/default/web', true],
    ['*/*/?*/*', 'rbac.authorization.k8s.io/ClusterRole//admin', false],
    ['?*/*/*/*', '/ConfigMap/a/b', false],
    ['*/*//*', 'rbac.authorization.k8s.io/ClusterRole//admin', true],
    ['*/*//*', 'apps/Deployment/default/web', false],
    // A partial `*` never matches an empty value.
    ['*.k8s.io/*/*/*', '/Namespace//kube-system', false],
    ['*/*/kube-*/*', '/Namespace//kube-system', false],
    ['*/*/kube-*/*', '/ConfigMap/kube-public/a', true],
    // Segments stay in place: no collapsing of `//`, no three-segment reading of a cluster-scoped key.
    ['*/IPPool/x/**', 'crd.projectcalico.org/IPPool//x', false],
    ['**/x', 'crd.projectcalico.org/IPPool//x', true],
    ['**/kube-system/*', '/Namespace//kube-system', false],
    ['**', 'apps/Deployment/default/web', true],
    // RBAC names are path segments, so one may start with a dot; nothing in a key is hidden.
    ['rbac.authorization.k8s.io/ClusterRole/*/*', 'rbac.authorization.k8s.io/ClusterRole//.hidden', true],
    ['rbac.authorization.k8s.io/**', 'rbac.authorization.k8s.io/ClusterRole//.hidden', true],
    ['rbac.authorization.k8s.io/ClusterRole//system:*', 'rbac.authorization.k8s.io/ClusterRole//system:aggregate-to-view', true],
    // Case matters, as it does in Kubernetes.
    ['apps/deployment/**', 'apps/Deployment/default/web', false],
    // Braces and character classes.
    ['{/ConfigMap,/Secret}/kube-system/*', '/Secret/kube-system/a', true],
    ['{/ConfigMap,/Secret}/kube-system/*', '/Service/kube-system/a', false],
    ['apps/{Deployment,StatefulSet}/*/web-[0-9]', 'apps/StatefulSet/db/web-1', true],
    ['apps/{Deployment,StatefulSet}/*/web-[0-9]', 'apps/StatefulSet/db/web-x', false],
  ])('%s against %s is %s', (pattern, key, expected) => {
    expect(matchesObjectPattern(pattern, toId(key))).toBe(expected);
  });
});

describe('isIgnoredObject', () => {
  const config = configOf({ ignore: ['/ConfigMap/kube-system/**', 'example.com/*/*/*'] });

  it.each<[string, boolean]>([
    ['/ConfigMap/kube-system/a', true],
    ['example.com/Tenant//t1', true],
    ['example.com/Widget/ns/w', true],
    ['/ConfigMap/default/a', false],
    ['/Namespace//kube-system', false],
  ])('%s is ignored: %s', (key, expected) => {
    expect(isIgnoredObject(toId(key), config)).toBe(expected);
  });

  it('ignores nothing without ignore patterns', () => {
    expect(isIgnoredObject(toId('/ConfigMap/kube-system/a'), EMPTY_CONFIG)).toBe(false);
  });
});

describe('applySeverityOverrides', () => {
  function makeFinding(rule: RuleId, severity: Severity, key: string): Finding {
    const id = toId(key);
    return { rule, severity, message: `${key} is pruned`, object: { ...id, apiVersion: id.group ? `${id.group}/v1` : 'v1' }, unit: 'apps' };
  }
  const crd = makeFinding('crd-removed', 'error', 'apiextensions.k8s.io/CustomResourceDefinition//ippools.crd.projectcalico.org');
  const ippool = makeFinding('cluster-scoped-removed', 'warning', 'crd.projectcalico.org/IPPool//default');
  const configMap = makeFinding('object-removed', 'notice', '/ConfigMap/kube-system/a');

  it.each<[string, Config, readonly Severity[]]>([
    ['no overrides', EMPTY_CONFIG, ['error', 'warning', 'notice']],
    ['one override for every rule', configOf({ severity: [{ match: '**', severity: 'warning' }] }), ['warning', 'warning', 'warning']],
    [
      'the first matching override wins, in file order',
      configOf({
        severity: [
          { match: 'apiextensions.k8s.io/CustomResourceDefinition/**', severity: 'notice' },
          { match: '**', severity: 'error' },
        ],
      }),
      ['notice', 'error', 'error'],
    ],
    [
      'an override limited to other rules does not stop the search',
      configOf({
        severity: [
          { match: '**', severity: 'notice', rules: ['object-removed'] },
          { match: '*.projectcalico.org/*/**', severity: 'error' },
        ],
      }),
      ['error', 'error', 'notice'],
    ],
    [
      'rules limit an override to findings of those rules',
      configOf({ severity: [{ match: '**', severity: 'notice', rules: ['crd-removed', 'cluster-scoped-removed'] }] }),
      ['notice', 'notice', 'notice'],
    ],
    [
      'rules that match no finding change nothing',
      configOf({ severity: [{ match: '**', severity: 'error', rules: ['namespace-removed'] }] }),
      ['error', 'warning', 'notice'],
    ],
    [
      'a pattern that matches no object changes nothing',
      configOf({ severity: [{ match: 'apps/*/*/*', severity: 'notice' }] }),
      ['error', 'warning', 'notice'],
    ],
  ])('%s', (_name, config, expected) => {
    expect(applySeverityOverrides([crd, ippool, configMap], config).map((finding) => finding.severity)).toEqual(expected);
  });

  it('returns new findings and leaves the input as it was', () => {
    const input = [crd, configMap];
    const output = applySeverityOverrides(input, configOf({ severity: [{ match: '**', severity: 'warning' }] }));
    expect(output).not.toBe(input);
    expect(output[0]).toEqual({ ...crd, severity: 'warning' });
    expect(crd.severity).toBe('error');
    expect(input).toEqual([crd, configMap]);
  });

  it('works from a parsed file', () => {
    const config = parseConfig('severity:\n  - match: "*.projectcalico.org/*/**"\n    severity: notice\n    rules: [cluster-scoped-removed]\n', FILE);
    expect(applySeverityOverrides([crd, ippool], config).map((finding) => finding.severity)).toEqual(['error', 'notice']);
  });
});

describe('kubernetesVersion', () => {
  it('reads the version as written, 1.30 included (which YAML alone reads as the number 1.3)', () => {
    expect(parseConfig('kubernetesVersion: 1.30\n', '.prune-guard.yaml').kubernetesVersion).toBe('1.30.0');
    expect(parseConfig('kubernetesVersion: "v1.29.4"\n', '.prune-guard.yaml').kubernetesVersion).toBe('1.29.4');
    expect(parseConfig('failOn: error\n', '.prune-guard.yaml').kubernetesVersion).toBeUndefined();
  });

  it('refuses anything else on its line', () => {
    expect(() => parseConfig('failOn: error\nkubernetesVersion: 1.30.x\n', '.prune-guard.yaml')).toThrow('.prune-guard.yaml:2: kubernetesVersion must be a Kubernetes version such as 1.31 or 1.31.4, not "1.30.x"');
  });
});

describe('requires', () => {
  it('reads image and chart entries with their Kubernetes range and reason', () => {
    const text = 'requires:\n  - image: "quay.io/tigera/operator:v1.3[4-9]*"\n    kubernetes: ">=1.25"\n    why: Calico v3.28.4 and later need Kubernetes 1.25\n  - chart: {name: tigera-operator, version: ">=v3.28.4"}\n    kubernetes: ">=1.25"\n    why: same\n';
    expect(parseConfig(text, '.prune-guard.yaml').requires).toEqual([
      { image: 'quay.io/tigera/operator:v1.3[4-9]*', kubernetes: '>=1.25', why: 'Calico v3.28.4 and later need Kubernetes 1.25' },
      { chart: { name: 'tigera-operator', version: '>=v3.28.4' }, kubernetes: '>=1.25', why: 'same' },
    ]);
  });

  it.each([
    ['no target', 'requires:\n  - {kubernetes: ">=1.25", why: x}\n', '.prune-guard.yaml:2: requires[0] needs image or chart: what it applies to'],
    ['no range', 'requires:\n  - {image: "a/*", why: x}\n', '.prune-guard.yaml:2: requires[0] needs kubernetes: the version range it works with, such as ">=1.25"'],
    ['a range that is none', 'requires:\n  - {image: "a/*", kubernetes: "newer than 1.25", why: x}\n', '.prune-guard.yaml:2: requires[0].kubernetes is not a version range'],
    ['no reason', 'requires:\n  - {image: "a/*", kubernetes: ">=1.25"}\n', '.prune-guard.yaml:2: requires[0] needs why: the reason, quoted in the finding'],
  ])('refuses an entry with %s, on its line', (_case, text, message) => {
    expect(() => parseConfig(text, '.prune-guard.yaml')).toThrow(message);
  });
});
