import { describe, expect, it } from 'vitest';
import { VOLATILE_FUNCTIONS, VOLATILE_PLACEHOLDER, findVolatilePaths, maskVolatilePaths, mentionsVolatileFunction } from '../../../src/core/helm/volatile-output.ts';
import type { KubeObject } from '../../../src/core/objects/kube-objects.ts';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const secret = (password: string, extra: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, data: { username: b64('app'), password: b64(password), ...extra } });
const configMap = (name: string, data: Record<string, unknown>, namespace = 'apps'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
const job = (name: string, runId: string, image = 'migrate:1'): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'apps', labels: { 'run-id': runId } },
  spec: { template: { spec: { containers: [{ name: 'migrate', image }] } } },
});
const docs = (...bodies: KubeObject[]): Array<{ body: KubeObject }> => bodies.map((body) => ({ body }));
const bodies = (masked: ReadonlyArray<{ body: KubeObject }>): KubeObject[] => masked.map(({ body }) => body);

describe('VOLATILE_FUNCTIONS', () => {
  it('holds what changes from one render to the next, not what is deterministic or removed by helm', () => {
    for (const name of ['randAlphaNum', 'randBytes', 'randInt', 'uuidv4', 'now', 'date', 'genCA', 'genSelfSignedCert', 'bcrypt', 'htpasswd', 'encryptAES', 'shuffle']) expect(VOLATILE_FUNCTIONS).toContain(name);
    for (const name of ['derivePassword', 'buildCustomCert', 'sha256sum', 'env', 'expandenv', 'toDate']) expect(VOLATILE_FUNCTIONS).not.toContain(name);
  });
});

