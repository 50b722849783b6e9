// Column layouts of the files the simulated RA writes. Known real columns sit where ADDENDUM A puts
// them (PIN files start name, mail, PIN, DN; client.txt starts serial, name, mail, DN; the client
// list has 主体者DN in column 4 and 利用者メールアドレス in column 15). The rest is ours: docs/ra-files.md.
import { formatDnsNames } from '../../spec/dns-names';
import { CERT_STATUS, type Application, type CertificateRecord } from '../types';
import { certificateStatus } from '../state';
import { jstDateTime } from '../clock';
import { REVOCATION_REASONS } from '../../spec/profiles';
import { tsvText, shiftJis, tableFile, type FileColumn } from './tsv-file';
import { serialHexToDecimal } from '../row';

/** An application with its certificate, when one was issued (method 3 waits for the user's key). */
export interface ListedApplication {
  app: Application;
  cert?: CertificateRecord;
}

/** A row of a PIN file: one per client application. */
export interface PinRow {
  app: Application;
  pin: string;
  serialHex?: string;
}

const time = (iso: string | undefined) => (iso ? jstDateTime(new Date(iso)) : '');
const decimal = (hex: string | undefined) => (hex ? serialHexToDecimal(hex) : '');
const status = (l: ListedApplication) => (l.cert ? String(certificateStatus(l.cert)) : '4');
const reasonName = (c: CertificateRecord | undefined) =>
  c?.revocationReason === undefined ? '' : `${c.revocationReason}:${REVOCATION_REASONS[String(c.revocationReason) as '0'].name.ja}`;
const hexSerial = (l: ListedApplication) => (l.cert ? `0x${l.cert.serialHex.toUpperCase()}` : '');
/** Server rows only: client keys are made by the engine or the browser, without a CSR in the file. */
const csr = (l: ListedApplication) => l.app.csr ?? '';
/** One-line base64 DER, as the CSR column is written. */
const certificate = (l: ListedApplication) => l.cert?.certDerB64 ?? '';
/** P12 file name: column 12, else the CN (SPEC §5.4; also for method 2, where the manual is silent). */
export function p12FileName(app: Application): string {
  return `${safeFileName(app.p12Name || cnOf(app.dn))}.p12`;
}

/** Characters Windows refuses in file names become '_'. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_').trim() || 'certificate';
}

export function cnOf(dn: string): string {
  return /^CN=(.*?)(?:,(?:OU|[OLC]|ST)=|$)/i.exec(dn)?.[1] ?? '';
}

export const PIN_FILE_COLUMNS: readonly FileColumn<PinRow>[] = [
  { header: '利用者氏名', value: (r) => r.app.userName },
  { header: '利用者メールアドレス', value: (r) => r.app.userMail },
  { header: 'アクセスPIN', value: (r) => r.pin },
  { header: '主体者DN', value: (r) => r.app.dn },
  { header: 'シリアル番号', value: (r) => decimal(r.serialHex) },
  { header: 'P12ダウンロードファイル名', value: (r) => (r.app.method === '3' ? '' : p12FileName(r.app)) },
  { header: '証明書プロファイルID', value: (r) => r.app.profile },
  { header: '利用者所属', value: (r) => r.app.userDept },
  { header: '申請ID', value: (r) => r.app.id },
];

export interface ClientTxtRow {
  app: Application;
  cert: CertificateRecord;
  /** Name of the P12 inside clientAll.zip. */
  fileName: string;
}

export const CLIENT_TXT_COLUMNS: readonly FileColumn<ClientTxtRow>[] = [
  { header: 'シリアル番号', value: (r) => r.cert.serialDecimal },
  { header: '利用者氏名', value: (r) => r.app.userName },
  { header: '利用者メールアドレス', value: (r) => r.app.userMail },
  { header: '主体者DN', value: (r) => r.app.dn },
  { header: 'P12ファイル名', value: (r) => r.fileName },
  { header: '証明書プロファイルID', value: (r) => r.app.profile },
  { header: '有効期間開始', value: (r) => time(r.cert.notBefore) },
  { header: '有効期間終了', value: (r) => time(r.cert.notAfter) },
  { header: '利用者所属', value: (r) => r.app.userDept },
  { header: '申請ID', value: (r) => r.app.id },
];

/** RA download ②: サーバ証明書 証明書情報一括ダウンロード. */
export const SERVER_LIST_COLUMNS: readonly FileColumn<ListedApplication>[] = [
  { header: '主体者DN', value: (l) => l.app.dn },
  { header: '状態', value: status },
  { header: '証明書プロファイルID', value: (l) => l.app.profile },
  { header: '発行・更新申請-申請ID', value: (l) => l.app.id },
  { header: '発行・更新申請-シリアル番号', value: (l) => l.cert?.serialDecimal ?? '' },
  { header: '発行・更新申請-日時', value: (l) => time(l.app.at) },
  { header: '有効期間開始', value: (l) => time(l.cert?.notBefore) },
  { header: '有効期間終了', value: (l) => time(l.cert?.notAfter) },
  { header: '取得-日時', value: (l) => time(l.cert?.downloadedAt) },
  { header: '失効-日時', value: (l) => time(l.cert?.revokedAt) },
  { header: '失効理由', value: (l) => reasonName(l.cert) },
  { header: '利用管理者氏名', value: (l) => l.app.adminName },
  { header: '利用管理者所属', value: (l) => l.app.adminDept },
  { header: '利用管理者メールアドレス', value: (l) => l.app.adminMail },
  { header: '利用管理者FQDN', value: (l) => l.app.fqdn },
  { header: 'ソフトウェア名・バージョン', value: (l) => l.app.software },
  { header: 'dNSName', value: (l) => formatDnsNames(l.app.dnsNames) },
  { header: '更新元シリアル番号', value: (l) => decimal(l.app.renewsSerialHex) },
  { header: 'シリアル番号(16進)', value: hexSerial },
  { header: 'CSR', value: csr },
  { header: '証明書', value: certificate },
];

