// The simulated JPNIC service in Chromium, through its roles: the manager issues, the applicant installs the
// root (fingerprint compared), fetches with the 2+1-block license ID and installs; the manager revokes or
// reissues and deletes; every artefact (root, issuing CA, P12, CRL) is judged by OpenSSL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Its own temp dir (ra-kit's is shared by ra.spec and removed by it).
const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-jpnic-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[]): { status: number; output: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

async function download(page: Page, target: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
  const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

const PASS = 'applicant-pass';

async function role(page: Page, id: 'manager' | 'applicant' | 'trainer'): Promise<void> {
  await page.getByTestId(`jp-role-${id}`).click();
  await expect(page.getByTestId(`jp-${id}`)).toBeVisible();
}

async function managerLogin(page: Page): Promise<void> {
  await role(page, 'manager');
  await page.getByTestId('jp-manager-login').click();
  await page.getByTestId('jp-picker-ok').click();
  await expect(page.getByTestId('jp-manager-menu')).toContainText('資源管理者メニュー');
}

async function op(page: Page, accountId: string, name: 'issue' | 'revoke' | 'reissue'): Promise<void> {
  await page.locator(`[data-account="${accountId}"]`).getByTestId(`jp-op-${name}`).click();
  await page.getByTestId('jp-picker-ok').click(); // 認証局システム: the 資源管理者証明書
}

async function issue(page: Page, user: string, name: string, email: string): Promise<{ accountId: string; screen: string[] }> {
  await page.getByTestId('jp-register-user').fill(user);
  await page.getByTestId('jp-register').click();
  const row = page.getByTestId('jp-account-row').filter({ hasText: user });
  await expect(row.getByTestId('jp-account-status')).toHaveText('登録のみ（未発行）');
  const accountId = (await row.getAttribute('data-account'))!;
  await op(page, accountId, 'issue');
  await page.getByTestId('jp-apply-name').fill(name);
  await page.getByTestId('jp-apply-email').fill(email);
  await expect(page.getByTestId('jp-apply')).toContainText('※EMAIL は正しく入力してください。');
  await page.getByTestId('jp-apply-submit').click();
  await expect(page.getByTestId('jp-license-screen')).toContainText('証明書申請完了');
  return { accountId, screen: await page.getByTestId('jp-license-block').allTextContents() };
}

/** The applicant's mailbox: the newest mail's last license block. */
async function lastBlock(page: Page, accountId: string): Promise<string> {
  await page.getByTestId('jp-applicant-select').selectOption(accountId);
  const box = page.getByTestId('jp-applicant-mailbox');
  await box.getByTestId('jp-mail-subject').first().click();
  const body = await box.getByTestId('jp-mail-body').textContent();
  expect(body).toContain(`認証ID（証明書認証ID）: ${accountId}`);
  return /ライセンスID（第3ブロック）: ([A-Z0-9]{5})/.exec(body!)![1];
}

async function fetchAndInstall(page: Page, license: string): Promise<void> {
  await page.getByTestId('jp-license-input').fill(license);
  await page.getByTestId('jp-license-check').click();
  await expect(page.getByTestId('jp-confirm')).toBeVisible();
  await page.getByTestId('jp-get').click();
  await page.getByTestId('jp-pass1').fill(PASS);
  await page.getByTestId('jp-pass2').fill(PASS);
  await page.getByTestId('jp-install-button').click();
  await expect(page.getByTestId('jp-warning-host')).toHaveText('mntner-ca.nic.ad.jp');
  await expect(page.getByTestId('jp-warning-yes')).toBeDisabled();
  await page.getByTestId('jp-host-check').check();
  await page.getByTestId('jp-warning-yes').click();
  await expect(page.getByTestId('jp-installed')).toContainText('証明書インストール完了', { timeout: 30_000 });
}

/** Logs in with a certificate of the applicant's store and waits for that login's verdict (the result line of an
 * earlier login may still be on the page, so reading it at once could return the old verdict). */
async function applicantLogin(page: Page, rowIndex: number, expected: string): Promise<void> {
  await page.getByTestId('jp-applicant-login').click();
  await page.getByTestId('jp-picker').locator('input[type=radio]').nth(rowIndex).check();
  await page.getByTestId('jp-picker-ok').click();
  await expect(page.getByTestId('jp-login-result')).toContainText(expected);
}

test('issue → root install with fingerprint check → license ID → install → P12 → revoke → login refused, CRL lists it', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/#/jpnic/manager');
  await expect(page.getByTestId('jp-manager-login')).toBeVisible({ timeout: 60_000 });
  await managerLogin(page);
  const { accountId, screen } = await issue(page, '山田 太郎', 'Taro Yamada', 'taro@example.ac.jp');
  expect(accountId).toMatch(/^CA\d{6}$/);
  expect(screen).toHaveLength(2);

  await role(page, 'applicant');
  const last = await lastBlock(page, accountId);
  // Root: the independent SHA-1 of the downloaded file is what the page publishes.
  const rootFile = await download(page, page.getByTestId('jp-dl-root'));
  expect(rootFile.endsWith('jpnic-primary-root-ca-s2.cer')).toBe(true);
  const caFile = await download(page, page.getByTestId('jp-dl-ca'));
  expect(caFile.endsWith('jpnic-resource-service-ca-s2.cer')).toBe(true);
  const sha1 = openssl(['x509', '-inform', 'DER', '-in', rootFile, '-noout', '-fingerprint', '-sha1']).output.split('=')[1].trim().replace(/:/g, '');
  await page.getByTestId('jp-show-fingerprint-page').click();
  await expect(page.getByTestId('jp-published-fingerprint')).toHaveText(sha1.replace(/(..)(?!$)/g, '$1 '));
  await page.getByTestId('jp-root-install').click();
  await page.getByTestId('jp-fingerprint-input').fill(`${sha1.slice(0, 39)}${sha1.endsWith('0') ? '1' : '0'}`);
  await expect(page.getByTestId('jp-fingerprint-verdict')).toContainText('一致しません');
  await expect(page.getByTestId('jp-root-yes')).toBeDisabled();
  await page.getByTestId('jp-root-no').click();
  await expect(page.getByTestId('jp-root-stopped')).toContainText('インストールを中止しました');
  await page.getByRole('button', { name: '最初から' }).click();
  await page.getByTestId('jp-root-install').click();
  await page.getByTestId('jp-fingerprint-input').fill(sha1.toLowerCase());
  await page.getByTestId('jp-root-yes').click();
  await page.getByTestId('jp-ca-install').click();
  await expect(page.getByTestId('jp-ca-ok')).toHaveText('正しくインポートされました。');

  // Incomplete (screen blocks only), then the full ID.
  await page.getByTestId('jp-license-input').fill(screen.join('-'));
  await page.getByTestId('jp-license-check').click();
  await expect(page.getByTestId('jp-fetch-error')).toContainText('3ブロック');
  await fetchAndInstall(page, `${screen.join('-')}-${last}`);
  expect(workers.some((u) => u.includes('pkcs12'))).toBe(true); // the P12 was packaged off the main thread
  const p12 = await download(page, page.getByTestId('jp-save-p12-now'));
  const certPem = join(dir, 'jpnic-cert.pem');
  expect(openssl(['pkcs12', '-in', p12, '-clcerts', '-nokeys', '-passin', `pass:${PASS}`, '-out', certPem]).status).toBe(0);
  expect(openssl(['pkcs12', '-in', p12, '-noout', '-passin', 'pass:wrong']).status).not.toBe(0);
  const rootPem = join(dir, 'jp-root.pem');
  const caPem = join(dir, 'jp-ca.pem');
  openssl(['x509', '-inform', 'DER', '-in', rootFile, '-out', rootPem]);
  openssl(['x509', '-inform', 'DER', '-in', caFile, '-out', caPem]);
  expect(openssl(['verify', '-CAfile', rootPem, '-untrusted', caPem, certPem]).output).toContain(': OK');
  // The same license ID is one-time.
  await page.getByTestId('jp-installed').getByRole('button', { name: '閉じる' }).click();
  await page.getByTestId('jp-license-input').fill(`${screen.join('-')}-${last}`);
  await page.getByTestId('jp-license-check').click();
  await expect(page.getByTestId('jp-fetch-error')).toContainText('使用済み');
  await applicantLogin(page, 0, 'ログインしました');

  await managerLogin(page);
  await op(page, accountId, 'revoke');
  await expect(page.getByTestId('jp-revoke-screen')).toContainText('証明書失効');
  await page.getByTestId('jp-revoke-confirm').click();
  await expect(page.getByTestId('jp-revoked')).toContainText('証明書失効完了');

  await role(page, 'applicant');
  await page.getByTestId('jp-applicant-mailbox').getByTestId('jp-mail-subject').first().click();
  await expect(page.getByTestId('jp-applicant-mailbox').getByTestId('jp-mail-body')).toContainText('失効しました');
  await applicantLogin(page, 0, 'この証明書は失効しています');

  await role(page, 'trainer');
  const crl = await download(page, page.getByTestId('jp-dl-crl'));
  const verdict = openssl(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crl, certPem]);
  expect(verdict.status).not.toBe(0);
  expect(verdict.output).toContain('certificate revoked');
});

