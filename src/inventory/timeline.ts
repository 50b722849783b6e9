// The expiry timeline's data: counts per week or month (JST), stacked by kind, from a start day on; the
// SVG and the table beside it both draw from these buckets, so they cannot disagree.
import { JST_OFFSET_MS } from '../spec/jst';
import type { CertKind, InventoryEntry } from './types';

export type BucketUnit = 'week' | 'month';

/** Buckets drawn per unit: a year by month, half a year by week. */
export const BUCKET_COUNT: Readonly<Record<BucketUnit, number>> = { month: 12, week: 26 };

export interface Bucket {
  /** First JST day of the bucket, YYYY-MM-DD. */
  start: string;
  counts: Record<CertKind, number>;
  total: number;
}

const DAY = 86_400_000;
const zero = (): Record<CertKind, number> => ({ server: 0, client: 0, smime: 0, unknown: 0 });

/** JST midnight of the day containing t, as a UTC epoch. */
function jstDayStart(t: number): number {
  return Math.floor((t + JST_OFFSET_MS) / DAY) * DAY - JST_OFFSET_MS;
}

function bucketStart(t: number, unit: BucketUnit): number {
  const day = jstDayStart(t);
  const jst = new Date(day + JST_OFFSET_MS);
  if (unit === 'week') return day - ((jst.getUTCDay() + 6) % 7) * DAY; // Monday
  return Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), 1) - JST_OFFSET_MS;
}

function nextStart(start: number, unit: BucketUnit): number {
  if (unit === 'week') return start + 7 * DAY;
  const jst = new Date(start + JST_OFFSET_MS);
  return Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() + 1, 1) - JST_OFFSET_MS;
}

const label = (t: number) => new Date(t + JST_OFFSET_MS).toISOString().slice(0, 10);

/** Buckets from asOf's bucket over `count` buckets; live certificates (not revoked/renewed) only. */
export function expiryBuckets(entries: readonly InventoryEntry[], asOf: Date, unit: BucketUnit, count: number): Bucket[] {
  const starts: number[] = [bucketStart(asOf.getTime(), unit)];
  while (starts.length <= count) starts.push(nextStart(starts[starts.length - 1], unit));
  const buckets = starts.slice(0, count).map((s) => ({ start: label(s), counts: zero(), total: 0 }));
  const end = starts[count];
  for (const e of entries) {
    if (!e.notAfter || e.status === 'revoked' || e.status === 'renewed') continue;
    const t = Date.parse(e.notAfter);
    if (t < starts[0] || t >= end) continue;
    let i = starts.findIndex((s, k) => t >= s && t < starts[k + 1]);
    if (i < 0) i = count - 1;
    buckets[i].counts[e.kind] += 1;
    buckets[i].total += 1;
  }
  return buckets;
}

/** Live certificates expiring within 30/60/90 days, per domain. */
export function expiringByDomain(entries: readonly InventoryEntry[], asOf: Date, domainOf: (e: InventoryEntry) => string): { domain: string; d30: number; d60: number; d90: number }[] {
  const map = new Map<string, { domain: string; d30: number; d60: number; d90: number }>();
  for (const e of entries) {
    if (!e.notAfter || e.status !== 'valid') continue;
    const days = (Date.parse(e.notAfter) - asOf.getTime()) / DAY;
    if (days < 0 || days > 90) continue;
    const domain = domainOf(e);
    const row = map.get(domain) ?? { domain, d30: 0, d60: 0, d90: 0 };
    if (days <= 30) row.d30++;
    if (days <= 60) row.d60++;
    row.d90++;
    map.set(domain, row);
  }
  return [...map.values()].sort((a, b) => b.d90 - a.d90 || a.domain.localeCompare(b.domain));
}
