// Export file names say what is inside: upki-<kind>-<yyyymmdd>[-method<m>][-<i>of<n>].tsv
import type { KindId } from '../spec/types';

/** The calendar date in Japan (ADDENDUM B.4: dates are JST), as yyyymmdd. */
export function jstDateStamp(date: Date): string {
  const jst = new Date(date.getTime() + 9 * 60 * 60 * 1000);
  const y = jst.getUTCFullYear();
  const m = String(jst.getUTCMonth() + 1).padStart(2, '0');
  const d = String(jst.getUTCDate()).padStart(2, '0');
  return `${y}${m}${d}`;
}

export interface PartLabel {
  /** Set when the rows were split by download method. */
  method?: string;
  chunk?: number;
  chunks?: number;
}

export function exportBaseName(kind: KindId, date: Date): string {
  return `upki-${kind}-${jstDateStamp(date)}`;
}

export function exportFileName(kind: KindId, date: Date, part: PartLabel = {}): string {
  let name = exportBaseName(kind, date);
  if (part.method) name += `-method${part.method}`;
  if (part.chunks && part.chunks > 1) name += `-${part.chunk}of${part.chunks}`;
  return `${name}.tsv`;
}

export function zipFileName(kind: KindId, date: Date): string {
  return `${exportBaseName(kind, date)}.zip`;
}
