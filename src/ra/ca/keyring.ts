// CA private keys: at rest as PKCS#8 encrypted with AES-GCM under the store's key-wrapping key
// (StoredSecret); in use as non-extractable CryptoKeys cached per engine. The PKCS#8 form exists only
// because backups must carry the keys (re-encrypted under the user's passphrase, backup.ts).
import { base64Decode, base64Encode } from '../../pki/pem';
import { caKeyAlgorithm } from '../../pki/certificate-builder';
import { TRAINING_CAS, type TrainingCaId } from '../../pki/ca-profiles';
import type { StoredSecret, StoreTx } from '../store/store';

function bytes(b64: string): Uint8Array {
  const out = base64Decode(b64);
  if (!out) throw new Error('corrupt base64 in stored secret');
  return out;
}

export async function wrapPkcs8(id: string, pkcs8: Uint8Array, kwk: CryptoKey): Promise<StoredSecret> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kwk, pkcs8 as BufferSource);
  return { id, iv: base64Encode(iv), ciphertext: base64Encode(new Uint8Array(ct)) };
}

export async function unwrapPkcs8(secret: StoredSecret, kwk: CryptoKey): Promise<Uint8Array> {
  const pt = await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: bytes(secret.iv) as BufferSource },
    kwk,
    bytes(secret.ciphertext) as BufferSource,
  );
  return new Uint8Array(pt);
}

export function importCaKey(ca: TrainingCaId, pkcs8: Uint8Array, extractable = false): Promise<CryptoKey> {
  const alg = caKeyAlgorithm(TRAINING_CAS[ca].key);
  const params = alg.name === 'ECDSA' ? { name: 'ECDSA', namedCurve: (alg as EcKeyGenParams).namedCurve } : { name: alg.name, hash: (alg as RsaHashedKeyGenParams).hash };
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, params, extractable, ['sign']);
}

export function caSecretId(ca: TrainingCaId): string {
  return `ca-key:${ca}`;
}

/** Signing keys of the CAs, unwrapped on first use and kept as non-extractable CryptoKeys. */
export class CaKeyring {
  private readonly cache = new Map<TrainingCaId, Promise<CryptoKey>>();

  constructor(private readonly kwk: () => Promise<CryptoKey>) {}

  signingKey(tx: Pick<StoreTx, 'getSecret'>, ca: TrainingCaId): Promise<CryptoKey> {
    let key = this.cache.get(ca);
    if (!key) {
      const secret = tx.getSecret(caSecretId(ca));
      if (!secret) return Promise.reject(new Error(`no key stored for CA ${ca}`));
      key = this.kwk().then((k) => unwrapPkcs8(secret, k)).then((p) => importCaKey(ca, p));
      key.catch(() => this.cache.delete(ca));
      this.cache.set(ca, key);
    }
    return key;
  }

  /** Forget cached keys (after restore or reset: the stored keys changed). */
  clear(): void {
    this.cache.clear();
  }
}
