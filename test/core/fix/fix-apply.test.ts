import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fix, FixEdit, FixFile } from '../../../src/core/rules/findings.ts';
import { applyFixes, formatFileChanges, type FileChange } from '../../../src/core/fix/fix-apply.ts';

const KUSTOMIZATION = 'infra/calico/kustomization.yaml';

// Line 4 is app.yaml, line 5 db.yaml, line 6 web.yaml.
const kustomization = [
  'apiVersion: kustomize.config.k8s.io/v1beta1',
  'kind: Kustomization',
  'resources:',
  '  - app.yaml',
  '  - db.yaml',
  '  - web.yaml',
  '',
].join('\n');

function edit(startLine: number, endLine: number, replacement: string, path = KUSTOMIZATION): FixEdit {
  return { path, startLine, endLine, replacement, description: `Replaces lines ${startLine}-${endLine} of ${path}.` };
}

function fix(description: string, edits: readonly FixEdit[], files: readonly FixFile[] = []): Fix {
  return {
    source: files.length > 0 ? 'vendored' : 'local',
    description,
    entries: [],
    edits,
    files,
    restores: [],
    verified: true,
  };
}

/** A read port over an in-memory tree, as the CLI reads the head tree. */
function reader(tree: Readonly<Record<string, string>>): (path: string) => string | undefined {
  return (path) => (Object.hasOwn(tree, path) ? tree[path] : undefined);
}

/** The contents after the changes, as `path -> after`. */
function afterOf(changes: readonly FileChange[]): Record<string, string> {
  return Object.fromEntries(changes.map((change) => [change.path, change.after]));
}

