// The IndexedDB store's event log as chunks: one record holds many events as one JSON text, so opening a store
// of 210 000 events reads a few hundred records instead of 210 000 (Chromium's IndexedDB costs per record, and
// JSON.parse of one large text is faster than structured-clone of as many objects). Layout in docs/ra-engine.md.
import type { StoredEvent } from './store';

/**
 * A chunk grows until its JSON text reaches this many characters; the next event starts a new chunk. Below
 * Chromium's 64 KiB threshold, above which a value is kept as a blob file of its own; a commit rewrites at most this.
 */
export const CHUNK_CHARS = 60_000;

/** One record of the `chunks` object store (keyPath `first`). */
export interface ChunkRecord {
  /** seq of its first event (the key). */
  first: number;
  /** seq of its last event. */
  last: number;
  count: number;
  /** seq of the last event of the chunk before it; 0 for the first chunk. A missing chunk breaks the chain. */
  prev: number;
  /** The events as a JSON array. */
  json: string;
}

/** meta `head`: written by every commit with the chunks, so a reader can tell what it should find. */
export interface LogHead {
  /** Bumped by every commit: a page reloads only when another page committed. */
  version: number;
  /** Changed by every replacement (restore, reset, migration): a page then reloads everything. */
  epoch: string;
  lastSeq: number;
  events: number;
}

export const EMPTY_HEAD: LogHead = { version: 0, epoch: '', lastSeq: 0, events: 0 };

/** The chunk a commit may still append to, with its events' JSON texts joined (without the brackets). */
export interface Tail {
  first: number;
  last: number;
  count: number;
  prev: number;
  body: string;
}

/** The stored log is not what the store wrote: refused as a whole, nothing is changed (restore or reset). */
export class StoreDamagedError extends Error {
  constructor(detail: string) {
    super(
      `保存されている記録（IndexedDB）が壊れています: ${detail}。何も変更していません。バックアップから復元するか、リセットしてください。` +
        ` / The stored log (IndexedDB) is damaged: ${detail}. Nothing was changed; restore a backup or reset.`,
    );
    this.name = 'StoreDamagedError';
  }
}

export function chunkRecord(tail: Tail): ChunkRecord {
  return { first: tail.first, last: tail.last, count: tail.count, prev: tail.prev, json: `[${tail.body}]` };
}

/**
 * Append `events` after `tail` (undefined: the log is empty, or the tail is closed and `prevLast` ends it):
 * returns the chunks to write — the tail, when it grew, and any new ones — and the new tail. Cost: the new events'
 * JSON plus one copy of the tail's text (at most CHUNK_CHARS), never the whole log.
 */
export function appendChunks<E extends StoredEvent>(tail: Tail | undefined, events: readonly E[], prevLast = 0): { writes: ChunkRecord[]; tail: Tail | undefined } {
  const touched: Tail[] = [];
  let current = tail ? { ...tail } : undefined;
  let last = tail?.last ?? prevLast;
  for (const e of events) {
    // As version 1's keyPath did: a seq written twice (or going back) aborts the whole commit.
    if (!Number.isSafeInteger(e.seq) || e.seq <= last) throw new Error(`event seq ${e.seq} does not follow ${last}: nothing was written`);
    const text = JSON.stringify(e);
    if (!current || (current.count > 0 && current.body.length + text.length + 1 > CHUNK_CHARS)) {
      current = { first: e.seq, last: e.seq, count: 0, prev: last, body: '' };
    }
    if (touched[touched.length - 1] !== current) touched.push(current);
    current.body = current.count === 0 ? text : `${current.body},${text}`;
    current.count += 1;
    current.last = e.seq;
    last = e.seq;
  }
  return { writes: touched.map(chunkRecord), tail: current };
}

function isChunk(value: unknown): value is ChunkRecord {
  const c = value as ChunkRecord;
  return (
    typeof c === 'object' && c !== null && Number.isSafeInteger(c.first) && Number.isSafeInteger(c.last) && Number.isSafeInteger(c.count) && Number.isSafeInteger(c.prev) && typeof c.json === 'string'
  );
}

