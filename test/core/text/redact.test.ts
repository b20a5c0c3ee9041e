import { describe, expect, it } from 'vitest';
import { hideUserInfo, redactCredentials } from '../../../src/core/text/redact.ts';

describe('redactCredentials', () => {
  it.each([
    ['user and token', 'could not fetch http://deploy:s3cr3t@mirror.example/a.yaml', 'could not fetch http://***@mirror.example/a.yaml'],
    ['a token with a slash', 'through http://deploy:s3cr/3t@mirror.example/a.yaml', 'through http://***@mirror.example/a.yaml'],
    ['a token with an @', "'https://deploy:p@ss@mirror.example/'", "'https://***@mirror.example/'"],
    ['each of two URLs', 'http://a:1@x/ and ssh://git@y/z', 'http://***@x/ and ssh://***@y/z'],
    ['nothing without user-info', 'https://raw.githubusercontent.com/o/r/v1/a.yaml', 'https://raw.githubusercontent.com/o/r/v1/a.yaml'],
    ['nothing for an @ in a path', 'https://registry.example.com/@scope/x.yaml', 'https://registry.example.com/@scope/x.yaml'],
    ['nothing for an @ in a query', 'https://host.example/p?x=a@b', 'https://host.example/p?x=a@b'],
  ])('hides %s', (_name, text, expected) => {
    expect(redactCredentials(text)).toBe(expected);
  });
});

describe('hideUserInfo', () => {
  it.each([
    ['a value without a scheme', 'deploy:s3cr3t@127.0.0.1:8701/', '***@127.0.0.1:8701/'],
    ['a scheme with one slash', 'http:/deploy:s3cr3t@127.0.0.1/', 'http:/***@127.0.0.1/'],
    ['a URL', 'https://deploy:s3cr3t@mirror.example/', 'https://***@mirror.example/'],
    ['nothing to hide', 'https://mirror.example/', 'https://mirror.example/'],
  ])('hides the user-info of %s', (_name, value, expected) => {
    expect(hideUserInfo(value)).toBe(expected);
  });
});
