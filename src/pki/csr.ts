// PKCS#10 certificate requests: building one for a UPKI server certificate, and reading the facts the
// UPKI checks need out of any request (SPEC §5 R-CSR). Reading never throws: bad input is a value.
import * as x509 from './x509';
import type * as asn1js from 'asn1js';
import { algorithmOf, bitStringBytes, children, isContext, isSequence, isUniversal, oidOf, parseDer, rawBytes, TAG, type Node } from './asn1';
import { toArrayBuffer, webCrypto } from './crypto';
import type { Rdn } from './dn';
import { encodePrintableName, readName } from './name';
import { base64Decode, derOrText, hasArmour, pemDecodeAll, pemEncode, toOneLine } from './pem';
import { isStrictDer } from './der-strict';
import { SIGNATURE_ALGORITHMS, signatureAlgorithmName, verifySignature } from './signature';
import { own } from '../spec/own';
import { describePublicKey, spkiSha256 } from './spki';
import type { CsrInfo, CsrInspectResult } from './types';
import { readSanExtension } from './extensions';

export const CSR_PEM_LABEL = 'CERTIFICATE REQUEST';

const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

export interface CsrBuildParams {
  keys: CryptoKeyPair;
  /** Subject RDNs in DER order; every value is encoded as PrintableString. */
  subject: readonly Rdn[];
  /** dNSNames for a subjectAltName extension request; none → no attributes at all. */
  dnsNames?: readonly string[];
  /** Hash of the self-signature: SHA-256 for RSA (profile 3), SHA-384 for P-384 (profile 11). */
  hash: 'SHA-256' | 'SHA-384';
}

/** Build and sign a PKCS#10 request; returns its DER. */
export async function createCsr(params: CsrBuildParams): Promise<Uint8Array> {
  const extensions = params.dnsNames?.length
    ? [new x509.SubjectAlternativeNameExtension(params.dnsNames.map((value) => ({ type: 'dns' as const, value })), false)]
    : [];
  const keyAlg = params.keys.privateKey.algorithm.name;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create(
    {
      name: new x509.Name(toArrayBuffer(encodePrintableName(params.subject))),
      keys: params.keys,
      signingAlgorithm: keyAlg === 'ECDSA' ? { name: 'ECDSA', hash: params.hash } : { name: keyAlg, hash: params.hash },
      extensions,
    },
    webCrypto(),
  );
  return new Uint8Array(csr.rawData);
}

export function csrToPem(der: Uint8Array): string {
  return pemEncode(CSR_PEM_LABEL, der);
}

/** The one-line form for TSV column 7. */
export function csrToOneLine(der: Uint8Array): string {
  return toOneLine(der);
}

// ---- reading ----

type Failure = Extract<CsrInspectResult, { ok: false }>;

const FAIL = {
  tooLarge: (): Failure => ({
    ok: false,
    code: 'too-large',
    message: { ja: '入力が大きすぎます（64 KiB まで）。', en: 'The input is too large (64 KiB at most).' },
  }),
  armour: (): Failure => ({
    ok: false,
    code: 'armour',
    message: {
      ja: '「-----BEGIN CERTIFICATE REQUEST-----」行と「-----END CERTIFICATE REQUEST-----」行を削除し、一行で記述してください。',
      en: 'Remove the -----BEGIN/END CERTIFICATE REQUEST----- lines and write the request on one line.',
    },
  }),
  base64: (detail?: string): Failure => ({
    ok: false,
    code: 'base64',
    message: {
      ja: `CSR を Base64 として読めません${detail ? `（${detail}）` : ''}。`,
      en: `The CSR is not valid base64${detail ? ` (${detail})` : ''}.`,
    },
  }),
  notCsr: (label: string): Failure => ({
    ok: false,
    code: 'der',
    message: { ja: `CSR ではありません（${label}）。`, en: `This is not a certificate request (${label}).` },
  }),
  der: (): Failure => ({
    ok: false,
    code: 'der',
    message: { ja: 'CSR（PKCS#10）として解析できません。', en: 'The data cannot be parsed as a PKCS#10 certificate request.' },
  }),
};

export interface InspectOptions {
  /**
   * Read the input as TSV column 7 (SPEC §5 R-CSR): base64 on one line, no armour, no whitespace.
   * Without it, PEM, DER, multi-line base64 and the one-line form are all accepted.
   */
  tsvColumn?: boolean;
}

