// The simulator's storage port. Everything the RA remembers is an append-only event log plus a
// few binary files (certificates' deliverables, zips) and secrets (CA keys, wrapped). One upload's
// writes are one `transaction`: either all of them land or none does.
import type { RaEvent } from '../events';

/**
 * What the store needs of an event: its place in the log. The RA's events are the default; the JPNIC
 * service (src/jpnic) keeps its own event type in its own store through the same adapters.
 */
export interface StoredEvent {
  seq: number;
  at: string;
  type: string;
}

/** A CA private key at rest: PKCS#8 encrypted (AES-GCM) under the installation's key-wrapping key. */
export interface StoredSecret {
  id: string;
  iv: string; // base64
  ciphertext: string; // base64
}

/** Everything a store holds, as one plain value (backup, restore, reset, tests). */
export interface StoreSnapshot<E extends StoredEvent = RaEvent> {
  events: E[];
  files: Record<string, Uint8Array>;
  secrets: Record<string, StoredSecret>;
}

/**
 * What a transaction sees: reads see the writes made earlier in the same transaction. Files are read on demand
 * (a store holding 100 000 P12 files does not load them to open), hence `getFile` is asynchronous.
 */
export interface StoreTx<E extends StoredEvent = RaEvent> {
  events(): readonly E[];
  /** The store's own fold of the committed log (a store opened with a `Projection`), else undefined: fold `events()`. */
  projected?(): unknown;
  append(...events: E[]): void;
  getFile(id: string): Promise<Uint8Array | undefined>;
  putFile(id: string, bytes: Uint8Array): void;
  getSecret(id: string): StoredSecret | undefined;
  putSecret(secret: StoredSecret): void;
  /** Drop everything (reset) or replace everything (restore). */
  replaceAll(snapshot: StoreSnapshot<E>): void;
}

/**
 * What a read or transaction needs of the committed state. By default the whole log is in memory (`events()`);
 * `{ log: false }` promises that `fn` reads only `projected()`, files, secrets and the bounded readers
 * (`eventsAfter`, `lastEvents`): a store that keeps a projection snapshot then opens without reading the log.
 */
export interface ReadNeeds {
  log?: boolean;
  /**
   * `false`: `projected()` may still lack what its Projection `split` off as `rest` (the RA: certificates' DER) —
   * for lists, counts and searches right after opening. By default the state is complete.
   */
  complete?: boolean;
}

/**
 * A fold of the log that a store may keep for its reader, with a snapshot of it at rest (IndexedDB: opening reads
 * the snapshot and the log's tail instead of the whole log). The memory and directory stores ignore it.
 */
export interface Projection<E extends StoredEvent, S> {
  /** Written with each snapshot; a snapshot with another tag (another version of the fold) is replayed instead. */
  readonly tag: string;
  /** Fold `events` into `state` in place (a fresh state when undefined) and return it. */
  fold(state: S | undefined, events: readonly E[]): S;
  /** A stored snapshot's state if it has the fold's shape after `lastSeq`; undefined when not (then: full replay). */
  revive(value: unknown, lastSeq: number): S | undefined;
  /** Split a state to store: what opening reads (`lean`) and what is read apart when first needed (`rest`). */
  split?(state: S): { lean: unknown; rest: unknown };
  /** Put a snapshot's `rest` back into the state revived from its `lean` (and folded since); false if it does not fit. */
  join?(state: S, rest: unknown): boolean;
}

export interface Store<E extends StoredEvent = RaEvent> {
  /**
   * Run `fn` alone (transactions are serialised) and commit its writes atomically when it resolves.
   * When `fn` throws, nothing is written and the error is re-thrown.
   */
  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>, needs?: ReadNeeds): Promise<T>;
  /**
   * The installation's AES-GCM key that wraps CA private keys at rest. Non-extractable where the
   * platform can keep it (IndexedDB holds the CryptoKey itself); the CLI keeps it raw in its state directory.
   */
  keyWrappingKey(): Promise<CryptoKey>;
  /** Read-only view of the committed state. */
  read<T>(fn: (view: ReadView<E>) => T | Promise<T>, needs?: ReadNeeds): Promise<T>;
}

export interface ReadView<E extends StoredEvent = RaEvent> {
  /** The committed log. Commits append to this array in place: it is current until the next commit. */
  events(): readonly E[];
  /** At most `limit` events after seq `after`, oldest first (a store that has not read its log reads only these). */
  eventsAfter(after: number, limit: number): Promise<E[]>;
  /** The newest `limit` events, oldest first. */
  lastEvents(limit: number): Promise<E[]>;
  /** As StoreTx.projected. */
  projected(): unknown;
  getFile(id: string): Promise<Uint8Array | undefined>;
  getSecret(id: string): StoredSecret | undefined;
  /** Everything as one value (every file loaded); the same object until the next commit. */
  snapshot(): Promise<StoreSnapshot<E>>;
}

export function emptySnapshot<E extends StoredEvent = RaEvent>(): StoreSnapshot<E> {
  return { events: [], files: {}, secrets: {} };
}

/**
 * A store's committed state as a transaction reads it: the log and the secrets in memory, the files by lookup.
 * `events` is the store's own array, appended to in place by commits (no copy of the log per commit).
 */
