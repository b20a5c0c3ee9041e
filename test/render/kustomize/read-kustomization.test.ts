import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestError } from '../../../src/core/errors.ts';
import { createInputFiles, readGraphInputs } from '../../../src/render/kustomize/graph-inputs.ts';
import { findKustomizationRoots, readKustomization, readKustomizationGraph } from '../../../src/render/kustomize/read-kustomization.ts';
import { configMap, kustomization, makeTempDir, writeTree } from '../../e2e/helpers.ts';

const show = (path: string): string => path;

describe('findKustomizationRoots', () => {
  it('returns kustomizations no other one includes, never components', () => {
    const dir = makeTempDir();
    writeTree(dir, {
      'apps/base/kustomization.yaml': kustomization('cm.yaml'),
      'apps/base/cm.yaml': configMap('a', 'x'),
      'apps/prod/kustomization.yaml': `${kustomization('../base')}components:\n  - ../../components/monitoring\n`,
      'components/monitoring/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
      'clusters/dev/Kustomization': kustomization('cm.yaml'),
      'clusters/dev/cm.yaml': configMap('b', 'x'),
      'node_modules/pkg/kustomization.yaml': kustomization('x.yaml'),
    });
    expect(findKustomizationRoots(dir, show).map((root) => root.slice(dir.length + 1))).toEqual(['apps/prod', 'clusters/dev']);
  });

  it('names the file and line of a malformed kustomization', () => {
    const dir = makeTempDir();
    writeTree(dir, { 'app/kustomization.yaml': 'resources:\n- a.yaml\n  b: [\n' });
    expect(() => findKustomizationRoots(dir, (path) => `main:${path.slice(dir.length + 1)}`)).toThrow(
      new ManifestError('main:app/kustomization.yaml:2: malformed YAML: Implicit keys need to be on a single line'),
    );
  });
});

describe('readKustomization', () => {
  it('records the line of each resource, remote resource and generator', () => {
    const dir = makeTempDir();
    writeTree(dir, {
      'kustomization.yaml': `${kustomization('cm.yaml', 'https://example.com/org/repo/crds.yaml', 'base')}configMapGenerator:\n  - name: settings\n    files:\n      - key=conf/app.ini\n`,
      'cm.yaml': configMap('a', 'x'),
      'base/kustomization.yaml': kustomization(),
      'conf/app.ini': 'a=b\n',
    });
    const read = readKustomization(dir, show);
    expect(read?.files.get(join(dir, 'cm.yaml'))?.line).toBe(4);
    expect(read?.remotes.get('https://example.com/org/repo/crds.yaml')?.line).toBe(5);
    expect(read?.includes).toEqual([join(dir, 'base')]);
    expect(read?.generators.get('ConfigMapGenerator/settings')?.line).toBe(8);
    expect(read?.referencedPaths).toContain(join(dir, 'conf/app.ini'));
  });
});

describe('readGraphInputs', () => {
  function hashOf(dir: string): string {
    return readGraphInputs(readKustomizationGraph(join(dir, 'overlay'), show), dir, createInputFiles()).hash;
  }
  const tree = {
    'overlay/kustomization.yaml': `${kustomization('../base')}patches:\n  - path: ../patches/replicas.yaml\n`,
    'base/kustomization.yaml': kustomization('cm.yaml'),
    'base/cm.yaml': configMap('a', 'x'),
    'patches/replicas.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: x\ndata:\n  key: patched\n',
    'unrelated/notes.yaml': 'irrelevant: true\n',
  };

  it('is the same for identical inputs in two checkouts', () => {
    const [a, b] = [makeTempDir(), makeTempDir()];
    writeTree(a, tree);
    writeTree(b, tree);
    expect(hashOf(a)).toBe(hashOf(b));
  });

  it.each([
    ['a file in an included base', 'base/cm.yaml'],
    ['a patch outside every kustomization directory', 'patches/replicas.yaml'],
  ])('changes when %s changes', (_name, file) => {
    const [a, b] = [makeTempDir(), makeTempDir()];
    writeTree(a, tree);
    writeTree(b, { ...tree, [file]: `${tree[file as keyof typeof tree]}# edited\n` });
    expect(hashOf(a)).not.toBe(hashOf(b));
  });

  it('ignores files the build cannot read', () => {
    const [a, b] = [makeTempDir(), makeTempDir()];
    writeTree(a, tree);
    writeTree(b, { ...tree, 'unrelated/notes.yaml': 'changed: true\n' });
    expect(hashOf(a)).toBe(hashOf(b));
  });
});
