// The import's row intake (what a frame applies) and the slices the worker sends rows in.
import { describe, expect, it } from 'vitest';
import type { InventoryEntry, InventorySummary } from '../../inventory';
import { FIRST_ROWS, fromColumns, ROWS_PER_MESSAGE, rowSlices, toColumns } from './import-protocol';
import { RowIntake } from './intake';

const row = (i: number): InventoryEntry => ({ id: `s:${i}`, kind: 'server', status: 'valid', sources: ['list.txt'], cn: `h${i}.example.ac.jp` });
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => row(from + k));
const summary = (total: number): InventorySummary => ({ asOf: 0, buckets: { month: [], week: [] }, byDomain: [], warnings: [], total });

describe('toColumns / fromColumns', () => {
  it('carries every field but the certificate, keeps the worker’s rows whole, and a crafted key sets no prototype', () => {
    const withDer: InventoryEntry[] = [
      { ...row(1), certDerB64: 'MIIB', dnsNames: ['a.example.ac.jp'], extra: { 備考: '髙橋①' } },
      row(2),
      { ...row(3), ['__proto__']: { polluted: true } } as unknown as InventoryEntry,
    ];
    Object.defineProperty(withDer[2], '__proto__', { value: { polluted: true }, enumerable: true });
    const before = structuredClone(withDer);
    const columns = structuredClone(toColumns(withDer, { search: ['a', 'b', 'c'], domains: ['example.ac.jp', 'example.ac.jp', 'x'] }));
    const got = fromColumns(columns);
    expect(withDer).toEqual(before);
    expect(columns.keys).not.toContain('certDerB64');
    const { certDerB64: _der, ...rest } = before[0];
    expect(got[0]).toEqual(rest);
    expect(got[1]).toEqual(before[1]);
    expect(Object.keys(got[1])).not.toContain('dnsNames'); // absent stays absent, not undefined
    expect(Object.getPrototypeOf(got[2])).toBe(Object.prototype);
    expect((got[2] as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(columns.search).toEqual(['a', 'b', 'c']);
  });

  it('sends a column of few distinct strings once each, and the rows come back the same (absent fields too)', () => {
    const many = rows(0, 40).map((r, i) => ({ ...r, adminName: i % 3 ? '利用　管理' : undefined, software: i % 2 ? 'nginx' : 'Apache', dnsNames: [`h${i}.example.ac.jp`] }));
    for (const r of many) if (r.adminName === undefined) delete r.adminName;
    const columns = structuredClone(toColumns(many, { search: many.map(() => ''), domains: many.map(() => '') }));
    const admin = columns.columns[columns.keys.indexOf('adminName')];
    expect(admin).toEqual({ strings: ['利用　管理'], at: expect.any(Uint32Array) });
    expect('values' in columns.columns[columns.keys.indexOf('cn')]).toBe(true); // 40 distinct of 40
    const got = fromColumns(columns);
    expect(got).toEqual(many);
    expect(Object.keys(got[0])).not.toContain('adminName');
    expect(got[1].adminName).toBe(got[2].adminName);
  });
});

describe('rowSlices', () => {
  it('sends a first screen, then large slices, every row once and in order', () => {
    const got = rowSlices(10_000);
    expect(got[0]).toEqual([0, FIRST_ROWS]);
    expect(got[1]).toEqual([FIRST_ROWS, FIRST_ROWS + ROWS_PER_MESSAGE]);
    expect(got.length).toBe(1 + Math.ceil((10_000 - FIRST_ROWS) / ROWS_PER_MESSAGE));
    got.forEach(([start, end], i) => {
      expect(start).toBe(i === 0 ? 0 : got[i - 1][1]);
      expect(end).toBeGreaterThan(start);
    });
    expect(got.at(-1)?.[1]).toBe(10_000);
    expect(rowSlices(0)).toEqual([]);
    expect(rowSlices(7)).toEqual([[0, 7]]);
  });
});

describe('RowIntake', () => {
  it('gives a frame every row so far once, in one array, and nothing when nothing came', () => {
    const intake = new RowIntake();
    expect(intake.take()).toBeUndefined();
    expect(intake.addRows(rows(0, 100))).toBe(100);
    expect(intake.addRows(rows(100, 1100))).toBe(1100);
    const first = intake.take();
    expect(first?.rows?.map((r) => r.id)).toEqual(rows(0, 1100).map((r) => r.id));
    expect(first?.summary).toBeUndefined();
    expect(intake.take()).toBeUndefined();
    intake.addRows(rows(1100, 1200));
    const second = intake.take();
    expect(second?.rows).toHaveLength(1200);
    expect(first?.rows).toHaveLength(1100); // a taken array is not changed by later slices
  });

  it('gives the summary that follows the last slice, with the rows or alone', () => {
    const intake = new RowIntake();
    intake.addRows(rows(0, 50));
    intake.addSummary(summary(50));
    const both = intake.take();
    expect(both?.rows).toHaveLength(50);
    expect(both?.summary?.total).toBe(50);
    expect(intake.take()).toBeUndefined();

    const later = new RowIntake();
    later.addRows(rows(0, 10));
    later.take();
    later.addSummary(summary(10));
    const alone = later.take();
    expect(alone?.rows).toBeUndefined();
    expect(alone?.summary?.total).toBe(10);
  });
});
