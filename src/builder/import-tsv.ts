// Opening an existing application TSV to edit it: decode (Shift-JIS or UTF-8) and split with src/tsv's codec,
// then rank the six kinds (guess.ts) for the user to confirm.
import { KINDS } from '../spec/kinds';
import type { KindId } from '../spec/types';
import { checkColumnCount, decodeAndParse } from '../tsv/codec';
import { makeIssue } from '../tsv/issue';
import type { Issue } from '../tsv/types';
import { guessKind, type KindGuess } from './guess';
import { MAX_EDIT_BYTES } from './edit-limit';

export { MAX_EDIT_BYTES } from './edit-limit';

export interface TsvImport {
  records: string[][];
  encoding: string;
  /** Problems with the file as a whole (encoding, header row, blank lines); shown, not blocking. */
  fileIssues: Issue[];
  /** Every kind, best guess first. */
  guesses: KindGuess[];
}


/** What opening a file of `size` bytes over MAX_EDIT_BYTES gives: no rows, the U112 file issue. */
export function tooLargeForEditing(size: number): TsvImport {
  return { records: [], encoding: '', fileIssues: [makeIssue('fileTooLarge', { seq: 0 }, { size: `${size} bytes` })], guesses: [] };
}

export function readTsvForEditing(bytes: Uint8Array): TsvImport {
  if (bytes.byteLength > MAX_EDIT_BYTES) return tooLargeForEditing(bytes.byteLength);
  // The layout (TAB, CRLF, no header) is the same for every kind, so any kind id serves for splitting.
  const parsed = decodeAndParse(bytes, 'server-issue');
  const records = parsed.records.map((r) => r.cells);
  return { records, encoding: parsed.encoding, fileIssues: parsed.fileIssues, guesses: guessKind(Object.values(KINDS), records) };
}

export interface WidthProblem {
  /** The validator's column-count issue (U105), seq = 1-based row. */
  issue: Issue;
  /** Cells the grid drops from the end of this row (more columns than the kind has). */
  dropped: number;
  /** Empty cells the grid adds (fewer columns than the kind has). */
  added: number;
}

/**
 * Rows whose column count does not fit `kind`. The grid holds exactly one cell per column, so opening them
 * cuts or pads cells: the user is told which rows before choosing to open.
 */
export function widthProblems(kind: KindId, records: readonly (readonly string[])[]): WidthProblem[] {
  const expected = KINDS[kind].columnCount;
  return records.flatMap((cells, i) => {
    const issue = checkColumnCount(kind, i + 1, cells);
    return issue ? [{ issue, dropped: Math.max(0, cells.length - expected), added: Math.max(0, expected - cells.length) }] : [];
  });
}
