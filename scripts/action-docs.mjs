/**
 * Writes the tables of the Action's inputs and outputs into docs/action.md from action.yml,
 * between `<!-- action-inputs:start -->` / `<!-- action-inputs:end -->` and
 * `<!-- action-outputs:start -->` / `<!-- action-outputs:end -->`, so the two never disagree.
 * Also refuses an action.yml the Marketplace would refuse (a description of 125 characters or
 * more, a badge colour it does not know).
 *
 * Usage: node scripts/action-docs.mjs [--check] [--action FILE] [--docs FILE]
 *   --check  write nothing; exit 1 with one line when the docs are stale
 * Exit 2 (one line) when a file is missing, unreadable or lacks its markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A problem with the inputs of this script, not staleness: exit 2. */
class UsageError extends Error {}

/** The Marketplace refuses a description of 125 characters or more. */
const MAX_DESCRIPTION = 124;
/** The badge colours GitHub's metadata syntax names. */
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

/** Text safe in one table cell: pipes escaped (inside code spans too, as GFM wants), lines joined with <br>. */
function escapeCell(text) {
  return String(text).trim().replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

/** A default as a code span, fenced by more backticks than it holds; an empty default stays empty. */
function formatDefault(value) {
  if (value === undefined || value === null || String(value) === '') return '';
  const text = String(value);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return escapeCell(`${fence}${pad}${text}${pad}${fence}`);
}

/** The markdown table of the inputs: name, description, default, in action.yml's order. */
function formatInputs(inputs) {
  const rows = Object.entries(inputs ?? {}).map(
    ([name, input]) => `| \`${escapeCell(name)}\` | ${escapeCell(input?.description ?? '')} | ${formatDefault(input?.default)} |`,
  );
  return ['| Input | Description | Default |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The markdown table of the outputs: name and description, in action.yml's order. */
function formatOutputs(outputs) {
  const rows = Object.entries(outputs ?? {}).map(([name, output]) => `| \`${escapeCell(name)}\` | ${escapeCell(output?.description ?? '')} |`);
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

/** What the Marketplace would refuse in the action's metadata, one line each. */
function findMetadataProblems(action) {
  const problems = [];
  const description = String(action?.description ?? '');
  if (description.length > MAX_DESCRIPTION) {
    problems.push(`description has ${description.length} characters; the Marketplace takes at most ${MAX_DESCRIPTION}`);
  }
  const color = action?.branding?.color;
  if (color !== undefined && !BRANDING_COLORS.includes(color)) problems.push(`branding.color '${color}' is none of ${BRANDING_COLORS.join(', ')}`);
  return problems;
}

/** `text` with what lies between the `name` markers replaced by `table`; each marker must appear once, start first. */
function replaceBetween(text, name, table, where) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0 || to < from || text.indexOf(start, from + 1) >= 0 || text.indexOf(end, to + 1) >= 0) {
    throw new UsageError(`${where} needs '${start}' and then '${end}', once each`);
  }
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

/** A file's text, or a UsageError naming it. */
function readText(path, where) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${where}: ${error.code ?? error.message}`);
  }
}

/** Checks or writes the docs; the exit code. */
function main() {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, action: { type: 'string' }, docs: { type: 'string' } },
    strict: true,
  });
  const actionPath = resolve(values.action ?? resolve(root, 'action.yml'));
  const docsPath = resolve(values.docs ?? resolve(root, 'docs/action.md'));
  const actionName = relative(process.cwd(), actionPath) || actionPath;
  const docsName = relative(process.cwd(), docsPath) || docsPath;

  let action;
  try {
    action = parse(readText(actionPath, actionName));
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`${actionName} is no valid YAML: ${error.message.split('\n')[0]}`);
  }
  const [problem] = findMetadataProblems(action);
  if (problem) throw new UsageError(`${actionName}: ${problem}`);

  const current = readText(docsPath, docsName);
  const wanted = replaceBetween(
    replaceBetween(current, 'action-inputs', formatInputs(action?.inputs), docsName),
    'action-outputs',
    formatOutputs(action?.outputs),
    docsName,
  );
  if (wanted === current) return 0;
  if (values.check) {
    console.error(`${docsName} does not match ${actionName}: run 'npm run docs:action' and commit the result`);
    return 1;
  }
  writeFileSync(docsPath, wanted);
  console.log(`${docsName}: inputs and outputs written from ${actionName}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`action-docs: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 2;
}
