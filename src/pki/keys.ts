// Key pairs made with WebCrypto for the UPKI server profiles, and the one call that turns a form
// (profile, CN, institution, SANs, passphrase) into the files the user takes away: the same code runs
// behind the page and `upki-tsv csr`.
import { formatDnsNames, PROFILES, type KeySpec } from '../spec';
import { algorithmOf, children, oidOf, parseDer } from './asn1';
import { subtle, toArrayBuffer } from './crypto';
import { createCsr, csrToOneLine, csrToPem } from './csr';
import { serverSubjectRdns, subjectTsvString, type ServerSubject } from './subject-order';
import { checkPassphrase, DEFAULT_PBKDF2_ITERATIONS, encryptPkcs8, pkcs8ToPem } from './pkcs8';
import { CURVE_BY_OID, describePublicKey, OID_EC, OID_RSA, spkiSha256 } from './spki';
import { hasErrors, trimSubject, validateServerSubject, type SubjectIssue } from './subject-rules';
import type { PublicKeyInfo } from './types';
import { own } from '../spec/own';

export type ServerProfileId = '3' | '11';
export const SERVER_PROFILE_IDS: readonly ServerProfileId[] = ['3', '11'];

/** WebCrypto parameters per key spec. The hash is the CSR self-signature's: profile 3 SHA-256, profile 11 SHA-384. */
export function keyAlgorithm(spec: KeySpec): { generate: RsaHashedKeyGenParams | EcKeyGenParams; hash: 'SHA-256' | 'SHA-384' } {
  if (spec.algorithm === 'RSA')
    return {
      generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: spec.bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      hash: 'SHA-256',
    };
  return { generate: { name: 'ECDSA', namedCurve: spec.curve }, hash: 'SHA-384' };
}

/** A new key pair for a server profile. Extractable, because the user takes the private key away as PKCS#8. */
export async function generateServerKeyPair(profile: ServerProfileId): Promise<CryptoKeyPair> {
  const { generate } = keyAlgorithm(PROFILES[profile].key);
  return await subtle().generateKey(generate, true, ['sign', 'verify']);
}

export async function exportPkcs8(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('pkcs8', key));
}

export async function exportSpki(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('spki', key));
}

export interface KeyAndCsrRequest {
  profile: ServerProfileId;
  subject: ServerSubject;
  dnsNames?: readonly string[];
  /** Encrypt the key with this passphrase; `null` only when the user explicitly opted out of encryption. */
  passphrase: string | null;
  /** PBKDF2 iterations (tests may lower it; the default is DEFAULT_PBKDF2_ITERATIONS). */
  iterations?: number;
}

export interface KeyAndCsr {
  /** `<CN>`; the files are `<CN>.csr`, `<CN>.key`, `<CN>.csr.txt`. */
  baseName: string;
  csrDer: Uint8Array;
  csrPem: string;
  /** Base64 DER on one line, for TSV column 7. */
  csrOneLine: string;
  /** PKCS#8 PEM, "ENCRYPTED PRIVATE KEY" unless the user opted out. */
  keyPem: string;
  keyEncrypted: boolean;
  /** Subject in TSV order, ready for column 1. */
  subjectTsv: string;
  /** `dNSName=a,dNSName=b` for TSV column 13, or '' without SANs. */
  dnsNamesColumn: string;
}

export type KeyAndCsrResult = { ok: true; value: KeyAndCsr; warnings: SubjectIssue[] } | { ok: false; issues: SubjectIssue[] };

/** Validate, generate the key pair, sign the CSR and export the key. Never throws on user input. */
export async function makeKeyAndCsr(req: KeyAndCsrRequest): Promise<KeyAndCsrResult> {
  const dnsNames = req.dnsNames ?? [];
  const trimmed = trimSubject(req.subject); // what was checked is what goes into the CSR
  const issues = validateServerSubject(trimmed, dnsNames);
  if (req.passphrase !== null) {
    const check = checkPassphrase(req.passphrase);
    if (!check.ok) issues.push({ field: 'passphrase', code: check.code, severity: 'error', message: check.message });
  }
  if (hasErrors(issues)) return { ok: false, issues };

  const profile = PROFILES[req.profile];
  const keys = await generateServerKeyPair(req.profile);
  const subject = serverSubjectRdns(trimmed);
  const csrDer = await createCsr({ keys, subject, dnsNames, hash: keyAlgorithm(profile.key).hash });
  const pkcs8 = await exportPkcs8(keys.privateKey);
  const keyDer = req.passphrase === null ? pkcs8 : await encryptPkcs8(pkcs8, req.passphrase, req.iterations ?? DEFAULT_PBKDF2_ITERATIONS);
  const keyPem = pkcs8ToPem(keyDer, req.passphrase !== null);
  pkcs8.fill(0); // drop our copy of the plain key as soon as it is encoded (best effort: WebCrypto may keep its own)
  return {
    ok: true,
    warnings: issues,
    value: {
      baseName: trimmed.cn,
      csrDer,
      csrPem: csrToPem(csrDer),
      csrOneLine: csrToOneLine(csrDer),
      keyPem,
      keyEncrypted: req.passphrase !== null,
      subjectTsv: subjectTsvString(subject),
      dnsNamesColumn: formatDnsNames(dnsNames),
    },
  };
}

export interface PrivateKeyFacts {
  publicKey: PublicKeyInfo;
  /** SPKI of the matching public key, to compare with a CSR or certificate (`sameKey`). */
  spkiSha256: string;
}

/**
 * The public half of a PKCS#8 private key (RSA or EC P-256/384/521), by way of WebCrypto's JWK export.
 * Null when WebCrypto cannot import the key. Lets the page say whether a key file belongs to a CSR.
 */
export async function privateKeyFacts(pkcs8: Uint8Array): Promise<PrivateKeyFacts | null> {
  const [, alg] = children(parseDer(pkcs8) ?? undefined);
  const id = algorithmOf(alg);
  if (!id) return null;
  const curve = own(CURVE_BY_OID, oidOf(id.params) ?? '');
  const algorithm =
    id.oid === OID_RSA ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : id.oid === OID_EC && curve ? { name: 'ECDSA', namedCurve: curve } : null;
  if (!algorithm) return null;
  try {
    const priv = await subtle().importKey('pkcs8', toArrayBuffer(pkcs8), algorithm, true, ['sign']);
    const { kty, n, e, crv, x, y } = await subtle().exportKey('jwk', priv);
    const pub = await subtle().importKey('jwk', { kty, n, e, crv, x, y }, algorithm, true, ['verify']);
    const spki = await exportSpki(pub);
    const publicKey = describePublicKey(spki);
    return publicKey ? { publicKey, spkiSha256: await spkiSha256(spki) } : null;
  } catch {
    return null;
  }
}
