// Cross-column rules (SPEC §3.4, §5.1, §5.4; ADDENDUM B.6, B.8, B.10): one passing and one failing case each.
import { describe, expect, it } from 'vitest';
import { clientIssueRow, clientRenewRow, rowCodes, rowIssues, serverIssueRow, serverRenewRow, smimeIssueRow } from './fixtures';

const csr = 'MIIB' + 'A'.repeat(100);
const O_TAIL = 'O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

describe('server: column 11 equals the CN', () => {
  it('passes when equal', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr }))).toEqual([]);
  });

  it('fails when different (also in renewals)', () => {
    const issues = rowIssues('server-issue', serverIssueRow({ csr, fqdn: 'web.nii.ac.jp' }));
    expect(issues.map((i) => [i.code, i.column])).toEqual([['U301', 11]]);
    expect(rowCodes('server-renew', serverRenewRow({ csr, fqdn: 'WWW.nii.ac.jp' }))).toEqual(['U301']);
  });
});

describe('server: dNSName with the auto-added FQDN (B.6)', () => {
  const hosts = (n: number) => Array.from({ length: n }, (_, i) => `dNSName=h${i}.nii.ac.jp`).join(',');

  it('8 written entries without the FQDN: warning', () => {
    const issues = rowIssues('server-issue', serverIssueRow({ csr, dnsNames: hosts(8) }));
    expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([['U215', 'warning', 13]]);
  });

  it('8 entries including the FQDN, or 7 without it: fine', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr, dnsNames: `${hosts(7)},dNSName=www.nii.ac.jp` }))).toEqual([]);
    expect(rowCodes('server-issue', serverIssueRow({ csr, dnsNames: hosts(7) }))).toEqual([]);
  });

  it('counts 250 characters including ",dNSName=<FQDN>"', () => {
    const suffix = ',dNSName=www.nii.ac.jp'.length; // 22
    // Labels of at most 49 characters, so that only the total length matters.
    const entry = (len: number) => `dNSName=${'a'.repeat(len - 'dNSName='.length - '.jp'.length).replace(/(.{49})(?=.)/g, '$1.')}`.slice(0, len - 3) + '.jp';
    const fits = entry(250 - suffix);
    expect(fits.length + suffix).toBe(250);
    expect(rowCodes('server-issue', serverIssueRow({ csr, dnsNames: fits }))).toEqual([]);
    const over = entry(251 - suffix);
    const issues = rowIssues('server-issue', serverIssueRow({ csr, dnsNames: over }));
    expect(issues.map((i) => i.code)).toEqual(['U216']);
    expect(issues[0].message.ja).toContain('251');
  });

  it('does not add the FQDN length when the FQDN is already listed', () => {
    const long = `dNSName=www.nii.ac.jp,dNSName=${'a'.repeat(200)}.jp`;
    expect(long.length).toBeLessThanOrEqual(250);
    expect(rowCodes('server-issue', serverIssueRow({ csr, dnsNames: long }))).not.toContain('U216');
  });
});

describe('S/MIME profiles 7, 15, 16', () => {
  it('pass with CN = 利用者mail, a P12 name and no PIN', () => {
    for (const profile of ['7', '15', '16']) expect(rowCodes('client-issue', smimeIssueRow({ profile }))).toEqual([]);
  });

  it('need CN = 利用者mail', () => {
    const issues = rowIssues('client-issue', smimeIssueRow({ userMail: 'other@nii.ac.jp', dn: `CN=hanako@nii.ac.jp,${O_TAIL}` }));
    expect(issues.map((i) => [i.code, i.column])).toEqual([['U302', 1]]);
  });

  it('refuse an access PIN, even with method 2', () => {
    const issues = rowIssues('client-issue', smimeIssueRow({ method: '2', pin: 'abcdef12' }));
    expect(issues.map((i) => [i.code, i.column])).toEqual([['U303', 15]]);
  });

  it('need a P12 file name unless the method is 2 (B.8)', () => {
    const issues = rowIssues('client-issue', smimeIssueRow({ p12Name: '' }));
    expect(issues.map((i) => [i.code, i.column])).toEqual([['201', 12]]);
    expect(issues[0].hint?.ja).toContain('7, 15, 16');
    expect(rowCodes('client-issue', smimeIssueRow({ p12Name: '', method: '2' }))).toEqual([]);
    expect(rowCodes('client-renew', clientRenewRow({ profile: '16', dn: `CN=hanako@nii.ac.jp,${O_TAIL}`, p12Name: '' }))).toEqual(['201']);
  });
});

describe('access PIN only with method 2 (B.10)', () => {
  it('passes with method 2', () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin: 'abcdef12' }))).toEqual([]);
  });

  it('fails with methods 1 and 3', () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '1', pin: 'abcdef12' }))).toEqual(['U304']);
    expect(rowCodes('client-renew', clientRenewRow({ method: '3', pin: 'abcdef12' }))).toEqual(['U304']);
  });
});

describe('利用者mail optional only for profile 5 with method 2', () => {
  it('may be empty for profile 5 + method 2', () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', userMail: '' }))).toEqual([]);
  });

  it('is required otherwise', () => {
    const issues = rowIssues('client-issue', clientIssueRow({ method: '1', userMail: '' }));
    expect(issues.map((i) => [i.code, i.column])).toEqual([['201', 14]]);
    expect(issues[0].message.ja).toBe('利用者mailは入力必須項目です。');
    expect(rowCodes('client-issue', clientIssueRow({ profile: '13', method: '2', userMail: '' }))).toEqual(['201']);
  });
});

describe('P12 file name defaults and method 3', () => {
  it('warns when the defaulted CN has characters not allowed in file names (B.8)', () => {
    const issues = rowIssues('client-issue', clientIssueRow({ p12Name: '', dn: `CN=HANAKO_K,${O_TAIL}` }));
    expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([['U305', 'warning', 12]]);
    expect(rowCodes('client-issue', clientIssueRow({ p12Name: '', dn: `CN=HANAKO K,${O_TAIL}` }))).toEqual([]);
  });

  it("warns about an apostrophe with method 3 only", () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '3', p12Name: "O'Neil" }))).toEqual(['U306']);
    expect(rowCodes('client-issue', clientIssueRow({ method: '3', p12Name: '', dn: `CN=O'NEIL,${O_TAIL}` }))).toEqual(['U306']);
    expect(rowCodes('client-issue', clientIssueRow({ method: '1', p12Name: "O'Neil" }))).toEqual([]);
  });
});
