// The key/CSR page in Chromium: the key and CSR are made with the browser's WebCrypto, downloaded, and then
// checked with OpenSSL (the independent tool): CSR self-signature, subject, encrypted key, same public key.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { storedText } from './storage';

function openssl(args: string[]): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
}

const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-keys-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fillSubject(page: Page, cn: string): Promise<void> {
  await page.getByLabel('CN（サーバのFQDN）').fill(cn);
  await page.getByLabel('機関名英語表記 (O)').fill('National Institute of Informatics');
  await page.getByLabel('都道府県 (ST)').fill('Tokyo');
  await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
}

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/#/keys');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('鍵・CSR');
});

test('generates an RSA key and CSR in the browser; OpenSSL verifies the CSR and opens the encrypted key', async ({ page }) => {
  await fillSubject(page, 'www.example.ac.jp');
  await page.getByLabel(/追加のホスト名/).fill('alt.example.ac.jp');
  await page.locator('#keys-pass').fill('e2e passphrase 1');
  await page.locator('#keys-pass2').fill('e2e passphrase 1');
  await page.getByTestId('keys-generate').click();
  await expect(page.getByTestId('keys-result')).toBeVisible();
  await expect(page.getByTestId('keys-subject-tsv')).toHaveText(
    'CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP',
  );
  // The SAN names also appear as the TSV's dNSName column (13).
  await expect(page.getByTestId('keys-result')).toContainText('dNSName=alt.example.ac.jp');

  const csr = await download(page, 'keys-download-csr');
  const key = await download(page, 'keys-download-key');
  expect(csr.endsWith('www.example.ac.jp.csr')).toBe(true);
  expect(key.endsWith('www.example.ac.jp.key')).toBe(true);
  expect(openssl(['req', '-in', csr, '-verify', '-noout'])).toMatch(/verify OK/);
  expect(openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'oneline'])).toBe(
    'subject=C = JP, ST = Tokyo, L = Chiyoda-ku, O = National Institute of Informatics, CN = www.example.ac.jp\n',
  );
  const text = openssl(['req', '-in', csr, '-noout', '-text']);
  expect(text).toMatch(/Public-Key: \(2048 bit\)/);
  expect(text).toMatch(/DNS:alt\.example\.ac\.jp/);
  expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  const pass = join(dir, 'pass.txt');
  writeFileSync(pass, 'e2e passphrase 1\n');
  expect(openssl(['pkey', '-in', key, '-passin', `file:${pass}`, '-pubout'])).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));

  // The zip holds the same three files: CSR, encrypted key, one-line form.
  const zip = await download(page, 'keys-download-zip');
  expect(zip.endsWith('www.example.ac.jp.zip')).toBe(true);
  const unzipped = join(dir, 'unzipped');
  spawnSync('unzip', ['-q', '-o', zip, '-d', unzipped]);
  expect(readFileSync(join(unzipped, 'www.example.ac.jp.csr'), 'utf8')).toBe(readFileSync(csr, 'utf8'));
  expect(readFileSync(join(unzipped, 'www.example.ac.jp.key'), 'utf8')).toBe(readFileSync(key, 'utf8'));
  expect(readFileSync(join(unzipped, 'www.example.ac.jp.csr.txt'), 'utf8')).toBe(await page.getByTestId('keys-csr-line').inputValue());
  expect(openssl(['req', '-in', join(unzipped, 'www.example.ac.jp.csr'), '-verify', '-noout'])).toMatch(/verify OK/);

  // The one-line form on the page is the CSR's DER in base64.
  const oneLine = await page.getByTestId('keys-csr-line').inputValue();
  expect(Buffer.from(oneLine, 'base64').toString('base64')).toBe(oneLine);
  const der = join(dir, 'one.der');
  writeFileSync(der, Buffer.from(oneLine, 'base64'));
  expect(openssl(['req', '-inform', 'DER', '-in', der, '-verify', '-noout'])).toMatch(/verify OK/);

  // Checking the CSR just made: it fits profile 3 and passes the UPKI checks.
  await page.getByTestId('keys-import-text').fill(await page.getByTestId('keys-csr-pem').inputValue());
  await page.getByTestId('keys-import-check').click();
  await expect(page.getByTestId('keys-csr-fits')).toHaveText('3');
  await expect(page.getByTestId('keys-csr-signature')).toHaveText('正しい');
  await expect(page.getByTestId('keys-check-ok')).toBeVisible();

  // Re-opening the downloaded encrypted key: it belongs to the CSR just checked; a wrong passphrase is refused.
  await page.getByTestId('keys-import-drop').locator('input[type=file]').setInputFiles(key);
  await page.locator('#keys-open-pass').fill('wrong passphrase');
  await page.getByRole('button', { name: '鍵を開いて確認' }).click();
  await expect(page.getByTestId('keys-key-check').getByRole('alert')).toHaveText('パスフレーズが違います。');
  await page.locator('#keys-open-pass').fill('e2e passphrase 1');
  await page.getByRole('button', { name: '鍵を開いて確認' }).click();
  await expect(page.getByTestId('keys-key-facts')).toContainText('読み込んだCSRと一致します。');
});

