// SHA-256 (FIPS 180-4) for many small inputs in a row: the inventory hashes the SubjectPublicKeyInfo of every
// certificate in a list (10 000 × ≈ 300 bytes). @noble/hashes allocates a hasher, a block buffer and a DataView
// per call, which at that count costs more than the hashing (the DataView forces each small on-heap buffer off the
// heap); this one keeps its state in module-level arrays and returns hex. Tested against node:crypto.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const H = new Uint32Array(8);
const W = new Uint32Array(64);
const TAIL = new Uint8Array(128);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function compress(d: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++, at += 4) W[t] = (d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3];
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (s1 + W[t - 7] + s0 + W[t - 16]) | 0;
  }
  let a = H[0], b = H[1], c = H[2], e = H[4], f = H[5], g = H[6];
  let dd = H[3], h = H[7];
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (dd + t1) | 0;
    dd = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] += a;
  H[1] += b;
  H[2] += c;
  H[3] += dd;
  H[4] += e;
  H[5] += f;
  H[6] += g;
  H[7] += h;
}

/** SHA-256 of data, lowercase hex (as pki/spki.ts spkiSha256 gives). */
export function sha256Hex(data: Uint8Array): string {
  H.set(INIT);
  const n = data.length;
  const full = n - (n % 64);
  for (let at = 0; at < full; at += 64) compress(data, at);
  // The tail, 0x80, zeros, and the length in bits (big-endian; lists never hash 512 MiB, but the high word is kept).
  const rest = n - full;
  const blocks = rest + 9 > 64 ? 2 : 1;
  TAIL.fill(0);
  TAIL.set(data.subarray(full), 0);
  TAIL[rest] = 0x80;
  const end = blocks * 64;
  const bits = n * 8;
  const high = Math.floor(n / 0x20000000);
  TAIL[end - 8] = high >>> 24;
  TAIL[end - 7] = high >>> 16;
  TAIL[end - 6] = high >>> 8;
  TAIL[end - 5] = high;
  TAIL[end - 4] = bits >>> 24;
  TAIL[end - 3] = bits >>> 16;
  TAIL[end - 2] = bits >>> 8;
  TAIL[end - 1] = bits;
  compress(TAIL, 0);
  if (blocks === 2) compress(TAIL, 64);
  let hex = '';
  for (let i = 0; i < 8; i++) {
    const v = H[i];
    hex += HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];
  }
  return hex;
}
