// RSA 2048 training keys for the simulated CA's P12一括 in Node (`upki-tsv ra upload`): FIPS 186-4 Appendix B.3.3
// probable primes, ≈ 2× cheaper than OpenSSL 3's generateKeyPair. Only for the simulated RA's users; the admin's real
// keys (鍵・CSR, renew-plan) stay on the platform's generator. Why and the security argument: docs/ra-engine.md.
import { checkPrime, createPrivateKey, createPublicKey, randomFillSync } from 'node:crypto';
import type { ClientKeyPair, KeyGenerator } from '../ra/issue/client-keys';

const PRIME_BYTES = 128; // nlen/2 = 1024 bits
const E = 65537n;
/**
 * Miller–Rabin rounds for 1024-bit primes of a 2048-bit key: FIPS 186-4 Table C.2 (error ≤ 2^-112, "M-R tests
 * only"). OpenSSL 3 raises any count below 64 to 64 (bn_mr_min_checks in ossl_bn_check_prime; measured), so the
 * primes actually get the same 64 rounds as generateKeyPair's; 5 is the minimum this module asks for.
 */
export const MR_ROUNDS = 5;
/** B.3.3 steps 4.7 / 5.8: give up after 5·(nlen/2) candidates for one prime (never seen; ≈ 2^-20). */
const MAX_TRIES = 5 * 1024;
/** Candidates are trial-divided by the odd primes below this (≈ 1000 primes): fewer Miller–Rabin calls. */
const SIEVE_LIMIT = 8192;
/** Top 32 bits of ⌊√2·2^31⌋: a candidate whose top 32 bits exceed it is ≥ √2·2^1023 (B.3.3 steps 4.4 / 5.4). */
const SQRT2_TOP32 = 0xb504f333;
const P_Q_MIN_DISTANCE = 1n << 924n; // |p − q| > 2^(nlen/2 − 100), step 5.4
const D_MIN = 1n << 1024n; // d > 2^(nlen/2), B.3.1 criterion 3(b)

/** The odd primes below SIEVE_LIMIT, grouped so that each group's product stays below 2^53 (a Number). */
const SIEVE_GROUPS: { product: bigint; primes: number[] }[] = (() => {
  const composite = new Uint8Array(SIEVE_LIMIT);
  const groups: { product: bigint; primes: number[] }[] = [];
  let primes: number[] = [];
  let product = 1;
  for (let i = 3; i < SIEVE_LIMIT; i += 2) {
    if (composite[i]) continue;
    for (let j = i * i; j < SIEVE_LIMIT; j += 2 * i) composite[j] = 1;
    if (product * i > Number.MAX_SAFE_INTEGER) {
      groups.push({ product: BigInt(product), primes });
      primes = [];
      product = 1;
    }
    primes.push(i);
    product *= i;
  }
  groups.push({ product: BigInt(product), primes });
  return groups;
})();

/** True when a small prime divides c (one BigInt remainder per group, then Number arithmetic). */
function hasSmallFactor(c: bigint): boolean {
  for (const g of SIEVE_GROUPS) {
    const r = Number(c % g.product);
    for (const p of g.primes) if (r % p === 0) return true;
  }
  return false;
}

const toBigInt = (bytes: Uint8Array): bigint => BigInt('0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex'));

/** Miller–Rabin on the libuv pool (node:crypto checkPrime), so the main thread stays free while it runs. */
function millerRabin(candidate: Uint8Array): Promise<boolean> {
  return new Promise((resolve, reject) => checkPrime(candidate, { checks: MR_ROUNDS }, (e, prime) => (e ? reject(e) : resolve(prime))));
}

/**
 * One 1024-bit probable prime p with gcd(p − 1, e) = 1 (B.3.3 steps 4.2–4.7; with `other`, steps 5.2–5.8).
 * Each candidate is a fresh draw of 1024 random bits, odd, ≥ √2·2^1023; trial division, then Miller–Rabin on
 * the libuv pool (node:crypto checkPrime), so two keys under way use both cores.
 */
export async function probablePrime(other?: bigint, fill: (b: Uint8Array) => void = randomFillSync): Promise<bigint> {
  const candidate = new Uint8Array(PRIME_BYTES);
  try {
    // `draws` also counts candidates refused before step 4.5 (below √2·2^1023, too close to p): only a broken
    // random source could reach its bound, and then this must fail rather than spin.
    for (let tries = 0, draws = 0; tries < MAX_TRIES && draws < 4 * MAX_TRIES; draws++) {
      fill(candidate);
      candidate[0] |= 0x80;
      candidate[PRIME_BYTES - 1] |= 1;
      if (((candidate[0] << 24) | (candidate[1] << 16) | (candidate[2] << 8) | candidate[3]) >>> 0 <= SQRT2_TOP32) continue;
      const c = toBigInt(candidate);
      if (other !== undefined && (c > other ? c - other : other - c) <= P_Q_MIN_DISTANCE) continue;
      tries++;
      // e is prime, so gcd(c − 1, e) = 1 unless c ≡ 1 (mod e).
      if (hasSmallFactor(c) || c % E === 1n) continue;
      if (await millerRabin(candidate)) return c;
    }
  } finally {
    candidate.fill(0);
  }
  throw new Error('no probable prime found in 5·(nlen/2) candidates (FIPS 186-4 B.3.3 step 4.7) / 素数が見つかりません');
}

/** a⁻¹ mod m (extended Euclid); a and m coprime. */
export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [a % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return ((s0 % m) + m) % m;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The RSA private key from its primes (B.3.1 criteria), or undefined when d ≤ 2^1024 (draw new primes). */
export function rsaKeyFromPrimes(p: bigint, q: bigint): { n: bigint; d: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint } | undefined {
  if (p < q) [p, q] = [q, p]; // p > q: the usual CRT layout
  const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
  const d = modInverse(E, lambda);
  if (d <= D_MIN) return undefined;
  return { n: p * q, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qi: modInverse(q, p) };
}

const b64u = (x: bigint): string => {
  const hex = x.toString(16);
  return Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex').toString('base64url');
};

/** One training key pair: PKCS#8 and SPKI DER, through node:crypto's own import (the JWK form) and export. */
export async function trainingKeyPair(): Promise<ClientKeyPair> {
  for (;;) {
    const p = await probablePrime();
    const q = await probablePrime(p);
    const k = rsaKeyFromPrimes(p, q);
    if (!k) continue;
    const key = createPrivateKey({
      format: 'jwk',
      key: { kty: 'RSA', n: b64u(k.n), e: b64u(E), d: b64u(k.d), p: b64u(k.p), q: b64u(k.q), dp: b64u(k.dp), dq: b64u(k.dq), qi: b64u(k.qi) },
    });
    return {
      privateKey: new Uint8Array(key.export({ type: 'pkcs8', format: 'der' })),
      spki: new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' })),
    };
  }
}

/** The engine's key source for the CLI's uploads: `concurrency` keys under way (one per core). */
export function trainingKeyGenerator(concurrency: number): KeyGenerator {
  return { concurrency, generate: trainingKeyPair };
}
