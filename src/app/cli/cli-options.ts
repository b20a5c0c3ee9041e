/**
 * The commands and options of the command line, in one table: the parser accepts an option
 * only for the commands listed here, and each command's help lists the same options, so the
 * two cannot drift apart.
 */
import { DEFAULT_KUBERNETES_VERSION } from '../render-helm-release.ts';

/** The commands; `check` is the default one, `prune-guard [PATH...]`. */
export const Commands = ['check', 'diff', 'fix', 'fix diff', 'version', 'help'] as const;

/** One of {@link Commands}. */
export type Command = (typeof Commands)[number];

/** Output formats of the check. */
export const Formats = { text: 'text', json: 'json', markdown: 'markdown', sarif: 'sarif' } as const;

/** One of {@link Formats}. */
export type Format = (typeof Formats)[keyof typeof Formats];

/** The headings options are listed under, in help order. */
export const OptionSections = {
  git: 'Git',
  output: 'Output and verdict',
  fixes: 'Fixes',
  rendering: 'Rendering',
  remote: 'Remote resources and look-ups',
  general: 'General',
} as const;

/** One of {@link OptionSections}' keys. */
export type OptionSection = keyof typeof OptionSections;

/** One option of the command line. */
export interface OptionSpec {
  /** A value, or a switch. */
  readonly type: 'string' | 'boolean';
  /** One-letter alias. */
  readonly short?: string;
  /** May be given more than once. */
  readonly multiple?: boolean;
  /** How help names the value: `REF`. */
  readonly value?: string;
  /** What it does, a line each (help wraps nothing); the first says it all. */
  readonly help: readonly string[];
  /** What it does for one command, when that differs. */
  readonly helpFor?: Partial<Record<Command, readonly string[]>>;
  /** The commands it applies to. */
  readonly commands: readonly Command[];
  /** Where help lists it. */
  readonly section: OptionSection;
}

const RUNS: readonly Command[] = ['check', 'diff', 'fix', 'fix diff'];
const CHECKS: readonly Command[] = ['check', 'diff'];
const ALL: readonly Command[] = Commands;

