// Seeded randomness and byte-level mutations for the fuzz suite: a failure is replayed from its seed and index.
import { concatBytes } from '../pki/bytes';

export type Rand = () => number;

/** mulberry32: tiny, fast, good enough to pick mutations. */
export function prng(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes that split, end or confuse: TAB, CR, LF, NUL, Shift-JIS lead bytes, DN punctuation, PEM hyphens. */
const INSERTS = [0x09, 0x0d, 0x0a, 0x00, 0x81, 0x82, 0xa0, 0xff, 0x2c, 0x3d, 0x22, 0x27, 0x5c, 0x2d, 0x30];
/** Long runs of one character: the inputs that found the quadratic regexes (hyphens, digits, spaces, 'A'). */
const RUNS = [0x2d, 0x31, 0x20, 0x41, 0x2c, 0x3d, 0x09];

export function mutateBytes(bytes: Uint8Array, rand: Rand): Uint8Array {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const at = () => Math.floor(rand() * (bytes.length + 1));
  switch (Math.floor(rand() * 8)) {
    case 0: // random bytes
      return Uint8Array.from({ length: Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256));
    case 1: // truncated
      return bytes.slice(0, at());
    case 2: {
      const out = Array.from(bytes);
      for (let n = 1 + Math.floor(rand() * 8); n > 0; n--) out.splice(at(), 0, pick(INSERTS));
      return Uint8Array.from(out);
    }
    case 3: {
      // a long run of one character somewhere (up to 64 KiB)
      const cut = at();
      const run = new Uint8Array(Math.floor(rand() * 65_536)).fill(pick(RUNS));
      return concatBytes([bytes.subarray(0, cut), run, bytes.subarray(cut)]);
    }
    case 4: {
      const out = bytes.slice();
      for (let n = 1 + Math.floor(rand() * 6); n > 0 && out.length > 0; n--) out[Math.floor(rand() * out.length)] ^= 1 << Math.floor(rand() * 8);
      return out;
    }
    case 5: {
      // repeated (record limits, duplicates)
      const copies = 1 + Math.floor(rand() * 120);
      const out = new Uint8Array(bytes.length * copies);
      for (let i = 0; i < copies; i++) out.set(bytes, i * bytes.length);
      return out;
    }
    case 6: {
      // a slice of the input moved elsewhere
      const a = at();
      const b = Math.min(bytes.length, a + Math.floor(rand() * 64));
      const piece = bytes.slice(a, b);
      const cut = at();
      return concatBytes([bytes.subarray(0, cut), piece, bytes.subarray(cut)]);
    }
    default: {
      const alphabet = 'AZaz09=,.-@_ \t\r\n\'"\\CNOULSTE__proto__constructor';
      return new TextEncoder().encode(Array.from({ length: Math.floor(rand() * 2000) }, () => pick([...alphabet])).join(''));
    }
  }
}
