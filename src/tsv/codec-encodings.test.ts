// decodeAndParse on whole files in encodings the RA refuses: which code, and what the message names. Bytes come from
// glibc iconv (an encoder independent of ours) wherever it can make them.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeAndParse, formatTsv } from './codec';
import { serverIssueRow, serverRevokeRow } from './fixtures';

const iconv = (to: string, text: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
const codes = (bytes: Uint8Array) => decodeAndParse(bytes, 'server-issue').fileIssues.map((i) => i.code);
const text = formatTsv([serverIssueRow({ csr: 'MIIB', adminName: '鈴木　一郎', adminDept: '国立情報学研究所' })]);

/** `bytes` with a NUL put in at `offset` (replacing nothing), padded with one space to keep the length as given. */
function withNul(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length).fill(0x20);
  out.set(bytes.subarray(0, offset));
  out[offset] = 0;
  out.set(bytes.subarray(offset, length - 1), offset + 1);
  return out;
}

describe('NUL bytes: damaged text is U101, UTF-16 is U103', () => {
  const sjis = iconv('SHIFT_JIS', text);
  // An even length, where one NUL shares one parity with "all" the NULs: the case that used to be taken for UTF-16.
  const even = sjis.length % 2 === 0 ? sjis.length : sjis.length + 1;

  it.each([
    ['odd', 41],
    ['even', 40],
  ])('one stray NUL at an %s offset of a Shift-JIS file is U101 with its byte number', (_, offset) => {
    const issues = decodeAndParse(withNul(sjis, offset, even), 'server-issue').fileIssues;
    expect(issues.map((i) => i.code)).toEqual(['U101']);
    expect(issues[0].message.ja).toContain(`NUL文字（0x00、${offset + 1}バイト目）`);
    expect(issues[0].message.en).toContain(`byte ${offset + 1}`);
  });

  it('a few NULs, all at odd offsets, are still U101', () => {
    const bytes = withNul(withNul(withNul(sjis, 11, even), 21, even), 31, even);
    expect(codes(bytes)).toEqual(['U101']);
  });

  it.each(['UTF-16LE', 'UTF-16BE'])('%s without a BOM is U103 naming UTF-16', (encoding) => {
    const ascii = iconv(encoding, formatTsv([serverRevokeRow({ reasonComment: '' })]));
    const issues = decodeAndParse(ascii, 'server-revoke').fileIssues;
    expect(issues.map((i) => i.code)).toEqual(['U103']);
    expect(issues[0].message.ja).toContain('UTF-16');
    // Mostly kanji, so NULs are under a quarter of the bytes; the ASCII DN still gives it away.
    const kanji = iconv(encoding, `CN=www.nii.ac.jp\t${'国立情報学研究所学術基盤推進部'.repeat(4)}\r\n`);
    expect(codes(kanji)).toEqual(['U103']);
  });
});

describe('U101 without NUL', () => {
  it('says binary / control bytes, not NUL, when control bytes made the file binary', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 + (i % 7) : 0x41));
    const issues = decodeAndParse(bytes, 'server-issue').fileIssues;
    expect(issues.map((i) => i.code)).toEqual(['U101']);
    expect(issues[0].message.ja).toContain('制御文字');
    expect(issues[0].message.ja).not.toContain('NUL');
    expect(issues[0].message.en).not.toContain('NUL');
  });
});

describe('encodings named in U103', () => {
  it('UTF-8 with a BOM is named as such, and the records are still read', () => {
    const parsed = decodeAndParse(new Uint8Array([0xef, 0xbb, 0xbf, ...iconv('UTF-8', text)]), 'server-issue');
    expect(parsed.encoding).toBe('UTF-8 (BOM)');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U103']);
    expect(parsed.fileIssues[0].message.ja).toBe('文字コードがUTF-8（BOM付き）です。申請ファイルはShift-JISで保存してください。');
    expect(parsed.fileIssues[0].message.en).toContain('UTF-8 with a BOM');
    expect(parsed.records).toHaveLength(1);
  });

  it('ISO-2022-JP made by iconv is U103 naming it, not ASCII with control characters', () => {
    const bytes = iconv('ISO-2022-JP', text);
    expect(bytes).toContain(0x1b); // ESC $ B … ESC ( B
    const parsed = decodeAndParse(bytes, 'server-issue');
    expect(parsed.encoding).toBe('ISO-2022-JP');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U103']);
    expect(parsed.fileIssues[0].message.ja).toContain('ISO-2022-JP（JISコード）');
  });

  it('ISO-2022-JP with the JIS-Roman escape (ESC ( J) is named too', () => {
    const bytes = iconv('ISO-2022-JP', '\\ ~ ¥');
    expect(Buffer.from(bytes).includes(Buffer.from([0x1b, 0x28, 0x4a]))).toBe(true);
    expect(codes(bytes)).toEqual(['U103']);
  });

  it('EUC-JP made by iconv (not valid Shift-JIS) is U103 naming it, not U102', () => {
    const parsed = decodeAndParse(iconv('EUC-JP', text), 'server-issue');
    expect(parsed.encoding).toBe('EUC-JP');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U103']);
    expect(parsed.fileIssues[0].message.ja).toBe('文字コードがEUC-JPです。申請ファイルはShift-JISで保存してください。');
  });

  it('bytes that are neither EUC-JP nor Shift-JIS stay U102', () => {
    expect(codes(new Uint8Array([0x61, 0x09, 0xa4, 0xa2, 0x82, 0x0a]))).toEqual(['U102']);
  });
});

describe('bare CR after the last record', () => {
  it('is U104 (it used to vanish with the trailing blank lines), once', () => {
    const parsed = decodeAndParse(iconv('SHIFT_JIS', `${text}\r\r`), 'server-issue');
    expect(parsed.fileIssues.map((i) => [i.code, i.seq])).toEqual([['U104', 2]]);
    expect(parsed.records).toHaveLength(1);
    expect(decodeAndParse(iconv('SHIFT_JIS', `${text}\r\n\n`), 'server-issue').fileIssues).toEqual([]);
  });

  it('is U104 when a single CR ends the file, after the record or ending it', () => {
    const issues = (t: string) => decodeAndParse(iconv('SHIFT_JIS', t), 'server-issue').fileIssues.map((i) => [i.code, i.seq]);
    expect(text.endsWith('\r\n')).toBe(true);
    const record = text.slice(0, -2);
    expect(issues(`${record}\r\n\r`)).toEqual([['U104', 2]]);
    expect(issues(`${record}\r`)).toEqual([['U104', 1]]);
    expect([`${record}\r\n`, `${record}\n`, record].map(issues)).toEqual([[], [], []]);
  });
});
