// In-memory store: tests and one-shot Node use. Commits swap the whole snapshot, so a failed
// transaction leaves the previous snapshot untouched.
import { BufferedTx, Mutex, emptySnapshot, readView, type ReadView, type Store, type StoreSnapshot, type StoreTx } from './store';

export class MemoryStore implements Store {
  private snapshot: StoreSnapshot;
  private readonly lock = new Mutex();
  private kwk: Promise<CryptoKey> | undefined;

  constructor(initial: StoreSnapshot = emptySnapshot()) {
    this.snapshot = initial;
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const tx = new BufferedTx(this.snapshot);
      const value = await fn(tx);
      if (tx.hasChanges()) this.snapshot = tx.result();
      return value;
    });
  }

  read<T>(fn: (view: ReadView) => T | Promise<T>): Promise<T> {
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
