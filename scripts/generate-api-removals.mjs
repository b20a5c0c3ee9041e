/**
 * Generates src/core/data/kubernetes-api-removals.json, the table of Kubernetes API versions
 * that are deprecated or removed, from the `versions.yaml` of FairwindsOps/pluto (Apache-2.0),
 * which tracks the upstream deprecation guide
 * (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) entry by entry.
 *
 * Usage: node scripts/generate-api-removals.mjs PLUTO_CHECKOUT COMMIT
 *   PLUTO_CHECKOUT  a folder holding pluto's versions.yaml (a clone of github.com/FairwindsOps/pluto)
 *   COMMIT          the pluto commit it was read at, recorded in the table
 * Only the `k8s` component is kept; the output is sorted, so the file only changes when the
 * upstream table does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [checkout, commit] = process.argv.slice(2);
if (!checkout || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
  console.error('usage: node scripts/generate-api-removals.mjs PLUTO_CHECKOUT COMMIT (the full commit hash)');
  process.exit(2);
}
const source = parse(readFileSync(join(checkout, 'versions.yaml'), 'utf8'));

/**
 * Where pluto's table disagrees with the upstream deprecation guide, the guide wins: the
 * flowcontrol.apiserver.k8s.io versions ("v1beta1 ... no longer served as of v1.26", "v1beta2
 * ... as of v1.29", "v1beta3 ... as of v1.32", each deprecated when its successor arrived),
 * and pluto's `FlowControl`, which is no kind.
 */
const CORRECTIONS = new Map([
  ...['FlowSchema', 'PriorityLevelConfiguration'].flatMap((kind) => [
    [`flowcontrol.apiserver.k8s.io/v1beta1\0${kind}`, { deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3' }],
    [`flowcontrol.apiserver.k8s.io/v1beta2\0${kind}`, { deprecatedIn: '1.26', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
    [`flowcontrol.apiserver.k8s.io/v1beta3\0${kind}`, { deprecatedIn: '1.29', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1' }],
  ]),
]);
const DROPPED_KINDS = new Set(['FlowControl']);
/** `v1.29.0` -> `1.29`: Kubernetes removes APIs in minor releases. */
const minor = (text) => (typeof text === 'string' && /^v?\d+\.\d+/.test(text) ? text.replace(/^v/, '').split('.').slice(0, 2).join('.') : undefined);
const apis = source['deprecated-versions']
  .filter((entry) => entry.component === 'k8s' && !DROPPED_KINDS.has(entry.kind))
  .map((entry) => ({
    apiVersion: entry.version,
    kind: entry.kind,
    ...(minor(entry['deprecated-in']) ? { deprecatedIn: minor(entry['deprecated-in']) } : {}),
    ...(minor(entry['removed-in']) ? { removedIn: minor(entry['removed-in']) } : {}),
    ...(entry['replacement-api'] ? { replacement: entry['replacement-api'] } : {}),
    ...CORRECTIONS.get(`${entry.version}\0${entry.kind}`),
  }))
  .sort((a, b) => (a.apiVersion === b.apiVersion ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.apiVersion < b.apiVersion ? -1 : 1));
const releases = apis.flatMap((api) => [api.removedIn, api.deprecatedIn]).filter(Boolean);
const newest = releases.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1);
const table = {
  source: 'https://github.com/FairwindsOps/pluto/blob/master/versions.yaml',
  commit,
  license: 'Apache-2.0, Copyright FairwindsOps, Inc. (the data of pluto\'s versions.yaml)',
  upstream: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  currentTo: newest,
  apis,
};
writeFileSync(new URL('../src/core/data/kubernetes-api-removals.json', import.meta.url), `${JSON.stringify(table, null, 2)}\n`);
console.log(`${apis.length} API versions, current to Kubernetes ${newest}`);
