// In-memory store: tests and one-shot Node use. A commit appends to the log in place (O(new events)); a failed
// transaction never reaches it, so the previous state stays untouched.
import type { RaEvent } from '../events';
import { applyInPlace, BufferedTx, Mutex, SnapshotCache, emptySnapshot, readView, type Committed, type ReadView, type Store, type StoredEvent, type StoredSecret, type StoreSnapshot, type StoreTx } from './store';

export class MemoryStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private state: { events: E[]; secrets: Record<string, StoredSecret> };
  private files: Record<string, Uint8Array>;
  private version = 0;
  private readonly snapshots = new SnapshotCache<E>();
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;

  constructor(initial: StoreSnapshot<E> = emptySnapshot<E>()) {
    this.state = { events: initial.events.slice(), secrets: { ...initial.secrets } };
    this.files = { ...initial.files };
  }

  private committed(): Committed<E> {
    const files = this.files;
    return { events: this.state.events, secrets: this.state.secrets, file: async (id) => files[id], files: async () => files };
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const tx = new BufferedTx<E>(this.committed());
      const value = await fn(tx);
      if (tx.hasChanges()) {
        const changes = tx.changes();
        this.state = applyInPlace(this.state, changes);
        if (changes.replacement) this.files = { ...changes.replacement.files };
        for (const [id, bytes] of changes.files) this.files[id] = bytes;
        this.version += 1;
      }
      return value;
    });
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const committed = this.committed();
      const version = this.version;
      return fn(readView(committed, () => this.snapshots.get(version, committed)));
    });
  }

  keyWrappingKey(): Promise<CryptoKey> {
    this.kwk ??= globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    return this.kwk;
  }
}
