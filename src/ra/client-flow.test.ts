// Client and S/MIME certificates end to end for the three download methods: PIN files, P12 files
// (OpenSSL and NSS open them with the PIN), certificates verified against the chain, revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { clientIssueRow, clientIssueRows, clientRenewRow, clientRevokeRow, smimeIssueRow } from '../tsv/fixtures';
import { tempDir, type TempDir } from '../pki/openssl.testkit';
import { createCsr } from '../pki/csr';
import { PIN_ALPHABET, PIN_LENGTH } from './issue/pin';
import type { RaEngine } from './engine';
import type { P12Format } from './types';
import { NII, nssDb, openTestEngine, pk12utilImports, readSjisTsv, tokenFrom, unzip, upload, verify, writeChain, writeCrls } from './ra.testkit';

let dir: TempDir;
let engine: RaEngine;

beforeAll(async () => {
  dir = tempDir('upki-ra-client-');
  engine = await openTestEngine();
});
afterAll(() => dir.remove());

async function mailsSince(count: number) {
  return (await engine.state()).mails.slice(count);
}

async function mailCount() {
  return (await engine.state()).mails.length;
}

function dnFor(cn: string, ou: string) {
  return `CN=${cn},OU=${ou},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
}

/** Open the P12 with openssl (and -legacy for the legacy format); returns the printed certificate. */
function opensslOpens(p12: string, pin: string, format: P12Format): string {
  const legacy = format === 'legacy' ? ['-legacy'] : [];
  const info = spawnSync('openssl', ['pkcs12', ...legacy, '-info', '-in', p12, '-passin', `pass:${pin}`, '-noenc'], { encoding: 'utf8' });
  expect(info.status, info.stderr).toBe(0);
  expect(info.stdout).toContain('-----BEGIN PRIVATE KEY-----');
  const wrong = spawnSync('openssl', ['pkcs12', ...legacy, '-info', '-in', p12, '-passin', 'pass:wrong-pin', '-noenc'], { encoding: 'utf8' });
  expect(wrong.status).not.toBe(0);
  return info.stdout;
}

function pk12utilOpens(p12: string, pin: string, name: string) {
  const db = nssDb(dir, `nss-${name}`);
  const listed = spawnSync('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', pin], { encoding: 'utf8' });
  expect(listed.status, listed.stdout + listed.stderr).toBe(0);
  expect(listed.stdout).toContain('Certificate');
  pk12utilImports(dir, p12, pin, name);
}

/**
 * notAfter per profile for a certificate issued at START (2026-11-23 09:00 JST), worked out by hand from
 * spec/profiles.ts: notBefore is backdated one hour (08:00 JST), the period runs from there — 13 or 25
 * calendar months (13/15, 14/16), 48 months for 5 (issued after 2023-09-08 21:00 JST), 823 days for 7
 * (2027-11-23 is 365 days on, 2028-11-23 731, +92 days = 2029-02-23) — and ends one second early
 * (inclusive count, pki/validity.ts).
 */
const NOT_AFTER: Record<string, string> = {
  '5': 'Nov 22 22:59:59 2030 GMT',
  '7': 'Feb 22 22:59:59 2029 GMT',
  '13': 'Dec 22 22:59:59 2027 GMT',
  '14': 'Dec 22 22:59:59 2028 GMT',
  '15': 'Dec 22 22:59:59 2027 GMT',
  '16': 'Dec 22 22:59:59 2028 GMT',
};

/** OpenSSL reads the engine's RSA 2048 key and the profile's validity from the certificate. */
function checkKeyAndValidity(leaf: string, profile: string): void {
  const text = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-text', '-startdate', '-enddate'], { encoding: 'utf8' });
  expect(text).toContain('Public Key Algorithm: rsaEncryption');
  expect(text).toContain('Public-Key: (2048 bit)');
  expect(text).toContain('notBefore=Nov 22 23:00:00 2026 GMT');
  expect(text).toContain(`notAfter=${NOT_AFTER[profile]}`);
}

/** The leaf certificate inside a P12, as a PEM file. */
function leafOf(p12: string, pin: string, format: P12Format, out: string): string {
  const legacy = format === 'legacy' ? ['-legacy'] : [];
  execFileSync('openssl', ['pkcs12', ...legacy, '-in', p12, '-passin', `pass:${pin}`, '-clcerts', '-nokeys', '-out', out]);
  return out;
}

describe.each([
  ['5', 'modern'],
  ['13', 'legacy'],
  ['14', 'modern'],
] as const)('method 1, profile %s, %s P12', (profile, format) => {
  it('mails the PIN URL to the admin and a certificate URL to the user; the P12 opens with the PIN', async () => {
    const before = await mailCount();
    const cn = `METHOD ONE ${profile}`;
    const dn = dnFor(cn, `1000${profile}`);
    const result = await upload(engine, 'client-issue', [clientIssueRow({ dn, profile, p12Name: `m1-${profile}`, userMail: `m1-${profile}@nii.ac.jp` })], { p12Format: format });
    expect(result.records[0].errors).toEqual([]);
    expect(result.screen.title.ja).toBe('クライアント証明書　発行・更新申請完了画面');
    const mails = await mailsSince(before);
    const pinMail = mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    const userMail = mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!;
    expect(pinMail.to).toEqual(['admin@nii.ac.jp']);
    expect(userMail.to).toEqual([`m1-${profile}@nii.ac.jp`]);

    const early = await engine.downloadClientCertificate(tokenFrom(userMail.body, '証明書取得URL'));
    expect(early.ok ? 'ok' : early.reason).toBe('pins-first');

    const pins = await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error(pins.message.en);
    expect(pins.fileName).toBe('clientPin.zip');
    const files = await unzip(pins.bytes);
    expect(Object.keys(files)).toEqual(['clientPin.txt']);
    const rows = readSjisTsv(files['clientPin.txt']);
    expect(rows[0].slice(0, 4)).toEqual(['利用者氏名', '利用者メールアドレス', 'アクセスPIN', '主体者DN']);
    expect(rows[1][0]).toBe('国立　花子');
    expect(rows[1][1]).toBe(`m1-${profile}@nii.ac.jp`);
    expect(rows[1][3]).toBe(dn);
    const pin = rows[1][2];
    expect(pin).toHaveLength(PIN_LENGTH);
    expect([...pin].every((c) => PIN_ALPHABET.includes(c))).toBe(true);

    const got = await engine.downloadClientCertificate(tokenFrom(userMail.body, '証明書取得URL'));
    if (!got.ok) throw new Error(got.message.en);
    expect(got.fileName).toBe(`m1-${profile}.p12`);
    const p12 = dir.write(`m1-${profile}.p12`, got.bytes);
    opensslOpens(p12, pin, format);
    pk12utilOpens(p12, pin, `m1-${profile}`);
    const leaf = leafOf(p12, pin, format, dir.path(`m1-${profile}.pem`));
    checkKeyAndValidity(leaf, profile);
    const chain = await writeChain(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, '-purpose', 'sslclient', leaf]).output).toMatch(/: OK/);
    const subject = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-subject'], { encoding: 'utf8' });
    expect(subject).toContain(`OU = 1000${profile}, CN = ${cn}`);

    const done = (await mailsSince(before)).find((m) => m.subject === 'クライアント証明書取得通知')!;
    expect(done.to).toEqual([NII.ra.mail, 'admin@nii.ac.jp']);

    const revoked = await upload(engine, 'client-revoke', [clientRevokeRow({ dn, serial: result.records[0].serialDecimal, reason: '5' })]);
    expect(revoked.records[0].errors).toEqual([]);
    const revokedMail = (await mailsSince(before)).find((m) => m.subject === 'クライアント証明書失効完了通知')!;
    expect(revokedMail.to).toEqual([NII.ra.mail, 'admin@nii.ac.jp']);
    const crls = await writeCrls(engine, dir);
    const check = verify(await engine.now(), ['-CAfile', chain, '-CRLfile', crls, '-crl_check', leaf]);
    expect(check.output).toContain('certificate revoked');
  });
});

describe.each([
  ['7', 'modern'],
  ['15', 'legacy'],
  ['16', 'modern'],
] as const)('S/MIME profile %s, %s P12 via method 2', (profile, format) => {
  it('issues CN-only subjects with the address as rfc822Name; clientAll.zip holds P12 files and client.txt', async () => {
    const before = await mailCount();
    const mail = `smime${profile}@nii.ac.jp`;
    const result = await upload(engine, 'client-issue', [smimeIssueRow({ profile, method: '2', userMail: mail, p12Name: '' })], { p12Format: format });
    expect(result.records[0].errors).toEqual([]);
    const mails = await mailsSince(before);
    const pinMail = mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    const certMail = mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!;
    expect(pinMail.to).toEqual([NII.ra.mail]);
    expect(certMail.to).toEqual(['admin@nii.ac.jp']);

    const early = await engine.downloadClientAll(tokenFrom(certMail.body, '証明書取得URL'));
    expect(early.ok ? 'ok' : early.reason).toBe('pins-first');
    const pins = await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error(pins.message.en);
    expect(pins.fileName).toBe('clientAllPin.zip');
    const pinRows = readSjisTsv((await unzip(pins.bytes))['clientAllPin.txt']);
    const pin = pinRows[1][2];

    const all = await engine.downloadClientAll(tokenFrom(certMail.body, '証明書取得URL'));
    if (!all.ok) throw new Error(all.message.en);
    const files = await unzip(all.bytes);
    expect(Object.keys(files).sort()).toEqual(['client.txt', `${mail}.p12`]);
    const info = readSjisTsv(files['client.txt']);
    expect(info[0].slice(0, 4)).toEqual(['シリアル番号', '利用者氏名', '利用者メールアドレス', '主体者DN']);
    expect(info[1][0]).toBe(result.records[0].serialDecimal);
    expect(info[1][2]).toBe(mail);

    const p12 = dir.write(`smime${profile}.p12`, files[`${mail}.p12`]);
    opensslOpens(p12, pin, format);
    pk12utilOpens(p12, pin, `smime${profile}`);
    const leaf = leafOf(p12, pin, format, dir.path(`smime${profile}.pem`));
    checkKeyAndValidity(leaf, profile);
    const chain = await writeChain(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, '-purpose', 'smimesign', leaf]).output).toMatch(/: OK/);
    const text = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-subject', '-ext', 'subjectAltName'], { encoding: 'utf8' });
    expect(text).toContain(`subject=CN = ${mail}`);
    expect(text).toContain(`email:${mail}`);

    const dn = `CN=${mail},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const revoked = await upload(engine, 'client-revoke', [clientRevokeRow({ dn, serial: result.records[0].serialDecimal, reason: '1' })]);
    expect(revoked.records[0].errors).toEqual([]);
    const crls = await writeCrls(engine, dir, `crls-smime${profile}.pem`);
    expect(verify(await engine.now(), ['-CAfile', chain, '-CRLfile', crls, '-crl_check', leaf]).output).toContain('certificate revoked');
  });
});

