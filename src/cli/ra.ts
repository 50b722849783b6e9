// `upki-tsv ra init|upload|export|clock --state DIR ...` — the simulated RA/CA on a state directory.
// Exit: 0 all good, 1 something refused or invalid, 2 usage error (as `validate`).
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KIND_IDS, type KindId } from '../spec/types';
import { RaEngine } from '../ra/engine';
import { exportAll } from '../ra/export';
import { parseInstitution } from '../ra/institutions';
import { simulateDownloads } from '../ra/simulate';
import { DirectoryStore } from '../ra/store/dir-store';
import type { EngineOptions } from '../ra/context';
import { cores } from '../ra/issue/client-keys';
import { jstDateTime } from '../ra/clock';
import type { ErrorMode, P12Format, UploadResult } from '../ra/types';
import { parseArgs } from './args';
import { OPERATOR_USAGE, runOperator } from './ra-operator';
import { writeFileAtomic } from './safe-write';
import { trainingKeyGenerator } from './training-keys';

type Lang = 'ja' | 'en';

const USAGE = `usage:
  upki-tsv ra init   --state DIR [--institution FILE.json]
  upki-tsv ra upload --state DIR --kind KIND [--mode abort|valid-only] [--p12 modern|legacy] [--json] [--lang ja|en] FILE
  upki-tsv ra export --state DIR --out OUT
  upki-tsv ra clock  --state DIR --advance DAYS
${OPERATOR_USAGE}KIND: ${KIND_IDS.join(' | ')}
`;

function usage(error: string): number {
  process.stderr.write(`upki-tsv ra: ${error}\n${USAGE}`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === 'help') {
    process.stdout.write(USAGE);
    return sub ? 0 : 2;
  }
  const parsed = parseArgs(rest, {
    values: ['state', 'institution', 'kind', 'mode', 'p12', 'out', 'advance', 'lang', 'serial'],
    booleans: ['json'],
  });
  if (!parsed.ok) return usage(parsed.error);
  const { flags, positionals } = parsed.args;
  const state = flags.state;
  if (typeof state !== 'string') return usage('--state DIR is required');
  switch (sub) {
    case 'init':
      return init(state, flags.institution as string | undefined);
    case 'upload':
      return upload(state, flags, positionals);
    case 'export':
      return typeof flags.out === 'string' ? exportTo(state, flags.out) : usage('--out OUT is required');
    case 'clock':
      return clock(state, flags.advance);
    case 'operator':
      return runOperator(() => openExisting(state), positionals[0], flags, usage);
    default:
      return usage(`unknown sub-command '${sub}'`);
  }
}

/**
 * The simulated CA's client keys (P12一括) come from the training-key generator (training-keys.ts: B.3.3 probable
 * primes, one key per core), not from WebCrypto's — for this command's uploads only; docs/ra-engine.md says why.
 */
export const UPLOAD_ENGINE_OPTIONS: Partial<EngineOptions> = { clientKeyGenerators: () => [trainingKeyGenerator(cores())] };

async function openExisting(state: string, options?: Partial<EngineOptions>): Promise<RaEngine | undefined> {
  if (!DirectoryStore.exists(state)) {
    process.stderr.write(`upki-tsv ra: no RA state in ${state}; run 'upki-tsv ra init --state ${state}' first\n`);
    return undefined;
  }
  return RaEngine.open(new DirectoryStore(state), { options });
}

async function init(state: string, institutionFile?: string): Promise<number> {
  if (DirectoryStore.exists(state)) return usage(`${state} already holds an RA state`);
  let institutions;
  if (institutionFile) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(institutionFile, 'utf8'));
    } catch (e) {
      process.stderr.write(`upki-tsv ra: cannot read ${institutionFile}: ${(e as Error).message}\n`);
      return 1;
    }
    const inst = parseInstitution(json);
    if (!inst.ok) {
      process.stderr.write(`upki-tsv ra: ${inst.error.ja} / ${inst.error.en}\n`);
      return 1;
    }
    institutions = [inst.institution];
  }
  const engine = await RaEngine.open(new DirectoryStore(state), { institutions });
  const s = await engine.state();
  const inst = [...s.institutions.values()][0];
  process.stdout.write(
    `RA state created in ${state}\n` +
      `institution: O=${inst.o}, ST=${inst.st}, L=${inst.l}, domains=${inst.domains.join(',')}, approval until ${inst.approvalExpires}\n` +
      `CAs: ${[...s.cas.values()].map((c) => c.name).join('; ')}\n`,
  );
  return 0;
}

