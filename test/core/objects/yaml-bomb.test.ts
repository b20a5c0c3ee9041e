/** The alias-bomb check that runs before any YAML is resolved. */
import { describe, expect, it } from 'vitest';
import { findAliasBomb } from '../../../src/core/objects/yaml-bomb.ts';

describe('findAliasBomb', () => {
  it('passes anchors used a few times and refuses exponential expansion', () => {
    expect(findAliasBomb('a: &x {k: v}\nb: *x\nc: *x\n')).toBeUndefined();
    expect(findAliasBomb('script: "a && b"\n')).toBeUndefined();
    let text = 'a: &a [l, l, l, l, l, l, l, l, l]\n';
    let previous = 'a';
    for (const name of ['b', 'c', 'd', 'e', 'f']) {
      text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
      previous = name;
    }
    expect(findAliasBomb(text)).toBe('its YAML aliases expand beyond 10,000 nodes (an alias bomb)');
  });
});
