import { describe, expect, it } from 'vitest';
import { MIN_MASKED_LENGTH, createSecretMask, listMaskedForms, maskReport } from '../../../src/core/report/mask-secrets.ts';
import { REDACTED } from '../../../src/core/objects/kube-objects.ts';
import type { Report } from '../../../src/core/report/report-model.ts';
import { toReport, yamlDocs } from '../../helpers/objects.ts';

const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe('listMaskedForms', () => {
  it('lists the value, its base64 with and without padding, and its escaped spellings', () => {
    const forms = listMaskedForms(['p@ss"wo\\rd/~1']);
    expect(forms).toContain('p@ss"wo\\rd/~1');
    expect(forms).toContain(base64('p@ss"wo\\rd/~1'));
    expect(forms).toContain(base64('p@ss"wo\\rd/~1').replace(/=+$/, ''));
    expect(forms).toContain('p@ss\\"wo\\\\rd/~1');
    expect(forms).toContain('p@ss"wo\\rd~1~01');
  });

  it('lists the value without newlines (as Flux substitutes it), trimmed, and each line', () => {
    const value = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\nend\n';
    const forms = listMaskedForms([value]);
    expect(forms).toContain(value.replaceAll('\n', ''));
    expect(forms).toContain(base64(value.replaceAll('\n', '')));
    expect(forms).toContain(value.trim());
    expect(forms).toContain('-----BEGIN KEY-----');
    expect(forms).toContain('MIIBOgIBAAJBAKj34GkxFhD9');
    // A line shorter than the minimum is no form of its own.
    expect(forms).not.toContain('end');
  });

  it(`leaves values shorter than ${MIN_MASKED_LENGTH} characters, whitespace not counted, alone`, () => {
    expect(listMaskedForms(['12345', '  abcd  ', '      ', '\n\n\n\n\n\n', ''])).toEqual([]);
    expect(listMaskedForms(['123456'])).toContain('123456');
  });

  it('sorts longest first, then by code unit, whatever the input order', () => {
    const forms = listMaskedForms(['secret-b', 'secret-a', 'secret-a-longer']);
    expect(forms).toEqual(listMaskedForms(['secret-a-longer', 'secret-a', 'secret-b']));
    expect(forms.indexOf('secret-a-longer')).toBeLessThan(forms.indexOf('secret-a'));
    for (let index = 1; index < forms.length; index++) expect((forms[index - 1] ?? '').length).toBeGreaterThanOrEqual((forms[index] ?? '').length);
  });
});

