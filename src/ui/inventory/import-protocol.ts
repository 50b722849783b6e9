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
export type Timings = Partial<Record<'files' | 'read' | 'certificates' | 'merge' | 'summary' | 'send' | 'save', number>>;

export type FromWorker =
  | { type: 'progress'; phase: Phase; done?: number; total?: number }
  | { type: 'pin'; name: string }
  /** The timeline, per-domain counts and warnings of all the rows, sent after the last slice of them (the worker
   * computes them while the page takes the rows). */
  | { type: 'summary'; summary: InventorySummary }
  /** A slice of rows and, beside each, its lower-cased search text and its domain (built here, off the page);
   * `total`: rows in all the slices. */
  | { type: 'rows'; json: string; total: number }
  /** Every row is sent: the page shows them. The worker then writes the store (cancel is no longer offered). */
  | { type: 'shown'; results: ResultSummary[]; total: number; timings: Timings }
  | { type: 'saved'; storeError?: string; timings: Timings }
  | { type: 'error'; message: string };

/** Rows in the first message: a screen of the table (and its margin), so the first frame shows it at once. */
export const FIRST_ROWS = 100;

/** Rows per later message: one is cloned into the page in one task (≈ 10 ms idle per 1 000 rows), well under 50 ms. */
export const ROWS_PER_MESSAGE = 1000;

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

/** A slice of rows as the page takes it, with each row's search text and domain. */
export interface RowSlice {
  rows: InventoryEntry[];
  search: string[];
  domains: string[];
}

/**
 * A slice as one JSON string: a string crosses to the page as one copy, where 1 000 rows of some 25 fields as
 * objects are cloned field by field (and JSON.parse builds them faster than the structured-clone reader). The
 * certificate bytes stay in the worker (the table, plan and files never need them): JSON leaves out a field set
 * to undefined, and the field is put back once the string is made.
 */
export function sliceJson(rows: InventoryEntry[], index: { search: string[]; domains: string[] }): string {
  const ders = rows.map((e) => e.certDerB64);
  for (const e of rows) if (e.certDerB64 !== undefined) e.certDerB64 = undefined;
  try {
    return JSON.stringify({ rows, ...index } satisfies RowSlice);
  } finally {
    rows.forEach((e, i) => ders[i] !== undefined && (e.certDerB64 = ders[i]));
  }
}
