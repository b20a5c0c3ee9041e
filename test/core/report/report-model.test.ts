import { describe, expect, it } from 'vitest';
import type { FailLevel } from '../../../src/core/rules/findings.ts';
import { crdYaml, toReport, yamlDocs } from '../../helpers/objects.ts';

const configMap = (name: string, value = 'v', namespace = 'default'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}}\ndata: {key: ${value}}\n`;
const namespace = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const widgetCrd = crdYaml('widgets', 'example.com', 'Widget');
const gadgetCrd = crdYaml('gadgets', 'example.com', 'Gadget');

describe('buildReport summary', () => {
  const report = toReport({
    infra: {
      before: yamlDocs(widgetCrd, gadgetCrd, namespace('legacy'), configMap('kept')),
      after: configMap('kept'),
    },
    apps: {
      before: yamlDocs(configMap('settings', 'old'), configMap('gone'), configMap('app-config-6gc9d749f7'), configMap('same')),
      after: yamlDocs(configMap('settings', 'new'), configMap('app-config-k2f7m9c8h4'), configMap('same'), configMap('fresh'), configMap('fresh-2')),
    },
  });

  it('counts the plan across units', () => {
    const { add, change, prune, replace, unchanged } = report.summary;
    expect({ add, change, prune, replace, unchanged }).toEqual({ add: 2, change: 1, prune: 4, replace: 1, unchanged: 2 });
  });

  it('counts pruned objects only of the kinds a reviewer must not miss, sorted by kind', () => {
    expect(report.summary.pruneByKind).toEqual({ CustomResourceDefinition: 2, Namespace: 1 });
    expect(Object.keys(report.summary.pruneByKind)).toEqual(['CustomResourceDefinition', 'Namespace']);
  });

  it('counts findings by severity', () => {
    expect(report.summary.findings).toEqual({ error: 3, warning: 0, notice: 1 });
    expect(report.findings.map(({ rule }) => rule)).toEqual(['crd-removed', 'crd-removed', 'namespace-removed', 'object-removed']);
  });

  it('gives each unit its share, sorted by name', () => {
    expect(report.units).toEqual([
      { name: 'apps', before: 4, after: 5, counts: { add: 2, change: 1, prune: 1, replace: 1, unchanged: 1 } },
      { name: 'infra', before: 4, after: 1, counts: { add: 0, change: 0, prune: 3, replace: 0, unchanged: 1 } },
    ]);
  });

  it('lists changes with their unit and identity, never whole objects', () => {
    expect(report.changes.removed.map(({ unit, object }) => `${unit} ${object.kind}/${object.name}`)).toEqual([
      'apps ConfigMap/gone',
      'infra CustomResourceDefinition/gadgets.example.com',
      'infra CustomResourceDefinition/widgets.example.com',
      'infra Namespace/legacy',
    ]);
    expect(report.changes.replaced).toEqual([
      {
        unit: 'apps',
        from: { group: '', kind: 'ConfigMap', namespace: 'default', name: 'app-config-6gc9d749f7', apiVersion: 'v1' },
        to: { group: '', kind: 'ConfigMap', namespace: 'default', name: 'app-config-k2f7m9c8h4', apiVersion: 'v1' },
      },
    ]);
    expect(report.changes.changed.map(({ object }) => object.name)).toEqual(['settings']);
    expect(JSON.stringify(report.changes)).not.toContain('"spec"');
  });

  it('records the previous apiVersion of a changed object only when it differs', () => {
    const versioned = toReport({
      app: {
        before: yamlDocs('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\n', configMap('a')),
        after: yamlDocs('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n', configMap('a', 'changed')),
      },
    });
    expect(versioned.changes.changed.map((entry) => [entry.object.kind, entry.object.apiVersion, entry.previousApiVersion])).toEqual([
      ['ConfigMap', 'v1', undefined],
      ['Deployment', 'apps/v1', 'apps/v1beta1'],
    ]);
    expect('previousApiVersion' in (versioned.changes.changed[0] ?? {})).toBe(false);
  });

  it('carries the changed keys of a Secret into the report', () => {
    const secret = (value: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: ${value}}\n`;
    const [entry] = toReport({ app: { before: secret('one'), after: secret('two') } }).changes.changed;
    expect(entry?.secretKeys).toEqual({ added: [], removed: [], changed: ['password'] });
  });
});

describe('buildReport units that exist on one side only', () => {
  it('reports null objects for the side where a unit does not exist', () => {
    const report = toReport({ added: { after: configMap('a') }, removed: { before: configMap('b') }, empty: { before: '', after: '' } });
    expect(report.units.map(({ name, before, after }) => ({ name, before, after }))).toEqual([
      { name: 'added', before: null, after: 1 },
      { name: 'empty', before: 0, after: 0 },
      { name: 'removed', before: 1, after: null },
    ]);
  });
});

describe('buildReport blocking', () => {
  const withWarningAndNotice = {
    app: { before: yamlDocs('apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n', configMap('a')), after: '' },
  };
  const withError = { app: { before: namespace('shop'), after: '' } };
  const withNotice = { app: { before: configMap('a'), after: '' } };
  const withNothing = { app: { before: configMap('a'), after: configMap('a', 'changed') } };

  it.each<[string, Parameters<typeof toReport>[0], FailLevel, boolean]>([
    ['an error', withError, 'error', true],
    ['an error', withError, 'never', false],
    ['a warning', withWarningAndNotice, 'error', false],
    ['a warning', withWarningAndNotice, 'warning', true],
    ['a warning', withWarningAndNotice, 'notice', true],
    ['a notice', withNotice, 'warning', false],
    ['a notice', withNotice, 'notice', true],
    ['a notice', withNotice, 'never', false],
    ['no finding', withNothing, 'notice', false],
  ])('with %s and --fail-on %s: blocking %s', (_description, units, failOn, blocking) => {
    const report = toReport(units, { failOn });
    expect(report.failOn).toBe(failOn);
    expect(report.blocking).toBe(blocking);
  });
});

describe('buildReport metadata', () => {
  it('names the tool version and both sides as given', () => {
    const report = toReport({ app: { before: '', after: '' } }, { version: '9.8.7', before: { label: 'main' }, after: { label: 'pr-42' } });
    expect(report.tool).toMatchObject({ name: 'prune-guard', version: '9.8.7' });
    expect([report.before.label, report.after.label]).toEqual(['main', 'pr-42']);
  });
});
