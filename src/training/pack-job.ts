// Making and reading a pack as one job the page runs in a worker: a pack is several MB of base64 and JSON, too much
// for the main thread's 50 ms. Pure, so it runs unchanged on the main thread when no worker can start.
import type { Scenario } from './scenario';
import { makePack, parsePack, type PackParse } from './pack';

export type PackJob =
  | { op: 'make'; scenario: Scenario; raBackup: Uint8Array; title: string; now: string; jpnicBackup?: Uint8Array }
  | { op: 'parse'; bytes: Uint8Array };

export type PackJobResult = { op: 'make'; bytes: Uint8Array } | { op: 'parse'; parsed: PackParse };

export async function runPackJob(job: PackJob): Promise<PackJobResult> {
  if (job.op === 'make') return { op: 'make', bytes: makePack(job.scenario, job.raBackup, job.title, new Date(job.now), job.jpnicBackup) };
  return { op: 'parse', parsed: parsePack(job.bytes) };
}
