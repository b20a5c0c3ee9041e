/**
 * The one orchestration the CLI and the Action call, read top to bottom: plan the run (sides,
 * settings, mode, ports), compare the sides (renders -> object sets -> diff -> rules ->
 * Report), plan fixes for what blocks, and mask Secret values last.
 */
import { isAtOrAbove } from '../core/rules/findings.ts';
import { createSecretMask, maskReport } from '../core/report/mask-secrets.ts';
import { attachFixes, type Report } from '../core/report/report-model.ts';
import { createRepositoryContents } from '../github/contents.ts';
import { createOctokit } from '../github/gateway.ts';
import type { TemporaryCheckout } from '../render/git.ts';
import type { Compared } from './analyze-units.ts';
import { compareFluxSides } from './compare-flux-sides.ts';
import { compareSides } from './compare-sides.ts';
import { planFixes } from './fixes/plan-fixes.ts';
import { planPolicyFixes } from './fixes/plan-policy-fixes.ts';
import { planRun, type RunPlan } from './plan-run.ts';
import type { RunDependencies, RunOptions, RunResult } from './run-options.ts';

/** Runs prune-guard and returns the report. Throws PruneGuardError subclasses for user errors. */
export async function run(options: RunOptions, dependencies: RunDependencies = {}): Promise<Report> {
  return (await runWithTree(options, dependencies)).report;
}

/** Runs prune-guard; also says where the head side is, for applying fixes. */
export async function runWithTree(options: RunOptions, dependencies: RunDependencies = {}): Promise<RunResult> {
  const checkouts: TemporaryCheckout[] = [];
  let plan: RunPlan | undefined;
  try {
    plan = await planRun(options, dependencies, checkouts);
    const { before, after, render } = plan;
    const compared = await compare(plan, options);
    const { analysis } = compared;
    // Values from Secrets (Flux substitution) are masked last, once fixes are attached, in every string.
    const mask = createSecretMask(analysis.secretValues ?? []);
    const details = (analysis.unlisted ?? []).map((file) => `not applied, no kustomization lists it: ${file}`);
    const rootUnit = compared.rootUnit !== undefined ? { rootUnit: compared.rootUnit } : {};
    if (options.fixes === false) return { report: maskReport(analysis.report, mask), headRoot: after.root, fixNotes: [], details, ...rootUnit };
    // Fixes for what fails the gate (at least warnings when nothing does): a fix for a
    // notice would undo a removal nobody objects to.
    const { failOn } = render.settings;
    const fixLevel = failOn === 'never' || failOn === 'notice' ? 'warning' : failOn;
    const fixes = await planFixes(
      analysis.report.findings.filter((finding) => isAtOrAbove(finding.severity, fixLevel)),
      compared.units,
      {
        beforeRoot: before.root,
        head: { root: after.root, show: after.show, ...(after.files ? { files: after.files } : {}) },
        beforeLabel: before.info.label,
        runner: render.runner,
        remote: render.remote,
        ...(plan.github ? { contents: createRepositoryContents(createOctokit(plan.github)) } : {}),
        scope: analysis.scope,
        config: render.settings.config,
        concurrency: render.concurrency,
        documents: render.documents,
      },
    );
    const worthFixing = analysis.report.findings.filter((finding) => isAtOrAbove(finding.severity, fixLevel));
    const policy = planPolicyFixes(analysis.crdPolicyFixes ?? [], worthFixing, after.root);
    const targets = new Map([...fixes.targets, ...[...policy.targets].map(([key, index]) => [key, index + fixes.fixes.length] as const)]);
    return { report: maskReport(attachFixes(analysis.report, [...fixes.fixes, ...policy.fixes], targets), mask), headRoot: after.root, fixNotes: fixes.notes.map(mask.text), details, ...rootUnit };
  } finally {
    // A failed build leaves the others' downloads under way; nothing needs them any more.
    plan?.render.remote.fetcher.close();
    // Renders this run made are written in the background; the next run reads them.
    await plan?.render.renders?.close();
    // Removed while the adapters write the verdict; they wait for it before they exit.
    for (const checkout of checkouts) checkout.release();
  }
}

/** Compares the sides in the plan's mode. */
async function compare(plan: RunPlan, options: RunOptions): Promise<Compared> {
  const { before, after, paths, render } = plan;
  const changes = { ...(plan.changed ? { changed: plan.changed } : {}), ...(plan.ignored ? { ignored: plan.ignored } : {}) };
  if (plan.mode === 'flux') {
    // An artifact copies the whole tree; and it holds no symlinks, which plain builds follow.
    const [repoUrl] = await Promise.all([plan.readRepoUrl?.(), before.partial?.writeAll()]);
    return compareFluxSides({ before, after, ...(repoUrl ? { repoUrl } : {}), ...(plan.branch ? { branch: plan.branch } : {}), ...changes }, render);
  }
  return compareSides(
    { before, after, paths, requireBothSides: options.source.kind === 'dirs', ...changes, ...(plan.symlinks ? { symlinks: plan.symlinks } : {}), ...(plan.rootName ? { rootName: plan.rootName } : {}) },
    render,
  );
}
