/**
 * The help texts: an overview of the commands with the common options, and for each command
 * its usage, what it does, every option that applies to it (from the table in
 * cli-options.ts) and examples. Examples name only files the package ships
 * (examples/operator-crds), so each one runs as written from a clone or the package folder.
 */
import { OPTIONS, OptionSections, listOptions, type Command, type OptionName, type OptionSpec } from './cli-options.ts';

/** The column option descriptions start at. */
const HELP_COLUMN = 24;

/** Where the example paths are. */
const EXAMPLES_NOTE = 'Examples (paths are relative to a clone of prune-guard or to its package folder)';

const EXIT_CODES = [
  'Exit codes',
  '  0  nothing at or above --fail-on',
  '  1  findings at or above --fail-on',
  '  2  usage error, unknown ref, missing path, kustomize failure, malformed YAML',
];

const PATH_NOTE = [
  'PATH is a kustomization directory or a tree of them (default: the repository',
  'root); a PATH named like a command (check, diff, fix, help, version) is',
  'written with ./ in front: ./check.',
];

/** What each command's help says, besides its options. */
interface CommandText {
  /** The usage line, after `prune-guard`. */
  readonly usage: string;
  /** The usage in short, for the overview. */
  readonly brief: string;
  /** What it does, for the overview: at most 35 characters, so the line fits 80. */
  readonly summary: string;
  /** Paragraphs under the usage line. */
  readonly about: readonly string[];
  /** Example lines, each `command` or `command  # what it shows`. */
  readonly examples: readonly string[];
  /** Whether the examples name files of the package. */
  readonly packagePaths?: boolean;
  /** Whether the exit code table applies. */
  readonly exitCodes?: boolean;
}

const COMMAND_TEXTS: Readonly<Record<Command, CommandText>> = {
  check: {
    usage: '[check] [PATH...] [--base REF] [--head REF] [options]',
    brief: '[check] [PATH...]',
    summary: 'compare git revisions (the default)',
    about: [
      [
        'Renders every kustomization root (or Flux Kustomization) under PATH on both',
        'sides of a change with kustomize, compares the object sets by group, kind,',
        'namespace and name, and reports what Flux would prune. The side before is the',
        'merge base with --base; the side after is the working tree, or --head.',
      ].join('\n'),
      PATH_NOTE.join('\n'),
    ],
    examples: [
      'prune-guard  # in a repository: the change, against origin/HEAD',
      "prune-guard --base main --head HEAD  # this branch's commits only",
      'prune-guard --format markdown > plan.md',
      'prune-guard -q  # the findings and the verdict only',
    ],
    exitCodes: true,
  },
  diff: {
    usage: 'diff BEFORE_DIR AFTER_DIR [options]',
    brief: 'diff BEFORE_DIR AFTER_DIR',
    summary: 'compare two directories (no git)',
    about: [
      [
        'Renders every kustomization root under BEFORE_DIR and AFTER_DIR and compares',
        'them as the check does. A root at the top of both is reported under the name',
        'of the directories (their shared name, else the folder holding both, else',
        "AFTER_DIR's name); the configuration is read from AFTER_DIR.",
      ].join('\n'),
    ],
    examples: [
      'prune-guard diff examples/operator-crds/before examples/operator-crds/after',
      'prune-guard diff examples/operator-crds/before examples/operator-crds/fixed',
      'prune-guard diff examples/operator-crds/before examples/operator-crds/after --format json',
      'prune-guard diff examples/operator-crds/before examples/operator-crds/after -q --no-color',
    ],
    packagePaths: true,
    exitCodes: true,
  },
  fix: {
    usage: 'fix [PATH...] [--base REF] [--write] [options]',
    brief: 'fix [PATH...]',
    summary: 'print (or --write) the fixes',
    about: [
      [
        'For CRDs and other cluster-scoped objects a change drops, prune-guard looks for',
        'where they went (a file next to the remote manifest, a file of the tree no',
        'kustomization lists) or vendors them, and builds again to verify the fix. fix',
        'prints the fixes as a patch on stdout (git apply takes it); --write applies the',
        'verified ones to the working tree, then checks it again: the exit code is that',
        "check's.",
      ].join('\n'),
      PATH_NOTE.join('\n'),
    ],
    examples: ['prune-guard fix  # in a repository: the patch, against origin/HEAD', 'prune-guard fix --base main | git apply', 'prune-guard fix --write'],
    exitCodes: true,
  },
  'fix diff': {
    usage: 'fix diff BEFORE_DIR AFTER_DIR [--write] [options]',
    brief: 'fix diff BEFORE_DIR AFTER_DIR',
    summary: 'the same, fixing AFTER_DIR',
    about: ['As fix, for two directories: the patch is relative to AFTER_DIR, and --write\nedits the files of AFTER_DIR.'],
    examples: [
      'prune-guard fix diff examples/operator-crds/before examples/operator-crds/after',
      'cp -R examples/operator-crds /tmp/operator-crds  # a copy to write to',
      'prune-guard fix diff /tmp/operator-crds/before /tmp/operator-crds/after --write',
    ],
    packagePaths: true,
    exitCodes: true,
  },
  version: {
    usage: 'version [--format json] [options]',
    brief: 'version',
    summary: 'the version and the tools found',
    about: [
      [
        "Prints prune-guard's version, Node's, and the kustomize and helm binaries a run",
        'with the same options would use, with their versions: what a bug report needs.',
        "--version prints prune-guard's version alone, for scripts.",
      ].join('\n'),
    ],
    examples: ['prune-guard version', 'prune-guard version --format json', 'prune-guard --version'],
  },
  help: {
    usage: 'help [COMMAND]',
    brief: 'help [COMMAND]',
    summary: 'help on a command',
    about: ['Without COMMAND, the overview. prune-guard COMMAND --help prints the same.'],
    examples: ['prune-guard help diff', 'prune-guard help fix diff', 'prune-guard diff --help'],
  },
};

