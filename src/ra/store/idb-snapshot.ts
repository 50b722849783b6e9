// The projection snapshot of the IndexedDB store (meta 'projection'): the fold's state after some seq, kept as a
// structured clone so that opening reads it and the log's tail instead of every chunk. Design in docs/ra-engine.md.
import type { LogHead, Tail } from './idb-chunks';

/** meta 'projection'. */
export interface ProjectionSnapshot {
  /** The fold's tag (Projection.tag): a snapshot of another version of the fold is not used. */
  tag: string;
  /** The log's epoch it was folded from: a replaced log (restore, reset) makes it useless. */
  epoch: string;
  /** The last seq folded into it, and how many events that was. */
  lastSeq: number;
  events: number;
  /** The chunk holding `lastSeq` (its key and its `prev`): the tail is read from there on. */
  chunkFirst: number;
  chunkPrev: number;
  state: unknown;
}

/** Events since a snapshot that make the next one worth writing: a tenth of the log, and not for a small log. */
export function snapshotDue(head: LogHead, snapshotEvents: number, minimum: number): boolean {
  const since = head.events - snapshotEvents;
  return since >= minimum && since >= head.events / 10;
}

export function snapshotRecord(tag: string, head: LogHead, tail: Tail, state: unknown): ProjectionSnapshot {
  return { tag, epoch: head.epoch, lastSeq: head.lastSeq, events: head.events, chunkFirst: tail.first, chunkPrev: tail.prev, state };
}

/** meta 'projection-rest': what the projection split off its snapshot, for the snapshot of the same epoch and seq. */
export interface RestRecord {
  epoch: string;
  lastSeq: number;
  rest: unknown;
}

/** The rest if it belongs to `snapshot` (written with it), else undefined. */
export function restOf(value: unknown, snapshot: { epoch: string; lastSeq: number }): unknown {
  const r = value as RestRecord | undefined;
  return typeof r === 'object' && r !== null && r.epoch === snapshot.epoch && r.lastSeq === snapshot.lastSeq ? r.rest : undefined;
}

/** The stored value if it is a snapshot of this fold (`tag`) with sane numbers; anything else → undefined (replayed). */
export function asSnapshot(value: unknown, tag: string): ProjectionSnapshot | undefined {
  const s = value as ProjectionSnapshot;
  if (typeof s !== 'object' || s === null || s.tag !== tag || typeof s.epoch !== 'string') return undefined;
  const counts = [s.lastSeq, s.events, s.chunkFirst, s.chunkPrev];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  if (s.lastSeq < 1 || s.events < 1 || s.chunkFirst > s.lastSeq || s.chunkPrev >= s.chunkFirst) return undefined;
  return s;
}

/** Write `record` if the stored head is still `head` (checked in the same readwrite transaction): a page that lost a race to another tab writes nothing. */
export function putSnapshotIfCurrent(db: IDBDatabase, head: LogHead, record: () => { snapshot: ProjectionSnapshot; rest?: RestRecord }): Promise<boolean> {
  return new Promise((resolve) => {
    let written = false;
    const tx = db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const current = meta.get('head');
    current.onsuccess = () => {
      const stored = current.result as LogHead | undefined;
      if (!stored || stored.version !== head.version || stored.epoch !== head.epoch) return;
      try {
        const { snapshot, rest } = record(); // the state is cloned by put, synchronously: what it is now
        meta.put(snapshot, 'projection');
        if (rest) meta.put(rest, 'projection-rest');
        else meta.delete('projection-rest');
        written = true;
      } catch {
        tx.abort(); // not cloneable, or no room: the log stays the truth, the next open replays
      }
    };
    tx.oncomplete = () => resolve(written);
    tx.onabort = () => resolve(false);
    tx.onerror = () => resolve(false);
  });
}
