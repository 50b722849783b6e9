// Rows from the CSRs people already have (.csr/.pem files, pasted PEM, the key page's result): column 1 the
// CSR's DN in UPKI order, 2 the profile its key fits (RSA → 3, ECDSA → 11), 7 the one-line CSR, 11 FQDN = CN,
// 13 the CSR's other dNSNames. Values are only placed; the validator judges them like typed ones.
import { inspectCsr } from '../pki/csr';
import { hasArmour, pemDecodeAll, toOneLine } from '../pki/pem';
import { subjectTsvString } from '../pki/subject-order';
import type { CsrInfo } from '../pki/types';
import type { KindSpec, Text } from '../spec/types';
import { putField } from './defaults';
import { formatDnsNames, otherDnsNames, type CellUpdates } from './fill';
import { writableColumnIndex } from './grid';

/** Whether this kind takes a CSR (server issue and renew). */
export function takesCsr(spec: KindSpec): boolean {
  return writableColumnIndex(spec, 'csr') >= 0;
}

/** Profile 11 is the ECDSA server profile; everything else is offered as 3 (the validator flags a bad key). */
export function profileForKey(info: Pick<CsrInfo, 'publicKey'>): string {
  return info.publicKey.algorithm === 'EC' ? '11' : '3';
}

/** The cells a CSR fills, by column index (0-based), for a new row or the focused one. */
export function cellsFromCsr(spec: KindSpec, info: Pick<CsrInfo, 'subject' | 'publicKey' | 'sanDnsNames' | 'der'>): CellUpdates {
  const cells: string[] = Array.from({ length: spec.columnCount }, () => '');
  const cn = info.subject.find((r) => r.key === 'CN')?.value ?? '';
  putField(spec, cells, 'dn', subjectTsvString(info.subject));
  putField(spec, cells, 'profile', profileForKey(info));
  putField(spec, cells, 'csr', toOneLine(info.der));
  putField(spec, cells, 'fqdn', cn);
  putField(spec, cells, 'dnsNames', formatDnsNames(otherDnsNames(cn, info.sanDnsNames)));
  const updates: CellUpdates = new Map();
  cells.forEach((v, i) => {
    if (v !== '') updates.set(i, v);
  });
  return updates;
}

export type CsrRead = { ok: true; info: CsrInfo; source: string } | { ok: false; source: string; message: Text };

/**
 * Every CSR in what the user gave: one file may hold several PEM blocks (or be DER or the one-line form).
 * `source` names the file (and block) for messages.
 */
export async function readCsrs(input: string | Uint8Array, source: string): Promise<CsrRead[]> {
  const text = typeof input === 'string' ? input : input[0] === 0x30 ? null : new TextDecoder().decode(input);
  const blocks = text === null ? null : (pemDecodeAll(text) ?? []).filter((b) => /REQUEST/.test(b.label));
  const pieces: (string | Uint8Array)[] = blocks && blocks.length > 1 ? blocks.map((b) => b.der) : [input];
  const out: CsrRead[] = [];
  for (const [i, piece] of pieces.entries()) {
    const name = pieces.length > 1 ? `${source} (${i + 1})` : source;
    const r = await inspectCsr(piece);
    out.push(r.ok ? { ok: true, info: r.info, source: name } : { ok: false, source: name, message: r.message });
  }
  return out;
}

/** A CSR in PEM (or several lines of base64) pasted into column 7, as the one-line form; null when it is not one. */
export async function oneLineCsrFrom(value: string): Promise<string | null> {
  if (!hasArmour(value) && !/[\r\n]/.test(value)) return null;
  const r = await inspectCsr(value);
  return r.ok ? toOneLine(r.info.der) : null;
}

/** Where CSRs go: the first fills the focused row (when one is chosen), the others make new rows. */
export interface CsrPlacement {
  fill?: { rowId: string; updates: CellUpdates };
  add: CellUpdates[];
}

export function placeCsrs(spec: KindSpec, infos: readonly Pick<CsrInfo, 'subject' | 'publicKey' | 'sanDnsNames' | 'der'>[], focusedRowId: string | null): CsrPlacement {
  const updates = infos.map((info) => cellsFromCsr(spec, info));
  if (!focusedRowId || updates.length === 0) return { add: updates };
  return { fill: { rowId: focusedRowId, updates: updates[0] }, add: updates.slice(1) };
}

/** Text that holds a PEM CSR (pasted into a cell other than column 7: it fills the row). */
export function looksLikePemCsr(text: string): boolean {
  return /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----/.test(text);
}
