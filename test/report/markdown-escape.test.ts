/**
 * Text from the pull request (paths, unit names, messages naming them) must not turn into
 * markdown or HTML in the comment a reviewer reads.
 */
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/rules/findings.ts';
import { attachFixes, type Report } from '../../src/core/report/report-model.ts';
import { formatMarkdown, formatMarkdownWithin } from '../../src/report/markdown.ts';
import { formatCellCode, formatCellProse, formatCode, formatFence, formatHtmlCode, formatProse } from '../../src/report/markdown-escape.ts';
import { crdYaml, toReport, yamlDocs } from '../helpers/objects.ts';
import { findLiveMarkdown } from '../security/markdown-structure.ts';

const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

function reportWithHostileNames(): Report {
  const report = toReport({ 'apps/<img src=x onerror=alert(1)>': { before: namespace, after: '' }, other: { before: '', after: '' } });
  // Provenance comes from the repository's own file names.
  const findings = report.findings.map((finding) => ({ ...finding, provenance: { file: 'apps/**bold**/[link](http://evil)/<b>x</b>.yaml', kustomization: 'apps/kustomization.yaml', line: 3 } }));
  return { ...report, findings };
}

describe('markdown escaping', () => {
  it('escapes HTML and markdown in table cells and summaries', () => {
    const markdown = formatMarkdown(reportWithHostileNames());
    // Code spans show their text literally; outside them, nothing may stay live.
    const outsideCode = markdown.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('<b>');
    expect(outsideCode).not.toContain('[link](http://evil)');
    expect(outsideCode).not.toContain('**bold**');
    // A path is one code span, shown as written.
    expect(markdown).toContain('from `apps/**bold**/[link](http://evil)/<b>x</b>.yaml`, listed at `apps/kustomization.yaml:3`');
    expect(markdown).toContain('<summary><code>apps/&lt;img src=x onerror=alert(1)&gt;</code>');
  });

  it('falls back to shorter tiers to fit a limit, and says where the rest is', () => {
    const report = reportWithHostileNames();
    const full = formatMarkdownWithin(report, 100_000);
    expect(full.detail).toBe('full');
    const findingsOnly = formatMarkdownWithin(report, formatMarkdown(report, { omitDiffs: true }).length - 1);
    expect(findingsOnly.detail).toBe('findings-only');
    expect(findingsOnly.markdown).toContain('_Per-Kustomization details and object diffs are in the job summary of this run._');
    const cut = formatMarkdownWithin(report, 120);
    expect(cut.markdown.length).toBeLessThanOrEqual(120);
    expect(cut.markdown).toContain('the full report is in the job summary of this run');
  });

  it('cuts a report too long for the limit between lines, never inside a code span or fence', () => {
    const names = Array.from({ length: 40 }, (_, i) => `@octocat-${i}`);
    const report = toReport({ app: { before: yamlDocs(...names.map((name) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "${name}"\n`)), after: '' } });
    const fix: Fix = {
      source: 'vendored',
      description: 'Vendors @octocat into #1.',
      entries: [],
      edits: [],
      files: [{ path: 'app/@octocat.yaml', content: names.map((name) => `# ${name}\n`).join('') }],
      restores: [],
      verified: false,
    };
    const withFix = attachFixes(report, [fix], new Map());
    for (let limit = 200; limit < 1200; limit += 37) {
      const { markdown } = formatMarkdownWithin(withFix, limit);
      expect(markdown.length).toBeLessThanOrEqual(limit);
      expect(findLiveMarkdown(markdown), `limit ${limit}`).toEqual([]);
    }
  });

  it('drops findings rows before the verdict and the fix when even findings only do not fit', () => {
    const plurals = Array.from({ length: 600 }, (_, i) => `kind${String(i + 1).padStart(4, '0')}s`);
    const pruned = toReport({ 'infra/big': { before: yamlDocs(...plurals.map((plural, i) => crdYaml(plural, 'operators.example.io', `Kind${i + 1}`, 'Cluster'))), after: '' } });
    const fix: Fix = {
      source: 'remote',
      description: 'Keep the 600 CRDs: list crds.yaml.',
      entries: ['crds.yaml'],
      edits: [{ path: 'infra/big/kustomization.yaml', startLine: 4, endLine: 4, replacement: '  - crds.yaml\n  - operator.yaml', description: 'd' }],
      files: [],
      restores: [],
      verified: true,
    };
    const report = attachFixes(pruned, [fix], new Map());
    expect(formatMarkdown(report, { findingsOnly: true, omitDiffs: true }).length).toBeGreaterThan(65_536);

    const { markdown, detail } = formatMarkdownWithin(report, 65_536);
    expect(detail).toBe('findings-only');
    expect(markdown.length).toBeLessThanOrEqual(65_536);
    expect(markdown).toContain('#### Fix\n');
    expect(markdown).toContain('```yaml\n    - crds.yaml\n    - operator.yaml\n  ```');
    expect(markdown).toContain('600 errors, 0 warnings, 0 notices. Blocking: findings at or above error.');
    const shown = markdown.split('\n').filter((line) => line.startsWith('| :stop_sign: error |')).length;
    expect(shown).toBeGreaterThan(100);
    expect(markdown).toContain(`_...and ${600 - shown} more findings: the job summary of this run lists them all._`);
    // The most serious first, and whole rows only.
    expect(markdown).toContain('kind0001s.operators.example.io');
    expect(markdown).not.toContain('the full report is in the job summary');
  });
});

describe('the escaping module', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    ['end``', '``` end`` ```'],
    [' both ', '`  both  `'],
    ['   ', '`   `'],
    ['', '*(empty)*'],
    ['a\nb\u001b[31m\u202e', '`a\\nb\\x1b[31m\\u202e`'],
    ['<!-- prune-guard:summary:x -->', '`<\\!-- prune-guard:summary:x -->`'],
  ])('shows %j as the code span %j', (value, span) => {
    expect(formatCode(value)).toBe(span);
  });

  it('escapes | in a table cell, inside the code span too', () => {
    expect(formatCellCode('a|b')).toBe('`a\\|b`');
    expect(formatCellProse('keep a|b and c')).toBe('keep `a\\|b` and c');
  });

  it.each([
    ['ping @octocat now', 'ping `@octocat` now'],
    ['see #1, org/repo#2 and GH-3.', 'see `#1`, `org/repo#2` and `GH-3`.'],
    ['at https://evil.example/x or www.evil.example', 'at `https://evil.example/x` or `www.evil.example`'],
    ['*bold* _em_ ~~gone~~ $x$ &amp; \\', '`*bold*` `_em_` `~~gone~~` `$x$` `&amp`; `\\`'],
    ['![i](x) [l](y) <b>', '`![i](x)` `[l](y)` `<b>`'],
    ['(see f(x)) and réseau', '(see f(x)) and `réseau`'],
    ['- 1. + = ---', '`-` `1.` `+` `=` `---`'],
    ['Keep the 2 CRDs: list crds.yaml, which holds them.', 'Keep the 2 CRDs: list crds.yaml, which holds them.'],
  ])('keeps the words of %j and quotes the rest: %j', (text, markdown) => {
    expect(formatProse(text)).toBe(markdown);
  });

  it('uses <code> with escaped text inside raw HTML', () => {
    expect(formatHtmlCode('a<b>&"\'@x\n')).toBe('<code>a&lt;b&gt;&amp;&quot;&#39;@x\\n</code>');
  });

  it('fences text longer than its longest backtick run, with controls escaped and <!-- broken', () => {
    expect(formatFence('a ```` b\n\u001b[31m<!-- x -->\tc', 'diff')).toBe('`````diff\na ```` b\n\\x1b[31m<\\!-- x -->\tc\n`````');
    expect(formatFence('plain', 'yaml')).toBe('```yaml\nplain\n```');
  });
});
