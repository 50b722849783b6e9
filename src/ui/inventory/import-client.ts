// The page's side of an inventory import or load: one worker per run (cancel = terminate it), its messages turned
// into callbacks. If no worker can start, the same work runs on the main thread (slower, but nothing is lost).
import { importFiles, withStatus, type InventoryEntry } from '../../inventory';
import { loadInventory, saveInventory } from './inventory-db';
import { forPage, ROWS_PER_MESSAGE, type FromWorker, type Phase, type ResultSummary, type ToWorker } from './import-protocol';
import ImportWorker from './import.worker?worker';

export interface ImportHandlers {
  onProgress(phase: Phase, done?: number, total?: number): void;
  askPin(name: string): Promise<string | null>;
  /** The store is final; cancelling is no longer possible. */
  onSaved(storeError?: string): void;
  onRows(rows: InventoryEntry[]): void;
}

export type ImportOutcome = { ok: true; results: ResultSummary[]; total: number } | { ok: false; cancelled: boolean; message?: string };

export interface RunningImport {
  done: Promise<ImportOutcome>;
  cancel(): void;
}

export type ImportRequest = Exclude<ToWorker, { type: 'pin' }>;

export function startImport(request: ImportRequest, h: ImportHandlers): RunningImport {
  let finish: (o: ImportOutcome) => void = () => {};
  const done = new Promise<ImportOutcome>((resolve) => (finish = resolve));
  let worker: Worker | undefined;
  let heard = false;
  let over = false;
  const end = (o: ImportOutcome) => {
    if (over) return;
    over = true;
    worker?.terminate();
    finish(o);
  };
  const fallback = () => void onMainThread(request, h).then(end, (e: unknown) => end({ ok: false, cancelled: false, message: String(e) }));
  try {
    worker = new ImportWorker();
  } catch {
    fallback();
    return { done, cancel: () => end({ ok: false, cancelled: true }) };
  }
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    heard = true;
    const m = e.data;
    if (m.type === 'progress') h.onProgress(m.phase, m.done, m.total);
    else if (m.type === 'pin') void h.askPin(m.name).then((pin) => worker?.postMessage({ type: 'pin', pin } satisfies ToWorker));
    else if (m.type === 'saved') h.onSaved(m.storeError);
    else if (m.type === 'rows') h.onRows(m.rows);
    else if (m.type === 'done') end({ ok: true, results: m.results, total: m.total });
    else end({ ok: false, cancelled: false, message: m.message });
  };
  worker.onerror = (e) => {
    console.warn(`inventory import worker failed (${e.message}); reading on the main thread`);
    // A worker that never answered could not start (e.g. blocked): do the work here instead.
    if (!heard) {
      worker?.terminate();
      worker = undefined;
      fallback();
    } else end({ ok: false, cancelled: false, message: e.message || 'worker failed' });
  };
  worker.postMessage(request);
  return { done, cancel: () => end({ ok: false, cancelled: true }) };
}

async function onMainThread(request: ImportRequest, h: ImportHandlers): Promise<ImportOutcome> {
  const asOf = new Date(request.asOf);
  const existing = await loadInventory().catch(() => [] as InventoryEntry[]);
  if (request.type === 'load') {
    h.onSaved();
    const rows = withStatus(existing, asOf).map(forPage);
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) h.onRows(rows.slice(i, i + ROWS_PER_MESSAGE));
    return { ok: true, results: [], total: rows.length };
  }
  const files = await Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  const got = await importFiles(files, existing, asOf, { askPin: h.askPin, onProgress: (done) => h.onProgress('checking', done) });
  let storeError: string | undefined;
  await saveInventory(got.entries).catch((e: unknown) => (storeError = String(e)));
  h.onSaved(storeError);
  const rows = got.entries.map(forPage);
  for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) h.onRows(rows.slice(i, i + ROWS_PER_MESSAGE));
  return { ok: true, results: got.results.map(({ records, ...r }) => ({ ...r, count: records.length })), total: rows.length };
}
