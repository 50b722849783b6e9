import { describe, expect, it } from 'vitest';
import type { Rdn } from '../pki/dn';
import { KINDS } from '../spec/kinds';
import { cellsFromCertificate, cellsFromKeyAction, formatDnsNames, parseDnsNames, serialForColumn } from './fill';
import { blankProfile } from './institution';

describe('fill from PKI artefacts', () => {
  it('places the key action output in DN, CSR, FQDN and dNSName columns', () => {
    const updates = cellsFromKeyAction(KINDS['server-issue'], 'www.example.ac.jp', {
      subjectTsv: 'CN=www.example.ac.jp,O=E,L=L,ST=S,C=JP',
      csrOneLine: 'MIIB',
      dnsNamesColumn: 'dNSName=a.example.ac.jp',
    });
    expect([...updates.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 'CN=www.example.ac.jp,O=E,L=L,ST=S,C=JP'],
      [6, 'MIIB'],
      [10, 'www.example.ac.jp'],
      [12, 'dNSName=a.example.ac.jp'],
    ]);
  });

  it('fills DN in TSV order and the serial from an old certificate', () => {
    const subject = [
      { key: 'C', value: 'JP' },
      { key: 'ST', value: 'Tokyo' },
      { key: 'L', value: 'Chiyoda-ku' },
      { key: 'O', value: 'E' },
      { key: 'CN', value: 'www.example.ac.jp' },
    ] as const;
    const updates = cellsFromCertificate(KINDS['server-revoke'], { subject: [...subject], serialDecimal: '255', serialHex: 'ff' }, null);
    expect(updates.get(0)).toBe('CN=www.example.ac.jp,O=E,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(updates.get(3)).toBe('255');
  });

  it('completes a CN-only S/MIME subject with the institution', () => {
    const inst = { ...blankProfile('x'), o: 'E', l: 'Chiyoda-ku', st: 'Tokyo' };
    const updates = cellsFromCertificate(
      KINDS['client-renew'],
      { subject: [{ key: 'CN', value: 'a@example.ac.jp' }], serialDecimal: '1', serialHex: '01' },
      inst,
    );
    expect(updates.get(0)).toBe('CN=a@example.ac.jp,O=E,L=Chiyoda-ku,ST=Tokyo,C=JP');
  });

  it('keeps the old server certificate\'s FQDN and every other dNSName on a renew row', () => {
    const subject: Rdn[] = [{ key: 'C', value: 'JP' }, { key: 'O', value: 'E' }, { key: 'CN', value: 'www.example.ac.jp' }];
    const info = { subject, serialDecimal: '7', serialHex: '07', sanDnsNames: ['www.example.ac.jp', 'a.example.ac.jp', 'B.example.ac.jp', 'a.example.ac.jp'] };
    const updates = cellsFromCertificate(KINDS['server-renew'], info, null);
    expect(updates.get(10)).toBe('www.example.ac.jp');
    expect(updates.get(12)).toBe('dNSName=a.example.ac.jp,dNSName=B.example.ac.jp');
    // A revoke file has no FQDN/dNSName columns to fill (they must stay blank).
    expect([...cellsFromCertificate(KINDS['server-revoke'], info, null).keys()].sort((a, b) => a - b)).toEqual([0, 3]);
  });

  it('fills user mail and P12 name on a client renew row', () => {
    const updates = cellsFromCertificate(
      KINDS['client-renew'],
      { subject: [{ key: 'CN', value: 'KOKURITSU HANAKO' }, { key: 'OU', value: 'Dept' }, { key: 'O', value: 'E' }], serialDecimal: '1', serialHex: '01', sanEmails: ['hanako@example.ac.jp'] },
      null,
    );
    expect(updates.get(13)).toBe('hanako@example.ac.jp');
    expect(updates.get(11)).toBe('KOKURITSU HANAKO');
  });

  it('writes a long serial as 0x-hex when the decimal form exceeds the column (client: 32)', () => {
    const decimal = '1'.repeat(40);
    expect(serialForColumn(KINDS['client-revoke'], { serialDecimal: decimal, serialHex: 'abcdef' })).toBe('0xABCDEF');
    expect(serialForColumn(KINDS['server-revoke'], { serialDecimal: decimal, serialHex: 'abcdef' })).toBe(decimal);
  });

  it('edits dNSName entries as a list', () => {
    expect(parseDnsNames('dNSName=a.example.jp,dNSName=b.example.jp')).toEqual(['a.example.jp', 'b.example.jp']);
    expect(parseDnsNames('')).toEqual([]);
    expect(parseDnsNames('dNSName=a.jp,b.jp,DNSName=c.jp,dNSName=')).toEqual(['a.jp', 'b.jp', 'c.jp', '']);
    expect(formatDnsNames(['a.example.jp', ' ', 'b.example.jp '])).toBe('dNSName=a.example.jp,dNSName=b.example.jp');
  });
});
