import { describe, expect, it } from 'vitest';
import { checkJis, decodeShiftJis, encodeShiftJis, isJisText } from './shift-jis';
import { getSjisTables } from './jis-table';
import { SUGGESTIONS } from './suggestions';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');

function encodeOk(text: string): Uint8Array {
  const result = encodeShiftJis(text);
  if (!result.ok) throw new Error(`unexpected bad characters: ${result.bad.map((b) => b.char).join('')}`);
  return result.bytes;
}

describe('encodeShiftJis', () => {
  it('writes ASCII, half-width kana and JIS X 0208 characters', () => {
    expect(hex(encodeOk('A\tz~\r\n'))).toBe('41 09 7a 7e 0d 0a');
    expect(hex(encodeOk('ｱﾞ'))).toBe('b1 de');
    expect(hex(encodeOk('山田　太郎'))).toBe('8e 52 93 63 81 40 91 be 98 59');
    expect(hex(encodeOk('凜熙'))).toBe('ea a3 ea a4');
  });

  it('round-trips every JIS X 0208 character and half-width kana through decode', () => {
    const { encode, decode } = getSjisTables();
    let all = '';
    for (let cp = 0; cp < 0x10000; cp++) {
      const code = encode[cp];
      if (code >= 0xa1 && (code < 0x100 || decode[code] === cp)) all += String.fromCharCode(cp);
    }
    expect([...all].length).toBe(6879 + 63);
    const decoded = decodeShiftJis(encodeOk(all));
    expect(decoded).toEqual({ ok: true, text: all });
  });

  it('refuses each class of character with its position, reason and suggestion', () => {
    const text = 'a①b㈱髙\ufa11𠮷x😀\ue000\u0001德';
    const result = encodeShiftJis(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.bad.map(({ index, utf16Index, char, reason, suggestion }) => ({ index, utf16Index, char, reason, suggestion }))).toEqual([
      { index: 1, utf16Index: 1, char: '①', reason: 'vendor-extension', suggestion: '(1)' },
      { index: 3, utf16Index: 3, char: '㈱', reason: 'vendor-extension', suggestion: '(株)' },
      { index: 4, utf16Index: 4, char: '髙', reason: 'vendor-extension', suggestion: '高' },
      { index: 5, utf16Index: 5, char: '\ufa11', reason: 'vendor-extension', suggestion: '崎' },
      { index: 6, utf16Index: 6, char: '𠮷', reason: 'not-in-jis', suggestion: '吉' },
      { index: 8, utf16Index: 9, char: '😀', reason: 'not-in-jis', suggestion: undefined },
      { index: 9, utf16Index: 11, char: '\ue000', reason: 'vendor-extension', suggestion: undefined },
      { index: 10, utf16Index: 12, char: '\u0001', reason: 'control', suggestion: undefined },
      { index: 11, utf16Index: 13, char: '德', reason: 'vendor-extension', suggestion: '徳' },
    ]);
    expect(result.bad[4].codePoint).toBe(0x20bb7);
  });

  it('classifies JIS X 0213 kanji and characters CP932 lacks as not-in-jis', () => {
    expect(checkJis('丂ゔ').map((b) => [b.reason, b.suggestion])).toEqual([
      ['not-in-jis', undefined],
      ['not-in-jis', 'ヴ'],
    ]);
  });

  it('suggests common replacements (table first, then NFKC)', () => {
    const suggestion = (c: string) => checkJis(c)[0]?.suggestion;
    expect(suggestion('⑳')).toBe('(20)');
    expect(suggestion('Ⅳ')).toBe('IV');
    expect(suggestion('ⅹ')).toBe('x');
    expect(suggestion('㈲')).toBe('(有)');
    expect(suggestion('㍻')).toBe('平成');
    expect(suggestion('№')).toBe('No.');
    expect(suggestion('℡')).toBe('TEL');
    expect(suggestion('\ufa10')).toBe('塚');
    expect(suggestion('\u00a0')).toBe(' ');
    expect(suggestion('∮')).toBeUndefined(); // NEC row 13 only, no JIS form
  });

  it('keeps the suggestion table honest: every source is refused, every target is writable', () => {
    for (const [source, target] of SUGGESTIONS) {
      expect(isJisText(source), `source ${source}`).toBe(false);
      expect(isJisText(target), `target ${target}`).toBe(true);
    }
  });

  it('treats TAB, LF, CR as text and every other control as a control', () => {
    expect(checkJis('\t\n\r')).toEqual([]);
    expect(checkJis('\u0000\u001b\u007f\u0085').map((b) => b.reason)).toEqual(['control', 'control', 'control', 'control']);
  });
});

