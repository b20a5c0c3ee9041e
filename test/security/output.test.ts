/**
 * A hostile tree through the built CLI: object names, namespaces, kinds, data, file names and
 * root directories that carry markdown, HTML, mentions, hidden markers, workflow commands and
 * terminal escapes must come out inert in every format, in the fix patch and in error lines.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configMap, hasKustomize, kustomization, makeTempDir, PROJECT_ROOT, runCli, writeTree } from '../e2e/helpers.ts';
import { readFileSync } from 'node:fs';
import { expectAbsent, expectExitCode, runEveryFormat } from './helpers.ts';
import { findLiveLogLines, findLiveMarkdown } from './markdown-structure.ts';

const PAYLOADS = [
  'a\n## heading',
  '</details>',
  '<!-- prune-guard:summary:x -->',
  '@octocat',
  '#1',
  '<img src=x onerror=alert(1)>',
  '```` `` `x',
  '::error::owned',
  '::add-mask::x',
  '::stop-commands::x',
  '##[error]x',
  '\u001b]8;;http://evil\u0007link',
  '\u001b[31mred',
];
/** A file name and a root directory that carry payloads too (a newline and ESC are legal in names). */
const FILE = 'x\n## file @octocat #1 ::error::f \u001b[31m.yaml';
const ROOT = '::error::owned ##[error]x @octocat #1 <img src=x>';

/** YAML double-quoted: JSON's escapes (`\n`, `\u001b`) are YAML's. */
const quoted = (value: string): string => JSON.stringify(value);

/** What must not appear raw in any format: terminal controls and the live forms of line breaks. */
const RAW = ['\u001b', '\u0007', '##[', '\n## heading', '\n## file'];

function hostileTree(): { before: string; after: string } {
  const dir = makeTempDir('prune-guard-hostile-');
  const all = PAYLOADS.join(' ');
  const removed = PAYLOADS.map((name, index) => configMap(quoted(name), quoted(index % 2 ? '@octocat' : 'default'), { note: all }));
  // A kind that is a workflow command, without a CRD: it keeps the namespace it declares.
  const custom = `apiVersion: example.io/v1\nkind: ${quoted('::add-mask::kind')}\nmetadata:\n  name: ${quoted('#2 @octocat')}\n  namespace: apps\n`;
  const changed = (value: string): string => configMap(quoted(PAYLOADS[0] ?? ''), 'changed', { note: `${all} ${value}` });
  writeTree(dir, {
    'before/app/kustomization.yaml': kustomization(quoted(FILE)),
    [`before/app/${FILE}`]: [...removed, custom, changed('old')].join('---\n'),
    'after/app/kustomization.yaml': kustomization(quoted(FILE)),
    [`after/app/${FILE}`]: changed('new'),
    [`before/${ROOT}/kustomization.yaml`]: kustomization('cm.yaml'),
    [`before/${ROOT}/cm.yaml`]: configMap('z', 'default', { note: all }),
    [`after/${ROOT}/kustomization.yaml`]: kustomization('cm.yaml'),
    [`after/${ROOT}/cm.yaml`]: configMap('z', 'default', { note: `${all} new` }),
  });
  return { before: join(dir, 'before'), after: join(dir, 'after') };
}

