import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  chooseCoveringSet,
  chooseVendorFileName,
  formatVendoredManifests,
  listConventionalSiblings,
  applyNameAffix,
  isSameDirectoryAnyRef,
  learnNameAffixes,
  matchesIgnoringRef,
  parseGitHubFileUrl,
  rankCandidateFiles,
  replaceFileName,
} from '../../../src/core/fix/fix-plan.ts';

const CALICO = 'https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests';
const IPPOOLS = 'apiextensions.k8s.io/CustomResourceDefinition//ippools.crd.projectcalico.org';
const FELIX = 'apiextensions.k8s.io/CustomResourceDefinition//felixconfigurations.crd.projectcalico.org';
const INSTALLATIONS = 'apiextensions.k8s.io/CustomResourceDefinition//installations.operator.tigera.io';

describe('parseGitHubFileUrl', () => {
  it.each([
    ['a raw URL at a tag', `${CALICO}/tigera-operator.yaml`, { owner: 'projectcalico', repo: 'calico', ref: 'v3.30.0', path: 'manifests/tigera-operator.yaml' }],
    [
      'a raw URL at refs/heads/<branch>',
      'https://raw.githubusercontent.com/o/r/refs/heads/main/deploy/crds.yaml',
      { owner: 'o', repo: 'r', ref: 'refs/heads/main', path: 'deploy/crds.yaml' },
    ],
    ['a raw URL at refs/tags/<tag>', 'https://raw.githubusercontent.com/o/r/refs/tags/v1.0.0/a.yaml', { owner: 'o', repo: 'r', ref: 'refs/tags/v1.0.0', path: 'a.yaml' }],
    ['a github.com /raw/ URL', 'https://github.com/o/r/raw/v2.1.0/config/crd/bundle.yaml', { owner: 'o', repo: 'r', ref: 'v2.1.0', path: 'config/crd/bundle.yaml' }],
    ['a github.com /raw/refs/heads/ URL', 'https://github.com/o/r/raw/refs/heads/release-1.2/x.yml', { owner: 'o', repo: 'r', ref: 'refs/heads/release-1.2', path: 'x.yml' }],
    ['a URL with query and fragment', `${CALICO}/tigera-operator.yaml?token=abc#L10`, { owner: 'projectcalico', repo: 'calico', ref: 'v3.30.0', path: 'manifests/tigera-operator.yaml' }],
  ])('reads %s', (_name, url, expected) => {
    expect(parseGitHubFileUrl(url)).toEqual(expected);
  });

  it.each([
    ['another host', 'https://example.com/projectcalico/calico/v3.30.0/manifests/tigera-operator.yaml'],
    ['a git base', 'https://github.com/o/r//config/default?ref=v1.0.0'],
    ['a github.com page that is not /raw/', 'https://github.com/o/r/blob/main/a.yaml'],
    ['a release download', 'https://github.com/o/r/releases/download/v1.0.0/install.yaml'],
    ['a raw URL without a path after the ref', 'https://raw.githubusercontent.com/o/r/main'],
    ['a refs/heads URL without a path', 'https://raw.githubusercontent.com/o/r/refs/heads/main'],
    ['a relative path', 'manifests/tigera-operator.yaml'],
    ['an ssh git URL', 'ssh://git@github.com/o/r.git'],
  ])('returns undefined for %s', (_name, url) => {
    expect(parseGitHubFileUrl(url)).toBeUndefined();
  });
});

describe('replaceFileName', () => {
  it.each([
    ['a sibling in the same directory', `${CALICO}/tigera-operator.yaml`, 'operator-crds.yaml', `${CALICO}/operator-crds.yaml`],
    ['a kustomization in a subdirectory', `${CALICO}/tigera-operator.yaml`, 'crds/kustomization.yaml', `${CALICO}/crds/kustomization.yaml`],
    ['keeping the query and fragment', 'https://example.com/v1/app.yaml?raw=true#top', 'crds.yaml', 'https://example.com/v1/crds.yaml?raw=true#top'],
    ['a slash inside the query', 'https://example.com/v1/app.yaml?path=a/b', 'crds.yaml', 'https://example.com/v1/crds.yaml?path=a/b'],
    ['the github.com /raw/ form', 'https://github.com/o/r/raw/refs/heads/main/app.yaml', 'crds.yaml', 'https://github.com/o/r/raw/refs/heads/main/crds.yaml'],
  ])('writes %s', (_name, url, name, expected) => {
    expect(replaceFileName(url, name)).toBe(expected);
  });
});