/** Every option, by its long name. */
export const OPTIONS = {
  base: {
    type: 'string',
    value: 'REF',
    help: ['compare with the merge base of REF and the head side', '(default: the first of origin/HEAD, origin/main, main,', 'origin/master and master that exists)'],
    commands: ['check', 'fix'],
    section: 'git',
  },
  head: {
    type: 'string',
    value: 'REF',
    help: ['the side after the change (default: the working tree,', 'uncommitted changes included)'],
    commands: ['check'],
    section: 'git',
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    help: ['text (default), json, markdown or sarif (GitHub', 'code scanning)'],
    helpFor: { version: ['text (default) or json'] },
    commands: [...CHECKS, 'version'],
    section: 'output',
  },
  'fail-on': {
    type: 'string',
    value: 'LEVEL',
    help: ['error (default), warning, notice or never; overrides', 'failOn in the config file'],
    commands: RUNS,
    section: 'output',
  },
  config: {
    type: 'string',
    value: 'FILE',
    help: ['configuration (default: .prune-guard.yaml at the', 'repository root, or in AFTER_DIR for diff)'],
    commands: RUNS,
    section: 'output',
  },
  'no-diff': {
    type: 'boolean',
    help: ['leave the diff of each changed object out (text and', 'markdown)'],
    commands: CHECKS,
    section: 'output',
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    help: ['findings only: no progress on stderr, and text shows', 'just the findings, the fixes line and the verdict'],
    helpFor: { fix: ['no progress on stderr'], 'fix diff': ['no progress on stderr'] },
    commands: RUNS,
    section: 'output',
  },
  'no-color': {
    type: 'boolean',
    help: ['no colours (also NO_COLOR=1, FORCE_COLOR=0 or TERM=dumb;', 'FORCE_COLOR=1 colours a pipe)'],
    commands: ALL,
    section: 'output',
  },
  verbose: {
    type: 'boolean',
    help: ['also print how many builds ran and what was passed over;', "on an error, the tool's full output"],
    commands: RUNS,
    section: 'output',
  },
  write: {
    type: 'boolean',
    help: ['apply the verified fixes instead of printing the patch'],
    helpFor: { 'fix diff': ['apply the verified fixes to AFTER_DIR instead of', 'printing the patch'] },
    commands: ['fix', 'fix diff'],
    section: 'fixes',
  },
  'no-fix': {
    type: 'boolean',
    help: ['check only: no look-ups, no verification builds'],
    commands: CHECKS,
    section: 'fixes',
  },
  'kustomize-bin': {
    type: 'string',
    value: 'PATH',
    help: ['kustomize or kubectl binary (env PRUNE_GUARD_KUSTOMIZE;', 'default: kustomize, else kubectl kustomize, from PATH)'],
    commands: [...RUNS, 'version'],
    section: 'rendering',
  },
  'helm-bin': {
    type: 'string',
    value: 'PATH',
    help: ['helm binary for HelmReleases (env PRUNE_GUARD_HELM;', 'default: helm from PATH; without one they are judged', 'as single objects)'],
    commands: [...RUNS, 'version'],
    section: 'rendering',
  },
  'kubernetes-version': {
    type: 'string',
    value: 'V',
    help: ['the Kubernetes version the clusters run, as charts', `are rendered for it (config kubernetesVersion;`, `default ${DEFAULT_KUBERNETES_VERSION})`],
    commands: RUNS,
    section: 'rendering',
  },
  render: {
    type: 'string',
    value: 'WHICH',
    help: ['changed (default): render the units whose inputs differ', 'between the sides, and the others only when a finding', 'needs them; all: render every unit'],
    commands: RUNS,
    section: 'rendering',
  },
  mirror: {
    type: 'string',
    multiple: true,
    value: 'FROM=TO',
    help: ['rewrite remote URLs starting with FROM to start with TO,', 'for rendering and look-ups (repeatable; also mirrors:', 'in the config file)'],
    commands: RUNS,
    section: 'remote',
  },
  'cache-dir': {
    type: 'string',
    value: 'DIR',
    help: ['cache of remote manifests and renders, by content', '(env PRUNE_GUARD_CACHE_DIR; default', '$XDG_CACHE_HOME/prune-guard, else ~/.cache/prune-guard)'],
    commands: RUNS,
    section: 'remote',
  },
  'allow-remote': {
    type: 'string',
    multiple: true,
    value: 'HOST',
    help: ['also allow remote resources from HOST: a host,', '*.domain, host:port or http(s) URL prefix (repeatable;', 'besides remote.allow in the config file, or the', 'default list of public code hosts)'],
    commands: RUNS,
    section: 'remote',
  },
  offline: {
    type: 'boolean',
    help: ['download no remote resource: only the cache and', 'mirrors answer, and nothing asks GitHub'],
    commands: RUNS,
    section: 'remote',
  },
  'github-api-url': {
    type: 'string',
    value: 'URL',
    help: ['GitHub API for the look-ups of fixes (env', 'GITHUB_API_URL; token from GITHUB_TOKEN or GH_TOKEN)'],
    commands: RUNS,
    section: 'remote',
  },
  help: {
    type: 'boolean',
    short: 'h',
    help: ['show this help'],
    commands: ALL,
    section: 'general',
  },
  version: {
    type: 'boolean',
    short: 'v',
    help: ['print the version and nothing else'],
    commands: ALL,
    section: 'general',
  },
} as const satisfies Record<string, OptionSpec>;

/** The long name of an option. */
export type OptionName = keyof typeof OPTIONS;

/** The options in help order: by section, then as the table lists them. */
export function listOptions(command?: Command): Array<[OptionName, OptionSpec]> {
  const entries = Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>;
  const order = Object.keys(OptionSections);
  return entries
    .filter(([, spec]) => command === undefined || spec.commands.includes(command))
    .sort(([, a], [, b]) => order.indexOf(a.section) - order.indexOf(b.section));
}
