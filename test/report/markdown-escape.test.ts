/**
 * Text from the pull request (paths, unit names, messages naming them) must not turn into
 * markdown or HTML in the comment a reviewer reads.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.ts';
import { formatMarkdown, formatMarkdownWithin } from '../../src/report/markdown.ts';
import { toReport } from '../helpers/objects.ts';

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
    const cut = formatMarkdownWithin(report, 300);
    expect(cut.markdown.length).toBeLessThanOrEqual(300);
    expect(cut.markdown).toContain('the full report is in the job summary of this run');
  });
});
