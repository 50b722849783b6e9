// Scale of the simulated RA: a store holding N certificates (synthetic 'application-accepted' + 'issued' events
// cloned from a real issuance, so the log has the shape the engine writes), then: open the engine, one list page,
// a search, a 99-row server upload (99 real CSRs) against the same upload on an empty store, and a CRL of M entries.
import { RaEngine } from '../src/ra/engine';
import { RaService } from '../src/workers/ra-service';
import { MemoryStore } from '../src/ra/store/memory-store';
import { synthetic } from './lib/ra-synthetic';
import { launch } from './lib/browser';
import { buildBenchPage } from './lib/browser-page';
import { serve } from './lib/server';
import { CRL_NEXT_UPDATE_DAYS } from '../src/ra/ca/authority';
import { makeServerCsr, serverIssueRow, tsvBytes } from '../src/tsv/fixtures';
import { clientRows, O } from './lib/files';
import type { Report } from './lib/report';

const PAGE = 50;

export async function benchRaScale(r: Report, certificates: number, revoked: number): Promise<void> {
  const server99 = await serverFile(99);
  const store = new MemoryStore();
  let engine = await RaEngine.open(store);
  const seed = await engine.upload({ bytes: tsvBytes(clientRows(1).map((row) => { row[2] = '1'; return row; })), fileName: 'seed.tsv', kind: 'client-issue', mode: 'abort', p12Format: 'modern' });
  if (!seed.ok) throw new Error('seed upload refused');

  // The 99-row upload on an (almost) empty store first.
  const empty = await timed(() => engine.upload({ bytes: server99, fileName: 'servers.tsv', kind: 'server-issue', mode: 'abort', p12Format: 'modern' }));
  if (!empty.value.ok) throw new Error(`99-row server upload refused: ${JSON.stringify(empty.value.fileErrors.concat(empty.value.records.flatMap((x) => x.errors)).slice(0, 3))}`);
  r.add('99-row server upload, empty store', empty.ms, 'ms');

  await store.transaction(async (tx) => {
    const more = synthetic(tx.events(), certificates, revoked);
    for (let i = 0; i < more.length; i += 10_000) tx.append(...more.slice(i, i + 10_000)); // spread has a stack limit
  });
  const events = await engine.events();
  r.add(`store: certificates (${revoked} revoked)`, certificates, 'certs', `${events.length} events`);

  const open = await timed(() => RaEngine.open(store));
  engine = open.value;
  r.add(`open the engine on ${certificates} certificates`, open.ms, 'ms');
  r.budget(`RA open with ${certificates} certificates`, open.ms, 2000, 'ms');

  // What the RA page asks its worker for: one page of certificates (newest first), a search, and the view
  // (counts, mails, institutions, CRLs — no certificate rows).
  const service = new RaService(async () => store, async () => engine);
  const page = await timed(() => service.certificatePage({ page: 0, pageSize: PAGE }));
  r.add(`list page (newest ${PAGE} certificates)`, page.ms, 'ms', `${page.value.total} in all`);
  r.budget('RA list page', page.ms, 100, 'ms');
  const search = await timed(() => service.certificatePage({ filter: `CN=USER ${Math.floor(certificates * 0.777)},`, page: 0, pageSize: PAGE }));
  r.add('search by CN', search.ms, 'ms', `${search.value.total} found`);
  r.budget('RA search', search.ms, 100, 'ms');
  const view = await timed(() => service.view());
  r.add('the RA page\'s view from the worker (counts, mails; certificates come by page)', view.ms, 'ms', `${view.value.certificateCounts.client + view.value.certificateCounts.server} certificates`);

  const second99 = await serverFile(99, 'b');
  const full = await timed(() => engine.upload({ bytes: second99, fileName: 'servers2.tsv', kind: 'server-issue', mode: 'abort', p12Format: 'modern' }));
  if (!full.value.ok) throw new Error('99-row server upload refused on the full store');
  r.add(`99-row server upload, ${certificates} certificates`, full.ms, 'ms');
  r.add('upload full ÷ empty store', full.ms / empty.ms, '×');
  r.budget('RA 99-row upload, full ÷ empty store', full.ms / empty.ms, 1.2, '×');

  const crl = await timed(() => engine.advanceClock(CRL_NEXT_UPDATE_DAYS + 1));
  r.add(`clock advance: CRLs republished, one with ${revoked} entries`, crl.ms, 'ms', `${crl.value.crls} CRLs`);
  r.budget(`CRL of ${revoked} entries`, crl.ms, 1000, 'ms');

  await benchIdbOpen(r, certificates, revoked);
}

/** The page's path: the same log in Chromium's IndexedDB, opened by a fresh store (as after a reload). */
async function benchIdbOpen(r: Report, certificates: number, revoked: number): Promise<void> {
  const server = await serve({ '/__bench/': await buildBenchPage() });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/__bench/`);
    await page.waitForFunction(() => 'bench' in window);
    type IdbOpen = { opened: string | undefined; restMs: number; snapshotReadMs: number; openMs: number; readMs: number; listMs: number; commitMs: number; snapshotMs: number; auditMs: number; events: number; megabytes: number; chunks: number; getAllMs: number; parseMs: number };
    const res = await page.evaluate(
      ([n, k]) => (window as unknown as { bench: { raIdbOpen(n: number, k: number): Promise<IdbOpen> } }).bench.raIdbOpen(n, k),
      [certificates, revoked] as const,
    );
    r.add(`Chromium IndexedDB: open the engine on ${certificates} certificates (projection snapshot + the log's tail)`, res.openMs, 'ms', `${res.events} events, opened from the ${res.opened}`);
    r.add('Chromium IndexedDB: of which reading the snapshot and the tail', res.readMs, 'ms', `the log: ${res.chunks} chunks, ${res.megabytes.toFixed(0)} MB of JSON`);
    r.add('Chromium IndexedDB: the snapshot alone (one get, a connection of its own)', res.snapshotReadMs, 'ms');
    r.add('Chromium IndexedDB: the whole state ready (the rest — DER, applications — joined) after the open', res.restMs, 'ms');
    r.add('Chromium IndexedDB: writing the projection snapshot (queued after the big commit)', res.snapshotMs, 'ms');
    r.add('Chromium IndexedDB: the audit trail\'s last 200 events after the open', res.auditMs, 'ms');
    r.add('Chromium IndexedDB: the log\'s chunks alone: getAll (a connection of its own)', res.getAllMs, 'ms');
    r.add('Chromium IndexedDB: the log\'s chunks alone: JSON.parse', res.parseMs, 'ms');
    r.budget(`RA open on IndexedDB with ${certificates} certificates`, res.openMs, 2000, 'ms');
    r.add('Chromium IndexedDB: list page after the open', res.listMs, 'ms');
    r.add('Chromium IndexedDB: one small change committed (one event)', res.commitMs, 'ms');
  } finally {
    await browser.close();
    await server.close();
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function serverFile(n: number, prefix = 'a'): Promise<Uint8Array> {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const cn = `${prefix}${i}.example.ac.jp`;
    const dn = `CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const profile = i % 2 ? '11' : '3';
    rows.push(serverIssueRow({ dn, profile, fqdn: cn, csr: (await makeServerCsr({ profile, dn })).oneLine, adminMail: 'admin@example.ac.jp' }));
  }
  return tsvBytes(rows);
}
