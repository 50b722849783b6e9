import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from './crypto';
import { md5 } from './md5';

describe('md5', () => {
  it('matches RFC 1321 test vectors', () => {
    const enc = new TextEncoder();
    expect(toHex(md5(enc.encode('')))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(toHex(md5(enc.encode('abc')))).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(toHex(md5(enc.encode('12345678901234567890123456789012345678901234567890123456789012345678901234567890')))).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });
  it('matches node:crypto on lengths around the block boundary', () => {
    for (const n of [55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(toHex(md5(data))).toBe(createHash('md5').update(data).digest('hex'));
    }
  });
});
