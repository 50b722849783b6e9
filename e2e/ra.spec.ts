// The simulated RA page in Chromium: the engine runs in a Web Worker on IndexedDB; files are made in
// Node with independent tools (openssl CSRs, iconv Shift-JIS) and what the page hands out is checked
// with openssl (certificate chain, P12 with the PIN read from clientAllPin.txt) and unzip/iconv.
// Every test starts in a fresh browser context, so with a fresh, empty IndexedDB.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { serverCsrBase64, serverIssueRow, sjisFile, utf8File } from './tsv-files';
import { O, clientRows, dir, download, openMail, openRa, openssl, recordProgress, removeDir, serverRow, sjisRows, unzip, upload } from './ra-kit';

test.afterAll(removeDir);

test('server issue: completion screen, mail, one-time URL → server.crt that openssl verifies against the page’s chain', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openRa(page);
  expect(workers.length).toBeGreaterThanOrEqual(1); // the engine lives in a worker

  await upload(page, 'server-issue', sjisFile('server.tsv', [serverRow('www.example.ac.jp')]));
  const done = page.getByTestId('ra-complete');
  await expect(done.getByTestId('ra-screen-title')).toHaveText('●サーバ証明書　発行・更新・失効申請完了画面');
  await expect(done).toContainText('ファイルのアップロード処理が完了しました。');
  await expect(done.getByTestId('ra-result-table').locator('tbody tr td').nth(1)).toHaveText('OK');

  const reader = await openMail(page, 'サーバ証明書発行受付通知');
  await expect(reader).toContainText('admin@example.ac.jp');
  const crt = await download(page, reader.getByTestId('ra-mail-link'));
  expect(crt.endsWith('server.crt')).toBe(true);
  expect(readFileSync(crt, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  // The download sent the next mail, and the URL is now used.
  await expect(reader.locator('.ra-link-state')).toHaveText('（使用済み）');
  await expect(page.getByTestId('ra-mail-subject').first()).toHaveText('サーバ証明書取得通知');

  await page.getByTestId('ra-tab-certs').click();
  const row = page.getByTestId('ra-cert-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').first()).toHaveText('5:発行済み');
  await expect(row).toContainText('CN=www.example.ac.jp');
  const chain = await download(page, page.getByTestId('ra-dl-chain'));
  const verified = openssl(['verify', '-CAfile', chain, crt]);
  expect(verified.output).toContain(': OK');
  expect(verified.status).toBe(0);
  // The serial the page lists is the certificate's.
  const serial = openssl(['x509', '-in', crt, '-noout', '-serial']).output.trim().replace('serial=', '');
  await expect(row.locator('td').nth(2)).toHaveText(`0x${serial}`);
  const listedPem = await download(page, row.getByTestId('ra-dl-cert'));
  expect(readFileSync(listedPem, 'utf8').replace(/\r/g, '')).toBe(readFileSync(crt, 'utf8').replace(/\r/g, ''));

  // The CRL of the server CA downloads (DER and PEM) and verifies.
  const crl = await download(page, page.getByTestId('ra-dl-crl-server-rsa-der'));
  expect(openssl(['crl', '-inform', 'DER', '-in', crl, '-CAfile', chain, '-noout']).output).toContain('verify OK');
  const crlPem = await download(page, page.getByTestId('ra-dl-crl-server-rsa-pem'));
  expect(openssl(['crl', '-in', crlPem, '-CAfile', chain, '-noout']).output).toContain('verify OK');

  // The RA's downloads: Shift-JIS TSV with a header row (decoded by iconv).
  const list = await download(page, page.getByTestId('ra-dl-list-server'));
  expect(list.endsWith('serverCertificateList.txt')).toBe(true);
  const header = execFileSync('iconv', ['-f', 'CP932', '-t', 'UTF-8', list], { encoding: 'utf8' }).split('\r\n')[0].split('\t');
  expect(header.slice(0, 2)).toEqual(['主体者DN', '状態']);
  const [listed] = sjisRows(list);
  expect(listed.slice(0, 2)).toEqual(['CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', '5']);
  const stats = sjisRows(await download(page, page.getByTestId('ra-dl-stats')));
  expect(stats).toContainEqual(['example.ac.jp', 'サーバ証明書', '0', '1', '0', '0', '1']);
  const ou = sjisRows(await download(page, page.getByTestId('ra-dl-ou')));
  expect(ou).toEqual([['example.ac.jp', 'Information Technology Center']]);
});

