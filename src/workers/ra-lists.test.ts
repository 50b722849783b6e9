// The worker's paged certificate list against the whole list filtered by hand: family, filter on DN / decimal /
// hex serial, both orders, page clamping and totals; and the statistics rows against a count by hand.
import { describe, expect, it } from 'vitest';
import { replayState } from '../ra/state';
import type { RaEvent } from '../ra/events';
import type { CertificateRecord } from '../ra/types';
import { certificateCounts, certificatePage, certificateStatistics } from './ra-lists';

const AT = '2026-12-01T00:00:00.000Z';

function logOf(n: number): { events: RaEvent[]; certs: CertificateRecord[] } {
  const events: RaEvent[] = [{ seq: 1, at: AT, type: 'initialized', institutions: [{ id: 'nii', domains: ['nii.ac.jp'] } as never], cas: [] }];
  const certs: CertificateRecord[] = [];
  for (let i = 0; i < n; i++) {
    const server = i % 3 === 0;
    const serialHex = (0x1000 + i * 7919).toString(16).padStart(6, '0');
    const cert = {
      serialHex,
      serialDecimal: BigInt(`0x${serialHex}`).toString(),
      family: server ? 'server' : 'client',
      profile: server ? '3' : '5',
      caId: server ? 'server-rsa' : 'client-auth',
      dn: server ? `CN=host${i}.nii.ac.jp,O=NII,C=JP` : `CN=User ${i},OU=${i % 5},O=NII,C=JP`,
      notBefore: AT,
      notAfter: '2027-12-01T00:00:00.000Z',
      issuedAt: i < n / 2 ? AT : '2027-01-10T16:00:00.000Z',
      applicationId: `A${i}`,
      spkiSha256: `k${i}`,
    } as unknown as CertificateRecord;
    certs.push(cert);
    events.push({ seq: events.length + 1, at: AT, type: 'issued', certificate: cert, uploadId: 'U' } as unknown as RaEvent);
    if (i % 4 === 1) events.push({ seq: events.length + 1, at: AT, type: 'revoked', serialHex, reason: 0, comment: '', uploadId: 'U' });
  }
  return { events, certs };
}

describe('certificatePage', () => {
  const { events, certs } = logOf(230);
  const state = replayState(events);
  const serials = (xs: { serialHex: string }[]) => xs.map((c) => c.serialHex);

  it('pages the whole list newest first by default, with the total, and clamps a page past the end', () => {
    const newest = [...certs].reverse();
    const first = certificatePage(state, { page: 0, pageSize: 50 });
    expect(first.total).toBe(230);
    expect(serials(first.items)).toEqual(serials(newest.slice(0, 50)));
    const past = certificatePage(state, { page: 99, pageSize: 50 });
    expect(past.page).toBe(4);
    expect(serials(past.items)).toEqual(serials(newest.slice(200)));
    expect(serials(certificatePage(state, { page: 1, pageSize: 50, sort: 'oldest' }).items)).toEqual(serials(certs.slice(50, 100)));
  });

  it('filters by family and by a part of the DN, the decimal serial or the hex serial', () => {
    const clients = certs.filter((c) => c.family === 'client');
    const page = certificatePage(state, { family: 'client', page: 0, pageSize: 500, sort: 'oldest' });
    expect(page.total).toBe(clients.length);
    expect(serials(page.items)).toEqual(serials(clients));
    expect(serials(certificatePage(state, { filter: 'user 17,', page: 0, pageSize: 50 }).items)).toEqual(['' + certs[17].serialHex]);
    expect(certificatePage(state, { filter: 'HOST', family: 'server', page: 0, pageSize: 500 }).total).toBe(certs.filter((c) => c.family === 'server').length);
    const target = certs[101];
    expect(serials(certificatePage(state, { filter: target.serialDecimal, page: 0, pageSize: 50 }).items)).toContain(target.serialHex);
    expect(serials(certificatePage(state, { filter: `0x${target.serialHex.toUpperCase()}`, page: 0, pageSize: 50 }).items)).toContain(target.serialHex);
    expect(certificatePage(state, { filter: 'no such thing', page: 3, pageSize: 50 })).toEqual({ items: [], total: 0, page: 0 });
    expect(certificatePage(state, { filter: 'user', page: 0, pageSize: 50 }).items.every((c) => c.family === 'client')).toBe(true);
  });

  it('gives each row its 状態 and counts the families', () => {
    const revoked = certificatePage(state, { page: 0, pageSize: 500, sort: 'oldest' }).items.filter((c) => c.status === 7);
    expect(revoked.length).toBe(certs.filter((_, i) => i % 4 === 1).length);
    expect(certificateCounts(state)).toEqual({ server: certs.filter((c) => c.family === 'server').length, client: certs.filter((c) => c.family === 'client').length });
  });
});

describe('certificateStatistics', () => {
  it('counts per domain, profile and JST month of issue, by 状態', () => {
    const { events, certs } = logOf(40);
    const rows = certificateStatistics(replayState(events));
    const total = rows.reduce((n, r) => n + r.counts[4] + r.counts[5] + r.counts[6] + r.counts[7], 0);
    expect(total).toBe(certs.length);
    // 2027-01-10T16:00Z is 2027-01-11 01:00 JST; 2026-12-01T00:00Z is 2026-12-01 09:00 JST.
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2026-12', '2027-01']));
    const nii = rows.filter((r) => r.domain === 'nii.ac.jp');
    expect(nii.reduce((n, r) => n + r.counts[4] + r.counts[7], 0)).toBe(certs.filter((c) => c.family === 'server').length);
  });
});
