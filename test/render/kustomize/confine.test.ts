/**
 * The confinement: which paths a build may read, symlinks resolved, and which fields of a
 * kustomization name paths at all.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { admitBuildDirectory, createConfinement, isInside, listPathEntries, listPluginPathEntries } from '../../../src/render/kustomize/confine.ts';
import { isRemoteReference, readKustomization } from '../../../src/render/kustomize/read-kustomization.ts';
import { makeTempDir } from '../../e2e/helpers.ts';

function mapOf(yaml: string): YAMLMap {
  const contents = parseDocument(yaml).contents;
  if (!isMap(contents)) throw new Error('not a mapping');
  return contents;
}

describe('isInside', () => {
  it('follows symlinks, judges missing paths by their deepest existing ancestor, and admits build directories', () => {
    const root = makeTempDir();
    const outside = makeTempDir();
    mkdirSync(join(root, 'apps'));
    writeFileSync(join(root, 'apps/cm.yaml'), 'x');
    symlinkSync(outside, join(root, 'apps/out'));
    symlinkSync(join(root, 'apps/cm.yaml'), join(root, 'apps/in.yaml'));
    const confinement = createConfinement(root);
    expect(isInside(confinement, join(root, 'apps/cm.yaml'))).toBe(true);
    expect(isInside(confinement, join(root, 'apps/in.yaml'))).toBe(true);
    expect(isInside(confinement, join(root, 'apps/missing/deeper.yaml'))).toBe(true);
    expect(isInside(confinement, join(root, 'apps/out'))).toBe(false);
    expect(isInside(confinement, join(root, 'apps/out/not-there.yaml'))).toBe(false);
    expect(isInside(confinement, join(root, '../elsewhere'))).toBe(false);
    expect(isInside(confinement, '/etc/passwd')).toBe(false);
    expect(isInside(confinement, `${root}-sibling/file`)).toBe(false);
    expect(isInside(confinement, join(root, '.git/config'))).toBe(false);
    expect(isInside(confinement, join(root, 'apps/sub/.git'))).toBe(false);
    expect(isInside(confinement, join(root, 'apps/.gitignore'))).toBe(true);
    expect(isInside(admitBuildDirectory(confinement, outside), join(root, 'apps/out/x'))).toBe(true);
    expect(isInside({ ...confinement, outsideLinks: new Set([join(confinement.root, 'apps/gone')]) }, join(root, 'apps/gone/x.yaml'))).toBe(false);
  });
});

describe('listPathEntries', () => {
  it('lists every field kustomize reads files from, without keys or remote URLs; an inline patch too, which kustomize may read as a path', () => {
    const entries = listPathEntries(
      mapOf(`
resources: [a.yaml, https://example.com/x.yaml, ../base]
components: [../c]
crds: [crd.yaml]
configurations: [conf.yaml]
transformers: [t.yaml]
patchesStrategicMerge:
  - p.yaml
  - |
    apiVersion: v1
    kind: ConfigMap
patches:
  - path: patch.yaml
  - patch: "inline"
patchesJson6902:
  - path: json.yaml
replacements:
  - path: repl.yaml
openapi:
  path: schema.json
configMapGenerator:
  - name: c
    files: [key=/etc/passwd, plain.txt]
    envs: [/proc/self/environ]
secretGenerator:
  - name: s
    env: s.env
helmCharts:
  - name: x
    valuesFile: values.yaml
    additionalValuesFiles: [more.yaml]
helmGlobals:
  chartHome: ../charts
namespace: /etc
commonAnnotations:
  rewrite: /
`),
      isRemoteReference,
    );
    expect(entries.map((entry) => `${entry.field}=${entry.value}`)).toEqual([
      'resources=a.yaml',
      'resources=../base',
      'components=../c',
      'crds=crd.yaml',
      'configurations=conf.yaml',
      'transformers=t.yaml',
      'patchesStrategicMerge=p.yaml',
      'patchesStrategicMerge=apiVersion: v1\nkind: ConfigMap\n',
      'patches[0].path=patch.yaml',
      'patchesJson6902[0].path=json.yaml',
      'replacements[0].path=repl.yaml',
      'configMapGenerator[0].files=/etc/passwd',
      'configMapGenerator[0].files=plain.txt',
      'configMapGenerator[0].envs=/proc/self/environ',
      'secretGenerator[0].env=s.env',
      'helmCharts[0].valuesFile=values.yaml',
      'helmCharts[0].additionalValuesFiles=more.yaml',
      'openapi.path=schema.json',
      'helmGlobals.chartHome=../charts',
    ]);
  });

  it('lists the paths of a builtin plugin configuration', () => {
    const entries = listPluginPathEntries(mapOf('kind: ConfigMapGenerator\nfiles: [a=/etc/shadow]\nenvs: [x.env]\nreplacements:\n  - path: r.yaml\n'), isRemoteReference);
    expect(entries.map((entry) => `${entry.field}=${entry.value}`)).toEqual(['files=/etc/shadow', 'envs=x.env', 'replacements[0].path=r.yaml']);
  });
});

describe('readKustomization under a confinement', () => {
  it('keeps outside paths out of includes, files and the paths it hashes, and names them', () => {
    const root = makeTempDir();
    const outside = makeTempDir();
    writeFileSync(join(outside, 'secret.yaml'), 'x');
    mkdirSync(join(root, 'app'));
    writeFileSync(join(root, 'app/cm.yaml'), 'x');
    symlinkSync(outside, join(root, 'app/vendor'));
    writeFileSync(join(root, 'app/kustomization.yaml'), `resources:\n  - cm.yaml\n  - vendor\n  - ${join(outside, 'secret.yaml')}\ncommonAnnotations:\n  a: ${outside}\n`);
    const kustomization = readKustomization(join(root, 'app'), (path) => path, createConfinement(root));
    expect(kustomization?.includes).toEqual([]);
    expect([...(kustomization?.files.keys() ?? [])]).toEqual([join(root, 'app/cm.yaml')]);
    expect(kustomization?.referencedPaths).toEqual([join(root, 'app/cm.yaml')]);
    expect(kustomization?.outside.map((ref) => `${ref.line} ${ref.field} ${ref.value}`)).toEqual(['3 resources vendor', `4 resources ${join(outside, 'secret.yaml')}`]);
  });
});
