// X.509 v3 certificate issuance for the simulated CA (issue 5). The extension set of each profile is
// data in ca-profiles.ts; this file only turns a row of that table into extensions and signs.
// Programming errors (e.g. an S/MIME subject with more than CN) throw: user input is validated
// upstream (tsv/, ra/) and reaches this builder only when it is acceptable.
import * as asn1js from 'asn1js';
import * as x509 from './x509';
import type { Rdn } from './dn';
import { OID_BY_KEY, isPrintableString } from './name';
import { toArrayBuffer, toHex } from './crypto';
import { randomSerial } from './serial';
import { backdated, inclusiveNotAfter } from './validity';
import { children } from './der-tlv';
import { signTemplate, templateOf, templateTbs, type CertificateTemplate } from './certificate-template';
import {
  EXT_KEY_USAGE_OIDS,
  PROFILE_EXTENSIONS,
  TRAINING_CAS,
  caPolicies,
  repositoryOf,
  type CaKeySpec,
  type CertProfile,
  type ExtKeyUsageName,
  type KeyUsageName,
  type ProfileExtensions,
  type TrainingCaId,
} from './ca-profiles';

export interface CertificateIssuer {
  /** DER of the issuing CA's certificate. */
  certificate: Uint8Array;
  privateKey: CryptoKey;
}

export interface IssueCertificateParams {
  /** The issuing CA, or 'self' for a self-signed root (then `signingKey` is required). */
  issuer: CertificateIssuer | 'self';
  /** DER order (C first). Values become PrintableString when printable, else UTF8String; C is always PrintableString. */
  subject: Rdn[];
  /** The subject's public key: a CryptoKey, or SPKI DER (e.g. from a CSR or a browser key). */
  publicKey: CryptoKey | Uint8Array;
  /** Only for issuer 'self': the private key matching `publicKey`. */
  signingKey?: CryptoKey;
  /** Positive serial, hex without prefix (a leading 00 is added when the top bit is set). */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  profile: CertProfile;
  /** Server: dNSName entries. The subject CN (the FQDN) is appended when missing. */
  dnsNames?: string[];
  /** client-auth / smime / ra-operator: rfc822Name entries. */
  emails?: string[];
  /**
   * Signature hash. An RSA CryptoKey carries its own hash (set at generation) and that one is used;
   * for ECDSA keys this chooses it. Default: SHA-384 for P-384 keys, else SHA-256.
   */
  hash?: 'SHA-256' | 'SHA-384';
  /** cRLDistributionPoints URL (ca-profiles.ts repositoryOf). */
  crlUrl?: string;
  /** authorityInfoAccess caIssuers URL (ca-profiles.ts repositoryOf). OCSP is not simulated, so never an OCSP URL. */
  caIssuersUrl?: string;
  /** certificatePolicies OIDs; default: the profile's (an issuing CA passes caPolicies(id)). */
  policies?: string[];
  /** extendedKeyUsage; default: the profile's (an issuing CA passes its TRAINING_CAS row's). */
  extKeyUsage?: ExtKeyUsageName[];
}

function attributeValue(rdn: Rdn): asn1js.BaseBlock {
  if (rdn.key === 'E') return new asn1js.IA5String({ value: rdn.value });
  if (rdn.key === 'C' || isPrintableString(rdn.value)) return new asn1js.PrintableString({ value: rdn.value });
  return new asn1js.Utf8String({ value: rdn.value });
}

/** DER of an X.501 Name, one attribute per RDN, in the order given. */
export function encodeName(rdns: readonly Rdn[]): Uint8Array {
  const name = new asn1js.Sequence({
    value: rdns.map(
      (rdn) =>
        new asn1js.Set({
          value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_BY_KEY[rdn.key] }), attributeValue(rdn)] })],
        }),
    ),
  });
  return new Uint8Array(name.toBER(false));
}

async function spkiOf(key: CryptoKey | Uint8Array): Promise<Uint8Array> {
  if (key instanceof Uint8Array) return key;
  return new Uint8Array(await crypto.subtle.exportKey('spki', key));
}

const RSA_ENCRYPTION = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]; // OID 1.2.840.113549.1.1.1

