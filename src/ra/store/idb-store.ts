// IndexedDB store for the browser. IndexedDB transactions end as soon as no request is pending, so
// they cannot span WebCrypto awaits: an engine transaction runs on the in-memory log and its
// writes are committed in ONE IndexedDB readwrite transaction at the end (all or nothing).
// Transactions of one page are serialised by a mutex, and across tabs by the Web Locks API where present.
//
// Layout and upgrade: idb-schema.ts. Opening reads the log's chunks (a few hundred records for 100 000
// certificates: idb-chunks.ts) and the secrets; files are read when asked for. A commit rewrites the last chunk
// (at most CHUNK_CHARS) and adds new ones: O(new events), never the whole log. meta 'head' says which version of
// the log is stored: a page reloads only what another tab appended, or everything after a replacement.
// Opened with a Projection (the RA), the store keeps the fold's state, and a snapshot of it (idb-snapshot.ts):
// opening reads the snapshot and the log's tail, and the whole log only when a reader needs it (backups, exports).
import type { RaEvent } from '../events';
import { appendChunks, decodeChunks, EMPTY_HEAD, readEventsAfter, readLastEvents, StoreDamagedError, type LogHead, type Tail } from './idb-chunks';
import { done, newEpoch, openRaDatabase, request } from './idb-schema';
import { asSnapshot, putSnapshotIfCurrent, restOf, snapshotDue, snapshotRecord } from './idb-snapshot';
import { BufferedTx, Mutex, SnapshotCache, applyInPlace, indexAfter, readView, unreadable, type Committed, type Projection, type ReadNeeds, type ReadView, type Store, type StoredEvent, type StoredSecret, type StoreTx } from './store';

