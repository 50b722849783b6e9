// Backup → reset → restore reproduces the state exactly (on another store too); a wrong passphrase
// or a damaged file is refused and changes nothing; restored CA keys still sign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { clientIssueRows, clientRevokeRow } from '../tsv/fixtures';
import { tempDir, type TempDir } from '../pki/openssl.testkit';
import { execFileSync } from 'node:child_process';
import type { RaEngine } from './engine';
import { MAX_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, sealPayload, unsealPayload } from './backup';
import { base64Encode } from '../pki/pem';
import { IndexedDbStore } from './store/idb-store';
import { MemoryStore } from './store/memory-store';
import { openTestEngine, upload, writeChain } from './ra.testkit';

let dir: TempDir;
let engine: RaEngine;
let store: MemoryStore;
let backup: Uint8Array;
let issuedSerial: string;
let issuedDn: string;

beforeAll(async () => {
  dir = tempDir('upki-ra-backup-');
  store = new MemoryStore();
  engine = await openTestEngine(store);
  const result = await upload(engine, 'client-issue', clientIssueRows(3, { method: '2' }));
  issuedSerial = result.records[0].serialDecimal!;
  issuedDn = clientIssueRows(1)[0][0];
  const made = await engine.backup('correct horse battery staple');
  if (!made.ok) throw new Error('backup refused');
  backup = made.bytes;
});
afterAll(() => dir.remove());

async function fingerprint(e: RaEngine) {
  const state = await e.state();
  return {
    events: await e.events(),
    list: [...(await e.certificateList('all'))],
    mails: state.mails,
  };
}

describe('backup and restore', () => {
  it('is one JSON envelope whose payload is encrypted (no PIN or key in clear)', () => {
    const text = new TextDecoder().decode(backup);
    const envelope = JSON.parse(text);
    expect(envelope.format).toBe('upki-ra-backup');
    expect(envelope.version).toBe(2);
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });
    expect(envelope.cipher.name).toBe('AES-GCM');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('National Institute of Informatics');
  });

  it('reset forgets everything; restore gives back the same events, certificate list and mails', async () => {
    const before = await fingerprint(engine);
    await engine.reset();
    const empty = await engine.state();
    expect(empty.certificates.size).toBe(0);
    expect(empty.mails).toHaveLength(0);
    const restored = await engine.restore(backup, 'correct horse battery staple');
    expect(restored.ok).toBe(true);
    expect(await fingerprint(engine)).toEqual(before);
  });

  it('refuses a wrong passphrase and a damaged file, changing nothing', async () => {
    const snapshot = await store.read((v) => v.snapshot());
    const wrong = await engine.restore(backup, 'wrong passphrase');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message.ja).toContain('パスフレーズが違うか、ファイルが壊れています');
    const damaged = JSON.parse(new TextDecoder().decode(backup));
    damaged.ciphertext = (damaged.ciphertext[0] === 'A' ? 'B' : 'A') + damaged.ciphertext.slice(1);
    const bad = await engine.restore(new TextEncoder().encode(JSON.stringify(damaged)), 'correct horse battery staple');
    expect(bad.ok).toBe(false);
    const notJson = await engine.restore(new TextEncoder().encode('hello'), 'x');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message.en).toContain('not a backup file');
    expect(await store.read((v) => v.snapshot())).toBe(snapshot);
  });

  it('refuses an iteration count above the bound as a damaged file, before deriving any key', async () => {
    const snapshot = await store.read((v) => v.snapshot());
    for (const iterations of [MAX_PBKDF2_ITERATIONS + 1, 2 ** 53 - 1]) {
      const envelope = JSON.parse(new TextDecoder().decode(backup));
      envelope.kdf.iterations = iterations;
      // Without the bound the first case would derive a (wrong) key and answer "wrong passphrase" instead.
      const result = await engine.restore(new TextEncoder().encode(JSON.stringify(envelope)), 'correct horse battery staple');
      expect(result.ok ? 'restored' : result.message.ja, String(iterations)).toBe('バックアップファイルではないか、ファイルが壊れています。');
    }
    expect(await store.read((v) => v.snapshot())).toBe(snapshot);
  });

  it('restores into an IndexedDB store with another wrapping key, and the restored CA keys still sign', async () => {
    const idb = await IndexedDbStore.open(new IDBFactory(), 'restore-target');
    const other = await openTestEngine(idb);
    const result = await other.restore(backup, 'correct horse battery staple');
    expect(result.ok).toBe(true);
    expect(await fingerprint(other)).toEqual(await fingerprint(engine));
    const revoked = await upload(other, 'client-revoke', [clientRevokeRow({ dn: issuedDn, serial: issuedSerial, reason: '1' })]);
    expect(revoked.records[0].errors).toEqual([]);
    const crl = dir.write('client.crl', (await other.crl('client-auth')).der);
    const chain = await writeChain(other, dir);
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crl, '-CAfile', chain, '-verify', '-noout', '-text'], { encoding: 'utf8', stdio: 'pipe' });
    expect(text).toContain('Key Compromise');
  });

  it('refuses a short or empty passphrase in the engine itself', async () => {
    for (const passphrase of ['', '1234567']) {
      const made = await engine.backup(passphrase);
      expect(made.ok ? 'made' : made.message.ja).toBe('パスフレーズは8文字以上にしてください。');
    }
  });
});

