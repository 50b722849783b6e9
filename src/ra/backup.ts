// Backup and restore of the whole simulator state as one file. The payload (event log, files, CA
// private keys as PKCS#8) is encrypted with AES-256-GCM under a key derived from the user's
// passphrase with PBKDF2-SHA-256; GCM's tag makes a wrong passphrase and a damaged file fail alike,
// before anything is changed. Layout: docs/ra-files.md.
import { base64Decode, base64Encode } from '../pki/pem';
import type { RaEvent } from './events';
import { unwrapPkcs8, wrapPkcs8 } from './ca/keyring';
import type { StoredEvent, StoreSnapshot, StoredSecret } from './store/store';
import type { Text } from '../spec/types';

export const BACKUP_FORMAT = 'upki-ra-backup';
export const PBKDF2_ITERATIONS = 600_000;
/**
 * The count is read from the file before anything is verified, so a damaged or crafted file could ask for
 * hours of PBKDF2 and hang the page. Above this bound (≈ 17 × ours) the file is refused as damaged.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  ciphertext: string;
}

interface BackupPayload<E extends StoredEvent = RaEvent> {
  events: E[];
  files: Record<string, string>;
  /** PKCS#8 of each CA key, base64 (protected by the envelope's encryption only). */
  keys: Record<string, string>;
}

export type RestoreResult<E extends StoredEvent = RaEvent> = { ok: true; snapshot: StoreSnapshot<E> } | { ok: false; message: Text };

const REFUSED: Record<'format' | 'decrypt' | 'content', Text> = {
  format: { ja: 'バックアップファイルではないか、ファイルが壊れています。', en: 'This is not a backup file, or the file is damaged.' },
  decrypt: {
    ja: 'パスフレーズが違うか、ファイルが壊れています。何も変更していません。',
    en: 'Wrong passphrase, or the file is damaged. Nothing was changed.',
  },
  content: { ja: 'バックアップの内容が不正です。何も変更していません。', en: 'The backup content is invalid. Nothing was changed.' },
};

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function createBackup<E extends StoredEvent>(snapshot: StoreSnapshot<E>, kwk: CryptoKey, passphrase: string, now: Date): Promise<Uint8Array> {
  const keys: Record<string, string> = {};
  for (const secret of Object.values(snapshot.secrets)) keys[secret.id] = base64Encode(await unwrapPkcs8(secret, kwk));
  const files: Record<string, string> = {};
  for (const [id, bytes] of Object.entries(snapshot.files)) files[id] = base64Encode(bytes);
  const payload: BackupPayload<E> = { events: snapshot.events, files, keys };
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const ciphertext = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, plain));
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: base64Encode(salt) },
    cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
    ciphertext: base64Encode(ciphertext),
  };
  return new TextEncoder().encode(JSON.stringify(envelope));
}

function parseEnvelope(bytes: Uint8Array): BackupEnvelope | undefined {
  try {
    const e = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as BackupEnvelope;
    const ok =
      e.format === BACKUP_FORMAT &&
      e.version === 1 &&
      e.kdf?.name === 'PBKDF2' &&
      Number.isInteger(e.kdf.iterations) &&
      e.kdf.iterations > 0 &&
      e.kdf.iterations <= MAX_PBKDF2_ITERATIONS &&
      typeof e.kdf.salt === 'string' &&
      typeof e.cipher?.iv === 'string' &&
      typeof e.ciphertext === 'string';
    return ok ? e : undefined;
  } catch {
    return undefined;
  }
}

function isPayload<E extends StoredEvent>(p: unknown): p is BackupPayload<E> {
  const v = p as BackupPayload<E>;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.events) &&
    v.events.every((e, i) => typeof e?.type === 'string' && e.seq === i + 1) &&
    typeof v.files === 'object' &&
    typeof v.keys === 'object'
  );
}

/** Decrypt and check a backup; re-wrap its CA keys under this installation's key. Changes nothing itself. */
export async function openBackup<E extends StoredEvent = RaEvent>(bytes: Uint8Array, passphrase: string, kwk: CryptoKey): Promise<RestoreResult<E>> {
  const envelope = parseEnvelope(bytes);
  const salt = envelope && base64Decode(envelope.kdf.salt);
  const iv = envelope && base64Decode(envelope.cipher.iv);
  const ciphertext = envelope && base64Decode(envelope.ciphertext);
  if (!envelope || !salt || !iv || !ciphertext) return { ok: false, message: REFUSED.format };
  let plain: Uint8Array;
  try {
    const key = await passphraseKey(passphrase, salt, envelope.kdf.iterations);
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, ciphertext as BufferSource));
  } catch {
    return { ok: false, message: REFUSED.decrypt };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return { ok: false, message: REFUSED.content };
  }
  if (!isPayload<E>(payload)) return { ok: false, message: REFUSED.content };
  const files: Record<string, Uint8Array> = {};
  for (const [id, b64] of Object.entries(payload.files)) {
    const data = base64Decode(b64);
    if (!data) return { ok: false, message: REFUSED.content };
    files[id] = data;
  }
  const secrets: Record<string, StoredSecret> = {};
  for (const [id, b64] of Object.entries(payload.keys)) {
    const pkcs8 = base64Decode(b64);
    if (!pkcs8) return { ok: false, message: REFUSED.content };
    secrets[id] = await wrapPkcs8(id, pkcs8, kwk);
  }
  return { ok: true, snapshot: { events: payload.events, files, secrets } };
}
