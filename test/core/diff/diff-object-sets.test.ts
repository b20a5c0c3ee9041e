import { describe, expect, it } from 'vitest';
import { diffObjectSets, type SetDiff } from '../../../src/core/diff/diff-object-sets.ts';
import { toDocs, toObjectSet, yamlDocs, type Render } from '../../helpers/objects.ts';

/** Diffs two renders with the scope of both, as analyze-units.ts does. */
function diff(before: Render, after: Render): SetDiff {
  return diffObjectSets(toObjectSet(before, after), toObjectSet(after, before));
}

const keys = (objects: ReadonlyArray<{ key: string }>): string[] => objects.map((object) => object.key);

const configMap = (name: string, value = 'v', namespace = 'default'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}}\ndata: {key: ${value}}\n`;

describe('diffObjectSets counts', () => {
  it.each([
    { description: 'identical renders', before: yamlDocs(configMap('a'), configMap('b')), after: yamlDocs(configMap('b'), configMap('a')), added: 0, removed: 0, changed: 0, unchanged: 2 },
    { description: 'an added object', before: configMap('a'), after: yamlDocs(configMap('a'), configMap('b')), added: 1, removed: 0, changed: 0, unchanged: 1 },
    { description: 'a removed object', before: yamlDocs(configMap('a'), configMap('b')), after: configMap('a'), added: 0, removed: 1, changed: 0, unchanged: 1 },
    { description: 'a changed value', before: yamlDocs(configMap('a'), configMap('b')), after: yamlDocs(configMap('a', 'new'), configMap('b')), added: 0, removed: 0, changed: 1, unchanged: 1 },
    { description: 'everything at once', before: yamlDocs(configMap('a'), configMap('b'), configMap('c')), after: yamlDocs(configMap('a', 'new'), configMap('c'), configMap('d')), added: 1, removed: 1, changed: 1, unchanged: 1 },
    { description: 'a unit that did not exist', before: '', after: yamlDocs(configMap('a'), configMap('b')), added: 2, removed: 0, changed: 0, unchanged: 0 },
    { description: 'a unit that is gone', before: yamlDocs(configMap('a'), configMap('b')), after: '', added: 0, removed: 2, changed: 0, unchanged: 0 },
    {
      // Same identity once `default` is filled in: a change, not a prune plus an addition.
      description: 'an explicit default namespace added',
      before: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
      after: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\n',
      added: 0, removed: 0, changed: 1, unchanged: 0,
    },
    {
      description: 'keys in another order',
      before: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {x: "1", y: "2"}}\ndata: {k1: a, k2: b}\n',
      after: 'kind: ConfigMap\ndata: {k2: b, k1: a}\nmetadata: {labels: {y: "2", x: "1"}, name: a}\napiVersion: v1\n',
      added: 0, removed: 0, changed: 0, unchanged: 1,
    },
  ])('$description', ({ description: _description, before, after, ...counts }) => {
    const result = diff(before, after);
    expect({
      added: result.added.length,
      removed: result.removed.length,
      changed: result.changed.length,
      unchanged: result.unchanged,
    }).toEqual(counts);
    expect(result.replaced).toEqual([]);
  });

  it('lists added and removed objects by kind, namespace and name', () => {
    const result = diff(
      yamlDocs(configMap('z', 'v', 'b'), configMap('a', 'v', 'b'), configMap('m', 'v', 'a')),
      yamlDocs('apiVersion: v1\nkind: Service\nmetadata: {name: web}\n', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n'),
    );
    expect(keys(result.removed)).toEqual(['/ConfigMap/a/m', '/ConfigMap/b/a', '/ConfigMap/b/z']);
    expect(keys(result.added)).toEqual(['apps/Deployment/default/web', '/Service/default/web']);
  });
});

describe('diffObjectSets identity', () => {
  it('reports a version-only change as a change with a patch on /apiVersion', () => {
    const result = diff(
      'apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n',
    );
    expect(result.removed).toEqual([]);
    expect(result.added).toEqual([]);
    expect(result.changed).toHaveLength(1);
    const [change] = result.changed;
    expect(change?.patch).toEqual([{ op: 'replace', path: '/apiVersion', value: 'apps/v1' }]);
    expect(change?.diff).toContain('-apiVersion: apps/v1beta1');
    expect(change?.diff).toContain('+apiVersion: apps/v1');
    expect(change?.diff).toContain('--- Deployment/default/web');
  });

  it('reports a group change as a removal plus an addition', () => {
    const result = diff(
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
    );
    expect(keys(result.removed)).toEqual(['extensions/Ingress/shop/web']);
    expect(keys(result.added)).toEqual(['networking.k8s.io/Ingress/shop/web']);
    expect(result.changed).toEqual([]);
  });

  it('shows the changed field in the unified diff with context', () => {
    const [change] = diff(configMap('a', 'old'), configMap('a', 'new')).changed;
    expect(change?.diff).toMatch(/^-\s+key: old$/m);
    expect(change?.diff).toMatch(/^\+\s+key: new$/m);
    expect(change?.patch).toEqual([{ op: 'replace', path: '/data/key', value: 'new' }]);
  });
});

describe('diffObjectSets generated names', () => {
  // Names as kustomize's configMapGenerator makes them: stem, dash, 10 chars of [2456789bcdfghkmt].
  it.each([
    {
      description: 'a ConfigMap hash rename is a replacement',
      before: configMap('app-config-6gc9d749f7'),
      after: configMap('app-config-k2f7m9c8h4', 'new'),
      replaced: [['/ConfigMap/default/app-config-6gc9d749f7', '/ConfigMap/default/app-config-k2f7m9c8h4']],
      removed: [],
      added: [],
    },
    {
      description: 'a Secret hash rename is a replacement',
      before: 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds-b2c4d5f6g7}\nstringData: {a: b}\n',
      after: 'apiVersion: v1\nkind: Secret\nmetadata: {name: creds-t9h8m7k6g5}\nstringData: {a: c}\n',
      replaced: [['/Secret/default/creds-b2c4d5f6g7', '/Secret/default/creds-t9h8m7k6g5']],
      removed: [],
      added: [],
    },
    {
      // Which of the two does the new one replace? Guessing could hide a real prune.
      description: 'two removed and one added with the same stem stay removals',
      before: yamlDocs(configMap('app-config-6gc9d749f7'), configMap('app-config-h5m8k2t9bd')),
      after: configMap('app-config-k2f7m9c8h4'),
      replaced: [],
      removed: ['/ConfigMap/default/app-config-6gc9d749f7', '/ConfigMap/default/app-config-h5m8k2t9bd'],
      added: ['/ConfigMap/default/app-config-k2f7m9c8h4'],
    },
    {
      description: 'one removed and two added with the same stem stay a removal',
      before: configMap('app-config-6gc9d749f7'),
      after: yamlDocs(configMap('app-config-k2f7m9c8h4'), configMap('app-config-h5m8k2t9bd')),
      replaced: [],
      removed: ['/ConfigMap/default/app-config-6gc9d749f7'],
      added: ['/ConfigMap/default/app-config-h5m8k2t9bd', '/ConfigMap/default/app-config-k2f7m9c8h4'],
    },
    {
      description: 'a rename of a name that is not generated stays a removal',
      before: configMap('foo-backend'),
      after: configMap('foo-frontend'),
      replaced: [],
      removed: ['/ConfigMap/default/foo-backend'],
      added: ['/ConfigMap/default/foo-frontend'],
    },
    {
      // 'a', 'e', '0', '1', '3' are hex but never in kustomize's hash.
      description: 'a suffix outside the hash alphabet stays a removal',
      before: configMap('app-config-abcdef0123'),
      after: configMap('app-config-k2f7m9c8h4'),
      replaced: [],
      removed: ['/ConfigMap/default/app-config-abcdef0123'],
      added: ['/ConfigMap/default/app-config-k2f7m9c8h4'],
    },
    {
      description: 'a hash rename into another namespace stays a removal',
      before: configMap('app-config-6gc9d749f7', 'v', 'shop'),
      after: configMap('app-config-k2f7m9c8h4', 'v', 'billing'),
      replaced: [],
      removed: ['/ConfigMap/shop/app-config-6gc9d749f7'],
      added: ['/ConfigMap/billing/app-config-k2f7m9c8h4'],
    },
    {
      description: 'a hash-like name on a kind no generator makes stays a removal',
      before: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-6gc9d749f7}\n',
      after: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-k2f7m9c8h4}\n',
      replaced: [],
      removed: ['apps/Deployment/default/web-6gc9d749f7'],
      added: ['apps/Deployment/default/web-k2f7m9c8h4'],
    },
  ])('$description', ({ before, after, replaced, removed, added }) => {
    const result = diff(before, after);
    expect(result.replaced.map(({ before: from, after: to }) => [from.key, to.key])).toEqual(replaced);
    expect(result.replaced.every(({ reason }) => reason === 'generated-name')).toBe(true);
    expect(keys(result.removed)).toEqual(removed);
    expect(keys(result.added)).toEqual(added);
  });

  it('keeps generated names without a kustomize hash as removals: foo-backend is not foo-frontend', () => {
    const generated = { generator: 'ConfigMapGenerator', kustomization: 'apps/kustomization.yaml' };
    const result = diff(toDocs(configMap('foo-backend'), generated), toDocs(configMap('foo-frontend'), generated));
    expect(result.replaced).toEqual([]);
    expect(result.removed.map((object) => object.id.name)).toEqual(['foo-backend']);
  });
});

describe('diffObjectSets Secrets', () => {
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  const oldPassword = 'old-pa55word-A';
  const newPassword = 'new-pa55word-B';
  const keptValue = 'kept-value-C';
  const droppedValue = 'dropped-value-D';
  const addedValue = 'added-value-E';
  const before = `apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data:
  password: ${base64(oldPassword)}
  kept: ${base64(keptValue)}
  legacy: ${base64(droppedValue)}
