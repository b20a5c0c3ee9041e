import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/rules/findings.ts';
import type { FluxKustomization } from '../../../src/core/objects/flux-objects.ts';
import { applyFluxSemantics } from '../../../src/core/rules/flux-rules.ts';
import { findPruneOptOut, type FluxOwner } from '../../../src/core/rules/kustomization-rules.ts';
import { evaluateRules } from '../../../src/core/rules/removal-rules.ts';
import { crdYaml, toDocs, toUnits, yamlDocs, type Render, type UnitRenders } from '../../helpers/objects.ts';
import { ks, kustomizationYaml, only, owner, parseOne, readKs, stable, summarize, toFluxReport, type KustomizationOptions } from '../../helpers/flux.ts';

const widgetCrd = crdYaml('widgets', 'example.com', 'Widget');
const widget = (name: string, namespace = 'shop'): string => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
const configMap = (name: string, namespace = 'shop', metadata = ''): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}${metadata ? `, ${metadata}` : ''}}\ndata: {key: value}\n`;
const namespaceYaml = (name: string, metadata = ''): string => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}${metadata ? `, ${metadata}` : ''}}\n`;
const pvc = (name: string, namespace = 'shop'): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
const storageClass = (name: string): string => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: ${name}}\nprovisioner: csi.example.com\n`;
const deployment = (name: string, namespace = 'shop'): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;

const APPS = 'flux-system/apps';
const INFRA = 'flux-system/infra';
const ROOT = 'flux-system/flux-system';

/** Findings of a Flux report whose units are all stable Kustomizations (same spec both sides). */
function findingsOf(units: Readonly<Record<string, UnitRenders>>, owners: Readonly<Record<string, FluxOwner>>): Finding[] {
  return [...toFluxReport(units, owners).findings];
}

/** One Kustomization `flux-system/apps` with the given options and renders. */
function single(before: Render, after: Render, options: KustomizationOptions = {}): Finding[] {
  return findingsOf({ [APPS]: { before, after } }, { [APPS]: stable(ks('apps', options)) });
}

describe('findPruneOptOut', () => {
  it.each([
    ['a prune: disabled label', 'labels: {kustomize.toolkit.fluxcd.io/prune: disabled}', 'kustomize.toolkit.fluxcd.io/prune: disabled'],
    ['a prune: disabled annotation', 'annotations: {kustomize.toolkit.fluxcd.io/prune: disabled}', 'kustomize.toolkit.fluxcd.io/prune: disabled'],
    ['prune: Disabled in another case', 'annotations: {kustomize.toolkit.fluxcd.io/prune: Disabled}', 'kustomize.toolkit.fluxcd.io/prune: Disabled'],
    ['a reconcile: disabled annotation', 'annotations: {kustomize.toolkit.fluxcd.io/reconcile: disabled}', 'kustomize.toolkit.fluxcd.io/reconcile: disabled'],
    ['a reconcile: DISABLED label', 'labels: {kustomize.toolkit.fluxcd.io/reconcile: DISABLED}', 'kustomize.toolkit.fluxcd.io/reconcile: DISABLED'],
    ['ssa: Ignore', 'annotations: {kustomize.toolkit.fluxcd.io/ssa: Ignore}', 'kustomize.toolkit.fluxcd.io/ssa: Ignore'],
    ['ssa: ignore', 'labels: {kustomize.toolkit.fluxcd.io/ssa: ignore}', 'kustomize.toolkit.fluxcd.io/ssa: ignore'],
    ['an opt-out next to other annotations', 'annotations: {team: web, kustomize.toolkit.fluxcd.io/prune: disabled}', 'kustomize.toolkit.fluxcd.io/prune: disabled'],
  ])('finds %s', (_description, metadata, expected) => {
    expect(findPruneOptOut(parseOne(configMap('settings', 'shop', metadata)))).toBe(expected);
  });

  it.each([
    ['ssa: IfNotPresent, which Flux still prunes', 'annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}'],
    ['ssa: Merge', 'annotations: {kustomize.toolkit.fluxcd.io/ssa: Merge}'],
    ['prune: enabled', 'annotations: {kustomize.toolkit.fluxcd.io/prune: enabled}'],
    ['prune: "false"', 'annotations: {kustomize.toolkit.fluxcd.io/prune: "false"}'],
    ["Helm's resource-policy: keep", 'annotations: {helm.sh/resource-policy: keep}'],
    ['the opt-out key under another prefix', 'annotations: {kustomize.config.k8s.io/prune: disabled}'],
    ['the opt-out value under another key', 'labels: {prune: disabled}'],
    ['no labels or annotations', ''],
  ])('finds nothing for %s', (_description, metadata) => {
    expect(findPruneOptOut(parseOne(configMap('settings', 'shop', metadata)))).toBeUndefined();
  });

  it('reads an object without metadata', () => {
    expect(findPruneOptOut({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
  });
});

describe('prune-protected: an opt-out on the live object (the before render)', () => {
  it.each([
    ['kustomize.toolkit.fluxcd.io/prune: disabled', 'labels'],
    ['kustomize.toolkit.fluxcd.io/reconcile: Disabled', 'annotations'],
    ['kustomize.toolkit.fluxcd.io/ssa: Ignore', 'annotations'],
    ['kustomize.toolkit.fluxcd.io/ssa: IGNORE', 'labels'],
  ])('keeps an object carrying %s (%s) and says so', (optOut, field) => {
    const findings = single(yamlDocs(configMap('kept'), configMap('old', 'shop', `${field}: {${optOut}}`)), configMap('kept'));
    expect(summarize(findings)).toEqual(['notice prune-protected ConfigMap/shop/old']);
    expect(findings[0]?.unit).toBe(APPS);
    expect(findings[0]?.message).toBe(`ConfigMap/shop/old leaves the render of ${APPS}, but Flux keeps it in the cluster (${optOut}); it is no longer managed`);
  });

  it('still prunes an object with ssa: IfNotPresent', () => {
    const findings = single(configMap('old', 'shop', 'annotations: {kustomize.toolkit.fluxcd.io/ssa: IfNotPresent}'), '');
    expect(summarize(findings)).toEqual(['notice object-removed ConfigMap/shop/old']);
  });

  it('turns a protected CRD removal into a notice, with no cascade and no crd-missing for its custom resources', () => {
    const protectedCrd = widgetCrd.replace('  name: widgets.example.com\n', '  name: widgets.example.com\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n');
    const findings = findingsOf(
      { [INFRA]: { before: protectedCrd, after: '' }, [APPS]: { before: widget('one'), after: widget('one') } },
      { [INFRA]: stable(ks('infra')), [APPS]: stable(ks('apps')) },
    );
    expect(summarize(findings)).toEqual(['notice prune-protected CustomResourceDefinition/widgets.example.com']);
    expect(findings[0]?.cascade).toEqual([]);
  });

  it('reports the same CRD removal without the opt-out as crd-removed and crd-missing', () => {
    const findings = findingsOf(
      { [INFRA]: { before: widgetCrd, after: '' }, [APPS]: { before: widget('one'), after: widget('one') } },
      { [INFRA]: stable(ks('infra')), [APPS]: stable(ks('apps')) },
    );
    expect(summarize(findings)).toEqual(['error crd-removed CustomResourceDefinition/widgets.example.com', 'error crd-missing Widget/shop/one']);
  });

  it('turns a protected Namespace removal into a notice without its cascade', () => {
    const findings = single(yamlDocs(namespaceYaml('shop', 'labels: {kustomize.toolkit.fluxcd.io/prune: disabled}'), configMap('kept')), configMap('kept'));
    expect(summarize(findings)).toEqual(['notice prune-protected Namespace/shop']);
    expect(findings[0]?.cascade).toEqual([]);
  });

  it('protects nothing when the opt-out is only in the after render (the object stays, so nothing is reported)', () => {
    expect(single(configMap('settings'), configMap('settings', 'shop', 'annotations: {kustomize.toolkit.fluxcd.io/prune: disabled}'))).toEqual([]);
  });

  it("says that an opt-out added through the Kustomization's commonMetadata in this change protects nothing", () => {
    const findings = findingsOf(
      { [APPS]: { before: namespaceYaml('legacy'), after: '' } },
      {
        [APPS]: owner({
          before: ks('apps'),
          after: ks('apps', { spec: '  commonMetadata:\n    annotations:\n      kustomize.toolkit.fluxcd.io/prune: disabled\n' }),
        }),
      },
    );
    expect(summarize(findings)).toEqual(['error namespace-removed Namespace/legacy']);
    expect(findings[0]?.message).toContain(
      '; the kustomize.toolkit.fluxcd.io/prune: disabled added in this change protects nothing: Flux reads it from the object in the cluster, which never got it',
    );
  });
});

describe('object-orphaned: prune: false', () => {
  it('warns that an object leaving the render stays in the cluster, unmanaged', () => {
    const findings = single(yamlDocs(configMap('old'), configMap('kept')), configMap('kept'), { prune: false });
    expect(summarize(findings)).toEqual(['warning object-orphaned ConfigMap/shop/old']);
    expect(findings[0]?.message).toBe(`ConfigMap/shop/old leaves the render of ${APPS}, which has prune: false: Flux leaves it in the cluster, unmanaged for good`);
    expect(findings[0]?.cascade).toEqual([]);
  });

  it.each([
    ['a CRD', widgetCrd, 'CustomResourceDefinition/widgets.example.com'],
    ['a Namespace', namespaceYaml('legacy'), 'Namespace/legacy'],
    ['a PVC', pvc('data'), 'PersistentVolumeClaim/shop/data'],
  ])('downgrades %s to an orphan warning', (_kind, yaml, ref) => {
    expect(summarize(single(yaml, '', { prune: false }))).toEqual([`warning object-orphaned ${ref}`]);
  });

  it('follows prune after the change: a change that turns prune on prunes', () => {
    const findings = findingsOf({ [APPS]: { before: configMap('old'), after: '' } }, { [APPS]: owner({ before: ks('apps', { prune: false }), after: ks('apps') }) });
    expect(summarize(findings)).toEqual(['notice object-removed ConfigMap/shop/old']);
  });

  it('drops crd-missing when the CRD is only orphaned', () => {
    const findings = findingsOf(
      { [INFRA]: { before: widgetCrd, after: '' }, [APPS]: { before: widget('one'), after: widget('one') } },
      { [INFRA]: stable(ks('infra', { prune: false })), [APPS]: stable(ks('apps')) },
    );
    expect(summarize(findings)).toEqual(['warning object-orphaned CustomResourceDefinition/widgets.example.com']);
  });
});

describe('object-moved', () => {
  const OLD = 'flux-system/old';
  const NEW = 'flux-system/new';
  const moveOf = (object: string, oldOwner: FluxKustomization = ks('old'), newOwner: FluxKustomization = ks('new'), extra: Readonly<Record<string, UnitRenders>> = {}) =>
    findingsOf(
      { [OLD]: { before: yamlDocs(object, configMap('stays', 'other')), after: configMap('stays', 'other') }, [NEW]: { before: '', after: object }, ...extra },
      { [OLD]: stable(oldOwner), [NEW]: stable(newOwner), ...Object.fromEntries(Object.keys(extra).map((unit) => [unit, stable(ks(unit.split('/')[1] ?? unit))])) },
    );

  it.each([
    ['a CRD', widgetCrd, 'error', 'CustomResourceDefinition/widgets.example.com', ' (every custom resource of it is lost)'],
    ['a Namespace', namespaceYaml('shop'), 'error', 'Namespace/shop', ' (with everything in it)'],
    ['a PVC', pvc('data'), 'error', 'PersistentVolumeClaim/shop/data', ' (with its data, when the volume reclaim policy is Delete)'],
    ['a StorageClass', storageClass('fast'), 'warning', 'StorageClass/fast', ''],
    ['a ConfigMap', configMap('settings'), 'warning', 'ConfigMap/shop/settings', ''],
    ['a Deployment', deployment('web'), 'warning', 'Deployment/shop/web', ''],
  ])('moving %s between Kustomizations is a race: %s', (_kind, object, severity, ref, loss) => {
    const findings = moveOf(object);
    expect(summarize(findings)).toEqual([`${severity} object-moved ${ref}`]);
    expect(findings[0]?.unit).toBe(OLD);
    expect(findings[0]?.message).toBe(
      `${ref} moves from ${OLD} to ${NEW}: whichever reconciles first wins, and if ${OLD} prunes first, it is deleted and recreated empty${loss}. ` +
        'Safe: first mark it kustomize.toolkit.fluxcd.io/prune: disabled in its own change and let Flux apply that, then move it',
    );
  });

  it('names the custom resources a moved CRD loses', () => {
    const findings = moveOf(widgetCrd, ks('old'), ks('new'), { 'flux-system/apps': { before: yamlDocs(widget('one'), widget('two')), after: yamlDocs(widget('one'), widget('two')) } });
    expect(summarize(findings)).toEqual(['error object-moved CustomResourceDefinition/widgets.example.com']);
    expect(findings[0]?.message).toContain('(every custom resource of it is lost: Widget/shop/one, Widget/shop/two)');
  });

  it('is a notice when the old owner depends on the new one through the same source', () => {
    const findings = moveOf(widgetCrd, ks('old', { spec: '  dependsOn:\n    - name: new\n' }));
    expect(summarize(findings)).toEqual(['notice object-moved CustomResourceDefinition/widgets.example.com']);
    expect(findings[0]?.message).toBe(
      `CustomResourceDefinition/widgets.example.com moves from ${OLD} to ${NEW}; ${OLD} depends on ${NEW}, so ${NEW} takes it over before ${OLD} prunes`,
    );
  });

  it('resolves a dependsOn with an explicit namespace', () => {
    const findings = moveOf(configMap('settings'), ks('old', { spec: '  dependsOn:\n    - name: new\n      namespace: flux-system\n' }));
    expect(summarize(findings)).toEqual(['notice object-moved ConfigMap/shop/settings']);
  });

  it.each([
    ['the new owner depends on the old one (wrong direction)', ks('old'), ks('new', { spec: '  dependsOn:\n    - name: old\n' })],
    ['the two use different sources', ks('old', { spec: '  dependsOn:\n    - name: new\n' }), ks('new', { source: 'other-repo' })],
    ['the dependency is another Kustomization', ks('old', { spec: '  dependsOn:\n    - name: unrelated\n' }), ks('new')],
    ['the dependency names a namespace the new owner is not in', ks('old', { spec: '  dependsOn:\n    - name: new\n      namespace: apps\n' }), ks('new')],
  ])('stays an error when %s', (_description, oldOwner, newOwner) => {
    expect(summarize(moveOf(widgetCrd, oldOwner, newOwner))).toEqual(['error object-moved CustomResourceDefinition/widgets.example.com']);
  });

  it('is a notice when the old owner has prune: false: it never deletes the object', () => {
    const findings = moveOf(namespaceYaml('shop'), ks('old', { prune: false }));
    expect(summarize(findings)).toEqual(['notice object-moved Namespace/shop']);
    expect(findings[0]?.message).toBe(`Namespace/shop moves from ${OLD} to ${NEW}; ${OLD} has prune: false, so it never deletes it and ${NEW} takes it over`);
    expect(findings[0]?.cascade).toEqual([]);
  });

  it('does not care about prune on the new owner', () => {
    expect(summarize(moveOf(namespaceYaml('shop'), ks('old'), ks('new', { prune: false })))).toEqual(['error object-moved Namespace/shop']);
  });

  it('says that an opt-out present only in the moved copy protects nothing', () => {
    const findings = findingsOf(
      {
        [OLD]: { before: widgetCrd, after: '' },
        [NEW]: { before: '', after: widgetCrd.replace('  name: widgets.example.com\n', '  name: widgets.example.com\n  labels:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n') },
      },
      { [OLD]: stable(ks('old')), [NEW]: stable(ks('new')) },
    );
    expect(summarize(findings)).toEqual(['error object-moved CustomResourceDefinition/widgets.example.com']);
    expect(findings[0]?.message).toContain(
      'the kustomize.toolkit.fluxcd.io/prune: disabled added in this change protects nothing: Flux reads it from the object in the cluster, which never got it. Safe:',
    );
  });

  it('is safe when the opt-out was already on the live object before the move', () => {
    const protectedCm = configMap('settings', 'shop', 'annotations: {kustomize.toolkit.fluxcd.io/prune: disabled}');
    const findings = findingsOf({ [OLD]: { before: protectedCm, after: '' }, [NEW]: { before: '', after: protectedCm } }, { [OLD]: stable(ks('old')), [NEW]: stable(ks('new')) });
    expect(summarize(findings)).toEqual(['notice prune-protected ConfigMap/shop/settings']);
  });

  it('is no move when the same identity is added in the same Kustomization under another API group', () => {
    const findings = single(
      'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\n',
    );
    expect(summarize(findings)).toEqual(['warning api-group-changed Ingress/shop/web']);
  });
});

describe('kustomization-removed', () => {
  const inventoryWithCrd = yamlDocs(widgetCrd, configMap('settings', 'widget-system'), deployment('operator', 'widget-system'));
  const appsKs = kustomizationYaml('apps');

  interface Scenario {
    /** Options of the removed child `flux-system/infra`. */
    readonly child?: KustomizationOptions;
    /** Its inventory (before render). */
    readonly inventory?: string;
    /** prune of the parent `flux-system/flux-system` after the change. */
    readonly parentPrune?: boolean;
    /** Extra fields of the removed child's owner. */
    readonly owner?: Partial<FluxOwner>;
    /** Further units and owners. */
    readonly units?: Readonly<Record<string, UnitRenders>>;
    readonly owners?: Readonly<Record<string, FluxOwner>>;
  }

  /** The parent `flux-system/flux-system` renders `infra` and `apps`; the change deletes `infra`'s file. */
  function removeChild(scenario: Scenario = {}): Finding[] {
    const childYaml = kustomizationYaml('infra', { path: './infrastructure', ...scenario.child });
    const parent = ks('flux-system', { path: './clusters/production', prune: scenario.parentPrune ?? true });
    return findingsOf(
      {
        [ROOT]: { before: toDocs(yamlDocs(childYaml, appsKs), { file: 'clusters/production/infrastructure.yaml' }), after: appsKs },
        [INFRA]: { before: scenario.inventory ?? inventoryWithCrd },
        [APPS]: { before: configMap('web'), after: configMap('web') },
        ...scenario.units,
      },
      {
        [ROOT]: owner({ before: parent, after: parent, declaredInBefore: 'clusters/production/flux-system/gotk-sync.yaml' }),
        [INFRA]: owner({ before: readKs(childYaml), parentBefore: ROOT, ...scenario.owner }),
        [APPS]: stable(readKs(appsKs), ROOT),
        ...scenario.owners,
      },
    );
  }

  it('is one error for a Kustomization whose inventory holds a CRD, with the inventory as cascade', () => {
    const findings = removeChild();
    expect(summarize(findings)).toEqual(['error kustomization-removed Kustomization/flux-system/infra']);
    const [finding] = findings;
    expect(finding?.unit).toBe(INFRA);
    expect(finding?.object).toEqual({ group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization', namespace: 'flux-system', name: 'infra', apiVersion: 'kustomize.toolkit.fluxcd.io/v1' });
    expect(finding?.cascade).toEqual(['ConfigMap/widget-system/settings', 'CustomResourceDefinition/widgets.example.com', 'Deployment/widget-system/operator']);
    expect(finding?.message).toContain('Kustomization/flux-system/infra is pruned, and with prune: true its finalizer deletes everything it applied: 3 objects, including CustomResourceDefinition/widgets.example.com');
  });

  it('takes the provenance of the Kustomization object from its parent render', () => {
    expect(removeChild()[0]?.provenance).toEqual({ file: 'clusters/production/infrastructure.yaml' });
  });

  it('is an error for an inventory holding a Namespace', () => {
    const findings = removeChild({ inventory: yamlDocs(namespaceYaml('widget-system'), configMap('settings', 'widget-system')) });
    expect(summarize(findings)).toEqual(['error kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toContain('2 objects, including Namespace/widget-system');
  });

  it('is a warning for an inventory without CRDs or Namespaces', () => {
    const findings = removeChild({ inventory: yamlDocs(configMap('settings', 'widget-system'), storageClass('fast')) });
    expect(summarize(findings)).toEqual(['warning kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.cascade).toEqual(['ConfigMap/widget-system/settings', 'StorageClass/fast']);
    expect(findings[0]?.message).toBe('Kustomization/flux-system/infra is pruned, and with prune: true its finalizer deletes everything it applied: 2 objects.');
  });

  it('counts one object in the singular', () => {
    expect(removeChild({ inventory: configMap('settings', 'widget-system') })[0]?.message).toContain('deletes everything it applied: 1 object.');
  });

  it('replaces the per-object findings of its inventory and the parent removal of its object', () => {
    // Without the Flux model: a crd-removed, two object-removed, and the Kustomization object itself.
    const findings = removeChild({ inventory: yamlDocs(widgetCrd, namespaceYaml('widget-system'), storageClass('fast')) });
    expect(findings.map(({ rule }) => rule)).toEqual(['kustomization-removed']);
  });

  it('leaves inventory objects carrying an opt-out out of the cascade and the severity', () => {
    const protectedCrd = widgetCrd.replace('  name: widgets.example.com\n', '  name: widgets.example.com\n  labels:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n');
    const findings = removeChild({ inventory: yamlDocs(protectedCrd, configMap('settings', 'widget-system')) });
    expect(summarize(findings)).toEqual(['warning kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.cascade).toEqual(['ConfigMap/widget-system/settings']);
  });

  it.each([
    ['deletionPolicy: Delete with prune: false', { prune: false, spec: '  deletionPolicy: Delete\n' }, 'with deletionPolicy: Delete its finalizer deletes everything it applied'],
    ['deletionPolicy: WaitForTermination with prune: false', { prune: false, spec: '  deletionPolicy: WaitForTermination\n' }, 'with deletionPolicy: WaitForTermination its finalizer deletes everything it applied'],
  ])('deletes the inventory with %s', (_description, child, message) => {
    const findings = removeChild({ child });
    expect(summarize(findings)).toEqual(['error kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toContain(message);
  });

  it.each([
    ['suspended', { spec: '  suspend: true\n' }, 'Kustomization/flux-system/infra is deleted, but it is suspended: Flux deletes nothing it applied'],
    ['deletionPolicy: Orphan', { spec: '  deletionPolicy: Orphan\n' }, 'Kustomization/flux-system/infra is deleted; with deletionPolicy: Orphan, Flux leaves everything it applied in the cluster, unmanaged'],
    ['prune: false', { prune: false }, 'Kustomization/flux-system/infra is deleted; with prune: false, Flux leaves everything it applied in the cluster, unmanaged'],
    ['suspended and deletionPolicy: Delete', { spec: '  suspend: true\n  deletionPolicy: Delete\n' }, 'it is suspended: Flux deletes nothing it applied'],
  ])('is a notice when it is %s: nothing is deleted', (_description, child, message) => {
    const findings = removeChild({ child, units: { 'flux-system/shop': { before: widget('one'), after: widget('one') } }, owners: { 'flux-system/shop': stable(ks('shop'), ROOT) } });
    // The CRD stays in the cluster, so the Widget still applies: no crd-missing either.
    expect(summarize(findings)).toEqual(['notice kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.cascade ?? []).toEqual([]);
  });

  it('keeps crd-missing when the deleted Kustomization takes the CRD with it', () => {
    const findings = removeChild({ units: { 'flux-system/shop': { before: widget('one'), after: widget('one') } }, owners: { 'flux-system/shop': stable(ks('shop'), ROOT) } });
    expect(summarize(findings)).toEqual(['error kustomization-removed Kustomization/flux-system/infra', 'error crd-missing Widget/shop/one']);
  });

  it("says the parent's prune: false leaves it and its inventory in the cluster", () => {
    const findings = removeChild({ parentPrune: false, units: { 'flux-system/shop': { before: widget('one'), after: widget('one') } }, owners: { 'flux-system/shop': stable(ks('shop'), ROOT) } });
    expect(findings.map(({ rule }) => rule)).toEqual(['kustomization-removed']);
    expect(findings[0]?.message).toBe(
      `Kustomization/flux-system/infra leaves the render of ${ROOT}, which has prune: false: Flux leaves it in the cluster, where it goes on applying its path`,
    );
    expect(findings[0]?.cascade ?? []).toEqual([]);
  });

  // docs/rules.md: kustomization-removed is a "notice when nothing is deleted", and the parent's
  // prune: false deletes nothing. flux-rules.ts gives it severity 'warning'.
  it("is a notice when the parent's prune: false deletes nothing", () => {
    expect(summarize(removeChild({ parentPrune: false }))).toEqual(['notice kustomization-removed Kustomization/flux-system/infra']);
  });

  it('is a prune-protected notice when the Kustomization object itself carries an opt-out', () => {
    const findings = removeChild({ child: { metadata: '  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled' } });
    expect(summarize(findings)).toEqual(['notice prune-protected Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toBe(
      `Kustomization/flux-system/infra leaves the render of ${ROOT}, but Flux keeps it in the cluster (kustomize.toolkit.fluxcd.io/prune: disabled), with everything it applied`,
    );
  });

  it('is a notice for an entry point, which no Kustomization in the source applies', () => {
    const entry = ks('infra', { path: './infrastructure' });
    const findings = findingsOf(
      { [INFRA]: { before: inventoryWithCrd } },
      { [INFRA]: owner({ before: entry, declaredInBefore: 'clusters/staging/infra.yaml' }) },
    );
    expect(summarize(findings)).toEqual(['notice kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toContain('Kustomization/flux-system/infra (declared in clusters/staging/infra.yaml) is not applied by any Kustomization in this source, so removing it deletes nothing in the cluster');
  });

  it('warns that it cannot list the inventory of a Kustomization it could not render', () => {
    const reason = 'its source is OCIRepository/flux-system/podinfo, not this repository';
    const findings = removeChild({ inventory: '', owner: { skippedBefore: reason } });
    expect(summarize(findings)).toEqual(['warning kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toBe(`Kustomization/flux-system/infra is deleted and Flux deletes everything it applied, which prune-guard cannot list: ${reason}`);
  });

  it('says a renamed Kustomization applies everything again, empty', () => {
    const renamedYaml = kustomizationYaml('infrastructure', { path: './infrastructure' });
    const parent = ks('flux-system', { path: './clusters/production' });
    const childYaml = kustomizationYaml('infra', { path: './infrastructure' });
    const findings = findingsOf(
      {
        [ROOT]: { before: childYaml, after: renamedYaml },
        [INFRA]: { before: inventoryWithCrd },
        'flux-system/infrastructure': { after: inventoryWithCrd },
      },
      {
        [ROOT]: stable(parent),
        [INFRA]: owner({ before: readKs(childYaml), parentBefore: ROOT }),
        'flux-system/infrastructure': owner({ after: readKs(renamedYaml), parentAfter: ROOT }),
      },
    );
    expect(summarize(findings)).toEqual(['error kustomization-removed Kustomization/flux-system/infra']);
    expect(findings[0]?.message).toMatch(/\. It comes back as flux-system\/infrastructure, which applies everything again, empty\.$/);
  });

  // A child of a removed Kustomization is deleted only by that Kustomization's finalizer.
  // When the removed parent deletes nothing (prune: false, Orphan, suspended), the child's
  // Kustomization object stays in the cluster with everything it applied. flux-rules.ts
  // checks only the parent's *after* spec (undefined for a removed parent) and reports the
  // child's whole inventory as deleted.
  describe('a grandchild whose removed parent deletes nothing', () => {
    function removeParentOf(parentOptions: KustomizationOptions): Finding[] {
      const childYaml = kustomizationYaml('child', { path: './child' });
      const parentYaml = kustomizationYaml('parent', { path: './parent', ...parentOptions });
      const root = ks('flux-system', { path: './clusters/production' });
      return findingsOf(
        {
          [ROOT]: { before: parentYaml, after: '' },
          'flux-system/parent': { before: childYaml },
          'flux-system/child': { before: yamlDocs(widgetCrd, namespaceYaml('widget-system')) },
        },
        {
          [ROOT]: stable(root),
          'flux-system/parent': owner({ before: readKs(parentYaml), parentBefore: ROOT }),
          'flux-system/child': owner({ before: readKs(childYaml), parentBefore: 'flux-system/parent' }),
        },
      );
    }

    it('reports the parent as deleting nothing', () => {
      const parent = removeParentOf({ prune: false }).find((finding) => finding.object.name === 'parent');
      expect(parent?.severity).toBe('notice');
      expect(parent?.message).toContain('with prune: false, Flux leaves everything it applied in the cluster');
    });

    it.each([
      ['prune: false', { prune: false }],
      ['deletionPolicy: Orphan', { spec: '  deletionPolicy: Orphan\n' }],
      ['suspend: true', { spec: '  suspend: true\n' }],
    ])('does not report the child inventory as deleted when the parent has %s', (_description, parentOptions) => {
      const child = removeParentOf(parentOptions).find((finding) => finding.object.name === 'child');
      expect(child?.severity).not.toBe('error');
      expect(child?.cascade ?? []).toEqual([]);
    });
  });
});

describe('helmrelease-removed', () => {
  const helmRelease = (name: string, namespace: string, spec = ''): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: ${name}\n      sourceRef: {kind: HelmRepository, name: charts}\n${spec}`;

  it('warns that a pruned HelmRelease uninstalls its release', () => {
    const findings = single(yamlDocs(helmRelease('grafana', 'observability'), configMap('kept')), configMap('kept'));
    expect(summarize(findings)).toEqual(['warning helmrelease-removed HelmRelease/observability/grafana']);
    expect(findings[0]?.message).toBe(
      'HelmRelease/observability/grafana is pruned: helm-controller uninstalls release grafana, deleting everything it installed in observability (CRDs from its templates too)',
    );
  });

  it('names the release by its target namespace', () => {
    const findings = single(helmRelease('grafana', 'flux-system', '  targetNamespace: monitoring\n'), '');
    expect(findings[0]?.message).toContain('uninstalls release monitoring-grafana, deleting everything it installed in monitoring');
  });

  it('is an error when the target namespace is pruned too', () => {
    const findings = findingsOf(
      { [INFRA]: { before: namespaceYaml('observability'), after: '' }, [APPS]: { before: helmRelease('grafana', 'observability'), after: '' } },
      { [INFRA]: stable(ks('infra')), [APPS]: stable(ks('apps')) },
    );
    expect(summarize(findings)).toEqual(['error namespace-removed Namespace/observability', 'error helmrelease-removed HelmRelease/observability/grafana']);
    expect(findings[1]?.message).toMatch(/; Namespace\/observability is pruned as well$/);
  });

  it('stays a warning when another Namespace is pruned', () => {
    const findings = single(yamlDocs(namespaceYaml('legacy'), helmRelease('grafana', 'observability')), '');
    expect(summarize(findings)).toEqual(['error namespace-removed Namespace/legacy', 'warning helmrelease-removed HelmRelease/observability/grafana']);
  });

  it('is prune-protected when the HelmRelease carries an opt-out', () => {
    const protectedRelease = helmRelease('grafana', 'observability').replace('  namespace: observability\n', '  namespace: observability\n  labels:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n');
    expect(summarize(single(protectedRelease, ''))).toEqual(['notice prune-protected HelmRelease/observability/grafana']);
  });

  it('is only orphaned under prune: false', () => {
    expect(summarize(single(helmRelease('grafana', 'observability'), '', { prune: false }))).toEqual(['warning object-orphaned HelmRelease/observability/grafana']);
  });

  // The release's namespace only "goes too" when Flux really deletes it. flux-rules.ts
  // (describeRemovedHelmRelease) looks at every removed Namespace, including ones that
  // are orphaned by prune: false or kept by an opt-out, and says they are pruned.
  it.each([
    ['orphaned by prune: false', namespaceYaml('observability'), ks('infra', { prune: false })],
    ['kept by an opt-out', namespaceYaml('observability', 'annotations: {kustomize.toolkit.fluxcd.io/prune: disabled}'), ks('infra')],
  ])('stays a warning when its namespace leaves the render but is %s', (_description, namespace, infra) => {
    const findings = findingsOf(
      { [INFRA]: { before: namespace, after: '' }, [APPS]: { before: helmRelease('grafana', 'observability'), after: '' } },
      { [INFRA]: stable(infra), [APPS]: stable(ks('apps')) },
    );
    const release = only(findings, 'helmrelease-removed');
    expect(release.severity).toBe('warning');
    expect(release.message).not.toContain('is pruned as well');
  });
});

