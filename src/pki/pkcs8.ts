// PKCS#8 private keys, encrypted with a passphrase as OpenSSL 3 writes them by default:
// PBES2 = PBKDF2 (HMAC-SHA256) + AES-256-CBC (RFC 8018), PEM label "ENCRYPTED PRIVATE KEY".
import * as asn1js from 'asn1js';
import type { Text } from '../spec/types';
import { algorithmOf, children, contentBytes, integerBytes, isSequence, isUniversal, parseDer, TAG } from './asn1';
import { randomBytes, subtle, toArrayBuffer } from './crypto';
import { pemDecodeAll, pemEncode } from './pem';
import { own } from '../spec/own';

export const PKCS8_PEM_LABEL = 'PRIVATE KEY';
export const ENCRYPTED_PKCS8_PEM_LABEL = 'ENCRYPTED PRIVATE KEY';

/**
 * PBKDF2 iterations for keys we write. 600 000 is OWASP's 2023 figure for PBKDF2-HMAC-SHA256; it costs
 * well under a second in WebCrypto and in `openssl pkey`, which accepts any count.
 */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Refuse to spend more than this on a key file someone else wrote (a huge count would hang the page). */
const MAX_PBKDF2_ITERATIONS = 10_000_000;

export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 1023; // OpenSSL reads at most 1023 bytes from `-passin file:`

const OID = {
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  aes256cbc: '2.16.840.1.101.3.4.1.42',
  hmacSha256: '1.2.840.113549.2.9',
};
const PRF_HASH: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const AES_CBC_BITS: Record<string, number> = {
  '2.16.840.1.101.3.4.1.2': 128,
  '2.16.840.1.101.3.4.1.22': 192,
  '2.16.840.1.101.3.4.1.42': 256,
};

export type PassphraseCheck = { ok: true } | { ok: false; code: 'passphrase-short' | 'passphrase-long' | 'passphrase-control'; message: Text };

/** Our rule: 8+ characters, no control characters (a line break would be cut by `-passin file:`), ≤ 1023 UTF-8 bytes. */
export function checkPassphrase(passphrase: string): PassphraseCheck {
  if ([...passphrase].length < PASSPHRASE_MIN)
    return {
      ok: false,
      code: 'passphrase-short',
      message: { ja: `パスフレーズは${PASSPHRASE_MIN}文字以上にしてください。`, en: `The passphrase must have at least ${PASSPHRASE_MIN} characters.` },
    };
  if (/[\u0000-\u001f\u007f]/.test(passphrase))
    return {
      ok: false,
      code: 'passphrase-control',
      message: { ja: 'パスフレーズに改行や制御文字は使えません。', en: 'The passphrase must not contain line breaks or control characters.' },
    };
  if (new TextEncoder().encode(passphrase).length > PASSPHRASE_MAX)
    return {
      ok: false,
      code: 'passphrase-long',
      message: { ja: `パスフレーズが長すぎます（${PASSPHRASE_MAX}バイトまで）。`, en: `The passphrase is too long (${PASSPHRASE_MAX} bytes at most).` },
    };
  return { ok: true };
}

async function deriveAesKey(passphrase: string, salt: Uint8Array, iterations: number, hash: string, bits: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', toArrayBuffer(new TextEncoder().encode(passphrase)), 'PBKDF2', false, ['deriveBits']);
  const keyBytes = await subtle().deriveBits({ name: 'PBKDF2', salt: toArrayBuffer(salt), iterations, hash }, base, bits);
  return subtle().importKey('raw', keyBytes, 'AES-CBC', false, ['encrypt', 'decrypt']);
}

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octets = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });

/**
 * PBES2 (RFC 8018) with PBKDF2-HMAC-SHA256 and AES-256-CBC, the passphrase entering PBKDF2 as UTF-8 as OpenSSL
 * does: the AlgorithmIdentifier and the ciphertext. Shared by encrypted PKCS#8 keys and modern PKCS#12 bags.
 */
export async function encryptPbes2(plain: Uint8Array, passphrase: string, iterations: number): Promise<{ algorithm: asn1js.Sequence; ciphertext: Uint8Array }> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await deriveAesKey(passphrase, salt, iterations, 'SHA-256', 256);
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: toArrayBuffer(iv) }, key, toArrayBuffer(plain)));
  const kdf = new asn1js.Sequence({
    value: [
      oid(OID.pbkdf2),
      new asn1js.Sequence({
        value: [
          octets(salt),
          new asn1js.Integer({ value: iterations }),
          new asn1js.Sequence({ value: [oid(OID.hmacSha256), new asn1js.Null()] }),
        ],
      }),
    ],
  });
  const scheme = new asn1js.Sequence({ value: [oid(OID.aes256cbc), octets(iv)] });
  const algorithm = new asn1js.Sequence({ value: [oid(OID.pbes2), new asn1js.Sequence({ value: [kdf, scheme] })] });
  return { algorithm, ciphertext };
}

