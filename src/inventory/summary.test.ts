// The import worker's summary is what the page would compute from the same rows: timeline buckets per month and
// week, per-domain counts, warnings; the per-row search text and domain sent with the rows give the page's
// filter and grouping the same answers; the rows are sent in the table's default order.
import { describe, expect, it } from 'vitest';
import {
  BUCKET_COUNT, byExpiry, domainOfEntry, expiringByDomain, expiryBuckets, filterEntries, findWarnings, groupByDomain, indexForSearch,
  mergeRecords, searchTextOf, sortEntries, summarize, viewIndex, withStatus, type InventoryEntry, type SourceRecord,
} from './index';

const asOf = new Date('2027-01-01T00:00:00Z');
const DAY = 86_400_000;
const record = (i: number): SourceRecord => ({
  source: 'server.txt',
  serialDecimal: String(2_000_000 + i),
  cn: `h${i % 1500}.${i % 3 === 0 ? 'example.ac.jp' : 'other.go.jp'}`,
  dn: `CN=h${i % 1500}.${i % 3 === 0 ? 'example.ac.jp' : 'other.go.jp'},O=Example,C=JP`,
  kind: i % 5 === 0 ? 'client' : 'server',
  raStatus: i % 17 === 0 ? '7' : '5',
  profile: i % 50 === 0 ? '9' : '3',
  rsaBits: i % 40 === 0 ? 1024 : 2048,
  // Two certificates share a key; the same CN issued twice with different SANs.
  spkiSha256: i < 2 ? 'aa' : `k${i}`,
  dnsNames: [`h${i % 700}.example.ac.jp`],
  notBefore: new Date(asOf.getTime() - (400 - (i % 400)) * DAY).toISOString(),
  notAfter: new Date(asOf.getTime() + ((i * 7) % 420) * DAY - 3_600_000).toISOString(),
});

describe('summarize', () => {
  const rows = withStatus(mergeRecords([], Array.from({ length: 3000 }, (_, i) => record(i))), asOf);

  it('gives the page’s own timeline, domain counts and warnings', () => {
    const s = summarize(rows, asOf);
    expect(s.asOf).toBe(asOf.getTime());
    expect(s.total).toBe(3000);
    expect(s.buckets.month).toEqual(expiryBuckets(rows, asOf, 'month', BUCKET_COUNT.month));
    expect(s.buckets.week).toEqual(expiryBuckets(rows, asOf, 'week', BUCKET_COUNT.week));
    expect(s.buckets.month).toHaveLength(12);
    expect(s.buckets.week).toHaveLength(26);
    expect(s.buckets.month.reduce((n, b) => n + b.total, 0)).toBeGreaterThan(1000);
    expect(s.byDomain).toEqual(expiringByDomain(rows, asOf, domainOfEntry));
    expect(s.byDomain.map((d) => d.domain).sort()).toEqual(['example.ac.jp', 'other.go.jp']);
    expect(s.warnings).toEqual(findWarnings(rows));
    expect(new Set(s.warnings.map((w) => w.code))).toEqual(new Set(['shared-key', 'san-changed', 'retired-profile', 'weak-rsa']));
  });

  it('survives the page’s structured clone (plain data only)', () => {
    const s = summarize(rows, asOf);
    expect(structuredClone(s)).toEqual(s);
  });
});

describe('viewIndex and byExpiry', () => {
  const rows = withStatus(mergeRecords([], Array.from({ length: 500 }, (_, i) => record(i))), asOf);

  it('search text and domains sent with the rows filter and group as the page’s own', () => {
    const copies: InventoryEntry[] = rows.map((e) => ({ ...e }));
    const index = viewIndex(rows);
    expect(index.search).toEqual(rows.map(searchTextOf));
    indexForSearch(copies, index.search, index.domains);
    expect(filterEntries(copies, { text: 'other.go' }, asOf).map((e) => e.id)).toEqual(filterEntries(rows, { text: 'other.go' }, asOf).map((e) => e.id));
    const grouped = (list: InventoryEntry[]) => groupByDomain(list).map((g) => [g.domain, g.entries.map((e) => e.id)]);
    expect(grouped(copies)).toEqual(grouped(rows));
  });

  it('orders rows as the table’s default sort does', () => {
    const ordered = byExpiry(rows);
    expect(ordered.map((e) => e.id)).toEqual(sortEntries(rows, 'notAfter', false).map((e) => e.id));
    expect(ordered[0].notAfter! <= ordered[ordered.length - 1].notAfter!).toBe(true);
    expect(ordered).toHaveLength(rows.length);
  });
});

describe('sortEntries on rows already in order', () => {
  const rows = byExpiry(withStatus(mergeRecords([], Array.from({ length: 200 }, (_, i) => record(i))), asOf));

  it('returns a copy in the same order, and still sorts rows that are not in order', () => {
    const again = sortEntries(rows, 'notAfter', false);
    expect(again).not.toBe(rows);
    expect(again).toEqual(rows);
    const reversed = sortEntries(rows, 'notAfter', true);
    for (let i = 1; i < reversed.length; i++) expect(reversed[i - 1].notAfter! >= reversed[i].notAfter!).toBe(true);
    expect(new Set(reversed.map((e) => e.id))).toEqual(new Set(rows.map((e) => e.id)));
    expect(reversed[0].notAfter! >= reversed[reversed.length - 1].notAfter!).toBe(true);
  });
});
