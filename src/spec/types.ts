// Types that describe the UPKI TSV formats as data (SPEC §4, §5).
// Everything that reads a TSV — codec, validator, builder forms, CSV import, docs — reads these.

export type Family = 'server' | 'client';
export type Action = 'issue' | 'renew' | 'revoke';
export type KindId =
  | 'server-issue'
  | 'server-renew'
  | 'server-revoke'
  | 'client-issue'
  | 'client-renew'
  | 'client-revoke';

export const KIND_IDS: readonly KindId[] = [
  'server-issue',
  'server-renew',
  'server-revoke',
  'client-issue',
  'client-renew',
  'client-revoke',
];

/** Japanese first, English beside it. */
export interface Text {
  ja: string;
  en: string;
}

/** The logical meaning of a column, independent of its position in a given kind. */
export type FieldKey =
  | 'dn'
  | 'profile'
  | 'method'
  | 'serial'
  | 'reason'
  | 'reasonComment'
  | 'csr'
  | 'adminName'
  | 'adminDept'
  | 'adminMail'
  | 'fqdn'
  | 'software'
  | 'dnsNames'
  | 'userName'
  | 'p12Name'
  | 'userDept'
  | 'userMail'
  | 'pin'
  | 'blank';

/** ○ required, △ optional, blank 「空白」 (must be empty, ADDENDUM B.1), or required only under a condition (○※/△ with a remark). */
export type Requirement = 'required' | 'optional' | 'blank' | 'conditional';

/** What characters a column may hold (SPEC §0.4, refined per column by SPEC §3, §5). */
export type CharClassId =
  | 'dn' // 主体者DN: per-attribute rules in spec/dn-rules
  | 'digits' // 半角数字 (profile, method, reason)
  | 'serial' // decimal or 0x-hex (R-SERIAL, ADDENDUM B.3)
  | 'mail' // ADDENDUM B.2
  | 'csr' // one-line base64 PKCS#10 (R-CSR)
  | 'fqdn' // server FQDN
  | 'dnsNames' // dNSName=…,dNSName=…
  | 'jis' // 全角、半角: JIS X 0208:1997 + JIS X 0201
  | 'p12Name' // P12 download file name
  | 'pin' // access PIN
  | 'empty'; // blank column

export interface ColumnSpec {
  /** 1-based column number. */
  no: number;
  field: FieldKey;
  name: Text;
  required: Requirement;
  /** The condition, in words, when required is 'conditional' (e.g. 「プロファイル5かつ方法2のときのみ任意」). */
  requiredNote?: Text;
  charClass: CharClassId;
  /** Maximum size in characters (サイズ（文字数）); 0 for blank columns. */
  maxLength: number;
  /** Allowed values, when the column is an enumeration. */
  values?: readonly string[];
  /** A short help text for forms and docs, from the spec. */
  help: Text;
  example?: string;
}

export interface KindSpec {
  id: KindId;
  family: Family;
  action: Action;
  /** Manual section, e.g. '5-3-1'. */
  section: string;
  title: Text;
  columnCount: 13 | 15;
  columns: readonly ColumnSpec[];
  /** Records per file (SPEC §4.3). */
  maxRecords: number;
  /** Records per file with download method 2 (client issue and renew, ADDENDUM B.11). */
  maxRecordsBulk?: number;
}

export type ProfileType = 'server-rsa' | 'server-ecc' | 'client-auth' | 'smime';

export type KeySpec = { algorithm: 'RSA'; bits: 2048 } | { algorithm: 'EC'; curve: 'P-384' };

export interface ProfileSpec {
  id: string; // '3', '11', '5', '7', '13', '14', '15', '16'
  family: Family;
  type: ProfileType;
  title: Text;
  /** Key the CSR (server) or the generated key (client) must have. */
  key: KeySpec;
  /** Allowed CSR signature algorithm names (server profiles only), as in SPEC §2.1. */
  csrSignatureAlgorithms?: readonly string[];
  /** Signature algorithm of the issued certificate. */
  certSignatureAlgorithm: 'sha256WithRSAEncryption' | 'ecdsa-with-SHA384';
}

/**
 * One step of a profile's validity period: applies to certificates issued at or after `fromJst`
 * (ISO 8601 with +09:00, ADDENDUM B.4) until the next step. Exactly one of months/days is set.
 */
export interface ValidityRule {
  fromJst?: string;
  months?: number;
  days?: number;
  /** 'manual' when quoted from SPEC §2.2; 'derived' when the manuals are silent (SPEC §12.23). */
  source: 'manual' | 'derived';
  note?: Text;
}

export interface ProfileValidity {
  /** Ordered oldest first; the last rule whose fromJst is not after the issue time applies. */
  validity: readonly ValidityRule[];
}

/** DN attribute keys as written in TSV column 1 (same union as pki/dn's DnKey; spec must not import pki). */
export type DnAttributeKey = 'CN' | 'OU' | 'O' | 'L' | 'ST' | 'C' | 'E';