/**
 * Decode chunks read in key order and append their events to `into`, checking that they are what a commit wrote:
 * each chunk's events match its first/last/count, seqs increase, and each chunk follows the one before (`prev`).
 * `after` is the last seq already in `into` (events up to it are skipped: a re-read tail chunk). Returns the tail.
 */
export function decodeChunks<E extends StoredEvent>(records: readonly unknown[], into: E[], after: number, prevOfFirst: number): Tail | undefined {
  let prev = prevOfFirst;
  let tail: Tail | undefined;
  for (const record of records) {
    if (!isChunk(record)) throw new StoreDamagedError('a chunk record has the wrong shape');
    const where = `chunk ${record.first}`;
    if (record.prev !== prev) throw new StoreDamagedError(`${where} does not follow seq ${prev} (a chunk is missing)`);
    let events: unknown;
    try {
      events = JSON.parse(record.json);
    } catch {
      throw new StoreDamagedError(`${where} is not readable JSON`);
    }
    if (!Array.isArray(events) || events.length !== record.count || events.length === 0) throw new StoreDamagedError(`${where} does not hold ${record.count} events`);
    let seq = prev;
    for (const e of events as E[]) {
      if (typeof e !== 'object' || e === null || !Number.isSafeInteger(e.seq) || e.seq <= seq || typeof e.type !== 'string') {
        throw new StoreDamagedError(`${where}: an event after seq ${seq} has no valid seq or type`);
      }
      seq = e.seq;
      if (seq > after) into.push(e);
    }
    if ((events[0] as E).seq !== record.first || seq !== record.last) throw new StoreDamagedError(`${where} does not run from ${record.first} to ${record.last}`);
    tail = { first: record.first, last: record.last, count: record.count, prev: record.prev, body: record.json.slice(1, -1) };
    prev = record.last;
  }
  return tail;
}

/** Chunk records under a cursor from `range` in `direction`, until `enough` says so (in the caller's transaction). */
function walk(store: IDBObjectStore, range: IDBKeyRange | null, direction: IDBCursorDirection, enough: (records: ChunkRecord[]) => boolean): Promise<ChunkRecord[]> {
  return new Promise((resolve, reject) => {
    const out: ChunkRecord[] = [];
    const req = store.openCursor(range, direction);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(out);
      out.push(cursor.value as ChunkRecord);
      if (enough(out)) return resolve(out);
      cursor.continue();
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cursor failed'));
  });
}

const total = (records: readonly ChunkRecord[]) => records.reduce((n, r) => n + (Number.isSafeInteger(r?.count) ? r.count : 1), 0);

/** At most `limit` events after seq `after`, read from the chunks that hold them (checked as decodeChunks does). */
export async function readEventsAfter<E extends StoredEvent>(store: IDBObjectStore, keys: typeof IDBKeyRange, after: number, limit: number): Promise<E[]> {
  if (limit <= 0) return [];
  const [holding] = await walk(store, keys.upperBound(after + 1), 'prev', () => true);
  const records = await walk(store, holding ? keys.lowerBound(holding.first) : null, 'next', (r) => total(r) - total(r.slice(0, 1)) >= limit);
  const out: E[] = [];
  if (records.length) decodeChunks(records, out, after, isChunk(records[0]) ? records[0].prev : 0);
  return out.slice(0, limit);
}

/** The newest `limit` events, oldest first, read from the last chunks only. */
export async function readLastEvents<E extends StoredEvent>(store: IDBObjectStore, limit: number): Promise<E[]> {
  if (limit <= 0) return [];
  const records = (await walk(store, null, 'prev', (r) => total(r) >= limit)).reverse();
  const out: E[] = [];
  if (records.length) decodeChunks(records, out, 0, isChunk(records[0]) ? records[0].prev : 0);
  return out.slice(-limit);
}
