// Byte-array helpers shared by the DER writers (CRL, PKCS#12 KDF) and the fuzz suite's DER surgery.

/**
 * The parts one after another in one new array. Takes an array, not rest arguments: a CRL's revoked list passes
 * tens of thousands of parts, past what an engine accepts as spread arguments.
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
