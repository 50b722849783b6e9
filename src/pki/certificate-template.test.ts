// Certificates written from a template must be the library's certificates, byte for byte, and OpenSSL must read them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainingHierarchy, issueCertificate, issueWithLibrary, type IssueCertificateParams, type TrainingHierarchy } from './certificate-builder';
import { children } from './der-tlv';
import { repositoryOf, type CertProfile, type TrainingCaId } from './ca-profiles';
import type { Rdn } from './dn';
import { pemEncode } from './pem';
import { openssl, opensslStatus, tempDir } from './openssl.testkit';
import { toHex } from './crypto';

const now = new Date(Date.now() - 3600_000);
const later = (days: number) => new Date(now.getTime() + days * 86400_000);
let h: TrainingHierarchy;
const dir = tempDir('upki-template-');

beforeAll(async () => {
  h = await createTrainingHierarchy({ now });
});

async function spkiOf(kind: 'RSA' | 'P-384'): Promise<Uint8Array> {
  const alg = kind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-384' };
  const pair = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  return new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
}

const person = (cn: string, ou: string): Rdn[] => [
  { key: 'C', value: 'JP' },
  { key: 'ST', value: 'Tokyo' },
  { key: 'L', value: 'Chiyoda-ku' },
  { key: 'O', value: 'Example University' },
  { key: 'OU', value: ou },
  { key: 'CN', value: cn },
];

interface Case {
  name: string;
  ca: TrainingCaId;
  profile: CertProfile;
  key: 'RSA' | 'P-384';
  subjects: [Rdn[], Rdn[]];
  extra?: (i: number) => Partial<IssueCertificateParams>;
}

const CASES: Case[] = [
  { name: 'client-auth with a mail', ca: 'client-auth', profile: 'client-auth', key: 'RSA', subjects: [person('USER 1', '00000001'), person('USER 2', '工学部')], extra: (i) => ({ emails: [`user${i}@example.ac.jp`] }) },
  { name: 'client-auth without a mail (no SAN)', ca: 'client-auth', profile: 'client-auth', key: 'RSA', subjects: [person('USER 3', 'a'), person('山田 太郎', 'b')] },
  { name: 'S/MIME (CN only)', ca: 'smime', profile: 'smime', key: 'RSA', subjects: [[{ key: 'CN', value: 'a@example.ac.jp' }], [{ key: 'CN', value: 'b@example.ac.jp' }]], extra: (i) => ({ emails: [i ? 'b@example.ac.jp' : 'a@example.ac.jp'] }) },
  { name: 'server RSA with dNSNames', ca: 'server-rsa', profile: 'server', key: 'RSA', subjects: [[{ key: 'C', value: 'JP' }, { key: 'O', value: 'Example University' }, { key: 'CN', value: 'www.example.ac.jp' }], [{ key: 'C', value: 'JP' }, { key: 'O', value: 'Example University' }, { key: 'CN', value: 'mail.example.ac.jp' }]], extra: (i) => ({ dnsNames: i ? ['alt.example.ac.jp', 'x.example.ac.jp'] : [] }) },
  { name: 'RA operator, validity past 2049 (GeneralizedTime)', ca: 'ra-operator', profile: 'ra-operator', key: 'RSA', subjects: [person('ra', 'x'), person('ra2', 'y')], extra: (i) => ({ emails: ['ra@example.ac.jp'], notAfter: i ? new Date('2055-03-01T12:34:56.789Z') : later(700) }) },
];

async function both(c: Case, i: number, spki: Uint8Array, serialHex: string): Promise<{ template: Uint8Array; library: Uint8Array }> {
  const p: IssueCertificateParams = {
    issuer: { certificate: h[c.ca].certificate, privateKey: h[c.ca].privateKey },
    ...repositoryOf(c.ca),
    subject: c.subjects[i],
    publicKey: spki,
    serialHex,
    notBefore: now,
    notAfter: later(395),
    profile: c.profile,
    ...c.extra?.(i),
  };
  return { template: await issueCertificate(p), library: await issueWithLibrary(p) };
}

function text(name: string, der: Uint8Array): string {
  return openssl(['x509', '-noout', '-text', '-in', dir.write(name, pemEncode('CERTIFICATE', der))]);
}

describe('certificates from a template', () => {
  for (const c of CASES) {
    it(`${c.name}: the same bytes as the library's, read by OpenSSL, chain verified`, async () => {
      // The first issues through the library and becomes the template; the second (another subject, key, serial,
      // SAN) is written from the template. RSA PKCS#1 v1.5 signatures are deterministic, so whole certificates compare.
      for (const [i, serialHex] of ['0a1b2c3d4e5f60718293a4b5c6', 'ff00ee11dd22cc33bb44aa5599'].entries()) {
        const spki = await spkiOf(c.key);
        const { template, library } = await both(c, i, spki, serialHex);
        expect(toHex(template)).toBe(toHex(library));
        expect(text(`${c.ca}-${i}-t.pem`, template)).toBe(text(`${c.ca}-${i}-l.pem`, library));
      }
      const spki = await spkiOf(c.key);
      const { template } = await both(c, 1, spki, '7f01');
      const ca = dir.write(`${c.ca}-ca.pem`, pemEncode('CERTIFICATE', h[c.ca].certificate));
      const root = dir.write('root.pem', pemEncode('CERTIFICATE', h.root.certificate));
      const ee = dir.write(`${c.ca}-ee.pem`, pemEncode('CERTIFICATE', template));
      const verified = opensslStatus(['verify', '-CAfile', root, '-untrusted', ca, '-purpose', 'any', ee]);
      expect(verified.output).toContain(': OK');
      expect(text(`${c.ca}-s.pem`, template)).toMatch(/Serial Number: 32513 \(0x7f01\)/);
    });
  }

  it('server ECC (ECDSA issuer, P-384 key): the same TBSCertificate, a signature OpenSSL verifies', async () => {
    const c: Case = { name: 'ecc', ca: 'server-ecc', profile: 'server', key: 'P-384', subjects: [[{ key: 'CN', value: 'a.example.ac.jp' }], [{ key: 'C', value: 'JP' }, { key: 'CN', value: 'b.example.ac.jp' }]], extra: () => ({ dnsNames: ['b.example.ac.jp'] }) };
    for (const [i, serialHex] of ['01', '80'].entries()) {
      const { template, library } = await both(c, i, await spkiOf('P-384'), serialHex);
      expect(toHex(children(template)[0])).toBe(toHex(children(library)[0]));
      const root = dir.write('root.pem', pemEncode('CERTIFICATE', h.root.certificate));
      const ca = dir.write('ecc-ca.pem', pemEncode('CERTIFICATE', h['server-ecc'].certificate));
      const ee = dir.write(`ecc-${i}.pem`, pemEncode('CERTIFICATE', template));
      expect(opensslStatus(['verify', '-CAfile', root, '-untrusted', ca, ee]).output).toContain(': OK');
    }
  });
});
