// inspectCsr against requests made by OpenSSL (the independent tool), right and wrong ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCsr } from './csr';
import { sha256Hex } from './crypto';
import { openssl, opensslBytes, opensslStatus, tempDir } from './openssl.testkit';
import { sameKey } from './spki';
import type { CsrInfo } from './types';

const tmp = tempDir();
afterAll(() => tmp.remove());

const UPKI_SUBJECT = '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=www.example.ac.jp';
// A config whose string_mask makes OpenSSL write PrintableString where it can, as UPKI wants.
const PRINTABLE_CONF = '[req]\ndistinguished_name=dn\nstring_mask=nombstr\n[dn]\n';

function makeKey(name: string, args: string[]): string {
  const path = tmp.path(`${name}.key`);
  openssl(['genpkey', ...args, '-out', path]);
  return path;
}

function makeCsr(name: string, key: string, extra: string[] = [], subject = UPKI_SUBJECT): string {
  const path = tmp.path(`${name}.csr`);
  openssl(['req', '-new', '-key', key, '-subj', subject, '-config', tmp.path('printable.cnf'), ...extra, '-out', path]);
  return path;
}

async function facts(input: string | Uint8Array): Promise<CsrInfo> {
  const r = await inspectCsr(input);
  if (!r.ok) throw new Error(`${r.code}: ${r.message.en}`);
  return r.info;
}

const pem = (path: string) => tmp.read(path.split('/').pop()!).toString();
const der = (path: string) => new Uint8Array(opensslBytes(['req', '-in', path, '-outform', 'DER']));

let rsa2048: string;
let p384: string;

beforeAll(() => {
  tmp.write('printable.cnf', PRINTABLE_CONF);
  rsa2048 = makeKey('rsa2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
  p384 = makeKey('p384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']);
});

