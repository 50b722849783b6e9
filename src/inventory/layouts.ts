// The RA's download files as data: which header names mean which field, how to tell the list kinds apart,
// and where the known columns sit when a real file's header names are not ours (ADDENDUM A; docs/ra-files.md).
import type { Text } from '../spec/types';
import type { CertFacts } from './types';

/** A field of CertFacts read as text, or how a column is read: 'ignore' columns are read and dropped (the CSR is
 * long and not needed; an access PIN is a secret and is never kept). */
export type ListField =
  | Exclude<keyof CertFacts, 'extra' | 'dnsNames' | 'kind' | 'raStatus' | 'cn' | 'issuer' | 'keyAlgorithm' | 'rsaBits' | 'spkiSha256'>
  | 'dnsNames' | 'kindLabel' | 'raStatus' | 'serialHex' | 'serialAny' | 'ignore';

/**
 * Header text → field. The simulator's headers (src/ra/files/layouts.ts) and the spellings a real file may use
 * (with or without 「発行・更新申請-」, full-width parentheses). Compared after normalize().
 */
export const HEADER_FIELDS: Readonly<Record<string, ListField>> = {
  '主体者DN': 'dn',
  '状態': 'raStatus',
  'ステータス': 'raStatus',
  '証明書種別': 'kindLabel',
  '証明書プロファイルID': 'profile',
  'プロファイルID': 'profile',
  '発行・更新申請-申請ID': 'applicationId',
  '申請ID': 'applicationId',
  '発行・更新申請-シリアル番号': 'serialDecimal',
  'シリアル番号': 'serialAny',
  'シリアル番号(16進)': 'serialHex',
  '発行・更新申請-日時': 'appliedAt',
  '申請日時': 'appliedAt',
  '有効期間開始': 'notBefore',
  '有効期間開始日': 'notBefore',
  '有効期間終了': 'notAfter',
  '有効期間終了日': 'notAfter',
  '有効期限': 'notAfter',
  '取得-日時': 'downloadedAt',
  '取得日時': 'downloadedAt',
  '失効-日時': 'revokedAt',
  '失効日時': 'revokedAt',
  '失効理由': 'revocationReason',
  '利用管理者氏名': 'adminName',
  '利用管理者所属': 'adminDept',
  '利用管理者メールアドレス': 'adminMail',
  '利用管理者mail': 'adminMail',
  '利用管理者FQDN': 'fqdn',
  'FQDN': 'fqdn',
  'ソフトウェア名・バージョン': 'software',
  'dNSName': 'dnsNames',
  '更新元シリアル番号': 'renewsSerialDecimal',
  'CSR': 'ignore',
  '証明書': 'certDerB64',
  '利用者氏名': 'userName',
  '利用者メールアドレス': 'userMail',
  '利用者mail': 'userMail',
  '利用者所属': 'userDept',
  'P12ダウンロードファイル名': 'p12Name',
  'P12ファイル名': 'p12Name',
  'ダウンロード方法': 'method',
  'アクセスPIN': 'ignore',
};

/** Full-width ASCII → half-width, spaces dropped: 「シリアル番号（16進）」 and 「シリアル番号(16進)」 are one header. */
export function normalizeHeader(h: string): string {
  return h.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
}

const NORMALIZED: ReadonlyMap<string, ListField> = new Map(Object.entries(HEADER_FIELDS).map(([h, f]) => [normalizeHeader(h), f]));

export function fieldOfHeader(header: string): ListField | undefined {
  return NORMALIZED.get(normalizeHeader(header));
}

export type ListKind = 'server-list' | 'client-list' | 'all-list' | 'pin-file' | 'client-txt' | 'statistics' | 'ou-allow-list';

export interface ListKindDef {
  id: ListKind;
  title: Text;
  /** File names the RA gives it (lower case). */
  fileNames: readonly string[];
  /** True when the headers (normalized) say it is this kind. */
  matches: (headers: ReadonlySet<string>) => boolean;
  /** Leading columns known by position (ADDENDUM A), for a real file whose header names differ from ours. */
  positions?: Readonly<Record<number, ListField>>;
  /** Lists without certificates: read, named, nothing added. */
  noCertificates?: boolean;
  kind?: 'server' | 'client';
}

const has = (h: ReadonlySet<string>, ...names: string[]) => names.every((n) => h.has(normalizeHeader(n)));

/** Order matters: the first match wins (the all-certificate list also has server-only columns). */
export const LIST_KINDS: readonly ListKindDef[] = [
  { id: 'statistics', title: { ja: '発行証明書統計', en: 'issued-certificate statistics' }, fileNames: ['statistics.txt'], matches: (h) => has(h, 'ドメイン', '合計'), noCertificates: true },
  { id: 'ou-allow-list', title: { ja: '許可リスト', en: 'OU allow-list' }, fileNames: ['ouallowlist.txt'], matches: (h) => has(h, 'ドメイン', 'OU'), noCertificates: true },
  {
    id: 'pin-file',
    title: { ja: 'アクセスPINファイル', en: 'access-PIN file' },
    fileNames: ['clientpin.txt', 'clientallpin.txt'],
    matches: (h) => has(h, 'アクセスPIN'),
    positions: { 0: 'userName', 1: 'userMail', 2: 'ignore', 3: 'dn' },
    kind: 'client',
  },
  {
    id: 'client-txt',
    title: { ja: '証明書情報ファイル client.txt', en: 'certificate information file client.txt' },
    fileNames: ['client.txt'],
    matches: (h) => has(h, 'P12ファイル名') && !has(h, '状態'),
    positions: { 0: 'serialAny', 1: 'userName', 2: 'userMail', 3: 'dn' },
    kind: 'client',
  },
  { id: 'all-list', title: { ja: '全証明書情報一括ダウンロード', en: 'all-certificate list' }, fileNames: ['allcertificatelist.txt'], matches: (h) => has(h, '証明書種別', '主体者DN') },
  {
    id: 'server-list',
    title: { ja: 'サーバ証明書 証明書情報一括ダウンロード', en: 'server certificate list' },
    fileNames: ['servercertificatelist.txt'],
    matches: (h) => has(h, '主体者DN') && (has(h, 'dNSName') || has(h, '利用管理者FQDN') || has(h, 'CSR')),
    kind: 'server',
  },
  {
    id: 'client-list',
    title: { ja: 'クライアント証明書 証明書情報一括ダウンロード', en: 'client certificate list' },
    fileNames: ['clientcertificatelist.txt'],
    matches: (h) => has(h, '主体者DN') && (has(h, '利用者メールアドレス') || has(h, 'ダウンロード方法')),
    // ADDENDUM A: 主体者DN in column 4, 利用者メールアドレス in column 15.
    positions: { 3: 'dn', 14: 'userMail' },
    kind: 'client',
  },
];

/** 状態 codes (ADDENDUM A) and the words a file may carry instead. */
export const RA_STATUS: Readonly<Record<string, '4' | '5' | '6' | '7'>> = {
  '4': '4', '取得待ち': '4',
  '5': '5', '発行済み': '5', '発行済': '5',
  '6': '6', '更新済み': '6', '更新済': '6',
  '7': '7', '失効済み': '7', '失効済': '7', '失効': '7',
};

export const KIND_LABELS: Readonly<Record<string, 'server' | 'client'>> = {
  'サーバ証明書': 'server',
  'サーバー証明書': 'server',
  'クライアント証明書': 'client',
  'S/MIME証明書': 'client',
};
