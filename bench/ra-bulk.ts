// Benchmark: one P12一括 (method 2) client issue upload of 1000 rows through the simulated RA on the
// in-memory store — validation, 1000 RSA 2048 key pairs, 1000 certificates, 1000 P12 files (modern),
// clientAllPin.zip and clientAll.zip — then the two downloads. Prints time and memory; asserts nothing.
// Run alone: npx tsx bench/ra-bulk.ts [ROWS]
import 'reflect-metadata';
import { clientIssueRows, tsvBytes } from '../src/tsv/fixtures';
import { RaEngine } from '../src/ra/engine';
import { MemoryStore } from '../src/ra/store/memory-store';
import type { Institution } from '../src/ra/types';

const ROWS = Number(process.argv[2] ?? 1000);

const NII: Institution = {
  id: 'nii',
  o: 'National Institute of Informatics',
  st: 'Tokyo',
  l: 'Chiyoda-ku',
  domains: ['nii.ac.jp'],
  ouAllowList: {},
  approvalExpires: '2099-03-31',
  ra: { name: 'RA', mail: 'ra@nii.ac.jp' },
  admins: [],
  active: true,
};

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const engine = await RaEngine.open(new MemoryStore(), { institutions: [NII] });
const bytes = tsvBytes(clientIssueRows(ROWS, { method: '2' }));
global.gc?.();
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

const t0 = performance.now();
const result = await engine.upload({ bytes, fileName: 'bulk.tsv', kind: 'client-issue', mode: 'abort', p12Format: 'modern' });
const t1 = performance.now();
if (!result.ok) throw new Error(`bulk upload refused: ${JSON.stringify(result.fileErrors.concat(result.records.flatMap((r) => r.errors)).slice(0, 3))}`);
const tokens = [...(await engine.state()).tokens.values()];
const pins = await engine.downloadPins(tokens.find((t) => t.purpose === 'pin')!.token);
const all = await engine.downloadClientAll(tokens.find((t) => t.purpose === 'client-all')!.token);
const t2 = performance.now();
clearInterval(sampler);
if (!pins.ok || !all.ok) throw new Error('downloads failed');

console.log(`P12一括 upload of ${ROWS} rows (RSA 2048 keys, modern P12): ${((t1 - t0) / 1000).toFixed(1)} s (${((t1 - t0) / ROWS).toFixed(1)} ms/row)`);
console.log(`PIN zip + clientAll.zip downloads: ${(t2 - t1).toFixed(0)} ms; clientAll.zip ${(all.bytes.length / 1024).toFixed(0)} KiB`);
console.log(`memory: rss before ${mb(rss0)}, peak ${mb(peak)} (+${mb(peak - rss0)}); heap used now ${mb(process.memoryUsage().heapUsed)}`);
