// Signature algorithms by OID, with the names SPEC §2.1 uses, and verification of a signature over
// bytes as received (CSR self-signatures; certificates and CRLs can use the same function).
import * as asn1js from 'asn1js';
import { children, integerBytes, parseDer } from './asn1';
import { subtle, toArrayBuffer } from './crypto';
import { md5 } from './md5';
import { CURVE_BY_OID, OID_EC, OID_RSA, rsaPublicNumbers } from './spki';
import { own } from '../spec/own';

type Hash = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

interface SignatureAlgorithm {
  name: string;
  kind: 'rsa' | 'ecdsa';
  hash: Hash;
}

export const SIGNATURE_ALGORITHMS: Record<string, SignatureAlgorithm> = {
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', kind: 'rsa', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', kind: 'rsa', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', kind: 'rsa', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', kind: 'rsa', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', kind: 'rsa', hash: 'SHA-512' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', kind: 'ecdsa', hash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', kind: 'ecdsa', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', kind: 'ecdsa', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', kind: 'ecdsa', hash: 'SHA-512' },
};

const OTHER_NAMES: Record<string, string> = { '1.2.840.113549.1.1.10': 'rsassaPss', '1.3.101.112': 'Ed25519' };

/** SPEC §2.1 name of a signature algorithm, or its OID when we do not know it. */
export function signatureAlgorithmName(oid: string): string {
  return own(SIGNATURE_ALGORITHMS, oid)?.name ?? own(OTHER_NAMES, oid) ?? oid;
}

export interface SignedData {
  spki: Uint8Array;
  algorithmOid: string;
  signed: Uint8Array;
  signature: Uint8Array;
}

/** True only when the signature verifies. Unknown algorithms, a key of the wrong kind or garbage give false. */
export async function verifySignature(data: SignedData): Promise<boolean> {
  const alg = own(SIGNATURE_ALGORITHMS, data.algorithmOid);
  if (!alg) return false;
  try {
    if (alg.kind === 'rsa') return alg.hash === 'MD5' ? verifyRsaMd5(data) : await verifyRsa(data, alg.hash);
    return await verifyEcdsa(data, alg.hash);
  } catch {
    return false; // WebCrypto refuses malformed keys or unsupported sizes by throwing
  }
}

function keyAlgorithmOid(spki: Uint8Array): { oid: string; curve?: string } | null {
  const [alg] = children(parseDer(spki) ?? undefined);
  const [oid, params] = children(alg);
  if (!(oid instanceof asn1js.ObjectIdentifier)) return null;
  const curveOid = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : undefined;
  return { oid: oid.valueBlock.toString(), curve: curveOid && own(CURVE_BY_OID, curveOid) };
}

async function verifyRsa(data: SignedData, hash: Hash): Promise<boolean> {
  if (keyAlgorithmOid(data.spki)?.oid !== OID_RSA) return false;
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash };
  const key = await subtle().importKey('spki', toArrayBuffer(data.spki), algorithm, false, ['verify']);
  return subtle().verify(algorithm, key, toArrayBuffer(data.signature), toArrayBuffer(data.signed));
}

const CURVE_BYTES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** X.509 carries ECDSA signatures as DER SEQUENCE { r, s }; WebCrypto wants r || s, each padded to the curve size. */
function ecdsaDerToRaw(signature: Uint8Array, size: number): Uint8Array | null {
  const [r, s] = children(parseDer(signature) ?? undefined);
  if (!r || !s) return null;
  const out = new Uint8Array(2 * size);
  for (const [i, part] of [integerBytes(r), integerBytes(s)].entries()) {
    if (part.length > size) return null;
    out.set(part, (i + 1) * size - part.length);
  }
  return out;
}

async function verifyEcdsa(data: SignedData, hash: Hash): Promise<boolean> {
  const keyAlg = keyAlgorithmOid(data.spki);
  if (keyAlg?.oid !== OID_EC || !keyAlg.curve) return false;
  const raw = ecdsaDerToRaw(data.signature, CURVE_BYTES[keyAlg.curve]);
  if (!raw) return false;
  const key = await subtle().importKey('spki', toArrayBuffer(data.spki), { name: 'ECDSA', namedCurve: keyAlg.curve }, false, [
    'verify',
  ]);
  return subtle().verify({ name: 'ECDSA', hash }, key, toArrayBuffer(raw), toArrayBuffer(data.signed));
}

// DigestInfo prefix for MD5 (RFC 8017 §9.2 note 1).
const MD5_DIGEST_INFO = [0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10];

function toBigInt(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  for (; exp > 0n; exp >>= 1n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
  }
  return result;
}

/** RSASSA-PKCS1-v1_5 verification done by hand, for MD5 only (WebCrypto lacks MD5). */
function verifyRsaMd5(data: SignedData): boolean {
  const numbers = rsaPublicNumbers(data.spki);
  if (!numbers) return false;
  const n = toBigInt(numbers.n);
  const k = numbers.n.length;
  if (data.signature.length !== k) return false;
  const m = modPow(toBigInt(data.signature), toBigInt(numbers.e), n);
  const expected = [0x00, 0x01];
  const tail = [0x00, ...MD5_DIGEST_INFO, ...md5(data.signed)];
  while (expected.length < k - tail.length) expected.push(0xff);
  expected.push(...tail);
  return m === toBigInt(new Uint8Array(expected));
}
