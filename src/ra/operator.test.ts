// 登録担当者用証明書 (SPEC §10): the desk registers the RA, the URL arrives by mail, the PIN opens it,
// and the P12 holds a client-auth certificate with L=Academe-ops that verifies against the chain.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../pki/openssl.testkit';
import { NII, nssDb, openTestEngine, pk12utilImports, tokenFrom, verify, writeChain } from './ra.testkit';
import { exportAll } from './export';
import { MemoryStore } from './store/memory-store';

const dir = tempDir('upki-ra-operator-');
afterAll(() => dir.remove());

describe('RA operator certificate', () => {
  it('is issued at the mailed URL with the PIN the desk handed over', async () => {
    const engine = await openTestEngine(new MemoryStore(), [{ ...NII, ra: { ...NII.ra, nameEn: 'TOROKU TANTO' } }]);
    const { pin } = await engine.registerRaOperator();
    const mail = (await engine.state()).mails.find((m) => m.subject === '登録担当者用証明書発行受付通知')!;
    expect(mail.to).toEqual([NII.ra.mail]);
    const token = tokenFrom(mail.body, '証明書取得URL');
    const wrong = await engine.downloadRaOperatorCertificate(token, 'wrong');
    expect(wrong.ok ? 'ok' : wrong.reason).toBe('wrong-pin');
    const got = await engine.downloadRaOperatorCertificate(token, pin);
    if (!got.ok) throw new Error(got.message.en);
    const p12 = dir.write('ra.p12', got.bytes);
    const leaf = dir.path('ra.pem');
    const out = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${pin}`, '-clcerts', '-nokeys', '-out', leaf], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const db = nssDb(dir, 'nss-ra');
    const listed = spawnSync('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', pin], { encoding: 'utf8' });
    expect(listed.status, listed.stdout + listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/Key\(shrouded\):/);
    expect(spawnSync('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', 'wrong'], { encoding: 'utf8' }).status).not.toBe(0);
    pk12utilImports(dir, p12, pin, 'ra');
    const subject = spawnSync('openssl', ['x509', '-in', leaf, '-noout', '-subject'], { encoding: 'utf8' }).stdout;
    expect(subject).toContain('C = JP, O = National Institute of Informatics, L = Academe-ops, CN = TOROKU TANTO');
    expect(verify(await engine.now(), ['-CAfile', await writeChain(engine, dir), '-purpose', 'sslclient', leaf]).output).toMatch(/: OK/);
    const again = await engine.downloadRaOperatorCertificate(token, pin);
    expect(again.ok ? 'ok' : again.reason).toBe('used');
    const state = await engine.state();
    expect(state.operatorCertificates.size).toBe(1);
    expect(state.certificates.size).toBe(0); // not in the institution's certificate lists

    const exported = (await exportAll(engine)).find((f) => f.path === `operator/${BigInt(`0x${got.serialsHex[0]}`)}.p12`);
    if (!exported) throw new Error('the operator P12 is not exported');
    const file = dir.write('exported-ra.p12', exported.bytes);
    const opened = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', `pass:${pin}`, '-clcerts', '-nokeys'], { encoding: 'utf8' });
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('CN = TOROKU TANTO');
  });
});
