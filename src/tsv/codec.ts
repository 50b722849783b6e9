// Bytes ⇄ rows for UPKI application TSVs (SPEC §4.1, §4.2, §4.5). No header row; CRLF or LF; Shift-JIS.
// Decisions (docs/tsv-formats.md): a record's seq is its 1-based line number; trailing blank lines are ignored;
// a blank line in the middle is an error (U107) and is not a record; a bare CR is an error (U104), also after the last record.
import { ALL_COLUMN_NAMES, KINDS } from '../spec/kinds';
import type { KindId, Text } from '../spec/types';
import { checkJis, decodeTextFile, encodeShiftJis, ENCODING_NAMES } from '../text';
import { codePointLabel, makeIssue } from './issue';
import type { MessageId, MessageParams } from './messages';
import type { Issue } from './types';

export interface TsvRecord {
  /** 1-based line number of the record in the file (the RA's SEQ). */
  seq: number;
  cells: string[];
}

export interface ParseResult {
  records: TsvRecord[];
  fileIssues: Issue[];
}

export interface DecodeParseResult extends ParseResult {
  /** 'Shift_JIS', 'ASCII', 'UTF-8', or what was detected when the bytes could not be read. */
  encoding: string;
}

/** At most this many file issues of one kind (e.g. blank lines) are listed; the file fails on the first anyway. */
const MAX_REPEATED_FILE_ISSUES = 20;

class FileIssues {
  readonly list: Issue[] = [];
  private readonly counts = new Map<MessageId, number>();

  add(id: MessageId, seq: number, params: MessageParams = {}): void {
    const n = this.counts.get(id) ?? 0;
    this.counts.set(id, n + 1);
    if (n < MAX_REPEATED_FILE_ISSUES) this.list.push(makeIssue(id, { seq }, params));
  }
}

