// The RA state as a fold over the event log. `applyEvent` is the only place that interprets events,
// so lists, statistics, backups and the audit trail cannot disagree with each other.
import type { KindId } from '../spec/types';
import type { RaEvent } from './events';
import { emptyIndexes, indexEvent, overlayIndexes, type RaIndexes } from './state-index';
import { OverlayMap } from './overlay-map';
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
  /** What the per-row checks look up instead of scanning every certificate (state-index.ts). */
  index: RaIndexes;
}

/** One level of maps and lists made read-only (records are never edited in place anyway: applyEvent replaces them). */
export type ReadonlyOf<T> = {
  readonly [K in keyof T]: T[K] extends Map<infer A, infer B>
    ? ReadonlyMap<A, B>
    : T[K] extends Set<infer A>
      ? ReadonlySet<A>
      : T[K] extends (infer E)[]
        ? readonly E[]
        : T[K] extends object
          ? ReadonlyOf<T[K]>
          : T[K];
};

/** The projection as readers get it: the live state itself, not a copy, so it must not be changed. */
export type ReadonlyRaState = ReadonlyOf<RaState>;

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
    index: emptyIndexes(),
  };
}

/** The whole log folded from the start: the definition every faster path must equal (projection.test.ts). */
export function replayState(events: readonly RaEvent[]): RaState {
  const state = emptyState();
  for (const e of events) applyEvent(state, e);
  return state;
}

/**
 * The last projection of each log, kept so that the next read only applies the events appended since (a store
 * holding 100 000 certificates is not replayed at every read and upload). Keyed by the log's first event: a log
 * that still holds the same object at the memo's old end is extended; any other (a reset, a restore, a log
 * re-read from disk as new objects, a shorter one) is replayed in full.
 */
interface Memo {
  length: number;
  last: RaEvent;
  state: RaState;
}
const memos = new WeakMap<RaEvent, Memo>();

/**
 * The state after `events`, without copying: the memo's own state, extended in place. It is read-only for the
 * caller and current until the log grows — the next `projectState` of a longer log moves it on, so a reader that
 * awaits a change asks again. Transactions change an overlay of it (`overlayState`), never the state itself.
 */
export function projectState(events: readonly RaEvent[]): ReadonlyRaState {
  if (events.length === 0) return emptyState();
  const memo = memos.get(events[0]);
  const extends_ = memo && events.length >= memo.length && events[memo.length - 1] === memo.last;
  const state = extends_ ? memo.state : emptyState();
  for (let i = extends_ ? memo.length : 0; i < events.length; i++) applyEvent(state, events[i]);
  memos.set(events[0], { length: events.length, last: events[events.length - 1], state });
  return state;
}

/**
 * A changeable state on top of `base` that leaves `base` as it is: its maps read through to the base's and keep
 * their own writes (OverlayMap), its lists are copied (a shallow array copy is cheap; a 100 000-entry map is not).
 * A transaction applies its events here; when it commits, the next `projectState` applies them to the base.
 */
export function overlayState(base: ReadonlyRaState): RaState {
  return {
    ...base,
    institutions: new OverlayMap(base.institutions),
    cas: new OverlayMap(base.cas),
    applications: new OverlayMap(base.applications),
    certificates: new OverlayMap(base.certificates),
    certificateByApplication: new OverlayMap(base.certificateByApplication),
    tokens: new OverlayMap(base.tokens),
    mails: [...base.mails],
    uploads: [...base.uploads],
    crls: new OverlayMap(base.crls),
    operatorCertificates: new OverlayMap(base.operatorCertificates),
    index: overlayIndexes(base.index),
  };
}

/** Mutates `state` by one event. Records are replaced, never edited in place, so snapshots stay intact. */
export function applyEvent(state: RaState, e: RaEvent): void {
  state.lastSeq = e.seq;
  indexEvent(state, e);
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
