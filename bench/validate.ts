// Benchmark: validation of the largest files the RA accepts — a 1000-row client issue file (method 2) and a
// 99-row server issue file with 99 distinct real CSRs (signature verified for each). Prints medians; asserts nothing.
import 'reflect-metadata';
import { clientIssueRows, makeServerCsr, serverIssueRow, tsvBytes } from '../src/tsv/fixtures';
import { validateFile } from '../src/tsv';
import type { KindId } from '../src/spec/types';

async function median(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(56)} median ${m.toFixed(1).padStart(7)} ms  (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}, n=${runs})`);
  return m;
}

async function validOrDie(bytes: Uint8Array, kind: KindId) {
  const report = await validateFile(bytes, kind);
  if (!report.ok) throw new Error(`benchmark fixture for ${kind} is not valid: ${JSON.stringify(report.fileIssues.concat(report.records.flatMap((r) => r.issues)).slice(0, 3))}`);
}

export async function benchValidate(): Promise<void> {
  const client = tsvBytes(clientIssueRows(1000, { method: '2' }));
  await validOrDie(client, 'client-issue');

  const rows: string[][] = [];
  for (let i = 0; i < 99; i++) {
    const cn = `host${i}.nii.ac.jp`;
    const dn = `CN=${cn},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const profile = i % 2 ? '11' : '3';
    const csr = await makeServerCsr({ profile, dn });
    rows.push(serverIssueRow({ dn, profile, fqdn: cn, csr: csr.oneLine }));
  }
  const server = tsvBytes(rows);
  await validOrDie(server, 'server-issue');

  console.log(`client file: ${client.length} bytes; server file: ${server.length} bytes`);
  await median('validate 1000-row client issue file (method 2)', 15, () => validateFile(client, 'client-issue'));
  await median('validate 99-row server issue file, 99 real CSRs', 15, () => validateFile(server, 'server-issue'));
}
