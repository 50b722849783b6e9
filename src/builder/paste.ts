// Excel-style paste into the grid: a block of tab/newline-separated text fills the cells to the right and the
// rows below the cell it lands on, adding rows as needed, as Excel and Google Sheets do. Columns are TSV
// columns (a block copied from a 13-column sheet lands column for column, hidden blank columns included).
import type { KindSpec } from '../spec/types';
import { insertRows, type Row, type Sheet } from './grid';

/**
 * Cells of a pasted block. Spreadsheets quote a cell holding a tab, newline or quote ("a""b"); one trailing
 * line end (spreadsheets add one) is not an extra row.
 */
export function parseBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      const end = closingQuote(s, i + 1);
      if (end >= 0) {
        cell = s.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i += 1;
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The quote closing a quoted cell: followed by a tab, a line end or the end; -1 when there is none (not quoted). */
function closingQuote(s: string, from: number): number {
  for (let j = from; j < s.length; j += 1) {
    if (s[j] !== '"') continue;
    if (s[j + 1] === '"') {
      j += 1;
      continue;
    }
    return j + 1 === s.length || s[j + 1] === '\t' || s[j + 1] === '\n' ? j : -1;
  }
  return -1;
}

/** Whether a paste is a block (more than one cell) rather than text for one cell. */
export function isBlock(block: readonly (readonly string[])[]): boolean {
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}

export interface PasteResult {
  sheet: Sheet;
  rowsAdded: number;
  /** Cells that fell beyond the last column and were dropped. */
  cellsDropped: number;
}

/** Write `block` from (row, column) (0-based) rightwards and downwards, adding rows made by `newRow`. */
export function pasteBlock(sheet: Sheet, spec: KindSpec, row: number, column: number, block: readonly (readonly string[])[], newRow: () => Row): PasteResult {
  const needed = row + block.length - sheet.rows.length;
  const added = Array.from({ length: Math.max(0, needed) }, newRow);
  const grown = added.length ? insertRows(sheet, added) : sheet;
  let cellsDropped = 0;
  const rows = grown.rows.map((r, i) => {
    const line = block[i - row];
    if (!line) return r;
    const cells = [...r.cells];
    line.forEach((value, j) => {
      if (column + j < spec.columnCount) cells[column + j] = value;
      else cellsDropped += 1;
    });
    return { ...r, cells };
  });
  return { sheet: { ...grown, rows }, rowsAdded: added.length, cellsDropped };
}
