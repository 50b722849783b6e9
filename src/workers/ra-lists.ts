// The RA worker's list queries: one page of certificates (family, filter, order) and the statistics screen's
// rows, answered where the certificates are so that the page never receives all of them (100 000 in the bench).
import { certificateStatus, type ReadonlyRaState } from '../ra';
import type { CertificateRecord } from '../ra/types';
import { jstDate } from '../spec/jst';
import type { CertificatePage, CertificateQuery, CertificateStatRow, CertificateView } from './ra-api';

export const MAX_PAGE_SIZE = 500;

export function certificateView(c: CertificateRecord): CertificateView {
  return {
    serialHex: c.serialHex,
    serialDecimal: c.serialDecimal,
    family: c.family,
    profile: c.profile,
    caId: c.caId,
    dn: c.dn,
    status: certificateStatus(c),
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    issuedAt: c.issuedAt,
    applicationId: c.applicationId,
  };
}

/** A matcher for the filter text: the DN (case-insensitive), the decimal serial, or the hex serial with or without 0x. */
function matcher(filter: string | undefined): ((c: CertificateRecord) => boolean) | undefined {
  const needle = (filter ?? '').trim().toLowerCase();
  if (!needle) return undefined;
  const hex = needle.replace(/^0x/, '');
  const hexLike = /^[0-9a-f]+$/.test(hex);
  // A case-insensitive pattern, not a lower-cased copy of each of 100 000 DNs per query.
  const inDn = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return (c) => inDn.test(c.dn) || c.serialDecimal.includes(needle) || (hexLike && c.serialHex.includes(hex));
}

/** The page the query asks for. Issuance order is the map's order (a renewal replaces its entry in place). */
export function certificatePage(state: ReadonlyRaState, query: CertificateQuery): CertificatePage {
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize) || 1));
  const match = matcher(query.filter);
  const family = query.family;
  const hits: CertificateRecord[] = [];
  for (const c of state.certificates.values()) {
    if ((!family || c.family === family) && (!match || match(c))) hits.push(c);
  }
  if (query.sort !== 'oldest') hits.reverse();
  const pages = Math.max(1, Math.ceil(hits.length / size));
  const page = Math.min(Math.max(0, Math.floor(query.page) || 0), pages - 1);
  return { items: hits.slice(page * size, (page + 1) * size).map(certificateView), total: hits.length, page };
}

export function certificateCounts(state: ReadonlyRaState): Record<'server' | 'client', number> {
  const counts = { server: 0, client: 0 };
  for (const c of state.certificates.values()) counts[c.family] += 1;
  return counts;
}

/** Per domain (a server's CN, a client CN's mail domain), profile and JST month of issue, counted by 状態. */
export function certificateStatistics(state: ReadonlyRaState): CertificateStatRow[] {
  const domains = [...state.institutions.values()].flatMap((i) => i.domains);
  const domainOf = (host: string) => domains.find((d) => host.toLowerCase() === d || host.toLowerCase().endsWith(`.${d}`)) ?? '(登録外)';
  const rows = new Map<string, CertificateStatRow>();
  const months = new Map<string, string>(); // issuedAt's day → JST month: 100 000 dates share few days
  for (const c of state.certificates.values()) {
    const cn = /(?:^|,)CN=([^,]*)/.exec(c.dn)?.[1] ?? '';
    const domain = c.family === 'server' ? domainOf(cn) : cn.includes('@') ? domainOf(cn.split('@')[1]) : '(クライアント)';
    const hour = c.issuedAt.slice(0, 13);
    let month = months.get(hour);
    if (month === undefined) months.set(hour, (month = jstDate(new Date(c.issuedAt)).slice(0, 7)));
    const key = `${domain}\t${c.profile}\t${month}`;
    const row = rows.get(key) ?? { domain, profile: c.profile, month, counts: { 4: 0, 5: 0, 6: 0, 7: 0 } };
    row.counts[certificateStatus(c)] += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => `${a.domain}${a.profile}${a.month}`.localeCompare(`${b.domain}${b.profile}${b.month}`));
}
