// The IndexedDB store's chunked layout (fake-indexeddb): round trip over several chunks, a commit that rewrites
// only the last chunk, files read only when asked for, the upgrade from version 1 (one record per event) with
// nothing lost, damaged chunks refused with a clear error and nothing changed, and two pages on one database.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import type { RaEvent } from '../events';
import { clientIssueRows } from '../../tsv/fixtures';
import { openTestEngine, upload } from '../ra.testkit';
import { MemoryStore } from './memory-store';
import { CHUNK_CHARS, type ChunkRecord, type LogHead } from './idb-chunks';
import { IndexedDbStore, StoreDamagedError } from './idb-store';

afterEach(() => vi.unstubAllGlobals());

/** An event of about `size` characters of JSON (clock-advanced carries no big field, so a padding one is added). */
function event(seq: number, size = 0): RaEvent {
  const e: RaEvent = { seq, at: '2026-11-23T00:00:00.000Z', type: 'clock-advanced', days: seq, offsetMs: seq };
  return size ? ({ ...e, pad: 'x'.repeat(size) } as RaEvent) : e;
}

function raw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function all<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const req = db.transaction(store, 'readonly').objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result as T[]);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function write(db: IDBDatabase, store: string, fn: (s: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    fn(tx.objectStore(store));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** 3 000 events of ≈ 1 KB: many chunks. */
async function filled(factory: IDBFactory, name: string): Promise<IndexedDbStore> {
  const store = await IndexedDbStore.open(factory, name);
  await store.transaction(async (tx) => {
    for (let seq = 1; seq <= 3000; seq++) tx.append(event(seq, 1000));
    tx.putFile('p12/a.p12', new Uint8Array([1, 2, 3]));
    tx.putSecret({ id: 'k', iv: 'aXY=', ciphertext: 'Y3Q=' });
  });
  return store;
}

describe('IndexedDB store: chunked log', () => {
  it('keeps the log in chunks of about CHUNK_CHARS, and reads it back whole and in order', async () => {
    const factory = new IDBFactory();
    await filled(factory, 'round');
    const db = await raw(factory, 'round');
    const chunks = await all<ChunkRecord>(db, 'chunks');
    db.close();
    const chars = chunks.reduce((n, c) => n + c.json.length, 0);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    // Each chunk is filled up to CHUNK_CHARS but for the last event that did not fit (≈ 1 KB here).
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(chars / (CHUNK_CHARS - 1100)));
    for (const c of chunks) expect(c.json.length).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(3000);
    const events = await (await IndexedDbStore.open(factory, 'round')).read((v) => v.events());
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(events[2999]).toEqual(event(3000, 1000));
  });

  it('a commit writes the last chunk and the new events, not the log: earlier chunks stay as they were', async () => {
    const factory = new IDBFactory();
    const store = await filled(factory, 'append');
    let db = await raw(factory, 'append');
    const before = await all<ChunkRecord>(db, 'chunks');
    db.close();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    await store.transaction(async (tx) => tx.append(event(3001)));
    const puts = put.mock.contexts.map((s) => (s as IDBObjectStore).name);
    put.mockRestore();
    expect(puts.filter((n) => n === 'chunks')).toHaveLength(1);
    db = await raw(factory, 'append');
    const after = await all<ChunkRecord>(db, 'chunks');
    db.close();
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after[after.length - 1].last).toBe(3001);
    expect((await (await IndexedDbStore.open(factory, 'append')).read((v) => v.events())).length).toBe(3001);
  });

  it('refuses a commit whose events do not follow the log (a seq written twice), writing nothing', async () => {
    const factory = new IDBFactory();
    const store = await IndexedDbStore.open(factory, 'twice');
    await store.transaction(async (tx) => tx.append(event(1), event(2)));
    await expect(store.transaction(async (tx) => (tx.putFile('x', new Uint8Array([1])), tx.append(event(2))))).rejects.toThrow('does not follow');
    const reopened = await IndexedDbStore.open(factory, 'twice');
    expect((await reopened.read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2]);
    expect(await reopened.read((v) => v.getFile('x'))).toBeUndefined();
  });

  it('reads files when asked for, not to open', async () => {
    const factory = new IDBFactory();
    await filled(factory, 'lazy');
    const touched: string[] = [];
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const reopened = await IndexedDbStore.open(factory, 'lazy');
    await reopened.read((v) => v.events());
    touched.push(...[...get.mock.contexts, ...getAll.mock.contexts].map((s) => (s as IDBObjectStore).name));
    expect(touched).not.toContain('files');
    const bytes = await reopened.read((v) => v.getFile('p12/a.p12'));
    expect([...bytes!]).toEqual([1, 2, 3]);
    expect(get.mock.contexts.map((s) => (s as IDBObjectStore).name)).toContain('files');
    get.mockRestore();
    getAll.mockRestore();
    const snap = await reopened.read((v) => v.snapshot());
    expect(Object.keys(snap.files)).toEqual(['p12/a.p12']);
    expect(snap.secrets.k.ciphertext).toBe('Y3Q=');
  });
});

