import { describe, expect, it } from 'vitest';
import { decodeTextFile, detectEncoding } from './detect';
import { encodeShiftJis } from './shift-jis';

const utf8 = (text: string) => new TextEncoder().encode(text);
function sjis(text: string): Uint8Array {
  const result = encodeShiftJis(text);
  if (!result.ok) throw new Error(`not writable: ${result.bad.map((b) => b.char).join('')}`);
  return result.bytes;
}
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return out;
}

/** Real Japanese text of the kind these files hold: manual prose, names, departments, DNs, mails. */
const CORPUS = [
  '入力が必須でない項目は[TAB]で埋めてください。1レコードに保有するTABの数は、全項目入力した際のTABの数と同数となります。',
  '全角文字が入力可能な項目において，使用可能文字はJIS X0208:1997（JIS第一・第二水準の漢字）＋JIS X0201の範囲です。',
  'サーバ証明書発行申請TSVファイル形式',
  '証明書発行処理が完了後、利用管理者様宛にワンタイムURL付きアクセスPIN取得案内メールを送信致します。',
  'CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP\t3\t\t\t\t\t山田　太郎\t情報基盤センター\tyamada@example.ac.jp',
  '国立情報学研究所\t学術基盤推進部\t鈴木　一郎\tｽｽﾞｷ ｲﾁﾛｳ\t～　－　￥１，０００',
  '京都大学', '東京工業大学', '北海道大学', '渡邉', '齋藤', '髙橋', '山﨑',
  '情報', '電子証明書', 'ファイル', 'アクセスPIN', 'ｼﾞｮｳﾎｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ', '①②③', '㈱テスト',
];

describe('detectEncoding on real Japanese text, both ways', () => {
  it('recognises Shift-JIS and UTF-8 for every corpus line', () => {
    for (const line of CORPUS) {
      expect(detectEncoding(utf8(line)), `UTF-8: ${line}`).toBe('UTF-8');
      const writable = encodeShiftJis(line);
      if (writable.ok) expect(detectEncoding(writable.bytes), `Shift-JIS: ${line}`).toBe('Shift_JIS');
    }
  });

  it('never takes a short UTF-8 fragment (1-4 characters) for Shift-JIS, though many are valid Shift-JIS', () => {
    const chars = [...CORPUS.join('')].filter((c) => c.codePointAt(0)! >= 0x80);
    for (let n = 1; n <= 4; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const fragment = chars.slice(i, i + n).join('');
        expect(detectEncoding(utf8(fragment)), fragment).toBe('UTF-8');
        const writable = encodeShiftJis(fragment);
        if (writable.ok) expect(detectEncoding(writable.bytes), fragment).toBe('Shift_JIS');
      }
    }
  });

  it('tells half-width kana in Shift-JIS from Latin letters in UTF-8 (both valid either way)', () => {
    for (const kana of ['ﾃｽ', 'ﾏｲ', 'ﾎｳ', 'ﾀﾛｳ ﾎｳ']) expect(detectEncoding(sjis(kana)), kana).toBe('Shift_JIS');
    for (const name of ['José', 'Müller', 'Ångström', '¥', '§1', '30°']) expect(detectEncoding(utf8(name)), name).toBe('UTF-8');
  });

  it('takes a UTF-8 text that is also valid Shift-JIS as UTF-8 (the careful side)', () => {
    // "あい" in UTF-8 is E3 81 82 E3 81 84, which Shift-JIS would read as 縺ゅ≠-style mojibake.
    expect(detectEncoding(utf8('あい'))).toBe('UTF-8');
  });

  it('knows ASCII, BOMs, UTF-16 without BOM and binary', () => {
    expect(detectEncoding(utf8('CN=a,O=b\t1\r\n'))).toBe('ASCII');
    expect(detectEncoding(new Uint8Array())).toBe('ASCII');
    expect(detectEncoding(utf8('\ufeffabc'))).toBe('UTF-8 (BOM)');
    expect(detectEncoding(utf8('\ufeff山田'))).toBe('UTF-8 (BOM)');
    expect(detectEncoding(utf16('山田\tyamada', true, true))).toBe('UTF-16LE');
    expect(detectEncoding(utf16('山田\tyamada', false, true))).toBe('UTF-16BE');
    expect(detectEncoding(utf16('CN=a,O=b\t1\r\n', true, false))).toBe('UTF-16LE');
    expect(detectEncoding(utf16('CN=a,O=b\t1\r\n', false, false))).toBe('UTF-16BE');
    expect(detectEncoding(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))).toBe('binary'); // zip
    expect(detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02, 0x03, 0x04, 0x05]))).toBe('binary');
  });

  it('keeps a text with one stray control byte as text (the character check reports it)', () => {
    expect(detectEncoding(utf8('CN=a,O=b\u0001\t1\r\nCN=c,O=d\t2\r\nCN=e,O=f\t3\r\n'))).toBe('ASCII');
  });

  it('reports bytes that are neither UTF-8 nor Shift-JIS as invalid Shift_JIS', () => {
    expect(detectEncoding(new Uint8Array([0x41, 0x82, 0x20]))).toBe('invalid Shift_JIS');
    expect(detectEncoding(new Uint8Array([...sjis('山田'), 0xfd]))).toBe('invalid Shift_JIS');
  });
});

