// The upload's error modes, file-level refusals, institution checks and serial uniqueness.
import { describe, expect, it } from 'vitest';
import { clientIssueRow, clientIssueRows, clientRenewRow, clientRevokeRow, tsvBytes } from '../tsv/fixtures';
import { MemoryStore } from './store/memory-store';
import { NII, openTestEngine, upload } from './ra.testkit';

function rowsWithOneWrong(n: number, wrongAt: number): string[][] {
  const rows = clientIssueRows(n);
  rows[wrongAt][0] = rows[wrongAt][0].replace('O=National Institute of Informatics', 'O=Another Institute');
  return rows;
}

describe('error mode 「全件処理を中断する」 (abort)', () => {
  it('registers nothing when one row of 99 is wrong, and says which', async () => {
    const store = new MemoryStore();
    const engine = await openTestEngine(store);
    const before = await store.read((v) => v.snapshot());
    const result = await upload(engine, 'client-issue', rowsWithOneWrong(99, 41));
    expect(result.registered).toBe(false);
    expect(result.ok).toBe(false);
    expect(result.screen.title.ja).toBe('クライアント証明書　発行・更新・失効申請エラー画面');
    const bad = result.records.filter((r) => !r.ok);
    expect(bad.map((r) => r.seq)).toEqual([42]);
    expect(bad[0].lines).toEqual(['241:1,主体者DN,主体者DNの機関名が申請者の所属機関名ではありません。']);
    const after = await store.read((v) => v.snapshot());
    // Nothing registered: the only write is the log line of the refused attempt (registered: false, the RA's codes),
    // no application, certificate, file or mail.
    expect(after.files).toEqual(before.files);
    const added = after.events.slice(before.events.length);
    expect(added.map((e) => e.type)).toEqual(['uploaded']);
    expect(added[0]).toMatchObject({ registered: false, fileName: 'apply.tsv', fileCodes: [] });
    const refused = added[0].type === 'uploaded' ? added[0].records.filter((r) => !r.ok) : [];
    expect(refused).toEqual([{ seq: 42, ok: false, codes: ['241'] }]);
    expect((await engine.state()).applications.size).toBe(0);
  });
});

describe('error mode 「入力値不備のないデータのみ登録する」 (valid-only)', () => {
  it('issues every other row', async () => {
    const engine = await openTestEngine();
    const result = await upload(engine, 'client-issue', rowsWithOneWrong(12, 3).map((r) => ((r[2] = '2'), r)), { mode: 'valid-only' });
    expect(result.registered).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.records.filter((r) => r.ok)).toHaveLength(11);
    expect(result.records[3].ok).toBe(false);
    expect(result.records[3].serialHex).toBeUndefined();
    const state = await engine.state();
    expect(state.certificates.size).toBe(11);
    expect(result.screen.title.ja).toBe('クライアント証明書　発行・更新申請完了画面');
  });
});

describe('file-level refusals (validator)', () => {
  it('refuses a wrong extension (209), an empty file (213) and too many records (214)', async () => {
    const engine = await openTestEngine();
    const ext = await engine.upload({ bytes: tsvBytes([clientIssueRow()]), fileName: 'apply.csv', kind: 'client-issue' });
    expect(ext.fileErrors.map((e) => e.code)).toContain('209');
    expect(ext.registered).toBe(false);
    const empty = await engine.upload({ bytes: new Uint8Array(), fileName: 'apply.tsv', kind: 'client-issue', mode: 'valid-only' });
    expect(empty.fileErrors.map((e) => e.code)).toContain('213');
    const many = await upload(engine, 'client-issue', clientIssueRows(100), { mode: 'valid-only' });
    expect(many.fileErrors.map((e) => e.code)).toContain('214');
    expect(many.registered).toBe(false);
    expect((await engine.state()).certificates.size).toBe(0);
  });
});

