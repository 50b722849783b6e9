// The applicant's browser (1.2.2.6 「証明書インストール」): makes the key pair, has the CA sign its public key,
// and keeps certificate + key ONLY as a PKCS#12 protected by the applicant's passphrase in the simulated
// browser store. The private key never leaves this function unencrypted.
import { buildPkcs12, type BrowserCert, type BrowserStore } from '../sim';
import type { BuildPkcs12Params } from '../pki/pkcs12';
import { jstDate } from '../sim';
import type { JpnicEngine } from './engine';
import { refuse } from './engine';
import type { JpnicCertificate, Outcome } from './types';

export const MIN_PASSPHRASE = 8;
const KEY: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

/** The owner id of an applicant's browser in the store: by account, so old and new certificates (even with a changed EMAIL) sit together. */
export const applicantOwner = (accountId: string) => `jpnic-applicant:${accountId}`;
export const MANAGER_OWNER = 'jpnic-manager';

/** What the browser's picker shows: CN, issuer, start date and serial (what the manual has people compare). */
export function pickerLabel(cert: Pick<JpnicCertificate, 'name' | 'notBefore' | 'notAfter' | 'serialDecimal'>): string {
  return `${cert.name} — JPNIC Resource Service CA S2 (training) — ${jstDate(new Date(cert.notBefore))}〜${jstDate(new Date(cert.notAfter))} — No.${cert.serialDecimal}`;
}

export interface Installed {
  certificate: JpnicCertificate;
  p12: Uint8Array;
  stored: BrowserCert;
}

export async function installCertificate(p: {
  engine: JpnicEngine;
  store: BrowserStore;
  licenseInput: string;
  passphrase: string;
  owner?: string;
  /** The page passes a worker-backed one (the PKCS#12 KDF is too slow for the main thread). */
  makePkcs12?: (p: BuildPkcs12Params) => Promise<Uint8Array>;
}): Promise<Outcome<Installed>> {
  if (p.passphrase.length < MIN_PASSPHRASE) return refuse('badPassphrase');
  const keys = (await globalThis.crypto.subtle.generateKey(KEY, true, ['sign', 'verify']));
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
  const fetched = await p.engine.fetchCertificate(p.licenseInput, spki);
  if (!fetched.ok) return fetched;
  const p12 = await (p.makePkcs12 ?? buildPkcs12)({
    privateKey: keys.privateKey,
    certificate: fetched.der,
    chain: fetched.chain,
    password: p.passphrase,
    format: 'modern',
    friendlyName: `${fetched.certificate.name} (JPNIC ${fetched.certificate.serialDecimal})`,
  });
  const stored = await p.store.add(
    { service: 'jpnic', owner: p.owner ?? applicantOwner(fetched.certificate.accountId ?? ''), label: pickerLabel(fetched.certificate), certificateDer: fetched.der, p12 },
    fetched.certificate.notBefore,
  );
  return { ok: true, certificate: fetched.certificate, p12, stored };
}

/** Compare what the person read with the published fingerprint (case, spaces and colons do not matter). */
export function compareFingerprint(typed: string, published: string): 'match' | 'mismatch' | 'not-a-fingerprint' {
  const clean = typed.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(clean)) return 'not-a-fingerprint';
  return clean === published.replace(/[\s:]/g, '').toUpperCase() ? 'match' : 'mismatch';
}

/** 40 hex digits in groups of two, as Windows shows a 拇印 and the fingerprint page prints it. */
export function groupFingerprint(hex: string): string {
  return (hex.match(/.{2}/g) ?? []).join(' ');
}

export interface TellApart {
  newest: JpnicCertificate;
  /** How it was decided: start date (1.4.2.6 有効期限開始日判定) or serial (証明書シリアル番号判定). */
  by: 'start-date' | 'serial' | 'undecided';
}

/**
 * 1.4.2.6: several certificates with the same subject. The one with the latest start date is the new one;
 * when start dates are equal, the one whose serial equals the serial the manager passed on.
 */
export function tellApart(certs: readonly JpnicCertificate[], passedSerialDecimal?: string): TellApart | undefined {
  if (certs.length === 0) return undefined;
  const sorted = [...certs].sort((a, b) => Date.parse(b.notBefore) - Date.parse(a.notBefore));
  const [first, second] = sorted;
  if (!second || jstDate(new Date(first.notBefore)) !== jstDate(new Date(second.notBefore))) return { newest: first, by: 'start-date' };
  const bySerial = passedSerialDecimal && certs.find((c) => c.serialDecimal === passedSerialDecimal.trim());
  return bySerial ? { newest: bySerial, by: 'serial' } : { newest: first, by: 'undecided' };
}