describe('a crafted backup is refused with nothing changed', () => {
  const PASS = 'correct horse battery staple';
  type Payload = { events: Record<string, unknown>[]; files: Record<string, string>; keys: Record<string, string> };
  let payload: Payload;
  beforeAll(async () => {
    const opened = await unsealPayload(backup, PASS);
    if (!opened.ok) throw new Error('cannot open the test backup');
    payload = opened.payload as Payload;
  });

  const edit = (change: (p: Payload) => void): Payload => {
    const copy = structuredClone(payload);
    change(copy);
    return copy;
  };
  const firstOf = (p: Payload, type: string) => p.events.find((e) => e.type === type)!;

  // Each of these once passed the old check (type + seq only) and then broke the engine or the page.
  const CRAFTED: [string, (p: Payload) => void, string][] = [
    ['a mail without attachments', (p) => delete (firstOf(p, 'mailed').mail as Record<string, unknown>).attachments, 'attachments: not an array'],
    ['institutions: null', (p) => (firstOf(p, 'initialized').institutions = null), 'institutions: not an array'],
    ['an unknown event type', (p) => (p.events[3].type = 'toString'), 'unknown event type'],
    ['a certificate serial that is not hex', (p) => ((firstOf(p, 'issued').certificate as Record<string, unknown>).serialHex = '<img>'), 'serialHex: not lower-case hex'],
    ['a time the engine cannot read', (p) => (p.events[2].at = 'yesterday'), 'at: not an ISO time'],
    ['a missing CA key', (p) => (p.keys = {}), 'no private key'],
    ['a CA key that does not import', (p) => (p.keys = Object.fromEntries(Object.keys(p.keys).map((k) => [k, base64Encode(new Uint8Array([48, 0]))]))), 'does not import'],
    ['a file the log points at is missing', (p) => (p.files = {}), 'is missing'],
    ['a log that does not start with the initialisation', (p) => (p.events = p.events.slice(1).map((e, i) => ({ ...e, seq: i + 1 }))), 'initialisation'],
    ['a number as the events', (p) => ((p as unknown as Record<string, unknown>).events = 7), 'events: not an array'],
  ];

  for (const [name, change, detail] of CRAFTED) {
    it(name, async () => {
      const snapshot = await store.read((v) => v.snapshot());
      const crafted = await sealPayload(edit(change), PASS, new Date());
      const result = await engine.restore(crafted, PASS);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.ja).toContain('バックアップの内容が不正です。何も変更していません。');
        expect(result.message.en).toContain(detail);
      }
      expect(await store.read((v) => v.snapshot())).toBe(snapshot);
      // The engine still opens and answers on the unchanged state.
      expect((await engine.state()).certificates.size).toBeGreaterThan(0);
    });
  }

  it('refuses an iteration count under the floor before deriving a key', async () => {
    const snapshot = await store.read((v) => v.snapshot());
    const weak = await sealPayload(payload, PASS, new Date(), 1000);
    const result = await engine.restore(weak, PASS);
    expect(result.ok ? 'restored' : result.message.en).toContain(`too few iterations (under ${MIN_PBKDF2_ITERATIONS})`);
    expect(await store.read((v) => v.snapshot())).toBe(snapshot);
  });

  it('authenticates the envelope: a changed date, count or version fails like a wrong passphrase', async () => {
    const snapshot = await store.read((v) => v.snapshot());
    type Envelope = { createdAt: string; version: number; kdf: { iterations: number } };
    const changes: ((e: Envelope) => void)[] = [
      (e) => (e.createdAt = '2020-01-01T00:00:00.000Z'),
      (e) => (e.kdf.iterations = MIN_PBKDF2_ITERATIONS + 1),
      (e) => (e.version = 1),
    ];
    for (const change of changes) {
      const envelope = JSON.parse(new TextDecoder().decode(backup)) as Envelope;
      change(envelope);
      const result = await engine.restore(new TextEncoder().encode(JSON.stringify(envelope)), PASS);
      expect(result.ok ? 'restored' : result.message.ja).toBe('パスフレーズが違うか、ファイルが壊れています。何も変更していません。');
    }
    expect(await store.read((v) => v.snapshot())).toBe(snapshot);
  });

  it('still reads a version-1 file (envelope not authenticated) that passes every other check', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASS), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(payload))));
    const v1 = {
      format: 'upki-ra-backup',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: base64Encode(salt) },
      cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
      ciphertext: base64Encode(ct),
    };
    const other = await openTestEngine(new MemoryStore());
    expect((await other.restore(new TextEncoder().encode(JSON.stringify(v1)), PASS)).ok).toBe(true);
    expect(await other.events()).toEqual(await engine.events());
  });
});