/** RA download ④: クライアント証明書 証明書情報一括ダウンロード (column 4 and 15 fixed by ADDENDUM A). */
export const CLIENT_LIST_COLUMNS: readonly FileColumn<ListedApplication>[] = [
  { header: '発行・更新申請-申請ID', value: (l) => l.app.id },
  { header: '発行・更新申請-シリアル番号', value: (l) => l.cert?.serialDecimal ?? '' },
  { header: '状態', value: status },
  { header: '主体者DN', value: (l) => l.app.dn },
  { header: '証明書プロファイルID', value: (l) => l.app.profile },
  { header: 'ダウンロード方法', value: (l) => l.app.method ?? '' },
  { header: '発行・更新申請-日時', value: (l) => time(l.app.at) },
  { header: '有効期間開始', value: (l) => time(l.cert?.notBefore) },
  { header: '有効期間終了', value: (l) => time(l.cert?.notAfter) },
  { header: '利用管理者氏名', value: (l) => l.app.adminName },
  { header: '利用管理者所属', value: (l) => l.app.adminDept },
  { header: '利用管理者メールアドレス', value: (l) => l.app.adminMail },
  { header: '利用者氏名', value: (l) => l.app.userName },
  { header: '利用者所属', value: (l) => l.app.userDept },
  { header: '利用者メールアドレス', value: (l) => l.app.userMail },
  { header: 'P12ダウンロードファイル名', value: (l) => l.app.p12Name },
  { header: '取得-日時', value: (l) => time(l.cert?.downloadedAt) },
  { header: '失効-日時', value: (l) => time(l.cert?.revokedAt) },
  { header: '失効理由', value: (l) => reasonName(l.cert) },
  { header: '更新元シリアル番号', value: (l) => decimal(l.app.renewsSerialHex) },
  { header: 'シリアル番号(16進)', value: hexSerial },
  { header: '証明書', value: certificate },
];

/** RA download ⑥: 全証明書情報一括ダウンロード — both families, one row per application. */
export const ALL_LIST_COLUMNS: readonly FileColumn<ListedApplication>[] = [
  { header: '主体者DN', value: (l) => l.app.dn },
  { header: '状態', value: status },
  { header: '証明書種別', value: (l) => (l.app.family === 'server' ? 'サーバ証明書' : 'クライアント証明書') },
  { header: '証明書プロファイルID', value: (l) => l.app.profile },
  { header: '発行・更新申請-申請ID', value: (l) => l.app.id },
  { header: '発行・更新申請-シリアル番号', value: (l) => l.cert?.serialDecimal ?? '' },
  { header: '発行・更新申請-日時', value: (l) => time(l.app.at) },
  { header: '有効期間開始', value: (l) => time(l.cert?.notBefore) },
  { header: '有効期間終了', value: (l) => time(l.cert?.notAfter) },
  { header: '失効-日時', value: (l) => time(l.cert?.revokedAt) },
  { header: '失効理由', value: (l) => reasonName(l.cert) },
  { header: '利用管理者氏名', value: (l) => l.app.adminName },
  { header: '利用管理者メールアドレス', value: (l) => l.app.adminMail },
  { header: '利用者氏名', value: (l) => l.app.userName },
  { header: '利用者メールアドレス', value: (l) => l.app.userMail },
  { header: 'シリアル番号(16進)', value: hexSerial },
  { header: 'CSR', value: csr },
  { header: '証明書', value: certificate },
];

export function statusLabel(code: string): string {
  return CERT_STATUS[Number(code) as 4]?.ja ?? '';
}

export interface StatisticsRow {
  domain: string;
  type: string;
  counts: Record<4 | 5 | 6 | 7, number>;
}

export const STATISTICS_COLUMNS: readonly FileColumn<StatisticsRow>[] = [
  { header: 'ドメイン', value: (r) => r.domain },
  { header: '証明書種別', value: (r) => r.type },
  { header: '取得待ち', value: (r) => String(r.counts[4]) },
  { header: '発行済み', value: (r) => String(r.counts[5]) },
  { header: '更新済み', value: (r) => String(r.counts[6]) },
  { header: '失効済み', value: (r) => String(r.counts[7]) },
  { header: '合計', value: (r) => String(r.counts[4] + r.counts[5] + r.counts[6] + r.counts[7]) },
];

export const OU_ALLOW_LIST_COLUMNS: readonly FileColumn<{ domain: string; ou: string }>[] = [
  { header: 'ドメイン', value: (r) => r.domain },
  { header: 'OU', value: (r) => r.ou },
];

/**
 * The old-certificate revocation TSV attached to 「[UPKI] Webサーバ用証明書更新通知」 (SPEC §7.3):
 * an application file, so 5-3-3 exactly — 13 columns, no header. Reason 4 (superseded) is what a
 * replaced certificate is; comment and administrator mail are filled from the renewal.
 */
export function oldCertificateRevocationTsv(old: CertificateRecord, adminMail: string): Uint8Array {
  const cells = Array<string>(13).fill('');
  cells[0] = old.dn;
  cells[3] = old.serialDecimal;
  cells[4] = '4';
  cells[5] = '証明書更新に伴う旧証明書の失効';
  cells[9] = adminMail;
  return shiftJis(tsvText([cells]));
}

export function oldCertificateRevocationFileName(old: CertificateRecord): string {
  return `${old.serialDecimal}-${cnOf(old.dn)}.tsv`;
}

export { tableFile };
