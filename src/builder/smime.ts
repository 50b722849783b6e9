// SPEC §3.4: in S/MIME rows (profiles 7, 15, 16) the DN's CN must equal the user's mail address.
// The builder keeps them in step so the user types the address once.
import { formatDnString, parseDnString } from '../pki/dn';
import type { KindSpec } from '../spec/types';
import { columnIndex } from './grid';

/** Put `cn` as the CN of a TSV DN string, keeping the other RDNs; a DN that does not parse is left alone. */
export function withCn(dn: string, cn: string): string {
  if (dn.trim() === '') return `CN=${cn}`;
  const parsed = parseDnString(dn);
  if (!parsed.ok) return dn;
  const at = parsed.rdns.findIndex((r) => r.key === 'CN');
  const rdns = parsed.rdns.slice();
  if (at >= 0) rdns[at] = { key: 'CN', value: cn };
  else rdns.unshift({ key: 'CN', value: cn });
  return formatDnString(rdns);
}

/** The CN of a TSV DN string, or '' when there is none. */
export function cnOf(dn: string): string {
  const parsed = parseDnString(dn);
  return parsed.ok ? (parsed.rdns.find((r) => r.key === 'CN')?.value ?? '') : '';
}

/** Cells with CN := 利用者mail, for S/MIME rows. Returns the same array when nothing changes. */
export function syncSmimeCn(spec: KindSpec, cells: readonly string[]): readonly string[] {
  const dnAt = columnIndex(spec, 'dn');
  const mailAt = columnIndex(spec, 'userMail');
  if (dnAt < 0 || mailAt < 0) return cells;
  const mail = cells[mailAt];
  if (mail === '' || cnOf(cells[dnAt]) === mail) return cells;
  const next = cells.slice();
  next[dnAt] = withCn(cells[dnAt], mail);
  return next;
}
