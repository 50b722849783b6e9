// Validation of the whole grid as it will be written: the rows are split into the files the export will make
// (split.ts), each file is checked by the validator (src/tsv, the only place rules live), the cross-record
// rules run once over all rows, and every issue is mapped back to its grid row. Two flavours: sync (every keystroke) and full (adds the async CSR checks).
import type { KindSpec } from '../spec/types';
import type { TsvRecord } from '../tsv/codec';
import { addCsrChecks } from '../tsv/csr-check';
import { checkAcrossRecords } from '../tsv/file-rules';
import { MESSAGES } from '../tsv/messages';
import type { Issue, ValidationReport } from '../tsv/types';
import { buildReport, runSyncRules, type CheckedRecord } from '../tsv/validate';
import type { RowMeta } from './grid';
import { institutionIssues, type InstitutionRegistered } from './institution-check';
import { keyReuseIssues } from './key-reuse';
import { droppedDnsNameIssues } from './san-keep';
import { planSplit, type SplitPart, type SplitPlan } from './split';

export interface FileCheck {
  /** Which rows (0-based grid indexes) go into this file. */
  part: SplitPart<readonly string[]>;
  fileIssues: Issue[];
  errors: number;
  warnings: number;
}

export interface SheetCheck {
  files: FileCheck[];
  /** Issues per grid row index, with `seq` as the validator numbered the record inside its file. */
  byRow: Map<number, Issue[]>;
  errors: number;
  warnings: number;
  splitReasons: ('limit' | 'method')[];
  /** True when the async CSR checks ran too. */
  full: boolean;
  /** True when the rows were also checked against an institution profile (241, R101–R103). */
  institutionChecked: boolean;
}

type Rows = readonly (readonly string[])[];

function toRecords(part: SplitPart<readonly string[]>): TsvRecord[] {
  return part.items.map((cells, i) => ({ seq: i + 1, cells: [...cells] }));
}

function plan(spec: KindSpec, rows: Rows): SplitPlan<readonly string[]> {
  return planSplit(spec, rows, (cells) => cells);
}

/** The issues checkAcrossRecords reports: computed once over the whole sheet, not per file. */
const ACROSS_CODES: ReadonlySet<string> = new Set([MESSAGES.duplicateDn.code, MESSAGES.duplicateSerial.code]);

/**
 * The validator compares records only within one file, but a DN or serial repeated in the next file of the
 * same export is just as wrong (the RA would see the DN already issued, B.15). So the per-file cross-record
 * findings are replaced by one run over every row, numbered as the grid numbers rows ("same as row N").
 */
function acrossSheet(spec: KindSpec, split: SplitPlan<readonly string[]>, perPart: readonly CheckedRecord[][]): void {
  const byGridRow: { record: CheckedRecord; row: number }[] = [];
  split.parts.forEach((part, p) =>
    perPart[p].forEach((record, i) => {
      record.issues = record.issues.filter((issue) => !ACROSS_CODES.has(issue.code));
      byGridRow.push({ record, row: part.indexes[i] });
    }),
  );
  byGridRow.sort((a, b) => a.row - b.row);
  const found = checkAcrossRecords(spec, byGridRow.map(({ record, row }) => ({ ...record, seq: row + 1 })));
  for (const { record, row } of byGridRow) {
    for (const issue of found.get(row + 1) ?? []) record.issues.push({ ...issue, seq: record.seq });
  }
}

/**
 * U111 guesses the kind of an uploaded file from its content; in the builder the user chose the kind, and a
 * blank new row (empty columns that only another kind leaves empty) would otherwise be "guessed" wrong.
 */
function dropKindGuess(fileIssues: Issue[]): Issue[] {
  return fileIssues.filter((issue) => issue.code !== MESSAGES.kindMismatch.code);
}

