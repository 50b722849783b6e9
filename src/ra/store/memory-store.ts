// In-memory store: tests and one-shot Node use. Commits swap the whole snapshot, so a failed
// transaction leaves the previous snapshot untouched.
import type { RaEvent } from '../events';
import { BufferedTx, Mutex, emptySnapshot, readView, type ReadView, type Store, type StoredEvent, type StoreSnapshot, type StoreTx } from './store';

export class MemoryStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private snapshot: StoreSnapshot<E>;
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;

  constructor(initial: StoreSnapshot<E> = emptySnapshot<E>()) {
    this.snapshot = initial;
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const tx = new BufferedTx<E>(this.snapshot);
      const value = await fn(tx);
      if (tx.hasChanges()) this.snapshot = tx.result();
      return value;
    });
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => fn(readView(this.snapshot)));
  }

  keyWrappingKey(): Promise<CryptoKey> {
    this.kwk ??= globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    return this.kwk;
  }
}
