import { describe, expect, it } from 'vitest';
import { guessChurn } from '../../../src/core/diff/guess-churn.ts';

const deployment = (name: string, image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - image: ${image}\n`;

describe('guessChurn', () => {
  it('sees no object come or go in an image bump', () => {
    expect(guessChurn(deployment('web', 'web:1.0'), deployment('web', 'web:1.1'))).toEqual({ removes: false, adds: false });
  });

  it('sees a removal when a document leaves the file, and an addition when one arrives', () => {
    const two = `${deployment('web', 'web:1.0')}---\n${deployment('api', 'api:1.0')}`;
    expect(guessChurn(two, deployment('web', 'web:1.0'))).toEqual({ removes: true, adds: false });
    expect(guessChurn(deployment('web', 'web:1.0'), two)).toEqual({ removes: false, adds: true });
  });

  it('takes a rename, or a move to another namespace, for both', () => {
    expect(guessChurn(deployment('web', 'web:1.0'), deployment('site', 'web:1.0'))).toEqual({ removes: true, adds: true });
    const inNamespace = (namespace: string) => `kind: ConfigMap\nmetadata:\n  name: a\n  namespace: ${namespace}\n`;
    expect(guessChurn(inNamespace('one'), inNamespace('two'))).toEqual({ removes: true, adds: true });
  });

  it('reads JSON spellings of identity fields', () => {
    const json = (name: string) => `{\n  "kind": "ConfigMap",\n  "metadata": {\n    "name": "${name}"\n  }\n}\n`;
    expect(guessChurn(json('a'), json('b'))).toEqual({ removes: true, adds: true });
  });

  it('counts repeated lines: one of two equal documents leaving is a removal', () => {
    const copy = 'kind: ConfigMap\nmetadata:\n  name: a\n';
    expect(guessChurn(`${copy}---\n${copy}`, copy)).toEqual({ removes: true, adds: false });
  });

  it('takes any change of a $patch directive for both, since it deletes objects', () => {
    const patch = (directive: string) => `kind: Deployment\nmetadata:\n  name: web\n${directive}`;
    expect(guessChurn(patch(''), patch('$patch: delete\n'))).toEqual({ removes: true, adds: true });
    expect(guessChurn(patch('$patch: delete\n'), patch(''))).toEqual({ removes: true, adds: true });
  });
});
