// Helpers of e2e/service.spec.ts: the simulated service driven through its roles — the desk registers
// the RA operator, the operator takes the certificate from the mailed URL with the PIN, logs in to the
// RA system by choosing it in the simulated browser's picker, and uploads with the 審査項目 confirmation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { O } from './ra-kit';
import type { UploadFile } from './tsv-files';

// A directory of its own: ra-kit's is removed by ra.spec.ts when it ends, and specs share one worker.
export const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-service-'));

export function removeDir(): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function download(page: Page, target: Locator): Promise<string> {
  // Bounded: a download that never comes fails the test with its page snapshot instead of hanging the run.
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), target.click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

export function unzip(zip: string): string {
  const out = mkdtempSync(join(dir, 'unzip-'));
  execFileSync('unzip', ['-q', '-o', zip, '-d', out]);
  return out;
}

/** A server issue row of the demo institution with a fresh OpenSSL CSR (13 columns, SPEC §5.1). */
export function serverRow(cn: string): string[] {
  const csr = join(dir, `${cn}.csr`);
  execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=${cn}`, '-keyout', join(dir, `${cn}.key`), '-out', csr], { stdio: 'ignore' });
  const body = readFileSync(csr, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('-----')).join('');
  return [`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '3', '', '', '', '', body, '利用　管理', '情報基盤センター', 'admin@example.ac.jp', cn, 'nginx', ''];
}

export async function role(page: Page, id: 'admin' | 'ra' | 'user' | 'pin' | 'desk' | 'trainer'): Promise<void> {
  await page.getByTestId(`svc-role-${id}`).click();
  await expect(page.getByTestId(`svc-role-${id}`)).toHaveAttribute('aria-current', 'page');
}

export async function openService(page: Page): Promise<void> {
  await page.goto('/#/service/trainer');
  await expect(page.getByTestId('svc-trainer')).toBeVisible({ timeout: 30_000 }); // first start makes the CA keys
}

export async function openMailOf(page: Page, subject: string, nth: 'first' | 'last' = 'first'): Promise<Locator> {
  const exact = new RegExp(`^${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const items = page.getByTestId('svc-mail-subject').filter({ hasText: exact });
  await (nth === 'first' ? items.first() : items.last()).click();
  const reader = page.getByTestId('svc-mail-reader');
  await expect(reader.getByTestId('svc-mail-title')).toHaveText(subject);
  return reader;
}

/** Desk registers → PIN handed over → operator opens the URL, enters the PIN, [発行] once → the P12 file. */
export async function issueOperatorCertificate(page: Page): Promise<{ p12: string; pin: string }> {
  await role(page, 'desk');
  await page.getByTestId('svc-desk-register').click();
  const pin = (await page.getByTestId('svc-desk-pin-value').textContent())!.trim();
  await role(page, 'ra');
  const reader = await openMailOf(page, '登録担当者用証明書発行受付通知', 'first');
  await reader.getByTestId('svc-mail-link').click();
  await page.getByLabel('アクセスPIN（半角英数字）').fill(pin);
  const p12 = await download(page, page.getByTestId('svc-operator-issue'));
  await expect(page.getByTestId('svc-operator-done')).toContainText('【STEP3】');
  return { p12, pin };
}

/** The RA system's login: choose the certificate whose picker label contains `match` (or the `index`-th). */
export async function login(page: Page, choose: { index?: number; match?: string }): Promise<void> {
  await role(page, 'ra');
  await page.getByTestId('svc-ra-system').click();
  // A session from earlier in the test is still open (it lasts with the tab): log out first.
  await expect(page.getByTestId('nii-login').or(page.getByTestId('nii-menu'))).toBeVisible();
  if (await page.getByTestId('nii-menu').isVisible()) await logout(page);
  const options = page.getByTestId('svc-picker-option');
  await expect(options.first()).toBeVisible();
  if (choose.match) await page.getByTestId('svc-cert-picker').locator('label', { hasText: choose.match }).getByTestId('svc-picker-option').check();
  else await options.nth(choose.index ?? 0).check();
  await page.getByTestId('nii-login-ok').click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('nii-logout').click();
  await expect(page.getByTestId('nii-login')).toBeVisible();
}

/** Menu → 発行・更新・失効 of the family → 処理内容, file, [アップロード], 審査項目 [OK]. */
export async function raUpload(page: Page, family: 'server' | 'client', kind: string, file: UploadFile, mode: 'abort' | 'valid-only' = 'abort'): Promise<Locator> {
  await page.getByTestId(`nii-menu-${family}-upload`).click();
  const screen = page.getByTestId(`nii-upload-${family}`);
  await screen.getByTestId('nii-kind').selectOption(kind);
  if (mode === 'valid-only') await screen.getByTestId('nii-mode-valid-only').check();
  await screen.getByTestId('nii-file').setInputFiles(file);
  await screen.getByTestId('nii-upload').click();
  await expect(screen.getByTestId('nii-review')).toContainText('審査項目');
  await screen.getByTestId('nii-review-ok').click();
  return screen;
}