test('reissue: serial passed on, EMAIL changed, old and new told apart; delete blocks login but does not revoke', async ({ page }) => {
  await page.goto('/#/jpnic/manager');
  await expect(page.getByTestId('jp-manager-login')).toBeVisible({ timeout: 60_000 });
  await managerLogin(page);
  const first = await issue(page, 'Sato Hanako', 'Hanako Sato', 'hanako@example.ac.jp');
  await role(page, 'applicant');
  await fetchAndInstall(page, `${first.screen.join('-')}-${await lastBlock(page, first.accountId)}`);

  await managerLogin(page);
  await op(page, first.accountId, 'reissue');
  const serial = (await page.getByTestId('jp-renew-serial').textContent())!;
  await page.getByTestId('jp-renew-email').fill('hanako.new@example.ac.jp');
  await page.getByTestId('jp-renew-submit').click();
  await expect(page.getByTestId('jp-license-screen')).toContainText('証明書更新受付完了');
  await expect(page.getByTestId('jp-license-serial')).toHaveText(serial);
  const blocks = await page.getByTestId('jp-license-block').allTextContents();
  expect(blocks).toHaveLength(2);

  await role(page, 'applicant');
  const box = page.getByTestId('jp-applicant-mailbox');
  await page.getByTestId('jp-applicant-select').selectOption(first.accountId);
  await expect(box.getByTestId('jp-mail-subject').first()).toContainText('hanako.new@example.ac.jp');
  await fetchAndInstall(page, `${blocks.join('-')}-${await lastBlock(page, first.accountId)}`);
  await expect(page.getByTestId('jp-store-row')).toHaveCount(2);
  await expect(page.getByTestId('jp-tell-apart')).toBeVisible();
  await page.getByTestId('jp-passed-serial').fill(serial);
  await expect(page.getByTestId('jp-tell-apart-verdict')).toContainText(serial);
  await expect(page.locator('.jp-newest [data-testid="jp-store-serial"]')).toHaveText(serial);
  const serials = await page.getByTestId('jp-store-serial').allTextContents();
  const oldIndex = serials.findIndex((s) => s !== serial);
  await applicantLogin(page, oldIndex, '失効しています');
  await applicantLogin(page, 1 - oldIndex, 'ログインしました');
  const p12 = await download(page, page.getByTestId('jp-save-p12').nth(1 - oldIndex));
  const newPem = join(dir, 'reissued.pem');
  openssl(['pkcs12', '-in', p12, '-clcerts', '-nokeys', '-passin', `pass:${PASS}`, '-out', newPem]);
  const hex = openssl(['x509', '-in', newPem, '-noout', '-serial']).output.trim().replace('serial=', '');
  expect(BigInt(`0x${hex}`).toString(10)).toBe(serial); // the P12 holds the certificate with the serial the manager passed on

  await managerLogin(page);
  page.once('dialog', (d) => void d.accept());
  await page.locator(`[data-account="${first.accountId}"]`).getByTestId('jp-op-delete').click();
  await expect(page.getByTestId('jp-notice')).toContainText('失効していません');
  await expect(page.locator(`[data-account="${first.accountId}"]`).getByTestId('jp-account-status')).toContainText('失効していません（CRLに載りません）');

  await role(page, 'applicant');
  await page.getByTestId('jp-applicant-select').selectOption(first.accountId);
  await applicantLogin(page, 1 - oldIndex, '削除されています');

  await role(page, 'trainer');
  const crl = await download(page, page.getByTestId('jp-dl-crl'));
  const rootFile = await download(page, page.getByRole('button', { name: 'jpnic-primary-root-ca-s2.cer' }));
  const caFile = await download(page, page.getByRole('button', { name: 'jpnic-resource-service-ca-s2.cer' }));
  const rootPem = join(dir, 'r2.pem');
  const caPem = join(dir, 'c2.pem');
  openssl(['x509', '-inform', 'DER', '-in', rootFile, '-out', rootPem]);
  openssl(['x509', '-inform', 'DER', '-in', caFile, '-out', caPem]);
  // Deleted, not revoked: the CRL still accepts the new certificate.
  expect(openssl(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crl, newPem]).output).toContain(': OK');
  // The superseded one is on it.
  expect(openssl(['crl', '-inform', 'DER', '-in', crl, '-noout', '-text']).output).toContain('Superseded');

  // Backup → start afresh → a wrong passphrase changes nothing → restore brings the accounts back.
  await page.getByTestId('jp-backup-pass').fill('trainer-backup-1');
  const backup = await download(page, page.getByTestId('jp-backup-save'));
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('jp-reset').click();
  await expect(page.getByTestId('jp-trainer-cert')).toHaveCount(1); // only the new manager certificate
  await page.getByTestId('jp-restore-file').setInputFiles(backup);
  await page.getByTestId('jp-backup-pass').fill('wrong-passphrase');
  await page.getByTestId('jp-restore').click();
  await expect(page.getByTestId('jp-notice')).toContainText('パスフレーズが違うか');
  await page.getByTestId('jp-backup-pass').fill('trainer-backup-1');
  await page.getByTestId('jp-restore').click();
  await expect(page.getByTestId('jp-notice')).toContainText('復元しました');
  await expect(page.getByTestId('jp-trainer-cert')).toHaveCount(3);
  await managerLogin(page); // the restored manager certificate is back in the manager's browser
  await expect(page.locator(`[data-account="${first.accountId}"]`)).toBeVisible();
});

test('one role switch across both services: from the UPKI service to the JPNIC manager and applicant and back', async ({ page }) => {
  await page.goto('/#/service/trainer');
  await expect(page.getByTestId('svc-rolebar')).toBeVisible();
  await page.getByTestId('svc-role-jpnic-manager').click();
  await expect(page).toHaveURL(/#\/jpnic\/manager$/);
  await expect(page.getByTestId('jp-role-manager')).toHaveAttribute('aria-current', 'page');
  await page.goto('/#/service/admin');
  await page.getByTestId('svc-role-jpnic-applicant').click();
  await expect(page).toHaveURL(/#\/jpnic\/applicant$/);
  await expect(page.getByTestId('jp-role-applicant')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('jp-role-upki').click();
  await expect(page).toHaveURL(/#\/service\/trainer$/);
  await expect(page.getByTestId('svc-role-trainer')).toHaveAttribute('aria-current', 'page');
});