describe('listConventionalSiblings', () => {
  it.each([
    ['tigera-operator.yaml', ['operator-crds.yaml', 'crds.yaml', 'tigera-operator-crds.yaml', 'tigera-operator.crds.yaml', 'crds/kustomization.yaml']],
    ['install.yml', ['operator-crds.yaml', 'crds.yaml', 'install-crds.yml', 'install.crds.yml', 'crds/kustomization.yaml']],
    ['crds.yaml', ['operator-crds.yaml', 'crds-crds.yaml', 'crds.crds.yaml', 'crds/kustomization.yaml']],
    ['operator-crds.yaml', ['crds.yaml', 'operator-crds-crds.yaml', 'operator-crds.crds.yaml', 'crds/kustomization.yaml']],
    ['manifests/operator.yaml', ['operator-crds.yaml', 'crds.yaml', 'operator.crds.yaml', 'crds/kustomization.yaml']],
  ])('next to %s probes %j', (fileName, expected) => {
    expect(listConventionalSiblings(fileName)).toEqual(expected);
  });
});

describe('rankCandidateFiles', () => {
  const listing = ['tigera-operator.yaml', 'custom-resources.yaml', 'README.md', 'operator-crds.yaml', 'kustomization.yaml', 'calico.json', 'CRDs.yml', 'values.txt', 'Kustomization'];

  it.each([
    ['CRD files first, then the rest, each by name', { crds: 10, others: 10 }, ['CRDs.yml', 'operator-crds.yaml', 'calico.json', 'custom-resources.yaml']],
    ['no more other files than their cap, whatever the CRD files', { crds: 10, others: 1 }, ['CRDs.yml', 'operator-crds.yaml', 'calico.json']],
    ['no more CRD files than their cap', { crds: 1, others: 10 }, ['CRDs.yml', 'calico.json', 'custom-resources.yaml']],
    ['nothing with caps of zero', { crds: 0, others: 0 }, []],
  ])('returns %s', (_name, caps, expected) => {
    expect(rankCandidateFiles(listing, 'tigera-operator.yaml', caps)).toEqual(expected);
  });
});

describe('learnNameAffixes', () => {
  const role = (name: string): string => `rbac.authorization.k8s.io/ClusterRole//${name}`;
  const crdKey = (name: string): string => `apiextensions.k8s.io/CustomResourceDefinition//${name}`;

  it('finds the namePrefix and nameSuffix every object of a kind got, and none for kinds kustomize leaves alone', () => {
    const affixes = learnNameAffixes([role('prod-reader-v1'), role('prod-writer-v1'), crdKey('widgets.example.io')], [role('reader'), role('writer'), crdKey('widgets.example.io')]);
    expect(Object.fromEntries(affixes)).toEqual({
      'rbac.authorization.k8s.io/ClusterRole': { prefix: 'prod-', suffix: '-v1' },
      'apiextensions.k8s.io/CustomResourceDefinition': { prefix: '', suffix: '' },
    });
    expect(applyNameAffix(role('reader'), affixes)).toBe(role('prod-reader-v1'));
    expect(applyNameAffix('/Namespace//apps', affixes)).toBe('/Namespace//apps');
  });

  it.each([
    ['the plain names when they fit', [role('reader')], [role('reader'), role('x-reader')], { prefix: '', suffix: '' }],
    ['nothing when the objects of a kind fit no single pair', [role('a-reader'), role('b-writer')], [role('reader'), role('writer')], undefined],
    ['nothing when the source has no such object', [role('a-reader')], [role('writer')], undefined],
  ])('learns %s', (_name, rendered, source, expected) => {
    expect(learnNameAffixes(rendered, source).get('rbac.authorization.k8s.io/ClusterRole')).toEqual(expected);
  });
});

