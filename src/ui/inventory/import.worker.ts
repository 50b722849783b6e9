// The inventory import off the main thread: files read (lists decoded, certificates parsed), merged onto the
// stored rows, the rows sent to the page in slices, then the store rewritten in one transaction. Cancel (before
// the rows are sent) = the page terminates this worker; the store is untouched until the very end, and an
// unfinished transaction is aborted, so it holds either the previous rows or the new ones, never a part.
// reflect-metadata first: certificates go through @peculiar/x509 when the fast reader declines them.
import 'reflect-metadata';
import { byExpiry, mergeRecords, readDropped, summarize, viewIndex, withCertificateFacts, withStatus, type InventoryEntry, type ReadResult } from '../../inventory';
import { loadInventory, saveInventory } from './inventory-db';
import { rowSlices, toColumns, type FromWorker, type Timings, type ToWorker } from './import-protocol';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
const post = (m: FromWorker) => scope.postMessage(m);
let pinAnswer: ((pin: string | null) => void) | undefined;

function askPin(name: string): Promise<string | null> {
  return new Promise((resolve) => {
    pinAnswer = resolve;
    post({ type: 'pin', name });
  });
}

async function stored(): Promise<InventoryEntry[]> {
  try {
    return await loadInventory();
  } catch {
    return []; // no IndexedDB (private mode): the page still works, and says the rows were not kept
  }
}

/**
 * The rows in the table's default order, in slices with their search text and domain (the first a screen's worth),
 * then the summary (timeline, domains, warnings): the page takes the rows while this computes it.
 */
function sendRows(entries: readonly InventoryEntry[], asOf: Date, lap: (k: keyof Timings) => void): void {
  post({ type: 'progress', phase: 'showing', done: 0, total: entries.length });
  const ordered = byExpiry(entries);
  for (const [start, end] of rowSlices(ordered.length)) {
    const slice = ordered.slice(start, end);
    post({ type: 'rows', slice: toColumns(slice, viewIndex(slice)), total: ordered.length });
  }
  lap('send');
  post({ type: 'summary', summary: summarize(ordered, asOf) });
  lap('summary');
}

async function run(m: Exclude<ToWorker, { type: 'pin' }>): Promise<void> {
  const asOf = new Date(m.asOf);
  const timings: Timings = {};
  let t = performance.now();
  const lap = (k: keyof Timings) => {
    const now = performance.now();
    timings[k] = Math.round(now - t);
    t = now;
  };
  if (m.type === 'load') {
    const rows = withStatus(await stored(), asOf);
    lap('files');
    sendRows(rows, asOf, lap);
    post({ type: 'shown', results: [], total: rows.length, timings });
    post({ type: 'saved', timings });
    return;
  }
  post({ type: 'progress', phase: 'reading' });
  // The stored rows are read while the files are: both wait on I/O.
  const [files, existing] = await Promise.all([Promise.all(m.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) }))), stored()]);
  lap('files');
  const results: ReadResult[] = [];
  for (const f of files) results.push(...(await readDropped(f, { askPin })));
  lap('read');
  const records = await withCertificateFacts(
    results.flatMap((r) => r.records),
    (done) => post({ type: 'progress', phase: 'checking', done }),
  );
  lap('certificates');
  post({ type: 'progress', phase: 'merging' });
  const entries = mergeRecords(existing, records, asOf);
  lap('merge');
  timings.mergedAt = Math.round(performance.timeOrigin + performance.now());
  sendRows(entries, asOf, lap);
  post({ type: 'shown', results: results.map(({ records, ...r }) => ({ ...r, count: records.length })), total: entries.length, timings: { ...timings } });
  let storeError: string | undefined;
  try {
    await saveInventory(entries);
  } catch (error) {
    storeError = String(error);
  }
  lap('save');
  post({ type: 'saved', storeError, timings });
}

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'pin') {
    pinAnswer?.(m.pin);
    pinAnswer = undefined;
    return;
  }
  run(m).catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
