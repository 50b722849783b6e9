// Directory-backed store for the CLI (`--state DIR`); layout and commit protocol in docs/ra-files.md.
// Safe against concurrent and interrupted use (issue 10):
//  - processes take turns through DIR/.lockdir (proper-lockfile: atomic mkdir, mtime kept fresh while held, stale
//    after LOCK_STALE_MS, never released by anyone but its owner);
//  - a lock can still be broken twice at once (two waiters judging the same stale lock), so the commit itself is a
//    compare-and-swap: state.json carries a generation g, and a commit publishes generation g+1 by hard-linking
//    its complete state file to DIR/gen/<g+1>.json, which only one process can create. The loser re-reads the
//    state and runs its transaction again: no update is lost, ids are never handed out twice;
//  - new files get a disk name unique to their transaction, so a losing transaction never overwrites a file the
//    winner references; files nobody references (an interrupted or lost commit) are removed later.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { BufferedTx, Mutex, SnapshotCache, emptySnapshot, readView, type Committed, type ReadView, type Store, type StoredEvent, type StoreSnapshot, type StoreTx, type TxChanges } from './store';
import type { RaEvent } from '../events';
import type { StoredSecret } from './store';

interface StateFileV1<E extends StoredEvent> {
  format: 'upki-ra-state';
  version: 1;
  events: E[];
  secrets: Record<string, StoredSecret>;
  files: string[];
}

interface StateFile<E extends StoredEvent> {
  format: 'upki-ra-state';
  version: 2;
  generation: number;
  events: E[];
  secrets: Record<string, StoredSecret>;
  /** File id → its name under files/. */
  files: Record<string, string>;
}

/** A bulk upload of 1000 rows takes minutes on a slow machine: wait up to 30 minutes for the other process. */
const LOCK_WAIT_MS = 30 * 60_000;
/** A held lock is refreshed every LOCK_STALE_MS / 4; one not refreshed for this long belongs to a dead process. */
export const LOCK_STALE_MS = 60_000;
/** Unreferenced files and temporaries younger than this may belong to a commit in flight: left alone. */
export const ORPHAN_AGE_MS = 10 * 60_000;
/** How often a transaction is run again after losing the commit race before giving up. */
const MAX_ATTEMPTS = 5;

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

class CommitConflict extends Error {
  constructor() {
    super('another process committed first');
  }
}

interface Loaded<E extends StoredEvent> {
  snapshot: StoreSnapshot<E>;
  generation: number;
  diskNames: Map<string, string>;
}

function token(): string {
  return randomBytes(8).toString('hex');
}

/** Written whole, made durable, only then visible under its final name (by link or rename). */
async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function committed<E extends StoredEvent>(snapshot: StoreSnapshot<E>): Committed<E> {
  return { events: snapshot.events, secrets: snapshot.secrets, file: async (id) => snapshot.files[id], files: async () => snapshot.files };
}

/**
 * The state after a transaction, as a new value: the commit may lose the race (CommitConflict), and then the
 * loaded state must be as it was. (This store rewrites state.json whole at every commit, so the copy costs less
 * than the write: docs/ra-files.md.)
 */
function after<E extends StoredEvent>(base: StoreSnapshot<E>, changes: TxChanges<E>): StoreSnapshot<E> {
  const from = changes.replacement ?? base;
  return {
    events: from.events.concat(changes.events),
    secrets: { ...from.secrets, ...Object.fromEntries(changes.secrets.map((s) => [s.id, s])) },
    files: { ...from.files, ...Object.fromEntries(changes.files) },
  };
}

function parseState<E extends StoredEvent>(text: string, path: string): StateFile<E> {
  const raw = JSON.parse(text) as StateFile<E> | StateFileV1<E>;
  if (raw?.format !== 'upki-ra-state') throw new Error(`${path} is not an RA state file`);
  if (raw.version === 1) {
    const files = Object.fromEntries(raw.files.map((id) => [id, encodeURIComponent(id)]));
    return { format: raw.format, version: 2, generation: 0, events: raw.events, secrets: raw.secrets, files };
  }
  return raw;
}

export class DirectoryStore<E extends StoredEvent = RaEvent> implements Store<E> {
  private readonly lock = new Mutex();
  private cache: Loaded<E> | undefined;
  private cacheMtime = -1;
  private readonly snapshots = new SnapshotCache<E>();

  constructor(private readonly dir: string) {}

  static exists(dir: string): boolean {
    return existsSync(join(dir, 'state.json'));
  }

  private path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /** The committed state: state.json, rolled forward over any generation published but not yet renamed in. */
  private async load(): Promise<Loaded<E>> {
    const statePath = this.path('state.json');
    const mtime = existsSync(statePath) ? (await stat(statePath)).mtimeMs : 0;
    let state: StateFile<E> | undefined;
    if (!this.cache || this.cacheMtime !== mtime) {
      this.cacheMtime = mtime;
      this.cache = undefined;
      state = mtime === 0 ? undefined : parseState<E>(await readFile(statePath, 'utf8'), statePath);
    }
    let generation = state?.generation ?? this.cache?.generation ?? 0;
    // A process that won generation g+1 and died before its rename left the complete state in gen/<g+1>.json.
    while (existsSync(this.path('gen', `${generation + 1}.json`))) {
      const next = this.path('gen', `${generation + 1}.json`);
      state = parseState<E>(await readFile(next, 'utf8'), next);
      generation = state.generation;
    }
    if (!state) return this.cache ?? { snapshot: emptySnapshot<E>(), generation: 0, diskNames: new Map() };
    const files: Record<string, Uint8Array> = {};
    const diskNames = new Map<string, string>();
    for (const [id, name] of Object.entries(state.files)) {
      files[id] = new Uint8Array(await readFile(this.path('files', name)));
      diskNames.set(id, name);
    }
    this.cache = { snapshot: { events: state.events, secrets: state.secrets, files }, generation, diskNames };
    return this.cache;
  }