describe('isSameDirectoryAnyRef', () => {
  it.each([
    ['a renamed file at the next tag of the same GitHub directory', `${CALICO}/tigera-operator.yaml`, 'https://raw.githubusercontent.com/projectcalico/calico/v3.29.3/manifests/operator.yaml', true],
    ['the github.com /raw/ form of the same directory', 'https://github.com/Projectcalico/calico/raw/v3.30.0/manifests/a.yaml', `${CALICO}/b.yaml`, true],
    ['another directory of the repository', `${CALICO}/crds/a.yaml`, `${CALICO}/a.yaml`, false],
    ['another repository', 'https://raw.githubusercontent.com/projectcalico/other/v3.30.0/manifests/a.yaml', `${CALICO}/a.yaml`, false],
    ['a renamed file at the next version on another host', 'https://example.com/y/v2/tigera-operator.yaml', 'https://example.com/y/v1/operator.yaml', true],
    ['two directory segments apart', 'https://example.com/z/v2/operator.yaml', 'https://example.com/y/v1/operator.yaml', false],
    ['another project on the same host, not a version apart', 'https://example.com/charts/bar/v1/b.yaml', 'https://example.com/charts/foo/v1/a.yaml', false],
    ['another host', 'https://example.org/y/v2/operator.yaml', 'https://example.com/y/v1/operator.yaml', false],
    ['GitHub against another host', `${CALICO}/a.yaml`, 'https://example.com/projectcalico/calico/v3.30.0/manifests/a.yaml', false],
  ])('%s: %s', (_name, next, previous, expected) => {
    expect(isSameDirectoryAnyRef(next, previous)).toBe(expected);
  });
});

describe('chooseCoveringSet', () => {
  const file = (name: string, ...keys: string[]) => ({ name, keys: new Set(keys) });
  const crds = file('operator-crds.yaml', IPPOOLS, FELIX, INSTALLATIONS);
  const calicoOnly = file('calico-crds.yaml', IPPOOLS, FELIX);
  const tigeraOnly = file('tigera-crds.yaml', INSTALLATIONS);
  const unrelated = file('custom-resources.yaml', 'operator.tigera.io/Installation//default');

  it.each([
    ['one file that holds everything beats two that do', [calicoOnly, tigeraOnly, crds], ['operator-crds.yaml']],
    ['two files when no single one does', [unrelated, calicoOnly, tigeraOnly], ['calico-crds.yaml', 'tigera-crds.yaml']],
    ['the better-ranked file among equally good ones', [file('a.yaml', IPPOOLS, FELIX, INSTALLATIONS), crds], ['a.yaml']],
    ['the chosen files in rank order', [tigeraOnly, unrelated, calicoOnly], ['tigera-crds.yaml', 'calico-crds.yaml']],
  ])('picks %s', (_name, candidates, expected) => {
    expect(chooseCoveringSet([IPPOOLS, FELIX, INSTALLATIONS], candidates)?.map((candidate) => candidate.name)).toEqual(expected);
  });

  it('builds larger sets greedily, largest coverage first, and leaves out files that add nothing', () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    const candidates = [file('noise.yaml', 'other'), file('a.yaml', 'k1'), file('b.yaml', 'k2', 'k3'), file('c.yaml', 'k4'), file('d.yaml', 'k5', 'k6'), file('e.yaml', 'k1')];
    expect(chooseCoveringSet(keys, candidates)?.map((candidate) => candidate.name)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
  });

  it.each([
    ['together they still miss a key', [IPPOOLS, FELIX, INSTALLATIONS], [calicoOnly, unrelated]],
    ['no candidate holds any required key', [IPPOOLS], [tigeraOnly, unrelated]],
    ['there are no candidates', [IPPOOLS], []],
  ])('returns undefined when %s', (_name, required, candidates) => {
    expect(chooseCoveringSet(required, candidates)).toBeUndefined();
  });

  it('needs nothing when nothing is required', () => {
    expect(chooseCoveringSet([], [crds])).toEqual([]);
  });
});

