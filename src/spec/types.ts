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