describe('mentionsVolatileFunction', () => {
  it.each([
    ['password: {{ randAlphaNum 16 | b64enc | quote }}'],
    ['stamp: {{- now | date "2006-01-02" -}}'],
    ['{{ $ca := genCA "app-ca" 365 }}'],
    ['id: {{ (uuidv4) }}'],
    ['{{ printf "}}" }}{{ randInt 1 10 }}'],
    ['{{ printf "%s}}" (randAlpha 5) }}'],
    ['{{\n  randNumeric\n  4\n}}'],
    ['{{ /* a comment first */ htpasswd "u" "p" }}'],
  ])('finds a call in %j', (text) => {
    expect(mentionsVolatileFunction(text)).toBe(true);
  });

  it.each([
    ['nowhere: {{ .Values.nowhere }}'],
    ['at: {{ .Values.now }} by {{ $date }}'],
    ['# rotate the password now and then, and update the date\nkey: value'],
    ['{{ include "app.uuidv4" . }}'],
    ['{{/* call randAlphaNum here one day */}}'],
    ['{{ `now` }} {{ \'d\' }}'],
    ['{{ derivePassword 1 "long" "pass" "user" "example.com" }}'],
    ['{{ randAlphaNumeric 5 }} {{ mynow }}'],
    ['now | date, outside any action'],
  ])('finds none in %j', (text) => {
    expect(mentionsVolatileFunction(text)).toBe(false);
  });

  it('reads a whole unpacked chart archive: a template file among binary files', () => {
    const header = (name: string): string => `${name}${'\0'.repeat(100 - name.length)}0000644\0${'\0'.repeat(400)}`;
    const binary = `\u0089PNG\r\n{{ "\0\0\u00ff{{ \`\0 now`;
    const archive = `${header('app/icon.png')}${binary}\0\0${header('app/README.md')}The date is now.\n\0\0${header('app/templates/secret.yaml')}data:\n  token: {{ randBytes 24 }}\n\0\0`;
    expect(mentionsVolatileFunction(archive)).toBe(true);
    expect(mentionsVolatileFunction(archive.replace('randBytes 24', '.Values.token'))).toBe(false);
  });

  it('stays linear on text full of unclosed actions, quotes and backquotes', () => {
    const started = Date.now();
    expect(mentionsVolatileFunction('{{ `/* "'.repeat(200_000))).toBe(false);
    expect(mentionsVolatileFunction('{{'.repeat(500_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('findVolatilePaths and maskVolatilePaths', () => {
  it('masks a password randAlphaNum generates anew each render, so the sides before and after compare equal', () => {
    const volatile = findVolatilePaths(docs(secret('x7Gk2pQ9aZ1mN4bT')), docs(secret('Lr8sW3eY6uJ0cV5h')));
    expect([...volatile.paths]).toEqual([['/Secret/apps/db', [['data', 'password']]]]);
    expect(volatile.names).toEqual([]);
    expect(volatile.unpaired).toEqual([]);
    const before = maskVolatilePaths(docs(secret('Qe4rT7yU1iO3pA6s')), volatile);
    const after = maskVolatilePaths(docs(secret('x7Gk2pQ9aZ1mN4bT')), volatile);
    expect(bodies(after)).toEqual(bodies(before));
    expect((after[0]?.body.data as Record<string, string>).password).toBe(VOLATILE_PLACEHOLDER);
  });

  it('still shows a real change next to a volatile value', () => {
    const volatile = findVolatilePaths(docs(secret('aaaa')), docs(secret('bbbb')));
    const before = maskVolatilePaths(docs(secret('cccc', { host: b64('db-1') })), volatile);
    const after = maskVolatilePaths(docs(secret('dddd', { host: b64('db-2') })), volatile);
    expect(bodies(after)).not.toEqual(bodies(before));
    expect((before[0]?.body.data as Record<string, string>).host).toBe(b64('db-1'));
    expect((after[0]?.body.data as Record<string, string>).host).toBe(b64('db-2'));
  });

  it('masks a whole config file whose middle holds a generated password, and nothing else of the object', () => {
    const config = (password: string, port: number): string => `[server]\nport = ${port}\npassword = ${password}\nlog = info\n`;
    const volatile = findVolatilePaths(docs(configMap('app', { 'app.ini': config('k2j4h5', 80), mode: 'a' })), docs(configMap('app', { 'app.ini': config('p9o8i7', 80), mode: 'a' })));
    expect(volatile.paths.get('/ConfigMap/apps/app')).toEqual([['data', 'app.ini']]);
    const [masked] = maskVolatilePaths(docs(configMap('app', { 'app.ini': config('zzzzzz', 8080), mode: 'b' })), volatile);
    expect(masked?.body.data).toEqual({ 'app.ini': VOLATILE_PLACEHOLDER, mode: 'b' });
  });

  it('pairs objects by identity, not by order; the same name in another namespace is another object', () => {
    const first = docs(configMap('a', { v: '1' }), configMap('a', { v: '2' }, 'other'), configMap('b', { v: '3' }));
    const second = docs(configMap('b', { v: '3' }), configMap('a', { v: '9' }, 'other'), configMap('a', { v: '1' }));
    expect([...findVolatilePaths(first, second).paths]).toEqual([['/ConfigMap/other/a', [['data', 'v']]]]);
  });

  it('masks a list whose length differs, or a mapping whose keys differ, whole; lists keys and paths sorted', () => {
    const render = (hosts: string[], extra: Record<string, string>, replicas: number): KubeObject => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'apps', annotations: { 'rollme': 'x', ...extra } },
      spec: { replicas, hosts, template: { metadata: { labels: { ...extra } } } },
    });
    const volatile = findVolatilePaths(docs(render(['a', 'b'], { k1: 'v' }, 3), configMap('z', { v: 'same' })), docs(render(['a'], { k2: 'v' }, 5), configMap('z', { v: 'same' })));
    expect([...volatile.paths]).toEqual([
      [
        'apps/Deployment/apps/web',
        [
          ['metadata', 'annotations'],
          ['spec', 'hosts'],
          ['spec', 'replicas'],
          ['spec', 'template', 'metadata', 'labels'],
        ],
      ],
    ]);
  });

  it('masks a key of metadata one render lacks by itself, never metadata whole: the identity stays', () => {
    const plain = configMap('app', { v: '1' });
    const stamped = { ...plain, metadata: { ...(plain.metadata as object), annotations: { 'rendered-at': '12:00:01' } } };
    const volatile = findVolatilePaths(docs(stamped), docs(plain));
    expect([...volatile.paths]).toEqual([['/ConfigMap/apps/app', [['metadata', 'annotations']]]]);
    expect(bodies(maskVolatilePaths(docs(stamped), volatile))).toEqual([{ ...plain, metadata: { name: 'app', namespace: 'apps', annotations: VOLATILE_PLACEHOLDER } }]);
    expect(maskVolatilePaths(docs(plain), volatile)[0]?.body).toEqual(plain);
  });

  it('renames a randomly named object on both sides, so it pairs up and a real change inside it still shows', () => {
    const volatile = findVolatilePaths(docs(job('app-migrate-x7k2p', 'r1'), job('app-migrate-seeds', 's')), docs(job('app-migrate-seeds', 's'), job('app-migrate-q9z3m', 'r2')));
    expect(volatile.names).toEqual([{ group: 'batch', kind: 'Job', namespace: 'apps', prefix: 'app-migrate-', suffix: '', length: 5, except: ['app-migrate-seeds'] }]);
    expect(volatile.unpaired).toEqual([]);
    const generated = `batch/Job/apps/app-migrate-${VOLATILE_PLACEHOLDER}`;
    expect([...volatile.paths]).toEqual([[generated, [['metadata', 'labels', 'run-id']]]]);

    const before = maskVolatilePaths(docs(job('app-migrate-seeds', 's'), job('app-migrate-a1b2c', 'r0')), volatile);
    const after = maskVolatilePaths(docs(job('app-migrate-mn0pq', 'r3', 'migrate:2'), job('app-migrate-seeds', 's')), volatile);
    const names = (masked: ReadonlyArray<{ body: KubeObject }>): string[] => masked.map(({ body }) => (body.metadata as { name: string }).name).sort();
    expect(names(before)).toEqual(['app-migrate-(generated at render)', 'app-migrate-seeds']);
    expect(names(after)).toEqual(names(before));
    const generatedJob = (masked: ReadonlyArray<{ body: KubeObject }>): KubeObject | undefined => masked.find(({ body }) => (body.metadata as { name: string }).name !== 'app-migrate-seeds')?.body;
    expect((generatedJob(before)?.metadata as { labels: unknown }).labels).toEqual({ 'run-id': VOLATILE_PLACEHOLDER });
    expect(generatedJob(after)).not.toEqual(generatedJob(before));
    expect({ ...generatedJob(after), spec: undefined }).toEqual({ ...generatedJob(before), spec: undefined });
  });

  it('numbers several objects of one generated name in document order, so none replaces another', () => {
    const volatile = findVolatilePaths(docs(job('run-aaaaa', '1'), job('run-bbbbb', '1')), docs(job('run-ccccc', '1'), job('run-ddddd', '1')));
    expect(volatile.names).toHaveLength(1);
    const masked = maskVolatilePaths(docs(job('run-eeeee', '1'), job('run-fffff', '1')), volatile);
    expect(masked.map(({ body }) => (body.metadata as { name: string }).name)).toEqual(['run-(generated at render)', 'run-(generated at render #2)']);
  });

  it('reports an object only one render prints, its name all generated, and drops it from both sides', () => {
    const volatile = findVolatilePaths(docs(configMap('keep', { v: '1' }), configMap('x7k2p9', { v: '1' })), docs(configMap('keep', { v: '1' }), configMap('m3n4b5', { v: '1' })));
    expect(volatile.names).toEqual([]);
    expect(volatile.unpaired).toEqual(['/ConfigMap/apps/m3n4b5', '/ConfigMap/apps/x7k2p9']);
    expect(bodies(maskVolatilePaths(docs(configMap('keep', { v: '1' }), configMap('x7k2p9', { v: '1' })), volatile))).toEqual([configMap('keep', { v: '1' })]);
  });

  it('never modifies the docs given, never creates a path an object lacks, and takes another placeholder', () => {
    const volatile = findVolatilePaths(docs(secret('one')), docs(secret('two')));
    const given = docs(secret('three'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, stringData: { password: 'x' } } as KubeObject, configMap('db', { password: 'same' }));
    const snapshot = structuredClone(given);
    const masked = maskVolatilePaths(given, volatile, '***');
    expect(given).toEqual(snapshot);
    expect((masked[0]?.body.data as Record<string, string>).password).toBe('***');
    expect(masked[1]?.body).toEqual(snapshot[1]?.body);
    expect(masked[2]).toBe(given[2]);
  });

  it('keeps the other fields of each doc, a helm source among them', () => {
    const volatile = findVolatilePaths(docs(secret('one')), docs(secret('two')));
    const [masked] = maskVolatilePaths([{ source: 'app/templates/secret.yaml', part: 'templates' as const, body: secret('three') }], volatile);
    expect(masked?.source).toBe('app/templates/secret.yaml');
    expect(masked?.part).toBe('templates');
  });
});
