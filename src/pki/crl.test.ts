// CRLs checked by OpenSSL: signature, listed serials and reasons, and `verify -crl_check`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainingHierarchy, issueCertificate, issuerKeyId, type TrainingHierarchy } from './certificate-builder';
import { TRAINING_CAS, type TrainingCaId } from './ca-profiles';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { buildCrl, CRL_REASON_NAMES, type CrlEntry, type CrlReason } from './crl';
import { pemEncode } from './pem';
import { toArrayBuffer } from './crypto';

const dir = mkdtempSync(join(tmpdir(), 'upki-crl-'));
const now = new Date(Date.now() - 3600_000);
const later = new Date(now.getTime() + 365 * 86400_000);

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

function openssl(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

let h: TrainingHierarchy;
let rootPem: string;
let eeKey: CryptoKeyPair;

beforeAll(async () => {
  h = await createTrainingHierarchy({ now });
  rootPem = write('root.pem', pemEncode('CERTIFICATE', h.root.certificate));
  eeKey = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
});

async function issueEe(ca: TrainingCaId, serialHex: string): Promise<string> {
  const der = await issueCertificate({
    issuer: { certificate: h[ca].certificate, privateKey: h[ca].privateKey },
    subject: [{ key: 'CN', value: 'mail' }],
    publicKey: eeKey.publicKey,
    serialHex,
    notBefore: now,
    notAfter: later,
    profile: TRAINING_CAS[ca].issues ?? 'smime',
    emails: ['user@example.ac.jp'],
  });
  return write(`ee-${serialHex}.pem`, pemEncode('CERTIFICATE', der));
}

/** The revoked-certificate block that follows "Serial Number: <hex>" in `openssl crl -text`. */
function entryBlock(text: string, serialHex: string): string {
  const at = text.indexOf(`Serial Number: ${serialHex.toUpperCase()}`);
  expect(at).toBeGreaterThan(-1);
  const next = text.indexOf('Serial Number:', at + 10);
  return text.slice(at, next === -1 ? text.indexOf('Signature Algorithm', at) : next);
}

describe('buildCrl, verified by openssl', () => {
  const reasons: CrlReason[] = [0, 1, 3, 4, 5];

  it('lists every revoked serial with its reason, signs, and carries cRLNumber, nextUpdate and AKI', async () => {
    const ca = 'smime';
    const entries: CrlEntry[] = reasons.map((reason, i) => ({ serialHex: `7a00${i}1`, revokedAt: new Date(now.getTime() + i * 1000), reason }));
    entries.push({ serialHex: 'c0ffee', revokedAt: now, reason: 1 }); // top bit set: must stay positive
    const der = await buildCrl({ issuerCertificate: h[ca].certificate, issuerKey: h[ca].privateKey, entries, thisUpdate: now, nextUpdate: later, crlNumber: 4660n });
    const crlPath = write('smime.crl', der);
    const caPem = write('smime-ca.pem', pemEncode('CERTIFICATE', h[ca].certificate));

    const verified = openssl('crl', '-inform', 'DER', '-in', crlPath, '-noout', '-CAfile', caPem, '-verify');
    expect(verified.out).toContain('verify OK');
    const otherCa = write('other-ca.pem', pemEncode('CERTIFICATE', h['client-auth'].certificate));
    expect(openssl('crl', '-inform', 'DER', '-in', crlPath, '-noout', '-CAfile', otherCa, '-verify').out).not.toContain('verify OK');

    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crlPath, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Issuer: C = JP, O = UPKI Workbench (training only), CN = UPKI Workbench Training S/MIME CA - NOT TRUSTED');
    expect(text).toMatch(/X509v3 CRL Number: \n\s+4660\n/);
    expect(text).toContain('Next Update: ');
    expect(text).toContain('X509v3 Authority Key Identifier');
    const caText = execFileSync('openssl', ['x509', '-in', caPem, '-noout', '-ext', 'subjectKeyIdentifier'], { encoding: 'utf8' });
    expect(text).toContain(caText.trim().split('\n')[1].trim());

    entries.slice(0, 5).forEach((e) => {
      const block = entryBlock(text, e.serialHex);
      if (e.reason === 0) expect(block).not.toContain('Reason Code'); // RFC 5280 §5.3.1: absent for unspecified
      else expect(block).toMatch(new RegExp(`CRL Reason Code: \\n\\s+${CRL_REASON_NAMES[e.reason]}\\n`));
    });
    expect(text).toContain('Serial Number: C0FFEE');
  });

  it('makes `openssl verify -crl_check` reject a revoked certificate and pass a good one', async () => {
    const ca = 'client-auth';
    const revoked = await issueEe(ca, '1001');
    const good = await issueEe(ca, '1002');
    const der = await buildCrl({
      issuerCertificate: h[ca].certificate,
      issuerKey: h[ca].privateKey,
      entries: [{ serialHex: '1001', revokedAt: now, reason: 4 }],
      thisUpdate: now,
      nextUpdate: later,
      crlNumber: 1n,
    });
    const crlPem = write('client.crl.pem', pemEncode('X509 CRL', der));
    const caPem = write('client-ca.pem', pemEncode('CERTIFICATE', h[ca].certificate));
    const bad = openssl('verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crlPem, revoked);
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('certificate revoked');
    const ok = openssl('verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crlPem, good);
    expect(ok.out).toContain(': OK');
  });

  it('signs the ECC CA CRL with ecdsa-with-SHA384 and an empty CRL is valid', async () => {
    const ca = 'server-ecc';
    const der = await buildCrl({ issuerCertificate: h[ca].certificate, issuerKey: h[ca].privateKey, entries: [], thisUpdate: now, nextUpdate: later, crlNumber: 2n ** 70n });
    const crlPath = write('ecc.crl', der);
    const caPem = write('ecc-ca.pem', pemEncode('CERTIFICATE', h[ca].certificate));
    expect(openssl('crl', '-inform', 'DER', '-in', crlPath, '-noout', '-CAfile', caPem, '-verify').out).toContain('verify OK');
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crlPath, '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA384');
    expect(text).toContain('No Revoked Certificates.');
    expect(text).toMatch(/CRL Number: \n\s+1180591620717411303424\n/);
  });

  // Reason 0 is left out: the library then writes an empty crlEntryExtensions SEQUENCE, which RFC 5280 does not
  // allow (SIZE (1..MAX)); ours writes no extensions at all (the first test checks that entry with OpenSSL).
  it('writes the same bytes as @peculiar/x509 would (RSA signatures are deterministic), for reasons 1-5 and a date after 2049', async () => {
    const ca = 'client-auth';
    const withReason = reasons.filter((r) => r !== 0);
    const entries: CrlEntry[] = Array.from({ length: 60 }, (_, i) => ({
      serialHex: (0x7f0000 + i * 7919).toString(16) + (i % 3 ? 'ab' : ''),
      revokedAt: new Date(now.getTime() + i * 61_000 + (i === 59 ? 30 * 365 * 86400_000 : 0)), // the last in 2056: GeneralizedTime
      reason: withReason[i % withReason.length],
    }));
    const ours = await buildCrl({ issuerCertificate: h[ca].certificate, issuerKey: h[ca].privateKey, entries, thisUpdate: now, nextUpdate: later, crlNumber: 77n });
    const issuer = new x509.X509Certificate(toArrayBuffer(h[ca].certificate));
    const library = await x509.X509CrlGenerator.create({
      issuer: issuer.subjectName,
      thisUpdate: now,
      nextUpdate: later,
      entries: entries.map((e) => ({ serialNumber: e.serialHex, revocationDate: e.revokedAt, reason: e.reason })),
      extensions: [new x509.AuthorityKeyIdentifierExtension(await issuerKeyId(issuer), false), new x509.Extension('2.5.29.20', false, new asn1js.Integer({ value: 77 }).toBER(false))],
      signingKey: h[ca].privateKey,
      signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    });
    expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(library.rawData).toString('hex'));
  });

  it('lists 2000 entries under the ECC CA, signed (DER ECDSA signature) so that openssl verifies it', async () => {
    const ca = 'server-ecc';
    const entries: CrlEntry[] = Array.from({ length: 2000 }, (_, i) => ({ serialHex: `5e${i.toString(16).padStart(30, '0')}`, revokedAt: now, reason: 4 }));
    const der = await buildCrl({ issuerCertificate: h[ca].certificate, issuerKey: h[ca].privateKey, entries, thisUpdate: now, nextUpdate: later, crlNumber: 3n });
    const crlPath = write('ecc-2000.crl', der);
    const caPem = write('ecc-ca-2000.pem', pemEncode('CERTIFICATE', h[ca].certificate));
    expect(openssl('crl', '-inform', 'DER', '-in', crlPath, '-noout', '-CAfile', caPem, '-verify').out).toContain('verify OK');
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', crlPath, '-noout', '-text'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(text.match(/Serial Number: /g)).toHaveLength(2000);
    expect(text).toContain(`Serial Number: 5E${'0'.repeat(26)}07CF`);
    expect(text.match(/Superseded/g)).toHaveLength(2000);
  });
});

