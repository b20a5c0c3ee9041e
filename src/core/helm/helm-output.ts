/**
 * What `helm template --include-crds` prints, sorted the way helm-controller treats it: each
 * document carries a `# Source: <chart>/<path>` line, and where the file lies in the chart
 * decides its fate. `crds/` (a subchart's too) is installed and upgraded by the HelmRelease's
 * CRD policy and never deleted by an uninstall; `templates/` objects are the release,
 * upgraded, and deleted when no longer rendered; hooks (tests among them) are not part of the
 * release manifest and are not compared.
 */
import { getMetadata, isRecord, parseManifests, type KubeObject } from '../objects/kube-objects.ts';

/** Where a rendered document belongs. */
export type HelmPart = 'crds' | 'templates' | 'hook';

/** One object of a chart's render. */
export interface HelmDocument {
  /** The chart path helm names (`podinfo/templates/deployment.yaml`); empty when it names none. */
  readonly source: string;
  readonly part: HelmPart;
  readonly body: KubeObject;
}

const SOURCE_LINE = /^# Source: (.+)$/m;
// A document ends at a `---` line at its start; a block scalar's lines are indented, so none is one.
const DOCUMENT_MARKER = /^---(?=[ \t]|$)/m;

/** Splits and parses helm's output; `shown` names the release in a parse error. */
export function parseHelmOutput(text: string, shown: string): HelmDocument[] {
  const documents: HelmDocument[] = [];
  for (const piece of text.split(DOCUMENT_MARKER)) {
    if (piece.trim() === '') continue;
    const source = SOURCE_LINE.exec(piece)?.[1]?.trim() ?? '';
    for (const body of parseManifests(piece, `helm template output of ${shown}${source ? ` (${source})` : ''}`)) {
      documents.push({ source, part: classifyPart(source, body), body });
    }
  }
  return documents;
}

/** `crds` for a file in a chart's (or subchart's) crds/ folder, `hook` for a hook annotation, else `templates`. */
export function classifyPart(source: string, body: KubeObject): HelmPart {
  if (/^[^/]+\/(?:charts\/[^/]+\/)*crds\//.test(source)) return 'crds';
  const annotations = getMetadata(body).annotations;
  if (isRecord(annotations) && typeof annotations['helm.sh/hook'] === 'string') return 'hook';
  return 'templates';
}

/** `{{ if .Values.x }}` with `helm.sh/resource-policy: keep` close behind it, before any other action. */
const KEEP_FLAG = /\{\{-?\s*if\s+\.Values\.([A-Za-z0-9_.]+)\s*-?\}\}(?:(?!\{\{)[\s\S]){0,200}?["']?helm\.sh\/resource-policy["']?\s*:\s*["']?keep\b/;

/**
 * The value a chart offers for marking its objects `helm.sh/resource-policy: keep` (as
 * cert-manager's `crds.keep`), read from its templates' text; undefined when it offers none.
 */
export function findKeepValue(chartText: string): string | undefined {
  return KEEP_FLAG.exec(chartText)?.[1];
}