describe('createSecretMask', () => {
  it('replaces every occurrence, a longer value whole before a shorter one inside it', () => {
    const mask = createSecretMask(['hunter22', 'hunter22-extended']);
    expect(mask.text('a hunter22-extended b hunter22 c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('takes regular expression syntax in a value literally', () => {
    const mask = createSecretMask(['a.b*c+d?(e)[f]{g}|h^$\\i']);
    expect(mask.text('x a.b*c+d?(e)[f]{g}|h^$\\i y aXbbbcd')).toBe(`x ${REDACTED} y aXbbbcd`);
  });

  it('never masks its own placeholder, even for a value that is part of it', () => {
    expect(createSecretMask(['redacted']).text(`redacted ${REDACTED}`)).toBe(`${REDACTED} (${REDACTED})`);
  });

  it('leaves text alone when there is nothing to mask', () => {
    const mask = createSecretMask(['tiny']);
    expect(mask.forms).toEqual([]);
    expect(mask.text('tiny text')).toBe('tiny text');
  });
});

describe('maskReport', () => {
  const oldPassword = 'Old-Pl4nted-pass';
  const newPassword = 'New-Pl4nted-pass';
  const configMap = (name: string, data: Record<string, string>): string =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: shop}\ndata:\n${Object.entries(data).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`).join('\n')}\n`;
  const build = (): Report =>
    toReport(
      {
        'flux-system/apps': {
          before: yamlDocs(
            configMap('app', { password: oldPassword, url: `postgres://app:${oldPassword}@db/app`, quoted: `say "${oldPassword}": now` }),
            configMap(`gone-${oldPassword.toLowerCase()}`, { key: 'value' }),
          ),
          after: configMap('app', { password: newPassword, url: `postgres://app:${newPassword}@db/app`, quoted: `say "${newPassword}": now`, [newPassword]: 'as a key' }),
        },
      },
      { failOn: 'notice' },
    );
  const mask = createSecretMask([oldPassword, newPassword, oldPassword.toLowerCase()]);
  const planted = [oldPassword, newPassword, oldPassword.toLowerCase(), base64(oldPassword), base64(newPassword)];

  it('leaves no value anywhere, in diffs, patches, patched keys, names and messages', () => {
    const report = build();
    expect(JSON.stringify(report)).toContain(oldPassword);
    const serialized = JSON.stringify(maskReport(report, mask));
    for (const value of planted) expect(serialized).not.toContain(value);
  });

  it('keeps a changed value a changed line in the diff', () => {
    const [change] = maskReport(build(), mask).changes.changed;
    expect(change?.diff).toContain(`-  password: ${REDACTED}`);
    expect(change?.diff).toContain(`+  password: ${REDACTED}`);
    expect(change?.diff).toContain(`-  url: postgres://app:${REDACTED}@db/app`);
    expect(change?.diff).toContain(`+  url: postgres://app:${REDACTED}@db/app`);
    expect(change?.patch).toContainEqual({ op: 'replace', path: '/data/password', value: REDACTED });
    expect(change?.patch).toContainEqual({ op: 'add', path: `/data/${REDACTED}`, value: 'as a key' });
  });

  it('masks a value as the diff spells it in YAML double quotes, escapes included', () => {
    const escaped = 'Bell\u0007Pl4nted"value';
    const report = toReport({ app: { before: configMap('app', { a: 'x' }), after: configMap('app', { a: `say ${escaped}` }) } });
    expect(report.changes.changed[0]?.diff).toContain('+  a: "say Bell\\aPl4nted\\"value"');
    const masked = maskReport(report, createSecretMask([escaped]));
    expect(masked.changes.changed[0]?.diff).toContain(`+  a: "say ${REDACTED}"`);
    expect(JSON.stringify(masked)).not.toContain('Pl4nted');
  });

  it('masks object names, and keeps rules, severities and counts as they were', () => {
    const report = build();
    const masked = maskReport(report, mask);
    expect(masked.changes.removed.map((entry) => entry.object.name)).toEqual([`gone-${REDACTED}`]);
    expect(masked.findings.map((finding) => [finding.rule, finding.severity])).toEqual(report.findings.map((finding) => [finding.rule, finding.severity]));
    expect(masked.findings[0]?.message).not.toContain(oldPassword.toLowerCase());
    expect(masked.summary).toEqual(report.summary);
    expect(masked.units.map((unit) => unit.counts)).toEqual(report.units.map((unit) => unit.counts));
  });

  it('keeps what the tool decides even when a value spells it', () => {
    const report = build();
    const masked = maskReport(report, createSecretMask(['object-removed', 'notice', 'replace', 'prune-guard']));
    expect(masked.findings.map((finding) => [finding.rule, finding.severity])).toEqual(report.findings.map((finding) => [finding.rule, finding.severity]));
    expect(masked.changes.changed[0]?.patch.map((operation) => operation.op)).toEqual(report.changes.changed[0]?.patch.map((operation) => operation.op));
    expect(masked.tool).toEqual(report.tool);
  });

  it('is deterministic: identical input, identical output', () => {
    expect(JSON.stringify(maskReport(build(), mask))).toBe(JSON.stringify(maskReport(build(), createSecretMask([newPassword, oldPassword.toLowerCase(), oldPassword]))));
  });

  it('returns the report itself when there is nothing to mask', () => {
    const report = build();
    expect(maskReport(report, createSecretMask([]))).toBe(report);
  });
});