describe('applyFixes', () => {
  it('inserts a resources entry before line 4 by replacing that line with two', () => {
    const { changes, applied, skipped } = applyFixes(
      [fix('Adds crds.yaml.', [edit(4, 4, '  - crds.yaml\n  - app.yaml')])],
      reader({ [KUSTOMIZATION]: kustomization }),
    );
    expect(changes).toEqual([
      {
        path: KUSTOMIZATION,
        before: kustomization,
        after: [
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          '  - crds.yaml',
          '  - app.yaml',
          '  - db.yaml',
          '  - web.yaml',
          '',
        ].join('\n'),
      },
    ]);
    expect(applied).toHaveLength(1);
    expect(skipped).toEqual([]);
  });

  describe('two fixes editing different lines of one file', () => {
    // Both fixes' line numbers refer to the file as it is: applied top-down, the second
    // would land one line too high (on db.yaml) after the first adds a line.
    const top = fix('Adds crds.yaml.', [edit(4, 4, '  - crds.yaml\n  - app.yaml')]);
    const bottom = fix('Adds web-crds.yaml.', [edit(6, 6, '  - web.yaml\n  - web-crds.yaml')]);
    const expected = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - crds.yaml',
      '  - app.yaml',
      '  - db.yaml',
      '  - web.yaml',
      '  - web-crds.yaml',
      '',
    ].join('\n');

    it.each([
      ['top first', [top, bottom]],
      ['bottom first', [bottom, top]],
    ])('applies both, given %s', (_order, fixes) => {
      const { changes, applied, skipped } = applyFixes(fixes, reader({ [KUSTOMIZATION]: kustomization }));
      expect(afterOf(changes)).toEqual({ [KUSTOMIZATION]: expected });
      expect(applied).toEqual(fixes);
      expect(skipped).toEqual([]);
    });

    it('gives what applying them one after another gives, the second on its shifted line', () => {
      const [first] = applyFixes([top], reader({ [KUSTOMIZATION]: kustomization })).changes;
      if (!first) throw new Error('the first fix changes the kustomization');
      // After the first fix web.yaml is on line 7.
      const shifted = fix('Adds web-crds.yaml.', [edit(7, 7, '  - web.yaml\n  - web-crds.yaml')]);
      const [second] = applyFixes([shifted], reader({ [KUSTOMIZATION]: first.after })).changes;
      const together = applyFixes([top, bottom], reader({ [KUSTOMIZATION]: kustomization })).changes;
      expect(second?.after).toBe(expected);
      expect(afterOf(together)).toEqual({ [KUSTOMIZATION]: second?.after });
    });
  });

  it.each([
    ['on the same line', [4, 4], [4, 4]],
    ['inside the first', [4, 6], [5, 5]],
    ['around the first', [5, 5], [4, 6]],
    ['sharing its last line', [4, 5], [5, 6]],
    ['sharing its first line', [5, 6], [4, 5]],
  ])('skips the whole second fix when its edit overlaps the first %s', (_name, [firstStart, firstEnd], [secondStart, secondEnd]) => {
    const first = fix('First.', [edit(firstStart as number, firstEnd as number, '  - first.yaml')]);
    // The second fix also edits another file, cleanly: that edit is left out with the rest.
    const second = fix('Second.', [edit(secondStart as number, secondEnd as number, '  - second.yaml'), edit(1, 1, 'resources: []', 'other/kustomization.yaml')]);
    const { changes, applied, skipped } = applyFixes([first, second], reader({ [KUSTOMIZATION]: kustomization, 'other/kustomization.yaml': 'resources:\n' }));
    expect(applied).toEqual([first]);
    expect(skipped).toEqual([second]);
    expect(changes.map((change) => change.path)).toEqual([KUSTOMIZATION]);
    expect(changes[0]?.after).toContain('first.yaml');
    expect(changes[0]?.after).not.toContain('second.yaml');
  });

  it('applies edits on adjacent lines: they do not overlap', () => {
    const first = fix('First.', [edit(4, 4, '  - first.yaml')]);
    const second = fix('Second.', [edit(5, 5, '  - second.yaml')]);
    const { changes, skipped } = applyFixes([first, second], reader({ [KUSTOMIZATION]: kustomization }));
    expect(skipped).toEqual([]);
    expect(changes[0]?.after).toBe(kustomization.replace('app.yaml', 'first.yaml').replace('db.yaml', 'second.yaml'));
  });

  const vendored: FixFile = { path: 'infra/calico/vendored-crds.yaml', content: '---\nkind: CustomResourceDefinition\n' };
  it.each([
    [
      'a fix whose file does not exist',
      [fix('Edits a missing file.', [edit(4, 4, '  - x.yaml', 'gone/kustomization.yaml')])],
      { [KUSTOMIZATION]: kustomization },
    ],
    [
      'a fix creating a file that already exists',
      [fix('Vendors over an existing file.', [edit(4, 4, '  - vendored-crds.yaml\n  - app.yaml')], [vendored])],
      { [KUSTOMIZATION]: kustomization, [vendored.path]: 'kind: ConfigMap\n' },
    ],
  ])('skips %s and changes nothing', (_name, fixes, tree) => {
    const { changes, applied, skipped } = applyFixes(fixes, reader(tree));
    expect(changes).toEqual([]);
    expect(applied).toEqual([]);
    expect(skipped).toEqual(fixes);
  });

  it('skips the second of two fixes creating the same new file', () => {
    const first = fix('Vendors the CRDs.', [edit(4, 4, '  - vendored-crds.yaml\n  - app.yaml')], [vendored]);
    const second = fix('Vendors them again.', [edit(6, 6, '  - web.yaml\n  - vendored-crds.yaml', 'apps/web/kustomization.yaml')], [
      { path: vendored.path, content: '---\nkind: Namespace\n' },
    ]);
    const { changes, applied, skipped } = applyFixes([first, second], reader({ [KUSTOMIZATION]: kustomization, 'apps/web/kustomization.yaml': kustomization }));
    expect(applied).toEqual([first]);
    expect(skipped).toEqual([second]);
    expect(changes.map((change) => change.path)).toEqual([KUSTOMIZATION, vendored.path]);
    expect(afterOf(changes)[vendored.path]).toBe(vendored.content);
  });

  it('gives a vendoring fix as two changes sorted by path, the new file without a before', () => {
    // The new file sorts before the kustomization it is listed in.
    const file: FixFile = { path: 'infra/calico/crds-vendored.yaml', content: '---\nkind: CustomResourceDefinition\n' };
    const { changes } = applyFixes([fix('Vendors the CRDs.', [edit(4, 4, '  - crds-vendored.yaml\n  - app.yaml')], [file])], reader({ [KUSTOMIZATION]: kustomization }));
    expect(changes).toEqual([
      { path: 'infra/calico/crds-vendored.yaml', before: undefined, after: file.content },
      { path: KUSTOMIZATION, before: kustomization, after: kustomization.replace('  - app.yaml', '  - crds-vendored.yaml\n  - app.yaml') },
    ]);
  });

  it('gives the same changes for the same fixes, in whatever order non-colliding fixes come', () => {
    const tree = { [KUSTOMIZATION]: kustomization, 'apps/web/kustomization.yaml': kustomization };
    const fixes = [
      fix('Vendors the CRDs.', [edit(4, 4, '  - vendored-crds.yaml\n  - app.yaml')], [vendored]),
      fix('Adds web-crds.yaml.', [edit(5, 6, '  - web-crds.yaml')]),
      fix('Adds crds.yaml to web.', [edit(3, 3, 'resources:\n  - crds.yaml', 'apps/web/kustomization.yaml')]),
    ];
    const once = applyFixes(fixes, reader(tree));
    const again = applyFixes(fixes, reader(tree));
    const reversed = applyFixes([...fixes].reverse(), reader(tree));
    expect(again).toEqual(once);
    expect(reversed.changes).toEqual(once.changes);
    expect(formatFileChanges(again.changes)).toBe(formatFileChanges(once.changes));
    expect(formatFileChanges(reversed.changes)).toBe(formatFileChanges(once.changes));
  });
});

