// Every .txt/.tsv the simulator writes (ADDENDUM B.12): Shift-JIS, CRLF, and — except for the
// application-style revocation TSV — a header row. Layouts: docs/ra-files.md.
import { encodeShiftJis } from '../../text/shift-jis';

/** A column of a generated file: its header text and how to read it from a row object. */
export interface FileColumn<T> {
  header: string;
  value: (row: T) => string;
}

/** TAB and line breaks cannot live inside a TSV cell; they become spaces. */
function cell(value: string): string {
  return value.replace(/[\t\r\n]/g, ' ');
}

export function tsvText(lines: readonly (readonly string[])[]): string {
  return lines.map((cells) => cells.map(cell).join('\t')).join('\r\n') + '\r\n';
}

/**
 * Shift-JIS bytes of the text. Characters outside JIS X 0208 + JIS X 0201 cannot reach here from a
 * validated TSV; anything else (e.g. an institution name typed into the CLI's JSON) becomes its
 * suggested replacement or '?', so a file is always produced.
 */
export function shiftJis(text: string): Uint8Array {
  const first = encodeShiftJis(text);
  if (first.ok) return first.bytes;
  const chars = [...text];
  for (const bad of first.bad) chars[bad.index] = bad.suggestion ?? '?';
  const second = encodeShiftJis(chars.join(''));
  if (second.ok) return second.bytes;
  return new TextEncoder().encode(text.replace(/[^\x20-\x7e\t\r\n]/g, '?'));
}

/** Header row + one row per item, Shift-JIS CRLF. */
export function tableFile<T>(columns: readonly FileColumn<T>[], rows: readonly T[]): Uint8Array {
  return shiftJis(tsvText([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r)))]));
}
