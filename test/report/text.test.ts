import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatText } from '../../src/report/text.ts';
import { crdYaml, toDocs, toReport, yamlDocs } from '../helpers/objects.ts';

const configMap = (name: string, value = 'v'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\ndata: {key: ${value}}\n`;
const ANSI = /\u001b\[[0-9;]*m/;

// 1 to add, 1 to change, 2 to prune (both CRDs).
const report = toReport(
  {
    'infra/crds': {
      before: toDocs(yamlDocs(crdYaml('widgets', 'example.com', 'Widget'), crdYaml('gadgets', 'example.com', 'Gadget')), {
        file: 'crds.yaml',
        kustomization: 'infra/crds/kustomization.yaml',
        line: 4,
      }),
      after: '',
    },
    'apps/web': {
      before: configMap('settings', 'old'),
      after: yamlDocs(configMap('settings', 'new'), 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n'),
    },
  },
  { version: '1.2.3', before: { label: 'main' }, after: { label: 'working tree' } },
);

describe('formatText', () => {
  it('prints the plan line with the notable prunes spelled out', () => {
    expect(formatText(report, { color: false }).split('\n')).toContain('Plan: 1 to add, 1 to change, 2 to prune (2 CRDs)');
  });

  it('starts with the tool version and both sides', () => {
    expect(formatText(report, { color: false })).toMatch(/^prune-guard 1\.2\.3: main -> working tree\n/);
  });

  it('lists each finding with its severity, rule, object, message and where it came from', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain(
      [
        '  error   crd-removed  CustomResourceDefinition/gadgets.example.com',
        '          CustomResourceDefinition/gadgets.example.com is pruned: the API server deletes every Gadget with it (none is in the rendered manifests; any made in the cluster are lost)',
        '          in infra/crds; from crds.yaml, listed at infra/crds/kustomization.yaml:4',
      ].join('\n'),
    );
  });

  it('lists the changes of each unit with its object counts', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain('apps/web (1 before, 2 after): 1 to add, 1 to change, 0 to prune\n  + Service/shop/web\n  ~ ConfigMap/shop/settings\n');
    expect(text).toContain('infra/crds (2 before, 0 after): 0 to add, 0 to change, 2 to prune\n  - CustomResourceDefinition/gadgets.example.com\n  - CustomResourceDefinition/widgets.example.com\n');
  });

  it('ends with the finding counts and the verdict', () => {
    expect(formatText(report, { color: false })).toMatch(/\n\n2 errors, 0 warnings, 0 notices\. Blocking: findings at or above error\.\n$/);
  });

  it('prints no ANSI escapes without colour', () => {
    expect(formatText(report, { color: false })).not.toMatch(ANSI);
  });

  describe('with colour asked for', () => {
    const isTTY = process.stdout.isTTY;
    afterEach(() => {
      process.stdout.isTTY = isTTY;
      vi.unstubAllEnvs();
    });

    // The adapter decides colour (TTY, NO_COLOR, FORCE_COLOR); formatText must obey it, not
    // second-guess it from process.stdout. Known bug: util.styleText validates process.stdout
    // by default (Node >= 20.19 / 22.13), so with stdout not a TTY and no FORCE_COLOR the
    // colour is silently dropped. Fix: styleText(style, text, { validateStream: false }).
    it('prints ANSI escapes even when stdout is not a terminal', () => {
      vi.stubEnv('FORCE_COLOR', undefined);
      vi.stubEnv('NO_COLOR', undefined);
      process.stdout.isTTY = false;
      expect(formatText(report, { color: true })).toMatch(ANSI);
    });

    it('prints the same words as without colour', () => {
      // FORCE_COLOR makes styleText colour whatever stdout is, so this holds until the bug above is fixed.
      vi.stubEnv('FORCE_COLOR', '1');
      vi.stubEnv('NO_COLOR', undefined);
      const text = formatText(report, { color: true });
      expect(text).toMatch(ANSI);
      expect(text.replace(new RegExp(ANSI.source, 'g'), '')).toBe(formatText(report, { color: false }));
    });
  });

  it('leaves the unit out of findings when there is only one', () => {
    const single = toReport({ app: { before: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n', after: '' } });
    const text = formatText(single, { color: false });
    expect(text).toContain('  error   namespace-removed  Namespace/shop\n');
    expect(text).not.toContain('in app');
  });

  it('says a unit is absent on the side where it does not exist', () => {
    const text = formatText(toReport({ 'apps/new': { after: configMap('a') }, 'apps/old': { before: configMap('b') } }), { color: false });
    expect(text).toContain('apps/new (absent before, 1 after): 1 to add, 0 to change, 0 to prune');
    expect(text).toContain('apps/old (1 before, absent after): 0 to add, 0 to change, 1 to prune');
  });

  it('shows a version change and a generated name replacement', () => {
    const text = formatText(
      toReport({
        app: {
          before: yamlDocs('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web}\n', configMap('app-config-6gc9d749f7')),
          after: yamlDocs('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n', configMap('app-config-k2f7m9c8h4')),
        },
      }),
      { color: false },
    );
    expect(text).toContain('Plan: 0 to add, 1 to change, 0 to prune, 1 generated name replaced\n');
    expect(text).toContain('  ~ Deployment/default/web (apps/v1beta1 -> apps/v1)\n');
    expect(text).toContain('  = ConfigMap/shop/app-config-6gc9d749f7 -> app-config-k2f7m9c8h4 (generated name)\n');
  });

  it.each([
    ['never', 'Not failing: --fail-on never.'],
    ['notice', 'Blocking: findings at or above notice.'],
  ] as const)('states the verdict for --fail-on %s', (failOn, verdict) => {
    const text = formatText(toReport({ app: { before: configMap('a'), after: '' } }, { failOn }), { color: false });
    expect(text).toContain(`0 errors, 0 warnings, 1 notice. ${verdict}\n`);
  });

  it('says there is nothing to block when nothing is pruned', () => {
    const text = formatText(toReport({ app: { before: configMap('a'), after: configMap('a') } }), { color: false });
    expect(text).toContain('Plan: 0 to add, 0 to change, 0 to prune\n');
    expect(text).not.toContain('Findings:');
    expect(text).toContain('No findings at or above error.');
  });
});
