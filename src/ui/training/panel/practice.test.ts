// The practice files are real application files: they decode as Shift-JIS and pass the RA's own rules (or fail in the
// one way the lesson wants), and renewals / revocations name the right certificate from the engine's log.
import { describe, expect, it } from 'vitest';
import { DEMO_INSTITUTION } from '../../../ra/institutions';
import type { RaEvent } from '../../../ra/events';
import { decodeAndParse } from '../../../tsv/codec';
import { validateRecords } from '../../../tsv/validate';
import { makePracticeFile, type PracticeSpec } from './practice';

async function made(spec: PracticeSpec, events: RaEvent[] = []) {
  const r = await makePracticeFile(spec, DEMO_INSTITUTION, events);
  if (!r.ok) throw new Error(r.message.en);
  const parsed = decodeAndParse(r.file.bytes, spec.kind);
  return { file: r.file, parsed, report: validateRecords(spec.kind, parsed.records) };
}

// A server certificate's life in the log: issued (A1), renewed by A2 (issued as 02), the renewal not yet revoked.
const ev = (seq: number, e: object) => ({ seq, at: '2026-12-01T00:00:00.000Z', ...e }) as unknown as RaEvent;
const LOG: RaEvent[] = [
  ev(1, { type: 'application-accepted', application: { id: 'A1', fqdn: 'www.example.ac.jp' } }),
  ev(2, { type: 'issued', certificate: { serialHex: '0a0b', family: 'server', applicationId: 'A1', dn: 'CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP' } }),
  ev(3, { type: 'application-accepted', application: { id: 'A2', fqdn: 'www.example.ac.jp', renewsSerialHex: '0a0b' } }),
  ev(4, { type: 'issued', certificate: { serialHex: '0c0d', family: 'server', applicationId: 'A2', dn: 'CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP' } }),
];

describe('practice files', () => {
  it('server issue: one valid row under the institution’s domain, with a CSR made here and the key only encrypted', async () => {
    const { file, report } = await made({ kind: 'server-issue' });
    expect(report.ok, JSON.stringify(report.records[0]?.issues)).toBe(true);
    expect(report.records[0].cells[10]).toMatch(/^train-[a-z0-9]{4}\.example\.ac\.jp$/);
    expect(file.key?.pem).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(file.key?.passphrase.length).toBeGreaterThanOrEqual(8);
  });

  it('server renewal names the newest certificate nobody renewed; the revocation names the renewed one', async () => {
    const renew = await made({ kind: 'server-renew' }, LOG);
    expect(renew.report.ok, JSON.stringify(renew.report.records[0]?.issues)).toBe(true);
    expect(renew.report.records[0].cells[3]).toBe('0x0C0D');
    const revoke = await made({ kind: 'server-revoke' }, LOG);
    expect(revoke.report.ok, JSON.stringify(revoke.report.records[0]?.issues)).toBe(true);
    expect(revoke.report.records[0].cells[3]).toBe('0x0A0B');
  });

  it('refuses a renewal or revocation when the log has nothing to renew or revoke', async () => {
    expect((await makePracticeFile({ kind: 'server-renew' }, DEMO_INSTITUTION, [])).ok).toBe(false);
    expect((await makePracticeFile({ kind: 'server-revoke' }, DEMO_INSTITUTION, LOG.slice(0, 2))).ok).toBe(false);
  });

  it('a class of 40 (method 2) passes; the broken file fails with the RA’s code for the empty admin mail only', async () => {
    const cls = await made({ kind: 'client-issue', users: 40, method: '2' });
    expect(cls.report.ok).toBe(true);
    expect(cls.report.records).toHaveLength(40);
    const broken = await made({ kind: 'client-issue', users: 1, method: '1', broken: 'empty-admin-mail' });
    expect(broken.report.ok).toBe(false);
    expect(broken.report.records[0].issues.map((i) => i.code)).toEqual(['201']);
  });

  it('S/MIME (profile 7, method 1): the CN is the user’s mail, a P12 name is given, and the file passes', async () => {
    const { report } = await made({ kind: 'client-issue', users: 1, method: '1', profile: '7' });
    expect(report.ok, JSON.stringify(report.records[0]?.issues)).toBe(true);
    const cells = report.records[0].cells;
    expect(cells[1]).toBe('7');
    const mail = cells.find((c) => /^trainee-[a-z0-9]{4}-01@example\.ac\.jp$/.test(c));
    expect(mail).toBeDefined();
    expect(cells[0]).toMatch(new RegExp(`^CN=${mail!.replace(/\./g, '\\.')},O=`));
  });
});
