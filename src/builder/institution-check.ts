// A file checked against the admin's own institution profile with the RA's own rules (ra/registered.ts, the
// code the simulated RA runs): 241 O, R103 ST, R102 L, R101 domains. Each issue carries the RA's text and a hint
// saying what the profile holds ("your profile says …"), so the user knows which side to fix.
import { registeredErrors, registeredInput, type RegisteredError } from '../ra/registered';
import type { InstitutionRegistered } from './institution-registered';
import { KINDS, columnOf } from '../spec/kinds';
import type { KindSpec, Text } from '../spec/types';
import type { Issue, ValidationReport } from '../tsv/types';

export { canCheckAgainst, type InstitutionRegistered } from './institution-registered';

function profileSays(e: RegisteredError, inst: InstitutionRegistered): Text {
  const name = inst.label ? `「${inst.label}」` : '';
  const nameEn = inst.label ? ` "${inst.label}"` : '';
  switch (e.registered) {
    case 'o':
      return { ja: `機関プロファイル${name}ではO=${inst.o}です（このファイル: ${e.value || '（なし）'}）。`, en: `Your profile${nameEn} says O=${inst.o} (this file: ${e.value || '(none)'}).` };
    case 'st':
      return { ja: `機関プロファイル${name}ではST=${inst.st}です（このファイル: ${e.value}）。`, en: `Your profile${nameEn} says ST=${inst.st} (this file: ${e.value}).` };
    case 'l':
      return { ja: `機関プロファイル${name}ではL=${inst.l}です（このファイル: ${e.value}）。`, en: `Your profile${nameEn} says L=${inst.l} (this file: ${e.value}).` };
    default: {
      const list = inst.domains.length ? inst.domains.join(', ') : '（未登録）';
      return { ja: `機関プロファイル${name}の登録ドメインは ${list} です（このファイル: ${e.value}）。`, en: `Your profile${nameEn} registers ${inst.domains.join(', ') || 'no domain'} (this file: ${e.value}).` };
    }
  }
}

/** The RA's registered-value errors of one record, as validator issues on the column the RA names. */
export function institutionIssues(spec: KindSpec, seq: number, cells: readonly string[], inst: InstitutionRegistered): Issue[] {
  // A profile without registered domains says nothing about them (not "no domain allowed"): R101 is left out.
  const known = registeredErrors(registeredInput(spec.id, cells), inst).filter((e) => e.registered !== 'domains' || inst.domains.length > 0);
  return known.map((e) => {
    const column = columnOf(spec, e.field);
    const issue: Issue = { seq, code: e.message.code, severity: 'error', message: e.message.message, hint: profileSays(e, inst) };
    if (column) {
      issue.column = column.no;
      issue.field = column.field;
    }
    return issue;
  });
}

/** The institution-dependent codes, named where they were not checked. */
export const INSTITUTION_CODES = '241, R101, R102, R103';

/** A validator report with every record also judged against the profile (the validator page's 「機関プロファイルで検査」). */
export function checkReportAgainst(report: ValidationReport, inst: InstitutionRegistered): ValidationReport {
  const spec = KINDS[report.kind];
  const records = report.records.map((r) => {
    if (r.cells.length !== spec.columnCount) return r; // a record of the wrong width is already refused (U105)
    const bad = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.column));
    const extra = institutionIssues(spec, r.seq, r.cells, inst).filter((i) => !bad.has(i.column));
    if (extra.length === 0) return r;
    const issues = [...r.issues, ...extra].sort((a, b) => (a.column ?? 0) - (b.column ?? 0));
    return { ...r, ok: false, issues };
  });
  return { ...report, ok: report.ok && records.every((r) => r.ok), records };
}
