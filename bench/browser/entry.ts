// The app's own code, bundled for a plain bench page in Chromium (bench/lib/browser-page.ts): key + CSR,
// validation, and raw RSA key generation for the two-core measurement. Exposed on window.bench.
import 'reflect-metadata';
import { makeKeyAndCsr } from '../../src/pki/keys';
import { validateFile } from '../../src/tsv';
import type { KindId } from '../../src/spec/types';
import { RaEngine } from '../../src/ra/engine';
import { openRaStore } from '../../src/ra/state-snapshot';
import { idbRequest } from '../../src/store/idb';
import { tsvBytes } from '../../src/tsv/fixtures';
import { certificatePage } from '../../src/workers/ra-lists';
import { clientRows } from '../lib/files';
import { synthetic } from '../lib/ra-synthetic';
import { keygenPort } from '../../src/ui/ra/keygen-frame';
import { remoteKeyGenerator } from '../../src/workers/remote-keygen';

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

async function keyCsr(profile: '3' | '11', runs: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await makeKeyAndCsr({ profile, subject: { cn: `www${i}.example.ac.jp`, o: 'Example University', st: 'Tokyo', l: 'Chiyoda-ku' }, passphrase: null });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  return (performance.now() - t0) / runs;
}

/** `count` RSA 2048 keys, `parallel` at a time; ms per key. */
async function rsaKeys(count: number, parallel: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next++ < count) await crypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
  }));
  return (performance.now() - t0) / count;
}

/** Median ms of validating the bytes (after a warm-up), and whether the file was valid. */
async function validate(bytes: number[] | Uint8Array, kind: KindId, runs: number): Promise<{ ms: number; ok: boolean; longTasks: number }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const first = await validateFile(data, kind);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await validateFile(data, kind);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], ok: first.ok, longTasks: 0 };
}

async function validateBase64(b64: string, kind: KindId, runs: number) {
  return validate(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), kind, runs);
}

/**
 * The RA on this page's IndexedDB with `count` certificates: the log is written once, then a fresh store (no cache,
 * as after a reload) opens the engine — IndexedDB read and the projection's replay — and lists the newest page.
 */
async function raIdbOpen(count: number, revoked: number): Promise<{ opened: string | undefined; snapshotReadMs: number; restMs: number; openMs: number; readMs: number; listMs: number; commitMs: number; snapshotMs: number; auditMs: number; events: number; megabytes: number; chunks: number; getAllMs: number; parseMs: number }> {
  const name = `bench-ra-${Date.now()}`;
  try {
    const store = await openRaStore(indexedDB, name);
    const engine = await RaEngine.open(store);
    const rows = clientRows(1).map((row) => ((row[2] = '1'), row));
    const seed = await engine.upload({ bytes: tsvBytes(rows), fileName: 'seed.tsv', kind: 'client-issue', mode: 'abort', p12Format: 'modern' });
    if (!seed.ok) throw new Error('seed upload refused');
    await store.transaction(async (tx) => {
      const more = synthetic(tx.events(), count, revoked);
      for (let i = 0; i < more.length; i += 10_000) tx.append(...more.slice(i, i + 10_000));
    });
    // The projection snapshot the big commit queued: written before the page is "reloaded" (as it would be).
    const ts = performance.now();
    await store.settled();
    const snapshotMs = performance.now() - ts;
    const t0 = performance.now();
    const fresh = await openRaStore(indexedDB, name);
    await fresh.read((view) => view.projected(), { log: false, complete: false }); // as the engine opens: snapshot + the log's tail
    const readMs = performance.now() - t0;
    const opened = fresh.opened;
    const reopened = await RaEngine.open(fresh);
    const openMs = performance.now() - t0;
    const t1 = performance.now();
    certificatePage(await reopened.listState(), { page: 0, pageSize: 50 });
    const listMs = performance.now() - t1;
    const ta = performance.now();
    await reopened.lastEvents(200); // the RA page's audit trail: the last chunks only
    const auditMs = performance.now() - ta;
    // The first reader that needs the whole state (a download, an upload) waits for the rest read since the open.
    const tr = performance.now();
    await reopened.state();
    const restMs = performance.now() - tr;
    // One small change on the large store (one event): what a click on the RA page costs to commit.
    const t2 = performance.now();
    await reopened.updateAdministrator('admin@example.ac.jp', { name: '管理者', mail: 'admin2@example.ac.jp' });
    const commitMs = performance.now() - t2;
    // After the open, so that the open reads as after a reload (nothing of the log read before it in this page).
    const { getAllMs, parseMs } = await rawRead(name);
    const { megabytes, chunks } = await chunkSizes(name);
    const snapshotReadMs = await rawSnapshotRead(name);
    return { opened, snapshotReadMs, restMs, openMs, readMs, listMs, commitMs, snapshotMs, auditMs, events: (await reopened.state()).lastSeq, megabytes, chunks, getAllMs, parseMs };
  } finally {
    indexedDB.deleteDatabase(name);
  }
}

/** Where reading the log goes: IndexedDB's getAll of the chunks, then JSON.parse of their texts (a separate connection). */
async function rawRead(name: string): Promise<{ getAllMs: number; parseMs: number }> {
  const t0 = performance.now();
  const db = await idbRequest(indexedDB.open(name));
  try {
    const records = (await idbRequest(db.transaction('chunks', 'readonly').objectStore('chunks').getAll())) as { json: string }[];
    const t1 = performance.now();
    let n = 0;
    for (const r of records) n += (JSON.parse(r.json) as unknown[]).length;
    if (n === 0) throw new Error('no events');
    return { getAllMs: t1 - t0, parseMs: performance.now() - t1 };
  } finally {
    db.close();
  }
}

/** The projection snapshot alone (meta 'projection', without the DER): one get on a connection of its own. */
async function rawSnapshotRead(name: string): Promise<number> {
  const db = await idbRequest(indexedDB.open(name));
  try {
    const t0 = performance.now();
    await idbRequest(db.transaction('meta', 'readonly').objectStore('meta').get('projection'));
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

/** The stored log's size: its chunks' JSON text (idb-chunks.ts). */
async function chunkSizes(name: string): Promise<{ megabytes: number; chunks: number }> {
  const db = await idbRequest(indexedDB.open(name));
  try {
    const records = (await idbRequest(db.transaction('chunks', 'readonly').objectStore('chunks').getAll())) as { json: string }[];
    return { megabytes: records.reduce((n, r) => n + r.json.length, 0) / 1e6, chunks: records.length };
  } finally {
    db.close();
  }
}

(window as unknown as { bench: unknown }).bench = { keyCsr, rsaKeys, validateBase64, raIdbOpen, helperKeys };

// The RA page's key helper (src/ui/ra/keygen-frame.ts): a sandboxed frame in a renderer process of its own.

/** `count` RSA 2048 keys, half in this page and half in the key helper frame at the same time; ms per key. */
async function helperKeys(count: number): Promise<number> {
  const port = await keygenPort();
  if (!port) throw new Error('no key helper frame');
  const helper = remoteKeyGenerator(port, 1);
  await helper.generate(); // warm-up (the frame's first key)
  const t0 = performance.now();
  await Promise.all([
    (async () => {
      for (let i = 0; i < count / 2; i++) await helper.generate();
    })(),
    rsaKeys(count / 2, 1),
  ]);
  return (performance.now() - t0) / count;
}

