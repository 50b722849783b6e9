import { afterAll, describe, expect, it } from 'vitest';
import { inspectCsr } from './csr';
import { sha256Hex } from './crypto';
import { makeKeyAndCsr, privateKeyFacts, type KeyAndCsr } from './keys';
import { openssl, opensslBytes, tempDir, verifyCsr } from './openssl.testkit';
import { base64Encode, pemDecodeAll } from './pem';

const tmp = tempDir();
afterAll(() => tmp.remove());

const SUBJECT = { cn: 'www.example.ac.jp', o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku' };

async function make(profile: '3' | '11', passphrase: string | null, dnsNames: string[] = []): Promise<KeyAndCsr> {
  const result = await makeKeyAndCsr({ profile, subject: SUBJECT, dnsNames, passphrase });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('makeKeyAndCsr, checked by OpenSSL', () => {
  it('profile 3: RSA 2048 / SHA-256 CSR with a PrintableString subject in C, ST, L, O, CN order and an encrypted key', async () => {
    const out = await make('3', 'correct horse battery');
    const csr = tmp.write('rsa.csr', out.csrPem);
    const key = tmp.write('rsa.key', out.keyPem);
    const pass = tmp.write('rsa.pass', 'correct horse battery\n');

    expect(verifyCsr(csr)).toMatch(/verify OK/);
    expect(openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'oneline,-esc_msb'])).toBe(
      'subject=C = JP, ST = Tokyo, L = Chiyoda-ku, O = National Institute of Informatics, CN = www.example.ac.jp\n',
    );
    const asn1 = openssl(['asn1parse', '-in', csr]);
    expect(asn1.match(/PRINTABLESTRING/g)).toHaveLength(5);
    expect(asn1).not.toMatch(/UTF8STRING|IA5STRING/);
    const text = openssl(['req', '-in', csr, '-noout', '-text']);
    expect(text).toMatch(/Public-Key: \(2048 bit\)/);
    expect(text).toMatch(/Signature Algorithm: sha256WithRSAEncryption/);
    expect(text).not.toMatch(/emailAddress|Subject Alternative Name/);
    expect(asn1).toMatch(/l= *0 cons: cont \[ 0 \]/); // empty attribute set: no extensionRequest without SANs

    expect(out.keyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const keyAsn1 = openssl(['asn1parse', '-in', key]);
    expect(keyAsn1).toMatch(/PBES2/);
    expect(keyAsn1).toMatch(/PBKDF2/);
    expect(keyAsn1).toMatch(/hmacWithSHA256/);
    expect(keyAsn1).toMatch(/aes-256-cbc/);
    const keyPub = openssl(['pkey', '-in', key, '-passin', `file:${pass}`, '-pubout']);
    expect(keyPub).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));
    expect(() => openssl(['pkey', '-in', key, '-passin', 'pass:wrong passphrase', '-pubout'])).toThrow();
  });

  it('profile 11: P-384 / ecdsa-with-SHA384 CSR with SANs and an unencrypted key', async () => {
    const out = await make('11', null, ['www.example.ac.jp', 'alt.example.ac.jp']);
    const csr = tmp.write('ec.csr', out.csrPem);
    const key = tmp.write('ec.key', out.keyPem);

    expect(verifyCsr(csr)).toMatch(/verify OK/);
    const text = openssl(['req', '-in', csr, '-noout', '-text']);
    expect(text).toMatch(/ASN1 OID: secp384r1/);
    expect(text).toMatch(/Signature Algorithm: ecdsa-with-SHA384/);
    expect(text).toMatch(/Requested Extensions:[\s\S]*Subject Alternative Name:[^\S\n]*\n\s*DNS:www\.example\.ac\.jp, DNS:alt\.example\.ac\.jp/);
    expect(openssl(['asn1parse', '-in', csr]).match(/PRINTABLESTRING/g)).toHaveLength(5);

    expect(out.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(out.keyEncrypted).toBe(false);
    expect(openssl(['pkey', '-in', key, '-pubout'])).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));
    expect(out.dnsNamesColumn).toBe('dNSName=www.example.ac.jp,dNSName=alt.example.ac.jp');
  });

  it('gives the TSV forms: one-line base64 DER, subject CN first, file base name from the CN', async () => {
    const out = await make('11', null);
    expect(out.csrOneLine).toBe(base64Encode(out.csrDer));
    expect(out.csrOneLine).not.toMatch(/\s|-----/);
    // The independent decoder: OpenSSL reads the one-line form as base64 DER.
    const b64 = tmp.write('oneline.b64', `${out.csrOneLine}\n`);
    openssl(['base64', '-d', '-A', '-in', b64, '-out', tmp.path('oneline.der')]);
    expect(verifyCsr(tmp.path('oneline.der'), 'DER')).toMatch(/verify OK/);
    expect(out.subjectTsv).toBe('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(out.baseName).toBe('www.example.ac.jp');
    expect(out.dnsNamesColumn).toBe('');
    const facts = await inspectCsr(out.csrOneLine, { tsvColumn: true });
    expect(facts.ok && facts.info.signatureValid).toBe(true);
  });

  it('puts the trimmed values into the CSR, and returns warnings (8 SANs without the CN) with the result', async () => {
    const padded = { cn: ' www.example.ac.jp ', o: ' National Institute of Informatics', st: 'Tokyo ', l: ' Chiyoda-ku ' };
    const sans = Array.from({ length: 8 }, (_, i) => `h${i}.example.ac.jp`);
    const result = await makeKeyAndCsr({ profile: '11', subject: padded, dnsNames: sans, passphrase: null });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings.map((w) => w.code)).toEqual(['dns-names-full']);
    expect(result.value.baseName).toBe('www.example.ac.jp');
    const csr = tmp.write('trimmed.csr', result.value.csrPem);
    expect(openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'RFC2253'])).toBe(
      'subject=CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP\n',
    );
  });

  it('refuses a DN over the column limit though each attribute only warns', async () => {
    const result = await makeKeyAndCsr({ profile: '11', subject: { ...SUBJECT, st: 'S'.repeat(100), l: 'L'.repeat(100) }, passphrase: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.filter((i) => i.severity === 'error').map((i) => `${i.field}:${i.code}`)).toEqual(['DN:202']);
  });

  it('refuses invalid input before generating anything, with reasons in Japanese and English', async () => {
    const result = await makeKeyAndCsr({
      profile: '3',
      subject: { cn: '-bad.example.jp', o: '国立情報学研究所', st: 'Tokyo', l: 'Default City' },
      dnsNames: ['ok.example.jp', 'bad_host.example.jp'],
      passphrase: 'short',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = (f: string) => result.issues.filter((i) => i.field === f).map((i) => i.code);
    expect(byField('CN')).toEqual(['dn-fqdn']);
    expect(byField('O')).toEqual(['206']);
    expect(byField('L')).toEqual(['dn-forbidden-word']);
    expect(byField('SAN')).toEqual(['206']);
    expect(byField('passphrase')).toEqual(['passphrase-short']);
    for (const i of result.issues) {
      expect(i.message.ja).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
      expect(i.message.en).toMatch(/[A-Z]/i);
    }
  });
});

describe('privateKeyFacts', () => {
  it('derives the public key of OpenSSL-made RSA and EC keys (compared with openssl pkey -pubout)', async () => {
    for (const [name, args] of [
      ['rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
      ['ec', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
    ] as const) {
      openssl(['genpkey', ...args, '-out', tmp.path(`${name}-facts.key`)]);
      const pkcs8 = pemDecodeAll(tmp.read(`${name}-facts.key`).toString())![0].der;
      const facts = await privateKeyFacts(pkcs8);
      const pubDer = new Uint8Array(opensslBytes(['pkey', '-in', tmp.path(`${name}-facts.key`), '-pubout', '-outform', 'DER']));
      expect(facts?.spkiSha256).toBe(await sha256Hex(pubDer));
    }
    expect(await privateKeyFacts(new Uint8Array([0x30, 0x00]))).toBeNull();
  });
});