/** The SPKI's algorithm is rsaEncryption (read from the bytes: parsing the key cost more than the rest of a check). */
function isRsaKey(spki: Uint8Array): boolean {
  const algorithm = children(spki)[0];
  return algorithm.length > 2 + RSA_ENCRYPTION.length && RSA_ENCRYPTION.every((b, i) => algorithm[2 + i] === b);
}

const KEY_USAGE_FLAGS: Record<KeyUsageName, x509.KeyUsageFlags> = {
  digitalSignature: x509.KeyUsageFlags.digitalSignature,
  keyEncipherment: x509.KeyUsageFlags.keyEncipherment,
  keyCertSign: x509.KeyUsageFlags.keyCertSign,
  cRLSign: x509.KeyUsageFlags.cRLSign,
};

function keyUsageExtension(row: ProfileExtensions, rsa: boolean): x509.KeyUsagesExtension {
  const names = rsa ? [...row.keyUsage, ...row.keyUsageIfRsa] : row.keyUsage;
  const flags = names.reduce((acc, n) => acc | KEY_USAGE_FLAGS[n], 0);
  return new x509.KeyUsagesExtension(flags, true);
}

function subjectCn(subject: readonly Rdn[]): string | undefined {
  return subject.find((r) => r.key === 'CN')?.value;
}

/** Server: the written dNSNames plus the CN (FQDN) at the end when it is not among them (ADDENDUM B6). */
export function serverDnsNames(subject: readonly Rdn[], dnsNames: readonly string[] = []): string[] {
  const fqdn = subjectCn(subject);
  const names = [...dnsNames];
  if (fqdn && !names.some((n) => n.toLowerCase() === fqdn.toLowerCase())) names.push(fqdn);
  return names;
}

function sanEntries(p: IssueCertificateParams, row: ProfileExtensions): x509.JsonGeneralName[] {
  const entries: x509.JsonGeneralName[] = [];
  if (row.san.dns !== 'none') {
    for (const value of serverDnsNames(p.subject, p.dnsNames)) entries.push({ type: 'dns', value });
    if (entries.length === 0) throw new Error(`profile ${p.profile}: a dNSName (or a CN) is required`);
  }
  if (row.san.email !== 'none') {
    for (const value of p.emails ?? []) entries.push({ type: 'email', value });
    if (row.san.email === 'required' && !(p.emails?.length)) throw new Error(`profile ${p.profile}: an e-mail address is required`);
  }
  return entries;
}

async function keyIdentifier(spki: Uint8Array): Promise<string> {
  const id = await new x509.PublicKey(toArrayBuffer(spki)).getKeyIdentifier(crypto);
  return toHex(new Uint8Array(id));
}

/** The issuer's own subjectKeyIdentifier, so that an AKI (certificate or CRL) matches it byte for byte; computed when absent. */
export async function issuerKeyId(issuerCert: x509.X509Certificate): Promise<string> {
  const ski = issuerCert.getExtension(x509.SubjectKeyIdentifierExtension);
  return ski ? ski.keyId : keyIdentifier(new Uint8Array(issuerCert.publicKey.rawData));
}

/** issuerKeyId of the parsed issuers (parsedIssuer): its extensions are decoded again at every call otherwise. */
const issuerKeyIds = new WeakMap<x509.X509Certificate, Promise<string>>();

function cachedIssuerKeyId(issuerCert: x509.X509Certificate): Promise<string> {
  let id = issuerKeyIds.get(issuerCert);
  if (!id) issuerKeyIds.set(issuerCert, (id = issuerKeyId(issuerCert)));
  return id;
}

async function buildExtensions(p: IssueCertificateParams, spki: Uint8Array, issuerCert: x509.X509Certificate | undefined): Promise<x509.Extension[]> {
  const row = PROFILE_EXTENSIONS[p.profile];
  const exts: x509.Extension[] = [new x509.BasicConstraintsExtension(row.ca, row.ca ? row.pathLength : undefined, true)];
  exts.push(keyUsageExtension(row, isRsaKey(spki)));
  const eku = p.extKeyUsage ?? row.extKeyUsage;
  if (eku.length) exts.push(new x509.ExtendedKeyUsageExtension(eku.map((n) => EXT_KEY_USAGE_OIDS[n]), false));
  const san = sanEntries(p, row);
  if (san.length) exts.push(new x509.SubjectAlternativeNameExtension(san, false));
  exts.push(new x509.SubjectKeyIdentifierExtension(await keyIdentifier(spki), false));
  if (row.authorityKeyIdentifier && issuerCert) exts.push(new x509.AuthorityKeyIdentifierExtension(await cachedIssuerKeyId(issuerCert), false));
  if (p.caIssuersUrl) exts.push(new x509.AuthorityInfoAccessExtension({ caIssuers: p.caIssuersUrl }, false));
  if (p.crlUrl) exts.push(new x509.CRLDistributionPointsExtension([p.crlUrl], false));
  const policies = p.policies ?? row.policies;
  if (policies.length) exts.push(new x509.CertificatePolicyExtension(policies, false));
  return exts;
}

