// Recognising the kind of a file from its filled columns, and warning on a mismatch (U111).
import { describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../spec/types';
import { clientIssueRow, clientRenewRow, clientRevokeRow, serverIssueRow, serverRenewRow, serverRevokeRow } from './fixtures';
import { guessKind } from './guess';
import { validateRecords } from './validate';

const samples: Record<KindId, string[]> = {
  'server-issue': serverIssueRow({ csr: 'MIIB' }),
  'server-renew': serverRenewRow({ csr: 'MIIB' }),
  'server-revoke': serverRevokeRow(),
  'client-issue': clientIssueRow(),
  'client-renew': clientRenewRow(),
  'client-revoke': clientRevokeRow(),
};

describe('guessKind', () => {
  it('recognises each kind from one record', () => {
    for (const kind of KIND_IDS) expect(guessKind([{ cells: samples[kind] }]), kind).toBe(kind);
  });

  it('gives up on records with an unknown column count', () => {
    expect(guessKind([{ cells: ['a', 'b'] }])).toBeUndefined();
  });
});

describe('kind mismatch warning (U111)', () => {
  it('is quiet when the chosen kind fits', () => {
    expect(validateRecords('server-revoke', [{ seq: 1, cells: samples['server-revoke'] }]).fileIssues).toEqual([]);
  });

  it('warns when a revoke file is checked as an issue file', () => {
    const issues = validateRecords('server-issue', [{ seq: 1, cells: samples['server-revoke'] }]).fileIssues;
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['U111', 'warning']]);
    expect(issues[0].message.ja).toContain('サーバ証明書失効申請');
  });
});
