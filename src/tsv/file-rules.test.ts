// File and cross-record rules (SPEC §4.3, §4.6; ADDENDUM B.11, B.13, B.15): pass and fail cases.
import { describe, expect, it } from 'vitest';
import { clientIssueRow, clientIssueRows, clientRenewRow, clientRevokeRow, issueCodes, serverIssueRow, serverRenewRow, serverRevokeRow, tsvBytes, tsvText } from './fixtures';
import { validateFile, validateText } from './index';
import { serialValue } from './file-rules';
import { validateRecords } from './validate';

const records = (rows: string[][]) => rows.map((cells, i) => ({ seq: i + 1, cells }));
const revokeRows = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    serverRevokeRow({ dn: `CN=h${i}.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`, serial: String(1000 + i) }),
  );
const fileCodes = (kind: Parameters<typeof validateRecords>[0], rows: string[][]) => validateRecords(kind, records(rows)).fileIssues.map((i) => i.code);

describe('empty file (213)', () => {
  it('reports an empty or blank-only file', async () => {
    expect((await validateText('', 'server-issue')).fileIssues.map((i) => i.code)).toEqual(['213']);
    expect((await validateFile(new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), 'client-issue')).fileIssues.map((i) => i.code)).toEqual(['213']);
  });

  it('does not report a file with a record', () => {
    expect(fileCodes('server-revoke', revokeRows(1))).toEqual([]);
  });
});

describe('record limits (214)', () => {
  it('allows 99 server records and refuses 100', () => {
    expect(fileCodes('server-revoke', revokeRows(99))).toEqual([]);
    const report = validateRecords('server-revoke', records(revokeRows(100)));
    expect(report.fileIssues.map((i) => i.code)).toEqual(['214']);
    expect(report.fileIssues[0].hint?.ja).toContain('100件');
    expect(report.ok).toBe(false);
  });

  it('allows 1000 client issue/renew records with method 2 and refuses 1001 (B.11)', () => {
    expect(fileCodes('client-issue', clientIssueRows(1000, { method: '2' }))).toEqual([]);
    expect(fileCodes('client-issue', clientIssueRows(1001, { method: '2' }))).toEqual(['214']);
    const renew = clientIssueRows(1000, { method: '2' }).map((r) => clientRenewRow({ dn: r[0], userMail: r[13], p12Name: r[11], method: '2', serial: String(r[0].length) }));
    expect(fileCodes('client-renew', renew)).toEqual([]);
  });

  it('keeps 99 for client files with methods 1/3, and for client revoke', () => {
    expect(fileCodes('client-issue', clientIssueRows(99, { method: '1' }))).toEqual([]);
    expect(fileCodes('client-issue', clientIssueRows(100, { method: '1' }))).toEqual(['214']);
    const revokes = clientIssueRows(100).map((r, i) => clientRevokeRow({ dn: r[0], serial: String(i + 1) }));
    expect(fileCodes('client-revoke', revokes)).toEqual(['214']);
    expect(fileCodes('client-revoke', revokes.slice(0, 99))).toEqual([]);
  });
});

describe('one download method per client issue/renew file', () => {
  it('accepts one method', () => {
    expect(fileCodes('client-issue', clientIssueRows(3, { method: '3' }))).toEqual([]);
  });

  it('refuses two (U108)', () => {
    const rows = clientIssueRows(3, { method: '1' });
    rows[2][2] = '3';
    const issues = validateRecords('client-issue', records(rows)).fileIssues;
    expect(issues.map((i) => i.code)).toEqual(['U108']);
    expect(issues[0].message.ja).toContain('1:P12個別、3:ブラウザ個別');
  });

  it('applies to client renew files as well', () => {
    const rows = clientIssueRows(2, { method: '2' }).map((r, i) => clientRenewRow({ dn: r[0], userMail: r[13], p12Name: r[11], serial: String(100 + i), method: '2' }));
    expect(fileCodes('client-renew', rows)).toEqual([]);
    rows[1][2] = '1';
    expect(fileCodes('client-renew', rows)).toEqual(['U108']);
  });
});