/** Split TSV text into records. Never throws. */
export function parseTsv(text: string, kind: KindId): ParseResult {
  const issues = new FileIssues();
  if (text.startsWith('\uFEFF')) {
    issues.add('bom', 0);
    text = text.slice(1);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const n = [...text.slice(0, nul)].length + 1;
    issues.add('binaryFile', 0, { found: nulFound(`${n}文字目`, `character ${n}`) });
    return { records: [], fileIssues: issues.list };
  }
  const pieces = text.split('\n');
  // Only a piece followed by LF can end in the CR of a CR+LF; a CR ending the last piece is bare (rec\r, rec\r\n\r).
  const lines = pieces.map((piece, i) => (i < pieces.length - 1 ? stripCr(piece) : piece));
  let last = lines.length - 1;
  // A bare CR is an error even among the trailing blank lines: the RA may read it as a line end, and trim() would hide it.
  while (last >= 0 && isBlank(lines[last]) && !lines[last].includes('\r')) last--;

  const records: TsvRecord[] = [];
  let sawRecordLine = false;
  for (let i = 0; i <= last; i++) {
    const seq = i + 1;
    const line = lines[i];
    const loneCr = line.includes('\r');
    if (loneCr) issues.add('loneCr', seq, { line: seq });
    if (isBlank(line)) {
      // A line of bare CRs already has its U104; calling it blank too would report one mistake twice.
      if (!loneCr) issues.add('blankLine', seq, { line: seq });
      continue;
    }
    const cells = line.split('\t');
    const first = !sawRecordLine;
    sawRecordLine = true;
    if (first && looksLikeHeader(cells)) {
      issues.add('headerRow', seq, { cell: cells.find((c) => ALL_COLUMN_NAMES.has(c.trim())) ?? cells[0] });
      continue;
    }
    records.push({ seq, cells });
  }
  void kind; // the layout is the same for every kind; the kind is checked per record by checkColumnCount
  return { records, fileIssues: issues.list };
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Empty, or spaces only (no TAB: a line of TABs is a record with empty cells). */
function isBlank(line: string): boolean {
  return !line.includes('\t') && line.trim() === '';
}

/** A header: some cell is a column name of a UPKI format, and the first cell is not a DN (a DN has "="). */
function looksLikeHeader(cells: string[]): boolean {
  if (cells[0].includes('=')) return false;
  return cells.some((c) => ALL_COLUMN_NAMES.has(c.trim()));
}

/** U105 when a record does not have the kind's column count (SPEC §4.2: TAB count = full count). */
export function checkColumnCount(kind: KindId, seq: number, cells: readonly string[]): Issue | undefined {
  const expected = KINDS[kind].columnCount;
  if (cells.length === expected) return undefined;
  return makeIssue('columnCount', { seq }, {
    actual: cells.length,
    actualTabs: cells.length - 1,
    expected,
    expectedTabs: expected - 1,
    kind: KINDS[kind].title,
  });
}

/** U101's {found}: a NUL, where it is, or (no NUL) the control bytes that made the file binary. */
function nulFound(whereJa: string, whereEn: string): Text {
  return { ja: `NUL文字（0x00、${whereJa}）`, en: `a NUL byte (0x00, ${whereEn})` };
}

function binaryFound(bytes: Uint8Array): Text {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return nulFound(`${nul + 1}バイト目`, `byte ${nul + 1}`);
  return { ja: 'バイナリデータ（TAB・改行以外の制御文字が多数）', en: 'binary data (many control bytes other than TAB and line ends)' };
}

/**
 * Detect the encoding and parse. Shift-JIS and ASCII are accepted; a UTF-8 file is reported (U103) but still
 * parsed, so the user sees every other problem at once; UTF-16, binary and broken Shift-JIS stop here.
 */
export function decodeAndParse(bytes: Uint8Array, kind: KindId): DecodeParseResult {
  const decoded = decodeTextFile(bytes, { allowUtf8: true });
  if (!decoded.ok) {
    const issue =
      decoded.encoding === 'binary'
        ? makeIssue('binaryFile', { seq: 0 }, { found: binaryFound(bytes) })
        : decoded.encoding === 'invalid Shift_JIS'
          ? // Re-read strictly for the wording: an application file must be Shift-JIS, so do not suggest UTF-8.
            makeIssue('undecodable', { seq: 0 }, { detail: strictRefusal(bytes) ?? decoded.message })
          : makeIssue('notShiftJis', { seq: 0 }, { encoding: ENCODING_NAMES[decoded.encoding] });
    return { records: [], fileIssues: [issue], encoding: decoded.encoding };
  }
  const parsed = parseTsv(decoded.text, kind);
  if (decoded.encoding === 'UTF-8' || decoded.encoding === 'UTF-8 (BOM)') {
    parsed.fileIssues.unshift(makeIssue('notShiftJis', { seq: 0 }, { encoding: ENCODING_NAMES[decoded.encoding] }));
  }
  return { ...parsed, encoding: decoded.encoding };
}

function strictRefusal(bytes: Uint8Array) {
  const strict = decodeTextFile(bytes);
  return strict.ok ? undefined : strict.message;
}

/** Rows → TSV text: TAB between cells, CRLF after every row (including the last), no header. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.join('\t') + '\r\n').join('');
}

export type EncodeTsvResult = { ok: true; bytes: Uint8Array } | { ok: false; issues: Issue[] };

/**
 * Rows → Shift-JIS bytes. Characters outside JIS X 0208:1997 + JIS X 0201 are reported per cell (U204)
 * with row (seq), column and position; nothing is substituted silently.
 */
export function encodeTsv(rows: readonly (readonly string[])[], kind?: KindId): EncodeTsvResult {
  const issues: Issue[] = [];
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.includes('\t') || cell.includes('\n') || cell.includes('\r')) {
        issues.push(makeIssue('controlChar', { seq: r + 1, column: c + 1 }, { name: cellName(kind, c), cp: 'TAB/CR/LF', pos: 1 }));
      }
      for (const bad of checkJis(cell)) {
        if (bad.reason === 'control') continue;
        issues.push(
          makeIssue('nonJis', { seq: r + 1, column: c + 1, position: bad.index }, {
            name: cellName(kind, c),
            pos: bad.index + 1,
            char: bad.char,
            cp: codePointLabel(bad.char),
            suggestion: suggestionText(bad.suggestion),
          }),
        );
      }
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  const encoded = encodeShiftJis(formatTsv(rows));
  if (encoded.ok) return { ok: true, bytes: encoded.bytes };
  return {
    ok: false,
    issues: encoded.bad.map((bad) =>
      makeIssue('nonJis', { seq: 0, position: bad.index }, { name: '', pos: bad.index + 1, char: bad.char, cp: codePointLabel(bad.char), suggestion: '' }),
    ),
  };
}

function cellName(kind: KindId | undefined, index: number) {
  const column = kind ? KINDS[kind].columns[index] : undefined;
  return column ? column.name : { ja: `No${index + 1}`, en: `column ${index + 1}` };
}

/** The hint sentence for a replacement suggestion from src/text. */
export function suggestionText(suggestion: string | undefined) {
  if (suggestion === undefined) return { ja: 'JIS第一・第二水準の文字に置き換えてください。', en: 'Replace it with a JIS level 1/2 character.' };
  if (suggestion === '') return { ja: 'この文字を削除してください。', en: 'Delete this character.' };
  return { ja: `「${suggestion}」に置き換えてください。`, en: `Replace it with "${suggestion}".` };
}