test('an ECDSA P-384 key without encryption, after the warning', async ({ page }) => {
  await fillSubject(page, 'ec.example.ac.jp');
  await page.getByRole('radio', { name: /ECDSA P-384/ }).check();
  await page.getByTestId('keys-no-encrypt').check();
  await expect(page.getByText('暗号化されていない秘密鍵は')).toBeVisible();
  await page.getByTestId('keys-generate').click();
  const csr = await download(page, 'keys-download-csr');
  const key = await download(page, 'keys-download-key');
  expect(openssl(['req', '-in', csr, '-verify', '-noout'])).toMatch(/verify OK/);
  expect(openssl(['req', '-in', csr, '-noout', '-text'])).toMatch(/ASN1 OID: secp384r1[\s\S]*ecdsa-with-SHA384/);
  expect(readFileSync(key, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(openssl(['pkey', '-in', key, '-pubout'])).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));
  // The unencrypted key exists only in the page's memory and in the user's download: nothing stored holds it.
  const body = readFileSync(key, 'utf8').split('\n')[1];
  const stored = await storedText(page);
  expect(stored).not.toContain('PRIVATE KEY');
  expect(stored).not.toContain(body);
});

test('invalid input is explained and nothing is generated', async ({ page }) => {
  await fillSubject(page, 'bad_host.example.jp');
  await page.getByLabel('市区町村 (L)').fill('Default City');
  await expect(page.getByText(/「_」があります/)).toBeVisible();
  await page.locator('#keys-pass').fill('short');
  await page.locator('#keys-pass2').fill('short');
  await page.getByTestId('keys-generate').click();
  const problems = page.getByTestId('keys-problems');
  await expect(problems).toContainText('CN');
  await expect(problems).toContainText('Default');
  await expect(problems).toContainText('8文字以上');
  await expect(page.getByTestId('keys-result')).toHaveCount(0);
});

test('a certificate gives its serial in decimal and a ready revoke row', async ({ page }) => {
  const keyPath = join(dir, 'cert.key');
  const certPath = join(dir, 'cert.pem');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', keyPath,
    '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=old.example.ac.jp', '-set_serial', '0x112210E261FEC92B',
    '-days', '30', '-out', certPath]);
  await page.getByTestId('keys-import-drop').locator('input[type=file]').setInputFiles(certPath);
  await expect(page.getByTestId('keys-cert-serial')).toHaveText('1234567812345678123');
  await expect(page.getByTestId('keys-cert-subject')).toHaveText(
    'CN=old.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP',
  );
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('keys-copy-revoke').click();
  const row = await page.evaluate(() => navigator.clipboard.readText());
  expect(row.split('\t')[0]).toBe('CN=old.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
  expect(row.split('\t')).toContain('1234567812345678123');
});

