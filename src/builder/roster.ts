// Rosters arrive as CSV or TSV files (UTF-8 or Shift-JIS) or as text pasted from a spreadsheet.
// The parser follows RFC 4180 quoting: a quoted field may hold the delimiter, line breaks and "" for a quote.
import type { Text } from '../spec/types';
import { decodeTextFile } from '../text';

export type Delimiter = ',' | '\t' | ';';

export interface Roster {
  /** The first line, when the user (or the guess) says it names the columns. */
  header: string[] | null;
  rows: string[][];
  delimiter: Delimiter;
}

/** Choose the delimiter that splits the first lines most consistently; spreadsheets paste TABs. */
export function detectDelimiter(text: string): Delimiter {
  // The first 20 lines decide; only the first 64 K characters are looked at (a 4 MB one-line paste took seconds).
  const head = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text;
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  if (head !== text && lines.length > 1) lines.pop(); // cut in the middle
  lines.length = Math.min(lines.length, 20);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const candidate of ['\t', ',', ';'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const min = counts.length ? counts.reduce((a, b) => Math.min(a, b)) : 0;
    // A delimiter that appears on every line, as often, wins; TAB first because names may contain commas.
    const score = min === 0 ? 0 : min * 10 + (counts.every((c) => c === counts[0]) ? 5 : 0);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

const DETECT_CHARS = 64 * 1024;

function countOutsideQuotes(line: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0);
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x22) inQuotes = !inQuotes;
    else if (c === d && !inQuotes) count += 1;
  }
  return count;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

function isSpecial(code: number, delimiter: Delimiter): boolean {
  return code === QUOTE || code === CR || code === LF || code === delimiter.charCodeAt(0);
}

/** Split text into rows of fields. Empty lines are skipped; a leading BOM is ignored. */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  const endField = (): void => {
    row.push(quotedField ? field : field.trim());
    field = '';
    quotedField = false;
  };
  const endRow = (): void => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (inQuotes) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') inQuotes = false;
      else {
        // Up to the next quote in one slice: a character at a time, a 4 MB cell took seconds (issue 10).
        const end = source.indexOf('"', i);
        const stop = end === -1 ? source.length : end;
        field += source.slice(i, stop);
        i = stop - 1;
      }
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      quotedField = true;
      field = '';
    } else if (ch === delimiter) endField();
    else if (quotedField && (ch === ' ' || ch === '\t')) {
      // Spaces between a closing quote and the delimiter are padding, not content.
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      endRow();
    } else if (quotedField) field += ch;
    else {
      // A plain run up to the next delimiter, quote or line end in one slice (see above).
      let stop = i + 1;
      while (stop < source.length && !isSpecial(source.charCodeAt(stop), delimiter)) stop += 1;
      field += source.slice(i, stop);
      i = stop - 1;
    }
  }
  if (field !== '' || row.length > 0 || quotedField) endRow();
  return rows;
}

/** Words seen in roster headers; a first line made of them (and no mail address) is a header. */
const HEADER_WORDS =
  /name|mail|e-mail|id|number|no\.?|dept|department|affiliation|student|roman|氏名|名前|メール|番号|学籍|学生|所属|ローマ字|ﾛｰﾏ字|フリガナ|かな/i;

export function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  if (first.some((cell) => cell.includes('@'))) return false;
  const restHasMail = rest.slice(0, 5).some((row) => row.some((cell) => cell.includes('@')));
  const wordy = first.filter((cell) => HEADER_WORDS.test(cell)).length;
  return wordy > 0 && (wordy * 2 >= first.length || restHasMail);
}

export function parseRoster(text: string, options: { delimiter?: Delimiter; header?: boolean } = {}): Roster {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const all = parseDelimited(text, delimiter);
  const header = options.header ?? (all.length > 0 && looksLikeHeader(all[0], all.slice(1)));
  return header && all.length > 0
    ? { header: all[0], rows: all.slice(1), delimiter }
    : { header: null, rows: all, delimiter };
}

/** Number of source columns (the widest row). */
export function rosterWidth(roster: Roster): number {
  // A loop, not Math.max(...rows): spreading ~125k+ arguments overflows the stack (issue 10).
  let width = roster.header?.length ?? 0;
  for (const row of roster.rows) width = Math.max(width, row.length);
  return width;
}

/**
 * Rosters are parsed on the page's thread: above this size a paste or file is refused with a message instead of
 * freezing the page. 2 MiB is some 10 000 students at 200 bytes a line, ten full bulk files (issue 10).
 */
export const MAX_ROSTER_CHARS = 2 * 1024 * 1024;

export const ROSTER_TOO_LARGE: Text = {
  ja: `名簿が大きすぎます（${MAX_ROSTER_CHARS / 1024 / 1024} MiB まで）。名簿を分けて読み込んでください。`,
  en: `The roster is too large (${MAX_ROSTER_CHARS / 1024 / 1024} MiB at most). Split it and read the parts one by one.`,
};

export type RosterReadResult =
  | { ok: true; roster: Roster; encoding: string; text: string }
  | { ok: false; message: Text };

/** Read roster file bytes: Shift-JIS or UTF-8 (with or without BOM), CSV or TSV. Never throws. */
export function readRosterFile(bytes: Uint8Array, options: { delimiter?: Delimiter; header?: boolean } = {}): RosterReadResult {
  if (bytes.byteLength > MAX_ROSTER_CHARS) return { ok: false, message: ROSTER_TOO_LARGE };
  const decoded = decodeTextFile(bytes, { allowUtf8: true });
  if (!decoded.ok) return { ok: false, message: decoded.message };
  return { ok: true, roster: parseRoster(decoded.text, options), encoding: decoded.encoding, text: decoded.text };
}