/** The options the overview lists: those of every check. */
const COMMON_OPTIONS: readonly OptionName[] = ['format', 'fail-on', 'config', 'quiet', 'no-color', 'verbose', 'help', 'version'];

/** `  -f, --format FORMAT   text (default), ...`, a long label on a line of its own. */
function formatOption(name: OptionName, spec: OptionSpec, command?: Command): string[] {
  const label = `  ${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`;
  const [first = '', ...rest] = (command && spec.helpFor?.[command]) || spec.help;
  const indent = ' '.repeat(HELP_COLUMN);
  const head = label.length < HELP_COLUMN ? [`${label.padEnd(HELP_COLUMN)}${first}`] : [label, `${indent}${first}`];
  return [...head, ...rest.map((line) => `${indent}${line}`)];
}

/** Example lines, their comments lined up. */
function formatExamples(text: Pick<CommandText, 'examples' | 'packagePaths'>): string[] {
  const parts = text.examples.map((example) => example.split('  # '));
  const width = Math.max(0, ...parts.filter((part) => part.length > 1).map(([command = '']) => command.length));
  const lines = parts.map(([command = '', comment]) => (comment ? `  ${command.padEnd(width)}  # ${comment}` : `  ${command}`));
  return [text.packagePaths ? EXAMPLES_NOTE : 'Examples', ...lines];
}

/** The help of one command. */
export function formatCommandHelp(command: Command): string {
  const text = COMMAND_TEXTS[command];
  const blocks: string[][] = [[`Usage: prune-guard ${text.usage}`], ...text.about.map((paragraph) => [paragraph])];
  const options = listOptions(command);
  for (const [section, heading] of Object.entries(OptionSections)) {
    const inSection = options.filter(([, spec]) => spec.section === section);
    if (inSection.length > 0) blocks.push([heading, ...inSection.flatMap(([name, spec]) => formatOption(name, spec, command))]);
  }
  if (text.exitCodes) blocks.push(EXIT_CODES);
  blocks.push(formatExamples(text));
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The overview: every command, the common options, the exit codes and a few examples. */
export function formatOverviewHelp(): string {
  const texts = Object.values(COMMAND_TEXTS);
  const width = Math.max(...texts.map((text) => `prune-guard ${text.brief}`.length));
  const blocks = [
    ['prune-guard: see what a change makes Flux prune before it merges'],
    ['Commands', ...texts.map((text) => `  ${`prune-guard ${text.brief}`.padEnd(width)}  ${text.summary}`)],
    PATH_NOTE,
    ['Common options', ...COMMON_OPTIONS.flatMap((name) => formatOption(name, OPTIONS[name]))],
    ['prune-guard help COMMAND (or prune-guard COMMAND --help) lists every option of a', 'command, with examples.'],
    EXIT_CODES,
    formatExamples({
      packagePaths: true,
      examples: [
        'prune-guard diff examples/operator-crds/before examples/operator-crds/after',
        'prune-guard fix diff examples/operator-crds/before examples/operator-crds/after',
        'prune-guard --base main  # in a repository: the change, against main',
      ],
    }),
  ];
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
