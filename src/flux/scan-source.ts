/**
 * Reading a source the way discovery starts: the YAML objects of the artifact that can be
 * Flux's (Kustomizations, sources, ArtifactGenerators, FluxInstances), and the Flux
 * Kustomizations declared in its files (one per file and object: two clusters often declare
 * the same `namespace/name`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { isFluxKustomization, readFluxKustomization, type FluxKustomization } from '../core/objects/flux-objects.ts';
import { isRecord, type KubeObject } from '../core/objects/kube-objects.ts';
import { compareText } from '../core/text/compare-text.ts';
import { BUILD_DIR_PREFIX } from '../render/kustomize/confine.ts';
import { toPosix } from '../render/kustomize/read-kustomization.ts';

/** A Flux Kustomization declared in a file of the source. */
export interface DeclaredKustomization {
  /** The Kustomization as written. */
  readonly ks: FluxKustomization;
  /** Its file, relative to the source root. */
  readonly file: string;
}

/**
 * Every API group discovery reads holds this (`*.toolkit.fluxcd.io`, `source.extensions.fluxcd.io`,
 * `fluxcd.controlplane.io`); a file without it holds no Flux object, unless it spells the
 * group otherwise: an escape in a double-quoted string, or a `!!binary` value Go decodes.
 * Files with either are parsed too.
 */
const FLUX_GROUP_WORD = 'fluxcd.';
const SPELLED_OTHERWISE = ['\\', 'binary'];

/**
 * Scans the YAML files of the artifact that may hold a Flux object for objects (every object
 * of such a file); files that are not YAML are skipped, and so are files whose text shows
 * they hold no Flux object, without parsing them.
 */
export function scanSourceObjects(root: string, twins?: SourceTwins): Array<{ file: string; body: KubeObject }> {
  const found: Array<{ file: string; body: KubeObject }> = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(BUILD_DIR_PREFIX) && entry.name !== '.git') walk(path);
        continue;
      }
      if (!/\.ya?ml$/.test(entry.name)) continue;
      const twin = twins?.findSame?.(path);
      const docs = twin !== undefined && twins?.scanned.has(twin) ? twins.scanned.get(twin) : readFluxCandidates(path);
      twins?.record?.set(path, docs);
      for (const doc of docs ?? []) if (isRecord(doc)) found.push({ file: toPosix(relative(root, path)), body: doc });
    }
  };
  walk(root);
  return found;
}

/** The documents of a file that may hold a Flux object; undefined when it cannot (by its text) or is no YAML. */
function readFluxCandidates(path: string): unknown[] | undefined {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(FLUX_GROUP_WORD) && !SPELLED_OTHERWISE.some((word) => text.includes(word))) return undefined;
  try {
    return loadAll(text, null, { schema: CORE_SCHEMA });
  } catch {
    // Templates, Helm values and other YAML that is not a manifest: not an entry point.
    return undefined;
  }
}

/**
 * How a scan reuses another's: the side after the change is scanned first, recording each
 * file's documents; the side before takes them for every file that reads alike there.
 */
export interface SourceTwins {
  /** The twin of a path, when the two read alike (see render/kustomize/twin-trees.ts). */
  readonly findSame?: (path: string) => string | undefined;
  /** Documents of the other scan, by absolute path. */
  readonly scanned: ReadonlyMap<string, unknown[] | undefined>;
  /** Where this scan records its own. */
  readonly record?: Map<string, unknown[] | undefined>;
}

/** Returns the Flux Kustomizations the source declares in files, sorted by file, then key. */
export function findDeclaredKustomizations(objects: ReadonlyArray<{ file: string; body: KubeObject }>): DeclaredKustomization[] {
  const declared: DeclaredKustomization[] = [];
  for (const { file, body } of objects) {
    const ks = isFluxKustomization(body) ? readFluxKustomization(body) : undefined;
    if (ks && !declared.some((other) => other.file === file && other.ks.key === ks.key)) declared.push({ ks, file });
  }
  return declared.sort((a, b) => compareText(a.file, b.file) || compareText(a.ks.key, b.ks.key));
}

/** True when `file` (relative to the source root) lies under the Flux path `path`. */
export function isUnderPath(file: string, path: string): boolean {
  return path === '' || file.startsWith(`${path}/`);
}
