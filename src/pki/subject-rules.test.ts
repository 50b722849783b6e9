import { describe, expect, it } from 'vitest';
import { hasErrors, parseDnsNameList, validateDnsNames, validateInstitution, validateServerSubject } from './subject-rules';

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
