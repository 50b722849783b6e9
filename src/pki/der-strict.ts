// A strict DER check of a whole TLV tree (X.690 §10): what asn1js reads as BER, OpenSSL may refuse. Run before a
// CSR is accepted, so that "the validator accepts" implies "OpenSSL accepts" (issue 10).

/** Universal types that DER encodes only in primitive form. */
const PRIMITIVE_ONLY: ReadonlySet<number> = new Set([1, 2, 3, 4, 5, 6, 10, 12, 19, 20, 22, 23, 24, 26, 28, 30]);
const MAX_DEPTH = 64;

/** True when `bytes` is exactly one element in DER: definite minimal lengths, no constructed strings, minimal INTEGERs. */
export function isStrictDer(bytes: Uint8Array): boolean {
  return element(bytes, 0, bytes.length, 0) === bytes.length;
}

/** The end offset of the element at `start` (which must end by `limit`), or -1 when it is not DER. */
function element(b: Uint8Array, start: number, limit: number, depth: number): number {
  if (depth > MAX_DEPTH || start + 2 > limit) return -1;
  const id = b[start];
  if ((id & 0x1f) === 0x1f) return -1; // high tag numbers: none in the structures we read
  const constructed = (id & 0x20) !== 0;
  const universal = (id & 0xc0) === 0;
  const tag = id & 0x1f;
  let pos = start + 1;
  let length = b[pos++];
  if (length === 0x80) return -1; // indefinite length is BER
  if (length > 0x80) {
    const count = length & 0x7f;
    if (count > 4 || pos + count > limit || b[pos] === 0) return -1; // leading zero: not minimal
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + b[pos++];
    if (length < 0x80) return -1; // the short form would do
  }
  const end = pos + length;
  if (end > limit) return -1;
  if (universal) {
    if (constructed && PRIMITIVE_ONLY.has(tag)) return -1;
    if (!constructed && (tag === 16 || tag === 17)) return -1; // SEQUENCE and SET are always constructed
    if (!primitiveOk(b, tag, pos, length)) return -1;
  }
  if (constructed) {
    let at = pos;
    while (at < end) {
      at = element(b, at, end, depth + 1);
      if (at < 0) return -1;
    }
  }
  return end;
}

function primitiveOk(b: Uint8Array, tag: number, pos: number, length: number): boolean {
  switch (tag) {
    case 1: // BOOLEAN: one octet, 0x00 or 0xFF
      return length === 1 && (b[pos] === 0 || b[pos] === 0xff);
    case 2: // INTEGER: minimal two's complement
      return length > 0 && !(length > 1 && ((b[pos] === 0 && b[pos + 1] < 0x80) || (b[pos] === 0xff && b[pos + 1] >= 0x80)));
    case 3: // BIT STRING: unused-bits octet 0..7, 0 when empty
      return length > 0 && b[pos] <= 7 && (length > 1 || b[pos] === 0);
    case 5: // NULL
      return length === 0;
    case 6: // OBJECT IDENTIFIER: minimal base-128 arcs
      return length > 0 && (b[pos + length - 1] & 0x80) === 0 && arcsMinimal(b, pos, length);
    default:
      return true;
  }
}

function arcsMinimal(b: Uint8Array, pos: number, length: number): boolean {
  let first = true;
  for (let i = pos; i < pos + length; i++) {
    if (first && b[i] === 0x80) return false; // a leading 0x80 pads an arc
    first = (b[i] & 0x80) === 0;
  }
  return true;
}