function checkSubject(p: IssueCertificateParams): void {
  if (PROFILE_EXTENSIONS[p.profile].subjectCnOnly && !(p.subject.length === 1 && p.subject[0].key === 'CN')) {
    throw new Error(`profile ${p.profile}: the subject must be CN only (SPEC §3.4)`);
  }
}

/**
 * A serial as the generators want it: even-length hex. Refuses what RFC 5280 §4.1.2.2 forbids (zero,
 * more than 20 octets) instead of letting @peculiar/x509 silently replace a zero serial by a random one.
 */
export function normalizeSerialHex(serialHex: string): string {
  const hex = serialHex.replace(/^0+(?=.)/, '').toLowerCase();
  if (!/^[0-9a-f]+$/.test(hex) || hex === '0') throw new Error(`serial must be positive hex without prefix: ${serialHex}`);
  const even = hex.length % 2 ? `0${hex}` : hex;
  const octets = even.length / 2 + (parseInt(even.slice(0, 2), 16) & 0x80 ? 1 : 0);
  if (octets > 20) throw new Error(`serial longer than 20 octets: ${serialHex}`);
  return even;
}

/** The hash a CA key signs with when the caller names none: SHA-384 for a P-384 key, else SHA-256. */
export function defaultHash(key: CryptoKey): 'SHA-256' | 'SHA-384' {
  return (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-384' ? 'SHA-384' : 'SHA-256';
}

/**
 * Issuing CAs parsed once, by their DER: a 1000-user batch signs with the same CA a thousand times, and parsing its
 * certificate each time cost more than building the new one. Few CAs exist (the training hierarchy), so a small map.
 */
const parsedIssuers = new Map<string, x509.X509Certificate>();

function parsedIssuer(der: Uint8Array): x509.X509Certificate {
  const key = toHex(der);
  let cert = parsedIssuers.get(key);
  if (!cert) {
    if (parsedIssuers.size >= 32) parsedIssuers.clear();
    cert = new x509.X509Certificate(toArrayBuffer(der));
    parsedIssuers.set(key, cert);
  }
  return cert;
}

/**
 * Templates by issuer (parsedIssuer's object) and by everything else that fixes bytes of the certificate: the
 * profile, the issuer's URLs, policies and EKU, the subject key's type (keyUsage), whether a SAN is written, the hash.
 */
const templates = new WeakMap<x509.X509Certificate, Map<string, CertificateTemplate>>();

function templateKey(p: IssueCertificateParams, rsa: boolean, san: boolean, hash: string, signingKey: CryptoKey): string {
  return JSON.stringify([p.profile, p.crlUrl, p.caIssuersUrl, p.policies, p.extKeyUsage, rsa, san, hash, signingKey.algorithm]);
}

/** Issue one X.509 v3 certificate. Returns its DER. */
export async function issueCertificate(p: IssueCertificateParams): Promise<Uint8Array> {
  checkSubject(p);
  if (p.issuer === 'self') return issueWithLibrary(p);
  const spki = await spkiOf(p.publicKey);
  const issuerCert = parsedIssuer(p.issuer.certificate);
  const signingKey = p.issuer.privateKey;
  const san = sanEntries(p, PROFILE_EXTENSIONS[p.profile]);
  const hash = p.hash ?? defaultHash(signingKey);
  const key = templateKey(p, isRsaKey(spki), san.length > 0, hash, signingKey);
  let byKind = templates.get(issuerCert);
  if (!byKind) templates.set(issuerCert, (byKind = new Map<string, CertificateTemplate>()));
  const template = byKind.get(key);
  if (!template) {
    // The first of its kind: the library writes it, and it becomes the template of the next ones.
    const der = await issueWithLibrary({ ...p, publicKey: spki });
    byKind.set(key, templateOf(der, hash));
    return der;
  }
  const tbs = templateTbs(template, {
    serialHex: normalizeSerialHex(p.serialHex),
    notBefore: p.notBefore,
    notAfter: p.notAfter,
    subject: encodeName(p.subject),
    spki,
    san: san.map((n) => ({ type: n.type as 'dns' | 'email', value: n.value })),
  });
  return signTemplate(template, tbs, signingKey);
}

/** The same certificate written field by field by @peculiar/x509 (self-signed roots, the first of each template). */
export async function issueWithLibrary(p: IssueCertificateParams): Promise<Uint8Array> {
  checkSubject(p);
  const spki = await spkiOf(p.publicKey);
  const issuerCert = p.issuer === 'self' ? undefined : parsedIssuer(p.issuer.certificate);
  const signingKey = p.issuer === 'self' ? p.signingKey : p.issuer.privateKey;
  if (!signingKey) throw new Error("issuer 'self' needs signingKey");
  const subject = new x509.Name(toArrayBuffer(encodeName(p.subject)));
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: normalizeSerialHex(p.serialHex),
      subject,
      issuer: issuerCert ? issuerCert.subjectName : subject,
      notBefore: p.notBefore,
      notAfter: p.notAfter,
      publicKey: toArrayBuffer(spki),
      signingKey,
      signingAlgorithm: { name: signingKey.algorithm.name, hash: p.hash ?? defaultHash(signingKey) } as Algorithm,
      extensions: await buildExtensions(p, spki, issuerCert),
    },
    crypto,
  );
  return new Uint8Array(cert.rawData);
}

