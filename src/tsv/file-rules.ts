// Rules on the file as a whole and across records (SPEC §4.3, §4.6; ADDENDUM B.11, B.13, B.15).
import type { Rdn } from '../pki/dn';
import { SERIAL_DECIMAL, SERIAL_HEX, SERIAL_HEX_UPPER_PREFIX } from '../spec/charsets';
import { columnOf } from '../spec/kinds';
import { DOWNLOAD_METHODS } from '../spec/profiles';
import type { KindSpec } from '../spec/types';
import { makeIssue } from './issue';
import type { Issue } from './types';
import { isOwnKey } from '../spec/own';

export interface RecordFacts {
  seq: number;
  cells: readonly string[];
  rdns?: Rdn[];
  /** Column count matched the kind. */
  wellFormed: boolean;
}

const ALLOWED_EXTENSION = /\.(?:tsv|txt)$/i;

export function checkFileName(fileName: string | undefined): Issue[] {
  if (fileName === undefined || ALLOWED_EXTENSION.test(fileName)) return [];
  return [makeIssue('badExtension', { seq: 0 }, { fileName })];
}

/** The download method of a client issue/renew file when every well-formed record agrees. */
function fileMethods(kind: KindSpec, records: readonly RecordFacts[]): Map<string, number> {
  const column = columnOf(kind, 'method');
  const methods = new Map<string, number>(); // method → first seq
  if (!column) return methods;
  for (const r of records) {
    const m = r.cells[column.no - 1];
    if (r.wellFormed && isOwnKey(DOWNLOAD_METHODS, m) && !methods.has(m)) methods.set(m, r.seq);
  }
  return methods;
}

/**
 * The record limit of a file whose rows all use `method` (undefined: mixed or none): `maxRecords` (99), or
 * `maxRecordsBulk` (1000) with download method 2 (SPEC §4.3, ADDENDUM B.11). The builder splits by it.
 */
export function recordLimit(kind: KindSpec, method: string | undefined): number {
  return method === '2' && kind.maxRecordsBulk !== undefined ? kind.maxRecordsBulk : kind.maxRecords;
}

export function checkRecordCount(kind: KindSpec, records: readonly RecordFacts[]): Issue[] {
  if (records.length === 0) return [makeIssue('emptyFile', { seq: 0 })];
  const methods = fileMethods(kind, records);
  const max = recordLimit(kind, methods.size === 1 ? [...methods.keys()][0] : undefined);
  return records.length > max ? [makeIssue('tooManyRecords', { seq: 0 }, { count: records.length, max })] : [];
}

export function checkSingleMethod(kind: KindSpec, records: readonly RecordFacts[]): Issue[] {
  const methods = fileMethods(kind, records);
  if (methods.size <= 1) return [];
  const list = [...methods.keys()].sort().map((m) => `${m}:${DOWNLOAD_METHODS[m as '1'].name.ja}`).join('、');
  const listEn = [...methods.keys()].sort().map((m) => `${m}: ${DOWNLOAD_METHODS[m as '1'].name.en}`).join(', ');
  return [makeIssue('mixedMethods', { seq: 0 }, { methods: { ja: list, en: listEn } })];
}

/** NII's 212 key: server by CN (case-insensitive, host names), client by CN + OU (since 2020-07-15, ADDENDUM A). */
function duplicateKey(kind: KindSpec, rdns: readonly Rdn[]): string | undefined {
  const cn = rdns.find((r) => r.key === 'CN')?.value;
  if (cn === undefined) return undefined;
  if (kind.family === 'server') return cn.toLowerCase();
  const ous = rdns.filter((r) => r.key === 'OU').map((r) => r.value);
  return JSON.stringify([cn, ...ous]);
}

/** Per record seq: issues found by comparing records with each other. */
export function checkAcrossRecords(kind: KindSpec, records: readonly RecordFacts[]): Map<number, Issue[]> {
  const found = new Map<number, Issue[]>();
  const add = (seq: number, issue: Issue) => found.set(seq, [...(found.get(seq) ?? []), issue]);
  if (kind.action === 'issue') {
    const seen = new Map<string, number>();
    const what = kind.family === 'server' ? { ja: 'CN', en: 'CN' } : { ja: 'CNとOU', en: 'CN and OU' };
    for (const r of records) {
      const key = r.wellFormed && r.rdns ? duplicateKey(kind, r.rdns) : undefined;
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first !== undefined) add(r.seq, makeIssue('duplicateDn', { seq: r.seq, column: 1, field: 'dn' }, { otherSeq: first, what }));
      else seen.set(key, r.seq);
    }
  }
  const serial = columnOf(kind, 'serial');
  if (serial) {
    const seen = new Map<string, number>();
    for (const r of records) {
      const value = r.wellFormed ? serialValue(r.cells[serial.no - 1]) : undefined;
      if (value === undefined) continue;
      const first = seen.get(value);
      if (first !== undefined) add(r.seq, makeIssue('duplicateSerial', { seq: r.seq, column: serial.no, field: 'serial' }, { otherSeq: first }));
      else seen.set(value, r.seq);
    }
  }
  return found;
}

/** A serial number as a canonical decimal string, so that 0x1F and 31 compare equal. */
export function serialValue(text: string | undefined): string | undefined {
  if (text === undefined || text.length > 64) return undefined;
  if (SERIAL_DECIMAL.test(text)) return BigInt(text).toString();
  if (SERIAL_HEX.test(text) || SERIAL_HEX_UPPER_PREFIX.test(text)) return BigInt(`0x${text.slice(2)}`).toString();
  return undefined;
}
