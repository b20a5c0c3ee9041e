/**
 * The `requires:` key: entries `{image | chart, kubernetes, why}` saying which Kubernetes
 * versions an image or chart needs (see src/core/rules/requirements.ts). Ranges are checked
 * here, so a typo stops the run with the file and line instead of matching nothing.
 */
import { isScalar, type Node } from 'yaml';
import { parseConstraint } from '../helm/semver-range.ts';
import type { Requirement } from '../rules/change-rule-input.ts';
import { describeNode, type ConfigReader, type MappingEntry } from './config-reader.ts';

const ENTRY_KEYS = ['image', 'chart', 'kubernetes', 'why'] as const;
const CHART_KEYS = ['name', 'version'] as const;

/** Reads `requires:`; empty when absent. */
export function readRequires(reader: ConfigReader, entry: MappingEntry | undefined): readonly Requirement[] {
  return reader.readList(entry, 'requires', (node, path) => readRequirement(reader, node, path));
}

function readRequirement(reader: ConfigReader, node: Node, path: string): Requirement {
  const entries = reader.readMapping(node, path, ENTRY_KEYS, 'a mapping with image or chart, kubernetes and why');
  const text = (key: string): string | undefined => {
    const found = entries.get(key);
    return found ? reader.readString(reader.requireValue(found, `${path}.${key}`, 'text'), `${path}.${key}`) : undefined;
  };
  const range = (value: string, at: string, where: Node): string => {
    const parsed = parseConstraint(value);
    if ('problem' in parsed) reader.fail(where, `${at} is not a version range: ${parsed.problem}`);
    return value;
  };
  const image = text('image');
  const chartEntry = entries.get('chart');
  let chart: Requirement['chart'];
  if (chartEntry) {
    const value = reader.requireValue(chartEntry, `${path}.chart`, 'a chart name, or a mapping with name and version');
    if (isScalar(value)) chart = { name: reader.readString(value, `${path}.chart`) };
    else {
      const fields = reader.readMapping(value, `${path}.chart`, CHART_KEYS, 'a mapping with name and version');
      const name = fields.get('name');
      if (!name) reader.fail(value, `${path}.chart needs a name`);
      const version = fields.get('version');
      chart = {
        name: reader.readString(reader.requireValue(name, `${path}.chart.name`, 'a chart name'), `${path}.chart.name`),
        ...(version ? { version: range(reader.readString(reader.requireValue(version, `${path}.chart.version`, 'a version range'), `${path}.chart.version`), `${path}.chart.version`, (version.value ?? version.key) as Node) } : {}),
      };
    }
  }
  if (!image && !chart) reader.fail(node, `${path} needs image or chart: what it applies to`);
  const kubernetesEntry = entries.get('kubernetes');
  if (!kubernetesEntry) reader.fail(node, `${path} needs kubernetes: the version range it works with, such as ">=1.25"`);
  const kubernetesNode = reader.requireValue(kubernetesEntry, `${path}.kubernetes`, 'a version range such as ">=1.25"');
  // YAML reads >=1.25 as text, but 1.30 as a number: the text as written is the range.
  const written = isScalar(kubernetesNode) && typeof kubernetesNode.source === 'string' ? kubernetesNode.source : describeNode(kubernetesNode);
  const why = text('why');
  if (!why) reader.fail(node, `${path} needs why: the reason, quoted in the finding`);
  return { ...(image ? { image } : {}), ...(chart ? { chart } : {}), kubernetes: range(written, `${path}.kubernetes`, kubernetesNode), why };
}
