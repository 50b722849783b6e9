// Each step of the JPNIC flows and each refusal (seed 000 §1.2–1.4), on a memory store.
import { describe, expect, it } from 'vitest';
import { installCertificate, tellApart, compareFingerprint } from './applicant';
import { parseLicenseInput } from './license';
import { LICENSE, MESSAGES } from './rules';
import { openTestEngine } from './jpnic.testkit';
import { base64DecodeOrThrow } from './testkit-deps';
import type { JpnicEngine } from './engine';
import { toArrayBuffer } from '../pki/crypto';

async function issued(engine: JpnicEngine, managerDer: Uint8Array, email = 'taro@example.ac.jp') {
  const reg = await engine.registerAccount(managerDer, 'Yamada Taro (NOC)');
  if (!reg.ok) throw new Error(reg.message.en);
  const req = await engine.requestIssue(managerDer, reg.account.accountId, { name: 'Taro Yamada', email });
  if (!req.ok) throw new Error(req.message.en);
  const state = await engine.state();
  const mail = state.mails.find((m) => m.id === req.mailId)!;
  return { accountId: reg.account.accountId, req, mail };
}

function lastBlockFromMail(body: string): string {
  const m = /ライセンスID（第3ブロック）: ([A-Z0-9]+)/.exec(body);
  if (!m) throw new Error('no block in mail');
  return m[1];
}

describe('JPNIC: manager login, accounts', () => {
  it('logs the manager in with the 資源管理者証明書 and refuses no / foreign certificates', async () => {
    const { engine, managerDer } = await openTestEngine();
    const login = await engine.login(managerDer);
    expect(login.ok && login.role).toBe('manager');
    expect(await engine.login(undefined)).toMatchObject({ ok: false, code: 'noCertificate' });
    const foreign = await engine.caCertificate('jpnic-root');
    expect(await engine.login(foreign)).toMatchObject({ ok: false, code: 'unknownCertificate' });
  });

  it('registers accounts with unique 証明書認証IDs that are never reused, and registering is not issuing', async () => {
    const { engine, managerDer } = await openTestEngine();
    const a = await engine.registerAccount(managerDer, 'A');
    const b = await engine.registerAccount(managerDer, 'B');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.account.accountId).toMatch(/^CA\d{6}$/);
    expect(a.account.accountId).not.toBe(b.account.accountId);
    expect(a.account.serials).toEqual([]);
    expect((await engine.state()).licenses.size).toBe(0);
    await engine.deleteAccount(managerDer, a.account.accountId);
    const c = await engine.registerAccount(managerDer, 'C');
    expect(c.ok && c.account.accountId).not.toBe(a.account.accountId);
    expect(await engine.registerAccount(managerDer, '  ')).toMatchObject({ ok: false, code: 'badUserName' });
  });

  it('refuses manager operations authenticated with an applicant certificate', async () => {
    const { engine, managerDer, browser } = await openTestEngine();
    const { req, mail } = await issued(engine, managerDer);
    const inst = await installCertificate({ engine, store: browser, licenseInput: [...req.screenBlocks, lastBlockFromMail(mail.body)].join('-'), passphrase: 'applicant-pass' });
    if (!inst.ok) throw new Error(inst.message.en);
    expect(await engine.registerAccount(inst.stored.certificateDer, 'X')).toMatchObject({ ok: false, code: 'notManager' });
  });
});

