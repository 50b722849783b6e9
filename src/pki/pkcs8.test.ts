import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtle } from './crypto';
import { openssl, tempDir } from './openssl.testkit';
import { base64Encode, pemDecodeAll } from './pem';
import { checkPassphrase, decryptPkcs8, encryptPkcs8, openPrivateKeyPem, pkcs8ToPem } from './pkcs8';

const tmp = tempDir();
afterAll(() => tmp.remove());

let plainPem: string; // an OpenSSL-made P-384 key, PKCS#8 unencrypted
let plainDer: Uint8Array;

beforeAll(() => {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', tmp.path('plain.key')]);
  plainPem = tmp.read('plain.key').toString();
  plainDer = pemDecodeAll(plainPem)![0].der;
});

describe('encryptPkcs8 / decryptPkcs8', () => {
  it('writes PBES2 (PBKDF2-HMAC-SHA256, 600000 iterations, AES-256-CBC) that OpenSSL opens', async () => {
    const pem = pkcs8ToPem(await encryptPkcs8(plainDer, 'パスフレーズ pass 1'), true);
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const path = tmp.write('enc.key', pem);
    const asn1 = openssl(['asn1parse', '-in', path]);
    expect(asn1).toMatch(/:PBES2\n[\s\S]*:PBKDF2\n[\s\S]*INTEGER +:0927C0\n[\s\S]*:hmacWithSHA256\n[\s\S]*:aes-256-cbc\n/);
    // The UTF-8 bytes of the passphrase are what OpenSSL reads from the file.
    tmp.write('enc.pass', 'パスフレーズ pass 1\n');
    const opened = openssl(['pkey', '-in', path, '-passin', `file:${tmp.path('enc.pass')}`]);
    expect(opened).toBe(plainPem);
  });

  it('decrypts keys OpenSSL encrypted (defaults, and SHA-1 PRF with AES-128)', async () => {
    openssl(['pkcs8', '-topk8', '-in', tmp.path('plain.key'), '-passout', 'pass:secret-pass', '-out', tmp.path('ossl.key')]);
    const r = await openPrivateKeyPem(tmp.read('ossl.key').toString(), 'secret-pass');
    expect(r.ok && base64Encode(r.pkcs8)).toBe(base64Encode(plainDer));
    openssl([
      'pkcs8', '-topk8', '-in', tmp.path('plain.key'), '-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1',
      '-passout', 'pass:secret-pass', '-out', tmp.path('ossl-sha1.key'),
    ]);
    const r1 = await openPrivateKeyPem(tmp.read('ossl-sha1.key').toString(), 'secret-pass');
    expect(r1.ok && base64Encode(r1.pkcs8)).toBe(base64Encode(plainDer));
  });

  it('round-trips and the result imports into WebCrypto', async () => {
    const enc = await encryptPkcs8(plainDer, 'round trip', 1000);
    const r = await decryptPkcs8(enc, 'round trip');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const key = await subtle().importKey('pkcs8', r.pkcs8.slice().buffer, { name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign']);
    expect(key.type).toBe('private');
  });

  it('wrong passphrase, garbage and unsupported schemes are error values', async () => {
    const enc = await encryptPkcs8(plainDer, 'right passphrase', 1000);
    for (let i = 0; i < 5; i++) expect(await decryptPkcs8(enc, `wrong ${i}`)).toMatchObject({ ok: false, code: 'passphrase' });
    expect(await decryptPkcs8(new Uint8Array([1, 2, 3]), 'x')).toMatchObject({ ok: false, code: 'format' });
    openssl([
      'pkcs8', '-topk8', '-in', tmp.path('plain.key'), '-v1', 'PBE-SHA1-3DES', '-passout', 'pass:secret-pass', '-out', tmp.path('v1.key'),
    ]);
    expect(await openPrivateKeyPem(tmp.read('v1.key').toString(), 'secret-pass')).toMatchObject({ ok: false, code: 'unsupported' });
    expect(await openPrivateKeyPem('not a key', 'x')).toMatchObject({ ok: false, code: 'format' });
    const plain = await openPrivateKeyPem(plainPem);
    expect(plain.ok && base64Encode(plain.pkcs8)).toBe(base64Encode(plainDer));
  });
});

describe('checkPassphrase', () => {
  it('wants 8+ characters, no control characters, at most 1023 bytes', () => {
    expect(checkPassphrase('1234567')).toMatchObject({ ok: false, code: 'passphrase-short' });
    expect(checkPassphrase('12345678')).toEqual({ ok: true });
    expect(checkPassphrase('日本語のパスワード')).toEqual({ ok: true });
    expect(checkPassphrase('line\nbreak here')).toMatchObject({ ok: false, code: 'passphrase-control' });
    expect(checkPassphrase('a'.repeat(1023))).toEqual({ ok: true });
    expect(checkPassphrase('あ'.repeat(342))).toMatchObject({ ok: false, code: 'passphrase-long' });
  });
});
