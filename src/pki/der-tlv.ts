// DER TLVs written and split by hand: the CRL and certificate-template writers (thousands of entries, where the
// library's schema layer costs milliseconds apiece) and the fuzz suite's DER surgery share these few lines.
/**
 * DER tag + length + content in one new array. `longLength` writes a length under 128 in the long form (0x81 n):
 * BER, not DER — for the fuzz suite's "not DER" inputs only.
 */
export function tlv(tag: number, content: Uint8Array, longLength = false): Uint8Array {
  const n = content.length;
  const len = n < 0x80 && !longLength ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  const out = new Uint8Array(1 + len.length + n);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

/** Header length and content length of the TLV at `at` (definite lengths only; the caller trusts the bytes). */
export function tlvHeader(der: Uint8Array, at = 0): { headerLength: number; length: number } {
  const first = der[at + 1];
  if (first < 0x80) return { headerLength: 2, length: first };
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[at + 2 + i];
  return { headerLength: 2 + count, length };
}

/** The content octets of one TLV, as a view of it. */
export function contentOf(t: Uint8Array): Uint8Array {
  return t.subarray(tlvHeader(t).headerLength);
}

/** The TLVs inside the constructed TLV `der` (e.g. one SEQUENCE), as views of `der`. */
export function children(der: Uint8Array): Uint8Array[] {
  const outer = tlvHeader(der);
  const end = outer.headerLength + outer.length;
  const out: Uint8Array[] = [];
  for (let at = outer.headerLength; at < end; ) {
    const h = tlvHeader(der, at);
    out.push(der.subarray(at, at + h.headerLength + h.length));
    at += h.headerLength + h.length;
  }
  return out;
}
