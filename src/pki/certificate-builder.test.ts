// Every certificate is checked by OpenSSL, not by our own parser.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainingHierarchy, issueCertificate, normalizeSerialHex, serverDnsNames, type TrainingHierarchy } from './certificate-builder';
import { randomSerial } from './serial';
import { TRAINING_CAS, type CertProfile, type TrainingCaId } from './ca-profiles';
import type { Rdn } from './dn';
import { pemEncode } from './pem';

const dir = mkdtempSync(join(tmpdir(), 'upki-cert-'));
const now = new Date(Date.now() - 3600_000);
const inTwoYears = new Date(now.getTime() + 2 * 365 * 86400_000);

function writePem(name: string, der: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, pemEncode('CERTIFICATE', der));
  return path;
}

function openssl(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function text(path: string): string {
  return execFileSync('openssl', ['x509', '-in', path, '-noout', '-text', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
}

let h: TrainingHierarchy;
let rootPem: string;

beforeAll(async () => {
  h = await createTrainingHierarchy({ now });
  rootPem = writePem('root.pem', h.root.certificate);
});

async function eeKey(kind: 'RSA' | 'P-384'): Promise<CryptoKeyPair> {
  const alg = kind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-384' };
  return await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
}

async function issueEe(ca: TrainingCaId, profile: CertProfile, subject: Rdn[], key: CryptoKeyPair, extra: { dnsNames?: string[]; emails?: string[] } = {}) {
  const der = await issueCertificate({
    issuer: { certificate: h[ca].certificate, privateKey: h[ca].privateKey },
    subject,
    publicKey: new Uint8Array(await crypto.subtle.exportKey('spki', key.publicKey)),
    serialHex: randomSerial().hex,
    notBefore: now,
    notAfter: inTwoYears,
    profile,
    ...extra,
  });
  const caPem = writePem(`${ca}.pem`, h[ca].certificate);
  const eePem = writePem(`${ca}-${profile}-ee.pem`, der);
  return { der, caPem, eePem };
}

const serverSubject: Rdn[] = [
  { key: 'C', value: 'JP' },
  { key: 'ST', value: 'Tokyo' },
  { key: 'L', value: 'Chiyoda-ku' },
  { key: 'O', value: 'National Institute of Informatics' },
  { key: 'CN', value: 'www.example.ac.jp' },
];

describe('training hierarchy', () => {
  it('names every CA plainly as a training CA and chains each issuing CA to the root', () => {
    const root = text(rootPem);
    expect(root).toContain('Issuer: CN=UPKI Workbench Training Root CA - NOT TRUSTED,O=UPKI Workbench (training only),C=JP');
    expect(root).toMatch(/CA:TRUE, pathlen:1/);
    expect(root).toMatch(/Certificate Sign, CRL Sign/);
    for (const id of ['server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'] as const) {
      const pem = writePem(`${id}-ca.pem`, h[id].certificate);
      expect(openssl('verify', '-CAfile', rootPem, pem).out).toContain(': OK');
      const t = text(pem);
      expect(t).toContain(`Subject: CN=${TRAINING_CAS[id].subject[2].value},O=UPKI Workbench (training only),C=JP`);
      expect(t).toMatch(/critical\s+CA:TRUE, pathlen:0/);
      expect(t).toContain('Signature Algorithm: sha256WithRSAEncryption');
      expect(t).toContain('X509v3 Authority Key Identifier');
    }
    expect(text(join(dir, 'server-ecc-ca.pem'))).toContain('ASN1 OID: secp384r1');
  });
});

describe('end-entity profiles, verified by openssl', () => {
  it('server profile 3: RSA, sha256WithRSAEncryption, serverAuth, FQDN appended to SAN', async () => {
    const { caPem, eePem } = await issueEe('server-rsa', 'server', serverSubject, await eeKey('RSA'), { dnsNames: ['alt.example.ac.jp'] });
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'sslserver', eePem).out).toContain(': OK');
    const t = text(eePem);
    expect(t).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(t).toContain('Subject: CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(t).toContain('DNS:alt.example.ac.jp, DNS:www.example.ac.jp');
    expect(t).toMatch(/Extended Key Usage: \n\s+TLS Web Server Authentication\n/);
    expect(t).toMatch(/Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
    expect(t).toMatch(/Basic Constraints: critical\n\s+CA:FALSE/);
  });

  it('server profile 11: P-384 key, ecdsa-with-SHA384 by the ECC CA, no keyEncipherment', async () => {
    const { caPem, eePem } = await issueEe('server-ecc', 'server', serverSubject, await eeKey('P-384'), { dnsNames: ['www.example.ac.jp'] });
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'sslserver', eePem).out).toContain(': OK');
    const t = text(eePem);
    expect(t).toContain('Signature Algorithm: ecdsa-with-SHA384');
    expect(t).toMatch(/Key Usage: critical\n\s+Digital Signature\n/);
    expect(t.match(/DNS:/g)).toHaveLength(1); // the CN was already listed: not added twice
  });

  it('S/MIME: subject CN only, SAN rfc822Name, emailProtection', async () => {
    const { caPem, eePem } = await issueEe('smime', 'smime', [{ key: 'CN', value: 'mail' }], await eeKey('RSA'), { emails: ['taro@example.ac.jp'] });
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'smimesign', eePem).out).toContain(': OK');
    const t = text(eePem);
    expect(t).toMatch(/Subject: CN=mail\n/);
    expect(t).toContain('email:taro@example.ac.jp');
    expect(t).toMatch(/Extended Key Usage: \n\s+E-mail Protection\n/);
  });

  it('S/MIME refuses a subject with more than CN, and a missing e-mail', async () => {
    const key = await eeKey('RSA');
    await expect(issueEe('smime', 'smime', [{ key: 'O', value: 'NII' }, { key: 'CN', value: 'mail' }], key, { emails: ['a@example.jp'] })).rejects.toThrow(/CN only/);
    await expect(issueEe('smime', 'smime', [{ key: 'CN', value: 'mail' }], key)).rejects.toThrow(/e-mail/);
  });

  it('client-auth: clientAuth, UTF8String for Japanese values and PrintableString for C', async () => {
    const subject: Rdn[] = [
      { key: 'C', value: 'JP' },
      { key: 'L', value: 'Academe' },
      { key: 'O', value: '国立情報学研究所' },
      { key: 'OU', value: '01' },
      { key: 'CN', value: '山田 太郎' },
    ];
    const { caPem, eePem, der } = await issueEe('client-auth', 'client-auth', subject, await eeKey('RSA'), { emails: ['yamada@example.ac.jp'] });
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'sslclient', eePem).out).toContain(': OK');
    const t = execFileSync('openssl', ['x509', '-in', eePem, '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb,utf8'], { encoding: 'utf8' });
    expect(t).toContain('Subject: CN=山田 太郎,OU=01,O=国立情報学研究所,L=Academe,C=JP');
    expect(t).toMatch(/Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
    const asn = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', writeDer('client.der', der)], { encoding: 'utf8' });
    expect(asn).toMatch(/PRINTABLESTRING\s+:JP/);
    expect(asn).toMatch(/PRINTABLESTRING\s+:Academe/);
    expect(asn.match(/UTF8STRING/g)?.length).toBe(2);
  });

  it('ra-operator: clientAuth from the RA Operator CA', async () => {
    const subject: Rdn[] = [
      { key: 'C', value: 'JP' },
      { key: 'L', value: 'Academe-ops' },
      { key: 'O', value: 'National Institute of Informatics' },
      { key: 'CN', value: 'Taro Yamada' },
    ];
    const { caPem, eePem } = await issueEe('ra-operator', 'ra-operator', subject, await eeKey('RSA'));
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', caPem, '-purpose', 'sslclient', eePem).out).toContain(': OK');
    const t = text(eePem);
    expect(t).toContain('Issuer: CN=UPKI Workbench Training RA Operator CA - NOT TRUSTED');
    expect(t).not.toContain('Subject Alternative Name');
  });

  it('a certificate from another CA does not verify against this chain (the check can fail)', async () => {
    const { eePem } = await issueEe('smime', 'smime', [{ key: 'CN', value: 'mail' }], await eeKey('RSA'), { emails: ['x@example.jp'] });
    const wrongCa = writePem('wrong-ca.pem', h['server-rsa'].certificate);
    expect(openssl('verify', '-CAfile', rootPem, '-untrusted', wrongCa, eePem).status).not.toBe(0);
  });
});

