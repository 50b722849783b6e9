import { describe, expect, it } from 'vitest';
import { registeredErrors, registeredInput } from '../ra/registered';
import { RA_MESSAGES } from '../ra/messages';
import { KINDS } from '../spec/kinds';
import { validateRecords } from '../tsv/validate';
import { checkSheet } from './check';
import { canCheckAgainst, checkReportAgainst, institutionIssues } from './institution-check';

const mine = { o: 'Example University', st: 'Tokyo', l: 'Chiyoda-ku', domains: ['example.ac.jp'], label: '本部' };
const spec = KINDS['server-issue'];

function serverRow(dn: string, fqdn: string, sans = ''): string[] {
  return [dn, '3', '', '', '', '', '', '国立　花子', '情報基盤センター', 'admin@example.ac.jp', fqdn, 'nginx', sans];
}

describe('checks against the institution profile (the RA’s own code, ra/registered.ts)', () => {
  it('passes a row of the institution', () => {
    const row = serverRow('CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', 'www.example.ac.jp', 'dNSName=a.example.ac.jp');
    expect(institutionIssues(spec, 1, row, mine)).toEqual([]);
  });

  it('flags another institution’s O (241), ST (R103), L (R102) and domains (R101) with the RA’s texts and what the profile says', () => {
    const row = serverRow('CN=www.other.ac.jp,O=Other University,L=Kyoto-shi,ST=Kyoto,C=JP', 'www.other.ac.jp', 'dNSName=a.example.ac.jp,dNSName=b.other.ac.jp');
    const issues = institutionIssues(spec, 4, row, mine);
    expect(issues.map((i) => [i.code, i.column])).toEqual([
      ['241', 1],
      ['R103', 1],
      ['R102', 1],
      ['R101', 1],
      ['R101', 13],
    ]);
    expect(issues[0].message).toEqual(RA_MESSAGES.organizationMismatch.message);
    expect(issues[0].hint?.ja).toBe('機関プロファイル「本部」ではO=Example Universityです（このファイル: Other University）。');
    expect(issues[1].hint?.en).toBe('Your profile "本部" says ST=Tokyo (this file: Kyoto).');
    expect(issues[4].hint?.ja).toContain('b.other.ac.jp');
    expect(issues[4].hint?.ja).not.toContain('a.example.ac.jp');
    expect(issues.every((i) => i.seq === 4 && i.severity === 'error')).toBe(true);
  });

  it('judges the S/MIME mail domain, not a client-authentication name, and no domain on revocation', () => {
    const smime = ['CN=taro@other.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', '7', '1'];
    expect(registeredErrors(registeredInput('client-issue', smime), mine).map((e) => e.message.code)).toEqual(['R101']);
    const person = ['CN=KOKURITSU TARO,OU=1,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', '5', '1'];
    expect(registeredErrors(registeredInput('client-issue', person), mine)).toEqual([]);
    const revoke = ['CN=www.other.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP'];
    expect(registeredErrors(registeredInput('server-revoke', revoke), mine)).toEqual([]);
  });

  it('needs a profile with an O', () => {
    expect(canCheckAgainst(null)).toBe(false);
    expect(canCheckAgainst({ ...mine, o: ' ' })).toBe(false);
    expect(canCheckAgainst(mine)).toBe(true);
  });

  it('adds the checks to the builder’s sheet check and to a validator report (which then fails)', () => {
    const good = serverRow('CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', 'www.example.ac.jp');
    const bad = serverRow('CN=www.other.ac.jp,O=Other University,L=Chiyoda-ku,ST=Tokyo,C=JP', 'www.other.ac.jp');
    const sheet = checkSheet(spec, [good, bad], mine);
    expect(sheet.institutionChecked).toBe(true);
    expect((sheet.byRow.get(0) ?? []).filter((i) => /^(?:241|R10[1-3])$/.test(i.code))).toEqual([]);
    expect((sheet.byRow.get(1) ?? []).map((i) => i.code)).toEqual(expect.arrayContaining(['241', 'R101']));
    expect(checkSheet(spec, [bad]).institutionChecked).toBe(false);
    expect((checkSheet(spec, [bad]).byRow.get(0) ?? []).some((i) => i.code === '241')).toBe(false);

    const report = validateRecords('server-issue', [good, bad].map((cells, i) => ({ seq: i + 1, cells })));
    const against = checkReportAgainst(report, mine);
    expect(against.records[0].issues.some((i) => i.code === '241')).toBe(false);
    expect(against.records[1].ok).toBe(false);
    expect(against.records[1].issues.map((i) => i.code)).toEqual(expect.arrayContaining(['241', 'R101']));
    expect(against.ok).toBe(false);
  });
});
