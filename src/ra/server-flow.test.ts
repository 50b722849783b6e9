// Server certificates end to end: upload → check → issue → notify → download → renew → revoke,
// with every certificate and CRL checked by OpenSSL against the exported chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { makeServerCsr, serverIssueRow, serverRenewRow, serverRevokeRow } from '../tsv/fixtures';
import { tempDir, type TempDir } from '../pki/openssl.testkit';
import type { RaEngine } from './engine';
import { mailLinks } from './notify/links';
import { NII, openTestEngine, readSjisTsv, tokenFrom, upload, verify, writeChain, writeCrls } from './ra.testkit';

const DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
let dir: TempDir;
let engine: RaEngine;

beforeAll(async () => {
  dir = tempDir('upki-ra-server-');
  engine = await openTestEngine();
});
afterAll(() => dir.remove());

async function lastMail(subject: string) {
  const mails = (await engine.state()).mails.filter((m) => m.subject === subject);
  return mails[mails.length - 1];
}

async function issueAndDownload(dn: string, profile: '3' | '11', dnsNames?: string[]) {
  const csr = await makeServerCsr({ profile, dn });
  const cn = dn.slice(3, dn.indexOf(','));
  const result = await upload(engine, 'server-issue', [
    serverIssueRow({ dn, profile, csr: csr.oneLine, fqdn: cn, dnsNames: dnsNames?.map((d) => `dNSName=${d}`).join(',') ?? '' }),
  ]);
  expect(result.records[0].errors).toEqual([]);
  const mail = await lastMail('サーバ証明書発行受付通知');
  expect(mail.to).toEqual(['admin@nii.ac.jp']);
  const links = mailLinks(mail.body);
  expect(links).toHaveLength(1);
  expect(links[0].label).toBe('証明書取得URL');
  expect(links[0].url).toBe(`https://upki-sim.invalid/t/${links[0].token}`);
  const download = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
  if (!download.ok) throw new Error(download.message.en);
  expect(download.fileName).toBe('server.crt');
  const file = dir.write(`${result.records[0].serialDecimal}.crt`, download.bytes);
  // The certificate carries the CSR's key, as OpenSSL reads each of them.
  const csrFile = dir.write(`${result.records[0].serialDecimal}.csr.der`, csr.der);
  const csrKey = execFileSync('openssl', ['req', '-inform', 'DER', '-in', csrFile, '-noout', '-pubkey'], { encoding: 'utf8' });
  expect(execFileSync('openssl', ['x509', '-in', file, '-noout', '-pubkey'], { encoding: 'utf8' })).toBe(csrKey);
  return { result, download, csr, file };
}

describe('server issue', () => {
  it('issues profile 3 from the CSR key, with SAN = dNSNames + FQDN, and the chain verifies', async () => {
    const { result, file, download } = await issueAndDownload(DN, '3', ['web.nii.ac.jp']);
    expect(result.ok).toBe(true);
    expect(result.screen.title.ja).toBe('サーバ証明書　発行・更新・失効申請完了画面');
    expect(new TextDecoder().decode(download.bytes)).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const chain = await writeChain(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, '-purpose', 'sslserver', file]).output).toMatch(/: OK/);
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-ext', 'subjectAltName', '-subject', '-serial'], { encoding: 'utf8' });
    expect(text).toContain('DNS:web.nii.ac.jp, DNS:www.nii.ac.jp');
    expect(text).toContain('subject=C = JP, ST = Tokyo, L = Chiyoda-ku, O = National Institute of Informatics, CN = www.nii.ac.jp');
    expect(text.toLowerCase()).toContain(`serial=${result.records[0].serialHex}`);
    const notice = await lastMail('サーバ証明書取得通知');
    expect(notice.to).toEqual([NII.ra.mail]);
    expect(notice.body).toContain(result.records[0].serialDecimal!);
  });

  it('issues profile 11 (ECDSA P-384) from the ECC CA', async () => {
    const { file } = await issueAndDownload('CN=ecc.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', '11');
    const chain = await writeChain(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, file]).output).toMatch(/: OK/);
    const text = execFileSync('openssl', ['x509', '-in', file, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA384');
    expect(text).toContain('NIST CURVE: P-384');
  });

  it('refuses a second download with the same one-time URL', async () => {
    const mail = await lastMail('サーバ証明書発行受付通知');
    const again = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toBe('used');
  });
});

