// Roster columns → TSV cells. A mapping says, for each source column, which TSV field (or DN part) it feeds.
// Everything kind-specific comes from the kind's column table; S/MIME-ness from the profile table.
import { isSmimeProfile } from '../spec/profiles';
import type { FieldKey, KindSpec } from '../spec/types';
import { composeDn, newRowCells, putField, type RowChoices } from './defaults';
import { columnIndex } from './grid';
import type { InstitutionProfile } from './institution';
import type { Roster } from './roster';
import { fillSmimeP12Name } from './smime';

/** A roster column feeds a TSV field, a DN part (CN, one more OU), or nothing. */
export type MappingTarget = Exclude<FieldKey, 'blank'> | 'cn' | 'ou' | 'ignore';

/** One target per source column, by position. */
export type ColumnMapping = MappingTarget[];

/** Targets the user may choose for this kind: DN parts plus every non-blank column except those set for all rows. */
export function mappingTargets(spec: KindSpec): MappingTarget[] {
  const targets: MappingTarget[] = ['ignore', 'cn'];
  if (spec.family === 'client') targets.push('ou');
  for (const column of spec.columns) {
    if (column.required === 'blank' || column.field === 'blank') continue;
    targets.push(column.field);
  }
  return targets;
}

interface HeaderRule {
  target: MappingTarget;
  pattern: RegExp;
}

// Header words → targets. Order matters: the first rule that matches wins, and "mail" beats "name".
// The RA's own list headers come first: 申請ID and プロファイルID hold digits only and were taken for an OU.
const HEADER_RULES: readonly HeaderRule[] = [
  { target: 'adminMail', pattern: /利用管理者.*(mail|メール)/i },
  { target: 'adminDept', pattern: /利用管理者.*所属/ },
  { target: 'adminName', pattern: /利用管理者.*(氏名|名前)/ },
  { target: 'ignore', pattern: /申請ID|application.?id|有効期間|日時|状態|^status$/i },
  { target: 'profile', pattern: /プロファイル|profile/i },
  { target: 'method', pattern: /ダウンロード方法|download.?method/i },
  { target: 'userMail', pattern: /mail|メール|ﾒｰﾙ/i },
  { target: 'serial', pattern: /serial|シリアル/i },
  { target: 'dn', pattern: /^(subject\s*)?dn$|主体者/i },
  { target: 'cn', pattern: /roman|ローマ字|ﾛｰﾏ字|英字|english|^cn$|name.?en|en.?name/i },
  { target: 'ou', pattern: /student|学籍|学生番号|職員番号|社員番号|^ou$|^id$|番号|number/i },
  { target: 'p12Name', pattern: /p12|file/i },
  { target: 'userDept', pattern: /dept|department|affiliation|所属|学部|部署/i },
  { target: 'userName', pattern: /name|氏名|名前|^姓|^名/i },
  { target: 'pin', pattern: /pin/i },
];

const JOINED: ReadonlySet<MappingTarget> = new Set(['cn', 'userName']);

const MAIL = /^[^@\s]+@[^@\s]+$/;
const DIGITS = /^[A-Z]*\d[\dA-Z]*$/i;
const ROMAN = /^[A-Z][A-Z .'-]*$/i;
const NON_ASCII = /[^\x20-\x7e]/;

/** Guess what a column holds from a few sample values, when the header does not say. */
function guessFromValues(values: readonly string[]): MappingTarget {
  const sample = values.filter((v) => v !== '').slice(0, 20);
  if (sample.length === 0) return 'ignore';
  const all = (test: (v: string) => boolean): boolean => sample.every(test);
  if (all((v) => MAIL.test(v))) return 'userMail';
  if (all((v) => DIGITS.test(v) && !v.includes(' '))) return 'ou';
  if (all((v) => ROMAN.test(v))) return 'cn';
  if (all((v) => NON_ASCII.test(v))) return 'userName';
  return 'ignore';
}

/** Propose a mapping; each single-valued target is used at most once (OU, and split names by header, may repeat). */
export function guessMapping(spec: KindSpec, roster: Roster): ColumnMapping {
  const allowed = new Set(mappingTargets(spec));
  const width = roster.rows.slice(0, 20).reduce((w, r) => Math.max(w, r.length), roster.header?.length ?? 0);
  const used = new Set<MappingTarget>();
  const mapping: ColumnMapping = [];
  for (let col = 0; col < width; col += 1) {
    const title = roster.header?.[col]?.trim() ?? '';
    const byHeader = title ? HEADER_RULES.find((rule) => rule.pattern.test(title))?.target : undefined;
    let target = byHeader ?? guessFromValues(roster.rows.map((r) => r[col] ?? ''));
    // Split names (姓/名) are joined by mapRosterRow, so a header may name CN or the user name twice.
    const repeatable = target === 'ou' || target === 'ignore' || (byHeader !== undefined && JOINED.has(target));
    if (!allowed.has(target) || (!repeatable && used.has(target))) target = 'ignore';
    used.add(target);
    mapping.push(target);
  }
  return mapping;
}

export interface MapOptions extends RowChoices {
  institution: InstitutionProfile | null;
}

/** Build the TSV cells of one roster row. */
export function mapRosterRow(spec: KindSpec, source: readonly string[], mapping: ColumnMapping, options: MapOptions): string[] {
  const cells = newRowCells(spec, options.institution, options);
  const cnParts: string[] = [];
  const nameParts: string[] = [];
  const ous: string[] = [];
  let dn: string | undefined;
  mapping.forEach((target, col) => {
    const value = (source[col] ?? '').trim();
    if (target === 'ignore') return;
    if (target === 'cn') cnParts.push(value);
    else if (target === 'userName') nameParts.push(value);
    else if (target === 'ou') ous.push(value);
    else if (target === 'dn') dn = value;
    else putField(spec, cells, target, value);
  });
  // Rosters often split family and given names: several columns mapped to the CN (or the name) are joined,
  // with a space for the romanised CN and an ideographic space for the name, as the manual's 「国立　太郎」.
  let cn = cnParts.filter(Boolean).join(' ');
  if (nameParts.length > 0) putField(spec, cells, 'userName', nameParts.filter(Boolean).join('\u3000'));
  const mailAt = columnIndex(spec, 'userMail');
  const profileAt = columnIndex(spec, 'profile');
  // SPEC §3.4: for S/MIME profiles the CN must be the user's mail address.
  if (mailAt >= 0 && profileAt >= 0 && isSmimeProfile(cells[profileAt])) cn = cells[mailAt];
  const inst = options.institution ?? { o: '', l: '', st: '' };
  putField(spec, cells, 'dn', dn ?? composeDn(spec.family, { cn, ous }, inst));
  fillSmimeP12Name(spec, cells);
  return cells;
}

export function mapRoster(spec: KindSpec, roster: Roster, mapping: ColumnMapping, options: MapOptions): string[][] {
  return roster.rows.map((row) => mapRosterRow(spec, row, mapping, options));
}
