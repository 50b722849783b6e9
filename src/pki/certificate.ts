// Reading an X.509 certificate for the import page and the RA: who it is for, who issued it, when it is
// valid, its serial in both TSV forms, its key and SANs. Never throws: bad input is a value.
import * as asn1js from 'asn1js';
import type { Text } from '../spec';
import { algorithmOf, children, contentBytes, isContext, isSequence, isUniversal, parseDer, rawBytes, TAG, type Node } from './asn1';
import { readSanExtension } from './extensions';
import { readName } from './name';
import { base64Decode, derOrText, hasArmour, pemDecodeAll } from './pem';
import { serialFromBytes, serialToDecimal, serialToHex } from './serial';
import { signatureAlgorithmName } from './signature';
import { describePublicKey, spkiSha256 } from './spki';
import type { CertificateInfo, CertificateInspectResult } from './types';

export const CERTIFICATE_PEM_LABEL = 'CERTIFICATE';

type Failure = Extract<CertificateInspectResult, { ok: false }>;
const fail = (code: Failure['code'], message: Text): Failure => ({ ok: false, code, message });

const FAIL = {
  tooLarge: () => fail('too-large', { ja: '入力が大きすぎます（64 KiB まで）。', en: 'The input is too large (64 KiB at most).' }),
  base64: () => fail('base64', { ja: '証明書を Base64 として読めません。', en: 'The certificate is not valid base64.' }),
  notCert: (label: string) => fail('der', { ja: `証明書ではありません（${label}）。`, en: `This is not a certificate (${label}).` }),
  der: () => fail('der', { ja: 'X.509 証明書として解析できません。', en: 'The data cannot be parsed as an X.509 certificate.' }),
};

function toDer(input: string | Uint8Array): Uint8Array | Failure {
  const got = derOrText(input);
  if (!got) return FAIL.tooLarge();
  if ('der' in got) return got.der;
  const text = got.text;
  if (!hasArmour(text)) return base64Decode(text.replace(/\s+/g, '')) ?? FAIL.base64();
  const blocks = pemDecodeAll(text);
  if (!blocks) return FAIL.base64();
  const block = blocks.find((b) => b.label === CERTIFICATE_PEM_LABEL);
  return block ? block.der : FAIL.notCert(blocks[0]?.label ?? 'PEM');
}

function readTime(node: Node | undefined): Date | null {
  if (node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime) return node.toDate();
  return null;
}

/** TBSCertificate fields by position; the version [0] is optional, so everything after it shifts. */
function splitTbs(tbs: Node) {
  const fields = children(tbs);
  const rest = isContext(fields[0], 0) ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject, spki, ...optional] = rest;
  if (!isUniversal(serial, TAG.INTEGER) || !isSequence(validity) || !isSequence(spki)) return null;
  const extensions = optional.find((n) => isContext(n, 3));
  return { serial, issuer, validity, subject, spki, extensions: children(children(extensions)[0]) };
}

/** Read a certificate from PEM, DER or base64. */
export async function inspectCertificate(input: string | Uint8Array): Promise<CertificateInspectResult> {
  try {
    const der = toDer(input);
    if (!(der instanceof Uint8Array)) return der;
    const root = parseDer(der);
    const [tbsNode, algNode] = children(root ?? undefined);
    const tbs = isSequence(root ?? undefined) && isSequence(tbsNode) ? splitTbs(tbsNode) : null;
    const alg = algorithmOf(algNode);
    if (!tbs || !alg) return FAIL.der();
    const subject = readName(tbs.subject);
    const issuer = readName(tbs.issuer);
    const [from, to] = children(tbs.validity).map(readTime);
    const spki = rawBytes(tbs.spki);
    const publicKey = describePublicKey(spki);
    if (!subject || !issuer || !from || !to || !publicKey) return FAIL.der();
    const serial = serialFromBytes(contentBytes(tbs.serial));
    const san = readSanExtension(tbs.extensions);
    const info: CertificateInfo = {
      subject: subject.rdns,
      issuer: issuer.rdns,
      serialHex: serialToHex(serial),
      serialDecimal: serialToDecimal(serial),
      notBefore: from,
      notAfter: to,
      publicKey,
      signatureAlgorithm: signatureAlgorithmName(alg.oid),
      sanDnsNames: san.dnsNames,
      sanEmails: san.emails,
      spkiSha256: await spkiSha256(spki),
      der,
    };
    return { ok: true, info };
  } catch {
    return FAIL.der();
  }
}
