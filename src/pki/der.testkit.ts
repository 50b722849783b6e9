// Test-only: a strict DER checker, independent of the encoders it judges (@peculiar/x509, asn1js).
// It walks the TLV tree itself and reports what DER (X.690 §10, §11) or RFC 5280 forbids:
// indefinite or non-minimal lengths, non-minimal INTEGERs, BOOLEANs other than 00/FF, bad BIT STRING
// padding, trailing bytes, and — in certificate / CRL extensions — an explicit `critical FALSE`
// (DEFAULT must be omitted), empty extension lists and empty SEQUENCEs inside extension values.
import * as asn1js from 'asn1js';

interface Tlv {
  tag: number;
  constructed: boolean;
  /** Offset of the tag byte in the whole input. */
  at: number;
  content: Uint8Array;
  /** Bytes of the whole TLV. */
  whole: Uint8Array;
  children: Tlv[];
}

const SEQUENCE = 0x30;
const SET = 0x31;
const INTEGER = 0x02;
const BOOLEAN = 0x01;
const BIT_STRING = 0x03;
const OCTET_STRING = 0x04;
const OID = 0x06;

class DerError extends Error {}

function readTlv(bytes: Uint8Array, offset: number, base: number, problems: string[]): Tlv {
  const tag = bytes[offset];
  if (tag === undefined) throw new DerError(`@${base + offset}: truncated`);
  if ((tag & 0x1f) === 0x1f) throw new DerError(`@${base + offset}: multi-byte tags are not used by X.509`);
  let p = offset + 1;
  const first = bytes[p++];
  if (first === undefined) throw new DerError(`@${base + offset}: truncated length`);
  let length: number;
  if (first < 0x80) length = first;
  else if (first === 0x80) throw new DerError(`@${base + offset}: indefinite length`);
  else {
    const n = first & 0x7f;
    if (bytes[p] === 0) problems.push(`@${base + offset}: long-form length with a leading zero byte`);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[p++];
    if (length < 0x80) problems.push(`@${base + offset}: long-form length ${length} (short form required)`);
  }
  const end = p + length;
  if (end > bytes.length) throw new DerError(`@${base + offset}: length ${length} past the end`);
  const content = bytes.subarray(p, end);
  const constructed = (tag & 0x20) !== 0;
  const tlv: Tlv = { tag, constructed, at: base + offset, content, whole: bytes.subarray(offset, end), children: [] };
  if (constructed) tlv.children = readAll(content, base + p, problems);
  return tlv;
}

function readAll(bytes: Uint8Array, base: number, problems: string[]): Tlv[] {
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const tlv = readTlv(bytes, offset, base, problems);
    out.push(tlv);
    offset += tlv.whole.length;
  }
  return out;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function checkPrimitives(t: Tlv, problems: string[]): void {
  const c = t.content;
  if (t.tag === INTEGER) {
    if (c.length === 0) problems.push(`@${t.at}: empty INTEGER`);
    else if (c.length > 1 && ((c[0] === 0 && c[1] < 0x80) || (c[0] === 0xff && c[1] >= 0x80))) problems.push(`@${t.at}: non-minimal INTEGER`);
  } else if (t.tag === BOOLEAN) {
    if (c.length !== 1 || (c[0] !== 0 && c[0] !== 0xff)) problems.push(`@${t.at}: BOOLEAN must be one byte 00 or FF`);
  } else if (t.tag === BIT_STRING) {
    if (c.length === 0 || c[0] > 7 || (c.length === 1 && c[0] !== 0)) problems.push(`@${t.at}: bad BIT STRING unused-bits byte`);
    else if (c[0] > 0 && (c[c.length - 1] & ((1 << c[0]) - 1)) !== 0) problems.push(`@${t.at}: BIT STRING padding bits not zero`);
  } else if (t.tag === SET && t.children.length > 1) {
    for (let i = 1; i < t.children.length; i++) {
      if (compareBytes(t.children[i - 1].whole, t.children[i].whole) > 0) problems.push(`@${t.at}: SET OF not in DER order`);
    }
  }
  for (const child of t.children) checkPrimitives(child, problems);
}

