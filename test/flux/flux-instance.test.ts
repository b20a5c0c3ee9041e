/** A FluxInstance read as the Flux Operator reads it: default components, sync defaults. */
import { describe, expect, it } from 'vitest';
import { listSyncSources, readFluxInstance } from '../../src/flux/flux-instance.ts';
import { parseManifests, type KubeObject } from '../../src/core/objects/kube-objects.ts';
import { parseOne } from '../helpers/flux.ts';

function read(yaml: string): ReturnType<typeof readFluxInstance> {
  const [body] = parseManifests(yaml, 'test.yaml');
  if (!body) throw new Error('no object');
  return readFluxInstance(body);
}

const instance = (spec: string, metadata = '{name: flux, namespace: flux-system}'): string =>
  `apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata: ${metadata}\nspec:\n  distribution: {version: "2.x", registry: ghcr.io/fluxcd}\n${spec}`;

describe('readFluxInstance', () => {
  it('installs the four core controllers when spec.components is absent or empty', () => {
    const core = ['source-controller', 'kustomize-controller', 'helm-controller', 'notification-controller'];
    expect(read(instance(''))).toEqual({ namespace: 'flux-system', name: 'flux', components: core, version: '2.x' });
    expect(read(instance('  components: []\n'))?.components).toEqual(core);
  });

  it('takes an explicit list as written, in its order, without adding the defaults', () => {
    const model = read(instance('  components: [source-controller, kustomize-controller, image-reflector-controller, image-automation-controller, source-watcher]\n'));
    expect(model?.components).toEqual(['source-controller', 'kustomize-controller', 'image-reflector-controller', 'image-automation-controller', 'source-watcher']);
  });

  it('names the sync after the namespace and syncs every minute unless told otherwise', () => {
    const model = read(instance('  sync: {kind: GitRepository, url: "https://github.com/example/fleet.git", ref: refs/heads/main, path: clusters/prod}\n', '{name: flux, namespace: flux-ops}'));
    expect(model?.sync).toEqual({ kind: 'GitRepository', url: 'https://github.com/example/fleet.git', ref: 'refs/heads/main', path: 'clusters/prod', name: 'flux-ops', interval: '1m' });
    const named = read(instance('  sync: {kind: OCIRepository, url: "oci://ghcr.io/example/fleet", ref: latest, path: ./prod, name: fleet, interval: 5m}\n'));
    expect(named?.sync).toEqual({ kind: 'OCIRepository', url: 'oci://ghcr.io/example/fleet', ref: 'latest', path: './prod', name: 'fleet', interval: '5m' });
  });

  it('reads an instance with no namespace in flux-system, and leaves unset fields out', () => {
    const model = read(`apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata: {name: flux}\nspec:\n  sync: {kind: Bucket, path: prod}\n`);
    expect(model).toEqual({
      namespace: 'flux-system',
      name: 'flux',
      components: ['source-controller', 'kustomize-controller', 'helm-controller', 'notification-controller'],
      sync: { kind: 'Bucket', path: 'prod', name: 'flux-system', interval: '1m' },
    });
  });

  it('has no sync without a kind of the enum or a path: the API server rejects such an instance', () => {
    expect(read(instance('  sync: {path: clusters/prod}\n'))?.sync).toBeUndefined();
    expect(read(instance('  sync: {kind: HelmRepository, path: clusters/prod}\n'))?.sync).toBeUndefined();
    expect(read(instance('  sync: {kind: GitRepository}\n'))?.sync).toBeUndefined();
  });

  it('ignores anything that is not a FluxInstance of the Flux Operator', () => {
    expect(read(instance('').replace('fluxcd.controlplane.io/v1', 'example.com/v1'))).toBeUndefined();
    expect(read(instance('').replace('kind: FluxInstance', 'kind: FluxReport'))).toBeUndefined();
    expect(read('apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: flux, namespace: flux-system}\nspec: {path: ./}\n')).toBeUndefined();
  });
});

describe('listSyncSources', () => {
  const syncing = (sync: string): KubeObject => parseOne(`apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata: {name: flux, namespace: flux-system}\nspec:\n  distribution: {version: 2.x}\n  sync: ${sync}\n`);

  it('makes the source the operator makes, named after the namespace unless sync.name says otherwise', () => {
    const { objects, names } = listSyncSources([syncing('{kind: GitRepository, url: "https://github.com/example/fleet.git", ref: refs/heads/main, path: clusters/prod}')]);
    expect([...names]).toEqual(['GitRepository/flux-system/flux-system']);
    expect(objects).toEqual([{ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name: 'flux-system', namespace: 'flux-system' }, spec: { url: 'https://github.com/example/fleet.git', ref: { name: 'refs/heads/main' } } }]);
  });

  it('an OCIRepository sync follows a tag; a source written in the repository is not made again', () => {
    const written = parseOne('apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: fleet, namespace: flux-system}\nspec: {url: "oci://example/fleet"}\n');
    const oci = listSyncSources([syncing('{kind: OCIRepository, name: fleet, url: "oci://example/fleet", ref: latest, path: clusters/prod}')]);
    expect(oci.objects[0]?.spec).toEqual({ url: 'oci://example/fleet', ref: { tag: 'latest' } });
    const both = listSyncSources([syncing('{kind: OCIRepository, name: fleet, url: "oci://example/fleet", ref: latest, path: clusters/prod}'), written]);
    expect(both.objects).toEqual([]);
    expect([...both.names]).toEqual(['OCIRepository/flux-system/fleet']);
  });
});
