// 「Shift-JISに変換して保存」: UTF-8/UTF-16 → Shift-JIS with nothing else changed; characters that do not fit are
// located by line, column and position, and nothing is written. The bytes are checked against iconv (not our decoder).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convertToShiftJis, convertedName, misfitText, unicodeText } from './to-shift-jis';

const iconvFromSjis = (bytes: Uint8Array) => execFileSync('iconv', ['-f', 'SHIFT_JIS', '-t', 'UTF-8'], { input: bytes }).toString('utf8');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const TEXT = 'CN=国立　花子,O=NII\t5\t山田　太郎\r\nCN=B\t7\tｶﾅ\r\n';

describe('convertToShiftJis', () => {
  it('re-encodes UTF-8, UTF-8 with BOM and UTF-16LE with the BOM dropped, the same text (iconv reads it back)', () => {
    for (const bytes of [Buffer.from(TEXT, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), utf16le(TEXT)]) {
      const r = convertToShiftJis(new Uint8Array(bytes));
      if (!r.ok) throw new Error(JSON.stringify(r));
      expect(iconvFromSjis(r.bytes)).toBe(TEXT);
    }
  });

  it('refuses a file with characters outside JIS X 0208 + JIS X 0201 and says where each is', () => {
    const text = 'a\tb\r\nCN=X\t髙橋\tx①y\r\n𠮷\r\n';
    const r = convertToShiftJis(new Uint8Array(Buffer.from(text, 'utf8')));
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'misfits') throw new Error('expected misfits');
    expect(r.total).toBe(3);
    expect(r.misfits.map(({ line, column, position, char }) => ({ line, column, position, char }))).toEqual([
      { line: 2, column: 2, position: 1, char: '髙' },
      { line: 2, column: 3, position: 2, char: '①' },
      { line: 3, column: 1, position: 1, char: '𠮷' },
    ]);
    expect(r.misfits[0].suggestion).toBe('高');
    expect(misfitText(r.misfits[0]).ja).toBe('2行目 2列目 1文字目: 「髙」(U+9AD9) →「高」');
  });

  it('does not take a Shift-JIS or binary file', () => {
    const sjis = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: TEXT });
    expect(convertToShiftJis(new Uint8Array(sjis))).toEqual({ ok: false, reason: 'not-unicode' });
    expect(unicodeText(new Uint8Array([0, 1, 2, 3, 0, 0, 0]))).toBeUndefined();
  });

  it('names the saved file apart from the original', () => {
    expect(convertedName('client.tsv')).toBe('client-sjis.tsv');
    expect(convertedName('noext')).toBe('noext-sjis.tsv');
  });
});
