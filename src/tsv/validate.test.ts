// The whole pipeline: bytes in, report out; never throws; fixtures are valid; reports are ordered.
import { describe, expect, it } from 'vitest';
import type { KindId } from '../spec/types';
import {
  clientIssueRow,
  clientIssueRows,
  clientRenewRow,
  clientRevokeRow,
  issueCodes,
  makeServerCsr,
  serverIssueRow,
  serverRenewRow,
  serverRevokeRow,
  smimeIssueRow,
  tsvBytes,
  tsvText,
} from './fixtures';
import { validateFile, validateRecords, validateText } from './index';

describe('validateFile', () => {
  it('passes a valid file of every kind (server rows with real CSRs)', async () => {
    const rsa = await makeServerCsr({ profile: '3' });
    const ec = await makeServerCsr({ profile: '11' });
    const files: [KindId, string[][]][] = [
      ['server-issue', [serverIssueRow({ csr: rsa.oneLine })]],
      ['server-issue', [serverIssueRow({ csr: ec.oneLine, profile: '11' })]],
      ['server-renew', [serverRenewRow({ csr: ec.oneLine, profile: '11' })]],
      ['server-revoke', [serverRevokeRow()]],
      ['client-issue', [clientIssueRow(), smimeIssueRow({ userMail: 'taro@nii.ac.jp' })]],
      ['client-renew', [clientRenewRow()]],
      ['client-revoke', [clientRevokeRow()]],
    ];
    for (const [kind, rows] of files) {
      const report = await validateFile(tsvBytes(rows), kind, { fileName: 'apply.tsv' });
      expect(issueCodes(report), kind).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.encoding).toMatch(/Shift_JIS|ASCII/);
      expect(report.records.map((r) => r.cells)).toEqual(rows);
    }
  });

  it('reports NII-style lines for a file with several problems, records ordered by column', async () => {
    const rows = [clientIssueRow({ adminMail: '', pin: 'abcdef', userName: '髙木' })];
    const report = await validateFile(tsvBytes(rows.map((r) => r.map((c) => c.replace('髙', '高')))), 'client-issue');
    expect(report.records[0].issues.map((i) => [i.code, i.column])).toEqual([
      ['201', 10],
      ['U304', 15],
    ]);
    expect(report.ok).toBe(false);
  });

  it('never throws, even for an unknown kind', async () => {
    const report = await validateFile(new Uint8Array([0x41]), 'no-such-kind' as KindId);
    expect(report.ok).toBe(false);
    expect(report.fileIssues.map((i) => i.code)).toEqual(['U199']);
  });

  it('validates a 1000-row method-2 client file', async () => {
    const report = await validateFile(tsvBytes(clientIssueRows(1000, { method: '2' })), 'client-issue', { fileName: 'bulk.txt' });
    expect(report.ok).toBe(true);
    expect(report.records).toHaveLength(1000);
  });
});

describe('validateText and validateRecords agree', () => {
  it('gives the same issues without the CSR step', async () => {
    const rows = [serverRevokeRow({ serial: 'xyz' }), serverRevokeRow({ reason: '9' })];
    const fromText = await validateText(tsvText(rows), 'server-revoke');
    const fromRecords = validateRecords('server-revoke', rows.map((cells, i) => ({ seq: i + 1, cells })));
    expect(fromText.records).toEqual(fromRecords.records);
    expect(issueCodes(fromText)).toEqual(['U206', 'U202']);
  });
});
