// Benchmark: what the higher PKCS#12 iteration count for person-chosen PINs (method 2 PIN column,
// docs/pkcs12.md) costs per file and for a 1000-file batch, against the 2048 of drawn PINs. Figures only.
// Run alone: npx tsx bench/p12-iterations.ts [FILES]
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { buildPkcs12, p12Iterations } from '../src/pki/pkcs12';
import { createTrainingHierarchy, issueCertificate } from '../src/pki/certificate-builder';
import { randomSerial } from '../src/pki/serial';

export async function benchP12Iterations(files = 20): Promise<void> {
  const now = new Date();
  const h = await createTrainingHierarchy({ now });
  const keys = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const certificate = await issueCertificate({
    issuer: { certificate: h['client-auth'].certificate, privateKey: h['client-auth'].privateKey },
    subject: [{ key: 'CN', value: 'bench' }],
    publicKey: keys.publicKey,
    serialHex: randomSerial().hex,
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86400_000),
    profile: 'client-auth',
    emails: [],
  });
  for (const who of ['generated', 'person'] as const) {
    const iterations = p12Iterations('modern', who);
    const t0 = performance.now();
    for (let i = 0; i < files; i++) {
      await buildPkcs12({ privateKey: keys.privateKey, certificate, chain: [h['client-auth'].certificate], password: 'hanako2024', format: 'modern', friendlyName: 'bench', iterations });
    }
    const per = (performance.now() - t0) / files;
    console.log(`P12 modern, ${who} PIN (${iterations} iterations): ${per.toFixed(0)} ms/file → ${per.toFixed(0)} s per 1000-file batch`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchP12Iterations(Number(process.argv[2] ?? 20));
