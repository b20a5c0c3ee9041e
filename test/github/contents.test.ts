/**
 * Directory listings through the real Octokit client against the request-validating GitHub
 * server: what a fix look-up reads next to a remote manifest, and what it must not take for
 * an empty directory.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositoryContents } from '../../src/github/contents.ts';
import { createOctokit } from '../../src/github/gateway.ts';
import { describeNetworkError } from '../../src/render/fetch-parts.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';

describe('createRepositoryContents', () => {
  let server: FakeGitHub;
  beforeAll(async () => {
    server = await startFakeGitHub();
    server.addRepositoryFiles({ repository: 'example/operator', ref: 'v2', files: { 'deploy/operator.yaml': 'kind: Deployment\n', 'deploy/crds/widgets.yaml': 'kind: CustomResourceDefinition\n' } });
  });
  afterAll(() => server.close());
  const contents = () => createRepositoryContents(createOctokit({ baseUrl: server.url }));

  it('lists files and directories with their sizes', async () => {
    const listing = await contents().listDirectory('example', 'operator', 'v2', 'deploy');
    expect(listing.map((entry) => [entry.name, entry.type]).sort()).toEqual([
      ['crds', 'dir'],
      ['operator.yaml', 'file'],
    ]);
    expect(listing.find((entry) => entry.name === 'operator.yaml')?.size).toBe('kind: Deployment\n'.length);
  });

  it.each([
    ['a directory GitHub does not have', 'deploy/gone'],
    ['a path that is a file', 'deploy/operator.yaml'],
  ])('answers %s with an empty listing', async (_name, path) => {
    expect(await contents().listDirectory('example', 'operator', 'v2', path)).toEqual([]);
  });

  it('keeps the well-formed entries of a listing and passes over the rest', async () => {
    const release = server.forceResponse('repos/get-content', { status: 200, body: [1, null, { name: null }, { name: 'crds.yaml', type: 'file', size: 3 }], times: 1 });
    try {
      expect(await contents().listDirectory('example', 'operator', 'v9', 'odd')).toEqual([{ name: 'crds.yaml', type: 'file', size: 3 }]);
    } finally {
      release();
    }
  });

  it('refuses an answer that is no listing, rather than reading it as an empty directory', async () => {
    const release = server.forceResponse('repos/get-content', { status: 200, body: 'Sign in to continue', times: 1 });
    try {
      await expect(contents().listDirectory('example', 'operator', 'v9', 'page')).rejects.toThrow('the answer is not a directory listing');
    } finally {
      release();
    }
  });

  it('says what the network said when the API cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const error = await createRepositoryContents(createOctokit({ baseUrl: `http://127.0.0.1:${port}` }))
      .listDirectory('example', 'operator', 'v2', 'deploy')
      .catch((caught: unknown) => caught);
    expect(describeNetworkError(error)).toBe('ECONNREFUSED');
  });
});
