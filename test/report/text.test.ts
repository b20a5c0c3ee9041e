import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import type { Fix } from '../../src/core/rules/findings.ts';
import { DIFF_LINE_LIMIT, formatText } from '../../src/report/text.ts';
import { crdYaml, toDocs, toReport, yamlDocs } from '../helpers/objects.ts';

const configMap = (name: string, value = 'v'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\ndata: {key: ${value}}\n`;
const configMapWith = (name: string, data: Record<string, string>): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\ndata:\n${Object.entries(data).map(([key, value]) => `  ${key}: ${value}`).join('\n')}\n`;
const ANSI = /\u001b\[[0-9;]*m/;

/** The lines of a report's first changed object's diff, from its first hunk. */
function countDiffLines(of: Report): number {
  const lines = (of.changes.changed[0]?.diff ?? '').split('\n').filter((line, index, all) => index < all.length - 1 || line !== '');
  return lines.length - lines.findIndex((line) => line.startsWith('@@'));
}

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

    // The adapter decides colour (flags, NO_COLOR, FORCE_COLOR, TERM, a terminal); formatText
    // obeys that decision, whatever stdout is and whatever the environment says.
    it.each([
      ['stdout is no terminal', {}],
      ['NO_COLOR is set', { NO_COLOR: '1' }],
      ['FORCE_COLOR is 0', { FORCE_COLOR: '0' }],
      ['TERM is dumb', { TERM: 'dumb' }],
      ['NODE_DISABLE_COLORS is set', { NODE_DISABLE_COLORS: '1' }],
    ])('prints ANSI escapes when %s', (_when, env: Record<string, string>) => {
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      process.stdout.isTTY = false;
      expect(formatText(report, { color: true })).toMatch(ANSI);
    });

    it('prints none without colour even when FORCE_COLOR is set and stdout is a terminal', () => {
      vi.stubEnv('FORCE_COLOR', '3');
      process.stdout.isTTY = true;
      expect(formatText(report, { color: false })).not.toMatch(ANSI);
    });

    it('prints the same words as without colour', () => {
      const text = formatText(report, { color: true });
      expect(text).toMatch(ANSI);
      expect(text.replace(new RegExp(ANSI.source, 'g'), '')).toBe(formatText(report, { color: false }));
    });

    it('paints added diff lines green, removed ones red and hunk headers dim', () => {
      const text = formatText(report, { color: true });
      expect(text).toContain('      \u001b[2m@@ -1,6 +1,6 @@\u001b[22m\n');
      expect(text).toContain('      \u001b[31m-  key: old\u001b[39m\n      \u001b[32m+  key: new\u001b[39m\n');
    });
  });

  describe('diffs of changed objects', () => {
    it('prints each diff under its object, from the first hunk, indented', () => {
      expect(formatText(report, { color: false })).toContain(
        ['  ~ ConfigMap/shop/settings', '      @@ -1,6 +1,6 @@', '       apiVersion: v1', '       data:', '      -  key: old', '      +  key: new', '       kind: ConfigMap', '       metadata:', '         name: settings', ''].join('\n'),
      );
    });

    it('leaves them out with diff: false', () => {
      const text = formatText(report, { color: false, diff: false });
      expect(text).toContain('  ~ ConfigMap/shop/settings\n\n');
      expect(text).not.toContain('@@');
      expect(text).not.toContain('key: old');
    });

    it(`shows at most ${DIFF_LINE_LIMIT} lines of one object, then says how many more there are`, () => {
      const keys = (value: string): Record<string, string> => Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`k${String(index).padStart(2, '0')}`, `${value}${index}`]));
      const big = toReport({ app: { before: configMapWith('big', keys('a')), after: configMapWith('big', keys('b')) } });
      const lines = formatText(big, { color: false }).split('\n');
      const start = lines.indexOf('  ~ ConfigMap/shop/big');
      const diff = lines.slice(start + 1, lines.indexOf('', start));
      // A hunk header, 30 removed and 30 added lines, and context: 40 shown, the rest counted.
      expect(diff).toHaveLength(DIFF_LINE_LIMIT + 1);
      expect(diff.at(-1)).toBe(`      … ${countDiffLines(big) - DIFF_LINE_LIMIT} more lines`);
    });

    it('never shows the values of a changed Secret, only that they changed', () => {
      const secret = (password: string, token: string): string =>
        `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\ndata:\n  password: ${Buffer.from(password).toString('base64')}\nstringData:\n  token: ${token}\n`;
      const text = formatText(toReport({ app: { before: secret('hunter2-old', 'tok-old-77'), after: secret('hunter2-new', 'tok-new-88') } }), { color: false });
      expect(text).toContain('  ~ Secret/shop/db\n');
      expect(text).toContain('+  password: (redacted, changed)');
      for (const value of ['hunter2-old', 'hunter2-new', 'tok-old-77', 'tok-new-88']) {
        expect(text).not.toContain(value);
        expect(text).not.toContain(Buffer.from(value).toString('base64'));
      }
    });

    it('escapes control characters in diff lines and keeps them from reading as workflow commands', () => {
      const [changed] = report.changes.changed;
      if (!changed) throw new Error('the report has a changed object');
      const diff = '--- x\tbefore\n+++ x\tafter\n@@ -1,2 +1,2 @@\n::error::context\n-  key: \u001b[31mred\u202e\n+  key: \r::warning::x\n';
      const text = formatText({ ...report, changes: { ...report.changes, changed: [{ ...changed, diff }] } }, { color: false });
      expect(text).toContain('      \\::error::context\n      -  key: \\x1b[31mred\\u202e\n      +  key: \\r::warning::x\n');
      expect(text).not.toMatch(/[\u001b\r\u202e]/);
    });
  });

  describe('quiet', () => {
    it('prints only the findings and the verdict: no header, plan, tree or object lists', () => {
      const text = formatText(report, { color: false, quiet: true });
      expect(text).toMatch(/^Findings:\n {2}error {3}crd-removed {2}CustomResourceDefinition\/gadgets\.example\.com\n/);
      expect(text).toMatch(/\n\n2 errors, 0 warnings, 0 notices\. Blocking: findings at or above error\.\n$/);
      for (const left of ['prune-guard 1.2.3', 'Plan:', 'apps/web (', '~ ConfigMap', '@@']) expect(text).not.toContain(left);
    });

    it('prints the verdict alone when nothing is found', () => {
      const text = formatText(toReport({ app: { before: configMap('a', 'x'), after: configMap('a', 'y') } }), { color: false, quiet: true });
      expect(text).toBe('0 errors, 0 warnings, 0 notices. No findings at or above error.\n');
    });

    it('says in one line that there are fixes and which command shows them', () => {
      const fix: Fix = {
        source: 'local',
        description: 'Keep the CRDs: list crds.yaml.',
        entries: ['crds.yaml'],
        edits: [{ path: 'infra/crds/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds.yaml', description: 'list crds.yaml' }],
        files: [],
        restores: [],
        verified: true,
      };
      const withFix: Report = { ...report, fixes: [fix] };
      const text = formatText(withFix, { color: false, quiet: true, fixCommand: { command: 'prune-guard fix diff a b' } });
      expect(text).toContain('\n\n1 fix found: prune-guard fix diff a b shows the patch; with --write it applies it.\n\n');
      expect(text).not.toContain('Keep the CRDs');
      expect(text).not.toContain('verified');
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
