// The inventory import off the main thread: files read (lists decoded, certificates parsed), merged onto the
// stored rows, the store rewritten in one transaction, and the rows sent to the page in slices. Cancel = the
// page terminates this worker: an unfinished transaction is aborted, so the store keeps the previous rows.
// reflect-metadata first: certificates and CSRs go through @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { importFiles, withStatus, type InventoryEntry } from '../../inventory';
import { loadInventory, saveInventory } from './inventory-db';
import { forPage, ROWS_PER_MESSAGE, type FromWorker, type ResultSummary, type ToWorker } from './import-protocol';

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
    return []; // no IndexedDB (private mode): the page still works, the import says it was not kept
  }
}

function sendRows(entries: readonly InventoryEntry[]): void {
  post({ type: 'progress', phase: 'showing', done: 0, total: entries.length });
  for (let i = 0; i < entries.length; i += ROWS_PER_MESSAGE) post({ type: 'rows', rows: entries.slice(i, i + ROWS_PER_MESSAGE).map(forPage) });
}

async function run(m: Exclude<ToWorker, { type: 'pin' }>): Promise<void> {
  const asOf = new Date(m.asOf);
  if (m.type === 'load') {
    const rows = withStatus(await stored(), asOf);
    post({ type: 'saved' });
    sendRows(rows);
    post({ type: 'done', results: [], total: rows.length });
    return;
  }
  post({ type: 'progress', phase: 'reading' });
  const files = await Promise.all(m.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  const existing = await stored();
  const got = await importFiles(files, existing, asOf, {
    askPin,
    onProgress: (done) => post({ type: 'progress', phase: 'checking', done }),
  });
  post({ type: 'progress', phase: 'saving' });
  let storeError: string | undefined;
  try {
    await saveInventory(got.entries);
  } catch (error) {
    storeError = String(error);
  }
  post({ type: 'saved', storeError });
  sendRows(got.entries);
  const results: ResultSummary[] = got.results.map(({ records, ...r }) => ({ ...r, count: records.length }));
  post({ type: 'done', results, total: got.entries.length });
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
