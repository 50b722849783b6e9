// Single-column rules: one passing and one failing case each.
import { describe, expect, it } from 'vitest';
import { formatRaLine } from './format';
import { parseDnsNames } from './columns';
import {
  clientIssueRow,
  clientRenewRow,
  clientRevokeRow,
  rowCodes,
  rowIssues,
  serverIssueRow,
  serverRenewRow,
  serverRevokeRow,
} from './fixtures';

const csrLike = 'MIIB' + 'A'.repeat(100);

describe('required and blank columns', () => {
  it('accepts the base rows of every kind', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike }))).toEqual([]);
    expect(rowCodes('server-renew', serverRenewRow({ csr: csrLike }))).toEqual([]);
    expect(rowCodes('server-revoke', serverRevokeRow())).toEqual([]);
    expect(rowCodes('client-issue', clientIssueRow())).toEqual([]);
    expect(rowCodes('client-renew', clientRenewRow())).toEqual([]);
    expect(rowCodes('client-revoke', clientRevokeRow())).toEqual([]);
  });

  it('reports an empty required column as 201 in the RA line form', () => {
    const issues = rowIssues('server-issue', serverIssueRow({ csr: csrLike, adminMail: '' }));
    expect(issues.map((i) => formatRaLine(i, 'server-issue'))).toEqual(['201:10,利用管理者mail,利用管理者mailは入力必須項目です。']);
  });

  it('accepts an empty optional column and rejects content in a blank column (B.1)', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, adminName: '' }))).toEqual([]);
    const row = serverIssueRow({ csr: csrLike });
    row[3] = 'x';
    const issues = rowIssues('server-issue', row);
    expect(issues.map((i) => [i.code, i.column])).toEqual([['U201', 4]]);
  });

  it('requires client revoke column 15 to be empty (B.7)', () => {
    const row = clientRevokeRow();
    expect(rowCodes('client-revoke', row)).toEqual([]);
    row[14] = 'abcdef';
    expect(rowIssues('client-revoke', row).map((i) => [i.code, i.column])).toEqual([['U201', 15]]);
  });
});

describe('lengths in characters', () => {
  it('counts full-width characters as one', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, adminName: '国'.repeat(64) }))).toEqual([]);
    const issues = rowIssues('server-issue', serverIssueRow({ csr: csrLike, adminName: '国'.repeat(65) }));
    expect(issues.map((i) => i.code)).toEqual(['202']);
    expect(issues[0].message.ja).toBe('利用管理者氏名は64桁以内で入力してください。');
    expect(issues[0].hint?.ja).toContain('65');
  });

  it('limits the software column to 128', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, software: 'a'.repeat(128) }))).toEqual([]);
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, software: 'a'.repeat(129) }))).toEqual(['202']);
  });

  it('limits the CSR to 2048', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'A'.repeat(2048) }))).toEqual([]);
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'A'.repeat(2049) }))).toEqual(['202']);
  });
});

describe('enumerations and digits', () => {
  it('accepts server profiles 3 and 11 only', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, profile: '11' }))).toEqual([]);
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, profile: '5' }))).toEqual(['U202']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, profile: 'a' }))).toEqual(['204']);
  });

  it('accepts client profiles 5, 7, 13, 14, 15, 16 and methods 1-3', () => {
    expect(rowCodes('client-issue', clientIssueRow({ profile: '13', method: '3' }))).toEqual([]);
    expect(rowCodes('client-issue', clientIssueRow({ profile: '6' }))).toEqual(['U202']);
    expect(rowCodes('client-issue', clientIssueRow({ method: '4' }))).toEqual(['U202']);
  });

  it('accepts reason codes 0, 1, 3, 4, 5', () => {
    for (const reason of ['0', '1', '3', '4', '5']) expect(rowCodes('server-revoke', serverRevokeRow({ reason }))).toEqual([]);
    expect(rowCodes('server-revoke', serverRevokeRow({ reason: '2' }))).toEqual(['U202']);
    expect(rowCodes('client-revoke', clientRevokeRow({ reason: '6' }))).toEqual(['U202']);
    expect(rowCodes('client-revoke', clientRevokeRow({ reason: '１' }))).toEqual(['204']);
  });
});