test('two servers in one file: the mail list names each mail’s certificate by its CN', async ({ page }) => {
  await openRa(page);
  await upload(page, 'server-issue', sjisFile('two.tsv', [serverRow('www.example.ac.jp'), serverRow('mail.example.ac.jp')]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  await page.getByTestId('ra-tab-mail').click();
  const accepted = page.getByRole('row').filter({ hasText: 'サーバ証明書発行受付通知' });
  await expect(accepted.getByTestId('ra-mail-cert')).toHaveText(['mail.example.ac.jp', 'www.example.ac.jp']);
  const reader = await openMail(page, 'サーバ証明書発行受付通知');
  const crt = await download(page, reader.getByTestId('ra-mail-link'));
  expect(openssl(['x509', '-in', crt, '-noout', '-subject']).output).toContain('CN = mail.example.ac.jp');
  await expect(page.getByRole('row').filter({ hasText: 'サーバ証明書取得通知' }).getByTestId('ra-mail-cert')).toHaveText('mail.example.ac.jp');
});

test('trainer edits the institution: an expired approval refuses uploads with R111, a bad domain is reported', async ({ page }) => {
  await openRa(page);
  await page.getByTestId('ra-tab-trainer').click();
  await expect(page.getByLabel('機関名英語表記 (O)')).toHaveValue(O);
  await page.getByLabel('登録ドメイン（カンマ区切り）').fill('not a domain');
  await page.getByTestId('ra-inst-save').click();
  await expect(page.getByRole('alert').filter({ hasText: 'domains' })).toBeVisible();
  await page.getByLabel('登録ドメイン（カンマ区切り）').fill('example.ac.jp, example.jp');
  await page.getByLabel('証明書発行承認有効期限').fill('2020-03-31');
  await page.getByTestId('ra-inst-save').click();
  await expect(page.getByTestId('ra-notice')).toContainText('機関情報を保存しました。');

  await page.getByTestId('ra-tab-upload').click();
  await upload(page, 'server-issue', sjisFile('server.tsv', [serverRow('www.example.jp')]));
  const error = page.getByTestId('ra-error');
  await expect(error.getByTestId('ra-screen-title')).toHaveText('●サーバ証明書　発行・更新・失効申請エラー画面');
  await expect(error.locator('tr.row-ng td').nth(2)).toContainText('R111');
  await expect(error.locator('tr.row-ng td').nth(2)).toContainText('機関の証明書発行有効期限が切れています。');
  // In English the screen follows the engine's English texts; the RA line stays as the RA prints it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(error.getByTestId('ra-screen-title')).toHaveText('●Server certificate issue/renew/revoke: error');
  await expect(error.locator('tr.row-ng td').nth(2)).toContainText("The institution's approval to issue certificates has expired.");
  await expect(error.locator('tr.row-ng td').nth(2)).toContainText('R111:');
});

test('client method 2, 20 rows: progress, clientAllPin.zip then clientAll.zip; a P12 opens with its PIN; a reload keeps it all', async ({ page }) => {
  await openRa(page);
  const progress = await recordProgress(page);
  await upload(page, 'client-issue', sjisFile('clients.tsv', clientRows(20, '2')));
  await expect(page.getByTestId('ra-complete').getByTestId('ra-screen-title')).toHaveText('●クライアント証明書　発行・更新申請完了画面');
  const seen = await progress();
  expect(seen.length).toBeGreaterThan(1);
  expect(seen[seen.length - 1]).toContain('20 / 20');
  // The page's key helper frame (its own renderer process: a second core for RSA keys) made keys beside the worker.
  const byHelper = await keysMadeByHelper(page);
  expect(byHelper).toBeGreaterThan(0);
  expect(byHelper).toBeLessThanOrEqual(20);

  // The certificate URL works only after the PINs were fetched.
  let reader = await openMail(page, 'クライアント証明書発行受付通知');
  await expect(reader.locator('.ra-link-state')).toHaveText('（アクセスPIN取得後に有効）');
  reader = await openMail(page, 'アクセスPIN発行通知');
  const pinZip = await download(page, reader.getByTestId('ra-mail-link'));
  expect(pinZip.endsWith('clientAllPin.zip')).toBe(true);
  const pins = sjisRows(join(unzip(pinZip), 'clientAllPin.txt'));
  expect(pins).toHaveLength(20);

  reader = await openMail(page, 'クライアント証明書発行受付通知');
  const allZip = await download(page, reader.getByTestId('ra-mail-link'));
  expect(allZip.endsWith('clientAll.zip')).toBe(true);
  const bundle = unzip(allZip);
  expect(readdirSync(bundle).filter((f) => f.endsWith('.p12'))).toHaveLength(20);
  const user7 = pins.find((r) => r[0] === '利用者　7')!;
  const opened = openssl(['pkcs12', '-info', '-noout', '-in', join(bundle, 'user7.p12'), '-passin', `pass:${user7[2]}`]);
  expect(opened.status, opened.output).toBe(0);
  expect(openssl(['pkcs12', '-info', '-noout', '-in', join(bundle, 'user7.p12'), '-passin', 'pass:wrong']).status).not.toBe(0);

  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(20);

  // IndexedDB keeps everything across a reload.
  await page.reload();
  await expect(page.getByTestId('ra-upload')).toBeAttached({ timeout: 30_000 });
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(20);
  await expect(page.getByTestId('ra-cert-row').first().locator('td').first()).toHaveText('5:発行済み');
  await expect(page.getByTestId('ra-interrupted')).toHaveCount(0);
});

test('client method 1: clientPin.zip to the admin, then each user’s own URL gives a P12 that opens with the PIN', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('m1.tsv', clientRows(2, '1')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  let reader = await openMail(page, 'アクセスPIN発行通知');
  await expect(reader).toContainText('admin@example.ac.jp');
  const pinZip = await download(page, reader.getByTestId('ra-mail-link'));
  expect(pinZip.endsWith('clientPin.zip')).toBe(true);
  const pins = sjisRows(join(unzip(pinZip), 'clientPin.txt'));

  // Two user mails: open the one to user2.
  await page.getByTestId('ra-mail-subject').filter({ hasText: 'クライアント証明書発行受付通知' }).nth(0).click();
  reader = page.getByTestId('ra-mail-reader');
  const to = (await reader.locator('dd').nth(1).textContent())!;
  const p12 = await download(page, reader.getByTestId('ra-mail-link'));
  const user = pins.find((r) => r[1] === to)!;
  expect(p12.endsWith(`${user[5]}`)).toBe(true);
  const opened = openssl(['pkcs12', '-info', '-noout', '-in', p12, '-passin', `pass:${user[2]}`]);
  expect(opened.status, opened.output).toBe(0);
  await expect(page.getByTestId('ra-mail-subject').first()).toHaveText('クライアント証明書取得通知');
});

test('client method 3: the URL opens the user\'s page, which makes the key and saves a P12 under the user\'s passphrase', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('m3.tsv', clientRows(1, '3')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  let reader = await openMail(page, 'アクセスPIN発行通知');
  const pin = sjisRows(join(unzip(await download(page, reader.getByTestId('ra-mail-link'))), 'clientPin.txt'))[0][2];
  await page.getByTestId('ra-tab-certs').click();
  const chain = await download(page, page.getByTestId('ra-dl-chain'));

  reader = await openMail(page, 'クライアント証明書発行受付通知');
  await reader.getByTestId('ra-mail-link').click();
  const pass = 'my own passphrase';
  await page.getByLabel('アクセスPIN（半角英数字）').fill('wrongwrongwrong1');
  await page.getByLabel('P12ファイルのパスフレーズ').fill(pass);
  await page.getByLabel('パスフレーズ（確認）').fill(pass);
  await page.getByTestId('svc-browser-issue-button').click();
  await expect(page.getByTestId('svc-browser-error')).toContainText('アクセスPINが正しくありません。');
  await page.getByLabel('アクセスPIN（半角英数字）').fill(pin);
  await page.getByLabel('P12ファイルのパスフレーズ').fill(pass);
  await page.getByLabel('パスフレーズ（確認）').fill(pass);
  const p12 = await download(page, page.getByTestId('svc-browser-issue-button'));
  expect(p12.endsWith('user1.p12')).toBe(true);
  const dump = openssl(['pkcs12', '-in', p12, '-passin', `pass:${pass}`, '-nodes']);
  expect(dump.status, dump.output).toBe(0);
  expect(dump.output).toContain('-----BEGIN PRIVATE KEY-----');
  const leaf = join(dir, 'm3-leaf.pem');
  execFileSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${pass}`, '-clcerts', '-nokeys', '-out', leaf]);
  expect(openssl(['verify', '-CAfile', chain, '-purpose', 'sslclient', leaf]).output).toContain(': OK');
});

test('abort mode with one bad row: error screen with the RA line, and nothing is registered', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('bad.tsv', clientRows(3, '1', [2])));
  const error = page.getByTestId('ra-error');
  await expect(error.getByTestId('ra-screen-title')).toHaveText('●クライアント証明書　発行・更新・失効申請エラー画面');
  await expect(error).toContainText('クライアント証明書　発行処理が以下のエラーにより正常終了しませんでした。');
  const ng = error.locator('tr.row-ng');
  await expect(ng).toHaveCount(1);
  await expect(ng.locator('td').first()).toHaveText('2');
  await expect(ng.locator('td').nth(1)).toHaveText('NG');
  await expect(ng.locator('td').nth(2)).toContainText('241:1,主体者DN,主体者DNの機関名が申請者の所属機関名ではありません。');

  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-certs-empty')).toBeVisible();
  await page.getByTestId('ra-tab-mail').click();
  await expect(page.getByTestId('ra-mail-subject')).toHaveCount(0);

  // The same file with 「入力値不備のないデータのみ登録する」: the two good rows are registered.
  await page.getByTestId('ra-tab-upload').click();
  await upload(page, 'client-issue', sjisFile('bad.tsv', clientRows(3, '1', [2])), 'valid-only');
  const done = page.getByTestId('ra-complete');
  await expect(done.getByTestId('ra-screen-title')).toHaveText('●クライアント証明書　発行・更新申請完了画面');
  await expect(done.locator('tbody tr td:nth-child(2)')).toHaveText(['OK', 'NG', 'OK']);
  await page.getByTestId('ra-tab-certs').click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(2);
});

test('cancel during a larger batch registers nothing', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('big.tsv', clientRows(200, '2')));
  await expect(page.getByTestId('ra-progress-count')).toContainText('/ 200');
  await expect(page.getByTestId('ra-progress')).toContainText(/残り約 \d+ 秒/);
  await page.getByTestId('ra-cancel').click();
  await expect(page.getByTestId('ra-cancelled')).toHaveText('アップロードをキャンセルしました。何も登録されていません。');

  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-certs-empty')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-certs-empty')).toBeVisible();
  await expect(page.getByTestId('ra-mail-subject')).toHaveCount(0);
});

test('a reload in the middle of a batch (page responsive meanwhile): the uncommitted upload is not there, and the page says so', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('big.tsv', clientRows(200, '2')));
  await expect(page.getByTestId('ra-progress-count')).toContainText('/ 200');
  // The main thread is free while the worker makes keys: the language switch answers at once.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Simulated RA');
  await expect(page.getByTestId('ra-progress-count')).toContainText('Making key pairs and certificates');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.reload();
  await expect(page.getByTestId('ra-interrupted')).toContainText('前回のアップロード（big.tsv）は完了前に中断されたため、何も登録されていません。');
  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-certs-empty')).toBeVisible();
  // The store works on: a small upload registers.
  await page.getByTestId('ra-tab-upload').click();
  await upload(page, 'client-issue', sjisFile('small.tsv', clientRows(2, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
});

test('trainer: the clock moves, a wrong restore passphrase is refused clearly, the right one restores', async ({ page }) => {
  await openRa(page);
  await upload(page, 'client-issue', sjisFile('two.tsv', clientRows(2, '2')));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  await page.getByTestId('ra-tab-trainer').click();

  const before = await page.getByTestId('ra-now').textContent();
  await page.getByLabel('進める日数').fill('10');
  await page.getByTestId('ra-advance').click();
  await expect(page.getByTestId('ra-notice')).toContainText('時刻を10日進めました。');
  const after = await page.getByTestId('ra-now').textContent();
  const days = (Date.parse(after!.replace(/\//g, '-').replace(' ', 'T')) - Date.parse(before!.replace(/\//g, '-').replace(' ', 'T'))) / 86_400_000;
  expect(Math.round(days)).toBe(10);

  await page.getByLabel('バックアップのパスフレーズ').fill('training passphrase');
  await page.getByLabel('パスフレーズ（確認）').fill('training passphrase');
  const backup = await download(page, page.getByTestId('ra-backup'));
  await page.getByTestId('ra-reset').click();
  await page.getByTestId('ra-reset-confirm').click();
  await expect(page.getByTestId('ra-notice')).toContainText('模擬RAを初期状態に戻しました。');
  await page.getByTestId('ra-tab-certs').click();
  await page.getByRole('button', { name: 'クライアント証明書', exact: true }).click();
  await expect(page.getByTestId('ra-certs-empty')).toBeVisible();

  await page.getByTestId('ra-tab-trainer').click();
  await page.getByLabel('復元するバックアップファイル').setInputFiles(backup);
  await page.getByLabel('復元のパスフレーズ').fill('not the passphrase');
  await page.getByTestId('ra-restore').click();
  await expect(page.getByTestId('ra-restore-error')).toHaveText('パスフレーズが違うか、ファイルが壊れています。何も変更していません。');
  await page.getByLabel('復元のパスフレーズ').fill('training passphrase');
  await page.getByTestId('ra-restore').click();
  await expect(page.getByTestId('ra-notice')).toContainText('バックアップから復元しました。');
  await page.getByTestId('ra-tab-certs').click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(2);

  // The audit trail tells the restored log, newest first.
  await page.getByTestId('ra-tab-trainer').click();
  await page.getByTestId('ra-audit').locator('summary').click();
  await expect(page.getByTestId('ra-audit').locator('li').last()).toContainText('初期化');
  await expect(page.getByTestId('ra-audit')).toContainText('two.tsv をアップロード（client-issue、2/2件受付）');
});

test('server renewal: the update mail carries the old-certificate revocation TSV; 14 days on, reminders; the TSV uploads as it is', async ({ page }) => {
  await openRa(page);
  await upload(page, 'server-issue', sjisFile('issue.tsv', [serverRow('renew.example.ac.jp')]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  let reader = await openMail(page, 'サーバ証明書発行受付通知');
  const oldCrt = await download(page, reader.getByTestId('ra-mail-link'));
  const oldSerial = BigInt(`0x${openssl(['x509', '-in', oldCrt, '-noout', '-serial']).output.trim().replace('serial=', '')}`).toString(10);

  await page.getByTestId('ra-tab-upload').click();
  const renew = serverRow('renew.example.ac.jp');
  renew[3] = oldSerial;
  await upload(page, 'server-renew', sjisFile('renew.tsv', [renew]));
  await expect(page.getByTestId('ra-complete')).toBeVisible();
  reader = await openMail(page, 'サーバ証明書発行受付通知');
  await download(page, reader.getByTestId('ra-mail-link'));

  reader = await openMail(page, '[UPKI] Webサーバ用証明書更新通知');
  const attachment = await download(page, reader.getByTestId('ra-mail-attachment'));
  expect(attachment.endsWith(`${oldSerial}-renew.example.ac.jp.tsv`)).toBe(true);
  const cells = execFileSync('iconv', ['-f', 'CP932', '-t', 'UTF-8', attachment], { encoding: 'utf8' }).split('\r\n')[0].split('\t');
  expect(cells[3]).toBe(oldSerial);

  await page.getByTestId('ra-tab-trainer').click();
  await page.getByLabel('進める日数').fill('15');
  await page.getByTestId('ra-advance').click();
  await expect(page.getByTestId('ra-notice')).toContainText('旧証明書の失効再通知 1 件');
  await page.getByTestId('ra-tab-mail').click();
  await expect(page.getByTestId('ra-mail-subject').filter({ hasText: '(旧証明書の失効申請)再通知' })).toHaveCount(2);

  await page.getByTestId('ra-tab-upload').click();
  await upload(page, 'server-revoke', { name: attachment.split('/').pop()!, mimeType: 'text/tab-separated-values', buffer: readFileSync(attachment) });
  await expect(page.getByTestId('ra-complete')).toContainText('失効申請が終了しました。');
  await page.getByTestId('ra-tab-certs').click();
  await expect(page.getByTestId('ra-cert-row')).toHaveCount(2); // the worker sends the page after the tab opens
  const states = await page.getByTestId('ra-cert-row').locator('td:first-child').allTextContents();
  expect(states.sort()).toEqual(['5:発行済み', '7:失効済み']);
});

async function uploadInEnglish(page: Parameters<typeof openRa>[0], file: ReturnType<typeof sjisFile>): Promise<void> {
  await page.getByLabel('Processing').selectOption('server-issue');
  await page.getByLabel('Application file', { exact: true }).setInputFiles(file);
  await page.getByTestId('ra-upload').click();
}

test('English mode: file-level and institution errors show the English message under the RA line', async ({ page }) => {
  await openRa(page);
  await page.getByRole('button', { name: 'English' }).click();

  await uploadInEnglish(page, utf8File('utf8.tsv', [serverRow('www.example.ac.jp')]));
  const fileErrors = page.getByTestId('ra-error').getByTestId('ra-file-errors');
  await expect(fileErrors).toContainText('U103:');
  await expect(fileErrors).toContainText('The file is encoded as UTF-8; application files must be Shift-JIS.');

  // Another institution's file (tsv-files.ts writes NII's O and domain).
  await uploadInEnglish(page, sjisFile('nii.tsv', [serverIssueRow('www.nii.ac.jp', serverCsrBase64('www.nii.ac.jp'))]));
  const errors = page.getByTestId('ra-error').locator('tr.row-ng td').nth(2);
  await expect(errors).toContainText('241:1,');
  await expect(errors).toContainText("The O of the subject DN is not the applicant's institution.");
  await expect(errors).toContainText('R101:1,');
  await expect(errors).toContainText('The domain is not registered for this institution. Contact the service desk.');
});

test('institution-dependent errors point at the simulated institution in the Trainer tab; other errors do not', async ({ page }) => {
  await openRa(page);
  // Only the domain is foreign (R101).
  await page.getByLabel('処理内容').selectOption('server-issue');
  await page.getByLabel('申請ファイル', { exact: true }).setInputFiles(sjisFile('com.tsv', [serverRow('www.example.com')]));
  await page.getByTestId('ra-upload').click();
  const note = page.getByTestId('ra-error').getByTestId('ra-institution-note');
  await expect(note).toHaveText(
    '模擬RAの機関情報（トレーナー タブの「機関情報」）: O=Example University, ST=Tokyo, L=Chiyoda-ku, ドメイン=example.ac.jp。申請ファイルと合わせるか、機関情報を変更してください。',
  );
  await page.getByRole('button', { name: 'English' }).click();
  await expect(note).toHaveText(
    "The simulated RA's institution (Trainer tab, “Institution”): O=Example University, ST=Tokyo, L=Chiyoda-ku, domains=example.ac.jp. Make the application file match it, or change the institution.",
  );

  // A file error alone (UTF-8) says nothing about the institution.
  await uploadInEnglish(page, utf8File('utf8.tsv', [serverRow('www.example.ac.jp')]));
  await expect(page.getByTestId('ra-error').getByTestId('ra-file-errors')).toContainText('U103:');
  await expect(page.getByTestId('ra-institution-note')).toHaveCount(0);
});

/** Keys the RA page's sandboxed key helper frame (src/ui/ra/keygen-frame.ts) has made so far. */
async function keysMadeByHelper(page: Page): Promise<number> {
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
  if (!frame) throw new Error('no key helper frame');
  return frame.evaluate(() => (globalThis as unknown as { keysMade(): number }).keysMade());
}

test.describe('single-file build opened from file://', () => {
  // UPKI_SINGLE_HTML: test another build of the same file (e.g. a private one).
  const single = resolve(process.env.UPKI_SINGLE_HTML || 'dist-single/upki-workbench.html');
  test.use({ allowFileUrls: true });

  test('the RA engine runs in the inline worker on IndexedDB and issues a server certificate', async ({ page }) => {
    test.skip(!existsSync(single), `${single} is missing: run \`npm run build\` first`);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`${pathToFileURL(single).href}#/ra`);
    await expect(page.getByTestId('ra-upload')).toBeVisible({ timeout: 30_000 });
    expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);
    await upload(page, 'server-issue', sjisFile('server.tsv', [serverRow('single.example.ac.jp')]));
    await expect(page.getByTestId('ra-complete')).toBeVisible();
    const reader = await openMail(page, 'サーバ証明書発行受付通知');
    const crt = await download(page, reader.getByTestId('ra-mail-link'));
    expect(openssl(['x509', '-in', crt, '-noout', '-subject']).output).toContain('CN = single.example.ac.jp');
  });

  test('client method 2 from file://: the key helper frame runs under the CSP and makes keys; a P12 opens with its PIN', async ({ page }) => {
    test.skip(!existsSync(single), `${single} is missing: run \`npm run build\` first`);
    const refused: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && refused.push(m.text()));
    await page.goto(`${pathToFileURL(single).href}#/ra`);
    await expect(page.getByTestId('ra-upload')).toBeVisible({ timeout: 30_000 });
    await upload(page, 'client-issue', sjisFile('clients.tsv', clientRows(6, '2')));
    await expect(page.getByTestId('ra-complete')).toBeVisible({ timeout: 60_000 });
    expect(await keysMadeByHelper(page)).toBeGreaterThan(0);
    const pins = sjisRows(join(unzip(await download(page, (await openMail(page, 'アクセスPIN発行通知')).getByTestId('ra-mail-link'))), 'clientAllPin.txt'));
    const bundle = unzip(await download(page, (await openMail(page, 'クライアント証明書発行受付通知')).getByTestId('ra-mail-link')));
    const user3 = pins.find((r) => r[0] === '利用者　3')!;
    const opened = openssl(['pkcs12', '-info', '-noout', '-in', join(bundle, 'user3.p12'), '-passin', `pass:${user3[2]}`]);
    expect(opened.status, opened.output).toBe(0);
    expect(refused).toEqual([]);
  });
});
