// Reading the certificate out of a user's PKCS#12 (.p12) with its PIN, for renewing or revoking it: the builder
// needs DN, serial and mail, never the key. node-forge does the PKCS#12 decryption (PBES2/AES and the legacy
// 3DES/RC2 forms, MAC check), loaded on first use; the decrypted key bag is dropped at once and never returned.
import type { Text } from '../spec/types';
import { MAX_INPUT_BYTES } from './pem';

export type Pkcs12CertificateResult = { ok: true; certificate: Uint8Array } | { ok: false; code: 'pin' | 'format' | 'no-certificate' | 'too-large'; message: Text };

type Forge = typeof import('node-forge');

async function loadForge(): Promise<Forge> {
  // @ts-expect-error node-forge's per-module files have no typings; pkcs12.js pulls in what it needs (pbe, aes, des, rc2, x509).
  await import('node-forge/lib/pkcs12.js');
  // @ts-expect-error as above: forge.js exports the shared object every module registers on.
  const loaded: unknown = await import('node-forge/lib/forge.js');
  return (loaded as { default?: Forge }).default ?? (loaded as Forge);
}

/** A bag's localKeyId attribute values (forge types bag attributes as any). */
function localKeyIds(bag: { attributes: unknown }): string[] {
  const value = (bag.attributes as Record<string, unknown> | undefined)?.localKeyId;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function binaryString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

const FAIL = {
  pin: { ja: 'PINが違うか、PKCS#12ファイルが壊れています（MACを検証できません）。', en: 'Wrong PIN, or the PKCS#12 file is damaged (its MAC does not verify).' },
  format: { ja: 'PKCS#12（.p12）ファイルとして読めません。', en: 'This is not a readable PKCS#12 (.p12) file.' },
  none: { ja: 'このPKCS#12ファイルには証明書がありません。', en: 'This PKCS#12 file holds no certificate.' },
  size: { ja: 'ファイルが大きすぎます（PKCS#12ではありません）。', en: 'The file is too large to be a PKCS#12 file.' },
} satisfies Record<string, Text>;

/** The end-entity certificate (the one paired with the key, else the first) as DER. Never throws. */
export async function certificateFromPkcs12(bytes: Uint8Array, pin: string): Promise<Pkcs12CertificateResult> {
  if (bytes.byteLength > MAX_INPUT_BYTES) return { ok: false, code: 'too-large', message: FAIL.size };
  const forge = await loadForge();
  let asn1;
  try {
    asn1 = forge.asn1.fromDer(binaryString(bytes));
  } catch {
    return { ok: false, code: 'format', message: FAIL.format };
  }
  let p12;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, pin);
  } catch (e) {
    const pinProblem = e instanceof Error && /MAC|password|decrypt/i.test(e.message);
    return { ok: false, code: pinProblem ? 'pin' : 'format', message: pinProblem ? FAIL.pin : FAIL.format };
  }
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const keyBags = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
  const keyIds = new Set(keyBags.flatMap(localKeyIds));
  keyBags.length = 0; // the decrypted key is not used: drop the reference at once
  const paired = certBags.find((b) => localKeyIds(b).some((id) => keyIds.has(id)));
  const bag = paired ?? certBags[0];
  if (!bag) return { ok: false, code: 'no-certificate', message: FAIL.none };
  // forge keeps the certificate's ASN.1 when it cannot model the key (EC): use the DER either way.
  const node = (bag as { asn1?: unknown }).asn1 ?? (bag.cert ? forge.pki.certificateToAsn1(bag.cert) : undefined);
  if (!node) return { ok: false, code: 'no-certificate', message: FAIL.none };
  const der = forge.asn1.toDer(node as Parameters<typeof forge.asn1.toDer>[0]).getBytes();
  return { ok: true, certificate: Uint8Array.from(der, (c) => c.charCodeAt(0)) };
}
