// The RA state as a fold over the event log. `applyEvent` is the only place that interprets events,
// so lists, statistics, backups and the audit trail cannot disagree with each other.
import type { KindId } from '../spec/types';
import type { RaEvent } from './events';
import type {
  Application,
  CaRecord,
  CaRole,
  CertificateRecord,
  CertStatusCode,
  DownloadToken,
  Institution,
  Mail,
  OperatorCertificate,
} from './types';

export interface UploadSummary {
  uploadId: string;
  at: string;
  fileName: string;
  kind: KindId;
  registered: boolean;
  institutionId: string;
}

export interface CrlState {
  caId: CaRole;
  number: number;
  thisUpdate: string;
  nextUpdate: string;
  fileId: string;
}

export interface RaState {
  initialized: boolean;
  institutions: Map<string, Institution>;
  cas: Map<CaRole, CaRecord>;
  applications: Map<string, Application>;
  /** By serial, lower-case hex without prefix. */
  certificates: Map<string, CertificateRecord>;
  /** Certificate serial by application id. */
  certificateByApplication: Map<string, string>;
  tokens: Map<string, DownloadToken>;
  mails: Mail[];
  uploads: UploadSummary[];
  crls: Map<CaRole, CrlState>;
  /** 登録担当者用証明書 by serial (SPEC §10). */
  operatorCertificates: Map<string, OperatorCertificate>;
  clockOffsetMs: number;
  lastSeq: number;
}

export function emptyState(): RaState {
  return {
    initialized: false,
    institutions: new Map(),
    cas: new Map(),
    applications: new Map(),
    certificates: new Map(),
    certificateByApplication: new Map(),
    tokens: new Map(),
    mails: [],
    uploads: [],
    crls: new Map(),
    operatorCertificates: new Map(),
    clockOffsetMs: 0,
    lastSeq: 0,
  };
}

/** The whole log folded from the start: the definition every faster path must equal (projection.test.ts). */
export function replayState(events: readonly RaEvent[]): RaState {
  const state = emptyState();
  for (const e of events) applyEvent(state, e);
  return state;
}

/**
 * The last projection, kept so that the next one only applies the events appended since (a store holding
 * 100 000 certificates is not replayed at every read and upload). It is valid for a log that starts with the
 * same event object and still holds the same object at its old end; any other log (another store, a reset, a
 * restore, a log re-read from disk) is replayed in full. Never handed out: callers get a copy.
 */
let memo: { length: number; first: RaEvent; last: RaEvent; state: RaState } | undefined;

/** The state after `events` (a fresh value: changing it changes nothing else). */
export function projectState(events: readonly RaEvent[]): RaState {
  if (events.length === 0) return emptyState();
  const extends_ = memo && events.length >= memo.length && events[0] === memo.first && events[memo.length - 1] === memo.last;
  const state = extends_ ? memo!.state : emptyState();
  for (let i = extends_ ? memo!.length : 0; i < events.length; i++) applyEvent(state, events[i]);
  memo = { length: events.length, first: events[0], last: events[events.length - 1], state };
  return copyState(state);
}

/** A copy whose maps and lists can be changed without touching `s`; records are shared (applyEvent replaces them, never edits). */
export function copyState(s: RaState): RaState {
  return {
    ...s,
    institutions: new Map(s.institutions),
    cas: new Map(s.cas),
    applications: new Map(s.applications),
    certificates: new Map(s.certificates),
    certificateByApplication: new Map(s.certificateByApplication),
    tokens: new Map(s.tokens),
    mails: [...s.mails],
    uploads: [...s.uploads],
    crls: new Map(s.crls),
    operatorCertificates: new Map(s.operatorCertificates),
  };
}

