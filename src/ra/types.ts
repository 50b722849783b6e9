// The simulated RA's domain values. They are derived from the event log (events.ts → state.ts).
import type { Family, KindId, Text } from '../spec/types';
import type { TrainingCaId } from '../pki/ca-profiles';

/** A participating institution as the サービス窓口 registered it (SPEC §3.1, §7.2, §9). */
export interface Institution {
  id: string;
  /** English institution name, the O of every DN. */
  o: string;
  st: string;
  l: string;
  /** Registered domains; a server FQDN (and an S/MIME mail domain) must equal one or end with "." + one. */
  domains: string[];
  /** Per-domain OUs allowed in server certificates before 2022-07-26 (ADDENDUM B.9): data for the download only. */
  ouAllowList: Record<string, string[]>;
  /** Last day (JST, inclusive) on which the approval to issue certificates holds: 'YYYY-MM-DD'. */
  approvalExpires: string;
  /** 登録担当者 (RA operator). */
  ra: Contact;
  /** 利用管理者 contacts the institution registered (informational; mails go to TSV column 10). */
  admins: Contact[];
  /** When false, every issue and renew application is refused with 215 (機関状態が無効); revocations still pass. */
  active: boolean;
  /** Trainer's fault injection per registered domain (SPEC §7.2's WHOIS messages, a domain the CA withdrew). */
  domainFaults?: Record<string, DomainFault>;
}

/** What the trainer can make go wrong for one domain at the next server issue or renewal. */
export type DomainFault = 'whois-connection' | 'whois-mismatch' | 'removed';

export interface Contact {
  name: string;
  mail: string;
  /** Romanized name (機関情報申請tsv 「登録担当者氏名の英字」, SPEC §10.4): the CN of the RA operator certificate. */
  nameEn?: string;
}

/** A 登録担当者用証明書 (SPEC §10): not a TSV application, so kept apart from the institution's lists. */
export interface OperatorCertificate {
  serialHex: string;
  serialDecimal: string;
  institutionId: string;
  subject: string;
  certDerB64: string;
  notBefore: string;
  notAfter: string;
  issuedAt: string;
  /** The P12, prepared at registration and delivered by the URL after the PIN. */
  fileId: string;
  token: string;
  /** Renewal (SPEC §10.2): the certificate this one replaces; the old one stays valid until it expires or is revoked. */
  renewsSerialHex?: string;
  /** Revoked (lost device): logins with it are refused and the RA operator CA's CRL lists it. */
  revokedAt?: string;
}

export type CaRole = TrainingCaId;

export interface CaRecord {
  id: CaRole;
  name: string;
  /** Issuer CA id; the root names itself. */
  parent: CaRole;
  certDerB64: string;
  /** Secret id of its wrapped PKCS#8 private key. */
  keyRef: string;
  keyAlgorithm: 'RSA' | 'EC';
}

/** 状態 in the RA's all-certificate download (ADDENDUM A). */
export type CertStatusCode = 4 | 5 | 6 | 7;
export const CERT_STATUS: Record<CertStatusCode, Text> = {
  4: { ja: '取得待ち', en: 'awaiting download' },
  5: { ja: '発行済み', en: 'issued' },
  6: { ja: '更新済み', en: 'renewed' },
  7: { ja: '失効済み', en: 'revoked' },
};

/** One accepted row of an issue or renew upload (申請). Method 3 rows get their certificate later. */
export interface Application {
  id: string; // 申請ID, e.g. 'A000012'
  uploadId: string;
  seq: number;
  kind: KindId;
  family: Family;
  institutionId: string;
  at: string; // ISO time of acceptance
  dn: string; // TSV column 1 as written
  profile: string;
  method?: '1' | '2' | '3';
  adminName: string;
  adminDept: string;
  adminMail: string;
  userName: string;
  userDept: string;
  userMail: string;
  p12Name: string;
  fqdn: string;
  software: string;
  dnsNames: string[];
  /** Base64 PKCS#10 of server rows (kept for the information download, SPEC §9.2 use 3). */
  csr?: string;
  renewsSerialHex?: string;
  p12Format: P12Format;
}

export type P12Format = 'modern' | 'legacy';

export interface CertificateRecord {
  serialHex: string;
  serialDecimal: string;
  applicationId: string;
  family: Family;
  profile: string;
  caId: CaRole;
  institutionId: string;
  /** TSV-form DN (column 1) the application gave; S/MIME certificates carry only CN (SPEC §3.4). */
  dn: string;
  certDerB64: string;
  notBefore: string;
  notAfter: string;
  spkiSha256: string;
  issuedAt: string;
  downloadedAt?: string;
  renewedBySerialHex?: string;
  revokedAt?: string;
  revocationReason?: RevocationReasonCode;
  revocationComment?: string;
  /** Set when the old-certificate reminder (SPEC §8 M4) was sent; it is sent once. */
  reminderSentAt?: string;
}

export type RevocationReasonCode = 0 | 1 | 3 | 4 | 5;

export type TokenPurpose = 'server-cert' | 'pin' | 'client-cert' | 'client-all' | 'ra-operator';

/** A one-time URL's secret part (SPEC §8: valid one month from sending). */
export interface DownloadToken {
  token: string;
  purpose: TokenPurpose;
  uploadId: string;
  /** Applications the URL serves. */
  applicationIds: string[];
  createdAt: string;
  expiresAt: string;
  /** For client-cert / client-all: the PIN token that must be used first (ADDENDUM A). */
  requiresToken?: string;
  usedAt?: string;
  /** Method 3: SHA-256 (hex) of the access PIN the user must enter before the browser key is accepted. */
  pinSha256?: string;
  /** File ids delivered by the URL, when they are prepared at upload (PIN zips, clientAll.zip, P12). */
  fileIds: string[];
  /** RA operator renewal URL (M11): opened by authenticating with this current certificate instead of a PIN. */
  renewsSerialHex?: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  fileId: string;
}

export interface Mail {
  id: string;
  at: string;
  to: string[];
  subject: string;
  body: string;
  attachments: MailAttachment[];
  /** SPEC §8 "signed" column: the real system signs these; the simulator only marks them. */
  signed: boolean;
}

export type ErrorMode = 'abort' | 'valid-only';

export interface RaError {
  column: number;
  /** Column name (ja) as the RA prints it in `code:column,name,message`. */
  columnName: string;
  code: string;
  message: Text;
}

export interface RecordResult {
  seq: number;
  ok: boolean;
  errors: RaError[];
  serialHex?: string;
  serialDecimal?: string;
  applicationId?: string;
  /** RA line per error, `code:column,name,message` (ADDENDUM A). */
  lines: string[];
  /** Client rows: the result table's 機関名 / 所属名 / 氏名 / メールアドレス (ADDENDUM A). */
  applicant?: { o: string; dept: string; name: string; mail: string };
}

export interface UploadResult {
  uploadId?: string;
  kind: KindId;
  mode: ErrorMode;
  ok: boolean;
  /** Nothing was registered (abort mode with an error, or a file-level error). */
  registered: boolean;
  fileErrors: RaError[];
  /** File-level errors as RA lines (`code:message`). */
  fileLines: string[];
  records: RecordResult[];
  /** Screen title and text of the completion or error screen (ADDENDUM A, SPEC §7.2). */
  screen: { title: Text; lines: Text[]; help?: Text[]; notes?: Text[] };
}
