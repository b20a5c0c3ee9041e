import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeclaredKustomizations, scanSourceObjects } from '../../src/flux/scan-source.ts';
import { makeTempDir } from '../e2e/helpers.ts';

function makeSource(files: Record<string, string>): string {
  const root = makeTempDir('scan-source-test-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const kustomization = (apiVersion: string, name: string): string =>
  `apiVersion: ${apiVersion}\nkind: Kustomization\nmetadata: {name: ${name}, namespace: flux-system}\nspec: {path: ./apps/${name}, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n`;

describe('scanSourceObjects', () => {
  it('finds Flux objects however the group is spelled, and passes over files that cannot hold one', () => {
    const root = makeSource({
      'clusters/prod/apps.yaml': kustomization('kustomize.toolkit.fluxcd.io/v1', 'apps'),
      // Go decodes the escape: Flux applies this as a Kustomization.
      'clusters/prod/escaped.yaml': kustomization('"kustomize.toolkit.\\x66luxcd.io/v1"', 'escaped'),
      'clusters/prod/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
      'flux/instance.yaml': 'apiVersion: fluxcd.controlplane.io/v1\nkind: FluxInstance\nmetadata: {name: flux, namespace: flux-system}\nspec: {sync: {kind: GitRepository, url: https://example.invalid/repo, path: clusters/prod}}\n',
      'charts/values.yaml': 'image: {tag: [unclosed\n',
    });
    const objects = scanSourceObjects(root);
    expect(objects.map(({ file, body }) => `${file} ${String(body.kind)}`)).toEqual(['clusters/prod/apps.yaml Kustomization', 'clusters/prod/escaped.yaml Kustomization', 'flux/instance.yaml FluxInstance']);
    expect(findDeclaredKustomizations(objects).map(({ ks }) => ks.key)).toEqual(['flux-system/apps', 'flux-system/escaped']);
  });
});
