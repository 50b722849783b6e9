// Export file names say what is inside: upki-<kind>-<yyyymmdd>[-method<m>][-<i>of<n>].tsv
import { jstDate } from '../spec/jst';
import type { KindId } from '../spec/types';

/** The calendar date in Japan (ADDENDUM B.4: dates are JST), as yyyymmdd. */
export function jstDateStamp(date: Date): string {
  return jstDate(date).replace(/-/g, '');
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
