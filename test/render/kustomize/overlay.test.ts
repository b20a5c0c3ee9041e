/**
 * Build overlays with the real kustomize and a local HTTP server: remote files are fetched by
 * prune-guard (mirrors, cache), edits are tried out, provenance still names what the user
 * wrote, and the user's tree is never written.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RenderError } from '../../../src/core/errors.ts';
import { settleBackgroundRemovals } from '../../../src/render/cleanup.ts';
import type { ManifestDoc } from '../../../src/core/objects/kube-objects.ts';
import { createConfinement } from '../../../src/render/kustomize/confine.ts';
import { readKustomizationGraph, toPosix, type PathDisplay } from '../../../src/render/kustomize/read-kustomization.ts';
import { createKustomizeRunner, type KustomizeRunner } from '../../../src/render/kustomize/kustomize-runner.ts';
import { createOverlay, isRemoteFileUrl, type RemoteAccess } from '../../../src/render/kustomize/overlay.ts';
import { createRemoteFetcher } from '../../../src/render/remote-fetch.ts';
import type { Mirror } from '../../../src/core/config/config-model.ts';
import { RemoteDeniedError } from '../../../src/core/config/network-policy.ts';
import { renderRoot } from '../../../src/render/kustomize/render-root.ts';
import { configMap, crd, hasKustomize, kustomization, makeTempDir, writeTree, type Tree } from '../../e2e/helpers.ts';

/** A server answering `path -> body` (anything else: 404); records every requested path. */
interface Upstream {
  readonly origin: string;
  readonly requests: string[];
}

const servers: Server[] = [];

