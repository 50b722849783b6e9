// SubjectPublicKeyInfo facts: key type and size, and a SHA-256 fingerprint to tell keys apart
// (SPEC §2.1: a renewal must use a new key pair, so "same key" is a rule input).
import { algorithmOf, bitStringBytes, children, integerBytes, isSequence, oidOf, parseDer } from './asn1';
import { sha256Hex } from './crypto';
import type { PublicKeyInfo } from './types';
import { own } from '../spec/own';

export const OID_RSA = '1.2.840.113549.1.1.1';
export const OID_EC = '1.2.840.10045.2.1';

export const CURVE_BY_OID: Record<string, 'P-256' | 'P-384' | 'P-521'> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
};

function bitLength(unsigned: Uint8Array): number {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  if (i === unsigned.length) return 0;
  return (unsigned.length - i - 1) * 8 + (32 - Math.clz32(unsigned[i]));
}

/** RSA modulus and exponent from an RSAPublicKey (inside the SPKI bit string). */
export function rsaPublicNumbers(spki: Uint8Array): { n: Uint8Array; e: Uint8Array } | null {
  const root = parseDer(spki);
  const [alg, bits] = children(root ?? undefined);
  if (algorithmOf(alg)?.oid !== OID_RSA || !bits) return null;
  const inner = parseDer(bitStringBytes(bits));
  const [n, e] = children(inner ?? undefined);
  if (!isSequence(inner ?? undefined) || !n || !e) return null;
  return { n: integerBytes(n), e: integerBytes(e) };
}

/** Key algorithm and size from SPKI DER; 'other' with the OID when it is neither RSA nor EC. */
export function describePublicKey(spki: Uint8Array): PublicKeyInfo | null {
  const root = parseDer(spki);
  if (!root || !isSequence(root)) return null;
  const alg = algorithmOf(children(root)[0]);
  if (!alg) return null;
  if (alg.oid === OID_RSA) {
    const numbers = rsaPublicNumbers(spki);
    return numbers ? { algorithm: 'RSA', bits: bitLength(numbers.n) } : null;
  }
  if (alg.oid === OID_EC) {
    const curveOid = oidOf(alg.params) ?? 'unknown';
    return { algorithm: 'EC', curve: own(CURVE_BY_OID, curveOid) ?? curveOid };
  }
  return { algorithm: 'other', oid: alg.oid };
}

/** Human-readable key description, e.g. "RSA 2048" or "EC P-384". */
export function formatPublicKey(key: PublicKeyInfo): string {
  if (key.algorithm === 'RSA') return `RSA ${key.bits}`;
  if (key.algorithm === 'EC') return `EC ${key.curve}`;
  return key.oid;
}

export function spkiSha256(spki: Uint8Array): Promise<string> {
  return sha256Hex(spki);
}

/** Whether two requests/certificates carry the same public key (compared by SPKI SHA-256). */
export function sameKey(a: { spkiSha256: string }, b: { spkiSha256: string }): boolean {
  return a.spkiSha256.toLowerCase() === b.spkiSha256.toLowerCase();
}