describe('look-alike policy', () => {
  it.each([
    ['〜 U+301C', '\u301c', '81 60'],
    ['～ U+FF5E', '\uff5e', '81 60'],
    ['− U+2212', '\u2212', '81 7c'],
    ['－ U+FF0D', '\uff0d', '81 7c'],
    ['‖ U+2016', '\u2016', '81 61'],
    ['∥ U+2225', '\u2225', '81 61'],
    ['— U+2014', '\u2014', '81 5c'],
    ['― U+2015', '\u2015', '81 5c'],
    ['¢ U+00A2', '\u00a2', '81 91'],
    ['￠ U+FFE0', '\uffe0', '81 91'],
    ['£ U+00A3', '\u00a3', '81 92'],
    ['¬ U+00AC', '\u00ac', '81 ca'],
    ['＼ U+FF3C', '\uff3c', '81 5f'],
    ['\\ U+005C', '\\', '5c'],
    ['￥ U+FFE5', '\uffe5', '81 8f'],
  ])('encodes %s', (_name, char, bytes) => {
    expect(hex(encodeOk(char))).toBe(bytes);
  });

  it('decodes each shared cell to the Windows/WHATWG spelling, exactly as TextDecoder does', () => {
    const bytes = new Uint8Array([0x81, 0x60, 0x81, 0x7c, 0x81, 0x61, 0x81, 0x5c, 0x81, 0x91, 0x81, 0x92, 0x81, 0xca, 0x5c, 0x7e]);
    const ours = decodeShiftJis(bytes);
    expect(ours).toEqual({ ok: true, text: '\uff5e\uff0d\u2225\u2015\uffe0\uffe1\uffe2\\~' });
    expect(ours.ok && ours.text).toBe(new TextDecoder('shift_jis').decode(bytes));
  });

  it('refuses ¥ U+00A5 and ‾ U+203E instead of turning them into \\ and ~, with a note', () => {
    const bad = checkJis('¥‾');
    expect(bad.map((b) => [b.reason, b.suggestion])).toEqual([
      ['not-in-jis', '￥'],
      ['not-in-jis', '￣'],
    ]);
    expect(bad[0].note?.ja).toContain('\\');
    expect(bad[0].note?.en).toContain('0x5C');
  });
});

describe('decodeShiftJis', () => {
  it('decodes vendor characters of a real CP932 file, so the validator can point at them', () => {
    expect(decodeShiftJis(new Uint8Array([0x87, 0x40, 0xfb, 0xfc, 0xfa, 0xb1, 0xf0, 0x40]))).toEqual({
      ok: true,
      text: '①\u9ad9\ufa11\ue000',
    });
  });

  it('agrees with TextDecoder on every two-byte code it accepts', () => {
    const { decode } = getSjisTables();
    const parts: number[] = [];
    for (let code = 0x8140; code <= 0xfcfc; code++) if (decode[code] !== 0) parts.push(code >> 8, code & 0xff);
    const bytes = new Uint8Array(parts);
    const ours = decodeShiftJis(bytes);
    expect(ours.ok && ours.text).toBe(new TextDecoder('shift_jis').decode(bytes));
  });

  it.each([
    ['a lead byte at the end', [0x41, 0x42, 0x82], 2, '0x82 (end of file)'],
    ['a lead byte with an invalid trail byte', [0x41, 0x82, 0x20], 1, '0x82 0x20'],
    ['an unassigned two-byte code', [0x85, 0x40], 0, '0x85 0x40'],
    ['the gap 0x81AD', [0x81, 0x40, 0x81, 0xad], 2, '0x81 0xAD'],
    ['a byte that starts nothing (0x80)', [0x80], 0, '0x80'],
    ['a byte that starts nothing (0xA0)', [0x41, 0xa0], 1, '0xA0'],
    ['a byte that starts nothing (0xFD)', [0xfd, 0x41], 0, '0xFD'],
  ])('reports %s with its byte offset', (_name, bytes, offset, shown) => {
    const result = decodeShiftJis(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.offset).toBe(offset);
    expect(result.message.en).toContain(`byte ${offset + 1}: ${shown}`);
    expect(result.message.ja).toContain(`${offset + 1}バイト目`);
  });

  it('decodes an empty input to an empty string', () => {
    expect(decodeShiftJis(new Uint8Array())).toEqual({ ok: true, text: '' });
  });
});
