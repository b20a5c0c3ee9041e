/**
 * A HelmChart's `valuesFiles`, applied as source-controller packages the chart: the files
 * merged in order (maps deep, later wins) replace the chart's own values.yaml. Files of a
 * chart of this checkout are read below the source's root (a path that climbs out is held at
 * the root, as source-controller's secure join holds it); files of a fetched chart come from
 * its archive. The chart is copied into a temporary folder with the new values.yaml, which
 * the caller templates and then removes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { parse } from 'yaml';
import type { ValuesFiles } from '../core/helm/chart-request.ts';
import { mergeValues, type Values } from '../core/helm/release-values.ts';
import { isRecord } from '../core/objects/kube-objects.ts';
import { MAX_ALIAS_EXPANSION, findAliasBomb } from '../core/objects/yaml-bomb.ts';
import { registerTempTree, type TempTree } from '../render/cleanup.ts';
import { readChartArchive } from '../render/helm/chart-archive.ts';
import { isInside, type Confinement } from '../render/kustomize/confine.ts';

/** A chart folder with the merged values in place, and how to remove it. */
export type PreparedChart = { readonly dir: string; readonly temp: TempTree } | { readonly problem: string };

/**
 * Prepares the chart at `chart` (a folder of this checkout, or a fetched `.tgz`) with
 * `valuesFiles` applied; files of the checkout are read only where `confinement` allows.
 */
export function applyValuesFiles(chart: string, valuesFiles: ValuesFiles, confinement: Confinement): PreparedChart {
  const archive = statSync(chart).isDirectory() ? undefined : readChartArchive(chart);
  if (archive && 'problem' in archive) return archive;
  const read = (path: string): Buffer | undefined => {
    const clean = posix.normalize(`/${path}`).slice(1);
    if (archive) return archive.files.get(clean);
    return readConfined(confinement, join(valuesFiles.root ?? chart, clean));
  };
  let merged: Values = {};
  for (const path of valuesFiles.paths) {
    const bytes = read(path);
    if (bytes === undefined) {
      if (valuesFiles.ignoreMissing) continue;
      return { problem: `its valuesFiles name ${path}, and no such file is there` };
    }
    const text = bytes.toString('utf8');
    const bomb = findAliasBomb(text);
    if (bomb) return { problem: `its values file ${path} is refused: ${bomb}` };
    let values: unknown;
    try {
      // Helm and source-controller read YAML 1.1: `off` is false, `0755` octal.
      values = parse(text, { version: '1.1', maxAliasCount: MAX_ALIAS_EXPANSION }) ?? {};
    } catch (error) {
      return { problem: `its values file ${path} is not YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''}` };
    }
    if (!isRecord(values)) return { problem: `its values file ${path} is not a mapping` };
    merged = mergeValues(merged, values);
  }
  const dir = mkdtempSync(join(tmpdir(), 'prune-guard-chart-'));
  const temp = registerTempTree(dir);
  try {
    if (archive) {
      for (const [path, bytes] of archive.files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
    } else {
      // The chart's links were checked to stay inside the repository; the copy holds their targets.
      cpSync(chart, dir, { recursive: true, dereference: true });
    }
    // JSON is YAML that keeps every type as merged.
    writeFileSync(join(dir, 'values.yaml'), Object.keys(merged).length > 0 ? JSON.stringify(merged) : '');
    return { dir, temp };
  } catch (error) {
    temp.dispose();
    return { problem: `its chart cannot be prepared with its valuesFiles: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The regular file at `path` when the confinement allows reading it (inside the checkout, not its `.git`). */
function readConfined(confinement: Confinement, path: string): Buffer | undefined {
  try {
    if (!isInside(confinement, path) || !statSync(path).isFile()) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