describe('server RA checks', () => {
  it('reports 241, R101, R102, R103 and 212 in the RA line format', async () => {
    const csr = await makeServerCsr({ dn: 'CN=www.other.ac.jp,O=Other University,L=Minato-ku,ST=Osaka,C=JP' });
    const bad = await upload(engine, 'server-issue', [
      serverIssueRow({ dn: 'CN=www.other.ac.jp,O=Other University,L=Minato-ku,ST=Osaka,C=JP', csr: csr.oneLine, fqdn: 'www.other.ac.jp' }),
    ]);
    expect(bad.registered).toBe(false);
    expect(bad.records[0].errors.map((e) => e.code).sort()).toEqual(['241', 'R101', 'R102', 'R103']);
    expect(bad.records[0].lines).toContain('241:1,主体者DN,主体者DNの機関名が申請者の所属機関名ではありません。');
    expect(bad.screen.title.ja).toBe('サーバ証明書　発行・更新・失効申請エラー画面');

    const dup = await makeServerCsr({ dn: DN });
    const again = await upload(engine, 'server-issue', [serverIssueRow({ dn: DN, csr: dup.oneLine })]);
    expect(again.records[0].lines).toEqual(['212:1,主体者DN,指定したDNはすでに存在しています。']);
  });
});

describe('server renew and revoke', () => {
  it('renews with a new key, attaches the old-certificate revocation TSV, and the attachment revokes it', async () => {
    const first = await issueAndDownload('CN=renew.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', '3');
    const old = first.result.records[0];
    const dn = 'CN=renew.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

    const sameKey = await upload(engine, 'server-renew', [serverRenewRow({ dn, csr: first.csr.oneLine, fqdn: 'renew.nii.ac.jp', serial: old.serialDecimal })]);
    expect(sameKey.records[0].errors.map((e) => e.code)).toEqual(['R108']);

    const csr = await makeServerCsr({ dn });
    const renewed = await upload(engine, 'server-renew', [serverRenewRow({ dn, csr: csr.oneLine, fqdn: 'renew.nii.ac.jp', serial: `0x${old.serialHex}` })]);
    expect(renewed.ok).toBe(true);
    const mail = await lastMail('サーバ証明書発行受付通知');
    const got = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
    expect(got.ok).toBe(true);

    const notice = await lastMail('[UPKI] Webサーバ用証明書更新通知');
    expect(notice.to).toEqual([NII.ra.mail]);
    expect(notice.body).toContain(old.serialDecimal!);
    expect(notice.attachments).toHaveLength(1);
    const attachment = notice.attachments[0];
    expect(attachment.fileName).toBe(`${old.serialDecimal}-renew.nii.ac.jp.tsv`);
    const bytes = (await engine.file(attachment.fileId))!;
    const rows = readSjisTsv(bytes);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(13);
    expect(rows[0][0]).toBe(dn);
    expect(rows[0][3]).toBe(old.serialDecimal);

    const state = await engine.state();
    expect(state.certificates.get(old.serialHex!)?.renewedBySerialHex).toBe(renewed.records[0].serialHex);

    const revoked = await engine.upload({ bytes, fileName: attachment.fileName, kind: 'server-revoke' });
    expect(revoked.records[0].errors).toEqual([]);
    const done = await lastMail('サーバ証明書失効完了通知');
    expect(done.to).toEqual([NII.ra.mail, 'admin@nii.ac.jp']);

    const chain = await writeChain(engine, dir);
    const crls = await writeCrls(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, first.file]).output).toMatch(/: OK/);
    const withCrl = verify(await engine.now(), ['-CAfile', chain, '-CRLfile', crls, '-crl_check', first.file]);
    expect(withCrl.status).not.toBe(0);
    expect(withCrl.output).toContain('certificate revoked');
  });

  it('sends the 14-day reminder once when the old certificate stays valid', async () => {
    const dn = 'CN=remind.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const first = await issueAndDownload(dn, '3');
    const csr = await makeServerCsr({ dn });
    await upload(engine, 'server-renew', [serverRenewRow({ dn, csr: csr.oneLine, fqdn: 'remind.nii.ac.jp', serial: first.result.records[0].serialDecimal })]);
    const mail = await lastMail('サーバ証明書発行受付通知');
    await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));

    expect((await engine.advanceClock(13)).reminders).toBe(0);
    expect((await engine.advanceClock(1)).reminders).toBe(1);
    const admin = await lastMail('サーバ用証明書更新(旧証明書の失効申請)再通知');
    const ra = await lastMail('サーバ証明書更新(旧証明書の失効申請)再通知');
    expect(admin.to).toEqual(['admin@nii.ac.jp']);
    expect(ra.to).toEqual([NII.ra.mail]);
    expect(ra.attachments).toEqual([]);
    expect(admin.body).toContain(first.result.records[0].serialDecimal!);
    expect((await engine.advanceClock(7)).reminders).toBe(0);
  });

  it.each([0, 1, 3, 4, 5])('revokes with reason %i and the CRL carries it', async (reason) => {
    const dn = `CN=r${reason}.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const issued = await issueAndDownload(dn, reason % 2 ? '3' : '11');
    const serial = issued.result.records[0];
    const result = await upload(engine, 'server-revoke', [serverRevokeRow({ dn, serial: serial.serialDecimal, reason: String(reason) })]);
    expect(result.records[0].errors).toEqual([]);
    const ca = reason % 2 ? 'server-rsa' : 'server-ecc';
    const crl = await engine.crl(ca);
    const crlFile = dir.write(`${ca}-${reason}.crl`, crl.der);
    const chain = await writeChain(engine, dir);
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crlFile, '-CAfile', chain, '-verify', '-noout', '-text'], { encoding: 'utf8', stdio: 'pipe' });
    expect(text.toUpperCase()).toContain(serial.serialHex!.toUpperCase());
    const names = { 1: 'Key Compromise', 3: 'Affiliation Changed', 4: 'Superseded', 5: 'Cessation Of Operation' } as Record<number, string>;
    if (reason !== 0) expect(text).toMatch(new RegExp(`${serial.serialHex!.toUpperCase()}[\\s\\S]*?${names[reason]}`));
    expect(text).toContain(`X509v3 CRL Number: \n                ${crl.number}`);
    const dates = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crlFile, '-noout', '-lastupdate', '-nextupdate'], { encoding: 'utf8' });
    const [last, next] = ['lastUpdate', 'nextUpdate'].map((k) => Date.parse(new RegExp(`${k}=(.+)`).exec(dates)?.[1] ?? 'none'));
    // thisUpdate backdated one hour (pki/validity.ts); nextUpdate 7 days after the moment of publication.
    const published = Math.floor((await engine.now()).getTime() / 1000) * 1000;
    expect(last).toBe(published - 3600_000);
    expect(next - published).toBe(7 * 86_400_000);
    const crls = await writeCrls(engine, dir, `crls-${reason}.pem`);
    const check = verify(await engine.now(), ['-CAfile', chain, '-CRLfile', crls, '-crl_check', issued.file]);
    expect(check.status).not.toBe(0);
    expect(check.output).toContain('certificate revoked');

    const again = await upload(engine, 'server-revoke', [serverRevokeRow({ dn, serial: serial.serialDecimal, reason: '0' })]);
    expect(again.records[0].errors.map((e) => e.code)).toEqual(['R107']);
  });

  it('does not hand out a certificate revoked before its download', async () => {
    const dn = 'CN=early.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const csr = await makeServerCsr({ dn });
    const issued = await upload(engine, 'server-issue', [serverIssueRow({ dn, csr: csr.oneLine, fqdn: 'early.nii.ac.jp' })]);
    const mail = await lastMail('サーバ証明書発行受付通知');
    await upload(engine, 'server-revoke', [serverRevokeRow({ dn, serial: issued.records[0].serialDecimal, reason: '5' })]);
    const late = await engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
    expect(late.ok ? 'ok' : late.reason).toBe('revoked');
  });
});
