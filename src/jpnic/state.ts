// The JPNIC state as a fold over its event log; `applyEvent` is the only place that reads events.
import type { Mail } from '../sim';
import type { ManagerProfile } from './rules';
import type { JpnicAccount, JpnicCa, JpnicCertificate, JpnicEvent, License } from './types';

export interface JpnicState {
  initialized: boolean;
  manager?: ManagerProfile;
  cas: Map<string, JpnicCa>;
  certificates: Map<string, JpnicCertificate>;
  accounts: Map<string, JpnicAccount>;
  /** Accounts ever registered (ids are never reused). */
  accountCount: number;
  licenses: Map<string, License>;
  /** 「証明書更新」: the serial reserved for an account's next certificate (shown before the request). */
  reservedSerials: Map<string, string>;
  mails: Mail[];
  crl?: { number: number; thisUpdate: string; nextUpdate: string; fileId: string };
  clockOffsetMs: number;
  lastSeq: number;
}

export function emptyJpnicState(): JpnicState {
  return { initialized: false, cas: new Map(), certificates: new Map(), accounts: new Map(), accountCount: 0, licenses: new Map(), reservedSerials: new Map(), mails: [], clockOffsetMs: 0, lastSeq: 0 };
}

export function applyEvent(s: JpnicState, e: JpnicEvent): void {
  s.lastSeq = e.seq;
  switch (e.type) {
    case 'jpnic-initialized':
      s.initialized = true;
      s.manager = e.manager;
      for (const ca of e.cas) s.cas.set(ca.id, ca);
      return;
    case 'jpnic-certificate-issued': {
      s.certificates.set(e.certificate.serialHex, { ...e.certificate });
      const account = e.certificate.accountId ? s.accounts.get(e.certificate.accountId) : undefined;
      account?.serials.push(e.certificate.serialHex);
      if (e.certificate.accountId && s.reservedSerials.get(e.certificate.accountId) === e.certificate.serialHex) s.reservedSerials.delete(e.certificate.accountId);
      const license = e.licenseId ? s.licenses.get(e.licenseId) : undefined;
      if (license) {
        license.usedAt = e.at;
        license.serialHex = e.certificate.serialHex;
      }
      return;
    }
    case 'jpnic-account-registered':
      s.accountCount += 1;
      s.accounts.set(e.account.accountId, { ...e.account, registeredAt: e.at, serials: [] });
      return;
    case 'jpnic-account-deleted': {
      const account = s.accounts.get(e.accountId);
      if (account) account.deletedAt = e.at;
      for (const l of s.licenses.values()) if (l.accountId === e.accountId && !l.usedAt) l.supersededAt ??= e.at;
      return;
    }
    case 'jpnic-license-created':
      for (const l of s.licenses.values()) if (l.accountId === e.license.accountId && !l.usedAt) l.supersededAt ??= e.at;
      s.licenses.set(e.license.licenseId, { ...e.license });
      return;
    case 'jpnic-license-refused':
      return;
    case 'jpnic-serial-reserved':
      s.reservedSerials.set(e.accountId, e.serialHex);
      return;
    case 'jpnic-revoked': {
      const cert = s.certificates.get(e.serialHex);
      if (cert) {
        cert.revokedAt = e.at;
        cert.revocationReason = e.reason;
      }
      return;
    }
    case 'jpnic-crl-published':
      s.crl = { number: e.number, thisUpdate: e.thisUpdate, nextUpdate: e.nextUpdate, fileId: e.fileId };
      return;
    case 'jpnic-mailed':
      s.mails.push(e.mail);
      return;
    case 'jpnic-clock-advanced':
      s.clockOffsetMs = e.offsetMs;
      return;
  }
}

export function projectJpnicState(events: readonly JpnicEvent[]): JpnicState {
  const s = emptyJpnicState();
  for (const e of events) applyEvent(s, e);
  return s;
}

export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'not-yet-valid';

export function certificateStatus(cert: JpnicCertificate, now: Date): CertificateStatus {
  if (cert.revokedAt) return 'revoked';
  if (now.getTime() < new Date(cert.notBefore).getTime()) return 'not-yet-valid';
  if (now.getTime() > new Date(cert.notAfter).getTime()) return 'expired';
  return 'valid';
}

/** The account's current certificate: the newest one not revoked (expired ones count: they can be reissued). */
export function currentCertificate(s: JpnicState, accountId: string): JpnicCertificate | undefined {
  const account = s.accounts.get(accountId);
  for (const serial of [...(account?.serials ?? [])].reverse()) {
    const cert = s.certificates.get(serial);
    if (cert && !cert.revokedAt) return cert;
  }
  return undefined;
}

/** The unused, unexpired, not superseded license of an account, if any. */
export function pendingLicense(s: JpnicState, accountId: string, now: Date): License | undefined {
  return [...s.licenses.values()].find((l) => l.accountId === accountId && !l.usedAt && !l.supersededAt && new Date(l.expiresAt) > now);
}
