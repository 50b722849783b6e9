// IndexedDB store for the browser. IndexedDB transactions end as soon as no request is pending, so
// they cannot span WebCrypto awaits: an engine transaction runs on an in-memory snapshot and its
// writes are committed in ONE IndexedDB readwrite transaction at the end (all or nothing).
// Transactions of one page are serialised by a mutex, and across tabs by the Web Locks API where present.
//
// Database `upki-ra` (version 1), object stores:
//   events   keyPath 'seq'   the event log
//   files    key = file id   Uint8Array
//   secrets  keyPath 'id'    CA keys, PKCS#8 wrapped with AES-GCM
//   meta     key = name      'kwk' → the key-wrapping CryptoKey (non-extractable, stored as a CryptoKey object);
//                            'version' → a counter bumped by every commit, so a page reloads only what changed
//                            (another tab's commit) and otherwise works on its cached snapshot
import type { RaEvent } from '../events';
import { BufferedTx, Mutex, readView, type ReadView, type Store, type StoredEvent, type StoreSnapshot, type StoredSecret, type StoreTx } from './store';

const DB_VERSION = 1;
const STORES = ['events', 'files', 'secrets', 'meta'] as const;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function openRaDatabase(factory: IDBFactory, name = 'upki-ra'): Promise<IDBDatabase> {
  const req = factory.open(name, DB_VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains('events')) db.createObjectStore('events', { keyPath: 'seq' });
    if (!db.objectStoreNames.contains('files')) db.createObjectStore('files');
    if (!db.objectStoreNames.contains('secrets')) db.createObjectStore('secrets', { keyPath: 'id' });
    if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
  };
  return request(req);
}

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export class IndexedDbStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;
  private cache: { version: number; snapshot: StoreSnapshot<E> } | undefined;

  constructor(
    private readonly db: IDBDatabase,
    private readonly locks: LockManagerLike | undefined = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks,
  ) {}

  static async open<E extends StoredEvent = RaEvent>(factory: IDBFactory = globalThis.indexedDB, name?: string): Promise<IndexedDbStore<E>> {
    return new IndexedDbStore<E>(await openRaDatabase(factory, name));
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(() => (this.locks ? this.locks.request('upki-ra-store', fn) : fn()));
  }

  private async version(): Promise<number> {
    const tx = this.db.transaction('meta', 'readonly');
    return ((await request(tx.objectStore('meta').get('version'))) as number | undefined) ?? 0;
  }

  /** The committed snapshot: the cached one unless another page committed since (version changed). */
  private async load(): Promise<StoreSnapshot<E>> {
    const version = await this.version();
    if (this.cache?.version === version) return this.cache.snapshot;
    const snapshot = await this.loadAll();
    this.cache = { version, snapshot };
    return snapshot;
  }

  /** Reads the whole database (a training simulator's data is small enough). */
  private async loadAll(): Promise<StoreSnapshot<E>> {
    const tx = this.db.transaction(['events', 'files', 'secrets'], 'readonly');
    const [events, fileKeys, fileValues, secrets] = await Promise.all([
      request(tx.objectStore('events').getAll() as IDBRequest<E[]>),
      request(tx.objectStore('files').getAllKeys()),
      request(tx.objectStore('files').getAll() as IDBRequest<Uint8Array[]>),
      request(tx.objectStore('secrets').getAll() as IDBRequest<StoredSecret[]>),
    ]);
    const files: Record<string, Uint8Array> = {};
    fileKeys.forEach((k, i) => (files[k as string] = new Uint8Array(fileValues[i])));
    return { events, files, secrets: Object.fromEntries(secrets.map((s) => [s.id, s])) };
  }

  private async commit(tx: BufferedTx<E>): Promise<void> {
    const changes = tx.changes();
    const idb = this.db.transaction(['events', 'files', 'secrets', 'meta'], 'readwrite');
    const finished = done(idb);
    const meta = idb.objectStore('meta');
    const version = (this.cache?.version ?? 0) + 1;
    meta.put(version, 'version');
    const events = idb.objectStore('events');
    const files = idb.objectStore('files');
    const secrets = idb.objectStore('secrets');
    if (changes.replacement) {
      events.clear();
      files.clear();
      secrets.clear();
      for (const e of changes.replacement.events) events.put(e);
      for (const [id, bytes] of Object.entries(changes.replacement.files)) files.put(bytes, id);
      for (const s of Object.values(changes.replacement.secrets)) secrets.put(s);
    }
    for (const e of changes.events) events.add(e); // add: a seq written twice aborts the whole commit
    for (const [id, bytes] of changes.files) files.put(bytes, id);
    for (const s of changes.secrets) secrets.put(s);
    await finished;
    this.cache = { version, snapshot: tx.result() };
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const tx = new BufferedTx<E>(await this.load());
      const value = await fn(tx);
      if (tx.hasChanges()) await this.commit(tx);
      return value;
    });
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => fn(readView(await this.load())));
  }

  /** Kept in `meta` as a non-extractable CryptoKey: script can use it but never read its bytes. */
  keyWrappingKey(): Promise<CryptoKey> {
    this.kwk ??= (async () => {
      const read = this.db.transaction('meta', 'readonly');
      const existing = await request(read.objectStore('meta').get('kwk') as IDBRequest<CryptoKey | undefined>);
      if (existing) return existing;
      const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const write = this.db.transaction('meta', 'readwrite');
      const finished = done(write);
      write.objectStore('meta').add(key, 'kwk');
      try {
        await finished;
        return key;
      } catch {
        // Another tab stored its key first: use that one.
        const again = this.db.transaction('meta', 'readonly');
        return await request(again.objectStore('meta').get('kwk') as IDBRequest<CryptoKey>);
      }
    })();
    return this.kwk;
  }
}

export { STORES as IDB_OBJECT_STORES };
