// The page's side of an inventory import or load: one worker per run, its messages turned into callbacks.
// `shown` settles when every row has arrived; `finished` when the store is written (the worker then ends).
// Cancel works until the rows are shown (it terminates the worker). If no worker can start, the same work runs
// on the main thread (slower, but nothing is lost).
import { byExpiry, importFiles, summarize, withStatus, type InventoryEntry, type InventorySummary } from '../../inventory';
import { loadInventory, saveInventory } from './inventory-db';
import { forPage, fromColumns, rowSlices, type FromWorker, type Phase, type ResultSummary, type Timings, type ToWorker } from './import-protocol';
import ImportWorker from './import.worker?worker';

export interface ImportHandlers {
  onProgress(phase: Phase, done?: number, total?: number): void;
  askPin(name: string): Promise<string | null>;
  onSummary(summary: InventorySummary): void;
  /** A slice of the rows (`total` in all), in the table's default order; the summary follows the last slice. */
  onRows(rows: InventoryEntry[], total: number, search?: string[], domains?: string[]): void;
}

export type ImportOutcome = { ok: true; results: ResultSummary[]; total: number; timings: Timings } | { ok: false; cancelled: boolean; message?: string };

export interface RunningImport {
  shown: Promise<ImportOutcome>;
  /** The store written: its error, if any, and the timings of the whole run. */
  finished: Promise<{ storeError?: string; timings: Timings }>;
  cancel(): void;
}

export type ImportRequest = Exclude<ToWorker, { type: 'pin' }>;

/** A worker started ahead of need, so a dropped file does not wait for the worker's script to load and compile. */
let spare: { worker: Worker; failed: boolean } | undefined;

/** Start the next import's worker now (the page calls this when it is idle: after loading, after each import). */
export function prewarmImportWorker(): void {
  if (spare) return;
  try {
    const s = { worker: new ImportWorker(), failed: false };
    // An error before it is used (it could not start): the next import starts a new one and falls back from there.
    s.worker.onerror = () => (s.failed = true);
    spare = s;
  } catch {
    // No workers here: each import runs on the main thread.
  }
}

/**
 * A worker whose run ended (its rows shown and stored) serves the next import: its script is already loaded and
 * compiled, which a fresh worker takes a second or more for on a busy machine (the drop would wait for it).
 */
function keepAsSpare(w: Worker | undefined): void {
  if (!w) return;
  if (spare) return w.terminate();
  w.onmessage = null;
  const s = { worker: w, failed: false };
  w.onerror = () => (s.failed = true);
  spare = s;
}

function takeWorker(): Worker {
  const s = spare;
  spare = undefined;
  if (s && !s.failed) return s.worker;
  s?.worker.terminate();
  return new ImportWorker();
}

export function startImport(request: ImportRequest, h: ImportHandlers): RunningImport {
  let show: (o: ImportOutcome) => void = () => {};
  let finish: (f: { storeError?: string; timings: Timings }) => void = () => {};
  const shown = new Promise<ImportOutcome>((resolve) => (show = resolve));
  const finished = new Promise<{ storeError?: string; timings: Timings }>((resolve) => (finish = resolve));
  let worker: Worker | undefined;
  let heard = false;
  let isShown = false;
  const stop = (o: ImportOutcome) => {
    worker?.terminate();
    worker = undefined;
    show(o);
    finish({ timings: {} });
  };
  const cancel = () => {
    if (!isShown) stop({ ok: false, cancelled: true });
  };
  const fallback = () =>
    void onMainThread(request, h).then(
      ({ outcome, storeError }) => {
        show(outcome);
        finish({ storeError, timings: {} });
      },
      (e: unknown) => stop({ ok: false, cancelled: false, message: String(e) }),
    );
  try {
    worker = takeWorker();
  } catch {
    fallback();
    return { shown, finished, cancel };
  }
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    heard = true;
    const m = e.data;
    if (m.type === 'progress') h.onProgress(m.phase, m.done, m.total);
    else if (m.type === 'pin') void h.askPin(m.name).then((pin) => worker?.postMessage({ type: 'pin', pin } satisfies ToWorker));
    else if (m.type === 'summary') h.onSummary(m.summary);
    else if (m.type === 'rows') h.onRows(fromColumns(m.slice), m.total, m.slice.search, m.slice.domains);
    else if (m.type === 'shown') {
      isShown = true;
      show({ ok: true, results: m.results, total: m.total, timings: m.timings });
    } else if (m.type === 'saved') {
      keepAsSpare(worker);
      worker = undefined;
      finish({ storeError: m.storeError, timings: m.timings });
    } else stop({ ok: false, cancelled: false, message: m.message });
  };
  worker.onerror = (e) => {
    console.warn(`inventory import worker failed (${e.message})`);
    if (heard) return stop({ ok: false, cancelled: false, message: e.message || 'worker failed' });
    // A worker that never answered could not start (e.g. blocked): do the work here instead.
    worker?.terminate();
    worker = undefined;
    fallback();
  };
  worker.postMessage(request);
  return { shown, finished, cancel };
}

async function onMainThread(request: ImportRequest, h: ImportHandlers): Promise<{ outcome: ImportOutcome; storeError?: string }> {
  const asOf = new Date(request.asOf);
  const existing = await loadInventory().catch(() => [] as InventoryEntry[]);
  const send = (rows: InventoryEntry[]) => {
    const ordered = byExpiry(rows);
    for (const [start, end] of rowSlices(ordered.length)) h.onRows(ordered.slice(start, end), ordered.length);
    h.onSummary(summarize(ordered, asOf));
  };
  if (request.type === 'load') {
    const rows = withStatus(existing, asOf).map(forPage);
    send(rows);
    return { outcome: { ok: true, results: [], total: rows.length, timings: {} } };
  }
  const files = await Promise.all(request.files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  const got = await importFiles(files, existing, asOf, { askPin: (name) => h.askPin(name), onProgress: (done) => h.onProgress('checking', done) });
  let storeError: string | undefined;
  await saveInventory(got.entries).catch((e: unknown) => (storeError = String(e)));
  send(got.entries.map(forPage));
  return { outcome: { ok: true, results: got.results.map(({ records, ...r }) => ({ ...r, count: records.length })), total: got.entries.length, timings: {} }, storeError };
}
