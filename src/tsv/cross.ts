// Rules that read more than one column of a record (SPEC §3.4, §5.1, §5.4; ADDENDUM B.6, B.8, B.10).
import type { Rdn } from '../pki/dn';
import { firstDisallowed, P12_NAME } from '../spec/charsets';
import { dnsNamesAsIssued } from '../spec/dns-names';
import { columnOf } from '../spec/kinds';
import { DOWNLOAD_METHODS, isSmimeProfile, LIMITS } from '../spec/profiles';
import type { ColumnSpec, FieldKey, KindSpec } from '../spec/types';
import { cnOf } from './dn-check';
import { at, makeIssue } from './issue';
import type { Issue } from './types';
import { isOwnKey } from '../spec/own';

export interface RecordContext {
  kind: KindSpec;
  seq: number;
  cells: readonly string[];
  /** Column 1 parsed (undefined when it could not be split). */
  rdns?: Rdn[];
  /** Columns that already have an error: rules reading them stay quiet to avoid follow-on noise. */
  badColumns: ReadonlySet<number>;
}

function cell(ctx: RecordContext, field: FieldKey): { column?: ColumnSpec; value: string; ok: boolean } {
  const column = columnOf(ctx.kind, field);
  if (!column) return { value: '', ok: false };
  return { column, value: ctx.cells[column.no - 1] ?? '', ok: !ctx.badColumns.has(column.no) };
}

export function checkCrossColumns(ctx: RecordContext): Issue[] {
  if (ctx.kind.family === 'server') return ctx.kind.action === 'revoke' ? [] : serverRules(ctx);
  return ctx.kind.action === 'revoke' ? [] : clientRules(ctx);
}

function serverRules(ctx: RecordContext): Issue[] {
  const issues: Issue[] = [];
  const fqdn = cell(ctx, 'fqdn');
  const cn = cnOf(ctx.rdns);
  if (fqdn.column && fqdn.value !== '' && cn !== undefined && fqdn.value !== cn) {
    issues.push(makeIssue('fqdnNotCn', at(ctx.seq, fqdn.column), { fqdn: fqdn.value, cn }));
  }
  const dns = cell(ctx, 'dnsNames');
  if (dns.column && dns.value !== '' && fqdn.value !== '' && fqdn.ok) {
    const issued = dnsNamesAsIssued(dns.value, fqdn.value);
    if (issued.added) {
      if (issued.count === LIMITS.dnsNamesMaxEntries + 1) issues.push(makeIssue('dnsNamesFull', at(ctx.seq, dns.column), { fqdn: fqdn.value }));
      if (issued.length > LIMITS.dnsNamesMaxLength) issues.push(makeIssue('dnsNamesTooLongWithFqdn', at(ctx.seq, dns.column), { actual: issued.length }));
    }
  }
  return issues;
}

function clientRules(ctx: RecordContext): Issue[] {
  const issues: Issue[] = [];
  const profile = cell(ctx, 'profile');
  const method = cell(ctx, 'method');
  const profileId = profile.ok ? profile.value : '';
  const methodId = method.ok && isOwnKey(DOWNLOAD_METHODS, method.value) ? method.value : undefined;
  const smime = isSmimeProfile(profileId);
  const cn = cnOf(ctx.rdns);

  const userMail = cell(ctx, 'userMail');
  if (userMail.column && userMail.value === '' && !(profileId === '5' && methodId === '2')) {
    issues.push(requiredUnderCondition(ctx.seq, userMail.column));
  }
  if (smime && userMail.value !== '' && cn !== undefined && cn !== userMail.value) {
    issues.push(makeIssue('smimeCnMail', { seq: ctx.seq, column: 1, field: 'dn' }, { profile: profileId, cn, mail: userMail.value }));
  }

  const pin = cell(ctx, 'pin');
  if (pin.column && pin.value !== '') {
    if (smime) issues.push(makeIssue('smimePin', at(ctx.seq, pin.column)));
    else if (methodId && !DOWNLOAD_METHODS[methodId].pinAllowed) issues.push(makeIssue('pinNeedsBulk', at(ctx.seq, pin.column)));
  }

  issues.push(...p12NameRules(ctx, smime, methodId, cn));
  return issues;
}

/** NII's 201 for a ○※ column, with the column's condition as the hint. */
function requiredUnderCondition(seq: number, column: ColumnSpec): Issue {
  const issue = makeIssue('required', at(seq, column), { name: column.name });
  return column.requiredNote ? { ...issue, hint: column.requiredNote } : issue;
}

function p12NameRules(ctx: RecordContext, smime: boolean, methodId: string | undefined, cn: string | undefined): Issue[] {
  const p12 = cell(ctx, 'p12Name');
  if (!p12.column || !methodId) return [];
  const where = at(ctx.seq, p12.column);
  const issues: Issue[] = [];
  if (p12.value === '' && smime && methodId !== '2') {
    issues.push(requiredUnderCondition(ctx.seq, p12.column));
  }
  // Methods 1 and 3 fall back to the CN as the file name (SPEC §5.4 column 12).
  const defaulted = p12.value === '' && methodId !== '2' && !smime && cn !== undefined;
  if (defaulted) {
    const bad = firstDisallowed(cn, P12_NAME);
    if (bad) issues.push(makeIssue('p12DefaultChars', where, { cn, char: bad.char }));
  }
  const fileName = p12.value !== '' ? p12.value : defaulted ? cn : '';
  if (methodId === '3' && fileName?.includes("'")) issues.push(makeIssue('p12ApostropheMethod3', where));
  return issues;
}
