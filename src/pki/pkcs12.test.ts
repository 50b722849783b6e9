// PKCS#12 files opened by OpenSSL 3 and NSS pk12util; algorithms checked in their own printouts.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainingHierarchy, issueCertificate, type TrainingHierarchy } from './certificate-builder';
import { randomSerial } from './serial';
import { buildPkcs12, p12Iterations, PERSON_PIN_ITERATIONS, type Pkcs12Format } from './pkcs12';
import { bmpPassword, pkcs12Kdf } from './pkcs12-legacy';
import { pemEncode } from './pem';
import { toHex } from './crypto';

const dir = mkdtempSync(join(tmpdir(), 'upki-p12-'));
const now = new Date(Date.now() - 3600_000);
const PIN = 'Ab3xY9kLm2Qr';

function write(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

function run(cmd: string, args: string[], input?: string): { status: number | null; out: string; stdout: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input });
  return { status: r.status, out: r.stdout + r.stderr, stdout: r.stdout };
}

let h: TrainingHierarchy;

beforeAll(async () => {
  h = await createTrainingHierarchy({ now });
});

async function clientMaterial(keyKind: 'RSA' | 'P-384') {
  const alg = keyKind === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-384' };
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const certificate = await issueCertificate({
    issuer: { certificate: h['client-auth'].certificate, privateKey: h['client-auth'].privateKey },
    subject: [
      { key: 'C', value: 'JP' },
      { key: 'L', value: 'Academe' },
      { key: 'O', value: 'National Institute of Informatics' },
      { key: 'CN', value: '山田 太郎' },
    ],
    publicKey: keys.publicKey,
    serialHex: randomSerial().hex,
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86400_000),
    profile: 'client-auth',
    emails: ['yamada@example.ac.jp'],
  });
  return { keys, certificate };
}

function certPubkey(certPem: string): string {
  return execFileSync('openssl', ['x509', '-in', certPem, '-noout', '-pubkey'], { encoding: 'utf8' });
}

/** A throw-away NSS database (pk12util -l still wants one for its crypto module). */
function nssDb(name: string): string {
  const db = join(dir, name);
  execFileSync('mkdir', ['-p', db]);
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  return db;
}

const EXPECTED: Record<Pkcs12Format, { legacyFlag: string[]; algorithms: RegExp[] }> = {
  modern: {
    legacyFlag: [],
    algorithms: [/MAC: sha256, Iteration 2048/, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/, /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/],
  },
  legacy: {
    legacyFlag: ['-legacy'],
    algorithms: [/MAC: sha1, Iteration 2048/, /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/, /PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/],
  },
};

describe.each(['modern', 'legacy'] as const)('buildPkcs12 %s', (format) => {
  let p12: string;
  let certPem: string;
  let caPem: string;

  beforeAll(async () => {
    const { keys, certificate } = await clientMaterial('RSA');
    const der = await buildPkcs12({ privateKey: keys.privateKey, certificate, chain: [h['client-auth'].certificate], password: PIN, format, friendlyName: 'yamada-cert' });
    p12 = write(`${format}.p12`, der);
    certPem = write(`${format}-cert.pem`, pemEncode('CERTIFICATE', certificate));
    caPem = write(`${format}-ca.pem`, pemEncode('CERTIFICATE', h['client-auth'].certificate));
  });

  it('opens in openssl with the PIN and shows the expected algorithms', () => {
    const info = run('openssl', ['pkcs12', ...EXPECTED[format].legacyFlag, '-info', '-noout', '-in', p12, '-passin', `pass:${PIN}`]);
    expect(info.status).toBe(0);
    for (const re of EXPECTED[format].algorithms) expect(info.out).toMatch(re);
    // No RC2 inside: OpenSSL 3 opens even the legacy file without its legacy provider.
    expect(run('openssl', ['pkcs12', '-info', '-noout', '-in', p12, '-passin', `pass:${PIN}`]).status).toBe(0);
  });

  it('fails in openssl with a wrong PIN', () => {
    const info = run('openssl', ['pkcs12', ...EXPECTED[format].legacyFlag, '-info', '-noout', '-in', p12, '-passin', 'pass:wrong-pin']);
    expect(info.status).not.toBe(0);
    expect(info.out).toMatch(/Mac verify error|invalid password/i);
  });

  it('holds the key of the certificate, the chain, and friendlyName + localKeyId on the pair', () => {
    const pass = ['-passin', `pass:${PIN}`, '-passout', 'pass:x', ...EXPECTED[format].legacyFlag];
    const keyPem = run('openssl', ['pkcs12', '-in', p12, '-nocerts', '-nodes', ...pass]).stdout;
    const pub = execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem, encoding: 'utf8' });
    expect(pub).toBe(certPubkey(certPem));

    const certs = run('openssl', ['pkcs12', '-in', p12, '-nokeys', ...pass]).stdout;
    expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(certs).toContain('issuer=C = JP, O = UPKI Workbench (training only), CN = UPKI Workbench Training Root CA - NOT TRUSTED');
    const clientBlock = certs.slice(0, certs.indexOf('END CERTIFICATE'));
    expect(clientBlock).toContain('friendlyName: yamada-cert');
    const keyId = clientBlock.match(/localKeyID: ([0-9A-F ]+)/)?.[1].trim();
    expect(keyId).toBeTruthy();
    expect(keyPem).toContain(`localKeyID: ${keyId}`);
    expect(keyPem).toContain('friendlyName: yamada-cert');
    // localKeyId = SHA-1 of the certificate, as OpenSSL writes it
    const sha1 = execFileSync('openssl', ['x509', '-in', certPem, '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' });
    expect(sha1.split('=')[1].trim().replace(/:/g, ' ')).toBe(keyId);
    expect(run('openssl', ['verify', '-CAfile', write(`${format}-root.pem`, pemEncode('CERTIFICATE', h.root.certificate)), '-untrusted', caPem, certPem]).out).toContain(': OK');
  });

  it('is listed by NSS pk12util with the PIN and refused with a wrong one', () => {
    const db = nssDb(`nss-${format}`);
    const listed = run('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', PIN]);
    expect(listed.status).toBe(0);
    expect(listed.out).toContain('Friendly Name: yamada-cert');
    expect(listed.out).toContain('Subject: "CN=UPKI Workbench Training Client Auth CA - NOT TRUSTED');
    expect(listed.out).toMatch(/Key\(shrouded\):/);
    const imported = run('pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', PIN]);
    expect(imported.out).toContain('PKCS12 IMPORT SUCCESSFUL');
    // "u,u,u" = NSS found the private key of this certificate: localKeyId paired them.
    expect(execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' })).toMatch(/yamada-cert\s+u,u,u/);
    const wrong = run('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', 'wrong-pin']);
    expect(wrong.status).not.toBe(0);
  });
});