test('a chain PEM (two OpenSSL certificates): the first is shown and the page says there were two', async ({ page }) => {
  const make = (name: string, cn: string) => {
    const out = join(dir, `${name}.pem`);
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', join(dir, `${name}.key`),
      '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=${cn}`, '-days', '30', '-out', out]);
    return readFileSync(out, 'utf8');
  };
  const chain = join(dir, 'chain.pem');
  writeFileSync(chain, make('leaf', 'www.example.ac.jp') + make('ca', 'ca.example.ac.jp'));
  await dropFile(page, chain);
  await expect(page.getByTestId('keys-cert-subject')).toHaveText(
    'CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP',
  );
  await expect(page.getByTestId('keys-cert-count')).toContainText('証明書が2件');
  // A single certificate gets no such notice.
  await dropFile(page, join(dir, 'ca.pem'));
  await expect(page.getByTestId('keys-cert-subject')).toContainText('CN=ca.example.ac.jp');
  await expect(page.getByTestId('keys-cert-count')).toHaveCount(0);
});

test('O, ST and L saved as an institution profile come back after a reload', async ({ page }) => {
  await fillSubject(page, 'www.example.ac.jp');
  await page.getByRole('button', { name: 'プロファイルとして保存' }).click();
  await expect(page.getByText('機関プロファイルに保存しました。')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('機関名英語表記 (O)')).toHaveValue('National Institute of Informatics');
  await expect(page.getByLabel('市区町村 (L)')).toHaveValue('Chiyoda-ku');
});

const GOOD_SUBJ = '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=www.example.ac.jp';

/** An OpenSSL-made CSR file (PEM unless `der`), from `keyArgs` (a new key) or an existing key file. */
function opensslCsr(name: string, keyArgs: string[], subj = GOOD_SUBJ, extra: string[] = []): string {
  const out = join(dir, `${name}.csr`);
  openssl(['req', '-new', ...keyArgs, '-subj', subj, ...extra, '-out', out, ...(keyArgs[0] === '-key' ? [] : ['-nodes', '-keyout', join(dir, `${name}.key`)])]);
  return out;
}

async function dropFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('keys-import-drop').locator('input[type=file]').setInputFiles(path);
}