describe('method 2 with a PIN from column 15', () => {
  it('protects the P12 with the given PIN and lists it in clientAllPin.txt', async () => {
    const before = await mailCount();
    const rows = clientIssueRows(3, { method: '2', pin: 'Given-PIN-123' }).map((r, i) => {
      r[0] = dnFor(`BULK ${i}`, `2000${i}`);
      return r;
    });
    const result = await upload(engine, 'client-issue', rows);
    expect(result.ok).toBe(true);
    const mails = await mailsSince(before);
    const pinMail = mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    const pins = await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error('no pins');
    const pinRows = readSjisTsv((await unzip(pins.bytes))['clientAllPin.txt']);
    expect(pinRows.slice(1).map((r) => r[2])).toEqual(['Given-PIN-123', 'Given-PIN-123', 'Given-PIN-123']);
    const all = await engine.downloadClientAll(tokenFrom(mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL'));
    if (!all.ok) throw new Error('no zip');
    const files = await unzip(all.bytes);
    expect(Object.keys(files).sort()).toEqual(['client.txt', 'user1.p12', 'user2.p12', 'user3.p12']);
    opensslOpens(dir.write('bulk1.p12', files['user1.p12']), 'Given-PIN-123', 'modern');
  });
});

describe('method 2 after a revocation', () => {
  async function bulk(prefix: string, n: number) {
    const before = await mailCount();
    const rows = clientIssueRows(n, { method: '2' }).map((r, i) => ((r[0] = dnFor(`${prefix} ${i}`, `5000${i}`)), (r[11] = `${prefix}${i}`), r));
    const result = await upload(engine, 'client-issue', rows);
    expect(result.ok).toBe(true);
    const mails = await mailsSince(before);
    const pins = await engine.downloadPins(tokenFrom(mails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'));
    expect(pins.ok).toBe(true);
    const revoke = (i: number) => upload(engine, 'client-revoke', [clientRevokeRow({ dn: rows[i][0], serial: result.records[i].serialDecimal, reason: '1' })]);
    const token = tokenFrom(mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL');
    return { result, revoke, token };
  }

  it('leaves the revoked certificate out of clientAll.zip, client.txt and the 取得通知', async () => {
    const { result, revoke, token } = await bulk('LATE', 3);
    expect((await revoke(1)).ok).toBe(true);
    const mark = await mailCount();
    const all = await engine.downloadClientAll(token);
    if (!all.ok) throw new Error(all.message.en);
    const [kept, gone] = [[0, 2].map((i) => result.records[i].serialDecimal!), result.records[1].serialDecimal!];
    const files = await unzip(all.bytes);
    expect(Object.keys(files).sort()).toEqual(['LATE0.p12', 'LATE2.p12', 'client.txt']);
    expect(readSjisTsv(files['client.txt']).slice(1).map((r) => r[0])).toEqual(kept);
    const notice = (await mailsSince(mark)).filter((m) => m.subject === 'クライアント証明書取得通知');
    expect(notice).toHaveLength(1);
    expect(notice[0].body).toContain(kept[1]);
    expect(notice[0].body).not.toContain(gone);
    const state = await engine.state();
    expect(state.certificates.get(result.records[1].serialHex!)?.downloadedAt).toBeUndefined();
    expect(state.certificates.get(result.records[0].serialHex!)?.downloadedAt).toBeDefined();
  });

  it("answers 'revoked' when every certificate of the URL was revoked, and mails nothing", async () => {
    const { revoke, token } = await bulk('GONE', 2);
    expect((await revoke(0)).ok && (await revoke(1)).ok).toBe(true);
    const mark = await mailCount();
    const all = await engine.downloadClientAll(token);
    expect(all.ok ? 'ok' : all.reason).toBe('revoked');
    expect(await mailsSince(mark)).toEqual([]);
  });
});

describe('method 3 (browser issuance)', () => {
  it('accepts the browser key after the PIN and issues to it', async () => {
    const before = await mailCount();
    const dn = dnFor('BROWSER USER', '30000001');
    const result = await upload(engine, 'client-issue', [clientIssueRow({ dn, method: '3', userMail: 'browser@nii.ac.jp', p12Name: 'browser' })]);
    expect(result.records[0].errors).toEqual([]);
    expect(result.records[0].serialHex).toBeUndefined();
    const waiting = readSjisTsv(await engine.certificateList('client')).find((r) => r[3] === dn)!;
    expect(waiting[2]).toBe('4'); // 取得待ち: no certificate until the browser brings its key
    expect(waiting[1]).toBe('');
    const mails = await mailsSince(before);
    const pinMail = mails.find((m) => m.subject === 'アクセスPIN発行通知')!;
    const userMail = mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!;
    const pins = await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error('no pins');
    const pin = readSjisTsv((await unzip(pins.bytes))['clientPin.txt'])[1][2];

    const keys = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const csr = await createCsr({ keys, subject: [{ key: 'CN', value: 'BROWSER USER' }], hash: 'SHA-256' });
    const token = tokenFrom(userMail.body, '証明書取得URL');
    const wrong = await engine.issueBrowserCertificate(token, 'not-the-pin', csr);
    expect(wrong.ok ? 'ok' : wrong.reason).toBe('wrong-pin');
    const got = await engine.issueBrowserCertificate(token, pin, csr);
    if (!got.ok) throw new Error(got.message.en);
    const file = dir.write('browser.crt', got.bytes);
    const chain = await writeChain(engine, dir);
    expect(verify(await engine.now(), ['-CAfile', chain, file]).output).toMatch(/: OK/);
    const certKey = execFileSync('openssl', ['x509', '-in', file, '-noout', '-pubkey'], { encoding: 'utf8' });
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(certKey.replace(/\s/g, '')).toContain(Buffer.from(spki).toString('base64').slice(0, 60));

    // Renewal by browser: the old key is refused, a new one accepted.
    const mark = await mailCount();
    const renew = await upload(engine, 'client-renew', [clientRenewRow({ dn, method: '3', serial: `0x${got.serialsHex[0]}`, userMail: 'browser@nii.ac.jp', p12Name: 'browser' })]);
    expect(renew.records[0].errors).toEqual([]);
    const renewMails = await mailsSince(mark);
    const renewPins = await engine.downloadPins(tokenFrom(renewMails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'));
    if (!renewPins.ok) throw new Error('no pins');
    const renewPin = readSjisTsv((await unzip(renewPins.bytes))['clientPin.txt'])[1][2];
    const renewToken = tokenFrom(renewMails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL');
    const reused = await engine.issueBrowserCertificate(renewToken, renewPin, csr);
    expect(reused.ok ? 'ok' : reused.reason).toBe('key-reused');
    const fresh = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const renewed = await engine.issueBrowserCertificate(renewToken, renewPin, new Uint8Array(await crypto.subtle.exportKey('spki', fresh.publicKey)));
    expect(renewed.ok).toBe(true);
  });
});

describe('client RA checks and renewal', () => {
  it('212 on the same CN+OU, accepted with another OU, and renewal keeps the DN with a new key', async () => {
    const dn = dnFor('SAME NAME', '40000001');
    const first = await upload(engine, 'client-issue', [clientIssueRow({ dn, userMail: 'same@nii.ac.jp', p12Name: 'same' })]);
    expect(first.ok).toBe(true);
    const dup = await upload(engine, 'client-issue', [clientIssueRow({ dn, userMail: 'same@nii.ac.jp', p12Name: 'same' })]);
    expect(dup.records[0].lines).toEqual(['212:1,主体者DN,指定したDNはすでに存在しています。']);
    const other = await upload(engine, 'client-issue', [clientIssueRow({ dn: dnFor('SAME NAME', '40000002'), userMail: 'same2@nii.ac.jp', p12Name: 'same2' })]);
    expect(other.ok).toBe(true);

    const renewed = await upload(engine, 'client-renew', [clientRenewRow({ dn, serial: first.records[0].serialDecimal, userMail: 'same@nii.ac.jp', p12Name: 'same' })]);
    expect(renewed.records[0].errors).toEqual([]);
    const state = await engine.state();
    const oldCert = state.certificates.get(first.records[0].serialHex!)!;
    const newCert = state.certificates.get(renewed.records[0].serialHex!)!;
    expect(oldCert.renewedBySerialHex).toBe(newCert.serialHex);
    expect(newCert.spkiSha256).not.toBe(oldCert.spkiSha256);

    const wrongDn = await upload(engine, 'client-revoke', [clientRevokeRow({ dn: dnFor('OTHER', '1'), serial: first.records[0].serialDecimal })]);
    expect(wrongDn.records[0].errors.map((e) => e.code)).toEqual(['R106']);
    const unknown = await upload(engine, 'client-revoke', [clientRevokeRow({ dn, serial: '12345' })]);
    expect(unknown.records[0].errors.map((e) => e.code)).toEqual(['R104']);
  });

  it('lists client certificates with 主体者DN in column 4 and 利用者メールアドレス in column 15', async () => {
    const rows = readSjisTsv(await engine.certificateList('client'));
    expect(rows[0][3]).toBe('主体者DN');
    expect(rows[0][14]).toBe('利用者メールアドレス');
    expect(rows[0][2]).toBe('状態');
    const same = rows.find((r) => r[3] === dnFor('SAME NAME', '40000001') && r[14] === 'same@nii.ac.jp');
    expect(same).toBeDefined();
    expect(['4', '5', '6', '7']).toContain(same![2]);
  });
});
