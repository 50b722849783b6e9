// The stored inventory: rows round-trip in chunks; a save stopped part-way (a closed tab, a reload) leaves the
// previous inventory whole and its orphan chunks are dropped by the next save; a version-1 store (one record per
// row) is still read, and replaced by the first save; clearing leaves nothing.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InventoryEntry } from '../../inventory';
import { CHUNK_ROWS, clearInventory, loadInventory, saveInventory } from './inventory-db';

const rows = (n: number, tag: string): InventoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: `s:${i}`, kind: 'server', status: 'valid', sources: [`${tag}.txt`], cn: `${tag}${i}.example.ac.jp`, serialDecimal: String(i) }));

function rawChunkKeys(): Promise<IDBValidKey[]> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('upki-workbench-inventory');
    req.onsuccess = () => {
      const keys = req.result.transaction('chunks').objectStore('chunks').getAllKeys();
      keys.onsuccess = () => (req.result.close(), resolve(keys.result));
      keys.onerror = () => reject(keys.error ?? new Error('getAllKeys failed'));
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

beforeEach(() => {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
});

describe('inventory store', () => {
  it('keeps rows in chunks and gives them back in order', async () => {
    const a = rows(CHUNK_ROWS * 2 + 34, 'a');
    await saveInventory(a);
    expect(await loadInventory()).toEqual(a);
    expect(await rawChunkKeys()).toHaveLength(3);
    expect(await loadInventory().then((r) => r.length)).toBe(a.length);
  });

  it('a save stopped before its switch leaves the previous inventory; the next save drops the orphans', async () => {
    const a = rows(700, 'a');
    await saveInventory(a);
    const b = rows(2100, 'b');
    await expect(saveInventory(b, { afterChunk: (i) => { if (i === 2) throw new Error('tab closed'); } })).rejects.toThrow('tab closed');
    expect(await loadInventory()).toEqual(a);
    expect((await rawChunkKeys()).length).toBe(2 + 3); // a's two chunks, b's three written before the stop
    const c = rows(600, 'c');
    await saveInventory(c);
    expect(await loadInventory()).toEqual(c);
    expect(await rawChunkKeys()).toHaveLength(2);
  });

  it('reads a version-1 store (one record per row) and replaces it on the first save', async () => {
    const old = rows(30, 'v1');
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('upki-workbench-inventory', 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore('entries', { keyPath: 'id' });
        for (const e of old) store.put(e);
      };
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    expect((await loadInventory()).map((e) => e.cn).sort()).toEqual(old.map((e) => e.cn).sort());
    const next = rows(5, 'n');
    await saveInventory(next);
    expect(await loadInventory()).toEqual(next);
  });

  it('clears to nothing', async () => {
    await saveInventory(rows(1200, 'a'));
    await clearInventory();
    expect(await loadInventory()).toEqual([]);
    expect(await rawChunkKeys()).toHaveLength(0);
  });
});
