// What a new row starts with: the institution's fixed DN parts (SPEC §3.1, §3.3) and the 利用管理者 fields,
// placed by field key so that the same code fills all six kinds.
import { formatDnString, type DnKey, type Rdn } from '../pki/dn';
import { DN_RULES } from '../spec/dn-rules';
import type { Family, FieldKey, KindSpec } from '../spec/types';
import { emptyCells, writableColumnIndex } from './grid';
import type { InstitutionProfile } from './institution';

export interface DnParts {
  cn: string;
  /** Client only: the server order has no OU (abolished 2022-07-26, ADDENDUM B.9). */
  ous?: readonly string[];
}

type InstitutionDn = Pick<InstitutionProfile, 'o' | 'l' | 'st'>;

function valuesFor(key: DnKey, parts: DnParts, inst: InstitutionDn, family: Family): string[] {
  switch (key) {
    case 'CN':
      return [parts.cn];
    case 'OU':
      return [...(parts.ous ?? [])];
    case 'O':
      return [inst.o];
    case 'L':
      return [inst.l];
    case 'ST':
      return [inst.st];
    default:
      // C is fixed by the rules table (C=JP, SPEC §3.1).
      return [...(DN_RULES[family].attributes[key]?.values ?? []).slice(0, 1)];
  }
}

/** DN in the family's TSV order from spec/dn-rules (server CN,O,L,ST,C; client CN,OU,O,L,ST,C). Empty parts other than CN are left out. */
export function composeDn(family: Family, parts: DnParts, institution: InstitutionDn): string {
  const rdns: Rdn[] = [];
  for (const key of DN_RULES[family].order) {
    for (const value of valuesFor(key, parts, institution, family)) {
      if (value !== '' || key === 'CN') rdns.push({ key, value });
    }
  }
  return formatDnString(rdns);
}

export interface RowChoices {
  profileId?: string;
  method?: string;
}

/**
 * Fields filled from the profile. In revoke files the mail columns mean "the new address if it changed"
 * (SPEC §5.3 col 10, §5.6 col 14), so they are not prefilled there.
 */
function institutionValues(spec: KindSpec, inst: InstitutionProfile): Partial<Record<FieldKey, string>> {
  const values: Partial<Record<FieldKey, string>> = {
    adminName: inst.adminName,
    adminDept: inst.adminDept,
    software: inst.software,
  };
  if (spec.action !== 'revoke') values.adminMail = inst.adminMail;
  return values;
}

/** Set `value` in the column of `field`, if this kind has that column and it is not a blank column. */
export function putField(spec: KindSpec, cells: string[], field: FieldKey, value: string | undefined): void {
  if (value === undefined) return;
  const at = writableColumnIndex(spec, field);
  if (at >= 0) cells[at] = value;
}

export function newRowCells(spec: KindSpec, inst: InstitutionProfile | null, choices: RowChoices = {}): string[] {
  const cells = emptyCells(spec);
  putField(spec, cells, 'profile', choices.profileId);
  putField(spec, cells, 'method', choices.method);
  if (!inst) return cells;
  putField(spec, cells, 'dn', composeDn(spec.family, { cn: '' }, inst));
  for (const [field, value] of Object.entries(institutionValues(spec, inst))) {
    if (value) putField(spec, cells, field as FieldKey, value);
  }
  return cells;
}
