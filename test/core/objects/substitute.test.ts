import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/core/objects/kube-objects.ts';
import {
  formatUnsetPlaceholder,
  isValidVariableName,
  shouldSubstitute,
  SUBSTITUTE_OPT_OUT,
  substituteObject,
  substituteText,
} from '../../../src/core/objects/substitute.ts';

/** Variables for the syntax table: `SET` has a value, `EMPTY` is set to `""`, `UNSET` is absent. */
const variables = { SET: 'value', EMPTY: '' };

describe('substituteText: syntax forms', () => {
  it.each([
    { input: '${SET}', text: 'value' },
    { input: '${EMPTY}', text: '' },
    { input: '${UNSET}', text: '<unset:UNSET>', missing: ['UNSET'] },

    { input: '${SET:=default}', text: 'value' },
    { input: '${EMPTY:=default}', text: 'default' },
    { input: '${UNSET:=default}', text: 'default' },

    { input: '${SET:-default}', text: 'value' },
    { input: '${EMPTY:-default}', text: 'default' },
    { input: '${UNSET:-default}', text: 'default' },

    // Unlike POSIX, envsubst's `=` also replaces an empty value: every default operator is `toDefault`.
    { input: '${SET=default}', text: 'value' },
    { input: '${EMPTY=default}', text: 'default' },
    { input: '${UNSET=default}', text: 'default' },

    // Flux's parser has no `-` operator ("missing closing brace"): the build fails, we keep the text.
    { input: '${SET-default}', text: '${SET-default}', unresolved: ['${SET-default}'] },
    { input: '${UNSET-default}', text: '${UNSET-default}', unresolved: ['${UNSET-default}'] },

    // `:?` and `:+` parse in Flux and fall back like `:-`.
    { input: '${UNSET:?fallback}', text: 'fallback' },
    { input: '${SET:+other}', text: 'value' },

    { input: '${UNSET:=}', text: '' },
    { input: '${EMPTY=}', text: '' },
    { input: 'image: ${UNSET:=ghcr.io/acme/app:1.2.3-rc.1}', text: 'image: ghcr.io/acme/app:1.2.3-rc.1' },
    { input: '${UNSET:-a=b}', text: 'a=b' },
    { input: 'app-${SET}-${UNSET:=eu}.example.com', text: 'app-value-eu.example.com' },

    // Nested expressions in defaults, as envsubst evaluates them.
    { input: '${UNSET:=${SET}}', text: 'value' },
    { input: '${UNSET:=pre-${SET}-post}', text: 'pre-value-post' },
    { input: '${UNSET:=${ALSO_UNSET:=deep}}', text: 'deep' },
    // The default is evaluated even when unused, so its unset variable still fails the build.
    { input: '${SET:=${OTHER}}', text: 'value', missing: ['OTHER'] },
  ])('$input -> $text', ({ input, text, missing = [], unresolved = [] }) => {
    expect(substituteText(input, variables)).toEqual({ text, missing, unresolved });
  });
});

describe('substituteText: text that is not a substitution', () => {
  it.each([
    { description: '$${var} is a literal ${var}', input: 'echo $${SET}', text: 'echo ${SET}' },
    { description: '$${var} of an unset variable is not missing', input: '$${UNSET}', text: '${UNSET}' },
    { description: 'a third $ before ${var} stays, and the variable is substituted', input: '$$${SET}', text: '$value' },
    { description: 'every $$ becomes $, as Flux does to shell scripts', input: 'echo $$ $$$$', text: 'echo $ $$' },
    { description: '$var without braces', input: 'echo $SET and $UNSET', text: 'echo $SET and $UNSET' },
    { description: 'a lone $ and a closing brace', input: 'costs 5$ } {', text: 'costs 5$ } {' },
    { description: '$ inside a default is not an escape', input: '${UNSET:-$$x}', text: '$$x' },
  ])('$description', ({ input, text }) => {
    expect(substituteText(input, variables)).toEqual({ text, missing: [], unresolved: [] });
  });

  it.each([
    { description: 'an empty name', input: '${}' },
    { description: 'a name starting with a digit', input: '${1SET}' },
    { description: 'a dotted name', input: '${SET.name}' },
    { description: 'spaces inside the braces', input: '${ SET }' },
    { description: 'a non-ASCII name', input: '${größe}' },
    { description: 'a bash array', input: '${AUTH[@]}' },
    // Unclosed: the expression runs to the end of the string.
    { description: 'an unclosed brace', input: '${SET', reported: '${SET y' },
    { description: 'an unclosed default', input: '${UNSET:-value', reported: '${UNSET:-value y' },
    { description: 'a default holding an unparsable expression', input: '${UNSET:-${a.b}}' },
    { description: 'length, which Flux evaluates and we do not', input: '${#SET}' },
    { description: 'upper-casing', input: '${SET^^}' },
    { description: 'a substring', input: '${SET:0:3}' },
    { description: 'a replacement', input: '${SET/a/b}' },
    { description: 'suffix trimming', input: '${SET%.*}' },
  ])('leaves $description as written and reports it', ({ input, reported = input }) => {
    expect(substituteText(`x ${input} y`, variables)).toEqual({ text: `x ${input} y`, missing: [], unresolved: [reported] });
  });

  it('substitutes around an expression it leaves as written', () => {
    expect(substituteText('${SET} ${a.b} ${UNSET}', variables)).toEqual({
      text: 'value ${a.b} <unset:UNSET>',
      missing: ['UNSET'],
      unresolved: ['${a.b}'],
    });
  });

  it('quotes only the first line of an unclosed expression', () => {
    const script = 'for i in ${LIST[@]\ndo echo $i; done';
    expect(substituteText(script, variables)).toEqual({ text: script, missing: [], unresolved: ['${LIST[@]'] });
  });
});

