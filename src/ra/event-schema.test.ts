// Every event the engine itself writes passes the restore schema — otherwise a real backup could not be
// restored. One session touches every event type (server, client methods 1 and 2, downloads, revocation,
// the clock with reminders and CRLs, an institution edit, an RA operator certificate); hostile values fail.
import { describe, expect, it } from 'vitest';
import { clientIssueRows, clientRevokeRow, makeServerCsr, serverIssueRow, serverRenewRow } from '../tsv/fixtures';
import type { RaEventType } from './events';
import { checkEvent, checkEvents } from './event-schema';
import { NII, openTestEngine, tokenFrom, upload } from './ra.testkit';

const ALL_TYPES: RaEventType[] = [
  'initialized',
  'institution-saved',
  'uploaded',
  'application-accepted',
  'issued',
  'token-created',
  'downloaded',
  'revoked',
  'reminder-sent',
  'mailed',
  'crl-published',
  'clock-advanced',
  'operator-certificate-issued',
];

describe('event schema', () => {
  it('accepts every event of a session that writes every event type', async () => {
    const engine = await openTestEngine();
    const dn = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const csr = await makeServerCsr({ profile: '3', dn });
    expect((await upload(engine, 'server-issue', [serverIssueRow({ dn, csr: csr.oneLine, fqdn: 'www.nii.ac.jp' })])).ok).toBe(true);
    const accepted = (await engine.state()).mails.find((m) => m.subject === 'サーバ証明書発行受付通知')!;
    expect((await engine.downloadServerCertificate(tokenFrom(accepted.body, '証明書取得URL'))).ok).toBe(true);
    // A renewal, downloaded: 14 days on, the old certificate's reminder.
    const serial = (await engine.state()).certificates.values().next().value!.serialDecimal;
    const renewCsr = await makeServerCsr({ profile: '3', dn });
    expect((await upload(engine, 'server-renew', [serverRenewRow({ dn, csr: renewCsr.oneLine, fqdn: 'www.nii.ac.jp', serial })])).ok).toBe(true);
    const renewMails = (await engine.state()).mails.filter((m) => m.subject === 'サーバ証明書発行受付通知');
    expect((await engine.downloadServerCertificate(tokenFrom(renewMails[renewMails.length - 1].body, '証明書取得URL'))).ok).toBe(true);
    const bulk = await upload(engine, 'client-issue', clientIssueRows(2, { method: '2', pin: 'Given-PIN-123' }));
    expect(bulk.ok).toBe(true);
    const one = await upload(engine, 'client-issue', clientIssueRows(1, { method: '1' }).map((r) => r.map((c) => c.replace('USER', 'SOLO'))));
    expect(one.ok).toBe(true);
    const dnOfFirst = clientIssueRows(1, { method: '2' })[0][0];
    expect((await upload(engine, 'client-revoke', [clientRevokeRow({ dn: dnOfFirst, serial: bulk.records[0].serialDecimal!, reason: '1' })])).ok).toBe(true);
    await engine.saveInstitution({ ...NII, l: 'Chiyoda-ku' });
    const operator = await engine.registerRaOperator();
    expect((await engine.downloadRaOperatorCertificate(operator.token, operator.pin)).ok).toBe(true);
    await engine.advanceClock(15);
    await engine.advanceClock(400);

    const events = await engine.events();
    expect(checkEvents(events)).toBeUndefined();
    const seen = new Set(events.map((e) => e.type));
    expect(ALL_TYPES.filter((t) => !seen.has(t))).toEqual([]);
  });

  it('names the first problem of a hostile event by its path', () => {
    const at = '2026-01-01T00:00:00.000Z';
    expect(checkEvent(null, 0)).toBe('events[0]: not an object');
    expect(checkEvent({ seq: 2, at, type: 'reminder-sent', serialHex: 'ab' }, 0)).toBe('events[0].seq: expected 1');
    expect(checkEvent({ seq: 1, at, type: '__proto__' }, 0)).toBe('events[0].type: unknown event type');
    expect(checkEvent({ seq: 1, at, type: 'reminder-sent', serialHex: 'AB' }, 0)).toBe('events[0].serialHex: not lower-case hex');
    expect(checkEvent({ seq: 1, at, type: 'clock-advanced', days: 1, offsetMs: Infinity }, 0)).toBe('events[0].offsetMs: not a finite number');
    expect(checkEvent({ seq: 1, at, type: 'reminder-sent', serialHex: 'ab' }, 0)).toBeUndefined();
  });
});
