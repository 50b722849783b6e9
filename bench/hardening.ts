// Benchmark: the inputs issue 10 found slow (quadratic regexes, per-character string building). Prints medians.
import 'reflect-metadata';
import { guessMapping } from '../src/builder/mapping';
import { parseRoster } from '../src/builder/roster';
import { hasArmour } from '../src/pki/pem';
import { KINDS } from '../src/spec/kinds';
import { serverIssueRow, tsvBytes } from '../src/tsv/fixtures';
import { validateFile, validateRecords } from '../src/tsv';

function median(label: string, runs: number, fn: () => unknown): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(56)} median ${times[Math.floor(times.length / 2)].toFixed(2).padStart(8)} ms  (n=${runs})`);
}

export async function benchHardening(): Promise<void> {
  const dashes = serverIssueRow({ csr: '-'.repeat(8192) });
  median('one server row, CSR cell of 8192 hyphens (sync rules)', 20, () => validateRecords('server-issue', [{ seq: 1, cells: dashes }]));
  const file = tsvBytes(Array.from({ length: 99 }, (_, i) => serverIssueRow({ fqdn: `h${i}.nii.ac.jp`, csr: '-'.repeat(8192) })));
  const t0 = performance.now();
  await validateFile(file, 'server-issue');
  console.log(`${'99 rows of 8192-hyphen CSR cells (validateFile, once)'.padEnd(56)}        ${(performance.now() - t0).toFixed(1).padStart(8)} ms`);
  const paste = '-'.repeat(64 * 1024);
  median('hasArmour on 64 KiB of hyphens (keys page paste)', 20, () => hasArmour(paste));
  const roster = `番号\n${'1'.repeat(4 * 1024 * 1024)}\n`;
  median('4 MB roster cell of digits: parse + guess mapping', 5, () => guessMapping(KINDS['client-issue'], parseRoster(roster, { header: true })));
}
