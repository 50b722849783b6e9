// The app's own code, bundled for a plain bench page in Chromium (bench/lib/browser-page.ts): key + CSR,
// validation, and raw RSA key generation for the two-core measurement. Exposed on window.bench.
import 'reflect-metadata';
import { makeKeyAndCsr } from '../../src/pki/keys';
import { validateFile } from '../../src/tsv';
import type { KindId } from '../../src/spec/types';

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };

async function keyCsr(profile: '3' | '11', runs: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const r = await makeKeyAndCsr({ profile, subject: { cn: `www${i}.example.ac.jp`, o: 'Example University', st: 'Tokyo', l: 'Chiyoda-ku' }, passphrase: null });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
  }
  return (performance.now() - t0) / runs;
}

/** `count` RSA 2048 keys, `parallel` at a time; ms per key. */
async function rsaKeys(count: number, parallel: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next++ < count) await crypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
  }));
  return (performance.now() - t0) / count;
}

/** Median ms of validating the bytes (after a warm-up), and whether the file was valid. */
async function validate(bytes: number[] | Uint8Array, kind: KindId, runs: number): Promise<{ ms: number; ok: boolean; longTasks: number }> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const first = await validateFile(data, kind);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await validateFile(data, kind);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], ok: first.ok, longTasks: 0 };
}

async function validateBase64(b64: string, kind: KindId, runs: number) {
  return validate(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)), kind, runs);
}

(window as unknown as { bench: unknown }).bench = { keyCsr, rsaKeys, validateBase64 };

// The RA page's key helper (src/ui/ra/keygen-frame.ts): a sandboxed frame in a renderer process of its own.
import { keygenPort } from '../../src/ui/ra/keygen-frame';
import { remoteKeyGenerator } from '../../src/workers/remote-keygen';

/** `count` RSA 2048 keys, half in this page and half in the key helper frame at the same time; ms per key. */
async function helperKeys(count: number): Promise<number> {
  const port = await keygenPort();
  if (!port) throw new Error('no key helper frame');
  const helper = remoteKeyGenerator(port, 1);
  await helper.generate(); // warm-up (the frame's first key)
  const t0 = performance.now();
  await Promise.all([
    (async () => {
      for (let i = 0; i < count / 2; i++) await helper.generate();
    })(),
    rsaKeys(count / 2, 1),
  ]);
  return (performance.now() - t0) / count;
}

(window as unknown as { bench: Record<string, unknown> }).bench.helperKeys = helperKeys;
