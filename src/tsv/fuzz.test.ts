// Robustness: thousands of random and mutated files must each yield a well-formed report — no throw, no hang,
// no internal error. Deterministic (seeded PRNG), so a failure can be replayed. The mutations are the fuzz suite's
// (src/fuzz/mutate.ts): random bytes, truncation, inserted separators, long runs, flips, repeats, moved slices.
import { beforeAll, describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../spec/types';
import {
  clientIssueRow,
  clientIssueRows,
  clientRenewRow,
  clientRevokeRow,
  makeServerCsr,
  serverIssueRow,
  serverRenewRow,
  serverRevokeRow,
  smimeIssueRow,
  tsvBytes,
} from './fixtures';
import { MESSAGES } from './messages';
import { validateFile, validateText, type ValidationReport } from './index';
import { mutateBytes, prng } from '../fuzz/mutate';

const KNOWN_CODES = new Set(Object.values(MESSAGES).map((m) => m.code));

function assertWellFormed(report: ValidationReport, kind: KindId, label: string): void {
  expect(report.kind, label).toBe(kind);
  const issues = [...report.fileIssues, ...report.records.flatMap((r) => r.issues)];
  for (const issue of issues) {
    if (!KNOWN_CODES.has(issue.code) || issue.code === 'U199' || !issue.message.ja || !issue.message.en) {
      throw new Error(`${label}: bad issue ${JSON.stringify(issue)}`);
    }
  }
  const hasError = issues.some((i) => i.severity === 'error');
  expect(report.ok, label).toBe(!hasError);
}

let seeds: { kind: KindId; bytes: Uint8Array }[] = [];

beforeAll(async () => {
  const rsa = await makeServerCsr({ profile: '3' });
  const ec = await makeServerCsr({ profile: '11' });
  seeds = [
    { kind: 'server-issue', bytes: tsvBytes([serverIssueRow({ csr: rsa.oneLine }), serverIssueRow({ csr: ec.oneLine, profile: '11', dnsNames: 'dNSName=www.nii.ac.jp' })]) },
    { kind: 'server-renew', bytes: tsvBytes([serverRenewRow({ csr: rsa.oneLine })]) },
    { kind: 'server-revoke', bytes: tsvBytes([serverRevokeRow(), serverRevokeRow({ serial: '0x1F' })]) },
    { kind: 'client-issue', bytes: tsvBytes([clientIssueRow(), smimeIssueRow(), clientIssueRow({ method: '1', userName: 'ｺｸﾘﾂ' })]) },
    { kind: 'client-renew', bytes: tsvBytes([clientRenewRow({ method: '2', pin: 'abcdef12' })]) },
    { kind: 'client-revoke', bytes: tsvBytes([clientRevokeRow(), clientRevokeRow({ reason: '4', reasonComment: '異動のため' })]) },
  ];
}, 60_000);

describe('validateFile on random and mutated input', () => {
  it('returns a well-formed report for 3000 inputs (seed 20261123)', async () => {
    const rand = prng(20261123);
    for (let i = 0; i < 3000; i++) {
      const seed = seeds[Math.floor(rand() * seeds.length)];
      // Mostly the seed's own kind; sometimes another kind, so every layout meets foreign data.
      const kind = rand() < 0.8 ? seed.kind : KIND_IDS[Math.floor(rand() * KIND_IDS.length)];
      const bytes = mutateBytes(seed.bytes, rand);
      const report = await validateFile(bytes, kind, { fileName: rand() < 0.5 ? 'a.tsv' : 'a.bin' });
      assertWellFormed(report, kind, `case ${i}`);
    }
  }, 300_000);

  it('handles random Unicode text, including lone surrogates, in validateText', async () => {
    const rand = prng(7);
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(rand() * 400) }, () => {
        const r = rand();
        if (r < 0.1) return '\t';
        if (r < 0.15) return '\n';
        if (r < 0.2) return String.fromCharCode(0xd800 + Math.floor(rand() * 0x800)); // lone surrogate
        return String.fromCodePoint(Math.floor(rand() * 0x10ffff) & ~0x800 || 0x41);
      }).join('');
      const kind = KIND_IDS[i % KIND_IDS.length];
      assertWellFormed(await validateText(text, kind), kind, `text case ${i}`);
    }
  }, 120_000);

  it('handles a 10 MB file once (limit, truncation notice, no hang)', async () => {
    const rows = clientIssueRows(60, { method: '2' });
    const unit = tsvBytes(rows);
    const copies = Math.ceil((10 * 1024 * 1024) / unit.length);
    const big = new Uint8Array(unit.length * copies);
    for (let i = 0; i < copies; i++) big.set(unit, i * unit.length);
    const report = await validateFile(big, 'client-issue', { fileName: 'big.tsv' });
    assertWellFormed(report, 'client-issue', '10 MB');
    const codes = report.fileIssues.map((i) => i.code);
    expect(codes).toContain('214');
    expect(codes).toContain('U110');
    expect(report.records.length).toBe(rows.length * copies);
  }, 120_000);
});
