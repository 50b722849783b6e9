// SPEC §3.4: in S/MIME rows (profiles 7, 15, 16) the DN's CN must equal the user's mail address.
// The builder keeps them in step so the user types the address once, and derives the P12 file name (B.8).
import { formatDnString, parseDnString } from '../pki/dn';
import { P12_NAME } from '../spec/charsets';
import { isSmimeProfile } from '../spec/profiles';
import type { KindSpec } from '../spec/types';
import { columnIndex, type Sheet } from './grid';

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

/**
 * S/MIME rows with method 1 or 3 need a P12 file name (ADDENDUM B.8), and the CN (a mail address) is not a
 * valid one, so it is derived from the mail: characters outside the column's set (spec/charsets P12_NAME)
 * become '-', cut to the column's maximum length.
 *
 * `before` is the row as it was before the edit being applied (none for a new row, e.g. from a roster). With
 * it, the name is derived only when the edit changed the mail, profile or method — so a name the user cleared
 * stays cleared until then — and only over an empty name or one still equal to what the old mail gave (a
 * name the user typed is kept). The grid applies this on every keystroke, so the name follows the mail.
 */
export function fillSmimeP12Name(spec: KindSpec, cells: string[], before?: readonly string[]): void {
  const p12At = columnIndex(spec, 'p12Name');
  const mailAt = columnIndex(spec, 'userMail');
  const profileAt = columnIndex(spec, 'profile');
  const methodAt = columnIndex(spec, 'method');
  if (p12At < 0 || mailAt < 0 || profileAt < 0 || cells[mailAt] === '') return;
  if (!isSmimeProfile(cells[profileAt]) || (methodAt >= 0 && cells[methodAt] === '2')) return;
  const maxLength = spec.columns[p12At].maxLength;
  if (before) {
    const changed = [mailAt, profileAt, methodAt].some((at) => at >= 0 && before[at] !== cells[at]);
    const derivedBefore = before[mailAt] === '' ? '' : p12NameFrom(before[mailAt], maxLength);
    if (!changed || (cells[p12At] !== '' && cells[p12At] !== derivedBefore)) return;
  } else if (cells[p12At] !== '') return;
  cells[p12At] = p12NameFrom(cells[mailAt], maxLength);
}

export function p12NameFrom(text: string, maxLength: number): string {
  return [...text].map((ch) => (P12_NAME.char.test(ch) ? ch : '-')).join('').slice(0, maxLength);
}

/**
 * What the grid applies to an S/MIME row after any edit: CN := 利用者mail, and the P12 name as
 * fillSmimeP12Name says, whether the row came from a roster, was typed, or was switched to an S/MIME profile
 * afterwards. `before`: the row's cells before the edit. Returns the same array when nothing changes.
 */
export function syncSmimeRow(spec: KindSpec, cells: readonly string[], before?: readonly string[]): readonly string[] {
  const synced = syncSmimeCn(spec, cells);
  const next = synced.slice();
  fillSmimeP12Name(spec, next, before);
  return next.some((v, i) => v !== synced[i]) ? next : synced;
}

/**
 * syncSmimeRow on every S/MIME row of a sheet (or only on `rowIds`); `before` is the sheet before the edit,
 * whose rows (by id) are each row's `before`. The same sheet when nothing changes.
 */
export function syncSmimeSheet(spec: KindSpec, sheet: Sheet, rowIds?: ReadonlySet<string>, before?: Sheet): Sheet {
  const profileAt = columnIndex(spec, 'profile');
  if (profileAt < 0) return sheet;
  const old = new Map(before?.rows.map((r) => [r.id, r.cells]));
  let changed = false;
  const rows = sheet.rows.map((row) => {
    if ((rowIds && !rowIds.has(row.id)) || !isSmimeProfile(row.cells[profileAt])) return row;
    const cells = syncSmimeRow(spec, row.cells, old.get(row.id));
    if (cells === row.cells) return row;
    changed = true;
    return { ...row, cells };
  });
  return changed ? { ...sheet, rows } : sheet;
}
