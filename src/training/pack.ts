// A scenario pack: one file a trainer hands out — a scenario plus the simulated RA's state as its encrypted backup
// (institution, clock, certificates near expiry, mails). Only training CA keys and simulated users' keys are in it.
// Opening is two gates: parsePack() here (shape, version, scenario), then the engine's own restore (passphrase,
// every event checked and replayed before anything is replaced), so a bad pack changes nothing.
import type { Text } from '../spec/types';
import { base64Decode, base64Encode } from '../pki/pem';
import { validateScenario, type Scenario } from './scenario';

export const PACK_FORMAT = 'upki-workbench-training-pack';
export const PACK_VERSION = 1;
/** A pack holds one RA backup; a real one is a few MB at most. */
export const PACK_MAX_BYTES = 64 * 1024 * 1024;

export interface TrainingPack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  createdAt: string;
  /** What the trainer called it, shown before opening. */
  title: string;
  scenario: Scenario;
  /** The RA backup (engine.backup), base64. Its passphrase is the pack's, told to the room. */
  raBackup: string;
}

export function makePack(scenario: Scenario, raBackup: Uint8Array, title: string, now: Date): Uint8Array {
  const pack: TrainingPack = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    createdAt: now.toISOString(),
    title: title.trim().slice(0, 200) || scenario.title.ja,
    scenario,
    raBackup: base64Encode(raBackup),
  };
  return new TextEncoder().encode(JSON.stringify(pack));
}

export type PackParse = { ok: true; pack: TrainingPack; backup: Uint8Array } | { ok: false; error: Text; details: string[] };

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
  if (p.version !== PACK_VERSION) {
    return fail(`このバージョン（${String(p.version).slice(0, 10)}）には対応していません`, `version ${String(p.version).slice(0, 10)} is not supported (expected ${PACK_VERSION})`);
  }
  if (typeof p.title !== 'string' || p.title.length > 200 || typeof p.createdAt !== 'string' || Number.isNaN(Date.parse(p.createdAt))) {
    return fail('題名または作成日時が不正です', 'bad title or creation time');
  }
  const problems = validateScenario(p.scenario);
  if (problems.length) return fail('シナリオに誤りがあります', 'the scenario has errors', problems.slice(0, 20));
  const backup = typeof p.raBackup === 'string' ? base64Decode(p.raBackup) : null;
  if (!backup || backup.length === 0) return fail('模擬RAの状態が読めません', 'the simulated RA state is unreadable');
  return { ok: true, pack: value as TrainingPack, backup };
}
