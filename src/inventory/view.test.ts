// The table's view at scale: a merge that stays linear in rows (duplicates from several files fold into one row
// with both sources), search text supplied from elsewhere (the import worker) giving the same result as text
// built here, statuses that keep a row's object when they do not change, and sorting by days left.
import { describe, expect, it } from 'vitest';
import { filterEntries, indexForSearch, mergeRecords, searchTextOf, sortEntries, withStatus, type InventoryEntry, type SourceRecord } from './index';

const asOf = new Date('2027-01-01T00:00:00Z');
const record = (i: number, source: string): SourceRecord => ({
  source,
  serialDecimal: String(1_000_000 + i),
  dn: `CN=h${String(i).padStart(5, '0')}.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP`,
  cn: `h${String(i).padStart(5, '0')}.example.ac.jp`,
  kind: 'server',
  raStatus: '5',
  notAfter: new Date(asOf.getTime() + (i % 400) * 86_400_000).toISOString(),
});

describe('10 000 rows', () => {
  const rows = 10_000;
  const merged = withStatus(
    mergeRecords([], [...Array.from({ length: rows }, (_, i) => record(i, 'server.txt')), ...Array.from({ length: rows }, (_, i) => record(i, 'all.txt'))]),
    asOf,
  );

  it('merges the same certificate from two lists into one row listing both files', () => {
    expect(merged).toHaveLength(rows);
    expect(merged.every((e) => e.sources.join(',') === 'server.txt,all.txt')).toBe(true);
  });

  it('keeps a row object whose status stays, and makes a new one when it changes', () => {
    expect(withStatus(merged, asOf)[5]).toBe(merged[5]);
    const later = withStatus(merged, new Date(asOf.getTime() + 2 * 86_400_000));
    expect(later[1]).not.toBe(merged[1]); // 1 day left on asOf: expired two days later
    expect(later[1].status).toBe('expired');
    expect(later[300]).toBe(merged[300]);
  });

  it('filters the same with search text sent from elsewhere as with text built here', () => {
    const copies: InventoryEntry[] = merged.map((e) => ({ ...e }));
    indexForSearch(copies, copies.map(searchTextOf));
    const here = filterEntries(merged, { text: 'H0001' }, asOf).map((e) => e.id);
    const sent = filterEntries(copies, { text: 'H0001' }, asOf).map((e) => e.id);
    expect(here).toHaveLength(10); // h00010 … h00019
    expect(sent).toEqual(here);
  });

  it('sorts by days left both ways, and by CN', () => {
    const up = sortEntries(merged, 'daysLeft', false, asOf);
    const down = sortEntries(merged, 'daysLeft', true, asOf);
    expect(up[0].notAfter! <= up[rows - 1].notAfter!).toBe(true);
    expect(down[0].notAfter).toBe(up[rows - 1].notAfter);
    expect(sortEntries(merged, 'cn', true, asOf)[0].cn).toBe('h09999.example.ac.jp');
  });
});
