// Certificates from a DER template. A 1000-user batch issues a thousand certificates that differ only in serial,
// validity, subject, key, SAN, subjectKeyIdentifier and signature; @peculiar/x509 rebuilds every field through its
// schema layer each time (≈ 10 ms of CPU per certificate, the largest piece of the issuing thread after the P12).
// The first certificate of a kind is built by the library; its TBSCertificate is the template: version, signature
// algorithm, issuer and the fixed extensions are copied as bytes, the rest is written here (certificate-template.test.ts
// compares every certificate byte for byte with the library's and has OpenSSL read them).
import { sha1 } from '@noble/hashes/legacy.js';
import { concatBytes } from './bytes';
import { derTime, ecdsaSignatureDer } from './crl-der';
import { children, contentOf, tlv } from './der-tlv';

/** What a template does not fix: the fields of one certificate. */
export interface TemplateFields {
  /** Even-length hex without prefix (normalizeSerialHex). */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** The subject Name's DER (encodeName). */
  subject: Uint8Array;
  spki: Uint8Array;
  /** subjectAltName entries in order (dNSName or rfc822Name); none = no SAN extension. */
  san: readonly { type: 'dns' | 'email'; value: string }[];
}

/** One kind of certificate: what the library wrote around the variable fields. */
export interface CertificateTemplate {
  version: Uint8Array;
  signatureAlgorithm: Uint8Array;
  issuer: Uint8Array;
  /** Extensions in the library's order; SAN and SKI are written per certificate, in their places. */
  extensions: (Uint8Array | 'san' | 'ski')[];
  hash: 'SHA-256' | 'SHA-384';
}

const OID_SAN = Uint8Array.of(0x06, 0x03, 0x55, 0x1d, 0x11); // 2.5.29.17
const OID_SKI = Uint8Array.of(0x06, 0x03, 0x55, 0x1d, 0x0e); // 2.5.29.14

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The template of a certificate the library made (its TBSCertificate's fields, split). */
export function templateOf(certificate: Uint8Array, hash: 'SHA-256' | 'SHA-384'): CertificateTemplate {
  const [tbs] = children(certificate);
  const [version, , signatureAlgorithm, issuer, , , , extensionsField] = children(tbs);
  if (version[0] !== 0xa0 || extensionsField?.[0] !== 0xa3) throw new Error('template: not a v3 certificate with extensions');
  const extensions = children(contentOf(extensionsField)).map((ext) => {
    const oid = contentOf(ext);
    return startsWith(oid, OID_SAN) ? ('san' as const) : startsWith(oid, OID_SKI) ? ('ski' as const) : ext.slice();
  });
  return { version: version.slice(), signatureAlgorithm: signatureAlgorithm.slice(), issuer: issuer.slice(), extensions, hash };
}

const utf8 = new TextEncoder();

function sanExtension(san: TemplateFields['san']): Uint8Array {
  // GeneralName: [1] IMPLICIT IA5String rfc822Name, [2] IMPLICIT IA5String dNSName; not critical (no BOOLEAN).
  const names = tlv(0x30, concatBytes(san.map((n) => tlv(n.type === 'dns' ? 0x82 : 0x81, utf8.encode(n.value)))));
  return tlv(0x30, concatBytes([OID_SAN, tlv(0x04, names)]));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits (what the library computes). */
function skiExtension(spki: Uint8Array): Uint8Array {
  const bits = contentOf(children(spki)[1]).subarray(1); // after the unused-bits octet
  return tlv(0x30, concatBytes([OID_SKI, tlv(0x04, tlv(0x04, sha1(bits)))]));
}

function serialInteger(serialHex: string): Uint8Array {
  const bytes = Uint8Array.from(serialHex.match(/../g) ?? [], (b) => parseInt(b, 16));
  return tlv(0x02, bytes[0] & 0x80 ? concatBytes([Uint8Array.of(0), bytes]) : bytes);
}

/** The TBSCertificate of one certificate of the template's kind. */
export function templateTbs(t: CertificateTemplate, f: TemplateFields): Uint8Array {
  const extensions = t.extensions.flatMap((e) => (e === 'san' ? (f.san.length ? [sanExtension(f.san)] : []) : e === 'ski' ? [skiExtension(f.spki)] : [e]));
  return tlv(
    0x30,
    concatBytes([
      t.version,
      serialInteger(f.serialHex),
      t.signatureAlgorithm,
      t.issuer,
      tlv(0x30, concatBytes([derTime(f.notBefore), derTime(f.notAfter)])),
      f.subject,
      f.spki,
      tlv(0xa3, tlv(0x30, concatBytes(extensions))),
    ]),
  );
}

/** Sign the TBSCertificate with the issuer's key and wrap it as a Certificate (DER). */
export async function signTemplate(t: CertificateTemplate, tbs: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const ecdsa = key.algorithm.name === 'ECDSA';
  // An RSA key signs with the hash it was made for (the library does the same); ECDSA names it per signature.
  const raw = new Uint8Array(await crypto.subtle.sign(ecdsa ? { name: 'ECDSA', hash: t.hash } : key.algorithm, key, tbs as BufferSource));
  return tlv(0x30, concatBytes([tbs, t.signatureAlgorithm, tlv(0x03, concatBytes([Uint8Array.of(0), ecdsa ? ecdsaSignatureDer(raw) : raw]))]));
}
