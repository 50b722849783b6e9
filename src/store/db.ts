// One small IndexedDB database for the builder: institution profiles and work in progress.
// The factory is a parameter so tests pass fake-indexeddb and the page passes window.indexedDB.
import { idbRequest, idbTransactionDone } from './idb';

export const DB_NAME = 'upki-workbench-builder';
export const DB_VERSION = 1;
export const PROFILES = 'profiles';
export const DRAFTS = 'drafts';

export function openBuilderDb(factory: IDBFactory = globalThis.indexedDB, name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(PROFILES)) db.createObjectStore(PROFILES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
  });
}

export async function getAll<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return idbRequest(db.transaction(store, 'readonly').objectStore(store).getAll()) as Promise<T[]>;
}

export async function getOne<T>(db: IDBDatabase, store: string, key: IDBValidKey): Promise<T | undefined> {
  return idbRequest(db.transaction(store, 'readonly').objectStore(store).get(key)) as Promise<T | undefined>;
}

export async function putMany(db: IDBDatabase, store: string, values: readonly unknown[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  const objects = tx.objectStore(store);
  for (const value of values) objects.put(value);
  // Commit now rather than when the event loop comes back: a tab that is closing may not get that far.
  tx.commit?.();
  await idbTransactionDone(tx);
}

export async function deleteOne(db: IDBDatabase, store: string, key: IDBValidKey): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await idbTransactionDone(tx);
}
