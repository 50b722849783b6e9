import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { planSplit, recordLimit } from './split';

const cells = (r: string[]) => r;

describe('planSplit', () => {
  it('splits 150 server rows into 99 + 51, keeping order', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`CN=h${i}.example.ac.jp`]);
    const plan = planSplit(KINDS['server-issue'], rows, cells);
    expect(plan.parts.map((p) => p.items.length)).toEqual([99, 51]);
    expect(plan.parts[1].indexes[0]).toBe(99);
    expect(plan.parts.map((p) => `${p.chunk}/${p.chunks}`)).toEqual(['1/2', '2/2']);
    expect(plan.reasons).toEqual(['limit']);
    expect(plan.parts[0].method).toBeUndefined();
  });

  it('needs no split at the limit', () => {
    const plan = planSplit(KINDS['server-revoke'], Array.from({ length: 99 }, () => ['']), cells);
    expect(plan.parts).toHaveLength(1);
    expect(plan.reasons).toEqual([]);
  });

  it('allows 1000 client issue rows with method 2 but 99 with method 1', () => {
    const spec = KINDS['client-issue'];
    expect(recordLimit(spec, '2')).toBe(1000);
    expect(recordLimit(spec, '1')).toBe(99);
    expect(recordLimit(KINDS['client-revoke'], '2')).toBe(99);
    const bulk = Array.from({ length: 1000 }, () => ['CN=x', '5', '2']);
    expect(planSplit(spec, bulk, cells).parts).toHaveLength(1);
    const single = Array.from({ length: 100 }, () => ['CN=x', '5', '1']);
    expect(planSplit(spec, single, cells).parts.map((p) => p.items.length)).toEqual([99, 1]);
  });

  it('separates download methods, then applies each method’s limit', () => {
    const rows = [
      ...Array.from({ length: 120 }, () => ['CN=a', '5', '1']),
      ...Array.from({ length: 300 }, () => ['CN=b', '5', '2']),
      ['CN=c', '5', '3'],
    ];
    const plan = planSplit(KINDS['client-renew'], rows, cells);
    expect(plan.parts.map((p) => [p.method, p.items.length])).toEqual([
      ['1', 99],
      ['1', 21],
      ['2', 300],
      ['3', 1],
    ]);
    expect(plan.reasons).toEqual(['limit', 'method']);
  });
});
