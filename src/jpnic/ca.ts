// The JPNIC training CA pair: generation at first start, the issuing CA's signing key, end-entity
// certificates and the CRL. Certificate and CRL building is the shared pki core's (via src/sim).
import { base64Decode, base64Encode } from '../pki/pem';
import { toHex } from '../pki/crypto';
import { serialToDecimal } from '../pki/serial';
import { formatDnString } from '../pki/dn';
import { buildCrl, caKeyAlgorithm, issueCertificate, randomSerialHex, unwrapPkcs8, wrapPkcs8, addDays, type StoredSecret, type CrlReason } from '../sim';
import { JPNIC_CAS, endEntitySubject, type JpnicCaId } from './rules';
import type { JpnicCa, JpnicCertificate } from './types';
import type { JpnicState } from './state';

const RSA_KEY = caKeyAlgorithm({ algorithm: 'RSA', bits: 2048, hash: 'SHA-256' }) as RsaHashedKeyGenParams;
export const CRL_NEXT_UPDATE_DAYS = 7;

function addYears(d: Date, years: number): Date {
  const r = new Date(d.getTime());
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

const secretId = (id: JpnicCaId) => `jpnic-ca-key:${id}`;

/** Root and resource-service CA with fresh keys; the keys leave only wrapped under the store's key. */
export async function generateCaPair(now: Date, kwk: CryptoKey): Promise<{ cas: JpnicCa[]; secrets: StoredSecret[] }> {
  const cas: JpnicCa[] = [];
  const secrets: StoredSecret[] = [];
  let parent: { certificate: Uint8Array; privateKey: CryptoKey } | undefined;
  for (const id of ['jpnic-root', 'jpnic-resource'] as const) {
    const spec = JPNIC_CAS[id];
    const keys = (await globalThis.crypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify']));
    const certificate = await issueCertificate({
      issuer: parent ?? 'self',
      signingKey: keys.privateKey,
      subject: spec.subject,
      publicKey: keys.publicKey,
      serialHex: randomSerialHex(16),
      notBefore: now,
      notAfter: addYears(now, spec.validityYears),
      profile: parent ? 'issuing-ca' : 'root-ca',
    });
    const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey));
    secrets.push(await wrapPkcs8(secretId(id), pkcs8, kwk));
    cas.push({ id, name: spec.subject.find((r) => r.key === 'CN')!.value, certDerB64: base64Encode(certificate), keyRef: secretId(id) });
    parent = { certificate, privateKey: keys.privateKey };
  }
  return { cas, secrets };
}

export function caDer(state: JpnicState, id: JpnicCaId): Uint8Array {
  const der = state.cas.get(id) && base64Decode(state.cas.get(id)!.certDerB64);
  if (!der) throw new Error(`JPNIC CA ${id} missing from the state`);
  return der;
}

/** The resource-service CA's signing key, unwrapped for one operation (non-extractable once imported). */
export async function resourceCaKey(secret: StoredSecret | undefined, kwk: CryptoKey): Promise<CryptoKey> {
  if (!secret) throw new Error('JPNIC resource CA key missing');
  return importCaPkcs8(await unwrapPkcs8(secret, kwk));
}

/** A JPNIC CA's PKCS#8 as a signing key (also how a restore proves a backup's CA keys usable). */
export function importCaPkcs8(pkcs8: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: RSA_KEY.name, hash: RSA_KEY.hash }, false, ['sign']);
}

export { secretId as caSecretId };

export interface EndEntityRequest {
  kind: JpnicCertificate['kind'];
  accountId?: string;
  maintainerCode: string;
  name: string;
  email: string;
  spki: Uint8Array | CryptoKey;
  now: Date;
  validityDays: number;
  serialHex: string;
}

export async function issueEndEntity(state: JpnicState, caKey: CryptoKey, r: EndEntityRequest): Promise<JpnicCertificate> {
  const subject = endEntitySubject(r.maintainerCode, r.name);
  const notAfter = addDays(r.now, r.validityDays);
  const der = await issueCertificate({
    issuer: { certificate: caDer(state, 'jpnic-resource'), privateKey: caKey },
    subject,
    publicKey: r.spki,
    serialHex: r.serialHex,
    notBefore: r.now,
    notAfter,
    profile: 'client-auth',
    emails: [r.email],
  });
  return {
    serialHex: r.serialHex,
    serialDecimal: serialToDecimal(BigInt(`0x${r.serialHex}`)),
    kind: r.kind,
    ...(r.accountId ? { accountId: r.accountId } : {}),
    name: r.name,
    email: r.email,
    subject: formatDnString(subject),
    certDerB64: base64Encode(der),
    notBefore: r.now.toISOString(),
    notAfter: notAfter.toISOString(),
    sha256: toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', der as BufferSource))),
  };
}

/** A CRL of the resource-service CA listing every certificate it revoked. */
export async function signCrl(state: JpnicState, caKey: CryptoKey, now: Date, number: number): Promise<{ der: Uint8Array; nextUpdate: Date }> {
  const entries = [...state.certificates.values()]
    .filter((c) => c.revokedAt)
    .map((c) => ({ serialHex: c.serialHex, revokedAt: new Date(c.revokedAt!), reason: (c.revocationReason ?? 0) as CrlReason }));
  const nextUpdate = addDays(now, CRL_NEXT_UPDATE_DAYS);
  const der = await buildCrl({ issuerCertificate: caDer(state, 'jpnic-resource'), issuerKey: caKey, entries, thisUpdate: now, nextUpdate, crlNumber: BigInt(number) });
  return { der, nextUpdate };
}

/** SHA-1 of the root certificate as 40 upper-case hex digits (the 拇印 / fingerprint the applicant compares). */
export async function sha1Fingerprint(der: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', der as BufferSource))).toUpperCase();
}
