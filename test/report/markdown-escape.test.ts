/**
 * Text from the pull request (paths, unit names, messages naming them) must not turn into
 * markdown or HTML in the comment a reviewer reads.
 */
import { describe, expect, it } from 'vitest';
import type { Fix } from '../../src/core/findings.ts';
import { attachFixes, type Report } from '../../src/core/report.ts';
import { formatMarkdown, formatMarkdownWithin } from '../../src/report/markdown.ts';
import { crdYaml, toReport, yamlDocs } from '../helpers/objects.ts';

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
    expect(markdown).not.toContain('[link](http://evil)');
    expect(markdown).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(markdown).toContain('\\*\\*bold\\*\\*');
    expect(markdown).toContain('<summary>apps/&lt;img src=x onerror=alert(1)&gt;');
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
