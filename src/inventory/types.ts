// The inventory's model: what one source file says about a certificate, and the merged row per certificate.
import type { Text } from '../spec/types';

/** Server or client (client authentication) or S/MIME; unknown when a source does not say. */
export type CertKind = 'server' | 'client' | 'smime' | 'unknown';

/** The RA's 状態 (ADDENDUM A: 4 取得待ち, 5 発行済み, 6 更新済み, 7 失効済み) plus what the dates say. */
export type InventoryStatus = 'pending' | 'valid' | 'renewed' | 'revoked' | 'expired' | 'unknown';

/** The fields a source may give. Every one is optional: lists differ, certificates carry only some. */
export interface CertFacts {
  dn?: string;
  cn?: string;
  kind?: CertKind;
  profile?: string;
  /** Decimal serial without leading zeros. */
  serialDecimal?: string;
  applicationId?: string;
  raStatus?: '4' | '5' | '6' | '7';
  appliedAt?: string;
  notBefore?: string; // ISO 8601 UTC
  notAfter?: string;
  downloadedAt?: string;
  revokedAt?: string;
  revocationReason?: string;
  adminName?: string;
  adminDept?: string;
  adminMail?: string;
  fqdn?: string;
  software?: string;
  dnsNames?: string[];
  renewsSerialDecimal?: string;
  userName?: string;
  userMail?: string;
  userDept?: string;
  p12Name?: string;
  method?: string;
  issuer?: string;
  keyAlgorithm?: string;
  rsaBits?: number;
  spkiSha256?: string;
  /** The certificate itself, base64 DER, when a source holds it (a list's 証明書 column, a PEM, a P12). */
  certDerB64?: string;
  /** Columns this tool does not know: header → value, kept and shown. */
  extra?: Record<string, string>;
}

/** One record read from one file. */
export interface SourceRecord extends CertFacts {
  source: string;
}

/** What reading a file gave: records, or a clear message why not, and notes (unknown columns, skipped rows). */
export interface ReadResult {
  file: string;
  /** e.g. 'server-list', 'pem', 'p12', 'statistics' (no certificates), 'zip'. */
  format: string;
  encoding?: string;
  records: SourceRecord[];
  notes: Text[];
  error?: Text;
}

/** One row of the merged inventory: one certificate (or one application still waiting for its certificate). */
export interface InventoryEntry extends CertFacts {
  id: string;
  kind: CertKind;
  status: InventoryStatus;
  /** The file names this row was read from. */
  sources: string[];
}

export interface Warning {
  code: 'shared-key' | 'san-changed' | 'retired-profile' | 'retired-ca' | 'weak-rsa';
  entryIds: string[];
  message: Text;
}
