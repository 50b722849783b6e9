// The Shift-JIS list decoder that skips long ASCII cells gives exactly the text the one-piece WHATWG decoder
// gives (Japanese cells, CP932 extensions, CRLF and LF, a certificate column of base64, half-width kana whose
// second byte is ASCII), refuses what is not Shift-JIS, and is what a large list is decoded with.
import { describe, expect, it } from 'vitest';
import { decodeListTextAsync, decodeShiftJisSplit } from './decode';
import { shiftJis } from '../ra/files/tsv-file';

const b64 = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 37) & 255)).toString('base64');
const whole = (bytes: Uint8Array) => new TextDecoder('shift_jis', { fatal: true }).decode(bytes);

describe('decodeShiftJisSplit', () => {
  const rows = Array.from({ length: 300 }, (_, i) =>
    [`CN=h${i}.example.ac.jp`, '利用　管理', '情報基盤センター①髙', i % 2 ? b64(900 + i) : '', 'ｱｲｳ表ソ能', b64(200), `${i}`].join('\t'),
  );
  const text = ['主体者DN\t利用管理者氏名\t所属\t証明書\tかな\t短い\t番号', ...rows].join('\r\n') + '\r\n';

  it('gives the same text as the whole-file decoder', async () => {
    const bytes = shiftJis(text);
    expect(await decodeShiftJisSplit(bytes)).toBe(whole(bytes));
    const lf = shiftJis(text.replace(/\r\n/g, '\n').slice(0, -1)); // LF, no final line end
    expect(await decodeShiftJisSplit(lf)).toBe(whole(lf));
  });

  it('refuses bytes that are not Shift-JIS', async () => {
    const bytes = shiftJis(text);
    const broken = new Uint8Array([...bytes.subarray(0, 100), 0x81, 0x09, ...bytes.subarray(100)]); // a lead byte before a tab
    expect(await decodeShiftJisSplit(broken)).toBeUndefined();
    expect(() => whole(broken)).toThrow();
  });

  it('decodes a large list (over 1 MiB) as Shift-JIS through decodeListTextAsync', async () => {
    const big = shiftJis(['主体者DN\t証明書\t氏名', ...Array.from({ length: 1200 }, (_, i) => `CN=h${i}\t${b64(1400)}\t髙橋①`)].join('\r\n'));
    expect(big.length).toBeGreaterThan(1 << 20);
    const got = await decodeListTextAsync(big);
    expect(got.ok && got.encoding).toBe('Shift_JIS (CP932)');
    expect(got.ok && got.text).toBe(whole(big));
  });
});
