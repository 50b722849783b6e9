// The key/CSR page in Chromium: the key and CSR are made with the browser's WebCrypto, downloaded, and then
// checked with OpenSSL (the independent tool): CSR self-signature, subject, encrypted key, same public key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

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

test('O, ST and L saved as an institution profile come back after a reload', async ({ page }) => {
  await fillSubject(page, 'www.example.ac.jp');
  await page.getByRole('button', { name: 'プロファイルとして保存' }).click();
  await expect(page.getByText('機関プロファイルに保存しました。')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('機関名英語表記 (O)')).toHaveValue('National Institute of Informatics');
  await expect(page.getByLabel('市区町村 (L)')).toHaveValue('Chiyoda-ku');
});
