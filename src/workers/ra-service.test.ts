// The RA worker's service on (fake) IndexedDB: a cancelled upload registers nothing — also for a
// second engine opened on the same database, as after a page reload — and the view tells mails,
// links and certificate states as the page shows them.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { clientIssueRows, makeServerCsr, serverIssueRow, tsvBytes } from '../tsv/fixtures';
import { IndexedDbStore } from '../ra/store/idb-store';
import { RaEngine } from '../ra/engine';
import { MemoryStore } from '../ra/store/memory-store';
import { NII, openTestEngine, unzip } from '../ra/ra.testkit';
import { RaService } from './ra-service';

function serviceOn(factory: IDBFactory): RaService {
  return new RaService(() => IndexedDbStore.open(factory, 'ra-ui'), (store) => openTestEngine(store));
}

/** Every certificate, issuance order, through the paged query the page uses. */
const certs = async (service: RaService) => (await service.certificatePage({ page: 0, pageSize: 500, sort: 'oldest' })).items;

const request = (rows: number) => ({
  bytes: tsvBytes(clientIssueRows(rows, { method: '2' })),
  fileName: 'bulk.tsv',
  kind: 'client-issue' as const,
  mode: 'abort' as const,
  p12Format: 'modern' as const,
});

describe('RaService', () => {
  it('a cancelled upload registers nothing, not even for an engine opened afterwards', async () => {
    const factory = new IDBFactory();
    const service = serviceOn(factory);
    const before = await service.view();
    const controller = new AbortController();
    const progress: number[] = [];
    const upload = service.upload(request(12), {
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeLessThan(12);

    const after = await service.view();
    expect(await certs(service)).toEqual([]);
    expect(after.uploads).toEqual([]);
    expect(after.mails).toEqual(before.mails);
    const reopenedService = serviceOn(factory);
    const reopened = await reopenedService.view();
    expect(await certs(reopenedService)).toEqual([]);
    expect(reopened.uploads).toEqual([]);

    // The store is still usable: the same file uploads fine afterwards.
    const ok = await service.upload(request(2));
    expect(ok.registered).toBe(true);
    expect((await certs(service))).toHaveLength(2);
  });

  it('eventsSince gives the raw events after a sequence number, oldest first, bounded by the limit', async () => {
    const service = serviceOn(new IDBFactory());
    const before = await service.eventsSince(0, 10_000);
    const last = before.length ? before[before.length - 1].seq : 0;
    await service.upload(request(2));
    const after = await service.eventsSince(last, 10_000);
    expect(after.length).toBeGreaterThan(2);
    expect(after.every((e) => e.seq > last)).toBe(true);
    expect(after.map((e) => e.seq)).toEqual([...after.map((e) => e.seq)].sort((a, b) => a - b));
    expect(after.some((e) => e.type === 'uploaded')).toBe(true);
    expect(await service.eventsSince(last, 1)).toEqual(after.slice(0, 1));
    expect(await service.lastSeq()).toBe(after[after.length - 1].seq);
    // The audit trail's screen: the newest lines, newest first — read from the end of the log, not the whole of it.
    const all = await service.eventsSince(0, 100_000);
    const trail = await service.auditTrail(3);
    expect(trail.map((l) => l.seq)).toEqual(all.slice(-3).map((e) => e.seq).reverse());
    expect(trail[0].type).toBe(all[all.length - 1].type);
    expect(await service.auditTrail(0)).toEqual([]);
  });

  it('shows mails newest first with their one-time URLs, and opening them changes the links and statuses', async () => {
    const service = serviceOn(new IDBFactory());
    const result = await service.upload(request(2));
    expect(result.ok).toBe(true);
    let view = await service.view();
    const pinMail = view.mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    const certMail = view.mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!;
    expect(pinMail.links).toMatchObject([{ label: 'アクセスPIN取得URL', purpose: 'pin', state: 'open', needsPin: false }]);
    expect(certMail.links[0]).toMatchObject({ purpose: 'client-all', state: 'pins-first' });
    expect((await certs(service)).map((c) => c.status)).toEqual([4, 4]);

    const pins = await service.openLink(pinMail.links[0].token);
    expect(pins.ok && pins.fileName).toBe('clientAllPin.zip');
    const all = await service.openLink(certMail.links[0].token);
    expect(all.ok && all.fileName).toBe('clientAll.zip');
    const names = Object.keys(await unzip(all.ok ? all.bytes : new Uint8Array()));
    expect(names.sort()).toEqual(['client.txt', 'user1.p12', 'user2.p12']);
    const again = await service.openLink(certMail.links[0].token);
    expect(again.ok ? 'ok' : again.reason).toBe('used');

    view = await service.view();
    expect((await certs(service)).map((c) => c.status)).toEqual([5, 5]);
    expect(view.mails[0].subject).toBe('クライアント証明書取得通知');
    expect(view.mails.find((m) => m.id === certMail.id)!.links[0].state).toBe('used');
  });

  it('reports a wrong backup passphrase as a value and keeps the state', async () => {
    const service = serviceOn(new IDBFactory());
    await service.upload(request(1));
    const made = await service.backup('right passphrase');
    if (!made.ok) throw new Error('backup refused');
    const backup = made.file;
    const refused = await service.restore(backup.bytes, 'wrong passphrase');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message.ja).toContain('パスフレーズが違う');
    await service.reset();
    expect((await certs(service))).toEqual([]);
    expect((await service.restore(backup.bytes, 'right passphrase')).ok).toBe(true);
    expect((await certs(service))).toHaveLength(1);
  });

  it('tells which certificate a mail is about: each server by its CN, none for a mail about several', async () => {
    const service = serviceOn(new IDBFactory());
    for (const cn of ['www.nii.ac.jp', 'mail.nii.ac.jp']) {
      const dn = `CN=${cn},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
      const csr = await makeServerCsr({ profile: '3', dn });
      const row = serverIssueRow({ dn, csr: csr.oneLine, fqdn: cn });
      expect((await service.upload({ ...request(1), bytes: tsvBytes([row]), kind: 'server-issue' })).ok).toBe(true);
    }
    const accepted = (await service.view()).mails.filter((m) => m.subject === 'サーバ証明書発行受付通知');
    expect(accepted.map((m) => m.certificateCn)).toEqual(['mail.nii.ac.jp', 'www.nii.ac.jp']);
    // The downloaded mail names the certificate only by its DN and serial in the body.
    await service.openLink(accepted[1].links[0].token);
    const downloaded = (await service.view()).mails[0];
    expect(downloaded.subject).toBe('サーバ証明書取得通知');
    expect(downloaded.links).toEqual([]);
    expect(downloaded.certificateCn).toBe('www.nii.ac.jp');

    await service.upload(request(2));
    const pinMail = (await service.view()).mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    expect(pinMail.certificateCn).toBeUndefined();
  });

  it('names the backup after the JST day, not the UTC one', async () => {
    // 20:00 UTC on 23 November is 05:00 on 24 November in Japan.
    const clock = () => new Date('2026-11-23T20:00:00Z');
    const service = new RaService(async () => new MemoryStore(), (store) => RaEngine.open(store, { clock, institutions: [NII] }));
    const made = await service.backup('right passphrase');
    expect(made.ok && made.file.fileName).toBe('upki-ra-backup-2026-11-24.json');
  });

  it('refuses a short passphrase in the engine, not only in the page', async () => {
    const service = serviceOn(new IDBFactory());
    for (const passphrase of ['', 'seven77', 'パスフレーズ７']) {
      const made = await service.backup(passphrase);
      expect(made.ok ? 'made' : made.message.en, passphrase).toBe('The passphrase must be at least 8 characters long.');
    }
    expect((await service.backup('パスフレーズです。')).ok).toBe(true);
  });

  it('keeps restore and reset working when the stored state cannot be opened', async () => {
    const factory = new IDBFactory();
    const service = serviceOn(factory);
    await service.upload(request(1));
    const made = await service.backup('right passphrase');
    if (!made.ok) throw new Error('backup refused');
    // A log damaged before validation existed: its first event cannot be replayed.
    const damaged = await IndexedDbStore.open(factory, 'ra-ui');
    await RaEngine.wipeStore(damaged);
    await damaged.transaction(async (tx) => tx.append({ seq: 1, at: '2026-01-01T00:00:00.000Z', type: 'initialized', institutions: null, cas: [] } as never));
    const broken = serviceOn(factory);
    await expect(broken.view()).rejects.toThrow();
    expect((await broken.restore(made.file.bytes, 'right passphrase')).ok).toBe(true);
    expect((await certs(broken))).toHaveLength(1);
    await damaged.transaction(async (tx) => tx.replaceAll({ events: [{ seq: 1, at: '2026-01-01T00:00:00.000Z', type: 'initialized', institutions: null, cas: [] } as never], files: {}, secrets: {} }));
    const again = serviceOn(factory);
    await expect(again.view()).rejects.toThrow();
    await again.reset();
    expect((await certs(again))).toEqual([]);
  });
});

describe('RaService method 3 (browser issuance)', () => {
  it('asks for the PIN: a wrong one is refused, the right one issues client.crt', async () => {
    const service = serviceOn(new IDBFactory());
    const result = await service.upload({ ...request(1), bytes: tsvBytes(clientIssueRows(1, { method: '3' })) });
    expect(result.ok).toBe(true);
    const view = await service.view();
    const pinLink = view.mails.find((m) => m.subject === 'アクセスPIN発行通知')!.links[0];
    const userLink = view.mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.links[0];
    expect(userLink).toMatchObject({ purpose: 'client-cert', needsPin: true, state: 'pins-first' });
    const pins = await service.openLink(pinLink.token);
    const files = await unzip(pins.ok ? pins.bytes : new Uint8Array());
    const text = new TextDecoder('shift_jis', { fatal: true }).decode(files['clientPin.txt']);
    const pin = text.split('\r\n')[1].split('\t')[2];

    const wrong = await service.openLink(userLink.token, 'not-the-pin');
    expect(wrong.ok ? 'ok' : wrong.reason).toBe('wrong-pin');
    const issued = await service.openLink(userLink.token, pin);
    expect(issued.ok && issued.fileName).toBe('client.crt');
    expect((await certs(service)).map((c) => c.status)).toEqual([5]);
  });
});
