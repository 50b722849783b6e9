// X.509 v2 CRLs, one per issuing CA (issue 5). Reason codes are the ones a UPKI revoke TSV may carry
// (SPEC §5.3/§5.6: 0, 1, 3, 4, 5).
//
// Reason 0 (unspecified): the entry carries NO reasonCode extension. RFC 5280 §5.3.1 says the
// unspecified code SHOULD NOT be used and that the extension should be absent instead; OpenSSL then
// lists the entry without a reason, and every relying party treats it as revoked just the same. Such an
// entry then has no crlEntryExtensions field at all (an empty one is invalid DER for RFC 5280).
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { defaultHash, issuerKeyId, normalizeSerialHex } from './certificate-builder';
import { toArrayBuffer } from './crypto';
import { serialToBytes } from './serial';

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

/** Build and sign a CRL. Returns its DER (use a PEM helper for the "X509 CRL" armour). */
export async function buildCrl(p: BuildCrlParams): Promise<Uint8Array> {
  const issuer = new x509.X509Certificate(toArrayBuffer(p.issuerCertificate));
  const keyId = await issuerKeyId(issuer);
  const signingAlgorithm = { name: p.issuerKey.algorithm.name, hash: p.hash ?? defaultHash(p.issuerKey) };
  const crl = await x509.X509CrlGenerator.create(
    {
      issuer: issuer.subjectName,
      thisUpdate: p.thisUpdate,
      nextUpdate: p.nextUpdate,
      entries: p.entries.map((e) => ({
        serialNumber: normalizeSerialHex(e.serialHex),
        revocationDate: e.revokedAt,
        // 0 is falsy: the generator then omits reasonCode, which is what RFC 5280 asks for.
        reason: e.reason,
      })),
      extensions: [new x509.AuthorityKeyIdentifierExtension(keyId, false), crlNumberExtension(p.crlNumber)],
      signingKey: p.issuerKey,
      signingAlgorithm,
    },
    crypto,
  );
  return withoutEmptyEntryExtensions(new Uint8Array(crl.rawData), p.issuerKey, signingAlgorithm);
}

/**
 * @peculiar/x509's generator gives every entry a `crlEntryExtensions` field, empty (`30 00`) when the
 * entry has no extension (reason 0). RFC 5280 says SIZE (1..MAX): the field must then be absent. This
 * drops the empty fields and signs the corrected TBSCertList again (same algorithm, same key).
 */
async function withoutEmptyEntryExtensions(der: Uint8Array, key: CryptoKey, algorithm: { name: string; hash: string }): Promise<Uint8Array> {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  const [tbs, signatureAlgorithm] = (parsed.result as asn1js.Sequence).valueBlock.value as [asn1js.Sequence, asn1js.Sequence];
  // revokedCertificates: the only universal SEQUENCE of SEQUENCEs after the issuer (fields 0–2 are version, signature, issuer).
  const revoked = tbs.valueBlock.value.slice(3).find((b): b is asn1js.Sequence => b instanceof asn1js.Sequence);
  let changed = false;
  for (const entry of revoked?.valueBlock.value ?? []) {
    const fields = (entry as asn1js.Sequence).valueBlock.value;
    const last = fields[fields.length - 1];
    if (fields.length === 3 && last instanceof asn1js.Sequence && last.valueBlock.value.length === 0) {
      fields.pop();
      changed = true;
    }
  }
  if (!changed) return der;
  const tbsDer = tbs.toBER(false);
  const raw = await crypto.subtle.sign({ name: algorithm.name, hash: algorithm.hash }, key, tbsDer);
  // The formatter needs the curve (namedCurve, from the key) to split r‖s; without it it assumes P-256.
  const withCurve = { ...algorithm, ...key.algorithm } as EcdsaParams & EcKeyAlgorithm;
  const signature = algorithm.name === 'ECDSA' ? new x509.AsnEcSignatureFormatter().toAsnSignature(withCurve, raw) : raw;
  if (!signature) throw new Error('cannot encode the CRL signature');
  const list = new asn1js.Sequence({
    value: [asn1js.fromBER(tbsDer).result, signatureAlgorithm, new asn1js.BitString({ valueHex: signature })],
  });
  return new Uint8Array(list.toBER(false));
}
