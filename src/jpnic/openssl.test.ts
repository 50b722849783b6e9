// The JPNIC flows judged by independent tools: OpenSSL verifies the issued certificate against the training
// chain, rejects it with the CRL after revocation, compares old and reissued certificates, and opens the
// P12 (OpenSSL and NSS pk12util).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { pemEncode } from '../pki/pem';
import { tempDir, openssl, opensslStatus } from '../pki/openssl.testkit';
import { installCertificate, type Installed } from './applicant';
import { openTestEngine } from './jpnic.testkit';
import type { JpnicEngine } from './engine';

const PASS = 'applicant-pass';
const tmp = tempDir('upki-jpnic-');
afterAll(() => tmp.remove());

let engine: JpnicEngine;
let first: Installed;
let second: Installed;
let rootPem: string;
let caPem: string;

function lastBlock(body: string): string {
  return /ライセンスID（第3ブロック）: ([A-Z0-9]+)/.exec(body)![1];
}

beforeAll(async () => {
  const kit = await openTestEngine();
  engine = kit.engine;
  rootPem = tmp.write('jpnic-root.pem', await engine.caCertificatePem('jpnic-root'));
  caPem = tmp.write('jpnic-resource.pem', await engine.caCertificatePem('jpnic-resource'));
  const reg = await engine.registerAccount(kit.managerDer, 'NOC');
  if (!reg.ok) throw new Error(reg.message.en);
  const req = await engine.requestIssue(kit.managerDer, reg.account.accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' });
  if (!req.ok) throw new Error(req.message.en);
  const mail = (await engine.state()).mails.find((m) => m.id === req.mailId)!;
  const a = await installCertificate({ engine, store: kit.browser, licenseInput: [...req.screenBlocks, lastBlock(mail.body)].join('-'), passphrase: PASS });
  if (!a.ok) throw new Error(a.message.en);
  first = a;
  tmp.write('first.pem', pemEncode('CERTIFICATE', a.stored.certificateDer));
  tmp.write('first.p12', a.p12);
  tmp.write('crl-before.pem', (await engine.crl()).pem);
  await engine.advanceClock(3);
  const re = await engine.requestReissue(kit.managerDer, reg.account.accountId, {});
  if (!re.ok) throw new Error(re.message.en);
  const reMail = (await engine.state()).mails.find((m) => m.id === re.mailId)!;
  const b = await installCertificate({ engine, store: kit.browser, licenseInput: [...re.screenBlocks, lastBlock(reMail.body)].join('-'), passphrase: PASS });
  if (!b.ok) throw new Error(b.message.en);
  second = b;
  tmp.write('second.pem', pemEncode('CERTIFICATE', b.stored.certificateDer));
  tmp.write('crl-after-reissue.pem', (await engine.crl()).pem);
  const rv = await engine.revoke(kit.managerDer, reg.account.accountId);
  if (!rv.ok) throw new Error(rv.message.en);
  tmp.write('crl-after-revoke.pem', (await engine.crl()).pem);
}, 180_000);

describe('JPNIC training chain under OpenSSL', () => {
  it('the root is self-signed, 40-hex SHA-1 fingerprint equals what the page publishes', async () => {
    expect(openssl(['verify', '-CAfile', rootPem, rootPem])).toContain(': OK');
    const fp = openssl(['x509', '-in', rootPem, '-noout', '-fingerprint', '-sha1']).split('=')[1].trim().replace(/:/g, '');
    expect(fp).toBe(await engine.rootFingerprint());
    expect(openssl(['x509', '-in', rootPem, '-noout', '-subject'])).toContain('JPNIC Primary Root CA S2 (training) - NOT TRUSTED');
  });

  it('the issued certificate verifies against the chain (client auth), and the first CRL does not list it', () => {
    expect(openssl(['verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'sslclient', tmp.path('first.pem')])).toContain(': OK');
    expect(openssl(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', tmp.path('crl-before.pem'), tmp.path('first.pem')])).toContain(': OK');
    expect(openssl(['crl', '-in', tmp.path('crl-before.pem'), '-CAfile', caPem, '-noout'], { stderr: true })).toContain('verify OK');
  });

  it('after revocation the CRL makes OpenSSL reject the certificate', () => {
    const r = opensslStatus(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', tmp.path('crl-after-revoke.pem'), tmp.path('second.pem')]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('certificate revoked');
  });

  it('reissue: same subject, different serial and dates; the replaced one is on the CRL as superseded', () => {
    const field = (f: string, flag: string) => openssl(['x509', '-in', tmp.path(f), '-noout', flag]).trim();
    expect(field('second.pem', '-subject')).toBe(field('first.pem', '-subject'));
    expect(field('second.pem', '-serial')).not.toBe(field('first.pem', '-serial'));
    expect(field('second.pem', '-startdate')).not.toBe(field('first.pem', '-startdate'));
    expect(field('second.pem', '-enddate')).not.toBe(field('first.pem', '-enddate'));
    const crl = openssl(['crl', '-in', tmp.path('crl-after-reissue.pem'), '-noout', '-text']);
    expect(crl).toContain(first.certificate.serialHex.toUpperCase());
    expect(crl).toContain('Superseded');
    expect(crl).not.toContain(second.certificate.serialHex.toUpperCase());
  });

  it('the P12 opens with the passphrase in OpenSSL (key matches the certificate) and is refused without it', () => {
    const keyPem = openssl(['pkcs12', '-in', tmp.path('first.p12'), '-nocerts', '-nodes', '-passin', `pass:${PASS}`]);
    const certPub = openssl(['x509', '-in', tmp.path('first.pem'), '-noout', '-pubkey']);
    expect(openssl(['pkey', '-pubout'], { input: keyPem })).toBe(certPub);
    const chain = openssl(['pkcs12', '-in', tmp.path('first.p12'), '-nokeys', '-passin', `pass:${PASS}`]);
    expect(chain).toContain('JPNIC Resource Service CA S2 (training)');
    expect(opensslStatus(['pkcs12', '-in', tmp.path('first.p12'), '-noout', '-passin', 'pass:wrong-pass']).status).not.toBe(0);
  });

  it('the P12 imports into NSS with pk12util and pairs key and certificate', () => {
    const db = tmp.path('nss');
    execFileSync('mkdir', ['-p', db]);
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
    const imported = spawnSync('pk12util', ['-i', tmp.path('first.p12'), '-d', `sql:${db}`, '-W', PASS], { encoding: 'utf8' });
    expect(`${imported.stdout}${imported.stderr}`).toContain('PKCS12 IMPORT SUCCESSFUL');
    expect(execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' })).toMatch(/Taro Yamada \(JPNIC \d+\)\s+u,u,u/);
  });
});
