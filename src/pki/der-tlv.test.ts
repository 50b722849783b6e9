// The shared TLV helper: the length forms at their boundaries, the fuzz suite's long form, and splitting back.
import { describe, expect, it } from 'vitest';
import { children, contentOf, tlv, tlvHeader } from './der-tlv';

const bytes = (n: number) => new Uint8Array(n).fill(0xab);
const head = (t: Uint8Array, n: number) => [...t.subarray(0, n)];

describe('tlv', () => {
  it('writes the shortest length form (DER) at each boundary', () => {
    expect(head(tlv(0x04, bytes(127)), 2)).toEqual([0x04, 127]);
    expect(head(tlv(0x04, bytes(128)), 3)).toEqual([0x04, 0x81, 128]);
    expect(head(tlv(0x04, bytes(256)), 4)).toEqual([0x04, 0x82, 0x01, 0x00]);
    expect(head(tlv(0x04, bytes(0x10000)), 5)).toEqual([0x04, 0x83, 0x01, 0x00, 0x00]);
    expect(tlv(0x04, bytes(300)).length).toBe(4 + 300);
  });

  it('writes a short length in the long form only when asked (BER for the fuzz suite)', () => {
    expect([...tlv(0x05, new Uint8Array(0), true)]).toEqual([0x05, 0x81, 0x00]);
    expect([...tlv(0x05, new Uint8Array(0))]).toEqual([0x05, 0x00]);
  });
});

describe('children, tlvHeader, contentOf', () => {
  it('split a SEQUENCE back into the TLVs it was written from, long and short forms alike', () => {
    const parts = [tlv(0x02, Uint8Array.of(1)), tlv(0x04, bytes(200)), tlv(0x30, bytes(3), true)];
    const seq = tlv(0x30, Uint8Array.from(parts.flatMap((p) => [...p])));
    expect(tlvHeader(seq)).toEqual({ headerLength: 3, length: 3 + 203 + 6 });
    expect(children(seq).map((c) => [...c])).toEqual(parts.map((p) => [...p]));
    expect([...contentOf(parts[1])]).toEqual([...bytes(200)]);
  });
});
