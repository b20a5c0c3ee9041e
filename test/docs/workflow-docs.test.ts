import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

function readRepositoryFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

/** The workflow a document shows: its first yaml block that runs prune-guard/prune-guard. */
function readShownWorkflow(path: string): unknown {
  const blocks = [...readRepositoryFile(path).matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const workflow = blocks.find((block) => block.includes('uses: prune-guard/prune-guard@'));
  if (workflow === undefined) throw new Error(`${path} shows no workflow that uses prune-guard/prune-guard`);
  return parse(workflow);
}

/** What a reader copies and must get right: the events, the permissions, the runner and the steps' actions and settings. */
function summarizeWorkflow(workflow: unknown): unknown {
  const { on, permissions, jobs } = workflow as { on: unknown; permissions: unknown; jobs: Record<string, { 'runs-on': unknown; steps: Array<{ uses: string; with?: Record<string, unknown> }> }> };
  const job = jobs['prune-guard'];
  return {
    on,
    permissions,
    runsOn: job?.['runs-on'],
    steps: job?.steps.map((step) => (step.uses.startsWith('actions/checkout@') ? { uses: step.uses, with: step.with } : { uses: step.uses })),
  };
}

describe('the workflow the documentation shows', () => {
  const example = summarizeWorkflow(parse(readRepositoryFile('examples/workflows/prune-guard.yml')));

  it.each(['README.md', 'docs/action.md'])('%s shows the example workflow of examples/workflows/', (path) => {
    expect(summarizeWorkflow(readShownWorkflow(path))).toEqual(example);
  });
});

describe('the README', () => {
  it('names the commands that install and test (CI runs npm install-test), and the fast unit tests', () => {
    const readme = readRepositoryFile('README.md');
    for (const command of ['npm install-test', 'npm run test:unit', 'npm test']) expect(readme).toContain(command);
  });
});