test('OpenSSL-made CSRs: a good one (PEM, DER, one line) fits profile 3; wrong ones get the validator codes', async ({ page }) => {
  const good = opensslCsr('good', ['-newkey', 'rsa:2048', '-sha256']);
  await dropFile(page, good);
  await expect(page.getByTestId('keys-csr-fits')).toHaveText('3');
  // OpenSSL's default UTF8String values are only a warning (U414): the CSR still meets the rules.
  await expect(page.getByTestId('keys-check-ok')).toBeVisible();
  await expect(page.getByTestId('keys-check-issues')).toHaveClass(/notice-warn/);
  await expect(page.getByTestId('keys-check-issues')).toContainText('U414');
  await expect(page.getByTestId('keys-csr-facts')).toContainText('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
  await expect(page.getByTestId('keys-csr-facts')).toContainText('RSA 2048');

  const der = join(dir, 'good.der');
  openssl(['req', '-in', good, '-outform', 'DER', '-out', der]);
  await page.getByTestId('keys-import-text').fill('');
  await dropFile(page, der);
  await expect(page.getByTestId('keys-csr-signature')).toHaveText('正しい');
  await page.getByTestId('keys-import-text').fill(readFileSync(der).toString('base64'));
  await page.getByTestId('keys-import-check').click();
  await expect(page.getByTestId('keys-csr-fits')).toHaveText('3');

  // Each wrong CSR: which rule of the validator refuses it, with the validator's own code.
  const p384 = opensslCsr('p384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-sha384']);
  await dropFile(page, p384);
  await expect(page.getByTestId('keys-csr-fits')).toHaveText('11');
  // "Fits" speaks of key and signature algorithm only; the DN rules are the listed checks.
  // Each row: the file, the code that refuses it, the profile it fits, and a fact only that file shows — the page must
  // be showing *this* file before its verdict is read (two files in a row can give the same code).
  const wrong: [string, string, string, string][] = [
    [opensslCsr('rsa4096', ['-newkey', 'rsa:4096', '-sha256']), 'U405', 'なし', 'RSA 4096'],
    [opensslCsr('p256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-sha256']), 'U405', 'なし', 'P-256'],
    [opensslCsr('order', ['-newkey', 'rsa:2048', '-sha256'], '/C=JP/ST=Tokyo/O=National Institute of Informatics/L=Chiyoda-ku/CN=www.example.ac.jp'), 'U407', '3', 'CN=www.example.ac.jp,L=Chiyoda-ku,O=National Institute of Informatics'],
    [opensslCsr('email', ['-newkey', 'rsa:2048', '-sha256'], `${GOOD_SUBJ}/emailAddress=admin@example.ac.jp`), 'U408', '3', 'admin@example.ac.jp'],
  ];
  const tampered = readFileSync(der);
  tampered[tampered.length - 1] ^= 0x01;
  const bad = join(dir, 'tampered.der');
  writeFileSync(bad, tampered);
  expect(spawnSync('openssl', ['req', '-inform', 'DER', '-in', bad, '-verify', '-noout'], { encoding: 'utf8' }).stderr).toMatch(/verify failure|error/i);
  wrong.push([bad, 'U404', '3', '検証できません']);
  for (const [path, code, fits, fact] of wrong) {
    await dropFile(page, path);
    await expect(page.getByTestId('keys-csr-facts'), path).toContainText(fact);
    await expect(page.getByTestId('keys-check-issues'), path).toContainText(code);
    await expect(page.getByTestId('keys-csr-fits'), path).toHaveText(fits);
  }
  await expect(page.getByTestId('keys-csr-signature')).toHaveText('検証できません');
});