function writeDer(name: string, der: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, der);
  return path;
}

describe('time encoding (RFC 5280 §4.1.2.5)', () => {
  it('uses UTCTime through 2049 and GeneralizedTime from 2050', async () => {
    const key = await eeKey('P-384');
    const der = await issueCertificate({
      issuer: { certificate: h['server-ecc'].certificate, privateKey: h['server-ecc'].privateKey },
      subject: serverSubject,
      publicKey: key.publicKey,
      serialHex: 'ff01',
      notBefore: new Date(Date.UTC(2049, 11, 31, 23, 59, 59)),
      notAfter: new Date(Date.UTC(2050, 0, 1, 0, 0, 0)),
      profile: 'server',
    });
    const asn = execFileSync('openssl', ['asn1parse', '-inform', 'DER', '-in', writeDer('times.der', der)], { encoding: 'utf8' });
    expect(asn).toMatch(/UTCTIME\s+:491231235959Z/);
    expect(asn).toMatch(/GENERALIZEDTIME\s+:20500101000000Z/);
    // a serial with its top bit set stays positive
    expect(execFileSync('openssl', ['x509', '-inform', 'DER', '-in', join(dir, 'times.der'), '-noout', '-serial'], { encoding: 'utf8' })).toContain('serial=FF01');
  });
});

describe('normalizeSerialHex', () => {
  it('pads odd hex, strips leading zeros, and refuses zero, non-hex and over-long serials', () => {
    expect(normalizeSerialHex('f01')).toBe('0f01');
    expect(normalizeSerialHex('000ABC')).toBe('0abc');
    expect(() => normalizeSerialHex('00')).toThrow(/positive/);
    expect(() => normalizeSerialHex('0x12')).toThrow(/positive/);
    expect(normalizeSerialHex('7f'.padEnd(40, 'f'))).toHaveLength(40);
    expect(() => normalizeSerialHex('80'.padEnd(40, '0'))).toThrow(/20 octets/);
  });
});

describe('serverDnsNames', () => {
  it('appends the CN only when missing, case-insensitively', () => {
    expect(serverDnsNames(serverSubject, ['a.example.ac.jp'])).toEqual(['a.example.ac.jp', 'www.example.ac.jp']);
    expect(serverDnsNames(serverSubject, ['WWW.example.ac.jp'])).toEqual(['WWW.example.ac.jp']);
  });
});
