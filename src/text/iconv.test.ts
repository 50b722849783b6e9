// Independent check of our Shift-JIS bytes with glibc iconv (a converter that shares no code or table with ours).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { decodeShiftJis, encodeShiftJis } from './shift-jis';
import { getSjisTables } from './jis-table';

const iconv = (from: string, to: string, input: Uint8Array) => new Uint8Array(execFileSync('iconv', ['-f', from, '-t', to], { input }));

/** Every character we can write, one spelling per cell (the one decode gives), plus TAB/LF/CR. */
function everyWritableCharacter(): string {
  const { encode, decode } = getSjisTables();
  let all = '\t\r\n';
  for (let cp = 0x20; cp < 0x10000; cp++) {
    const code = encode[cp];
    if (code !== 0 && (code < 0x100 || decode[code] === cp)) all += String.fromCharCode(cp);
  }
  return all;
}

/**
 * Where glibc's SHIFT_JIS (JIS-based mapping) spells a cell differently from CP932/WHATWG, which we follow.
 * Documented in docs/text-policy.md.
 */
const GLIBC_SHIFT_JIS_SPELLING: Record<string, string> = {
  '\\': '\u00a5', // 0x5C: glibc reads JIS X 0201 Roman ¥; we (and Windows, WHATWG) read backslash
  '~': '\u203e', // 0x7E: glibc ‾ OVERLINE; we ~
  '\uff5e': '\u301c', // 0x8160 ～ / 〜
  '\u2225': '\u2016', // 0x8161 ∥ / ‖
  '\uff0d': '\u2212', // 0x817C － / −
  '\uffe0': '\u00a2', // 0x8191 ￠ / ¢
  '\uffe1': '\u00a3', // 0x8192 ￡ / £
  '\uffe2': '\u00ac', // 0x81CA ￢ / ¬
};

describe('interop with glibc iconv', () => {
  const all = everyWritableCharacter();
  const encoded = encodeShiftJis(all);
  if (!encoded.ok) throw new Error('the table cannot write its own characters');
  const bytes = encoded.bytes;

  it('writes 6879 JIS X 0208 + 63 half-width kana + 95 ASCII + TAB/CR/LF', () => {
    expect([...all].length).toBe(6879 + 63 + 95 + 3);
  });

  it('iconv -f SHIFT_JIS reads our bytes as the same text, except the documented JIS-vs-Windows spellings', () => {
    const theirs = new TextDecoder().decode(iconv('SHIFT_JIS', 'UTF-8', bytes));
    const expected = [...all].map((c) => GLIBC_SHIFT_JIS_SPELLING[c] ?? c).join('');
    expect(theirs).toBe(expected);
  });

  it('iconv -f CP932 reads our bytes exactly as our decoder does', () => {
    const theirs = new TextDecoder().decode(iconv('CP932', 'UTF-8', bytes));
    expect(theirs).toBe(all);
    const ours = decodeShiftJis(bytes);
    expect(ours.ok && ours.text).toBe(theirs);
  });

  it('iconv -t CP932 writes the same bytes as we do', () => {
    expect(Buffer.from(iconv('UTF-8', 'CP932', new TextEncoder().encode(all))).equals(Buffer.from(bytes))).toBe(true);
  });

  it('the JIS spellings we accept are the ones iconv SHIFT_JIS writes to the same bytes', () => {
    const jisSpellings = '\u301c\u2016\u2212\u00a2\u00a3\u00ac';
    const ours = encodeShiftJis(jisSpellings);
    expect(ours.ok).toBe(true);
    if (!ours.ok) return;
    expect(Buffer.from(iconv('UTF-8', 'SHIFT_JIS', new TextEncoder().encode(jisSpellings))).equals(Buffer.from(ours.bytes))).toBe(true);
  });
});
