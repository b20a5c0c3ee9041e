import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../../src/core/errors.ts';
import { buildObjectSet, formatWholeFieldKey, parseManifests, redactSecret, REDACTED } from '../../../src/core/objects/kube-objects.ts';
import { createScopeResolver } from '../../../src/core/objects/scope.ts';
import { crdYaml, scopeOf, toDocs, toObject, toObjectSet, yamlDocs } from '../../helpers/objects.ts';

const configMap = (name: string, namespace?: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}data:
  key: value
`;

describe('parseManifests', () => {
  it.each([
    { description: 'no input', yaml: '', names: [] },
    { description: 'one document', yaml: configMap('a'), names: ['a'] },
    { description: 'several documents', yaml: yamlDocs(configMap('a'), configMap('b'), configMap('c')), names: ['a', 'b', 'c'] },
    {
      description: 'empty and comment-only documents between objects',
      yaml: `---\n${configMap('a')}---\n---\n# nothing here\n---\n${configMap('b')}---\n`,
      names: ['a', 'b'],
    },
    {
      description: 'a List, flattened into its items',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
- apiVersion: v1
  kind: Secret
  metadata: {name: b}
`,
      names: ['a', 'b'],
    },
    {
      description: 'a List next to plain documents, in document order',
      yaml: yamlDocs(configMap('first'), 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: listed}}\n', configMap('last')),
      names: ['first', 'listed', 'last'],
    },
  ])('reads $description, document by document with a memo too', ({ yaml, names }) => {
    for (const memo of [undefined, new Map()]) {
      const objects = parseManifests(yaml, 'kustomize output of apps/web', memo);
      expect(objects.map((object) => (object.metadata as { name: string }).name)).toEqual(names);
    }
  });

  it('parses a document two renders print once: both get the same object', () => {
    const memo = new Map();
    const before = parseManifests(yamlDocs(configMap('same'), configMap('old')), 'before', memo);
    const after = parseManifests(yamlDocs(configMap('new'), configMap('same')), 'after', memo);
    expect(after[1]).toBe(before[0]);
    expect(after[0]).not.toBe(before[1]);
    expect((after[0]?.metadata as { name: string }).name).toBe('new');
  });

  it('cuts a stream only at document markers: a literal block holding dashes stays whole, a directive keeps its document', () => {
    const block = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: script\ndata:\n  run.sh: |\n    echo a\n    ---\n    echo b\n';
    const [script] = parseManifests(yamlDocs(block, configMap('b')), 'out', new Map());
    expect((script?.data as Record<string, string>)['run.sh']).toBe('echo a\n---\necho b\n');
    const directive = `%YAML 1.2\n---\n${configMap('a')}`;
    expect(parseManifests(directive, 'out', new Map()).map((object) => (object.metadata as { name: string }).name)).toEqual(['a']);
  });

  it.each([
    {
      description: 'malformed YAML in the first document',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n',
      message: 'kustomize output of apps/web:4: malformed YAML: bad indentation of a mapping entry',
    },
    {
      // The line must count from the start of the stream, or the user looks in the wrong place.
      description: 'malformed YAML in a later document',
      yaml: `${configMap('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n`,
      message: 'kustomize output of apps/web:11: malformed YAML: bad indentation of a mapping entry',
    },
    {
      description: 'a document that is a plain string',
      yaml: 'just some text\n',
      message: 'kustomize output of apps/web: a YAML document is not a Kubernetes object',
    },
    {
      description: 'an object without metadata.name',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\n',
      message: 'kustomize output of apps/web: a ConfigMap lacks apiVersion, kind or metadata.name',
    },
    {
      description: 'an object without kind',
      yaml: 'apiVersion: v1\nmetadata:\n  name: a\n',
      message: 'kustomize output of apps/web: an object lacks apiVersion, kind or metadata.name',
    },
    {
      description: 'a List item without metadata.name',
      yaml: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Service}\n',
      message: 'kustomize output of apps/web: a Service lacks apiVersion, kind or metadata.name',
    },
  ])('throws a ManifestError naming the source for $description', ({ yaml, message }) => {
    for (const memo of [undefined, new Map()]) {
      let thrown: unknown;
      try {
        parseManifests(yaml, 'kustomize output of apps/web', memo);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ManifestError);
      expect((thrown as ManifestError).kind).toBe('manifest');
      // Exact, so the yaml library's position suffix and code excerpt cannot leak into the one-line error.
      expect((thrown as ManifestError).message).toBe(message);
    }
  });
});

