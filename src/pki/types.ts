// Contracts between pki/ and its users (tsv/, ra/, ui/, cli/). Implementations live beside this file.
import type { Text } from '../spec/types';
import type { Rdn } from './dn';

export type PublicKeyInfo =
  | { algorithm: 'RSA'; bits: number }
  | { algorithm: 'EC'; curve: string /* 'P-256' | 'P-384' | 'P-521' | OID when unknown */ }
  | { algorithm: 'other'; oid: string };

/** What the UPKI checks need to know about a PKCS#10 request. Produced by pki/csr.ts `inspectCsr`. */
export interface CsrInfo {
  /** Subject RDNs in the order they appear in the DER (C first for a conventional CSR). Multi-valued RDNs are flattened. */
  subject: Rdn[];
  /** Attribute OIDs in the subject that are not CN/OU/O/L/ST/C/emailAddress, by OID. */
  unknownSubjectAttributes: string[];
  /** True when the subject contains an emailAddress (1.2.840.113549.1.9.1) attribute. */
  hasEmailAddress: boolean;
  /** ASN.1 string type per RDN (same order as subject), e.g. 'PrintableString', 'UTF8String'. */
  stringTypes: string[];
  publicKey: PublicKeyInfo;
  /** Name as in SPEC §2.1, e.g. 'sha256WithRSAEncryption', 'ecdsa-with-SHA384', or the OID when unknown. */
  signatureAlgorithm: string;
  /** Whether the self-signature verifies with the enclosed public key. */
  signatureValid: boolean;
  /** dNSName entries of a subjectAltName extension request, if any. */
  sanDnsNames: string[];
  /** The SubjectPublicKeyInfo DER: the key a certificate for this request is issued to. */
  spki: Uint8Array;
  /** SHA-256 of the SubjectPublicKeyInfo DER, hex, to compare keys (renewal needs a new key). */
  spkiSha256: string;
  /** The DER of the request. */
  der: Uint8Array;
}

export type CsrInspectResult =
  | { ok: true; info: CsrInfo }
  | { ok: false; code: 'armour' | 'base64' | 'der' | 'too-large'; message: Text };

/** What the import page and the RA need to know about a certificate. Produced by pki/certificate.ts `inspectCertificate`. */
export interface CertificateInfo {
  subject: Rdn[]; // DER order
  issuer: Rdn[];
  serialHex: string; // lower-case, no prefix, no leading zeros beyond one byte
  serialDecimal: string;
  notBefore: Date;
  notAfter: Date;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: string;
  sanDnsNames: string[];
  sanEmails: string[];
  spkiSha256: string;
  der: Uint8Array;
}

export type CertificateInspectResult =
  | { ok: true; info: CertificateInfo }
  | { ok: false; code: 'base64' | 'der' | 'too-large'; message: Text };
