// Helpers shared by the builder specs: open the page, import the institution profile, address grid cells,
// make keys in a row, and export + check a file with the `upki-tsv` command and iconv (independent decoder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect } from './fixtures';

export const O = 'National Institute of Informatics';
export const PROFILE = {
  format: 'upki-workbench/institution-profiles',
  version: 1,
  profiles: [
    {
      id: 'nii',
      label: '本部',
      o: O,
      st: 'Tokyo',
      l: 'Chiyoda-ku',
      domains: ['nii.ac.jp'],
      adminName: '国立　太郎',
      adminDept: '学術基盤推進部',
      adminMail: 'admin@nii.ac.jp',
      software: 'nginx 1.26',
      updatedAt: '2026-11-23T00:00:00.000Z',
    },
  ],
};

let tmpDir: string | undefined;
/** A temp folder for downloads and openssl files, made on first use; each spec removes it in afterAll. */
export function tmp(): string {
  if (!tmpDir || !existsSync(tmpDir)) tmpDir = mkdtempSync(join(tmpdir(), 'upki-builder-e2e-'));
  return tmpDir;
}
export function removeTmp(): void {
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = undefined;
}

export interface CliResult {
  ok: boolean;
  fileErrors: unknown[];
  records: { seq: number; errors: { code: string; message: string }[] }[];
}

/** `upki-tsv validate --json` on a file; returns the parsed result. */
export function cliValidate(kind: string, path: string): CliResult {
  let out: string;
  try {
    out = execFileSync('node', ['bin/upki-tsv.mjs', 'validate', '--kind', kind, '--json', path], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return JSON.parse(out.trim().split('\n')[0]) as CliResult;
}

export function errorCount(r: CliResult): number {
  return r.fileErrors.length + r.records.reduce((n, rec) => n + rec.errors.length, 0);
}

/** Decode with glibc iconv, not with the project's decoder. */
export function iconvSjis(path: string): string {
  return execFileSync('iconv', ['-f', 'SHIFT_JIS', '-t', 'UTF-8', path], { encoding: 'utf8' });
}

export async function saveDownload(download: Download): Promise<string> {
  const path = join(tmp(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

/** Export and check the one .tsv: file name, CRLF, no header, CLI zero errors, iconv decodes. Returns the text. */
export async function exportAndCheck(page: Page, kind: string): Promise<string> {
  const button = page.getByTestId('export-button');
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const stamp = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  expect(download.suggestedFilename()).toBe(`upki-${kind}-${stamp}.tsv`);
  const path = await saveDownload(download);
  const result = cliValidate(kind, path);
  expect(errorCount(result), JSON.stringify(result)).toBe(0);
  expect(result.ok).toBe(true);
  const text = iconvSjis(path);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text;
}

export async function openBuilder(page: Page): Promise<void> {
  await page.goto('/#/builder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('申請TSVの作成');
  await expect(page.locator('section.builder[data-ready=true]')).toBeVisible();
}

export async function importProfile(page: Page): Promise<void> {
  const path = join(tmp(), 'profiles.json');
  writeFileSync(path, JSON.stringify(PROFILE));
  await page.getByText('プロファイルをファイルから読み込む').click();
  await page.getByLabel('プロファイルJSONファイル').setInputFiles(path);
  await expect(page.getByLabel('使用するプロファイル')).toHaveValue('nii');
}

export async function chooseKind(page: Page, title: string): Promise<void> {
  await page.getByLabel(title, { exact: true }).check();
}

export const cell = (page: Page, row: number, column: number) => page.locator(`input[data-r="${row}"][data-c="${column}"]`);

/** Paste `text` into the focused cell as the browser does for Ctrl+V from a spreadsheet. */
export async function pasteInto(page: Page, row: number, column: number, text: string): Promise<void> {
  await cell(page, row, column).focus();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** A self-signed certificate with the given subject and serial, DER-free PEM, made by openssl. */
export function oldCertificate(subject: string, serialHex: string): string {
  const dir = mkdtempSync(join(tmp(), 'cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', subject, '-set_serial', `0x${serialHex}`, '-days', '30', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
  return join(dir, 'c.pem');
}

export async function makeKeyForRow(page: Page, row: number, fqdn: string): Promise<void> {
  await page.getByRole('button', { name: `行${row}の補助機能` }).click();
  const tools = page.getByTestId('row-tools');
  await tools.getByLabel('FQDN（CN）').fill(fqdn);
  await tools.getByLabel('パスフレーズ').fill('correct horse battery');
  await tools.getByLabel('確認').fill('correct horse battery');
  const [key] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: '鍵とCSRを作成' }).click()]);
  expect(key.suggestedFilename()).toBe(`${fqdn}.key`);
  const keyPath = await saveDownload(key);
  expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  await expect(cell(page, row - 1, 7)).toHaveValue(/^MII/);
  // OpenSSL: the CSR in column 7 verifies and carries the public key of the downloaded (encrypted) key.
  const der = join(tmp(), `${Date.now()}-row.der`);
  writeFileSync(der, Buffer.from(await cell(page, row - 1, 7).inputValue(), 'base64'));
  execFileSync('openssl', ['req', '-inform', 'DER', '-in', der, '-verify', '-noout'], { stdio: 'ignore' });
  const csrPub = execFileSync('openssl', ['req', '-inform', 'DER', '-in', der, '-pubkey', '-noout'], { encoding: 'utf8' });
  const keyPub = execFileSync('openssl', ['pkey', '-in', keyPath, '-passin', 'pass:correct horse battery', '-pubout'], { encoding: 'utf8' });
  expect(keyPub).toBe(csrPub);
}
