// X.509 v2 CRLs, one per issuing CA (issue 5). Reason codes are the ones a UPKI revoke TSV may carry
// (SPEC §5.3/§5.6: 0, 1, 3, 4, 5).
//
// Reason 0 (unspecified): the entry carries NO reasonCode extension. RFC 5280 §5.3.1 says the
// unspecified code SHOULD NOT be used and that the extension should be absent instead; OpenSSL then
// lists the entry without a reason, and every relying party treats it as revoked just the same. Such an
// entry then has no crlEntryExtensions field at all (an empty one is invalid DER for RFC 5280).
import * as asn1js from 'asn1js';
import * as x509 from './x509';
import { defaultHash, issuerKeyId, normalizeSerialHex } from './certificate-builder';
import { toArrayBuffer } from './crypto';
import { serialToBytes } from './serial';
import { concatBytes } from './bytes';
import { ecdsaSignatureDer, revokedEntry } from './crl-der';
import { children, tlv } from './der-tlv';

export type CrlReason = 0 | 1 | 3 | 4 | 5;

export interface CrlEntry {
  /** Serial of the revoked certificate, hex without prefix. */
  serialHex: string;
  revokedAt: Date;
  reason: CrlReason;
}

export interface BuildCrlParams {
  /** DER of the CA certificate that signs the CRL (its subject becomes the CRL issuer, its SKI the AKI). */
  issuerCertificate: Uint8Array;
  issuerKey: CryptoKey;
  entries: CrlEntry[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonic per CA (RFC 5280 §5.2.3). */
  crlNumber: bigint;
  /** As for certificates: an RSA key's own hash wins; default SHA-384 for P-384, else SHA-256. */
  hash?: 'SHA-256' | 'SHA-384';
}

const CRL_NUMBER_OID = '2.5.29.20';

/** Names OpenSSL prints for each reason, for display beside the code. */
export const CRL_REASON_NAMES: Record<CrlReason, string> = {
  0: 'Unspecified',
  1: 'Key Compromise',
  3: 'Affiliation Changed',
  4: 'Superseded',
  5: 'Cessation Of Operation',
};

function crlNumberExtension(n: bigint): x509.Extension {
  const der = new asn1js.Integer({ valueHex: bigintBytes(n) }).toBER(false);
  return new x509.Extension(CRL_NUMBER_OID, false, der);
}

/** Minimal two's-complement big-endian bytes of a non-negative bigint: the same DER INTEGER content as a serial. */
function bigintBytes(n: bigint): ArrayBuffer {
  if (n < 0n) throw new Error('crlNumber must be non-negative');
  return toArrayBuffer(serialToBytes(n));
}

/**
 * Build and sign a CRL. Returns its DER (use a PEM helper for the "X509 CRL" armour).
 * @peculiar/x509 writes the CRL without entries (issuer, times, extensions, algorithm); the entries are written
 * by crl-der.ts and spliced in before crlExtensions, and the TBSCertList is signed again (the library's per-entry
 * encoding is too slow for thousands of entries).
 */
export async function buildCrl(p: BuildCrlParams): Promise<Uint8Array> {
  const issuer = new x509.X509Certificate(toArrayBuffer(p.issuerCertificate));
  const keyId = await issuerKeyId(issuer);
  const hash = p.hash ?? defaultHash(p.issuerKey);
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: issuer.subjectName,
      thisUpdate: p.thisUpdate,
      nextUpdate: p.nextUpdate,
      extensions: [new x509.AuthorityKeyIdentifierExtension(keyId, false), crlNumberExtension(p.crlNumber)],
      signingKey: p.issuerKey,
      signingAlgorithm: { name: p.issuerKey.algorithm.name, hash },
    },
    crypto,
  );
  const empty = new Uint8Array(crl.rawData);
  if (p.entries.length === 0) return empty;

  const [tbs, signatureAlgorithm] = children(empty);
  const fields = children(tbs);
  const at = fields.findIndex((f) => f[0] === 0xa0); // [0] crlExtensions
  const revoked = tlv(0x30, concatBytes(p.entries.map((e) => revokedEntry(normalizeSerialHex(e.serialHex), e.revokedAt, e.reason))));
  const withEntries = tlv(0x30, concatBytes(at < 0 ? [...fields, revoked] : [...fields.slice(0, at), revoked, ...fields.slice(at)]));
  const ecdsa = p.issuerKey.algorithm.name === 'ECDSA';
  const raw = new Uint8Array(await crypto.subtle.sign(ecdsa ? { name: 'ECDSA', hash } : p.issuerKey.algorithm, p.issuerKey, withEntries as BufferSource));
  const signature = ecdsa ? ecdsaSignatureDer(raw) : raw;
  return tlv(0x30, concatBytes([withEntries, signatureAlgorithm, tlv(0x03, concatBytes([Uint8Array.of(0), signature]))]));
}