describe('inspectCsr on OpenSSL requests', () => {
  it('reads a conventional RSA 2048 / SHA-256 request: subject in DER order, string types, key, signature, SAN', async () => {
    const csr = makeCsr('good-rsa', rsa2048, ['-sha256', '-addext', 'subjectAltName=DNS:www.example.ac.jp,DNS:alt.example.ac.jp']);
    const info = await facts(pem(csr));
    expect(info.subject).toEqual([
      { key: 'C', value: 'JP' },
      { key: 'ST', value: 'Tokyo' },
      { key: 'L', value: 'Chiyoda-ku' },
      { key: 'O', value: 'National Institute of Informatics' },
      { key: 'CN', value: 'www.example.ac.jp' },
    ]);
    expect(info.stringTypes).toEqual(Array(5).fill('PrintableString'));
    expect(info.publicKey).toEqual({ algorithm: 'RSA', bits: 2048 });
    expect(info.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(info.signatureValid).toBe(true);
    expect(info.sanDnsNames).toEqual(['www.example.ac.jp', 'alt.example.ac.jp']);
    expect(info.hasEmailAddress).toBe(false);
    expect(info.unknownSubjectAttributes).toEqual([]);
    // SPKI hash equals the SHA-256 of OpenSSL's own DER public key.
    const spkiDer = opensslBytes(['req', '-in', csr, '-pubkey', '-noout', '-outform', 'DER']);
    const pubDer = opensslBytes(['pkey', '-pubin', '-in', tmp.write('good-rsa.pub', spkiDer), '-outform', 'DER']);
    expect(info.spkiSha256).toBe(await sha256Hex(new Uint8Array(pubDer)));
    expect(info.spki).toEqual(new Uint8Array(pubDer));
  });

  it('gives the same facts for PEM, DER (bytes), PEM file bytes, multi-line base64 and the one-line form', async () => {
    const csr = makeCsr('forms', p384, ['-sha384']);
    const text = pem(csr);
    const body = text.replace(/-----[^-]+-----/g, '');
    const expected = await facts(text);
    expect(expected.publicKey).toEqual({ algorithm: 'EC', curve: 'P-384' });
    expect(expected.signatureAlgorithm).toBe('ecdsa-with-SHA384');
    expect(expected.signatureValid).toBe(true);
    for (const input of [der(csr), new TextEncoder().encode(text), body, body.replace(/\s+/g, '')]) {
      expect(await facts(input)).toEqual(expected);
    }
    const column = await inspectCsr(body.replace(/\s+/g, ''), { tsvColumn: true });
    expect(column.ok && column.info.spkiSha256).toBe(expected.spkiSha256);
  });

  it('reports wrong keys as facts: RSA 4096 and P-256', async () => {
    const rsa4096 = makeKey('rsa4096', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096']);
    const p256 = makeKey('p256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    expect((await facts(pem(makeCsr('rsa4096', rsa4096)))).publicKey).toEqual({ algorithm: 'RSA', bits: 4096 });
    const ec = await facts(pem(makeCsr('p256', p256, ['-sha256'])));
    expect(ec.publicKey).toEqual({ algorithm: 'EC', curve: 'P-256' });
    expect(ec.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(ec.signatureValid).toBe(true);
  });

  it('names every signature algorithm SPEC §2.1 lists and verifies each (md5 by hand, the rest with WebCrypto)', async () => {
    for (const [md, name] of [
      ['-md5', 'md5WithRSAEncryption'],
      ['-sha1', 'sha1WithRSAEncryption'],
      ['-sha384', 'sha384WithRSAEncryption'],
      ['-sha512', 'sha512WithRSAEncryption'],
    ]) {
      const info = await facts(pem(makeCsr(`rsa${md}`, rsa2048, [md])));
      expect([info.signatureAlgorithm, info.signatureValid]).toEqual([name, true]);
    }
    const ec256 = await facts(pem(makeCsr('p384-sha256', p384, ['-sha256'])));
    expect([ec256.signatureAlgorithm, ec256.signatureValid]).toEqual(['ecdsa-with-SHA256', true]);
  });

  it('keeps the DER order as written: reversed (CN first) and wrong orders, emailAddress, UTF8String', async () => {
    const reversed = await facts(pem(makeCsr('reversed', rsa2048, [], '/CN=www.example.ac.jp/O=NII/L=Chiyoda-ku/ST=Tokyo/C=JP')));
    expect(reversed.subject.map((r) => r.key)).toEqual(['CN', 'O', 'L', 'ST', 'C']);
    const swapped = await facts(pem(makeCsr('swapped', rsa2048, [], '/C=JP/ST=Tokyo/L=Chiyoda-ku/OU=Web/O=NII/CN=www.example.ac.jp')));
    expect(swapped.subject.map((r) => r.key)).toEqual(['C', 'ST', 'L', 'OU', 'O', 'CN']);
    const mail = await facts(pem(makeCsr('email', rsa2048, [], `${UPKI_SUBJECT}/emailAddress=admin@example.ac.jp`)));
    expect(mail.hasEmailAddress).toBe(true);
    expect(mail.subject.at(-1)).toEqual({ key: 'E', value: 'admin@example.ac.jp' });
    expect(mail.stringTypes.at(-1)).toBe('IA5String');
    // OpenSSL's default string_mask (utf8only) writes UTF8String.
    const utf8Path = tmp.path('utf8.csr');
    openssl(['req', '-new', '-key', rsa2048, '-subj', UPKI_SUBJECT, '-out', utf8Path]);
    expect((await facts(pem(utf8Path))).stringTypes).toEqual(['PrintableString', ...Array<string>(4).fill('UTF8String')]);
    const unknown = await facts(pem(makeCsr('serial-attr', rsa2048, [], `${UPKI_SUBJECT}/serialNumber=123`)));
    expect(unknown.unknownSubjectAttributes).toEqual(['2.5.4.5']);
    expect(unknown.subject).toHaveLength(5);
  });

  it('detects a bad self-signature (one byte of the signature flipped)', async () => {
    const bytes = der(makeCsr('flip-rsa', rsa2048));
    bytes[bytes.length - 5] ^= 0x01;
    const info = await facts(bytes);
    expect(info.signatureValid).toBe(false);
    // OpenSSL agrees (OpenSSL 3.0 exits 0 here, so read its verdict).
    expect(opensslStatus(['req', '-inform', 'DER', '-in', tmp.write('flip.der', bytes), '-verify', '-noout']).output).toMatch(/verify failure/);
    const ec = der(makeCsr('flip-ec', p384));
    ec[ec.length - 3] ^= 0x01;
    expect((await facts(ec)).signatureValid).toBe(false);
  });

  it('compares keys: same key in two requests, different keys apart', async () => {
    const a = await facts(pem(makeCsr('same-a', rsa2048)));
    const b = await facts(pem(makeCsr('same-b', rsa2048, [], '/C=JP/CN=other.example.ac.jp')));
    const c = await facts(pem(makeCsr('other', p384)));
    expect(sameKey(a, b)).toBe(true);
    expect(sameKey(a, c)).toBe(false);
  });
});

describe('inspectCsr on bad input never throws', () => {
  it('TSV column form: armour lines (five or four hyphens) → armour; line breaks → base64', async () => {
    const text = pem(makeCsr('column', rsa2048));
    expect(await inspectCsr(text, { tsvColumn: true })).toMatchObject({ ok: false, code: 'armour' });
    const fourHyphens = text.replace(/-----/g, '----');
    expect(await inspectCsr(fourHyphens, { tsvColumn: true })).toMatchObject({ ok: false, code: 'armour' });
    const body = text.replace(/-----[^-]+-----/g, '').trim();
    expect(await inspectCsr(body, { tsvColumn: true })).toMatchObject({ ok: false, code: 'base64' });
  });

  it('garbage, empty, certificates, truncated DER and oversize input are error values', async () => {
    const cases: [string | Uint8Array, string][] = [
      ['', 'der'],
      ['hello world!', 'base64'],
      ['aGVsbG8gd29ybGQ=', 'der'],
      [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), 'der'],
      [new Uint8Array([0x30, 0x82, 0xff]), 'der'],
      [new Uint8Array([1, 2, 3, 4, 5]), 'base64'],
      ['-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n', 'base64'],
      ['x'.repeat(64 * 1024 + 1), 'too-large'],
    ];
    for (const [input, code] of cases) {
      const r = await inspectCsr(input);
      expect(r, String(input).slice(0, 40)).toMatchObject({ ok: false, code });
      if (!r.ok) expect(r.message.ja && r.message.en).toBeTruthy();
    }
    const full = der(makeCsr('trunc', rsa2048));
    expect(await inspectCsr(full.slice(0, full.length - 10))).toMatchObject({ ok: false, code: 'der' });
    expect(await inspectCsr(new Uint8Array([...full, 0]))).toMatchObject({ ok: false, code: 'der' });
    const certPath = tmp.path('self.crt');
    openssl(['req', '-x509', '-key', rsa2048, '-subj', UPKI_SUBJECT, '-days', '1', '-out', certPath]);
    const cert = await inspectCsr(pem(certPath));
    expect(cert).toMatchObject({ ok: false, code: 'der' });
    expect(!cert.ok && cert.message.en).toMatch(/not a certificate request \(CERTIFICATE\)/);
    // A certificate as DER parses as ASN.1 but is not shaped like a CSR.
    expect(await inspectCsr(new Uint8Array(opensslBytes(['x509', '-in', certPath, '-outform', 'DER'])))).toMatchObject({ ok: false });
  });
});
