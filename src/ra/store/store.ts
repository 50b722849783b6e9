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

/** What a transaction sees: reads see the writes made earlier in the same transaction. */
export interface StoreTx<E extends StoredEvent = RaEvent> {
  events(): readonly E[];
  append(...events: E[]): void;
  getFile(id: string): Uint8Array | undefined;
  putFile(id: string, bytes: Uint8Array): void;
  getSecret(id: string): StoredSecret | undefined;
  putSecret(secret: StoredSecret): void;
  /** Drop everything (reset) or replace everything (restore). */
  replaceAll(snapshot: StoreSnapshot<E>): void;
}

export interface Store<E extends StoredEvent = RaEvent> {
  /**
   * Run `fn` alone (transactions are serialised) and commit its writes atomically when it resolves.
   * When `fn` throws, nothing is written and the error is re-thrown.
   */
  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T>;
  /**
   * The installation's AES-GCM key that wraps CA private keys at rest. Non-extractable where the
   * platform can keep it (IndexedDB holds the CryptoKey itself); the CLI keeps it raw in its state directory.
   */
  keyWrappingKey(): Promise<CryptoKey>;
  /** Read-only view of the committed state. */
  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T>;
}

export interface ReadView<E extends StoredEvent = RaEvent> {
  events(): readonly E[];
  getFile(id: string): Uint8Array | undefined;
  getSecret(id: string): StoredSecret | undefined;
  snapshot(): StoreSnapshot<E>;
}

export function emptySnapshot<E extends StoredEvent = RaEvent>(): StoreSnapshot<E> {
  return { events: [], files: {}, secrets: {} };
}

/**
 * A transaction over an in-memory snapshot: writes go to a buffer and are applied by `commit`.
 * Every adapter uses it; they differ only in how the committed snapshot is loaded and persisted.
 */
export class BufferedTx<E extends StoredEvent = RaEvent> implements StoreTx<E> {
  private readonly newEvents: E[] = [];
  private readonly newFiles = new Map<string, Uint8Array>();
  private readonly newSecrets = new Map<string, StoredSecret>();
  private replacement: StoreSnapshot<E> | undefined;

  constructor(private readonly base: StoreSnapshot<E>) {}

  private current(): StoreSnapshot<E> {
    return this.replacement ?? this.base;
  }
  events(): readonly E[] {
    const events = this.current().events;
    return this.newEvents.length === 0 ? events : [...events, ...this.newEvents];
  }
  append(...events: E[]): void {
    this.newEvents.push(...events);
  }
  getFile(id: string): Uint8Array | undefined {
    return this.newFiles.get(id) ?? this.current().files[id];
  }
  putFile(id: string, bytes: Uint8Array): void {
    this.newFiles.set(id, bytes);
  }
  getSecret(id: string): StoredSecret | undefined {
    return this.newSecrets.get(id) ?? this.current().secrets[id];
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

  /** What changed: either a full replacement or additions on top of the base. */
  changes(): {
    replacement?: StoreSnapshot<E>;
    events: E[];
    files: [string, Uint8Array][];
    secrets: StoredSecret[];
  } {
    return {
      replacement: this.replacement,
      events: [...this.newEvents],
      files: [...this.newFiles],
      secrets: [...this.newSecrets.values()],
    };
  }

  /** The snapshot after this transaction (a new object; the base is not mutated). */
  result(): StoreSnapshot<E> {
    const base = this.current();
    const files = { ...base.files };
    for (const [id, bytes] of this.newFiles) files[id] = bytes;
    const secrets = { ...base.secrets };
    for (const s of this.newSecrets.values()) secrets[s.id] = s;
    return { events: [...base.events, ...this.newEvents], files, secrets };
  }
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

export function readView<E extends StoredEvent = RaEvent>(snapshot: StoreSnapshot<E>): ReadView<E> {
  return {
    events: () => snapshot.events,
    getFile: (id: string) => snapshot.files[id],
    getSecret: (id: string) => snapshot.secrets[id],
    snapshot: () => snapshot,
  };
}
