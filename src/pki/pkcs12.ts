// PKCS#12 (RFC 7292) files protected by the access PIN, in two formats (docs/pkcs12.md):
//  - modern (default): PBES2 = PBKDF2-HMAC-SHA256 + AES-256-CBC for key and certificates, HMAC-SHA256 MAC
//    (the same as `openssl pkcs12 -export` in OpenSSL 3);
//  - legacy: pbeWithSHAAnd3-KeyTripleDES-CBC for key and certificates, HMAC-SHA1 MAC
//    (macOS Keychain, iOS, Android ≤ 13, Windows Server 2016).
// One layout for both: [encrypted certificate bags] [shrouded key bag], each bag of the subject pair
// carrying friendlyName and localKeyId (SHA-1 of the certificate, as OpenSSL writes it) so that
// Windows and macOS show a name and pair the key with its certificate.
import * as asn1js from 'asn1js';
import { exportPkcs8 } from './keys';
import { encryptPbes2 } from './pkcs8';
import { bmpPassword, bufferSource, encryptPbeSha1TripleDes, LEGACY_ITERATIONS, pkcs12Kdf, type Pkcs12Hash } from './pkcs12-legacy';

export type Pkcs12Format = 'modern' | 'legacy';

export interface BuildPkcs12Params {
  /** An extractable private key, or its PKCS#8 DER. */
  privateKey: CryptoKey | Uint8Array;
  /** DER of the subject's certificate. */
  certificate: Uint8Array;
  /** DER of the CA certificates to include (issuing CA first; the root may follow). */
  chain: Uint8Array[];
  /** The access PIN. */
  password: string;
  format: Pkcs12Format;
  /** Shown by Windows/macOS/Firefox as the certificate's name (e.g. the CN or P12 file name). */
  friendlyName: string;
  /** PBKDF2 / KDF and MAC iterations; default the suite's (2048). See `p12Iterations`. */
  iterations?: number;
}

/** Iterations for PBKDF2 and for the MAC: OpenSSL 3's defaults, so every importer is known to cope. */
export const MODERN_ITERATIONS = 2048;

/**
 * For a PIN a person chose (method 2, PIN column): ≈ 10 × OpenSSL's default, so guessing a weak PIN costs
 * ten times more. Both the key/certificate PBKDF2 and the MAC's PKCS#12 KDF get it — an attacker takes the
 * cheaper of the two. Opened by OpenSSL 3 and NSS pk12util (pkcs12.test.ts); the cost: docs/pkcs12.md.
 */
export const PERSON_PIN_ITERATIONS = 20_000;

/**
 * Iterations by who chose the PIN. Drawn PINs (methods 1 and 3, method 2 without a PIN column) are long and
 * random: 2048 is enough. Legacy files keep 2048 even for chosen PINs: the old importers they exist for
 * (macOS Keychain, iOS, Windows Server 2016) are the ones least tested with higher counts.
 */
const ITERATIONS: Record<Pkcs12Format, Record<'generated' | 'person', number>> = {
  modern: { generated: MODERN_ITERATIONS, person: PERSON_PIN_ITERATIONS },
  legacy: { generated: LEGACY_ITERATIONS, person: LEGACY_ITERATIONS },
};

export function p12Iterations(format: Pkcs12Format, chosenBy: 'generated' | 'person'): number {
  return ITERATIONS[format][chosenBy];
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
};

type Encrypted = { algorithm: asn1js.Sequence; ciphertext: Uint8Array };

interface Suite {
  encrypt(plain: Uint8Array, password: string, iterations: number): Promise<Encrypted>;
  macHash: Pkcs12Hash;
  iterations: number;
}

const SUITES: Record<Pkcs12Format, Suite> = {
  modern: { encrypt: (plain, pw, n) => encryptPbes2(plain, pw, n), macHash: 'SHA-256', iterations: MODERN_ITERATIONS },
  legacy: { encrypt: (plain, pw, n) => encryptPbeSha1TripleDes(plain, pw, n), macHash: 'SHA-1', iterations: LEGACY_ITERATIONS },
};

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const seq = (...value: asn1js.BaseBlock[]) => new asn1js.Sequence({ value });
const octets = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: bytes });
const explicit0 = (...value: asn1js.BaseBlock[]) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value });
const der = (block: asn1js.BaseBlock) => new Uint8Array(block.toBER(false));

function bagAttributes(friendlyName: string, localKeyId: Uint8Array): asn1js.Set {
  return new asn1js.Set({
    value: [
      seq(oid(OID.friendlyName), new asn1js.Set({ value: [new asn1js.BmpString({ value: friendlyName })] })),
      seq(oid(OID.localKeyId), new asn1js.Set({ value: [octets(localKeyId)] })),
    ],
  });
}

function certBag(cert: Uint8Array, attributes?: asn1js.Set): asn1js.Sequence {
  const bag = seq(oid(OID.certBag), explicit0(seq(oid(OID.x509Certificate), explicit0(octets(cert)))));
  if (attributes) bag.valueBlock.value.push(attributes);
  return bag;
}

function dataContentInfo(content: Uint8Array): asn1js.Sequence {
  return seq(oid(OID.data), explicit0(octets(content)));
}

function encryptedDataContentInfo(e: Encrypted): asn1js.Sequence {
  const encryptedContent = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: e.ciphertext });
  return seq(oid(OID.encryptedData), explicit0(seq(new asn1js.Integer({ value: 0 }), seq(oid(OID.data), e.algorithm, encryptedContent))));
}

async function macData(authSafe: Uint8Array, password: string, suite: Suite, iterations: number): Promise<asn1js.Sequence> {
  const salt = crypto.getRandomValues(new Uint8Array(suite.macHash === 'SHA-1' ? 8 : 16));
  const size = suite.macHash === 'SHA-1' ? 20 : 32;
  const keyBytes = await pkcs12Kdf(bmpPassword(password), salt, 3, iterations, size, suite.macHash);
  const key = await crypto.subtle.importKey('raw', bufferSource(keyBytes), { name: 'HMAC', hash: suite.macHash }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, bufferSource(authSafe)));
  const digestAlgorithm = seq(oid(suite.macHash === 'SHA-1' ? OID.sha1 : OID.sha256), new asn1js.Null());
  return seq(seq(digestAlgorithm, octets(mac)), octets(salt), new asn1js.Integer({ value: iterations }));
}

/** Build a password-protected PKCS#12 file (DER) holding the key, its certificate and the chain. */
export async function buildPkcs12(p: BuildPkcs12Params): Promise<Uint8Array> {
  const suite = SUITES[p.format];
  const n = p.iterations ?? suite.iterations;
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-1', bufferSource(p.certificate)));
  const attributes = () => bagAttributes(p.friendlyName, localKeyId);

  const certContents = der(seq(certBag(p.certificate, attributes()), ...p.chain.map((c) => certBag(c))));
  const shrouded = await suite.encrypt(p.privateKey instanceof Uint8Array ? p.privateKey : await exportPkcs8(p.privateKey), p.password, n);
  const encryptedKeyInfo = seq(shrouded.algorithm, octets(shrouded.ciphertext));
  const keyContents = der(seq(seq(oid(OID.pkcs8ShroudedKeyBag), explicit0(encryptedKeyInfo), attributes())));

  const authSafe = der(seq(encryptedDataContentInfo(await suite.encrypt(certContents, p.password, n)), dataContentInfo(keyContents)));
  const pfx = seq(new asn1js.Integer({ value: 3 }), dataContentInfo(authSafe), await macData(authSafe, p.password, suite, n));
  return der(pfx);
}
