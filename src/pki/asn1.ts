// Thin helpers over asn1js for reading DER structures by position, keeping each element's exact bytes
// (signatures and key hashes must be computed over the bytes as received, never over a re-encoding).
import * as asn1js from 'asn1js';

export type Node = asn1js.AsnType;

/** Parse one DER element that spans the whole input. Null when malformed or followed by trailing bytes. */
export function parseDer(bytes: Uint8Array): Node | null {
  if (bytes.length === 0) return null;
  const { offset, result } = asn1js.fromBER(bytes.slice());
  if (offset !== bytes.length || result.error) return null;
  return result;
}

export function children(node: Node | undefined): Node[] {
  const value = (node?.valueBlock as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? (value as Node[]) : [];
}

export function rawBytes(node: Node): Uint8Array {
  return new Uint8Array(node.valueBeforeDecodeView);
}

/** The content octets of a primitive element (for INTEGER, BIT STRING, OCTET STRING, implicit tags). */
export function contentBytes(node: Node): Uint8Array {
  return new Uint8Array((node.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
}

const UNIVERSAL = 1;
const CONTEXT = 3;

export function isUniversal(node: Node | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === UNIVERSAL && node.idBlock.tagNumber === tag;
}

export function isContext(node: Node | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === CONTEXT && node.idBlock.tagNumber === tag;
}

export const TAG = {
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  SEQUENCE: 16,
  SET: 17,
} as const;

export function isSequence(node: Node | undefined): boolean {
  return isUniversal(node, TAG.SEQUENCE);
}

export function oidOf(node: Node | undefined): string | null {
  return node instanceof asn1js.ObjectIdentifier ? node.valueBlock.toString() : null;
}

/** An INTEGER's content octets, unsigned view (a leading 0x00 sign byte removed). */
export function integerBytes(node: Node): Uint8Array {
  const bytes = contentBytes(node);
  return bytes.length > 1 && bytes[0] === 0 ? bytes.slice(1) : bytes;
}

/** A BIT STRING's payload (the unused-bits byte removed; all signatures and keys use whole bytes). */
export function bitStringBytes(node: Node): Uint8Array {
  return new Uint8Array((node as asn1js.BitString).valueBlock.valueHexView);
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
export function algorithmOf(node: Node | undefined): { oid: string; params?: Node } | null {
  if (!isSequence(node)) return null;
  const [alg, params] = children(node);
  const oid = oidOf(alg);
  return oid ? { oid, params } : null;
}
