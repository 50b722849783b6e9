// The same contract for every store adapter: atomic commit, rollback on error, serialised
// transactions, replaceAll, and a key-wrapping key that survives reopening.
import { afterAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { mkdirSync, mkdtempSync, rmSync, rmdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RaEvent } from '../events';
import { DirectoryStore } from './dir-store';
import { IndexedDbStore } from './idb-store';
import { MemoryStore } from './memory-store';
import type { Store } from './store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function event(seq: number, days = seq): RaEvent {
  return { seq, at: '2026-11-23T00:00:00.000Z', type: 'clock-advanced', days, offsetMs: days };
}

interface Adapter {
  name: string;
  make(): Promise<{ store: Store; reopen?: () => Promise<Store> }>;
}

const adapters: Adapter[] = [
  { name: 'memory', make: async () => ({ store: new MemoryStore() }) },
  {
    name: 'indexeddb (fake-indexeddb)',
    make: async () => {
      const factory = new IDBFactory();
      return { store: await IndexedDbStore.open(factory, 'test'), reopen: () => IndexedDbStore.open(factory, 'test') };
    },
  },
  {
    name: 'directory',
    make: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'upki-ra-store-'));
      dirs.push(dir);
      return { store: new DirectoryStore(dir), reopen: async () => new DirectoryStore(dir) };
    },
  },
];

describe.each(adapters)('$name store', (adapter) => {
  it('commits all writes of a transaction together and rolls back on a throw', async () => {
    const { store, reopen } = await adapter.make();
    await store.transaction(async (tx) => {
      tx.append(event(1));
      tx.putFile('a/b.bin', new Uint8Array([1, 2, 3]));
      tx.putSecret({ id: 'k', iv: 'aXY=', ciphertext: 'Y3Q=' });
      expect(tx.events()).toHaveLength(1); // reads see the transaction's own writes
    });
    await expect(
      store.transaction(async (tx) => {
        tx.append(event(2));
        tx.putFile('c.bin', new Uint8Array([9]));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    for (const s of reopen ? [store, await reopen()] : [store]) {
      const snap = await s.read((v) => v.snapshot());
      expect(snap.events.map((e) => e.seq)).toEqual([1]);
      expect(Object.keys(snap.files)).toEqual(['a/b.bin']);
      expect([...snap.files['a/b.bin']]).toEqual([1, 2, 3]);
      expect(snap.secrets.k.ciphertext).toBe('Y3Q=');
    }
  });

  it('runs transactions one after another', async () => {
    const { store } = await adapter.make();
    const order: string[] = [];
    const slow = store.transaction(async (tx) => {
      order.push('slow start');
      await new Promise((r) => setTimeout(r, 20));
      tx.append(event(tx.events().length + 1));
      order.push('slow end');
    });
    const fast = store.transaction(async (tx) => {
      order.push('fast start');
      tx.append(event(tx.events().length + 1));
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast start']);
    expect((await store.read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('replaces everything with replaceAll', async () => {
    const { store, reopen } = await adapter.make();
    await store.transaction(async (tx) => {
      tx.append(event(1));
      tx.putFile('old', new Uint8Array([1]));
    });
    await store.transaction(async (tx) => tx.replaceAll({ events: [event(1, 7), event(2, 8)], files: { new: new Uint8Array([2]) }, secrets: {} }));
    const snap = await (reopen ? await reopen() : store).read((v) => v.snapshot());
    expect(snap.events.map((e) => (e as { days: number }).days)).toEqual([7, 8]);
    expect(Object.keys(snap.files)).toEqual(['new']);
  });

  it('keeps one key-wrapping key across reopening', async () => {
    const { store, reopen } = await adapter.make();
    const key = await store.keyWrappingKey();
    expect(key.extractable).toBe(false);
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new Uint8Array([42]));
    if (!reopen) return;
    const again = await (await reopen()).keyWrappingKey();
    expect([...new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, again, ct))]).toEqual([42]);
  });
});

describe('IndexedDB store shared by two pages', () => {
  it('sees the other page’s commits (version counter) and keeps its cache otherwise', async () => {
    const factory = new IDBFactory();
    const a = await IndexedDbStore.open(factory, 'shared');
    const b = await IndexedDbStore.open(factory, 'shared');
    await a.transaction(async (tx) => tx.append(event(1)));
    expect((await b.read((v) => v.events())).map((e) => e.seq)).toEqual([1]);
    await b.transaction(async (tx) => tx.append(event(2)));
    expect((await a.read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2]);
    const first = await a.read((v) => v.snapshot());
    expect(await a.read((v) => v.snapshot())).toBe(first);
  });
});

describe('directory store shared by two processes', () => {
  it('loses no update when two instances commit at the same time, and breaks an abandoned lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upki-ra-store-'));
    dirs.push(dir);
    const a = new DirectoryStore(dir);
    const b = new DirectoryStore(dir);
    const append = (s: Store) =>
      s.transaction(async (tx) => {
        const seq = tx.events().length + 1;
        await new Promise((r) => setTimeout(r, 20));
        tx.append(event(seq));
      });
    await Promise.all([append(a), append(b), append(a), append(b)]);
    expect((await new DirectoryStore(dir).read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    // The lock a killed process leaves: present, not refreshed for an hour.
    mkdirSync(join(dir, '.lockdir'));
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, '.lockdir'), hourAgo, hourAgo);
    await append(a);
    expect((await b.read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('when two hold the lock at once (it was broken under one of them), the later commit runs again: none lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upki-ra-store-'));
    dirs.push(dir);
    const a = new DirectoryStore(dir);
    const b = new DirectoryStore(dir);
    let runs = 0;
    await a.transaction(async (tx) => {
      runs += 1;
      const seq = tx.events().length + 1;
      if (runs === 1) {
        rmdirSync(join(dir, '.lockdir')); // someone judged a's lock stale and removed it
        await b.transaction(async (btx) => btx.append(event(btx.events().length + 1)));
      }
      tx.append(event(seq));
    });
    expect(runs).toBe(2);
    expect((await new DirectoryStore(dir).read((v) => v.events())).map((e) => e.seq)).toEqual([1, 2]);
  });
});
