// The messages between the inventory page and its import worker (import.worker.ts). Files go over as Blobs
// (by reference), rows come back in slices without the certificate bytes, which only the stored copy keeps.
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
  /** The timeline, per-domain counts and warnings of all the rows, sent before the first slice of them. */
  | { type: 'summary'; summary: InventorySummary }
  /** A slice of rows and, beside each, its lower-cased search text and its domain (built here, off the page). */
  | { type: 'rows'; rows: InventoryEntry[]; search: string[]; domains: string[] }
  /** Every row is sent: the page shows them. The worker then writes the store (cancel is no longer offered). */
  | { type: 'shown'; results: ResultSummary[]; total: number; timings: Timings }
  | { type: 'saved'; storeError?: string; timings: Timings }
  | { type: 'error'; message: string };

/** Rows per message: a slice is cloned into the page in one task, so it stays well under 50 ms. */
export const ROWS_PER_MESSAGE = 100;

/** The page's copy of a row: everything but the certificate bytes (the table, plan and files never need them). */
export function forPage(e: InventoryEntry): InventoryEntry {
  if (e.certDerB64 === undefined) return e;
  const { certDerB64: _bytes, ...rest } = e;
  return rest;
}
