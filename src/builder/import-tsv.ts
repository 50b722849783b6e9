// Opening an existing application TSV to edit it: decode (Shift-JIS or UTF-8) and split with src/tsv's codec,
// then rank the six kinds (guess.ts) for the user to confirm.
import { KINDS } from '../spec/kinds';
import { decodeAndParse } from '../tsv/codec';
import type { Issue } from '../tsv/types';
import { guessKind, type KindGuess } from './guess';

export interface TsvImport {
  records: string[][];
  encoding: string;
  /** Problems with the file as a whole (encoding, header row, blank lines); shown, not blocking. */
  fileIssues: Issue[];
  /** Every kind, best guess first. */
  guesses: KindGuess[];
}

export function readTsvForEditing(bytes: Uint8Array): TsvImport {
  // The layout (TAB, CRLF, no header) is the same for every kind, so any kind id serves for splitting.
  const parsed = decodeAndParse(bytes, 'server-issue');
  const records = parsed.records.map((r) => r.cells);
  return { records, encoding: parsed.encoding, fileIssues: parsed.fileIssues, guesses: guessKind(Object.values(KINDS), records) };
}
