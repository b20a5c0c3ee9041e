/**
 * The configuration in force for a run, and the verdict level it resolves to. `--config` is
 * the operator's file. In git mode the policy is the base side's file, never the one of the
 * change under review (which could switch its own check off): an edit to it becomes a
 * blocking finding instead. In diff mode, AFTER_DIR's.
 */
import { resolve } from 'node:path';
import { describeConfigChange } from '../core/config/config-changes.ts';
import { EMPTY_CONFIG, type Config } from '../core/config/config-model.ts';
import { createObjectBudget, type ObjectBudget } from '../core/objects/limits.ts';
import type { FailLevel, Finding } from '../core/rules/findings.ts';
import type { PreparedSides } from './prepare-sides.ts';
import { loadConfig, loadTrustedConfig } from './read-config-file.ts';
import type { RunOptions } from './run-options.ts';

/** The configuration in force, with the verdict level resolved. */
export interface Settings {
  /** The configuration file's contents (or the empty default). */
  readonly config: Config;
  /** The level at which findings block: --fail-on, else the config's failOn, else error. */
  readonly failOn: FailLevel;
  /** Findings about the configuration itself: the change edits it. */
  readonly configFindings: readonly Finding[];
  /** The run's bound on rendered objects. */
  readonly budget: ObjectBudget;
}

/** Loads the settings of a run from the file the options and the sides say is the policy. */
export function loadSettings(options: RunOptions, sides: PreparedSides): Settings {
  // --kubernetes-version stands for the configuration's kubernetesVersion wherever that is read.
  const settle = (config: Config, configFindings: readonly Finding[] = []): Settings => ({
    config: options.kubernetesVersion ? { ...config, kubernetesVersion: options.kubernetesVersion } : config,
    failOn: options.failOn ?? config.failOn ?? 'error',
    configFindings,
    budget: createObjectBudget(),
  });
  if (options.configPath !== undefined) return settle(loadConfig({ path: resolve(options.cwd, options.configPath) }));
  if (options.source.kind === 'dirs') return settle(loadConfig({ repoRoot: sides.after.root, rootLabel: options.source.after }));
  const { config, file, proposed, previous } = loadTrustedConfig(sides.policyFiles ?? new Map(), sides.before.root, sides.after.root, options.repoConfigPath);
  const finding = proposed ? describeConfigChange(file, previous ?? EMPTY_CONFIG, proposed) : undefined;
  return settle(config, finding ? [finding] : []);
}
