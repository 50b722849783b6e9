// Validation of the whole grid as it will be written: the rows are split into the files the export will make
// (split.ts), each file is checked by the validator (src/tsv, the only place rules live), and every issue is
// mapped back to its grid row. Two flavours: sync (every keystroke) and full (adds the async CSR checks).
import type { KindSpec } from '../spec/types';
import type { TsvRecord } from '../tsv/codec';
import { addCsrChecks } from '../tsv/csr-check';
import type { Issue, ValidationReport } from '../tsv/types';
import { buildReport, runSyncRules, validateRecords } from '../tsv/validate';
import type { RowMeta } from './grid';
import { keyReuseIssues } from './key-reuse';
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
}

type Rows = readonly (readonly string[])[];

function toRecords(part: SplitPart<readonly string[]>): TsvRecord[] {
  return part.items.map((cells, i) => ({ seq: i + 1, cells: [...cells] }));
}

function plan(spec: KindSpec, rows: Rows): SplitPlan<readonly string[]> {
  return planSplit(spec, rows, (cells) => cells);
}

/** Column, record and file rules; no CSR parsing. Cheap enough for every edit. */
export function checkSheet(spec: KindSpec, rows: Rows): SheetCheck {
  const split = plan(spec, rows);
  const reports = split.parts.map((part) => validateRecords(spec.id, toRecords(part)));
  return assemble(split, reports, false);
}

/**
 * Everything checkSheet does plus the CSR checks (signature, key vs profile, DN = CSR DN) and, for renew rows
 * that carry the old certificate's key in their metadata, the key-reuse check: what export uses.
 */
export async function checkSheetFull(spec: KindSpec, rows: Rows, metas: readonly (RowMeta | undefined)[] = []): Promise<SheetCheck> {
  const split = plan(spec, rows);
  const reports: ValidationReport[] = [];
  for (const part of split.parts) {
    const { fileIssues, checked } = runSyncRules(spec, toRecords(part), {}, []);
    await addCsrChecks(spec, checked);
    await Promise.all(
      checked.map(async (record, i) => {
        record.issues.push(...(await keyReuseIssues(spec, { ...record, meta: metas[part.indexes[i]] })));
      }),
    );
    reports.push(buildReport(spec.id, fileIssues, checked));
  }
  return assemble(split, reports, true);
}

function assemble(split: SplitPlan<readonly string[]>, reports: readonly ValidationReport[], full: boolean): SheetCheck {
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
  return { files, byRow, errors, warnings, splitReasons: split.reasons, full };
}

/** Issues of one cell (1-based column in the issue, 0-based here). */
export function cellIssues(check: SheetCheck, row: number, column: number): Issue[] {
  return (check.byRow.get(row) ?? []).filter((issue) => issue.column === column + 1);
}

/** Issues of a row that name no column (cross-column and record-level problems). */
export function rowLevelIssues(check: SheetCheck, row: number): Issue[] {
  return (check.byRow.get(row) ?? []).filter((issue) => issue.column === undefined);
}
