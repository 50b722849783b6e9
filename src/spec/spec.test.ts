// The rule tables themselves: layouts as in SPEC §4.7, limits, profiles and validity dates in JST (B.4).
import { describe, expect, it } from 'vitest';
import { charLength, firstDisallowed, MAIL, PIN } from './charsets';
import { hostNameProblem } from './hostname';
import { columnOf, KINDS } from './kinds';
import { computeNotAfter, DOWNLOAD_METHODS, PROFILES, REVOCATION_REASONS, validityRuleFor } from './profiles';
import { KIND_IDS } from './types';

/** Used (non-blank) columns per kind, verbatim from SPEC §4.7. */
const USED: Record<string, number[]> = {
  'server-issue': [1, 2, 7, 8, 9, 10, 11, 12, 13],
  'server-renew': [1, 2, 4, 7, 8, 9, 10, 11, 12, 13],
  'server-revoke': [1, 4, 5, 6, 10],
  'client-issue': [1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15],
  'client-renew': [1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15],
  // Column 15 exists but must stay empty (ADDENDUM B.7).
  'client-revoke': [1, 4, 5, 6, 10, 14],
};

describe('KINDS', () => {
  it('has the six layouts of SPEC §4.7', () => {
    for (const id of KIND_IDS) {
      const kind = KINDS[id];
      expect(kind.columns.length).toBe(kind.columnCount);
      expect(kind.columns.map((c) => c.no)).toEqual(Array.from({ length: kind.columnCount }, (_, i) => i + 1));
      expect(kind.columns.filter((c) => c.required !== 'blank').map((c) => c.no), id).toEqual(USED[id]);
      expect(kind.columnCount).toBe(id.startsWith('server') ? 13 : 15);
    }
  });

  it('carries sizes, marks and values from SPEC §5', () => {
    expect(columnOf('server-issue', 'csr')).toMatchObject({ no: 7, maxLength: 2048, required: 'required' });
    expect(columnOf('server-renew', 'profile')?.maxLength).toBe(2); // IC-1
    expect(columnOf('server-renew', 'serial')?.maxLength).toBe(50);
    expect(columnOf('client-renew', 'serial')?.maxLength).toBe(32);
    expect(columnOf('client-issue', 'userMail')?.required).toBe('conditional');
    expect(columnOf('client-issue', 'profile')?.values).toEqual(['5', '7', '13', '14', '15', '16']);
    expect(columnOf('server-revoke', 'reason')?.values).toEqual(['0', '1', '3', '4', '5']);
    expect(columnOf('server-revoke', 'csr')).toBeUndefined();
    expect(KINDS['client-issue'].maxRecordsBulk).toBe(1000);
    expect(KINDS['client-revoke'].maxRecordsBulk).toBeUndefined();
  });

  it('names every column in Japanese and English', () => {
    for (const id of KIND_IDS) for (const c of KINDS[id].columns) expect(c.name.ja && c.name.en && c.help.ja && c.help.en).toBeTruthy();
  });
});

describe('profiles, methods, reasons', () => {
  it('lists the eight profiles with their keys and algorithms', () => {
    expect(Object.keys(PROFILES).sort()).toEqual(['11', '13', '14', '15', '16', '3', '5', '7']);
    expect(PROFILES['3'].key).toEqual({ algorithm: 'RSA', bits: 2048 });
    expect(PROFILES['11'].csrSignatureAlgorithms).toEqual(['ecdsa-with-SHA256', 'ecdsa-with-SHA384']);
    expect(PROFILES['11'].certSignatureAlgorithm).toBe('ecdsa-with-SHA384');
    expect(['7', '15', '16'].every((id) => PROFILES[id].type === 'smime')).toBe(true);
  });

  it('maps reasons to X.509 reason codes and names methods', () => {
    expect(Object.values(REVOCATION_REASONS).map((r) => r.reasonCode)).toEqual([0, 1, 3, 4, 5]);
    expect(DOWNLOAD_METHODS['2'].name.ja).toBe('P12一括');
    expect(DOWNLOAD_METHODS['2'].pinAllowed).toBe(true);
    expect(DOWNLOAD_METHODS['1'].pinAllowed).toBe(false);
  });
});

describe('validity periods in JST (SPEC §2.2, ADDENDUM B.4)', () => {
  const jst = (s: string) => new Date(`${s}+09:00`);

  it('profile 5: 52 months before 2023-09-08 21:00 JST, 48 from then', () => {
    expect(validityRuleFor('5', jst('2023-09-08T20:59:59'))?.months).toBe(52);
    expect(validityRuleFor('5', jst('2023-09-08T21:00:00'))?.months).toBe(48);
    expect(computeNotAfter('5', jst('2024-01-31T10:00:00'))).toEqual(jst('2028-01-31T10:00:00'));
  });

  it('profile 7: 823 days from 2022-03-22 00:00 JST', () => {
    expect(validityRuleFor('7', jst('2022-03-21T23:59:59'))?.months).toBe(52);
    expect(validityRuleFor('7', jst('2022-03-22T00:00:00'))?.days).toBe(823);
    expect(computeNotAfter('7', jst('2024-01-01T00:00:00'))!.getTime() - jst('2024-01-01T00:00:00').getTime()).toBe(823 * 86_400_000);
  });

  it('adds months on the JST calendar, clamping to the month end', () => {
    // 2024-01-31 05:00 JST is still 2024-01-30 in UTC: the JST date must drive the month arithmetic.
    expect(computeNotAfter('13', jst('2024-01-31T05:00:00'))).toEqual(jst('2025-02-28T05:00:00'));
    expect(computeNotAfter('14', jst('2024-03-15T12:00:00'))).toEqual(jst('2026-04-15T12:00:00'));
  });

  it('server validity follows the derived steps', () => {
    expect(validityRuleFor('3', jst('2025-06-01T00:00:00'))?.days).toBe(397);
    expect(validityRuleFor('11', jst('2026-11-23T00:00:00'))?.days).toBe(199);
    expect(computeNotAfter('99', new Date())).toBeUndefined();
  });
});

describe('character sets', () => {
  it('MAIL follows B.2', () => {
    expect(MAIL.test('a.b+c_d%e-f@x-y.ac.jp')).toBe(true);
    expect(MAIL.test('a@b@c')).toBe(false);
    expect(MAIL.test('a@.jp')).toBe(false);
  });

  it('PIN excludes space, quote, apostrophe and backslash', () => {
    expect(firstDisallowed('Ab1!#$%&*+,-./:;=?@^_`|~(){}[]<>', PIN)).toBeUndefined();
    for (const c of [' ', '"', "'", '\\']) expect(firstDisallowed(`ab${c}`, PIN)?.char).toBe(c);
  });

  it('counts characters by code point', () => {
    expect(charLength('𠮷野家')).toBe(3);
    expect(charLength('abc')).toBe(3);
  });

  it('hostNameProblem follows the FQDN rule', () => {
    expect(hostNameProblem('www.nii.ac.jp')).toBeNull();
    expect(hostNameProblem('a-b.example.jp')).toBeNull();
    for (const bad of ['-a.jp', 'a.jp-', '.a.jp', 'a.jp.', 'a..jp', 'a_b.jp', `${'x'.repeat(64)}.jp`]) expect(hostNameProblem(bad), bad).not.toBeNull();
  });
});
