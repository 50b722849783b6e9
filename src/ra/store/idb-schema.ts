// The IndexedDB database of a store: its object stores, and the upgrade from each earlier layout (nothing lost:
// an upgrade runs in IndexedDB's versionchange transaction, so it lands whole or the database stays as it was).
//
// Database `upki-ra` (`upki-jpnic` for the JPNIC simulator), version 2:
//   chunks   keyPath 'first'  the event log in chunks (idb-chunks.ts)
//   files    key = file id    Uint8Array, read when asked for
//   secrets  keyPath 'id'     CA keys, PKCS#8 wrapped with AES-GCM
//   meta     key = name       'kwk' → the key-wrapping CryptoKey (non-extractable, stored as a CryptoKey object);
//                             'head' → LogHead (version, epoch, last seq, event count)
// Version 1 kept one record per event (`events`, keyPath 'seq') and a commit counter in meta 'version'.
import { appendChunks, type LogHead } from './idb-chunks';
import type { StoredEvent } from './store';

export const DB_VERSION = 2;

// The promise helpers over IndexedDB's callbacks are the ones every store of the app uses.
export { idbRequest as request, idbTransactionDone as done } from '../../store/idb';

export function newEpoch(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Version 1 → 2: the per-event records become chunks; meta 'version' becomes 'head'. Inside the upgrade. */
function migrateEventsToChunks(db: IDBDatabase, tx: IDBTransaction): void {
  const meta = tx.objectStore('meta');
  const all = tx.objectStore('events').getAll();
  all.onsuccess = () => {
    const events = all.result as StoredEvent[]; // in key order: by seq
    const chunks = tx.objectStore('chunks');
    for (const record of appendChunks(undefined, events).writes) chunks.put(record);
    const last = events[events.length - 1];
    const head: LogHead = { version: 1, epoch: newEpoch(), lastSeq: last?.seq ?? 0, events: events.length };
    meta.put(head, 'head');
    meta.delete('version');
    db.deleteObjectStore('events');
  };
}

const BLOCKED =
  'RAシミュレーターの保存形式を更新できません。古い版を開いている他のタブを閉じてから、再読み込みしてください。' +
  ' / The simulator cannot upgrade its stored data while another tab runs an older version: close it and reload.';

/** Open (creating or upgrading) the database. Our connections close when a newer version wants to upgrade. */
export function openRaDatabase(factory: IDBFactory, name = 'upki-ra'): Promise<IDBDatabase> {
  const req = factory.open(name, DB_VERSION);
  let gaveUp = false;
  req.onupgradeneeded = (event) => {
    const db = req.result;
    const tx = req.transaction!;
    if (!db.objectStoreNames.contains('chunks')) db.createObjectStore('chunks', { keyPath: 'first' });
    if (!db.objectStoreNames.contains('files')) db.createObjectStore('files');
    if (!db.objectStoreNames.contains('secrets')) db.createObjectStore('secrets', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    if (event.oldVersion >= 1 && db.objectStoreNames.contains('events')) migrateEventsToChunks(db, tx);
  };
  return new Promise((resolve, reject) => {
    // Another tab holds the database open at the old version and does not let go (versions before 2 did not).
    req.onblocked = () => {
      gaveUp = true;
      reject(new Error(BLOCKED));
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onsuccess = () => {
      const db = req.result;
      if (gaveUp) return db.close(); // the other tab closed after all; this page already reported the error
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}
