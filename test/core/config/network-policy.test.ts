import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.ts';
import {
  DEFAULT_ALLOWED_HOSTS,
  createNetworkPolicy,
  describeAddress,
  describeHost,
  findAllowEntryProblem,
  readReference,
  showUrl,
} from '../../../src/core/config/network-policy.ts';

describe('describeAddress', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
    ['::1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fc00::1', 'a private address'],
    ['fd12:3456::1', 'a private address'],
    ['fe80::1%eth0', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    // IPv4-mapped and other embedded IPv4 forms reach the IPv4 address.
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['[::ffff:7f00:1]', 'a loopback address'],
    ['::ffff:169.254.169.254', 'a link-local address'],
    ['::ffff:a9fe:a9fe', 'a link-local address'],
    ['0:0:0:0:0:ffff:10.0.0.5', 'a private address'],
    ['::10.0.0.5', 'a private address'],
    ['64:ff9b::a9fe:a9fe', 'a link-local address'],
    ['2002:7f00:1::', 'a loopback address'],
  ])('%s is %s', (address, kind) => {
    expect(describeAddress(address)).toBe(kind);
  });

  it.each(['140.82.112.3', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:50c0:8000::154', '::ffff:8.8.8.8', 'github.com', '1.2.3', '::ffff:999.0.0.1'])('%s is public or no address', (address) => {
    expect(describeAddress(address)).toBeUndefined();
  });

  it('names localhost', () => {
    expect(describeHost('localhost')).toBe('a loopback name');
    expect(describeHost('api.localhost')).toBe('a loopback name');
    expect(describeHost('localhost.example.com')).toBeUndefined();
  });
});

describe('readReference', () => {
  it.each([
    ['https://raw.githubusercontent.com/o/r/v1/a.yaml', 'https', 'raw.githubusercontent.com', '443'],
    ['HTTP://127.1:8080/x.yaml', 'http', '127.0.0.1', '8080'],
    ['http://2130706433/x.yaml', 'http', '127.0.0.1', '80'],
    ['http://0x7f.1/x.yaml', 'http', '127.0.0.1', '80'],
    ['http://[::ffff:127.0.0.1]/x.yaml', 'http', '[::ffff:7f00:1]', '80'],
    ['https://user:token@GitHub.com./o/r', 'https', 'github.com', '443'],
    ['https://github.com@10.0.0.5/x.yaml', 'https', '10.0.0.5', '443'],
    ['git::https://gitlab.com/o/r//deploy?ref=v1', 'https', 'gitlab.com', '443'],
    ['ssh://git@github.com:2222/o/r', 'ssh', 'github.com', '2222'],
    ['git@github.com:o/r//deploy?ref=v1', 'ssh', 'github.com', '22'],
    ['deploy@git.internal.example:o/r', 'ssh', 'git.internal.example', '22'],
    ['github.com/o/r//deploy', 'https', 'github.com', '443'],
  ])('%s leads to %s://%s:%s', (value, scheme, host, port) => {
    const reading = readReference(value);
    expect(reading).toMatchObject({ kind: 'remote', target: { scheme, host, port } });
  });

  it.each(['base', '../base', './crds.yaml', 'gitlab.com/o/r', 'crds/kustomization.yaml', 'C:/x', ''])('%j is a local path', (value) => {
    expect(readReference(value)).toEqual({ kind: 'local' });
  });

  it.each([
    ['file:///etc/passwd', "file:// reads the runner's disk"],
    ['FILE:///etc/passwd', "file:// reads the runner's disk"],
    ['git::file:///srv/repo', "file:// reads the runner's disk"],
    ['https://github.com\\@10.0.0.5/x.yaml', 'it is no plain URL (it holds whitespace, a backslash or a control character)'],
    ['https://github.com/x.yaml\n', 'it is no plain URL (it holds whitespace, a backslash or a control character)'],
    ['https://127.0.0.%31/x.yaml', "its host '127.0.0.%31' is no plain host name or address"],
    ['https://gïthub.com/x.yaml', "its host 'gïthub.com' is no plain host name or address"],
    ['s3://bucket/x.yaml', 'prune-guard fetches no s3:// URLs'],
    ['https://github.com:99999/x.yaml', 'its port 99999 is out of range'],
  ])('refuses %j', (value, reason) => {
    expect(readReference(value)).toMatchObject({ kind: 'refused', reason });
  });

  it('takes the canonical URL without credentials or fragment, with dot segments resolved', () => {
    expect(readReference('https://u:p@a.example/k8s/../admin/x.yaml#top')).toMatchObject({ target: { canonical: 'https://a.example/admin/x.yaml' } });
  });
});

describe('findAllowEntryProblem', () => {
  it.each(['github.com', '*.example.com', 'example.com:8443', '127.0.0.1', '127.0.0.1:8080', '::1', '[::1]:8080', 'https://artifacts.example.com/k8s/', 'http://127.0.0.1:8080'])('accepts %j', (value) => {
    expect(findAllowEntryProblem(value)).toBeUndefined();
  });

  it.each(['', ' ', '*', '*.com', '*.127.0.0.1', 'example.com/k8s', 'example.com:0', 'ftp://example.com/', 'https://u:p@example.com/', 'https://example.com/?x'])('rejects %j', (value) => {
    expect(findAllowEntryProblem(value)).toBeDefined();
  });
});

