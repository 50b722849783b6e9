import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, tempDir } from '../pki/openssl.testkit';
import { KINDS } from '../spec/kinds';
import { checkSheetFull } from './check';
import { cellsFromCsr, looksLikePemCsr, oneLineCsrFrom, placeCsrs, readCsrs } from './from-csr';
import { fitCells } from './grid';

const dir = tempDir('upki-from-csr-');
afterAll(() => dir.remove());

/** A CSR made by OpenSSL (an independent tool), PEM text. */
function opensslCsr(name: string, subject: string, keyArgs: string[], sans: string[] = []): string {
  const key = dir.path(`${name}.key`);
  const csr = dir.path(`${name}.csr`);
  openssl(['genpkey', ...keyArgs, '-out', key]);
  const ext = sans.length ? ['-addext', `subjectAltName=${sans.map((s) => `DNS:${s}`).join(',')}`] : [];
  openssl(['req', '-new', '-key', key, '-subj', subject, '-sha256', ...ext, '-out', csr]);
  return readFileSync(csr, 'utf8');
}

const rsaPem = opensslCsr('rsa', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example University/CN=www.example.ac.jp', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], [
  'www.example.ac.jp',
  'a.example.ac.jp',
  'b.example.ac.jp',
]);
const ecPem = opensslCsr('ec', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example University/CN=ec.example.ac.jp', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']);

describe('rows from CSRs', () => {
  it('fills DN in UPKI order, profile 3, the one-line CSR, FQDN = CN and the other SANs', async () => {
    const [read] = await readCsrs(new TextEncoder().encode(rsaPem), 'rsa.csr');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const spec = KINDS['server-issue'];
    const cells = cellsFromCsr(spec, read.info);
    expect(cells.get(0)).toBe('CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(cells.get(1)).toBe('3');
    expect(cells.get(6)).toMatch(/^MII[A-Za-z0-9+/=]+$/);
    expect(cells.get(10)).toBe('www.example.ac.jp');
    expect(cells.get(12)).toBe('dNSName=a.example.ac.jp,dNSName=b.example.ac.jp');
    // Filled with the admin columns, the row passes the full check (CSR signature, DN = CSR DN, key vs profile).
    const row = fitCells(spec, []);
    for (const [i, v] of cells) row[i] = v;
    row[7] = '国立 花子';
    row[8] = '情報基盤センター';
    row[9] = 'admin@example.ac.jp';
    row[11] = 'nginx';
    const result = await checkSheetFull(spec, [row]);
    expect(result.errors).toBe(0);
  });

  it('offers profile 11 for an ECDSA key', async () => {
    const [read] = await readCsrs(ecPem, 'ec.csr');
    expect(read.ok && cellsFromCsr(KINDS['server-renew'], read.info).get(1)).toBe('11');
  });

  it('reads every CSR of a file with several PEM blocks, and names a bad one', async () => {
    const reads = await readCsrs(`${rsaPem}\n${ecPem}`, 'both.pem');
    expect(reads.map((r) => [r.ok, r.source])).toEqual([
      [true, 'both.pem (1)'],
      [true, 'both.pem (2)'],
    ]);
    const [bad] = await readCsrs('not a csr', 'x.csr');
    expect(bad.ok).toBe(false);
  });

  it('turns a PEM pasted into column 7 into the one-line form, and leaves other values alone', async () => {
    const line = await oneLineCsrFrom(rsaPem);
    expect(line).toMatch(/^MII[A-Za-z0-9+/=]+$/);
    expect(line).toBe(rsaPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
    expect(await oneLineCsrFrom(line ?? '')).toBeNull(); // already one line
    expect(await oneLineCsrFrom('-----BEGIN CERTIFICATE REQUEST-----\nbroken\n-----END CERTIFICATE REQUEST-----')).toBeNull();
  });
});

describe('the focused row', () => {
  it('the first CSR fills the focused row, the others make rows; without a focused row all make rows', async () => {
    const reads = await readCsrs(`${rsaPem}\n${ecPem}`, 'two.pem');
    const infos = reads.flatMap((r) => (r.ok ? [r.info] : []));
    expect(infos).toHaveLength(2);
    const spec = KINDS['server-issue'];
    const placed = placeCsrs(spec, infos, 'row-7');
    expect(placed.fill?.rowId).toBe('row-7');
    expect(placed.fill?.updates.get(10)).toBe('www.example.ac.jp');
    expect(placed.add.map((u) => u.get(10))).toEqual(['ec.example.ac.jp']);
    expect(placeCsrs(spec, infos, null).add).toHaveLength(2);
    expect(placeCsrs(spec, [], 'row-7')).toEqual({ add: [] });
  });

  it('a PEM CSR is recognised in pasted text, a certificate or plain text is not', () => {
    expect(looksLikePemCsr(rsaPem)).toBe(true);
    expect(looksLikePemCsr(rsaPem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST'))).toBe(true);
    expect(looksLikePemCsr('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBe(false);
    expect(looksLikePemCsr('www.example.ac.jp')).toBe(false);
  });
});
