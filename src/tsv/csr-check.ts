// The asynchronous part of validation: parse each CSR in column 7 once and apply csr-rules (SPEC §5 R-CSR).
import { inspectCsr } from '../pki/csr';
import type { CsrInspectResult } from '../pki/types';
import { columnOf } from '../spec/kinds';
import type { KindSpec } from '../spec/types';
import { parseDnsNames } from './columns';
import { checkCsrCommon, checkCsrForProfile, compareCsrDn, csrOrderAccepted, csrFailureIssue, ignoredSanNames } from './csr-rules';
import { makeIssue } from './issue';
import type { Issue } from './types';
import type { CheckedRecord } from './validate';

/** CSRs beyond this many records are not parsed (the file is over its 99-record limit anyway). */
export const MAX_CSR_RECORDS = 1000;

export async function addCsrChecks(spec: KindSpec, records: readonly CheckedRecord[]): Promise<void> {
  const csrColumn = columnOf(spec, 'csr');
  if (!csrColumn) return;
  const col = csrColumn.no;
  const candidates = records
    .filter((r) => r.wellFormed && r.cells[col - 1] !== '' && !r.issues.some((i) => i.column === col && i.severity === 'error'))
    .slice(0, MAX_CSR_RECORDS);
  const cache = new Map<string, Promise<CsrInspectResult>>();
  const inspect = (text: string) => {
    let result = cache.get(text);
    if (!result) {
      result = inspectCsr(text, { tsvColumn: true });
      cache.set(text, result);
    }
    return result;
  };
  await Promise.all(
    candidates.map(async (record) => {
      try {
        record.issues.push(...csrIssues(spec, record, await inspect(record.cells[col - 1])));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        record.issues.push(makeIssue('csrUnavailable', { seq: record.seq, column: col, field: 'csr' }, { detail }));
      }
    }),
  );
}

function csrIssues(spec: KindSpec, record: CheckedRecord, result: CsrInspectResult): Issue[] {
  const where = { seq: record.seq, column: columnOf(spec, 'csr')!.no, field: 'csr' as const };
  if (!result.ok) return [csrFailureIssue(result, where)];
  const profile = columnOf(spec, 'profile');
  const profileId = profile && !record.issues.some((i) => i.column === profile.no) ? record.cells[profile.no - 1] : '';
  const options = { where, subjectRules: false };
  // With an invalid profile column only the profile-independent rules can be applied.
  const issues = profileId ? checkCsrForProfile(result.info, profileId, options) : checkCsrCommon(result.info, options);
  // With the RDN order refused (U407) the two DNs cannot be lined up; U409 would only repeat it.
  if (record.rdns && csrOrderAccepted(result.info.subject)) issues.push(...compareCsrDn(result.info.subject, record.rdns, { seq: record.seq, column: 1, field: 'dn' }));
  const fqdn = columnOf(spec, 'fqdn');
  const dns = columnOf(spec, 'dnsNames');
  if (fqdn && dns) {
    const hosts = parseDnsNames(record.cells[dns.no - 1]).hosts;
    const ignored = ignoredSanNames(result.info, record.cells[fqdn.no - 1], hosts);
    if (ignored.length > 0) issues.push(makeIssue('csrSanIgnored', where, { names: ignored.join(', ') }));
  }
  return issues;
}