describe('createNetworkPolicy', () => {
  const verdictOf = (url: string, options: Parameters<typeof createNetworkPolicy>[0] = {}): string => {
    const verdict = createNetworkPolicy(options).judge(url);
    return verdict.allowed ? verdict.via : verdict.reason;
  };

  it('allows the default list, checked by address', () => {
    for (const host of DEFAULT_ALLOWED_HOSTS) expect(verdictOf(`https://${host}/o/r/x.yaml`)).toBe('default');
    expect(verdictOf('git@github.com:o/r')).toBe('default');
  });

  it.each([
    ['https://example.com/x.yaml', 'example.com is not an allowed host'],
    ['https://github.com.evil.example/x.yaml', 'github.com.evil.example is not an allowed host'],
    ['https://github.com:8443/x.yaml', 'github.com:8443 is not an allowed host'],
    ['http://10.0.0.5/x.yaml', '10.0.0.5 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://[::ffff:169.254.169.254]/x.yaml', '[::ffff:a9fe:a9fe] is a link-local address'],
    ['http://localhost:8080/x.yaml', 'localhost is a loopback name'],
    ['ssh://git@10.1.1.1/o/r', '10.1.1.1 is a private address'],
    ['git::http://127.0.0.1:9/x', '127.0.0.1 is a loopback address'],
  ])('refuses %s by default', (url, reason) => {
    expect(verdictOf(url)).toBe(reason);
  });

  it('replaces the default list with remote.allow, and adds --allow-remote entries to either', () => {
    expect(verdictOf('https://github.com/o/r', { allow: ['gitlab.com'] })).toBe('github.com is not an allowed host');
    expect(verdictOf('https://gitlab.com/o/r', { allow: ['gitlab.com'] })).toBe('entry');
    expect(verdictOf('https://github.com/o/r', { allow: [] })).toBe('github.com is not an allowed host');
    expect(verdictOf('http://127.0.0.1:8080/x.yaml', { alsoAllow: ['127.0.0.1:8080'] })).toBe('entry');
    expect(verdictOf('https://github.com/o/r', { alsoAllow: ['127.0.0.1:8080'] })).toBe('default');
  });

  it('allows a private address only where an entry names it, port included', () => {
    const options = { allow: ['127.0.0.1:8080'] };
    expect(verdictOf('http://127.0.0.1:8080/x.yaml', options)).toBe('entry');
    expect(verdictOf('http://127.0.0.1:8081/x.yaml', options)).toBe('127.0.0.1 is a loopback address');
    expect(verdictOf('http://[::ffff:127.0.0.1]:8080/x.yaml', options)).toBe('[::ffff:7f00:1] is a loopback address');
    expect(verdictOf('http://127.0.0.1:80/x.yaml', { allow: ['127.0.0.1'] })).toBe('entry');
  });

  it('matches wildcards on subdomains only', () => {
    const options = { allow: ['*.example.com'] };
    expect(verdictOf('https://a.example.com/x.yaml', options)).toBe('entry');
    expect(verdictOf('https://a.b.example.com/x.yaml', options)).toBe('entry');
    expect(verdictOf('https://example.com/x.yaml', options)).toBe('example.com is not an allowed host');
    expect(verdictOf('https://evilexample.com/x.yaml', options)).toBe('evilexample.com is not an allowed host');
  });

  it('matches URL prefixes at a path boundary, after dot segments are resolved', () => {
    const options = { allow: ['https://artifacts.example.com/k8s/', 'https://files.example.com/pub'] };
    expect(verdictOf('https://artifacts.example.com/k8s/a/x.yaml', options)).toBe('entry');
    expect(verdictOf('https://artifacts.example.com/k8s/../admin/x.yaml', options)).toBe('artifacts.example.com is not an allowed host');
    expect(verdictOf('http://artifacts.example.com/k8s/x.yaml', options)).toBe('artifacts.example.com is not an allowed host');
    expect(verdictOf('https://files.example.com/pub/x.yaml', options)).toBe('entry');
    expect(verdictOf('https://files.example.com/public/x.yaml', options)).toBe('files.example.com is not an allowed host');
  });

  it("allows what lies under a mirror's target, credentials aside", () => {
    const mirrors = [{ from: 'https://raw.githubusercontent.com/', to: 'http://deploy:token@127.0.0.1:9000/raw/' }];
    expect(verdictOf('http://deploy:token@127.0.0.1:9000/raw/o/r/x.yaml', { mirrors })).toBe('mirror');
    expect(verdictOf('http://127.0.0.1:9000/admin/x.yaml', { mirrors })).toBe('127.0.0.1 is a loopback address');
  });

  it('refuses an invalid entry as a usage error', () => {
    expect(() => createNetworkPolicy({ alsoAllow: ['https://u:secret@x.example/'] })).toThrow(UsageError);
    expect(() => createNetworkPolicy({ alsoAllow: ['https://u:secret@x.example/'] })).not.toThrow(/secret/);
  });
});

describe('showUrl', () => {
  it('hides credentials and keeps one line', () => {
    expect(showUrl('https://u:tok@x.example/a\nb\u202e.yaml')).toBe('https://***@x.example/a\\u000ab\\u202e.yaml');
  });
});
