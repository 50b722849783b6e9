// Reusable builders of valid TSV rows and files, for unit tests, the UI's examples, e2e and benchmarks.
// Every builder returns a row that passes validation; override fields to make it fail in one known way.
import { createCsr, csrToOneLine } from '../pki/csr';
import { formatDnString, parseDnString, type Rdn } from '../pki/dn';
import { KINDS } from '../spec/kinds';
import type { FieldKey, KindId } from '../spec/types';
import { encodeTsv, formatTsv } from './codec';
import type { Issue } from './types';
import { validateRecords } from './validate';

export type RowFields = Partial<Record<Exclude<FieldKey, 'blank'>, string>>;

export const SERVER_DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
export const CLIENT_DN = 'CN=KOKURITSU HANAKO,OU=12345678,OU=Cyber Science Infrastructure Development Department,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

/** A row of `kind` with the given fields in their columns (blank columns stay empty). */
export function buildRow(kind: KindId, fields: RowFields): string[] {
  return KINDS[kind].columns.map((c) => (c.field === 'blank' ? '' : (fields[c.field] ?? '')));
}

const SERVER_BASE: RowFields = {
  dn: SERVER_DN,
  profile: '3',
  csr: '', // fill with a real one (makeServerCsr) when the CSR rules matter
  adminName: '国立　太郎',
  adminDept: '学術基盤推進部基盤企画課',
  adminMail: 'admin@nii.ac.jp',
  fqdn: 'www.nii.ac.jp',
  software: 'apache2.4',
  dnsNames: '',
};

export function serverIssueRow(fields: RowFields = {}): string[] {
  return buildRow('server-issue', { ...SERVER_BASE, ...fields });
}

export function serverRenewRow(fields: RowFields = {}): string[] {
  return buildRow('server-renew', { ...SERVER_BASE, serial: '0x112210E261FEC92B', ...fields });
}

export function serverRevokeRow(fields: RowFields = {}): string[] {
  return buildRow('server-revoke', { dn: SERVER_DN, serial: '1234567812345678123', reason: '5', reasonComment: 'サーバ廃止のため', adminMail: '', ...fields });
}

const CLIENT_BASE: RowFields = {
  dn: CLIENT_DN,
  profile: '5',
  method: '1',
  adminName: '国立　太郎',
  adminDept: '学術基盤推進部基盤企画課',
  adminMail: 'admin@nii.ac.jp',
  userName: '国立　花子',
  p12Name: 'KOKURITSU HANAKO',
  userDept: '学術基盤推進部基盤企画課',
  userMail: 'hanako@nii.ac.jp',
  pin: '',
};

export function clientIssueRow(fields: RowFields = {}): string[] {
  return buildRow('client-issue', { ...CLIENT_BASE, ...fields });
}

export function clientRenewRow(fields: RowFields = {}): string[] {
  return buildRow('client-renew', { ...CLIENT_BASE, serial: '0x0123456789abcdef', ...fields });
}

export function clientRevokeRow(fields: RowFields = {}): string[] {
  return buildRow('client-revoke', { dn: CLIENT_DN, serial: '1234567890', reason: '0', reasonComment: '', adminMail: '', userMail: '', ...fields });
}

/** An S/MIME client row (profile 7 by default): CN = user mail, P12 name given, no PIN. */
export function smimeIssueRow(fields: RowFields = {}): string[] {
  const mail = fields.userMail ?? 'hanako@nii.ac.jp';
  return clientIssueRow({ dn: `CN=${mail},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`, profile: '7', userMail: mail, p12Name: 'hanako', ...fields });
}

/** `n` distinct client issue rows (different CN/OU and mail), e.g. for a 1000-row method-2 file. */
export function clientIssueRows(n: number, fields: RowFields = {}): string[][] {
  return Array.from({ length: n }, (_, i) =>
    clientIssueRow({
      dn: `CN=USER ${i + 1},OU=${String(i + 1).padStart(8, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`,
      userMail: `user${i + 1}@nii.ac.jp`,
      p12Name: `user${i + 1}`,
      ...fields,
    }),
  );
}

/** Rows → TSV text (CRLF, no header). */
export function tsvText(rows: readonly (readonly string[])[]): string {
  return formatTsv(rows);
}

/** Rows → Shift-JIS bytes; throws only on a fixture bug (a character outside JIS). */
export function tsvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  const encoded = encodeTsv(rows);
  if (!encoded.ok) throw new Error(`fixture not encodable: ${encoded.issues[0].message.en}`);
  return encoded.bytes;
}

/** Subject RDNs in DER order (C first) from a TSV DN string in CN-first order. */
export function derOrderRdns(tsvDn: string): Rdn[] {
  const parsed = parseDnString(tsvDn);
  if (!parsed.ok) throw new Error(`fixture DN not parseable: ${tsvDn}`);
  return parsed.rdns.reverse();
}

export interface ServerCsr {
  /** One-line base64 for column 7. */
  oneLine: string;
  der: Uint8Array;
  keys: CryptoKeyPair;
}

/** A real, correctly signed CSR made with WebCrypto (profile 3: RSA 2048 / SHA-256, profile 11: P-384 / SHA-384). */
export async function makeServerCsr(options: { profile?: '3' | '11'; dn?: string; dnsNames?: string[] } = {}): Promise<ServerCsr> {
  const profile = options.profile ?? '3';
  const keys =
    profile === '3'
      ? await crypto.subtle.generateKey(
          { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
          true,
          ['sign', 'verify'],
        )
      : await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  const der = await createCsr({
    keys,
    subject: derOrderRdns(options.dn ?? SERVER_DN),
    dnsNames: options.dnsNames,
    hash: profile === '3' ? 'SHA-256' : 'SHA-384',
  });
  return { oneLine: csrToOneLine(der), der, keys };
}

/** The TSV DN (CN first) of RDNs in DER order. */
export function tsvDnOf(derOrder: readonly Rdn[]): string {
  return formatDnString([...derOrder].reverse());
}

/** Every issue code of a report (file issues first), e.g. to assert `toContain('201')`. */
export function issueCodes(report: { fileIssues: { code: string }[]; records: { issues: { code: string }[] }[] }): string[] {
  return [...report.fileIssues.map((i) => i.code), ...report.records.flatMap((r) => r.issues.map((i) => i.code))];
}

/** The issues the sync rules find in one row (seq 1), for rule tests. */
export function rowIssues(kind: KindId, row: readonly string[]): Issue[] {
  return validateRecords(kind, [{ seq: 1, cells: [...row] }]).records[0].issues;
}

export function rowCodes(kind: KindId, row: readonly string[]): string[] {
  return rowIssues(kind, row).map((i) => i.code);
}
