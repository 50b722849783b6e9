// The messages between the inventory page and its import worker (import.worker.ts). Files go over as Blobs
// (by reference), rows come back in slices without the certificate bytes, which only the stored copy keeps.
import type { InventoryEntry, ReadResult } from '../../inventory';

/** What the page shows of a file read: the result without its records (the rows carry them), and their count. */
export type ResultSummary = Omit<ReadResult, 'records'> & { count: number };

export type ToWorker =
  | { type: 'import'; files: { name: string; blob: Blob }[]; asOf: number }
  | { type: 'load'; asOf: number }
  | { type: 'pin'; pin: string | null };

export type Phase = 'reading' | 'checking' | 'merging' | 'saving' | 'showing';

export type FromWorker =
  | { type: 'progress'; phase: Phase; done?: number; total?: number }
  | { type: 'pin'; name: string }
  /** The store is written (or failed to be): from here on the rows are final, cancel is no longer offered. */
  | { type: 'saved'; storeError?: string }
  | { type: 'rows'; rows: InventoryEntry[] }
  | { type: 'done'; results: ResultSummary[]; total: number }
  | { type: 'error'; message: string };

/** Rows per message: a slice is cloned into the page in one task, so it stays well under 50 ms. */
export const ROWS_PER_MESSAGE = 500;

/** The page's copy of a row: everything but the certificate bytes (the table, plan and files never need them). */
export function forPage(e: InventoryEntry): InventoryEntry {
  if (e.certDerB64 === undefined) return e;
  const { certDerB64: _bytes, ...rest } = e;
  return rest;
}
