// The RA operator certificate's life after issuance (SPEC §10): login judged by the engine (valid /
// revoked / expired / a personal certificate), renewal with the current certificate and a P12 PIN shown
// once, revocation listed on the CRL (OpenSSL reads it), and the trainer's domain faults at upload.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../pki/openssl.testkit';
import { makeServerCsr, serverIssueRow, serverRevokeRow } from '../tsv/fixtures';
import { base64Decode } from '../pki/pem';
import { auditTrail } from './audit';
import { NII, openTestEngine, tokenFrom, upload } from './ra.testkit';
import type { RaEngine } from './engine';

const dir = tempDir('upki-ra-operator-life-');
afterAll(() => dir.remove());

async function issueOperator(engine: RaEngine) {
  const { pin } = await engine.registerRaOperator();
  const mail = (await engine.state()).mails.find((m) => m.subject === '登録担当者用証明書発行受付通知')!;
  const got = await engine.downloadRaOperatorCertificate(tokenFrom(mail.body, '証明書取得URL'), pin);
  if (!got.ok) throw new Error(got.message.en);
  const cert = (await engine.state()).operatorCertificates.get(got.serialsHex[0])!;
  return { pin, p12: got.bytes, cert, der: base64Decode(cert.certDerB64)! };
}

describe('RA operator login, renewal and revocation', () => {
  it('logs in with a valid certificate; logout and both are in the audit trail', async () => {
    const engine = await openTestEngine();
    const { der, cert } = await issueOperator(engine);
    const ok = await engine.raLogin(der);
    expect(ok.ok).toBe(true);
    await engine.raLogout(cert.serialHex);
    const lines = auditTrail(await engine.events()).map((l) => l.type);
    expect(lines.slice(-2)).toEqual(['ra-login', 'ra-logout']);
  });

  it('refuses an expired certificate after the clock passed its notAfter', async () => {
    const engine = await openTestEngine();
    const { der } = await issueOperator(engine);
    await engine.advanceClock(25 * 31 + 2);
    const r = await engine.raLogin(der);
    expect(r.ok ? 'ok' : r.reason).toBe('expired');
    expect(r.ok ? '' : r.message.ja).toContain('有効期限');
  });

  it('refuses a personal (client) certificate of the same system', async () => {
    const engine = await openTestEngine();
    await issueOperator(engine);
    const csr = await makeServerCsr({ profile: '3', dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP' });
    const res = await upload(engine, 'server-issue', [serverIssueRow({ dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', profile: '3', csr: csr.oneLine, fqdn: 'www.nii.ac.jp' })]);
    const issued = (await engine.state()).certificates.get(res.records[0].serialHex!)!;
    const r = await engine.raLogin(base64Decode(issued.certDerB64)!);
    expect(r.ok ? 'ok' : r.reason).toBe('personal');
    const garbage = await engine.raLogin(new Uint8Array([1, 2, 3]));
    expect(garbage.ok ? 'ok' : garbage.reason).toBe('unknown');
  });

  it('renews with the current certificate: new P12 under a PIN shown once; the old one still logs in until revoked, then the CRL lists it', async () => {
    const engine = await openTestEngine();
    const old = await issueOperator(engine);
    const started = await engine.startRaOperatorRenewal(old.cert.serialHex);
    expect(started.ok).toBe(true);
    const mail = (await engine.state()).mails.find((m) => m.subject === '登録担当者用証明書更新手続き通知')!;
    expect(mail.to).toEqual([NII.ra.mail]);
    const token = tokenFrom(mail.body, '証明書取得URL');
    // The access PIN does not open a renewal URL: the current certificate does.
    const byPin = await engine.downloadRaOperatorCertificate(token, old.pin);
    expect(byPin.ok).toBe(false);
    const renewed = await engine.renewRaOperatorCertificate(token, old.der);
    if (!renewed.ok) throw new Error(renewed.message.en);
    expect(renewed.p12Pin).toMatch(/^[A-Z0-9]{16}$/i);
    const again = await engine.renewRaOperatorCertificate(token, old.der);
    expect(again.ok ? 'ok' : again.reason).toBe('used');
    const p12 = dir.write('renewed.p12', renewed.bytes);
    const opened = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${renewed.p12Pin}`, '-clcerts', '-nokeys'], { encoding: 'utf8' });
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('L = Academe-ops');
    const state = await engine.state();
    const fresh = state.operatorCertificates.get(renewed.serialsHex[0])!;
    expect(fresh.renewsSerialHex).toBe(old.cert.serialHex);
    expect((await engine.raLogin(old.der)).ok).toBe(true);
    expect((await engine.raLogin(base64Decode(fresh.certDerB64)!)).ok).toBe(true);

    expect((await engine.revokeRaOperator(old.cert.serialHex)).ok).toBe(true);
    const refused = await engine.raLogin(old.der);
    expect(refused.ok ? 'ok' : refused.reason).toBe('revoked');
    expect((await engine.revokeRaOperator(old.cert.serialHex)).ok).toBe(false);
    const crl = dir.write('ra-operator.crl', (await engine.crl('ra-operator')).der);
    const text = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', crl, '-noout', '-text'], { encoding: 'utf8' }).stdout;
    expect(text.toUpperCase()).toContain(old.cert.serialHex.toUpperCase());
    expect(text.toUpperCase()).not.toContain(fresh.serialHex.toUpperCase());
    // A revoked certificate cannot start a renewal either.
    expect((await engine.startRaOperatorRenewal(old.cert.serialHex)).ok).toBe(false);
  });
});

describe('trainer fault injection (SPEC §7.2 messages)', () => {
  const DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
  async function tryIssue(engine: RaEngine) {
    const csr = await makeServerCsr({ profile: '3', dn: DN });
    return upload(engine, 'server-issue', [serverIssueRow({ dn: DN, profile: '3', csr: csr.oneLine, fqdn: 'www.nii.ac.jp' })]);
  }
  const cases = [
    ['whois-connection', 'R112', 'WHOISサーバへの接続に失敗しました。時間をおいて再度申請してください。再度申請しても接続に失敗するようでしたら、サービス窓口にお問い合わせください。'],
    ['whois-mismatch', 'R113', 'WHOISサーバに登録されている情報と一致しません。サービス窓口にお問い合わせください。'],
    ['removed', 'R101', '対象のドメインは許可されていないため発行できません。サービス窓口にお問い合わせください。'],
  ] as const;
  for (const [fault, code, text] of cases) {
    it(`${fault} → ${code} with the manual's message`, async () => {
      const engine = await openTestEngine();
      const saved = await engine.saveInstitution({ ...NII, domainFaults: { 'nii.ac.jp': fault } });
      expect(saved.ok).toBe(true);
      const r = await tryIssue(engine);
      expect(r.registered).toBe(false);
      expect(r.records[0].errors.map((e) => e.code)).toEqual([code]);
      expect(r.records[0].lines[0]).toBe(`${code}:1,主体者DN,${text}`);
      expect(r.screen.lines[0].ja).toBe('サーバ証明書　発行処理が以下のエラーにより正常終了しませんでした。');
    });
  }

  it('approval expired → R111; a revocation still passes and its error screen says 失効', async () => {
    const engine = await openTestEngine();
    await engine.saveInstitution({ ...NII, approvalExpires: '2020-01-01' });
    const r = await tryIssue(engine);
    expect(r.records[0].errors.map((e) => e.code)).toEqual(['R111']);
    const bad = await upload(engine, 'server-revoke', [serverRevokeRow({ dn: DN, serial: '12345' })]);
    expect(bad.screen.lines[0].ja).toBe('サーバ証明書　失効処理が以下のエラーにより正常終了しませんでした。');
    expect(bad.screen.help?.[0].ja).toContain('修正依頼を利用管理者に行い');
  });

  it('abort mode says that clean rows were not registered either', async () => {
    const engine = await openTestEngine();
    const csr = await makeServerCsr({ profile: '3', dn: DN });
    const r = await upload(engine, 'server-issue', [
      serverIssueRow({ dn: DN, profile: '3', csr: csr.oneLine, fqdn: 'www.nii.ac.jp' }),
      serverIssueRow({ dn: DN.replace('O=National Institute of Informatics', 'O=Other'), profile: '3', csr: csr.oneLine, fqdn: 'www.nii.ac.jp' }),
    ]);
    expect(r.registered).toBe(false);
    expect(r.screen.notes?.[0].ja).toContain('エラーのないデータ（1件）も含めて何も登録されていません');
  });
});

describe('利用管理者情報 更新 and the method-3 P12 name rule', () => {
  it("later mails go to the administrator's new address; a method-3 P12 name with ' cannot be obtained", async () => {
    const { clientIssueRow } = await import('../tsv/fixtures');
    const { readSjisTsv, unzip } = await import('./ra.testkit');
    const engine = await openTestEngine();
    const dn = 'CN=QUOTE USER,OU=55555555,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const res = await upload(engine, 'client-issue', [clientIssueRow({ dn, method: '3', userMail: 'q@nii.ac.jp', p12Name: "o'brien" })]);
    expect(res.records[0].errors).toEqual([]);
    expect(res.records[0].applicant).toEqual({ o: 'National Institute of Informatics', dept: expect.any(String), name: expect.any(String), mail: 'q@nii.ac.jp' });
    const mails = (await engine.state()).mails;
    const pins = await engine.downloadPins(tokenFrom(mails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error('no pins');
    const pin = readSjisTsv((await unzip(pins.bytes))['clientPin.txt'])[1][2];
    const keys = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    ));
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const got = await engine.issueBrowserCertificate(tokenFrom(mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL'), pin, spki);
    expect(got.ok ? 'ok' : got.reason).toBe('p12-name-quote');
    expect(got.ok ? '' : got.message.ja).toContain("P12ダウンロードファイル名に「'」が含まれています");

    const admin = 'admin@nii.ac.jp';
    expect((await engine.updateAdministrator(admin, { name: '新　管理者', mail: 'not-a-mail' })).ok).toBe(false);
    expect((await engine.updateAdministrator(admin, { name: '新　管理者', mail: 'new-admin@nii.ac.jp' })).ok).toBe(true);
    const state = await engine.state();
    expect(state.institutions.get('nii')!.admins).toEqual([{ name: '新　管理者', mail: 'new-admin@nii.ac.jp' }]);
    const csr = await makeServerCsr({ profile: '3', dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP' });
    const server = await upload(engine, 'server-issue', [serverIssueRow({ dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', profile: '3', csr: csr.oneLine, fqdn: 'www.nii.ac.jp', adminMail: admin })]);
    // The application came with the old address: the update moves it too; revocation mails follow.
    await engine.updateAdministrator(admin, { name: '新　管理者', mail: 'newer@nii.ac.jp' });
    const revoke = await upload(engine, 'server-revoke', [serverRevokeRow({ dn: 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', serial: server.records[0].serialDecimal!, reason: '0', reasonComment: '' })]);
    expect(revoke.ok).toBe(true);
    const notice = (await engine.state()).mails.filter((m) => m.subject === 'サーバ証明書失効完了通知').pop()!;
    expect(notice.to).toContain('newer@nii.ac.jp');
    expect(notice.to).not.toContain(admin);
    expect(notice.body).toContain('【失効理由】\nその他\n');
  });
});

describe('the administrator sends the TSV to the RA operator', () => {
  it('arrives as a mail to the RA with the file attached byte for byte; a path in the name is flattened', async () => {
    const engine = await openTestEngine();
    const bytes = new Uint8Array([0x82, 0xa0, 0x09, 0x0d, 0x0a]);
    await engine.sendApplicationToRa('../../etc/passwd.tsv', bytes, { name: '国立　太郎', mail: 'admin@nii.ac.jp' });
    const mail = (await engine.state()).mails.at(-1)!;
    expect(mail.subject).toBe('申請TSVファイルの送付');
    expect(mail.to).toEqual([NII.ra.mail]);
    expect(mail.body).toContain('admin@nii.ac.jp');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].fileName).toBe('__.._etc_passwd.tsv');
    expect(await engine.file(mail.attachments[0].fileId)).toEqual(bytes);
  });
});