/** Mutates `state` by one event. Records are replaced, never edited in place, so snapshots stay intact. */
export function applyEvent(state: RaState, e: RaEvent): void {
  state.lastSeq = e.seq;
  switch (e.type) {
    case 'initialized':
      state.initialized = true;
      for (const i of e.institutions) state.institutions.set(i.id, i);
      for (const ca of e.cas) state.cas.set(ca.id, ca);
      return;
    case 'institution-saved':
      state.institutions.set(e.institution.id, e.institution);
      return;
    case 'uploaded':
      state.uploads.push({
        uploadId: e.uploadId,
        at: e.at,
        fileName: e.fileName,
        kind: e.kind,
        registered: e.registered,
        institutionId: e.institutionId,
      });
      return;
    case 'application-accepted':
      state.applications.set(e.application.id, e.application);
      return;
    case 'issued': {
      const cert = e.certificate;
      state.certificates.set(cert.serialHex, cert);
      state.certificateByApplication.set(cert.applicationId, cert.serialHex);
      const app = state.applications.get(cert.applicationId);
      const old = app?.renewsSerialHex ? state.certificates.get(app.renewsSerialHex) : undefined;
      if (old) state.certificates.set(old.serialHex, { ...old, renewedBySerialHex: cert.serialHex });
      return;
    }
    case 'token-created':
      state.tokens.set(e.token.token, e.token);
      return;
    case 'downloaded': {
      const token = state.tokens.get(e.token);
      if (token) state.tokens.set(e.token, { ...token, usedAt: e.at });
      for (const serial of e.serialsHex) {
        const cert = state.certificates.get(serial);
        if (cert && !cert.downloadedAt) state.certificates.set(serial, { ...cert, downloadedAt: e.at });
      }
      return;
    }
    case 'revoked': {
      const cert = state.certificates.get(e.serialHex);
      if (cert)
        state.certificates.set(e.serialHex, {
          ...cert,
          revokedAt: e.at,
          revocationReason: e.reason,
          revocationComment: e.comment,
        });
      return;
    }
    case 'reminder-sent': {
      const cert = state.certificates.get(e.serialHex);
      if (cert) state.certificates.set(e.serialHex, { ...cert, reminderSentAt: e.at });
      return;
    }
    case 'mailed':
      state.mails.push(e.mail);
      return;
    case 'crl-published':
      state.crls.set(e.caId, {
        caId: e.caId,
        number: e.number,
        thisUpdate: e.thisUpdate,
        nextUpdate: e.nextUpdate,
        fileId: e.fileId,
      });
      return;
    case 'clock-advanced':
      state.clockOffsetMs = e.offsetMs;
      return;
    case 'operator-certificate-issued':
      state.operatorCertificates.set(e.certificate.serialHex, e.certificate);
      return;
    case 'operator-certificate-revoked': {
      const cert = state.operatorCertificates.get(e.serialHex);
      if (cert) state.operatorCertificates.set(e.serialHex, { ...cert, revokedAt: e.at });
      return;
    }
    case 'administrator-updated': {
      // 利用管理者情報 更新 (001 §3-3 ⑤): the institution's list, and the address later mails use for this
      // administrator's certificates (revocation notices, reminders).
      const inst = state.institutions.get(e.institutionId);
      const old = e.oldMail.toLowerCase();
      if (inst) {
        const known = inst.admins.some((a) => a.mail.toLowerCase() === old);
        const admins = known
          ? inst.admins.map((a) => (a.mail.toLowerCase() === old ? { ...a, name: e.name, mail: e.mail } : a))
          : [...inst.admins, { name: e.name, mail: e.mail }];
        state.institutions.set(inst.id, { ...inst, admins });
      }
      for (const app of state.applications.values()) {
        if (app.institutionId === e.institutionId && app.adminMail.toLowerCase() === old) {
          state.applications.set(app.id, { ...app, adminMail: e.mail, adminName: e.name || app.adminName });
        }
      }
      return;
    }
    case 'ra-login':
    case 'ra-login-refused':
    case 'ra-logout':
      return; // audit only
  }
}

/** 状態 of a certificate for the RA downloads (ADDENDUM A): 7 revoked, 6 renewed, 5 downloaded, 4 waiting. */
export function certificateStatus(cert: CertificateRecord): CertStatusCode {
  if (cert.revokedAt) return 7;
  if (cert.renewedBySerialHex) return 6;
  if (cert.downloadedAt) return 5;
  return 4;
}

/** Valid at `now`: not revoked and inside its validity period. */
export function isCertificateValid(cert: CertificateRecord, now: Date): boolean {
  return !cert.revokedAt && new Date(cert.notBefore) <= now && now <= new Date(cert.notAfter);
}
