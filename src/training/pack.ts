// A scenario pack: one file a trainer hands out — a scenario plus the simulated RA's state as its encrypted backup
// (institution, clock, certificates near expiry, mails), and since version 2 the JPNIC service's too when the
// scenario uses it. Only training CA keys and simulated users' keys are in it.
// Opening is two gates: parsePack() here (shape, version, scenario), then the engine's own restore (passphrase,
// every event checked and replayed before anything is replaced), so a bad pack changes nothing.
import type { Text } from '../spec/types';
import { base64Decode, base64Encode } from '../pki/pem';
import { validateScenario, type Scenario } from './scenario';

export const PACK_FORMAT = 'upki-workbench-training-pack';
export const PACK_VERSION = 2;
/** Versions this build opens: 1 (RA only) and 2 (optional jpnicBackup). */
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
const KEYS = new Set(['format', 'version', 'createdAt', 'title', 'scenario', 'raBackup', 'jpnicBackup']);
/** A pack holds one RA backup; a real one is a few MB at most. */
export const PACK_MAX_BYTES = 64 * 1024 * 1024;

export interface TrainingPack {
  format: typeof PACK_FORMAT;
  version: 1 | 2;
  createdAt: string;
  /** What the trainer called it, shown before opening. */
  title: string;
  scenario: Scenario;
  /** The RA backup (engine.backup), base64. Its passphrase is the pack's, told to the room. */
  raBackup: string;
  /** Version 2: the JPNIC engine's backup (same passphrase), base64; only when the scenario uses JPNIC. */
  jpnicBackup?: string;
}

export function makePack(scenario: Scenario, raBackup: Uint8Array, title: string, now: Date, jpnicBackup?: Uint8Array): Uint8Array {
  const pack: TrainingPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    createdAt: now.toISOString(),
    title: title.trim().slice(0, 200) || scenario.title.ja,
    scenario,
    raBackup: base64Encode(raBackup),
    ...(jpnicBackup ? { jpnicBackup: base64Encode(jpnicBackup) } : {}),
  };
  return new TextEncoder().encode(JSON.stringify(pack));
}

export type PackParse = { ok: true; pack: TrainingPack; backup: Uint8Array; jpnicBackup?: Uint8Array } | { ok: false; error: Text; details: string[] };

/** Reads an untrusted pack file; on any problem nothing is returned to restore. */
export function parsePack(bytes: Uint8Array): PackParse {
  const fail = (ja: string, en: string, details: string[] = []): PackParse => ({ ok: false, error: { ja: `研修パックを開けません: ${ja}`, en: `Cannot open the training pack: ${en}` }, details });
  if (bytes.length > PACK_MAX_BYTES) return fail('ファイルが大きすぎます', 'the file is too large');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('JSONではありません（壊れているか別のファイルです）', 'not JSON (damaged, or another kind of file)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('形式が違います', 'wrong shape');
  const p = value as Record<string, unknown>;
  if (p.format !== PACK_FORMAT) return fail('研修パックではありません', 'not a training pack');
  if (!READABLE_VERSIONS.includes(p.version)) {
    return fail(`このバージョン（${String(p.version).slice(0, 10)}）には対応していません`, `version ${String(p.version).slice(0, 10)} is not supported (expected 1 or ${PACK_VERSION})`);
  }
  // A crafted key (__proto__, constructor, …) or a field of a later version: refuse rather than half-read.
  const unknown = Object.keys(p).filter((k) => !KEYS.has(k) || (k === 'jpnicBackup' && p.version === 1));
  if (unknown.length) return fail(`知らない項目があります（${unknown.slice(0, 3).join(', ').slice(0, 60)}）`, `unknown fields (${unknown.slice(0, 3).join(', ').slice(0, 60)})`);
  if (typeof p.title !== 'string' || p.title.length > 200 || typeof p.createdAt !== 'string' || Number.isNaN(Date.parse(p.createdAt))) {
    return fail('題名または作成日時が不正です', 'bad title or creation time');
  }
  const problems = validateScenario(p.scenario);
  if (problems.length) return fail('シナリオに誤りがあります', 'the scenario has errors', problems.slice(0, 20));
  const backup = typeof p.raBackup === 'string' ? base64Decode(p.raBackup) : null;
  if (!backup || backup.length === 0) return fail('模擬RAの状態が読めません', 'the simulated RA state is unreadable');
  let jpnicBackup: Uint8Array | undefined;
  if (p.jpnicBackup !== undefined) {
    jpnicBackup = (typeof p.jpnicBackup === 'string' && base64Decode(p.jpnicBackup)) || undefined;
    if (!jpnicBackup || jpnicBackup.length === 0) return fail('模擬JPNICの状態が読めません', 'the simulated JPNIC state is unreadable');
  }
  return { ok: true, pack: value as TrainingPack, backup, jpnicBackup };
}