`;
  const after = `apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
data:
  password: ${base64(newPassword)}
  kept: ${base64(keptValue)}
stringData:
  token: ${addedValue}
`;

  it('says which keys were added, removed and changed', () => {
    const [change] = diff(before, after).changed;
    expect(change?.secretKeys).toEqual({ added: ['token'], removed: ['legacy'], changed: ['password'] });
  });

  it('shows a changed key in the diff without its value', () => {
    const [change] = diff(before, after).changed;
    expect(change?.diff).toMatch(/^\+\s+password: \(redacted, changed\)$/m);
    expect(change?.patch).toContainEqual({ op: 'replace', path: '/data/password', value: '(redacted, changed)' });
  });

  it('keeps every value, plain and base64, out of the unified diff and the patch', () => {
    const [change] = diff(before, after).changed;
    const output = `${change?.diff}\n${JSON.stringify(change?.patch)}`;
    for (const value of [oldPassword, newPassword, keptValue, droppedValue, addedValue]) {
      expect(output).not.toContain(value);
      expect(output).not.toContain(base64(value));
    }
  });

  it('reports a Secret with the same values as unchanged', () => {
    const reordered = `apiVersion: v1
kind: Secret
metadata: {namespace: shop, name: db}
data:
  legacy: ${base64(droppedValue)}
  kept: ${base64(keptValue)}
  password: ${base64(oldPassword)}
