// The simulated browser certificate store: the certificates (and PIN-protected P12s) a person has
// "installed in the browser", shared by the UPKI RA operator login and the JPNIC manager/applicant logins.
// It only remembers what was installed; whether a certificate may log in (revoked, expired, deleted
// account, wrong service) is each service engine's decision, not the store's.
import { idbRequest, idbTransactionDone } from '../store/idb';

export type BrowserCertService = 'upki' | 'jpnic';

export interface BrowserCert {
  /** Stable id in the store. */
  id: string;
  /** Which simulated service issued it. */
  service: BrowserCertService;
  /** Who holds it in the simulation (role/user id, e.g. 'ra-operator:1', 'jpnic-applicant:AB123'). */
  owner: string;
  /** What the browser's certificate picker shows (CN, issuer, dates). */
  label: string;
  /** The certificate (DER). */
  certificateDer: Uint8Array;
  /** Optional PKCS#12 (key + chain) protected by the PIN/passphrase the person chose; never a bare key. */
  p12?: Uint8Array;
  /** ISO time of the simulated clock when it was added. */
  addedAt: string;
}

export interface BrowserCertFilter {
  service?: BrowserCertService;
  owner?: string;
}

export interface BrowserStore {
  list(filter?: BrowserCertFilter): Promise<BrowserCert[]>;
  add(cert: Omit<BrowserCert, 'id' | 'addedAt'>, at: string): Promise<BrowserCert>;
  remove(id: string): Promise<void>;
}

function matches(cert: BrowserCert, filter: BrowserCertFilter | undefined): boolean {
  return (!filter?.service || cert.service === filter.service) && (!filter?.owner || cert.owner === filter.owner);
}

/** Oldest first (the order a browser's picker would list them in), ties by id so the order is stable. */
function byAddedAt(a: BrowserCert, b: BrowserCert): number {
  return a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function newCert(cert: Omit<BrowserCert, 'id' | 'addedAt'>, at: string): BrowserCert {
  // Copies: the caller's buffers may be reused or transferred after `add` returns.
  return {
    id: globalThis.crypto.randomUUID(),
    service: cert.service,
    owner: cert.owner,
    label: cert.label,
    certificateDer: new Uint8Array(cert.certificateDer),
    ...(cert.p12 ? { p12: new Uint8Array(cert.p12) } : {}),
    addedAt: at,
  };
}

/** In-memory store: tests, the CLI's one-shot runs, and a page without IndexedDB. */
export function memoryBrowserStore(initial: readonly BrowserCert[] = []): BrowserStore {
  const certs = new Map(initial.map((c) => [c.id, c]));
  return {
    list: async (filter) => [...certs.values()].filter((c) => matches(c, filter)).sort(byAddedAt),
    add: async (cert, at) => {
      const added = newCert(cert, at);
      certs.set(added.id, added);
      return added;
    },
    remove: async (id) => {
      certs.delete(id);
    },
  };
}

const OBJECT_STORE = 'certs';

/**
 * IndexedDB persistence (database `dbName`, version 1, object store `certs` keyed by `id`). Each call is one
 * IndexedDB transaction, so another tab sees an installed certificate at its next `list`.
 * `factory` is for tests (fake-indexeddb); the page uses the global one.
 */
export function idbBrowserStore(dbName = 'upki-browser-store', factory: IDBFactory = globalThis.indexedDB): BrowserStore {
  let opened: Promise<IDBDatabase> | undefined;
  const db = (): Promise<IDBDatabase> => {
    opened ??= (() => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(OBJECT_STORE)) req.result.createObjectStore(OBJECT_STORE, { keyPath: 'id' });
      };
      return idbRequest(req);
    })();
    return opened;
  };
  return {
    list: async (filter) => {
      const tx = (await db()).transaction(OBJECT_STORE, 'readonly');
      const all = await idbRequest(tx.objectStore(OBJECT_STORE).getAll() as IDBRequest<BrowserCert[]>);
      return all
        .map((c) => ({ ...c, certificateDer: new Uint8Array(c.certificateDer), ...(c.p12 ? { p12: new Uint8Array(c.p12) } : {}) }))
        .filter((c) => matches(c, filter))
        .sort(byAddedAt);
    },
    add: async (cert, at) => {
      const added = newCert(cert, at);
      const tx = (await db()).transaction(OBJECT_STORE, 'readwrite');
      const finished = idbTransactionDone(tx);
      tx.objectStore(OBJECT_STORE).add(added);
      await finished;
      return added;
    },
    remove: async (id) => {
      const tx = (await db()).transaction(OBJECT_STORE, 'readwrite');
      const finished = idbTransactionDone(tx);
      tx.objectStore(OBJECT_STORE).delete(id);
      await finished;
    },
  };
}
