import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The markdown files a reader meets: the README, the policy files and docs/. */
function listDocuments(): string[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  return ['README.md', 'SECURITY.md', 'CHANGELOG.md', ...docs].filter((path) => existsSync(join(ROOT, path))).sort();
}

/** The text outside fenced code blocks and inline code, where markdown links live. */
function stripCode(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, markup and punctuation dropped, spaces as dashes. */
function slugify(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a document offers: its headings (numbered as GitHub numbers repeats) and explicit ids. */
function listAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const outsideFences = text.replace(/^```[\s\S]*?^```/gm, '');
  for (const match of outsideFences.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = slugify(match[1] ?? '');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  for (const match of text.matchAll(/<a id="([^"]+)"/g)) anchors.add(match[1] ?? '');
  return anchors;
}

/** The relative link targets of a document: no scheme, so a file of this repository or an anchor. */
function listRelativeLinks(text: string): string[] {
  return [...stripCode(text).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '').filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

describe('links in README.md, SECURITY.md, CHANGELOG.md and docs/', () => {
  const documents = listDocuments();

  it('finds the documents', () => {
    expect(documents).toContain('README.md');
    expect(documents).toContain('docs/rules.md');
  });

  it('point at files that exist, and at headings those files have', () => {
    const broken: string[] = [];
    for (const document of documents) {
      const text = readFileSync(join(ROOT, document), 'utf8');
      for (const target of listRelativeLinks(text)) {
        const [path = '', anchor] = target.split('#');
        const file = path === '' ? document : relative(ROOT, resolve(ROOT, dirname(document), decodeURIComponent(path))).split('\\').join('/');
        if (!existsSync(join(ROOT, file))) {
          broken.push(`${document}: ${target} (no file ${file})`);
          continue;
        }
        if (anchor !== undefined && file.endsWith('.md') && !listAnchors(readFileSync(join(ROOT, file), 'utf8')).has(anchor)) {
          broken.push(`${document}: ${target} (no heading #${anchor} in ${file})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('would notice a broken link', () => {
    expect(listRelativeLinks('see [a](docs/none.md#x), [b](https://example.com), `[c](d.md)`')).toEqual(['docs/none.md#x']);
    expect([...listAnchors('## `crd-removed`\n## Check (the default): git mode\n## Notes\n## Notes\n')]).toEqual(['crd-removed', 'check-the-default-git-mode', 'notes', 'notes-1']);
  });
});

describe('docs/action.md', () => {
  it('keeps the markers the inputs and outputs tables are generated between, each once and in order', () => {
    const lines = readFileSync(join(ROOT, 'docs/action.md'), 'utf8').split('\n');
    for (const table of ['action-inputs', 'action-outputs']) {
      const starts = lines.flatMap((line, index) => (line === `<!-- ${table}:start -->` ? [index] : []));
      const ends = lines.flatMap((line, index) => (line === `<!-- ${table}:end -->` ? [index] : []));
      expect({ table, starts: starts.length, ends: ends.length }).toEqual({ table, starts: 1, ends: 1 });
      expect((starts[0] ?? 0) < (ends[0] ?? 0)).toBe(true);
    }
  });
});
