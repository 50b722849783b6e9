// Inventory rows → application rows (renew, revoke) in the six kinds' column order (spec/kinds.ts), and the
// files they make: split at the RA's limits and encoded Shift-JIS CRLF exactly as the builder writes them.
import { exportFileName } from '../builder/naming';
import { planSplit } from '../builder/split';
import { parseDnString } from '../pki/dn';
import { formatDnsNames } from '../spec/dns-names';
import { KINDS } from '../spec/kinds';
import type { FieldKey, KindId } from '../spec/types';
import { encodeTsv } from '../tsv/codec';
import type { InventoryEntry } from './types';

export type Fields = Partial<Record<Exclude<FieldKey, 'blank'>, string>>;

/** Cells of `kind` with the fields in their columns; blank columns stay empty. */
export function rowOf(kind: KindId, fields: Fields): string[] {
  return KINDS[kind].columns.map((c) => (c.field === 'blank' ? '' : (fields[c.field] ?? '')));
}

/** What the admin fills once for rows whose sources lack it (a PEM alone has no admin name). */
export interface RowDefaults {
  adminName?: string;
  adminDept?: string;
  adminMail?: string;
  software?: string;
  /** '3' | '11' to change every server renewal's profile; undefined keeps each certificate's. */
  serverProfile?: '3' | '11';
  /** Client download method when the source does not say ('1' by default). */
  clientMethod?: string;
}

/** The DN for a renewal: as the certificate has it, minus OU (abolished for servers since 2022-07-26, ADDENDUM B.9). */
export function renewalDn(e: InventoryEntry): string {
  if (!e.dn || e.kind !== 'server') return e.dn ?? '';
  const parsed = parseDnString(e.dn);
  if (!parsed.ok) return e.dn;
  return parsed.rdns.filter((r) => r.key !== 'OU').map((r) => `${r.key}=${r.value}`).join(',');
}

export function serverProfileOf(e: InventoryEntry, d: RowDefaults): '3' | '11' {
  if (d.serverProfile) return d.serverProfile;
  if (e.profile === '3' || e.profile === '11') return e.profile;
  return e.keyAlgorithm?.startsWith('EC') ? '11' : '3';
}

/** SANs to write in column 13: all but the CN, which the RA adds itself. */
export function extraDnsNames(e: InventoryEntry): string[] {
  const cn = (e.cn ?? '').toLowerCase();
  return (e.dnsNames ?? []).filter((d) => d.toLowerCase() !== cn);
}

export function serverRenewRow(e: InventoryEntry, csrOneLine: string, d: RowDefaults): string[] {
  return rowOf('server-renew', {
    dn: renewalDn(e),
    profile: serverProfileOf(e, d),
    serial: e.serialDecimal ?? '',
    csr: csrOneLine,
    adminName: e.adminName ?? d.adminName ?? '',
    adminDept: e.adminDept ?? d.adminDept ?? '',
    adminMail: e.adminMail ?? d.adminMail ?? '',
    fqdn: e.cn ?? '',
    software: e.software ?? d.software ?? '',
    dnsNames: formatDnsNames(extraDnsNames(e)),
  });
}

/** client.txt names the file inside the zip (`X.p12`); column 12 wants the name the RA adds `.p12` to. */
export function p12NameOfList(name: string | undefined): string | undefined {
  return name?.replace(/\.p12$/i, '');
}

export function clientRenewRow(e: InventoryEntry, d: RowDefaults): string[] {
  return rowOf('client-renew', {
    dn: e.dn ?? '',
    profile: e.profile ?? (e.kind === 'smime' ? '7' : '5'),
    method: e.method ?? d.clientMethod ?? '1',
    serial: e.serialDecimal ?? '',
    adminName: e.adminName ?? d.adminName ?? '',
    adminDept: e.adminDept ?? d.adminDept ?? '',
    adminMail: e.adminMail ?? d.adminMail ?? '',
    userName: e.userName ?? '',
    p12Name: p12NameOfList(e.p12Name) ?? '',
    userDept: e.userDept ?? '',
    userMail: e.userMail ?? '',
  });
}

export function revokeRow(e: InventoryEntry, reason: string, comment: string, adminMail: string): string[] {
  const kind: KindId = e.kind === 'server' ? 'server-revoke' : 'client-revoke';
  return rowOf(kind, { dn: e.dn ?? '', serial: e.serialDecimal ?? '', reason, reasonComment: comment, adminMail: e.adminMail ?? adminMail });
}

/** `<serial decimal>-<CN>.tsv`, as the RA names the old-certificate revocation file it attaches (docs/ra-files.md). */
export function revocationFileName(e: InventoryEntry): string {
  return `${e.serialDecimal ?? 'unknown'}-${(e.cn ?? 'certificate').replace(/[\\/:*?"<>|]/g, '_')}.tsv`;
}

export interface TsvFile {
  name: string;
  bytes: Uint8Array;
  rows: string[][];
}

export type FilesResult = { ok: true; files: TsvFile[] } | { ok: false; message: { ja: string; en: string } };

/** Rows of one kind → files split at the RA's limits (and by download method), Shift-JIS CRLF, builder names. */
export function tsvFiles(kind: KindId, rows: readonly string[][], date: Date): FilesResult {
  if (rows.length === 0) return { ok: true, files: [] };
  const spec = KINDS[kind];
  const plan = planSplit(spec, rows, (r) => r);
  const byMethod = plan.reasons.includes('method');
  const files: TsvFile[] = [];
  for (const part of plan.parts) {
    const encoded = encodeTsv(part.items, kind);
    if (!encoded.ok) return { ok: false, message: encoded.issues[0].message };
    files.push({ name: exportFileName(kind, date, { method: byMethod ? part.method : undefined, chunk: part.chunk, chunks: part.chunks }), bytes: encoded.bytes, rows: part.items });
  }
  return { ok: true, files };
}
