// The RA's own client certificate lists (client.txt from clientAll.zip, clientCertificateList.txt, the
// all-certificate list, the PIN files) → client renew or revoke rows. The lists are read by the inventory's reader
// and turned into rows by the inventory's row makers (one reader and one row layout for these files, not a copy);
// what is the builder's: which certificates can be renewed or revoked.
import { readListText } from '../inventory/lists';
import { mergeRecords, STATUS_LABELS } from '../inventory/merge';
import { clientRenewRow, p12NameOfList, revokeRow, type RowDefaults } from '../inventory/rows';

export { p12NameOfList };
import type { InventoryEntry, InventoryStatus } from '../inventory/types';
import type { KindSpec, Text } from '../spec/types';
import type { InstitutionProfile } from './institution';
import type { RowChoices } from './defaults';

/** A certificate that cannot be renewed or revoked any more, and why (the list's 状態 or its dates). */
export interface SkippedEntry {
  entry: InventoryEntry;
  status: InventoryStatus;
}

export type RaListRead =
  | { ok: true; format: string; rows: string[][]; entries: InventoryEntry[]; skipped: SkippedEntry[]; notes: Text[] }
  | { ok: false; message: Text };

/** Only a live certificate is renewed or revoked: the RA refuses the others (revoked, already renewed, expired, not yet issued). */
const LIVE: ReadonlySet<InventoryStatus> = new Set(['valid', 'unknown']);

/** The kinds a client list can fill. */
export function takesRaList(spec: KindSpec): boolean {
  return spec.family === 'client' && (spec.action === 'renew' || spec.action === 'revoke');
}

/**
 * Whether the text is one of the RA's lists (its headers say so, or its file name): then it is read as a list,
 * not guessed column by column as a roster (where 申請ID and プロファイルID, all digits, looked like an OU).
 */
export function isRaList(fileName: string, text: string): boolean {
  const r = readListText(fileName, text);
  return r.error === undefined && r.format !== 'unknown';
}

/**
 * Rows of `spec` (client renew or revoke) from an RA list. Cells the list does not have come from the institution
 * profile and 全行に共通の選択 (method); the list's DN, serial, profile, method, mail, names are kept as they are.
 */
export function rowsFromRaList(spec: KindSpec, fileName: string, text: string, options: RowChoices & { institution: InstitutionProfile | null; asOf: Date }): RaListRead {
  const read = readListText(fileName, text);
  if (read.error) return { ok: false, message: read.error };
  if (read.records.length === 0) return { ok: false, message: NO_CERTIFICATES(read.notes) };
  const entries = mergeRecords([], read.records, options.asOf);
  const clients = entries.filter((e) => e.kind === 'client' || e.kind === 'smime');
  if (clients.length === 0) return { ok: false, message: NOT_CLIENT };
  const inst = options.institution;
  const defaults: RowDefaults = { adminName: inst?.adminName, adminDept: inst?.adminDept, adminMail: inst?.adminMail, clientMethod: options.method };
  const rows: string[][] = [];
  const used: InventoryEntry[] = [];
  const skipped: SkippedEntry[] = [];
  for (const e of clients) {
    if (!LIVE.has(e.status) || !e.serialDecimal) {
      skipped.push({ entry: e, status: e.serialDecimal ? e.status : 'pending' });
      continue;
    }
    const entry = { ...e, p12Name: p12NameOfList(e.p12Name) };
    // In a revoke file the mail columns mean "the new address if it changed" (SPEC §5.6): left empty, as for typed rows.
    rows.push(spec.action === 'revoke' ? revokeRow({ ...entry, adminMail: undefined }, '', '', '') : clientRenewRow(entry, defaults));
    used.push(entry);
  }
  const servers = entries.length - clients.length;
  const notes = [...read.notes];
  if (servers > 0) notes.push({ ja: `サーバ証明書${servers}件は読み込みません。`, en: `${servers} server certificate(s) not read.` });
  return { ok: true, format: read.format, rows, entries: used, skipped, notes };
}

/** 「失効済み」 etc. for the list of skipped certificates. */
export function statusLabel(status: InventoryStatus): Text {
  return STATUS_LABELS[status];
}

const NOT_CLIENT: Text = {
  ja: 'この一覧にクライアント証明書がありません（サーバ証明書の一覧です）。',
  en: 'This list has no client certificates (it is a server certificate list).',
};

const NO_CERTIFICATES = (notes: Text[]): Text => ({
  ja: `この一覧には更新・失効できる証明書がありません。${notes.map((n) => n.ja).join(' ')}`,
  en: `This list has no certificates to renew or revoke. ${notes.map((n) => n.en).join(' ')}`,
});
