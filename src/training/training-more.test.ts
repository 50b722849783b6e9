// The later built-in scenarios played against the real engines (RA and JPNIC), their checks, packs of version 2
// (the JPNIC state beside the RA's), the refusals of crafted packs, and no browser-made key inside a pack.
import { describe, expect, it } from 'vitest';
import { clientIssueRow, makeServerCsr, serverIssueRow, smimeIssueRow } from '../tsv/fixtures';
import { NII, openTestEngine, readSjisTsv, tokenFrom, unzip, upload } from '../ra/ra.testkit';
import { openTestEngine as openJpnic } from '../jpnic/jpnic.testkit';
import { installCertificate } from '../jpnic/applicant';
import { unsealPayload } from '../ra/backup';
import { createCsr } from '../pki/csr';
import { base64Encode } from '../pki/pem';
import type { RaEngine } from '../ra/engine';
import type { JpnicEngine } from '../jpnic/engine';
import { BUILTIN_SCENARIOS } from './builtin';
import { advance, currentStep, finished, start, usesJpnic, type Progress } from './player';
import { makePack, parsePack } from './pack';
import { checkJpnicBackup } from './pack-check';
import type { Scenario } from './scenario';

const scenario = (id: string): Scenario => BUILTIN_SCENARIOS.find((s) => s.id === id)!;
const now = () => new Date('2026-12-03T09:00:00Z');
const DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

/** Plays a scenario on the engines: `step()` advances on their whole logs and returns the current step id. */
function player(sc: Scenario, ra: RaEngine, jpnic?: JpnicEngine) {
  let p: Progress;
  const logs = async () => [[...(await ra.events())], jpnic ? await jpnic.events() : []] as const;
  return {
    async begin() {
      const [events, j] = await logs();
      p = start(sc, events, now(), j);
    },
    async step() {
      const [events, j] = await logs();
      p = advance(sc, p, events, now(), j);
      return currentStep(sc, p)?.id;
    },
    get progress() {
      return p;
    },
  };
}

async function mail(engine: RaEngine, subject: string) {
  const mails = (await engine.state()).mails.filter((m) => m.subject === subject);
  return mails[mails.length - 1];
}