describe('JPNIC: issue → license ID → fetch', () => {
  it('shows two blocks on screen and mails only the last one with the fields the seed lists', async () => {
    const { engine, managerDer } = await openTestEngine();
    const { accountId, req, mail } = await issued(engine, managerDer);
    expect(req.license.blocks).toHaveLength(LICENSE.blocks);
    expect(req.screenBlocks).toEqual(req.license.blocks.slice(0, 2));
    expect(mail.to).toEqual(['taro@example.ac.jp']);
    for (const field of ['メンテナーコード: TR9999JP', `認証ID（証明書認証ID）: ${accountId}`, '名称: Taro Yamada', 'メールアドレス: taro@example.ac.jp', 'https://mntner-ca.nic.ad.jp/']) expect(mail.body).toContain(field);
    expect(lastBlockFromMail(mail.body)).toBe(req.license.blocks[2]);
    for (const b of req.screenBlocks) expect(mail.body).not.toContain(b);
  });

  it('refuses a name not in the alphabet and a malformed EMAIL', async () => {
    const { engine, managerDer } = await openTestEngine();
    const reg = await engine.registerAccount(managerDer, 'u');
    if (!reg.ok) throw new Error();
    expect(await engine.requestIssue(managerDer, reg.account.accountId, { name: '山田太郎', email: 'a@example.jp' })).toMatchObject({ ok: false, code: 'badName' });
    expect(await engine.requestIssue(managerDer, reg.account.accountId, { name: 'Taro', email: 'taro@' })).toMatchObject({ ok: false, code: 'badEmail' });
    expect(await engine.requestIssue(managerDer, 'CA999999', { name: 'Taro', email: 'a@example.jp' })).toMatchObject({ ok: false, code: 'unknownAccount' });
  });

  it('checks the license ID, issues once, puts a P12 in the browser store and lets the applicant log in', async () => {
    const { engine, managerDer, browser } = await openTestEngine();
    const { req, mail, accountId } = await issued(engine, managerDer);
    const full = `${req.screenBlocks.join(' ').toLowerCase()} ${lastBlockFromMail(mail.body)}`;
    const check = await engine.checkLicense(full);
    expect(check.ok && [check.license.name, check.license.email]).toEqual(['Taro Yamada', 'taro@example.ac.jp']);
    const inst = await installCertificate({ engine, store: browser, licenseInput: full, passphrase: 'applicant-pass' });
    if (!inst.ok) throw new Error(inst.message.en);
    expect(inst.certificate.accountId).toBe(accountId);
    const [stored] = await browser.list({ service: 'jpnic', owner: `jpnic-applicant:${accountId}` });
    expect(stored?.p12?.length).toBeGreaterThan(1000);
    const login = await engine.login(stored.certificateDer);
    expect(login.ok && login.role).toBe('applicant');
    // the same account cannot get a second certificate by 発行 while this one is valid
    expect(await engine.requestIssue(managerDer, accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' })).toMatchObject({ ok: false, code: 'alreadyIssued' });
  });

  it('refuses an incomplete, a wrong, a reused and an expired license ID, each with its own message', async () => {
    const { engine, managerDer, browser } = await openTestEngine();
    const { req, mail } = await issued(engine, managerDer);
    const last = lastBlockFromMail(mail.body);
    const full = [...req.screenBlocks, last].join('-');
    expect(await engine.checkLicense(req.screenBlocks.join('-'))).toMatchObject({ ok: false, code: 'licenseIncomplete', message: MESSAGES.licenseIncomplete });
    const wrongLast = last.startsWith('A') ? `C${last.slice(1)}` : `A${last.slice(1)}`;
    expect(await engine.checkLicense([...req.screenBlocks, wrongLast].join('-'))).toMatchObject({ ok: false, code: 'licenseWrong' });
    expect(await installCertificate({ engine, store: browser, licenseInput: full, passphrase: 'short' })).toMatchObject({ ok: false, code: 'badPassphrase' });
    expect((await installCertificate({ engine, store: browser, licenseInput: full, passphrase: 'applicant-pass' })).ok).toBe(true);
    expect(await engine.checkLicense(full)).toMatchObject({ ok: false, code: 'licenseUsed' });
    expect(await installCertificate({ engine, store: browser, licenseInput: full, passphrase: 'applicant-pass' })).toMatchObject({ ok: false, code: 'licenseUsed' });
    expect(await browser.list()).toHaveLength(1);

    const other = await issued(engine, managerDer, 'hanako@example.ac.jp');
    const otherFull = [...other.req.screenBlocks, lastBlockFromMail(other.mail.body)].join('');
    await engine.advanceClock(LICENSE.validDays);
    expect(await engine.checkLicense(otherFull)).toMatchObject({ ok: false, code: 'licenseExpired' });
    const refused = (await engine.events()).filter((e) => e.type === 'jpnic-license-refused').length;
    expect(refused).toBe(5); // incomplete, wrong, used (check), used (fetch), expired
  });

  it('parses what people type: case, spaces, full-width dashes, run-together', () => {
    expect(parseLicenseInput('acdef-ghjkm-npqrt')).toEqual({ ok: true, blocks: ['ACDEF', 'GHJKM', 'NPQRT'] });
    expect(parseLicenseInput('ACDEF　GHJKM　NPQRT')).toEqual({ ok: true, blocks: ['ACDEF', 'GHJKM', 'NPQRT'] });
    expect(parseLicenseInput('ACDEFGHJKMNPQRT')).toEqual({ ok: true, blocks: ['ACDEF', 'GHJKM', 'NPQRT'] });
    expect(parseLicenseInput('ACDEF-GHJKM')).toEqual({ ok: false });
    expect(parseLicenseInput('ACDE-FGHJKM-NPQRT')).toEqual({ ok: false });
    expect(parseLicenseInput('ACDEF-GHJKM-NPQR0')).toEqual({ ok: false });
  });
});

describe('JPNIC: revoke, delete, reissue', () => {
  async function installedOne() {
    const kit = await openTestEngine();
    const { req, mail, accountId } = await issued(kit.engine, kit.managerDer);
    const inst = await installCertificate({ engine: kit.engine, store: kit.browser, licenseInput: [...req.screenBlocks, lastBlockFromMail(mail.body)].join('-'), passphrase: 'applicant-pass' });
    if (!inst.ok) throw new Error(inst.message.en);
    return { ...kit, accountId, inst };
  }

  it('revokes: notice mail to the certificate address, login refused, the CRL lists the serial', async () => {
    const { engine, managerDer, accountId, inst } = await installedOne();
    const before = (await engine.crl()).number;
    const r = await engine.revoke(managerDer, accountId);
    if (!r.ok) throw new Error(r.message.en);
    const mail = (await engine.state()).mails.find((m) => m.id === r.mailId)!;
    expect(mail.to).toEqual(['taro@example.ac.jp']);
    expect(mail.body).toContain(inst.certificate.serialDecimal);
    expect(await engine.login(inst.stored.certificateDer)).toMatchObject({ ok: false, code: 'revokedCertificate' });
    const crl = await engine.crl();
    expect(crl.number).toBe(before + 1);
    const { X509Crl } = await import('@peculiar/x509');
    const serials = new X509Crl(toArrayBuffer(crl.der)).entries.map((e) => e.serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(serials).toContain(inst.certificate.serialHex.replace(/^0+/, ''));
    expect(await engine.revoke(managerDer, accountId)).toMatchObject({ ok: false, code: 'noActiveCertificate' });
  });

  it('deletes the account: login refused with its own message, certificate NOT revoked and NOT on the CRL', async () => {
    const { engine, managerDer, accountId, inst } = await installedOne();
    const crlBefore = await engine.crl();
    const d = await engine.deleteAccount(managerDer, accountId);
    expect(d.ok && d.unrevoked?.serialHex).toBe(inst.certificate.serialHex);
    expect(await engine.login(inst.stored.certificateDer)).toMatchObject({ ok: false, code: 'deletedAccount' });
    const state = await engine.state();
    expect(state.certificates.get(inst.certificate.serialHex)?.revokedAt).toBeUndefined();
    expect((await engine.crl()).number).toBe(crlBefore.number);
    expect(await engine.revoke(managerDer, accountId)).toMatchObject({ ok: false, code: 'unknownAccount' });
  });

  it('reissues: serial shown first, EMAIL may change, new 2+1 license, same subject, new serial and dates, old one superseded', async () => {
    const { engine, managerDer, browser, accountId, inst } = await installedOne();
    await engine.advanceClock(30);
    const screen = await engine.reissueScreen(managerDer, accountId);
    if (!screen.ok) throw new Error(screen.message.en);
    expect(screen.certificate.serialHex).toBe(inst.certificate.serialHex);
    const again = await engine.reissueScreen(managerDer, accountId);
    expect(again.ok && again.newSerialDecimal).toBe(screen.newSerialDecimal);
    const req = await engine.requestReissue(managerDer, accountId, { email: 'taro.new@example.ac.jp' });
    if (!req.ok) throw new Error(req.message.en);
    expect(req.newSerialDecimal).toBe(screen.newSerialDecimal);
    expect(req.screenBlocks).toHaveLength(2);
    const mail = (await engine.state()).mails.find((m) => m.id === req.mailId)!;
    expect(mail.to).toEqual(['taro.new@example.ac.jp']);
    expect(mail.subject).toContain('再発行');
    // the old certificate still logs in until the new one is fetched
    expect((await engine.login(inst.stored.certificateDer)).ok).toBe(true);
    const next = await installCertificate({ engine, store: browser, licenseInput: [...req.screenBlocks, lastBlockFromMail(mail.body)].join('-'), passphrase: 'applicant-pass2' });
    if (!next.ok) throw new Error(next.message.en);
    expect(next.certificate.serialDecimal).toBe(screen.newSerialDecimal);
    expect(next.certificate.subject).toBe(inst.certificate.subject);
    expect(next.certificate.email).toBe('taro.new@example.ac.jp');
    expect(next.certificate.notBefore).not.toBe(inst.certificate.notBefore);
    const held = await browser.list({ owner: inst.stored.owner });
    expect(held).toHaveLength(2);
    expect(await engine.login(inst.stored.certificateDer)).toMatchObject({ ok: false, code: 'revokedCertificate' });
    expect((await engine.login(next.stored.certificateDer)).ok).toBe(true);
    const pick = tellApart([inst.certificate, next.certificate]);
    expect(pick).toMatchObject({ by: 'start-date', newest: { serialHex: next.certificate.serialHex } });
    const sameDay = tellApart([next.certificate, { ...inst.certificate, notBefore: next.certificate.notBefore }], screen.newSerialDecimal);
    expect(sameDay).toMatchObject({ by: 'serial', newest: { serialHex: next.certificate.serialHex } });
  });

  it('a newer license replaces an unused one; a deleted account voids its license', async () => {
    const { engine, managerDer } = await openTestEngine();
    const first = await issued(engine, managerDer);
    const firstFull = [...first.req.screenBlocks, lastBlockFromMail(first.mail.body)].join('-');
    const second = await engine.requestIssue(managerDer, first.accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' });
    expect(second.ok).toBe(true);
    expect(await engine.checkLicense(firstFull)).toMatchObject({ ok: false, code: 'licenseSuperseded' });
    if (!second.ok) return;
    const secondMail = (await engine.state()).mails.find((m) => m.id === second.mailId)!;
    await engine.deleteAccount(managerDer, first.accountId);
    expect(await engine.checkLicense([...second.screenBlocks, lastBlockFromMail(secondMail.body)].join('-'))).toMatchObject({ ok: false, code: 'licenseAccountGone' });
  });

  it('publishes a 40-hex root fingerprint that compares case- and separator-insensitively', async () => {
    const { engine } = await openTestEngine();
    const fp = await engine.rootFingerprint();
    expect(fp).toMatch(/^[0-9A-F]{40}$/);
    expect(compareFingerprint(fp.toLowerCase().replace(/(..)/g, '$1:'), fp)).toBe('match');
    expect(compareFingerprint(`${fp.slice(0, 39)}${fp[39] === '0' ? '1' : '0'}`, fp)).toBe('mismatch');
    expect(compareFingerprint('1234', fp)).toBe('not-a-fingerprint');
    const m = await engine.managerCertificate();
    expect(base64DecodeOrThrow(m.certDerB64).length).toBeGreaterThan(500);
  });
});

describe('JPNIC: backup and restore (shared backup format)', () => {
  it('restores accounts, certificates and the CA after a reset; a wrong passphrase changes nothing', async () => {
    const { engine, managerDer } = await openTestEngine();
    const { accountId } = await issued(engine, managerDer);
    const fingerprint = await engine.rootFingerprint();
    const backup = await engine.backup('backup-pass-123');
    await engine.reset();
    expect((await engine.state()).accounts.size).toBe(0);
    expect(await engine.rootFingerprint()).not.toBe(fingerprint);
    const wrong = await engine.restore(backup, 'nope');
    expect(wrong.ok).toBe(false);
    expect((await engine.state()).accounts.size).toBe(0);
    expect((await engine.restore(backup, 'backup-pass-123')).ok).toBe(true);
    expect(await engine.rootFingerprint()).toBe(fingerprint);
    expect((await engine.state()).accounts.get(accountId)?.userName).toBe('Yamada Taro (NOC)');
    // the restored CA key still signs: the old manager certificate logs in and a new account can be issued
    expect((await engine.login(managerDer)).ok).toBe(true);
    const reg = await engine.registerAccount(managerDer, 'after restore');
    expect(reg.ok).toBe(true);
    if (reg.ok) expect((await engine.requestIssue(managerDer, reg.account.accountId, { name: 'New Person', email: 'new@example.ac.jp' })).ok).toBe(true);
  });
});

describe('JPNIC: expiry and the audit trail', () => {
  it('an expired applicant certificate cannot log in and can then be issued anew; every event is told in words', async () => {
    const { engine, managerDer, browser } = await openTestEngine();
    const { req, mail, accountId } = await issued(engine, managerDer);
    const inst = await installCertificate({ engine, store: browser, licenseInput: [...req.screenBlocks, lastBlockFromMail(mail.body)].join('-'), passphrase: 'applicant-pass' });
    if (!inst.ok) throw new Error(inst.message.en);
    await engine.advanceClock(366);
    expect(await engine.login(inst.stored.certificateDer)).toMatchObject({ ok: false, code: 'expiredCertificate' });
    expect((await engine.requestIssue(managerDer, accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' })).ok).toBe(true);
    const { jpnicAuditTrail } = await import('./audit');
    const lines = jpnicAuditTrail(await engine.events());
    expect(lines.map((l) => l.type)).toEqual(expect.arrayContaining(['jpnic-initialized', 'jpnic-account-registered', 'jpnic-license-created', 'jpnic-certificate-issued', 'jpnic-mailed', 'jpnic-clock-advanced']));
    for (const l of lines) expect(l.text.ja.length && l.text.en.length).toBeGreaterThan(0);
    expect(lines.find((l) => l.type === 'jpnic-account-registered')?.text.ja).toContain(accountId);
  });
});
