/**
 * Fixes as every output format shows them: once per fix however many findings share it,
 * with where it edits, whether a build checked it, and (markdown) what it writes.
 */
import { describe, expect, it } from 'vitest';
import type { Fix, FixFile } from '../../src/core/rules/findings.ts';
import { attachFixes, findFix, type Report } from '../../src/core/report/report-model.ts';
import { formatJson } from '../../src/report/json.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatText } from '../../src/report/text.ts';
import { crdYaml, toReport, yamlDocs } from '../helpers/objects.ts';

const CALICO = 'https://raw.githubusercontent.com/projectcalico/calico/v3.30.0/manifests';
const GROUP = 'crd.projectcalico.org';
const plurals = Array.from({ length: 24 }, (_, i) => `kind${String(i + 1).padStart(2, '0')}s`);
const crdKey = (plural: string): string => `apiextensions.k8s.io/CustomResourceDefinition//${plural}.${GROUP}`;

// 24 CRDs pruned from one unit (the operator manifest no longer holds them), a Namespace
// pruned from another, and a ConfigMap pruned that no fix brings back.
const plain = toReport({
  'infra/calico': {
    before: yamlDocs(...plurals.map((plural, i) => crdYaml(plural, GROUP, `Kind${i + 1}`, 'Cluster'))),
    after: '',
  },
  'apps/legacy': {
    before: yamlDocs('apiVersion: v1\nkind: Namespace\nmetadata: {name: legacy}\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n'),
    after: '',
  },
});

const remoteFix: Fix = {
  source: 'remote',
  description: 'Lists operator-crds.yaml, which holds the CRDs tigera-operator.yaml no longer does.',
  entries: [`${CALICO}/operator-crds.yaml`],
  edits: [
    {
      path: 'infra/calico/kustomization.yaml',
      startLine: 4,
      endLine: 4,
      replacement: `  - ${CALICO}/operator-crds.yaml\n  - ${CALICO}/tigera-operator.yaml`,
      description: 'Adds operator-crds.yaml before tigera-operator.yaml.',
    },
  ],
  files: [],
  restores: plurals.map(crdKey).sort(),
  verified: true,
};

const vendoredNamespace: FixFile = {
  path: 'apps/legacy/namespace-vendored.yaml',
  content: '# Vendored by prune-guard from main (merge base 1a2b3c4).\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: legacy\n',
};

const vendoredFix: Fix = {
  source: 'vendored',
  description: 'Vendors Namespace/legacy as rendered before the change into namespace-vendored.yaml.',
  entries: ['namespace-vendored.yaml'],
  edits: [
    {
      path: 'apps/legacy/kustomization.yaml',
      startLine: 3,
      endLine: 5,
      replacement: 'resources:\n  - namespace-vendored.yaml\n  - app.yaml',
      description: 'Lists namespace-vendored.yaml.',
    },
  ],
  files: [vendoredNamespace],
  restores: ['/Namespace//legacy'],
  verified: false,
};

function withFixes(report: Report, byTarget: Readonly<Record<string, Fix>>): Report {
  const fixes = [...new Set(Object.values(byTarget))];
  return attachFixes(report, fixes, new Map(Object.entries(byTarget).map(([target, fix]) => [target, fixes.indexOf(fix)])));
}

const report = withFixes(plain, {
  ...Object.fromEntries(plurals.map((plural) => [`infra/calico\0${crdKey(plural)}`, remoteFix])),
  'apps/legacy\0/Namespace//legacy': vendoredFix,
});

