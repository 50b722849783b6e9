// CSR rules on real requests made by OpenSSL (an independent tool): key, signature algorithm, signature,
// RDN order, emailAddress, OU, DN equality with column 1 (SPEC §2.1, §3.2; ADDENDUM B.9, B.14).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectCsr } from '../pki/csr';
import type { CsrInfo } from '../pki/types';
import { checkCsrForProfile, csrFailureIssue, csrOrderAccepted, fitProfiles } from './csr-rules';
import { issueCodes, serverIssueRow, serverRenewRow, SERVER_DN, tsvBytes } from './fixtures';
import { validateFile } from './index';

const NII = '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=www.nii.ac.jp';
let dir: string;
const csrs: Record<string, string> = {};

function openssl(name: string, args: string[]): string {
  const out = join(dir, `${name}.pem`);
  execFileSync('openssl', ['req', '-new', '-nodes', '-keyout', join(dir, `${name}.key`), '-out', out, ...args], { stdio: 'pipe' });
  return readFileSync(out, 'utf8');
}

const oneLine = (pem: string) => pem.split(/\r?\n/).filter((l) => l && !l.startsWith('-----')).join('');
const rsa = (bits: number) => ['-newkey', `rsa:${bits}`];
const ec = (curve: string) => ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${curve}`];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'upki-csr-'));
  const make = (name: string, args: string[]) => (csrs[name] = oneLine(openssl(name, args)));
  make('rsa2048', [...rsa(2048), '-subj', NII]);
  make('rsa2048sha1', [...rsa(2048), '-sha1', '-subj', NII]);
  // The manual's full list for profile 3 also names sha384, sha512 and md5WithRSAEncryption (5-3-1 column 7).
  for (const hash of ['sha384', 'sha512', 'md5']) make(`rsa2048${hash}`, [...rsa(2048), `-${hash}`, '-subj', NII]);
  make('reversed', [...rsa(2048), '-subj', '/CN=www.nii.ac.jp/O=National Institute of Informatics/L=Chiyoda-ku/ST=Tokyo/C=JP']);
  make('p384', [...ec('secp384r1'), '-sha384', '-subj', NII]);
  make('p384sha256', [...ec('secp384r1'), '-sha256', '-subj', NII]);
  make('rsa4096', [...rsa(4096), '-subj', NII]);
  make('p256', [...ec('prime256v1'), '-sha256', '-subj', NII]);
  make('pss', [...rsa(2048), '-sigopt', 'rsa_padding_mode:pss', '-subj', NII]);
  make('wrongOrder', [...rsa(2048), '-subj', '/C=JP/ST=Tokyo/O=National Institute of Informatics/L=Chiyoda-ku/CN=www.nii.ac.jp']);
  make('email', [...rsa(2048), '-subj', `${NII}/emailAddress=admin@nii.ac.jp`]);
  make('ou', [...rsa(2048), '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/OU=Lab/CN=www.nii.ac.jp']);
  make('otherCn', [...rsa(2048), '-subj', NII.replace('www.nii.ac.jp', 'web.nii.ac.jp')]);
  make('defaultCity', [...rsa(2048), '-subj', NII.replace('Chiyoda-ku', 'Default City')]);
  // 2-1-1 lists C, ST, L, O, CN (and Email, refused): any other subject attribute cannot be written in column 1.
  make('serialNumber', [...rsa(2048), '-subj', `${NII}/serialNumber=42`]);
  make('san', [...rsa(2048), '-subj', NII, '-addext', 'subjectAltName=DNS:www.nii.ac.jp,DNS:other.nii.ac.jp']);
  // OpenSSL's default string_mask (utf8only) writes UTF8String; nombstr writes PrintableString, as this app does.
  const printableConfig = join(dir, 'printable.cnf');
  writeFileSync(printableConfig, '[req]\ndistinguished_name = dn\nstring_mask = nombstr\n[dn]\n');
  make('printable', [...rsa(2048), '-config', printableConfig, '-subj', NII]);
  make('utf8', [...rsa(2048), '-utf8', '-subj', NII]);
  // Tampered: flip the last byte of the signature; OpenSSL itself must then refuse the request.
  const der = Buffer.from(csrs.rsa2048, 'base64');
  der[der.length - 1] ^= 0x01;
  csrs.tampered = der.toString('base64');
  writeFileSync(join(dir, 'tampered.der'), der);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function codesFor(csrName: string, fields: Parameters<typeof serverIssueRow>[0] = {}) {
  const report = await validateFile(tsvBytes([serverIssueRow({ csr: csrs[csrName], ...fields })]), 'server-issue', { fileName: 'a.tsv' });
  return issueCodes(report);
}

async function info(name: string): Promise<CsrInfo> {
  const result = await inspectCsr(csrs[name], { tsvColumn: true });
  if (!result.ok) throw new Error(result.message.en);
  return result.info;
}

describe('independent confirmation of the fixtures', () => {
  it('OpenSSL verifies the good request and refuses the tampered one', () => {
    // OpenSSL 3 prints the verdict on stderr and exits 0 either way.
    const verify = (args: string[]) => {
      const run = spawnSync('openssl', ['req', ...args, '-verify', '-noout'], { encoding: 'utf8' });
      return `${run.stdout}${run.stderr}`;
    };
    expect(verify(['-in', join(dir, 'rsa2048.pem')])).toContain('verify OK');
    expect(verify(['-inform', 'DER', '-in', join(dir, 'tampered.der')])).toContain('verify failure');
  });
});

describe('profile 3 (RSA 2048)', () => {
  it('accepts an RSA 2048 CSR signed with SHA-256 or SHA-1', async () => {
    expect(await codesFor('rsa2048')).toEqual([]);
    expect(await codesFor('rsa2048sha1')).toEqual([]);
  });

  it('accepts the other algorithms the manual lists: sha384, sha512 and md5WithRSAEncryption (verified, B.14)', async () => {
    for (const hash of ['sha384', 'sha512', 'md5']) {
      expect((await info(`rsa2048${hash}`)).signatureAlgorithm).toBe(`${hash}WithRSAEncryption`);
      expect(await codesFor(`rsa2048${hash}`), hash).toEqual([]);
    }
    // …and a tampered md5 request still fails its signature check (our own MD5 verification, not WebCrypto's).
    const der = Buffer.from(csrs.rsa2048md5, 'base64');
    der[der.length - 1] ^= 0x01;
    const report = await validateFile(tsvBytes([serverIssueRow({ csr: der.toString('base64') })]), 'server-issue');
    expect(issueCodes(report)).toEqual(['U404']);
  });

  it('refuses RSA 4096 (U405) and RSA-PSS signatures (U406)', async () => {
    expect(await codesFor('rsa4096')).toEqual(['U405']);
    expect(await codesFor('pss')).toEqual(['U406']);
  });

  it('refuses an EC key (U405 + U406)', async () => {
    expect(await codesFor('p384')).toEqual(['U405', 'U406']);
  });
});

describe('profile 11 (P-384)', () => {
  it('accepts P-384 with ecdsa-with-SHA384 or SHA256', async () => {
    expect(await codesFor('p384', { profile: '11' })).toEqual([]);
    expect(await codesFor('p384sha256', { profile: '11' })).toEqual([]);
  });

  it('refuses P-256 and RSA', async () => {
    expect(await codesFor('p256', { profile: '11' })).toEqual(['U405']);
    expect(await codesFor('rsa2048', { profile: '11' })).toEqual(['U405', 'U406']);
  });
});

describe('self-signature (B.14)', () => {
  it('refuses a tampered request', async () => {
    expect(await codesFor('tampered')).toEqual(['U404']);
  });
});

describe('RDN order inside the CSR', () => {
  it('accepts C→ST→L→O→CN and its exact reverse', async () => {
    expect(await codesFor('reversed')).toEqual([]);
    expect(csrOrderAccepted([{ key: 'C', value: 'JP' }, { key: 'O', value: 'x' }, { key: 'OU', value: 'y' }, { key: 'CN', value: 'z' }])).toBe(true);
  });

  it('refuses O and L swapped (U407) without a follow-on DN mismatch', async () => {
    expect(await codesFor('wrongOrder')).toEqual(['U407']);
  });
});

describe('subject content', () => {
  it('refuses emailAddress (U408)', async () => {
    expect(await codesFor('email')).toContain('U408');
  });

  it('refuses subject attributes outside the DN rules, e.g. serialNumber (U410)', async () => {
    const codes = await codesFor('serialNumber');
    expect(codes).toContain('U410');
    expect(await codesFor('rsa2048')).not.toContain('U410');
  });

  it('refuses an OU in a server CSR (U411, B.9)', async () => {
    expect(await codesFor('ou')).toContain('U411');
  });

  it('requires the CSR DN to equal column 1 (U409), with both DNs in the hint', async () => {
    const report = await validateFile(tsvBytes([serverIssueRow({ csr: csrs.otherCn })]), 'server-issue');
    const issue = report.records[0].issues.find((i) => i.code === 'U409')!;
    expect(issue.column).toBe(1);
    expect(issue.hint?.en).toContain('CN=web.nii.ac.jp');
    expect(issue.hint?.en).toContain(SERVER_DN);
    const matching = serverIssueRow({ csr: csrs.otherCn, dn: SERVER_DN.replace('www', 'web'), fqdn: 'web.nii.ac.jp' });
    expect(issueCodes(await validateFile(tsvBytes([matching]), 'server-issue'))).toEqual([]);
  });

  it('warns when the CSR asks for SAN names the certificate will not carry', async () => {
    expect(await codesFor('san')).toEqual(['U412']);
    expect(await codesFor('san', { dnsNames: 'dNSName=other.nii.ac.jp' })).toEqual([]);
  });

  it('checks the same CSR in a renewal file', async () => {
    const report = await validateFile(tsvBytes([serverRenewRow({ csr: csrs.rsa4096 })]), 'server-renew');
    expect(issueCodes(report)).toEqual(['U405']);
  });
});

describe('unreadable CSRs', () => {
  it('reports base64 that is not a CSR (U403) and bad base64 (U402)', async () => {
    expect(await codesFor('x', { csr: 'QUJDREVGRw==' })).toEqual(['U403']);
    expect(await codesFor('x', { csr: 'QUJDREVGR' })).toEqual(['U402']);
  });

  it("reports an oversized input as column 7's length error, with the spec's limit", () => {
    const issue = csrFailureIssue({ ok: false, code: 'too-large', message: { ja: '', en: '' } });
    // Literals, not the constants the code reads: the limit is NII's 2048 (SPEC §5.1 column 7), the code NII's 202.
    expect([issue.code, issue.column]).toEqual(['202', 7]);
    expect(issue.message.ja).toBe('CSRは2048桁以内で入力してください。');
  });

  it('reports a PEM with armour lines (U401)', async () => {
    const pem = readFileSync(join(dir, 'rsa2048.pem'), 'utf8').replace(/\r?\n/g, '');
    expect(await codesFor('x', { csr: pem })).toEqual(['U401']);
  });
});

const UTF8_SUBJECT_WARNING =
  'CSRの主体者DNのST, L, O, CNがPrintableStringではありません（ST: UTF8String, L: UTF8String, O: UTF8String, CN: UTF8String）。';

describe('checkCsrForProfile and fitProfiles (import page)', () => {
  it('says which profile a CSR fits', async () => {
    expect(fitProfiles(await info('rsa2048'))).toEqual(['3']);
    expect(fitProfiles(await info('p384'))).toEqual(['11']);
    expect(fitProfiles(await info('rsa4096'))).toEqual([]);
    expect(fitProfiles(await info('p256'))).toEqual([]);
  });

  it('applies the server DN rules to the subject when asked', async () => {
    expect(checkCsrForProfile(await info('printable'), '3').map((i) => i.code)).toEqual([]);
    const issues = checkCsrForProfile(await info('defaultCity'), '3').filter((i) => i.code !== 'U414');
    expect(issues.map((i) => [i.code, i.column])).toEqual([['U227', 7]]);
    expect(checkCsrForProfile(await info('defaultCity'), '3', { subjectRules: false })).toEqual([]);
  });

  it('warns (U414) when OpenSSL wrote the subject as UTF8String, naming the attributes; PrintableString passes', async () => {
    const subjectOf = (name: string) => execFileSync('openssl', ['asn1parse', '-in', join(dir, `${name}.pem`)], { encoding: 'utf8' });
    expect(subjectOf('utf8')).toMatch(/UTF8STRING\s*:www\.nii\.ac\.jp/);
    expect(subjectOf('printable')).toMatch(/PRINTABLESTRING\s*:www\.nii\.ac\.jp/);
    for (const name of ['utf8', 'rsa2048']) {
      const issues = checkCsrForProfile(await info(name), '3');
      expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([['U414', 'warning', 7]]);
      expect(issues[0].message.ja).toBe(UTF8_SUBJECT_WARNING);
    }
    expect(checkCsrForProfile(await info('printable'), '3')).toEqual([]);
    // The validator compares the CSR's DN with column 1 by value: no U414 there.
    expect(await codesFor('utf8')).toEqual([]);
  });

  it('does not count emailAddress (IA5String) as a string-type problem', async () => {
    expect(checkCsrForProfile(await info('email'), '3').map((i) => i.code)).toEqual(['U408', 'U414']);
    expect(checkCsrForProfile(await info('email'), '3').find((i) => i.code === 'U414')?.message.ja).toBe(UTF8_SUBJECT_WARNING);
  });

  it('yields nothing for a client or unknown profile', async () => {
    expect(checkCsrForProfile(await info('rsa4096'), '5')).toEqual([]);
    expect(checkCsrForProfile(await info('rsa4096'), '99')).toEqual([]);
  });
});
