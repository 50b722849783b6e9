// The inventory kept in this browser (IndexedDB `upki-workbench-inventory`): the merged rows, never a key or PIN
// (the model has no field for either). Its own database, so the builder's schema is not touched. Clearable.
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
 * Replace the stored inventory with these rows: cleared, then written 500 rows per transaction with a pause
 * between, because one transaction of 10 000 puts clones everything in one main-thread task (seconds). A tab
 * closed mid-way keeps part of the rows; the next import of the same files restores the rest.
 */
export async function saveInventory(entries: readonly InventoryEntry[]): Promise<void> {
  const db = await open();
  try {
    for (let i = 0; i === 0 || i < entries.length; i += CHUNK) {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      if (i === 0) store.clear();
      for (const e of entries.slice(i, i + CHUNK)) store.put(e);
      tx.commit?.();
      await finish(tx);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    db.close();
  }
}

const CHUNK = 500;

export async function clearInventory(): Promise<void> {
  await saveInventory([]);
}
