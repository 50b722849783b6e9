// A large list is decoded without its long base64 cells (the certificate column), which come back as one-byte
// strings by their tokens: putting them back gives exactly the text the one-piece WHATWG decoder gives (Japanese
// cells, CP932 extensions, CRLF and LF, half-width kana whose second byte is ASCII, a long Japanese cell left in
// the text), the rows read are the same, and what is not Shift-JIS is still refused.
import { describe, expect, it } from 'vitest';
import { decodeListTextAsync, longCell, pullLongCells } from './decode';
import { readListText, readListTextAsync } from './lists';
import { shiftJis } from '../ra/files/tsv-file';
import { prng } from '../fuzz/mutate';

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

describe('decodeListTextAsync against the plain decoder, on mutated lists', () => {
  // Bytes that end or break cells and characters: tab, CR, LF, the token byte, Shift-JIS lead bytes, base64
  // letters, padding, a space. Mutated past the head (the encoding is judged there), each result is compared
  // with decoding the whole file in one WHATWG decoder: the same text and rows when that succeeds, a refusal
  // when it fails.
  const BYTES = [0x09, 0x0d, 0x0a, 0x01, 0x81, 0x82, 0xe0, 0xff, 0x41, 0x2b, 0x3d, 0x20, 0x80, 0xa0];
  const lines = ['主体者DN\t証明書\t利用管理者氏名\t備考', ...Array.from({ length: 900 }, (_, i) => `CN=h${i}.example.ac.jp\t${b64(1000 + (i % 7))}\t髙橋①\t${i % 50 ? 'ｱｲｳ' : '長い備考'.repeat(80)}`)];
  const base = shiftJis(lines.join('\r\n') + '\r\n');

  it('gives the plain decoder’s text and rows, or refuses what it refuses (60 seeded mutations)', async () => {
    expect(base.length).toBeGreaterThan(1 << 20);
    const rand = prng(20261204);
    const seen = { read: 0, refused: 0 };
    for (let k = 0; k < 60; k++) {
      let mutated = base;
      for (let n = 1 + Math.floor(rand() * 6); n > 0; n--) {
        const at = 20_000 + Math.floor(rand() * (mutated.length - 20_000));
        const b = BYTES[Math.floor(rand() * BYTES.length)];
        const next = new Uint8Array(mutated.length + (rand() < 0.5 ? 1 : 0));
        next.set(mutated.subarray(0, at));
        next[at] = b;
        next.set(mutated.subarray(next.length > mutated.length ? at : at + 1), at + 1);
        mutated = next;
      }
      let plain: string | undefined;
      try {
        plain = new TextDecoder('shift_jis', { fatal: true }).decode(mutated);
      } catch {
        plain = undefined;
      }
      const got = await decodeListTextAsync(mutated);
      if (plain === undefined) {
        expect(got.ok && got.encoding === 'Shift_JIS (CP932)', `mutation ${k} should be refused`).toBe(false);
        seen.refused++;
        continue;
      }
      if (!got.ok) throw new Error(`mutation ${k}: refused what the plain decoder reads`);
      expect(joined(got.text, got.long), `mutation ${k}`).toBe(plain);
      const fast = await readListTextAsync('serverCertificateList.txt', got.text, got.encoding, got.long);
      expect(fast, `mutation ${k}`).toEqual(readListText('serverCertificateList.txt', plain, got.encoding));
      seen.read++;
    }
    expect(seen.read).toBeGreaterThan(10); // both sides were tried
    expect(seen.refused).toBeGreaterThan(10);
  });
});
