import { afterAll, describe, expect, it } from 'vitest';
import { inspectCertificate } from './certificate';
import { openssl, tempDir } from './openssl.testkit';
import { certificateFromPkcs12 } from './pkcs12-read';

const tmp = tempDir('upki-p12read-');
afterAll(() => tmp.remove());

openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/C=JP/O=Example University/OU=2024001/CN=KOKURITSU HANAKO', '-addext', 'subjectAltName=email:hanako@example.ac.jp', '-set_serial', '0x1A2B3C', '-days', '3', '-keyout', tmp.path('k.pem'), '-out', tmp.path('c.pem')]);
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Some CA', '-days', '3', '-keyout', tmp.path('ca.key'), '-out', tmp.path('ca.pem')]);
openssl(['pkcs12', '-export', '-in', tmp.path('c.pem'), '-inkey', tmp.path('k.pem'), '-certfile', tmp.path('ca.pem'), '-out', tmp.path('modern.p12'), '-passout', 'pass:123456']);
openssl(['pkcs12', '-export', '-legacy', '-in', tmp.path('c.pem'), '-inkey', tmp.path('k.pem'), '-out', tmp.path('legacy.p12'), '-passout', 'pass:123456']);

describe('certificate from a PKCS#12 made by OpenSSL', () => {
  for (const name of ['modern.p12', 'legacy.p12']) {
    it(`reads the user's certificate (not the CA's) from ${name} with its PIN`, async () => {
      const r = await certificateFromPkcs12(new Uint8Array(tmp.read(name)), '123456');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const info = await inspectCertificate(r.certificate);
      expect(info.ok && info.info.serialHex).toBe('1a2b3c');
      expect(info.ok && info.info.sanEmails).toEqual(['hanako@example.ac.jp']);
      // The DER is the certificate OpenSSL wrote.
      const opensslDer = openssl(['x509', '-in', tmp.path('c.pem'), '-outform', 'DER', '-out', tmp.path('c.der')]);
      void opensslDer;
      expect(Buffer.from(r.certificate).equals(tmp.read('c.der'))).toBe(true);
    });
  }

  it('says so on a wrong PIN and on a file that is not PKCS#12', async () => {
    const wrong = await certificateFromPkcs12(new Uint8Array(tmp.read('modern.p12')), '000000');
    expect(wrong.ok || wrong.code).toBe('pin');
    const junk = await certificateFromPkcs12(new TextEncoder().encode('not a p12'), '123456');
    expect(junk.ok || junk.code).toBe('format');
  });
});