describe('institution state', () => {
  it('refuses issuing with R111 when the approval has expired and with 215 when the institution is inactive', async () => {
    const expired = await openTestEngine(new MemoryStore(), [{ ...NII, approvalExpires: '2026-11-22' }]);
    const r1 = await upload(expired, 'client-issue', [clientIssueRow()]);
    expect(r1.records[0].lines).toEqual(['R111:1,主体者DN,機関の証明書発行有効期限が切れています。サービス窓口にお問い合わせください。']);
    const inactive = await openTestEngine(new MemoryStore(), [{ ...NII, active: false }]);
    const r2 = await upload(inactive, 'client-issue', [clientIssueRow()]);
    expect(r2.records[0].lines).toEqual(['215:1,主体者DN,機関状態が無効なため申請できません。']);
  });

  it.each([
    ['an expired approval', { approvalExpires: '2026-11-30' }],
    ['an inactive institution', { active: false }],
  ])('still revokes (key compromise) with %s, but refuses a renewal', async (_name, change) => {
    const engine = await openTestEngine(new MemoryStore(), [NII]);
    const issued = await upload(engine, 'client-issue', [clientIssueRow({ method: '2' })]);
    expect(issued.ok).toBe(true);
    await engine.advanceClock(8);
    expect((await engine.saveInstitution({ ...NII, ...change })).ok).toBe(true);
    const serial = issued.records[0].serialDecimal;
    const renew = await upload(engine, 'client-renew', [clientRenewRow({ method: '2', serial })]);
    expect(renew.records[0].errors.map((e) => e.code)).toEqual(['active' in change ? '215' : 'R111']);
    const revoked = await upload(engine, 'client-revoke', [clientRevokeRow({ serial, reason: '1' })]);
    expect(revoked.records[0].errors).toEqual([]);
    expect((await engine.state()).certificates.get(issued.records[0].serialHex!)?.revocationReason).toBe(1);
  });

  it('takes a renewed approval saved by the trainer, and refuses an invalid institution', async () => {
    const engine = await openTestEngine(new MemoryStore(), [{ ...NII, approvalExpires: '2026-11-22' }]);
    expect((await upload(engine, 'client-issue', [clientIssueRow()])).ok).toBe(false);
    expect(await engine.saveInstitution({ ...NII, domains: [] })).toMatchObject({ ok: false });
    expect((await engine.saveInstitution({ ...NII, approvalExpires: '2027-03-31' })).ok).toBe(true);
    expect((await upload(engine, 'client-issue', [clientIssueRow()])).ok).toBe(true);
  });

  it('lets the approval run out when the trainer advances the clock', async () => {
    const engine = await openTestEngine(new MemoryStore(), [{ ...NII, approvalExpires: '2026-11-30' }]);
    expect((await upload(engine, 'client-issue', [clientIssueRow()])).ok).toBe(true);
    await engine.advanceClock(8);
    const later = await upload(engine, 'client-issue', clientIssueRows(1));
    expect(later.records[0].errors.map((e) => e.code)).toEqual(['R111']);
  });
});