describe('identifyObject', () => {
  it.each([
    { description: 'a core-group namespaced object', yaml: configMap('a', 'shop'), key: '/ConfigMap/shop/a', scope: 'namespaced' },
    { description: 'a namespaced object without namespace', yaml: configMap('a'), key: '/ConfigMap/default/a', scope: 'namespaced' },
    {
      description: 'a Deployment of a group',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n',
      key: 'apps/Deployment/shop/web',
      scope: 'namespaced',
    },
    {
      description: 'a ClusterRole that kustomize gave a namespace',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader, namespace: shop}\n',
      key: 'rbac.authorization.k8s.io/ClusterRole//reader',
      scope: 'cluster',
    },
    {
      description: 'a Namespace that kustomize gave a namespace',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, namespace: shop}\n',
      key: '/Namespace//shop',
      scope: 'cluster',
    },
    {
      description: 'a custom resource of unknown scope with a namespace',
      yaml: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\n',
      key: 'cert-manager.io/Certificate/shop/web',
      scope: 'unknown',
    },
    {
      // Inventing `default` for what may be a cluster-scoped kind would give it a wrong identity.
      description: 'a custom resource of unknown scope without a namespace',
      yaml: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt}\n',
      key: 'cert-manager.io/ClusterIssuer//letsencrypt',
      scope: 'unknown',
    },
    {
      description: 'a custom resource whose CRD says Cluster',
      yaml: yamlDocs(
        crdYaml('clusterissuers', 'cert-manager.io', 'ClusterIssuer', 'Cluster'),
        'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt, namespace: shop}\n',
      ),
      key: 'cert-manager.io/ClusterIssuer//letsencrypt',
      scope: 'cluster',
    },
    {
      description: 'a custom resource whose CRD says Namespaced',
      yaml: yamlDocs(
        crdYaml('certificates', 'cert-manager.io', 'Certificate'),
        'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web}\n',
      ),
      key: 'cert-manager.io/Certificate/default/web',
      scope: 'namespaced',
    },
  ])('identifies $description', ({ yaml, key, scope }) => {
    const objects = [...toObjectSet(yaml).values()];
    const object = objects.find((candidate) => candidate.id.kind !== 'CustomResourceDefinition');
    expect(object?.key).toBe(key);
    expect(object?.scope).toBe(scope);
  });

  it('takes the scope from a CRD rendered on the other side of the change', () => {
    const before = crdYaml('clusterissuers', 'cert-manager.io', 'ClusterIssuer', 'Cluster');
    const after = 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt, namespace: shop}\n';
    expect([...toObjectSet(after, before).keys()]).toEqual(['cert-manager.io/ClusterIssuer//letsencrypt']);
  });

  it('removes the namespace from the body of a cluster-scoped object, as the API server does', () => {
    const object = toObject('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader, namespace: shop}\n');
    expect(object.body.metadata).toEqual({ name: 'reader' });
  });

  it('keeps the version out of the identity', () => {
    const v1beta1 = toObject('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\n');
    const v1 = toObject('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n');
    expect(v1beta1.key).toBe(v1.key);
    expect(v1beta1.key).toBe('apps/Deployment/default/web');
    expect([v1beta1.apiVersion, v1.apiVersion]).toEqual(['apps/v1beta1', 'apps/v1']);
  });

  it('puts namespaced objects without namespace in the given default namespace', () => {
    const set = buildObjectSet(toDocs(yamlDocs(configMap('a'), configMap('b', 'shop'))), scopeOf(''), 'flux-system');
    expect([...set.keys()]).toEqual(['/ConfigMap/flux-system/a', '/ConfigMap/shop/b']);
  });

  it('treats kinds the user declares cluster-scoped as cluster-scoped', () => {
    const docs = toDocs('apiVersion: example.com/v1\nkind: Tenant\nmetadata: {name: acme, namespace: shop}\n');
    const set = buildObjectSet(docs, createScopeResolver([], [{ group: 'example.com', kind: 'Tenant' }]));
    expect([...set.keys()]).toEqual(['example.com/Tenant//acme']);
  });

  it('keeps the later of two documents with the same identity, as the later apply wins', () => {
    const set = toObjectSet(yamlDocs(configMap('a'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\ndata: {key: later}\n'));
    expect(set.size).toBe(1);
    expect(set.get('/ConfigMap/default/a')?.body.data).toEqual({ key: 'later' });
  });
});

describe('Secret redaction', () => {
  const password = 'hunter2-s3cret';
  const token = 'tok-9f8e7d6c';
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  const secret = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
  labels:
    app: db
  annotations:
    team: payments
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","data":{"password":"${base64(password)}"},"stringData":{"token":"${token}"}}'
type: Opaque
data:
  password: ${base64(password)}
stringData:
  token: ${token}
`;

  it('leaves no Secret value anywhere in the identified object', () => {
    const serialized = JSON.stringify(toObject(secret));
    for (const value of [password, base64(password), token, base64(token)]) expect(serialized).not.toContain(value);
  });

  it('replaces data, stringData and the last-applied annotation with the placeholder and keeps the rest', () => {
    const { body, secretDigests } = toObject(secret);
    expect(body.data).toEqual({ password: REDACTED });
    expect(body.stringData).toEqual({ token: REDACTED });
    expect(body.metadata).toEqual({
      name: 'db',
      namespace: 'shop',
      labels: { app: 'db' },
      annotations: { team: 'payments', 'kubectl.kubernetes.io/last-applied-configuration': REDACTED },
    });
    expect(body.type).toBe('Opaque');
    expect(Object.keys(secretDigests ?? {}).sort()).toEqual(['password', 'token']);
  });

  it('gives a value the same digest in data and in stringData, so moving it is no value change', () => {
    const inData = toObject(`apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata: {password: ${base64(password)}}\n`);
    const inStringData = toObject(`apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: ${password}}\n`);
    const other = toObject(`apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: other}\n`);
    expect(inData.secretDigests?.password).toBe(inStringData.secretDigests?.password);
    expect(inData.secretDigests?.password).not.toBe(other.secretDigests?.password);
  });

  it('leaves ConfigMap data alone', () => {
    expect(toObject(configMap('a')).body.data).toEqual({ key: 'value' });
  });
});

describe('Secret redaction of malformed Secrets', () => {
  const planted = 'Pl4nted-malformed-value';
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  const secretWith = (fields: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: odd, namespace: shop}\n${fields}\n`;

  it.each([
    ['data as a string', `data: "${base64(planted)}"`, 'data'],
    ['data as a list', `data: ["${base64(planted)}", "${planted}"]`, 'data'],
    ['data as a number', 'data: 4242424242', 'data'],
    ['stringData as a list', `stringData: ["${planted}"]`, 'stringData'],
    ['stringData as a scalar', `stringData: ${planted}`, 'stringData'],
    ['stringData as a block scalar', `stringData: |\n  ${planted}\n  second-line-${planted}`, 'stringData'],
  ] as const)('redacts %s whole, with a digest under its own key', (_name, fields, field) => {
    const object = toObject(secretWith(fields));
    expect(object.body[field]).toBe(REDACTED);
    expect(Object.keys(object.secretDigests ?? {})).toEqual([formatWholeFieldKey(field)]);
    const serialized = JSON.stringify(object);
    for (const value of [planted, base64(planted), '4242424242']) expect(serialized).not.toContain(value);
  });

  it('redacts values that are no strings: numbers, booleans, maps and lists', () => {
    const object = toObject(secretWith(`data:\n  port: 5432\n  flag: true\n  nested: {inner: "${planted}"}\nstringData:\n  list: ["${planted}"]\n  empty: null`));
    expect(object.body.data).toEqual({ port: REDACTED, flag: REDACTED, nested: REDACTED });
    expect(object.body.stringData).toEqual({ list: REDACTED, empty: REDACTED });
    expect(JSON.stringify(object)).not.toContain(planted);
  });

  it('gives a changed nested value or whole field another digest, and an equal one the same', () => {
    const digestsOf = (fields: string): Record<string, string> => redactSecret(parseManifests(secretWith(fields), 't.yaml')[0] ?? {}).digests;
    expect(digestsOf('data: {nested: {a: "1", b: "2"}}').nested).toBe(digestsOf('data: {nested: {b: "2", a: "1"}}').nested);
    expect(digestsOf('data: {nested: {a: "1"}}').nested).not.toBe(digestsOf('data: {nested: {a: "2"}}').nested);
    expect(digestsOf('data: [a, b]')['(data)']).toBe(digestsOf('data: [a, b]')['(data)']);
    expect(digestsOf('data: [a, b]')['(data)']).not.toBe(digestsOf('data: [a, c]')['(data)']);
    expect(digestsOf('stringData: one-value')['(stringData)']).not.toBe(digestsOf('stringData: other-value')['(stringData)']);
  });

  it('leaves an empty (null) field as it is: it holds nothing', () => {
    const object = toObject(secretWith('data:\nstringData: {}'));
    expect(object.body.data).toBeNull();
    expect(object.body.stringData).toEqual({});
    expect(object.secretDigests).toEqual({});
  });

  it('redacts a __proto__ key instead of dropping it', () => {
    const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'odd' }, stringData: JSON.parse(`{"__proto__": "${planted}"}`) as unknown };
    const { body: redacted, digests } = redactSecret(body);
    expect(Object.keys(redacted.stringData as object)).toEqual(['__proto__']);
    expect(Object.keys(digests)).toEqual(['__proto__']);
    expect(JSON.stringify(redacted)).not.toContain(planted);
  });
});