async function upload(state: string, flags: Record<string, string | true>, positionals: string[]): Promise<number> {
  const kind = flags.kind;
  if (typeof kind !== 'string' || !(KIND_IDS as readonly string[]).includes(kind)) {
    return usage(kind === undefined ? '--kind is required' : `unknown kind '${String(kind)}'`);
  }
  const mode = (flags.mode ?? 'abort') as ErrorMode;
  if (mode !== 'abort' && mode !== 'valid-only') return usage('--mode must be abort or valid-only');
  const p12 = (flags.p12 ?? 'modern') as P12Format;
  if (p12 !== 'modern' && p12 !== 'legacy') return usage('--p12 must be modern or legacy');
  const lang = (flags.lang ?? 'ja') as Lang;
  if (lang !== 'ja' && lang !== 'en') return usage('--lang must be ja or en');
  if (positionals.length !== 1) return usage('exactly one FILE is required');
  const file = positionals[0];
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    process.stderr.write(`upki-tsv ra: 208 指定したファイルは存在しません。 (${file})\n`);
    return 1;
  }
  const engine = await openExisting(state, UPLOAD_ENGINE_OPTIONS);
  if (!engine) return 2;
  const bytes = new Uint8Array(await readFile(file));
  const result = await engine.upload({ bytes, fileName: basename(file), kind: kind as KindId, mode, p12Format: p12 });
  if (result.uploadId) await simulateDownloads(engine, result.uploadId);
  process.stdout.write(flags.json ? toJson(result, lang) : toTable(result, lang));
  return result.ok ? 0 : 1;
}

/**
 * A file-level error (size 214, encoding U101/U103 …) refuses the whole file: its rows are not processed,
 * so a row without an error of its own is "not processed", never "OK".
 */
function notProcessed(result: UploadResult, r: UploadResult['records'][number]): boolean {
  return result.fileErrors.length > 0 && r.ok;
}

const NOT_PROCESSED = {
  ja: '未処理（ファイル全体のエラーのため、この行は処理されていません）',
  en: 'not processed (the whole file was refused)',
} as const;

function toJson(result: UploadResult, lang: Lang): string {
  return `${JSON.stringify({
    ok: result.ok,
    registered: result.registered,
    fileErrors: result.fileErrors.map((e) => ({ code: e.code, message: e.message[lang] })),
    records: result.records.map((r) => ({
      seq: r.seq,
      ok: r.ok,
      ...(notProcessed(result, r) ? { notProcessed: true } : {}),
      errors: r.errors.map((e) => ({ column: e.column, code: e.code, message: e.message[lang] })),
      ...(r.serialDecimal ? { serial: r.serialDecimal, serialHex: `0x${r.serialHex!.toUpperCase()}` } : {}),
    })),
  })}\n`;
}

/** The RA screen as text: title, lines, then SEQ / 処理結果 / エラー内容 / シリアル番号. */
function toTable(result: UploadResult, lang: Lang): string {
  const out = [`● ${result.screen.title[lang]}`, ...result.screen.lines.map((l) => `  ${l[lang]}`), ''];
  result.fileErrors.forEach((e, i) => out.push(`0\tNG\t${lang === 'ja' ? result.fileLines[i] : `${e.code}:${e.message.en}`}`));
  out.push(lang === 'ja' ? 'SEQ\t処理結果\tエラー内容\tシリアル番号' : 'SEQ\tresult\terror\tserial');
  for (const r of result.records) {
    if (notProcessed(result, r)) out.push(`${r.seq}\t-\t${NOT_PROCESSED[lang]}\t`);
    else if (r.ok) out.push(`${r.seq}\tOK\t\t${r.serialDecimal ?? ''}`);
    else r.errors.forEach((e, i) => out.push(`${r.seq}\tNG\t${lang === 'ja' ? r.lines[i] : `${e.code}:${e.column ? `${e.column},` : ''}${e.message.en}`}\t`));
  }
  return `${out.join('\n')}\n`;
}

async function exportTo(state: string, out: string): Promise<number> {
  const engine = await openExisting(state);
  if (!engine) return 2;
  const files = await exportAll(engine);
  for (const f of files) {
    const path = join(out, f.path);
    // P12 files lie next to their PINs: owner-only folders and files, written atomically (issue 10).
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, f.bytes, 0o600);
  }
  process.stdout.write(`${files.length} files written to ${out}\n`);
  return 0;
}

async function clock(state: string, advance: string | true | undefined): Promise<number> {
  const days = Number(advance);
  if (typeof advance !== 'string' || !Number.isFinite(days) || days <= 0) return usage('--advance DAYS (a positive number) is required');
  const engine = await openExisting(state);
  if (!engine) return 2;
  const due = await engine.advanceClock(days);
  process.stdout.write(`simulated time: ${jstDateTime(await engine.now())} JST (+${days} days); reminders sent: ${due.reminders}; CRLs refreshed: ${due.crls}\n`);
  return 0;
}