function syncRules(spec: KindSpec, split: SplitPlan<readonly string[]>, registered?: InstitutionRegistered) {
  const runs = split.parts.map((part) => {
    const run = runSyncRules(spec, toRecords(part), {}, []);
    return { ...run, fileIssues: dropKindGuess(run.fileIssues) };
  });
  acrossSheet(spec, split, runs.map((r) => r.checked));
  if (registered) for (const run of runs) addInstitutionIssues(spec, run.checked, registered);
  return runs;
}

/**
 * The RA's registered-value checks (241, R101–R103), as the RA runs them on a record the validator passed:
 * a column that already has an error (an unreadable DN) is not judged again.
 */
export function addInstitutionIssues(spec: KindSpec, checked: readonly CheckedRecord[], registered: InstitutionRegistered): void {
  for (const record of checked) {
    const bad = new Set(record.issues.filter((i) => i.severity === 'error').map((i) => i.column));
    record.issues.push(...institutionIssues(spec, record.seq, record.cells, registered).filter((i) => !bad.has(i.column)));
  }
}

/** Column, record and file rules; no CSR parsing. Cheap enough for every edit. */
export function checkSheet(spec: KindSpec, rows: Rows, registered?: InstitutionRegistered): SheetCheck {
  const split = plan(spec, rows);
  const reports = syncRules(spec, split, registered).map(({ fileIssues, checked }) => buildReport(spec.id, fileIssues, checked));
  return assemble(split, reports, false, !!registered);
}

/**
 * Everything checkSheet does plus the CSR checks (signature, key vs profile, DN = CSR DN) and, for renew rows
 * that carry the old certificate's key in their metadata, the key-reuse check and the dropped-host-name warning: what export uses.
 */
export async function checkSheetFull(
  spec: KindSpec,
  rows: Rows,
  metas: readonly (RowMeta | undefined)[] = [],
  registered?: InstitutionRegistered,
): Promise<SheetCheck> {
  const split = plan(spec, rows);
  const reports: ValidationReport[] = [];
  const runs = syncRules(spec, split, registered);
  for (const [p, part] of split.parts.entries()) {
    const { fileIssues, checked } = runs[p];
    await addCsrChecks(spec, checked);
    await Promise.all(
      checked.map(async (record, i) => {
        const meta = metas[part.indexes[i]];
        record.issues.push(...(await keyReuseIssues(spec, { ...record, meta })), ...droppedDnsNameIssues(spec, { ...record, meta }));
      }),
    );
    reports.push(buildReport(spec.id, fileIssues, checked));
  }
  return assemble(split, reports, true, !!registered);
}

function assemble(split: SplitPlan<readonly string[]>, reports: readonly ValidationReport[], full: boolean, institutionChecked: boolean): SheetCheck {
  const byRow = new Map<number, Issue[]>();
  const files: FileCheck[] = [];
  let errors = 0;
  let warnings = 0;
  split.parts.forEach((part, p) => {
    const report = reports[p];
    const all = [...report.fileIssues];
    for (const record of report.records) {
      const rowIndex = part.indexes[record.seq - 1];
      if (rowIndex === undefined || record.issues.length === 0) continue;
      all.push(...record.issues);
      byRow.set(rowIndex, [...(byRow.get(rowIndex) ?? []), ...record.issues]);
    }
    const partErrors = all.filter((i) => i.severity === 'error').length;
    errors += partErrors;
    warnings += all.length - partErrors;
    files.push({ part, fileIssues: report.fileIssues, errors: partErrors, warnings: all.length - partErrors });
  });
  return { files, byRow, errors, warnings, splitReasons: split.reasons, full, institutionChecked };
}

/** Issues of one cell (1-based column in the issue, 0-based here). */
export function cellIssues(check: SheetCheck, row: number, column: number): Issue[] {
  return (check.byRow.get(row) ?? []).filter((issue) => issue.column === column + 1);
}

/** Issues of a row that name no column (cross-column and record-level problems). */
export function rowLevelIssues(check: SheetCheck, row: number): Issue[] {
  return (check.byRow.get(row) ?? []).filter((issue) => issue.column === undefined);
}