interface LockManagerLike {
  request<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export interface IndexedDbStoreOptions<E extends StoredEvent> {
  /** The fold the store keeps and snapshots (the RA's: ra/projection.ts). Without one, every open reads the log. */
  projection?: Projection<E, unknown>;
  /** The fewest events since the last snapshot that make a new one worth writing (default 2 000). */
  snapshotEvery?: number;
  locks?: LockManagerLike;
}

/** What this page holds of the committed state. */
interface Cache<E extends StoredEvent> {
  head: LogHead;
  /** The whole log; undefined when the store opened from a snapshot and nobody needed the log since. */
  events: E[] | undefined;
  secrets: Record<string, StoredSecret>;
  tail: Tail | undefined;
  /** The projection's state after head.lastSeq (with a projection). */
  projected: unknown;
  /** head.events when the stored snapshot was taken (0: none of this epoch). */
  snapshotEvents: number;
  /** Opened from a snapshot whose `rest` is not joined yet: which snapshot (see completeRest). */
  rest?: { epoch: string; lastSeq: number };
}

/** Where the platform has no IDBKeyRange global (Node tests on fake-indexeddb), a reload reads every chunk. */
const keyRange = () => (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;

const sameHead = (a: LogHead, b: LogHead) => a.version === b.version && a.epoch === b.epoch;

const NOT_READ = 'the log was not read (a read with { log: false } asked for events())';

export class IndexedDbStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;
  private cache: Cache<E> | undefined;
  private readonly snapshots = new SnapshotCache<E>();
  private readonly projection: Projection<E, unknown> | undefined;
  private readonly snapshotEvery: number;
  private readonly locks: LockManagerLike | undefined;
  /** A snapshot write queued and not yet run: at most one. */
  private snapshotQueued = false;
  /** How the last full load went: from the projection snapshot, or by replaying the log (tests, the bench). */
  opened: 'snapshot' | 'log' | undefined;

  constructor(
    private readonly db: IDBDatabase,
    options: IndexedDbStoreOptions<E> = {},
  ) {
    this.projection = options.projection;
    this.snapshotEvery = options.snapshotEvery ?? 2000;
    this.locks = options.locks ?? (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  }

  static async open<E extends StoredEvent = RaEvent>(factory: IDBFactory = globalThis.indexedDB, name?: string, options?: IndexedDbStoreOptions<E>): Promise<IndexedDbStore<E>> {
    return new IndexedDbStore<E>(await openRaDatabase(factory, name), options);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(() => (this.locks ? this.locks.request('upki-ra-store', fn) : fn()));
  }

  private async head(): Promise<LogHead> {
    const tx = this.db.transaction('meta', 'readonly');
    return ((await request(tx.objectStore('meta').get('head'))) as LogHead | undefined) ?? EMPTY_HEAD;
  }

  /** The committed state: the cached one unless another page committed since (head changed); with the log if `log`. */
  private async load(log: boolean, complete = true): Promise<Cache<E>> {
    if (complete && this.cache?.rest) await this.completeRest(this.cache);
    let cache = this.cache;
    const head = await this.head();
    // The fold never runs on a state still missing its rest: another tab's events are folded into the whole one.
    if (cache?.rest && !sameHead(cache.head, head)) {
      await this.completeRest(cache);
      cache = this.cache;
    }
    if (!cache || !sameHead(cache.head, head)) {
      cache = cache?.tail && keyRange() ? await this.readFrom(cache) : undefined;
      if (!cache) {
        cache = await this.fromSnapshot();
        this.opened = cache ? 'snapshot' : 'log';
        cache ??= (await this.readFrom(undefined))!;
      }
      this.cache = cache;
      this.queueSnapshot(cache);
    }
    if (log && !cache.events) {
      // Opened from the snapshot: the whole log now, for a reader that needs it (kept, and grown by commits).
      const full = (await this.readFrom(undefined, false))!;
      if (sameHead(full.head, cache.head)) cache.events = full.events;
      else this.cache = cache = (await this.readFrom(undefined))!; // another tab committed meanwhile (no Web Locks)
    }
    if (complete && cache.rest) {
      await this.completeRest(cache);
      cache = this.cache!;
    }
    return cache;
  }

  /**
   * Read the snapshot's rest and join it into the projection: when a reader first needs the whole state, not at the
   * open (reading ≈ 200 MB at 100 000 certificates would hold up the lists). A rest that is missing or does not
   * fit (another snapshot's, crafted) is not trusted: the whole log is replayed instead.
   */
  private async completeRest(cache: Cache<E>): Promise<void> {
    const snapshot = cache.rest;
    if (!snapshot) return;
    cache.rest = undefined;
    const value: unknown = await request(this.db.transaction('meta', 'readonly').objectStore('meta').get('projection-rest')).catch(() => undefined);
    const rest = restOf(value, snapshot);
    if (rest !== undefined && this.projection?.join?.(cache.projected, rest)) return;
    if (this.cache === cache) this.cache = (await this.readFrom(undefined))!;
  }

  /**
   * Read the log from `from`'s tail chunk on (another tab appended: that chunk again, grown, and any after it), or
   * all of it. Undefined when the log was replaced meanwhile (another epoch): then everything is read again.
   */
  private async readFrom(from: Cache<E> | undefined, fold = true): Promise<Cache<E> | undefined> {
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
    const count = (from?.head.events ?? 0) + fresh.length;
    const lastSeq = fresh.length ? fresh[fresh.length - 1].seq : (from?.head.lastSeq ?? 0);
    if (lastSeq !== now.lastSeq || count !== now.events) {
      throw new StoreDamagedError(`${count} events up to seq ${lastSeq} found, ${now.events} up to seq ${now.lastSeq} written`);
    }
    // Checked: only now do the cached log and projection grow (in place, so the projection folds just these).
    const events = from ? from.events : fresh;
    if (from?.events) for (const e of fresh) from.events.push(e);
    const projected = this.projection && fold ? this.projection.fold(from?.projected, fresh) : from?.projected;
    return { head: now, events, secrets: Object.fromEntries(secrets.map((s) => [s.id, s])), tail: tail ?? from?.tail, projected, snapshotEvents: from?.snapshotEvents ?? 0, rest: from?.rest };
  }

  /**
   * Open from the projection's snapshot: its state, then only the events after it (from the chunk holding its last
   * seq). Undefined — the caller replays the whole log — unless everything checks: the fold's tag, the log's epoch,
   * the chunks chained from the snapshot's, the count and last seq equal to `head`'s, and the state's shape.
   */
  private async fromSnapshot(): Promise<Cache<E> | undefined> {
    const projection = this.projection;
    const keys = keyRange();
    if (!projection || !keys) return undefined;
    const stored: unknown = await request(this.db.transaction('meta', 'readonly').objectStore('meta').get('projection'));
    const snap = asSnapshot(stored, projection.tag);
    if (!snap) return undefined;
    const tx = this.db.transaction(['meta', 'chunks', 'secrets'], 'readonly');
    const [head, records, secrets] = await Promise.all([
      request(tx.objectStore('meta').get('head') as IDBRequest<LogHead | undefined>),
      request(tx.objectStore('chunks').getAll(keys.lowerBound(snap.chunkFirst))),
      request(tx.objectStore('secrets').getAll() as IDBRequest<StoredSecret[]>),
    ]);
    if (!head || head.epoch !== snap.epoch || head.lastSeq < snap.lastSeq || (records[0] as { first?: unknown } | undefined)?.first !== snap.chunkFirst) return undefined;
    const fresh: E[] = [];
    let tail: Tail | undefined;
    try {
      tail = decodeChunks(records, fresh, snap.lastSeq, snap.chunkPrev);
    } catch {
      return undefined; // the full replay says what is damaged
    }
    const lastSeq = fresh.length ? fresh[fresh.length - 1].seq : snap.lastSeq;
    if (lastSeq !== head.lastSeq || snap.events + fresh.length !== head.events) return undefined;
    const state = projection.revive(snap.state, snap.lastSeq);
    if (state === undefined) return undefined;
    const projected = projection.fold(state, fresh);
    // What the projection split off (the RA: certificates' DER) is read when a reader first needs it.
    const rest = projection.join ? { epoch: snap.epoch, lastSeq: snap.lastSeq } : undefined;
    return { head, events: undefined, secrets: Object.fromEntries(secrets.map((s) => [s.id, s])), tail, projected, snapshotEvents: snap.events, rest };
  }

  /**
   * Write a snapshot after the current operation when enough was appended since the last one. It runs alone (the
   * store's lock) and checks the stored head in its own write: a page that another tab overtook writes nothing.
   */
  private queueSnapshot(cache: Cache<E>): void {
    const projection = this.projection;
    if (!projection || this.snapshotQueued || !snapshotDue(cache.head, cache.snapshotEvents, this.snapshotEvery)) return;
    this.snapshotQueued = true;
    void this.exclusive(async () => {
      this.snapshotQueued = false;
      if (this.cache?.rest) await this.completeRest(this.cache); // a snapshot holds the whole state
      const now = this.cache;
      if (!now?.tail || now.head.events === 0 || !snapshotDue(now.head, now.snapshotEvents, this.snapshotEvery)) return;
      const record = () => {
        const parts = projection.split ? projection.split(now.projected) : { lean: now.projected, rest: undefined };
        const snapshot = snapshotRecord(projection.tag, now.head, now.tail!, parts.lean);
        return { snapshot, rest: projection.split ? { epoch: snapshot.epoch, lastSeq: snapshot.lastSeq, rest: parts.rest } : undefined };
      };
      if (await putSnapshotIfCurrent(this.db, now.head, record)) now.snapshotEvents = now.head.events;
    }).catch(() => undefined); // a snapshot is an optimisation: the log stays the truth
  }

  /** Written and read by the snapshot's state once the snapshot landed (tests, the bench). */
  settled(): Promise<void> {
    return this.exclusive(async () => undefined);
  }

  private committed(cache: Cache<E>): Committed<E> {
    return {
      get events(): E[] {
        if (!cache.events) throw new Error(NOT_READ);
        return cache.events;
      },
      secrets: cache.secrets,
      projected: cache.projected,
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
        idb.objectStore('meta').delete('projection'); // of the replaced log (its epoch would refuse it anyway)
        idb.objectStore('meta').delete('projection-rest');
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
    // Only now, the write having landed: the in-memory log and projection grow in place (just the new events).
    const keep = base && !replacing;
    const state = applyInPlace(keep ? { events: base.events ?? [], secrets: base.secrets } : { events: [], secrets: {} }, changes);
    const projected = this.projection && (keep ? this.projection.fold(base.projected, changes.events) : this.projection.fold(undefined, state.events));
    this.cache = { head, events: keep && !base.events ? undefined : state.events, secrets: state.secrets, tail: appended.tail, projected, snapshotEvents: keep ? base.snapshotEvents : 0, rest: keep ? base.rest : undefined };
    this.queueSnapshot(this.cache);
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>, needs: ReadNeeds = {}): Promise<T> {
    return this.exclusive(async () => {
      // A log that cannot be read can still be replaced (restore, reset): reads in `fn` throw why.
      let base: Cache<E> | undefined;
      let committed: Committed<E>;
      try {
        base = await this.load(needs.log !== false, needs.complete !== false);
        committed = this.committed(base);
      } catch (error) {
        committed = unreadable<E>(error);
      }
      const tx = new BufferedTx<E>(committed);
      const value = await fn(tx);
      if (tx.hasChanges()) {
        if (!base && !tx.changes().replacement) throw new Error('the store cannot be read: only a replacement may be committed');
        if (base?.rest && !tx.changes().replacement) {
          // Asked for less ({ complete: false }) but wrote: its events are folded into the whole state, never a part.
          await this.completeRest(base);
          if (this.cache !== base) throw new Error('the stored state was read again meanwhile: nothing was written');
        }
        await this.commit(tx, base);
      }
      return value;
    });
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>, needs: ReadNeeds = {}): Promise<T> {
    return this.exclusive(async () => {
      const cache = await this.load(needs.log !== false, needs.complete !== false);
      const committed = this.committed(cache);
      const view = readView(committed, () => this.snapshots.get(cache.head, committed));
      // Without the log in memory, the bounded readers read just the chunks that hold what they return.
      const keys = keyRange();
      if (!cache.events && keys) {
        view.eventsAfter = (after, limit) => readEventsAfter<E>(this.db.transaction('chunks', 'readonly').objectStore('chunks'), keys, after, limit);
        view.lastEvents = (limit) => readLastEvents<E>(this.db.transaction('chunks', 'readonly').objectStore('chunks'), limit);
      } else if (!cache.events) {
        view.eventsAfter = async (after, limit) => {
          const events = (await this.load(true)).events!;
          const from = indexAfter(events, after);
          return events.slice(from, from + Math.max(0, limit));
        };
        view.lastEvents = async (limit) => (limit > 0 ? (await this.load(true)).events!.slice(-limit) : []);
      }
      return fn(view);
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