export interface Committed<E extends StoredEvent = RaEvent> {
  readonly events: E[];
  readonly secrets: Readonly<Record<string, StoredSecret>>;
  /** The store's fold of `events` (see Projection), if it keeps one. */
  readonly projected?: unknown;
  file(id: string): Promise<Uint8Array | undefined>;
  files(): Promise<Record<string, Uint8Array>>;
}

/** The committed state of a store that could not be loaded: reading it fails with why, replacing it works. */
export function unreadable<E extends StoredEvent>(error: unknown): Committed<E> {
  const fail = (): never => {
    throw error;
  };
  return {
    get events(): E[] {
      return fail();
    },
    get secrets(): Record<string, StoredSecret> {
      return fail();
    },
    file: async () => fail(),
    files: async () => fail(),
  };
}

/** What a transaction changed: either a full replacement plus additions, or additions on top of the base. */
export interface TxChanges<E extends StoredEvent> {
  replacement?: StoreSnapshot<E>;
  events: E[];
  files: [string, Uint8Array][];
  secrets: StoredSecret[];
}

/**
 * A transaction over the committed state: writes go to a buffer, which the store persists and then applies
 * (`applyInPlace`) when the transaction succeeds. Every adapter uses it.
 */
export class BufferedTx<E extends StoredEvent = RaEvent> implements StoreTx<E> {
  private readonly newEvents: E[] = [];
  private readonly newFiles = new Map<string, Uint8Array>();
  private readonly newSecrets = new Map<string, StoredSecret>();
  private replacement: StoreSnapshot<E> | undefined;

  constructor(private readonly base: Committed<E>) {}

  projected(): unknown {
    return this.replacement ? undefined : this.base.projected;
  }
  events(): readonly E[] {
    const events = this.replacement ? this.replacement.events : this.base.events;
    // Only a transaction that reads the log after appending pays for the copy (the engine reads it once, first).
    return this.newEvents.length === 0 ? events : [...events, ...this.newEvents];
  }
  append(...events: E[]): void {
    for (const e of events) this.newEvents.push(e);
  }
  async getFile(id: string): Promise<Uint8Array | undefined> {
    const mine = this.newFiles.get(id);
    if (mine) return mine;
    return this.replacement ? this.replacement.files[id] : this.base.file(id);
  }
  putFile(id: string, bytes: Uint8Array): void {
    this.newFiles.set(id, bytes);
  }
  getSecret(id: string): StoredSecret | undefined {
    return this.newSecrets.get(id) ?? (this.replacement ? this.replacement.secrets[id] : this.base.secrets[id]);
  }
  putSecret(secret: StoredSecret): void {
    this.newSecrets.set(secret.id, secret);
  }
  replaceAll(snapshot: StoreSnapshot<E>): void {
    this.replacement = snapshot;
    this.newEvents.length = 0;
    this.newFiles.clear();
    this.newSecrets.clear();
  }

  hasChanges(): boolean {
    return !!this.replacement || this.newEvents.length > 0 || this.newFiles.size > 0 || this.newSecrets.size > 0;
  }

  changes(): TxChanges<E> {
    return {
      replacement: this.replacement,
      events: this.newEvents,
      files: [...this.newFiles],
      secrets: [...this.newSecrets.values()],
    };
  }
}

/**
 * Apply a committed transaction to an in-memory log and secrets: O(new events) for additions (the log array grows
 * in place); a replacement is copied once, so the caller's snapshot never becomes the store's. Files are the
 * adapter's business (kept in memory, on disk, or in IndexedDB).
 */
export function applyInPlace<E extends StoredEvent>(
  state: { events: E[]; secrets: Record<string, StoredSecret> },
  changes: TxChanges<E>,
): { events: E[]; secrets: Record<string, StoredSecret> } {
  const r = changes.replacement;
  const next = r ? { events: r.events.slice(), secrets: { ...r.secrets } } : state;
  for (const e of changes.events) next.events.push(e);
  for (const s of changes.secrets) next.secrets[s.id] = s;
  return next;
}

/** A FIFO lock: transactions of one store run one after another. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * A read view over committed state. `snapshot` copies (the log, the file table) once per `version`: a
 * snapshot taken before a commit keeps what it saw, and an unchanged store answers the same object.
 */
export class SnapshotCache<E extends StoredEvent> {
  private cached: { version: unknown; snapshot: StoreSnapshot<E> } | undefined;

  async get(version: unknown, committed: Committed<E>): Promise<StoreSnapshot<E>> {
    if (this.cached && this.cached.version === version) return this.cached.snapshot;
    const snapshot = { events: committed.events.slice(), files: { ...(await committed.files()) }, secrets: { ...committed.secrets } };
    this.cached = { version, snapshot };
    return snapshot;
  }
}

/** Where seq `after` ends in a log ordered by seq: the index of the first event after it (bisection). */
export function indexAfter(events: readonly StoredEvent[], after: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].seq <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function readView<E extends StoredEvent>(committed: Committed<E>, snapshot: () => Promise<StoreSnapshot<E>>): ReadView<E> {
  return {
    events: () => committed.events,
    eventsAfter: async (after, limit) => {
      const from = indexAfter(committed.events, after);
      return committed.events.slice(from, from + Math.max(0, limit));
    },
    lastEvents: async (limit) => (limit > 0 ? committed.events.slice(-limit) : []),
    projected: () => committed.projected,
    getFile: (id: string) => committed.file(id),
    getSecret: (id: string) => committed.secrets[id],
    snapshot,
  };
}