describe.skipIf(!hasKustomize)('output of a hostile tree (dist/cli.js)', () => {
  it('is inert in text, json and markdown, and the exit code is the documented one', async () => {
    const { before, after } = hostileTree();
    const runs = await runEveryFormat(['diff', before, after, '--fail-on', 'notice']);
    expectExitCode(runs, 1);
    expectAbsent(runs, RAW);
    for (const run of runs) {
      expect(findLiveLogLines(run.stdout), `${run.format} stdout`).toEqual([]);
      expect(findLiveLogLines(run.stderr), `${run.format} stderr`).toEqual([]);
    }
    const [text, json, markdown] = runs;

    // Text shows every value, its controls as escapes.
    expect(text?.stdout).toContain('ConfigMap/changed/a\\n## heading');
    expect(text?.stdout).toContain('ConfigMap/default/\\x1b[31mred');
    expect(text?.stdout).toContain('from app/x\\n## file @octocat #1 ::error::f \\x1b[31m.yaml');

    // JSON keeps every value as it was, only escaped.
    const report = JSON.parse(json?.stdout ?? '') as { findings: Array<{ object: { name: string; kind: string } }>; units: Array<{ name: string }> };
    expect(report.findings.map((finding) => finding.object.name)).toEqual(expect.arrayContaining([...PAYLOADS.slice(1), '#2 @octocat']));
    expect(report.findings.map((finding) => finding.object.kind)).toContain('::add-mask::kind');
    expect(report.units.map((unit) => unit.name)).toContain(ROOT);

    const output = markdown?.stdout ?? '';
    expect(findLiveMarkdown(output)).toEqual([]);
    expect(output).toContain('`ConfigMap/@octocat/@octocat`');
    expect(output).toContain('<summary><code>::error::owned ##\\[error]x @octocat #1 &lt;img src=x&gt;</code>');
  });

  it('keeps the fix patch and its messages inert, and says which lines git apply will reject', async () => {
    const dir = makeTempDir('prune-guard-hostile-fix-');
    const example = (side: string, file: string): string => readFileSync(join(PROJECT_ROOT, 'examples/operator-crds', side, file), 'utf8');
    const crdFile = '@octocat #1 <img src=x> ::error::f.yaml';
    writeTree(dir, {
      'before/kustomization.yaml': example('before', 'kustomization.yaml'),
      'before/operator.yaml': example('before', 'operator.yaml'),
      'before/widgets.yaml': example('before', 'widgets.yaml'),
      // The CRDs moved to a file no kustomization lists; the lines around the fix's entry act in a log.
      'after/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonAnnotations:\n  note: |\n    ::error::owned\n    ##[error]x\nresources:\n  - operator.yaml\n  - widgets.yaml\n`,
      'after/operator.yaml': example('after', 'operator.yaml'),
      'after/widgets.yaml': example('after', 'widgets.yaml'),
      [`after/${crdFile}`]: example('after', 'crds.yaml'),
    });
    const before = join(dir, 'before');
    const after = join(dir, 'after');

    const fix = await runCli(['fix', 'diff', before, after]);
    expect(fix.code, fix.stderr).toBe(1);
    expect(findLiveLogLines(fix.stdout)).toEqual([]);
    expect(findLiveLogLines(fix.stderr)).toEqual([]);
    expect(fix.stdout).toContain(`+  - "${crdFile}"`);
    expect(fix.stdout).toContain('     \\::error::owned\n     ##\\[error]x\n');
    expect(fix.stderr).toContain('2 lines of the patch held control characters or read as a CI log command');

    const runs = await runEveryFormat(['diff', before, after]);
    expectExitCode(runs, 1);
    expectAbsent(runs, RAW);
    for (const run of runs) expect(findLiveLogLines(run.stdout), run.format).toEqual([]);
    const markdown = runs.find((run) => run.format === 'markdown')?.stdout ?? '';
    expect(findLiveMarkdown(markdown)).toEqual([]);
    // The description keeps its words; the file name's live parts are code.
    expect(markdown).toContain('- Keep the 2 CRDs: list `@octocat` `#1` `<img` `src=x>` ::error::f.yaml, which holds them');
  });

  it('prints a kustomize failure on a hostile name as escaped lines, with --verbose too', async () => {
    const dir = makeTempDir('prune-guard-hostile-error-');
    writeTree(dir, {
      'before/kustomization.yaml': kustomization('cm.yaml'),
      'before/cm.yaml': configMap('a', 'default'),
      'after/kustomization.yaml': kustomization(quoted('missing\n::error::owned\r::add-mask::x ##[error]x \u001b]8;;http://evil\u0007.yaml')),
    });
    const runs = await runEveryFormat(['diff', join(dir, 'before'), join(dir, 'after'), '--verbose']);
    expectExitCode(runs, 2);
    expectAbsent(runs, RAW);
    for (const run of runs) {
      expect(run.stdout).toBe('');
      expect(findLiveLogLines(run.stderr), run.format).toEqual([]);
      expect(run.stderr).toMatch(/^prune-guard: kustomize failed on /);
    }
  });
});
