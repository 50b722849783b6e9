// DER surgery for tests and the fuzz suite: take a CSR or certificate apart into its top-level elements and put
// it back together with one detail changed (an extra element, other parameters, BER lengths…).
import { concatBytes } from '../pki/bytes';

/** One TLV as bytes. */
export function tlv(tag: number, content: Uint8Array, longLength = false): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80 && !longLength) header = [tag, n];
  else if (n < 0x100) header = [tag, 0x81, n];
  else if (n < 0x10000) header = [tag, 0x82, n >> 8, n & 0xff];
  else header = [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return concatBytes([Uint8Array.from(header), content]);
}

/** Header length and content length of the TLV at `at` (definite lengths only). */
export function header(b: Uint8Array, at = 0): { headerLength: number; length: number } {
  const first = b[at + 1];
  if (first < 0x80) return { headerLength: 2, length: first };
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + b[at + 2 + i];
  return { headerLength: 2 + count, length };
}

/** The elements inside the constructed TLV `b` (each with its own header). */
export function elements(b: Uint8Array): Uint8Array[] {
  const { headerLength, length } = header(b);
  const out: Uint8Array[] = [];
  let at = headerLength;
  while (at < headerLength + length) {
    const h = header(b, at);
    out.push(b.slice(at, at + h.headerLength + h.length));
    at += h.headerLength + h.length;
  }
  return out;
}

export const SEQUENCE = 0x30;
export const NULL = Uint8Array.from([0x05, 0x00]);

/** SEQUENCE of the given elements. */
export function sequence(...parts: Uint8Array[]): Uint8Array {
  return tlv(SEQUENCE, concatBytes(parts));
}
