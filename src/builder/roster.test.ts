import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, looksLikeHeader, parseDelimited, parseRoster, readRosterFile } from './roster';

describe('parseDelimited', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"Yamada, Taro","says ""hi"""\r\n"Two\nLines",x\r\n';
    expect(parseDelimited(text, ',')).toEqual([
      ['name', 'note'],
      ['Yamada, Taro', 'says "hi"'],
      ['Two\nLines', 'x'],
    ]);
  });

  it('keeps empty fields, skips blank lines and ignores a BOM', () => {
    expect(parseDelimited('\uFEFFa,,c\n\n,b,\n', ',')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('trims unquoted fields but keeps spaces inside quotes', () => {
    expect(parseDelimited(' a , " b " \n', ',')).toEqual([['a', ' b ']]);
  });

  it('reads the last line without a newline and a lone CR as a line end', () => {
    expect(parseDelimited('a\tb\rc\td', '\t')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('picks TAB for spreadsheet pastes even when names contain commas', () => {
    expect(detectDelimiter('Yamada, Taro\t001\tt@example.ac.jp\nSato, Jiro\t002\tj@example.ac.jp')).toBe('\t');
  });
  it('picks comma for CSV and semicolon for European CSV', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
  });
});

describe('header detection', () => {
  it('sees a header of column names above rows holding mail addresses', () => {
    expect(looksLikeHeader(['氏名', '学籍番号', 'メール'], [['山田', '1', 'a@b.jp']])).toBe(true);
    expect(looksLikeHeader(['Name', 'Student ID', 'E-mail'], [])).toBe(true);
  });
  it('does not take a data row for a header', () => {
    expect(looksLikeHeader(['YAMADA TARO', '2024001', 'taro@example.ac.jp'], [])).toBe(false);
  });
  it('parseRoster honours an explicit choice', () => {
    const text = 'YAMADA TARO,001\nSATO JIRO,002\n';
    expect(parseRoster(text).header).toBeNull();
    expect(parseRoster(text, { header: true })).toEqual({ header: ['YAMADA TARO', '001'], rows: [['SATO JIRO', '002']], delimiter: ',' });
  });
});

describe('readRosterFile', () => {
  const csv = '氏名,ローマ字,学籍番号,メール\r\n"山田, 太郎",YAMADA TARO,2024001,taro@example.ac.jp\r\n髙橋　花子,TAKAHASHI HANAKO,2024002,hanako@example.ac.jp\r\n';
  const expected = {
    header: ['氏名', 'ローマ字', '学籍番号', 'メール'],
    rows: [
      ['山田, 太郎', 'YAMADA TARO', '2024001', 'taro@example.ac.jp'],
      ['髙橋　花子', 'TAKAHASHI HANAKO', '2024002', 'hanako@example.ac.jp'],
    ],
    delimiter: ',',
  };

  it('reads a Shift-JIS (CP932) CSV made by an independent encoder (iconv)', () => {
    const sjis = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: csv }));
    expect(sjis.length).toBeLessThan(Buffer.byteLength(csv));
    const result = readRosterFile(sjis);
    expect(result.ok && result.encoding).toBe('Shift_JIS');
    expect(result.ok && result.roster).toEqual(expected);
  });

  it('reads UTF-8 with and without BOM', () => {
    const utf8 = new TextEncoder().encode(csv);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf8, bom]) {
      const result = readRosterFile(bytes);
      expect(result.ok && result.roster).toEqual(expected);
    }
  });

  it('refuses UTF-16 with a message instead of throwing', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('a,b\r\n', 'utf16le')]);
    const result = readRosterFile(utf16);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.en).toMatch(/UTF-16/);
    expect(!result.ok && result.message.ja).toMatch(/UTF-16/);
  });
});