test('old certificate + new CSR: the same key is an error, a new key is fine; renew row prefilled', async ({ page }) => {
  const oldKey = join(dir, 'reuse.key');
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', oldKey]);
  const oldCert = join(dir, 'reuse.crt');
  openssl(['req', '-x509', '-new', '-key', oldKey, '-sha384', '-subj', GOOD_SUBJ, '-set_serial', '0xFF', '-days', '30', '-out', oldCert]);
  await dropFile(page, opensslCsr('reuse', ['-key', oldKey, '-sha384']));
  await dropFile(page, oldCert);
  await expect(page.getByTestId('keys-same-key')).toHaveClass(/notice-error/);
  await expect(page.getByTestId('keys-same-key')).toContainText('同じ鍵です');
  await expect(page.getByTestId('keys-cert-facts')).toContainText('0xFF');

  await dropFile(page, opensslCsr('fresh', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-sha384']));
  await dropFile(page, oldCert);
  await expect(page.getByTestId('keys-same-key')).toHaveClass(/notice-ok/);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('keys-copy-renew').click();
  const row = (await page.evaluate(() => navigator.clipboard.readText())).split('\t');
  expect(row).toHaveLength(13);
  expect(row[0]).toBe('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
  expect(row[3]).toBe('255');
});

async function grantClipboard(page: Page): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
}

/** Click a copy button, wait until it says it copied, and return what the clipboard holds. */
async function copyFrom(page: Page, testId: string): Promise<string> {
  await page.getByTestId(testId).click();
  await expect(page.getByTestId(testId)).toContainText('コピーしました');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('generation uses trimmed values, shows the warnings, and the PEM and one-line copy buttons copy what OpenSSL accepts', async ({ page }) => {
  await fillSubject(page, '  trim.example.ac.jp ');
  await page.getByLabel('都道府県 (ST)').fill(' Tokyo ');
  // Eight SAN names without the CN: NII adds the CN as a ninth (ADDENDUM B.6), a warning that must not vanish.
  await page.getByLabel(/追加のホスト名/).fill(Array.from({ length: 8 }, (_, i) => `h${i}.example.ac.jp`).join(','));
  await page.getByTestId('keys-no-encrypt').check();
  await page.getByTestId('keys-generate').click();
  await expect(page.getByTestId('keys-subject-tsv')).toHaveText('CN=trim.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
  await expect(page.getByTestId('keys-warnings')).toContainText('CN「trim.example.ac.jp」が自動付与されると9つになります');
  const csr = await download(page, 'keys-download-csr');
  expect(csr.endsWith('/trim.example.ac.jp.csr')).toBe(true);
  expect(openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'RFC2253'])).toBe(
    'subject=CN=trim.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP\n',
  );

  await grantClipboard(page);
  const pem = await copyFrom(page, 'keys-copy-pem');
  expect(pem).toBe(readFileSync(csr, 'utf8'));
  const pemPath = join(dir, 'copied.csr');
  writeFileSync(pemPath, pem);
  expect(openssl(['req', '-in', pemPath, '-verify', '-noout'])).toMatch(/verify OK/);
  const line = await copyFrom(page, 'keys-copy-line');
  expect(line).toBe(await page.getByTestId('keys-csr-line').inputValue());
  const derPath = join(dir, 'copied.der');
  writeFileSync(derPath, Buffer.from(line, 'base64'));
  expect(openssl(['req', '-inform', 'DER', '-in', derPath, '-outform', 'PEM'])).toBe(pem);
});

test('an imported CSR: its SAN names as the column 13 value to copy; a one-line form over the column 7 limit is refused', async ({ page }) => {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-sha384'];
  await dropFile(page, opensslCsr('sans', ec, GOOD_SUBJ, ['-addext', 'subjectAltName=DNS:www.example.ac.jp,DNS:alt.example.ac.jp']));
  await expect(page.getByTestId('keys-csr-dns-column')).toHaveText('dNSName=www.example.ac.jp,dNSName=alt.example.ac.jp');
  await expect(page.getByTestId('keys-csr-facts')).toContainText('TSVの13列目（dNSName）にこの形で記載してください');
  await expect(page.getByTestId('keys-csr-length')).toHaveCount(0);
  await grantClipboard(page);
  expect(await copyFrom(page, 'keys-copy-dns-column')).toBe('dNSName=www.example.ac.jp,dNSName=alt.example.ac.jp');

  const names = Array.from({ length: 30 }, (_, i) => `DNS:host${String(i).padStart(2, '0')}.department.example.ac.jp`);
  const big = opensslCsr('big', ['-newkey', 'rsa:2048', '-sha256'], GOOD_SUBJ, ['-addext', `subjectAltName=${names.join(',')}`]);
  const bigDer = join(dir, 'big.der');
  openssl(['req', '-in', big, '-outform', 'DER', '-out', bigDer]);
  const length = readFileSync(bigDer).toString('base64').length;
  expect(length).toBeGreaterThan(2048);
  await dropFile(page, big);
  await expect(page.getByTestId('keys-csr-length')).toHaveText(`${length}文字（TSV 7列目の上限は2048文字）`);
  await expect(page.getByTestId('keys-check-issues')).toContainText('202');
  await expect(page.getByTestId('keys-check-ok')).toHaveCount(0);
});

test('a DER certificate made by OpenSSL: serial in decimal and 0x hex, validity in JST', async ({ page }) => {
  // `openssl ca` is the OpenSSL 3.0 way to set exact dates: 15:30 UTC on 31 March is already 1 April in Japan.
  const ca = join(dir, 'ca');
  mkdirSync(ca, { recursive: true });
  writeFileSync(join(ca, 'index.txt'), '');
  writeFileSync(join(ca, 'serial'), '00E261FEC92B0001\n');
  const cnf = join(ca, 'ca.cnf');
  writeFileSync(cnf, [
    '[ca]', 'default_ca = d', '[d]', `database = ${join(ca, 'index.txt')}`, `serial = ${join(ca, 'serial')}`, `new_certs_dir = ${ca}`,
    'default_md = sha384', 'policy = p', 'unique_subject = no', '[p]', 'commonName = supplied', '',
  ].join('\n'));
  const key = join(ca, 'k.pem');
  const req = join(ca, 'r.csr');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', key,
    '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=National Institute of Informatics/CN=der.example.ac.jp', '-out', req]);
  const pem = join(ca, 'c.pem');
  openssl(['ca', '-batch', '-config', cnf, '-selfsign', '-keyfile', key, '-in', req, '-startdate', '20260331153000Z',
    '-enddate', '20270430150000Z', '-notext', '-preserveDN', '-out', pem]);
  const der = join(dir, 'cert.der');
  openssl(['x509', '-in', pem, '-outform', 'DER', '-out', der]);
  const hex = openssl(['x509', '-inform', 'DER', '-in', der, '-noout', '-serial']).trim().replace(/^serial=/, '');
  expect(hex).toBe('E261FEC92B0001');

  await dropFile(page, der);
  await expect(page.getByTestId('keys-cert-serial')).toHaveText(BigInt(`0x${hex}`).toString());
  await expect(page.getByTestId('keys-cert-facts')).toContainText(`(0x${hex})`);
  await expect(page.getByTestId('keys-cert-validity')).toContainText('2026/04/01 00:30:00 – 2027/05/01 00:00:00');
  await expect(page.getByTestId('keys-cert-validity')).toContainText('JST');
});