describe('serial numbers (B.3)', () => {
  it('accepts decimal, 0x-hex of either case and leading zeros', () => {
    for (const serial of ['1234567812345678123', '0x112210E261FEC92B', '0xabcdef', '000123']) {
      expect(rowCodes('server-revoke', serverRevokeRow({ serial }))).toEqual([]);
    }
  });

  it('rejects other forms and warns on 0X', () => {
    expect(rowCodes('server-revoke', serverRevokeRow({ serial: '12AB' }))).toEqual(['U206']);
    expect(rowCodes('server-revoke', serverRevokeRow({ serial: '0x' }))).toEqual(['U206']);
    const upper = rowIssues('server-revoke', serverRevokeRow({ serial: '0X1F' }));
    expect(upper.map((i) => [i.code, i.severity])).toEqual([['U207', 'warning']]);
  });

  it('counts the 0x prefix in the limit: 50 for server, 32 for client', () => {
    expect(rowCodes('server-renew', serverRenewRow({ csr: csrLike, serial: '0x' + 'F'.repeat(48) }))).toEqual([]);
    expect(rowCodes('server-renew', serverRenewRow({ csr: csrLike, serial: '0x' + 'F'.repeat(49) }))).toEqual(['202']);
    expect(rowCodes('client-renew', clientRenewRow({ serial: '0x' + 'F'.repeat(30) }))).toEqual([]);
    expect(rowCodes('client-revoke', clientRevokeRow({ serial: '9'.repeat(33) }))).toEqual(['202']);
  });
});

describe('mail addresses (B.2)', () => {
  it('accepts local@domain with the allowed characters', () => {
    expect(rowCodes('client-issue', clientIssueRow({ adminMail: 'first.last+tag_1%x-y@mail.example-u.ac.jp' }))).toEqual([]);
  });

  it('rejects other shapes with NII 206', () => {
    for (const adminMail of ['admin', 'a@@b.jp', 'a b@x.jp', 'a@x..jp', 'a@x.jp.', '山田@x.jp', 'a@x_y.jp']) {
      const issues = rowIssues('client-issue', clientIssueRow({ adminMail }));
      expect(issues.map((i) => i.code), adminMail).toContain('206');
      expect(issues.find((i) => i.code === '206')?.message.ja).toBe('利用管理者mailはメール形式ではありません。');
    }
  });

  it('limits mail to 78 characters', () => {
    const local = 'a'.repeat(78 - '@x.jp'.length);
    expect(rowCodes('client-issue', clientIssueRow({ adminMail: `${local}@x.jp` }))).toEqual([]);
    expect(rowCodes('client-issue', clientIssueRow({ adminMail: `${local}a@x.jp` }))).toEqual(['202']);
  });
});

describe('access PIN characters and length', () => {
  it('accepts 6 to 36 allowed characters with method 2', () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin: 'Ab1!#$' }))).toEqual([]);
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin: 'x'.repeat(36) }))).toEqual([]);
  });

  it('rejects short, long and forbidden characters', () => {
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin: 'abc12' }))).toEqual(['U208']);
    expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin: 'x'.repeat(37) }))).toEqual(['202']);
    for (const pin of ['abc 123', 'abc"123', "abc'123", 'abc\\123']) {
      expect(rowCodes('client-issue', clientIssueRow({ method: '2', pin })), pin).toEqual(['U203']);
    }
  });
});

describe('P12 file name characters', () => {
  it("accepts letters, digits, space and ' ( ) , - . =", () => {
    expect(rowCodes('client-issue', clientIssueRow({ p12Name: "O'Neil (1), A-B.c=d" }))).toEqual([]);
  });

  it('rejects / : @ _', () => {
    for (const p12Name of ['a/b', 'a:b', 'a@b', 'a_b']) {
      const issues = rowIssues('client-issue', clientIssueRow({ p12Name }));
      expect(issues.map((i) => i.code), p12Name).toEqual(['U203']);
      expect(issues[0].position).toBe(1);
    }
  });
});

describe('JIS X 0208 check on 全角、半角 columns', () => {
  it('accepts JIS X 0208 and half-width katakana', () => {
    expect(rowCodes('client-issue', clientIssueRow({ userName: '国立　花子ｺｸﾘﾂ', userDept: '学術基盤推進部' }))).toEqual([]);
  });

  it('reports each bad character with column, position, code point and suggestion', () => {
    const issues = rowIssues('client-issue', clientIssueRow({ userName: '髙橋①' }));
    expect(issues.map((i) => [i.code, i.column, i.position])).toEqual([
      ['U204', 11, 0],
      ['U204', 11, 2],
    ]);
    expect(issues[0].message.ja).toContain('U+9AD9');
    expect(issues[0].hint?.ja).toContain('高');
    expect(issues[1].message.ja).toContain('U+2460');
  });

  it('uses NII 205 for the revocation comment', () => {
    const issues = rowIssues('server-revoke', serverRevokeRow({ reasonComment: '鍵紛失①' }));
    expect(issues.map((i) => [i.code, i.column, i.position])).toEqual([['205', 6, 3]]);
    expect(issues[0].message.ja).toBe('失効理由コメントは不正な文字が含まれています。');
  });
});

