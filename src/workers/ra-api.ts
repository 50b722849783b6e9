// The contract between the RA page and the worker that runs the engine: what the page may ask
// (RaApi), the messages on the wire (request id → result; progress events for uploads), and the
// plain view of the RA state the page renders. Everything here survives structured clone.
import type { Family, KindId, Text } from '../spec/types';
import type { AuditLine, DownloadResult, LoginResult, OperatorActionResult, RenewalResult, RestoreResult } from '../ra';
import type {
  CertStatusCode,
  CaRole,
  ErrorMode,
  Institution,
  Mail,
  P12Format,
  TokenPurpose,
  UploadResult,
} from '../ra/types';
import type { UploadSummary } from '../ra/state';
import type { CertificateListKind } from '../ra/reports';
import type { RaEvent } from '../ra/events';

export interface UploadRequest {
  bytes: Uint8Array;
  fileName: string;
  kind: KindId;
  mode: ErrorMode;
  p12Format: P12Format;
}

export interface CertificateView {
  serialHex: string;
  serialDecimal: string;
  family: Family;
  profile: string;
  caId: CaRole;
  dn: string;
  status: CertStatusCode;
  notBefore: string;
  notAfter: string;
  issuedAt: string;
  applicationId: string;
}

/** State of a one-time URL as the page shows it next to the link. */
export type LinkState = 'open' | 'used' | 'expired' | 'pins-first' | 'unknown';

export interface LinkView {
  label: string;
  url: string;
  token: string;
  purpose?: TokenPurpose;
  state: LinkState;
  /** Method 3 (and the RA operator URL): the access PIN must be entered. */
  needsPin: boolean;
  /** RA operator renewal URL: opened by presenting this current certificate instead of a PIN. */
  renewsSerialHex?: string;
  /** Method 3: the application's P12 file name (the user's page names the P12 after it). */
  p12Name?: string;
}

export interface MailView extends Mail {
  links: LinkView[];
  /** CN (a server's FQDN) of the one certificate the mail is about; absent when it names none or several. */
  certificateCn?: string;
}

export interface CrlView {
  caId: CaRole;
  number: number;
  nextUpdate: string;
}

/** A 登録担当者用証明書 as the desk's and the trainer's screens list it. */
export interface OperatorCertificateView {
  serialHex: string;
  serialDecimal: string;
  institutionId: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  revokedAt?: string;
  renewsSerialHex?: string;
  /** DER, for the simulated browser store. */
  certificateDer: Uint8Array;
}

/** One page of the certificate list: the worker filters, sorts and slices; the page renders only these rows. */
export interface CertificateQuery {
  family?: Family;
  /** Case-insensitive part of the subject DN (CN, OU …), or of the serial number in decimal or hex (0x optional). */
  filter?: string;
  /** Issuance order: 'newest' (the default) or 'oldest' first. */
  sort?: 'newest' | 'oldest';
  /** 0-based; a page past the end gives the last page. */
  page: number;
  pageSize: number;
}

export interface CertificatePage {
  items: CertificateView[];
  /** Certificates matching the query (all pages). */
  total: number;
  /** The page actually returned (after clamping). */
  page: number;
}

/** 発行証明書統計照会 on screen: per domain, profile and month of issue (JST), by 状態. */
export interface CertificateStatRow {
  domain: string;
  profile: string;
  month: string;
  counts: Record<CertStatusCode, number>;
}

export interface RaView {
  /** Simulated now (ISO). */
  now: string;
  clockOffsetDays: number;
  institutions: Institution[];
  /** How many certificates of each family were issued; the rows themselves come a page at a time (`certificatePage`). */
  certificateCounts: Record<Family, number>;
  /** Newest first. */
  mails: MailView[];
  uploads: UploadSummary[];
  crls: CrlView[];
  operatorCertificates: OperatorCertificateView[];
}

export interface NamedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export type SaveInstitutionResult = { ok: true; institution: Institution } | { ok: false; error: Text };