describe('buildPkcs12 for a PIN a person chose (method 2 PIN column)', () => {
  it('uses the higher count in the modern format only, and OpenSSL and NSS open the file with it', async () => {
    expect(p12Iterations('modern', 'person')).toBe(PERSON_PIN_ITERATIONS);
    expect(p12Iterations('modern', 'generated')).toBe(2048);
    expect(p12Iterations('legacy', 'person')).toBe(2048);
    const { keys, certificate } = await clientMaterial('RSA');
    const chosen = 'hanako2024'; // what a person picks
    const der = await buildPkcs12({
      privateKey: keys.privateKey,
      certificate,
      chain: [h['client-auth'].certificate],
      password: chosen,
      format: 'modern',
      friendlyName: 'hanako',
      iterations: p12Iterations('modern', 'person'),
    });
    const p12 = write('person.p12', der);
    const info = run('openssl', ['pkcs12', '-info', '-noout', '-in', p12, '-passin', `pass:${chosen}`]);
    expect(info.status).toBe(0);
    expect(info.out).toMatch(new RegExp(`MAC: sha256, Iteration ${PERSON_PIN_ITERATIONS}`));
    expect(info.out).toMatch(new RegExp(`Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration ${PERSON_PIN_ITERATIONS}`));
    expect(info.out).toMatch(new RegExp(`PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration ${PERSON_PIN_ITERATIONS}`));
    expect(run('openssl', ['pkcs12', '-info', '-noout', '-in', p12, '-passin', 'pass:hanako2025']).status).not.toBe(0);
    const db = nssDb('nss-person');
    const imported = run('pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', chosen]);
    expect(imported.status, imported.out).toBe(0);
    expect(run('certutil', ['-L', '-d', `sql:${db}`]).out).toMatch(/hanako\s+u,u,u/);
  });
});

describe('buildPkcs12 with an EC key and a PKCS#8 input', () => {
  it('packs a P-384 key given as PKCS#8 DER in the legacy format', async () => {
    const { keys, certificate } = await clientMaterial('P-384');
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const p12 = write('ec-legacy.p12', await buildPkcs12({ privateKey: pkcs8, certificate, chain: [], password: PIN, format: 'legacy', friendlyName: 'ec' }));
    const keyPem = run('openssl', ['pkcs12', '-legacy', '-in', p12, '-nocerts', '-nodes', '-passin', `pass:${PIN}`]).stdout;
    const pub = execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem, encoding: 'utf8' });
    expect(pub).toBe(certPubkey(write('ec-cert.pem', pemEncode('CERTIFICATE', certificate))));
  });
});

describe('pkcs12Kdf (RFC 7292 App. B)', () => {
  // Vectors from the PKCS#12 test set used by OpenSSL and Bouncy Castle ("smeg", salt 0A58CF64530D823F, 1 iteration).
  it('derives the published key and IV', async () => {
    const salt = Uint8Array.from([0x0a, 0x58, 0xcf, 0x64, 0x53, 0x0d, 0x82, 0x3f]);
    expect(toHex(await pkcs12Kdf(bmpPassword('smeg'), salt, 1, 1, 24, 'SHA-1'))).toBe('8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3');
    expect(toHex(await pkcs12Kdf(bmpPassword('smeg'), salt, 2, 1, 8, 'SHA-1'))).toBe('79993dfe048d3b76');
  });

  // The same set's chained vectors ("queeg", 1000 iterations): the digest is iterated, its state reused per round.
  it('derives the published key, IV and MAC key over 1000 iterations', async () => {
    const hex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));
    expect(toHex(await pkcs12Kdf(bmpPassword('queeg'), hex('05DEC959ACFF72F7'), 1, 1000, 24, 'SHA-1'))).toBe('ed2034e36328830ff09df1e1a07dd357185dac0d4f9eb3d4');
    expect(toHex(await pkcs12Kdf(bmpPassword('queeg'), hex('05DEC959ACFF72F7'), 2, 1000, 8, 'SHA-1'))).toBe('11dedad7758d4860');
    expect(toHex(await pkcs12Kdf(bmpPassword('queeg'), hex('1682C0FC5B3F7EC5'), 1, 1000, 24, 'SHA-1'))).toBe('483dd6e919d7de2e8e648ba8f862f3fbfbdc2bcb2c02957f');
    expect(toHex(await pkcs12Kdf(bmpPassword('queeg'), hex('263216FCC2FAB31C'), 3, 1000, 20, 'SHA-1'))).toBe('5ec4c7a80df652294c3925b6489a7ab857c83476');
  });
});