describe('method 1 with PINs handed to users, and S/MIME', () => {
  it.each([
    ['client-method1-pins', clientIssueRow({ method: '1', userMail: 'm1@nii.ac.jp', p12Name: 'm1' })],
    ['smime-issue', smimeIssueRow({ method: '1', userMail: 'hanako@nii.ac.jp', p12Name: 'hanako' })],
  ])('%s: upload → the admin fetches the PIN zip → the user fetches the P12', async (id, row) => {
    const engine = await openTestEngine();
    const sc = scenario(id);
    const play = player(sc, engine);
    await play.begin();
    // A user who comes before the PINs are fetched is turned away, and the step does not move.
    expect((await upload(engine, 'client-issue', [row])).ok).toBe(true);
    expect(await play.step()).toBe('pins');
    const early = await engine.downloadClientCertificate(tokenFrom((await mail(engine, 'クライアント証明書発行受付通知')).body, '証明書取得URL'));
    expect(early.ok).toBe(false);
    expect(await play.step()).toBe('pins');
    const pins = await engine.downloadPins(tokenFrom((await mail(engine, 'アクセスPIN発行通知')).body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error(pins.message.en);
    expect(readSjisTsv((await unzip(pins.bytes))['clientPin.txt'])[1][2]).toMatch(/^\S+$/);
    expect(await play.step()).toBe('user-fetch');
    expect((await engine.downloadClientCertificate(tokenFrom((await mail(engine, 'クライアント証明書発行受付通知')).body, '証明書取得URL'))).ok).toBe(true);
    expect(await play.step()).toBeUndefined();
    expect(finished(sc, play.progress)).toBe(true);
  });

  it('the S/MIME step is not passed by a client-authentication (profile 5) certificate', async () => {
    const engine = await openTestEngine();
    const sc = scenario('smime-issue');
    const play = player(sc, engine);
    await play.begin();
    await upload(engine, 'client-issue', [clientIssueRow({ method: '1', profile: '5' })]);
    expect(await play.step()).toBe('upload');
  });
});

describe("the RA operator's certificate (built-in, version 2)", () => {
  it('registration passes step 1 (its mail), the fetch with the PIN passes step 2', async () => {
    const engine = await openTestEngine();
    const sc = scenario('operator-certificate');
    const play = player(sc, engine);
    await play.begin();
    const { pin } = await engine.registerRaOperator();
    expect(await play.step()).toBe('fetched');
    expect((await engine.downloadRaOperatorCertificate(tokenFrom((await mail(engine, '登録担当者用証明書発行受付通知')).body, '証明書取得URL'), 'WRONGPIN')).ok).toBe(false);
    expect(await play.step()).toBe('fetched');
    expect((await engine.downloadRaOperatorCertificate(tokenFrom((await mail(engine, '登録担当者用証明書発行受付通知')).body, '証明書取得URL'), pin)).ok).toBe(true);
    expect(await play.step()).toBeUndefined();
  });
});

describe("the RA operator's certificate renewal", () => {
  it('register → fetch → renewal started → renewed with the current certificate → the old one revoked', async () => {
    const engine = await openTestEngine();
    const sc = scenario('operator-renewal');
    const play = player(sc, engine);
    await play.begin();
    const { pin } = await engine.registerRaOperator();
    expect(await play.step()).toBe('fetched');
    const got = await engine.downloadRaOperatorCertificate(tokenFrom((await mail(engine, '登録担当者用証明書発行受付通知')).body, '証明書取得URL'), pin);
    if (!got.ok) throw new Error(got.message.en);
    expect(await play.step()).toBe('renewal-started');
    const old = (await engine.state()).operatorCertificates.get(got.serialsHex[0])!;
    expect((await engine.startRaOperatorRenewal(old.serialHex)).ok).toBe(true);
    expect(await play.step()).toBe('renewed');
    const { base64Decode } = await import('../pki/pem');
    const renewed = await engine.renewRaOperatorCertificate(tokenFrom((await mail(engine, '登録担当者用証明書更新手続き通知')).body, '証明書取得URL'), base64Decode(old.certDerB64)!);
    expect(renewed.ok).toBe(true);
    expect(await play.step()).toBe('old-revoked');
    expect((await engine.revokeRaOperator(old.serialHex)).ok).toBe(true);
    expect(await play.step()).toBeUndefined();
  });
});

describe('a WHOIS fault', () => {
  it('fault set → the upload refused with R112 (not a mistake) → fault cleared → the same upload passes', async () => {
    const engine = await openTestEngine();
    const sc = scenario('whois-fault');
    const play = player(sc, engine);
    await play.begin();
    const csr = await makeServerCsr({ dn: DN });
    const rows = [serverIssueRow({ dn: DN, csr: csr.oneLine, fqdn: 'www.nii.ac.jp' })];
    // A mismatch fault is not the one the step asks for.
    await engine.saveInstitution({ ...NII, domainFaults: { 'nii.ac.jp': 'whois-mismatch' } });
    expect(await play.step()).toBe('fault');
    await engine.saveInstitution({ ...NII, domainFaults: { 'nii.ac.jp': 'whois-connection' } });
    expect(await play.step()).toBe('refused');
    const refused = await upload(engine, 'server-issue', rows);
    expect(refused.registered).toBe(false);
    expect(await play.step()).toBe('cleared');
    expect(play.progress.mistakes).toEqual([]);
    await engine.saveInstitution({ ...NII, domainFaults: {} });
    expect(await play.step()).toBe('retry');
    expect((await upload(engine, 'server-issue', rows)).ok).toBe(true);
    expect(await play.step()).toBeUndefined();
  });

  it('a refusal with another code (R113) does not pass the R112 step', async () => {
    const engine = await openTestEngine();
    const sc = scenario('whois-fault');
    const play = player(sc, engine);
    await play.begin();
    await engine.saveInstitution({ ...NII, domainFaults: { 'nii.ac.jp': 'whois-connection' } });
    expect(await play.step()).toBe('refused');
    await engine.saveInstitution({ ...NII, domainFaults: { 'nii.ac.jp': 'whois-mismatch' } });
    const csr = await makeServerCsr({ dn: DN });
    await upload(engine, 'server-issue', [serverIssueRow({ dn: DN, csr: csr.oneLine, fqdn: 'www.nii.ac.jp' })]);
    expect(await play.step()).toBe('refused');
  });
});

describe('JPNIC issue → license ID → install → reissue → revoke', () => {
  it('moves on the JPNIC log only, with a wrong license ID refused on the way', async () => {
    const ra = await openTestEngine();
    const { engine, managerDer, browser } = await openJpnic();
    const sc = scenario('jpnic-lifecycle');
    expect(usesJpnic(sc)).toBe(true);
    const play = player(sc, ra, engine);
    await play.begin();
    // What was in the JPNIC log before the start (the manager's certificate) does not count.
    expect(await play.step()).toBe('account');
    const reg = await engine.registerAccount(managerDer, 'Yamada Taro (NOC)');
    if (!reg.ok) throw new Error(reg.message.en);
    expect(await play.step()).toBe('issue');
    const req = await engine.requestIssue(managerDer, reg.account.accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' });
    if (!req.ok) throw new Error(req.message.en);
    expect(await play.step()).toBe('install');
    expect((await engine.checkLicense('AAAA-BBBB-CCCC')).ok).toBe(false);
    expect(await play.step()).toBe('install');
    const inst = await installCertificate({ engine, store: browser, licenseInput: req.license.blocks.join('-'), passphrase: 'applicant-pass' });
    if (!inst.ok) throw new Error(inst.message.en);
    expect(await play.step()).toBe('reissue');
    const again = await engine.requestReissue(managerDer, reg.account.accountId, {});
    if (!again.ok) throw new Error(again.message.en);
    expect(await play.step()).toBe('reinstall');
    const inst2 = await installCertificate({ engine, store: browser, licenseInput: again.license.blocks.join('-'), passphrase: 'applicant-pass' });
    if (!inst2.ok) throw new Error(inst2.message.en);
    // The reissue revoked the replaced certificate (superseded): that is not the manager's 失効.
    expect(await play.step()).toBe('revoke');
    expect((await engine.revoke(managerDer, reg.account.accountId)).ok).toBe(true);
    expect(await play.step()).toBeUndefined();
  });
});

describe('packs, version 2', () => {
  const PASS = '研修用パスフレーズ 2026';

  it('carries the JPNIC state beside the RA state; both restore into fresh engines', async () => {
    const ra = await openTestEngine();
    const { engine: jp, managerDer } = await openJpnic();
    await jp.registerAccount(managerDer, 'Trainee');
    const raB = await ra.backup(PASS);
    if (!raB.ok) throw new Error('backup');
    const bytes = makePack(scenario('jpnic-lifecycle'), raB.bytes, 'JPNIC研修', now(), await jp.backup(PASS));
    const parsed = parsePack(bytes);
    if (!parsed.ok) throw new Error(parsed.error.en);
    expect(parsed.pack.version).toBe(2);
    const { engine: other } = await openJpnic();
    expect((await other.restore(parsed.jpnicBackup!, PASS)).ok).toBe(true);
    expect([...(await other.state()).accounts.values()].map((a) => a.userName)).toEqual(['Trainee']);
    // The check the page runs before touching anything: the right passphrase passes, a wrong one or a flipped byte not.
    expect(await checkJpnicBackup(parsed.jpnicBackup!, PASS)).toEqual({ ok: true });
    expect((await checkJpnicBackup(parsed.jpnicBackup!, 'another passphrase')).ok).toBe(false);
    const flipped = parsed.jpnicBackup!.slice();
    flipped[flipped.length - 3] ^= 1;
    expect((await checkJpnicBackup(flipped, PASS)).ok).toBe(false);
  });

  it('still opens a version-1 pack; refuses crafted keys, a jpnicBackup in version 1, and bad JPNIC base64', () => {
    const sc = scenario('mistake-and-fix');
    const base = { format: 'upki-workbench-training-pack', title: 't', createdAt: '2026-01-01T00:00:00Z', scenario: sc, raBackup: 'AAAA' };
    const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
    expect(parsePack(enc({ ...base, version: 1 })).ok).toBe(true);
    const cases: [unknown, string][] = [
      [`{"__proto__":{"polluted":1},${JSON.stringify({ ...base, version: 2 }).slice(1)}`, '__proto__'],
      [{ ...base, version: 1, jpnicBackup: 'AAAA' }, 'jpnicBackup'],
      [{ ...base, version: 2, jpnicBackup: '@@' }, 'JPNIC'],
      [{ ...base, version: 2, scenario: JSON.parse(JSON.stringify(sc).replace('"params":{"kind":"client-issue"}', '"params":{"__proto__":{"kind":"x"}}')) }, 'scenario'],
    ];
    for (const [value, word] of cases) {
      const r = parsePack(enc(value));
      expect(r.ok, word).toBe(false);
      if (!r.ok) expect(`${r.error.en} ${r.details.join(' ')}`).toContain(word === '__proto__' || word === 'jpnicBackup' ? word : word === 'JPNIC' ? 'JPNIC' : 'scenario');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('holds training CA keys but not the private key of a browser-made (method 3) key', async () => {
    const engine = await openTestEngine();
    await upload(engine, 'client-issue', [clientIssueRow({ method: '3', userMail: 'browser@nii.ac.jp', p12Name: 'browser' })]);
    const pins = await engine.downloadPins(tokenFrom((await mail(engine, 'アクセスPIN発行通知')).body, 'アクセスPIN取得URL'));
    if (!pins.ok) throw new Error('pins');
    const pin = readSjisTsv((await unzip(pins.bytes))['clientPin.txt'])[1][2];
    const keys = await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify']);
    const csr = await createCsr({ keys, subject: [{ key: 'CN', value: 'BROWSER USER' }], hash: 'SHA-256' });
    const got = await engine.issueBrowserCertificate(tokenFrom((await mail(engine, 'クライアント証明書発行受付通知')).body, '証明書取得URL'), pin, csr);
    expect(got.ok).toBe(true);
    const made = await engine.backup(PASS);
    if (!made.ok) throw new Error('backup');
    const parsed = parsePack(makePack(scenario('client-browser'), made.bytes, 't', now()));
    if (!parsed.ok) throw new Error(parsed.error.en);
    const unsealed = await unsealPayload(parsed.backup, PASS);
    if (!unsealed.ok) throw new Error('unseal');
    const text = JSON.stringify(unsealed.payload);
    const pkcs8 = base64Encode(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)));
    const d = (await crypto.subtle.exportKey('jwk', keys.privateKey)).d!;
    // The payload does carry private keys (the training CAs'), so the search could find one.
    expect(Object.keys((unsealed.payload as { keys: Record<string, string> }).keys).length).toBeGreaterThan(0);
    expect(text).not.toContain(pkcs8.slice(40, 120));
    expect(text).not.toContain(d.slice(0, 40));
  });
});
