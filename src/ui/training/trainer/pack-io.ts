// Saving and opening a training pack on this page: the RA worker's encrypted backup (and the JPNIC service's when
// the scenario uses it) plus the scenario. Opening checks everything it can before anything is replaced, so a bad
// pack leaves the simulated services as they were.
import type { PackParse } from '../../../training/pack';
import { checkJpnicBackup } from '../../../training/pack-check';
import { runPackJob } from '../../../training/pack-job';
import { workerFunction } from '../../../workers/call';
import PackWorker from '../../../workers/training-pack.worker?worker';
import { usesJpnic } from '../../../training/player';
import type { Scenario } from '../../../training/scenario';
import type { Text } from '../../../spec/types';
import { call } from '../../ra/ra-client';
import { refresh as refreshRa } from '../../ra/ra-store';
import { startScenario } from '../session';

export const MIN_PASSPHRASE = 8;

const packJob = workerFunction(() => new PackWorker(), runPackJob);

async function parseOffThread(bytes: Uint8Array): Promise<PackParse> {
  const r = await packJob({ op: 'parse', bytes });
  if (r.op !== 'parse') throw new Error('pack worker answered the wrong job');
  return r.parsed;
}

export type PackResult<T> = ({ ok: true } & T) | { ok: false; error: Text; details?: string[] };

async function jpnicEngine() {
  const { service } = await import('../../jpnic/jpnic-store');
  return (await service()).engine;
}

/** A file name from the pack's title: letters, digits and kana kept, the rest dashes. */
export function packFileName(title: string): string {
  const words = title.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const base = words.join('-').slice(0, 60);
  return `${base || 'training'}.upki-pack.json`;
}

export async function buildPack(scenario: Scenario, title: string, passphrase: string): Promise<PackResult<{ bytes: Uint8Array; fileName: string }>> {
  if ([...passphrase].length < MIN_PASSPHRASE) return { ok: false, error: { ja: 'パスフレーズは8文字以上にしてください。', en: 'The passphrase needs at least 8 characters.' } };
  const ra = await call('backup', passphrase);
  if (!ra.ok) return { ok: false, error: ra.message };
  const jpnic = usesJpnic(scenario) ? await (await jpnicEngine()).backup(passphrase) : undefined;
  const made = await packJob({ op: 'make', scenario, raBackup: ra.file.bytes, title, now: new Date().toISOString(), jpnicBackup: jpnic });
  if (made.op !== 'make') throw new Error('pack worker answered the wrong job');
  return { ok: true, bytes: made.bytes, fileName: packFileName(title || scenario.title.ja) };
}

/**
 * Opens a pack: parse (shape, version, scenario), then the JPNIC part gets every check its restore makes before
 * the RA is touched, then the RA restore (itself all-or-nothing), then JPNIC, then the scenario
 * starts at step 1.
 */
export async function openPack(bytes: Uint8Array, passphrase: string): Promise<PackResult<{ scenario: Scenario; title: string }>> {
  const parsed = await parseOffThread(bytes);
  if (!parsed.ok) return parsed;
  if (parsed.jpnicBackup) {
    const check = await checkJpnicBackup(parsed.jpnicBackup, passphrase);
    if (!check.ok) return check;
  }
  const restored = await call('restore', parsed.backup, passphrase);
  if (!restored.ok) return { ok: false, error: { ja: `研修パックを開けません: ${restored.message.ja}`, en: `Cannot open the training pack: ${restored.message.en}` } };
  if (parsed.jpnicBackup) {
    const { restoreBackup } = await import('../../jpnic/jpnic-store');
    await restoreBackup(parsed.jpnicBackup, passphrase);
  }
  await refreshRa();
  await startScenario(parsed.pack.scenario);
  return { ok: true, scenario: parsed.pack.scenario, title: parsed.pack.title };
}
