// Reading one RA download list (text already decoded): header → fields by name (layouts.ts), the list kind by
// its headers or file name, known columns by position when a real file names them differently. Never throws.
import { SMIME_PROFILE_IDS } from '../spec/profiles';
import type { Text } from '../spec/types';
import { fieldOfHeader, KIND_LABELS, LIST_KINDS, normalizeHeader, RA_STATUS, type ListField, type ListKindDef } from './layouts';
import type { ReadResult, SourceRecord } from './types';
import { cnOfDn, jstToIso, parseDnsList, serialToDecimalText } from './values';
import { pause } from './pause';
import { longCell } from './decode';

const DATE_FIELDS = new Set<ListField>(['appliedAt', 'notBefore', 'notAfter', 'downloadedAt', 'revokedAt']);

export function splitTsv(text: string): string[][] {
  const lines = text.split(/\r?\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

const looksLikeDn = (cell: string) => /^\s*CN=/i.test(cell);

function chooseKind(headers: ReadonlySet<string>, fileName: string): ListKindDef | undefined {
  return LIST_KINDS.find((k) => k.matches(headers)) ?? LIST_KINDS.find((k) => k.fileNames.includes(baseName(fileName)));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

export function readListText(fileName: string, text: string, encoding?: string): ReadResult {
  const plan = prepare(fileName, text, encoding);
  if ('error' in plan.result || !plan.rows) return plan.result;
  readRows(plan, 0, plan.rows.length);
  return plan.result;
}

/** The same, a thousand rows at a time with a pause between, so a page stays responsive on a 10 000-row list. */
export async function readListTextAsync(fileName: string, text: string, encoding?: string, long?: readonly string[]): Promise<ReadResult> {
  const plan = prepare(fileName, text, encoding, long);
  if ('error' in plan.result || !plan.rows) return plan.result;
  for (let i = 0; i < plan.rows.length; i += 1000) {
    readRows(plan, i, Math.min(plan.rows.length, i + 1000));
    await pause();
  }
  return plan.result;
}

interface Plan {
  result: ReadResult;
  /** Lines; cells are split as each row is read. */
  rows?: string[];
  kind?: ListKindDef;
  fields?: (ListField | undefined)[];
  headers?: string[];
  hasHeader?: boolean;
  /** Cells decode.ts kept out of the text (the certificate column), by the token left in their place. */
  long?: readonly string[];
}

function prepare(fileName: string, text: string, encoding?: string, long?: readonly string[]): Plan {
  const result: ReadResult = { file: fileName, format: 'unknown', encoding, records: [], notes: [] };
  const lines = text.split(/\r?\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return { result: { ...result, error: { ja: 'ファイルが空です。', en: 'The file is empty.' } } };
  const first = lines[0].split('\t').map((c) => longCell(c, long) ?? c);
  const hasHeader = !first.some(looksLikeDn) && first.some((c) => c.trim() !== '');
  const headers = hasHeader ? first.map((h) => h.trim()) : [];
  const kind = chooseKind(new Set(headers.map(normalizeHeader)), fileName);
  if (!kind) {
    const applicationLike = !hasHeader && (first.length === 13 || first.length === 15);
    return { result: { ...result, error: applicationLike ? NOT_A_LIST.application : NOT_A_LIST.unknown(headers) } };
  }
  result.format = kind.id;
  if (kind.noCertificates) {
    result.notes.push({ ja: `${kind.title.ja}: 証明書の情報はないため一覧には加えません。`, en: `${kind.title.en}: no certificates in it, nothing added.` });
    return { result };
  }
  const fields = headers.map((h, i) => fieldOfHeader(h) ?? kind.positions?.[i]);
  const unknown = headers.filter((h, i) => !fields[i] && h !== '');
  if (unknown.length) result.notes.push({ ja: `知らない列（そのまま表示します）: ${unknown.join('、')}`, en: `Unknown columns (kept and shown): ${unknown.join(', ')}` });
  if (!hasHeader) result.notes.push({ ja: '見出し行がありません。既知の列位置で読みました。', en: 'No header row; read by the known column positions.' });
  return { result, rows: hasHeader ? lines.slice(1) : lines, kind, fields, headers, hasHeader, long };
}

function readRows(plan: Plan, from: number, to: number): void {
  const { result, rows, kind, fields, headers, hasHeader, long } = plan as Required<Plan>;
  for (let i = from; i < to; i++) {
    const cells = rows[i].split('\t');
    if (cells.every((c) => c.trim() === '')) continue;
    if (long) for (let c = 0; c < cells.length; c++) cells[c] = longCell(cells[c], long) ?? cells[c];
    const record = readRow(cells, (c) => fields[c] ?? kind.positions?.[c], (c) => headers[c] || `列${c + 1}`, result.file);
    if (kind.kind && !record.kind) record.kind = kind.kind;
    if (record.kind === 'client' && record.profile && SMIME_PROFILE_IDS.includes(record.profile)) record.kind = 'smime';
    if (!record.dn && !record.serialDecimal && !record.applicationId) {
      const line = i + (hasHeader ? 2 : 1);
      result.notes.push({ ja: `${line}行目: DN・シリアル番号・申請IDがないため読み飛ばしました。`, en: `Line ${line}: no DN, serial or application id; skipped.` });
      continue;
    }
    result.records.push(record);
  }
}

function readRow(cells: string[], fieldAt: (i: number) => ListField | undefined, headerAt: (i: number) => string, source: string): SourceRecord {
  const r: SourceRecord = { source };
  cells.forEach((raw, i) => {
    const value = raw.trim();
    if (value === '') return;
    const field = fieldAt(i);
    if (!field) {
      (r.extra ??= {})[headerAt(i)] = value;
      return;
    }
    setField(r, field, value);
  });
  if (r.dn) r.cn = cnOfDn(r.dn);
  return r;
}

function setField(r: SourceRecord, field: ListField, value: string): void {
  if (field === 'ignore') return;
  if (field === 'raStatus') {
    const code = RA_STATUS[value.split(/[:：]/)[0].trim()];
    if (code) r.raStatus = code;
    else (r.extra ??= {})['状態'] = value;
  } else if (field === 'kindLabel') {
    const kind = KIND_LABELS[value];
    if (kind) r.kind = value.startsWith('S/MIME') ? 'smime' : kind;
  } else if (field === 'serialDecimal' || field === 'serialAny' || field === 'serialHex' || field === 'renewsSerialDecimal') {
    const decimal = serialToDecimalText(field === 'serialHex' && !/^0x/i.test(value) ? `0x${value}` : value);
    if (decimal === undefined) (r.extra ??= {})[field] = value;
    else if (field === 'renewsSerialDecimal') r.renewsSerialDecimal = decimal;
    else r.serialDecimal = decimal;
  } else if (field === 'dnsNames') {
    r.dnsNames = parseDnsList(value);
  } else if (DATE_FIELDS.has(field)) {
    const iso = jstToIso(value);
    if (iso) (r as unknown as Record<string, unknown>)[field] = iso;
    else (r.extra ??= {})[field] = value;
  } else {
    (r as unknown as Record<string, unknown>)[field] = value;
  }
}

const NOT_A_LIST = {
  application: {
    ja: '見出し行のない13列または15列のファイルです。申請TSVのようです（一覧はRAのダウンロードファイルを読みます。申請TSVの検査は「TSV検証」へ）。',
    en: 'A file of 13 or 15 columns without a header: it looks like an application TSV (this page reads the RA’s download files; check application files on 「TSV検証」).',
  },
  unknown: (headers: string[]): Text => ({
    ja: `RAのダウンロードファイルとして認識できません（見出し: ${headers.slice(0, 5).join('、') || 'なし'}）。`,
    en: `Not recognised as an RA download file (headers: ${headers.slice(0, 5).join(', ') || 'none'}).`,
  }),
};
