// Backup and restore of the whole simulator state as one file. The payload (event log, files, CA
// private keys as PKCS#8) is encrypted with AES-256-GCM under a key derived from the user's
// passphrase with PBKDF2-SHA-256; GCM's tag makes a wrong passphrase and a damaged file fail alike,
// before anything is changed. Layout: docs/ra-files.md.
import { base64Decode, base64Encode } from '../pki/pem';
import type { RaEvent } from './events';
import { checkEvents } from './event-schema';
import { replayProblem } from './restore-check';
import { unwrapPkcs8, wrapPkcs8 } from './ca/keyring';
import type { StoredEvent, StoreSnapshot, StoredSecret } from './store/store';
import type { Text } from '../spec/types';

export const BACKUP_FORMAT = 'upki-ra-backup';
/** Version 2 authenticates the envelope (format, version, createdAt, KDF and cipher parameters) as GCM additional data. */
export const BACKUP_VERSION = 2;
export const PBKDF2_ITERATIONS = 600_000;
/** The least count a backup may carry (ours): a file asking for fewer was not written by us and protects its keys weakly. */
export const MIN_PBKDF2_ITERATIONS = PBKDF2_ITERATIONS;
/**
 * The count is read from the file before anything is verified, so a damaged or crafted file could ask for
 * hours of PBKDF2 and hang the page. Above this bound (≈ 17 × ours) the file is refused as damaged.
 */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** The shortest passphrase (in characters) the engine encrypts with; the UI asks for the same. */
export const MIN_PASSPHRASE_LENGTH = 8;