describe('helmrelease-reinstalled', () => {
  const release = (spec: string, metadata = '  name: grafana\n  namespace: observability\n'): string =>
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n${metadata}spec:\n  interval: 1h\n${spec}`;
  const chart = (name: string, version = '8.0.0'): string => `  chart:\n    spec:\n      chart: ${name}\n      version: ${version}\n      sourceRef: {kind: HelmRepository, name: grafana}\n`;

  it.each([
    ['releaseName', chart('grafana'), `  releaseName: dashboards\n${chart('grafana')}`, 'releaseName grafana -> dashboards'],
    ['targetNamespace', chart('grafana'), `  targetNamespace: monitoring\n${chart('grafana')}`, 'releaseName grafana -> monitoring-grafana, targetNamespace observability -> monitoring'],
    ['storageNamespace', chart('grafana'), `  storageNamespace: helm-state\n${chart('grafana')}`, 'storageNamespace observability -> helm-state'],
    ['the chart name', chart('grafana'), chart('grafana-operator'), "the chart's name grafana -> grafana-operator"],
  ])('warns when %s changes', (_field, before, after, change) => {
    const findings = single(release(before), release(after));
    expect(summarize(findings)).toEqual(['warning helmrelease-reinstalled HelmRelease/observability/grafana']);
    expect(findings[0]?.unit).toBe(APPS);
    expect(findings[0]?.message).toBe(
      `HelmRelease/observability/grafana changes ${change}: helm-controller uninstalls release grafana and installs it again, deleting everything the old release installed`,
    );
  });

  it.each([
    ['the chart version', chart('grafana', '8.0.0'), chart('grafana', '8.1.0')],
    ['values', chart('grafana'), `${chart('grafana')}  values:\n    replicas: 2\n`],
    ['an explicit releaseName equal to the default', chart('grafana'), `  releaseName: grafana\n${chart('grafana')}`],
    ['an explicit storageNamespace equal to the default', chart('grafana'), `  storageNamespace: observability\n${chart('grafana')}`],
    // Where the chart comes from is no chart name: helm-controller upgrades the release in place.
    ['the chart source, from chart to chartRef', chart('grafana'), '  chartRef:\n    kind: OCIRepository\n    name: grafana\n'],
    ['the chartRef source', '  chartRef:\n    kind: OCIRepository\n    name: grafana\n', '  chartRef:\n    kind: HelmChart\n    name: grafana-chart\n'],
    // helm-controller's chartNameChangeStrategy: InPlaceUpdate upgrades a release whose chart is renamed.
    ['the chart name with chartNameChangeStrategy InPlaceUpdate', chart('grafana'), `${chart('grafana-operator')}  upgrade: {chartNameChangeStrategy: InPlaceUpdate}\n`],
    // A path names a folder, not the chart: its Chart.yaml decides.
    ['the chart path', chart('./charts/grafana'), chart('./charts/grafana-v2')],
  ])('says nothing when only %s changes', (_field, before, after) => {
    expect(single(release(before), release(after))).toEqual([]);
  });

  it('ignores objects of other kinds that happen to have the same fields', () => {
    const lookalike = (releaseName: string): string => `apiVersion: example.com/v1\nkind: HelmRelease\nmetadata: {name: grafana, namespace: observability}\nspec: {releaseName: ${releaseName}}\n`;
    expect(single(lookalike('a'), lookalike('b'))).toEqual([]);
  });
});

describe('kustomization-spec-changed', () => {
  function specChange(before: KustomizationOptions, after: KustomizationOptions, renders: UnitRenders = { before: configMap('settings'), after: configMap('settings') }): Finding[] {
    return findingsOf({ [APPS]: renders }, { [APPS]: owner({ before: ks('apps', before), after: ks('apps', after) }) });
  }

  it.each<[string, KustomizationOptions, KustomizationOptions, string]>([
    ['path', { path: './apps/staging' }, { path: './apps/production/' }, 'path "apps/staging" -> "apps/production"'],
    ['targetNamespace', {}, { spec: '  targetNamespace: shop\n' }, 'targetNamespace "" -> "shop"'],
    ['namePrefix', { spec: '  namePrefix: dev-\n' }, { spec: '  namePrefix: prod-\n' }, 'namePrefix "dev-" -> "prod-"'],
    ['nameSuffix', { spec: '  nameSuffix: -eu\n' }, {}, 'nameSuffix "-eu" -> ""'],
    ['path and targetNamespace', { path: './a' }, { path: './b', spec: '  targetNamespace: shop\n' }, 'path "a" -> "b", targetNamespace "" -> "shop"'],
  ])('is a notice when %s changes', (_field, before, after, change) => {
    const findings = specChange(before, after, { before: configMap('settings'), after: configMap('settings', 'store') });
    expect(summarize(findings)).toEqual(['notice object-removed ConfigMap/shop/settings', 'notice kustomization-spec-changed Kustomization/flux-system/apps']);
    expect(findings[1]?.unit).toBe(APPS);
    expect(findings[1]?.message).toContain(`Kustomization/flux-system/apps changes ${change}: Flux creates 1 and then prunes 1 objects`);
  });

  it('counts what the change creates and prunes', () => {
    const findings = specChange(
      { spec: '  namePrefix: dev-\n' },
      { spec: '  namePrefix: prod-\n' },
      { before: yamlDocs(configMap('dev-a'), configMap('dev-b')), after: yamlDocs(configMap('prod-a'), configMap('prod-b')) },
    );
    expect(only(findings, 'kustomization-spec-changed').message).toBe(
      'Kustomization/flux-system/apps changes namePrefix "dev-" -> "prod-": Flux creates 2 and then prunes 2 objects, a delete and recreate for each that only changes identity',
    );
  });

  it.each<[string, KustomizationOptions, KustomizationOptions]>([
    ['prune', { prune: true }, { prune: false }],
    ['the path spelling only', { path: './apps/' }, { path: 'apps' }],
    ['dependsOn', {}, { spec: '  dependsOn:\n    - name: infra\n' }],
    ['deletionPolicy', {}, { spec: '  deletionPolicy: Orphan\n' }],
  ])('says nothing when only %s changes', (_field, before, after) => {
    expect(specChange(before, after)).toEqual([]);
  });

  it('says that a path change renders other objects, and updates the ones both paths render', () => {
    const findings = specChange({ path: './apps/staging' }, { path: './apps/production' }, { before: yamlDocs(configMap('a'), configMap('b')), after: yamlDocs(configMap('a'), configMap('c')) });
    expect(only(findings, 'kustomization-spec-changed').message).toBe(
      'Kustomization/flux-system/apps changes path "apps/staging" -> "apps/production": Flux creates 1 and then prunes 1 objects that are new or gone there; what it renders on both paths is updated in place',
    );
  });

  it('says nothing when the objects stay what they were (a move onto another source or folder)', () => {
    expect(specChange({ path: './apps/staging' }, { path: './staging' })).toEqual([]);
  });

  it('says nothing for a new or removed Kustomization', () => {
    const findings = findingsOf({ 'flux-system/new': { after: configMap('settings') } }, { 'flux-system/new': owner({ after: ks('new'), declaredInBefore: 'x.yaml' }) });
    expect(findings).toEqual([]);
  });
});

describe('kustomization-not-rendered and variable-missing', () => {
  it('lists a Kustomization whose source is not this repository, with the reason', () => {
    const reason = 'its source is OCIRepository/flux-system/podinfo, not this repository';
    const podinfo = ks('podinfo', { path: './kustomize' });
    const findings = findingsOf({ 'flux-system/podinfo': { before: '', after: '' } }, { 'flux-system/podinfo': owner({ before: podinfo, after: podinfo, skippedBefore: reason, skippedAfter: reason }) });
    expect(summarize(findings)).toEqual(['notice kustomization-not-rendered Kustomization/flux-system/podinfo']);
    expect(findings[0]?.unit).toBe('flux-system/podinfo');
    expect(findings[0]?.message).toBe(`Kustomization/flux-system/podinfo is not rendered: ${reason}`);
  });

  it('says nothing when it was skipped before only', () => {
    const podinfo = ks('podinfo');
    const findings = findingsOf({ 'flux-system/podinfo': { before: '', after: configMap('a') } }, { 'flux-system/podinfo': owner({ before: podinfo, after: podinfo, skippedBefore: 'no' }) });
    expect(findings).toEqual([]);
  });

  it('names every post-build variable with no value and no default', () => {
    const apps = ks('apps');
    const findings = findingsOf({ [APPS]: { before: configMap('a'), after: configMap('a') } }, { [APPS]: owner({ before: apps, after: apps, missingVariables: ['REGION', 'TIER'] }) });
    expect(summarize(findings)).toEqual(['notice variable-missing Kustomization/flux-system/apps']);
    expect(findings[0]?.message).toBe(
      'Kustomization/flux-system/apps uses ${REGION}, ${TIER} with no value and no default; Flux fails the build unless the cluster provides it (set it under substitute in .prune-guard.yaml)',
    );
  });
});

describe('a removal in a Kustomization whose apply fails on a missing CRD', () => {
  it('says the prune follows once the apply succeeds', () => {
    const findings = findingsOf(
      { [INFRA]: { before: widgetCrd, after: '' }, [APPS]: { before: yamlDocs(widget('one'), configMap('old')), after: widget('one') } },
      { [INFRA]: stable(ks('infra')), [APPS]: stable(ks('apps')) },
    );
    expect(summarize(findings)).toEqual([
      'error crd-removed CustomResourceDefinition/widgets.example.com',
      'error crd-missing Widget/shop/one',
      'notice object-removed ConfigMap/shop/old',
    ]);
    expect(findings[2]?.message).toBe(`ConfigMap/shop/old is pruned; the apply of ${APPS} fails first (see crd-missing), and the prune follows as soon as it succeeds`);
    expect(findings[0]?.message).not.toContain('fails first');
  });
});

describe('applyFluxSemantics', () => {
  it('passes findings of units without an owner through unchanged, and adds none', () => {
    const units = toUnits({ app: { before: yamlDocs(configMap('old'), namespaceYaml('legacy')), after: '' } });
    const generic = evaluateRules({ units });
    expect(applyFluxSemantics(generic, units, new Map())).toEqual(generic);
  });

  it('leaves findings that are not removals alone', () => {
    const units = toUnits({ [APPS]: { before: widgetCrd, after: '' }, [INFRA]: { before: widget('one'), after: widget('one') } });
    const generic = evaluateRules({ units });
    const result = applyFluxSemantics(generic, units, new Map([[APPS, stable(ks('apps'))], [INFRA, stable(ks('infra'))]]));
    expect(result.find((finding) => finding.rule === 'crd-missing')).toEqual(generic.find((finding) => finding.rule === 'crd-missing'));
  });
});
