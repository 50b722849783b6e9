import { describe, expect, it } from 'vitest';
import { KINDS } from '../spec/kinds';
import { composeDn, newRowCells } from './defaults';
import { blankProfile } from './institution';
import { createSheet, fillColumn } from './grid';
import { cnOf, syncSmimeCn, syncSmimeRow, syncSmimeSheet, withCn } from './smime';

const inst = { ...blankProfile('x'), o: 'Example Univ', l: 'Chiyoda-ku', st: 'Tokyo', adminMail: 'a@example.ac.jp', software: 'httpd 2.4' };

describe('DN helpers', () => {
  it('composes server DNs without OU and client DNs with OU', () => {
    expect(composeDn('server', { cn: 'www.example.ac.jp', ous: ['X'] }, inst)).toBe(
      'CN=www.example.ac.jp,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP',
    );
    expect(composeDn('client', { cn: 'A B', ous: ['1', ''] }, { o: 'O', l: '', st: 'Tokyo' })).toBe('CN=A B,OU=1,O=O,ST=Tokyo,C=JP');
  });

  it('replaces or adds the CN', () => {
    expect(withCn('CN=old,O=X,C=JP', 'new@x.jp')).toBe('CN=new@x.jp,O=X,C=JP');
    expect(withCn('O=X,C=JP', 'n')).toBe('CN=n,O=X,C=JP');
    expect(withCn('', 'n')).toBe('CN=n');
    expect(cnOf('CN=a,b,OU=1')).toBe('a,b');
  });

  it('keeps CN = 利用者mail in S/MIME rows', () => {
    const spec = KINDS['client-issue'];
    const cells = newRowCells(spec, inst, { profileId: '7', method: '1' });
    cells[13] = 'taro@example.ac.jp';
    expect(syncSmimeCn(spec, cells)[0]).toBe('CN=taro@example.ac.jp,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP');
    const synced = syncSmimeCn(spec, cells);
    expect(syncSmimeCn(spec, synced)).toBe(synced);
  });
});

describe('S/MIME rows not from a roster get a P12 name (ADDENDUM B.8)', () => {
  const spec = KINDS['client-issue'];
  const typed = (profileId: string, method: string, mail = 'taro_y@example.ac.jp') => {
    const cells = newRowCells(spec, inst, { profileId, method });
    cells[13] = mail;
    return cells;
  };

  it('a typed row: CN follows the mail and the P12 name is derived from it', () => {
    const cells = syncSmimeRow(spec, typed('15', '1'));
    expect(cnOf(cells[0])).toBe('taro_y@example.ac.jp');
    expect(cells[11]).toBe('taro-y-example.ac.jp');
    expect(syncSmimeRow(spec, cells)).toBe(cells);
  });

  it('keeps a P12 name the user typed, and writes none for method 2 (no P12 file)', () => {
    const own = typed('7', '3');
    own[11] = 'mine';
    expect(syncSmimeRow(spec, own)[11]).toBe('mine');
    expect(syncSmimeRow(spec, typed('16', '2'))[11]).toBe('');
  });

  /** What the grid does on one keystroke: set the cell, then sync the row against the row before the edit. */
  const edit = (cells: readonly string[], column: number, value: string): readonly string[] => {
    const next = cells.slice();
    next[column] = value;
    return syncSmimeRow(spec, next, cells);
  };
  const typeInto = (cells: readonly string[], column: number, text: string): readonly string[] =>
    [...text].reduce((row, _, i) => edit(row, column, text.slice(0, i + 1)), cells);

  it('typing the mail key by key: the P12 name follows every key, and a later change of the mail', () => {
    const blank = syncSmimeRow(spec, typed('15', '1', ''));
    const typedIn = typeInto(blank, 13, 'taro@example.ac.jp');
    expect(typedIn[11]).toBe('taro-example.ac.jp');
    expect(cnOf(typedIn[0])).toBe('taro@example.ac.jp');
    expect(edit(typedIn, 13, 'hanako@example.ac.jp')[11]).toBe('hanako-example.ac.jp');
  });

  it('a P12 name the user typed survives later mail edits; a cleared one stays cleared until the mail changes', () => {
    const row = typeInto(syncSmimeRow(spec, typed('15', '1', '')), 13, 'taro@example.ac.jp');
    const own = typeInto(edit(row, 11, ''), 11, 'taro-smime');
    expect(typeInto(own, 13, '2')[11]).toBe('taro-smime');

    const cleared = edit(row, 11, '');
    expect(cleared[11]).toBe('');
    expect(edit(cleared, 10, '国立 太郎')[11]).toBe('');
    expect(edit(cleared, 13, 'jiro@example.ac.jp')[11]).toBe('jiro-example.ac.jp');
  });

  it('rows switched to profile 16 with 「全行に適用」 get CN = mail and a P12 name; other rows are left alone', () => {
    const sheet = createSheet(spec, [typed('5', '1', 'a@example.ac.jp'), typed('5', '1', 'b@example.ac.jp')]);
    const switched = syncSmimeSheet(spec, fillColumn(sheet, 1, '16'));
    expect(switched.rows.map((r) => [cnOf(r.cells[0]), r.cells[11]])).toEqual([
      ['a@example.ac.jp', 'a-example.ac.jp'],
      ['b@example.ac.jp', 'b-example.ac.jp'],
    ]);
    expect(syncSmimeSheet(spec, sheet)).toBe(sheet);
    const one = syncSmimeSheet(spec, fillColumn(sheet, 1, '16'), new Set([sheet.rows[1].id]));
    expect(one.rows[0].cells[11]).toBe('');
    expect(one.rows[1].cells[11]).toBe('b-example.ac.jp');
  });
});

describe('new rows', () => {
  it('fill server issue defaults from the profile', () => {
    const cells = newRowCells(KINDS['server-issue'], inst, { profileId: '3' });
    expect(cells[0]).toBe('CN=,O=Example Univ,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cells[1]).toBe('3');
    expect(cells[9]).toBe('a@example.ac.jp');
    expect(cells[11]).toBe('httpd 2.4');
  });
  it('do not prefill the "changed address" mail of a revoke row', () => {
    const cells = newRowCells(KINDS['server-revoke'], inst);
    expect(cells[9]).toBe('');
    expect(cells.filter((c) => c !== '')).toHaveLength(1);
  });
});
