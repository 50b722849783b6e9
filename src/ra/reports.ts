// The RA's downloads and screens derived from state (SPEC §9.1 ②④⑥⑦⑧): certificate information
// lists, statistics per domain, the OU allow-list. Layouts: files/layouts.ts, docs/ra-files.md.
import { isSmimeProfile } from '../spec/profiles';
import type { Family } from '../spec/types';
import {
  ALL_LIST_COLUMNS,
  CLIENT_LIST_COLUMNS,
  OU_ALLOW_LIST_COLUMNS,
  SERVER_LIST_COLUMNS,
  STATISTICS_COLUMNS,
  cnOf,
  tableFile,
  type ListedApplication,
  type StatisticsRow,
} from './files/layouts';
import { certificateStatus, type ReadonlyRaState } from './state';
import type { Institution } from './types';

export type CertificateListKind = 'server' | 'client' | 'all';

export function listedApplications(state: ReadonlyRaState, family?: Family, institutionId?: string): ListedApplication[] {
  const out: ListedApplication[] = [];
  for (const app of state.applications.values()) {
    if (family && app.family !== family) continue;
    if (institutionId && app.institutionId !== institutionId) continue;
    const serial = state.certificateByApplication.get(app.id);
    out.push({ app, cert: serial ? state.certificates.get(serial) : undefined });
  }
  return out;
}

export const CERTIFICATE_LIST_FILE_NAMES: Record<CertificateListKind, string> = {
  server: 'serverCertificateList.txt',
  client: 'clientCertificateList.txt',
  all: 'allCertificateList.txt',
};

export function certificateListFile(state: ReadonlyRaState, kind: CertificateListKind, institutionId?: string): Uint8Array {
  if (kind === 'server') return tableFile(SERVER_LIST_COLUMNS, listedApplications(state, 'server', institutionId));
  if (kind === 'client') return tableFile(CLIENT_LIST_COLUMNS, listedApplications(state, 'client', institutionId));
  return tableFile(ALL_LIST_COLUMNS, listedApplications(state, undefined, institutionId));
}

function typeLabel(profile: string, family: Family): string {
  if (family === 'server') return 'サーバ証明書';
  return isSmimeProfile(profile) ? 'S/MIME証明書' : 'クライアント証明書';
}

/**
 * 発行証明書統計照会: per registered domain and certificate type, how many certificates are in each
 * 状態. Server certificates count under the domain of their CN, S/MIME under the domain of the
 * address, client-authentication certificates (names, not hosts) under the row "(全体)".
 */
export function statistics(state: ReadonlyRaState, inst: Institution): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  const domainOf = (host: string) =>
    inst.domains.find((d) => host.toLowerCase() === d || host.toLowerCase().endsWith(`.${d}`)) ?? '(登録外)';
  for (const cert of state.certificates.values()) {
    if (cert.institutionId !== inst.id) continue;
    const cn = cnOf(cert.dn);
    const domain =
      cert.family === 'server' ? domainOf(cn) : isSmimeProfile(cert.profile) ? domainOf(cn.split('@')[1] ?? '') : '(全体)';
    const type = typeLabel(cert.profile, cert.family);
    const key = `${domain}\t${type}`;
    const row = rows.get(key) ?? { domain, type, counts: { 4: 0, 5: 0, 6: 0, 7: 0 } };
    row.counts[certificateStatus(cert)] += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.domain + a.type).localeCompare(b.domain + b.type));
}

export function statisticsFile(state: ReadonlyRaState, inst: Institution): Uint8Array {
  return tableFile(STATISTICS_COLUMNS, statistics(state, inst));
}

export function ouAllowListFile(inst: Institution): Uint8Array {
  const rows = Object.entries(inst.ouAllowList).flatMap(([domain, ous]) => ous.map((ou) => ({ domain, ou })));
  return tableFile(OU_ALLOW_LIST_COLUMNS, rows);
}
