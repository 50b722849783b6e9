// Certificates an admin holds → inventory records: PEM (one or a chain), DER, base64, or a list's 証明書
// column. CA certificates in a chain are named and left out (the inventory is of end-entity certificates).
import { inspectCertificate } from '../pki/certificate';
import { base64Decode, base64Encode, hasArmour, pemDecodeAll } from '../pki/pem';
import type { CertificateInfo } from '../pki/types';
import { formatDnString } from '../pki/dn';
import { toTsvOrder } from '../pki/name';
import type { CertFacts, CertKind, ReadResult, SourceRecord } from './types';
import { readDerFacts } from './der-facts';
import { sha256Hex } from '../pki/sha256';

/** The DER of the certificate being read: one buffer for all of a list's (10 000 ArrayBuffers of 1 KB cost the
 * allocator and the garbage collector more than decoding them). Valid until the next call. */
const SCRATCH = 8192;
let scratch = new Uint8Array(SCRATCH);

type SetFromBase64 = (this: Uint8Array, s: string) => { read: number; written: number };
const setFromBase64 = (Uint8Array.prototype as unknown as { setFromBase64?: SetFromBase64 }).setFromBase64;

/** base64 → the scratch buffer with the engine's decoder where it has one (Chromium 140+, Node 25+), else a new
 * array from pki/pem.ts; null when it is not base64. */
function intoScratch(s: string): Uint8Array | null {
  if (setFromBase64) {
    const size = Math.ceil(s.length / 4) * 3;
    if (scratch.length < size) scratch = new Uint8Array(size);
    try {
      const { read, written } = setFromBase64.call(scratch, s);
      return read === s.length ? scratch.subarray(0, written) : null;
    } catch {
      return null; // not strict base64: the strict decoder decides
    }
  }
  return base64Decode(s);
}

const HOST = /^[a-z0-9*-]+(?:\.[a-z0-9-]+)+$/i;

/** Facts a certificate proves, to merge over what a list says. */
export function factsOfCertificate(info: CertificateInfo): CertFacts {
  const cn = info.subject.find((r) => r.key === 'CN')?.value ?? '';
  const rsaBits = info.publicKey.algorithm === 'RSA' ? info.publicKey.bits : undefined;
  return {
    dn: formatDnString(toTsvOrder(info.subject)),
    cn,
    kind: kindOf(info, cn),
    serialDecimal: info.serialDecimal,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    issuer: info.issuer.find((r) => r.key === 'CN')?.value ?? formatDnString(toTsvOrder(info.issuer)),
    keyAlgorithm: info.publicKey.algorithm === 'RSA' ? `RSA ${rsaBits}` : info.publicKey.algorithm === 'EC' ? `EC ${info.publicKey.curve}` : info.publicKey.oid,
    rsaBits,
    spkiSha256: info.spkiSha256,
    dnsNames: info.sanDnsNames.length ? info.sanDnsNames.map((d) => d.toLowerCase()) : undefined,
    userMail: info.sanEmails[0],
    certDerB64: base64Encode(info.der),
  };
}

/** A guess for a certificate alone (a list's family wins in the merge): a mail CN → S/MIME; a host name CN or DNS
 * SANs → server; otherwise client authentication (whose SAN may carry the user's mail, too). */
function kindOf(info: CertificateInfo, cn: string): CertKind {
  if (cn.includes('@')) return 'smime';
  if (info.sanDnsNames.length > 0 || HOST.test(cn)) return 'server';
  return 'client';
}

/** A CA certificate: the subject is the issuer of another certificate in the same file, or is self-signed. */
function isCa(info: CertificateInfo, all: readonly CertificateInfo[]): boolean {
  const subject = formatDnString(info.subject);
  return subject === formatDnString(info.issuer) || all.some((o) => o !== info && formatDnString(o.issuer) === subject);
}

export async function readCertificateBytes(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const result: ReadResult = { file, format: 'certificate', records: [], notes: [] };
  const ders = derBlocks(bytes);
  if (!ders) return { ...result, error: { ja: '証明書（PEM・DER）として読めません。', en: 'Cannot be read as a certificate (PEM or DER).' } };
  const infos: CertificateInfo[] = [];
  for (const der of ders) {
    const got = await inspectCertificate(der);
    if (got.ok) infos.push(got.info);
    else result.notes.push(got.message);
  }
  if (infos.length === 0) return { ...result, error: result.notes[0] ?? { ja: '証明書がありません。', en: 'No certificate in it.' } };
  const leaves = infos.length > 1 ? infos.filter((i) => !isCa(i, infos)) : infos;
  if (leaves.length < infos.length) {
    const n = infos.length - leaves.length;
    result.notes.push({ ja: `CA証明書 ${n} 件は一覧に加えません（チェーン）。`, en: `${n} CA certificate(s) left out (the chain).` });
  }
  result.format = ders.length > 1 ? 'pem-chain' : 'certificate';
  result.records = leaves.map((info): SourceRecord => ({ ...factsOfCertificate(info), source: file }));
  return result;
}

/** DER of every CERTIFICATE block (PEM), or the bytes themselves (DER), or decoded base64; null if none. */
function derBlocks(bytes: Uint8Array): Uint8Array[] | null {
  if (bytes[0] === 0x30) return [bytes];
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (hasArmour(text)) {
    const blocks = pemDecodeAll(text);
    const certs = blocks?.filter((b) => b.label === 'CERTIFICATE' || b.label === 'X509 CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE');
    return certs && certs.length ? certs.map((b) => b.der) : null;
  }
  const der = base64Decode(text.replace(/\s+/g, ''));
  return der && der[0] === 0x30 ? [der] : null;
}

/** A list's 証明書 column (one-line base64 DER) → the certificate's facts, or undefined if it does not parse.
 * The fast reader first (der-facts.ts); the full one when it declines. */
export async function factsOfBase64(b64: string): Promise<CertFacts | undefined> {
  const der = intoScratch(b64);
  const fast = der && readDerFacts(der);
  // A huge cell grew the scratch: back to its usual size, so the long-lived worker does not keep it.
  if (scratch.length > SCRATCH) scratch = new Uint8Array(SCRATCH);
  if (fast) {
    return {
      dn: fast.dnTsv,
      cn: fast.cn,
      kind: fast.cn.includes('@') ? 'smime' : fast.dnsNames.length > 0 || HOST.test(fast.cn) ? 'server' : 'client',
      serialDecimal: fast.serialDecimal,
      notBefore: fast.notBefore,
      notAfter: fast.notAfter,
      issuer: fast.issuerCn,
      keyAlgorithm: fast.keyAlgorithm,
      rsaBits: fast.rsaBits,
      // Synchronous (pki/sha256.ts): 10 000 WebCrypto digests of 300 bytes cost more in per-call overhead than
      // the hashing. Same hex as pki/spki.ts spkiSha256 (sources.test.ts compares). Before the scratch is reused.
      spkiSha256: sha256Hex(fast.spki),
      dnsNames: fast.dnsNames.length ? fast.dnsNames : undefined,
      userMail: fast.emails[0],
      certDerB64: b64,
    };
  }
  const own = der ? der.slice() : base64Decode(b64); // the scratch is the next certificate's once this awaits
  if (!own) return undefined;
  const got = await inspectCertificate(own);
  return got.ok ? factsOfCertificate(got.info) : undefined;
}