describe('file name extension (209, B.13)', () => {
  it('accepts .tsv and .txt in any case, and no name', async () => {
    for (const fileName of ['a.tsv', 'b.TXT', '申請.Tsv']) {
      expect(validateRecords('server-revoke', records(revokeRows(1)), { fileName }).fileIssues).toEqual([]);
    }
    expect((await validateFile(tsvBytes(revokeRows(1)), 'server-revoke')).ok).toBe(true);
  });

  it('refuses other names', async () => {
    for (const fileName of ['a.csv', 'a.tsv.xlsx', 'tsv']) {
      expect(validateRecords('server-revoke', records(revokeRows(1)), { fileName }).fileIssues.map((i) => i.code)).toEqual(['209']);
    }
    const report = await validateFile(tsvBytes(revokeRows(1)), 'server-revoke', { fileName: 'a.csv' });
    expect(report.ok).toBe(false);
  });
});

describe('duplicate DN in an issue file (212, B.15)', () => {
  it('server: a later row with the same CN is refused', () => {
    const rows = [serverIssueRow({ csr: 'MIIB' }), serverIssueRow({ csr: 'MIIB', dn: 'CN=WWW.nii.ac.jp,O=Other,L=Chiyoda-ku,ST=Tokyo,C=JP', fqdn: 'WWW.nii.ac.jp' })];
    const report = validateRecords('server-issue', records(rows));
    expect(report.records[0].issues.map((i) => i.code)).toEqual([]);
    expect(report.records[1].issues.map((i) => [i.code, i.column])).toEqual([['212', 1]]);
    expect(report.records[1].issues[0].message.ja).toBe('指定したDNはすでに存在しています。');
    expect(report.records[1].issues[0].hint?.ja).toContain('1行目');
  });

  it('client: same CN and OU is refused, same CN with another OU is fine', () => {
    const a = clientIssueRow({ dn: 'CN=TARO,OU=1,O=NII,L=Tokyo,C=JP' });
    const b = clientIssueRow({ dn: 'CN=TARO,OU=1,O=Other,ST=Tokyo,C=JP' });
    const c = clientIssueRow({ dn: 'CN=TARO,OU=2,O=NII,L=Tokyo,C=JP' });
    expect(issueCodes(validateRecords('client-issue', records([a, c])))).toEqual([]);
    expect(issueCodes(validateRecords('client-issue', records([a, b])))).toEqual(['212']);
  });

  it('does not apply to renewals', () => {
    expect(issueCodes(validateRecords('server-renew', records([serverRenewRow({ csr: 'MIIB' }), serverRenewRow({ csr: 'MIIB', serial: '7' })])))).toEqual([]);
  });
});

describe('duplicate serial in a renew/revoke file', () => {
  it('warns when two rows name the same certificate (decimal or hex)', () => {
    const rows = [serverRevokeRow({ serial: '31' }), serverRevokeRow({ serial: '0x1f' })];
    const report = validateRecords('server-revoke', records(rows));
    expect(report.records[1].issues.map((i) => [i.code, i.severity, i.column])).toEqual([['U307', 'warning', 4]]);
    expect(report.ok).toBe(true);
  });

  it('is quiet for different serials', () => {
    expect(issueCodes(validateRecords('server-revoke', records(revokeRows(5))))).toEqual([]);
  });

  it('normalises serials', () => {
    expect(serialValue('0x1F')).toBe('31');
    expect(serialValue('0031')).toBe('31');
    expect(serialValue('1x')).toBeUndefined();
  });
});

describe('wrong column counts stop the record', () => {
  it('reports U105 only, and the record is not ok', async () => {
    const text = tsvText([serverRevokeRow().slice(0, 10)]);
    const report = await validateText(text, 'server-revoke');
    expect(issueCodes(report)).toEqual(['U105']);
    expect(report.records[0].ok).toBe(false);
  });
});