/** What the page can ask the worker. `upload` also streams progress; it is cancelled by terminating the worker. */
export interface RaApi {
  view(): Promise<RaView>;
  /** One page of issued certificates (at 100 000 certificates the view cannot carry them all). */
  certificatePage(query: CertificateQuery): Promise<CertificatePage>;
  /** The statistics screen's rows, computed where the certificates are. */
  certificateStatistics(): Promise<CertificateStatRow[]>;
  upload(request: UploadRequest): Promise<UploadResult>;
  /** Open a mailed one-time URL (the simulated download); `pin` for the URLs that ask for it. */
  openLink(token: string, pin?: string): Promise<DownloadResult>;
  attachment(fileId: string, fileName: string, contentType: string): Promise<NamedFile>;
  certificateList(kind: CertificateListKind): Promise<NamedFile>;
  statistics(): Promise<NamedFile>;
  ouAllowList(): Promise<NamedFile>;
  crl(caId: CaRole, form: 'der' | 'pem'): Promise<NamedFile>;
  chain(): Promise<NamedFile>;
  /** One issued certificate as PEM, `<serial decimal>.pem`. */
  certificate(serialHex: string): Promise<NamedFile>;
  /** A server certificate's install kit (chain file, nginx/Apache snippets, IIS notes, checks): a zip (ra/install.ts). */
  installKit(serialHex: string): Promise<NamedFile>;
  /** Every CRL (the root's included) as PEM in one file: nginx `ssl_crl`, Apache `SSLCARevocationFile`. */
  crlAll(): Promise<NamedFile>;
  advanceClock(days: number): Promise<{ reminders: number; crls: number }>;
  saveInstitution(value: Institution): Promise<SaveInstitutionResult>;
  backup(passphrase: string): Promise<{ ok: true; file: NamedFile } | Extract<RestoreResult, { ok: false }>>;
  /** The snapshot stays in the worker: the page only needs to know whether it worked. */
  restore(bytes: Uint8Array, passphrase: string): Promise<{ ok: true } | Extract<RestoreResult, { ok: false }>>;
  reset(): Promise<void>;
  /** The event log in words, newest first, at most `limit` lines. */
  auditTrail(limit: number): Promise<AuditLine[]>;
  /**
   * The raw events with seq > `afterSeq`, oldest first, at most `limit` (the training player's checks read these; a
   * step looks only at what happened after it began, so the page never needs the whole log).
   */
  eventsSince(afterSeq: number, limit: number): Promise<RaEvent[]>;
  /** The newest event's seq (0 for an empty log): where a scenario started now begins to look. */
  lastSeq(): Promise<number>;
  // ---- the roles (src/ui/roles) ----
  /** A mail as an RFC 5322 .eml file. */
  eml(mailId: string): Promise<NamedFile>;
  raLogin(certificateDer: Uint8Array, subject: string): Promise<LoginResult>;
  raLogout(serialHex: string): Promise<void>;
  /** サービス窓口: register the RA operator; the PIN is what the desk hands over. */
  registerRaOperator(institutionId?: string): Promise<{ token: string; pin: string }>;
  startRaOperatorRenewal(serialHex: string): Promise<OperatorActionResult>;
  renewRaOperator(token: string, currentCertificateDer: Uint8Array): Promise<RenewalResult>;
  revokeRaOperator(serialHex: string): Promise<OperatorActionResult>;
  /** Method 3 from the user's page: the page's own public key; the chain (issuing CA, root) for its P12. */
  issueBrowserCertificate(token: string, pin: string, spkiDer: Uint8Array): Promise<{ result: DownloadResult; chainDer: Uint8Array[] }>;
  updateAdministrator(oldMail: string, next: { name: string; mail: string }): Promise<{ ok: true } | { ok: false; error: Text }>;
  /** 利用管理者 → 登録担当者: the TSV file by (simulated) mail. */
  sendApplicationToRa(fileName: string, bytes: Uint8Array, from: { name: string; mail: string }): Promise<void>;
}

export type RaMethod = keyof RaApi;

export type RaRequest = { [M in RaMethod]: { id: number; method: M; args: Parameters<RaApi[M]> } }[RaMethod];

export type RaReply =
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; done: number; total: number };