describe('serial numbers', () => {
  it('never gives two concurrent uploads the same serial, even when the random source repeats', async () => {
    // A source that repeats its first value: the second upload's first draw collides and is drawn again.
    const draws = ['0badc0ffee0badc0ffee0badc0', '0badc0ffee0badc0ffee0badc0', '0badc0ffee0badc0ffee0badc1'];
    let next = 0;
    const engine = await openTestEngine(new MemoryStore(), [NII], { randomSerialHex: () => draws[Math.min(next++, 2)] });
    const [a, b] = await Promise.all([
      upload(engine, 'client-issue', clientIssueRows(1, { method: '2' })),
      upload(engine, 'client-issue', [clientIssueRow({ method: '2', dn: 'CN=OTHER,OU=9,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', p12Name: 'o' })]),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.records[0].serialHex).not.toBe(b.records[0].serialHex);
    expect([a.records[0].serialHex, b.records[0].serialHex].sort()).toEqual([draws[0], draws[2]]);
    expect(next).toBe(3);
  });

  it('draws distinct 13-byte client serials that fit the 32-character TSV column in both notations', async () => {
    const engine = await openTestEngine();
    const [a, b] = await Promise.all([
      upload(engine, 'client-issue', clientIssueRows(4, { method: '2' })),
      upload(engine, 'client-issue', clientIssueRows(8, { method: '2' }).slice(4)),
    ]);
    const serials = [...a.records, ...b.records].map((r) => r.serialHex!);
    expect(new Set(serials).size).toBe(8);
    for (const r of [...a.records, ...b.records]) {
      expect(r.serialHex).toMatch(/^[0-7][0-9a-f]{25}$/);
      expect(r.serialDecimal!.length).toBeLessThanOrEqual(32);
    }
  });
});

describe('renew and revoke targets', () => {
  const OTHER = { ...NII, id: 'other', o: 'Other University', domains: ['other.ac.jp'], ouAllowList: {} };
  const otherDn = 'CN=OTHER USER,OU=1,O=Other University,L=Chiyoda-ku,ST=Tokyo,C=JP';

  it('R105: a serial of another institution', async () => {
    const engine = await openTestEngine(new MemoryStore(), [NII, OTHER]);
    const theirs = await engine.upload({ bytes: tsvBytes([clientIssueRow({ dn: otherDn, method: '2' })]), fileName: 'o.tsv', kind: 'client-issue', institutionId: 'other' });
    expect(theirs.ok).toBe(true);
    const serial = theirs.records[0].serialDecimal;
    const revoke = await upload(engine, 'client-revoke', [clientRevokeRow({ serial })]);
    expect(revoke.records[0].lines).toEqual(['R105:4,失効対象証明書シリアル番号,指定したシリアル番号の証明書は貴機関の証明書ではありません。']);
    const ownRevoke = await engine.upload({ bytes: tsvBytes([clientRevokeRow({ dn: otherDn, serial })]), fileName: 'r.tsv', kind: 'client-revoke', institutionId: 'other' });
    expect(ownRevoke.records[0].errors).toEqual([]);
  });

  it('R109: renewing a certificate that was already renewed; R110: one serial twice in a file', async () => {
    const engine = await openTestEngine();
    const issued = await upload(engine, 'client-issue', [clientIssueRow({ method: '2' })]);
    const serial = issued.records[0].serialDecimal;
    expect((await upload(engine, 'client-renew', [clientRenewRow({ method: '2', serial })])).ok).toBe(true);
    const again = await upload(engine, 'client-renew', [clientRenewRow({ method: '2', serial })]);
    expect(again.records[0].errors.map((e) => e.code)).toEqual(['R109']);
    const twice = await upload(engine, 'client-revoke', [clientRevokeRow({ serial }), clientRevokeRow({ serial })], { mode: 'valid-only' });
    expect(twice.records.map((r) => r.errors.map((e) => e.code))).toEqual([[], ['R110']]);
  });

  it('reports no serial for rows an abort-mode refusal did not process', async () => {
    const engine = await openTestEngine();
    const issued = await upload(engine, 'client-issue', [clientIssueRow({ method: '2' })]);
    const serial = issued.records[0].serialDecimal;
    const refused = await upload(engine, 'client-revoke', [clientRevokeRow({ serial }), clientRevokeRow({ serial: '12345' })]);
    expect(refused.registered).toBe(false);
    expect(refused.records[0]).toMatchObject({ ok: true, serialHex: undefined, serialDecimal: undefined });
    expect(refused.records[1].errors.map((e) => e.code)).toEqual(['R104']);
    expect((await engine.state()).certificates.get(issued.records[0].serialHex!)?.revokedAt).toBeUndefined();
    const done = await upload(engine, 'client-revoke', [clientRevokeRow({ serial })]);
    expect(done.records[0].serialDecimal).toBe(serial);
  });
});