test.describe('single-file build opened from file://', () => {
  const single = process.env.UPKI_SINGLE_HTML ?? resolve('dist-single/upki-workbench.html');
  test.use({ allowFileUrls: true });

  test('makes a P-384 key and CSR that OpenSSL verifies', async ({ page }) => {
    await page.goto(`${pathToFileURL(single).href}#/keys`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('鍵・CSR');
    await fillSubject(page, 'file.example.ac.jp');
    await page.getByRole('radio', { name: /ECDSA P-384/ }).check();
    await page.locator('#keys-pass').fill('file passphrase');
    await page.locator('#keys-pass2').fill('file passphrase');
    await page.getByTestId('keys-generate').click();
    const csr = await download(page, 'keys-download-csr');
    const key = await download(page, 'keys-download-key');
    expect(openssl(['req', '-in', csr, '-verify', '-noout'])).toMatch(/verify OK/);
    const pass = join(dir, 'file-pass.txt');
    writeFileSync(pass, 'file passphrase\n');
    expect(openssl(['pkey', '-in', key, '-passin', `file:${pass}`, '-pubout'])).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));
  });
});

test('shows progress while the key is made, and the page keeps painting frames meanwhile', async ({ page }) => {
  await fillSubject(page, 'busy.example.ac.jp');
  await page.locator('#keys-pass').fill('busy passphrase');
  await page.locator('#keys-pass2').fill('busy passphrase');
  // Submit and read the screen in the same task: the busy state is set before any await.
  const seen = await page.evaluate(async () => {
    const form = document.querySelector<HTMLFormElement>('[data-testid="keys-generate-form"]')!;
    const button = document.querySelector<HTMLButtonElement>('[data-testid="keys-generate"]')!;
    form.requestSubmit();
    const during = { text: button.textContent, disabled: button.disabled, status: form.querySelector('[role="status"]')?.textContent };
    // Two animation frames while the key is still being made: WebCrypto works off the main thread.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const afterFrames = button.disabled;
    return { during, afterFrames };
  });
  expect(seen.during).toEqual({ text: '作成中…', disabled: true, status: '鍵を生成しています。画面はそのまま操作できます。' });
  expect(seen.afterFrames).toBe(true);
  await expect(page.getByTestId('keys-result')).toBeVisible();
  await expect(page.getByTestId('keys-generate')).toBeEnabled();
});
