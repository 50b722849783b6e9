// The incremental projection (state.ts projectState: the last state extended by the new events) must equal a
// full replay of the log after every kind of step: uploads, downloads, revocations, clock advances, a restore
// that replaces the log, and a second store used in between. What it hands out is the projection itself, which a
// failed transaction does not touch (transactions write to an overlay).
import { describe, expect, it } from 'vitest';
import { clientIssueRows, clientRevokeRow, tsvBytes } from '../tsv/fixtures';
import { MemoryStore } from './store/memory-store';
import { openTestEngine, tokenFrom, upload } from './ra.testkit';
import { projectState, replayState } from './state';
import type { RaEngine } from './engine';

async function expectSameAsReplay(engine: RaEngine): Promise<void> {
  const events = await engine.events();
  expect(await engine.state()).toEqual(replayState(events));
  expect(projectState(events)).toEqual(replayState(events));
}

describe('incremental projection', () => {
  it('equals a full replay after uploads, downloads, revocations, clock advances and a restore', async () => {
    const engine = await openTestEngine();
    await expectSameAsReplay(engine);
    const rows = clientIssueRows(3, { method: '2' }).map((r, i) => ((r[0] = r[0].replace('KOKURITSU HANAKO', `PROJ ${i}`)), (r[11] = `proj${i}`), r));
    const issued = await upload(engine, 'client-issue', rows);
    expect(issued.ok).toBe(true);
    await expectSameAsReplay(engine);

    const pinMail = (await engine.state()).mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    expect((await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'))).ok).toBe(true);
    await expectSameAsReplay(engine);

    const made = await engine.backup('correct horse battery staple');
    if (!made.ok) throw new Error(made.message.en);
    const backup = made.bytes;
    const revoked = await upload(engine, 'client-revoke', [clientRevokeRow({ dn: rows[1][0], serial: issued.records[1].serialDecimal, reason: '1' })]);
    expect(revoked.ok).toBe(true);
    await engine.advanceClock(8);
    await expectSameAsReplay(engine);
    const state = await engine.state();
    expect(state.certificates.get(issued.records[1].serialHex!)?.revokedAt).toBeTruthy();

    // Another store in between (its log is unrelated), then back: still equal to a replay.
    const other = await openTestEngine(new MemoryStore());
    await upload(other, 'client-issue', clientIssueRows(1, { method: '1' }));
    await expectSameAsReplay(other);
    await expectSameAsReplay(engine);

    // A restore replaces the log with the older one: the revocation is gone again.
    expect((await engine.restore(backup, 'correct horse battery staple')).ok).toBe(true);
    await expectSameAsReplay(engine);
    expect((await engine.state()).certificates.get(issued.records[1].serialHex!)?.revokedAt).toBeUndefined();
  });

  it('hands out the projection itself (no copy); a transaction that throws leaves it as it was', async () => {
    const engine = await openTestEngine();
    expect((await upload(engine, 'client-issue', clientIssueRows(1, { method: '1' }))).ok).toBe(true);
    const first = await engine.state();
    expect(await engine.state()).toBe(first);
    const before = { certificates: first.certificates.size, applications: first.applications.size, mails: first.mails.length, lastSeq: first.lastSeq };

    // Cancelled after the rows were processed: the transaction's events were applied to its overlay, then dropped.
    const abort = new AbortController();
    const rows = clientIssueRows(2, { method: '1' }).map((r, i) => ((r[0] = r[0].replace(/^CN=[^,]*/, `CN=ABORT ${i}`)), (r[11] = `abort${i}`), r));
    const cancelled = engine.upload({ bytes: tsvBytes(rows), fileName: 'a.tsv', kind: 'client-issue', onProgress: (done) => done > 0 && abort.abort(), signal: abort.signal });
    await expect(cancelled).rejects.toThrow();
    const after = await engine.state();
    expect(after).toBe(first);
    expect({ certificates: after.certificates.size, applications: after.applications.size, mails: after.mails.length, lastSeq: after.lastSeq }).toEqual(before);
    expect(after).toEqual(replayState(await engine.events()));

    // A committed upload moves the same object on.
    expect((await upload(engine, 'client-issue', rows)).ok).toBe(true);
    expect((await engine.state()).certificates.size).toBe(before.certificates + 2);
    expect(await engine.state()).toEqual(replayState(await engine.events()));
  });

  it('is the same for a log built from the same events but as new objects (a re-read), and for a shorter log', () => {
    const events = [
      { seq: 1, at: '2026-01-01T00:00:00.000Z', type: 'clock-advanced' as const, days: 1, offsetMs: 1 },
      { seq: 2, at: '2026-01-01T00:00:00.000Z', type: 'clock-advanced' as const, days: 1, offsetMs: 2 },
    ];
    expect(projectState(events).clockOffsetMs).toBe(2);
    expect(projectState(events.map((e) => ({ ...e }))).clockOffsetMs).toBe(2);
    expect(projectState(events.slice(0, 1)).clockOffsetMs).toBe(1);
    expect(projectState([events[0], { ...events[1], offsetMs: 5 }]).clockOffsetMs).toBe(5);
    expect(projectState([]).lastSeq).toBe(0);
  });
});
