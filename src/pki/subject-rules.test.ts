import { describe, expect, it } from 'vitest';
import { DN_RULES, formatDnsNames, LIMITS } from '../spec';
import { hasErrors, parseDnsNameList, trimSubject, validateDnsNames, validateInstitution, validateServerSubject } from './subject-rules';

const OK = { cn: 'www.example.ac.jp', o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku' };
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('subject rules (from spec/dn-rules.ts)', () => {
  it('accepts a correct subject', () => {
    expect(validateServerSubject(OK, ['a.example.ac.jp'])).toEqual([]);
  });

  it('applies the O charset and 64-character limit', () => {
    expect(codes(validateInstitution({ ...OK, o: 'Univ. & Co' }))).toEqual(['O:206']);
    expect(codes(validateInstitution({ ...OK, o: "A-Z a-z 0-9 '(),-./:=" }))).toEqual([]);
    expect(codes(validateInstitution({ ...OK, o: 'x'.repeat(65) }))).toEqual(['O:202']);
    expect(codes(validateInstitution({ ...OK, o: '' }))).toEqual(['O:201']);
  });

  it("applies NII's L rules: no Academe, no Default, not City alone", () => {
    expect(codes(validateInstitution({ ...OK, l: 'Default City' }))).toEqual(['L:dn-forbidden-word']);
    expect(codes(validateInstitution({ ...OK, l: 'academe-ops' }))).toEqual(['L:dn-forbidden-word']);
    expect(codes(validateInstitution({ ...OK, l: 'City' }))).toEqual(['L:dn-forbidden-value']);
    expect(codes(validateInstitution({ ...OK, l: 'Mitaka City' }))).toEqual([]);
    expect(codes(validateInstitution({ ...OK, st: '東京都' }))).toEqual(['ST:206']);
  });

  it('applies FQDN rules to CN and SAN names', () => {
    for (const cn of ['-www.example.jp', 'www.example.jp.', 'a..example.jp', 'localhost'])
      expect(codes(validateServerSubject({ ...OK, cn })), cn).toEqual(['CN:dn-fqdn']);
    expect(codes(validateServerSubject({ ...OK, cn: '*.example.jp' }))).toEqual(['CN:206']);
    expect(codes(validateServerSubject({ ...OK, cn: `${'a'.repeat(60)}.example.jp` }))).toEqual(['CN:202']);
    expect(codes(validateDnsNames(['ok.example.jp', 'bad_name.example.jp']))).toEqual(['SAN:206']);
    const nine = Array.from({ length: 9 }, (_, i) => `h${i}.example.jp`);
    expect(codes(validateDnsNames(nine))).toEqual(['SAN:dns-names-count']);
  });

  it('counts the CN NII adds to dNSName: 8 names without it warn, the column with it must fit the limit (B.6)', () => {
    const max = LIMITS.dnsNamesMaxEntries;
    const hosts = Array.from({ length: max }, (_, i) => `h${i}.example.jp`);
    const full = validateDnsNames(hosts, 'www.example.jp');
    expect(codes(full)).toEqual(['SAN:dns-names-full']);
    expect(hasErrors(full)).toBe(false);
    expect(codes(validateDnsNames(hosts, hosts[0]))).toEqual([]);
    expect(codes(validateDnsNames(hosts.slice(1), 'www.example.jp'))).toEqual([]);

    // Four names of 50 characters: the written column (235) is within the limit, with ",dNSName=<CN>" (258) it is not.
    const long = (i: number) => `${i}${'a'.repeat(38)}.example.jp`;
    const names = [0, 1, 2, 3].map(long);
    const cn = 'www.example.jp';
    expect(formatDnsNames(names).length).toBeLessThanOrEqual(LIMITS.dnsNamesMaxLength);
    expect(formatDnsNames([...names, cn]).length).toBeGreaterThan(LIMITS.dnsNamesMaxLength);
    expect(codes(validateDnsNames(names, cn))).toEqual(['SAN:dns-names-length']);
    expect(codes(validateDnsNames(names, names[0]))).toEqual([]);
    expect(codes(validateDnsNames([...names, long(4)], names[0]))).toEqual(['SAN:dns-names-length']);
    // The whole subject is checked too: no SANs is no dNSName column, so nothing is added.
    expect(codes(validateDnsNames([], cn))).toEqual([]);
    expect(codes(validateServerSubject({ ...OK, cn }, names))).toEqual(['SAN:dns-names-length']);
  });

  it('checks the whole DN in TSV order against the DN column limit', () => {
    // ST and L lengths are only warnings, so each can pass while the DN as a whole does not.
    const long = { ...OK, st: 'S'.repeat(100), l: 'L'.repeat(100) };
    const issues = validateServerSubject(long);
    expect(codes(issues)).toEqual(['ST:202', 'L:202', 'DN:202']);
    expect(hasErrors(issues)).toBe(true);
    expect(issues.find((i) => i.field === 'DN')!.message.en).toContain(`at most ${DN_RULES.server.maxLength}`);
    expect(codes(validateServerSubject({ ...OK, st: 'S'.repeat(60), l: 'L'.repeat(60) }))).toEqual([]);
  });

  it('trims the values it checks, and warns about double spaces inside', () => {
    expect(trimSubject({ cn: ' www.example.ac.jp ', o: ' NII ', st: 'Tokyo ', l: ' Chiyoda-ku' })).toEqual({
      cn: 'www.example.ac.jp', o: 'NII', st: 'Tokyo', l: 'Chiyoda-ku',
    });
    expect(validateServerSubject({ cn: ' www.example.ac.jp', o: `${OK.o} `, st: ' Tokyo', l: 'Chiyoda-ku ' })).toEqual([]);
    const double = validateInstitution({ ...OK, o: 'National  Institute of Informatics' });
    expect(codes(double)).toEqual(['O:dn-double-space']);
    expect(hasErrors(double)).toBe(false);
  });

  it('treats a too-long L as a warning (server L length is not stated)', () => {
    const issues = validateInstitution({ ...OK, l: 'x'.repeat(65) });
    expect(codes(issues)).toEqual(['L:202']);
    expect(hasErrors(issues)).toBe(false);
  });

  it('splits SAN lists in the forms users paste', () => {
    expect(parseDnsNameList(' a.example.jp, b.example.jp\nc.example.jp  A.example.jp ')).toEqual(['a.example.jp', 'b.example.jp', 'c.example.jp']);
    expect(parseDnsNameList('dNSName=a.example.jp,dNSName=b.example.jp')).toEqual(['a.example.jp', 'b.example.jp']);
    expect(parseDnsNameList('')).toEqual([]);
  });
});