describe('decodeTextFile', () => {
  it('accepts ASCII and Shift-JIS for TSV files', () => {
    expect(decodeTextFile(utf8('abc'))).toEqual({ ok: true, text: 'abc', encoding: 'ASCII' });
    expect(decodeTextFile(sjis('山田\t～\\'))).toEqual({ ok: true, text: '山田\t～\\', encoding: 'Shift_JIS' });
  });

  it('refuses UTF-8 TSV files, with or without BOM, naming the encoding in Japanese and English', () => {
    expect(decodeTextFile(utf8('山田'))).toEqual({
      ok: false,
      encoding: 'UTF-8',
      message: { ja: 'ファイルの文字コードがUTF-8です。Shift-JISで保存してください。', en: 'The file is UTF-8; save it as Shift-JIS.' },
    });
    const withBom = decodeTextFile(utf8('\ufeffabc'));
    expect(withBom.ok).toBe(false);
    if (!withBom.ok) {
      expect(withBom.encoding).toBe('UTF-8 (BOM)');
      expect(withBom.message.ja).toContain('UTF-8（BOM付き）');
    }
  });

  it('refuses UTF-16, binary and invalid Shift-JIS for any file', () => {
    for (const allowUtf8 of [false, true]) {
      const le = decodeTextFile(utf16('abc', true, true), { allowUtf8 });
      expect(le.ok === false && le.encoding).toBe('UTF-16LE');
      expect(le.ok === false && le.message.en).toContain('UTF-16 little-endian');
      const be = decodeTextFile(utf16('abc', false, false), { allowUtf8 });
      expect(be.ok === false && be.encoding).toBe('UTF-16BE');
      const bin = decodeTextFile(new Uint8Array([0, 1, 2, 3, 0xff, 0]), { allowUtf8 });
      expect(bin.ok === false && bin.encoding).toBe('binary');
      expect(bin.ok === false && bin.message.ja).toContain('テキストファイルではありません');
      const bad = decodeTextFile(new Uint8Array([0x41, 0x42, 0x82, 0x0a]), { allowUtf8 });
      expect(bad.ok === false && bad.encoding).toBe('invalid Shift_JIS');
      expect(bad.ok === false && bad.message.ja).toContain('3バイト目');
    }
  });

  it('accepts UTF-8 rosters and drops the BOM (saying it was there)', () => {
    expect(decodeTextFile(utf8('\ufeff氏名,メール'), { allowUtf8: true })).toEqual({ ok: true, text: '氏名,メール', encoding: 'UTF-8 (BOM)' });
    expect(decodeTextFile(utf8('氏名'), { allowUtf8: true })).toEqual({ ok: true, text: '氏名', encoding: 'UTF-8' });
    expect(decodeTextFile(sjis('氏名'), { allowUtf8: true })).toEqual({ ok: true, text: '氏名', encoding: 'Shift_JIS' });
  });

  it('refuses a file whose BOM says UTF-8 but whose body is not', () => {
    const result = decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x82, 0xa0]), { allowUtf8: true });
    expect(result.ok === false && result.encoding).toBe('UTF-8 (BOM)');
  });
});