`;
    const result = diff(before, reordered);
    expect(result.changed).toEqual([]);
    expect(result.unchanged).toBe(1);
  });

  it('reports a value change alone as a change, though both bodies are redacted', () => {
    const result = diff(before, before.replace(base64(oldPassword), base64(newPassword)));
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]?.secretKeys).toEqual({ added: [], removed: [], changed: ['password'] });
  });

  it('does not call a value moved from data to stringData a value change', () => {
    const moved = `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata:\n  kept: ${base64(keptValue)}\n  legacy: ${base64(droppedValue)}\nstringData:\n  password: ${oldPassword}\n`;
    const [change] = diff(before, moved).changed;
    expect(change?.secretKeys).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffObjectSets malformed Secrets', () => {
  const planted = 'Pl4nted-in-a-malformed-field';
  const secret = (fields: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: odd, namespace: shop}\n${fields}\n`;

  it.each([
    ['data as a string', 'data: "b2xk"', 'data: "bmV3"', 'data'],
    ['data as a list', `data: [one, ${planted}]`, `data: [two, ${planted}]`, 'data'],
    ['stringData as a scalar', `stringData: old-${planted}`, `stringData: new-${planted}`, 'stringData'],
    ['stringData as a list', `stringData: [old-${planted}]`, `stringData: [new-${planted}]`, 'stringData'],
  ] as const)('shows a changed %s as changed, without its value', (_name, before, after, field) => {
    const result = diff(secret(before), secret(after));
    expect(result.changed).toHaveLength(1);
    const [change] = result.changed;
    expect(change?.secretKeys).toEqual({ added: [], removed: [], changed: [`(${field})`] });
    expect(change?.diff).toContain(`-${field}: (redacted)`);
    expect(change?.diff).toContain(`+${field}: (redacted, changed)`);
    const output = `${change?.diff}\n${JSON.stringify(change?.patch)}`;
    for (const value of [planted, 'b2xk', 'bmV3', 'one', 'two']) expect(output).not.toContain(value);
  });

  it('reports an unchanged malformed field as unchanged', () => {
    expect(diff(secret(`data: [${planted}]`), secret(`data: [${planted}]`)).unchanged).toBe(1);
  });

  it('shows a field turning from a mapping into a list as keys removed and the whole field added', () => {
    const [change] = diff(secret(`stringData: {password: ${planted}}`), secret(`stringData: [${planted}]`)).changed;
    expect(change?.secretKeys).toEqual({ added: ['(stringData)'], removed: ['password'], changed: [] });
    expect(`${change?.diff}${JSON.stringify(change?.patch)}`).not.toContain(planted);
  });
});
