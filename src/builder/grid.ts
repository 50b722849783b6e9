// The builder's grid as immutable data: a sheet of rows, each holding exactly one cell per TSV column.
// Every operation returns a new sheet so undo (undo.ts) can keep old ones without copying.
import { columnOf } from '../spec/kinds';
import type { FieldKey, KindId, KindSpec } from '../spec/types';

/**
 * What the builder knows about a row beyond its cells; never written to the file.
 * The renew rule "a new key pair is required" (SPEC §2.1) needs the old certificate's key, which no TSV
 * column holds: it is kept here when the user drops the old certificate on the row.
 */
export interface RowMeta {
  /** SHA-256 of the old certificate's SubjectPublicKeyInfo (hex, as pki/spki.ts `spkiSha256`). */
  readonly oldSpkiSha256?: string;
  /** The old certificate's CN and dNSNames (renew rows), so dropping one is flagged (san-keep.ts). */
  readonly oldDnsNames?: readonly string[];
}

export interface Row {
  /** Stable identity for rendering and editing; never written to the file. */
  readonly id: string;
  readonly cells: readonly string[];
  readonly meta?: RowMeta;
}

export interface Sheet {
  readonly kind: KindId;
  readonly rows: readonly Row[];
}

let nextId = 0;
/** Ids only need to be unique within a page session; a counter avoids randomUUID, absent on file:// pages. */
export function newRowId(): string {
  nextId += 1;
  return `r${Date.now().toString(36)}-${nextId.toString(36)}`;
}

/** 0-based index of the column holding `field` in this kind, or -1 when the kind has no such column. */
export function columnIndex(spec: KindSpec, field: FieldKey): number {
  const column = columnOf(spec, field);
  return column ? column.no - 1 : -1;
}

/** The columns the row tools fill (key + CSR, dNSName list, old certificate → DN + serial). */
export const ROW_TOOL_FIELDS: readonly FieldKey[] = ['csr', 'dnsNames', 'serial'];

/** Whether the row tools panel has anything for this kind: client issue has none of its columns, so no 補助 button. */
export function hasRowTools(spec: KindSpec): boolean {
  return ROW_TOOL_FIELDS.some((field) => columnIndex(spec, field) >= 0);
}

/** Where a value for `field` may be written: -1 when this kind has no such column or keeps it blank. */
export function writableColumnIndex(spec: KindSpec, field: FieldKey): number {
  const column = columnOf(spec, field);
  return column && column.required !== 'blank' ? column.no - 1 : -1;
}

export function emptyCells(spec: KindSpec): string[] {
  return Array.from({ length: spec.columnCount }, () => '');
}

/** Fit cells to the kind's column count: pad with blanks, drop extras (the importer reports extras before this). */
export function fitCells(spec: KindSpec, cells: readonly string[]): string[] {
  return emptyCells(spec).map((_, i) => cells[i] ?? '');
}

export function makeRow(spec: KindSpec, cells: readonly string[] = []): Row {
  return { id: newRowId(), cells: fitCells(spec, cells) };
}

export function createSheet(spec: KindSpec, records: readonly (readonly string[])[] = []): Sheet {
  return { kind: spec.id, rows: records.map((cells) => makeRow(spec, cells)) };
}

export function records(sheet: Sheet): string[][] {
  return sheet.rows.map((row) => [...row.cells]);
}

export function rowIndex(sheet: Sheet, rowId: string): number {
  return sheet.rows.findIndex((row) => row.id === rowId);
}

export function setCell(sheet: Sheet, rowId: string, column: number, value: string): Sheet {
  const at = rowIndex(sheet, rowId);
  if (at < 0 || sheet.rows[at].cells[column] === value) return sheet;
  const row = sheet.rows[at];
  const cells = row.cells.map((cell, i) => (i === column ? value : cell));
  return replaceRow(sheet, at, { ...row, cells });
}

/** Set several cells of one row at once (one undo step), e.g. DN + CSR + FQDN from the key action. */
export function setCells(sheet: Sheet, rowId: string, values: ReadonlyMap<number, string>): Sheet {
  const at = rowIndex(sheet, rowId);
  if (at < 0) return sheet;
  const row = sheet.rows[at];
  const cells = row.cells.map((cell, i) => values.get(i) ?? cell);
  return replaceRow(sheet, at, { ...row, cells });
}

/** Replace a row's metadata (e.g. the old certificate's key after a certificate drop). */
export function setRowMeta(sheet: Sheet, rowId: string, meta: RowMeta | undefined): Sheet {
  const at = rowIndex(sheet, rowId);
  if (at < 0) return sheet;
  const { meta: _old, ...row } = sheet.rows[at];
  return replaceRow(sheet, at, meta ? { ...row, meta } : row);
}

/** Each row's metadata in row order, for checks that need more than the cells. */
export function metas(sheet: Sheet): (RowMeta | undefined)[] {
  return sheet.rows.map((row) => row.meta);
}

function replaceRow(sheet: Sheet, at: number, row: Row): Sheet {
  const rows = sheet.rows.slice();
  rows[at] = row;
  return { ...sheet, rows };
}

/** Insert rows at `at` (default: the end). */
export function insertRows(sheet: Sheet, rows: readonly Row[], at = sheet.rows.length): Sheet {
  const index = Math.max(0, Math.min(at, sheet.rows.length));
  return { ...sheet, rows: [...sheet.rows.slice(0, index), ...rows, ...sheet.rows.slice(index)] };
}

/** Copy a row just below itself, with a new id. */
export function duplicateRow(sheet: Sheet, rowId: string): Sheet {
  const at = rowIndex(sheet, rowId);
  if (at < 0) return sheet;
  return insertRows(sheet, [{ ...sheet.rows[at], id: newRowId(), cells: [...sheet.rows[at].cells] }], at + 1);
}

export function deleteRows(sheet: Sheet, rowIds: Iterable<string>): Sheet {
  const gone = new Set(rowIds);
  if (gone.size === 0) return sheet;
  return { ...sheet, rows: sheet.rows.filter((row) => !gone.has(row.id)) };
}

/** Move a row to position `to` (0-based, clamped). */
export function moveRow(sheet: Sheet, rowId: string, to: number): Sheet {
  const from = rowIndex(sheet, rowId);
  const target = Math.max(0, Math.min(to, sheet.rows.length - 1));
  if (from < 0 || from === target) return sheet;
  const rows = sheet.rows.slice();
  const [row] = rows.splice(from, 1);
  rows.splice(target, 0, row);
  return { ...sheet, rows };
}

/** Write `value` into one column of many rows (e.g. the download method for all rows). */
export function fillColumn(sheet: Sheet, column: number, value: string, rowIds?: Iterable<string>): Sheet {
  const only = rowIds ? new Set(rowIds) : null;
  let changed = false;
  const rows = sheet.rows.map((row) => {
    if ((only && !only.has(row.id)) || row.cells[column] === value) return row;
    changed = true;
    return { ...row, cells: row.cells.map((cell, i) => (i === column ? value : cell)) };
  });
  return changed ? { ...sheet, rows } : sheet;
}