  /** Publish `after` as generation base+1, or throw CommitConflict when another process published it first. */
  private async persist(base: Loaded<E>, after: StoreSnapshot<E>): Promise<Loaded<E>> {
    const t = token();
    await mkdir(this.path('files'), { recursive: true, mode: DIR_MODE });
    await mkdir(this.path('gen'), { recursive: true, mode: DIR_MODE });
    const diskNames = new Map<string, string>();
    for (const [id, bytes] of Object.entries(after.files)) {
      const old = base.diskNames.get(id);
      if (old !== undefined && base.snapshot.files[id] === bytes) {
        diskNames.set(id, old);
        continue;
      }
      const name = `${t}.${encodeURIComponent(id)}`;
      await writeDurable(this.path('files', name), bytes);
      diskNames.set(id, name);
    }
    const generation = base.generation + 1;
    const state: StateFile<E> = {
      format: 'upki-ra-state',
      version: 2,
      generation,
      events: after.events,
      secrets: after.secrets,
      files: Object.fromEntries(diskNames),
    };
    const temp = this.path(`state.json.${t}.tmp`);
    await writeDurable(temp, JSON.stringify(state));
    try {
      await link(temp, this.path('gen', `${generation}.json`)); // the commit point: exclusive
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      for (const [id, name] of diskNames) if (name !== base.diskNames.get(id)) await rm(this.path('files', name), { force: true });
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CommitConflict();
      throw error;
    }
    await rename(temp, this.path('state.json'));
    await this.syncDir();
    this.cacheMtime = (await stat(this.path('state.json'))).mtimeMs;
    await this.collectGarbage(generation, new Set(diskNames.values()));
    return { snapshot: after, generation, diskNames };
  }

  /** Older generations, and files and temporaries nobody references that are too old to be a commit in flight. */
  private async collectGarbage(generation: number, referenced: ReadonlySet<string>): Promise<void> {
    for (const name of await readdir(this.path('gen'))) {
      const g = Number.parseInt(name, 10);
      // The previous generation stays: a reader that saw the old state.json may be rolling forward over it.
      if (Number.isInteger(g) && g < generation - 1) await rm(this.path('gen', name), { force: true });
    }
    const old = Date.now() - ORPHAN_AGE_MS;
    const isOld = async (p: string) => (await lstat(p).catch(() => undefined))?.mtimeMs ?? Infinity;
    for (const name of await readdir(this.path('files'))) {
      if (!referenced.has(name) && (await isOld(this.path('files', name))) < old) await rm(this.path('files', name), { force: true });
    }
    for (const name of await readdir(this.dir)) {
      if (name.startsWith('state.json.') && name.endsWith('.tmp') && (await isOld(this.path(name))) < old) await rm(this.path(name), { force: true });
    }
  }

  private async syncDir(): Promise<void> {
    try {
      const handle = await open(this.dir, 'r');
      await handle.sync().finally(() => handle.close());
    } catch {
      // Not every file system syncs a directory; the rename has happened either way.
    }
  }

  /** Exclusive across processes (mostly: see the file comment); `fn` learns whether the lock was lost meanwhile. */
  private async withFileLock<T>(fn: (lost: () => boolean) => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
    let compromised = false;
    const release = await lockfile.lock(this.dir, {
      lockfilePath: this.path('.lockdir'),
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 4,
      retries: { retries: Math.ceil(LOCK_WAIT_MS / 1000), minTimeout: 50, maxTimeout: 1000, factor: 1.5 },
      // Someone broke our lock: finish nothing on its strength (the commit's generation check decides).
      onCompromised: () => {
        compromised = true;
      },
    });
    try {
      return await fn(() => compromised);
    } finally {
      // Releasing a compromised lock would remove the other process's: proper-lockfile refuses, and so do we.
      if (!compromised) await release().catch(() => undefined);
    }
  }

  transaction<T>(fn: (tx: StoreTx<E>) => Promise<T>): Promise<T> {
    return this.lock.run(() =>
      this.withFileLock(async (lost) => {
        for (let attempt = 1; ; attempt++) {
          const base = await this.load();
          const tx = new BufferedTx<E>(committed(base.snapshot));
          const value = await fn(tx);
          if (!tx.hasChanges()) return value;
          try {
            if (lost()) throw new CommitConflict();
            this.cache = await this.persist(base, after(base.snapshot, tx.changes()));
            return value;
          } catch (error) {
            if (!(error instanceof CommitConflict) || attempt >= MAX_ATTEMPTS) throw error;
            this.cache = undefined; // run again on what the other process committed
          }
        }
      }),
    );
  }

  read<T>(fn: (view: ReadView<E>) => T | Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      const loaded = await this.load();
      const view = committed(loaded.snapshot);
      return fn(readView(view, () => this.snapshots.get(loaded, view)));
    });
  }

  /**
   * DIR/kwk.key, made on first use. Published by link() from a complete temporary file: two `ra init` at once
   * both end up with the one key that won, never with a half-written one.
   */
  async keyWrappingKey(): Promise<CryptoKey> {
    const path = this.path('kwk.key');
    if (!existsSync(path)) {
      await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      const temp = this.path(`kwk.key.${token()}.tmp`);
      await writeDurable(temp, globalThis.crypto.getRandomValues(new Uint8Array(32)));
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        await unlink(temp).catch(() => undefined);
      }
    }
    const raw = new Uint8Array(await readFile(path));
    if (raw.length !== 32) throw new Error(`${path} is not a 32-byte key`);
    return globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }
}
