// DER strictness of everything the engine signs: CA certificates, every end-entity profile (server RSA/ECC,
// client methods 1/2/3, S/MIME, RA operator) and every CRL (root ARL included, entries with each reason).
// Judged by a TLV walker of our own (pki/der.testkit.ts), by asn1js re-encoding byte for byte, and by
// `openssl asn1parse` reading each file to the end.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asn1jsRoundTrip, derProblems } from '../pki/der.testkit';
import { base64Decode, pemEncode } from '../pki/pem';
import { tempDir } from '../pki/openssl.testkit';
import { clientIssueRow, clientRevokeRow, makeServerCsr, serverIssueRow, serverRevokeRow, smimeIssueRow } from '../tsv/fixtures';
import { CRL_CAS } from './ca/authority';
import type { RaEngine } from './engine';
import { openTestEngine, upload } from './ra.testkit';
import { simulateDownloads } from './simulate';

const tmp = tempDir('upki-der-');
afterAll(() => tmp.remove());

let engine: RaEngine;
const artefacts: { name: string; der: Uint8Array }[] = [];

async function uploadAndDownload(kind: Parameters<typeof upload>[1], rows: string[][], p12Format: 'modern' | 'legacy' = 'modern') {
  const result = await upload(engine, kind, rows, { p12Format });
  expect(result.records.flatMap((r) => r.errors.map((e) => e.code))).toEqual([]);
  await simulateDownloads(engine, result.uploadId!);
  return result;
}