/** Encrypt a PrivateKeyInfo DER into an EncryptedPrivateKeyInfo DER. */
export async function encryptPkcs8(
  pkcs8: Uint8Array,
  passphrase: string,
  iterations: number = DEFAULT_PBKDF2_ITERATIONS,
): Promise<Uint8Array> {
  const { algorithm, ciphertext } = await encryptPbes2(pkcs8, passphrase, iterations);
  return new Uint8Array(new asn1js.Sequence({ value: [algorithm, octets(ciphertext)] }).toBER());
}

export type DecryptResult =
  | { ok: true; pkcs8: Uint8Array }
  | { ok: false; code: 'format' | 'unsupported' | 'passphrase'; message: Text };

const DECRYPT_FAIL = {
  format: { ok: false, code: 'format', message: { ja: '暗号化された秘密鍵（PKCS#8）として読めません。', en: 'Not an encrypted PKCS#8 private key.' } },
  unsupported: {
    ok: false,
    code: 'unsupported',
    message: {
      ja: 'この暗号方式には対応していません（PBES2 + PBKDF2 + AES-CBC のみ）。',
      en: 'Unsupported encryption (only PBES2 with PBKDF2 and AES-CBC).',
    },
  },
  passphrase: { ok: false, code: 'passphrase', message: { ja: 'パスフレーズが違います。', en: 'Wrong passphrase.' } },
} as const satisfies Record<string, DecryptResult>;

function readIterations(node: asn1js.AsnType): number {
  const bytes = integerBytes(node);
  return bytes.length > 4 ? Infinity : bytes.reduce((v, b) => v * 256 + b, 0);
}

interface Pbes2Params {
  salt: Uint8Array;
  iterations: number;
  hash: string;
  keyBits: number;
  iv: Uint8Array;
  encrypted: Uint8Array;
}

function readPbes2(der: Uint8Array): Pbes2Params | DecryptResult {
  const root = parseDer(der);
  const [alg, data] = children(root ?? undefined);
  const outer = algorithmOf(alg);
  if (!outer || !isUniversal(data, TAG.OCTET_STRING)) return DECRYPT_FAIL.format;
  if (outer.oid !== OID.pbes2) return DECRYPT_FAIL.unsupported;
  const [kdfNode, schemeNode] = children(outer.params);
  const kdf = algorithmOf(kdfNode);
  const scheme = algorithmOf(schemeNode);
  if (kdf?.oid !== OID.pbkdf2 || !scheme || !own(AES_CBC_BITS, scheme.oid)) return DECRYPT_FAIL.unsupported;
  const [salt, count, ...rest] = children(kdf.params);
  if (!isUniversal(salt, TAG.OCTET_STRING) || !isUniversal(count, TAG.INTEGER)) return DECRYPT_FAIL.format;
  const prfNode = rest.find((n) => isSequence(n));
  const hash = prfNode ? own(PRF_HASH, algorithmOf(prfNode)?.oid ?? '') : 'SHA-1';
  if (!hash || !isUniversal(scheme.params, TAG.OCTET_STRING)) return DECRYPT_FAIL.unsupported;
  return {
    salt: contentBytes(salt),
    iterations: readIterations(count),
    hash,
    keyBits: AES_CBC_BITS[scheme.oid],
    iv: contentBytes(scheme.params!),
    encrypted: contentBytes(data),
  };
}

/** Decrypt an EncryptedPrivateKeyInfo DER. Never throws. */
export async function decryptPkcs8(der: Uint8Array, passphrase: string): Promise<DecryptResult> {
  const p = readPbes2(der);
  if ('ok' in p) return p;
  if (p.iterations < 1 || p.iterations > MAX_PBKDF2_ITERATIONS) return DECRYPT_FAIL.unsupported;
  try {
    const key = await deriveAesKey(passphrase, p.salt, p.iterations, p.hash, p.keyBits);
    const plain = new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: toArrayBuffer(p.iv) }, key, toArrayBuffer(p.encrypted)));
    // A wrong passphrase usually fails the padding check; when the padding happens to pass, the DER does not parse.
    return isSequence(parseDer(plain) ?? undefined) ? { ok: true, pkcs8: plain } : DECRYPT_FAIL.passphrase;
  } catch {
    return DECRYPT_FAIL.passphrase;
  }
}

export function pkcs8ToPem(der: Uint8Array, encrypted: boolean): string {
  return pemEncode(encrypted ? ENCRYPTED_PKCS8_PEM_LABEL : PKCS8_PEM_LABEL, der);
}

/**
 * Open a private key PEM as the page or CLI wrote it (encrypted or not) and return the PrivateKeyInfo DER.
 * The passphrase is needed only for an encrypted key.
 */
export async function openPrivateKeyPem(pem: string, passphrase?: string): Promise<DecryptResult> {
  const blocks = pemDecodeAll(pem) ?? [];
  const plain = blocks.find((b) => b.label === PKCS8_PEM_LABEL);
  if (plain) return isSequence(parseDer(plain.der) ?? undefined) ? { ok: true, pkcs8: plain.der } : DECRYPT_FAIL.format;
  const enc = blocks.find((b) => b.label === ENCRYPTED_PKCS8_PEM_LABEL);
  if (!enc) return DECRYPT_FAIL.format;
  if (passphrase === undefined) return DECRYPT_FAIL.passphrase;
  return decryptPkcs8(enc.der, passphrase);
}
