// The validator's result values. Validation never throws on user input: every problem is one of these.
import type { FieldKey, KindId, Text } from '../spec/types';

export type Severity = 'error' | 'warning';

export interface Issue {
  /** 1-based record number as the RA numbers it; 0 for a file-level problem. */
  seq: number;
  /** 1-based column number; absent for file- or record-level problems. */
  column?: number;
  field?: FieldKey;
  /** Stable code: NII's own number where one exists (201, 202, 212, …), ours otherwise (see docs/codes.md). */
  code: string;
  severity: Severity;
  message: Text;
  /** How to fix it, where we can say. */
  hint?: Text;
  /** 0-based character offset inside the cell, for highlighting (e.g. a character outside JIS X 0208). */
  position?: number;
}

export interface RecordReport {
  seq: number;
  /** No error found. A record past the detailed-check limit (U110) has `detailed: false`: only its column count was checked. */
  ok: boolean;
  detailed?: false;
  /** The decoded cells of the record (may be fewer/more than the kind's column count when the TAB count is wrong). */
  cells: string[];
  issues: Issue[];
}

export interface ValidationReport {
  kind: KindId;
  /** true when there is no error (warnings allowed) at file or record level. */
  ok: boolean;
  /** Encoding name detected on input, e.g. 'Shift_JIS', 'UTF-8', 'UTF-16LE'. */
  encoding?: string;
  fileIssues: Issue[];
  records: RecordReport[];
}
