// The synchronous validation engine: column, DN, cross-column, cross-record and file rules (everything but
// CSR cryptography, which index.ts adds asynchronously). Linear in the file size; never throws.
import { columnOf, KINDS } from '../spec/kinds';
import { isSmimeProfile } from '../spec/profiles';
import type { KindId, KindSpec } from '../spec/types';
import { checkColumnCount, type TsvRecord } from './codec';
import { checkCell } from './columns';
import { checkCrossColumns } from './cross';
import { checkDnString } from './dn-check';
import { checkAcrossRecords, checkFileName, checkRecordCount, checkSingleMethod, type RecordFacts } from './file-rules';
import { kindMismatchIssue } from './guess';
import { hasError, makeIssue } from './issue';
import type { Issue, RecordReport, ValidationReport } from './types';

export interface ValidateOptions {
  /** The uploaded file's name; when given, its extension is checked (209). */
  fileName?: string;
  /** Records beyond this many get only the column-count check (a 10 MB paste must not hang the page). */
  maxDetailedRecords?: number;
}

export const DEFAULT_MAX_DETAILED_RECORDS = 5000;
/** A DN cell this long already has its 202; splitting it would only add noise. */
const HUGE_DN = 4 * 250;

/** A record after the sync rules, with what the async CSR step needs. */
export interface CheckedRecord extends RecordFacts {
  issues: Issue[];
  /** false for a record past the detailed-check limit: only its column count was checked. */
  detailed?: false;
}

export function validateRecords(kind: KindId, records: readonly TsvRecord[], options: ValidateOptions = {}): ValidationReport {
  const { fileIssues, checked } = runSyncRules(KINDS[kind], records, options, []);
  return buildReport(kind, fileIssues, checked);
}

/**
 * Column, record, cross-record and file rules. `initial` are the codec's file issues; when one of them is an
 * error and no record could be read (binary, wrong encoding), "empty file" (213) would be misleading and is skipped.
 */
export function runSyncRules(
  spec: KindSpec,
  records: readonly TsvRecord[],
  options: ValidateOptions,
  initial: readonly Issue[],
): { fileIssues: Issue[]; checked: CheckedRecord[] } {
  const fileIssues: Issue[] = [...initial, ...checkFileName(options.fileName)];
  const checked = checkRecords(spec, records, options.maxDetailedRecords ?? DEFAULT_MAX_DETAILED_RECORDS, fileIssues);
  const unreadable = records.length === 0 && hasError(initial);
  // Each file rule on its own: one that throws reports an internal error and the row results stay (issue 10).
  const isolated = <T>(fallback: T, rule: () => T): T => {
    try {
      return rule();
    } catch (error) {
      fileIssues.push(internalError(0, error));
      return fallback;
    }
  };
  if (!unreadable) fileIssues.push(...isolated([], () => checkRecordCount(spec, checked)));
  fileIssues.push(...isolated([], () => checkSingleMethod(spec, checked)));
  const mismatch = isolated(undefined, () => kindMismatchIssue(spec.id, records));
  if (mismatch) fileIssues.push(mismatch);
  const across = isolated(new Map<number, Issue[]>(), () => checkAcrossRecords(spec, checked));
  for (const r of checked) r.issues.push(...(across.get(r.seq) ?? []));
  return { fileIssues, checked };
}

export function checkRecords(spec: KindSpec, records: readonly TsvRecord[], maxDetailed: number, fileIssues: Issue[]): CheckedRecord[] {
  if (records.length > maxDetailed) fileIssues.push(makeIssue('truncated', { seq: 0 }, { checked: maxDetailed, count: records.length }));
  return records.map((record, index) => (index < maxDetailed ? checkRecord(spec, record) : countOnly(spec, record)));
}

function countOnly(spec: KindSpec, record: TsvRecord): CheckedRecord {
  const count = checkColumnCount(spec.id, record.seq, record.cells);
  return { seq: record.seq, cells: record.cells, wellFormed: !count, issues: count ? [count] : [], detailed: false };
}

/** All sync rules of one record. A wrong column count stops here: the columns cannot be trusted. */
export function checkRecord(spec: KindSpec, record: TsvRecord): CheckedRecord {
  const { seq, cells } = record;
  try {
    const count = checkColumnCount(spec.id, seq, cells);
    if (count) return { seq, cells, wellFormed: false, issues: [count] };
    const issues: Issue[] = [];
    const dn = checkDnColumn(spec, cells, seq);
    // The same order as ever: every column's cell rules, then the DN rules.
    issues.push(...dn.issues.slice(0, dn.cellIssues));
    for (const column of spec.columns.slice(1)) issues.push(...checkCell(column, cells[column.no - 1], seq));
    issues.push(...dn.issues.slice(dn.cellIssues));
    const rdns = dn.rdns;
    const badColumns = new Set(issues.filter((i) => i.severity === 'error' && i.column !== undefined).map((i) => i.column!));
    issues.push(...checkCrossColumns({ kind: spec, seq, cells, rdns, badColumns }));
    return { seq, cells, rdns, wellFormed: true, issues };
  } catch (error) {
    return { seq, cells, wellFormed: false, issues: [internalError(seq, error)] };
  }
}

/**
 * Column 1 alone, as checkRecord judges it: the cell rules and the DN rules (S/MIME by the row's profile).
 * Also what 鍵・CSR runs before it offers a row to copy or send (a DN the validator would reject is not offered).
 */
export function checkDnColumn(spec: KindSpec, cells: readonly string[], seq = 1): { issues: Issue[]; cellIssues: number; rdns: RecordFacts['rdns'] } {
  const dnText = cells[0] ?? '';
  const issues = checkCell(spec.columns[0], dnText, seq);
  const profile = columnOf(spec, 'profile');
  const smime = profile !== undefined && isSmimeProfile(cells[profile.no - 1] ?? '');
  if (dnText === '' || dnText.length > HUGE_DN) return { issues, cellIssues: issues.length, rdns: undefined };
  const dn = checkDnString(spec.family, dnText, { seq, column: 1, field: 'dn' }, { smime });
  return { issues: [...issues, ...dn.issues], cellIssues: issues.length, rdns: dn.rdns };
}

export function internalError(seq: number, error: unknown): Issue {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return makeIssue('internalError', { seq }, { detail });
}

/** Record-level issues first, then by column (stable: rule order is kept within a column). */
function byColumn(issues: Issue[]): Issue[] {
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.i - b.i).map((x) => x.issue);
}

export function buildReport(kind: KindId, fileIssues: Issue[], records: readonly CheckedRecord[], encoding?: string): ValidationReport {
  const reports: RecordReport[] = records.map((r) => {
    const report: RecordReport = { seq: r.seq, ok: !hasError(r.issues), cells: [...r.cells], issues: byColumn(r.issues) };
    if (r.detailed === false) report.detailed = false;
    return report;
  });
  const ok = !hasError(fileIssues) && reports.every((r) => r.ok);
  const report: ValidationReport = { kind, ok, fileIssues, records: reports };
  if (encoding !== undefined) report.encoding = encoding;
  return report;
}
