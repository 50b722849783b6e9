// IndexedDB store for the browser. IndexedDB transactions end as soon as no request is pending, so
// they cannot span WebCrypto awaits: an engine transaction runs on the in-memory log and its
// writes are committed in ONE IndexedDB readwrite transaction at the end (all or nothing).
// Transactions of one page are serialised by a mutex, and across tabs by the Web Locks API where present.
//
// Layout and upgrade: idb-schema.ts. Opening reads the log's chunks (a few hundred records for 100 000
// certificates: idb-chunks.ts) and the secrets; files are read when asked for. A commit rewrites the last chunk
// (at most CHUNK_CHARS) and adds new ones: O(new events), never the whole log. meta 'head' says which version of
// the log is stored: a page reloads only what another tab appended, or everything after a replacement.
import type { RaEvent } from '../events';
import { appendChunks, decodeChunks, EMPTY_HEAD, StoreDamagedError, type LogHead, type Tail } from './idb-chunks';
import { done, newEpoch, openRaDatabase, request } from './idb-schema';
import { BufferedTx, Mutex, SnapshotCache, applyInPlace, readView, unreadable, type Committed, type ReadView, type Store, type StoredEvent, type StoredSecret, type StoreTx } from './store';

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** What this page holds of the committed state. */
interface Cache<E extends StoredEvent> {
  head: LogHead;
  events: E[];
  secrets: Record<string, StoredSecret>;
  tail: Tail | undefined;
}

