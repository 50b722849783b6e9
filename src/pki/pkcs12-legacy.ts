// The PKCS#12 primitives that predate PBES2 (RFC 7292 Appendix B and C), for the "legacy" P12 that
// macOS Keychain, iOS, Android ≤ 13 and Windows Server 2016 import: pbeWithSHAAnd3-KeyTripleDES-CBC
// for both the key bag and the certificate bag, and an HMAC-SHA-1 MAC.
// The PKCS#12 KDF also keys the MAC of the modern format (OpenSSL 3 does the same), so it lives here.
// node-forge supplies only the 3DES cipher, @noble/hashes the KDF's synchronous SHA-1/SHA-256; why: docs/pkcs12.md.
import * as asn1js from 'asn1js';
import { sha256 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';

export type Pkcs12Hash = 'SHA-1' | 'SHA-256';

const HASH_BLOCK: Record<Pkcs12Hash, { u: number; v: number }> = {
  'SHA-1': { u: 20, v: 64 },
  'SHA-256': { u: 32, v: 64 },
};

/** RFC 7292 App. B.1: the password as a BMPString (UTF-16BE) with a two-byte NUL terminator. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    const c = password.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

function repeatToMultiple(src: Uint8Array, v: number): Uint8Array {
  if (src.length === 0) return src;
  const out = new Uint8Array(v * Math.ceil(src.length / v));
  for (let i = 0; i < out.length; i++) out[i] = src[i % src.length];
  return out;
}

/** I_j += B + 1 (mod 2^(8v)), big-endian, in place. */
function addBlock(target: Uint8Array, offset: number, b: Uint8Array): void {
  let carry = 1;
  for (let k = b.length - 1; k >= 0; k--) {
    const sum = target[offset + k] + b[k] + carry;
    target[offset + k] = sum & 0xff;
    carry = sum >> 8;
  }
}

type Forge = typeof import('node-forge');

/**
 * node-forge, loaded on the first legacy P12: it gives us 3DES (absent from WebCrypto). Only the module we use is
 * loaded (des.js with forge.js, util, cipher and cipherModes it requires), not the 300 kB of the whole library.
 */
async function loadForge(): Promise<Forge> {
  const [forge] = (await Promise.all([
    // @ts-expect-error node-forge's per-module files have no typings; forge.js exports the shared object.
    import('node-forge/lib/forge.js'),
    // @ts-expect-error as above (registers forge.des and the 3DES-CBC cipher)
    import('node-forge/lib/des.js'),
  ])) as [{ default?: Forge } & Forge, ...unknown[]];
  return forge.default ?? forge;
}

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function fromBinaryString(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The part of a @noble/hashes hash state the KDF uses. */
interface HashState {
  _cloneInto(to?: HashState): HashState;
  update(bytes: Uint8Array): unknown;
  digestInto(out: Uint8Array): void;
}

const HASHES: Record<Pkcs12Hash, () => HashState> = { 'SHA-1': () => sha1.create(), 'SHA-256': () => sha256.create() };

/**
 * H^iterations(input), synchronously. The KDF chains 2048 digests of 20–32 bytes: awaited WebCrypto calls cost
 * ~65 ms per derivation and node:crypto's createHash ~6 ms (an object per call), so the digest is JavaScript, with
 * one hash state copied from a fresh one at each round instead of a new object (≈ 1.8 ms for SHA-256 against
 * node-forge's ≈ 5 ms; docs/pkcs12.md).
 */
function iteratedDigest(hash: Pkcs12Hash, input: Uint8Array, iterations: number): Uint8Array {
  const fresh = HASHES[hash]();
  let work = HASHES[hash]();
  const out = new Uint8Array(HASH_BLOCK[hash].u);
  let bytes = input;
  for (let r = 0; r < iterations; r++) {
    work = fresh._cloneInto(work);
    work.update(bytes);
    work.digestInto(out);
    bytes = out;
  }
  return out.slice();
}

/**
 * RFC 7292 App. B.2 key derivation. id 1 = cipher key, 2 = IV, 3 = MAC key.
 * `password` is the BMPString form (bmpPassword).
 */
export async function pkcs12Kdf(password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number, hash: Pkcs12Hash): Promise<Uint8Array> {
  const { u, v } = HASH_BLOCK[hash];
  const d = new Uint8Array(v).fill(id);
  const s = repeatToMultiple(salt, v);
  const p = repeatToMultiple(password, v);
  const i = concat(s, p);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    const a = iteratedDigest(hash, concat(d, i), iterations);
    out.set(a, block * u);
    const b = repeatToMultiple(a, v);
    for (let j = 0; j < i.length; j += v) addBlock(i, j, b);
  }
  return out.slice(0, length);
}

/** WebCrypto's typings want an ArrayBuffer-backed view; ours always are. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

export const PBE_SHA1_3DES_OID = '1.2.840.113549.1.12.1.3';
/** OpenSSL's default iteration count for PKCS#12; what every legacy importer is known to accept. */
export const LEGACY_ITERATIONS = 2048;

async function tripleDesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  const forge = await loadForge();
  const cipher = forge.cipher.createCipher('3DES-CBC', forge.util.createBuffer(binaryString(key)));
  cipher.start({ iv: forge.util.createBuffer(binaryString(iv)) });
  cipher.update(forge.util.createBuffer(binaryString(plain)));
  if (!cipher.finish()) throw new Error('3DES encryption failed');
  return fromBinaryString(cipher.output.getBytes());
}

/** Encrypt with pbeWithSHAAnd3-KeyTripleDES-CBC. Returns the AlgorithmIdentifier and the ciphertext. */
export async function encryptPbeSha1TripleDes(plain: Uint8Array, password: string, iterations = LEGACY_ITERATIONS): Promise<{ algorithm: asn1js.Sequence; ciphertext: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const pw = bmpPassword(password);
  const key = await pkcs12Kdf(pw, salt, 1, iterations, 24, 'SHA-1');
  const iv = await pkcs12Kdf(pw, salt, 2, iterations, 8, 'SHA-1');
  const algorithm = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: PBE_SHA1_3DES_OID }),
      new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: salt }), new asn1js.Integer({ value: iterations })] }),
    ],
  });
  return { algorithm, ciphertext: await tripleDesCbcEncrypt(key, iv, plain) };
}
