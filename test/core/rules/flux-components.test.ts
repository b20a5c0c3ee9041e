/** Flux objects whose controller the cluster's FluxInstance does not run. */
import { describe, expect, it } from 'vitest';
import { describeMissingComponents, findNeededComponent, type InstanceComponents } from '../../../src/core/rules/flux-components.ts';
import type { Finding, ObjectRef } from '../../../src/core/rules/findings.ts';
import { crdYaml, toUnits, yamlDocs, type UnitRenders } from '../../helpers/objects.ts';

const CORE = ['source-controller', 'kustomize-controller', 'helm-controller', 'notification-controller'];
const ALL = [...CORE, 'image-reflector-controller', 'image-automation-controller', 'source-watcher'];
const FLUX_INSTANCE: ObjectRef = { group: 'fluxcd.controlplane.io', kind: 'FluxInstance', namespace: 'flux-system', name: 'flux', apiVersion: 'fluxcd.controlplane.io/v1' };

const release = (name: string, namespace = 'apps'): string =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  chart: {spec: {chart: ${name}, sourceRef: {kind: HelmRepository, name: charts}}}\n`;
const helmRepository = `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: charts, namespace: apps}\nspec: {url: "https://charts.example.com"}\n`;
const generator = `apiVersion: source.extensions.fluxcd.io/v1beta1\nkind: ArtifactGenerator\nmetadata: {name: bundle, namespace: apps}\nspec:\n  sources: [{alias: repo, kind: GitRepository, name: fleet}]\n  artifacts: [{name: bundle, copy: [{from: "@repo/deploy/**", to: "@artifact/"}]}]\n`;
const automation = (interval = '30m'): string =>
  `apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageUpdateAutomation\nmetadata: {name: apps, namespace: flux-system}\nspec:\n  interval: ${interval}\n  sourceRef: {kind: GitRepository, name: flux-system}\n  update: {path: ./apps, strategy: Setters}\n`;
const kustomization = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec: {interval: 10m, path: ./apps, prune: true, sourceRef: {kind: GitRepository, name: flux-system}}\n`;
const alert = `apiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata: {name: slack, namespace: flux-system}\nspec: {providerRef: {name: slack}, eventSources: [{kind: Kustomization, name: '*'}]}\n`;

