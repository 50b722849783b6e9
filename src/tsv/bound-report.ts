// A validation report cut to a size the page can receive and render without freezing: at most so many
// records, cells, issues and characters, each cut counted, so the page can say what it does not show.
// It runs where the validation ran (the worker), so the page never even receives a 10 MB cell; the
// totals are counted over the whole report first. The validator page fetches one page of records at a
// time (`boundRecords`); `boundReport` bounds a whole report at once (the first BOUNDS.records).
import type { Text } from '../spec/types';
import type { Issue, RecordReport, ValidationReport } from './types';

export const BOUNDS = {
  /** The RA's largest legal file has 1000 records (SPEC §4.3); beyond that it refuses the file anyway (214). */
  records: 1000,
  /** Cells per record: a kind has at most 15 columns; a row with thousands of TABs shows its first few. */
  cells: 40,
  /** Code points kept of one cell: a window around its first offending character, else its start. */
  cellChars: 1000,
  /** Issues kept per record and for the file. */
  issues: 100,
  /** Code points kept of a message or hint (they quote cells, e.g. 「{value}」は指定できません). */
  textChars: 300,
  /** All kept cell characters of one reply together; records after it is spent are counted, not sent (whole
   *  report), or sent without their cells (one page: `cellsOmitted`). */
  totalChars: 2_000_000,
  /** Records one page request may ask for. */
  pageRecords: 200,
} as const;

/** Where a kept cell window lies in the original cell (code points). */
export interface CellCut {
  length: number;
  start: number;
}

/** A record as the page gets it; `cells` is empty for a record without issues (the page never shows those). */
export interface ShownRecord extends RecordReport {
  /** Cells that were cut, by 0-based cell index. */
  cuts?: Record<number, CellCut>;
  /** Cells (after `cells`) and issues (after `issues`) not sent. */
  omittedCells?: number;
  omittedIssues?: number;
  /** The page's character budget was spent before this record: its cells were not sent. */
  cellsOmitted?: boolean;
}

export interface ReportTotals {
  records: number;
  ok: number;
  ng: number;
  /** Records past the detailed-check limit (U110) with no column-count error: neither OK nor NG. */
  unchecked: number;
  errors: number;
  warnings: number;
}

export interface ShownReport extends Omit<ValidationReport, 'records'> {
  records: ShownRecord[];
  /** Counted over the whole report, not only what is shown. */
  totals: ReportTotals;
  omittedRecords: number;
  omittedFileIssues: number;
}

function cutText(text: string): string {
  if (text.length <= BOUNDS.textChars) return text;
  const chars = Array.from(text);
  if (chars.length <= BOUNDS.textChars) return text;
  return `${chars.slice(0, BOUNDS.textChars).join('')}…(${chars.length})`;
}

const cutTextOf = (t: Text): Text => ({ ja: cutText(t.ja), en: cutText(t.en) });

export function cutIssue(issue: Issue, position?: number): Issue {
  const out: Issue = { ...issue, message: cutTextOf(issue.message), position };
  if (issue.hint) out.hint = cutTextOf(issue.hint);
  return out;
}

export function totalsOf(report: ValidationReport): ReportTotals {
  const totals: ReportTotals = { records: report.records.length, ok: 0, ng: 0, unchecked: 0, errors: 0, warnings: 0 };
  const count = (i: Issue) => (i.severity === 'error' ? totals.errors++ : totals.warnings++);
  report.fileIssues.forEach(count);
  for (const r of report.records) {
    if (!r.ok) totals.ng++;
    else if (r.detailed === false) totals.unchecked++;
    else totals.ok++;
    r.issues.forEach(count);
  }
  return totals;
}

/** One record cut to the bounds; `chars` is how many cell characters it keeps. */
function boundRecord(record: RecordReport): { shown: ShownRecord; chars: number } {
  // The page shows cells only under a record with a problem: a clean record travels without them.
  if (record.issues.length === 0) return { shown: { ...record, cells: [] }, chars: 0 };
  const cuts: Record<number, CellCut> = {};
  const offsets = new Map<number, number>(); // cell index → start of its kept window
  let chars = 0;
  const cells = record.cells.slice(0, BOUNDS.cells).map((cell, index) => {
    if (cell.length <= BOUNDS.cellChars) {
      chars += cell.length;
      return cell;
    }
    const points = Array.from(cell);
    if (points.length <= BOUNDS.cellChars) {
      chars += cell.length;
      return cell;
    }
    const marked = record.issues.find((i) => i.column === index + 1 && i.position !== undefined)?.position ?? 0;
    const start = Math.max(0, Math.min(marked - 40, points.length - BOUNDS.cellChars));
    cuts[index] = { length: points.length, start };
    offsets.set(index, start);
    const kept = points.slice(start, start + BOUNDS.cellChars).join('');
    chars += kept.length;
    return kept;
  });
  const issues = record.issues.slice(0, BOUNDS.issues).map((issue) => {
    if (issue.position === undefined || issue.column === undefined) return cutIssue(issue, issue.position);
    const start = offsets.get(issue.column - 1) ?? 0;
    const position = issue.position - start;
    return cutIssue(issue, position >= 0 && position < BOUNDS.cellChars ? position : undefined);
  });
  const shown: ShownRecord = { ...record, cells, issues };
  if (Object.keys(cuts).length > 0) shown.cuts = cuts;
  if (record.cells.length > BOUNDS.cells) shown.omittedCells = record.cells.length - BOUNDS.cells;
  if (record.issues.length > BOUNDS.issues) shown.omittedIssues = record.issues.length - BOUNDS.issues;
  return { shown, chars };
}

/** One page of records, each bounded, all cells together within BOUNDS.totalChars. */
export function boundRecords(records: readonly RecordReport[]): ShownRecord[] {
  let budget: number = BOUNDS.totalChars;
  return records.slice(0, BOUNDS.pageRecords).map((record) => {
    if (budget <= 0) return { ...boundRecord({ ...record, cells: [] }).shown, cellsOmitted: true };
    const { shown, chars } = boundRecord(record);
    budget -= chars;
    return shown;
  });
}

export function boundReport(report: ValidationReport): ShownReport {
  const records: ShownRecord[] = [];
  let budget: number = BOUNDS.totalChars;
  for (const record of report.records) {
    if (records.length >= BOUNDS.records || budget <= 0) break;
    const { shown, chars } = boundRecord(record);
    records.push(shown);
    budget -= chars;
  }
  return {
    kind: report.kind,
    ok: report.ok,
    encoding: report.encoding,
    fileIssues: report.fileIssues.slice(0, BOUNDS.issues).map((i) => cutIssue(i, i.position)),
    records,
    totals: totalsOf(report),
    omittedRecords: report.records.length - records.length,
    omittedFileIssues: Math.max(0, report.fileIssues.length - BOUNDS.issues),
  };
}
