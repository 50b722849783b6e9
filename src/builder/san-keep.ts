// Renewal keeps what the old certificate covered: a renew row that remembers the old certificate's host names
// (RowMeta.oldDnsNames, set when the certificate is dropped on the row) warns for each one the row no longer
// lists in FQDN (column 11) or dNSName (column 13), since the renewed certificate would silently lose it.
import { columnOf } from '../spec/kinds';
import type { KindSpec } from '../spec/types';
import { parseDnsNames } from '../spec/dns-names';
import { makeIssue } from '../tsv/issue';
import type { Issue } from '../tsv/types';
import type { RowMeta } from './grid';

/** U308 warnings for the old certificate's names missing from a renew record, on the dNSName column. */
export function droppedDnsNameIssues(spec: KindSpec, record: { seq: number; cells: readonly string[]; meta: RowMeta | undefined }): Issue[] {
  const old = record.meta?.oldDnsNames;
  const fqdn = columnOf(spec, 'fqdn');
  const sans = columnOf(spec, 'dnsNames');
  if (spec.action !== 'renew' || !old?.length || !fqdn || !sans) return [];
  const now = new Set(
    [record.cells[fqdn.no - 1] ?? '', ...parseDnsNames(record.cells[sans.no - 1] ?? '').hosts].map((n) => n.trim().toLowerCase()).filter(Boolean),
  );
  return old
    .filter((name) => !now.has(name.toLowerCase()))
    .map((host) => makeIssue('droppedDnsName', { seq: record.seq, column: sans.no, field: 'dnsNames' }, { host }));
}
