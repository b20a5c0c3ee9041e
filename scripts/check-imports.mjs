// Fails when an import in src/ points up the layers or closes a circle, so the house keeps
// its shape: adapters -> app -> flux | github -> render | report -> core, and inside core
// text -> objects -> helm -> diff -> rules -> config -> fix -> report, read from the bottom up.
// Type-only imports count: a type that climbs up ties the layers as much as a value does.
// Usage: node scripts/check-imports.mjs [src-dir]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const srcDir = resolve(process.argv[2] ?? 'src');

/** What each folder of src/ may import besides itself; `adapters` are the files at the top. */
const MAY_IMPORT = {
  core: [],
  render: ['core'],
  report: ['core'],
  flux: ['core', 'render'],
  github: ['core', 'report'],
  app: ['core', 'render', 'flux', 'report', 'github'],
  adapters: ['core', 'render', 'flux', 'report', 'github', 'app'],
};

/** The rooms of core from the bottom up: a room may import its own and the ones below it. */
const CORE_ORDER = ['errors.ts', 'data', 'text', 'objects', 'helm', 'resourceset', 'diff', 'rules', 'config', 'fix', 'report'];

function listSources(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listSources(path);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

/** `core/objects/scope.ts` -> { folder: 'core', room: 'objects' }; `cli.ts` -> adapters. */
function place(file) {
  const parts = relative(srcDir, file).split(sep);
  if (parts.length === 1) return { folder: 'adapters', room: parts[0] };
  return { folder: parts[0], room: parts[1] };
}

/** Relative imports of a file, resolved to files: static, re-exports, type-only and dynamic. */
function listImports(file) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((entry) => entry.fileName)
    .filter((name) => name.startsWith('./') || name.startsWith('../'))
    .map((name) => resolve(dirname(file), name));
}

/** Why `from` may not import `to`; undefined when it may. */
function findLayerProblem(from, to) {
  const a = place(from);
  const b = place(to);
  if (b.folder === 'adapters') return `${b.room} is an adapter: nothing imports it`;
  if (a.folder !== b.folder) {
    const allowed = MAY_IMPORT[a.folder];
    if (!allowed) return `src/${a.folder}/ is no known layer: add it to MAY_IMPORT in scripts/check-imports.mjs`;
    return allowed.includes(b.folder) ? undefined : `src/${a.folder}/ may not import src/${b.folder}/ (it may import: ${allowed.join(', ') || 'core only'})`;
  }
  if (a.folder !== 'core') return undefined;
  const rankA = CORE_ORDER.indexOf(a.room);
  const rankB = CORE_ORDER.indexOf(b.room);
  if (rankA < 0) return `core/${a.room} is no known room of core: add it to CORE_ORDER in scripts/check-imports.mjs`;
  if (rankB < 0) return `core/${b.room} is no known room of core: add it to CORE_ORDER in scripts/check-imports.mjs`;
  return rankB > rankA ? `core/${a.room} sits below core/${b.room} and may not import it` : undefined;
}

/** Strongly connected components with more than one file (or a file importing itself): the circles. */
function findCircles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles;
}

/** One shortest circle through the first file of a component: the imports to break. */
function findCyclePath(graph, component) {
  const members = new Set(component);
  const [start] = component;
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const target of graph.get(node) ?? []) {
      if (target === start) {
        const path = [start];
        for (let at = node; at !== undefined; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!members.has(target) || previous.has(target)) continue;
      previous.set(target, node);
      queue.push(target);
    }
  }
  return [...component, start];
}

const files = listSources(srcDir);
const graph = new Map();
const problems = [];
const show = (file) => relative(process.cwd(), file);
let edges = 0;
for (const file of files) {
  const targets = [...new Set(listImports(file))];
  graph.set(file, targets);
  for (const target of targets) {
    edges++;
    if (!existsSync(target)) {
      problems.push(`${show(file)} -> ${show(target)}: no such file`);
      continue;
    }
    const problem = findLayerProblem(file, target);
    if (problem) problems.push(`${show(file)} -> ${show(target)}: ${problem}`);
  }
}
for (const circle of findCircles(graph)) {
  const path = findCyclePath(graph, circle);
  const tied = circle.length > path.length - 1 ? ` (${circle.length} files are tied into circles together)` : '';
  problems.push(`circle: ${path.map(show).join(' -> ')}${tied}`);
}
for (const folder of Object.keys(MAY_IMPORT)) {
  if (folder !== 'adapters' && existsSync(join(srcDir, folder)) && !existsSync(join(srcDir, folder, 'README.md'))) {
    problems.push(`src/${folder}/ has no README.md saying what lives there and what may import it`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} import problem(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`${files.length} files, ${edges} imports: none points up a layer, none closes a circle`);