describe('control characters and spaces', () => {
  it('rejects a control character in any column', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, software: 'apache\u0001' }))).toEqual(['U205']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, adminMail: 'a\u0007@x.jp' }))).toContain('U205');
  });

  it('warns about leading or trailing spaces', () => {
    const issues = rowIssues('server-issue', serverIssueRow({ csr: csrLike, software: ' apache' }));
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['U209', 'warning']]);
    expect(rowCodes('server-issue', serverIssueRow({ csr: csrLike, software: 'apache 2.4' }))).toEqual([]);
  });
});

describe('CSR text (column 7, sync part)', () => {
  it('rejects armour lines', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: '-----BEGIN CERTIFICATE REQUEST-----MIIB-----END CERTIFICATE REQUEST-----' }))).toEqual(['U401']);
  });

  it("rejects the manual's four-hyphen armour (manual 003 prints ----BEGIN …----)", () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'MIIBAAAA' }))).toEqual([]);
    expect(rowCodes('server-issue', serverIssueRow({ csr: '----BEGIN CERTIFICATE REQUEST----MIIBAAAA----END CERTIFICATE REQUEST----' }))).toEqual(['U401']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: '----BEGIN CERTIFICATE REQUEST----MIIBAAAA' }))).toEqual(['U401']);
  });

  it('finds armour after a long run of dashes, and a cell of dashes alone is not armour (3 dashes + BEGIN is the pattern)', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: `${'-'.repeat(2000)}BEGIN CERTIFICATE REQUEST-----MIIB` }))).toEqual(['U401']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: `${'-'.repeat(2000)} END` }))).toEqual(['U401']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: '-'.repeat(2000) }))).not.toContain('U401');
    expect(rowCodes('server-issue', serverIssueRow({ csr: '--BEGIN CERTIFICATE-MIIB' }))).not.toContain('U401');
  });

  it('rejects non-base64 characters and spaces', () => {
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'MIIB AAAA' }))).toEqual(['U402']);
    expect(rowCodes('server-issue', serverIssueRow({ csr: 'MIIB*AAAA' }))).toEqual(['U402']);
  });
});

describe('server FQDN column (11)', () => {
  it('rejects bad host names', () => {
    for (const fqdn of ['-www.nii.ac.jp', 'www.nii.ac.jp.', 'www..nii.ac.jp', 'www_1.nii.ac.jp', '*.nii.ac.jp', `${'a'.repeat(64)}.jp`]) {
      const row = serverIssueRow({ csr: csrLike, fqdn, dn: `CN=${fqdn},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP` });
      expect(rowIssues('server-issue', row).filter((i) => i.column === 11).map((i) => i.code), fqdn).toContain('U210');
    }
  });

  it('warns about a name without a domain', () => {
    const row = serverIssueRow({ csr: csrLike, fqdn: 'www', dn: 'CN=www,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP' });
    const issues = rowIssues('server-issue', row);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues.map((i) => i.code)).toContain('U211');
  });
});

describe('dNSName column (13)', () => {
  const row = (dnsNames: string) => serverIssueRow({ csr: csrLike, dnsNames });

  it('accepts dNSName=host entries joined by ","', () => {
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,dNSName=nii.ac.jp'))).toEqual([]);
  });

  it('rejects a trailing comma', () => {
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,dNSName=nii.ac.jp,'))).toEqual(['U213']);
  });

  it('rejects entries without the dNSName= prefix, and empty entries', () => {
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,nii.ac.jp'))).toEqual(['U212']);
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,,dNSName=nii.ac.jp'))).toEqual(['U212']);
  });

  it('warns when the key is not spelled exactly 「dNSName=」 (the manual\'s form), reading the host anyway', () => {
    expect(rowCodes('server-issue', row('DNSName=www.nii.ac.jp,dnsname=nii.ac.jp'))).toEqual(['U218']);
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,dNSName=nii.ac.jp'))).not.toContain('U218');
    expect(parseDnsNames('DNSNAME=a.jp,dNSName=b.jp')).toMatchObject({ hosts: ['a.jp', 'b.jp'], oddKeys: ['DNSNAME='] });
  });

  it('rejects bad hosts and warns about duplicates', () => {
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,dNSName=-nii.ac.jp'))).toEqual(['U210']);
    expect(rowCodes('server-issue', row('dNSName=www.nii.ac.jp,dNSName=WWW.nii.ac.jp'))).toEqual(['U217']);
  });

  it('allows 8 entries and rejects 9 (B.6)', () => {
    const hosts = (n: number) => ['www.nii.ac.jp', ...Array.from({ length: n - 1 }, (_, i) => `h${i}.nii.ac.jp`)].map((h) => `dNSName=${h}`).join(',');
    expect(rowCodes('server-issue', row(hosts(8)))).toEqual([]);
    expect(rowCodes('server-issue', row(hosts(9)))).toEqual(['U214']);
  });
});
