// The small-input SHA-256 gives node:crypto's digest for the FIPS 180-4 examples, every length across the
// one- and two-block padding edges, and random inputs the size of real SubjectPublicKeyInfos.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

const want = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const ascii = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it('matches the standard examples', () => {
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto for every length up to 300 bytes and for 4 000 random keys', () => {
    for (let n = 0; n <= 300; n++) {
      const b = randomBytes(n);
      expect(sha256Hex(b), `length ${n}`).toBe(want(b));
    }
    for (let i = 0; i < 4000; i++) {
      const b = randomBytes(90 + (i % 500));
      if (sha256Hex(b) !== want(b)) expect.fail(`random input ${i} differs`);
    }
    const big = randomBytes(70_000); // a subarray of a larger buffer, as the list reader passes
    expect(sha256Hex(big.subarray(13, 65_013))).toBe(want(big.subarray(13, 65_013)));
  });
});
