// A large list is decoded without its long base64 cells (the certificate column), which come back as one-byte
// strings by their tokens: putting them back gives exactly the text the one-piece WHATWG decoder gives (Japanese
// cells, CP932 extensions, CRLF and LF, half-width kana whose second byte is ASCII, a long Japanese cell left in
// the text), the rows read are the same, and what is not Shift-JIS is still refused.
import { describe, expect, it } from 'vitest';
import { decodeListTextAsync, longCell, pullLongCells } from './decode';
import { readListText, readListTextAsync } from './lists';
import { shiftJis } from '../ra/files/tsv-file';

const b64 = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 37) & 255)).toString('base64');
const whole = (bytes: Uint8Array) => new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
/** The text with every token replaced by its cell. */
const joined = (text: string, long: readonly string[] = []) => text.replace(/\u0001\d+/g, (t) => longCell(t, long) ?? t);

describe('pullLongCells', () => {
  const rows = Array.from({ length: 300 }, (_, i) =>
    [`CN=h${i}.example.ac.jp`, '利用　管理', '情報基盤センター①髙', i % 2 ? b64(900 + i) : '', 'ｱｲｳ表ソ能', b64(200), `${i}`, i % 7 ? '' : '長い備考'.repeat(100)].join('\t'),
  );
  const text = ['主体者DN\t利用管理者氏名\t所属\t証明書\tかな\t短い\t番号\t備考', ...rows].join('\r\n') + '\r\n';

  it('leaves text that decodes to the same as the whole file once the cells are put back', async () => {
    for (const t of [text, text.replace(/\r\n/g, '\n').slice(0, -1), text.slice(0, -2) + '\t' + b64(700)]) {
      const bytes = shiftJis(t);
      const { rest, long } = await pullLongCells(bytes);
      expect(long.length).toBeGreaterThanOrEqual(150);
      expect(long.every((c) => /^[A-Z0-9+/]+=*$/i.test(c) && c.length >= 256)).toBe(true);
      expect(rest.length).toBeLessThan(bytes.length / 2);
      expect(joined(whole(rest), long)).toBe(whole(bytes));
    }
  });

  it('keeps a broken character next to a cell broken (a lead byte before a tab)', async () => {
    const bytes = shiftJis(text);
    const at = bytes.indexOf(0x09, 5000);
    const broken = new Uint8Array([...bytes.subarray(0, at), 0x81, ...bytes.subarray(at)]);
    expect(() => whole(broken)).toThrow();
    expect(() => whole(new Uint8Array(0)) + whole(broken)).toThrow();
    const { rest } = await pullLongCells(broken);
    expect(() => whole(rest)).toThrow();
  });
});

describe('decodeListTextAsync on a large list (over 1 MiB)', () => {
  const lines = ['主体者DN\t証明書\t利用管理者氏名', ...Array.from({ length: 1200 }, (_, i) => `CN=h${i}.example.ac.jp\t${b64(1400)}\t髙橋①`)];
  const big = shiftJis(lines.join('\r\n'));

  it('names Shift-JIS and gives the same text and the same rows as reading the whole text', async () => {
    expect(big.length).toBeGreaterThan(1 << 20);
    const got = await decodeListTextAsync(big);
    if (!got.ok) throw new Error('not decoded');
    expect(got.encoding).toBe('Shift_JIS (CP932)');
    expect(got.long).toHaveLength(1200);
    expect(joined(got.text, got.long)).toBe(whole(big));
    const fast = await readListTextAsync('serverCertificateList.txt', got.text, got.encoding, got.long);
    const plain = readListText('serverCertificateList.txt', whole(big), got.encoding);
    expect(fast.records).toHaveLength(1200);
    expect(fast).toEqual(plain);
  });

  it('reads UTF-8 the same way, and leaves a file holding the token byte to the plain decoder', async () => {
    const utf8 = new TextEncoder().encode(lines.join('\n'));
    const got = await decodeListTextAsync(utf8);
    expect(got.ok && got.encoding).toBe('UTF-8');
    expect(got.ok && joined(got.text, got.long)).toBe(lines.join('\n'));
    const withToken = new Uint8Array([...big, 0x09, 0x01, 0x30]); // in the last row, past the head's checks
    const plain = await decodeListTextAsync(withToken);
    expect(plain.ok && plain.long).toEqual([]);
    expect(plain.ok && plain.text).toBe(whole(withToken));
  });
});