/** Version 1 of the database, as the previous release wrote it: one record per event, meta 'version'. */
async function versionOne(factory: IDBFactory, name: string, events: RaEvent[], files: Record<string, Uint8Array>, secrets: { id: string; iv: string; ciphertext: string }[], kwk?: CryptoKey): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => {
      const d = req.result;
      d.createObjectStore('events', { keyPath: 'seq' });
      d.createObjectStore('files');
      d.createObjectStore('secrets', { keyPath: 'id' });
      d.createObjectStore('meta');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['events', 'files', 'secrets', 'meta'], 'readwrite');
    for (const e of events) tx.objectStore('events').add(e);
    for (const [id, bytes] of Object.entries(files)) tx.objectStore('files').put(bytes, id);
    for (const s of secrets) tx.objectStore('secrets').put(s);
    tx.objectStore('meta').put(7, 'version');
    if (kwk) tx.objectStore('meta').put(kwk, 'kwk');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  db.close();
}

describe('IndexedDB store: upgrade from version 1', () => {
  it('moves every event into chunks and keeps files, secrets and the key-wrapping key', async () => {
    const factory = new IDBFactory();
    const events = Array.from({ length: 2500 }, (_, i) => event(i + 1, 800));
    const kwk = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await versionOne(factory, 'old', events, { 'a/b.bin': new Uint8Array([4, 5]) }, [{ id: 'k', iv: 'aXY=', ciphertext: 'Y3Q=' }], kwk);
    const store = await IndexedDbStore.open(factory, 'old');
    const snap = await store.read((v) => v.snapshot());
    expect(snap.events).toEqual(events);
    expect([...snap.files['a/b.bin']]).toEqual([4, 5]);
    expect(snap.secrets.k.iv).toBe('aXY=');
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kwk, new Uint8Array([42]));
    expect([...new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await store.keyWrappingKey(), sealed))]).toEqual([42]);
    const db = await raw(factory, 'old');
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'files', 'meta', 'secrets']);
    db.close();
    await store.transaction(async (tx) => tx.append(event(2501)));
    expect((await (await IndexedDbStore.open(factory, 'old')).read((v) => v.events())).length).toBe(2501);
  });

  it('an RA stored by the previous version opens as it was: certificates, files, CA keys (a new upload signs)', async () => {
    const memory = new MemoryStore();
    const engine = await openTestEngine(memory);
    expect((await upload(engine, 'client-issue', clientIssueRows(2, { method: '2' }))).ok).toBe(true);
    const snap = await memory.read((v) => v.snapshot());
    const factory = new IDBFactory();
    await versionOne(factory, 'upki-ra', snap.events, snap.files, Object.values(snap.secrets), await memory.keyWrappingKey());
    const migrated = await openTestEngine(await IndexedDbStore.open(factory, 'upki-ra'));
    const before = await engine.state();
    const after = await migrated.state();
    expect([...after.certificates.keys()]).toEqual([...before.certificates.keys()]);
    expect(after.mails).toEqual(before.mails);
    for (const id of Object.keys(snap.files)) expect(await migrated.file(id)).toEqual(snap.files[id]);
    const third = clientIssueRows(3, { method: '1' }).slice(2); // USER 3: a DN not issued yet
    const result = await upload(migrated, 'client-issue', third);
    expect(result.records.flatMap((r) => r.lines)).toEqual([]);
    expect(result.ok).toBe(true);
    expect((await migrated.state()).certificates.size).toBe(before.certificates.size + 1);
  });
});