/** Where the platform has no IDBKeyRange global (Node tests on fake-indexeddb), a reload reads every chunk. */
const keyRange = () => (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;

const sameHead = (a: LogHead, b: LogHead) => a.version === b.version && a.epoch === b.epoch;

export class IndexedDbStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;
  private cache: Cache<E> | undefined;
  private readonly snapshots = new SnapshotCache<E>();

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

  private async head(): Promise<LogHead> {
    const tx = this.db.transaction('meta', 'readonly');
    return ((await request(tx.objectStore('meta').get('head'))) as LogHead | undefined) ?? EMPTY_HEAD;
  }

  /** The committed state: the cached one unless another page committed since (head changed). */
  private async load(): Promise<Cache<E>> {
    const cache = this.cache;
    if (cache && sameHead(cache.head, await this.head())) return cache;
    this.cache = (cache?.tail && keyRange() && (await this.readFrom(cache))) || (await this.readFrom(undefined));
    return this.cache!;
  }

  /**
   * Read the log from `from`'s tail chunk on (another tab appended: that chunk again, grown, and any after it), or
   * all of it. Undefined when the log was replaced meanwhile (another epoch): then everything is read again.
   */
  private async readFrom(from: Cache<E> | undefined): Promise<Cache<E> | undefined> {
    // Requests made together in one readonly transaction see one committed state.
    const tx = this.db.transaction(['meta', 'chunks', 'secrets'], 'readonly');
    const [head, records, secrets] = await Promise.all([
      request(tx.objectStore('meta').get('head') as IDBRequest<LogHead | undefined>),
      request(tx.objectStore('chunks').getAll(from?.tail ? keyRange()?.lowerBound(from.tail.first) : undefined)),
      request(tx.objectStore('secrets').getAll() as IDBRequest<StoredSecret[]>),
    ]);
    const now = head ?? EMPTY_HEAD;
    if (from && now.epoch !== from.head.epoch) return undefined;
    const fresh: E[] = [];
    const tail = decodeChunks(records, fresh, from?.head.lastSeq ?? 0, from?.tail?.prev ?? 0);
    const count = (from?.events.length ?? 0) + fresh.length;
    const lastSeq = fresh.length ? fresh[fresh.length - 1].seq : (from?.head.lastSeq ?? 0);
    if (lastSeq !== now.lastSeq || count !== now.events) {
      throw new StoreDamagedError(`${count} events up to seq ${lastSeq} found, ${now.events} up to seq ${now.lastSeq} written`);
    }
    // Checked: only now do the cached events grow (in place, so the projection folds just these).
    const events = from ? from.events : fresh;
    if (from) for (const e of fresh) events.push(e);
    return { head: now, events, secrets: Object.fromEntries(secrets.map((s) => [s.id, s])), tail: tail ?? from?.tail };
  }

  private committed(cache: Cache<E>): Committed<E> {
    return {
      events: cache.events,
      secrets: cache.secrets,
      file: (id) => this.file(id),
      files: () => this.allFiles(),
    };
  }

  private async file(id: string): Promise<Uint8Array | undefined> {
    const tx = this.db.transaction('files', 'readonly');
    const value = (await request(tx.objectStore('files').get(id))) as Uint8Array | undefined;
    return value && new Uint8Array(value);
  }

  private async allFiles(): Promise<Record<string, Uint8Array>> {
    const tx = this.db.transaction('files', 'readonly');
    const [keys, values] = await Promise.all([request(tx.objectStore('files').getAllKeys()), request(tx.objectStore('files').getAll() as IDBRequest<Uint8Array[]>)]);
    const files: Record<string, Uint8Array> = {};
    keys.forEach((k, i) => (files[k as string] = new Uint8Array(values[i])));
    return files;
  }

  private async commit(tx: BufferedTx<E>, base: Cache<E> | undefined): Promise<void> {
    const changes = tx.changes();
    const replacing = changes.replacement;
    // Everything that can throw (a seq out of order, JSON) happens before the IndexedDB transaction exists:
    // a transaction that had already cleared the stores would commit the clearing.
    let appended: ReturnType<typeof appendChunks>;
    let head: LogHead;
    if (replacing) {
      const all = replacing.events.concat(changes.events);
      appended = appendChunks(undefined, all);
      head = { version: (base?.head.version ?? 0) + 1, epoch: newEpoch(), lastSeq: all.length ? all[all.length - 1].seq : 0, events: all.length };
    } else {
      const b = base!;
      appended = appendChunks(b.tail, changes.events, b.head.lastSeq);
      const n = changes.events.length;
      head = { ...b.head, version: b.head.version + 1, lastSeq: n ? changes.events[n - 1].seq : b.head.lastSeq, events: b.head.events + n };
    }
    const idb = this.db.transaction(['chunks', 'files', 'secrets', 'meta'], 'readwrite');
    const finished = done(idb);
    try {
      const chunks = idb.objectStore('chunks');
      const files = idb.objectStore('files');
      const secrets = idb.objectStore('secrets');
      if (replacing) {
        chunks.clear();
        files.clear();
        secrets.clear();
        for (const [id, bytes] of Object.entries(replacing.files)) files.put(bytes, id);
        for (const s of Object.values(replacing.secrets)) secrets.put(s);
      }
      for (const record of appended.writes) chunks.put(record);
      for (const [id, bytes] of changes.files) files.put(bytes, id);
      for (const s of changes.secrets) secrets.put(s);
      idb.objectStore('meta').put(head, 'head');
    } catch (error) {
      idb.abort();
      await finished.catch(() => undefined);
      throw error;
    }
    await finished;
    // Only now, the write having landed: the in-memory log grows in place (the projection folds just the new events).
    const state = applyInPlace(base && !replacing ? base : { events: [], secrets: {} }, changes);
    this.cache = { head, events: state.events, secrets: state.secrets, tail: appended.tail };
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      // A log that cannot be read can still be replaced (restore, reset): reads in `fn` throw why.
      let base: Cache<E> | undefined;
      let committed: Committed<E>;
      try {
        base = await this.load();
        committed = this.committed(base);
      } catch (error) {
        committed = unreadable<E>(error);
      }
      const tx = new BufferedTx<E>(committed);
      const value = await fn(tx);
      if (tx.hasChanges()) {
        if (!base && !tx.changes().replacement) throw new Error('the store cannot be read: only a replacement may be committed');
        await this.commit(tx, base);
      }
      return value;
    });
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const cache = await this.load();
      const committed = this.committed(cache);
      return fn(readView(committed, () => this.snapshots.get(cache.head, committed)));
    });
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

export { openRaDatabase } from './idb-schema';
export { StoreDamagedError } from './idb-chunks';