function judge(units: Readonly<Record<string, UnitRenders>>, before: InstanceComponents | undefined, after: InstanceComponents | undefined): Finding[] {
  return describeMissingComponents({
    units: toUnits(units),
    instance: { ...(before ? { before } : {}), ...(after ? { after } : {}), unit: 'flux-system', object: FLUX_INSTANCE, provenance: { file: 'clusters/prod/flux-instance.yaml' } },
  });
}
const summarize = (findings: readonly Finding[]): string[] =>
  findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.unit} ${finding.object.kind}/${finding.object.name}`);

describe('findNeededComponent', () => {
  it.each([
    ['helm.toolkit.fluxcd.io', 'HelmRelease', 'helm-controller'],
    ['source.toolkit.fluxcd.io', 'GitRepository', 'source-controller'],
    ['source.toolkit.fluxcd.io', 'OCIRepository', 'source-controller'],
    ['source.toolkit.fluxcd.io', 'Bucket', 'source-controller'],
    ['source.toolkit.fluxcd.io', 'HelmRepository', 'source-controller'],
    ['source.toolkit.fluxcd.io', 'HelmChart', 'source-controller'],
    ['kustomize.toolkit.fluxcd.io', 'Kustomization', 'kustomize-controller'],
    ['image.toolkit.fluxcd.io', 'ImageRepository', 'image-reflector-controller'],
    ['image.toolkit.fluxcd.io', 'ImagePolicy', 'image-reflector-controller'],
    ['image.toolkit.fluxcd.io', 'ImageUpdateAutomation', 'image-automation-controller'],
    ['source.extensions.fluxcd.io', 'ArtifactGenerator', 'source-watcher'],
    ['notification.toolkit.fluxcd.io', 'Alert', 'notification-controller'],
    ['notification.toolkit.fluxcd.io', 'Provider', 'notification-controller'],
    ['notification.toolkit.fluxcd.io', 'Receiver', 'notification-controller'],
  ])('%s %s needs %s', (group, kind, component) => {
    expect(findNeededComponent(group, kind)).toBe(component);
  });

  it('knows nothing of kustomize.config.k8s.io Kustomizations, kinds in another group, or the core group', () => {
    expect(findNeededComponent('kustomize.config.k8s.io', 'Kustomization')).toBeUndefined();
    expect(findNeededComponent('source.toolkit.fluxcd.io', 'ArtifactGenerator')).toBeUndefined();
    expect(findNeededComponent('', 'ConfigMap')).toBeUndefined();
  });
});

describe('flux-component-missing', () => {
  const sourceAndKustomize: InstanceComponents = { components: ['source-controller', 'kustomize-controller'], version: '2.x' };

  it('a HelmRelease added where the FluxInstance does not run helm-controller names the controller, the instance and the fix', () => {
    const findings = judge({ apps: { before: helmRepository, after: yamlDocs(helmRepository, release('podinfo')) } }, sourceAndKustomize, sourceAndKustomize);
    expect(summarize(findings)).toEqual(['warning flux-component-missing apps HelmRelease/podinfo']);
    expect(findings[0]?.message).toBe(
      'This change adds HelmRelease/apps/podinfo, which needs helm-controller, but FluxInstance flux-system/flux runs only source-controller and kustomize-controller: ' +
        'nothing reconciles it, so no Helm release is installed, upgraded or uninstalled, and the operator installs the CustomResourceDefinition helmreleases.helm.toolkit.fluxcd.io only with helm-controller, ' +
        'so applying it fails unless something else installs it; add helm-controller to spec.components of FluxInstance flux-system/flux',
    );
  });

  it('leaves the CRD out of the message when the cluster renders it', () => {
    const crd = crdYaml('helmreleases', 'helm.toolkit.fluxcd.io', 'HelmRelease');
    const [finding] = judge({ crds: { before: crd, after: crd }, apps: { before: '', after: release('podinfo') } }, sourceAndKustomize, sourceAndKustomize);
    expect(finding?.message).toMatch(/nothing reconciles it, so no Helm release is installed, upgraded or uninstalled; add helm-controller/);
  });

  it('an ArtifactGenerator under distribution 2.6.x misses source-watcher, and the fix raises the version too', () => {
    const old: InstanceComponents = { components: CORE, version: '2.6.x' };
    const [finding, ...rest] = judge({ apps: { before: '', after: generator } }, old, old);
    expect(rest).toEqual([]);
    expect(finding?.object.kind).toBe('ArtifactGenerator');
    expect(finding?.message).toMatch(/^This change adds ArtifactGenerator\/apps\/bundle, which needs source-watcher, but FluxInstance flux-system\/flux runs only source-controller, kustomize-controller, helm-controller and notification-controller \(and its spec\.distribution\.version 2\.6\.x admits only Flux versions before 2\.7\.0, which lack source-watcher\): nothing reconciles it, so no ExternalArtifact is produced/);
    expect(finding?.message).toMatch(/; add source-watcher to spec\.components of FluxInstance flux-system\/flux and raise its spec\.distribution\.version to 2\.7 or later$/);
  });

  it('source-watcher listed for a version range without it: the operator refuses the build', () => {
    const listed: InstanceComponents = { components: [...CORE, 'source-watcher'], version: '2.6.x' };
    const [finding] = judge({ apps: { before: '', after: generator } }, listed, listed);
    expect(finding?.message).toMatch(/but FluxInstance flux-system\/flux lists source-watcher while its spec\.distribution\.version 2\.6\.x admits only Flux versions before 2\.7\.0, which lack it, so the operator refuses to build the FluxInstance: /);
    expect(finding?.message).toMatch(/; raise spec\.distribution\.version of FluxInstance flux-system\/flux to 2\.7 or later$/);
  });

  it.each([
    ['2.6.x', true],
    ['2.6', true],
    ['~2.6', true],
    ['<2.7', true],
    ['2.6.3', true],
    ['2.x', false],
    ['>=2.7', false],
    ['2.7.x', false],
    ['>=2.5 <3', false],
    ['~2.6 || 2.8.x', false],
    ['*', false],
    ['not a range', false],
  ])('distribution %j rules source-watcher out: %s', (version, ruledOut) => {
    const side: InstanceComponents = { components: [...CORE, 'source-watcher'], version };
    expect(judge({ apps: { before: '', after: generator } }, side, side).length).toBe(ruledOut ? 1 : 0);
  });

  it('a change that drops image-automation-controller while an ImageUpdateAutomation stays: on the FluxInstance, with the CRD it deletes', () => {
    const findings = judge({ images: { before: automation(), after: automation() } }, { components: ALL, version: '2.x' }, { components: CORE, version: '2.x' });
    expect(summarize(findings)).toEqual(['warning flux-component-missing flux-system FluxInstance/flux']);
    expect(findings[0]?.provenance).toEqual({ file: 'clusters/prod/flux-instance.yaml' });
    expect(findings[0]?.message).toBe(
      'This change makes FluxInstance flux-system/flux stop running image-automation-controller (spec.components no longer includes it), while ImageUpdateAutomation/flux-system/apps (in images) still needs it: ' +
        'the operator garbage-collects image-automation-controller with its CustomResourceDefinition imageupdateautomations.image.toolkit.fluxcd.io, so the API server deletes it ' +
        '(or leaves it terminating on finalizers no controller removes any more), applying it fails from then on, and nothing reconciles it; ' +
        'keep image-automation-controller in spec.components, or remove it first',
    );
  });

  it('says nothing for a dropped component no rendered object needs, or objects the change removes with it', () => {
    expect(judge({ images: { before: automation(), after: '' } }, { components: ALL, version: '2.x' }, { components: CORE, version: '2.x' })).toEqual([]);
  });

  it('a version pinned below source-watcher while it is listed and an ArtifactGenerator stays', () => {
    const [finding] = judge({ apps: { before: generator, after: generator } }, { components: ALL, version: '2.x' }, { components: ALL, version: '2.6.x' });
    expect(finding?.object.kind).toBe('FluxInstance');
    expect(finding?.message).toMatch(/^This change sets spec\.distribution\.version of FluxInstance flux-system\/flux to 2\.6\.x, which admits only Flux versions before 2\.7\.0, which lack source-watcher, while spec\.components lists it and ArtifactGenerator\/apps\/bundle \(in apps\) still needs it: the operator refuses to build the FluxInstance/);
  });

  it('a change that lists source-watcher for an old version, with nothing that needs it', () => {
    const findings = judge({ apps: { before: '', after: '' } }, { components: CORE, version: '2.6.x' }, { components: [...CORE, 'source-watcher'], version: '2.6.x' });
    expect(summarize(findings)).toEqual(['warning flux-component-missing flux-system FluxInstance/flux']);
    expect(findings[0]?.message).toMatch(/^FluxInstance flux-system\/flux lists source-watcher, but its spec\.distribution\.version 2\.6\.x admits only Flux versions before 2\.7\.0, which lack it: the operator refuses to build the FluxInstance, so it stops reconciling/);
  });

  it('says nothing when the FluxInstance runs every controller the objects need', () => {
    const everything = yamlDocs(helmRepository, release('podinfo'), kustomization, alert, automation(), generator);
    expect(judge({ apps: { before: '', after: everything } }, { components: ALL, version: '2.7.x' }, { components: ALL, version: '2.7.x' })).toEqual([]);
    expect(judge({ apps: { before: '', after: yamlDocs(helmRepository, release('podinfo'), kustomization, alert) } }, { components: CORE }, { components: CORE })).toEqual([]);
  });

  it('says nothing of objects the change does not touch, or with no FluxInstance after the change', () => {
    expect(judge({ apps: { before: release('podinfo'), after: release('podinfo') } }, sourceAndKustomize, sourceAndKustomize)).toEqual([]);
    expect(judge({ apps: { before: '', after: release('podinfo') } }, sourceAndKustomize, undefined)).toEqual([]);
  });

  it('a changed object counts; with a FluxInstance the change adds, every rendered object does', () => {
    const changed = judge({ images: { before: automation('30m'), after: automation('1h') } }, { components: CORE }, { components: CORE });
    expect(changed[0]?.message).toMatch(/^This change changes ImageUpdateAutomation\/flux-system\/apps, which needs image-automation-controller/);
    const added = judge({ apps: { before: release('podinfo'), after: release('podinfo') } }, undefined, sourceAndKustomize);
    expect(added[0]?.message).toMatch(/^HelmRelease\/apps\/podinfo needs helm-controller, but FluxInstance flux-system\/flux, which this change adds, runs only /);
  });

  it('groups objects into one finding per unit and component, naming five and how many more', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const findings = judge(
      { apps: { before: '', after: yamlDocs(...names.map((name) => release(name))) }, infra: { before: '', after: yamlDocs(release('ingress', 'infra'), automation()) } },
      sourceAndKustomize,
      sourceAndKustomize,
    );
    expect(summarize(findings)).toEqual([
      'warning flux-component-missing apps HelmRelease/a',
      'warning flux-component-missing infra HelmRelease/ingress',
      'warning flux-component-missing infra ImageUpdateAutomation/apps',
    ]);
    expect(findings[0]?.message).toMatch(/^This change adds HelmRelease\/apps\/a, HelmRelease\/apps\/b, HelmRelease\/apps\/c, HelmRelease\/apps\/d, HelmRelease\/apps\/e and 2 more, which need helm-controller, .*nothing reconciles them, /);
  });
});
