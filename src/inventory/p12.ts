// The certificates inside a PKCS#12 (.p12/.pfx) file, opened with its PIN. Only certificates are taken:
// the private key is never kept (node-forge decrypts the whole file; the key object is dropped at once).
import type { Text } from '../spec/types';
import { readCertificateBytes } from './certs';
import type { ReadResult } from './types';

type Forge = typeof import('node-forge');

async function loadForge(): Promise<Forge> {
  const mod = (await import('node-forge')) as unknown as { default?: Forge } & Forge;
  return mod.default ?? mod;
}

function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

const WRONG_PIN: Text = { ja: 'PINが違うか、PKCS#12 ファイルではありません。', en: 'Wrong PIN, or not a PKCS#12 file.' };

export async function readPkcs12(file: string, bytes: Uint8Array, pin: string): Promise<ReadResult> {
  const forge = await loadForge();
  let ders: Uint8Array[];
  try {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(binary(bytes)), true, pin);
    const bags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    ders = bags
      .map((b) => (b.cert ? forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes() : b.asn1 ? forge.asn1.toDer(b.asn1).getBytes() : ''))
      .filter((s) => s.length > 0)
      .map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch (error) {
    const mac = /MAC could not be verified|Invalid password/i.test(String((error as Error)?.message));
    return { file, format: 'p12', records: [], notes: [], error: mac ? WRONG_PIN : { ja: 'PKCS#12 ファイルとして読めません。', en: 'Cannot be read as a PKCS#12 file.' } };
  }
  if (ders.length === 0) return { file, format: 'p12', records: [], notes: [], error: { ja: '証明書が入っていません。', en: 'It holds no certificate.' } };
  // One PEM-like bundle through the certificate reader, so the chain is recognised the same way.
  const pem = ders.map((d) => `-----BEGIN CERTIFICATE-----\n${btoa(binary(d))}\n-----END CERTIFICATE-----\n`).join('');
  const read = await readCertificateBytes(file, new TextEncoder().encode(pem));
  return { ...read, format: 'p12', notes: [...read.notes, { ja: '秘密鍵は読み込みません（保存もしません）。', en: 'The private key is not read into the inventory (nor stored).' }] };
}