interface BackupEnvelope {
  format: typeof BACKUP_FORMAT;
  /** 1: the envelope is not authenticated (read for older files); 2: it is, as GCM additional data. */
  version: 1 | 2;
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

export type BackupResult = { ok: true; bytes: Uint8Array } | { ok: false; message: Text };
export type RestoreResult<E extends StoredEvent = RaEvent> = { ok: true; snapshot: StoreSnapshot<E> } | { ok: false; message: Text };

/**
 * How a log of one simulator is checked before a restore may commit it: `events` against its schema,
 * `replay` the whole state (restore-check.ts for the RA). The RA engine passes `RA_LOG_CHECK`; a simulator
 * without its own schema yet gets `MINIMAL_LOG_CHECK` (type and seq only, as before issue 10).
 */
export interface LogCheck<E extends StoredEvent> {
  events(value: unknown): string | undefined;
  replay?(events: readonly E[], files: Readonly<Record<string, Uint8Array>>, pkcs8: Readonly<Record<string, Uint8Array>>): Promise<string | undefined>;
}

export const RA_LOG_CHECK: LogCheck<RaEvent> = { events: checkEvents, replay: replayProblem };

export const MINIMAL_LOG_CHECK: LogCheck<StoredEvent> = {
  events: (v) =>
    Array.isArray(v) && v.every((e: { type?: unknown; seq?: unknown } | null, i) => typeof e?.type === 'string' && e.seq === i + 1)
      ? undefined
      : 'events: not a log of {type, seq}',
};

const REFUSED: Record<'format' | 'decrypt' | 'content' | 'weak', Text> = {
  format: { ja: 'バックアップファイルではないか、ファイルが壊れています。', en: 'This is not a backup file, or the file is damaged.' },
  decrypt: {
    ja: 'パスフレーズが違うか、ファイルが壊れています。何も変更していません。',
    en: 'Wrong passphrase, or the file is damaged. Nothing was changed.',
  },
  content: { ja: 'バックアップの内容が不正です。何も変更していません。', en: 'The backup content is invalid. Nothing was changed.' },
  weak: {
    ja: `このバックアップは鍵導出の反復回数が少なすぎる（${MIN_PBKDF2_ITERATIONS}回未満）ため、受け付けません。何も変更していません。`,
    en: `This backup's key derivation uses too few iterations (under ${MIN_PBKDF2_ITERATIONS}); refused. Nothing was changed.`,
  },
};

const SHORT_PASSPHRASE: Text = {
  ja: `パスフレーズは${MIN_PASSPHRASE_LENGTH}文字以上にしてください。`,
  en: `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`,
};

/** Characters, not UTF-16 units: a Japanese passphrase counts as it reads. */
export function passphraseProblem(passphrase: string): Text | undefined {
  return [...passphrase].length < MIN_PASSPHRASE_LENGTH ? SHORT_PASSPHRASE : undefined;
}

/**
 * The envelope's fields other than the ciphertext, in a fixed order: the GCM additional data of version 2.
 * A changed count, salt, date or version then fails the tag like a damaged ciphertext does.
 */
function additionalData(e: BackupEnvelope): Uint8Array {
  const header = [e.format, e.version, e.createdAt, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.cipher.name, e.cipher.iv];
  return new TextEncoder().encode(JSON.stringify(header));
}

function gcmParams(envelope: BackupEnvelope, iv: Uint8Array): AesGcmParams {
  return envelope.version === 1
    ? { name: 'AES-GCM', iv: iv as BufferSource }
    : { name: 'AES-GCM', iv: iv as BufferSource, additionalData: additionalData(envelope) as BufferSource };
}

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

export async function createBackup<E extends StoredEvent>(snapshot: StoreSnapshot<E>, kwk: CryptoKey, passphrase: string, now: Date): Promise<BackupResult> {
  const short = passphraseProblem(passphrase);
  if (short) return { ok: false, message: short };
  const keys: Record<string, string> = {};
  for (const secret of Object.values(snapshot.secrets)) keys[secret.id] = base64Encode(await unwrapPkcs8(secret, kwk));
  const files: Record<string, string> = {};
  for (const [id, bytes] of Object.entries(snapshot.files)) files[id] = base64Encode(bytes);
  const payload: BackupPayload<E> = { events: snapshot.events, files, keys };
  return { ok: true, bytes: await sealPayload(payload, passphrase, now) };
}

/** Encrypt any payload into a version-2 envelope. Exported for tests that craft hostile backups. */
export async function sealPayload(payload: unknown, passphrase: string, now: Date, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const envelope: BackupEnvelope = {
    format: BACKUP_FORMAT,
    version: 2,
    createdAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: base64Encode(salt) },
    cipher: { name: 'AES-GCM', iv: base64Encode(iv) },
    ciphertext: '',
  };
  const ciphertext = new Uint8Array(await globalThis.crypto.subtle.encrypt(gcmParams(envelope, iv), key, plain));
  envelope.ciphertext = base64Encode(ciphertext);
  return new TextEncoder().encode(JSON.stringify(envelope));
}

/** The decrypted payload (not yet checked), or why the file was refused. Exported for tests. */
export async function unsealPayload(bytes: Uint8Array, passphrase: string): Promise<{ ok: true; payload: unknown } | { ok: false; message: Text }> {
  const envelope = parseEnvelope(bytes);
  if (envelope === 'weak') return { ok: false, message: REFUSED.weak };
  const salt = envelope && base64Decode(envelope.kdf.salt);
  const iv = envelope && base64Decode(envelope.cipher.iv);
  const ciphertext = envelope && base64Decode(envelope.ciphertext);
  if (!envelope || !salt || !iv || !ciphertext) return { ok: false, message: REFUSED.format };
  let plain: Uint8Array;
  try {
    const key = await passphraseKey(passphrase, salt, envelope.kdf.iterations);
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt(gcmParams(envelope, iv), key, ciphertext as BufferSource));
  } catch {
    return { ok: false, message: REFUSED.decrypt };
  }
  try {
    return { ok: true, payload: JSON.parse(new TextDecoder().decode(plain)) };
  } catch {
    return { ok: false, message: REFUSED.content };
  }
}

