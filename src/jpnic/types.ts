// The JPNIC service's domain values and its append-only event log (the source of truth, as in src/ra).
import type { Mail } from '../sim';
import type { JpnicCaId, ManagerProfile } from './rules';

export interface JpnicCa {
  id: JpnicCaId;
  name: string;
  certDerB64: string;
  /** Secret id of its wrapped PKCS#8 key. */
  keyRef: string;
}

/** One certificate the CA issued: the 資源管理者証明書 or a 資源申請者証明書. */
export interface JpnicCertificate {
  serialHex: string;
  serialDecimal: string;
  kind: 'manager' | 'applicant';
  /** 証明書認証ID of the applicant account (undefined for the manager's). */
  accountId?: string;
  name: string;
  email: string;
  subject: string;
  certDerB64: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER, hex: the browser store's certificate is matched by it at login. */
  sha256: string;
  revokedAt?: string;
  revocationReason?: number;
}

/** A 資源申請者 account (証明書認証ID). Registering is not issuing. */
export interface JpnicAccount {
  accountId: string;
  userName: string;
  registeredAt: string;
  deletedAt?: string;
  /** Serials of every certificate issued to it, oldest first. */
  serials: string[];
}

export type LicensePurpose = 'issue' | 'reissue';

/** One license ID handed out by 発行 or 再発行. The blocks are kept because the trainer's view replays them. */
export interface License {
  licenseId: string; // internal id (L000001), not the secret
  accountId: string;
  purpose: LicensePurpose;
  name: string;
  email: string;
  blocks: string[];
  createdAt: string;
  expiresAt: string;
  /** 再発行: the serial of the certificate the new one replaces. */
  replacesSerialHex?: string;
  /** 再発行: the serial the new certificate will carry, shown on 「証明書更新」 for the manager to pass on. */
  newSerialHex?: string;
  usedAt?: string;
  /** Set when a newer license for the same account replaced it before use. */
  supersededAt?: string;
  /** Serial of the certificate fetched with it. */
  serialHex?: string;
}

interface Base {
  seq: number;
  at: string;
}

export type JpnicEventBody =
  | { type: 'jpnic-initialized'; manager: ManagerProfile; cas: JpnicCa[] }
  | { type: 'jpnic-certificate-issued'; certificate: JpnicCertificate; licenseId?: string }
  | { type: 'jpnic-account-registered'; account: { accountId: string; userName: string } }
  | { type: 'jpnic-account-deleted'; accountId: string }
  | { type: 'jpnic-license-created'; license: License }
  | { type: 'jpnic-serial-reserved'; accountId: string; serialHex: string }
  | { type: 'jpnic-license-refused'; reason: string }
  | { type: 'jpnic-revoked'; serialHex: string; reason: number }
  | { type: 'jpnic-crl-published'; number: number; thisUpdate: string; nextUpdate: string; fileId: string }
  | { type: 'jpnic-mailed'; mail: Mail }
  | { type: 'jpnic-clock-advanced'; days: number; offsetMs: number };

export type JpnicEvent = Base & JpnicEventBody;

/** What an operation refused, for the screen: errors are values. */
export type Refusal = { ok: false; code: string; message: { ja: string; en: string } };
export type Outcome<T> = ({ ok: true } & T) | Refusal;
