/**
 * Flux Kustomizations and owners from inline YAML, and Flux-mode reports built the way
 * src/app/compare-flux-sides.ts builds them (one unit per Kustomization, keyed `namespace/name`).
 */
import type { Finding } from '../../src/core/rules/findings.ts';
import { readFluxKustomization, type FluxKustomization } from '../../src/core/objects/flux-objects.ts';
import type { FluxOwner } from '../../src/core/rules/kustomization-rules.ts';
import { parseManifests, type KubeObject } from '../../src/core/objects/kube-objects.ts';
import { buildReport, type Report, type ReportInput } from '../../src/core/report/report-model.ts';
import { toUnits, type UnitRenders } from './objects.ts';

/** The one object of an inline YAML document. */
export function parseOne(yaml: string): KubeObject {
  const [body, ...rest] = parseManifests(yaml, 'test.yaml');
  if (!body || rest.length > 0) throw new Error(`expected one document, got ${rest.length + (body ? 1 : 0)}`);
  return body;
}

/** Options of {@link kustomizationYaml}. */
export interface KustomizationOptions {
  /** metadata.namespace; `null` leaves it out. Default flux-system. */
  readonly namespace?: string | null;
  /** Default `kustomize.toolkit.fluxcd.io/v1`. */
  readonly apiVersion?: string;
  /** spec.path; default `./<name>`. */
  readonly path?: string;
  /** spec.prune; default true. */
  readonly prune?: boolean;
  /** spec.sourceRef.name; default flux-system. */
  readonly source?: string;
  /** Further spec lines, each indented by two spaces. */
  readonly spec?: string;
  /** Further metadata lines, each indented by two spaces. */
  readonly metadata?: string;
}

/** A Flux Kustomization document. */
export function kustomizationYaml(name: string, options: KustomizationOptions = {}): string {
  const namespace = options.namespace === undefined ? 'flux-system' : options.namespace;
  return [
    `apiVersion: ${options.apiVersion ?? 'kustomize.toolkit.fluxcd.io/v1'}`,
    'kind: Kustomization',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === null ? [] : [`  namespace: ${namespace}`]),
    ...(options.metadata ? [options.metadata.replace(/\n$/, '')] : []),
    'spec:',
    '  interval: 10m',
    `  path: ${options.path ?? `./${name}`}`,
    `  prune: ${options.prune ?? true}`,
    '  sourceRef:',
    '    kind: GitRepository',
    `    name: ${options.source ?? 'flux-system'}`,
    ...(options.spec ? [options.spec.replace(/\n$/, '')] : []),
    '',
  ].join('\n');
}

/** Reads a Flux Kustomization from inline YAML; fails the test when it is not one. */
export function readKs(yaml: string): FluxKustomization {
  const ks = readFluxKustomization(parseOne(yaml));
  if (!ks) throw new Error('not a Flux Kustomization this model reads');
  return ks;
}

/** A Flux Kustomization from {@link kustomizationYaml}. */
export function ks(name: string, options: KustomizationOptions = {}): FluxKustomization {
  return readKs(kustomizationYaml(name, options));
}

/** An owner with no missing variables unless given. */
export function owner(fields: Partial<FluxOwner>): FluxOwner {
  return { missingVariables: [], ...fields };
}

/** An owner that exists on both sides with the same spec. */
export function stable(kustomization: FluxKustomization, parent?: string): FluxOwner {
  return owner({ before: kustomization, after: kustomization, ...(parent ? { parentBefore: parent, parentAfter: parent } : {}) });
}

/** Builds a Flux-mode report: units as inline YAML, owners by unit name. */
export function toFluxReport(
  units: Readonly<Record<string, UnitRenders>>,
  owners: Readonly<Record<string, FluxOwner>>,
  options: Partial<Omit<ReportInput, 'units' | 'owners'>> = {},
): Report {
  return buildReport({
    version: options.version ?? '1.2.3',
    before: options.before ?? { label: 'main' },
    after: options.after ?? { label: 'working tree' },
    failOn: options.failOn ?? 'error',
    ...(options.config ? { config: options.config } : {}),
    units: toUnits(units),
    owners: new Map(Object.entries(owners)),
  });
}

/** `severity rule Kind/ns/name`: a whole finding list in one assertion. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map(({ rule, severity, object }) =>
    `${severity} ${rule} ${object.namespace ? `${object.kind}/${object.namespace}/${object.name}` : `${object.kind}/${object.name}`}`,
  );
}

/** The one finding of a rule; fails the test when there is not exactly one. */
export function only(findings: readonly Finding[], rule: string): Finding {
  const matching = findings.filter((finding) => finding.rule === rule);
  if (matching.length !== 1) throw new Error(`expected one ${rule} finding, got ${matching.length}: ${summarize(findings).join('; ')}`);
  return matching[0] as Finding;
}
