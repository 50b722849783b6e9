// The training-key generator (training-keys.ts): every key checked by OpenSSL (`pkey -check`, `rsa -check`), the
// FIPS 186-4 B.3.1/B.3.3 conditions asserted on the decoded keys, and the CLI's upload engine making P12 files with
// them that OpenSSL and NSS open, and still cancelling.
import { checkPrimeSync, createPrivateKey } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { clientIssueRows, tsvBytes } from '../tsv/fixtures';
import { openTestEngine, pk12utilImports, tokenFrom, unzip, upload } from '../ra/ra.testkit';
import type { KeyGenerator } from '../ra/issue/client-keys';
import { spawnSync } from 'node:child_process';
import { UPLOAD_ENGINE_OPTIONS } from './ra';
import { modInverse, probablePrime, rsaKeyFromPrimes, trainingKeyGenerator } from './training-keys';

const dir = tempDir('upki-training-keys-');
afterAll(() => dir.remove());

const big = (b64u: string | undefined): bigint => BigInt('0x' + Buffer.from(b64u!, 'base64url').toString('hex'));
const bits = (x: bigint): number => x.toString(2).length;
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

function run(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('training keys', () => {
  const KEYS = 24;
  const made = (async () => {
    const g = trainingKeyGenerator(2);
    return Promise.all(Array.from({ length: KEYS }, () => g.generate()));
  })();

  it('are RSA 2048 keys that OpenSSL checks as valid (pkey -check, rsa -check), with their own public key', async () => {
    const keys = await made;
    for (const [i, k] of keys.entries()) {
      const path = dir.write(`k${i}.der`, k.privateKey as Uint8Array);
      const pkey = run(['pkey', '-inform', 'DER', '-in', path, '-check', '-noout']);
      expect(pkey.status, pkey.out).toBe(0);
      expect(pkey.out).toContain('Key is valid');
      const rsa = run(['rsa', '-inform', 'DER', '-in', path, '-check', '-noout']);
      expect(rsa.status, rsa.out).toBe(0);
      expect(rsa.out).toContain('RSA key ok');
      const spki = spawnSync('openssl', ['pkey', '-inform', 'DER', '-in', path, '-pubout', '-outform', 'DER']).stdout;
      expect(new Uint8Array(spki)).toEqual(k.spki);
    }
  });

  it('meet FIPS 186-4 B.3.1 / B.3.3: p, q ≥ √2·2^1023, |p − q| > 2^924, gcd(e, p−1) = 1, 2^1024 < d < λ, CRT values', async () => {
    const keys = await made;
    const moduli = new Set<bigint>();
    for (const k of keys) {
      const jwk = createPrivateKey({ key: Buffer.from(k.privateKey as Uint8Array), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
      const [n, e, d, p, q] = [jwk.n, jwk.e, jwk.d, jwk.p, jwk.q].map(big);
      expect(e).toBe(65537n);
      expect(p * q).toBe(n);
      expect(bits(n)).toBe(2048);
      for (const f of [p, q]) {
        expect(bits(f)).toBe(1024);
        expect(f * f >= 1n << 2047n).toBe(true); // f ≥ √2·2^1023
        expect(gcd(e, f - 1n)).toBe(1n);
        expect(checkPrimeSync(f)).toBe(true); // OpenSSL's own test, independently of how the prime was found
      }
      expect(p > q ? p - q : q - p).toBeGreaterThan(1n << 924n);
      const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
      expect(d > 1n << 1024n && d < lambda).toBe(true);
      expect((e * d) % lambda).toBe(1n);
      expect(big(jwk.dp)).toBe(d % (p - 1n));
      expect(big(jwk.dq)).toBe(d % (q - 1n));
      expect((big(jwk.qi) * q) % p).toBe(1n);
      moduli.add(n);
    }
    expect(moduli.size).toBe(KEYS);
  });

  it('refuse primes whose d would be ≤ 2^1024, and invert modulo m', () => {
    // Small primes make a small λ and so a small d: such a pair must be drawn again.
    expect(rsaKeyFromPrimes(1000003n, 1000033n)).toBeUndefined();
    const m = 1000002n * 1000032n;
    const inv = modInverse(65537n, m);
    expect(inv > 0n && inv < m && (65537n * inv) % m === 1n).toBe(true);
    expect(() => modInverse(6n, 9n)).toThrow();
  });

  it('give up (B.3.3 step 4.7) instead of spinning when the random source is broken', async () => {
    // All ones: 2^1024 − 1 is divisible by 3, every candidate fails trial division. All zeros: below √2·2^1023.
    await expect(probablePrime(undefined, (b) => b.fill(0xff))).rejects.toThrow(/step 4\.7/);
    await expect(probablePrime(undefined, (b) => b.fill(0))).rejects.toThrow(/step 4\.7/);
  });
});

describe('the CLI upload engine (ra upload) with training keys', () => {
  function counted(): { options: typeof UPLOAD_ENGINE_OPTIONS; calls: () => number } {
    let calls = 0;
    const wrap = (g: KeyGenerator): KeyGenerator => ({ ...g, generate: () => (calls++, g.generate()) });
    return { options: { clientKeyGenerators: () => UPLOAD_ENGINE_OPTIONS.clientKeyGenerators!().map(wrap) }, calls: () => calls };
  }

  it('uses the training-key generator', () => {
    const generators = UPLOAD_ENGINE_OPTIONS.clientKeyGenerators!();
    expect(generators).toHaveLength(1);
    expect(generators[0]).toEqual(trainingKeyGenerator(generators[0].concurrency)); // its generate is trainingKeyPair itself
  });

  it('makes P12 files that OpenSSL and NSS open, with a key OpenSSL checks as valid', async () => {
    const { options, calls } = counted();
    const engine = await openTestEngine(undefined, undefined, options);
    const rows = clientIssueRows(2, { method: '2', pin: 'Given-PIN-123' }).map((r, i) => ((r[0] = r[0].replace(/^CN=[^,]*/, `CN=TRAINING ${i}`)), (r[11] = `training${i}`), r));
    const result = await upload(engine, 'client-issue', rows);
    expect(result.ok).toBe(true);
    expect(calls()).toBe(2);
    const mails = (await engine.state()).mails;
    expect((await engine.downloadPins(tokenFrom(mails.find((m) => m.subject === 'アクセスPIN発行通知')!.body, 'アクセスPIN取得URL'))).ok).toBe(true);
    const all = await engine.downloadClientAll(tokenFrom(mails.find((m) => m.subject === 'クライアント証明書発行受付通知')!.body, '証明書取得URL'));
    if (!all.ok) throw new Error(all.message.en);
    const files = await unzip(all.bytes);
    for (const name of ['training0.p12', 'training1.p12']) {
      const p12 = dir.write(name, files[name]);
      const key = run(['pkcs12', '-in', p12, '-passin', 'pass:Given-PIN-123', '-nocerts', '-noenc', '-out', `${p12}.key`]);
      expect(key.status, key.out).toBe(0);
      expect(run(['pkey', '-in', `${p12}.key`, '-check', '-noout']).out).toContain('Key is valid');
      const cert = run(['pkcs12', '-in', p12, '-passin', 'pass:Given-PIN-123', '-clcerts', '-nokeys', '-out', `${p12}.pem`]);
      expect(cert.status, cert.out).toBe(0);
      // The certificate is the key's: the same modulus.
      expect(run(['x509', '-in', `${p12}.pem`, '-noout', '-modulus']).out).toBe(run(['rsa', '-in', `${p12}.key`, '-noout', '-modulus']).out);
      pk12utilImports(dir, p12, 'Given-PIN-123', name);
    }
  });

  it('still cancels: an upload aborted after its first user commits nothing', async () => {
    const engine = await openTestEngine(undefined, undefined, UPLOAD_ENGINE_OPTIONS);
    const { lastSeq, certificates } = await engine.state();
    const before = { lastSeq, certificates: certificates.size };
    const abort = new AbortController();
    const rows = clientIssueRows(6, { method: '2' }).map((r, i) => ((r[0] = r[0].replace(/^CN=[^,]*/, `CN=ABORT ${i}`)), (r[11] = `abort${i}`), r));
    const cancelled = engine.upload({
      bytes: tsvBytes(rows),
      fileName: 'a.tsv',
      kind: 'client-issue',
      onProgress: (done) => done > 0 && abort.abort(),
      signal: abort.signal,
    });
    await expect(cancelled).rejects.toThrow();
    const state = await engine.state();
    expect({ lastSeq: state.lastSeq, certificates: state.certificates.size }).toEqual(before);
  });
});