const dn = (cn: string, ou: string) => `CN=${cn},OU=${ou},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;

beforeAll(async () => {
  engine = await openTestEngine();
  const rsa = await makeServerCsr({ profile: '3', dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP' });
  const ecc = await makeServerCsr({ profile: '11', dn: 'CN=ecc.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP' });
  await uploadAndDownload('server-issue', [
    serverIssueRow({ csr: rsa.oneLine, dnsNames: 'dNSName=web.nii.ac.jp' }),
    serverIssueRow({ dn: 'CN=ecc.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', fqdn: 'ecc.nii.ac.jp', profile: '11', csr: ecc.oneLine }),
  ]);
  const clients = await uploadAndDownload('client-issue', [
    clientIssueRow({ dn: dn('USER ZERO', '10000000'), method: '1', userMail: 'u0@nii.ac.jp', p12Name: 'u0' }),
    clientIssueRow({ dn: dn('USER ONE', '10000001'), method: '1', userMail: 'u1@nii.ac.jp', p12Name: 'u1', profile: '13' }),
    clientIssueRow({ dn: dn('USER THREE', '10000003'), method: '1', userMail: 'u3@nii.ac.jp', p12Name: 'u3', profile: '14' }),
    clientIssueRow({ dn: dn('USER FOUR', '10000004'), method: '1', userMail: 'u4@nii.ac.jp', p12Name: 'u4' }),
    clientIssueRow({ dn: dn('USER FIVE', '10000005'), method: '1', userMail: 'u5@nii.ac.jp', p12Name: 'u5' }),
  ]);
  await uploadAndDownload('client-issue', [clientIssueRow({ dn: dn('USER TWO', '20000000'), method: '2', userMail: 'm2@nii.ac.jp' })], 'legacy');
  await uploadAndDownload('client-issue', [clientIssueRow({ dn: dn('BROWSER USER', '30000000'), method: '3', userMail: 'm3@nii.ac.jp', p12Name: 'b' })]);
  await uploadAndDownload('client-issue', [smimeIssueRow({ method: '2', p12Name: '' })]);
  const { token, pin } = await engine.registerRaOperator();
  expect((await engine.downloadRaOperatorCertificate(token, pin)).ok).toBe(true);
  // One revocation per reason code (0 has no reasonCode extension, so its entry has no extensions at all).
  const reasons = ['0', '1', '3', '4', '5'];
  const names = ['USER ZERO', 'USER ONE', 'USER THREE', 'USER FOUR', 'USER FIVE'];
  const ous = ['10000000', '10000001', '10000003', '10000004', '10000005'];
  const revoked = await upload(
    engine,
    'client-revoke',
    reasons.map((reason, i) => clientRevokeRow({ dn: dn(names[i], ous[i]), serial: clients.records[i].serialDecimal!, reason })),
  );
  expect(revoked.registered).toBe(true);
  // An ECC CRL with a reason-0 entry: the corrected list is signed again with ECDSA P-384.
  const eccSerial = [...(await engine.state()).certificates.values()].find((c) => c.profile === '11')!.serialDecimal;
  const eccRevoked = await upload(engine, 'server-revoke', [serverRevokeRow({ dn: 'CN=ecc.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', serial: eccSerial, reason: '0' })]);
  expect(eccRevoked.registered).toBe(true);

  const state = await engine.state();
  for (const ca of state.cas.values()) artefacts.push({ name: `ca ${ca.id}`, der: base64Decode(ca.certDerB64)! });
  for (const c of state.certificates.values()) artefacts.push({ name: `cert ${c.profile} ${c.dn}`, der: base64Decode(c.certDerB64)! });
  for (const c of state.operatorCertificates.values()) artefacts.push({ name: `operator ${c.subject}`, der: base64Decode(c.certDerB64)! });
  for (const ca of CRL_CAS) artefacts.push({ name: `crl ${ca}`, der: (await engine.crl(ca)).der });
});

describe('DER strictness of every certificate and CRL the engine signs', () => {
  it('covers CA certificates, every end-entity kind and every CRL', () => {
    const kinds = artefacts.map((a) => a.name.split(' ').slice(0, 2).join(' '));
    for (const expected of ['ca root', 'ca server-ecc', 'cert 3', 'cert 11', 'cert 5', 'cert 13', 'cert 14', 'cert 7', 'operator', 'crl root', 'crl client-auth']) {
      expect(kinds.some((k) => k.startsWith(expected)), expected).toBe(true);
    }
    expect(artefacts.length).toBeGreaterThanOrEqual(6 + 10 + 1 + 6);
  });

  it('has no DER violation: lengths, INTEGERs, BOOLEANs, critical FALSE, empty SEQUENCEs', () => {
    for (const a of artefacts) expect(derProblems(a.der), a.name).toEqual([]);
  });

  // asn1js keeps the length forms it read, so this is a consistency check (nothing lost or added), not
  // a minimality check: der.testkit's walker judges the forms.
  it('re-encodes byte for byte through asn1js', () => {
    for (const a of artefacts) expect(asn1jsRoundTrip(a.der), a.name).toBe(true);
  });

  it('is read to the end by openssl asn1parse', () => {
    for (const [i, a] of artefacts.entries()) {
      const file = tmp.write(`a${i}.der`, a.der);
      const r = spawnSync('openssl', ['asn1parse', '-inform', 'DER', '-in', file], { encoding: 'utf8' });
      expect(r.status, `${a.name}: ${r.stderr}`).toBe(0);
    }
  });

  it('every CRL is signed by its CA (openssl crl -verify), the re-signed RSA and ECDSA ones included', async () => {
    const state = await engine.state();
    for (const ca of CRL_CAS) {
      const caFile = tmp.write(`${ca}.pem`, pemEncode('CERTIFICATE', base64Decode(state.cas.get(ca)!.certDerB64)!));
      const crlFile = tmp.write(`${ca}.crl`, (await engine.crl(ca)).der);
      const r = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', crlFile, '-CAfile', caFile, '-noout', '-verify'], { encoding: 'utf8' });
      expect(r.stderr, ca).toContain('verify OK');
    }
    expect(spawnSync('openssl', ['crl', '-inform', 'DER', '-in', tmp.path('server-ecc.crl'), '-noout', '-text'], { encoding: 'utf8' }).stdout).toContain('ecdsa-with-SHA384');
  });

  it('writes no crlEntryExtensions for a reason-0 entry, and a reasonCode for the others (read from the DER)', async () => {
    const crl = (await engine.crl('client-auth')).der;
    const text = spawnSync('openssl', ['asn1parse', '-inform', 'DER', '-in', tmp.write('client-auth.crl', crl)], { encoding: 'utf8' }).stdout;
    // An empty SEQUENCE prints as "cons: SEQUENCE" with header length 2 and l=0.
    expect(text).not.toMatch(/hl=2 l=\s*0 cons: SEQUENCE/);
    expect(text.match(/X509v3 CRL Reason Code/g)).toHaveLength(4);
    expect(text.match(/prim: (?:UTCTIME|GENERALIZEDTIME)/g)?.length).toBeGreaterThanOrEqual(2 + 5);
  });

  it('the checker can fail: it finds the empty SEQUENCE, a long-form short length and a padded INTEGER', () => {
    // RevokedCertificate with `30 00` crlEntryExtensions inside a SEQUENCE OF.
    const entry = [0x30, 0x0a, 0x02, 0x01, 0x05, 0x17, 0x03, 0x31, 0x32, 0x33, 0x30, 0x00];
    expect(derProblems(new Uint8Array([0x30, entry.length, ...entry])).join()).toContain('empty extensions SEQUENCE');
    expect(derProblems(new Uint8Array([0x30, 0x81, 0x03, 0x02, 0x01, 0x05])).join()).toContain('short form required');
    expect(derProblems(new Uint8Array([0x30, 0x04, 0x02, 0x02, 0x00, 0x05])).join()).toContain('non-minimal INTEGER');
    const criticalFalse = [0x30, 0x0b, 0x06, 0x03, 0x55, 0x1d, 0x0f, 0x01, 0x01, 0x00, 0x04, 0x01, 0x05];
    expect(derProblems(new Uint8Array([0x30, criticalFalse.length, ...criticalFalse])).join()).toContain('critical FALSE');
    // Empty SEQUENCE inside an extension value: wrong for cRLDistributionPoints (SIZE 1..MAX), right for an end entity's basicConstraints.
    const extension = (oidLast: number) => [0x30, 0x09, 0x06, 0x03, 0x55, 0x1d, oidLast, 0x04, 0x02, 0x30, 0x00];
    expect(derProblems(new Uint8Array([0x30, 0x0b, ...extension(0x1f)])).join()).toContain('extension 2.5.29.31 holds an empty SEQUENCE');
    expect(derProblems(new Uint8Array([0x30, 0x0b, ...extension(0x13)]))).toEqual([]);
  });
});
