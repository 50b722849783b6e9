// `upki-tsv validate --kind KIND [--json] [--lang ja|en] FILE...`
// Prints each file's result the way the RA's upload screen shows it (SEQ / 処理結果 / エラー内容),
// or one JSON object per file per line. Exit: 0 all files valid, 1 any invalid, 2 usage error.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KIND_IDS, type KindId } from '../spec/types';
import { LIMITS } from '../spec';
import { validateFile, formatRaLine, makeIssue } from '../tsv';
import type { Issue, ValidationReport } from '../tsv/types';
import { parseArgs } from './args';

type Lang = 'ja' | 'en';

const USAGE = `usage: upki-tsv validate --kind ${KIND_IDS.join('|')} [--json] [--lang ja|en] FILE...\n`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { values: ['kind', 'lang'], booleans: ['json', 'help'] });
  if (!parsed.ok) return usage(parsed.error);
  const { flags, positionals } = parsed.args;
  if (flags.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const kind = flags.kind;
  if (typeof kind !== 'string' || !(KIND_IDS as readonly string[]).includes(kind)) {
    return usage(kind === undefined ? '--kind is required' : `unknown kind '${String(kind)}'`);
  }
  const lang = (flags.lang ?? 'ja') as Lang;
  if (lang !== 'ja' && lang !== 'en') return usage(`--lang must be ja or en`);
  if (positionals.length === 0) return usage('no FILE given');

  let allOk = true;
  for (const file of positionals) {
    const report = await validatePath(file, kind as KindId);
    allOk &&= report.ok;
    process.stdout.write(flags.json ? toJsonLine(file, report, lang) : toTable(file, report, lang));
  }
  return allOk ? 0 : 1;
}

function usage(error: string): number {
  process.stderr.write(`upki-tsv validate: ${error}\n${USAGE}`);
  return 2;
}

/** Read and validate one file; a missing or oversized file becomes a file-level error, not a crash. */
async function validatePath(file: string, kind: KindId): Promise<ValidationReport> {
  const refused = (issue: Issue): ValidationReport => ({ kind, ok: false, fileIssues: [issue], records: [] });
  try {
    const info = await stat(file);
    if (!info.isFile()) return refused(makeIssue('fileNotFound', { seq: 0 }));
    if (info.size > LIMITS.maxFileBytes) return refused(makeIssue('fileTooLarge', { seq: 0 }, { size: `${info.size} bytes` }));
  } catch {
    return refused(makeIssue('fileNotFound', { seq: 0 }));
  }
  const bytes = new Uint8Array(await readFile(file));
  return validateFile(bytes, kind, { fileName: basename(file) });
}

function toJsonLine(file: string, report: ValidationReport, lang: Lang): string {
  const errorsOf = (issues: Issue[], severity: 'error' | 'warning') =>
    issues
      .filter((i) => i.severity === severity)
      // Always a `column` key (null for a record-level problem such as U105), so a consumer need not test for it.
      .map((i) => ({ column: i.column ?? null, code: i.code, message: i.message[lang] }));
  const out = {
    file,
    kind: report.kind,
    ok: report.ok,
    ...(report.encoding ? { encoding: report.encoding } : {}),
    fileErrors: errorsOf(report.fileIssues, 'error').map(({ code, message }) => ({ code, message })),
    fileWarnings: errorsOf(report.fileIssues, 'warning').map(({ code, message }) => ({ code, message })),
    records: report.records.map((r) => ({
      seq: r.seq,
      ok: r.ok,
      errors: errorsOf(r.issues, 'error'),
      warnings: errorsOf(r.issues, 'warning'),
    })),
  };
  return JSON.stringify(out) + '\n';
}

function toTable(file: string, report: ValidationReport, lang: Lang): string {
  const L = lang === 'ja'
    ? { file: 'ファイル', seq: 'SEQ', result: '処理結果', content: 'エラー内容', warn: '[警告]', fileErr: 'ファイルエラー', ok: '結果: 問題なし', ng: '結果: エラーあり' }
    : { file: 'File', seq: 'SEQ', result: 'Result', content: 'Errors', warn: '[warning]', fileErr: 'File error', ok: 'Result: valid', ng: 'Result: errors found' };
  const lines: string[] = [`${L.file}: ${file} (${report.kind})`];
  for (const issue of report.fileIssues) {
    const tag = issue.severity === 'warning' ? `${L.warn} ` : '';
    lines.push(`${L.fileErr}: ${tag}${formatRaLine(issue, report.kind, lang)}`);
  }
  if (report.records.length > 0) {
    lines.push(`${L.seq}\t${L.result}\t${L.content}`);
    for (const record of report.records) {
      const ordered = [...record.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
      const texts = ordered.map((i) => (i.severity === 'warning' ? `${L.warn} ` : '') + formatRaLine(i, report.kind, lang));
      lines.push(`${record.seq}\t${record.ok ? 'OK' : 'NG'}\t${texts[0] ?? ''}`);
      for (const more of texts.slice(1)) lines.push(`\t\t${more}`);
    }
  }
  lines.push(report.ok ? L.ok : L.ng, '');
  return lines.join('\n') + '\n';
}
