// The inventory kept in this browser (IndexedDB `upki-workbench-inventory`): the merged rows, never a key or PIN
// (the model has no field for either). Its own database, so the builder's schema is not touched. Clearable.
// Read and written by the import worker (import.worker.ts); the page only clears it.
//
// Rows are stored in chunks of CHUNK_ROWS under a generation number ([generation, index] keys); `meta.current`
// names the generation the inventory is. A save writes the new generation's chunks one transaction at a time,
// then switches `meta.current` and drops the old chunks in one last transaction: a reload or a closed tab before
// that switch leaves the previous inventory whole (the new chunks are orphans, dropped by the next save), after it
// the new one. Never a part. Version 1 kept one record per row in `entries`; it is still read until the next save.
import type { InventoryEntry } from '../../inventory';

const DB = 'upki-workbench-inventory';
const LEGACY = 'entries';
const CHUNKS = 'chunks';
const META = 'meta';
/** Rows per stored record: 10 000 rows are 20 writes, not 10 000, each transaction short. */
export const CHUNK_ROWS = 500;

interface Meta {
  generation: number;
  chunks: number;
  rows: number;
}

function factory(): IDBFactory {
  const f = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!f) throw new Error('IndexedDB is not available');
  return f;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = factory().open(DB, 2);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(LEGACY)) db.createObjectStore(LEGACY, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(CHUNKS)) db.createObjectStore(CHUNKS);
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

function finish(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

async function withDb<T>(f: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await f(db);
  } finally {
    db.close();
  }
}

export function loadInventory(): Promise<InventoryEntry[]> {
  return withDb(async (db) => {
    const tx = db.transaction([META, CHUNKS, LEGACY], 'readonly');
    const meta = await request<Meta | undefined>(tx.objectStore(META).get('current'));
    if (!meta) return request<InventoryEntry[]>(tx.objectStore(LEGACY).getAll());
    if (meta.chunks === 0) return [];
    const chunks = await request<InventoryEntry[][]>(tx.objectStore(CHUNKS).getAll(IDBKeyRange.bound([meta.generation, 0], [meta.generation, meta.chunks - 1])));
    return chunks.flat();
  });
}

export interface SaveHooks {
  /** After each chunk's transaction (tests stop a save here, as a closed tab would). */
  afterChunk?: (index: number, of: number) => void | Promise<void>;
}

/**
 * Replace the stored inventory with these rows: chunks of a new generation first, then the switch (see the
 * file's opening comment). Called by the import worker after the rows are shown, so none of it touches the page.
 */
export function saveInventory(entries: readonly InventoryEntry[], hooks: SaveHooks = {}): Promise<void> {
  return withDb(async (db) => {
    const current = await request<Meta | undefined>(db.transaction(META, 'readonly').objectStore(META).get('current'));
    const generation = (current?.generation ?? 0) + 1;
    const count = Math.ceil(entries.length / CHUNK_ROWS);
    for (let i = 0; i < count; i++) {
      const tx = db.transaction(CHUNKS, 'readwrite');
      tx.objectStore(CHUNKS).put(entries.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS), [generation, i]);
      tx.commit?.();
      await finish(tx);
      await hooks.afterChunk?.(i, count);
    }
    const tx = db.transaction([META, CHUNKS, LEGACY], 'readwrite');
    tx.objectStore(META).put({ generation, chunks: count, rows: entries.length } satisfies Meta, 'current');
    // Everything but this generation's chunks: older generations, and orphans of a save that never switched.
    tx.objectStore(CHUNKS).delete(IDBKeyRange.upperBound([generation], true));
    tx.objectStore(CHUNKS).delete(IDBKeyRange.lowerBound([generation, count]));
    tx.objectStore(LEGACY).clear();
    tx.commit?.();
    await finish(tx);
  });
}

export async function clearInventory(): Promise<void> {
  await saveInventory([]);
}
