// `upki-tsv inventory FILE|DIR...`: the RA's download files, certificates and P12s merged into one table
// (text, --json or --csv), optionally only what expires within N days. Shares src/inventory with the page.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { jstDateTime } from '../spec/jst';
import { daysLeft, importFiles, inventoryCsv, KIND_LABELS, sortEntries, STATUS_LABELS, type DroppedFile, type InventoryEntry, type ReadResult } from '../inventory';
import { decimalToHex } from '../inventory/values';
import { parseArgs } from './args';

const USAGE = `upki-tsv inventory [--json | --csv] [--expiring-within DAYS] [--as-of DATE] [--pin-file F] FILE|DIR...

  Reads the RA's download lists (server/client/all-certificate lists, clientPin.txt, clientAllPin.txt, client.txt,
  the zips holding them), certificates (PEM/DER, chains) and P12 files (with --pin-file), and prints one row per
  certificate. Files are only read; nothing is sent anywhere.
  --expiring-within DAYS  only valid certificates with at most DAYS days left
  --as-of DATE            the day to count from (ISO 8601, default: now), e.g. the simulated RA's now
  --pin-file F            the PIN for the P12 files (first line of F); without it P12 files are skipped
`;

export interface Loaded {
  entries: InventoryEntry[];
  results: ReadResult[];
  asOf: Date;
}

async function collect(paths: string[]): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) out.push(...(await collect((await readdir(p)).sort().map((n) => join(p, n)))));
    else out.push({ name: p, bytes: new Uint8Array(await readFile(p)) });
  }
  return out;
}

/** Read the files; usage problems come back as a string. */
export async function load(paths: string[], asOfText: string | undefined, pinFile: string | undefined): Promise<Loaded | string> {
  const asOf = asOfText ? new Date(asOfText) : new Date();
  if (Number.isNaN(asOf.getTime())) return `--as-of: not a date: ${asOfText}`;
  let files: DroppedFile[];
  try {
    files = await collect(paths);
  } catch (error) {
    return `cannot read ${String((error as Error).message)}`;
  }
  const pin = pinFile ? (await readFile(pinFile, 'utf8')).split(/\r?\n/)[0] : undefined;
  const { entries, results } = await importFiles(files, [], asOf, { askPin: async () => pin ?? null });
  return { entries, results, asOf };
}

export function reportFiles(results: readonly ReadResult[]): boolean {
  let ok = true;
  for (const r of results) {
    if (r.error) {
      ok = false;
      process.stderr.write(`${r.file}: ${r.error.ja}\n  ${r.error.en}\n`);
    }
    for (const n of r.notes) process.stderr.write(`${r.file}: ${n.ja} / ${n.en}\n`);
  }
  return ok;
}

export function expiring(entries: readonly InventoryEntry[], days: number | undefined, asOf: Date): InventoryEntry[] {
  if (days === undefined) return [...entries];
  return entries.filter((e) => {
    const d = daysLeft(e, asOf);
    return e.status === 'valid' && d !== undefined && d >= 0 && d <= days;
  });
}

export function parseDays(v: string | true | undefined): number | undefined | string {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d{1,5}$/.test(v)) return '--expiring-within needs a number of days';
  return Number(v);
}

function jsonEntry(e: InventoryEntry, asOf: Date) {
  const { certDerB64: _der, ...rest } = e;
  return { ...rest, serialHex: e.serialDecimal ? `0x${decimalToHex(e.serialDecimal)}` : undefined, daysLeft: daysLeft(e, asOf) };
}

function textTable(entries: readonly InventoryEntry[], asOf: Date): string {
  const head = ['状態', '残り日数', '有効期間終了(JST)', '種別', 'CN', 'シリアル番号', 'プロファイル', '申請ID', '利用管理者mail'];
  const rows = entries.map((e) => [
    STATUS_LABELS[e.status].ja,
    String(daysLeft(e, asOf) ?? ''),
    e.notAfter ? jstDateTime(new Date(e.notAfter)) : '',
    KIND_LABELS[e.kind].ja,
    e.cn ?? e.dn ?? '',
    e.serialDecimal ?? '',
    e.profile ?? '',
    e.applicationId ?? '',
    e.adminMail ?? '',
  ]);
  return [head, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { values: ['expiring-within', 'as-of', 'pin-file'], booleans: ['json', 'csv', 'help'] });
  if (!parsed.ok) return usage(parsed.error);
  const { flags, positionals } = parsed.args;
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (flags.json && flags.csv) return usage('give --json or --csv, not both');
  if (positionals.length === 0) return usage('no FILE given');
  const days = parseDays(flags['expiring-within']);
  if (typeof days === 'string') return usage(days);
  const loaded = await load(positionals, flags['as-of'] as string | undefined, flags['pin-file'] as string | undefined);
  if (typeof loaded === 'string') return usage(loaded);
  const ok = reportFiles(loaded.results);
  const shown = sortEntries(expiring(loaded.entries, days, loaded.asOf), 'notAfter', false, loaded.asOf);
  if (flags.json) process.stdout.write(JSON.stringify(shown.map((e) => jsonEntry(e, loaded.asOf)), null, 1) + '\n');
  else if (flags.csv) process.stdout.write(inventoryCsv(shown, loaded.asOf));
  else process.stdout.write(textTable(shown, loaded.asOf));
  return ok ? 0 : 1;
}

function usage(message: string): number {
  process.stderr.write(`upki-tsv inventory: ${message}\n\n${USAGE}`);
  return 2;
}
