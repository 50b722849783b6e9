// The inventory kept in this browser (IndexedDB `upki-workbench-inventory`): the merged rows, never a key or PIN
// (the model has no field for either). Its own database, so the builder's schema is not touched. Clearable.
// Read and written by the import worker (import.worker.ts); the page only clears it.
import type { InventoryEntry } from '../../inventory';

const DB = 'upki-workbench-inventory';
const STORE = 'entries';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
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

export async function loadInventory(): Promise<InventoryEntry[]> {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const req = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
      req.onsuccess = () => resolve(req.result as InventoryEntry[]);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
    });
  } finally {
    db.close();
  }
}

/**
 * Replace the stored inventory with these rows in ONE transaction: the import worker calls this (so the clone of
 * 10 000 rows costs the page nothing), and a cancelled import (worker terminated) or a closed tab aborts the
 * transaction, so the store holds either the previous rows or the new ones, never a part.
 */
export async function saveInventory(entries: readonly InventoryEntry[]): Promise<void> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    store.clear();
    for (const e of entries) store.put(e);
    tx.commit?.();
    await finish(tx);
  } finally {
    db.close();
  }
}

export async function clearInventory(): Promise<void> {
  await saveInventory([]);
}