describe('matchesIgnoringRef', () => {
  it.each([
    ['the same GitHub file at another tag', `${CALICO}/tigera-operator.yaml`, 'https://raw.githubusercontent.com/projectcalico/calico/v3.29.3/manifests/tigera-operator.yaml', true],
    ['the same GitHub file in the other URL form', `${CALICO}/tigera-operator.yaml`, 'https://github.com/ProjectCalico/Calico/raw/refs/heads/master/manifests/tigera-operator.yaml', true],
    ['another file of the same GitHub repo', `${CALICO}/tigera-operator.yaml`, `${CALICO}/operator-crds.yaml`, false],
    ['the same path in another GitHub repo', `${CALICO}/tigera-operator.yaml`, 'https://raw.githubusercontent.com/projectcalico/other/v3.30.0/manifests/tigera-operator.yaml', false],
    ['another host with a version in the path', 'https://example.com/releases/v1.2.0/operator.yaml', 'https://example.com/releases/v1.3.0/operator.yaml', true],
    ['the identical URL', 'https://example.com/releases/v1.2.0/operator.yaml', 'https://example.com/releases/v1.2.0/operator.yaml', true],
    ['two changed segments', 'https://example.com/stable/v1.2.0/operator.yaml', 'https://example.com/beta/v1.3.0/operator.yaml', false],
    ['another file name', 'https://example.com/releases/v1.2.0/operator.yaml', 'https://example.com/releases/v1.2.0/crds.yaml', false],
    ['another host', 'https://example.com/releases/v1.2.0/operator.yaml', 'https://example.org/releases/v1.2.0/operator.yaml', false],
    ['another scheme', 'https://example.com/releases/v1.2.0/operator.yaml', 'http://example.com/releases/v1.2.0/operator.yaml', false],
    ['a deeper path', 'https://example.com/releases/v1.2.0/operator.yaml', 'https://example.com/releases/v1.2.0/extra/operator.yaml', false],
    ['a local path', 'operator.yaml', 'operator.yaml', false],
  ])('%s -> %s', (_name, a, b, expected) => {
    expect(matchesIgnoringRef(a, b)).toBe(expected);
    expect(matchesIgnoringRef(b, a)).toBe(expected);
  });
});

describe('chooseVendorFileName', () => {
  it.each([
    ['CRDs from a remote URL', { source: `${CALICO}/tigera-operator.yaml?x=1`, allCrds: true, taken: new Set<string>() }, 'tigera-operator-crds.yaml'],
    ['other objects from a local file', { source: 'base/operator.yml', allCrds: false, taken: new Set<string>() }, 'operator-cluster-resources.yaml'],
    ['CRDs of unknown origin', { allCrds: true, taken: new Set<string>() }, 'crds.yaml'],
    ['other objects of unknown origin', { allCrds: false, taken: new Set<string>() }, 'cluster-resources.yaml'],
    ['a name already taken', { source: 'tigera-operator.yaml', allCrds: true, taken: new Set(['tigera-operator-crds.yaml']) }, 'tigera-operator-crds-2.yaml'],
    ['two names already taken', { allCrds: true, taken: new Set(['crds.yaml', 'crds-2.yaml']) }, 'crds-3.yaml'],
    ['CRDs from a file named for them, still there', { source: 'apps/crds.yaml', allCrds: true, taken: new Set(['crds.yaml']) }, 'crds-2.yaml'],
    ['CRDs from operator-crds.yaml', { source: `${CALICO}/operator-crds.yaml`, allCrds: true, taken: new Set<string>() }, 'operator-crds.yaml'],
  ])('names a file for %s', (_name, input, expected) => {
    expect(chooseVendorFileName(input)).toBe(expected);
  });
});

describe('formatVendoredManifests', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'ippools.crd.projectcalico.org', annotations: { note: 'x'.repeat(200) } },
    spec: { group: 'crd.projectcalico.org', names: { kind: 'IPPool', plural: 'ippools' }, scope: 'Cluster' },
  };
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'flags', namespace: 'calico-system' }, data: { enabled: 'yes', mode: 'on', since: '2024-01-01', script: 'a\nb\n' } };
  const header = ['Vendored by prune-guard from tigera-operator.yaml at v3.30.0.', 'Keep until the CRDs are listed again.'];

  it.each([
    ['two objects', [crd, configMap]],
    ['one object', [configMap]],
    ['no objects', []],
  ])('reads back as the same %s', (_name, bodies) => {
    const text = formatVendoredManifests(bodies, header);
    const docs = parseAllDocuments(text);
    expect(Array.isArray(docs) ? docs.map((doc) => doc.toJS()) : []).toEqual(bodies);
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
  });

  it('puts the header on top as comments and separates the documents', () => {
    const text = formatVendoredManifests([crd, configMap], header);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Vendored by prune-guard from tigera-operator.yaml at v3.30.0.', '# Keep until the CRDs are listed again.', '---']);
    expect(lines.filter((line) => line === '---')).toHaveLength(2);
    // Long values stay on one line instead of being folded.
    expect(lines).toContain(`    note: ${'x'.repeat(200)}`);
  });

  it('quotes strings that YAML 1.1 readers such as kustomize would take for booleans or dates', () => {
    const text = formatVendoredManifests([configMap], []);
    expect(text).toContain('enabled: "yes"');
    expect(text).toContain('mode: "on"');
    expect(text).toContain('since: "2024-01-01"');
  });
});
