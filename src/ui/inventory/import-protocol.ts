// The messages between the inventory page and its import worker (import.worker.ts). Files go over as Blobs
// (by reference), rows come back in slices without the certificate bytes, which only the stored copy keeps:
// a first screen's worth, then large slices (fewer messages: each one costs the page a task and a progress update).
import type { InventoryEntry, InventorySummary, ReadResult } from '../../inventory';

/** What the page shows of a file read: the result without its records (the rows carry them), and their count. */
export type ResultSummary = Omit<ReadResult, 'records'> & { count: number };

export type ToWorker =
  | { type: 'import'; files: { name: string; blob: Blob }[]; asOf: number }
  | { type: 'load'; asOf: number }
  | { type: 'pin'; pin: string | null };

export type Phase = 'reading' | 'checking' | 'merging' | 'showing' | 'saving';

/** Milliseconds per step of one import, measured in the worker (shown by the bench, kept on the results list). */
/** Milliseconds per step of the worker; `mergedAt`: when the rows were read and merged, as milliseconds since the
 * epoch (performance.timeOrigin + now: the page and the worker share that clock), for the bench. */
export type Timings = Partial<Record<'files' | 'read' | 'certificates' | 'merge' | 'summary' | 'send' | 'save' | 'mergedAt', number>>;

export type FromWorker =
  | { type: 'progress'; phase: Phase; done?: number; total?: number }
  | { type: 'pin'; name: string }
  /** The timeline, per-domain counts and warnings of all the rows, sent after the last slice of them (the worker
   * computes them while the page takes the rows). */
  | { type: 'summary'; summary: InventorySummary }
  /** A slice of rows and, beside each, its lower-cased search text and its domain (built here, off the page);
   * `total`: rows in all the slices. */
  | { type: 'rows'; slice: RowColumns; total: number }
  /** Every row is sent: the page shows them. The worker then writes the store (cancel is no longer offered). */
  | { type: 'shown'; results: ResultSummary[]; total: number; timings: Timings }
  | { type: 'saved'; storeError?: string; timings: Timings }
  | { type: 'error'; message: string };

/** Rows in the first message: a screen of the table (and its margin), so the first frame shows it at once. */
export const FIRST_ROWS = 100;

/** Rows per later message: one is taken into the page in one task (≈ 10 ms idle per 500 rows), leaving room under
 * 50 ms for the garbage collector's pause that some of them take. */
export const ROWS_PER_MESSAGE = 500;

/** The [start, end) ranges the rows are sent in: FIRST_ROWS, then ROWS_PER_MESSAGE each. */
export function rowSlices(total: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < total; ) {
    const end = Math.min(total, i + (i === 0 ? FIRST_ROWS : ROWS_PER_MESSAGE));
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** The page's copy of a row: everything but the certificate bytes (the table, plan and files never need them). */
export function forPage(e: InventoryEntry): InventoryEntry {
  if (e.certDerB64 === undefined) return e;
  const { certDerB64: _bytes, ...rest } = e;
  return rest;
}

/**
 * A slice of rows by column: the field names once, then per field its values in row order (undefined where a row
 * lacks it). Cloning 1 000 objects of some 25 fields into the page costs the worker and the page a map and a
 * property walk per object; arrays clone as runs of values, and the page builds the objects in one pass, all of
 * the same shape. A column of few distinct strings (admin, software, issuer, status …) goes as those strings and
 * an index per row, so the page holds one copy of each instead of one per row (less to allocate and collect while
 * the rows arrive). The certificate bytes stay in the worker (the table, plan and files never need them).
 */
export interface RowColumns {
  keys: string[];
  columns: Column[];
  search: string[];
  domains: string[];
}

type Column = { values: unknown[] } | { strings: string[]; at: Uint32Array };

function column(values: unknown[]): Column {
  const seen = new Map<string, number>();
  const at = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // undefined is index 0; any other kind of value, or too many distinct strings, and the column goes as it is.
    if (v === undefined) continue;
    if (typeof v !== 'string' || seen.size * 4 > values.length) return { values };
    let k = seen.get(v);
    if (k === undefined) seen.set(v, (k = seen.size + 1));
    at[i] = k;
  }
  return { strings: [...seen.keys()], at };
}

export function toColumns(rows: readonly InventoryEntry[], index: { search: string[]; domains: string[] }): RowColumns {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  seen.delete('certDerB64');
  const keys = [...seen];
  const columns = keys.map((k) => column(rows.map((r) => (r as unknown as Record<string, unknown>)[k])));
  return { keys, columns, ...index };
}

/** The rows back from their columns. A key that would set the prototype (a crafted store) is left out. */
export function fromColumns(c: RowColumns): InventoryEntry[] {
  const n = c.search.length;
  const keys: string[] = [];
  const values: unknown[][] = [];
  c.keys.forEach((k, j) => {
    if (k === '__proto__') return;
    keys.push(k);
    const col = c.columns[j];
    if ('values' in col) values.push(col.values);
    else {
      const strings = [undefined, ...col.strings];
      values.push(Array.from(col.at, (i) => strings[i]));
    }
  });
  const rows = new Array<InventoryEntry>(n);
  for (let i = 0; i < n; i++) {
    const o: Record<string, unknown> = {};
    for (let j = 0; j < keys.length; j++) {
      const v = values[j][i];
      if (v !== undefined) o[keys[j]] = v;
    }
    rows[i] = o as unknown as InventoryEntry;
  }
  return rows;
}
