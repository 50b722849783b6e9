// The IndexedDB store's projection snapshot (fake-indexeddb): written after enough events and used to open (only the
// log's tail is folded), refused when crafted, stale or damaged (then the full replay gives the same state), written
// for a store of the previous layout, never written by a page another tab overtook; the log's readers (bounded
// reads, backups, the audit export) answer as they did from the whole log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { RaEvent } from '../events';
import { clientIssueRows } from '../../tsv/fixtures';
import { openTestEngine, upload } from '../ra.testkit';
import { replayState } from '../state';
import { openRaStore, RA_PROJECTION } from '../state-snapshot';
import { synthetic } from '../../../bench/lib/ra-synthetic';
import { IndexedDbStore } from './idb-store';
import { putSnapshotIfCurrent, type ProjectionSnapshot } from './idb-snapshot';
import type { LogHead } from './idb-chunks';

beforeEach(() => vi.stubGlobal('IDBKeyRange', IDBKeyRange));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const EVERY = 500;

function raw(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function meta<T>(factory: IDBFactory, key: string): Promise<T | undefined> {
  const db = await raw(factory, 'upki-ra');
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const req = db.transaction('meta', 'readonly').objectStore('meta').get(key);
      req.onsuccess = () => resolve(req.result as T | undefined);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

async function putMeta(factory: IDBFactory, key: string, value: unknown): Promise<void> {
  const db = await raw(factory, 'upki-ra');
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
  db.close();
}

/** An RA with two real issuances and 400 cloned ones (≈ 800 more events, many chunks), in `store`. */
async function grown(store: IndexedDbStore<RaEvent>): Promise<void> {
  const engine = await openTestEngine(store);
  expect((await upload(engine, 'client-issue', clientIssueRows(2, { method: '2' }))).ok).toBe(true);
  await store.transaction(async (tx) => tx.append(...synthetic(tx.events(), 400, 50)));
  await store.settled();
}

/** The events each fold call folded, while `fn` runs. */
async function folded(fn: () => Promise<unknown>): Promise<number[]> {
  const fold = vi.spyOn(RA_PROJECTION, 'fold');
  await fn();
  const counts = fold.mock.calls.map(([, events]) => events.length);
  fold.mockRestore();
  return counts;
}

/** The state and log of a plain store (no projection: every open reads and folds the whole log). */
async function truth(factory: IDBFactory) {
  const plain = await IndexedDbStore.open<RaEvent>(factory, 'upki-ra');
  const events = await plain.read((v) => v.events());
  return { events, state: replayState(events), snapshot: await plain.read((v) => v.snapshot()) };
}

describe('IndexedDB store: projection snapshot', () => {
  it('is written after enough events and opens the store: only the tail is folded, the state is the replay\'s', async () => {
    const factory = new IDBFactory();
    const store = await openRaStore(factory, undefined, { snapshotEvery: EVERY });
    await grown(store);
    const head = (await meta<LogHead>(factory, 'head'))!;
    const snap = (await meta<ProjectionSnapshot>(factory, 'projection'))!;
    expect(snap).toMatchObject({ tag: RA_PROJECTION.tag, epoch: head.epoch, lastSeq: head.lastSeq, events: head.events });
    // A few events after the snapshot: too few for another one.
    const engine = await openTestEngine(store);
    await engine.updateAdministrator('admin@example.ac.jp', { name: '管理者', mail: 'admin2@example.ac.jp' });
    await store.settled();
    expect((await meta<ProjectionSnapshot>(factory, 'projection'))!.lastSeq).toBe(snap.lastSeq);

    let reopened: Awaited<ReturnType<typeof openTestEngine>> | undefined;
    const counts = await folded(async () => (reopened = await openTestEngine(await openRaStore(factory, undefined, { snapshotEvery: EVERY }))));
    const { events, state } = await truth(factory);
    expect(counts).toEqual([events.length - snap.events]); // the tail alone, once
    expect(await reopened!.state()).toEqual(state);
    expect(await reopened!.lastSeq()).toBe(events[events.length - 1].seq);
  });

  it('answers the log\'s readers as the whole log does: bounded reads, backups and the audit export', async () => {
    const factory = new IDBFactory();
    await grown(await openRaStore(factory, undefined, { snapshotEvery: EVERY }));
    const { events, snapshot } = await truth(factory);
    const store = await openRaStore(factory, undefined, { snapshotEvery: EVERY });
    const engine = await openTestEngine(store);
    expect(await engine.eventsSince(0, 10)).toEqual(events.slice(0, 10));
    expect(await engine.eventsSince(123, 300)).toEqual(events.slice(123, 423));
    expect(await engine.eventsSince(events.length - 5, 100)).toEqual(events.slice(-5));
    expect(await engine.eventsSince(events.length, 100)).toEqual([]);
    expect(await engine.lastEvents(250)).toEqual(events.slice(-250));
    expect(await engine.lastEvents(events.length + 9)).toEqual(events);
    // Read without the log so far: the full readers read it now, and get what a store that replayed gets.
    expect(await engine.events()).toEqual(events);
    expect(await store.read((v) => v.snapshot())).toEqual(snapshot);
    // A commit after the log was read grows it and the projection alike.
    await engine.updateAdministrator('admin@example.ac.jp', { name: '管理者', mail: 'admin3@example.ac.jp' });
    const after = await truth(factory);
    expect(await engine.events()).toEqual(after.events);
    expect(await engine.state()).toEqual(after.state);
  });

  type Craft = (s: ProjectionSnapshot, head: LogHead) => unknown;
  /** The snapshot with its state's JSON changed by `fn`. */
  const edit = (fn: (plain: Record<string, unknown>) => unknown): Craft => (s) => {
    const plain = JSON.parse(s.state as string) as Record<string, unknown>;
    fn(plain);
    return { ...s, state: JSON.stringify(plain) };
  };
  const crafted: [string, Craft][] = [
    ['another fold\'s tag', (s) => ({ ...s, tag: 'ra-state/0/00000000' })],
    ['another epoch (a log since replaced)', (s) => ({ ...s, epoch: 'ffffffffffffffff' })],
    ['a last seq past the log', (s, h) => ({ ...s, lastSeq: h.lastSeq + 1 })],
    ['an event count that does not add up', (s) => ({ ...s, events: s.events - 1 })],
    ['a chunk key that is not the one holding the last seq', (s) => ({ ...s, chunkFirst: s.chunkFirst + 1 })],
    ['the state of another seq', edit((p) => (p.lastSeq = 3))],
    ['a certificate under another serial', edit((p) => ((p.certificates as [string, object][])[0][1] = { serialHex: 'ff' }))],
    ['a token under another key', edit((p) => ((p.tokens as [string, { token: string }][])[0][0] = 'other'))],
    ['the certificates as a plain object', edit((p) => (p.certificates = {}))],
    ['an entry that is not a pair', edit((p) => (p.tokens = [1]))],
    ['a missing index', edit((p) => (p.index = {}))],
    ['text that is not JSON', (s) => ({ ...s, state: (s.state as string).slice(0, -2) })],
    ['not a snapshot at all', () => 'x'],
  ];

  it.each(crafted)('%s: not used — the whole log is replayed to the same state, and a good snapshot written', async (_name, craft) => {
    const factory = new IDBFactory();
    await grown(await openRaStore(factory, undefined, { snapshotEvery: EVERY }));
    const good = (await meta<ProjectionSnapshot>(factory, 'projection'))!;
    const head = (await meta<LogHead>(factory, 'head'))!;
    await putMeta(factory, 'projection', craft(good, head));
    const { events, state } = await truth(factory);
    const store = await openRaStore(factory, undefined, { snapshotEvery: EVERY });
    let engine: Awaited<ReturnType<typeof openTestEngine>> | undefined;
    const counts = await folded(async () => (engine = await openTestEngine(store)));
    expect(counts).toEqual([events.length]);
    expect(await engine!.state()).toEqual(state);
    await store.settled();
    expect(await meta<ProjectionSnapshot>(factory, 'projection')).toEqual(good);
  });

  it('opens without the certificates\' DER (lists need none); the first reader that needs it gets the same bytes', async () => {
    const factory = new IDBFactory();
    await grown(await openRaStore(factory, undefined, { snapshotEvery: EVERY }));
    const rest = await meta<{ rest: { der: string } }>(factory, 'projection-rest');
    expect(rest?.rest.der.length).toBeGreaterThan(400 * 1000);
    const { state } = await truth(factory);
    const engine = await openTestEngine(await openRaStore(factory));
    const lean = await engine.listState();
    expect([...lean.certificates.keys()]).toEqual([...state.certificates.keys()]);
    expect([...lean.certificates.values()].every((c) => c.certDerB64 === undefined && c.spkiSha256 === undefined)).toBe(true);
    expect([...lean.applications.values()].map((a) => Object.keys(a).sort().join())).toEqual([...state.applications.values()].map(() => 'dn,id,p12Name'));
    const full = await engine.state();
    for (const [serial, cert] of state.certificates) expect(full.certificates.get(serial)!.certDerB64).toBe(cert.certDerB64);
    expect(full).toEqual(state);
  });

  type Rest = { epoch: string; rest: { serials: string[]; lengths: Uint32Array; der: string; spki: string[]; applications: string } };
  it.each([
    ['missing', () => undefined],
    ['of another snapshot', (r: Rest) => ({ ...r, epoch: 'ffffffffffffffff' })],
    ['one certificate short', (r: Rest) => ({ ...r, rest: { ...r.rest, serials: r.rest.serials.slice(1), lengths: r.rest.lengths.slice(1), spki: r.rest.spki.slice(1), der: r.rest.der.slice(r.rest.lengths[0]) } })],
    ['a serial twice', (r: Rest) => ({ ...r, rest: { ...r.rest, serials: [r.rest.serials[1], ...r.rest.serials.slice(1)] } })],
    ['lengths that do not add up', (r: Rest) => ({ ...r, rest: { ...r.rest, der: 'x' } })],
    ['an application short', (r: Rest) => ({ ...r, rest: { ...r.rest, applications: JSON.stringify((JSON.parse(r.rest.applications) as unknown[]).slice(1)) } })],
    ['applications that are not JSON', (r: Rest) => ({ ...r, rest: { ...r.rest, applications: '[' } })],
  ])('the rest record %s: the whole log is replayed, to the same state', async (_name, craft) => {
    const factory = new IDBFactory();
    await grown(await openRaStore(factory, undefined, { snapshotEvery: EVERY }));
    const rest = await meta<Rest>(factory, 'projection-rest');
    await putMeta(factory, 'projection-rest', craft(rest!));
    const { events, state } = await truth(factory);
    const engine = await openTestEngine(await openRaStore(factory));
    expect(await folded(() => engine.state())).toEqual([events.length]);
    expect(await engine.state()).toEqual(state);
  });

  it('a store written by the previous layout (no snapshot) replays once, then writes its snapshot and opens from it', async () => {
    const factory = new IDBFactory();
    await grown(await IndexedDbStore.open<RaEvent>(factory, 'upki-ra'));
    expect(await meta(factory, 'projection')).toBeUndefined();
    const { events, state } = await truth(factory);
    const first = await openRaStore(factory, undefined, { snapshotEvery: EVERY });
    let engine: Awaited<ReturnType<typeof openTestEngine>> | undefined;
    expect(await folded(async () => (engine = await openTestEngine(first)))).toEqual([events.length]);
    expect(await engine!.state()).toEqual(state);
    await first.settled();
    expect((await meta<ProjectionSnapshot>(factory, 'projection'))?.lastSeq).toBe(events[events.length - 1].seq);
    expect(await folded(async () => (engine = await openTestEngine(await openRaStore(factory))))).toEqual([0]);
    expect(await engine!.state()).toEqual(state);
  });

  it('a page opened from the snapshot folds another tab\'s events into the whole state, never the lean one', async () => {
    const factory = new IDBFactory();
    await grown(await openRaStore(factory, undefined, { snapshotEvery: EVERY }));
    const a = await openTestEngine(await openRaStore(factory));
    expect([...(await a.listState()).certificates.values()][0].certDerB64).toBeUndefined();
    const b = await openTestEngine(await openRaStore(factory));
    await b.updateAdministrator('admin@example.ac.jp', { name: '管理者', mail: 'admin5@example.ac.jp' });
    const seen = await a.listState(); // another tab committed: A joins the rest, then folds B's event
    const { state } = await truth(factory);
    expect(seen).toEqual(state);
    expect([...seen.institutions.values()].some((i) => i.admins.some((m) => m.mail === 'admin5@example.ac.jp'))).toBe(true);
    expect([...seen.certificates.values()].every((c) => c.certDerB64 !== '')).toBe(true);
  });

  it('a page that another tab overtook writes no snapshot; a reset drops the old one', async () => {
    const factory = new IDBFactory();
    const a = await openRaStore(factory, undefined, { snapshotEvery: EVERY });
    await grown(a);
    const stale = (await meta<LogHead>(factory, 'head'))!;
    const before = await meta<ProjectionSnapshot>(factory, 'projection');
    const b = await openTestEngine(await openRaStore(factory));
    await b.updateAdministrator('admin@example.ac.jp', { name: '管理者', mail: 'admin4@example.ac.jp' });
    const db = await raw(factory, 'upki-ra');
    const written = await putSnapshotIfCurrent(db, stale, () => ({ snapshot: { ...before!, state: 'from the page that lost' } }));
    db.close();
    expect(written).toBe(false);
    expect(await meta(factory, 'projection')).toEqual(before);
    await b.reset();
    const after = await meta<ProjectionSnapshot>(factory, 'projection');
    expect(after === undefined || after.epoch !== before!.epoch).toBe(true);
    // A's cached state is of the replaced log: it reads the new one, and still equals the replay.
    const { state } = await truth(factory);
    expect(await (await openTestEngine(a)).state()).toEqual(state);
  });
});
