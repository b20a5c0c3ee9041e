import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report/report-model.ts';
import { formatJson } from '../../src/report/json.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatText } from '../../src/report/text.ts';
import { ks, kustomizationYaml, owner, readKs, stable, toFluxReport } from '../helpers/flux.ts';
import { toReport, yamlDocs } from '../helpers/objects.ts';

const configMap = (name: string, namespace = 'shop'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${namespace}}\n`;
const namespaceYaml = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;

const ROOT = 'flux-system/flux-system';
const PODINFO_REASON = 'its source is OCIRepository/flux-system/podinfo, not this repository';

const infraYaml = kustomizationYaml('infra', { path: './infrastructure' });
const appsYaml = kustomizationYaml('apps', { path: './apps/production' });
const podinfoYaml = kustomizationYaml('podinfo', { path: './kustomize' });
const webYaml = kustomizationYaml('web', { namespace: 'apps', path: './apps/web/', prune: false });

/**
 * flux-system/flux-system (entry point) renders infra (removed by this change), apps and podinfo
 * (another source); apps renders apps/web (prune: false). team-a/legacy is new, and its parent
 * is not in the report. Sorted by name, apps/web comes first; as a tree, it is a grandchild.
 */
const report = toFluxReport(
  {
    [ROOT]: { before: yamlDocs(infraYaml, appsYaml, podinfoYaml), after: yamlDocs(appsYaml, podinfoYaml) },
    'flux-system/infra': { before: yamlDocs(namespaceYaml('widget-system'), configMap('settings', 'widget-system')) },
    'flux-system/apps': { before: webYaml, after: webYaml },
    'apps/web': { before: yamlDocs(configMap('old'), configMap('kept')), after: configMap('kept') },
    'flux-system/podinfo': { before: '', after: '' },
    'team-a/legacy': { after: configMap('legacy', 'team-a') },
  },
  {
    [ROOT]: owner({ before: ks('flux-system', { path: './clusters/production' }), after: ks('flux-system', { path: './clusters/production' }), declaredInBefore: 'clusters/production/flux-system/gotk-sync.yaml' }),
    'flux-system/infra': owner({ before: readKs(infraYaml), parentBefore: ROOT }),
    'flux-system/apps': stable(readKs(appsYaml), ROOT),
    'apps/web': stable(readKs(webYaml), 'flux-system/apps'),
    'flux-system/podinfo': owner({ before: readKs(podinfoYaml), after: readKs(podinfoYaml), parentBefore: ROOT, parentAfter: ROOT, skippedBefore: PODINFO_REASON, skippedAfter: PODINFO_REASON }),
    'team-a/legacy': owner({ after: ks('legacy', { namespace: 'team-a', path: './legacy' }), parentAfter: 'team-a/missing' }),
  },
);

/** The lines of a text report's "Flux Kustomizations:" section. */
function fluxSection(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf('Flux Kustomizations:');
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The rows of the markdown "Flux Kustomization" table, header excluded. */
function fluxTable(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| Flux Kustomization |'));
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 2, end === -1 ? undefined : end);
}

describe('Flux units in the report', () => {
  it('gives every unit its Kustomization: path, prune, verdict, parent and why it was skipped', () => {
    expect(report.units.map(({ name, flux }) => ({ name, flux }))).toEqual([
      { name: 'apps/web', flux: { path: 'apps/web', prune: false, verdict: 'orphaned', parent: 'flux-system/apps', skipped: null } },
      { name: 'flux-system/apps', flux: { path: 'apps/production', prune: true, verdict: 'pruned', parent: ROOT, skipped: null } },
      { name: ROOT, flux: { path: 'clusters/production', prune: true, verdict: 'pruned', parent: null, skipped: null } },
      { name: 'flux-system/infra', flux: { path: 'infrastructure', prune: true, verdict: 'pruned', parent: ROOT, skipped: null } },
      { name: 'flux-system/podinfo', flux: { path: 'kustomize', prune: true, verdict: 'pruned', parent: ROOT, skipped: PODINFO_REASON } },
      { name: 'team-a/legacy', flux: { path: 'legacy', prune: true, verdict: 'pruned', parent: 'team-a/missing', skipped: null } },
    ]);
  });

  it('keeps counts and sides per Kustomization', () => {
    expect(report.units.map(({ name, before, after, counts }) => [name, before, after, counts.add, counts.prune])).toEqual([
      ['apps/web', 2, 1, 0, 1],
      ['flux-system/apps', 1, 1, 0, 0],
      [ROOT, 3, 2, 0, 1],
      ['flux-system/infra', 2, null, 0, 2],
      ['flux-system/podinfo', 0, 0, 0, 0],
      ['team-a/legacy', null, 1, 1, 0],
    ]);
  });

  it('names the unit of every finding', () => {
    expect(report.findings.map(({ rule, unit }) => `${rule} ${unit}`)).toEqual([
      'kustomization-removed flux-system/infra',
      'object-orphaned apps/web',
      'kustomization-not-rendered flux-system/podinfo',
    ]);
  });

  it('takes spec and parent from after the change, and from before for a removed Kustomization', () => {
    const moved = toFluxReport(
      { 'flux-system/apps': { before: configMap('a'), after: configMap('a') }, 'flux-system/gone': { before: configMap('b') } },
      {
        'flux-system/apps': owner({
          before: ks('apps', { path: './apps/staging', prune: true }),
          after: ks('apps', { path: './apps/production', prune: false }),
          parentBefore: 'flux-system/old-root',
          parentAfter: 'flux-system/new-root',
          skippedBefore: 'was skipped',
        }),
        'flux-system/gone': owner({ before: ks('gone', { prune: false }), parentBefore: 'flux-system/old-root', skippedBefore: 'skipped before' }),
      },
    );
    expect(moved.units.map(({ flux }) => flux)).toEqual([
      { path: 'apps/production', prune: false, verdict: 'orphaned', parent: 'flux-system/new-root', skipped: null },
      { path: 'gone', prune: false, verdict: 'orphaned', parent: 'flux-system/old-root', skipped: 'skipped before' },
    ]);
  });

  it('carries flux into the JSON report', () => {
    const json = JSON.parse(formatJson(report)) as Report;
    expect(json.units.find((unit) => unit.name === 'flux-system/infra')?.flux).toEqual({ path: 'infrastructure', prune: true, verdict: 'pruned', parent: ROOT, skipped: null });
  });
});

describe('Flux Kustomizations in text', () => {
  const text = formatText(report, { color: false });

  it('lists the Kustomizations as a tree: children indented under their parents, roots sorted', () => {
    expect(fluxSection(text)).toEqual([
      '  flux-system/flux-system  ./clusters/production  prunes; 0 to add, 0 to change, 1 to prune',
      '    flux-system/apps  ./apps/production  prunes; 0 to add, 0 to change, 0 to prune',
      '      apps/web  ./apps/web  orphans (prune: false); 0 to add, 0 to change, 1 to prune; 1 warning',
      '    flux-system/infra  ./infrastructure  removed; 0 to add, 0 to change, 2 to prune; 1 error',
      `    flux-system/podinfo  ./kustomize  not rendered: ${PODINFO_REASON}; 0 to add, 0 to change, 0 to prune; 1 notice`,
      '  team-a/legacy  ./legacy  new; 1 to add, 0 to change, 0 to prune',
    ]);
  });

  it('puts the section after the findings and before the per-unit changes', () => {
    const lines = text.split('\n');
    const findings = lines.indexOf('Findings:');
    const section = lines.indexOf('Flux Kustomizations:');
    const changes = lines.findIndex((line) => line.startsWith('apps/web (2 before, 1 after)'));
    expect(findings).toBeGreaterThan(-1);
    expect(section).toBeGreaterThan(findings);
    expect(changes).toBeGreaterThan(section);
  });

  it('shows ./ for a Kustomization at the source root', () => {
    const rootOnly = toFluxReport({ [ROOT]: { before: configMap('a'), after: configMap('a') } }, { [ROOT]: stable(ks('flux-system', { path: './' })) });
    expect(fluxSection(formatText(rootOnly, { color: false }))).toEqual(['  flux-system/flux-system  ./  prunes; 0 to add, 0 to change, 0 to prune']);
  });

  it('sorts several roots and their children by name', () => {
    const forest = toFluxReport(
      {
        'z/root': { before: '', after: '' },
        'a/root': { before: '', after: '' },
        'z/child-b': { before: '', after: '' },
        'z/child-a': { before: '', after: '' },
      },
      {
        'z/root': stable(ks('root', { namespace: 'z', path: './z' })),
        'a/root': stable(ks('root', { namespace: 'a', path: './a' })),
        'z/child-b': stable(ks('child-b', { namespace: 'z', path: './z/b' }), 'z/root'),
        'z/child-a': stable(ks('child-a', { namespace: 'z', path: './z/a' }), 'z/root'),
      },
    );
    expect(fluxSection(formatText(forest, { color: false })).map((line) => line.split('  ./')[0])).toEqual(['  a/root', '  z/root', '    z/child-a', '    z/child-b']);
  });
});

describe('Flux Kustomizations in markdown', () => {
  const markdown = formatMarkdown(report);

  it('has a Flux Kustomization table with the tree indented by non-breaking spaces', () => {
    expect(markdown).toContain('| Flux Kustomization | Path | What Flux does | Plan | Findings |\n| --- | --- | --- | --- | --- |\n');
    expect(fluxTable(markdown)).toEqual([
      '| `flux-system/flux-system` | `./clusters/production` | prunes | 0 to add, 0 to change, 1 to prune |  |',
      '| \u00a0\u00a0└\u00a0`flux-system/apps` | `./apps/production` | prunes | 0 to add, 0 to change, 0 to prune |  |',
      '| \u00a0\u00a0\u00a0\u00a0└\u00a0`apps/web` | `./apps/web` | orphans (prune: false) | 0 to add, 0 to change, 1 to prune | 1 warning |',
      '| \u00a0\u00a0└\u00a0`flux-system/infra` | `./infrastructure` | removed | 0 to add, 0 to change, 2 to prune | 1 error |',
      `| \u00a0\u00a0└\u00a0\`flux-system/podinfo\` | \`./kustomize\` | not rendered: ${PODINFO_REASON} | 0 to add, 0 to change, 0 to prune | 1 notice |`,
      '| `team-a/legacy` | `./legacy` | new | 1 to add, 0 to change, 0 to prune |  |',
    ]);
  });

  it('escapes a | in a skipped reason so the row keeps five cells', () => {
    const piped = toFluxReport(
      { 'flux-system/podinfo': { before: '', after: '' } },
      { 'flux-system/podinfo': owner({ before: ks('podinfo'), after: ks('podinfo'), skippedAfter: 'source a|b' }) },
    );
    const [row] = fluxTable(formatMarkdown(piped));
    expect(row?.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/)).toHaveLength(5);
  });
});

describe('plain kustomize reports', () => {
  const plain = toReport({
    'apps/web': { before: yamlDocs(configMap('old'), namespaceYaml('legacy')), after: '' },
    infra: { before: configMap('a'), after: configMap('a') },
  });

  it('have no flux on their units', () => {
    expect(plain.units.map((unit) => 'flux' in unit)).toEqual([false, false]);
  });

  it('have no Flux Kustomizations section in text', () => {
    const text = formatText(plain, { color: false });
    expect(text).not.toContain('Flux Kustomizations:');
    expect(fluxSection(text)).toEqual([]);
  });

  it('have no Flux Kustomization table in markdown', () => {
    expect(formatMarkdown(plain)).not.toContain('Flux Kustomization');
  });

  it('still prune every removal, as a Kustomization with prune: true would', () => {
    expect(plain.findings.map(({ rule, severity }) => `${severity} ${rule}`)).toEqual(['error namespace-removed', 'notice object-removed']);
  });
});