/** A report whose one Namespace finding carries `fix`. */
function reportWith(fix: Fix): Report {
  return withFixes(plain, { 'apps/legacy\0/Namespace//legacy': fix });
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('fixes in the report', () => {
  it('attaches the fixes to the findings of the objects they restore', () => {
    expect(report.findings.map((finding) => [finding.rule, findFix(report, finding)?.source])).toEqual([
      ...plurals.map(() => ['crd-removed', 'remote']),
      ['namespace-removed', 'vendored'],
      ['object-removed', undefined],
    ]);
  });
});

describe('formatText', () => {
  it.each([
    [true, 'with --write it applies it):'],
    [false, 'with --write it applies the verified ones):'],
  ])('says what fix --write applies when the fix is verified: %s', (verified, heading) => {
    const text = formatText(reportWith({ ...remoteFix, verified }), { color: false });
    expect(text).toContain(heading);
    expect(formatMarkdown(reportWith({ ...remoteFix, verified })).includes('verified fixes; review the others')).toBe(!verified);
  });

  const text = formatText(report, { color: false });

  it('lists each distinct fix once, with its status, where it edits, what it does and the entries it adds', () => {
    expect(text).toContain(
      [
        '',
        'Fixes (prune-guard fix shows the patch; with --write it applies the verified ones):',
        '  verified  infra/calico/kustomization.yaml:4',
        '          Lists operator-crds.yaml, which holds the CRDs tigera-operator.yaml no longer does.',
        `          + ${CALICO}/operator-crds.yaml`,
        '  unverified  apps/legacy/kustomization.yaml:3',
        '          Vendors Namespace/legacy as rendered before the change into namespace-vendored.yaml.',
        '          + namespace-vendored.yaml',
        '',
      ].join('\n'),
    );
  });

  it('does not repeat a fix for each of the 24 findings it resolves', () => {
    expect(count(text, remoteFix.description)).toBe(1);
    expect(count(text, 'infra/calico/kustomization.yaml:4')).toBe(1);
  });
});

describe('formatMarkdown', () => {
  const markdown = formatMarkdown(report);

  it('shows each fix once with its description, status and each edit in a yaml fence naming file and lines', () => {
    expect(count(markdown, '#### Fixes\n')).toBe(1);
    expect(markdown).toContain(
      [
        '- Lists operator-crds.yaml, which holds the CRDs tigera-operator.yaml no longer does. (verified: a build with it keeps every object)',
        '',
        '  In `infra/calico/kustomization.yaml`, line 4 becomes:',
        '',
        '  ```yaml',
        `    - ${CALICO}/operator-crds.yaml`,
        `    - ${CALICO}/tigera-operator.yaml`,
        '  ```',
        '',
      ].join('\n'),
    );
    expect(markdown).toContain(
      [
        '- Vendors Namespace/legacy as rendered before the change into namespace-vendored.yaml. (not verified)',
        '',
        '  In `apps/legacy/kustomization.yaml`, lines 3-5 become:',
        '',
        '  ```yaml',
        '  resources:',
        '    - namespace-vendored.yaml',
        '    - app.yaml',
        '  ```',
        '',
      ].join('\n'),
    );
    expect(count(markdown, remoteFix.description)).toBe(1);
    expect(markdown).toContain('Apply locally with `prune-guard fix --write` (verified fixes; review the others in the patch of `prune-guard fix`).');
  });

  it('names a fix already posted as a review suggestion in one line, without its replacement', () => {
    const suggested = formatMarkdown(report, { suggestedFixes: [remoteFix] });
    expect(suggested).toContain(
      '- Lists operator-crds.yaml, which holds the CRDs tigera-operator.yaml no longer does. (verified: a build with it keeps every object; suggested on `infra/calico/kustomization.yaml:4`)\n',
    );
    expect(suggested).not.toContain('In `infra/calico/kustomization.yaml`');
    expect(suggested).not.toContain(`${CALICO}/tigera-operator.yaml`);
    // The other fix is still shown whole.
    expect(suggested).toContain('  In `apps/legacy/kustomization.yaml`, lines 3-5 become:');
    // With every fix suggested, the closing line stays a paragraph of its own, not part of the last item.
    const onlySuggested = formatMarkdown(reportWith(remoteFix), { suggestedFixes: [remoteFix] });
    expect(onlySuggested).toContain('suggested on `infra/calico/kustomization.yaml:4`)\n\nApply locally with `prune-guard fix --write`.\n');
  });

  it('says when a fix is numbered as merged with the base branch, which moved its lines', () => {
    const shown = formatMarkdown(report, { mergeLineFixes: [vendoredFix] });
    expect(shown).toContain('  In `apps/legacy/kustomization.yaml` as merged with the base branch, lines 3-5 become:');
    expect(shown).toContain('  In `infra/calico/kustomization.yaml`, line 4 becomes:');
  });

  it('shows a short vendored file whole', () => {
    expect(markdown).toContain(
      [
        '  New file `apps/legacy/namespace-vendored.yaml`:',
        '',
        '  ```yaml',
        '  # Vendored by prune-guard from main (merge base 1a2b3c4).',
        '  ---',
        '  apiVersion: v1',
        '  kind: Namespace',
        '  metadata:',
        '    name: legacy',
        '  ```',
      ].join('\n'),
    );
  });

  /** A vendored file of `lines` lines of 16 characters (newline included), the first `extra` longer. */
  const manifest = (lines: number, extra = 0): string =>
    Array.from({ length: lines }, (_, i) => `- item-${String(i).padStart(8, '0')}${i === 0 ? 'x'.repeat(extra) : ''}\n`).join('');

  it.each([
    ['4096 characters', manifest(256), true, 256],
    ['4097 characters', manifest(256, 1), false, 256],
    ['10 000 characters', manifest(625), false, 625],
    ['4799 characters without a final newline', manifest(300).slice(0, -1), false, 300],
  ])('with a vendored file of %s, shows it only up to 4096', (_name, content, shown, lines) => {
    const fix: Fix = { ...vendoredFix, files: [{ path: vendoredNamespace.path, content }] };
    const rendered = formatMarkdown(reportWith(fix));
    expect(rendered.includes('- item-00000001')).toBe(shown);
    if (shown) {
      expect(rendered).toContain('  New file `apps/legacy/namespace-vendored.yaml`:\n');
    } else {
      // Not verified: --write leaves it alone, the patch has it.
      expect(rendered).toContain(`  New file \`apps/legacy/namespace-vendored.yaml\`: ${lines} lines; \`prune-guard fix\` prints it.\n`);
    }
  });

  it('says --write writes a long vendored file only when the fix is verified', () => {
    const fix: Fix = { ...vendoredFix, verified: true, files: [{ path: vendoredNamespace.path, content: manifest(625) }] };
    expect(formatMarkdown(reportWith(fix), { fixCommand: { command: 'prune-guard fix diff a b' } })).toContain(
      '  New file `apps/legacy/namespace-vendored.yaml`: 625 lines; `prune-guard fix diff a b --write` writes it.\n',
    );
  });

  it('escapes markdown and HTML in a fix description', () => {
    const fix: Fix = { ...vendoredFix, description: 'Vendors <img src=x onerror=alert(1)> into *crds* from [x](http://evil) with `ticks` and _under_.' };
    const rendered = formatMarkdown(reportWith(fix));
    // Plain words stay; every token that could be live is code.
    expect(rendered).toContain('- Vendors `<img` src=x `onerror=alert(1)>` into `*crds*` from `[x](http://evil)` with `` `ticks` `` and `_under_`. (not verified)');
    const outsideCode = rendered.replace(/(`+)[^`]+?\1(?!`)/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('[x](http://evil)');
  });
});

describe('formatJson', () => {
  const parsed = JSON.parse(formatJson(report)) as Report;

  it('lists each fix once, with source, entries, edits, files, restores and verified, and points every finding at its fix', () => {
    expect(parsed.fixes).toEqual([remoteFix, vendoredFix]);
    expect(parsed.findings.map((finding) => finding.fixIndex)).toEqual([...plurals.map(() => 0), 1, undefined]);
    expect(Object.keys(parsed.fixes[1] ?? {}).sort()).toEqual(['description', 'edits', 'entries', 'files', 'restores', 'source', 'verified']);
  });

  it('holds a vendored file once however many findings it resolves', () => {
    expect(count(formatJson(report), JSON.stringify(remoteFix.description))).toBe(1);
  });

  it('gives a finding without a fix no fix key', () => {
    const notice = parsed.findings.find((finding) => finding.rule === 'object-removed');
    expect(notice).toBeDefined();
    expect(notice).not.toHaveProperty('fixIndex');
  });
});

describe('headings for one fix and for several', () => {
  const single = reportWith(vendoredFix);

  it.each([
    ['text', (r: Report) => formatText(r, { color: false }), 'Fix (prune-guard fix', 'Fixes (prune-guard fix'],
    ['markdown', (r: Report) => formatMarkdown(r), '#### Fix\n', '#### Fixes\n'],
  ])('%s says Fix for one and Fixes for two', (_format, render, one, many) => {
    expect(render(single)).toContain(one);
    expect(render(single)).not.toContain(many);
    expect(render(report)).toContain(many);
  });
});

describe('a report without fixes', () => {
  it.each([
    ['text', formatText(plain, { color: false }), /^Fix(es)? \(/m],
    ['markdown', formatMarkdown(plain), /^#### Fix|prune-guard fix --write/m],
  ])('has no fix section in %s', (_format, rendered, section) => {
    // The findings are there; only the fixes are not.
    expect(rendered).toContain('kind01s.crd.projectcalico.org');
    expect(rendered).not.toMatch(section);
  });

  it('leaves the findings without a fix key in JSON', () => {
    const parsed = JSON.parse(formatJson(plain)) as Report;
    for (const finding of parsed.findings) expect(finding).not.toHaveProperty('fixIndex');
  });
});