describe('substituteText: values', () => {
  it.each([
    { value: '${OTHER}', text: 'v=${OTHER}' },
    { value: '$${OTHER}', text: 'v=$${OTHER}' },
    { value: 'pa$$word', text: 'v=pa$$word' },
    { value: '${OTHER:=x}', text: 'v=${OTHER:=x}' },
  ])('inserts $value literally, without substituting it again', ({ value, text }) => {
    expect(substituteText('v=${V}', { V: value, OTHER: 'expanded' })).toEqual({ text, missing: [], unresolved: [] });
  });

  it('strips newlines from values, as Flux does', () => {
    expect(substituteText('host: ${HOST}', { HOST: 'db.example.com\n' }).text).toBe('host: db.example.com');
    expect(substituteText('${PEM}', { PEM: 'line1\nline2\n' }).text).toBe('line1line2');
  });

  it('reports missing variables sorted and once each, with a placeholder at every use', () => {
    expect(substituteText('${ZONE}-${REGION}-${ZONE}-${REGION:=eu}', {})).toEqual({
      text: '<unset:ZONE>-<unset:REGION>-<unset:ZONE>-eu',
      missing: ['REGION', 'ZONE'],
      unresolved: [],
    });
  });

  it('does not take a variable from Object.prototype', () => {
    expect(substituteText('${constructor}/${toString:=x}', {})).toEqual({
      text: '<unset:constructor>/x',
      missing: ['constructor'],
      unresolved: [],
    });
  });

  it('formats the placeholder for an unset variable', () => {
    expect(formatUnsetPlaceholder('CLUSTER')).toBe('<unset:CLUSTER>');
  });
});

describe('isValidVariableName', () => {
  it.each([
    { name: 'cluster_name', valid: true },
    { name: '_private', valid: true },
    { name: 'APP2', valid: true },
    { name: '2APP', valid: false },
    { name: 'app-name', valid: false },
    { name: 'app.name', valid: false },
    { name: '', valid: false },
  ])('$name: $valid', ({ name, valid }) => {
    expect(isValidVariableName(name)).toBe(valid);
  });
});

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web-${CLUSTER}',
    namespace: '${TENANT:=shared}',
    labels: { 'app.kubernetes.io/part-of': '${APP}', 'tier-${TIER:=web}': 'true' },
  },
  spec: {
    replicas: '${REPLICAS}',
    paused: false,
    revisionHistoryLimit: 3,
    template: {
      spec: {
        containers: [{ name: 'web', image: '${REGISTRY:=ghcr.io/acme}/web:${TAG}', args: ['--cluster=${CLUSTER}', '$${NOT_A_VAR}'] }],
      },
    },
  },
});

const withOptOut = (field: 'labels' | 'annotations', value: string): KubeObject => {
  const body = deployment();
  const metadata = body.metadata as Record<string, Record<string, string>>;
  metadata[field] = { ...metadata[field], [SUBSTITUTE_OPT_OUT.key]: value };
  return body;
};

