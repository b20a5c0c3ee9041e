/**
 * Prints the section of CHANGELOG.md for one version: the lines under its `## X.Y.Z` heading
 * (`## X.Y.Z - date` and `## [X.Y.Z]` count too) up to the next `##` or `#` heading. The release
 * workflow uses it as the notes of the GitHub release, and refuses to release without one.
 *
 * Usage: node scripts/changelog-section.mjs VERSION [CHANGELOG]
 * Exit 1 with one line when the file has no such section or it is empty.
 */
import { readFileSync } from 'node:fs';

/** The text of `version`'s section, or undefined when there is none. */
function findSection(changelog, version) {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const heading = new RegExp(`^##[ \\t]+\\[?${escaped}\\]?(?:[ \\t].*)?$`);
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => heading.test(line.trimEnd()));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,2}[ \t]/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

const [version, file = 'CHANGELOG.md'] = process.argv.slice(2);
if (!version || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error('usage: node scripts/changelog-section.mjs VERSION [CHANGELOG] (VERSION as X.Y.Z)');
  process.exit(2);
}
let text;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${error.code ?? error.message}`);
  process.exit(1);
}
const section = findSection(text, version);
if (!section) {
  console.error(section === undefined ? `${file} has no '## ${version}' section` : `${file}: the '## ${version}' section is empty`);
  process.exit(1);
}
process.stdout.write(`${section}\n`);