/** Find every `Extensions` list: a SEQUENCE whose children are all SEQUENCE { OID, [BOOLEAN], OCTET STRING }. */
function extensionLists(t: Tlv, out: Tlv[] = []): Tlv[] {
  const isExtension = (e: Tlv) =>
    e.tag === SEQUENCE &&
    e.children[0]?.tag === OID &&
    e.children[e.children.length - 1]?.tag === OCTET_STRING &&
    (e.children.length === 2 || (e.children.length === 3 && e.children[1].tag === BOOLEAN));
  if (t.tag === SEQUENCE && t.children.length > 0 && t.children.every(isExtension)) out.push(t);
  for (const child of t.children) extensionLists(child, out);
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content bytes. */
function oidString(c: Uint8Array): string {
  const arcs: number[] = [];
  let v = 0;
  for (const b of c) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  return [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40, ...arcs].join('.');
}

/**
 * Extensions whose value may be an empty SEQUENCE: basicConstraints of an end entity is `30 00`
 * (cA DEFAULT FALSE and pathLen absent), which is the correct DER. Every other empty SEQUENCE in an
 * extension value is a SEQUENCE OF … SIZE (1..MAX) left empty.
 */
const EMPTY_SEQUENCE_ALLOWED = new Set(['2.5.29.19']);

function hasEmptySequence(t: Tlv): boolean {
  return (t.tag === SEQUENCE && t.children.length === 0) || t.children.some(hasEmptySequence);
}

/** Every DER problem of a certificate or CRL; empty when strict. Throws nothing: unreadable input is a problem too. */
export function derProblems(der: Uint8Array): string[] {
  const problems: string[] = [];
  let top: Tlv[];
  try {
    top = readAll(der, 0, problems);
  } catch (e) {
    return [...problems, (e as Error).message];
  }
  if (top.length !== 1) problems.push(`${top.length} top-level elements (trailing bytes?)`);
  for (const t of top) {
    checkPrimitives(t, problems);
    for (const list of extensionLists(t)) {
      for (const ext of list.children) {
        const oid = oidString(ext.children[0].content);
        if (ext.children.length === 3 && ext.children[1].content[0] === 0) problems.push(`@${ext.at}: extension ${oid} encodes critical FALSE (DEFAULT must be omitted)`);
        const value = ext.children[ext.children.length - 1].content;
        try {
          const inner = readAll(value, 0, problems);
          if (inner.length !== 1) problems.push(`@${ext.at}: extension ${oid} value is not one DER element`);
          for (const v of inner) {
            checkPrimitives(v, problems);
            if (!EMPTY_SEQUENCE_ALLOWED.has(oid) && hasEmptySequence(v)) problems.push(`@${ext.at}: extension ${oid} holds an empty SEQUENCE`);
          }
        } catch (e) {
          problems.push(`@${ext.at}: extension ${oid} value: ${(e as Error).message}`);
        }
      }
    }
  }
  // Empty extension containers ([3] in a certificate, crlEntryExtensions/crlExtensions in a CRL): `30 00`
  // right where RFC 5280 requires SIZE (1..MAX). Any empty SEQUENCE directly inside a revoked entry or
  // an explicit [0]/[3] wrapper is one.
  const walk = (t: Tlv, parent?: Tlv) => {
    if (t.tag === SEQUENCE && t.children.length === 0 && parent && (parent.tag === 0xa0 || parent.tag === 0xa3 || isRevokedEntry(parent))) {
      problems.push(`@${t.at}: empty extensions SEQUENCE (RFC 5280: SIZE (1..MAX))`);
    }
    for (const child of t.children) walk(child, t);
  };
  for (const t of top) walk(t);
  return problems;
}

/** RevokedCertificate ::= SEQUENCE { userCertificate INTEGER, revocationDate Time, crlEntryExtensions Extensions OPTIONAL } */
function isRevokedEntry(t: Tlv): boolean {
  return t.tag === SEQUENCE && t.children.length === 3 && t.children[0].tag === INTEGER && (t.children[1].tag === 0x17 || t.children[1].tag === 0x18);
}

/** asn1js decodes and re-encodes: a strict DER input comes back byte for byte. */
export function asn1jsRoundTrip(der: Uint8Array): boolean {
  const parsed = asn1js.fromBER(der.slice().buffer);
  if (parsed.offset === -1) return false;
  const again = new Uint8Array(parsed.result.toBER(false));
  return again.length === der.length && again.every((b, i) => b === der[i]);
}