async function serve(files: Readonly<Record<string, string>>): Promise<Upstream> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const body = files[path];
    if (body === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  const address = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${address.port}`, requests };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/**
 * Every test gets its own temp directory as os.tmpdir(), so "no overlay left behind" can be
 * checked exactly, without racing other test files that build overlays too.
 */
let privateTmp = '';
beforeEach(() => {
  privateTmp = realpathSync(makeTempDir('overlay-test-tmp-'));
  vi.stubEnv('TMPDIR', privateTmp);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** prune-guard's own temp directories (overlays, build wrappers) still in the private tmp, once background removals are done. */
async function leftovers(): Promise<string[]> {
  await settleBackgroundRemovals();
  return readdirSync(privateTmp).filter((name) => name.startsWith('prune-guard-overlay-') || name.startsWith('prune-guard-build-'));
}

/** A tree in a fresh temp directory. */
function makeTree(tree: Tree): string {
  const dir = makeTempDir('tree-');
  writeTree(dir, tree);
  return dir;
}

/** Every entry under `dir`: files by content hash, directories and symlinks marked as such. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const rel = toPosix(relative(dir, path));
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) result[rel] = 'symlink';
      else if (stat.isDirectory()) {
        result[rel] = 'dir';
        walk(path);
      } else result[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return result;
}

function fetcherOf(mirrors: readonly Mirror[] = [], cacheDir?: string): RemoteAccess {
  return { mirrors, fetcher: createRemoteFetcher({ mirrors, alsoAllow: ['127.0.0.1'], retries: 0, timeoutMs: 5_000, sleep: async () => {}, ...(cacheDir ? { cacheDir } : {}) }) };
}

const showIn =
  (tree: string): PathDisplay =>
  (path) =>
    toPosix(relative(tree, path));

/** Renders `root` (relative to `tree`) with provenance unless told otherwise. */
function render(
  runner: KustomizeRunner,
  tree: string,
  root: string,
  options: { remote?: RemoteAccess; edits?: Parameters<typeof renderRoot>[1]['edits']; provenance?: boolean } = {},
): Promise<ManifestDoc[]> {
  const show = showIn(tree);
  return renderRoot(runner, {
    treeRoot: tree,
    graph: readKustomizationGraph(join(tree, root), show),
    show,
    provenance: options.provenance ?? true,
    ...(options.remote ? { remote: options.remote } : {}),
    ...(options.edits ? { edits: options.edits } : {}),
  });
}

/** `Kind/name` of each object, sorted. */
function names(docs: readonly ManifestDoc[]): string[] {
  return docs.map((doc) => `${String(doc.body.kind)}/${String((doc.body.metadata as { name?: unknown }).name)}`).sort();
}

function find(docs: readonly ManifestDoc[], kind: string, name: string): ManifestDoc {
  const doc = docs.find((candidate) => candidate.body.kind === kind && (candidate.body.metadata as { name?: unknown }).name === name);
  if (!doc) throw new Error(`no ${kind}/${name} in ${names(docs).join(', ')}`);
  return doc;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection');
  return error;
}

const CRDS = `${crd('Widget', 'example.com', 'Cluster')}---\n${crd('Gadget', 'example.com')}`;

describe('isRemoteFileUrl', () => {
  it.each([
    ['https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests/operator-crds.yaml', true],
    ['http://127.0.0.1:8080/crds.yml', true],
    ['https://example.com/schemas/crds.json', true],
    ['https://example.com/crds.YAML', true],
    ['https://example.com/download/crds.yaml?token=abc&x=1', true],
    ['https://github.com/o/r//path?ref=v1', false],
    ['https://github.com/o/r//deploy/crds.yaml?ref=v1', false],
    ['https://github.com/o/r.git', false],
    ['https://github.com/o/r.git/deploy/crds.yaml', false],
    ['https://example.com/o/r/crds.yaml?ref=main', false],
    ['https://example.com/o/r/crds.yaml?version=v1', false],
    ['https://example.com/manifests/', false],
    ['https://example.com/manifests', false],
    ['https://example.com/README.md', false],
    ['git@github.com:o/r.git', false],
    ['ssh://git@github.com/o/r/crds.yaml', false],
    ['file:///srv/crds.yaml', false],
    ['github.com/o/r/crds.yaml', false],
    ['./crds.yaml', false],
    ['../base', false],
  ])('%s -> %s', (url, expected) => {
    expect(isRemoteFileUrl(url)).toBe(expected);
  });
});

describe('createOverlay', () => {
  const show = (path: string): string => path;

  it('returns undefined when nothing is remote and nothing is edited, so the tree is built as it is', async () => {
    const tree = makeTree({
      'apps/web/kustomization.yaml': kustomization('cm.yaml', '../base'),
      'apps/web/cm.yaml': configMap('web', 'apps'),
      'apps/base/kustomization.yaml': kustomization('cm.yaml'),
      'apps/base/cm.yaml': configMap('base', 'apps'),
    });
    const graph = readKustomizationGraph(join(tree, 'apps/web'), show);
    expect(await createOverlay(tree, graph, undefined)).toBeUndefined();
    expect(await createOverlay(tree, graph, fetcherOf(), { overrides: new Map(), additions: new Map() })).toBeUndefined();
    expect(await leftovers()).toEqual([]);
  });

  it('returns undefined for a git base no mirror applies to (kustomize clones it itself)', async () => {
    const tree = makeTree({ 'app/kustomization.yaml': kustomization('https://github.com/o/r//deploy?ref=v1') });
    const graph = readKustomizationGraph(join(tree, 'app'), show);
    expect(await createOverlay(tree, graph, fetcherOf([{ from: 'https://gitlab.example/', to: 'https://mirror.example/' }]))).toBeUndefined();
    expect(await leftovers()).toEqual([]);
  });

  it('copies the changed directory and every one that includes it, symlinks what the graph reads, and dispose() removes it all', async () => {
    const upstream = await serve({ '/calico/crds.yaml': CRDS });
    const url = `${upstream.origin}/calico/crds.yaml`;
    const tree = makeTree({
      'clusters/prod/kustomization.yaml': kustomization('../../infra/calico', '../../apps/web', 'ns.yaml'),
      'clusters/prod/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n',
      'infra/calico/kustomization.yaml': kustomization(url),
      'apps/web/kustomization.yaml': kustomization('cm.yaml'),
      'apps/web/cm.yaml': configMap('web', 'apps'),
      // Beside folders the overlay copies, but no build of this root reads them.
      'infra/cert-manager/kustomization.yaml': kustomization('cm.yaml'),
      'infra/cert-manager/cm.yaml': configMap('certs', 'infra'),
      'docs/notes.md': '# notes\n',
    });
    const before = snapshot(tree);
    const graph = readKustomizationGraph(join(tree, 'clusters/prod'), show);
    const overlay = await createOverlay(tree, graph, fetcherOf());
    if (!overlay) throw new Error('expected an overlay');
    try {
      const shadow = join(privateTmp, readdirSync(privateTmp).find((name) => name.startsWith('prune-guard-overlay-')) as string);
      expect(overlay.buildRoot).toBe(join(shadow, 'clusters/prod'));
      const kind = (rel: string): string => {
        const stat = lstatSync(join(shadow, rel));
        return stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'dir' : 'file';
      };
      expect(kind('clusters/prod')).toBe('dir');
      expect(kind('clusters/prod/kustomization.yaml')).toBe('symlink');
      expect(kind('clusters/prod/ns.yaml')).toBe('symlink');
      expect(kind('infra/calico')).toBe('dir');
      expect(kind('infra/calico/kustomization.yaml')).toBe('file');
      expect(kind('apps')).toBe('symlink');
      // Folders on the way to a copied one hold only what the graph leads to.
      expect(existsSync(join(shadow, 'infra/cert-manager'))).toBe(false);
      expect(existsSync(join(shadow, 'docs'))).toBe(false);
      // The copy lists the fetched file instead of the URL; the original is untouched.
      const copy = readFileSync(join(shadow, 'infra/calico/kustomization.yaml'), 'utf8');
      expect(copy).not.toContain(url);
      const [local, original] = [...overlay.remoteFiles][0] ?? [];
      expect(original).toBe(url);
      expect(readFileSync(local as string, 'utf8')).toBe(CRDS);
      expect(copy).toContain(toPosix(relative(join(shadow, 'infra/calico'), local as string)));
      expect(overlay.unalias(join(shadow, 'apps/web/cm.yaml'))).toBe(join(tree, 'apps/web/cm.yaml'));
      expect(overlay.unalias('/elsewhere/x.yaml')).toBe('/elsewhere/x.yaml');

      overlay.dispose();
      expect(existsSync(shadow)).toBe(false);
      expect(await leftovers()).toEqual([]);
      overlay.dispose();
    } finally {
      overlay.dispose();
    }
    expect(snapshot(tree)).toEqual(before);
  });

  it.each<[string, string, string]>([
    ['a git base on a host on no list', kustomization('https://git.internal.example/o/r//deploy?ref=v1'), 'https://git.internal.example/o/r//deploy?ref=v1'],
    ['an scp-like git base', kustomization('deploy@git.internal.example:o/r//deploy'), 'deploy@git.internal.example:o/r//deploy'],
    ['a git:: base', kustomization('git::https://git.internal.example/o/r//deploy'), 'git::https://git.internal.example/o/r//deploy'],
    ['an upper-case scheme kustomize fetches all the same', kustomization('HTTP://git.internal.example/x.yaml'), 'HTTP://git.internal.example/x.yaml'],
    ['a patch path', 'patches:\n  - path: https://git.internal.example/patch.yaml\n', 'https://git.internal.example/patch.yaml'],
    ['a strategic merge patch', 'patchesStrategicMerge:\n  - https://git.internal.example/patch.yaml\n', 'https://git.internal.example/patch.yaml'],
    ['a generator file', 'configMapGenerator:\n  - name: x\n    files:\n      - key=https://git.internal.example/secret.txt\n', 'https://git.internal.example/secret.txt'],
    ['an inline transformer', 'transformers:\n  - |\n    apiVersion: builtin\n    kind: PatchTransformer\n    metadata:\n      name: p\n    path: https://git.internal.example/p.yaml\n', 'https://git.internal.example/p.yaml'],
    ['a transformer file', 'transformers:\n  - transformer.yaml\n', 'https://git.internal.example/p.yaml'],
  ])('refuses %s before anything is built or fetched', async (_name, text, url) => {
    const tree = makeTree({
      'app/kustomization.yaml': text,
      'app/transformer.yaml': 'apiVersion: builtin\nkind: PatchTransformer\nmetadata:\n  name: p\npath: https://git.internal.example/p.yaml\n',
    });
    // Read under a confinement, as every run reads its graphs: that is when plugin configurations are looked into.
    const error = await createOverlay(tree, readKustomizationGraph(join(tree, 'app'), show, createConfinement(tree)), fetcherOf()).then(() => undefined, (caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(RemoteDeniedError);
    expect(error?.message).toBe(`remote resource ${url} is not allowed: git.internal.example is not an allowed host (allow it with remote.allow in .prune-guard.yaml)`);
    expect(await leftovers()).toEqual([]);
  });

  it("refuses a file:// base, which reads the runner's disk", async () => {
    const tree = makeTree({ 'app/kustomization.yaml': kustomization('file:///etc/kubernetes') });
    await expect(createOverlay(tree, readKustomizationGraph(join(tree, 'app'), show), fetcherOf())).rejects.toThrow(
      "remote resource file:///etc/kubernetes is not allowed: file:// reads the runner's disk (list a path inside the repository instead)",
    );
  });

  it('checks a git base only an edit lists', async () => {
    const tree = makeTree({ 'app/kustomization.yaml': kustomization('cm.yaml'), 'app/cm.yaml': configMap('a', 'b') });
    const overrides = new Map([[join(tree, 'app/kustomization.yaml'), kustomization('cm.yaml', 'https://10.0.0.5/o/r//deploy')]]);
    await expect(createOverlay(tree, readKustomizationGraph(join(tree, 'app'), show), fetcherOf(), { overrides })).rejects.toThrow(
      'remote resource https://10.0.0.5/o/r//deploy is not allowed: 10.0.0.5 is a private address',
    );
  });

  it('rewrites a git base through a mirror in the copy, without fetching it', async () => {
    const base = 'https://github.com/o/r//deploy?ref=v1';
    const tree = makeTree({ 'app/kustomization.yaml': kustomization(base, 'cm.yaml'), 'app/cm.yaml': configMap('a', 'b') });
    const remote = fetcherOf([{ from: 'https://github.com/', to: 'https://git.mirror.example/github/' }]);
    const overlay = await createOverlay(tree, readKustomizationGraph(join(tree, 'app'), show), remote);
    if (!overlay) throw new Error('expected an overlay');
    try {
      const copy = readFileSync(join(overlay.buildRoot, 'kustomization.yaml'), 'utf8');
      expect(copy).toContain('https://git.mirror.example/github/o/r//deploy?ref=v1');
      expect(copy).not.toContain(base);
      expect(overlay.remoteFiles.size).toBe(0);
      expect(readFileSync(join(tree, 'app/kustomization.yaml'), 'utf8')).toContain(base);
    } finally {
      overlay.dispose();
    }
  });
});

describe.skipIf(!hasKustomize)('renderRoot through an overlay (real kustomize)', () => {
  const runner = createKustomizeRunner({ env: process.env });

  it('fetches a remote file itself; provenance names the URL and the entry; the tree is untouched', async () => {
    const upstream = await serve({ '/v1/crds.yaml': CRDS });
    const url = `${upstream.origin}/v1/crds.yaml`;
    const tree = makeTree({
      'apps/web/kustomization.yaml': kustomization('../base', 'cm.yaml', url),
      'apps/web/cm.yaml': configMap('web', 'apps'),
      'apps/base/kustomization.yaml': kustomization('cm.yaml'),
      'apps/base/cm.yaml': configMap('base', 'apps'),
      'README.md': '# not part of any build\n',
    });
    const before = snapshot(tree);

    const docs = await render(runner, tree, 'apps/web', { remote: fetcherOf() });

    expect(names(docs)).toEqual(['ConfigMap/base', 'ConfigMap/web', 'CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com']);
    const entry = { kustomization: 'apps/web/kustomization.yaml', line: 6 };
    expect(find(docs, 'CustomResourceDefinition', 'widgets.example.com').provenance).toEqual({ url, ...entry });
    expect(find(docs, 'CustomResourceDefinition', 'gadgets.example.com').provenance).toEqual({ url, ...entry });
    expect(find(docs, 'ConfigMap', 'web').provenance).toEqual({ file: 'apps/web/cm.yaml', kustomization: 'apps/web/kustomization.yaml', line: 5 });
    expect(find(docs, 'ConfigMap', 'base').provenance).toEqual({ file: 'apps/base/cm.yaml', kustomization: 'apps/base/kustomization.yaml', line: 4 });
    // No origin annotation leaks into the objects.
    expect(JSON.stringify(docs)).not.toContain('config.kubernetes.io/origin');
    expect(upstream.requests).toEqual(['/v1/crds.yaml']);

    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('serves a second render from the cache directory when the server is gone', async () => {
    const upstream = await serve({ '/v1/crds.yaml': CRDS });
    const url = `${upstream.origin}/v1/crds.yaml`;
    const tree = makeTree({ 'app/kustomization.yaml': kustomization(url) });
    const cacheDir = makeTempDir();
    await render(runner, tree, 'app', { remote: fetcherOf([], cacheDir) });
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
    const docs = await render(runner, tree, 'app', { remote: fetcherOf([], cacheDir), provenance: false });
    expect(names(docs)).toEqual(['CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com']);
    expect(docs.every((doc) => doc.provenance === undefined)).toBe(true);
  });

  it('fetches through a mirror; without it the render fails naming the URL', async () => {
    const upstream = await serve({ '/mirror/calico/v3.30.0/crds.yaml': CRDS });
    const url = 'https://upstream.invalid/calico/v3.30.0/crds.yaml';
    const tree = makeTree({ 'infra/calico/kustomization.yaml': kustomization(url) });
    const before = snapshot(tree);

    const docs = await render(runner, tree, 'infra/calico', { remote: fetcherOf([{ from: 'https://upstream.invalid/', to: `${upstream.origin}/mirror/` }]) });
    expect(names(docs)).toEqual(['CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com']);
    expect(upstream.requests).toEqual(['/mirror/calico/v3.30.0/crds.yaml']);
    // Provenance names the URL the user wrote, not the mirror.
    expect(find(docs, 'CustomResourceDefinition', 'widgets.example.com').provenance).toEqual({ url, kustomization: 'infra/calico/kustomization.yaml', line: 4 });

    const error = await rejection(render(runner, tree, 'infra/calico', { remote: fetcherOf() }));
    expect(error).toBeInstanceOf(RenderError);
    // A host on no allow-list is refused before any request.
    expect(error.message).toBe(`remote resource ${url} is not allowed: upstream.invalid is not an allowed host (allow it with remote.allow in .prune-guard.yaml) (a resource of infra/calico)`);
    expect(upstream.requests).toHaveLength(1);

    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('renders a root that includes a directory listing a remote file; provenance points at that directory', async () => {
    const upstream = await serve({ '/calico/crds.yaml': CRDS });
    const url = `${upstream.origin}/calico/crds.yaml`;
    const tree = makeTree({
      'clusters/prod/kustomization.yaml': kustomization('ns.yaml', '../../infra/calico'),
      'clusters/prod/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n',
      'infra/calico/kustomization.yaml': `# Calico CRDs, pinned\n${kustomization(url)}`,
    });
    const before = snapshot(tree);

    const docs = await render(runner, tree, 'clusters/prod', { remote: fetcherOf() });

    expect(names(docs)).toEqual(['CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com', 'Namespace/prod']);
    expect(find(docs, 'CustomResourceDefinition', 'gadgets.example.com').provenance).toEqual({ url, kustomization: 'infra/calico/kustomization.yaml', line: 5 });
    expect(find(docs, 'Namespace', 'prod').provenance).toEqual({ file: 'clusters/prod/ns.yaml', kustomization: 'clusters/prod/kustomization.yaml', line: 4 });
    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('tries an edited kustomization that lists an added file, without writing either into the tree', async () => {
    const tree = makeTree({
      'infra/crds/kustomization.yaml': kustomization('cm.yaml'),
      'infra/crds/cm.yaml': configMap('settings', 'infra'),
    });
    const before = snapshot(tree);
    const file = join(tree, 'infra/crds/kustomization.yaml');
    const added = join(tree, 'infra/crds/vendored-crds.yaml');
    const edits = { overrides: new Map([[file, kustomization('cm.yaml', 'vendored-crds.yaml')]]), additions: new Map([[added, CRDS]]) };

    for (const provenance of [false, true]) {
      const docs = await render(runner, tree, 'infra/crds', { edits, provenance });
      expect(names(docs)).toEqual(['ConfigMap/settings', 'CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com']);
      if (provenance) {
        expect(find(docs, 'CustomResourceDefinition', 'widgets.example.com').provenance?.file).toBe('infra/crds/vendored-crds.yaml');
        expect(find(docs, 'ConfigMap', 'settings').provenance).toEqual({ file: 'infra/crds/cm.yaml', kustomization: 'infra/crds/kustomization.yaml', line: 4 });
      }
    }

    expect(existsSync(added)).toBe(false);
    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
    // Without the edit the tree renders as it is.
    expect(names(await render(runner, tree, 'infra/crds'))).toEqual(['ConfigMap/settings']);
  });

  it('never writes an edit into the tree, even one outside every copied directory', async () => {
    // The root no longer includes infra/crds (the change being checked), but a fix is tried
    // there while infra/calico's remote file makes an overlay: the edit must stay in the overlay.
    const upstream = await serve({ '/calico/crds.yaml': CRDS });
    const tree = makeTree({
      'clusters/prod/kustomization.yaml': kustomization('../../infra/calico', '../../apps/web'),
      'infra/calico/kustomization.yaml': kustomization(`${upstream.origin}/calico/crds.yaml`),
      'infra/crds/kustomization.yaml': kustomization('cm.yaml'),
      'infra/crds/cm.yaml': configMap('settings', 'infra'),
      'apps/web/kustomization.yaml': kustomization('cm.yaml', 'crds'),
      'apps/web/cm.yaml': configMap('web', 'apps'),
      'apps/web/crds/kustomization.yaml': kustomization('sprocket.yaml'),
      'apps/web/crds/sprocket.yaml': crd('Sprocket', 'example.com'),
    });
    const before = snapshot(tree);
    const edits = {
      overrides: new Map([[join(tree, 'infra/crds/kustomization.yaml'), kustomization('cm.yaml', 'vendored.yaml')]]),
      additions: new Map([
        [join(tree, 'infra/crds/vendored.yaml'), crd('Gadget', 'example.com')],
        // An existing name and subdirectories, old and new: still never through a symlink.
        [join(tree, 'apps/web/crds/sprocket.yaml'), crd('Cog', 'example.com')],
        [join(tree, 'apps/web/crds/extra.yaml'), configMap('extra', 'apps')],
        [join(tree, 'apps/web/vendor/new.yaml'), configMap('new', 'apps')],
      ]),
    };

    const docs = await render(runner, tree, 'clusters/prod', { edits, remote: fetcherOf(), provenance: false });

    // The build saw the added file in place of the existing one; infra/crds is not built at all.
    expect(names(docs)).toEqual([
      'ConfigMap/web',
      'CustomResourceDefinition/cogs.example.com',
      'CustomResourceDefinition/gadgets.example.com',
      'CustomResourceDefinition/widgets.example.com',
    ]);
    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('fetches a remote file that only the edited kustomization lists, through the mirrors', async () => {
    const upstream = await serve({ '/mirror/extra/crds.yaml': CRDS });
    const url = 'https://upstream.invalid/extra/crds.yaml';
    const tree = makeTree({
      'clusters/prod/kustomization.yaml': kustomization('../../apps/web'),
      'apps/web/kustomization.yaml': kustomization('cm.yaml'),
      'apps/web/cm.yaml': configMap('web', 'apps'),
    });
    const before = snapshot(tree);
    const remote = fetcherOf([{ from: 'https://upstream.invalid/', to: `${upstream.origin}/mirror/` }]);
    const edits = { overrides: new Map([[join(tree, 'apps/web/kustomization.yaml'), kustomization('cm.yaml', url)]]) };

    const docs = await render(runner, tree, 'clusters/prod', { remote, edits });

    expect(names(docs)).toEqual(['ConfigMap/web', 'CustomResourceDefinition/gadgets.example.com', 'CustomResourceDefinition/widgets.example.com']);
    expect(upstream.requests).toEqual(['/mirror/extra/crds.yaml']);
    expect(find(docs, 'CustomResourceDefinition', 'widgets.example.com').provenance?.url).toBe(url);
    expect(snapshot(tree)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('rejects a 404 with a RenderError naming the URL and the root, and leaves no overlay behind', async () => {
    const upstream = await serve({});
    const url = `${upstream.origin}/gone/crds.yaml`;
    const tree = makeTree({
      'apps/web/kustomization.yaml': kustomization('cm.yaml', url),
      'apps/web/cm.yaml': configMap('web', 'apps'),
    });
    const before = snapshot(tree);

    const error = await rejection(render(runner, tree, 'apps/web', { remote: fetcherOf() }));

    expect(error).toBeInstanceOf(RenderError);
    expect(error.message).toBe(`could not fetch ${url}: HTTP 404 (a resource of apps/web)`);
    expect(upstream.requests).toEqual(['/gone/crds.yaml']);
    expect(await leftovers()).toEqual([]);
    expect(snapshot(tree)).toEqual(before);
  });

  it('names the URL, not the fetched copy, when kustomize rejects a fetched file', async () => {
    const upstream = await serve({ '/broken.yaml': 'kind: [unterminated\n' });
    const url = `${upstream.origin}/broken.yaml`;
    const tree = makeTree({ 'app/kustomization.yaml': kustomization(url) });

    const error = await rejection(render(runner, tree, 'app', { remote: fetcherOf() }));

    expect(error).toBeInstanceOf(RenderError);
    expect(error.message).toMatch(/^kustomize failed on app: /);
    expect(error.message).toContain(url);
    expect(error.message).not.toContain('.prune-guard-remote');
    expect(error.message).not.toContain(privateTmp);
    expect(await leftovers()).toEqual([]);
  });
});
