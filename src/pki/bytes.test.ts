// concatBytes: order, empty parts, views into a larger buffer, and a part count beyond spread-argument limits.
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes';

describe('concatBytes', () => {
  it('puts the parts one after another', () => {
    expect(Array.from(concatBytes([Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3)]))).toEqual([1, 2, 3]);
  });

  it('gives an empty array for no parts', () => {
    expect(concatBytes([]).length).toBe(0);
  });

  it('copies only the viewed bytes of a subarray, and returns a new array', () => {
    const big = Uint8Array.of(9, 8, 7, 6, 5);
    const a = big.subarray(1, 3);
    const out = concatBytes([a, big.subarray(4)]);
    expect(Array.from(out)).toEqual([8, 7, 5]);
    out[0] = 0;
    expect(big[1]).toBe(8);
  });

  it('takes more parts than a call could spread (a CRL of 200 000 entries)', () => {
    const parts = Array.from({ length: 200_000 }, (_, i) => Uint8Array.of(i & 0xff));
    const out = concatBytes(parts);
    expect(out.length).toBe(200_000);
    expect(out[199_999]).toBe(199_999 & 0xff);
  });
});