describe('IndexedDB store: damage', () => {
  async function damaged(how: (db: IDBDatabase, chunks: ChunkRecord[]) => Promise<void>) {
    const factory = new IDBFactory();
    await filled(factory, 'd');
    const db = await raw(factory, 'd');
    const chunks = await all<ChunkRecord>(db, 'chunks');
    await how(db, chunks);
    const left = await all<ChunkRecord>(db, 'chunks');
    db.close();
    return { factory, left };
  }

  const cases: [string, (db: IDBDatabase, chunks: ChunkRecord[]) => Promise<void>, RegExp][] = [
    ['unreadable JSON', (db, c) => write(db, 'chunks', (s) => s.put({ ...c[1], json: c[1].json.slice(0, -5) })), /chunk \d+ is not readable JSON/],
    ['a chunk missing', (db, c) => write(db, 'chunks', (s) => s.delete(c[1].first)), /a chunk is missing/],
    ['the last chunk missing', (db, c) => write(db, 'chunks', (s) => s.delete(c[c.length - 1].first)), /3000 up to seq 3000 written/],
    ['an event changed', (db, c) => write(db, 'chunks', (s) => s.put({ ...c[0], json: c[0].json.replace('"seq":2,', '"seq":"2",') })), /an event after seq 1 has no valid seq/],
  ];

  it.each(cases)('%s: refused with a clear error, nothing changed, and a restore still replaces it', async (_name, how, detail) => {
    const { factory, left } = await damaged(how);
    const store = await IndexedDbStore.open(factory, 'd');
    const error = await store.read((v) => v.events()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreDamagedError);
    expect((error as Error).message).toMatch(/壊れています/);
    expect((error as Error).message).toMatch(detail);
    // A transaction that reads fails the same way and writes nothing.
    await expect(store.transaction(async (tx) => tx.append(event(tx.events().length + 1)))).rejects.toBeInstanceOf(StoreDamagedError);
    const db = await raw(factory, 'd');
    expect(await all<ChunkRecord>(db, 'chunks')).toEqual(left);
    db.close();
    // The way back: replace everything (restore / reset) without reading.
    await store.transaction(async (tx) => tx.replaceAll({ events: [event(1), event(2)], files: {}, secrets: {} }));
    expect((await (await IndexedDbStore.open(factory, 'd')).read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe('IndexedDB store: two pages on one database', () => {
  it('a page reads what the other appended (only the new chunks), and everything after the other replaced it', async () => {
    vi.stubGlobal('IDBKeyRange', IDBKeyRange);
    const factory = new IDBFactory();
    const a = await filled(factory, 'tabs');
    const b = await IndexedDbStore.open(factory, 'tabs');
    const seenByB = await b.read((v) => v.events());
    expect(seenByB).toHaveLength(3000);
    await a.transaction(async (tx) => tx.append(event(3001), event(3002, 2000)));
    const again = await b.read((v) => v.events());
    expect(again).toBe(seenByB); // the same array, grown: the projection folds just the new events
    expect(again.map((e) => e.seq).slice(-3)).toEqual([3000, 3001, 3002]);
    await b.transaction(async (tx) => tx.append(event(3003)));
    expect((await a.read((v) => v.events())).length).toBe(3003);
    await a.transaction(async (tx) => tx.replaceAll({ events: [event(1, 5)], files: { f: new Uint8Array([9]) }, secrets: {} }));
    const replaced = await b.read((v) => v.events());
    expect(replaced).toEqual([event(1, 5)]);
    expect(await b.read((v) => v.getFile('p12/a.p12'))).toBeUndefined();
    expect(await b.read((v) => v.getFile('f'))).toEqual(new Uint8Array([9]));
    await b.transaction(async (tx) => tx.append(event(2)));
    const db = await raw(factory, 'tabs');
    const [head] = await all<LogHead>(db, 'meta').then((m) => m.filter((x) => typeof x === 'object' && x !== null && 'epoch' in x));
    db.close();
    expect(head).toMatchObject({ lastSeq: 2, events: 2 });
  });
});
