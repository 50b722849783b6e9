// Backup → reset → restore reproduces the state exactly (on another store too); a wrong passphrase
// or a damaged file is refused and changes nothing; restored CA keys still sign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { clientIssueRows, clientRevokeRow } from '../tsv/fixtures';
import { tempDir, type TempDir } from '../pki/openssl.testkit';
import { execFileSync } from 'node:child_process';
import type { RaEngine } from './engine';
import { MAX_PBKDF2_ITERATIONS } from './backup';
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
  backup = await engine.backup('correct horse battery staple');
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
});