/** The envelope when its shape is right; 'weak' when the iteration count is under the floor. */
function parseEnvelope(bytes: Uint8Array): BackupEnvelope | 'weak' | undefined {
  try {
    const e = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as BackupEnvelope;
    const ok =
      e.format === BACKUP_FORMAT &&
      (e.version === 1 || e.version === 2) &&
      typeof e.createdAt === 'string' &&
      e.kdf?.name === 'PBKDF2' &&
      e.kdf.hash === 'SHA-256' &&
      Number.isInteger(e.kdf.iterations) &&
      e.kdf.iterations > 0 &&
      e.kdf.iterations <= MAX_PBKDF2_ITERATIONS &&
      typeof e.kdf.salt === 'string' &&
      e.cipher?.name === 'AES-GCM' &&
      typeof e.cipher.iv === 'string' &&
      typeof e.ciphertext === 'string';
    if (!ok) return undefined;
    return e.kdf.iterations < MIN_PBKDF2_ITERATIONS ? 'weak' : e;
  } catch {
    return undefined;
  }
}

/** Why the decrypted payload is not a well-formed backup (every event against the schema), or undefined. */
function payloadProblem(p: unknown, check: LogCheck<StoredEvent>): string | undefined {
  if (typeof p !== 'object' || p === null) return 'not an object';
  const v = p as Record<string, unknown>;
  const strings = (r: unknown) => typeof r === 'object' && r !== null && !Array.isArray(r) && Object.values(r).every((x) => typeof x === 'string');
  if (!strings(v.files)) return 'files: not an object of base64 strings';
  if (!strings(v.keys)) return 'keys: not an object of base64 strings';
  return check.events(v.events);
}

function isPayload<E extends StoredEvent>(p: unknown, check: LogCheck<E>): p is BackupPayload<E> {
  return payloadProblem(p, check) === undefined;
}

/** The refusal names the first problem found (in English: it is a path into the file, for whoever debugs it). */
function contentRefused(detail: string): Text {
  return { ja: `${REFUSED.content.ja}（${detail}）`, en: `${REFUSED.content.en} (${detail})` };
}

function everyDefined<T>(r: Record<string, T | null | undefined>): r is Record<string, T> {
  return Object.values(r).every((v) => v !== undefined && v !== null);
}

/**
 * Decrypt and check a backup: every event against the schema, then the whole state replayed (`check`;
 * the RA passes RA_LOG_CHECK); re-wrap its CA keys under this installation's key. Changes nothing itself.
 */
export async function openBackup<E extends StoredEvent = RaEvent>(
  bytes: Uint8Array,
  passphrase: string,
  kwk: CryptoKey,
  check: LogCheck<E> = MINIMAL_LOG_CHECK,
): Promise<RestoreResult<E>> {
  const unsealed = await unsealPayload(bytes, passphrase);
  if (!unsealed.ok) return unsealed;
  const payload = unsealed.payload;
  const problem = payloadProblem(payload, check);
  if (problem || !isPayload(payload, check)) return { ok: false, message: contentRefused(problem ?? '') };
  // Object.fromEntries defines own properties, so an id such as "__proto__" stays a plain key.
  const files = Object.fromEntries(Object.entries(payload.files).map(([id, b64]) => [id, base64Decode(b64)]));
  const pkcs8 = Object.fromEntries(Object.entries(payload.keys).map(([id, b64]) => [id, base64Decode(b64)]));
  if (!everyDefined(files) || !everyDefined(pkcs8)) return { ok: false, message: contentRefused('a file or key is not base64') };
  const replay = await check.replay?.(payload.events, files, pkcs8);
  if (replay) return { ok: false, message: contentRefused(replay) };
  const secrets: Record<string, StoredSecret> = Object.fromEntries(
    await Promise.all(Object.entries(pkcs8).map(async ([id, key]) => [id, await wrapPkcs8(id, key, kwk)] as const)),
  );
  return { ok: true, snapshot: { events: payload.events, files, secrets } };
}
