import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { getSjisTables, JIS_X0208_CELLS, kutenToSjis, isJisX0201Katakana, isShiftJisLeadByte, isShiftJisTrailByte } from './jis-table';

function allDoubleByteCodes(): number[] {
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isShiftJisLeadByte(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (isShiftJisTrailByte(trail)) codes.push((lead << 8) | trail);
  }
  return codes;
}

function jisCodes(): Set<number> {
  const codes = new Set<number>();
  for (const [row, first, last] of JIS_X0208_CELLS) for (let cell = first; cell <= last; cell++) codes.add(kutenToSjis(row, cell));
  return codes;
}

describe('JIS X 0208:1997 table', () => {
  it('has exactly 6879 graphic characters, in the layout and the encode table', () => {
    expect(jisCodes().size).toBe(6879);
    expect(getSjisTables().jisX0208Count).toBe(6879);
    const { encode } = getSjisTables();
    let twoByte = 0;
    for (let cp = 0; cp < 0x10000; cp++) if (encode[cp] >= 0x100) twoByte++;
    // 6879 characters plus the 7 look-alike spellings (〜 ‖ − ¢ £ ¬ —) that share a cell.
    expect(twoByte).toBe(6879 + 7);
  });

  it('maps row/cell to Shift-JIS codes as the standard does', () => {
    expect(kutenToSjis(1, 1).toString(16)).toBe('8140'); // 　
    expect(kutenToSjis(2, 1).toString(16)).toBe('819f'); // ◆
    expect(kutenToSjis(1, 64).toString(16)).toBe('8180'); // ÷ : trail skips 0x7F
    expect(kutenToSjis(16, 1).toString(16)).toBe('889f'); // 亜
    expect(kutenToSjis(63, 1).toString(16)).toBe('e040'); // 漾
    expect(kutenToSjis(84, 6).toString(16)).toBe('eaa4'); // 熙
  });

  it('agrees with TextDecoder on rows 1-8: the decoder fills no gap of the standard (e.g. 0x81AD-0x81B7)', () => {
    const { decode } = getSjisTables();
    const jis = jisCodes();
    const decodedInRows1to8 = allDoubleByteCodes().filter((code) => code < 0x8540 && decode[code] !== 0);
    expect(decodedInRows1to8.filter((code) => !jis.has(code))).toEqual([]);
    for (let code = 0x81ad; code <= 0x81b7; code++) expect(decode[code]).toBe(0);
  });

  it('counts 63 half-width katakana', () => {
    let count = 0;
    for (let cp = 0; cp < 0x10000; cp++) if (isJisX0201Katakana(cp)) count++;
    expect(count).toBe(63);
    const { encode } = getSjisTables();
    expect(encode[0xff61]).toBe(0xa1); // ｡
    expect(encode[0xff9f]).toBe(0xdf); // ﾟ
  });

  it('allows exactly the two-byte codes that glibc iconv SHIFT_JIS (an independent converter) accepts', () => {
    // Each code on its own line; `iconv -c` drops what it cannot convert (an invalid lead byte is dropped and an
    // single-byte trail byte then stays, e.g. 0x5C as ¥), so a line holding one character that no single byte
    // gives = a two-byte code iconv accepts.
    const codes = allDoubleByteCodes();
    const input = Buffer.alloc(codes.length * 3);
    codes.forEach((code, i) => input.writeUInt16BE(code, i * 3) + input.writeUInt8(0x0a, i * 3 + 2));
    const output = execFileSync('iconv', ['-c', '-f', 'SHIFT_JIS', '-t', 'UTF-8'], { input }).toString('utf8');
    const lines = output.split('\n');
    const acceptedByIconv = codes.filter((_, i) => {
      const chars = [...lines[i]];
      const cp = chars[0]?.codePointAt(0) ?? 0;
      return chars.length === 1 && cp > 0x7f && cp !== 0xa5 && cp !== 0x203e && !isJisX0201Katakana(cp);
    });
    const { decode, encode } = getSjisTables();
    const ours = codes.filter((code) => decode[code] !== 0 && encode[decode[code]] === code);
    expect(acceptedByIconv.length).toBe(6879);
    expect(ours).toEqual(acceptedByIconv);
  });
});