// ---------------------------------------------------------------------------------------------
// The training hierarchy (ca-profiles.ts TRAINING_CAS): one root, five issuing CAs.

export interface CaMaterial {
  id: TrainingCaId;
  certificate: Uint8Array; // DER
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export type TrainingHierarchy = Record<TrainingCaId, CaMaterial>;

export function caKeyAlgorithm(spec: CaKeySpec): RsaHashedKeyGenParams | EcKeyGenParams {
  return spec.algorithm === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: spec.bits, publicExponent: new Uint8Array([1, 0, 1]), hash: spec.hash }
    : { name: 'ECDSA', namedCurve: spec.curve };
}

/** The end of a period of whole years from `d` (exclusive; see inclusiveNotAfter). */
function addYears(d: Date, years: number): Date {
  const r = new Date(d.getTime());
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

async function makeCa(id: TrainingCaId, now: Date, parent: CaMaterial | undefined, extractable: boolean): Promise<CaMaterial> {
  const spec = TRAINING_CAS[id];
  const keys = await crypto.subtle.generateKey(caKeyAlgorithm(spec.key), extractable, ['sign', 'verify']);
  const notBefore = backdated(now);
  const certificate = await issueCertificate({
    issuer: parent ? { certificate: parent.certificate, privateKey: parent.privateKey } : 'self',
    signingKey: keys.privateKey,
    subject: spec.subject,
    publicKey: keys.publicKey,
    serialHex: randomSerial().hex,
    notBefore,
    notAfter: inclusiveNotAfter(addYears(notBefore, spec.validityYears)),
    profile: parent ? 'issuing-ca' : 'root-ca',
    ...(parent ? { ...repositoryOf(parent.id), policies: caPolicies(id), extKeyUsage: spec.extKeyUsage } : {}),
  });
  return { id, certificate, privateKey: keys.privateKey, publicKey: keys.publicKey };
}

/**
 * Generate the whole training hierarchy with fresh keys, issued at `now` (notBefore backdated, pki/validity.ts).
 * `extractable` (default false) lets the caller export the CA keys as PKCS#8 for storage.
 */
export async function createTrainingHierarchy(p: { now: Date; extractable?: boolean }): Promise<TrainingHierarchy> {
  const extractable = p.extractable ?? false;
  const root = await makeCa('root', p.now, undefined, extractable);
  const issuing = (['server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'] as const).map((id) => makeCa(id, p.now, root, extractable));
  const [serverRsa, serverEcc, clientAuth, smime, raOperator] = await Promise.all(issuing);
  return { root, 'server-rsa': serverRsa, 'server-ecc': serverEcc, 'client-auth': clientAuth, smime, 'ra-operator': raOperator };
}
