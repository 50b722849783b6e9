// What the page shows beside the table, computed where the rows are made (the import worker): the expiry
// timeline per month and per week, the per-domain counts and the warnings. All are pure functions of the rows and
// the day counted from, so the page takes them as they are and never walks 10 000 rows for them in one task.
import { expiringByDomain, expiryBuckets, BUCKET_COUNT, type Bucket, type BucketUnit } from './timeline';
import type { InventoryEntry, Warning } from './types';
import { domainOfEntry, searchTextOf, sortEntries } from './view';
import { findWarnings } from './warnings';

export interface InventorySummary {
  /** The moment counted from (epoch ms): a page counting from another day computes its own. */
  asOf: number;
  buckets: Record<BucketUnit, Bucket[]>;
  byDomain: ReturnType<typeof expiringByDomain>;
  warnings: Warning[];
  total: number;
}

export function summarize(entries: readonly InventoryEntry[], asOf: Date): InventorySummary {
  return {
    asOf: asOf.getTime(),
    buckets: { month: expiryBuckets(entries, asOf, 'month', BUCKET_COUNT.month), week: expiryBuckets(entries, asOf, 'week', BUCKET_COUNT.week) },
    byDomain: expiringByDomain(entries, asOf, domainOfEntry),
    warnings: findWarnings(entries),
    total: entries.length,
  };
}

/** What the page needs per row beyond the row itself, so it builds none of it: search text and domain. */
export function viewIndex(entries: readonly InventoryEntry[]): { search: string[]; domains: string[] } {
  return { search: entries.map(searchTextOf), domains: entries.map(domainOfEntry) };
}

/** The table's default order (end of validity, soonest first): rows sent in it need no real re-sort per slice. */
export function byExpiry(entries: readonly InventoryEntry[]): InventoryEntry[] {
  return sortEntries(entries, 'notAfter', false);
}
