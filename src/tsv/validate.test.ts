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
import { totalsOf } from './bound-report';

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

describe('records past the detailed-check limit (U110)', () => {
  it('are marked not checked in detail, never called OK, and counted apart', async () => {
    const rows = clientIssueRows(5, { method: '2' });
    rows[3][0] = 'not a DN'; // an error the detailed check would find, past the limit of 2
    const report = await validateFile(tsvBytes(rows), 'client-issue', { fileName: 'apply.tsv', maxDetailedRecords: 2 });
    expect(report.fileIssues.map((i) => i.code)).toContain('U110');
    expect(report.records.map((r) => r.detailed)).toEqual([undefined, undefined, false, false, false]);
    expect(totalsOf(report)).toMatchObject({ records: 5, ok: 2, ng: 0, unchecked: 3 });
    // A wrong column count is still found past the limit: that record is NG, not unchecked.
    rows[4] = rows[4].slice(0, 3);
    const counted = await validateFile(tsvBytes(rows), 'client-issue', { fileName: 'apply.tsv', maxDetailedRecords: 2 });
    expect(totalsOf(counted)).toMatchObject({ ok: 2, ng: 1, unchecked: 2 });
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