describe('formatFileChanges', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const git = (cwd: string, args: readonly string[], input?: string): string =>
    execFileSync('git', args, { cwd, encoding: 'utf8', ...(input === undefined ? {} : { input }), stdio: ['pipe', 'pipe', 'pipe'] });

  // A kustomization edited by two fixes, one file without a trailing newline, and a new file
  // in a directory that does not exist yet.
  const tree = {
    [KUSTOMIZATION]: kustomization,
    'apps/web/kustomization.yaml': 'resources:\n  - deployment.yaml',
  };
  const fixes = [
    fix('Vendors the CRDs.', [edit(4, 4, '  - ../../vendor/calico/crds.yaml\n  - app.yaml')], [
      { path: 'vendor/calico/crds.yaml', content: '---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ippools.crd.projectcalico.org\n' },
    ]),
    fix('Adds web-crds.yaml.', [edit(6, 6, '  - web.yaml\n  - web-crds.yaml')]),
    fix('Adds the service to web.', [edit(2, 2, '  - deployment.yaml\n  - service.yaml', 'apps/web/kustomization.yaml')]),
  ];
  const { changes } = applyFixes(fixes, reader(tree));
  const patch = formatFileChanges(changes);

  it('writes git headers for changed and new files', () => {
    const lines = patch.split('\n');
    for (const path of [KUSTOMIZATION, 'apps/web/kustomization.yaml']) {
      const start = lines.indexOf(`diff --git a/${path} b/${path}`);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(lines.slice(start + 1, start + 3)).toEqual([`--- a/${path}`, `+++ b/${path}`]);
    }
    const start = lines.indexOf('diff --git a/vendor/calico/crds.yaml b/vendor/calico/crds.yaml');
    expect(start).toBeGreaterThanOrEqual(0);
    expect(lines.slice(start + 1, start + 4)).toEqual(['new file mode 100644', '--- /dev/null', '+++ b/vendor/calico/crds.yaml']);
    expect(patch).not.toMatch(/^Index:|^====/m);
  });

  it('is a patch git apply takes, giving the files after the fixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prune-guard-fix-apply-'));
    dirs.push(dir);
    git(dir, ['init', '--quiet']);
    for (const [path, content] of Object.entries(tree)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    expect(changes.map((change) => change.path)).toEqual(['apps/web/kustomization.yaml', KUSTOMIZATION, 'vendor/calico/crds.yaml']);

    git(dir, ['apply', '--check', '-'], patch);
    git(dir, ['apply', '-'], patch);

    for (const change of changes) expect(readFileSync(join(dir, change.path), 'utf8')).toBe(change.after);
    // The patch was applied as a whole, not just checked.
    expect(readFileSync(join(dir, 'apps/web/kustomization.yaml'), 'utf8')).toBe('resources:\n  - deployment.yaml\n  - service.yaml');
  });

  it('is empty when nothing changes', () => {
    expect(formatFileChanges([])).toBe('');
  });
});
