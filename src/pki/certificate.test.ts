// inspectCertificate against certificates made by OpenSSL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCertificate } from './certificate';
import { inspectCsr } from './csr';
import { sha256Hex } from './crypto';
import { openssl, opensslBytes, tempDir } from './openssl.testkit';
import { subjectTsvString } from './name';
import { sameKey } from './spki';
import type { CertificateInfo } from './types';

const tmp = tempDir();
afterAll(() => tmp.remove());

const CONF = '[req]\ndistinguished_name=dn\nstring_mask=nombstr\n[dn]\n';

async function info(input: string | Uint8Array): Promise<CertificateInfo> {
  const r = await inspectCertificate(input);
  if (!r.ok) throw new Error(`${r.code}: ${r.message.en}`);
  return r.info;
}

function opensslDate(cert: string, which: 'startdate' | 'enddate'): Date {
  const line = openssl(['x509', '-in', cert, '-noout', `-${which}`, '-dateopt', 'iso_8601']).trim();
  return new Date(line.split('=')[1].replace(' ', 'T'));
}

beforeAll(() => {
  tmp.write('req.cnf', CONF);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', tmp.path('ca.key')]);
  openssl(['req', '-x509', '-key', tmp.path('ca.key'), '-config', tmp.path('req.cnf'), '-subj', '/C=JP/O=Test CA/CN=Test CA', '-days', '30', '-out', tmp.path('ca.crt')]);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', tmp.path('leaf.key')]);
  openssl(['req', '-new', '-key', tmp.path('leaf.key'), '-config', tmp.path('req.cnf'),
    '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=www.example.ac.jp', '-out', tmp.path('leaf.csr')]);
  tmp.write('ext.cnf', 'subjectAltName=DNS:www.example.ac.jp,DNS:alt.example.ac.jp,email:admin@example.ac.jp\n');
  openssl(['x509', '-req', '-in', tmp.path('leaf.csr'), '-CA', tmp.path('ca.crt'), '-CAkey', tmp.path('ca.key'),
    '-set_serial', '0x80112210E261FEC92B', '-days', '397', '-sha384', '-extfile', tmp.path('ext.cnf'), '-out', tmp.path('leaf.crt')]);
});

describe('inspectCertificate', () => {
  it('reads subject, issuer, serial (decimal and hex), validity, key, SANs and SPKI hash as OpenSSL sees them', async () => {
    const path = tmp.path('leaf.crt');
    const cert = await info(tmp.read('leaf.crt').toString());
    expect(subjectTsvString(cert.subject)).toBe('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cert.issuer).toEqual([
      { key: 'C', value: 'JP' },
      { key: 'O', value: 'Test CA' },
      { key: 'CN', value: 'Test CA' },
    ]);
    const printedSerial = openssl(['x509', '-in', path, '-noout', '-serial']).trim().slice('serial='.length);
    expect(cert.serialHex).toBe(printedSerial.toLowerCase());
    expect(cert.serialHex).toBe('80112210e261fec92b'); // the DER sign byte 00 is not part of the value
    expect(cert.serialDecimal).toBe(BigInt('0x80112210E261FEC92B').toString());
    expect(cert.notBefore).toEqual(opensslDate(path, 'startdate'));
    expect(cert.notAfter).toEqual(opensslDate(path, 'enddate'));
    expect(cert.publicKey).toEqual({ algorithm: 'RSA', bits: 2048 });
    expect(cert.signatureAlgorithm).toBe('ecdsa-with-SHA384');
    expect(cert.sanDnsNames).toEqual(['www.example.ac.jp', 'alt.example.ac.jp']);
    expect(cert.sanEmails).toEqual(['admin@example.ac.jp']);
    const pub = opensslBytes(['x509', '-in', path, '-noout', '-pubkey']);
    const pubDer = opensslBytes(['pkey', '-pubin', '-in', tmp.write('leaf.pub', pub), '-outform', 'DER']);
    expect(cert.spkiSha256).toBe(await sha256Hex(new Uint8Array(pubDer)));
    // The renewal rule's input: the CSR that produced this certificate carries the same key.
    const csr = await inspectCsr(tmp.read('leaf.csr').toString());
    expect(csr.ok && sameKey(csr.info, cert)).toBe(true);
  });

  it('accepts DER bytes and bare base64; reads GeneralizedTime (after 2049)', async () => {
    const der = new Uint8Array(opensslBytes(['x509', '-in', tmp.path('leaf.crt'), '-outform', 'DER']));
    const fromPem = await info(tmp.read('leaf.crt').toString());
    expect(await info(der)).toEqual(fromPem);
    expect(await info(Buffer.from(der).toString('base64'))).toEqual(fromPem);
    openssl(['req', '-x509', '-key', tmp.path('ca.key'), '-subj', '/CN=long', '-days', '10000', '-out', tmp.path('long.crt')]);
    const long = await info(tmp.read('long.crt').toString());
    expect(long.notAfter).toEqual(opensslDate(tmp.path('long.crt'), 'enddate'));
    expect(long.notAfter.getUTCFullYear()).toBeGreaterThan(2049);
  });

  it('returns error values for CSRs, garbage and oversize input', async () => {
    expect(await inspectCertificate(tmp.read('leaf.csr').toString())).toMatchObject({ ok: false, code: 'der' });
    expect(await inspectCertificate('garbage!')).toMatchObject({ ok: false, code: 'base64' });
    expect(await inspectCertificate(new Uint8Array([0x30, 0x00]))).toMatchObject({ ok: false, code: 'der' });
    expect(await inspectCertificate('A'.repeat(70_000))).toMatchObject({ ok: false, code: 'too-large' });
    const csrDer = new Uint8Array(opensslBytes(['req', '-in', tmp.path('leaf.csr'), '-outform', 'DER']));
    expect(await inspectCertificate(csrDer)).toMatchObject({ ok: false, code: 'der' });
  });
});
