import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { createSheet, makeRow } from './grid';
import { isBlock, parseBlock, pasteBlock } from './paste';

const spec = KINDS['server-issue'];

describe('Excel-style paste', () => {
  it('splits a copied block into rows and cells, ignoring the trailing line end spreadsheets add', () => {
    expect(parseBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseBlock('one cell')).toEqual([['one cell']]);
    expect(parseBlock('a\t\tc\n')).toEqual([['a', '', 'c']]);
  });

  it('reads quoted cells holding tabs, line breaks and quotes', () => {
    expect(parseBlock('"x\ty"\t"line1\nline2"\t"say ""hi"""\nz')).toEqual([
      ['x\ty', 'line1\nline2', 'say "hi"'],
      ['z'],
    ]);
    // A quote inside an unquoted cell is just a character.
    expect(parseBlock('5" disk\tb')).toEqual([['5" disk', 'b']]);
  });

  it('tells a block from a one-cell paste', () => {
    expect(isBlock(parseBlock('abc'))).toBe(false);
    expect(isBlock(parseBlock('abc\n'))).toBe(false);
    expect(isBlock(parseBlock('a\tb'))).toBe(true);
    expect(isBlock(parseBlock('a\nb'))).toBe(true);
  });

  it('fills right and down from the cell, adding rows, dropping what passes the last column', () => {
    const sheet = createSheet(spec, [['keep']]);
    const block = parseBlock('1\t2\n3\t4\n5\t6');
    const r = pasteBlock(sheet, spec, 0, 11, block, () => makeRow(spec));
    expect(r.rowsAdded).toBe(2);
    expect(r.cellsDropped).toBe(0);
    expect(r.sheet.rows.map((row) => [row.cells[0], row.cells[11], row.cells[12]])).toEqual([
      ['keep', '1', '2'],
      ['', '3', '4'],
      ['', '5', '6'],
    ]);
    const wide = pasteBlock(sheet, spec, 0, 12, parseBlock('x\ty\tz'), () => makeRow(spec));
    expect(wide.cellsDropped).toBe(2);
    expect(wide.sheet.rows[0].cells[12]).toBe('x');
    expect(sheet.rows[0].cells[11]).toBe(''); // the old sheet is untouched (undo keeps it)
  });

  it('fills a 3×13 block copied from a spreadsheet into an empty sheet', () => {
    const line = (n: number) => Array.from({ length: 13 }, (_, i) => `r${n}c${i + 1}`).join('\t');
    const r = pasteBlock(createSheet(spec), spec, 0, 0, parseBlock(`${line(1)}\n${line(2)}\n${line(3)}\n`), () => makeRow(spec));
    expect(r.sheet.rows).toHaveLength(3);
    expect(r.sheet.rows[2].cells[12]).toBe('r3c13');
  });
});
