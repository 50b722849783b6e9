// The revokedCertificates list of a CRL written as DER directly. @peculiar/x509's generator serialises each
// entry through its schema layer at several ms apiece (a CRL of 10 000 entries took over a minute); these few
// lines write the same bytes (crl.test.ts compares them) in a few ms. Also: splicing that list into a TBSCertList
// and signing the result with WebCrypto.
import { concatBytes } from './bytes';
import { tlv } from './der-tlv';
import { serialToBytes } from './serial';

const REASON_CODE_OID = [0x06, 0x03, 0x55, 0x1d, 0x15]; // 2.5.29.21 cRLReason

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5280 §5.1.2.6: UTCTime through 2049, GeneralizedTime from 2050; seconds, 'Z'. */
export function derTime(d: Date): Uint8Array {
  const y = d.getUTCFullYear();
  const rest = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}Z`;
  return y >= 1950 && y < 2050 ? tlv(0x17, ascii(`${two(y % 100)}${rest}`)) : tlv(0x18, ascii(`${String(y).padStart(4, '0')}${rest}`));
}

/** One revokedCertificates entry; reason 0 gets no reasonCode extension (RFC 5280 §5.3.1). */
export function revokedEntry(serialHex: string, revokedAt: Date, reason: number): Uint8Array {
  const parts = [tlv(0x02, serialToBytes(BigInt(`0x${serialHex}`))), derTime(revokedAt)];
  if (reason) {
    const ext = tlv(0x30, concatBytes([Uint8Array.from(REASON_CODE_OID), tlv(0x04, tlv(0x0a, Uint8Array.of(reason)))]));
    parts.push(tlv(0x30, ext));
  }
  return tlv(0x30, concatBytes(parts));
}

/** A WebCrypto ECDSA signature (r‖s) as the DER Ecdsa-Sig-Value X.509 carries. */
export function ecdsaSignatureDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return tlv(0x02, v[0] & 0x80 ? concatBytes([Uint8Array.of(0), v]) : v);
  };
  return tlv(0x30, concatBytes([int(raw.subarray(0, half)), int(raw.subarray(half))]));
}
