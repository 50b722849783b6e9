// Directory-backed store for the CLI (`--state DIR`). Layout (docs/ra-files.md):
//   DIR/state.json   {"format":"upki-ra-state","version":1,"events":[…],"secrets":{…},"files":[ids]}
//   DIR/files/<id>   binary deliverables (zips, P12, CRLs); the id URI-encoded ('/' → %2F)
//   DIR/kwk.key      the raw 32-byte key-wrapping key (file mode 0600)
// A commit writes new files first, then replaces state.json by rename: the rename is the commit point,
// so an interrupted command leaves at most unreferenced files behind. Two processes on one directory
// take turns through DIR/.lock (created exclusively, holding the owner's pid; the lock of a process that
// no longer runs counts as abandoned),
// and each transaction re-reads state.json when another process changed it.
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BufferedTx, Mutex, emptySnapshot, readView, type ReadView, type Store, type StoredEvent, type StoreSnapshot, type StoreTx } from './store';
import type { RaEvent } from '../events';
import type { StoredSecret } from './store';

interface StateFile<E extends StoredEvent = RaEvent> {
  format: 'upki-ra-state';
  version: 1;
  events: E[];
  secrets: Record<string, StoredSecret>;
  files: string[];
}

/** A bulk upload of 1000 rows takes minutes on a slow machine: wait up to 30 minutes for the other process. */
const LOCK_WAIT_MS = 30 * 60_000;

/** Whether a process with this id exists on this machine (a lock left by a crashed process is abandoned). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function diskName(id: string): string {
  return encodeURIComponent(id);
}

export class DirectoryStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private readonly lock = new Mutex();
  private cache: StoreSnapshot<E> | undefined;
  private cacheMtime = -1;

  constructor(private readonly dir: string) {}

  static exists(dir: string): boolean {
    return existsSync(join(dir, 'state.json'));
  }

  private async load(): Promise<StoreSnapshot<E>> {
    const path = join(this.dir, 'state.json');
    const mtime = existsSync(path) ? (await stat(path)).mtimeMs : 0;
    if (this.cache && this.cacheMtime === mtime) return this.cache;
    this.cacheMtime = mtime;
    if (!existsSync(path)) return (this.cache = emptySnapshot<E>());
    const state = JSON.parse(await readFile(path, 'utf8')) as StateFile<E>;
    if (state.format !== 'upki-ra-state') throw new Error(`${path} is not an RA state file`);
    const files: Record<string, Uint8Array> = {};
    for (const id of state.files) files[id] = new Uint8Array(await readFile(join(this.dir, 'files', diskName(id))));
    return (this.cache = { events: state.events, secrets: state.secrets, files });
  }

  private async persist(before: StoreSnapshot<E>, after: StoreSnapshot<E>): Promise<void> {
    await mkdir(join(this.dir, 'files'), { recursive: true });
    for (const [id, bytes] of Object.entries(after.files)) {
      if (before.files[id] !== bytes) await writeFile(join(this.dir, 'files', diskName(id)), bytes);
    }
    const stale = Object.keys(before.files).filter((id) => !(id in after.files));
    const state: StateFile<E> = {
      format: 'upki-ra-state',
      version: 1,
      events: after.events,
      secrets: after.secrets,
      files: Object.keys(after.files),
    };
    const tmp = join(this.dir, `state.json.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, join(this.dir, 'state.json'));
    this.cacheMtime = (await stat(join(this.dir, 'state.json'))).mtimeMs;
    // Only after the commit point: files a reset or restore dropped.
    for (const id of stale) await rm(join(this.dir, 'files', diskName(id)), { force: true });
  }

  /** Exclusive across processes: DIR/.lock exists while a transaction runs. */
  private async withFileLock<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true });
    const lockPath = join(this.dir, '.lock');
    for (let attempt = 0; ; attempt++) {
      try {
        await writeFile(lockPath, String(process.pid), { flag: 'wx' });
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
        if (!isRunning(holder)) await rm(lockPath, { force: true });
        else if (attempt > LOCK_WAIT_MS / 100) throw new Error(`${this.dir} is locked by process ${holder} (${lockPath})`);
        else await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      return await fn();
    } finally {
      await rm(lockPath, { force: true });
    }
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.lock.run(() => this.withFileLock(async () => {
      const before = await this.load();
      const tx = new BufferedTx<E>(before);
      const value = await fn(tx);
      if (!tx.hasChanges()) return value;
      const after = tx.result();
      await this.persist(before, after);
      this.cache = after;
      return value;
    }));
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => fn(readView(await this.load())));
  }

  async keyWrappingKey(): Promise<CryptoKey> {
    const path = join(this.dir, 'kwk.key');
    let raw: Uint8Array;
    if (existsSync(path)) raw = new Uint8Array(await readFile(path));
    else {
      raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
      await mkdir(this.dir, { recursive: true });
      await writeFile(path, raw, { mode: 0o600 });
    }
    return globalThis.crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
}