/** Turn whatever the user gave into DER bytes, or say why not. */
function toDer(input: string | Uint8Array, options: InspectOptions): Uint8Array | Failure {
  const got = derOrText(input);
  if (!got) return FAIL.tooLarge();
  if ('der' in got) return got.der;
  const text = got.text;
  if (options.tsvColumn) {
    if (hasArmour(text)) return FAIL.armour();
    if (/\s/.test(text)) return FAIL.base64('改行・空白を含む / contains line breaks or spaces');
    return base64Decode(text) ?? FAIL.base64();
  }
  if (hasArmour(text)) {
    const blocks = pemDecodeAll(text);
    if (!blocks) return FAIL.base64();
    const block = blocks.find((b) => b.label === CSR_PEM_LABEL || b.label === 'NEW CERTIFICATE REQUEST');
    if (!block) return blocks.length ? FAIL.notCsr(blocks[0].label) : FAIL.armour();
    return block.der;
  }
  return base64Decode(text.replace(/\s+/g, '')) ?? FAIL.base64();
}

export interface CsrParts {
  info: Node;
  subject: Node;
  spki: Uint8Array;
  attributes: Node[];
  algorithmOid: string;
  signature: Uint8Array;
}

/** CertificationRequest ::= SEQUENCE { info SEQUENCE { version, subject, spki, [0] attributes }, alg, BIT STRING } */
export function splitCsr(der: Uint8Array): CsrParts | null {
  // Strict DER and exact shapes, as OpenSSL reads them: what we accept, `openssl req -verify` accepts too.
  if (!isStrictDer(der)) return null;
  const root = parseDer(der);
  if (!root || !isSequence(root) || children(root).length !== 3) return null;
  const [info, alg, sig] = children(root);
  const infoParts = children(info);
  if (infoParts.length < 3 || infoParts.length > 4) return null;
  const [version, subject, spki, attrs] = infoParts;
  const algorithm = algorithmOf(alg);
  if (!isSequence(info) || !isUniversal(version, TAG.INTEGER) || !isSequence(subject) || !isSequence(spki) || !algorithm) return null;
  if (!signatureParamsOk(algorithm.oid, children(alg))) return null;
  if (!isUniversal(sig, TAG.BIT_STRING) || (sig as asn1js.BitString).valueBlock.unusedBits !== 0 || (attrs && !isContext(attrs, 0))) return null;
  return {
    info,
    subject,
    spki: rawBytes(spki),
    attributes: attrs ? children(attrs) : [],
    algorithmOid: algorithm.oid,
    signature: bitStringBytes(sig),
  };
}

/**
 * AlgorithmIdentifier of the signature: RSA PKCS#1 v1.5 with exactly one NULL parameter (RFC 4055 §5, as every
 * tool writes it), ECDSA with none (RFC 5758 §3.2); anything else (NULL,NULL; parameters on ECDSA) is refused.
 */
function signatureParamsOk(oid: string, parts: Node[]): boolean {
  const alg = own(SIGNATURE_ALGORITHMS, oid);
  if (!alg) return parts.length <= 2; // unknown: reported as such later, its parameters are not ours to judge
  if (alg.kind === 'ecdsa') return parts.length === 1;
  return parts.length === 2 && isUniversal(parts[1], TAG.NULL);
}

/** Extensions inside an extensionRequest attribute (PKCS#9), if any. */
function requestedExtensions(attributes: Node[]): Node[] {
  for (const attr of attributes) {
    const [type, values] = children(attr);
    if (oidOf(type) !== OID_EXTENSION_REQUEST) continue;
    return children(children(values)[0]);
  }
  return [];
}

/** Read a CSR from PEM, DER, multi-line base64 or the one-line TSV form. Never throws. */
export async function inspectCsr(input: string | Uint8Array, options: InspectOptions = {}): Promise<CsrInspectResult> {
  try {
    const der = toDer(input, options);
    if (!(der instanceof Uint8Array)) return der;
    const parts = splitCsr(der);
    const name = parts && readName(parts.subject);
    const publicKey = parts && describePublicKey(parts.spki);
    if (!parts || !name || !publicKey) return FAIL.der();
    const info: CsrInfo = {
      subject: name.rdns,
      unknownSubjectAttributes: name.unknownAttributes,
      hasEmailAddress: name.hasEmailAddress,
      stringTypes: name.stringTypes,
      publicKey,
      signatureAlgorithm: signatureAlgorithmName(parts.algorithmOid),
      signatureValid: await verifySignature({
        spki: parts.spki,
        algorithmOid: parts.algorithmOid,
        signed: rawBytes(parts.info),
        signature: parts.signature,
      }),
      sanDnsNames: readSanExtension(requestedExtensions(parts.attributes)).dnsNames,
      spki: parts.spki,
      spkiSha256: await spkiSha256(parts.spki),
      der,
    };
    return { ok: true, info };
  } catch {
    return FAIL.der(); // a structure asn1js accepted but that is not shaped like a CSR
  }
}
