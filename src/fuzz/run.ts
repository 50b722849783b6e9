// One fuzz campaign: n inputs spread over the targets, each a seed or a mutation of one, run in turn and judged.
import { base64Encode } from '../pki/pem';
import type { Target } from './targets';
import { mutateBytes, prng } from './mutate';

export const SLOW_MS = 100;

/**
 * Time of one input: CPU time of this process (all threads, so WebCrypto's pool counts), not wall time: on a shared
 * machine (load 20 on 2 cores while this was written) wall time measures the neighbours. Wall time is reported too.
 */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export interface Finding {
  target: string;
  index: number;
  kind: 'exception' | 'internal' | 'slow' | 'opensslRefused';
  detail: string;
  ms?: number;
}

export interface FuzzSummary {
  inputs: number;
  /** maxMs: the most CPU time one input took; maxWallMs: the longest wall time (load-dependent). */
  perTarget: Record<string, { inputs: number; maxMs: number; maxWallMs: number; acceptedCsrs: number }>;
  findings: Finding[];
  /** Inputs over SLOW_MS in targets whose slowness is the KDF by design (backups). */
  kdfBoundSlow: number;
  acceptedCsrs: number;
}

export interface FuzzOptions {
  n: number;
  seed: number;
  /** OpenSSL's verdict on a CSR the validator accepted (`openssl req -verify`); omitted: not checked. */
  opensslAcceptsCsr?: (der: Uint8Array) => boolean;
  onProgress?: (done: number) => void;
}

export async function runFuzz(targets: Target[], options: FuzzOptions): Promise<FuzzSummary> {
  const rand = prng(options.seed);
  const summary: FuzzSummary = { inputs: 0, perTarget: {}, findings: [], kdfBoundSlow: 0, acceptedCsrs: 0 };
  for (const t of targets) summary.perTarget[t.name] = { inputs: 0, maxMs: 0, maxWallMs: 0, acceptedCsrs: 0 };
  for (let index = 0; index < options.n; index++) {
    const target = targets[index % targets.length];
    const seed = target.seeds[Math.floor(rand() * target.seeds.length)];
    const r = rand();
    const input = r < 0.05 ? seed : target.mutate && r < 0.45 ? target.mutate(seed, rand) : mutateBytes(seed, rand);
    const stats = summary.perTarget[target.name];
    stats.inputs += 1;
    summary.inputs += 1;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      const outcome = await target.run(input);
      const ms = cpuMs(cpu0);
      stats.maxMs = Math.max(stats.maxMs, ms);
      stats.maxWallMs = Math.max(stats.maxWallMs, performance.now() - t0);
      if (ms > SLOW_MS) {
        if (target.kdfBound) summary.kdfBoundSlow += 1;
        else summary.findings.push({ target: target.name, index, kind: 'slow', detail: `${input.length} bytes`, ms });
      }
      if (outcome.internal) summary.findings.push({ target: target.name, index, kind: 'internal', detail: outcome.internal });
      if (outcome.acceptedCsr) {
        stats.acceptedCsrs += 1;
        summary.acceptedCsrs += 1;
        if (options.opensslAcceptsCsr && !options.opensslAcceptsCsr(outcome.acceptedCsr)) {
          summary.findings.push({ target: target.name, index, kind: 'opensslRefused', detail: base64Encode(outcome.acceptedCsr) });
        }
      }
    } catch (error) {
      summary.findings.push({ target: target.name, index, kind: 'exception', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    options.onProgress?.(index + 1);
  }
  return summary;
}
