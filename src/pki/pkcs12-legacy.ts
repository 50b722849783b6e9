// The PKCS#12 primitives that predate PBES2 (RFC 7292 Appendix B and C), for the "legacy" P12 that
// macOS Keychain, iOS, Android ≤ 13 and Windows Server 2016 import: pbeWithSHAAnd3-KeyTripleDES-CBC
// for both the key bag and the certificate bag, and an HMAC-SHA-1 MAC.
// The PKCS#12 KDF also keys the MAC of the modern format (OpenSSL 3 does the same), so it lives here.
// node-forge supplies only the 3DES cipher and a synchronous SHA-1/SHA-256; why: docs/pkcs12.md.
import * as asn1js from 'asn1js';
import { concatBytes } from './bytes';

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
 * node-forge, loaded on first use: it gives us 3DES (absent from WebCrypto) and a synchronous
 * SHA-1/SHA-256 for the KDF's 2048 chained digests, which cost ~65 ms as awaited WebCrypto calls
 * against ~5 ms here. Only the three modules we use are loaded (about 55 kB minified instead of
 * 300 kB for the whole library); each registers itself on the same forge object.
 */
async function loadForge(): Promise<Forge> {
  const [forge] = (await Promise.all([
    // @ts-expect-error node-forge's per-module files have no typings; forge.js exports the shared object.
    import('node-forge/lib/forge.js'),
    // @ts-expect-error as above (registers forge.des and the 3DES-CBC cipher)
    import('node-forge/lib/des.js'),
    // @ts-expect-error as above (forge.md.sha1)
    import('node-forge/lib/sha1.js'),
    // @ts-expect-error as above (forge.md.sha256)
    import('node-forge/lib/sha256.js'),
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

interface ResettableDigest {
  start(): void;
  update(bytes: string): void;
  digest(): { getBytes(): string };
}

function iteratedDigest(forge: Forge, hash: Pkcs12Hash, input: Uint8Array, iterations: number): Uint8Array {
  // forge's typings omit start(), which every forge digest has.
  const md = (hash === 'SHA-1' ? forge.md.sha1 : forge.md.sha256).create() as unknown as ResettableDigest;
  let bytes = binaryString(input);
  for (let r = 0; r < iterations; r++) {
    md.start(); // reusing one digest object halves the cost of 2048 rounds
    md.update(bytes);
    bytes = md.digest().getBytes();
  }
  return fromBinaryString(bytes);
}

/**
 * RFC 7292 App. B.2 key derivation. id 1 = cipher key, 2 = IV, 3 = MAC key.
 * `password` is the BMPString form (bmpPassword).
 */
export async function pkcs12Kdf(password: Uint8Array, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number, hash: Pkcs12Hash): Promise<Uint8Array> {
  const forge = await loadForge();
  const { u, v } = HASH_BLOCK[hash];
  const d = new Uint8Array(v).fill(id);
  const s = repeatToMultiple(salt, v);
  const p = repeatToMultiple(password, v);
  const i = concatBytes([s, p]);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    const a = iteratedDigest(forge, hash, concatBytes([d, i]), iterations);
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