describe('substituteObject', () => {
  const values = { CLUSTER: 'prod', APP: 'shop', REPLICAS: '3', TAG: '1.4.0', TIER: 'frontend' };

  it('substitutes every string of the object, metadata.name, metadata.namespace and keys included', () => {
    const result = substituteObject(deployment(), values);
    expect(result).toEqual({
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web-prod',
          namespace: 'shared',
          labels: { 'app.kubernetes.io/part-of': 'shop', 'tier-frontend': 'true' },
        },
        spec: {
          // Stays a string: the walk substitutes strings and does not re-parse YAML as Flux does.
          replicas: '3',
          paused: false,
          revisionHistoryLimit: 3,
          template: {
            spec: {
              containers: [{ name: 'web', image: 'ghcr.io/acme/web:1.4.0', args: ['--cluster=prod', '${NOT_A_VAR}'] }],
            },
          },
        },
      },
      missing: [],
      unresolved: [],
    });
  });

  it('changes the identity when the namespace variable is set', () => {
    const { body } = substituteObject(deployment(), { ...values, TENANT: 'team-a' });
    expect(body.metadata).toMatchObject({ name: 'web-prod', namespace: 'team-a' });
  });

  it('reports missing variables sorted and unique, with the placeholder in the object', () => {
    const result = substituteObject(deployment(), { APP: 'shop' });
    expect(result.missing).toEqual(['CLUSTER', 'REPLICAS', 'TAG']);
    expect(result.body.metadata).toMatchObject({ name: 'web-<unset:CLUSTER>' });
    expect(result.body.spec).toMatchObject({ replicas: '<unset:REPLICAS>' });
  });

  it('does not mutate its input', () => {
    const input = deployment();
    const before = structuredClone(input);
    const { body } = substituteObject(input, values);
    expect(input).toEqual(before);
    expect(body).not.toBe(input);
    expect(body.metadata).not.toBe(input.metadata);
  });

  it.each([
    { description: 'a label', body: withOptOut('labels', 'disabled') },
    { description: 'an annotation', body: withOptOut('annotations', 'disabled') },
  ])('leaves an object that opts out by $description unchanged', ({ body }) => {
    const before = structuredClone(body);
    const result = substituteObject(body, values);
    expect(result).toEqual({ body: before, missing: [], unresolved: [] });
    expect(result.body.metadata).toMatchObject({ name: 'web-${CLUSTER}' });
  });

  it.each([
    { description: 'Disabled in a label', body: withOptOut('labels', 'Disabled') },
    { description: 'DISABLED in an annotation', body: withOptOut('annotations', 'DISABLED') },
    { description: 'false', body: withOptOut('annotations', 'false') },
  ])('substitutes an object whose opt-out value is $description (Flux compares exactly)', ({ body }) => {
    const result = substituteObject(body, values);
    expect(result.body.metadata).toMatchObject({ name: 'web-prod' });
  });

  it('leaves the object unchanged without variables, as the default WithVariables strategy does', () => {
    const input = deployment();
    const result = substituteObject(input, {});
    expect(result).toEqual({ body: deployment(), missing: [], unresolved: [] });
    expect(result.body.metadata).toMatchObject({ name: 'web-${CLUSTER}', namespace: '${TENANT:=shared}' });
  });

  it('substitutes without variables when always is set, as substituteStrategy: Always does', () => {
    const result = substituteObject(deployment(), {}, { always: true });
    expect(result.body.metadata).toMatchObject({ name: 'web-<unset:CLUSTER>', namespace: 'shared' });
    expect(result.missing).toEqual(['APP', 'CLUSTER', 'REPLICAS', 'TAG']);
  });

  it('substitutes when the only variable is one the object does not use', () => {
    const result = substituteObject(deployment(), { UNRELATED: 'x' });
    expect(result.body.metadata).toMatchObject({ namespace: 'shared' });
  });

  it('reports expressions it leaves as written', () => {
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'script' },
      data: { 'run.sh': 'for arg in ${ARGS[@]}; do echo ${arg^^}; done' },
    };
    const result = substituteObject(body, values);
    expect(result.body).toEqual(body);
    expect(result.unresolved).toEqual(['${ARGS[@]}', '${arg^^}']);
  });
});

describe('shouldSubstitute', () => {
  it.each<{ description: string; variables: Record<string, string>; options: { always?: boolean }; expected: boolean }>([
    { description: 'no variables', variables: {}, options: {}, expected: false },
    { description: 'no variables, always', variables: {}, options: { always: true }, expected: true },
    { description: 'one variable', variables: { A: 'a' }, options: {}, expected: true },
    { description: 'one variable set to empty', variables: { A: '' }, options: { always: false }, expected: true },
  ])('$description: $expected', ({ variables: given, options, expected }) => {
    expect(shouldSubstitute(given, options)).toBe(expected);
  });
});
