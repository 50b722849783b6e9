// The append-only event log: the simulator's source of truth. Lists, statistics, the audit trail and
// backups are all derived from it (state.ts). Events are plain JSON (binary data as base64 or file ids).
import type { KindId } from '../spec/types';
import type {
  Application,
  CaRecord,
  CaRole,
  CertificateRecord,
  DownloadToken,
  ErrorMode,
  Institution,
  Mail,
  OperatorCertificate,
  P12Format,
  RevocationReasonCode,
} from './types';

interface Base {
  /** Position in the log, from 1. */
  seq: number;
  /** Simulated time (engine clock), ISO 8601 UTC. */
  at: string;
}

export type RaEventBody =
  | { type: 'initialized'; institutions: Institution[]; cas: CaRecord[] }
  | { type: 'institution-saved'; institution: Institution }
  | {
      type: 'uploaded';
      uploadId: string;
      fileName: string;
      kind: KindId;
      mode: ErrorMode;
      p12Format: P12Format;
      institutionId: string;
      registered: boolean;
      records: { seq: number; ok: boolean; codes: string[]; serialHex?: string }[];
      /** Codes of file-level errors (a refused file; absent in logs written before they were recorded). */
      fileCodes?: string[];
    }
  | { type: 'application-accepted'; application: Application }
  | { type: 'issued'; certificate: CertificateRecord }
  | { type: 'token-created'; token: DownloadToken }
  | { type: 'downloaded'; token: string; applicationIds: string[]; serialsHex: string[] }
  | { type: 'revoked'; serialHex: string; reason: RevocationReasonCode; comment: string; uploadId: string }
  | { type: 'reminder-sent'; serialHex: string }
  | { type: 'mailed'; mail: Mail }
  | { type: 'crl-published'; caId: CaRole; number: number; thisUpdate: string; nextUpdate: string; fileId: string }
  | { type: 'clock-advanced'; days: number; offsetMs: number }
  | { type: 'operator-certificate-issued'; certificate: OperatorCertificate }
  | { type: 'operator-certificate-revoked'; serialHex: string }
  | { type: 'ra-login'; serialHex: string; subject: string }
  | { type: 'ra-login-refused'; reason: string; subject: string }
  | { type: 'ra-logout'; serialHex: string; subject: string }
  | { type: 'administrator-updated'; institutionId: string; oldMail: string; name: string; mail: string };

export type RaEvent = Base & RaEventBody;
export type RaEventType = RaEvent['type'];
