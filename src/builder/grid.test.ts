import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import {
  columnIndex,
  hasRowTools,
  createSheet,
  deleteRows,
  duplicateRow,
  fillColumn,
  insertRows,
  makeRow,
  moveRow,
  records,
  setCell,
  setCells,
} from './grid';

const spec = KINDS['server-revoke'];

function sheetOf(...cns: string[]) {
  return createSheet(spec, cns.map((cn) => [`CN=${cn}`]));
}

describe('grid', () => {
  it('gives every row exactly one cell per column of the kind', () => {
    const sheet = createSheet(KINDS['client-issue'], [['a'], Array(20).fill('x')]);
    expect(sheet.rows.map((r) => r.cells.length)).toEqual([15, 15]);
    expect(new Set(sheet.rows.map((r) => r.id)).size).toBe(2);
  });

  it('finds columns by field from the spec table', () => {
    expect(columnIndex(KINDS['server-issue'], 'csr')).toBe(6);
    expect(columnIndex(KINDS['client-revoke'], 'userMail')).toBe(13);
    expect(columnIndex(KINDS['server-revoke'], 'csr')).toBe(-1);
  });

  it('edits a cell without touching the old sheet (undo keeps it)', () => {
    const before = sheetOf('a', 'b');
    const after = setCell(before, before.rows[1].id, 4, '5');
    expect(records(after)[1][4]).toBe('5');
    expect(records(before)[1][4]).toBe('');
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(setCell(after, after.rows[1].id, 4, '5')).toBe(after);
  });

  it('sets several cells of a row in one step', () => {
    const sheet = sheetOf('a');
    const next = setCells(sheet, sheet.rows[0].id, new Map([[0, 'CN=z'], [3, '12']]));
    expect(records(next)[0].slice(0, 4)).toEqual(['CN=z', '', '', '12']);
  });

  it('adds, duplicates, deletes and reorders rows', () => {
    let sheet = sheetOf('a', 'b', 'c');
    sheet = insertRows(sheet, [makeRow(spec, ['CN=new'])], 1);
    expect(records(sheet).map((r) => r[0])).toEqual(['CN=a', 'CN=new', 'CN=b', 'CN=c']);
    sheet = duplicateRow(sheet, sheet.rows[2].id);
    expect(records(sheet).map((r) => r[0])).toEqual(['CN=a', 'CN=new', 'CN=b', 'CN=b', 'CN=c']);
    expect(sheet.rows[2].id).not.toBe(sheet.rows[3].id);
    sheet = deleteRows(sheet, [sheet.rows[1].id, sheet.rows[3].id]);
    expect(records(sheet).map((r) => r[0])).toEqual(['CN=a', 'CN=b', 'CN=c']);
    sheet = moveRow(sheet, sheet.rows[2].id, 0);
    expect(records(sheet).map((r) => r[0])).toEqual(['CN=c', 'CN=a', 'CN=b']);
    sheet = moveRow(sheet, sheet.rows[0].id, 99);
    expect(records(sheet).map((r) => r[0])).toEqual(['CN=a', 'CN=b', 'CN=c']);
  });

  it('fills one column for all rows or for chosen rows', () => {
    const sheet = sheetOf('a', 'b');
    expect(records(fillColumn(sheet, 4, '5')).map((r) => r[4])).toEqual(['5', '5']);
    expect(records(fillColumn(sheet, 4, '1', [sheet.rows[1].id])).map((r) => r[4])).toEqual(['', '1']);
  });
});

describe('hasRowTools', () => {
  it('every kind but client issue has a column the row tools fill (CSR, dNSName, serial)', () => {
    const withTools = Object.values(KINDS).filter(hasRowTools).map((spec) => spec.id);
    expect(withTools.sort()).toEqual(['client-renew', 'client-revoke', 'server-issue', 'server-renew', 'server-revoke']);
  });
});
